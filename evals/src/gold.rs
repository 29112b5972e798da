//! The gold set: questions with graded relevance judgements, read from TOML and validated.

use crate::error::{EvalError, QuestionProblem};
use crate::metrics::{ANSWER, Judgements, RELATED};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The bundled retrieval gold set, `evals/gold/retrieval.toml`.
pub const BUNDLED_RETRIEVAL: &str = include_str!("../gold/retrieval.toml");

/// Name under which errors in [`BUNDLED_RETRIEVAL`] are reported.
const BUNDLED_FILE: &str = "evals/gold/retrieval.toml";

/// Language tags a question may have: the six UN languages, in report order.
pub const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// What kind of lookup a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// Asked in the user's own words: found by meaning.
    #[default]
    Semantic,
    /// A citation such as `XIII/23 paragraph 15(g)` or `المقرر 23/13`: found by symbol.
    Exact,
}

/// One question of a gold set and the units that answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable id, `[a-z0-9-]+`: `en-xiii23-independent-evaluation`.
    pub id: String,
    /// Language tag of the question text (`ar`, `en`, `es`, `fr`, `ru`, `zh`).
    pub lang: String,
    /// The question as a user would type it.
    pub text: String,
    /// Semantic question or exact lookup.
    pub kind: QuestionKind,
    /// IRIs of the units that answer it (grade 2); at least one.
    pub answers: Vec<String>,
    /// IRIs of units that answer part of it or are closely related (grade 1).
    pub related: Vec<String>,
    /// The writer's note on a judgement, for reviewers.
    pub note: Option<String>,
    /// Line of the question's `id` in its file, from 1.
    pub line: usize,
}

impl Question {
    /// Grade of a unit IRI for this question: 2 answers, 1 related, 0 not judged.
    pub fn grade(&self, iri: &str) -> u8 {
        if self.answers.iter().any(|a| a == iri) {
            ANSWER
        } else if self.related.iter().any(|r| r == iri) {
            RELATED
        } else {
            0
        }
    }

    /// The judgements the metrics score a ranking against.
    pub fn judgements(&self) -> Judgements<'_> {
        let answers = self.answers.iter().map(|iri| (iri.as_str(), ANSWER));
        Judgements::new(answers.chain(self.related.iter().map(|iri| (iri.as_str(), RELATED))))
    }

    /// Every judged IRI with its grade, answers first.
    pub fn judged(&self) -> impl Iterator<Item = (&str, u8)> {
        let answers = self.answers.iter().map(|iri| (iri.as_str(), ANSWER));
        answers.chain(self.related.iter().map(|iri| (iri.as_str(), RELATED)))
    }
}

/// A validated gold set: unique ids, known languages, non-empty texts, at least one answer
/// per question, every IRI under the set's base IRI and listed once per question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSet {
    file: String,
    base: String,
    questions: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoldSet {
    base: toml::Spanned<String>,
    #[serde(default)]
    question: Vec<RawQuestion>,
}

// Everything but the id has a default, so that a missing field is reported by question id.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: toml::Spanned<String>,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    kind: QuestionKind,
    #[serde(default)]
    answers: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    note: Option<String>,
}

impl GoldSet {
    /// The bundled retrieval gold set ([`BUNDLED_RETRIEVAL`]).
    pub fn bundled() -> Result<Self, EvalError> {
        Self::from_toml(BUNDLED_RETRIEVAL, BUNDLED_FILE)
    }

    /// Reads and validates a gold set from a TOML file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, EvalError> {
        read_gold(path.as_ref(), Self::from_toml)
    }

    /// Parses and validates a gold set; `file` names it in error messages.
    pub fn from_toml(text: &str, file: &str) -> Result<Self, EvalError> {
        let raw: RawGoldSet = parse_toml(text, file)?;
        let base_line = line_of(text, raw.base.span().start);
        let base = raw.base.into_inner();
        check_base(&base, || format!("{file}:{base_line}"))?;
        if raw.question.is_empty() {
            return Err(EvalError::NoQuestions { file: file.to_owned() });
        }
        let questions = raw
            .question
            .into_iter()
            .map(|q| Question {
                line: line_of(text, q.id.span().start),
                id: q.id.into_inner(),
                lang: q.lang,
                text: q.text,
                kind: q.kind,
                answers: q.answers,
                related: q.related,
                note: q.note,
            })
            .collect();
        let gold = Self { file: file.to_owned(), base, questions };
        gold.validate()?;
        Ok(gold)
    }

    fn validate(&self) -> Result<(), EvalError> {
        check_questions(&self.file, &self.questions, |q| (&q.id, q.line), |q| check_question(q, &self.base))
    }

    /// The same gold set with its IRIs moved to another base IRI, for a deployment that sets
    /// its own (`https://example.org/cbd/` turns `{old}decision/CP-11-4/p3` into
    /// `https://example.org/cbd/decision/CP-11-4/p3`).
    pub fn with_base(mut self, base: &str) -> Result<Self, EvalError> {
        check_base(base, || "with_base".to_owned())?;
        let old = std::mem::replace(&mut self.base, base.to_owned());
        let rebase = |iri: &mut String| *iri = format!("{base}{}", &iri[old.len()..]);
        for question in &mut self.questions {
            question.answers.iter_mut().chain(question.related.iter_mut()).for_each(rebase);
        }
        Ok(self)
    }

    /// The file it was read from (or the name given to [`GoldSet::from_toml`]).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The base IRI every judged IRI starts with.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The questions, in file order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

pub(crate) fn check_base(base: &str, origin: impl FnOnce() -> String) -> Result<(), EvalError> {
    let scheme = base.starts_with("https://") || base.starts_with("http://");
    if scheme && base.ends_with('/') && !base.contains(char::is_whitespace) {
        Ok(())
    } else {
        Err(EvalError::BadBase { origin: origin(), base: base.to_owned() })
    }
}

fn check_question(question: &Question, base: &str) -> Result<(), QuestionProblem> {
    let id_chars = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if question.id.is_empty() || !question.id.chars().all(id_chars) {
        return Err(QuestionProblem::BadId);
    }
    if question.text.trim().is_empty() {
        return Err(QuestionProblem::EmptyText);
    }
    if !LANGUAGES.contains(&question.lang.as_str()) {
        return Err(QuestionProblem::UnknownLanguage(question.lang.clone()));
    }
    if question.answers.is_empty() {
        return Err(QuestionProblem::NoAnswer);
    }
    let mut seen = HashSet::new();
    for (iri, _) in question.judged() {
        let path = iri.strip_prefix(base).unwrap_or("");
        if path.is_empty() || path.contains(char::is_whitespace) {
            return Err(QuestionProblem::IriOutsideBase(iri.to_owned()));
        }
        if !seen.insert(iri) {
            return Err(QuestionProblem::RepeatedIri(iri.to_owned()));
        }
    }
    Ok(())
}

/// Line (from 1) of a byte offset.
/// Reads a gold-set file and hands its text and name (for error messages) to `parse`.
pub(crate) fn read_gold<T>(
    path: &Path,
    parse: impl FnOnce(&str, &str) -> Result<T, EvalError>,
) -> Result<T, EvalError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read { file: file.clone(), source })?;
    parse(&text, &file)
}

/// Parses the TOML of a gold set; an error names `file` and the line.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, EvalError> {
    toml::from_str(text).map_err(|e| EvalError::Parse {
        file: file.to_owned(),
        line: e.span().map_or(1, |span| line_of(text, span.start)),
        message: e.message().trim().to_owned(),
    })
}

/// Checks every question of a gold set with `check`, and that no id is used twice; an error
/// names the file, the question's line and its id. `key` gives a question's id and line.
pub(crate) fn check_questions<Q>(
    file: &str,
    questions: &[Q],
    key: impl Fn(&Q) -> (&str, usize),
    check: impl Fn(&Q) -> Result<(), QuestionProblem>,
) -> Result<(), EvalError> {
    let mut first_lines: HashMap<&str, usize> = HashMap::new();
    for question in questions {
        let (id, line) = key(question);
        let fail = |problem| EvalError::Question { file: file.to_owned(), line, id: id.to_owned(), problem };
        if let Some(&first_line) = first_lines.get(id) {
            return Err(fail(QuestionProblem::DuplicateId { first_line }));
        }
        first_lines.insert(id, line);
        check(question).map_err(fail)?;
    }
    Ok(())
}

pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "base = \"https://cbdkg.example/id/\"\n";

    fn question(body: &str) -> String {
        format!("{BASE}\n[[question]]\n{body}\n")
    }

    const GOOD: &str = r#"id = "en-q1"
lang = "en"
text = "who evaluates the plan?"
answers = ["https://cbdkg.example/id/decision/COP-13-23/p15-g"]
related = ["https://cbdkg.example/id/decision/COP-13-23/p15"]"#;

    /// The error message of parsing `toml`, or "ok".
    fn check(toml: &str, expected: &str) {
        let got = match GoldSet::from_toml(toml, "gold.toml") {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, expected, "for\n{toml}");
    }

    #[test]
    fn a_valid_question() {
        check(&question(GOOD), "ok");
        let gold = GoldSet::from_toml(&question(GOOD), "gold.toml").unwrap();
        let q = &gold.questions()[0];
        assert_eq!(
            (q.line, q.kind, q.grade("https://cbdkg.example/id/decision/COP-13-23/p15")),
            (4, QuestionKind::Semantic, 1)
        );
        assert_eq!(q.grade("https://cbdkg.example/id/decision/COP-13-23/p15-g"), 2);
        assert_eq!(q.grade("https://cbdkg.example/id/decision/COP-13-23/p1"), 0);
    }

    #[test]
    fn schema_errors_name_the_file_line_and_question() {
        check(
            &question(&GOOD.replace("en-q1", "En q1")),
            "gold.toml:4: question `En q1`: the id must be lower-case ASCII letters, digits and `-`",
        );
        check(
            &question(&GOOD.replace("who evaluates the plan?", "  ")),
            "gold.toml:4: question `en-q1`: the question text is empty",
        );
        check(
            &question(&GOOD.replace("lang = \"en\"", "lang = \"de\"")),
            "gold.toml:4: question `en-q1`: unknown language `de` (expected one of ar, en, es, fr, ru, zh)",
        );
        check(
            &question(&GOOD.replace("lang = \"en\"\n", "")),
            "gold.toml:4: question `en-q1`: unknown language `` (expected one of ar, en, es, fr, ru, zh)",
        );
        check(
            &question(&GOOD.replace("[\"https://cbdkg.example/id/decision/COP-13-23/p15-g\"]", "[]")),
            "gold.toml:4: question `en-q1`: no answer: list at least one IRI under `answers` (grade 2)",
        );
        check(
            &question(&GOOD.replace("https://cbdkg.example/id/decision/COP-13-23/p15\"", "https://example.org/p15\"")),
            "gold.toml:4: question `en-q1`: IRI `https://example.org/p15` is not a unit IRI under the gold set's base IRI",
        );
        check(
            &question(&GOOD.replace("COP-13-23/p15\"", "COP-13-23/p15-g\"")),
            "gold.toml:4: question `en-q1`: IRI `https://cbdkg.example/id/decision/COP-13-23/p15-g` is listed more than once",
        );
        check(
            &format!("{}\n[[question]]\n{GOOD}\n", question(GOOD)),
            "gold.toml:11: question `en-q1`: the id is already used at line 4",
        );
    }

    #[test]
    fn file_errors() {
        check("", "gold.toml:1: missing field `base`");
        check(BASE, "gold.toml: the gold set has no questions");
        check(
            &format!("base = \"cbdkg.example/id\"\n[[question]]\n{GOOD}\n"),
            "gold.toml:1: base IRI `cbdkg.example/id` must start with http:// or https:// and end with `/`",
        );
        check(
            &question(&format!("{GOOD}\nanswer = []")),
            "gold.toml:9: unknown field `answer`, expected one of `id`, `lang`, `text`, `kind`, `answers`, `related`, `note`",
        );
        check(
            &question(&format!("{GOOD}\nkind = \"fuzzy\"")),
            "gold.toml:9: unknown variant `fuzzy`, expected `semantic` or `exact`",
        );
        check(&question("lang = \"en\""), "gold.toml:3: missing field `id`");
        let missing = GoldSet::from_path("/nonexistent/gold.toml").unwrap_err().to_string();
        assert!(missing.starts_with("/nonexistent/gold.toml: cannot read the gold set: "), "{missing}");
    }

    #[test]
    fn rebasing_moves_every_iri() {
        let gold =
            GoldSet::from_toml(&question(GOOD), "gold.toml").unwrap().with_base("https://example.org/cbd/").unwrap();
        let q = &gold.questions()[0];
        assert_eq!(gold.base(), "https://example.org/cbd/");
        assert_eq!(q.answers, ["https://example.org/cbd/decision/COP-13-23/p15-g"]);
        assert_eq!(q.related, ["https://example.org/cbd/decision/COP-13-23/p15"]);
        let bad = GoldSet::from_toml(&question(GOOD), "gold.toml").unwrap().with_base("https://example.org");
        assert_eq!(
            bad.unwrap_err().to_string(),
            "with_base: base IRI `https://example.org` must start with http:// or https:// and end with `/`"
        );
    }

    #[test]
    fn the_bundled_gold_set_is_valid() {
        let gold = GoldSet::bundled().unwrap_or_else(|e| panic!("{e}"));
        assert!(gold.questions().len() >= 48);
        assert_eq!(gold.base(), "https://cbdkg.example/id/");
    }
}
