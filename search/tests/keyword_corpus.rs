//! Keyword search on the bundled Arabic corpus: exact lookups of decisions and paragraphs,
//! Arabic word forms, filters inside the index, facets, snippets, bad queries, and the index's
//! life cycle (build, open, rebuild, errors).

mod common;

use cbdkg_search::keyword::{KeywordError, KeywordHit, KeywordIndex, ReferenceMatch, check_query};
use cbdkg_search::{Passage, SearchFilter};
use common::BASE;
use std::collections::HashMap;

fn index() -> &'static KeywordIndex {
    common::corpus_index("corpus")
}

fn search(query: &str, k: usize) -> Vec<KeywordHit> {
    index().search(query, k, &SearchFilter::default()).unwrap_or_else(|e| panic!("{query}: {e}"))
}

/// IRIs below the base: `decision/COP-13-23/p15-g`.
fn paths(hits: &[KeywordHit]) -> Vec<&str> {
    hits.iter().map(|h| h.iri.strip_prefix(BASE).unwrap_or(&h.iri)).collect()
}

/// The first hits of `query` are `expected`, in order.
fn check_first(query: &str, expected: &[&str]) {
    let hits = search(query, expected.len().max(5));
    assert_eq!(&paths(&hits)[..expected.len()], expected, "{query}");
}

#[test]
fn exact_lookup_of_a_decision() {
    // Document order: the preamble first.
    let xiii_23 = ["decision/COP-13-23/pre1", "decision/COP-13-23/pre2", "decision/COP-13-23/pre3"];
    for query in [
        "XIII/23",
        "xiii/23",
        "13/23",
        "23/13",
        "المقرر 23/13",
        "المقرر ٢٣/١٣",
        "decision XIII/23",
        "CBD/COP/DEC/XIII/23",
        "COP-13-23",
        "  XIII/23.  ",
    ] {
        check_first(query, &xiii_23);
        assert_eq!(search(query, 1)[0].reference, Some(ReferenceMatch::Document), "{query}");
    }
    for query in ["CP-11/4", "cp-11/4", "المقرر CP-11/4", "CBD/CP/MOP/DEC/11/4", "decision CP-11/4"] {
        check_first(query, &["decision/CP-11-4/pre1", "decision/CP-11-4/p1", "decision/CP-11-4/p2"]);
    }
    // Every passage of the decision comes before any other document's.
    let hits = search("XIII/23 بناء القدرات", 2_000);
    let first_other = hits.iter().position(|h| !h.iri.contains("decision/COP-13-23")).unwrap();
    assert!(hits[first_other..].iter().all(|h| !h.iri.contains("decision/COP-13-23")));
    assert!(hits[first_other..].iter().all(|h| h.reference.is_none()));
}

#[test]
fn exact_lookup_of_a_paragraph() {
    let p15_g = ["decision/COP-13-23/p15-g", "decision/COP-13-23/p15", "decision/COP-13-23/pre1"];
    for query in [
        "decision XIII/23 paragraph 15(g)",
        "XIII/23 para. 15 (g)",
        "paragraph 15(g) of decision XIII/23",
        "الفقرة 15(ز) من المقرر 23/13",
        "المقرر 23/13، الفقرة 15 (ز)",
        "الفقرة ١٥(ز) من المقرر ٢٣/١٣",
        "décision XIII/23, paragraphe 15 g)",
    ] {
        check_first(query, &p15_g);
        let hits = search(query, 3);
        let reasons: Vec<_> = hits.iter().map(|h| h.reference).collect();
        assert_eq!(
            reasons,
            [Some(ReferenceMatch::Paragraph), Some(ReferenceMatch::EnclosingParagraph), Some(ReferenceMatch::Document)],
            "{query}"
        );
    }
    // A paragraph: itself, its sub-paragraphs in order, then the rest of the decision.
    let hits = search("XIII/23 paragraph 15", 17);
    let expected: Vec<String> = std::iter::once("decision/COP-13-23/p15".to_owned())
        .chain(('a'..='n').map(|c| format!("decision/COP-13-23/p15-{c}")))
        .chain(["decision/COP-13-23/pre1".to_owned(), "decision/COP-13-23/pre2".to_owned()])
        .collect();
    assert_eq!(paths(&hits), expected);
    check_first("CP-11/4 paragraph 7(2)", &["decision/CP-11-4/p7-2", "decision/CP-11-4/p7", "decision/CP-11-4/pre1"]);
    check_first("المقرر CP-11/4 الفقرة 3", &["decision/CP-11-4/p3", "decision/CP-11-4/pre1"]);
}

#[test]
fn arabic_word_forms_find_the_paragraph() {
    let cases = [
        // XIII/23 15(g): "commission an independent evaluation of the impacts".
        ("التكليف بإجراء تقييم مستقل", "decision/COP-13-23/p15-g"),
        ("تكليف إجراء التقييم المستقل", "decision/COP-13-23/p15-g"),
        ("التَّكْلِيفُ بِإِجْرَاءِ تَقْيِيمٍ مُسْتَقِلٍّ", "decision/COP-13-23/p15-g"),
        ("والتكليف باجراء تقييم مستقل", "decision/COP-13-23/p15-g"),
        ("تقييم مستقل لآثار ونتائج", "decision/COP-13-23/p15-g"),
        ("تقييم مستقل لاثار", "decision/COP-13-23/p15-g"),
        // 15(i): "the web strategy of the Convention".
        ("استراتيجية الويب", "decision/COP-13-23/p15-i"),
        ("الاستراتيجية ويب", "decision/COP-13-23/p15-i"),
        // CP-11/4: meetings held online for two consecutive hours.
        ("ساعتين متتاليتين", "decision/CP-11-4/p7-3"),
        ("ساعتين متتاليتين يومياً", "decision/CP-11-4/p7-3"),
    ];
    for (query, expected) in cases {
        let hits = search(query, 5);
        assert_eq!(paths(&hits).first().copied(), Some(expected), "{query}: {:?}", paths(&hits));
    }
}

#[test]
fn phrases() {
    // A quoted phrase must match as a phrase; the same words unquoted also find others.
    let phrase = search("\"تقييم مستقل\"", 50);
    assert!(!phrase.is_empty());
    assert!(phrase.iter().all(|h| h.matched_terms == ["تقييم مستقل"]), "{phrase:?}");
    let words = search("تقييم مستقل", 50);
    assert!(words.len() > phrase.len());
    // Unbalanced quotes are plain text.
    assert_eq!(paths(&search("\"تقييم مستقل", 5)), paths(&search("تقييم مستقل", 5)));
}

fn passages_by_iri() -> HashMap<String, Passage> {
    common::corpus_passages().into_iter().map(|p| (p.iri.clone(), p)).collect()
}

/// Filtering inside the index gives exactly the unfiltered ranking filtered afterwards by
/// `SearchFilter::accepts`, the reference semantics.
#[test]
fn filters_match_the_reference_semantics() {
    let passages = passages_by_iri();
    let filters = [
        SearchFilter { doc_types: vec!["decision".into()], ..Default::default() },
        SearchFilter { doc_types: vec!["note".into(), "discussion-guide".into()], ..Default::default() },
        SearchFilter { year_min: Some(2024), ..Default::default() },
        SearchFilter { year_min: Some(2016), year_max: Some(2016), ..Default::default() },
        SearchFilter { year_max: Some(2020), doc_types: vec!["decision".into()], ..Default::default() },
        SearchFilter { langs: vec!["ar".into()], ..Default::default() },
        SearchFilter { langs: vec!["en".into()], ..Default::default() },
        SearchFilter { bodies: vec!["SBI".into()], ..Default::default() },
        SearchFilter { meetings: vec!["COP-13".into(), "CP-MOP-11".into()], ..Default::default() },
    ];
    for query in ["بناء القدرات", "الاجتماعات عبر الإنترنت", "XIII/23", "المقرر 23/13 الفقرة 15(ز)", "2030"]
    {
        let all = search(query, 10_000);
        for filter in &filters {
            let filtered = index().search(query, 10, filter).unwrap();
            let expected: Vec<&str> =
                all.iter().filter(|h| filter.accepts(&passages[&h.iri])).take(10).map(|h| h.iri.as_str()).collect();
            let got: Vec<&str> = filtered.iter().map(|h| h.iri.as_str()).collect();
            assert_eq!(got, expected, "{query} {filter:?}");
        }
    }
    let english = index().search("بناء القدرات", 10, &SearchFilter { langs: vec!["en".into()], ..Default::default() });
    assert!(english.unwrap().is_empty());
}

#[test]
fn facets_count_every_match() {
    let passages = passages_by_iri();
    for (query, filter) in [
        ("بناء القدرات", SearchFilter::default()),
        ("XIII/23", SearchFilter::default()),
        ("الاجتماعات", SearchFilter { year_min: Some(2024), ..Default::default() }),
        ("القدرات", SearchFilter { doc_types: vec!["note".into()], ..Default::default() }),
    ] {
        let facets = index().facets(query, &filter).unwrap();
        let hits = index().search(query, 10_000, &filter).unwrap();
        assert_eq!(facets.total, hits.len() as u64, "{query}");
        let mut doc_types: HashMap<String, u64> = HashMap::new();
        let mut years: HashMap<i32, u64> = HashMap::new();
        for hit in &hits {
            let p = &passages[&hit.iri];
            *doc_types.entry(p.doc_type.clone().unwrap()).or_default() += 1;
            if let Some(year) = p.year {
                *years.entry(year).or_default() += 1;
            }
        }
        let facet_doc_types: HashMap<String, u64> =
            facets.doc_types.iter().map(|f| (f.value.clone(), f.count)).collect();
        assert_eq!(facet_doc_types, doc_types, "{query}");
        let facet_years: HashMap<i32, u64> = facets.years.iter().map(|y| (y.year, y.count)).collect();
        assert_eq!(facet_years, years, "{query}");
        assert!(facets.doc_types.windows(2).all(|w| w[0].count >= w[1].count));
        assert!(facets.years.windows(2).all(|w| w[0].year < w[1].year));
        assert_eq!(facets.langs.iter().map(|f| f.count).sum::<u64>(), facets.total);
    }
    // A decision's own passages are all counted.
    let cp_11_4 = passages.values().filter(|p| p.doc.ends_with("decision/CP-11-4")).count() as u64;
    let facets = index().facets("CP-11/4", &SearchFilter::default()).unwrap();
    let count = |counts: &[cbdkg_search::keyword::FacetCount], value: &str| {
        counts.iter().find(|f| f.value == value).map_or(0, |f| f.count)
    };
    assert_eq!(count(&facets.meetings, "CP-MOP-11"), cp_11_4);
    assert_eq!(count(&facets.bodies, "CP-MOP"), cp_11_4);
}

#[test]
fn snippets_and_matched_terms() {
    let hit = &search("تقييم مستقل", 1)[0];
    assert_eq!(hit.matched_terms, ["تقييم", "مستقل"]);
    let snippet = hit.snippet.as_deref().unwrap();
    assert!(snippet.contains("<b>تقييم</b> <b>مستقل</b>"), "{snippet}");
    // The query's surface forms are reported; the text's own forms are highlighted.
    let hit = &search("التَّقْيِيم المستقلة", 1)[0];
    assert_eq!(hit.matched_terms, ["التَّقْيِيم", "المستقلة"]);
    assert!(hit.snippet.as_deref().unwrap().contains("<b>تقييم</b>"));
    // Words missing from the passage are not reported.
    let hit = &search("تقييم مستقل زلزال", 1)[0];
    assert_eq!(hit.matched_terms, ["تقييم", "مستقل"]);
    // Exact lookups without matching words have no snippet.
    let hit = &search("CP-11/4", 1)[0];
    assert_eq!((hit.snippet.as_deref(), hit.reference), (None, Some(ReferenceMatch::Document)));
    // Snippets are HTML: markup in the text is escaped.
    for hit in search("القدرات", 50) {
        let snippet = hit.snippet.unwrap();
        let stripped = snippet.replace("<b>", "").replace("</b>", "");
        assert!(!stripped.contains(['<', '>']), "{snippet}");
    }
}

/// How a bad query ends: an error with this code, or results (possibly none).
#[derive(Debug)]
enum Outcome {
    Error(&'static str),
    Results,
}

#[test]
fn bad_queries_never_panic() {
    let long = "x".repeat(10_000);
    let long_arabic = "التنوع ".repeat(142);
    let cases: Vec<(&str, Outcome)> = vec![
        ("", Outcome::Error("empty_query")),
        ("   \t ", Outcome::Error("empty_query")),
        ("!!! ... ???", Outcome::Error("empty_query")),
        ("،؛.؟", Outcome::Error("empty_query")),
        ("\u{0}\u{7}\u{1b}[0m", Outcome::Results),
        ("\u{0}\u{7}", Outcome::Error("empty_query")),
        ("\"\"", Outcome::Error("empty_query")),
        ("\"", Outcome::Error("empty_query")),
        ("*", Outcome::Error("empty_query")),
        ("🌍🌱", Outcome::Error("empty_query")),
        ("في على إلى", Outcome::Error("empty_query")),
        ("ـــ", Outcome::Error("empty_query")),
        (&long, Outcome::Error("query_too_long")),
        (&long_arabic, Outcome::Results),
        ("\"بناء القدرات", Outcome::Results),
        ("بناء \"القدرات\" \"", Outcome::Results),
        ("biodiversity التنوع 生物多样性 биоразнообразие", Outcome::Results),
        ("title:foo AND (bar OR baz^2) -qux ~3 [a TO b]", Outcome::Results),
        ("\u{202E}القدرات\u{202C}", Outcome::Results),
        ("XIII/23 \"", Outcome::Results),
        ("99/99 0/0 1/1000 XLII/23", Outcome::Results),
        ("paragraph 15(g)", Outcome::Results),
        ("الفقرة (ز)", Outcome::Results),
    ];
    for (query, outcome) in cases {
        let hits = index().search(query, 10, &SearchFilter::default());
        let facets = index().facets(query, &SearchFilter::default());
        let checked = check_query(query).err().map(|e| e.code());
        assert_eq!(checked, hits.as_ref().err().map(KeywordError::code), "{query:?}");
        match (&outcome, &hits, &facets) {
            (Outcome::Error(code), Err(e), Err(f)) => {
                assert_eq!((e.code(), f.code()), (*code, *code), "{query:?}: {e}");
                assert!(e.is_user_error());
            }
            (Outcome::Results, Ok(_), Ok(_)) => {}
            _ => panic!("{query:?}: expected {outcome:?}, got {hits:?} / {facets:?}"),
        }
    }
    let error = index().search(&long, 10, &SearchFilter::default()).unwrap_err();
    assert!(matches!(error, KeywordError::QueryTooLong { chars: 10_000, limit: 1_000 }), "{error}");
    assert_eq!(error.to_string(), "the query is 10000 characters long; the limit is 1000");
    assert!(index().search("XIII/23", 0, &SearchFilter::default()).unwrap().is_empty());
    assert_eq!(
        index().search("XIII/23 \"", 1, &SearchFilter::default()).unwrap()[0].reference,
        Some(ReferenceMatch::Document)
    );
    assert!(index().search("القدرات", usize::MAX, &SearchFilter::default()).unwrap().len() < 1000);
}

#[test]
fn index_life_cycle() {
    let scratch = common::scratch_dir("life-cycle");
    let dir = scratch.join("var/index/keyword");
    // Missing, empty and foreign directories are refused with a clear error.
    let missing = KeywordIndex::open(&dir).unwrap_err();
    assert_eq!(missing.code(), "keyword_index_missing");
    assert!(missing.to_string().contains("var/index/keyword"), "{missing}");
    std::fs::create_dir_all(&dir).unwrap();
    assert_eq!(KeywordIndex::open(&dir).unwrap_err().code(), "keyword_index_missing");
    // A build of one document, then a rebuild of two over it.
    let cp_11_4 = common::passages(&common::load(common::CORPUS[4]));
    let index = KeywordIndex::build(&dir, &cp_11_4).unwrap();
    assert_eq!(index.len(), cp_11_4.len() as u64);
    drop(index);
    let mut two = cp_11_4.clone();
    two.extend(common::passages(&common::load(common::CORPUS[1])));
    let rebuilt = KeywordIndex::build(&dir, &two).unwrap();
    assert_eq!(rebuilt.len(), two.len() as u64);
    assert_eq!(search_paths(&rebuilt, "XIII/23")[0], "decision/COP-13-23/pre1");
    // No leftovers beside the index.
    let siblings: Vec<String> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(siblings, ["keyword"]);
    // Reopened from disk.
    let reopened = KeywordIndex::open(&dir).unwrap();
    assert_eq!(reopened.len(), two.len() as u64);
    // Another schema version is refused.
    std::fs::write(dir.join("cbdkg-keyword-version"), "0\n").unwrap();
    let incompatible = KeywordIndex::open(&dir).unwrap_err();
    assert_eq!(incompatible.code(), "keyword_index_incompatible");
    assert!(incompatible.to_string().contains("schema version 0"), "{incompatible}");
    std::fs::remove_file(dir.join("cbdkg-keyword-version")).unwrap();
    assert_eq!(KeywordIndex::open(&dir).unwrap_err().code(), "keyword_index_incompatible");
    // A passage in a language without analyser fails the build before anything is written.
    let mut german = cp_11_4[0].clone();
    german.lang = "de".into();
    let other = scratch.join("other");
    let error = KeywordIndex::build(&other, &[german]).unwrap_err();
    assert_eq!(error.code(), "unsupported_language");
    assert!(error.to_string().contains("decision/CP-11-4/pre1"), "{error}");
    assert!(!other.exists());
    assert_eq!(KeywordIndex::build("/", &cp_11_4).unwrap_err().code(), "keyword_index_invalid_path");
    // An empty index answers nothing.
    let empty = KeywordIndex::build(scratch.join("empty"), &[]).unwrap();
    assert!(empty.is_empty());
    assert!(empty.search("XIII/23", 10, &SearchFilter::default()).unwrap().is_empty());
}

fn search_paths(index: &KeywordIndex, query: &str) -> Vec<String> {
    let hits = index.search(query, 5, &SearchFilter::default()).unwrap();
    paths(&hits).into_iter().map(str::to_owned).collect()
}
