//! Records of the Biosafety Clearing-House in the clearing-house record layout: a `header`
//! (identifier, schema, languages), then the fields of the schema, multilingual values as
//! `{"en": "…", "ar": "…"}`. Field names are those of the BCH forms (absch.cbd.int); each
//! schema's fields are a table of [`FieldSpec`]s, which is its shape.

use crate::model::{Date, Language, Span};
use crate::validate::{FieldError, Fields, LangText, Required, is_identifier};
use cbdkg_ontologies::cbdkg;
use cbdkg_ontologies::standard::{dcterms, schema};
use serde_json::Value;

/// The record types (schemas) cbdkg reads; the other BCH schemas are refused by name.
pub const SUPPORTED_SCHEMAS: &[&str] =
    &["modifiedOrganism", "nationalRiskAssessment", "biosafetyDecision", "biosafetyLaw", "focalPoint"];

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A multilingual text.
    Text,
    /// An array of multilingual texts.
    Texts,
    /// A string (a name, a code, an identifier) in no particular language.
    Plain,
    /// A string or an array of strings.
    Plains,
    /// A date.
    Date,
    /// Identifiers of other BCH records.
    Records,
    /// Organisms: `{"scientificName": "Zea mays", "commonName": {"en": "maize"}}`.
    Organisms,
    /// One of a list of codes.
    Code(&'static [&'static str]),
    /// Codes of concepts of a scheme (`{scheme}/{code}`).
    Concepts(&'static str, &'static [&'static str]),
    /// A country: ISO 3166-1 alpha-2 code, or `{"identifier": "mx"}`.
    Country,
    /// An e-mail address.
    Email,
}

/// One field of a schema: its JSON key, kind, whether it is required, the property it maps
/// to (if any; every field is in the record's searchable text) and its form label
/// (`data/vocabularies/bch-form-labels.json`: form and key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The key in the record's JSON.
    pub key: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// Whether every record of the schema must have it.
    pub required: bool,
    /// The property of the record it maps to.
    pub property: Option<&'static str>,
    /// The form and key of its label in the BCH forms.
    pub label: Option<(&'static str, &'static str)>,
}

const fn field(
    key: &'static str,
    kind: FieldKind,
    required: bool,
    property: Option<&'static str>,
    label: Option<(&'static str, &'static str)>,
) -> FieldSpec {
    FieldSpec { key, kind, required, property, label }
}

const DECISION_RESULTS: &[&str] =
    &["approval", "approval-with-conditions", "prohibition", "extension", "request-for-information"];

const LAW_TYPES: &[&str] = &["law", "regulation", "guidelines", "agreement"];

const FOCAL_POINT_CATEGORIES: &[&str] = &["cpNfp", "bchNfp", "emCp"];

const FOCAL_POINT_SCHEME: &str = cbdkg_ontologies::schemes::focal_point_category::SCHEME;

use FieldKind::*;

const LMO: &str = "modifiedOrganism";
const RA: &str = "nationalRiskAssessment";
const DEC: &str = "biosafetyDecision";
const LAW: &str = "biosafetyLaw";

const LMO_FIELDS: &[FieldSpec] = &[
    field("title", Text, true, Some(dcterms::TITLE), Some((LMO, "LMOName"))),
    field("uniqueIdentification", Plain, false, Some(cbdkg::UNIQUE_IDENTIFIER), Some((LMO, "uniqueIdentification"))),
    field("transformationEvent", Plain, false, Some(cbdkg::TRANSFORMATION_EVENT), Some((LMO, "transformationEvent"))),
    field("developer", Plains, false, Some(cbdkg::DEVELOPER), Some((LMO, "developer"))),
    field("description", Text, false, Some(dcterms::DESCRIPTION), Some((LMO, "description"))),
    field("recipientOrganisms", Organisms, true, Some(cbdkg::RECIPIENT_ORGANISM), Some((LMO, "recipientOrganisms"))),
    field("techniqueUsed", Text, false, Some(cbdkg::TECHNIQUE), Some((LMO, "techniqueUsed"))),
    field("genes", Plains, false, Some(cbdkg::GENETIC_ELEMENT), Some((LMO, "genes"))),
    field("modifiedTraits", Texts, true, Some(cbdkg::MODIFIED_TRAIT), Some((LMO, "modifiedTraits"))),
    field("commonUses", Texts, false, None, Some((LMO, "commonUses"))),
    field("detectionMethod", Text, false, None, Some((LMO, "detectionMethod"))),
];

const RA_FIELDS: &[FieldSpec] = &[
    field("title", Text, true, Some(dcterms::TITLE), Some((RA, "title"))),
    field("government", Country, true, Some(cbdkg::COUNTRY), Some((RA, "country"))),
    field("date", Date, true, Some(dcterms::DATE), Some((RA, "date"))),
    field("institution", Text, false, None, Some((RA, "institution"))),
    field("competentNationalAuthorities", Plains, false, None, Some((RA, "competentNationalAuthorities"))),
    field("modifiedOrganisms", Records, true, Some(cbdkg::CONCERNS_LMO), Some((RA, "modifiedOrganisms"))),
    field("scope", Text, false, Some(dcterms::DESCRIPTION), Some((RA, "scope"))),
    field("adverseEffects", Text, false, None, Some((RA, "adverseEffects"))),
    field("estimationRisk", Text, false, None, Some((RA, "estimationRisk"))),
    field("adverseEffectsRecommendation", Text, false, None, Some((RA, "adverseEffectsRecommendation"))),
    field("receivingEnvironment", Text, false, None, Some((RA, "receivingEnvironment"))),
];

const DECISION_FIELDS: &[FieldSpec] = &[
    field("title", Text, true, Some(dcterms::TITLE), Some((DEC, "title"))),
    field("government", Country, true, Some(cbdkg::COUNTRY), Some((DEC, "country"))),
    field("date", Date, true, Some(dcterms::DATE), Some((DEC, "date"))),
    field("authorities", Plains, false, None, Some((DEC, "authorities"))),
    field("subjectDecision", Text, false, Some(dcterms::DESCRIPTION), Some((DEC, "subjectDecision"))),
    field("resultDecision", Code(DECISION_RESULTS), true, Some(cbdkg::DECISION_RESULT), Some((DEC, "resultDecision"))),
    field("conditions", Text, false, None, Some((DEC, "conditions"))),
    field("modifiedOrganisms", Records, false, Some(cbdkg::CONCERNS_LMO), Some((DEC, "modifiedOrganisms"))),
    field("riskAssessments", Records, false, Some(cbdkg::RISK_ASSESSMENT), Some((DEC, "riskAssessments"))),
    field("uses", Texts, false, None, Some((DEC, "uses"))),
];

const LAW_FIELDS: &[FieldSpec] = &[
    field("title", Text, true, Some(dcterms::TITLE), Some((LAW, "title"))),
    field("government", Country, true, Some(cbdkg::COUNTRY), Some((LAW, "country"))),
    field("typeRegulation", Code(LAW_TYPES), true, Some(cbdkg::LAW_TYPE), Some((LAW, "typeRegulation"))),
    field("jurisdiction", Text, false, Some(cbdkg::JURISDICTION), Some((LAW, "jurisdiction"))),
    field("entryIntoForce", Date, true, Some(dcterms::DATE), Some((LAW, "entryIntoForce"))),
    field("authorities", Plains, false, None, Some((LAW, "authorities"))),
    field("subjectAreas", Texts, false, None, Some((LAW, "subjectAreas"))),
    field("typesOrganismsAddressed", Texts, false, None, Some((LAW, "typesOrganismsAddressed"))),
    field("description", Text, true, Some(dcterms::DESCRIPTION), Some((LAW, "description"))),
];

const FOCAL_POINT_FIELDS: &[FieldSpec] = &[
    field("title", Text, true, Some(dcterms::TITLE), None),
    field("government", Country, true, Some(cbdkg::COUNTRY), None),
    field(
        "categories",
        Concepts(FOCAL_POINT_SCHEME, FOCAL_POINT_CATEGORIES),
        true,
        Some(cbdkg::FOCAL_POINT_CATEGORY),
        None,
    ),
    field("name", Plain, true, Some(schema::NAME), None),
    field("designation", Text, false, Some(schema::JOB_TITLE), None),
    field("organization", Text, false, None, None),
    field("email", Email, true, Some(schema::EMAIL), None),
    field("telephone", Plain, false, None, None),
];

/// The fields of a schema, in the order of its form.
pub fn fields_of(schema: &str) -> &'static [FieldSpec] {
    match schema {
        "modifiedOrganism" => LMO_FIELDS,
        "nationalRiskAssessment" => RA_FIELDS,
        "biosafetyDecision" => DECISION_FIELDS,
        "biosafetyLaw" => LAW_FIELDS,
        "focalPoint" => FOCAL_POINT_FIELDS,
        _ => &[],
    }
}

/// The required fields of a schema, besides [`crate::validate::RECORD_REQUIRED`] (whose
/// `title` every schema repeats).
pub fn bch_required(schema: &str) -> Vec<Required> {
    fields_of(schema)
        .iter()
        .filter(|f| f.required && f.key != "title")
        .filter_map(|f| Some(Required { field: f.key, property: f.property? }))
        .collect()
}

/// The value of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// A multilingual text.
    Text(LangText),
    /// Several multilingual texts.
    Texts(Vec<LangText>),
    /// Strings in no particular language (also codes, countries, e-mail addresses).
    Plains(Vec<String>),
    /// A date.
    Date(Date),
    /// Identifiers of other BCH records.
    Records(Vec<String>),
    /// Organisms.
    Organisms(Vec<Organism>),
    /// Concept IRIs.
    Concepts(Vec<String>),
}

/// An organism of a living modified organism record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organism {
    /// Its scientific name.
    pub scientific_name: String,
    /// Its common names, by language.
    pub common_name: Option<LangText>,
}

/// A record of the Biosafety Clearing-House that passed its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BchRecord {
    /// `header.identifier`.
    pub identifier: String,
    /// `header.schema`, one of [`SUPPORTED_SCHEMAS`].
    pub schema: &'static str,
    /// `header.languages`.
    pub languages: Vec<Language>,
    /// `header.example`: written for the project, not a real record.
    pub example: bool,
    /// Lines in the source file.
    pub span: Span,
    /// The fields present, in the order of the schema's form.
    pub fields: Vec<(&'static FieldSpec, FieldValue)>,
}

impl BchRecord {
    /// The value of a field, if present.
    pub fn get(&self, key: &str) -> Option<&FieldValue> {
        self.fields.iter().find(|(spec, _)| spec.key == key).map(|(_, value)| value)
    }

    /// The title.
    pub fn title(&self) -> &LangText {
        match self.get("title") {
            Some(FieldValue::Text(title)) => title,
            _ => unreachable!("the title is required by every schema"),
        }
    }

    /// The date of the record's subject (risk assessment, decision, entry into force).
    pub fn date(&self) -> Option<Date> {
        self.fields.iter().find_map(|(_, value)| match value {
            FieldValue::Date(date) => Some(*date),
            _ => None,
        })
    }
}

/// Reads a BCH record; `Err` lists every failing field.
pub(crate) fn parse(value: &Value, span: Span) -> Result<BchRecord, Vec<FieldError>> {
    let mut f = Fields::new(value);
    f.only("header", &["identifier", "schema", "languages", "example"]);
    let identifier = f.identifier("header.identifier", true);
    let schema = schema_of(&mut f);
    let languages = header_languages(&mut f);
    let example = f.boolean("header.example").unwrap_or(false);
    let Some(schema) = schema else {
        return Err(f.into_errors());
    };
    f.languages = Some(languages.clone());
    let specs = fields_of(schema);
    let mut allowed: Vec<&str> = specs.iter().map(|s| s.key).collect();
    allowed.push("header");
    f.only("", &allowed);
    let mut fields = Vec::new();
    for spec in specs {
        if let Some(value) = read(&mut f, spec) {
            fields.push((spec, value));
        }
    }
    if let Some((_, FieldValue::Text(title))) = fields.iter().find(|(s, _)| s.key == "title") {
        for language in &languages {
            if title.get(*language).is_none() {
                f.error(&format!("title.{}", language.code()), "missing: the header lists this language");
            }
        }
    }
    match (f.is_ok(), identifier) {
        (true, Some(identifier)) => Ok(BchRecord { identifier, schema, languages, example, span, fields }),
        _ => Err(f.into_errors()),
    }
}

fn schema_of(f: &mut Fields<'_>) -> Option<&'static str> {
    let name = f.string("header.schema", true)?;
    if let Some(supported) = SUPPORTED_SCHEMAS.iter().find(|s| **s == name) {
        return Some(supported);
    }
    let known = cbdkg_ontologies::schemes::bch_record_type::ALL.iter().any(|iri| iri.rsplit('/').next() == Some(&name));
    let message = if known {
        format!("record type {name:?} is not read by cbdkg (supported: {})", SUPPORTED_SCHEMAS.join(", "))
    } else {
        format!(
            "{name:?} is not a record type of the Biosafety Clearing-House (supported: {})",
            SUPPORTED_SCHEMAS.join(", ")
        )
    };
    f.error("header.schema", message);
    None
}

fn header_languages(f: &mut Fields<'_>) -> Vec<Language> {
    let codes = f.strings("header.languages", true);
    let mut languages = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        match crate::validate::language_code(code) {
            Some(language) if !languages.contains(&language) => languages.push(language),
            Some(_) => f.error(&format!("header.languages[{i}]"), format!("{code:?} is listed twice")),
            None => f.error(
                &format!("header.languages[{i}]"),
                format!("{code:?} is not a language code of the six UN languages (ar, en, es, fr, ru, zh)"),
            ),
        }
    }
    languages
}

fn read(f: &mut Fields<'_>, spec: &FieldSpec) -> Option<FieldValue> {
    let (key, required) = (spec.key, spec.required);
    let value = match spec.kind {
        Text => FieldValue::Text(f.lang_text(key, required, None)?),
        Texts => FieldValue::Texts(f.lang_texts(key, required)),
        Plain => FieldValue::Plains(vec![f.string(key, required)?]),
        Plains => FieldValue::Plains(f.strings(key, required)),
        Date => FieldValue::Date(f.date(key, required)?),
        Records => FieldValue::Records(record_ids(f, key, required)),
        Organisms => FieldValue::Organisms(organisms(f, key, required)),
        Code(codes) => FieldValue::Plains(vec![f.code(key, required, codes)?.to_owned()]),
        Concepts(scheme, codes) => {
            FieldValue::Concepts(f.codes(key, required, codes).iter().map(|c| format!("{scheme}/{c}")).collect())
        }
        Country => FieldValue::Plains(vec![f.country(key, required)?]),
        Email => {
            let email = f.string(key, required)?;
            let valid = email.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
            if !valid {
                f.error(key, format!("{email:?} is not an e-mail address"));
            }
            FieldValue::Plains(vec![email])
        }
    };
    if key == "uniqueIdentification"
        && let FieldValue::Plains(values) = &value
        && !values.iter().all(|v| is_unique_identifier(v))
    {
        f.error(key, format!("{:?} is not an OECD unique identifier (e.g. \"MON-ØØ81Ø-6\")", values[0]));
    }
    let empty = matches!(&value, FieldValue::Texts(v) if v.is_empty())
        || matches!(&value, FieldValue::Plains(v) if v.is_empty())
        || matches!(&value, FieldValue::Records(v) if v.is_empty())
        || matches!(&value, FieldValue::Organisms(v) if v.is_empty())
        || matches!(&value, FieldValue::Concepts(v) if v.is_empty());
    (!empty).then_some(value)
}

/// The OECD unique identifier of a transformation event: developer code (2–3 characters),
/// event code (5–6), check digit; Ø is the OECD's placeholder for "no character".
fn is_unique_identifier(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let code = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.chars().count())
            && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Ø')
    };
    matches!(parts[..], [dev, event, check] if code(dev, 2, 3) && code(event, 5, 6) && check.len() == 1 && check.chars().all(|c| c.is_ascii_digit()))
}

fn record_ids(f: &mut Fields<'_>, key: &str, required: bool) -> Vec<String> {
    let items = f.array(key, required);
    let mut ids = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let id = match item {
            Value::String(s) => Some(s.trim()),
            Value::Object(map) => map.get("identifier").and_then(Value::as_str).map(str::trim),
            _ => None,
        };
        match id {
            Some(id) if is_identifier(id) => ids.push(id.to_owned()),
            _ => f.error(
                &format!("{key}[{i}]"),
                "expected the identifier of a BCH record (a string, or {\"identifier\": …})",
            ),
        }
    }
    ids
}

fn organisms(f: &mut Fields<'_>, key: &str, required: bool) -> Vec<Organism> {
    let count = f.array(key, required).len();
    let mut out = Vec::new();
    for i in 0..count {
        let path = format!("{key}[{i}]");
        f.only(&path, &["scientificName", "commonName"]);
        let name = f.string(&format!("{path}.scientificName"), true);
        let common = f.lang_text(&format!("{path}.commonName"), false, None);
        if let Some(scientific_name) = name {
            out.push(Organism { scientific_name, common_name: common });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(record: Value) -> Vec<String> {
        match parse(&record, Span::line(1)) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    fn lmo() -> Value {
        json!({
            "header": {"identifier": "EX-LMO-1", "schema": "modifiedOrganism", "languages": ["en", "es"]},
            "title": {"en": "Bt maize MON810", "es": "Maíz Bt MON810"},
            "uniqueIdentification": "MON-ØØ81Ø-6",
            "recipientOrganisms": [{"scientificName": "Zea mays", "commonName": {"en": "maize", "es": "maíz"}}],
            "modifiedTraits": [{"en": "Resistance to lepidopteran insects", "es": "Resistencia a insectos lepidópteros"}]
        })
    }

    #[test]
    fn a_valid_lmo() {
        let record = parse(&lmo(), Span::line(1)).unwrap();
        assert_eq!(record.schema, "modifiedOrganism");
        assert_eq!(record.languages, [Language::En, Language::Es]);
        assert_eq!(record.title().get(Language::Es), Some("Maíz Bt MON810"));
        assert!(
            matches!(record.get("recipientOrganisms"), Some(FieldValue::Organisms(o)) if o[0].scientific_name == "Zea mays")
        );
    }

    #[test]
    fn each_failing_field_is_named() {
        let mut record = lmo();
        record["header"]["languages"] = json!(["en", "es", "de"]);
        record["title"] = json!({"en": "Bt maize"});
        record["uniqueIdentification"] = json!("MON810");
        record["modifiedTraits"] = json!([]);
        record["colour"] = json!("yellow");
        assert_eq!(
            errors(record),
            [
                "field header.languages[2]: \"de\" is not a language code of the six UN languages (ar, en, es, fr, ru, zh)",
                "field colour: unknown field; expected one of: title, uniqueIdentification, transformationEvent, developer, description, recipientOrganisms, techniqueUsed, genes, modifiedTraits, commonUses, detectionMethod, header",
                "field uniqueIdentification: \"MON810\" is not an OECD unique identifier (e.g. \"MON-ØØ81Ø-6\")",
                "field modifiedTraits: required, missing",
                "field title.es: missing: the header lists this language",
            ]
        );
    }

    #[test]
    fn schemas_outside_the_five_are_refused_by_name() {
        let mut record = lmo();
        record["header"]["schema"] = json!("biosafetyExpert");
        assert_eq!(
            errors(record.clone()),
            [
                "field header.schema: record type \"biosafetyExpert\" is not read by cbdkg (supported: modifiedOrganism, nationalRiskAssessment, biosafetyDecision, biosafetyLaw, focalPoint)"
            ]
        );
        record["header"]["schema"] = json!("lmo");
        assert!(errors(record)[0].contains("\"lmo\" is not a record type of the Biosafety Clearing-House"));
    }

    #[test]
    fn unique_identifiers() {
        for ok in ["MON-ØØ81Ø-6", "SYN-IR162-4", "DP-Ø4114-3", "DAS-444Ø6-6"] {
            assert!(is_unique_identifier(ok), "{ok}");
        }
        for bad in ["MON810", "mon-ØØ81Ø-6", "MON-ØØ81Ø-66", "M-ØØ81Ø-6"] {
            assert!(!is_unique_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn required_fields_come_from_the_specs() {
        let fields: Vec<&str> = bch_required("biosafetyDecision").iter().map(|r| r.field).collect();
        assert_eq!(fields, ["government", "date", "resultDecision"]);
    }
}
