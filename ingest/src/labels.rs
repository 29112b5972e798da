//! Labels in the six UN languages for the searchable text of records: concept labels from the
//! vocabularies of `cbdkg-ontologies`, and the form labels of the Biosafety Clearing-House and
//! the Action Agenda copied into `data/vocabularies/` (their sources are in its README).

use crate::model::Language;
use cbdkg_ontologies::standard::skos;
use oxrdf::Term;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Vocabulary files whose concepts records refer to.
const VOCABULARIES: [&str; 2] = ["action-agenda.ttl", "bch.ttl"];

static CONCEPTS: LazyLock<HashMap<(String, Language), String>> = LazyLock::new(|| {
    let mut labels = HashMap::new();
    let files = cbdkg_ontologies::TURTLE_FILES.iter().filter(|f| VOCABULARIES.contains(&f.name));
    for file in files {
        for triple in oxttl::TurtleParser::new().for_slice(file.text.as_bytes()).flatten() {
            if triple.predicate.as_str() != skos::PREF_LABEL {
                continue;
            }
            let Term::Literal(label) = &triple.object else { continue };
            let Some(language) = label.language().and_then(crate::validate::language_code) else { continue };
            labels.insert(
                (triple.subject.to_string().trim_matches(['<', '>']).to_owned(), language),
                label.value().to_owned(),
            );
        }
    }
    labels
});

/// The preferred label of a concept of the record vocabularies in `language`, else in English.
pub(crate) fn concept(iri: &str, language: Language) -> Option<&'static str> {
    let get = |l| CONCEPTS.get(&(iri.to_owned(), l)).map(String::as_str);
    get(language).or_else(|| get(Language::En))
}

/// `form → key → language → label`, from a JSON file of `data/vocabularies`.
type FormLabels = HashMap<String, HashMap<String, HashMap<String, String>>>;

static BCH_FORMS: LazyLock<FormLabels> = LazyLock::new(|| {
    #[derive(serde::Deserialize)]
    struct File {
        forms: FormLabels,
    }
    let text = include_str!("../../data/vocabularies/bch-form-labels.json");
    serde_json::from_str::<File>(text).map(|f| f.forms).unwrap_or_default()
});

static ACTION_AGENDA_FORM: LazyLock<HashMap<String, HashMap<String, String>>> = LazyLock::new(|| {
    #[derive(serde::Deserialize)]
    struct File {
        form: HashMap<String, HashMap<String, String>>,
    }
    let text = include_str!("../../data/vocabularies/action-agenda-labels.json");
    serde_json::from_str::<File>(text).map(|f| f.form).unwrap_or_default()
});

/// The label of a field of a BCH form (`modifiedOrganism`, `transformationEvent`) in
/// `language`, else in English.
pub(crate) fn bch_field(form: &str, key: &str, language: Language) -> Option<&'static str> {
    let labels = BCH_FORMS.get(form)?.get(key)?;
    labels.get(language.code()).or_else(|| labels.get("en")).map(String::as_str)
}

/// The label of the Action Agenda pledge form field `key` (its English text) in `language`.
pub(crate) fn pledge_field(key: &'static str, language: Language) -> &'static str {
    ACTION_AGENDA_FORM.get(key).and_then(|labels| labels.get(language.code())).map_or(key, String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cbdkg_ontologies::schemes::{bch_record_type, pledge_stage};

    #[test]
    fn labels_come_from_the_vocabularies_and_forms() {
        assert_eq!(concept(pledge_stage::IMPLEMENTATION, Language::Ar), Some("التنفيذ"));
        assert_eq!(concept(bch_record_type::MODIFIED_ORGANISM, Language::Fr), Some("Organisme vivant modifié"));
        assert_eq!(bch_field("modifiedOrganism", "transformationEvent", Language::Ar), Some("حدث التحور"));
        assert_eq!(bch_field("modifiedOrganism", "nothing", Language::Ar), None);
        assert_eq!(pledge_field("Partners", Language::Es), "Socios");
        assert_eq!(pledge_field("Unknown", Language::Es), "Unknown");
    }
}
