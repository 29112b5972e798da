//! The analysers: Arabic normalisation and light stemming word by word, the other languages,
//! and index-time analysis (the tokenizers registered in a built index) agreeing with the
//! query-time analysis.

mod common;

use cbdkg_search::Passage;
use cbdkg_search::analysis::{ArabicLightStemmer, ArabicNormalizer, Lang, Script};
use cbdkg_search::keyword::KeywordIndex;

fn check_stems(word: &str, expected: &[&str]) {
    assert_eq!(ArabicLightStemmer.stems(word), expected, "stems of {word}");
}

#[test]
fn arabic_word_forms() {
    let cases: &[(&str, &[&str])] = &[
        // The article and its combinations with prepositions and conjunctions.
        ("تنوع", &["تنوع"]),
        ("التنوع", &["تنوع"]),
        ("والتنوع", &["تنوع"]),
        ("بالتنوع", &["تنوع"]),
        ("للتنوع", &["تنوع", "لتنوع"]),
        ("التَّنَوُّعِ", &["تنوع"]),
        ("مقرر", &["مقرر"]),
        ("المقرر", &["مقرر"]),
        ("المقررات", &["مقرر"]),
        ("والمقررات", &["مقرر"]),
        ("مقرراتها", &["مقرر"]),
        ("الأطراف", &["اطراف"]),
        ("الاطراف", &["اطراف"]),
        ("الأطرافَ", &["اطراف"]),
        ("للأطراف", &["اطراف", "لاطراف"]),
        ("وللأطراف", &["وللاطراف", "اطراف", "لاطراف"]),
        // Suffixes: ية/ي, ات, ة, ين, ان, ون.
        ("البيولوجي", &["بيولوج"]),
        ("البيولوجية", &["بيولوج"]),
        ("بيولوجية", &["بيولوج", "يولوج"]),
        ("القدرات", &["قدر"]),
        ("قدرة", &["قدر"]),
        ("المعلومات", &["معلوم"]),
        ("معلومة", &["معلوم"]),
        ("الدول", &["دول"]),
        ("الدولية", &["دول"]),
        ("المتحدة", &["متحد"]),
        ("المشاركين", &["مشارك"]),
        ("البلدان", &["بلد"]),
        ("مستوى", &["مستو"]),
        ("التكنولوجيا", &["تكنولوجيا"]),
        // A leading و or ب that may be a clitic or part of the word: both readings.
        ("الوطنية", &["وطن"]),
        ("الوطني", &["وطن"]),
        ("وطنية", &["وطن", "طن"]),
        ("بناء", &["بناء", "ناء"]),
        ("بنـــاء", &["بناء", "ناء"]),
        ("وبناء", &["وبناء", "بناء", "ناء"]),
        // آلية is not ال + ية: the article is found before the alef forms are unified.
        ("آلية", &["ال"]),
        ("الآلية", &["ال"]),
        ("آليات", &["ال"]),
        // Hamza seats meet.
        ("مسؤولية", &["مسءول"]),
        ("مسئولية", &["مسءول"]),
        ("شؤون", &["شء"]),
        ("شئون", &["شء"]),
        // Digits, Latin, presentation forms.
        ("٢٠٣٠", &["2030"]),
        ("۲۰۳۰", &["2030"]),
        ("2030", &["2030"]),
        ("CBD", &["cbd"]),
        ("ﻫ", &["ه"]),
        // Stop words give no term, with or without hamza and tashkeel.
        ("إلى", &[]),
        ("الى", &[]),
        ("فِي", &[]),
        ("على", &[]),
        ("ـــ", &[]),
    ];
    assert!(cases.len() >= 40);
    for (word, expected) in cases {
        check_stems(word, expected);
    }
}

#[test]
fn arabic_forms_of_a_word_share_a_term() {
    let families: &[(&str, &[&str])] = &[
        ("تنوع", &["التنوع", "والتنوع", "بالتنوع", "للتنوع", "التَّنَوُّعِ", "تنوع", "وتنوع"]),
        ("اطراف", &["الأطراف", "الاطراف", "للأطراف", "وللأطراف", "أطراف", "والأطراف", "بالأطراف"]),
        ("مقرر", &["المقرر", "المقررات", "مقررات", "والمقرر", "بالمقرر", "مقرراتها"]),
        ("وطن", &["وطنية", "الوطنية", "الوطني", "وطني", "والوطنية"]),
        ("تعزيز", &["تعزيز", "وتعزيز", "لتعزيز", "بتعزيز", "التعزيز"]),
        ("تقييم", &["تقييم", "التقييم", "وتقييم", "تَقْيِيمٌ"]),
        ("ال", &["آلية", "الآلية", "وآلية", "آليات"]),
    ];
    for (term, forms) in families {
        for form in *forms {
            assert!(ArabicLightStemmer.stems(form).iter().any(|s| s == term), "{form} has no term {term}");
        }
    }
    // Presentation forms read as the letters they show.
    assert_eq!(ArabicLightStemmer.stems("\u{FEFB}\u{FE8B}\u{FEA4}\u{FE94}"), ArabicLightStemmer.stems("لائحة"));
}

#[test]
fn arabic_normalisation() {
    let cases = [
        ("أإآٱا", "ااااا"),
        ("مُسْتَوًى", "مستوي"),
        ("هٰذا", "هذا"),
        ("بنـــاء", "بناء"),
        ("مدرسة", "مدرسه"),
        ("سؤال رئيس", "سءال رءيس"),
        ("٢٣/١٣", "23/13"),
        ("ی ک", "ي ك"),
        ("CBD", "cbd"),
        ("التَّنَوُّعِ الْبَيُولُوجِيِّ", "التنوع البيولوجي"),
    ];
    for (text, expected) in cases {
        assert_eq!(ArabicNormalizer.normalize(text), expected, "{text}");
    }
}

fn check_terms(lang: Lang, text: &str, expected: &[&str]) {
    assert_eq!(lang.terms(text), expected, "{lang:?} {text}");
}

#[test]
fn other_languages() {
    check_terms(Lang::En, "The Decisions of the Parties", &["decis", "parti"]);
    check_terms(Lang::En, "capacity-building, 2030", &["capac", "build", "2030"]);
    check_terms(Lang::En, "café", &["cafe"]);
    assert_eq!(Lang::Fr.terms("décisions"), Lang::Fr.terms("decisions"));
    assert_eq!(Lang::Fr.terms("la diversité biologique"), Lang::Fr.terms("Diversite biologique"));
    assert_eq!(Lang::Es.terms("decisión"), Lang::Es.terms("decisiones"));
    assert_eq!(Lang::Ru.terms("решения"), Lang::Ru.terms("решение"));
    assert_eq!(Lang::Ru.terms("ёлка"), Lang::Ru.terms("елка"));
    check_terms(Lang::Zh, "生物多样性", &["生物", "物多", "多样", "样性"]);
    check_terms(Lang::Zh, "多 CBD公约", &["多", "cbd", "公约"]);
    check_terms(Lang::Ar, "المقرر ٢٣/١٣ بشأن التنوع", &["مقرر", "23", "13", "تنوع"]);
}

#[test]
fn scripts_choose_languages() {
    let cases = [
        ("التنوع", Script::Arabic),
        ("٢٠٣٠", Script::Latin),
        ("biodiversité", Script::Latin),
        ("биоразнообразие", Script::Cyrillic),
        ("生物", Script::Cjk),
        ("XIII/23", Script::Latin),
        ("...", Script::Latin),
    ];
    for (word, script) in cases {
        assert_eq!(Script::of(word), script, "{word}");
    }
    assert_eq!(Script::Arabic.languages(), [Lang::Ar]);
    assert_eq!(Script::Latin.languages(), Lang::ALL);
}

fn passage(iri: &str, lang: &str, text: &str) -> Passage {
    Passage {
        iri: iri.into(),
        doc: "https://cbdkg.example/id/doc/test".into(),
        symbol: None,
        short_symbol: None,
        title: None,
        paragraph: "1".into(),
        section: Vec::new(),
        body: None,
        meeting: None,
        year: None,
        doc_type: None,
        record_type: None,
        lang: lang.into(),
        text: text.into(),
        translations: Vec::new(),
        position: 0,
    }
}

#[test]
fn index_and_query_analysis_agree() {
    let texts = [
        (
            Lang::Ar,
            "يُشجِّع الأطرافَ والحكومات على تعزيز بناء القدرات للتنوع البيولوجي بحلول عام ٢٠٣٠، وآلية غرفة تبادل المعلومات",
        ),
        (Lang::En, "Encourages Parties to strengthen capacity-building for biodiversity by 2030"),
        (Lang::Fr, "Encourage les Parties à renforcer les capacités pour la diversité biologique d'ici à 2030"),
        (Lang::Es, "Alienta a las Partes a fortalecer la creación de capacidad en diversidad biológica"),
        (Lang::Ru, "Призывает Стороны укреплять потенциал в области биоразнообразия"),
        (Lang::Zh, "鼓励缔约方加强生物多样性能力建设"),
    ];
    let passages: Vec<Passage> =
        texts.iter().map(|(lang, text)| passage(&format!("urn:{}", lang.code()), lang.code(), text)).collect();
    let dir = common::scratch_dir("analysis-agreement").join("index");
    let index = KeywordIndex::build(&dir, &passages).unwrap();
    for (lang, text) in texts {
        let mut analyzer = index.field_analyzer(&format!("text_{}", lang.code())).unwrap();
        let mut indexed = Vec::new();
        analyzer.token_stream(text).process(&mut |t| indexed.push(t.clone()));
        assert_eq!(indexed, lang.analyze(text), "{lang:?}");
        assert!(!indexed.is_empty());
        // Every query word finds its passage.
        for word in text.split_whitespace().filter(|w| !lang.terms(w).is_empty()) {
            let hits = index.search(word, 3, &Default::default()).unwrap();
            assert!(hits.iter().any(|h| h.iri == format!("urn:{}", lang.code())), "{lang:?}: {word} -> {hits:?}");
        }
    }
}
