//! The cbdkg SKOS concept schemes (`https://cbdkg.example/vocab/{scheme}/{code}`).
//!
//! `body`, `doctype`, `actor_type`, `pledge_form` and `pledge_stage` are ours; the others are
//! generated from public CBD data (see each Turtle file's header for source and licence), with
//! codes kept as in the source where it has them: decision tracking (`decision_*`), Aichi
//! targets and goals, CBD subjects, Action Agenda categories, BCH record types and focal point
//! categories. The GBF goals and targets keep the KMGBF ontology's IRIs: see [`crate::gbf`].

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
    /// A record of a clearing-house (its kind: `cbdkg:recordType`).
    pub const CLEARING_HOUSE_RECORD: &str = "https://cbdkg.example/vocab/doctype/clearing-house-record";
    /// A commitment to the Action Agenda for Nature and People.
    pub const PLEDGE: &str = "https://cbdkg.example/vocab/doctype/pledge";
    /// Every concept of the scheme.
    pub const ALL: &[&str] = &[
        DECISION,
        RECOMMENDATION,
        NOTE,
        INFORMATION_DOCUMENT,
        REPORT,
        DISCUSSION_GUIDE,
        CLEARING_HOUSE_RECORD,
        PLEDGE,
    ];
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
/// The five strategic goals of the Strategic Plan for Biodiversity 2011-2020 (www.cbd.int, MIT; see aichi.ttl).
pub mod aichi_goal {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/aichi-goal";
    /// Strategic Goal A: Address the underlying causes of biodiversity loss by mainstreaming biodiversity across government and society.
    pub const A: &str = "https://cbdkg.example/vocab/aichi-goal/A";
    /// Strategic Goal B: Reduce the direct pressures on biodiversity and promote sustainable use.
    pub const B: &str = "https://cbdkg.example/vocab/aichi-goal/B";
    /// Strategic Goal C: To improve the status of biodiversity by safeguarding ecosystems, species and genetic diversity.
    pub const C: &str = "https://cbdkg.example/vocab/aichi-goal/C";
    /// Strategic Goal D: Enhance the benefits to all from biodiversity and ecosystem services.
    pub const D: &str = "https://cbdkg.example/vocab/aichi-goal/D";
    /// Strategic Goal E: Enhance implementation through participatory planning, knowledge management and capacity building.
    pub const E: &str = "https://cbdkg.example/vocab/aichi-goal/E";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[A, B, C, D, E];
}

/// The twenty Aichi Biodiversity Targets (www.cbd.int and bioland-head, MIT; see aichi.ttl).
pub mod aichi_target {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/aichi-target";
    /// Awareness increased (strategic goal A).
    pub const TARGET_1: &str = "https://cbdkg.example/vocab/aichi-target/1";
    /// Biodiversity values integrated (strategic goal A).
    pub const TARGET_2: &str = "https://cbdkg.example/vocab/aichi-target/2";
    /// Incentives reformed (strategic goal A).
    pub const TARGET_3: &str = "https://cbdkg.example/vocab/aichi-target/3";
    /// Sustainable production and consumption (strategic goal A).
    pub const TARGET_4: &str = "https://cbdkg.example/vocab/aichi-target/4";
    /// Habitat loss halved or reduced (strategic goal B).
    pub const TARGET_5: &str = "https://cbdkg.example/vocab/aichi-target/5";
    /// Sustainable management of marine living resources (strategic goal B).
    pub const TARGET_6: &str = "https://cbdkg.example/vocab/aichi-target/6";
    /// Sustainable agriculture, aquaculture and forestry (strategic goal B).
    pub const TARGET_7: &str = "https://cbdkg.example/vocab/aichi-target/7";
    /// Pollution reduced (strategic goal B).
    pub const TARGET_8: &str = "https://cbdkg.example/vocab/aichi-target/8";
    /// Invasive alien species prevented and controlled (strategic goal B).
    pub const TARGET_9: &str = "https://cbdkg.example/vocab/aichi-target/9";
    /// Pressures on vulnerable ecosystems reduced (strategic goal B).
    pub const TARGET_10: &str = "https://cbdkg.example/vocab/aichi-target/10";
    /// Protected areas increased and improved (strategic goal C).
    pub const TARGET_11: &str = "https://cbdkg.example/vocab/aichi-target/11";
    /// Extinction prevented (strategic goal C).
    pub const TARGET_12: &str = "https://cbdkg.example/vocab/aichi-target/12";
    /// Genetic diversity maintained (strategic goal C).
    pub const TARGET_13: &str = "https://cbdkg.example/vocab/aichi-target/13";
    /// Ecosystems and essential services safeguarded (strategic goal D).
    pub const TARGET_14: &str = "https://cbdkg.example/vocab/aichi-target/14";
    /// Ecosystems restored and resilience enhanced (strategic goal D).
    pub const TARGET_15: &str = "https://cbdkg.example/vocab/aichi-target/15";
    /// Nagoya Protocol in force and operational (strategic goal D).
    pub const TARGET_16: &str = "https://cbdkg.example/vocab/aichi-target/16";
    /// NBSAPs adopted as policy instrument (strategic goal E).
    pub const TARGET_17: &str = "https://cbdkg.example/vocab/aichi-target/17";
    /// Traditional knowledge respected and integrated (strategic goal E).
    pub const TARGET_18: &str = "https://cbdkg.example/vocab/aichi-target/18";
    /// Knowledge improved, shared and applied (strategic goal E).
    pub const TARGET_19: &str = "https://cbdkg.example/vocab/aichi-target/19";
    /// Financial resources from all sources increased (strategic goal E).
    pub const TARGET_20: &str = "https://cbdkg.example/vocab/aichi-target/20";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[
        TARGET_1, TARGET_2, TARGET_3, TARGET_4, TARGET_5, TARGET_6, TARGET_7, TARGET_8, TARGET_9, TARGET_10, TARGET_11,
        TARGET_12, TARGET_13, TARGET_14, TARGET_15, TARGET_16, TARGET_17, TARGET_18, TARGET_19, TARGET_20,
    ];
}

/// CBD subjects of the CBD thesaurus (bioland-head, MIT; see cbd-subjects.ttl).
pub mod cbd_subject {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/cbd-subject";
    /// Biomes.
    pub const BIOMES: &str = "https://cbdkg.example/vocab/cbd-subject/BIOMES";
    /// Agricultural Biodiversity.
    pub const AGR: &str = "https://cbdkg.example/vocab/cbd-subject/AGR";
    /// Dry and Sub-Humid Lands.
    pub const DSHL: &str = "https://cbdkg.example/vocab/cbd-subject/DSHL";
    /// Forest Biodiversity.
    pub const FOR: &str = "https://cbdkg.example/vocab/cbd-subject/FOR";
    /// Inland Waters Biodiversity.
    pub const WTR: &str = "https://cbdkg.example/vocab/cbd-subject/WTR";
    /// Island Biodiversity.
    pub const ISL: &str = "https://cbdkg.example/vocab/cbd-subject/ISL";
    /// Marine and Coastal Biodiversity.
    pub const MAR: &str = "https://cbdkg.example/vocab/cbd-subject/MAR";
    /// Mountain Biodiversity.
    pub const MNT: &str = "https://cbdkg.example/vocab/cbd-subject/MNT";
    /// Polar Biodiversity.
    pub const PLR: &str = "https://cbdkg.example/vocab/cbd-subject/PLR";
    /// Legal and Institutional Structure.
    pub const LEGAL_STRUCT: &str = "https://cbdkg.example/vocab/cbd-subject/LEGAL-STRUCT";
    /// Secretariat of the Convention on Biological Diversity.
    pub const CBD: &str = "https://cbdkg.example/vocab/cbd-subject/CBD";
    /// Conference of the Parties.
    pub const COP: &str = "https://cbdkg.example/vocab/cbd-subject/COP";
    /// Subsidiary Body on Scientific, Technical and Technological Advice (SBSTTA).
    pub const SBSTTA: &str = "https://cbdkg.example/vocab/cbd-subject/SBSTTA";
    /// Cartagena Protocol on Biosafety.
    pub const CPB: &str = "https://cbdkg.example/vocab/cbd-subject/CPB";
    /// Nagoya Protocol on Access and Benefit-sharing.
    pub const NPABS: &str = "https://cbdkg.example/vocab/cbd-subject/NPABS";
    /// Strategy and Planning.
    pub const STRATEGY_PLAN: &str = "https://cbdkg.example/vocab/cbd-subject/STRATEGY-PLAN";
    /// Strategic Plan 2011-2020.
    pub const STRAT: &str = "https://cbdkg.example/vocab/cbd-subject/STRAT";
    /// National Biodiversity Strategies and Action Plans (NBSAPs).
    pub const NBSAP: &str = "https://cbdkg.example/vocab/cbd-subject/NBSAP";
    /// 2010 Biodiversity Target.
    pub const TARGET: &str = "https://cbdkg.example/vocab/cbd-subject/TARGET";
    /// Implementation, Monitoring and Reporting.
    pub const IMPL_MON_REPORT: &str = "https://cbdkg.example/vocab/cbd-subject/IMPL-MON-REPORT";
    /// National Reports.
    pub const NR: &str = "https://cbdkg.example/vocab/cbd-subject/NR";
    /// Indicators.
    pub const IND: &str = "https://cbdkg.example/vocab/cbd-subject/IND";
    /// Global Biodiversity Outlook (GBO).
    pub const GBO: &str = "https://cbdkg.example/vocab/cbd-subject/GBO";
    /// Partnerships and initiatives to enhance cooperation.
    pub const PART_INIT_COOP: &str = "https://cbdkg.example/vocab/cbd-subject/PART-INIT-COOP";
    /// Aichi targets Task Force.
    pub const AICHI_TF: &str = "https://cbdkg.example/vocab/cbd-subject/AICHI-TF";
    /// Biodiversity Indicators Partnership.
    pub const IND_P: &str = "https://cbdkg.example/vocab/cbd-subject/IND-P";
    /// Biodiversity Liaison Group.
    pub const LIAISON_GROUP: &str = "https://cbdkg.example/vocab/cbd-subject/LIAISON-GROUP";
    /// Business.
    pub const BIZ: &str = "https://cbdkg.example/vocab/cbd-subject/BIZ";
    /// Capacity-building.
    pub const NAP_CB: &str = "https://cbdkg.example/vocab/cbd-subject/NAP-CB";
    /// Cities and Sub national Authorities.
    pub const CITY: &str = "https://cbdkg.example/vocab/cbd-subject/CITY";
    /// Clearing-House Mechanisms.
    pub const CHM: &str = "https://cbdkg.example/vocab/cbd-subject/CHM";
    /// Scientific and Technical Cooperation.
    pub const STC: &str = "https://cbdkg.example/vocab/cbd-subject/STC";
    /// Financial Mechanism and Resources Mobilization.
    pub const FIN: &str = "https://cbdkg.example/vocab/cbd-subject/FIN";
    /// Global Taxonomy Initiative.
    pub const GTI: &str = "https://cbdkg.example/vocab/cbd-subject/GTI";
    /// Impact Assessment.
    pub const IMPA: &str = "https://cbdkg.example/vocab/cbd-subject/IMPA";
    /// Indigenous peoples and local communities.
    pub const ILC: &str = "https://cbdkg.example/vocab/cbd-subject/ILC";
    /// Joint Liaison Group.
    pub const JLG: &str = "https://cbdkg.example/vocab/cbd-subject/JLG";
    /// Memorandum of Cooperation.
    pub const COOP: &str = "https://cbdkg.example/vocab/cbd-subject/COOP";
    /// Cross-cutting Issues.
    pub const CROSS_CUTTING: &str = "https://cbdkg.example/vocab/cbd-subject/CROSS-CUTTING";
    /// Access to Genetic Resources and Benefit-sharing.
    pub const ABS: &str = "https://cbdkg.example/vocab/cbd-subject/ABS";
    /// Biodiversity for Development.
    pub const DEV: &str = "https://cbdkg.example/vocab/cbd-subject/DEV";
    /// Chemicals and pollution.
    pub const CHPO: &str = "https://cbdkg.example/vocab/cbd-subject/CHPO";
    /// Climate Change and Biodiversity.
    pub const CC: &str = "https://cbdkg.example/vocab/cbd-subject/CC";
    /// Economics, Trade and Incentive Measures.
    pub const ETI: &str = "https://cbdkg.example/vocab/cbd-subject/ETI";
    /// Ecosystem Approach and Restoration.
    pub const ECOA_ECORES: &str = "https://cbdkg.example/vocab/cbd-subject/ECOA+ECORES";
    /// Ex-Situ Conservation.
    pub const EXS: &str = "https://cbdkg.example/vocab/cbd-subject/EXS";
    /// Gender and Biodiversity.
    pub const GEND: &str = "https://cbdkg.example/vocab/cbd-subject/GEND";
    /// Handling of Biotechnology.
    pub const CPB_HTPI: &str = "https://cbdkg.example/vocab/cbd-subject/CPB-HTPI";
    /// Health and Biodiversity.
    pub const HH: &str = "https://cbdkg.example/vocab/cbd-subject/HH";
    /// Protected Areas.
    pub const PA: &str = "https://cbdkg.example/vocab/cbd-subject/PA";
    /// Intellectual Property Rights.
    pub const IPR: &str = "https://cbdkg.example/vocab/cbd-subject/IPR";
    /// Invasive Alien Species.
    pub const IAS: &str = "https://cbdkg.example/vocab/cbd-subject/IAS";
    /// Traditional Knowledge, Innovations and Practices.
    pub const TKIP: &str = "https://cbdkg.example/vocab/cbd-subject/TKIP";
    /// Taxonomy.
    pub const TAXONOMY: &str = "https://cbdkg.example/vocab/cbd-subject/TAXONOMY";
    /// Tourism.
    pub const TOUR: &str = "https://cbdkg.example/vocab/cbd-subject/TOUR";
    /// Outreach and Education.
    pub const OUT_CEPA: &str = "https://cbdkg.example/vocab/cbd-subject/OUT+CEPA";
    /// International Day for Biodiversity.
    pub const IBD: &str = "https://cbdkg.example/vocab/cbd-subject/IBD";
    /// International Year of Biodiversity.
    pub const IYB: &str = "https://cbdkg.example/vocab/cbd-subject/IYB";
    /// United Nations Decade on Biodiversity.
    pub const UNDB: &str = "https://cbdkg.example/vocab/cbd-subject/UNDB";
    /// Youth.
    pub const YOUTH: &str = "https://cbdkg.example/vocab/cbd-subject/YOUTH";
    /// Ecosystem Approach.
    pub const ECOA: &str = "https://cbdkg.example/vocab/cbd-subject/ECOA";
    /// Global Strategy for Plant Conservation.
    pub const GSPC: &str = "https://cbdkg.example/vocab/cbd-subject/GSPC";
    /// Genetic Use Restriction Technologies.
    pub const GURT: &str = "https://cbdkg.example/vocab/cbd-subject/GURT";
    /// Liability and Redress.
    pub const LR: &str = "https://cbdkg.example/vocab/cbd-subject/LR";
    /// Sustainable Use of Biodiversity.
    pub const SUSE: &str = "https://cbdkg.example/vocab/cbd-subject/SUSE";
    /// Transfer of Technology and Cooperation.
    pub const TTC: &str = "https://cbdkg.example/vocab/cbd-subject/TTC";
    /// Implementation of the Convention on Biological Diversity.
    pub const ICBD: &str = "https://cbdkg.example/vocab/cbd-subject/ICBD";
    /// Subsidiary Body on Implementation (SBI).
    pub const SBI: &str = "https://cbdkg.example/vocab/cbd-subject/SBI";
    /// Biosafety and Biotechnology.
    pub const BTB: &str = "https://cbdkg.example/vocab/cbd-subject/BTB";
    /// Sustainable Development / Millenium Development Goals.
    pub const SDEV: &str = "https://cbdkg.example/vocab/cbd-subject/SDEV";
    /// Ecosystem Restoration.
    pub const ECORES: &str = "https://cbdkg.example/vocab/cbd-subject/ECORES";
    /// Endangered Species.
    pub const ENDS: &str = "https://cbdkg.example/vocab/cbd-subject/ENDS";
    /// Exchange of Information.
    pub const XCH: &str = "https://cbdkg.example/vocab/cbd-subject/XCH";
    /// South-South Cooperation.
    pub const SSC: &str = "https://cbdkg.example/vocab/cbd-subject/SSC";
    /// New & Emerging Issues.
    pub const NEW: &str = "https://cbdkg.example/vocab/cbd-subject/NEW";
    /// In-Situ Conservation.
    pub const INS: &str = "https://cbdkg.example/vocab/cbd-subject/INS";
    /// Communication, Education and Public Awareness.
    pub const COMM: &str = "https://cbdkg.example/vocab/cbd-subject/COMM";
    /// Aichi Biodiversity Targets.
    pub const AICHI: &str = "https://cbdkg.example/vocab/cbd-subject/AICHI";
    /// 25th Anniversary.
    pub const ANNIVERSARY_25TH: &str = "https://cbdkg.example/vocab/cbd-subject/25TH-ANN";
    /// Post 2020 Framework.
    pub const POST2020: &str = "https://cbdkg.example/vocab/cbd-subject/POST2020";
    /// Digital Strategy.
    pub const DIGISTRAT: &str = "https://cbdkg.example/vocab/cbd-subject/DIGISTRAT";
    /// Knowledge Management.
    pub const KM: &str = "https://cbdkg.example/vocab/cbd-subject/KM";
    /// Kunming-Montreal Global Biodiversity Framework.
    pub const KMGBF: &str = "https://cbdkg.example/vocab/cbd-subject/KMGBF";
    /// Digital Sequence Information on Genetic Resources.
    pub const DSI: &str = "https://cbdkg.example/vocab/cbd-subject/DSI";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[
        BIOMES,
        AGR,
        DSHL,
        FOR,
        WTR,
        ISL,
        MAR,
        MNT,
        PLR,
        LEGAL_STRUCT,
        CBD,
        COP,
        SBSTTA,
        CPB,
        NPABS,
        STRATEGY_PLAN,
        STRAT,
        NBSAP,
        TARGET,
        IMPL_MON_REPORT,
        NR,
        IND,
        GBO,
        PART_INIT_COOP,
        AICHI_TF,
        IND_P,
        LIAISON_GROUP,
        BIZ,
        NAP_CB,
        CITY,
        CHM,
        STC,
        FIN,
        GTI,
        IMPA,
        ILC,
        JLG,
        COOP,
        CROSS_CUTTING,
        ABS,
        DEV,
        CHPO,
        CC,
        ETI,
        ECOA_ECORES,
        EXS,
        GEND,
        CPB_HTPI,
        HH,
        PA,
        IPR,
        IAS,
        TKIP,
        TAXONOMY,
        TOUR,
        OUT_CEPA,
        IBD,
        IYB,
        UNDB,
        YOUTH,
        ECOA,
        GSPC,
        GURT,
        LR,
        SUSE,
        TTC,
        ICBD,
        SBI,
        BTB,
        SDEV,
        ECORES,
        ENDS,
        XCH,
        SSC,
        NEW,
        INS,
        COMM,
        AICHI,
        ANNIVERSARY_25TH,
        POST2020,
        DIGISTRAT,
        KM,
        KMGBF,
        DSI,
    ];
}

/// Action categories of the Action Agenda for Nature and People (action-agenda-components, MIT; see action-agenda.ttl).
pub mod action_category {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/action-category";
    /// Food systems and health.
    pub const FOOD_HEALTH: &str = "https://cbdkg.example/vocab/action-category/food-health";
    /// Freshwater, coastal and ocean ecosystems.
    pub const FRESHWATER_COASTAL_OCEAN: &str = "https://cbdkg.example/vocab/action-category/freshwater-coastal-ocean";
    /// Conservation and restoration of land ecosystems.
    pub const LAND_ECOSYSTEMS: &str = "https://cbdkg.example/vocab/action-category/land-ecosystems";
    /// Climate change mitigation and adaptation.
    pub const CLIMATE: &str = "https://cbdkg.example/vocab/action-category/climate";
    /// Conservation and sustainable use of species.
    pub const SPECIES: &str = "https://cbdkg.example/vocab/action-category/species";
    /// Sustainable consumption and production.
    pub const CONSUMPTION_PRODUCTION: &str = "https://cbdkg.example/vocab/action-category/consumption-production";
    /// Stewardship.
    pub const STEWARDSHIP: &str = "https://cbdkg.example/vocab/action-category/stewardship";
    /// Urban sustainability.
    pub const URBAN: &str = "https://cbdkg.example/vocab/action-category/urban";
    /// Green finance.
    pub const GREEN_FINANCE: &str = "https://cbdkg.example/vocab/action-category/green-finance";
    /// Access and benefit-sharing.
    pub const ABS: &str = "https://cbdkg.example/vocab/action-category/abs";
    /// Biosafety.
    pub const BIOSAFETY: &str = "https://cbdkg.example/vocab/action-category/biosafety";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[
        FOOD_HEALTH,
        FRESHWATER_COASTAL_OCEAN,
        LAND_ECOSYSTEMS,
        CLIMATE,
        SPECIES,
        CONSUMPTION_PRODUCTION,
        STEWARDSHIP,
        URBAN,
        GREEN_FINANCE,
        ABS,
        BIOSAFETY,
    ];
}

/// Types of actors making Action Agenda commitments (ours; see action-agenda.ttl).
pub mod actor_type {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/actor-type";
    /// A person committing on their own behalf.
    pub const INDIVIDUAL: &str = "https://cbdkg.example/vocab/actor-type/individual";
    /// A non-governmental organization, network, community group or academic institution.
    pub const ORGANIZATION: &str = "https://cbdkg.example/vocab/actor-type/organization";
    /// A company or other business.
    pub const BUSINESS: &str = "https://cbdkg.example/vocab/actor-type/business";
    /// A city, municipality, province or other local or sub-national government.
    pub const LOCAL_GOVERNMENT: &str = "https://cbdkg.example/vocab/actor-type/local-government";
    /// A national ministry, agency or other public body.
    pub const PUBLIC_BODY: &str = "https://cbdkg.example/vocab/actor-type/public-body";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[INDIVIDUAL, ORGANIZATION, BUSINESS, LOCAL_GOVERNMENT, PUBLIC_BODY];
}

/// The four pledge forms of the Action Agenda (ours, with the forms' own titles; see action-agenda.ttl).
pub mod pledge_form {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/pledge-form";
    /// The form for individuals.
    pub const INDIVIDUAL: &str = "https://cbdkg.example/vocab/pledge-form/individual";
    /// The form for organizations other than businesses and public bodies.
    pub const ORGANIZATION: &str = "https://cbdkg.example/vocab/pledge-form/organization";
    /// The form for local and sub-national governments and other public bodies.
    pub const PUBLIC: &str = "https://cbdkg.example/vocab/pledge-form/public";
    /// The form for businesses.
    pub const BUSINESS: &str = "https://cbdkg.example/vocab/pledge-form/business";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[INDIVIDUAL, ORGANIZATION, PUBLIC, BUSINESS];
}

/// Stages of an Action Agenda commitment (ours; see action-agenda.ttl).
pub mod pledge_stage {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/pledge-stage";
    /// The action is being planned.
    pub const PLANNING: &str = "https://cbdkg.example/vocab/pledge-stage/planning";
    /// The action is being developed (designed, funded, staffed).
    pub const DEVELOPMENT: &str = "https://cbdkg.example/vocab/pledge-stage/development";
    /// The action is being carried out.
    pub const IMPLEMENTATION: &str = "https://cbdkg.example/vocab/pledge-stage/implementation";
    /// The action's results are being evaluated.
    pub const EVALUATION: &str = "https://cbdkg.example/vocab/pledge-stage/evaluation";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[PLANNING, DEVELOPMENT, IMPLEMENTATION, EVALUATION];
}

/// Record types of the Biosafety Clearing-House (absch.cbd.int realm configuration, MIT; see bch.ttl).
pub mod bch_record_type {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/bch-record-type";
    /// National Focal Points (NFP, national).
    pub const FOCAL_POINT: &str = "https://cbdkg.example/vocab/bch-record-type/focalPoint";
    /// Competent National Authority (CNA, national).
    pub const AUTHORITY: &str = "https://cbdkg.example/vocab/bch-record-type/authority";
    /// Supplementary Protocol Competent Authority (SPCA, national).
    pub const SUPPLEMENTARY_AUTHORITY: &str = "https://cbdkg.example/vocab/bch-record-type/supplementaryAuthority";
    /// Biosafety Law, Regulation, Guidelines and Agreements (LAW, national).
    pub const BIOSAFETY_LAW: &str = "https://cbdkg.example/vocab/bch-record-type/biosafetyLaw";
    /// Country's Decision or any other Communication (DEC, national).
    pub const BIOSAFETY_DECISION: &str = "https://cbdkg.example/vocab/bch-record-type/biosafetyDecision";
    /// Risk Assessment generated by a regulatory process (RA, national).
    pub const NATIONAL_RISK_ASSESSMENT: &str = "https://cbdkg.example/vocab/bch-record-type/nationalRiskAssessment";
    /// National Biosafety Website or Database (NDB, national).
    pub const DATABASE: &str = "https://cbdkg.example/vocab/bch-record-type/database";
    /// Fifth National Report on the Implementation of the Cartagena Protocol on Biosafety (NR5, national).
    pub const CPB_NATIONAL_REPORT5: &str = "https://cbdkg.example/vocab/bch-record-type/cpbNationalReport5";
    /// Fourth National Report on the Implementation of the Cartagena Protocol on Biosafety (NR4, national).
    pub const CPB_NATIONAL_REPORT4: &str = "https://cbdkg.example/vocab/bch-record-type/cpbNationalReport4";
    /// Third National Report on the Implementation of the Cartagena Protocol on Biosafety (NR3, national).
    pub const CPB_NATIONAL_REPORT3: &str = "https://cbdkg.example/vocab/bch-record-type/cpbNationalReport3";
    /// Second National Report on the Implementation of the Cartagena Protocol on Biosafety (NR2, national).
    pub const CPB_NATIONAL_REPORT2: &str = "https://cbdkg.example/vocab/bch-record-type/cpbNationalReport2";
    /// First National Report on the Implementation of the Cartagena Protocol on Biosafety (NR1, national).
    pub const CPB_NATIONAL_REPORT1: &str = "https://cbdkg.example/vocab/bch-record-type/cpbNationalReport1";
    /// Interim National Report on the Implementation of the Cartagena Protocol on Biosafety (NRI, national).
    pub const CPB_NATIONAL_REPORT_INTERIM: &str =
        "https://cbdkg.example/vocab/bch-record-type/cpbNationalReportInterim";
    /// Biosafety Expert (EXP, national).
    pub const BIOSAFETY_EXPERT: &str = "https://cbdkg.example/vocab/bch-record-type/biosafetyExpert";
    /// Country Profile for Biosafety Clearing-House (BCP, national).
    pub const COUNTRY_PROFILE: &str = "https://cbdkg.example/vocab/bch-record-type/countryProfile";
    /// Contact (CON, national).
    pub const CONTACT: &str = "https://cbdkg.example/vocab/bch-record-type/contact";
    /// Biosafety Virtual Library Resources (VLR, reference).
    pub const RESOURCE: &str = "https://cbdkg.example/vocab/bch-record-type/resource";
    /// Biosafety Organization (ORG, reference).
    pub const ORGANIZATION: &str = "https://cbdkg.example/vocab/bch-record-type/organization";
    /// Laboratory for detection and identification of LMOs (LAB, reference).
    pub const LABORATORY_DETECTION: &str = "https://cbdkg.example/vocab/bch-record-type/laboratoryDetection";
    /// Living Modified Organism (LMO, reference).
    pub const MODIFIED_ORGANISM: &str = "https://cbdkg.example/vocab/bch-record-type/modifiedOrganism";
    /// Genetic element (GENE, reference).
    pub const DNA_SEQUENCE: &str = "https://cbdkg.example/vocab/bch-record-type/dnaSequence";
    /// Organism (ORGA, reference).
    pub const ORGANISM: &str = "https://cbdkg.example/vocab/bch-record-type/organism";
    /// Risk Assessment generated by an independent or non-regulatory process (IRA, reference).
    pub const INDEPENDENT_RISK_ASSESSMENT: &str =
        "https://cbdkg.example/vocab/bch-record-type/independentRiskAssessment";
    /// Submissions (SUB, reference).
    pub const SUBMISSION: &str = "https://cbdkg.example/vocab/bch-record-type/submission";
    /// Capacity Development Initiative (CDI, reference).
    pub const CAPACITY_BUILDING_INITIATIVE: &str =
        "https://cbdkg.example/vocab/bch-record-type/capacityBuildingInitiative";
    /// BCH News (BCHN, reference).
    pub const BIOSAFETY_NEWS: &str = "https://cbdkg.example/vocab/bch-record-type/biosafetyNews";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[
        FOCAL_POINT,
        AUTHORITY,
        SUPPLEMENTARY_AUTHORITY,
        BIOSAFETY_LAW,
        BIOSAFETY_DECISION,
        NATIONAL_RISK_ASSESSMENT,
        DATABASE,
        CPB_NATIONAL_REPORT5,
        CPB_NATIONAL_REPORT4,
        CPB_NATIONAL_REPORT3,
        CPB_NATIONAL_REPORT2,
        CPB_NATIONAL_REPORT1,
        CPB_NATIONAL_REPORT_INTERIM,
        BIOSAFETY_EXPERT,
        COUNTRY_PROFILE,
        CONTACT,
        RESOURCE,
        ORGANIZATION,
        LABORATORY_DETECTION,
        MODIFIED_ORGANISM,
        DNA_SEQUENCE,
        ORGANISM,
        INDEPENDENT_RISK_ASSESSMENT,
        SUBMISSION,
        CAPACITY_BUILDING_INITIATIVE,
        BIOSAFETY_NEWS,
    ];
}

/// Categories of national focal points of the Cartagena Protocol (absch.cbd.int, MIT; see bch.ttl).
pub mod focal_point_category {
    /// The scheme.
    pub const SCHEME: &str = "https://cbdkg.example/vocab/focal-point-category";
    /// Cartagena Protocol on Biosafety National Focal Point.
    pub const CP_NFP: &str = "https://cbdkg.example/vocab/focal-point-category/cpNfp";
    /// Biosafety Clearing-House National Focal Point.
    pub const BCH_NFP: &str = "https://cbdkg.example/vocab/focal-point-category/bchNfp";
    /// Emergency Measures (Article 17) Contact Point.
    pub const EM_CP: &str = "https://cbdkg.example/vocab/focal-point-category/emCp";
    /// Every concept of the scheme, in source order.
    pub const ALL: &[&str] = &[CP_NFP, BCH_NFP, EM_CP];
}
