//! The pledge coach's gold set (`gold/pledges.toml`: draft pledges with the elements a careful
//! reader finds in each) and its score: accuracy per element (present or missing, as the gold
//! says), over all elements, per set (`dev`, `held-out-1`, `held-out-2`) and language, and how often one of a
//! draft's expected GBF targets is among the coach's three best fits.
//!
//! Like the retrieval runner, this knows nothing of the coach: the binary passes a closure that
//! checks a draft and returns what it found.

use crate::error::{EvalError, FloorError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::path::Path;

/// The bundled coach gold set, `evals/gold/pledges.toml`.
pub const BUNDLED_PLEDGES: &str = include_str!("../gold/pledges.toml");

/// Name under which errors in [`BUNDLED_PLEDGES`] are reported.
const BUNDLED_FILE: &str = "evals/gold/pledges.toml";

/// The elements of a measurable pledge, in report order (the coach's names).
pub const ELEMENTS: [&str; 10] =
    ["actor", "action", "quantity", "baseline", "deadline", "place", "gbf_target", "partners", "reporting", "stage"];

/// The languages a draft may be in: those the coach has lexicons for.
pub const COACH_LANGUAGES: [&str; 4] = ["ar", "en", "es", "fr"];

/// The sets a draft belongs to: tuned on (`dev`), scored once then tuned on (`held-out-1`),
/// scored once and never tuned on (`held-out-2`).
pub const SETS: [&str; 3] = ["dev", "held-out-1", "held-out-2"];

/// A draft as the gold set gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftInput {
    /// Free text.
    Text(String),
    /// Pledge JSON, as text.
    Pledge(String),
}

/// One draft of the gold set and what it states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDraft {
    /// Stable id, `[a-z0-9-]+`.
    pub id: String,
    /// Language tag (`ar`, `en`, `es`, `fr`).
    pub lang: String,
    /// `dev`, `held-out-1` or `held-out-2` ([`SETS`]).
    pub set: String,
    /// The draft.
    pub input: DraftInput,
    /// Elements it states.
    pub present: Vec<String>,
    /// Elements it lacks.
    pub missing: Vec<String>,
    /// GBF targets a reader would link it to (may be empty).
    pub targets: Vec<u8>,
    /// The writer's note, for reviewers.
    pub note: Option<String>,
    /// Line of its `id`, from 1.
    pub line: usize,
}

/// A validated coach gold set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoachGold {
    file: String,
    drafts: Vec<GoldDraft>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGold {
    #[serde(default)]
    draft: Vec<RawDraft>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDraft {
    id: toml::Spanned<String>,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    set: String,
    text: Option<String>,
    pledge: Option<String>,
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    missing: Vec<String>,
    #[serde(default)]
    targets: Vec<u8>,
    note: Option<String>,
}

impl CoachGold {
    /// The bundled gold set ([`BUNDLED_PLEDGES`]).
    pub fn bundled() -> Result<Self, EvalError> {
        Self::from_toml(BUNDLED_PLEDGES, BUNDLED_FILE)
    }

    /// Reads and validates a gold set from a TOML file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, EvalError> {
        crate::gold::read_gold(path.as_ref(), Self::from_toml)
    }

    /// Parses and validates a gold set; `file` names it in error messages.
    pub fn from_toml(text: &str, file: &str) -> Result<Self, EvalError> {
        let raw: RawGold = crate::gold::parse_toml(text, file)?;
        if raw.draft.is_empty() {
            return Err(EvalError::NoQuestions { file: file.to_owned() });
        }
        let mut drafts = Vec::new();
        let mut first_lines: HashMap<String, usize> = HashMap::new();
        for d in raw.draft {
            let line = crate::gold::line_of(text, d.id.span().start);
            let id = d.id.into_inner();
            let fail = |problem: String| EvalError::Draft { file: file.to_owned(), line, id: id.clone(), problem };
            if let Some(first) = first_lines.get(&id) {
                return Err(fail(format!("the id is already used at line {first}")));
            }
            first_lines.insert(id.clone(), line);
            let input = match (d.text, d.pledge) {
                (Some(text), None) => DraftInput::Text(text),
                (None, Some(json)) => DraftInput::Pledge(json),
                _ => return Err(fail("give exactly one of `text` and `pledge`".to_owned())),
            };
            let draft = GoldDraft {
                id: id.clone(),
                lang: d.lang,
                set: d.set,
                input,
                present: d.present,
                missing: d.missing,
                targets: d.targets,
                note: d.note,
                line,
            };
            check_draft(&draft).map_err(fail)?;
            drafts.push(draft);
        }
        Ok(Self { file: file.to_owned(), drafts })
    }

    /// The file it was read from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The drafts, in file order.
    pub fn drafts(&self) -> &[GoldDraft] {
        &self.drafts
    }
}

fn check_draft(d: &GoldDraft) -> Result<(), String> {
    if d.id.is_empty() || !d.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err("the id must be lower-case ASCII letters, digits and `-`".to_owned());
    }
    if !COACH_LANGUAGES.contains(&d.lang.as_str()) {
        return Err(format!("unknown language `{}` (expected one of ar, en, es, fr)", d.lang));
    }
    if !SETS.contains(&d.set.as_str()) {
        return Err(format!("unknown set `{}` (expected {})", d.set, SETS.join(", ")));
    }
    let (DraftInput::Text(t) | DraftInput::Pledge(t)) = &d.input;
    if t.trim().is_empty() {
        return Err("the draft is empty".to_owned());
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for name in d.present.iter().chain(&d.missing) {
        if !ELEMENTS.contains(&name.as_str()) {
            return Err(format!("unknown element `{name}` (expected one of {})", ELEMENTS.join(", ")));
        }
        *seen.entry(name).or_default() += 1;
    }
    if let Some((name, _)) = seen.iter().find(|(_, n)| **n > 1) {
        return Err(format!("element `{name}` is listed more than once"));
    }
    let unlisted: Vec<&str> = ELEMENTS.iter().copied().filter(|e| !seen.contains_key(e)).collect();
    if !unlisted.is_empty() {
        return Err(format!("list every element under `present` or `missing`; not listed: {}", unlisted.join(", ")));
    }
    if let Some(t) = d.targets.iter().find(|t| !(1..=23).contains(*t)) {
        return Err(format!("unknown GBF target {t} (1–23)"));
    }
    Ok(())
}

/// What the coach found in a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoachPrediction {
    /// The elements it found present.
    pub present: Vec<String>,
    /// The GBF targets it fits best, best first (empty without the model).
    pub targets: Vec<u8>,
}

/// Accuracy on one element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElementScore {
    /// The element.
    pub element: String,
    /// Drafts on which the coach agreed with the gold.
    pub correct: usize,
    /// Drafts scored.
    pub total: usize,
    /// `correct / total`.
    pub accuracy: f64,
    /// Drafts where the coach found it but the gold says missing.
    pub false_present: usize,
    /// Drafts where the coach missed it.
    pub false_missing: usize,
}

/// Accuracy over all elements of a group of drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupScore {
    /// The set ([`SETS`]) or language.
    pub group: String,
    /// Drafts in it.
    pub drafts: usize,
    /// Element decisions right, over all its drafts and elements.
    pub accuracy: f64,
}

/// How often an expected GBF target is among the coach's best fits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetFitScore {
    /// Drafts with expected targets that the coach fitted.
    pub drafts: usize,
    /// Of them, those with an expected target among the best fits.
    pub hits: usize,
    /// `hits / drafts`.
    pub rate: f64,
}

/// One draft's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftResult {
    /// Its id.
    pub id: String,
    /// Its language.
    pub lang: String,
    /// Its set.
    pub set: String,
    /// The elements the coach got wrong: `+place` found but missing, `-deadline` missed.
    pub wrong: Vec<String>,
    /// The targets the coach fitted best.
    pub fitted: Vec<u8>,
    /// Whether an expected target is among them (`None`: no expectation or no fit).
    pub target_hit: Option<bool>,
}

/// The report of a coach eval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoachEvalReport {
    /// Drafts scored.
    pub drafts: usize,
    /// Accuracy per element, in [`ELEMENTS`] order.
    pub elements: Vec<ElementScore>,
    /// Accuracy over every element of every draft.
    pub overall: f64,
    /// Per set.
    pub by_set: Vec<GroupScore>,
    /// Per language.
    pub by_lang: Vec<GroupScore>,
    /// Expected GBF targets among the three best fits (`None`: nothing fitted).
    pub target_fit: Option<TargetFitScore>,
    /// Per draft.
    pub results: Vec<DraftResult>,
}

/// Runs every draft through `check` and scores what it found against the gold.
pub fn evaluate_coach<F, E>(gold: &CoachGold, mut check: F) -> Result<CoachEvalReport, EvalError>
where
    F: FnMut(&GoldDraft) -> Result<CoachPrediction, E>,
    E: std::error::Error + Send + Sync + 'static,
{
    let mut results = Vec::new();
    let mut per_element: Vec<ElementScore> = ELEMENTS
        .iter()
        .map(|e| ElementScore {
            element: (*e).to_owned(),
            correct: 0,
            total: 0,
            accuracy: 0.0,
            false_present: 0,
            false_missing: 0,
        })
        .collect();
    let mut groups: BTreeMap<(u8, String), (usize, usize, usize)> = BTreeMap::new();
    let (mut fitted, mut hits) = (0, 0);
    for draft in gold.drafts() {
        let prediction = check(draft).map_err(|e| EvalError::Check { draft: draft.id.clone(), source: Box::new(e) })?;
        let mut wrong = Vec::new();
        for (score, name) in per_element.iter_mut().zip(ELEMENTS) {
            let expected = draft.present.iter().any(|p| p == name);
            let found = prediction.present.iter().any(|p| p == name);
            score.total += 1;
            match (expected, found) {
                (true, true) | (false, false) => score.correct += 1,
                (false, true) => {
                    score.false_present += 1;
                    wrong.push(format!("+{name}"));
                }
                (true, false) => {
                    score.false_missing += 1;
                    wrong.push(format!("-{name}"));
                }
            }
        }
        let right = ELEMENTS.len() - wrong.len();
        for key in [(0, draft.set.clone()), (1, draft.lang.clone())] {
            let entry = groups.entry(key).or_default();
            entry.0 += 1;
            entry.1 += right;
            entry.2 += ELEMENTS.len();
        }
        let top: Vec<u8> = prediction.targets.iter().copied().take(3).collect();
        let target_hit =
            (!draft.targets.is_empty() && !top.is_empty()).then(|| top.iter().any(|t| draft.targets.contains(t)));
        if let Some(hit) = target_hit {
            fitted += 1;
            hits += usize::from(hit);
        }
        results.push(DraftResult {
            id: draft.id.clone(),
            lang: draft.lang.clone(),
            set: draft.set.clone(),
            wrong,
            fitted: top,
            target_hit,
        });
    }
    for score in &mut per_element {
        score.accuracy = ratio(score.correct, score.total);
    }
    let correct: usize = per_element.iter().map(|s| s.correct).sum();
    let total: usize = per_element.iter().map(|s| s.total).sum();
    let group = |kind: u8| -> Vec<GroupScore> {
        groups
            .iter()
            .filter(|((k, _), _)| *k == kind)
            .map(|((_, name), (drafts, right, all))| GroupScore {
                group: name.clone(),
                drafts: *drafts,
                accuracy: ratio(*right, *all),
            })
            .collect()
    };
    Ok(CoachEvalReport {
        drafts: results.len(),
        elements: per_element,
        overall: ratio(correct, total),
        by_set: group(0),
        by_lang: group(1),
        target_fit: (fitted > 0).then(|| TargetFitScore { drafts: fitted, hits, rate: ratio(hits, fitted) }),
        results,
    })
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl CoachEvalReport {
    /// The accuracy table (Markdown, for EVALS.md and the terminal), then the drafts the
    /// coach got wrong.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| element | accuracy | right | found but missing | missed |");
        let _ = writeln!(out, "|---|---:|---:|---:|---:|");
        for s in &self.elements {
            let _ = writeln!(
                out,
                "| {} | {:.3} | {}/{} | {} | {} |",
                s.element, s.accuracy, s.correct, s.total, s.false_present, s.false_missing
            );
        }
        let _ = writeln!(out, "| **all** | **{:.3}** | | | |", self.overall);
        let _ = writeln!(out);
        let _ = writeln!(out, "| group | drafts | accuracy |");
        let _ = writeln!(out, "|---|---:|---:|");
        for g in self.by_set.iter().chain(&self.by_lang) {
            let _ = writeln!(out, "| {} | {} | {:.3} |", g.group, g.drafts, g.accuracy);
        }
        if let Some(fit) = &self.target_fit {
            let _ = writeln!(
                out,
                "\nExpected GBF target among the 3 best fits: {}/{} drafts ({:.3})",
                fit.hits, fit.drafts, fit.rate
            );
        }
        let wrong: Vec<&DraftResult> = self.results.iter().filter(|r| !r.wrong.is_empty()).collect();
        if !wrong.is_empty() {
            let _ = writeln!(out, "\nDrafts with errors (+ found but missing, - missed):");
            for r in wrong {
                let _ = writeln!(out, "  {} ({}, {}): {}", r.id, r.lang, r.set, r.wrong.join(" "));
            }
        }
        out
    }

    /// Fails when the accuracy over all elements is below `floor`.
    pub fn check_floor(&self, floor: f64) -> Result<(), FloorError> {
        if !(0.0..=1.0).contains(&floor) {
            return Err(FloorError::InvalidFloor { floor });
        }
        if self.overall < floor {
            return Err(FloorError::AccuracyBelow {
                what: "coach element accuracy".to_owned(),
                measured: self.overall,
                floor,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &str = r#"present = ["actor", "action", "quantity", "baseline", "deadline", "place", "gbf_target", "partners", "reporting", "stage"]
missing = []"#;

    #[test]
    fn the_bundled_set_is_valid() {
        let gold = CoachGold::bundled().unwrap();
        assert!(gold.drafts().len() >= 15);
        for lang in COACH_LANGUAGES {
            assert!(gold.drafts().iter().any(|d| d.lang == lang), "no draft in {lang}");
        }
    }

    #[test]
    fn broken_drafts_are_named() {
        let check = |body: &str, expected: &str| {
            let text = format!("[[draft]]\nid = \"d-1\"\nlang = \"en\"\nset = \"dev\"\n{body}\n");
            let message = CoachGold::from_toml(&text, "g.toml").unwrap_err().to_string();
            assert!(message.starts_with("g.toml:2: draft `d-1`: "), "{message}");
            assert!(message.contains(expected), "{message}");
        };
        check("text = \"x\"\npresent = [\"actor\"]\nmissing = []", "not listed: action");
        check(&format!("text = \"x\"\n{ALL}\ntargets = [24]"), "unknown GBF target 24");
        check(ALL, "exactly one of `text` and `pledge`");
        check("text = \"x\"\npresent = [\"actor\", \"actor\"]", "listed more than once");
        check("text = \"x\"\npresent = [\"deadlines\"]", "unknown element `deadlines`");
    }

    #[test]
    fn scores_per_element_and_group() {
        let text = format!(
            "[[draft]]\nid = \"a\"\nlang = \"en\"\nset = \"dev\"\ntext = \"x\"\n{ALL}\ntargets = [2]\n\n\
             [[draft]]\nid = \"b\"\nlang = \"fr\"\nset = \"held-out-2\"\ntext = \"y\"\npresent = []\n\
             missing = [\"actor\", \"action\", \"quantity\", \"baseline\", \"deadline\", \"place\", \"gbf_target\", \"partners\", \"reporting\", \"stage\"]\n"
        );
        let gold = CoachGold::from_toml(&text, "g.toml").unwrap();
        let report = evaluate_coach(&gold, |d| {
            let present = if d.id == "a" { vec!["actor".to_owned()] } else { vec!["place".to_owned()] };
            Ok::<_, std::io::Error>(CoachPrediction { present, targets: vec![7, 2] })
        })
        .unwrap();
        assert_eq!(report.elements[0].accuracy, 1.0);
        assert_eq!((report.elements[5].false_present, report.elements[5].false_missing), (1, 1));
        assert_eq!(report.overall, 10.0 / 20.0);
        assert_eq!(report.by_set[1].group, "held-out-2");
        assert_eq!(report.by_set[1].accuracy, 0.9);
        assert_eq!(report.target_fit.as_ref().map(|f| f.hits), Some(1));
        assert_eq!(report.results[1].wrong, ["+place"]);
        assert!(report.check_floor(0.6).unwrap_err().to_string().contains("0.5000, below the floor 0.6000"));
        assert!(report.to_table().contains("| **all** | **0.500** |"));
    }
}
