//! How long a keyword search takes on the bundled corpus (printed; run with `--nocapture`, and
//! in release for representative figures). The bound asserted is loose on purpose: it only
//! catches a search that has become pathologically slow, not a regression of a few percent.

mod common;

use cbdkg_search::SearchFilter;
use std::time::{Duration, Instant};

const QUERIES: [&str; 8] = [
    "XIII/23",
    "المقرر 23/13 الفقرة 15(ز)",
    "بناء القدرات",
    "آلية غرفة تبادل المعلومات",
    "الشعوب الأصلية والمجتمعات المحلية",
    "\"خطة العمل القصيرة الأجل\"",
    "capacity building biodiversity 2030",
    "تقييم مستقل لآثار ونتائج وفعالية خطة العمل",
];

#[test]
fn keyword_search_latency() {
    let index = common::corpus_index("latency");
    let filtered = SearchFilter { doc_types: vec!["decision".into()], year_min: Some(2016), ..Default::default() };
    let mut times: Vec<Duration> = Vec::new();
    for query in QUERIES {
        let mut per_query: Vec<Duration> = Vec::new();
        for _ in 0..30 {
            for filter in [&SearchFilter::default(), &filtered] {
                let start = Instant::now();
                let hits = index.search(query, 10, filter).unwrap();
                per_query.push(start.elapsed());
                std::hint::black_box(hits);
            }
        }
        per_query.sort();
        eprintln!("  {query}: median {:?}", per_query[per_query.len() / 2]);
        times.extend(per_query);
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    let (median, p95, max) = (at(0.5), at(0.95), at(1.0));
    eprintln!(
        "keyword search, top 10, {} passages, {} searches: median {median:?}, p95 {p95:?}, max {max:?}",
        index.len(),
        times.len()
    );
    let start = Instant::now();
    let facets = index.facets("بناء القدرات", &SearchFilter::default()).unwrap();
    eprintln!("facets of {} matches: {:?}", facets.total, start.elapsed());
    assert!(median < Duration::from_millis(50), "median {median:?}");
}
