//! Table-driven cues, one table per language (`ar`, `en`, `fr`, `es`): each cue is a pattern
//! for one element, and some add a check a regular expression cannot make (a number that is a
//! year, a capitalised word that is not a place). Patterns are written in ordinary spelling
//! and folded like the text (see [`super::text`]); `docs/pledge-coach.md` lists them.

mod ar;
mod en;
mod es;
mod fr;

use super::element::Element;
use super::text::fold_pattern;
use cbdkg_search::analysis::Lang;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A number as drafts write it: `500`, `5.000`, `10 000`, `1,000`, `2,5`.
pub(crate) const NUM: &str = r"(?:\d{1,3}(?:[ ,.]\d{3})+|\d+)(?:[.,]\d+)?";
/// A year.
pub(crate) const YEAR: &str = r"(?:19|20)\d{2}";
/// One or more target numbers: `7`, `5, 14 and 15`, `7 et 10`, `10 و11` (as `cbdkg-ingest` reads
/// them).
pub(crate) const LIST: &str = r"\d{1,2}\b(?:(?:\s*[,،;]\s*(?:and|et|y|و)?\s*|\s+(?:and|et|y)\s+|\s*و\s*)\d{1,2}\b)*";

/// What a match must also satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    /// Nothing more.
    None,
    /// Group `num` is not a year, unless the optional group `gap` exists and is empty (a year
    /// right before a unit, "2000 trees", is a quantity; "by 2030 new trees" is not).
    NotYear,
    /// Groups `from` and `to` are not both years ("from 2025 to 2030" is a period, not a
    /// baseline).
    NotPeriod,
    /// Group `name` holds no word of [`NOT_PLACES`].
    PlaceName,
    /// Group `list` holds a GBF target number (1–23), and no percent sign follows.
    Targets,
    /// Group `next` is not "be" ("Progress will be reported" has no actor) and group
    /// `subject` is not a word of [`NOT_SUBJECTS`].
    Subject,
    /// Group `word` is not a noun of [`NOT_VERBS`] that looks like a verb.
    Verb,
}

/// A cue as written in a table.
pub(crate) struct Cue {
    /// The element it shows.
    pub element: Element,
    /// The pattern, in ordinary spelling.
    pub pattern: String,
    /// What a match must also satisfy.
    pub check: Check,
}

/// A cue without a further check.
pub(crate) fn cue(element: Element, pattern: impl Into<String>) -> Cue {
    Cue { element, pattern: pattern.into(), check: Check::None }
}

/// A cue with a further check.
pub(crate) fn checked(element: Element, pattern: impl Into<String>, check: Check) -> Cue {
    Cue { element, pattern: pattern.into(), check }
}

/// A cue compiled.
pub(crate) struct Compiled {
    /// The element it shows.
    pub element: Element,
    /// The folded pattern.
    pub regex: Regex,
    /// What a match must also satisfy.
    pub check: Check,
}

fn compile(cues: Vec<Cue>) -> Vec<Compiled> {
    cues.into_iter()
        .map(|c| {
            let folded = fold_pattern(&c.pattern);
            let regex = Regex::new(&folded).unwrap_or_else(|e| panic!("coach pattern {:?} is invalid: {e}", c.pattern));
            Compiled { element: c.element, regex, check: c.check }
        })
        .collect()
}

static ARABIC: LazyLock<Vec<Compiled>> = LazyLock::new(|| compile(ar::cues()));
static ENGLISH: LazyLock<Vec<Compiled>> = LazyLock::new(|| compile(en::cues()));
static FRENCH: LazyLock<Vec<Compiled>> = LazyLock::new(|| compile(fr::cues()));
static SPANISH: LazyLock<Vec<Compiled>> = LazyLock::new(|| compile(es::cues()));

/// The cues of a language; `None` for the languages without a table (Russian, Chinese).
pub(crate) fn cues(lang: Lang) -> Option<&'static [Compiled]> {
    match lang {
        Lang::Ar => Some(&ARABIC),
        Lang::En => Some(&ENGLISH),
        Lang::Fr => Some(&FRENCH),
        Lang::Es => Some(&SPANISH),
        Lang::Ru | Lang::Zh => None,
    }
}

/// Capitalised words that follow "in", "en", "de" but name no place: months, days, the
/// framework's own words, kinds of organisation, first words of sentences.
const NOT_PLACES: &[&str] = &[
    // English
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "gbf",
    "kmgbf",
    "target",
    "targets",
    "goal",
    "goals",
    "kunming",
    "montreal",
    "global",
    "biodiversity",
    "framework",
    "convention",
    "agenda",
    "action",
    "nature",
    "people",
    "partnership",
    "phase",
    "stage",
    "english",
    "arabic",
    "french",
    "spanish",
    "i",
    "we",
    "our",
    "the",
    "this",
    "kpi",
    "kpis",
    "ministry",
    "department",
    "university",
    "association",
    "council",
    "agency",
    "foundation",
    "fund",
    "company",
    "corporation",
    "group",
    "trust",
    "society",
    "institute",
    "network",
    "union",
    "committee",
    "board",
    "office",
    "bank",
    "chamber",
    "federation",
    "alliance",
    "coalition",
    "programme",
    "program",
    "project",
    "initiative",
    "plan",
    "strategy",
    "report",
    "day",
    "week",
    "year",
    "volunteers",
    "sdg",
    "sdgs",
    "un",
    "cbd",
    "iucn",
    "wwf",
    "ngo",
    "ngos",
    "inc",
    "ltd",
    "llc",
    "s.a",
    "sa",
    "co",
    // French
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "cadre",
    "mondial",
    "cible",
    "cibles",
    "objectif",
    "objectifs",
    "direction",
    "ministère",
    "agence",
    "fondation",
    "conseil",
    "université",
    "société",
    "groupe",
    "fonds",
    "comité",
    "réseau",
    "fédération",
    "programme",
    "projet",
    "stratégie",
    "chambre",
    "nous",
    "notre",
    "nos",
    "le",
    "la",
    "les",
    "ce",
    "cette",
    "office",
    "entreprise",
    "coopérative",
    "commune",
    "mairie",
    "syndicat",
    "parc",
    "conservatoire",
    // Spanish
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "marco",
    "meta",
    "metas",
    "biodiversidad",
    "ministerio",
    "universidad",
    "fundación",
    "asociación",
    "agencia",
    "consejo",
    "sociedad",
    "grupo",
    "fondo",
    "comité",
    "red",
    "federación",
    "proyecto",
    "programa",
    "plan",
    "estrategia",
    "alianza",
    "cooperativa",
    "empresa",
    "municipalidad",
    "nosotros",
    "nuestra",
    "nuestro",
    "el",
    "los",
    "las",
    "este",
    "esta",
    "informe",
    "ong",
];

/// Capitalised words that start a sentence as a subject but are not an actor.
const NOT_SUBJECTS: &[&str] = &[
    "this",
    "that",
    "it",
    "there",
    "progress",
    "biodiversity",
    "nature",
    "work",
    "funding",
    "everything",
    "everyone",
    "nothing",
    "each",
    "every",
    "all",
    "these",
    "those",
    "results",
    "data",
    "planting",
    "restoration",
    "monitoring",
];

/// Words with the ending of a verb that are not verbs (Spanish first person plural, Arabic
/// future first person).
const NOT_VERBS: &[&str] = &[
    // Spanish -amos/-emos/-imos
    "próximos",
    "mínimos",
    "máximos",
    "últimos",
    "primos",
    "ramos",
    "tramos",
    "gramos",
    "kilogramos",
    "préstamos",
    "reclamos",
    "amos",
    "extremos",
    "supremos",
    "legítimos",
    "íntimos",
    "óptimos",
    "décimos",
    "centésimos",
    "mismos",
    "ánimos",
    "animos",
    "racimos",
    // Arabic words starting with سن that are not "we will …" (folded: ة is ه)
    "سنه",
    "سنين",
    "سنتين",
    "سنتان",
    "سند",
    "سندات",
    "سنوات",
    "سنوي",
    "سنويا",
    "سنويه",
    "سنابل",
    "سنغافوره",
];

/// Whether a match passes its cue's check.
pub(crate) fn passes(check: Check, caps: &Captures<'_>, text: &str) -> bool {
    let group = |name: &str| caps.name(name).map(|m| m.as_str());
    match check {
        Check::None => true,
        Check::NotYear => {
            let is_year = group("num").is_some_and(is_year);
            !is_year || group("gap").is_some_and(str::is_empty)
        }
        Check::NotPeriod => !(group("from").is_some_and(is_year) && group("to").is_some_and(is_year)),
        Check::PlaceName => group("name").is_some_and(|name| {
            !name.split(|c: char| c.is_whitespace() || c == '-').any(|w| {
                let w = w.trim_end_matches(['\'', '’']).to_lowercase();
                NOT_PLACES.contains(&w.as_str())
            })
        }),
        Check::Targets => {
            let after = caps.get(0).map_or("", |m| &text[m.end()..]);
            let percent = after.trim_start().starts_with('%');
            let numbers = group("list").map(target_numbers).unwrap_or_default();
            !percent && !numbers.is_empty()
        }
        Check::Subject => {
            let passive = group("next").is_some_and(|n| n.eq_ignore_ascii_case("be"));
            let subject = group("subject").unwrap_or_default().to_lowercase();
            !passive && !NOT_SUBJECTS.contains(&subject.as_str())
        }
        Check::Verb => group("word").is_some_and(|w| !NOT_VERBS.contains(&w.to_lowercase().as_str())),
    }
}

/// Whether a number as written is a year (1900–2100, no separators).
fn is_year(number: &str) -> bool {
    number.len() == 4 && number.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The GBF target numbers (1–23) of a list of numbers.
pub(crate) fn target_numbers(list: &str) -> Vec<u8> {
    list.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=23).contains(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_compiles() {
        for lang in [Lang::Ar, Lang::En, Lang::Fr, Lang::Es] {
            let cues = cues(lang).unwrap();
            for element in Element::ALL {
                assert!(cues.iter().any(|c| c.element == element), "{lang:?} has no cue for {element}");
            }
        }
        assert!(cues(Lang::Zh).is_none());
    }

    #[test]
    fn target_lists() {
        assert_eq!(target_numbers("7, 10 and 24"), [7, 10]);
        assert_eq!(target_numbers("10 و11"), [10, 11]);
    }
}
