//! Test data: a small hand-made collection for exact expectations, and seeded clustered
//! vectors for recall.

use cbdkg_vectors::{Payload, Point, fields};

/// Dimension of every test collection (multilingual-e5-small's).
pub const DIM: usize = 384;

/// A vector whose first coordinates are `head` and the rest zero.
pub fn padded(head: &[f32]) -> Vec<f32> {
    let mut vector = vec![0.0; DIM];
    vector[..head.len()].copy_from_slice(head);
    vector
}

/// One hand-made point.
pub struct Doc {
    pub id: u64,
    pub head: [f32; 3],
    pub doc_type: &'static str,
    pub body: Option<&'static str>,
    pub langs: &'static [&'static str],
    pub year: i64,
}

/// Ranked by cosine to `[1, 0, 0]` in id order, without ties: 1, 2, 3, 4, 5, 6.
pub const DOCS: &[Doc] = &[
    Doc { id: 1, head: [1.0, 0.0, 0.0], doc_type: "decision", body: Some("COP"), langs: &["en"], year: 2010 },
    Doc { id: 2, head: [0.9, 0.1, 0.0], doc_type: "decision", body: Some("COP"), langs: &["en", "fr"], year: 2016 },
    Doc { id: 3, head: [0.7, 0.7, 0.0], doc_type: "recommendation", body: Some("SBSTTA"), langs: &["fr"], year: 2018 },
    Doc { id: 4, head: [0.1, 1.0, 0.0], doc_type: "recommendation", body: Some("SBSTTA"), langs: &["ar"], year: 2022 },
    Doc { id: 5, head: [0.0, 0.2, 1.0], doc_type: "notification", body: None, langs: &["es"], year: 2024 },
    Doc { id: 6, head: [-1.0, 0.0, 0.0], doc_type: "decision", body: Some("COP"), langs: &["ar"], year: 2022 },
];

/// The query all hand-made expectations are ranked against.
pub fn query() -> Vec<f32> {
    padded(&[1.0, 0.0, 0.0])
}

/// [`DOCS`] as points.
pub fn docs() -> Vec<Point> {
    DOCS.iter()
        .map(|doc| {
            let mut payload = Payload::new()
                .with_keyword(fields::DOC_TYPE, doc.doc_type)
                .with_keywords(fields::LANG, doc.langs.iter().copied())
                .with_integer(fields::YEAR, doc.year);
            if let Some(body) = doc.body {
                payload = payload.with_keyword(fields::BODY, body);
            }
            Point { id: doc.id, vector: padded(&doc.head), payload }
        })
        .collect()
}

/// splitmix64: tiny, seeded, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1].
    fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box-Muller).
    pub fn gaussian(&mut self) -> f32 {
        let (u, v) = (self.unit(), self.unit());
        ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// `n` vectors drawn around `centers` (chosen uniformly), each coordinate the centre's plus
/// Gaussian noise of standard deviation `spread`.
pub fn clustered(rng: &mut Rng, centers: &[Vec<f32>], n: usize, spread: f32) -> Vec<Vec<f32>> {
    (0..n)
        .map(|_| {
            let center = &centers[rng.below(centers.len())];
            center.iter().map(|c| c + spread * rng.gaussian()).collect()
        })
        .collect()
}

/// `count` random cluster centres with standard-normal coordinates.
pub fn centers(rng: &mut Rng, count: usize) -> Vec<Vec<f32>> {
    (0..count).map(|_| (0..DIM).map(|_| rng.gaussian()).collect()).collect()
}
