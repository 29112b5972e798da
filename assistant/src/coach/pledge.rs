//! A draft given as pledge JSON (the Action Agenda's `Action`, as `cbdkg-ingest` reads it):
//! fields that state an element show it directly (`agent.name` the actor, `endTime` the
//! deadline, an indicator's `target` the quantity…), and the texts (title, description,
//! actions, reporting method, indicator names) are read like a free-text draft. A draft may
//! be incomplete: the shape check of `cbdkg-ingest` runs too, and what it says is reported as
//! problems, not as an error.

use super::CoachError;
use super::element::Element;
use super::text::Evidence;
use cbdkg_ingest::SourceFile;
use cbdkg_search::analysis::Lang;
use serde_json::Value;

/// Language tags in the order a pledge's own language is chosen: a title in English beside
/// another language is read as its translation.
const LANGUAGE_PREFERENCE: [&str; 6] = ["ar", "fr", "es", "en", "ru", "zh"];

/// What a pledge JSON draft says.
#[derive(Debug, Clone, Default)]
pub(crate) struct PledgeReading {
    /// The language it is read in (`None`: no text in any language tag; then detected).
    pub lang: Option<Lang>,
    /// Its identifier, if any.
    pub identifier: Option<String>,
    /// The texts to read, with their field path (`description.fr`).
    pub texts: Vec<(String, String)>,
    /// Elements its fields show.
    pub fields: Vec<(Element, Evidence)>,
    /// GBF targets it declares.
    pub declared: Vec<u8>,
    /// What the pledge shape check says is wrong or missing.
    pub problems: Vec<String>,
}

/// Reads a pledge JSON draft.
pub(crate) fn read(value: &Value) -> Result<PledgeReading, CoachError> {
    let object = value.as_object().ok_or_else(|| CoachError::InvalidPledge {
        message: format!(
            "expected a JSON object (a pledge, as in data/examples/pledges/pledges.json), found {}",
            kind(value)
        ),
    })?;
    let mut reading = PledgeReading { lang: language(value), ..PledgeReading::default() };
    let tag = reading.lang.map(Lang::code);
    reading.identifier = match object.get("identifier") {
        Some(Value::String(s)) => Some(s.trim().to_owned()),
        Some(Value::Array(ids)) => ids.first().and_then(Value::as_str).map(|s| s.trim().to_owned()),
        _ => None,
    };
    for key in ["name", "description", "reportingMethod"] {
        push_text(&mut reading.texts, key, object.get(key), tag);
    }
    for (key, inner) in [("actions", None), ("indicators", Some("name")), ("progressReports", Some("text"))] {
        for (i, item) in array(object.get(key)).iter().enumerate() {
            let path = format!("{key}[{i}]");
            match inner {
                None => push_text(&mut reading.texts, &path, Some(item), tag),
                Some(inner) => push_text(&mut reading.texts, &format!("{path}.{inner}"), item.get(inner), tag),
            }
        }
    }
    if reading.texts.is_empty() {
        return Err(CoachError::InvalidPledge {
            message: "the pledge has no text: give at least its `name` or `description`".to_owned(),
        });
    }
    fields(object, &mut reading);
    reading.problems = problems(value);
    Ok(reading)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn array(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// The pledge's own language: the first of [`LANGUAGE_PREFERENCE`] its title (else its
/// description) is written in.
fn language(value: &Value) -> Option<Lang> {
    ["name", "description"].iter().find_map(|key| {
        let map = value.get(*key)?.as_object()?;
        LANGUAGE_PREFERENCE.iter().find(|tag| map.contains_key(**tag)).and_then(|tag| Lang::from_tag(tag))
    })
}

/// A multilingual text (`{"fr": "…"}`) in the pledge's language, or a plain string.
fn push_text(texts: &mut Vec<(String, String)>, path: &str, value: Option<&Value>, tag: Option<&str>) {
    match value {
        Some(Value::String(s)) if !s.trim().is_empty() => texts.push((path.to_owned(), s.clone())),
        Some(Value::Object(map)) => {
            let chosen = tag
                .and_then(|t| map.get(t).map(|v| (t, v)))
                .or_else(|| map.iter().next().map(|(k, v)| (k.as_str(), v)));
            if let Some((t, Value::String(s))) = chosen
                && !s.trim().is_empty()
            {
                texts.push((format!("{path}.{t}"), s.clone()));
            }
        }
        _ => {}
    }
}

/// Evidence that is a whole field's value.
fn whole(field: &str, text: impl Into<String>) -> Evidence {
    let text = text.into();
    Evidence { start: 0, end: text.chars().count(), text, field: Some(field.to_owned()) }
}

/// A scalar as written in the JSON (`500`, `"2030-12-31"` without quotes).
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn fields(object: &serde_json::Map<String, Value>, reading: &mut PledgeReading) {
    let found = &mut reading.fields;
    let agent = object.get("agent").and_then(|a| a.get("name").or(Some(a))).and_then(scalar);
    if let Some(name) = agent {
        found.push((Element::Actor, whole("agent.name", name)));
    }
    for (path, text) in &reading.texts {
        if path.starts_with("actions[") {
            found.push((Element::Action, whole(path, text.clone())));
        }
    }
    if let Some(country) = object.get("country").and_then(scalar) {
        found.push((Element::Place, whole("country", country)));
    }
    let targets = array(object.get("gbfTargets"));
    for item in targets {
        let number = match item {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().trim_start_matches("GBF-TARGET-").parse().ok(),
            _ => None,
        };
        if let Some(n) = number.filter(|n| (1..=23).contains(n)) {
            reading.declared.push(n as u8);
        }
    }
    if !targets.is_empty() {
        let text = targets.iter().filter_map(scalar).collect::<Vec<_>>().join(", ");
        found.push((Element::GbfTarget, whole("gbfTargets", text)));
    }
    if let Some(end) = object.get("endTime").and_then(scalar) {
        found.push((Element::Deadline, whole("endTime", end)));
    }
    if let Some(stage) = object.get("stage").and_then(scalar) {
        found.push((Element::Stage, whole("stage", stage)));
    }
    for (i, indicator) in array(object.get("indicators")).iter().enumerate() {
        let path = format!("indicators[{i}]");
        if let Some(value) = indicator.pointer("/target/value").and_then(scalar) {
            found.push((Element::Quantity, whole(&format!("{path}.target.value"), value)));
        }
        if let Some(year) = indicator.pointer("/target/year").and_then(scalar) {
            found.push((Element::Deadline, whole(&format!("{path}.target.year"), year)));
        }
        if let Some(value) = indicator.pointer("/baseline/value").and_then(scalar) {
            found.push((Element::Baseline, whole(&format!("{path}.baseline.value"), value)));
        }
    }
    for (i, partner) in array(object.get("partners")).iter().enumerate() {
        if let Some(name) = partner.get("name").and_then(scalar).or_else(|| scalar(partner)) {
            found.push((Element::Partners, whole(&format!("partners[{i}]"), name)));
        }
    }
    for (path, text) in &reading.texts {
        if path.starts_with("reportingMethod") {
            found.push((Element::Reporting, whole(path, text.clone())));
        }
    }
    if !array(object.get("progressReports")).is_empty() {
        let path = reading.texts.iter().find(|(p, _)| p.starts_with("progressReports["));
        if let Some((path, text)) = path {
            found.push((Element::Reporting, whole(path, text.clone())));
        }
    }
}

/// What the pledge shape of `cbdkg-ingest` says is wrong with the draft, one line per field.
fn problems(value: &Value) -> Vec<String> {
    let mut value = value.clone();
    // A draft need not say what it is: it is a pledge.
    if let Some(map) = value.as_object_mut() {
        map.entry("@type").or_insert_with(|| Value::String("Action".to_owned()));
    }
    let text = value.to_string();
    let source = SourceFile {
        file_name: "draft.json".to_owned(),
        path: "draft.json".to_owned(),
        sha256: String::new(),
        byte_size: text.len() as u64,
    };
    match cbdkg_ingest::parse_record_file(source, &text) {
        Ok(file) => file.failures.iter().flat_map(|f| f.errors.iter().map(ToString::to_string)).collect(),
        Err(e) => vec![e.to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn elements(reading: &PledgeReading) -> Vec<(Element, &str, &str)> {
        reading.fields.iter().map(|(e, ev)| (*e, ev.field.as_deref().unwrap_or(""), ev.text.as_str())).collect()
    }

    #[test]
    fn fields_show_elements() {
        let reading = read(&json!({
            "@type": "Action", "identifier": "D-1", "agent": {"name": "Ville de Nantes"}, "country": "FR",
            "name": {"en": "Meadows", "fr": "Prairies fleuries"}, "description": {"fr": "Nous fauchons tard."},
            "gbfTargets": [12, "GBF-TARGET-11"], "endTime": "2028-12-31", "stage": "planning",
            "indicators": [{"name": {"fr": "Surface"}, "unitText": "ha", "baseline": {"value": 2, "year": 2024},
                            "target": {"value": 40, "year": 2028}}],
            "partners": ["LPO", {"name": "Lycée agricole"}], "reportingMethod": {"fr": "Relevés annuels"}
        }))
        .unwrap();
        assert_eq!(reading.lang, Some(Lang::Fr));
        assert_eq!(reading.identifier.as_deref(), Some("D-1"));
        assert_eq!(reading.declared, [12, 11]);
        assert_eq!(
            elements(&reading),
            [
                (Element::Actor, "agent.name", "Ville de Nantes"),
                (Element::Place, "country", "FR"),
                (Element::GbfTarget, "gbfTargets", "12, GBF-TARGET-11"),
                (Element::Deadline, "endTime", "2028-12-31"),
                (Element::Stage, "stage", "planning"),
                (Element::Quantity, "indicators[0].target.value", "40"),
                (Element::Deadline, "indicators[0].target.year", "2028"),
                (Element::Baseline, "indicators[0].baseline.value", "2"),
                (Element::Partners, "partners[0]", "LPO"),
                (Element::Partners, "partners[1]", "Lycée agricole"),
                (Element::Reporting, "reportingMethod.fr", "Relevés annuels"),
            ]
        );
        let texts: Vec<&str> = reading.texts.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(texts, ["name.fr", "description.fr", "reportingMethod.fr", "indicators[0].name.fr"]);
        assert!(reading.problems.iter().any(|p| p.contains("startTime")), "{:?}", reading.problems);
    }

    #[test]
    fn not_a_pledge() {
        let check = |value: Value, expected: &str| {
            let message = read(&value).unwrap_err().to_string();
            assert!(message.contains(expected), "{message}");
        };
        check(json!([1, 2]), "found an array");
        check(json!({"agent": {"name": "X"}}), "no text");
    }
}
