//! Rewrite suggestions for the elements a draft lacks, in the draft's language, built from its
//! own words: the action phrase ("restore the wetlands near our factory") becomes "restore N
//! hectares of the wetlands near our factory", "… by 2030", "… in partnership with …"; a
//! quantity the draft states becomes the end point of a baseline; a weak verb ("support",
//! "promouvoir") is named so it can be replaced.

use super::element::Element;
use super::text::fold_pattern;
use cbdkg_search::analysis::Lang;
use regex::Regex;
use std::sync::LazyLock;

/// How an action is best quantified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
    /// By area: restore, protect, conserve.
    Area,
    /// By a share: reduce, cut, eliminate.
    Percent,
    /// By a count: plant, train, install.
    Count,
}

/// The draft's action: its verb and the words that follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// The verb (or its noun), as written.
    pub verb: String,
    /// What follows it, up to a word that starts another element (a date, a place).
    pub rest: String,
    /// How it is best quantified.
    pub measure: Measure,
}

impl Phrase {
    /// Verb and rest.
    pub fn whole(&self) -> String {
        if self.rest.is_empty() { self.verb.clone() } else { format!("{} {}", self.verb, self.rest) }
    }
}

/// What the suggestions reuse of the draft.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    /// The draft's language.
    pub lang: Lang,
    /// Its action phrase, if it has one.
    pub phrase: Option<Phrase>,
    /// A weak verb it uses instead of a concrete one.
    pub weak: Option<String>,
    /// A quantity it states.
    pub quantity: Option<String>,
    /// The GBF target it fits best (number, title in its language).
    pub target: Option<(u8, String)>,
}

/// Words that end an action phrase: they start a date, a place, a partner or a comparison.
fn stops(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ar => &["بحلول", "قبل", "حتى", "في", "مع", "بالشراكة", "بالتعاون", "خلال", "منذ", "مقارنة", "بدعم", "عبر"],
        Lang::Fr => &[
            "d'ici", "avant", "jusqu'en", "dans", "sur", "à", "au", "aux", "en", "avec", "par", "depuis", "entre",
            "et", "pendant", "qui", "que", "chaque",
        ],
        Lang::Es => &[
            "para", "antes", "hasta", "en", "con", "desde", "entre", "y", "durante", "que", "cada", "respecto", "junto",
        ],
        _ => &[
            "by", "before", "until", "in", "on", "at", "across", "within", "with", "together", "compared", "from",
            "between", "during", "over", "since", "and", "while", "which", "that", "every", "each",
        ],
    }
}

/// The action phrase of `text` whose verb starts at character `start`.
pub(crate) fn phrase(text: &str, start: usize, lang: Lang) -> Option<Phrase> {
    let tail: String = text.chars().skip(start).collect();
    let clause = tail.split(['.', ',', ';', ':', '!', '?', '،', '؛', '(', ')', '"', '«', '»', '\n']).next()?;
    let mut words = clause.split_whitespace();
    let mut verb = words.next()?.to_owned();
    if lang == Lang::Ar {
        // "بزراعة" → "زراعة", "وحماية" → "حماية": the clitics belong to the draft's sentence.
        for clitic in ['و', 'ب', 'ل'] {
            if verb.chars().count() > 3 && verb.starts_with(clitic) {
                verb = verb.chars().skip(1).collect();
            }
        }
    }
    let stops = stops(lang);
    let rest: Vec<&str> =
        words.take_while(|w| !stops.contains(&w.to_lowercase().replace('’', "'").as_str())).take(7).collect();
    Some(Phrase { measure: measure(&verb), verb, rest: rest.join(" ") })
}

static AREA: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?i)^(?:restor|protect|conserv|preserv|reforest|rewild|rehabilit|regenerat|manag|convert|restaur|protég|proteg|préserv|reboise|réhabilit|régénér|gér|gestion|reforest|regener|manej|استعاد|حماي|حفاظ|المحافظ|صون|تاهيل|تشجير|تحويل|اعاده)";
    Regex::new(&fold_pattern(pattern)).expect("valid pattern")
});
static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?i)^(?:reduc|cut|halv|decreas|minimi|eliminat|phas|rédui|réduis|réduct|diminu|supprim|élimin|reduj|disminu|elimin|خفض|تخفيض|تقليل|الحد|ترشيد|نخفض|سنخفض|ستخفض|نقلل|سنقلل)";
    Regex::new(&fold_pattern(pattern)).expect("valid pattern")
});

fn measure(verb: &str) -> Measure {
    let verb = fold_pattern(verb);
    if PERCENT.is_match(&verb) {
        Measure::Percent
    } else if AREA.is_match(&verb) {
        Measure::Area
    } else {
        Measure::Count
    }
}

static WEAK: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    [
        r"(?i)\b(?:support\w*|promot\w*|encourag\w*|contribut\w*|foster\w*|enhanc\w*|improv\w*|help\w*|cares?|caring|value|raise\s+awareness|engag\w*)\b",
        r"(?i)\b(?:soutenir|promouvoir|encourager|contribuer|favoriser|améliorer|aider|agir|sensibiliser|valoriser)\b",
        r"(?i)\b(?:apoyar|promover|fomentar|contribuir|mejorar|ayudar|impulsar|sensibilizar|cuidar)\b",
        r"(?:لدعم|دعم|تعزيز|تشجيع|المساهمة|نسهم|تحسين|التوعية|نؤمن)",
    ]
    .map(|p| Regex::new(p).expect("valid pattern"))
});

/// The first weak verb of `text` ("support", "promouvoir", "دعم"), as written.
pub(crate) fn weak_verb(text: &str, lang: Lang) -> Option<String> {
    let regex = match lang {
        Lang::En => &WEAK[0],
        Lang::Fr => &WEAK[1],
        Lang::Es => &WEAK[2],
        Lang::Ar => &WEAK[3],
        Lang::Ru | Lang::Zh => return None,
    };
    regex.find(text).map(|m| m.as_str().to_owned())
}

/// `rest` without a leading article, for "N …" ("plant N native trees", "planter N haies").
fn bare(rest: &str) -> &str {
    const ARTICLES: [&str; 13] =
        ["the ", "some ", "les ", "des ", "la ", "le ", "du ", "los ", "las ", "el ", "unos ", "unas ", "de "];
    let lower = rest.to_lowercase();
    for article in ARTICLES {
        if lower.starts_with(article) {
            return &rest[article.len()..];
        }
    }
    for elided in ["l'", "d'", "l’", "d’"] {
        if lower.starts_with(elided) {
            return &rest[elided.len()..];
        }
    }
    rest
}

/// French "de" before a bare noun: "d'" before a vowel.
fn de(noun: &str) -> String {
    match noun.chars().next() {
        Some(c) if "aeiouyàâéèêëîïôûhAEIOUYÀÂÉÈÊÎÔÛH".contains(c) => format!("d'{noun}"),
        _ => format!("de {noun}"),
    }
}

/// The suggestion for a missing `element`.
pub(crate) fn suggestion(element: Element, ctx: &Context) -> String {
    match ctx.lang {
        Lang::Ar => arabic(element, ctx),
        Lang::Fr => french(element, ctx),
        Lang::Es => spanish(element, ctx),
        Lang::En | Lang::Ru | Lang::Zh => english(element, ctx),
    }
}

fn english(element: Element, ctx: &Context) -> String {
    let phrase = ctx.phrase.as_ref().map_or_else(|| "…".to_owned(), Phrase::whole);
    match element {
        Element::Actor => format!("Say who commits: \"[your organisation] will {phrase}\"."),
        Element::Action => match &ctx.weak {
            Some(weak) => format!(
                "Replace \"{weak}\" with what you will do, as a concrete verb (restore, plant, reduce, train…): \"we will restore N hectares of …\"."
            ),
            None => "Say what you will do, as a concrete verb: \"restore N hectares of …\", \"plant N trees\", \"reduce … by N %\".".to_owned(),
        },
        Element::Quantity => match &ctx.phrase {
            Some(p) => match p.measure {
                Measure::Area => format!("Say how much: \"{} N hectares of {}\".", p.verb, p.rest),
                Measure::Percent => format!("Say how much: \"{} {} by N %\".", p.verb, p.rest),
                Measure::Count => format!("Say how much: \"{} N {}\".", p.verb, bare(&p.rest)),
            },
            None => "Say how much, as a number with a unit: \"N hectares\", \"N tonnes\", \"N %\".".to_owned(),
        },
        Element::Baseline => match &ctx.quantity {
            Some(q) => format!("Say where you start from: \"from X today to {q}\", or \"compared with [year]\"."),
            None => "Say where you start from: \"from X in [year] to Y by 2030\", or \"compared with [year]\".".to_owned(),
        },
        Element::Deadline => format!("Say by when: \"{phrase} by 2030\" (the GBF's horizon) or an earlier year."),
        Element::Place => {
            format!("Say where: \"{phrase} in [district, city or country]\", or \"in our sites in …\".")
        }
        Element::GbfTarget => match &ctx.target {
            Some((n, title)) => format!(
                "Name the GBF target it serves: \"… contributes to GBF Target {n} ({title})\", the closest by meaning (see the targets below)."
            ),
            None => "Name the GBF target it serves: \"… contributes to GBF Target N\".".to_owned(),
        },
        Element::Partners => format!(
            "Say who you work with: \"{phrase} in partnership with [a community group, an NGO, a public body]\"."
        ),
        Element::Reporting => match &ctx.quantity {
            Some(q) => format!(
                "Say how you will measure and report progress: \"we will measure progress towards {q} every year and publish it in an annual report with KPIs\"."
            ),
            None => "Say how you will measure and report progress: \"we will publish an annual report with KPIs and a scorecard\".".to_owned(),
        },
        Element::Stage => "Say where the pledge stands: planning, development, implementation or evaluation (\"we are in the planning stage\").".to_owned(),
    }
}

fn french(element: Element, ctx: &Context) -> String {
    let phrase = ctx.phrase.as_ref().map_or_else(|| "…".to_owned(), Phrase::whole);
    match element {
        Element::Actor => format!("Dites qui s'engage : « [votre organisation] va {phrase} »."),
        Element::Action => match &ctx.weak {
            Some(weak) => format!(
                "Remplacez « {weak} » par ce que vous ferez, avec un verbe concret (restaurer, planter, réduire, former…) : « nous restaurerons N hectares de … »."
            ),
            None => "Dites ce que vous ferez, avec un verbe concret : « restaurer N hectares de … », « planter N arbres », « réduire … de N % ».".to_owned(),
        },
        Element::Quantity => match &ctx.phrase {
            Some(p) => match p.measure {
                Measure::Area => format!("Dites combien : « {} N hectares {} ».", p.verb, de(bare(&p.rest))),
                Measure::Percent => format!("Dites combien : « {} {} de N % ».", p.verb, p.rest),
                Measure::Count => format!("Dites combien : « {} N {} ».", p.verb, bare(&p.rest)),
            },
            None => "Dites combien, par un nombre et une unité : « N hectares », « N tonnes », « N % ».".to_owned(),
        },
        Element::Baseline => match &ctx.quantity {
            Some(q) => format!("Dites d'où vous partez : « de X aujourd'hui à {q} », ou « par rapport à [année] »."),
            None => "Dites d'où vous partez : « de X en [année] à Y en 2030 », ou « par rapport à [année] ».".to_owned(),
        },
        Element::Deadline => {
            format!("Dites pour quand : « {phrase} d'ici 2030 » (l'horizon du Cadre mondial) ou une année plus proche.")
        }
        Element::Place => format!("Dites où : « {phrase} dans [commune, région ou pays] », ou « sur nos sites de … »."),
        Element::GbfTarget => match &ctx.target {
            Some((n, title)) => format!(
                "Nommez la cible du Cadre mondial à laquelle il contribue : « … contribue à la cible {n} du Cadre mondial de la biodiversité ({title}) », la plus proche par le sens (voir les cibles ci-dessous)."
            ),
            None => "Nommez la cible du Cadre mondial à laquelle il contribue : « … contribue à la cible N du Cadre mondial de la biodiversité ».".to_owned(),
        },
        Element::Partners => format!(
            "Dites avec qui : « {phrase} en partenariat avec [une association, une collectivité, un organisme public] »."
        ),
        Element::Reporting => match &ctx.quantity {
            Some(q) => format!(
                "Dites comment vous mesurerez et rendrez compte des progrès : « nous mesurerons chaque année les progrès vers {q} et publierons un bilan annuel avec des indicateurs clés de performance »."
            ),
            None => "Dites comment vous mesurerez et rendrez compte des progrès : « nous publierons un bilan annuel avec des indicateurs clés de performance ».".to_owned(),
        },
        Element::Stage => "Dites où en est l'engagement : planification, développement, mise en œuvre ou évaluation (« le projet est en phase de planification »).".to_owned(),
    }
}

fn spanish(element: Element, ctx: &Context) -> String {
    let phrase = ctx.phrase.as_ref().map_or_else(|| "…".to_owned(), Phrase::whole);
    match element {
        Element::Actor => format!("Diga quién se compromete: «[su organización] va a {phrase}»."),
        Element::Action => match &ctx.weak {
            Some(weak) => format!(
                "Reemplace «{weak}» por lo que hará, con un verbo concreto (restaurar, plantar, reducir, capacitar…): «restauraremos N hectáreas de …»."
            ),
            None => "Diga qué hará, con un verbo concreto: «restaurar N hectáreas de …», «plantar N árboles», «reducir … en un N %».".to_owned(),
        },
        Element::Quantity => match &ctx.phrase {
            Some(p) => match p.measure {
                Measure::Area => format!("Diga cuánto: «{} N hectáreas de {}».", p.verb, p.rest),
                Measure::Percent => format!("Diga cuánto: «{} {} en un N %».", p.verb, p.rest),
                Measure::Count => format!("Diga cuánto: «{} N {}».", p.verb, bare(&p.rest)),
            },
            None => "Diga cuánto, con un número y una unidad: «N hectáreas», «N toneladas», «N %».".to_owned(),
        },
        Element::Baseline => match &ctx.quantity {
            Some(q) => format!("Diga de dónde parte: «de X hoy a {q}», o «respecto a [año]»."),
            None => "Diga de dónde parte: «de X en [año] a Y en 2030», o «respecto a [año]».".to_owned(),
        },
        Element::Deadline => {
            format!("Diga para cuándo: «{phrase} para 2030» (el horizonte del Marco Mundial) o un año más cercano.")
        }
        Element::Place => format!("Diga dónde: «{phrase} en [municipio, región o país]», o «en nuestras fincas de …»."),
        Element::GbfTarget => match &ctx.target {
            Some((n, title)) => format!(
                "Nombre la meta del Marco Mundial a la que aporta: «… aporta a la meta {n} del Marco Mundial de Biodiversidad ({title})», la más cercana por el sentido (vea las metas más abajo)."
            ),
            None => "Nombre la meta del Marco Mundial a la que aporta: «… aporta a la meta N del Marco Mundial de Biodiversidad».".to_owned(),
        },
        Element::Partners => format!(
            "Diga con quién: «{phrase} en alianza con [una organización comunitaria, una ONG, una entidad pública]»."
        ),
        Element::Reporting => match &ctx.quantity {
            Some(q) => format!(
                "Diga cómo medirá e informará el avance: «mediremos cada año el avance hacia {q} y publicaremos un informe anual con indicadores clave de desempeño»."
            ),
            None => "Diga cómo medirá e informará el avance: «publicaremos un informe anual con indicadores clave de desempeño».".to_owned(),
        },
        Element::Stage => "Diga en qué etapa está: planificación, desarrollo, ejecución o evaluación («el proyecto está en fase de planificación»).".to_owned(),
    }
}

fn arabic(element: Element, ctx: &Context) -> String {
    let phrase = ctx.phrase.as_ref().map_or_else(|| "…".to_owned(), Phrase::whole);
    match element {
        Element::Actor => format!("حدِّد من يلتزم: «ستقوم [اسم منظمتكم] بـ{phrase}»."),
        Element::Action => match &ctx.weak {
            Some(weak) => format!(
                "استبدل «{weak}» بما ستفعلونه بفعل محدد (استعادة، زراعة، خفض، تدريب…): «سنستعيد N هكتار من …»."
            ),
            None => "حدِّد ما ستفعلونه بفعل محدد: «استعادة N هكتار من …»، «زراعة N شجرة»، «خفض … بنسبة N٪».".to_owned(),
        },
        Element::Quantity => match &ctx.phrase {
            Some(p) => match p.measure {
                Measure::Area => format!("حدِّد الكمية: «{} {} على مساحة N هكتار».", p.verb, p.rest),
                Measure::Percent => format!("حدِّد الكمية: «{} {} بنسبة N٪».", p.verb, p.rest),
                Measure::Count => format!("حدِّد الكمية: «{} N من {}».", p.verb, p.rest),
            },
            None => "حدِّد الكمية برقم ووحدة: «N هكتار»، «N طن»، «N٪».".to_owned(),
        },
        Element::Baseline => match &ctx.quantity {
            Some(q) => format!("حدِّد نقطة الانطلاق: «من X حاليا إلى {q}»، أو «مقارنة بعام [السنة]»."),
            None => "حدِّد نقطة الانطلاق: «من X في عام [السنة] إلى Y بحلول عام 2030»، أو «مقارنة بعام [السنة]».".to_owned(),
        },
        Element::Deadline => {
            format!("حدِّد الموعد: «{phrase} بحلول عام 2030» (أفق الإطار العالمي للتنوع البيولوجي) أو قبل ذلك.")
        }
        Element::Place => format!("حدِّد المكان: «{phrase} في [المدينة أو المحافظة أو البلد]»، أو «في منشآتنا في …»."),
        Element::GbfTarget => match &ctx.target {
            Some((n, title)) => format!(
                "اذكر غاية الإطار العالمي التي يسهم فيها التعهد: «… يسهم في الغاية {n} من إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي ({title})»، وهي الأقرب معنى (انظر الغايات أدناه)."
            ),
            None => "اذكر غاية الإطار العالمي التي يسهم فيها التعهد: «… يسهم في الغاية N من إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي».".to_owned(),
        },
        Element::Partners => format!(
            "حدِّد الشركاء: «{phrase} بالشراكة مع [جمعية محلية أو منظمة غير حكومية أو جهة حكومية]»."
        ),
        Element::Reporting => match &ctx.quantity {
            Some(q) => format!(
                "حدِّد كيف ستقيسون التقدم وتبلغون عنه: «سنقيس كل عام التقدم نحو {q} وننشر تقريرا سنويا بمؤشرات الأداء الرئيسية»."
            ),
            None => "حدِّد كيف ستقيسون التقدم وتبلغون عنه: «سننشر تقريرا سنويا بمؤشرات الأداء الرئيسية».".to_owned(),
        },
        Element::Stage => "حدِّد المرحلة التي بلغها التعهد: التخطيط أو التطوير أو التنفيذ أو التقييم («المشروع في مرحلة التخطيط»).".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, lang: Lang, verb_at: &str, expected: (&str, &str, Measure)) {
        let start = text[..text.find(verb_at).unwrap()].chars().count();
        let p = phrase(text, start, lang).unwrap();
        assert_eq!((p.verb.as_str(), p.rest.as_str(), p.measure), expected, "{text}");
    }

    #[test]
    fn action_phrases_stop_where_another_element_starts() {
        check(
            "We will restore the wetlands near the river by 2030.",
            Lang::En,
            "restore",
            ("restore", "the wetlands near the river", Measure::Area),
        );
        check(
            "Our school will plant native trees on the campus",
            Lang::En,
            "plant",
            ("plant", "native trees", Measure::Count),
        );
        check(
            "Nous allons réduire les pesticides d'ici 2028.",
            Lang::Fr,
            "réduire",
            ("réduire", "les pesticides", Measure::Percent),
        );
        check(
            "Vamos a proteger el bosque nativo para 2030",
            Lang::Es,
            "proteger",
            ("proteger", "el bosque nativo", Measure::Area),
        );
        check("نلتزم بخفض هدر الطعام في فنادقنا بحلول 2030", Lang::Ar, "بخفض", ("خفض", "هدر الطعام", Measure::Percent));
    }

    #[test]
    fn suggestions_reuse_the_drafts_words() {
        let text = "Our company will restore the wetlands near our factory.";
        let start = text[..text.find("restore").unwrap()].chars().count();
        let ctx = Context {
            lang: Lang::En,
            phrase: phrase(text, start, Lang::En),
            weak: None,
            quantity: None,
            target: Some((2, "Restore 30% of degraded ecosystems".to_owned())),
        };
        assert_eq!(
            suggestion(Element::Quantity, &ctx),
            "Say how much: \"restore N hectares of the wetlands near our factory\"."
        );
        assert!(suggestion(Element::Deadline, &ctx).contains("\"restore the wetlands near our factory by 2030\""));
        assert!(suggestion(Element::GbfTarget, &ctx).contains("GBF Target 2 (Restore 30% of degraded ecosystems)"));
        assert_eq!(weak_verb("We will support biodiversity", Lang::En).as_deref(), Some("support"));
        let french = |text: &str, verb: &str| {
            let start = text[..text.find(verb).unwrap()].chars().count();
            let ctx = Context {
                lang: Lang::Fr,
                phrase: phrase(text, start, Lang::Fr),
                weak: None,
                quantity: None,
                target: None,
            };
            suggestion(Element::Quantity, &ctx)
        };
        assert_eq!(
            french("Nous allons planter des haies avec les agriculteurs.", "planter"),
            "Dites combien : « planter N haies »."
        );
        assert_eq!(
            french("Nous allons restaurer les zones humides.", "restaurer"),
            "Dites combien : « restaurer N hectares de zones humides »."
        );
        assert_eq!(
            french("Nous allons protéger l'estuaire.", "protéger"),
            "Dites combien : « protéger N hectares d'estuaire »."
        );
        assert_eq!(weak_verb("نسعى لدعم التنوع البيولوجي", Lang::Ar).as_deref(), Some("لدعم"));
    }
}
