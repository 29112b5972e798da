//! What kind of question this is, from its wording: a lookup (a symbol or paragraph alone), a
//! list ("which decisions…"), guidance ("how do I…") or a fact (anything else). Table-driven:
//! one row of patterns per language and kind, tried in that order.

use cbdkg_search::analysis::Lang;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The kind of a question; it decides how evidence is gathered and how the answer is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// "How do I make a measurable pledge?": guidance, from the guide and the decisions.
    Guidance,
    /// "What did decision XIII/23 say about evaluation?": one fact, from the best paragraphs.
    Fact,
    /// "XIII/23 paragraph 15(g)": the named decision or paragraph itself.
    Lookup,
    /// "Which decisions request…?": every paragraph that does, grouped by document.
    List,
}

impl Kind {
    /// Every kind, in the order reports show them.
    pub const ALL: [Kind; 4] = [Kind::Guidance, Kind::Fact, Kind::Lookup, Kind::List];

    /// The name in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Guidance => "guidance",
            Kind::Fact => "fact",
            Kind::Lookup => "lookup",
            Kind::List => "list",
        }
    }
}

/// Patterns of list questions, per language (matched on the lower-cased question).
const LIST: &[(Lang, &str)] = &[
    (
        Lang::En,
        r"^(?:which|what)\s+(?:\w+\s+)?(?:decisions|documents|paragraphs|pledges|commitments|records|activities|actions|measures|notes|targets|meetings|workshops)\b",
    ),
    (Lang::En, r"^(?:list|name|enumerate)\b|\b(?:list|name)\s+(?:all|every)\b"),
    (
        Lang::Ar,
        r"^(?:ما|ماهي|ما\s+هي|أي|أيّ|اي)\s+(?:هي\s+)?(?:ال)?(?:مقررات|وثائق|فقرات|تعهدات|التزامات|أنشطة|انشطة|سجلات|إجراءات|تدابير|ورش|اجتماعات)",
    ),
    (Lang::Ar, r"^(?:اذكر|أذكر|عدد|عدّد)\s"),
    (
        Lang::Fr,
        r"^quel(?:le)?s\s+(?:sont\s+les\s+)?(?:décisions|documents|paragraphes|engagements|activités|mesures|actions|notes|cibles|réunions|ateliers)\b",
    ),
    (Lang::Fr, r"^(?:énumérez|citez|listez)\b"),
    (
        Lang::Es,
        r"^(?:qué|cuáles|que|cuales)\s+(?:son\s+las?\s+)?(?:decisiones|documentos|párrafos|compromisos|actividades|medidas|acciones|notas|metas|reuniones|talleres)\b",
    ),
    (Lang::Es, r"^(?:enumere|enumera|liste|lista)\b"),
];

/// Patterns of guidance questions, per language.
const GUIDANCE: &[(Lang, &str)] = &[
    (Lang::En, r"^how\s+(?:do|does|can|could|should|would|might|may|to)\b"),
    (Lang::En, r"^what\s+(?:should|must|can)\s+(?:i|we|my|our)\b"),
    (Lang::Ar, r"^كيف"),
    (Lang::Ar, r"^(?:ما|ماذا)\s+(?:الذي\s+)?(?:ينبغي|يجب|يمكن)\s+(?:لي|علي|علينا|لنا)"),
    (Lang::Fr, r"^comment\b"),
    (Lang::Fr, r"^que\s+(?:dois|devons|doit|devrions|devrais|pouvons|puis)\b"),
    (Lang::Es, r"^c[óo]mo\b"),
    (Lang::Es, r"^qu[ée]\s+(?:debo|debemos|debe|deber[íi]amos|puedo|podemos)\b"),
];

/// Words that may stand beside a symbol in a lookup ("decision XIII/23, paragraph 15(g)").
const LOOKUP_WORDS: &[&str] = &[
    // English
    "decision",
    "decisions",
    "paragraph",
    "paragraphs",
    "para",
    "par",
    "subparagraph",
    "sub",
    "annex",
    "part",
    "section",
    "of",
    "the",
    "in",
    "text",
    "show",
    "me",
    "full",
    "cop",
    "mop",
    "cp",
    "np",
    "bs",
    "dec",
    "cbd",
    // French
    "décision",
    "paragraphe",
    "alinéa",
    "annexe",
    "partie",
    "de",
    "la",
    "du",
    "le",
    "texte",
    // Spanish
    "decisión",
    "decision",
    "párrafo",
    "parrafo",
    "anexo",
    "del",
    "el",
    "texto",
    // Arabic
    "المقرر",
    "مقرر",
    "المقررات",
    "الفقرة",
    "فقرة",
    "الفقرات",
    "المرفق",
    "الجزء",
    "من",
    "نص",
    "ألف",
    "باء",
    "جيم",
    "دال",
    "هاء",
    "واو",
    "زاي",
    "حاء",
    "طاء",
    "ياء",
];

struct Row {
    lang: Lang,
    pattern: Regex,
}

fn rows(table: &[(Lang, &str)]) -> Vec<Row> {
    table
        .iter()
        .map(|(lang, pattern)| Row { lang: *lang, pattern: Regex::new(pattern).expect("kind patterns are valid") })
        .collect()
}

static LIST_ROWS: LazyLock<Vec<Row>> = LazyLock::new(|| rows(LIST));
static GUIDANCE_ROWS: LazyLock<Vec<Row>> = LazyLock::new(|| rows(GUIDANCE));

/// The kind of `question`, written in `lang`.
pub fn classify(question: &str, lang: Lang) -> Kind {
    if is_lookup(question) {
        return Kind::Lookup;
    }
    // Leading punctuation (`¿`, quotes) and spaces do not count.
    let lower = question.to_lowercase();
    let text = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let matches = |rows: &[Row]| rows.iter().any(|row| row.lang == lang && row.pattern.is_match(text));
    if matches(&LIST_ROWS) {
        Kind::List
    } else if matches(&GUIDANCE_ROWS) {
        Kind::Guidance
    } else {
        Kind::Fact
    }
}

/// A question that names a decision (or a paragraph of one) and says nothing else.
fn is_lookup(question: &str) -> bool {
    if cbdkg_ingest::query_references(question).is_empty() {
        return false;
    }
    let lower = question.to_lowercase();
    lower.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\u{0640}')).filter(|w| !w.is_empty()).all(|word| {
        let word = word.trim_matches('-');
        word.is_empty()
            || word.chars().any(|c| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c))
            || word.chars().count() <= 2
            || is_roman(word)
            || LOOKUP_WORDS.contains(&word)
            // `ال` + a lookup word written without its article, or `و` joined to one.
            || word.strip_prefix('و').is_some_and(|w| LOOKUP_WORDS.contains(&w))
    })
}

/// A session number in roman numerals (`xiii`), up to 39.
fn is_roman(word: &str) -> bool {
    static ROMAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^x{0,3}(?:ix|iv|v?i{0,3})$").expect("valid"));
    !word.is_empty() && ROMAN.is_match(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(question: &str, lang: Lang, expected: Kind) {
        assert_eq!(classify(question, lang), expected, "{question}");
    }

    #[test]
    fn kinds_in_four_languages() {
        let cases = [
            // Lookups: a symbol or a paragraph alone.
            ("XIII/23", Lang::En, Kind::Lookup),
            ("decision XIII/23 paragraph 15(g)", Lang::En, Kind::Lookup),
            ("XIII/23 para 15(g)", Lang::En, Kind::Lookup),
            ("CP-11/4 paragraph 7(4)", Lang::En, Kind::Lookup),
            ("المقرر 23/13", Lang::Ar, Kind::Lookup),
            ("المقرر 23/13، الفقرة 10", Lang::Ar, Kind::Lookup),
            ("الفقرة 15(ز) من المقرر 23/13", Lang::Ar, Kind::Lookup),
            ("décision XIII/23, paragraphe 16", Lang::Fr, Kind::Lookup),
            ("CP-11/4 párrafo 3", Lang::Es, Kind::Lookup),
            // A symbol inside a question is a fact about that decision.
            ("What did decision XIII/23 say about capacity-building?", Lang::En, Kind::Fact),
            ("ماذا اعتمد مؤتمر الأطراف في المقرر 23/13؟", Lang::Ar, Kind::Fact),
            ("Que dit la décision XIII/23 sur l'évaluation ?", Lang::Fr, Kind::Fact),
            // Lists.
            ("Which decisions request the Executive Secretary to develop e-learning?", Lang::En, Kind::List),
            ("What activities help parties detect living modified organisms?", Lang::En, Kind::List),
            ("List the pledges about wetlands", Lang::En, Kind::List),
            ("ما المقررات التي تطلب إلى الأمين التنفيذي إعداد دورات إلكترونية؟", Lang::Ar, Kind::List),
            ("ما الأنشطة المقررة لتدريب الأطراف على تقدير الأخطار؟", Lang::Ar, Kind::List),
            ("اذكر التعهدات المتعلقة بالأراضي الرطبة", Lang::Ar, Kind::List),
            ("Quelles décisions demandent au Secrétaire exécutif un cours en ligne ?", Lang::Fr, Kind::List),
            ("Quelles activités aident les Parties à détecter les OVM ?", Lang::Fr, Kind::List),
            ("¿Qué decisiones piden al Secretario Ejecutivo cursos en línea?", Lang::Es, Kind::List),
            ("¿Cuáles actividades ayudan a las Partes?", Lang::Es, Kind::List),
            // Guidance.
            ("How do I make a measurable pledge?", Lang::En, Kind::Guidance),
            ("How can our company report progress on its commitment?", Lang::En, Kind::Guidance),
            ("What should we include in a pledge?", Lang::En, Kind::Guidance),
            ("كيف يمكن لمنظمتنا أن تقدم تعهدا قابلا للقياس؟", Lang::Ar, Kind::Guidance),
            ("ما الذي ينبغي علينا فعله للإبلاغ عن التقدم؟", Lang::Ar, Kind::Guidance),
            ("Comment notre entreprise peut-elle prendre un engagement mesurable ?", Lang::Fr, Kind::Guidance),
            ("Que devons-nous inclure dans un engagement ?", Lang::Fr, Kind::Guidance),
            ("¿Cómo puede nuestra organización hacer un compromiso medible?", Lang::Es, Kind::Guidance),
            ("¿Qué debemos incluir en un compromiso?", Lang::Es, Kind::Guidance),
            // Facts.
            ("Who should assess the short-term action plan on capacity-building?", Lang::En, Kind::Fact),
            ("How much did Japan contribute to the e-learning system?", Lang::En, Kind::Fact),
            ("How are countries asked to share their needs?", Lang::En, Kind::Fact),
            ("Which paragraph urges developed countries to fund training?", Lang::En, Kind::Fact),
            ("متى بدأت المرحلة التجريبية لغرفة تبادل المعلومات؟", Lang::Ar, Kind::Fact),
            ("Qui sera chargé de mettre en œuvre le programme de travail ?", Lang::Fr, Kind::Fact),
            ("¿Quién debe iniciar un marco estratégico a largo plazo?", Lang::Es, Kind::Fact),
        ];
        for (question, lang, expected) in cases {
            check(question, lang, expected);
        }
    }

    #[test]
    fn kinds_serialise_in_lower_case() {
        for kind in Kind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
