//! Ranked IRIs of representative queries on the bundled corpus, compared with the reviewed
//! snapshot `tests/snapshots/keyword_rankings.snap`: a ranking change shows up as a diff.
//! After an intended change, regenerate with
//! `CBDKG_UPDATE_SNAPSHOTS=1 cargo test -p cbdkg-search --test keyword_rankings` and review
//! the diff like code.

mod common;

use cbdkg_search::SearchFilter;
use std::fmt::Write;
use std::path::Path;

const QUERIES: [&str; 12] = [
    "XIII/23",
    "المقرر 23/13 الفقرة 15(ز)",
    "CP-11/4 paragraph 7",
    "بناء القدرات",
    "والتعاون التقني والعلمي",
    "آلية غرفة تبادل المعلومات",
    "الشعوب الأصلية والمجتمعات المحلية",
    "تقييم مستقل",
    "الاجتماعات المختلطة عبر الإنترنت",
    "\"خطة العمل القصيرة الأجل\"",
    "٢٠٣٠",
    "capacity building CBD",
];

const TOP: usize = 6;

#[test]
fn rankings_snapshot() {
    let index = common::corpus_index("rankings");
    let mut got = String::new();
    for query in QUERIES {
        writeln!(got, "{query}").unwrap();
        for (rank, hit) in index.search(query, TOP, &SearchFilter::default()).unwrap().iter().enumerate() {
            let iri = hit.iri.strip_prefix(common::BASE).unwrap_or(&hit.iri);
            let why = match hit.reference {
                Some(reference) => format!("{reference:?}"),
                None => hit.matched_terms.join(" | "),
            };
            writeln!(got, "  {}. {iri}  [{why}]", rank + 1).unwrap();
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/keyword_rankings.snap");
    if std::env::var_os("CBDKG_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == expected,
        "rankings differ from {} (regenerate with CBDKG_UPDATE_SNAPSHOTS=1 and review):\n{got}",
        path.display()
    );
}
