//! The cbdkg SKOS concept schemes (`https://cbdkg.example/vocab/{scheme}/{code}`).
//!
//! `body` and `doctype` are ours; the `decision_*` modules are generated from the
//! decision-tracking data of www.cbd.int (see `ttl/decision-tracking.ttl` for source and
//! licence), with codes kept as in the source.

/// Namespace of the Aichi Biodiversity Targets as concepts: `{AICHI_TARGET_NS}{1..20}`.
pub const AICHI_TARGET_NS: &str = "https://cbdkg.example/vocab/aichi-target/";

/// Bodies of the Convention and its Protocols.
pub mod body {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/body";
    /// Conference of the Parties to the Convention.
    pub const COP: &str = "https://cbdkg.example/vocab/body/COP";
    /// COP serving as the meeting of the Parties to the Cartagena Protocol.
    pub const CP_MOP: &str = "https://cbdkg.example/vocab/body/CP-MOP";
    /// COP serving as the meeting of the Parties to the Nagoya Protocol.
    pub const NP_MOP: &str = "https://cbdkg.example/vocab/body/NP-MOP";
    /// Subsidiary Body on Implementation.
    pub const SBI: &str = "https://cbdkg.example/vocab/body/SBI";
    /// Subsidiary Body on Scientific, Technical and Technological Advice.
    pub const SBSTTA: &str = "https://cbdkg.example/vocab/body/SBSTTA";
    /// Working Group on Article 8(j) (now the Subsidiary Body on Article 8(j)).
    pub const WG8J: &str = "https://cbdkg.example/vocab/body/WG8J";
    /// The Secretariat of the Convention.
    pub const SECRETARIAT: &str = "https://cbdkg.example/vocab/body/SCBD";
    /// Every concept of the scheme.
    pub const ALL: &[&str] = &[COP, CP_MOP, NP_MOP, SBI, SBSTTA, WG8J, SECRETARIAT];
}

/// Kinds of document.
pub mod doctype {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/doctype";
    /// A decision of a governing body.
    pub const DECISION: &str = "https://cbdkg.example/vocab/doctype/decision";
    /// A recommendation of a subsidiary body.
    pub const RECOMMENDATION: &str = "https://cbdkg.example/vocab/doctype/recommendation";
    /// A note by the Executive Secretary or the Secretariat (pre-session document).
    pub const NOTE: &str = "https://cbdkg.example/vocab/doctype/note";
    /// An information document (INF).
    pub const INFORMATION_DOCUMENT: &str = "https://cbdkg.example/vocab/doctype/information";
    /// A meeting report.
    pub const REPORT: &str = "https://cbdkg.example/vocab/doctype/report";
    /// A guide of guiding questions for an online discussion.
    pub const DISCUSSION_GUIDE: &str = "https://cbdkg.example/vocab/doctype/discussion-guide";
    /// Every concept of the scheme.
    pub const ALL: &[&str] = &[DECISION, RECOMMENDATION, NOTE, INFORMATION_DOCUMENT, REPORT, DISCUSSION_GUIDE];
}

/// Decision actors of the CBD decision tracking (actors.js of www.cbd.int, MIT; see decision-tracking.ttl).
pub mod decision_actor {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/decision-actor";
    /// Parties.
    pub const PARTIES: &str = "https://cbdkg.example/vocab/decision-actor/parties";
    /// Government(s).
    pub const GOVERNMENTS: &str = "https://cbdkg.example/vocab/decision-actor/governments";
    /// Other Government(s).
    pub const OTHER_GOVERNMENTS: &str = "https://cbdkg.example/vocab/decision-actor/other-governments";
    /// Executive Secretary of the Convention on Biological Diversity.
    pub const EXECUTIVE_SECRETARY: &str = "https://cbdkg.example/vocab/decision-actor/executive-secretary";
    /// SBSTTA (group "Subsidiary Body").
    pub const SBSTTA: &str = "https://cbdkg.example/vocab/decision-actor/SBSTTA";
    /// SBI (group "Subsidiary Body").
    pub const SBI: &str = "https://cbdkg.example/vocab/decision-actor/SBI";
    /// WGRI (group "Subsidiary Body").
    pub const WGRI: &str = "https://cbdkg.example/vocab/decision-actor/WGRI";
    /// WG8J (group "Subsidiary Body").
    pub const WG8J: &str = "https://cbdkg.example/vocab/decision-actor/WG8J";
    /// WGABS (group "Subsidiary Body").
    pub const WGABS: &str = "https://cbdkg.example/vocab/decision-actor/WGABS";
    /// CP-MOP (group "Subsidiary Body").
    pub const CP_MOP: &str = "https://cbdkg.example/vocab/decision-actor/CP-MOP";
    /// NP-MOP (group "Subsidiary Body").
    pub const NP_MOP: &str = "https://cbdkg.example/vocab/decision-actor/NP-MOP";
    /// Global Environment Facility.
    pub const GEF: &str = "https://cbdkg.example/vocab/decision-actor/GEF";
    /// Indigenous peoples and local communities.
    pub const IPLC: &str = "https://cbdkg.example/vocab/decision-actor/IPLC";
    /// United Nations General Assembly.
    pub const UNGA: &str = "https://cbdkg.example/vocab/decision-actor/UNGA";
    /// United Nations Environment Programme.
    pub const UNEP: &str = "https://cbdkg.example/vocab/decision-actor/UNEP";
    /// Executive Director of the United Nations Environment Programme.
    pub const EXECUTIVE_DIRECTOR: &str = "https://cbdkg.example/vocab/decision-actor/executive-director";
    /// Food and Agriculture Organization of the United Nations.
    pub const FAO: &str = "https://cbdkg.example/vocab/decision-actor/FAO";
    /// United Nations Educational, Scientific and Cultural Organization.
    pub const UNESCO: &str = "https://cbdkg.example/vocab/decision-actor/UNESCO";
    /// United Nations Development Programme.
    pub const UNDP: &str = "https://cbdkg.example/vocab/decision-actor/UNDP";
    /// World Trade Organization.
    pub const WTO: &str = "https://cbdkg.example/vocab/decision-actor/WTO";
    /// World Intellectual Property Organization.
    pub const WIPO: &str = "https://cbdkg.example/vocab/decision-actor/WIPO";
    /// Convention on International Trade in Endangered Species of Wild Fauna and Flora (CITES).
    pub const CITES: &str = "https://cbdkg.example/vocab/decision-actor/CITES";
    /// Convention on the Conservation of Migratory Species of Wild Animals.
    pub const CMS: &str = "https://cbdkg.example/vocab/decision-actor/CMS";
    /// The International Treaty on Plant Genetic Resources for Food and Agriculture.
    pub const ITPGRFA: &str = "https://cbdkg.example/vocab/decision-actor/ITPGRFA";
    /// Convention on Wetlands.
    pub const RAMSAR: &str = "https://cbdkg.example/vocab/decision-actor/RAMSAR";
    /// World Heritage Convention.
    pub const WHC: &str = "https://cbdkg.example/vocab/decision-actor/WHC";
    /// International Plant Protection Convention.
    pub const IPPC: &str = "https://cbdkg.example/vocab/decision-actor/IPPC";
    /// Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services (IPBES).
    pub const IPBES: &str = "https://cbdkg.example/vocab/decision-actor/IPBES";
    /// World Health Organization (WHO).
    pub const WHO: &str = "https://cbdkg.example/vocab/decision-actor/WHO";
    /// International Union for Conservation of Nature.
    pub const IUCN: &str = "https://cbdkg.example/vocab/decision-actor/IUCN";
    /// Intergovernmental Panel on Climate Change.
    pub const IPCC: &str = "https://cbdkg.example/vocab/decision-actor/IPCC";
    /// Relevant organizations.
    pub const ORGANIZATIONS: &str = "https://cbdkg.example/vocab/decision-actor/organizations";
    /// Regional economic integration organizations.
    pub const ECONOMIC_ORGANIZATIONS: &str = "https://cbdkg.example/vocab/decision-actor/economic-organizations";
    /// International organizations.
    pub const INT_ORGANIZATIONS: &str = "https://cbdkg.example/vocab/decision-actor/int-organizations";
    /// Intergovernmental organizations.
    pub const INTER_GOV_ORGANIZATIONS: &str = "https://cbdkg.example/vocab/decision-actor/inter-gov-organizations";
    /// Private sector.
    pub const PRIVATE_SECTOR: &str = "https://cbdkg.example/vocab/decision-actor/private-sector";
    /// Donors.
    pub const DONORS: &str = "https://cbdkg.example/vocab/decision-actor/donors";
    /// Businesses.
    pub const BUSINESSES: &str = "https://cbdkg.example/vocab/decision-actor/businesses";
    /// Stakeholder(s).
    pub const STAKEHOLDERS: &str = "https://cbdkg.example/vocab/decision-actor/stakeholders";
    /// Youth.
    pub const YOUTH: &str = "https://cbdkg.example/vocab/decision-actor/youth";
    /// Women.
    pub const WOMEN: &str = "https://cbdkg.example/vocab/decision-actor/women";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[
        PARTIES,
        GOVERNMENTS,
        OTHER_GOVERNMENTS,
        EXECUTIVE_SECRETARY,
        SBSTTA,
        SBI,
        WGRI,
        WG8J,
        WGABS,
        CP_MOP,
        NP_MOP,
        GEF,
        IPLC,
        UNGA,
        UNEP,
        EXECUTIVE_DIRECTOR,
        FAO,
        UNESCO,
        UNDP,
        WTO,
        WIPO,
        CITES,
        CMS,
        ITPGRFA,
        RAMSAR,
        WHC,
        IPPC,
        IPBES,
        WHO,
        IUCN,
        IPCC,
        ORGANIZATIONS,
        ECONOMIC_ORGANIZATIONS,
        INT_ORGANIZATIONS,
        INTER_GOV_ORGANIZATIONS,
        PRIVATE_SECTOR,
        DONORS,
        BUSINESSES,
        STAKEHOLDERS,
        YOUTH,
        WOMEN,
    ];
}

/// Decision statuses of the CBD decision tracking (statuses.js of www.cbd.int, MIT; see decision-tracking.ttl).
pub mod decision_status {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/decision-status";
    /// Active.
    pub const ACTIVE: &str = "https://cbdkg.example/vocab/decision-status/active";
    /// Implemented.
    pub const IMPLEMENTED: &str = "https://cbdkg.example/vocab/decision-status/implemented";
    /// Elapsed.
    pub const ELAPSED: &str = "https://cbdkg.example/vocab/decision-status/elapsed";
    /// Superseded.
    pub const SUPERSEDED: &str = "https://cbdkg.example/vocab/decision-status/superseded";
    /// Retired.
    pub const RETIRED: &str = "https://cbdkg.example/vocab/decision-status/retired";
    /// Inactive.
    pub const INACTIVE: &str = "https://cbdkg.example/vocab/decision-status/inactive";
    /// Require Funding.
    pub const REQUIRE_FUNDING: &str = "https://cbdkg.example/vocab/decision-status/require-funding";
    /// Stagnant.
    pub const STAGNANT: &str = "https://cbdkg.example/vocab/decision-status/stagnant";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[ACTIVE, IMPLEMENTED, ELAPSED, SUPERSEDED, RETIRED, INACTIVE, REQUIRE_FUNDING, STAGNANT];
}

/// Decision types of the CBD decision tracking (types.js of www.cbd.int, MIT; see decision-tracking.ttl).
pub mod decision_type {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/decision-type";
    /// Operational.
    pub const OPERATIONAL: &str = "https://cbdkg.example/vocab/decision-type/operational";
    /// Informational.
    pub const INFORMATIONAL: &str = "https://cbdkg.example/vocab/decision-type/informational";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[OPERATIONAL, INFORMATIONAL];
}

/// Decision sections of the CBD decision tracking (sections.js of www.cbd.int, MIT; see decision-tracking.ttl).
pub mod decision_section {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/decision-section";
    /// Section A.
    pub const A: &str = "https://cbdkg.example/vocab/decision-section/A";
    /// Section B.
    pub const B: &str = "https://cbdkg.example/vocab/decision-section/B";
    /// Section C.
    pub const C: &str = "https://cbdkg.example/vocab/decision-section/C";
    /// Section D.
    pub const D: &str = "https://cbdkg.example/vocab/decision-section/D";
    /// Section E.
    pub const E: &str = "https://cbdkg.example/vocab/decision-section/E";
    /// Section F.
    pub const F: &str = "https://cbdkg.example/vocab/decision-section/F";
    /// Section G.
    pub const G: &str = "https://cbdkg.example/vocab/decision-section/G";
    /// Section H.
    pub const H: &str = "https://cbdkg.example/vocab/decision-section/H";
    /// Section I.
    pub const I: &str = "https://cbdkg.example/vocab/decision-section/I";
    /// Section J.
    pub const J: &str = "https://cbdkg.example/vocab/decision-section/J";
    /// Section K.
    pub const K: &str = "https://cbdkg.example/vocab/decision-section/K";
    /// Section L.
    pub const L: &str = "https://cbdkg.example/vocab/decision-section/L";
    /// Section M.
    pub const M: &str = "https://cbdkg.example/vocab/decision-section/M";
    /// Section N.
    pub const N: &str = "https://cbdkg.example/vocab/decision-section/N";
    /// Section O.
    pub const O: &str = "https://cbdkg.example/vocab/decision-section/O";
    /// Section P.
    pub const P: &str = "https://cbdkg.example/vocab/decision-section/P";
    /// Section Q.
    pub const Q: &str = "https://cbdkg.example/vocab/decision-section/Q";
    /// Section R.
    pub const R: &str = "https://cbdkg.example/vocab/decision-section/R";
    /// Section S.
    pub const S: &str = "https://cbdkg.example/vocab/decision-section/S";
    /// Section T.
    pub const T: &str = "https://cbdkg.example/vocab/decision-section/T";
    /// Section U.
    pub const U: &str = "https://cbdkg.example/vocab/decision-section/U";
    /// Section V.
    pub const V: &str = "https://cbdkg.example/vocab/decision-section/V";
    /// Section W.
    pub const W: &str = "https://cbdkg.example/vocab/decision-section/W";
    /// Section X.
    pub const X: &str = "https://cbdkg.example/vocab/decision-section/X";
    /// Section Y.
    pub const Y: &str = "https://cbdkg.example/vocab/decision-section/Y";
    /// Section Z.
    pub const Z: &str = "https://cbdkg.example/vocab/decision-section/Z";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z];
}
