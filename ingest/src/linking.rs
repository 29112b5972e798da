//! Asserted links from a text to the targets it names explicitly: GBF targets ("GBF target 17",
//! "Target 7 of the Kunming-Montreal Global Biodiversity Framework", "الغاية 17 من إطار
//! كونمينغ-مونتريال", "meta 3 del Marco Mundial", "cible 7 du Cadre mondial") and Aichi
//! Biodiversity Targets in the forms the reference parser leaves out (Arabic without hamza or
//! with the misprint "أبشي", "جميع أهداف أيشي" for all twenty, Spanish "Meta de Aichi", the
//! thesaurus codes `AICHI-TARGET-11`, `GBF-TARGET-07`).
//!
//! A link is asserted only where the text names the framework: a bare "target 7" is left to
//! the inferred links of the search stack (see `docs/linking.md`).

use crate::model::{Language, Reference, Treaty};
use crate::references::{self, Context, DecisionOrder};
use crate::symbols::ascii_digits;
use cbdkg_ontologies::{gbf, schemes};
use regex::Regex;
use std::sync::LazyLock;

/// A target named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetMention {
    /// A GBF target, 1–23.
    Gbf(u8),
    /// An Aichi Biodiversity Target, 1–20.
    Aichi(u8),
}

impl TargetMention {
    /// The concept IRI of the target.
    pub fn iri(self) -> String {
        match self {
            Self::Gbf(n) => gbf::target(n).unwrap_or_default().to_owned(),
            Self::Aichi(n) => format!("{}{n}", schemes::AICHI_TARGET_NS),
        }
    }
}

/// A list of one or more target numbers: "7", "5, 14 and 15", "5، 14، و15", "10 و11".
/// Each number ends at a word boundary, so that "target 3 by 2030" is not read as 3, 20, 30.
const LIST: &str = r"\d{1,2}\b(?:(?:\s*[,،;、]\s*(?:and|et|y|и|و|和)?\s*|\s+(?:and|et|y|и|和)\s+|\s*و\s*)\d{1,2}\b)*";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("target patterns are valid")
}

/// Patterns whose `list` group names GBF targets.
static GBF: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let framework_en =
        r"(?:(?:the\s+)?(?:Kunming[-‐–\s]Montreal\s+)?Global\s+Biodiversity\s+Framework|(?:the\s+)?K?M?GBF)";
    [
        // English: "GBF target(s) 7", "Global Biodiversity Framework Target 3", "target 17 of the GBF".
        format!(r"(?i:{framework_en}\s+targets?\s+(?P<list>{LIST}))"),
        format!(r"(?i:targets?\s+(?P<list>{LIST})\s+(?:of|in|under)\s+{framework_en})"),
        // French: "cible(s) 7 du Cadre mondial (de la biodiversité de Kunming-Montréal)", "cible 3 du CMB".
        format!(r"(?i:cibles?\s+(?P<list>{LIST})\s+du\s+(?:Cadre\s+mondial|CMBKM|CMB\b))"),
        // Spanish: "meta(s) 7 del Marco Mundial (de Biodiversidad de Kunming-Montreal)", "meta 3 del MMB".
        format!(r"(?i:metas?\s+(?P<list>{LIST})\s+del\s+(?:Marco\s+Mundial|Marco\s+Global|MMBKM|MMB\b))"),
        // Arabic: "الغاية 17 من (غايات) إطار كونمينغ-مونتريال", "الهدف 7 من الإطار العالمي للتنوع البيولوجي".
        format!(
            r"(?:ال)?(?:غاي(?:ة|ات|تان|تين)|هدف|أهداف|اهداف|أهداف)\s+(?P<list>{LIST})\s+(?:من|في)\s+(?:غايات\s+|أهداف\s+)?(?:ال)?إطار\s+(?:كونمينغ|كونمنغ|كونمينج|العالمي)"
        ),
        // Russian: "целевая задача 17 Куньминско-Монреальской глобальной рамки".
        format!(
            r"(?i:(?:целев\w*\s+задач\w*|цел[ьи]\w*)\s+(?P<list>{LIST})\s+(?:\S+\s+){{0,2}}(?:Куньмин\w*|[Гг]лобальн\w*\s+рамк\w*))"
        ),
        // Chinese: "《昆明-蒙特利尔全球生物多样性框架》行动目标17", "全球生物多样性框架目标3".
        format!(r"全球生物多样性框架》?(?:的)?(?:行动)?目标\s*(?P<list>{LIST})"),
        // Thesaurus codes: GBF-TARGET-07, GBF-T07, "GBF T17".
        r"\bGBF[-\s]?(?:TARGET-|T)(?P<list>\d{1,2})\b".to_owned(),
    ]
    .iter()
    .map(|p| re(p))
    .collect()
});

/// Patterns whose `list` group names Aichi targets (forms the reference parser does not read).
static AICHI: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // Arabic with or without hamza, and the misprint "أبشي": "الاهداف 15، 14، و7 من أهداف أيشي",
        // "الهدف 17 من أهداف أبشي".
        format!(r"(?:ال)?(?:[أا]هداف|هدف(?:ان|ين)?)\s+(?P<list>{LIST})\s+من\s+[أا]هداف\s+[أآا][يب]شي"),
        // Spanish: "Meta(s) de Aichi (para la Diversidad Biológica) 11".
        format!(r"(?i:metas?\s+de\s+Aichi(?:\s+para\s+la\s+Diversidad\s+Biológica)?\s+(?P<list>{LIST}))"),
        // Thesaurus and bioland codes: AICHI-TARGET-11, Aichi-T11.
        r"(?i:\bAICHI-(?:TARGET-|T)(?P<list>\d{1,2})\b)".to_owned(),
    ]
    .iter()
    .map(|p| re(p))
    .collect()
});

/// "All Aichi Biodiversity Targets", which names all twenty.
static ALL_AICHI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:جميع\s+[أا]هداف\s+[أآا][يب]شي|\ball\s+(?:the\s+)?Aichi\s+(?:Biodiversity\s+)?Targets|tous\s+les\s+Objectifs\s+d'Aichi|todas\s+las\s+Metas\s+de\s+Aichi)",
    )
});

/// The targets a text names explicitly, each once, in order of first mention.
pub fn target_mentions(text: &str) -> Vec<TargetMention> {
    let text = ascii_digits(text);
    let mut found = Vec::new();
    for pattern in GBF.iter() {
        for c in pattern.captures_iter(&text) {
            numbers(&c["list"], 23, &mut found, TargetMention::Gbf);
        }
    }
    for pattern in AICHI.iter() {
        for c in pattern.captures_iter(&text) {
            numbers(&c["list"], 20, &mut found, TargetMention::Aichi);
        }
    }
    if ALL_AICHI.is_match(&text) {
        found.extend((1..=20).map(TargetMention::Aichi));
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|m| seen.insert(*m));
    found
}

fn numbers(list: &str, max: u8, found: &mut Vec<TargetMention>, make: fn(u8) -> TargetMention) {
    let values = list.split(|c: char| !c.is_ascii_digit()).filter_map(|s| s.parse::<u8>().ok());
    found.extend(values.filter(|n| (1..=max).contains(n)).map(make));
}

/// A range of articles: "Articles 7 to 10", "articles 7 à 10", "artículos 7 a 10",
/// "المواد 7 إلى 10" (the reference parser reads only the first).
static ARTICLE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:articles|artículos|(?:[وبل]?ال|لل)مواد)\s+(?P<from>\d{1,2})\s*(?:to|à|a|al|–|-|إلى|الى)\s*(?P<to>\d{1,2})\b",
    )
});

/// Spanish articles, which the reference parser does not read: "artículo 18 del Protocolo de
/// Cartagena", "artículos 15 y 16".
static ES_ARTICLES: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i:art[íi]culos?)\s+(?P<list>\d{1,2}(?:\s*(?:,|y)\s*\d{1,2})*)(?P<tail>.{0,40})"));

/// Every reference of a record's text that the document parser would find (decisions, treaty
/// articles, documents, Aichi targets), and every article of a range; articles without a
/// treaty are read as `treaty`'s.
pub(crate) fn references_in(text: &str, language: Language, treaty: Treaty, year: i32) -> Vec<Reference> {
    let pairs = if language == Language::Ar { references::bare_decision_pairs(text, false) } else { Vec::new() };
    let order = DecisionOrder::infer(&pairs, references::latest_cop_session_before(year), language);
    let ctx = Context { language, order, default_treaty: treaty, decision_column: false };
    let mut found = references::extract(text, &ctx);
    if language == Language::Es {
        for c in ES_ARTICLES.captures_iter(text) {
            let tail = c["tail"].to_lowercase();
            let treaty = if tail.contains("nagoya") {
                Treaty::Nagoya
            } else if tail.contains("cartagena") || tail.contains("protocolo") {
                Treaty::Cartagena
            } else if tail.contains("convenio") {
                Treaty::Convention
            } else {
                treaty
            };
            for number in c["list"].split(|ch: char| !ch.is_ascii_digit()).filter_map(|n| n.parse::<u32>().ok()) {
                let article = Reference::Article { treaty, number, letter: None };
                if !found.contains(&article) {
                    found.push(article);
                }
            }
        }
    }
    for c in ARTICLE_RANGE.captures_iter(&ascii_digits(text)) {
        let (Ok(from), Ok(to)) = (c["from"].parse::<u32>(), c["to"].parse::<u32>()) else { continue };
        if from < to && to - from <= 10 {
            let range = (from..=to).map(|number| Reference::Article { treaty, number, letter: None });
            found.extend(range.filter(|r| !found.contains(r)).collect::<Vec<_>>());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::TargetMention::{Aichi, Gbf};
    use super::*;

    fn check(text: &str, expected: &[TargetMention]) {
        assert_eq!(target_mentions(text), expected, "{text}");
    }

    #[test]
    fn gbf_targets_in_six_languages() {
        check("This contributes to GBF Target 17 on biosafety.", &[Gbf(17)]);
        check("towards Targets 7 and 10 of the Kunming-Montreal Global Biodiversity Framework", &[Gbf(7), Gbf(10)]);
        check("Global Biodiversity Framework target 3", &[Gbf(3)]);
        check("contribue aux cibles 7 et 10 du Cadre mondial de la biodiversité", &[Gbf(7), Gbf(10)]);
        check("contribuye a la meta 2 del Marco Mundial de Biodiversidad de Kunming-Montreal", &[Gbf(2)]);
        check("يسهم في تحقيق الغاية 17 من إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي", &[Gbf(17)]);
        check("الغايتين ٧ و١٠ من الإطار العالمي للتنوع البيولوجي", &[Gbf(7), Gbf(10)]);
        check("целевая задача 17 Куньминско-Монреальской глобальной рамки", &[Gbf(17)]);
        check("有助于实现《昆明-蒙特利尔全球生物多样性框架》行动目标17", &[Gbf(17)]);
        check("tagged GBF-TARGET-07 and GBF-T21", &[Gbf(7), Gbf(21)]);
    }

    #[test]
    fn bare_or_out_of_range_numbers_are_not_links() {
        check("target 7 of our company plan", &[]);
        check("GBF target 24", &[]);
        check("17 targets", &[]);
        check("GBF target 3 by 2030", &[Gbf(3)]);
    }

    #[test]
    fn aichi_forms_the_reference_parser_leaves_out() {
        check("الاهداف 15، 14، و7 من أهداف أيشي للتنوع البيولوجي", &[Aichi(15), Aichi(14), Aichi(7)]);
        check("الهدف 17 من أهداف أبشي للتنوع البيولوجي", &[Aichi(17)]);
        check("la Meta de Aichi para la Diversidad Biológica 11", &[Aichi(11)]);
        check("AICHI-TARGET-05", &[Aichi(5)]);
        assert_eq!(target_mentions("الأنشطة الشاملة (جميع أهداف أيشي للتنوع البيولوجي)").len(), 20);
        check("أهداف أيشي للتنوع البيولوجي الواردة فيها", &[]);
    }

    #[test]
    fn article_ranges() {
        let articles = |text: &str, language| -> Vec<u32> {
            references_in(text, language, Treaty::Cartagena, 2024)
                .into_iter()
                .filter_map(|r| match r {
                    Reference::Article { number, .. } => Some(number),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(articles("under Articles 7 to 10 of the Protocol", Language::En), [7, 8, 9, 10]);
        assert_eq!(articles("(articles 7 à 10 du Protocole de Cartagena)", Language::Fr), [7, 8, 9, 10]);
        assert_eq!(articles("وفقاً للمواد 7 إلى 10 من بروتوكول قرطاجنة", Language::Ar), [7, 8, 9, 10]);
        assert_eq!(articles("Article 18", Language::En), [18]);
        assert_eq!(articles("según el artículo 18 del Protocolo de Cartagena", Language::Es), [18]);
        assert_eq!(articles("artículos 15 y 16", Language::Es), [15, 16]);
    }

    #[test]
    fn iris() {
        assert_eq!(Gbf(17).iri(), "http://metadata.cbd.int/kmgbf/target_17");
        assert_eq!(Aichi(3).iri(), "https://cbdkg.example/vocab/aichi-target/3");
    }
}
