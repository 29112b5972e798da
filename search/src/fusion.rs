//! Weighted reciprocal-rank fusion: each retriever contributes `weight × trust / (k + rank)`
//! for every passage it ranks (rank from 1), where `trust` (default 1) is how much the
//! retriever vouches for that one passage. Scores of different retrievers (BM25, cosine) are
//! not comparable; ranks are.

use std::collections::HashMap;

/// One retriever's ranking: passage keys, best first, with its fusion weight.
#[derive(Debug, Clone, Copy)]
pub struct Ranking<'a> {
    /// Passage keys in rank order.
    pub keys: &'a [&'a str],
    /// Weight of this retriever (0 removes it).
    pub weight: f64,
    /// Per-passage trust (0–1) in rank order, parallel to `keys`; `None`: 1 for all.
    pub trust: Option<&'a [f64]>,
}

/// A fused result: the key, its fused score, and its rank (from 1) in each input ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Fused {
    /// The passage key.
    pub key: String,
    /// Sum of `weight × trust / (k + rank)` over the rankings that contain the key.
    pub score: f64,
    /// Rank in each input ranking, in input order; `None` where the key is absent.
    pub ranks: Vec<Option<usize>>,
}

/// Fuses rankings; ties keep the order of first appearance (first ranking first), so the
/// result is deterministic.
pub fn reciprocal_rank_fusion(rankings: &[Ranking<'_>], k: u32) -> Vec<Fused> {
    let mut fused: Vec<Fused> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (which, ranking) in rankings.iter().enumerate() {
        for (position, key) in ranking.keys.iter().enumerate() {
            let rank = position + 1;
            let slot = *index.entry(key).or_insert_with(|| {
                fused.push(Fused { key: (*key).to_owned(), score: 0.0, ranks: vec![None; rankings.len()] });
                fused.len() - 1
            });
            let entry = &mut fused[slot];
            // A retriever that repeats a key counts it once, at its best rank.
            if entry.ranks[which].is_none() {
                entry.ranks[which] = Some(rank);
                let trust = ranking.trust.and_then(|t| t.get(position)).copied().unwrap_or(1.0);
                entry.score += ranking.weight * trust / (f64::from(k) + rank as f64);
            }
        }
    }
    // Stable sort: equal scores stay in order of first appearance.
    fused.sort_by(|a, b| b.score.total_cmp(&a.score));
    fused
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rankings: &[(&[&str], f64)], k: u32, expected: &[(&str, [Option<usize>; 2])]) {
        let rankings: Vec<Ranking<'_>> =
            rankings.iter().map(|(keys, weight)| Ranking { keys, weight: *weight, trust: None }).collect();
        let fused = reciprocal_rank_fusion(&rankings, k);
        let got: Vec<(&str, Vec<Option<usize>>)> = fused.iter().map(|f| (f.key.as_str(), f.ranks.clone())).collect();
        let want: Vec<(&str, Vec<Option<usize>>)> = expected.iter().map(|(key, r)| (*key, r.to_vec())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn agreement_wins_over_a_single_top_rank() {
        // b is 2nd in both: 2/(60+2) beats a's 1/(60+1).
        check(
            &[(&["a", "b"], 1.0), (&["c", "b"], 1.0)],
            60,
            &[("b", [Some(2), Some(2)]), ("a", [Some(1), None]), ("c", [None, Some(1)])],
        );
    }

    #[test]
    fn weights_tilt_the_order() {
        check(&[(&["a"], 1.0), (&["c"], 2.0)], 60, &[("c", [None, Some(1)]), ("a", [Some(1), None])]);
        check(&[(&["a"], 1.0), (&["c"], 0.0)], 60, &[("a", [Some(1), None]), ("c", [None, Some(1)])]);
    }

    #[test]
    fn ties_keep_first_appearance_and_repeats_count_once() {
        check(&[(&["a", "a"], 1.0), (&["c"], 1.0)], 60, &[("a", [Some(1), None]), ("c", [None, Some(1)])]);
        check(&[(&[], 1.0), (&[], 1.0)], 60, &[]);
    }

    #[test]
    fn scores_are_the_weighted_sum() {
        let keys: &[&str] = &["x"];
        let fused = reciprocal_rank_fusion(
            &[Ranking { keys, weight: 1.0, trust: None }, Ranking { keys, weight: 0.5, trust: None }],
            10,
        );
        assert!((fused[0].score - (1.0 / 11.0 + 0.5 / 11.0)).abs() < 1e-12);
    }

    #[test]
    fn trust_scales_each_contribution() {
        // "a" is first for the keyword side but barely vouched for; "b" wins on the other side.
        let keyword = ["a", "b"];
        let dense = ["b", "a"];
        let trust = [0.1, 1.0];
        let fused = reciprocal_rank_fusion(
            &[
                Ranking { keys: &keyword, weight: 1.0, trust: Some(&trust) },
                Ranking { keys: &dense, weight: 1.0, trust: None },
            ],
            60,
        );
        assert_eq!(fused[0].key, "b");
        let expected_a = 0.1 / 61.0 + 1.0 / 62.0;
        assert!((fused[1].score - expected_a).abs() < 1e-12);
    }
}
