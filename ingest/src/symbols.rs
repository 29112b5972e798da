//! Numbers, letters and symbols as CBD documents print them, in six languages: roman numerals,
//! Arabic abjad sub-paragraph letters, spelled-out section letters, ordinals, month names,
//! Arabic-Indic and superscript digits, and UN document symbols.

use crate::model::{DecisionBody, DecisionId};

/// Roman numeral of `n` (1–3999), upper case.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Value of a roman numeral (either case, strict canonical form), e.g. `XIII` → 13.
pub fn from_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let mut total = 0u32;
    let mut previous = 0u32;
    for c in s.chars().rev() {
        let value = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if value < previous {
            total -= value;
        } else {
            total += value;
            previous = value;
        }
    }
    (to_roman(total).eq_ignore_ascii_case(s)).then_some(total)
}

/// Sub-paragraph letters in Arabic abjad order, as used for (a), (b)… in Arabic documents.
const ABJAD: [&str; 20] =
    ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر"];

/// The latin letter of an Arabic abjad sub-paragraph letter: `أ` → `a`, `هـ` → `e`, `ر` → `t`.
pub fn abjad_to_latin(letter: &str) -> Option<char> {
    let letter = match letter {
        "ه" | "ﻫ" | "هـ" | "ﮪ" => "هـ",
        "ا" | "إ" | "آ" => "أ",
        "ى" => "ي",
        other => other,
    };
    ABJAD.iter().position(|&l| l == letter).map(|i| (b'a' + i as u8) as char)
}

/// Section letters as Arabic documents spell them: ألف = A … ياء = J.
const SECTION_WORDS: [(&str, char); 14] = [
    ("ألف", 'A'),
    ("باء", 'B'),
    ("جيم", 'C'),
    ("دال", 'D'),
    ("هاء", 'E'),
    ("هـ", 'E'),
    ("واو", 'F'),
    ("زاي", 'G'),
    ("زي", 'G'),
    ("حاء", 'H'),
    ("طاء", 'I'),
    ("ياء", 'J'),
    ("كاف", 'K'),
    ("لام", 'L'),
];

/// The latin letter of a spelled-out Arabic section letter: `باء` → `B`.
pub fn section_word_to_latin(word: &str) -> Option<char> {
    SECTION_WORDS.iter().find(|(w, _)| *w == word).map(|&(_, c)| c)
}

/// Arabic adverbial ordinals used to number sections: أولا = I … عاشرا = X.
const ARABIC_SECTION_ORDINALS: [&str; 12] =
    ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا", "حادي عشر", "ثاني عشر"];

/// Number of an Arabic section ordinal (with or without tanween): `ثالثاً` → 3.
pub fn arabic_section_ordinal(word: &str) -> Option<u32> {
    let word = word.trim().trim_end_matches(['ً', 'ٌ']);
    ARABIC_SECTION_ORDINALS.iter().position(|&w| w == word).map(|i| i as u32 + 1)
}

/// Meeting ordinals in Arabic ("الاجتماع الثالث عشر"), English ("Thirteenth meeting") and French
/// ("treizième réunion"): the number, 1–19.
pub fn ordinal_number(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    const AR_UNITS: [&str; 10] =
        ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
    if let Some(unit) = t.strip_suffix(" عشر").or_else(|| t.strip_suffix(" عشرة")) {
        let unit = if unit == "الحادي" { "الأول" } else { unit };
        return AR_UNITS.iter().position(|&w| w == unit).map(|i| i as u32 + 11);
    }
    if let Some(i) = AR_UNITS.iter().position(|&w| w == t) {
        return Some(i as u32 + 1);
    }
    const EN: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const FR: [&str; 19] = [
        "première",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
        "onzième",
        "douzième",
        "treizième",
        "quatorzième",
        "quinzième",
        "seizième",
        "dix-septième",
        "dix-huitième",
        "dix-neuvième",
    ];
    EN.iter()
        .position(|&w| w == t)
        .or_else(|| FR.iter().position(|&w| w == t))
        .or_else(|| (t == "premier").then_some(0))
        .map(|i| i as u32 + 1)
}

/// Month number of a month name in Arabic (either the Egyptian or the Levantine name, or
/// both as `ديسمبر/كانون الأول`), English or French.
pub fn month_number(name: &str) -> Option<u8> {
    let name = name.trim().to_lowercase();
    let first = name.split('/').next().unwrap_or_default().trim();
    const AR: [&str; 12] =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
    const AR_LEVANT: [&str; 12] = [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ];
    const EN: [&str; 12] = [
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
    ];
    const FR: [&str; 12] = [
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
    ];
    [&AR, &AR_LEVANT, &EN, &FR].iter().find_map(|table| table.iter().position(|&m| m == first)).map(|i| i as u8 + 1)
}

/// Replaces Arabic-Indic and Persian digits with ASCII digits.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// The ASCII digit of a Unicode superscript digit.
pub fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// The IRI path segment of a UN document symbol: `UNEP/CBD/COP/13/14/Add.1` → `UNEP-CBD-COP-13-14-Add-1`.
pub fn symbol_key(symbol: &str) -> String {
    let mut key = String::with_capacity(symbol.len());
    for c in symbol.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' => key.push(c),
            _ if !key.ends_with('-') => key.push('-'),
            _ => {}
        }
    }
    key.trim_matches('-').to_owned()
}

/// A session number written as a roman numeral or in digits.
fn session_number(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| from_roman(s)).filter(|&n| (1..=50).contains(&n))
}

/// Parses a decision written with its series prefix or as a full symbol, where the order is
/// always session/number: `CP-11/4`, `CP-VIII/7`, `BS-VIII/7`, `NP-2/13`, `XIII/23`,
/// `CBD/COP/DEC/XIII/23`, `UNEP/CBD/COP/DEC/X/2`, `CBD/CP/MOP/DEC/11/4`, `CBD/NP/MOP/DEC/4/1`.
pub fn parse_decision_symbol(s: &str) -> Option<DecisionId> {
    let s = s.trim().trim_end_matches(['.', ',', ';', '،', '؛', ')', ']', '-', '–', '\t']);
    let s = s.strip_prefix("UNEP/").unwrap_or(s);
    let (body, rest) = if let Some(rest) = s.strip_prefix("CBD/COP/DEC/") {
        (DecisionBody::Cop, rest)
    } else if let Some(rest) = s.strip_prefix("CBD/CP/MOP/DEC/").or_else(|| s.strip_prefix("CBD/BS/COP-MOP/")) {
        (DecisionBody::Cp, rest)
    } else if let Some(rest) = s.strip_prefix("CBD/NP/MOP/DEC/").or_else(|| s.strip_prefix("CBD/NP/COP-MOP/")) {
        (DecisionBody::Np, rest)
    } else if let Some(rest) = s.strip_prefix("CP-").or_else(|| s.strip_prefix("BS-")) {
        (DecisionBody::Cp, rest)
    } else if let Some(rest) = s.strip_prefix("NP-") {
        (DecisionBody::Np, rest)
    } else {
        // A bare `XIII/23` is a COP decision only with a roman session; `13/23` is ambiguous
        // in Arabic and is handled by the reference extractor.
        let (session, _) = s.split_once('/')?;
        from_roman(session)?;
        (DecisionBody::Cop, s)
    };
    let (session, number) = rest.split_once('/')?;
    let number: u32 = number.split(['/', ' ']).next()?.parse().ok()?;
    Some(DecisionId { body, session: session_number(session)?, number }).filter(|d| (1..=100).contains(&d.number))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DecisionBody::{Cop, Cp, Np};

    #[test]
    fn roman_numerals() {
        for (n, r) in [(1, "I"), (4, "IV"), (8, "VIII"), (9, "IX"), (13, "XIII"), (14, "XIV"), (16, "XVI"), (40, "XL")]
        {
            assert_eq!(to_roman(n), r);
            assert_eq!(from_roman(r), Some(n), "{r}");
            assert_eq!(from_roman(&r.to_lowercase()), Some(n), "{r}");
        }
        for bad in ["", "IIII", "VX", "ABC", "13"] {
            assert_eq!(from_roman(bad), None, "{bad}");
        }
    }

    #[test]
    fn arabic_letters() {
        let cases = [
            ("أ", 'a'),
            ("ب", 'b'),
            ("ج", 'c'),
            ("د", 'd'),
            ("هـ", 'e'),
            ("ﻫ", 'e'),
            ("ه", 'e'),
            ("و", 'f'),
            ("ز", 'g'),
            ("ح", 'h'),
            ("ط", 'i'),
            ("ي", 'j'),
            ("ك", 'k'),
            ("ل", 'l'),
            ("م", 'm'),
            ("ن", 'n'),
            ("ر", 't'),
        ];
        for (letter, latin) in cases {
            assert_eq!(abjad_to_latin(letter), Some(latin), "{letter}");
        }
        assert_eq!(abjad_to_latin("x"), None);
        for (word, latin) in [("ألف", 'A'), ("باء", 'B'), ("جيم", 'C'), ("دال", 'D'), ("هاء", 'E'), ("ياء", 'J')]
        {
            assert_eq!(section_word_to_latin(word), Some(latin), "{word}");
        }
        for (word, n) in [("أولا", 1), ("ثانيا", 2), ("رابعاً", 4), ("سادسا", 6)] {
            assert_eq!(arabic_section_ordinal(word), Some(n), "{word}");
        }
    }

    #[test]
    fn ordinals_and_months() {
        for (text, n) in [
            ("الأول", 1),
            ("الرابع", 4),
            ("الحادي عشر", 11),
            ("الثالث عشر", 13),
            ("Thirteenth", 13),
            ("first", 1),
            ("treizième", 13),
            ("première", 1),
            ("onzième", 11),
        ] {
            assert_eq!(ordinal_number(text), Some(n), "{text}");
        }
        for (text, m) in [
            ("ديسمبر/كانون الأول", 12),
            ("مايو/أيار", 5),
            ("أكتوبر", 10),
            ("تشرين الثاني", 11),
            ("December", 12),
            ("décembre", 12),
            ("mai", 5),
        ] {
            assert_eq!(month_number(text), Some(m), "{text}");
        }
    }

    #[test]
    fn digits_and_symbols() {
        assert_eq!(ascii_digits("المقرر ٢٣/١٣"), "المقرر 23/13");
        assert_eq!(ascii_digits("۱۲"), "12");
        assert_eq!(superscript_digit('¹'), Some('1'));
        assert_eq!(symbol_key("UNEP/CBD/COP/13/14/Add.1"), "UNEP-CBD-COP-13-14-Add-1");
        assert_eq!(symbol_key("CBD/SBI/4/7"), "CBD-SBI-4-7");
    }

    #[test]
    fn decision_symbols() {
        let d = |body, session, number| Some(DecisionId { body, session, number });
        let cases = [
            ("CBD/COP/DEC/XIII/23", d(Cop, 13, 23)),
            ("UNEP/CBD/COP/DEC/X/2", d(Cop, 10, 2)),
            ("CBD/CP/MOP/DEC/11/4", d(Cp, 11, 4)),
            ("CP-11/4", d(Cp, 11, 4)),
            ("CP-11/4-", d(Cp, 11, 4)),
            ("CP-VIII/7", d(Cp, 8, 7)),
            ("BS-VIII/7", d(Cp, 8, 7)),
            ("NP-2/13", d(Np, 2, 13)),
            ("NP-1/9.", d(Np, 1, 9)),
            ("XIII/23", d(Cop, 13, 23)),
            ("XII/2", d(Cop, 12, 2)),
            ("13/23", None),
            ("CP-XX/0", None),
            ("hello", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_decision_symbol(text), expected, "{text}");
        }
        assert_eq!(DecisionId { body: Cop, session: 13, number: 23 }.short_symbol(), "XIII/23");
        assert_eq!(DecisionId { body: Cop, session: 15, number: 4 }.short_symbol(), "15/4");
        assert_eq!(DecisionId { body: Cp, session: 11, number: 4 }.short_symbol(), "CP-11/4");
    }
}
