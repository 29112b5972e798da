//! Commitments of the Action Agenda for Nature and People, in the Action Agenda's schema.org
//! based `Action` (JSON) with its extensions for pledges, or one row of a CSV file
//! ([`csv`] turns a row into the same JSON, so both are checked by one shape).
//!
//! ```json
//! { "@type": "Action", "identifier": "EX-AA-0001", "form": "business", "actorType": "business",
//!   "agent": {"@type": "Organization", "name": "…"}, "country": "EC",
//!   "name": {"es": "…"}, "description": {"es": "…"}, "actions": [{"es": "…"}],
//!   "actionCategories": ["land-ecosystems"], "gbfTargets": [10, 7],
//!   "startTime": "2024-03-01", "endTime": "2030-12-31", "stage": "implementation",
//!   "indicators": [{"name": {"es": "…"}, "gbfIndicator": "10.1", "unitText": "ha",
//!                   "baseline": {"value": 0, "year": 2023}, "target": {"value": 500, "year": 2030}}],
//!   "partners": ["…"], "reportingMethod": {"es": "…"},
//!   "progressReports": [{"date": "2025-06-30", "text": {"es": "…"}, "value": 120}] }
//! ```
//!
//! `name` (at most 60 characters) and `description` (at most 160) keep the limits of the
//! Action schema; the rest is documented in `docs/records.md`.

pub(crate) mod csv;

use crate::model::{Date, Language, Span};
use crate::validate::{FieldError, Fields, LangText};
use cbdkg_ontologies::schemes::{action_category, actor_type, pledge_form, pledge_stage};
use serde_json::Value;
use std::sync::LazyLock;

/// Maximum length of a pledge's name, as in the Action schema (`LString60`).
pub const MAX_NAME_CHARS: usize = 60;
/// Maximum length of a pledge's description, as in the Action schema (`LString160`).
pub const MAX_DESCRIPTION_CHARS: usize = 160;

/// The codes of a scheme: the last segments of its concept IRIs.
fn codes(all: &'static [&'static str]) -> Vec<&'static str> {
    all.iter().filter_map(|iri| iri.rsplit('/').next()).collect()
}

static FORMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| codes(pledge_form::ALL));
static ACTOR_TYPES: LazyLock<Vec<&'static str>> = LazyLock::new(|| codes(actor_type::ALL));
static STAGES: LazyLock<Vec<&'static str>> = LazyLock::new(|| codes(pledge_stage::ALL));
static CATEGORIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| codes(action_category::ALL));

/// The actor types each pledge form is for.
fn actor_types_of_form(form: &str) -> &'static [&'static str] {
    match form {
        "individual" => &["individual"],
        "organization" => &["organization"],
        "business" => &["business"],
        "public" => &["local-government", "public-body"],
        _ => &[],
    }
}

/// The fields a pledge may have.
const FIELDS: &[&str] = &[
    "@context",
    "@type",
    "identifier",
    "example",
    "form",
    "actorType",
    "agent",
    "country",
    "name",
    "description",
    "actions",
    "actionCategories",
    "gbfTargets",
    "aichiTargets",
    "startTime",
    "endTime",
    "stage",
    "indicators",
    "partners",
    "reportingMethod",
    "progressReports",
    "url",
];

/// The actor of a pledge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// Its name.
    pub name: String,
    /// A person (the individual form) or an organization (the others).
    pub is_person: bool,
}

/// A value of an indicator, with the year it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The value (lexical form of an `xsd:decimal`).
    pub value: String,
    /// The year.
    pub year: Option<i32>,
}

/// A measure a pledge tracks its progress by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// What is measured.
    pub name: LangText,
    /// The GBF indicator it corresponds to ("7.1").
    pub gbf_indicator: Option<String>,
    /// The unit ("ha", "tonnes", "%").
    pub unit: String,
    /// The value at the start.
    pub baseline: Option<Quantity>,
    /// The value committed to.
    pub target: Quantity,
}

/// A report on the progress of a pledge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressReport {
    /// Its date.
    pub date: Date,
    /// What it says.
    pub text: LangText,
    /// The value of the first indicator reached, if measured.
    pub value: Option<String>,
}

/// A pledge that passed its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pledge {
    /// Its identifier (the first of `identifier`).
    pub identifier: String,
    /// Written for the project, not a real pledge.
    pub example: bool,
    /// Lines in the source file.
    pub span: Span,
    /// The pledge form: individual, organization, public, business.
    pub form: &'static str,
    /// The actor type: individual, organization, business, local-government, public-body.
    pub actor_type: &'static str,
    /// The actor.
    pub agent: Agent,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: String,
    /// The title (`name`).
    pub title: LangText,
    /// What the pledge is about.
    pub description: LangText,
    /// The concrete actions committed to.
    pub actions: Vec<LangText>,
    /// Action Agenda categories.
    pub categories: Vec<&'static str>,
    /// GBF targets the pledge contributes to, 1–23.
    pub gbf_targets: Vec<u8>,
    /// Aichi Biodiversity Targets (older pledges), 1–20.
    pub aichi_targets: Vec<u8>,
    /// Start date.
    pub start: Date,
    /// End date, if any.
    pub end: Option<Date>,
    /// Stage: planning, development, implementation, evaluation.
    pub stage: Option<&'static str>,
    /// Measures of progress.
    pub indicators: Vec<Indicator>,
    /// Partners' names.
    pub partners: Vec<String>,
    /// How progress is measured and reported.
    pub reporting_method: Option<LangText>,
    /// Progress reports, oldest first.
    pub progress: Vec<ProgressReport>,
    /// A web page of the pledge.
    pub url: Option<String>,
}

impl Pledge {
    /// The languages the pledge is written in (those of its title).
    pub fn languages(&self) -> Vec<Language> {
        self.title.languages().collect()
    }
}

/// Reads a pledge; `Err` lists every failing field.
pub(crate) fn parse(value: &Value, span: Span) -> Result<Pledge, Vec<FieldError>> {
    let mut f = Fields::new(value);
    f.only("", FIELDS);
    if f.get("@type").and_then(Value::as_str) != Some("Action") {
        f.error("@type", "expected \"Action\" (a pledge is a schema.org Action)");
    }
    let identifier = f.strings("identifier", true).into_iter().next();
    if let Some(id) = &identifier
        && !crate::validate::is_identifier(id)
    {
        f.error(
            "identifier",
            format!("{id:?} is not a usable identifier (letters, digits, '-', '_', '.'; at most 100)"),
        );
    }
    let example = f.boolean("example").unwrap_or(false);
    let form = f.code("form", true, &FORMS);
    let actor_type = f.code("actorType", true, &ACTOR_TYPES);
    if let (Some(form), Some(actor)) = (form, actor_type) {
        let fits = actor_types_of_form(form);
        if !fits.contains(&actor) {
            f.error("actorType", format!("{actor:?} does not fit the {form} form (expected {})", fits.join(" or ")));
        }
    }
    let agent = agent(&mut f, actor_type == Some("individual"));
    let country = f.country("country", true);
    let title = f.lang_text("name", true, Some(MAX_NAME_CHARS));
    let description = f.lang_text("description", true, Some(MAX_DESCRIPTION_CHARS));
    let actions = f.lang_texts("actions", false);
    let categories = f.codes("actionCategories", false, &CATEGORIES);
    let gbf_targets = targets(&mut f, "gbfTargets", true, 23, "GBF-TARGET-", "the GBF has targets 1 to 23");
    let aichi_targets = targets(&mut f, "aichiTargets", false, 20, "AICHI-TARGET-", "there are 20 Aichi targets");
    let start = f.date("startTime", true);
    let end = f.date("endTime", false);
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        f.error("endTime", format!("{end} is before the start date {start}"));
    }
    let stage = f.code("stage", false, &STAGES);
    let indicators = indicators(&mut f);
    let partners = partners(&mut f);
    let reporting_method = f.lang_text("reportingMethod", false, None);
    let progress = progress(&mut f, start);
    let url = f.string("url", false);
    if let Some(url) = &url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        f.error("url", format!("{url:?} is not an http(s) address"));
    }
    if !f.is_ok() {
        return Err(f.into_errors());
    }
    match (identifier, form, actor_type, agent, country, title, description, start) {
        (
            Some(identifier),
            Some(form),
            Some(actor_type),
            Some(agent),
            Some(country),
            Some(title),
            Some(description),
            Some(start),
        ) => Ok(Pledge {
            identifier,
            example,
            span,
            form,
            actor_type,
            agent,
            country,
            title,
            description,
            actions,
            categories,
            gbf_targets,
            aichi_targets,
            start,
            end,
            stage,
            indicators,
            partners,
            reporting_method,
            progress,
            url,
        }),
        _ => Err(f.into_errors()),
    }
}

fn agent(f: &mut Fields<'_>, individual: bool) -> Option<Agent> {
    if f.get("agent").is_none() {
        f.error("agent", "required, missing");
        return None;
    }
    f.only("agent", &["@type", "name"]);
    let name = f.string("agent.name", true)?;
    let expected = if individual { "Person" } else { "Organization" };
    match f.get("agent.@type").and_then(Value::as_str) {
        Some(kind) if kind != expected => {
            f.error("agent.@type", format!("{kind:?} does not fit the actor type (expected {expected:?})"));
        }
        _ => {}
    }
    Some(Agent { name, is_person: individual })
}

fn targets(f: &mut Fields<'_>, key: &str, required: bool, max: u8, code: &str, range: &str) -> Vec<u8> {
    let items = f.array(key, required);
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{key}[{i}]");
        let number = match item {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().strip_prefix(code).unwrap_or(s.trim()).parse::<u64>().ok(),
            _ => None,
        };
        match number {
            Some(n) if (1..=u64::from(max)).contains(&n) => {
                if !out.contains(&(n as u8)) {
                    out.push(n as u8);
                }
            }
            Some(n) => f.error(&path, format!("unknown target {n} ({range})")),
            None => f.error(&path, format!("{item} is not a target (a number 1–{max} or a code {code}NN)")),
        }
    }
    out
}

fn indicators(f: &mut Fields<'_>) -> Vec<Indicator> {
    let count = f.array("indicators", false).len();
    let mut out = Vec::new();
    for i in 0..count {
        let p = format!("indicators[{i}]");
        f.only(&p, &["name", "gbfIndicator", "unitText", "baseline", "target"]);
        f.only(&format!("{p}.baseline"), &["value", "year"]);
        f.only(&format!("{p}.target"), &["value", "year"]);
        let name = f.lang_text(&format!("{p}.name"), true, None);
        let gbf_indicator = f.string(&format!("{p}.gbfIndicator"), false);
        if let Some(code) = &gbf_indicator
            && !cbdkg_ontologies::gbf::is_indicator_code(code)
        {
            f.error(
                &format!("{p}.gbfIndicator"),
                format!("{code:?} is not an indicator of the GBF monitoring framework"),
            );
        }
        let unit = f.string(&format!("{p}.unitText"), true);
        let baseline =
            f.get(&format!("{p}.baseline")).is_some().then(|| quantity(f, &format!("{p}.baseline"))).flatten();
        let target = quantity(f, &format!("{p}.target"));
        if let (Some(Quantity { year: Some(from), .. }), Some(Quantity { year: Some(to), .. })) = (&baseline, &target)
            && to < from
        {
            f.error(&format!("{p}.target.year"), format!("{to} is before the baseline year {from}"));
        }
        if let (Some(name), Some(unit), Some(target)) = (name, unit, target) {
            out.push(Indicator { name, gbf_indicator, unit, baseline, target });
        }
    }
    out
}

fn quantity(f: &mut Fields<'_>, path: &str) -> Option<Quantity> {
    let value = f.decimal(&format!("{path}.value"), true);
    let year = f.year(&format!("{path}.year"), false);
    Some(Quantity { value: value?, year })
}

fn partners(f: &mut Fields<'_>) -> Vec<String> {
    let items = f.array("partners", false);
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let name = match item {
            Value::String(s) => Some(s.trim().to_owned()),
            Value::Object(map) => map.get("name").and_then(Value::as_str).map(|s| s.trim().to_owned()),
            _ => None,
        };
        match name {
            Some(name) if !name.is_empty() => out.push(name),
            _ => f.error(&format!("partners[{i}]"), "expected a partner's name (a string, or {\"name\": …})"),
        }
    }
    out
}

fn progress(f: &mut Fields<'_>, start: Option<Date>) -> Vec<ProgressReport> {
    let count = f.array("progressReports", false).len();
    let mut out = Vec::new();
    for i in 0..count {
        let p = format!("progressReports[{i}]");
        f.only(&p, &["date", "text", "value"]);
        let date = f.date(&format!("{p}.date"), true);
        let text = f.lang_text(&format!("{p}.text"), true, None);
        let value = f.decimal(&format!("{p}.value"), false);
        if let (Some(date), Some(start)) = (date, start)
            && date < start
        {
            f.error(&format!("{p}.date"), format!("{date} is before the start date {start}"));
        }
        if let (Some(date), Some(text)) = (date, text) {
            out.push(ProgressReport { date, text, value });
        }
    }
    out.sort_by_key(|r| r.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pledge() -> Value {
        json!({
            "@context": "https://schema.org", "@type": "Action", "identifier": ["EX-AA-9"],
            "form": "public", "actorType": "local-government",
            "agent": {"@type": "Organization", "name": "Ville d'exemple"}, "country": "fr",
            "name": {"fr": "Zéro pesticide dans les parcs"}, "description": {"fr": "Arrêt des pesticides dans les espaces verts."},
            "gbfTargets": [7, "GBF-TARGET-12"], "startTime": "2024-01-01", "endTime": "2027-12-31",
            "indicators": [{"name": {"fr": "Pesticides utilisés"}, "gbfIndicator": "7.2", "unitText": "kg",
                            "baseline": {"value": 120, "year": 2023}, "target": {"value": 0, "year": 2027}}]
        })
    }

    fn errors(value: Value) -> Vec<String> {
        match parse(&value, Span::line(1)) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_valid_pledge() {
        let p = parse(&pledge(), Span::line(1)).unwrap();
        assert_eq!(
            (p.identifier.as_str(), p.country.as_str(), p.gbf_targets.as_slice()),
            ("EX-AA-9", "FR", &[7, 12][..])
        );
        assert_eq!(p.indicators[0].target, Quantity { value: "0".into(), year: Some(2027) });
        assert!(!p.agent.is_person);
    }

    #[test]
    fn each_failing_field_is_named() {
        let mut p = pledge();
        p["actorType"] = json!("business");
        p["gbfTargets"] = json!([7, 24, "seven"]);
        p["endTime"] = json!("2023-06-30");
        p["name"] = json!({"fr": "Zéro pesticide dans tous les parcs, jardins et cimetières de la ville"});
        p["indicators"][0]["gbfIndicator"] = json!("7.9");
        p.as_object_mut().unwrap().remove("description");
        assert_eq!(
            errors(p),
            [
                "field actorType: \"business\" does not fit the public form (expected local-government or public-body)",
                "field name.fr: 69 characters, more than the 60 allowed",
                "field description: required, missing",
                "field gbfTargets[1]: unknown target 24 (the GBF has targets 1 to 23)",
                "field gbfTargets[2]: \"seven\" is not a target (a number 1–23 or a code GBF-TARGET-NN)",
                "field endTime: 2023-06-30 is before the start date 2024-01-01",
                "field indicators[0].gbfIndicator: \"7.9\" is not an indicator of the GBF monitoring framework",
            ]
        );
    }

    #[test]
    fn not_an_action() {
        let got = errors(json!({"@type": "Event", "identifier": "x"}));
        assert_eq!(got[0], "field @type: expected \"Action\" (a pledge is a schema.org Action)");
        assert!(got.contains(&"field gbfTargets: required, missing".to_owned()), "{got:?}");
    }
}
