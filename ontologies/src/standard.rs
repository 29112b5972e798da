//! Terms of the standard vocabularies cbdkg reuses: RDF, RDFS, OWL, XSD, DCTERMS, SKOS, PROV-O,
//! schema.org.

/// RDF.
pub mod rdf {
    /// `rdf:type`.
    pub const TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
}

/// RDF Schema.
pub mod rdfs {
    /// `rdfs:label`.
    pub const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    /// `rdfs:comment`.
    pub const COMMENT: &str = "http://www.w3.org/2000/01/rdf-schema#comment";
    /// `rdfs:subClassOf`.
    pub const SUB_CLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
    /// `rdfs:subPropertyOf`.
    pub const SUB_PROPERTY_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf";
    /// `rdfs:domain`.
    pub const DOMAIN: &str = "http://www.w3.org/2000/01/rdf-schema#domain";
    /// `rdfs:range`.
    pub const RANGE: &str = "http://www.w3.org/2000/01/rdf-schema#range";
    /// `rdfs:isDefinedBy`.
    pub const IS_DEFINED_BY: &str = "http://www.w3.org/2000/01/rdf-schema#isDefinedBy";
}

/// OWL 2.
pub mod owl {
    /// `owl:Ontology`.
    pub const ONTOLOGY: &str = "http://www.w3.org/2002/07/owl#Ontology";
    /// `owl:Class`.
    pub const CLASS: &str = "http://www.w3.org/2002/07/owl#Class";
    /// `owl:ObjectProperty`.
    pub const OBJECT_PROPERTY: &str = "http://www.w3.org/2002/07/owl#ObjectProperty";
    /// `owl:DatatypeProperty`.
    pub const DATATYPE_PROPERTY: &str = "http://www.w3.org/2002/07/owl#DatatypeProperty";
    /// `owl:AnnotationProperty`.
    pub const ANNOTATION_PROPERTY: &str = "http://www.w3.org/2002/07/owl#AnnotationProperty";
    /// `owl:versionInfo`.
    pub const VERSION_INFO: &str = "http://www.w3.org/2002/07/owl#versionInfo";
}

/// XML Schema datatypes.
pub mod xsd {
    /// `xsd:integer`.
    pub const INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
    /// `xsd:date`.
    pub const DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
    /// `xsd:dateTime`.
    pub const DATE_TIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";
    /// `xsd:boolean`.
    pub const BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
    /// `xsd:decimal`.
    pub const DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";
    /// `xsd:double`.
    pub const DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";
}

/// DCMI Metadata Terms.
pub mod dcterms {
    /// `dcterms:identifier`.
    pub const IDENTIFIER: &str = "http://purl.org/dc/terms/identifier";
    /// `dcterms:title`.
    pub const TITLE: &str = "http://purl.org/dc/terms/title";
    /// `dcterms:issued`.
    pub const ISSUED: &str = "http://purl.org/dc/terms/issued";
    /// `dcterms:language`.
    pub const LANGUAGE: &str = "http://purl.org/dc/terms/language";
    /// `dcterms:references`.
    pub const REFERENCES: &str = "http://purl.org/dc/terms/references";
    /// `dcterms:isPartOf`.
    pub const IS_PART_OF: &str = "http://purl.org/dc/terms/isPartOf";
    /// `dcterms:source`.
    pub const SOURCE: &str = "http://purl.org/dc/terms/source";
    /// `dcterms:license`.
    pub const LICENSE: &str = "http://purl.org/dc/terms/license";
    /// `dcterms:description`.
    pub const DESCRIPTION: &str = "http://purl.org/dc/terms/description";
    /// `dcterms:date`.
    pub const DATE: &str = "http://purl.org/dc/terms/date";
}

/// SKOS.
pub mod skos {
    /// `skos:Concept`.
    pub const CONCEPT: &str = "http://www.w3.org/2004/02/skos/core#Concept";
    /// `skos:ConceptScheme`.
    pub const CONCEPT_SCHEME: &str = "http://www.w3.org/2004/02/skos/core#ConceptScheme";
    /// `skos:prefLabel`.
    pub const PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
    /// `skos:altLabel`.
    pub const ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
    /// `skos:notation`.
    pub const NOTATION: &str = "http://www.w3.org/2004/02/skos/core#notation";
    /// `skos:inScheme`.
    pub const IN_SCHEME: &str = "http://www.w3.org/2004/02/skos/core#inScheme";
    /// `skos:topConceptOf`.
    pub const TOP_CONCEPT_OF: &str = "http://www.w3.org/2004/02/skos/core#topConceptOf";
    /// `skos:hasTopConcept`.
    pub const HAS_TOP_CONCEPT: &str = "http://www.w3.org/2004/02/skos/core#hasTopConcept";
    /// `skos:definition`.
    pub const DEFINITION: &str = "http://www.w3.org/2004/02/skos/core#definition";
    /// `skos:exactMatch`.
    pub const EXACT_MATCH: &str = "http://www.w3.org/2004/02/skos/core#exactMatch";
    /// `skos:closeMatch`.
    pub const CLOSE_MATCH: &str = "http://www.w3.org/2004/02/skos/core#closeMatch";
    /// `skos:relatedMatch`.
    pub const RELATED_MATCH: &str = "http://www.w3.org/2004/02/skos/core#relatedMatch";
    /// `skos:broader`.
    pub const BROADER: &str = "http://www.w3.org/2004/02/skos/core#broader";
    /// `skos:note`.
    pub const NOTE: &str = "http://www.w3.org/2004/02/skos/core#note";
    /// `skos:editorialNote`.
    pub const EDITORIAL_NOTE: &str = "http://www.w3.org/2004/02/skos/core#editorialNote";
}

/// PROV-O.
pub mod prov {
    /// `prov:Entity`.
    pub const ENTITY: &str = "http://www.w3.org/ns/prov#Entity";
    /// `prov:Activity`.
    pub const ACTIVITY: &str = "http://www.w3.org/ns/prov#Activity";
    /// `prov:wasDerivedFrom`.
    pub const WAS_DERIVED_FROM: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
    /// `prov:wasGeneratedBy`.
    pub const WAS_GENERATED_BY: &str = "http://www.w3.org/ns/prov#wasGeneratedBy";
    /// `prov:generatedAtTime`.
    pub const GENERATED_AT_TIME: &str = "http://www.w3.org/ns/prov#generatedAtTime";
    /// `prov:used`.
    pub const USED: &str = "http://www.w3.org/ns/prov#used";
    /// `prov:SoftwareAgent`.
    pub const SOFTWARE_AGENT: &str = "http://www.w3.org/ns/prov#SoftwareAgent";
    /// `prov:wasAssociatedWith`.
    pub const WAS_ASSOCIATED_WITH: &str = "http://www.w3.org/ns/prov#wasAssociatedWith";
    /// `prov:Agent`.
    pub const AGENT: &str = "http://www.w3.org/ns/prov#Agent";
    /// `prov:startedAtTime`.
    pub const STARTED_AT_TIME: &str = "http://www.w3.org/ns/prov#startedAtTime";
}

/// schema.org (as in the Action Agenda's schema of an Action; `http://schema.org/`, the IRIs the
/// schema.org JSON-LD context expands to).
pub mod schema {
    /// `schema:Action`.
    pub const ACTION: &str = "http://schema.org/Action";
    /// `schema:Person`.
    pub const PERSON: &str = "http://schema.org/Person";
    /// `schema:Organization`.
    pub const ORGANIZATION: &str = "http://schema.org/Organization";
    /// `schema:agent`.
    pub const AGENT: &str = "http://schema.org/agent";
    /// `schema:name`.
    pub const NAME: &str = "http://schema.org/name";
    /// `schema:startTime`.
    pub const START_TIME: &str = "http://schema.org/startTime";
    /// `schema:endTime`.
    pub const END_TIME: &str = "http://schema.org/endTime";
    /// `schema:unitText`.
    pub const UNIT_TEXT: &str = "http://schema.org/unitText";
    /// `schema:email`.
    pub const EMAIL: &str = "http://schema.org/email";
    /// `schema:jobTitle`.
    pub const JOB_TITLE: &str = "http://schema.org/jobTitle";
    /// `schema:url`.
    pub const URL: &str = "http://schema.org/url";
}
