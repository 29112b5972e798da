//! Which language a question or a draft pledge is written in: by script for Arabic, Russian
//! and Chinese, by common function words for the Latin-script languages (English, French,
//! Spanish). Short or mixed texts fall back to the script with the most letters, and Latin
//! texts without a telling word to English.

use cbdkg_search::analysis::{Lang, Script};

/// Function words that tell the Latin-script languages apart (lower case, whole words).
const FRENCH: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "du",
    "un",
    "une",
    "et",
    "est",
    "sont",
    "pour",
    "dans",
    "que",
    "qui",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "comment",
    "nous",
    "notre",
    "nos",
    "vous",
    "votre",
    "avec",
    "sur",
    "pas",
    "au",
    "aux",
    "ce",
    "cette",
    "ces",
    "faire",
    "engagement",
    "d'ici",
    "être",
    "décision",
    "paragraphe",
];
const SPANISH: &[&str] = &[
    "el",
    "la",
    "los",
    "las",
    "del",
    "un",
    "una",
    "y",
    "es",
    "son",
    "para",
    "en",
    "que",
    "qué",
    "cómo",
    "como",
    "cuál",
    "cuáles",
    "nuestro",
    "nuestra",
    "nuestros",
    "con",
    "sobre",
    "por",
    "al",
    "este",
    "esta",
    "estos",
    "hacer",
    "compromiso",
    "hasta",
    "decisión",
    "párrafo",
];
const ENGLISH: &[&str] = &[
    "the", "a", "an", "and", "is", "are", "for", "in", "of", "to", "that", "which", "what", "how", "we", "our", "you",
    "your", "with", "on", "by", "this", "these", "do", "does", "make", "pledge", "will",
];

/// The language of `text`.
pub fn detect(text: &str) -> Lang {
    let mut letters = [0usize; 4]; // Arabic, Cyrillic, CJK, Latin
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let n = word.chars().filter(|c| c.is_alphabetic()).count();
        if n == 0 {
            continue;
        }
        let slot = match Script::of(word) {
            Script::Arabic => 0,
            Script::Cyrillic => 1,
            Script::Cjk => 2,
            Script::Latin => 3,
        };
        letters[slot] += n;
    }
    let best = (0..4).max_by_key(|&i| (letters[i], usize::from(i == 0))).unwrap_or(3);
    match best {
        _ if letters.iter().all(|&n| n == 0) => Lang::En,
        0 => Lang::Ar,
        1 => Lang::Ru,
        2 => Lang::Zh,
        _ => latin(text),
    }
}

/// English, French or Spanish, by the function words the text uses.
fn latin(text: &str) -> Lang {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    // Accented letters only one of the two Romance languages uses.
    let has = |chars: &str| lower.chars().any(|c| chars.contains(c));
    let french = count(FRENCH) + 2 * usize::from(has("àâçèêëîïôùûœ"));
    let spanish = count(SPANISH) + 2 * usize::from(has("ñ¿¡áíóú"));
    let english = count(ENGLISH);
    if english >= french && english >= spanish {
        Lang::En
    } else if french >= spanish {
        Lang::Fr
    } else {
        Lang::Es
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_drafts_in_each_language() {
        let cases = [
            ("كيف يمكن لمنظمتنا أن تقدم تعهدا قابلا للقياس؟", Lang::Ar),
            ("How can our company make a measurable pledge?", Lang::En),
            ("What did decision XIII/23 say about capacity-building?", Lang::En),
            ("Comment notre entreprise peut-elle prendre un engagement mesurable ?", Lang::Fr),
            ("Nous allons restaurer 200 hectares de zones humides d'ici 2030.", Lang::Fr),
            ("¿Cómo puede nuestra organización hacer un compromiso medible?", Lang::Es),
            ("Vamos a restaurar 200 hectáreas de humedales para 2030 con la comunidad.", Lang::Es),
            ("Как наша организация может взять измеримое обязательство?", Lang::Ru),
            ("我们的组织如何作出可衡量的承诺？", Lang::Zh),
            ("ما الذي قاله المقرر XIII/23 عن بناء القدرات؟", Lang::Ar),
            ("XIII/23", Lang::En),
            ("décision XIII/23, paragraphe 16", Lang::Fr),
            ("CP-11/4 párrafo 3", Lang::Es),
            ("", Lang::En),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text}");
        }
    }
}
