//! The Kunming-Montreal Global Biodiversity Framework (GBF) as cbdkg uses it: the IRIs of the
//! KMGBF ontology (`ttl/kmgbf.ttl`, CC BY 4.0 IGO), reused unchanged, and what cbdkg adds about
//! them (`ttl/gbf.ttl`: scheme membership, thesaurus codes, ar/ru/zh labels, the crosswalk to the
//! Aichi Biodiversity Targets).
//!
//! Paragraphs, clearing-house records and pledges cite a GBF target with `cbdkg:citesTarget`
//! and one of [`TARGETS`], exactly as they cite an Aichi target.

/// Namespace of the KMGBF concepts: `{NS}goal_A`, `{NS}target_17`, `{NS}indicator_7.1`.
pub const NS: &str = "http://metadata.cbd.int/kmgbf/";
/// Namespace of the KMGBF ontology's classes and properties.
pub const ONTOLOGY_NS: &str = "http://metadata.cbd.int/kmgbf/ontology#";
/// The concept scheme of the goals and targets.
pub const SCHEME: &str = "http://metadata.cbd.int/kmgbf/kmgbfScheme";
/// The concept scheme of the indicators.
pub const INDICATOR_SCHEME: &str = "http://metadata.cbd.int/kmgbf/indicatorScheme";
/// Class of the four goals.
pub const GOAL_CLASS: &str = "http://metadata.cbd.int/kmgbf/ontology#Goal";
/// Class of the 23 targets.
pub const TARGET_CLASS: &str = "http://metadata.cbd.int/kmgbf/ontology#Target";
/// Class of the indicators.
pub const INDICATOR_CLASS: &str = "http://metadata.cbd.int/kmgbf/ontology#Indicator";

/// Goal A: Ecosystems are conserved, extinctions are halted and genetic diversity is maintained.
pub const GOAL_A: &str = "http://metadata.cbd.int/kmgbf/goal_A";
/// Goal B: Biodiversity is sustainably used and its contributions to people are maintained, enhanced or restored.
pub const GOAL_B: &str = "http://metadata.cbd.int/kmgbf/goal_B";
/// Goal C: Benefits from the use of genetic resources are shared and substantially increased.
pub const GOAL_C: &str = "http://metadata.cbd.int/kmgbf/goal_C";
/// Goal D: The biodiversity funding gap of 700 billion USD is progressively closed by ensuring adequate means of implementation are available.
pub const GOAL_D: &str = "http://metadata.cbd.int/kmgbf/goal_D";
/// The four goals, A to D.
pub const GOALS: [&str; 4] = [GOAL_A, GOAL_B, GOAL_C, GOAL_D];

/// Target 1: All areas are planned or managed to bring loss of areas of high biodiversity importance close to zero.
pub const TARGET_1: &str = "http://metadata.cbd.int/kmgbf/target_1";
/// Target 2: 30% of degraded areas are under effective restoration.
pub const TARGET_2: &str = "http://metadata.cbd.int/kmgbf/target_2";
/// Target 3: 30% of areas are effectively conserved.
pub const TARGET_3: &str = "http://metadata.cbd.int/kmgbf/target_3";
/// Target 4: Threatened species are recovering, genetic diversity is being maintained and human-wildlife conflict is being managed.
pub const TARGET_4: &str = "http://metadata.cbd.int/kmgbf/target_4";
/// Target 5: Use, harvesting and trade of wild species is sustainable, safe and legal.
pub const TARGET_5: &str = "http://metadata.cbd.int/kmgbf/target_5";
/// Target 6: Reduce rates of introduction and establishment of invasive alien species by 50%.
pub const TARGET_6: &str = "http://metadata.cbd.int/kmgbf/target_6";
/// Target 7: Pollution reduced, halving nutrient loss and pesticide risk.
pub const TARGET_7: &str = "http://metadata.cbd.int/kmgbf/target_7";
/// Target 8: Minimize impacts of climate change and ocean acidification including through nature-based solutions and/or ecosystem-based approaches.
pub const TARGET_8: &str = "http://metadata.cbd.int/kmgbf/target_8";
/// Target 9: Management of wild species is sustainable and benefits people.
pub const TARGET_9: &str = "http://metadata.cbd.int/kmgbf/target_9";
/// Target 10: Areas under agriculture, aquaculture, fisheries and forestry are managed sustainably.
pub const TARGET_10: &str = "http://metadata.cbd.int/kmgbf/target_10";
/// Target 11: Nature's contributions to people are restored, maintained and enhanced.
pub const TARGET_11: &str = "http://metadata.cbd.int/kmgbf/target_11";
/// Target 12: Urban green and blue spaces enhanced for human well-being.
pub const TARGET_12: &str = "http://metadata.cbd.int/kmgbf/target_12";
/// Target 13: Fair and equitable sharing of benefits from genetic resources, digital sequence information and associated traditional knowledge.
pub const TARGET_13: &str = "http://metadata.cbd.int/kmgbf/target_13";
/// Target 14: The multiple values of biodiversity are integrated into decision-making at all levels.
pub const TARGET_14: &str = "http://metadata.cbd.int/kmgbf/target_14";
/// Target 15: Businesses assess and disclose biodiversity dependencies, impacts and risks, and reduce negative impacts.
pub const TARGET_15: &str = "http://metadata.cbd.int/kmgbf/target_15";
/// Target 16: Sustainable consumption choices are enabled, and food waste reduced by half.
pub const TARGET_16: &str = "http://metadata.cbd.int/kmgbf/target_16";
/// Target 17: Strengthen biosafety and distribute benefits of biotechnology.
pub const TARGET_17: &str = "http://metadata.cbd.int/kmgbf/target_17";
/// Target 18: Reduce harmful incentives by at least $500 billion per year.
pub const TARGET_18: &str = "http://metadata.cbd.int/kmgbf/target_18";
/// Target 19: Financial resources increased to $200 billion per year, including $ 30 billion through international finance.
pub const TARGET_19: &str = "http://metadata.cbd.int/kmgbf/target_19";
/// Target 20: Capacity-building and development, technology transfer, and technical and scientific cooperation for implementation is strengthened.
pub const TARGET_20: &str = "http://metadata.cbd.int/kmgbf/target_20";
/// Target 21: Data, information and knowledge for decision-making is available.
pub const TARGET_21: &str = "http://metadata.cbd.int/kmgbf/target_21";
/// Target 22: Ensure participation, justice, and rights for indigenous peoples and local communities, women, youth persons with disabilities and environmental defenders.
pub const TARGET_22: &str = "http://metadata.cbd.int/kmgbf/target_22";
/// Target 23: Implementation follows a gender-responsive approach.
pub const TARGET_23: &str = "http://metadata.cbd.int/kmgbf/target_23";
/// The 23 targets: `TARGETS[n - 1]` is target n.
pub const TARGETS: [&str; 23] = [
    TARGET_1, TARGET_2, TARGET_3, TARGET_4, TARGET_5, TARGET_6, TARGET_7, TARGET_8, TARGET_9, TARGET_10, TARGET_11,
    TARGET_12, TARGET_13, TARGET_14, TARGET_15, TARGET_16, TARGET_17, TARGET_18, TARGET_19, TARGET_20, TARGET_21,
    TARGET_22, TARGET_23,
];

/// The codes of the 204 indicators of decision 16/31 (`{NS}indicator_{code}`), in source order.
pub const INDICATOR_CODES: [&str; 204] = [
    "A.1", "A.2", "A.3", "A.4", "B.1", "B.b", "C.1", "C.2", "13.b", "D.1", "D.2", "D.3", "1.1", "1.b", "2.1", "3.1",
    "5.1", "5.b", "6.1", "6.b", "7.1", "7.2", "8.b", "9.1", "9.2", "9.b", "10.1", "10.2", "12.1", "12.b", "14.b",
    "15.1", "15.b", "16.b", "17.b", "18.1", "18.2", "20.b", "21.1", "22.1", "22.b", "23.b", "A.CT.1", "A.CT.2",
    "A.CT.3", "A.CT.4", "A.CT.5", "A.CT.6", "A.CT.7", "A.CT.8", "A.CT.9", "A.CT.10", "A.CT.11", "A.CY.1", "A.CY.2",
    "A.CY.3", "A.CY.4", "A.CY.5", "A.CY.6", "A.CY.7", "A.CY.8", "A.CY.9", "A.CY.10", "A.CY.11", "A.CY.12", "A.CY.13",
    "A.CY.14", "A.CY.15", "A.CY.16", "A.CY.17", "A.CY.18", "A.CY.19", "A.CY.20", "A.CY.21", "A.CY.22", "B.CT.1",
    "B.CT.2", "B.CT.3", "B.CY.1", "B.CY.2", "B.CY.3", "C.CY.1", "C.CY.2", "C.CY.3", "D.CY.1", "D.CY.2", "D.CY.3",
    "D.CY.4", "D.CY.5", "D.CY.6", "D.CY.7", "D.CY.8", "D.CY.9", "D.CY.10", "D.CY.11", "D.CY.12", "D.CY.13", "D.CY.14",
    "D.CY.15", "D.CY.16", "D.CY.17", "1.CY.1", "2.CT.1", "2.CY.1", "2.CY.2", "3.CT.1", "3.CT.2", "3.CY.1", "3.CY.2",
    "3.CY.3", "3.CY.4", "3.CY.5", "4.CT.1", "4.CT.2", "4.CT.3", "4.CT.4", "4.CY.1", "4.CY.2", "5.CT.1", "5.CT.2",
    "5.CY.1", "5.CY.2", "5.CY.3", "5.CY.4", "5.CY.5", "5.CY.6", "5.CY.7", "5.CY.8", "6.CY.1", "7.CT.1", "7.CT.2",
    "7.CT.3", "7.CT.4", "7.CY.1", "7.CY.2", "7.CY.3", "7.CY.4", "7.CY.5", "7.CY.6", "8.CT.1", "8.CT.2", "8.CY.1",
    "8.CY.2", "8.CY.3", "8.CY.4", "9.CT.1", "9.CY.1", "9.CY.2", "9.CY.3", "10.CT.1", "10.CY.1", "10.CY.2", "10.CY.3",
    "10.CY.4", "11.CT.1", "11.CT.2", "11.CT.3", "11.CY.1", "11.CY.2", "11.CY.3", "11.CY.4", "11.CY.5", "12.CT.1",
    "13.CT.1", "13.CY.1", "14.CT.1", "15.CT.1", "15.CY.1", "16.CT.1", "16.CT.2", "16.CT.3", "16.CY.1", "16.CY.2",
    "16.CY.3", "16.CY.4", "16.CY.5", "16.CY.6", "16.CY.7", "17.CY.1", "18.CT.1", "18.CT.2", "18.CT.3", "20.CT.1",
    "20.CY.1", "20.CY.2", "21.CT.1", "21.CT.2", "21.CT.3", "21.CY.1", "21.CY.2", "21.CY.3", "21.CY.4", "21.CY.5",
    "21.CY.6", "22.CT.1", "22.CT.2", "22.CY.1", "22.CY.2", "22.CY.3", "22.CY.4", "22.CY.5", "22.CY.6", "23.CT.1",
    "23.CT.2",
];

/// The IRI of target `n` (1–23).
pub fn target(n: u8) -> Option<&'static str> {
    TARGETS.get(usize::from(n).checked_sub(1)?).copied()
}

/// Whether `code` is the code of a GBF indicator ("7.1", "A.CT.1").
pub fn is_indicator_code(code: &str) -> bool {
    INDICATOR_CODES.contains(&code)
}
