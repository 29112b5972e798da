//! Pledges as CSV: one pledge per row, in one language (column `language`), at most one
//! indicator. Each row becomes the pledge's JSON (see the parent module) and is checked by the
//! same shape; errors name the CSV column.
//!
//! Columns (any order; only `identifier`, `form`, `language`, `actor`, `actor_type`, `country`,
//! `title`, `description`, `gbf_targets` and `start_date` are needed): `identifier`, `example`,
//! `form`, `language`, `actor`, `actor_type`, `country`, `title`, `description`, `actions`,
//! `action_categories`, `gbf_targets`, `aichi_targets`, `start_date`, `end_date`, `stage`,
//! `indicator`, `gbf_indicator`, `unit`, `baseline`, `baseline_year`, `target`, `target_year`,
//! `partners`, `reporting_method`, `url`. Lists (actions, categories, targets, partners) are
//! separated by `|`.

use serde_json::{Map, Value, json};

/// The columns of a pledge CSV file, with the JSON field each fills.
pub(crate) const COLUMNS: &[(&str, &str)] = &[
    ("identifier", "identifier"),
    ("example", "example"),
    ("form", "form"),
    ("language", "name"),
    ("actor", "agent.name"),
    ("actor_type", "actorType"),
    ("country", "country"),
    ("title", "name"),
    ("description", "description"),
    ("actions", "actions"),
    ("action_categories", "actionCategories"),
    ("gbf_targets", "gbfTargets"),
    ("aichi_targets", "aichiTargets"),
    ("start_date", "startTime"),
    ("end_date", "endTime"),
    ("stage", "stage"),
    ("indicator", "indicators[0].name"),
    ("gbf_indicator", "indicators[0].gbfIndicator"),
    ("unit", "indicators[0].unitText"),
    ("baseline", "indicators[0].baseline.value"),
    ("baseline_year", "indicators[0].baseline.year"),
    ("target", "indicators[0].target.value"),
    ("target_year", "indicators[0].target.year"),
    ("partners", "partners"),
    ("reporting_method", "reportingMethod"),
    ("url", "url"),
];

/// Columns a file must have (every pledge needs them).
pub(crate) const REQUIRED_COLUMNS: &[&str] = &[
    "identifier",
    "form",
    "language",
    "actor",
    "actor_type",
    "country",
    "title",
    "description",
    "gbf_targets",
    "start_date",
];

/// Checks a header row: every column known, each once, the required ones present.
pub(crate) fn check_header(header: &[String]) -> Result<(), String> {
    let known: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    let mut problems = Vec::new();
    for (i, column) in header.iter().enumerate() {
        let column = column.trim().trim_start_matches('\u{feff}');
        if !known.contains(&column) {
            problems.push(format!("unknown column {column:?} (column {})", i + 1));
        } else if header[..i].iter().any(|c| c.trim() == column) {
            problems.push(format!("column {column:?} appears twice"));
        }
    }
    for required in REQUIRED_COLUMNS {
        if !header.iter().any(|c| c.trim().trim_start_matches('\u{feff}') == *required) {
            problems.push(format!("missing column {required:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}; the columns are: {}", problems.join("; "), known.join(", ")))
    }
}

/// The pledge JSON of one row.
pub(crate) fn row_to_json(header: &[String], fields: &[String]) -> Value {
    let cell = |name: &str| -> Option<&str> {
        let i = header.iter().position(|c| c.trim().trim_start_matches('\u{feff}') == name)?;
        fields.get(i).map(|s| s.trim()).filter(|s| !s.is_empty())
    };
    let list = |name: &str| -> Vec<String> {
        cell(name)
            .map(|s| s.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default()
    };
    let language = cell("language").unwrap_or("").to_owned();
    let text = |s: &str| json!({ language.clone(): s });
    let number = |s: &str| s.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number);
    let integer = |s: &str| s.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::from(s));
    let mut pledge = Map::new();
    pledge.insert("@type".into(), "Action".into());
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            pledge.insert(key.into(), value);
        }
    };
    put("identifier", cell("identifier").map(Value::from));
    put("example", cell("example").map(|s| matches!(s.to_ascii_lowercase().as_str(), "true" | "yes" | "1").into()));
    put("form", cell("form").map(Value::from));
    put("actorType", cell("actor_type").map(Value::from));
    let person = cell("actor_type") == Some("individual");
    put("agent", cell("actor").map(|a| json!({"@type": if person { "Person" } else { "Organization" }, "name": a})));
    put("country", cell("country").map(Value::from));
    put("name", cell("title").map(text));
    put("description", cell("description").map(text));
    let actions: Vec<Value> = list("actions").iter().map(|a| text(a)).collect();
    put("actions", (!actions.is_empty()).then(|| actions.into()));
    put("actionCategories", cell("action_categories").map(|_| list("action_categories").into()));
    put("gbfTargets", cell("gbf_targets").map(|_| list("gbf_targets").iter().map(|t| integer(t)).collect()));
    put("aichiTargets", cell("aichi_targets").map(|_| list("aichi_targets").iter().map(|t| integer(t)).collect()));
    put("startTime", cell("start_date").map(Value::from));
    put("endTime", cell("end_date").map(Value::from));
    put("stage", cell("stage").map(Value::from));
    let indicator_columns =
        ["indicator", "gbf_indicator", "unit", "baseline", "baseline_year", "target", "target_year"];
    if indicator_columns.iter().any(|c| cell(c).is_some()) {
        let mut indicator = Map::new();
        let quantity = |value: &str, year: &str| -> Option<Value> {
            let mut q = Map::new();
            q.insert("value".into(), cell(value).map(|v| number(v).unwrap_or_else(|| v.into())).unwrap_or(Value::Null));
            if let Some(y) = cell(year) {
                q.insert("year".into(), integer(y));
            }
            (cell(value).is_some() || cell(year).is_some()).then(|| q.into())
        };
        for (key, value) in [
            ("name", cell("indicator").map(text)),
            ("gbfIndicator", cell("gbf_indicator").map(Value::from)),
            ("unitText", cell("unit").map(Value::from)),
            ("baseline", quantity("baseline", "baseline_year")),
            ("target", quantity("target", "target_year")),
        ] {
            if let Some(value) = value {
                indicator.insert(key.into(), value);
            }
        }
        put("indicators", Some(json!([indicator])));
    }
    put("partners", cell("partners").map(|_| list("partners").into()));
    put("reportingMethod", cell("reporting_method").map(text));
    put("url", cell("url").map(Value::from));
    Value::Object(pledge)
}

/// The CSV column a JSON field came from, for error messages: `name.fr` → `title`,
/// `gbfTargets[1]` → `gbf_targets`; a language error of any text names the `language` column.
pub(crate) fn column_of(field: &str) -> String {
    let without_language = match field.rsplit_once('.') {
        Some((head, last)) if last.len() == 2 && last.chars().all(|c| c.is_ascii_lowercase()) => head,
        _ => field,
    };
    let base = if without_language.starts_with("indicators") {
        without_language
    } else {
        without_language.split('[').next().unwrap_or(without_language)
    };
    let base = if base == "agent" { "agent.name" } else { base };
    COLUMNS
        .iter()
        .filter(|(column, _)| *column != "language")
        .find(|(_, json)| *json == base)
        .map_or_else(|| field.to_owned(), |(column, _)| (*column).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_row_becomes_the_pledge_json() {
        let header = strings(&[
            "identifier",
            "form",
            "language",
            "actor",
            "actor_type",
            "country",
            "title",
            "description",
            "gbf_targets",
            "start_date",
            "indicator",
            "unit",
            "target",
            "partners",
        ]);
        let row = strings(&[
            "EX-1",
            "business",
            "ar",
            "شركة",
            "business",
            "JO",
            "عنوان",
            "وصف",
            "7|15",
            "2025-01-01",
            "المياه المعاد استخدامها",
            "m3",
            "5000",
            "أ | ب",
        ]);
        let value = row_to_json(&header, &row);
        assert_eq!(value["name"], json!({"ar": "عنوان"}));
        assert_eq!(value["gbfTargets"], json!([7, 15]));
        assert_eq!(value["agent"], json!({"@type": "Organization", "name": "شركة"}));
        assert_eq!(value["indicators"][0]["target"], json!({"value": 5000.0}));
        assert_eq!(value["partners"], json!(["أ", "ب"]));
        assert!(value.get("endTime").is_none());
    }

    #[test]
    fn headers() {
        let ok = strings(&[
            "\u{feff}identifier",
            "form",
            "language",
            "actor",
            "actor_type",
            "country",
            "title",
            "description",
            "gbf_targets",
            "start_date",
        ]);
        assert_eq!(check_header(&ok), Ok(()));
        let bad = strings(&["identifier", "titel", "form", "form"]);
        let message = check_header(&bad).unwrap_err();
        assert!(
            message.starts_with(
                "unknown column \"titel\" (column 2); column \"form\" appears twice; missing column \"language\""
            ),
            "{message}"
        );
    }

    #[test]
    fn errors_name_columns() {
        let cases = [
            ("name.fr", "title"),
            ("name.de", "title"),
            ("description", "description"),
            ("gbfTargets[1]", "gbf_targets"),
            ("endTime", "end_date"),
            ("agent", "actor"),
            ("agent.name", "actor"),
            ("indicators[0].target.value", "target"),
            ("indicators[0].unitText", "unit"),
            ("@type", "@type"),
        ];
        for (field, column) in cases {
            assert_eq!(column_of(field), column, "{field}");
        }
    }
}
