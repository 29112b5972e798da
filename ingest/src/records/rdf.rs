//! Records as RDF: one named graph per record file, `{base}graph/records/{folder}/{file}`;
//! clearing-house records at `{base}bch/{identifier}`, pledges at `{base}pledge/{identifier}`.
//!
//! Every record is a `cbdkg:Record` (a `cbdkg:Document`) that is its own `cbdkg:inDocument`,
//! with `dcterms:title` and `cbdkg:text` in each of its languages, so search reads it like a
//! document with one passage per language. Links to targets, decisions and treaty articles
//! that the record states (declared targets, explicit mentions) are asserted citations.

use super::bch::{BchRecord, FieldValue};
use super::{Record, RecordFile};
use crate::linking::{TargetMention, references_in, target_mentions};
use crate::model::{Reference, Treaty};
use crate::pledges::Pledge;
use crate::rdf::{QuadWriter, reference_quads};
use crate::{BaseIri, GraphPayload, PARSER_VERSION};
use cbdkg_ontologies::standard::{dcterms, prov, rdf, schema, xsd};
use cbdkg_ontologies::{cbdkg, gbf, schemes};
use oxrdf::NamedNode;
use std::path::Path;

/// The named graph of a record file: `{base}graph/records/{folder}/{file name}`, the folder
/// being the one the file is in (`bch`, `pledges`), so that files of the same name in two
/// folders keep apart.
pub fn record_graph_iri(base: &BaseIri, path: &str, file_name: &str) -> NamedNode {
    let folder = Path::new(path).parent().and_then(Path::file_name).map(|f| f.to_string_lossy().into_owned());
    let path = match folder {
        Some(folder) if !folder.is_empty() && folder != "." => format!("{}/{}", segment(&folder), segment(file_name)),
        _ => segment(file_name),
    };
    base.node(&format!("graph/records/{path}"))
}

/// A path segment for an IRI: unreserved characters kept, everything else percent-encoded.
fn segment(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The records of a file that passed their shapes, as the payload of the file's named graph.
pub fn record_file_graph(file: &RecordFile, base: &BaseIri) -> GraphPayload {
    let graph = record_graph_iri(base, &file.source.path, &file.source.file_name);
    let mut w = QuadWriter::new(graph.clone(), "en");
    for record in &file.records {
        record_quads(record, file, base, &mut w);
    }
    let label =
        format!("records {} ({} loaded, {} failed)", file.source.file_name, file.records.len(), file.failures.len());
    GraphPayload {
        subject: graph.clone(),
        graph,
        label,
        source: file.source.clone(),
        source_iri: base.node(&format!("source/{}", file.source.sha256)),
        parser_version: PARSER_VERSION,
        quads: w.quads,
    }
}

fn record_quads(record: &Record, file: &RecordFile, base: &BaseIri, w: &mut QuadWriter) {
    let iri = base.node(&record.path());
    w.iri(&iri, rdf::TYPE, cbdkg::DOCUMENT);
    w.iri(&iri, rdf::TYPE, cbdkg::RECORD);
    w.plain(&iri, dcterms::IDENTIFIER, record.identifier());
    w.node(&iri, cbdkg::IN_DOCUMENT, &iri);
    w.plain(&iri, cbdkg::SOURCE_FILE, &file.source.file_name);
    w.integer(&iri, cbdkg::START_LINE, record.span().start);
    w.integer(&iri, cbdkg::END_LINE, record.span().end);
    let languages = record.languages();
    for language in &languages {
        w.plain(&iri, dcterms::LANGUAGE, language.code());
    }
    let (treaty, year) = match record {
        Record::Bch(r) => {
            bch_quads(r, base, &iri, w);
            (Treaty::Cartagena, r.date().map_or(2025, |d| d.year))
        }
        Record::Pledge(p) => {
            pledge_quads(p, &iri, w);
            (Treaty::Convention, p.start.year)
        }
    };
    let mut references: Vec<Reference> = Vec::new();
    let mut targets: Vec<TargetMention> = Vec::new();
    for language in languages {
        let Some(text) = super::record_text(record, language) else { continue };
        w.text_in(&iri, cbdkg::TEXT, &text, language.code());
        let found = references_in(&text, language, treaty, year);
        references.extend(found.into_iter().filter(|r| !matches!(r, Reference::OwnParagraph { .. })));
        targets.extend(target_mentions(&text));
    }
    reference_quads(base, &iri, &iri, &references, w);
    for target in targets {
        w.iri(&iri, cbdkg::CITES_TARGET, &target.iri());
    }
}

fn bch_quads(record: &BchRecord, base: &BaseIri, iri: &NamedNode, w: &mut QuadWriter) {
    w.iri(iri, rdf::TYPE, cbdkg::CLEARING_HOUSE_RECORD);
    w.iri(iri, cbdkg::DOCUMENT_TYPE, schemes::doctype::CLEARING_HOUSE_RECORD);
    w.iri(iri, cbdkg::RECORD_TYPE, &format!("{}/{}", schemes::bch_record_type::SCHEME, record.schema));
    w.typed(iri, cbdkg::IS_EXAMPLE, &record.example.to_string(), xsd::BOOLEAN);
    if let Some(date) = record.date() {
        w.date(iri, dcterms::ISSUED, date);
    }
    for (spec, value) in &record.fields {
        let Some(property) = spec.property else { continue };
        match value {
            FieldValue::Text(text) => lang_text(w, iri, property, text),
            FieldValue::Texts(texts) => texts.iter().for_each(|t| lang_text(w, iri, property, t)),
            FieldValue::Plains(values) => values.iter().for_each(|v| w.plain(iri, property, v)),
            FieldValue::Date(date) => w.date(iri, property, *date),
            FieldValue::Records(ids) => {
                ids.iter().for_each(|id| w.node(iri, property, &base.node(&format!("bch/{id}"))))
            }
            FieldValue::Organisms(organisms) => {
                organisms.iter().for_each(|o| w.plain(iri, property, &o.scientific_name))
            }
            FieldValue::Concepts(iris) => iris.iter().for_each(|c| w.iri(iri, property, c)),
        }
    }
}

fn lang_text(w: &mut QuadWriter, subject: &NamedNode, property: &str, text: &crate::validate::LangText) {
    for (language, value) in &text.0 {
        w.text_in(subject, property, value, language.code());
    }
}

fn pledge_quads(pledge: &Pledge, iri: &NamedNode, w: &mut QuadWriter) {
    use schemes::{action_category, actor_type, pledge_form, pledge_stage};
    w.iri(iri, rdf::TYPE, cbdkg::PLEDGE);
    w.iri(iri, rdf::TYPE, schema::ACTION);
    w.iri(iri, cbdkg::DOCUMENT_TYPE, schemes::doctype::PLEDGE);
    w.typed(iri, cbdkg::IS_EXAMPLE, &pledge.example.to_string(), xsd::BOOLEAN);
    lang_text(w, iri, dcterms::TITLE, &pledge.title);
    lang_text(w, iri, dcterms::DESCRIPTION, &pledge.description);
    w.iri(iri, cbdkg::PLEDGE_FORM, &format!("{}/{}", pledge_form::SCHEME, pledge.form));
    let actor = format!("{}/{}", actor_type::SCHEME, pledge.actor_type);
    w.iri(iri, cbdkg::ACTOR_TYPE, &actor);
    let agent = NamedNode::new_unchecked(format!("{}/agent", iri.as_str()));
    w.node(iri, schema::AGENT, &agent);
    w.iri(&agent, rdf::TYPE, if pledge.agent.is_person { schema::PERSON } else { schema::ORGANIZATION });
    w.iri(&agent, rdf::TYPE, prov::AGENT);
    w.plain(&agent, schema::NAME, &pledge.agent.name);
    w.iri(&agent, cbdkg::ACTOR_TYPE, &actor);
    w.plain(&agent, cbdkg::COUNTRY, &pledge.country);
    w.plain(iri, cbdkg::COUNTRY, &pledge.country);
    w.date(iri, schema::START_TIME, pledge.start);
    w.date(iri, dcterms::ISSUED, pledge.start);
    if let Some(end) = pledge.end {
        w.date(iri, schema::END_TIME, end);
    }
    if let Some(stage) = pledge.stage {
        w.iri(iri, cbdkg::STAGE, &format!("{}/{stage}", pledge_stage::SCHEME));
    }
    for category in &pledge.categories {
        w.iri(iri, cbdkg::ACTION_CATEGORY, &format!("{}/{category}", action_category::SCHEME));
    }
    for action in &pledge.actions {
        lang_text(w, iri, cbdkg::ACTION, action);
    }
    for n in &pledge.gbf_targets {
        w.iri(iri, cbdkg::CITES_TARGET, gbf::target(*n).unwrap_or_default());
    }
    for n in &pledge.aichi_targets {
        w.iri(iri, cbdkg::CITES_TARGET, &format!("{}{n}", schemes::AICHI_TARGET_NS));
    }
    for (i, indicator) in pledge.indicators.iter().enumerate() {
        let node = NamedNode::new_unchecked(format!("{}/indicator/{}", iri.as_str(), i + 1));
        w.node(iri, cbdkg::INDICATOR, &node);
        w.iri(&node, rdf::TYPE, cbdkg::PLEDGE_INDICATOR);
        lang_text(w, &node, schema::NAME, &indicator.name);
        w.plain(&node, schema::UNIT_TEXT, &indicator.unit);
        if let Some(code) = &indicator.gbf_indicator {
            w.iri(&node, cbdkg::GBF_INDICATOR, &format!("{}indicator_{code}", gbf::NS));
        }
        if let Some(baseline) = &indicator.baseline {
            w.typed(&node, cbdkg::BASELINE_VALUE, &baseline.value, xsd::DECIMAL);
            if let Some(year) = baseline.year {
                w.typed(&node, cbdkg::BASELINE_YEAR, &year.to_string(), xsd::INTEGER);
            }
        }
        w.typed(&node, cbdkg::TARGET_VALUE, &indicator.target.value, xsd::DECIMAL);
        if let Some(year) = indicator.target.year {
            w.typed(&node, cbdkg::TARGET_YEAR, &year.to_string(), xsd::INTEGER);
        }
    }
    for (i, name) in pledge.partners.iter().enumerate() {
        let node = NamedNode::new_unchecked(format!("{}/partner/{}", iri.as_str(), i + 1));
        w.node(iri, cbdkg::PARTNER, &node);
        w.iri(&node, rdf::TYPE, prov::AGENT);
        w.plain(&node, schema::NAME, name);
    }
    if let Some(method) = &pledge.reporting_method {
        lang_text(w, iri, cbdkg::REPORTING_METHOD, method);
    }
    for (i, report) in pledge.progress.iter().enumerate() {
        let node = NamedNode::new_unchecked(format!("{}/report/{}", iri.as_str(), i + 1));
        w.node(iri, cbdkg::PROGRESS_REPORT_PROP, &node);
        w.iri(&node, rdf::TYPE, cbdkg::PROGRESS_REPORT);
        w.date(&node, dcterms::DATE, report.date);
        lang_text(w, &node, dcterms::DESCRIPTION, &report.text);
        if let Some(value) = &report.value {
            w.typed(&node, cbdkg::REPORTED_VALUE, value, xsd::DECIMAL);
        }
    }
    if let Some(url) = &pledge.url
        && let Ok(page) = NamedNode::new(url)
    {
        w.node(iri, schema::URL, &page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_iris() {
        let base = BaseIri::default();
        let check = |path: &str, name: &str, expected: &str| {
            assert_eq!(
                record_graph_iri(&base, path, name).as_str(),
                format!("https://cbdkg.example/id/graph/records/{expected}")
            );
        };
        check("data/examples/bch/lmo.json", "lmo.json", "bch/lmo.json");
        check("pledges.csv", "pledges.csv", "pledges.csv");
        check("/tmp/x/mes engagements.csv", "mes engagements.csv", "x/mes%20engagements.csv");
    }
}
