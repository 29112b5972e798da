//! The searchable text of a record in each of its languages (`cbdkg:text`): title, kind,
//! then every field as "label: value" with the labels of the BCH forms or the Action Agenda
//! form in that language, so that keyword and semantic search read a record like a paragraph.

use super::Record;
use super::bch::{BchRecord, FieldValue};
use crate::labels;
use crate::model::Language;
use crate::pledges::{Pledge, Quantity};
use crate::validate::LangText;
use cbdkg_ontologies::schemes::{actor_type, bch_record_type, pledge_stage};

/// The text of a record in one language, or `None` if it has no title in that language.
pub fn record_text(record: &Record, language: Language) -> Option<String> {
    match record {
        Record::Bch(r) => bch_text(r, language),
        Record::Pledge(p) => pledge_text(p, language),
    }
}

fn bch_text(record: &BchRecord, language: Language) -> Option<String> {
    let mut lines = vec![record.title().get(language)?.to_owned()];
    let kind =
        labels::concept(&format!("{}/{}", bch_record_type::SCHEME, record.schema), language).unwrap_or(record.schema);
    lines.push(kind.trim().to_owned());
    for (spec, value) in &record.fields {
        if spec.key == "title" {
            continue;
        }
        let Some(text) = render(value, language) else { continue };
        let label = spec.label.and_then(|(form, key)| labels::bch_field(form, key, language));
        lines.push(match label {
            Some(label) => format!("{}: {text}", label.trim().trim_end_matches(':')),
            None => text,
        });
    }
    Some(lines.join("\n"))
}

/// A field's value in `language`; `None` if it has no text in that language.
fn render(value: &FieldValue, language: Language) -> Option<String> {
    let text = match value {
        FieldValue::Text(t) => t.get(language)?.to_owned(),
        FieldValue::Texts(ts) => join(ts.iter().filter_map(|t| t.get(language)), "; ")?,
        FieldValue::Plains(values) | FieldValue::Records(values) => values.join(", "),
        FieldValue::Date(date) => date.to_string(),
        FieldValue::Organisms(organisms) => organisms
            .iter()
            .map(|o| match o.common_name.as_ref().and_then(|c| c.get(language)) {
                Some(common) => format!("{} ({common})", o.scientific_name),
                None => o.scientific_name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        FieldValue::Concepts(iris) => {
            iris.iter().map(|iri| labels::concept(iri, language).unwrap_or(iri)).collect::<Vec<_>>().join("; ")
        }
    };
    (!text.is_empty()).then_some(text)
}

fn join<'a>(items: impl Iterator<Item = &'a str>, separator: &str) -> Option<String> {
    let items: Vec<&str> = items.collect();
    (!items.is_empty()).then(|| items.join(separator))
}

fn pledge_text(pledge: &Pledge, language: Language) -> Option<String> {
    let get = |t: &LangText| t.get(language).map(str::to_owned);
    let mut lines = vec![get(&pledge.title)?];
    lines.extend(get(&pledge.description));
    lines.extend(pledge.actions.iter().filter_map(get));
    let actor = labels::concept(&format!("{}/{}", actor_type::SCHEME, pledge.actor_type), language)
        .unwrap_or(pledge.actor_type);
    lines.push(format!("{} ({actor}), {}", pledge.agent.name, pledge.country));
    if let Some(stage) = pledge.stage {
        lines.extend(labels::concept(&format!("{}/{stage}", pledge_stage::SCHEME), language).map(str::to_owned));
    }
    for indicator in &pledge.indicators {
        let Some(name) = indicator.name.get(language) else { continue };
        let value = |q: &Quantity| match q.year {
            Some(year) => format!("{} {} ({year})", q.value, indicator.unit),
            None => format!("{} {}", q.value, indicator.unit),
        };
        lines.push(match &indicator.baseline {
            Some(baseline) => format!("{name}: {} → {}", value(baseline), value(&indicator.target)),
            None => format!("{name}: → {}", value(&indicator.target)),
        });
    }
    if !pledge.partners.is_empty() {
        lines.push(format!("{}: {}", labels::pledge_field("Partners", language), pledge.partners.join(", ")));
    }
    if let Some(method) = pledge.reporting_method.as_ref().and_then(get) {
        lines.push(format!("{}: {method}", labels::pledge_field("Progress tracking", language)));
    }
    for report in &pledge.progress {
        if let Some(text) = get(&report.text) {
            lines.push(format!("{}: {text}", report.date));
        }
    }
    Some(lines.join("\n"))
}
