//! The guidance behind each suggestion: the questions of the online-discussion guide on
//! biosafety commitments (`data/corpus/ar/000_…`, discussion group 2, "developing concrete and
//! measurable commitments") that name what a measurable pledge states: duration, target
//! audience, scale, impact and partners (topic 4, question 1); reporting by progress reports,
//! KPIs, scorecards, quarterly briefs and before-and-after surveys against baselines (question
//! 2); stages of progress (question 3); measurable impact across supply chains and operations
//! (question 4); the GBF's long-term goals (topic 3, question 3); the four pledge forms (topic 3,
//! question 4); partnerships (topic 1, question 4).
//!
//! Each quote is checked against the indexed passage when cited: a corpus whose text differs
//! gives no citation rather than a wrong one.

use super::element::Element;
use cbdkg_search::SearchIndex;
use serde::{Deserialize, Serialize};

/// A paragraph cited for a suggestion, with the words of it that back the suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The paragraph (here a guiding question).
    pub iri: String,
    /// Its document.
    pub doc: String,
    /// The document's symbol, if it has one (the discussion guide has none).
    pub symbol: Option<String>,
    /// The paragraph's number within its section.
    pub paragraph: String,
    /// The heading of the section it is in.
    pub section: Option<String>,
    /// The backing words, verbatim from the paragraph.
    pub quote: String,
}

/// The guide, as a path below the base IRI.
const GUIDE: &str = "doc/000_10ec64ccf00d85d6";

/// Topic 4, question 1: the criteria of success.
const CRITERIA: (&str, &str) = (
    "topic-4/q1",
    "ما هي المعايير الحاسمة لقياس نجاح خطة تنفيذ البروتوكول والإطار العالمي للتنوع البيولوجي (مثل المدة ، والجمهور المستهدف ، وحجم العمل ، وتأثير الإجراء ، والشركاء)؟",
);
/// Topic 4, question 2: how to report progress.
const REPORTING: (&str, &str) = (
    "topic-4/q2",
    "كيف ينبغي للجهات الفاعلة الغير حكومية الإبلاغ عن التقدم المحرز في التزاماتها (مثل التقارير المرحلية ، ومؤشرات الأداء الرئيسية (KPIs) للشركات ، وبطاقات النتائج ، والموجزات ربع السنوية ، ورسومات المعلومات ، والدراسات الاستقصائية مع خطوط الأساس قبل وبعد)",
);
/// Topic 4, question 2: baselines before and after.
const BASELINES: (&str, &str) = ("topic-4/q2", "والدراسات الاستقصائية مع خطوط الأساس قبل وبعد");
/// Topic 4, question 3: stages.
const STAGES: (&str, &str) =
    ("topic-4/q3", "هل يجب أن تكون هناك مراحل للتقدم (مثل التخطيط والتطوير ومرحلة التنفيذ ومرحلة التقييم)؟");
/// Topic 4, question 4: measurable impact across the actor's operations.
const IMPACT: (&str, &str) = (
    "topic-4/q4",
    "كيف يمكن للجهات الفاعلة الغير حكومية أن يكون لها تأثير أكثر قابلية للقياس عبر سلسلة التوريد والعمليات والنقل والإنتاج وإشراك أصحاب المصلحة أو الحكومات كمقياس للنجاح؟",
);
/// Topic 3, question 3: the GBF's long-term goals.
const GOALS: (&str, &str) = (
    "topic-3/q3",
    "ما هي المعايير الرئيسية التي ينبغي أن تكون عليها التزامات جدول العمل (مثل الأهداف الطويلة المدى للإطار العالمي للتنوع البيولوجي وخطة تنفيذ البروتوكول)؟",
);
/// Topic 3, question 4: the four pledge forms.
const FORMS: (&str, &str) = ("topic-3/q4", "نماذج التعهد الأربعة للأفراد والمنظمات والشركات والحكومات المحلية");
/// Topic 1, question 4: partnerships.
const PARTNERSHIPS: (&str, &str) =
    ("topic-1/q4", "ما هي بعض الممارسات الجيدة في تعزيز الاتصال والشراكات بين الأطراف والجهات الفاعلة الغير حكومية؟");

/// The guide's questions (path below the guide, quote) that back a suggestion on `element`.
pub(crate) fn sources(element: Element) -> &'static [(&'static str, &'static str)] {
    match element {
        Element::Actor => &[FORMS],
        Element::Action => &[IMPACT],
        Element::Quantity => &[CRITERIA, IMPACT],
        Element::Baseline => &[BASELINES],
        Element::Deadline => &[CRITERIA],
        Element::Place => &[CRITERIA, IMPACT],
        Element::GbfTarget => &[GOALS],
        Element::Partners => &[CRITERIA, PARTNERSHIPS],
        Element::Reporting => &[REPORTING],
        Element::Stage => &[STAGES],
    }
}

/// The citations backing a suggestion on `element`, from the passages of `index` under the
/// base IRI `base`; a source whose passage is missing or no longer holds the quote is left out.
pub(crate) fn citations(index: &SearchIndex, base: &str, element: Element) -> Vec<Citation> {
    sources(element)
        .iter()
        .filter_map(|(path, quote)| {
            let passage = index.passage(&format!("{base}{GUIDE}/{path}"))?;
            passage.text.contains(quote).then(|| Citation {
                iri: passage.iri.clone(),
                doc: passage.doc.clone(),
                symbol: passage.symbol.clone(),
                paragraph: passage.paragraph.clone(),
                section: passage.section.last().cloned(),
                quote: (*quote).to_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotes are verbatim in the bundled guide (the test reads the source file: the
    /// passage text is the question without its number).
    #[test]
    fn every_quote_is_in_the_guide() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/corpus/ar/000_10ec64ccf00d85d6.txt");
        let guide = std::fs::read_to_string(path).unwrap();
        for element in Element::ALL {
            for (_, quote) in sources(element) {
                assert!(guide.contains(quote), "{element}: {quote}");
            }
        }
    }
}
