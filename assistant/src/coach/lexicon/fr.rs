//! French cues.

use super::{Check, Cue, LIST, NUM, YEAR, checked, cue};
use crate::coach::element::Element::*;

const MONTHS: &str = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";

/// Units and counted things a quantity is given in.
const UNITS: &str = r"ha|hectares?|km²|km2|km|kilomètres?|mètres?|m²|m2|m³|m3|t|tonnes?|kg|kilos?|kilogrammes?|grammes?|litres?|kwh|mwh|gwh|arbres?|arbustes?|plants|semis|espèces|agriculteurs?|agricultrices?|éleveurs|pêcheurs|personnes|participants|élèves|étudiants|enseignants|bénévoles|salariés|employés|ménages|familles|communes|villages|écoles|ruches|colonies|nids|ateliers|sessions|formations|événements|campagnes|sites|exploitations|fermes|parcelles|jardins|mares|haies|euros?|fournisseurs|produits|gardes|bateaux|prairies|récifs|coraux|mangroves";

/// Numbers in words, before a unit.
const NUMBER_WORDS: &str = r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|cent|mille|des\s+centaines\s+de|des\s+milliers\s+de";

/// Countries and large regions, as named in French.
const PLACES: &str = r"Afrique|Europe|Asie|Amérique\s+latine|Amazonie|Sahel|Méditerranée|Caraïbes|Algérie|Allemagne|Argentine|Belgique|Bénin|Bolivie|Brésil|Burkina\s+Faso|Burundi|Cameroun|Canada|Chili|Chine|Colombie|Comores|Congo|Côte\s+d'Ivoire|Djibouti|Égypte|Équateur|Espagne|Éthiopie|France|Gabon|Guinée|Haïti|Inde|Indonésie|Italie|Jordanie|Kenya|Liban|Madagascar|Mali|Maroc|Maurice|Mauritanie|Mexique|Niger|Nigéria|Pérou|Portugal|Québec|République\s+démocratique\s+du\s+Congo|Rwanda|Sénégal|Suisse|Tchad|Togo|Tunisie|Vietnam|Viet\s+Nam|Bretagne|Normandie|Provence|Occitanie|Corse|Guyane|Martinique|Guadeloupe|La\s+Réunion|Nouvelle-Calédonie|Wallonie|Bruxelles";

/// Sites a pledge acts in, after "dans nos …".
const SITES: &str = r"sites?|usines?|installations|bureaux|magasins|hôtels?|écoles?|campus|exploitations?|fermes?|vergers|parcelles|terres|terrains?|jardins?|parcs?|forêts?|bâtiments?|locaux|établissements?|restaurants?|territoires?|commune|ville|village|région|pays|domaines?|propriétés?|entrepôts?|carrières?|mines?|chaînes?\s+d'approvisionnement|cantines?|cuisines?|rayons|magasins";

/// The French cue table.
pub(super) fn cues() -> Vec<Cue> {
    vec![
        // Actor.
        cue(Actor, r"(?i)\b(?:nous|notre|nos|je|mon|ma|mes)\b|(?i:\bj')"),
        cue(
            Actor,
            r"(?i)\b(?:l'|la\s+|le\s+|les\s+)(?:entreprise|société|commune|ville|mairie|métropole|région|département|association|coopérative|fondation|ong|école|université|collectivité|groupe|ferme|exploitation|agglomération|communauté\s+de\s+communes|parc|syndicat|fédération|ministère|agence)\b(?:\s+(?:de\s+|du\s+|des\s+|d')?[\p{L}'-]+){0,4}?\s+(?:s'engage(?:nt)?|va|vont|\p{L}+(?:era|eront))\b",
        ),
        cue(Actor, r"(?i)\bs'engage(?:nt)?\s+à\b"),
        // Action.
        cue(
            Action,
            r"(?i)\b(?:restaur\p{L}*|plant(?:er|era|erons|eront|ons|é|ée|és|ées|ation|ations)|replant\p{L}*|reboise\p{L}*|boise\p{L}*|protég\p{L}*|protège\p{L}*|proteger|protection|conserv\p{L}*|préserv\p{L}*|rédui\p{L}*|réduis\p{L}*|réduct\p{L}*|diminu\p{L}*|divis(?:er|era|erons|é|ée)|supprim\p{L}*|élimin\p{L}*|arrêt(?:er|era|erons|ons)|remplac\p{L}*|convert\p{L}*|conversion|install\p{L}*|construi\p{L}*|créer|créera|créerons|créons|création|aménag\p{L}*|former|formera|formerons|formons|formation|nettoy\p{L}*|recycl\p{L}*|compost\p{L}*|mesur(?:er|era|erons|ons|é|ée|és|ées)|cartograph\p{L}*|réhabilit\p{L}*|régénér\p{L}*|gérer|gérera|gérerons|gérons|gestion|certifi\p{L}*|financ(?:er|era|erons|ons|ement)|invest\p{L}*|adopt\p{L}*|mettr\p{L}*\s+en\s+place|mise\s+en\s+place|lancer|lancera|lancerons|lançons|lancement|organis\p{L}*|distribu\p{L}*|collect\p{L}*|réintrodui\p{L}*|éradiqu\p{L}*|interdi\p{L}*|doubl(?:er|era|erons)|augment\p{L}*|sauvegard\p{L}*|clôtur\p{L}*|semer|sèmerons|semis|végétalis\p{L}*|renatur\p{L}*|désimperméabilis\p{L}*|surveill\p{L}*)",
        ),
        // Quantity.
        checked(Quantity, format!(r"(?i)(?P<num>{NUM})\s*(?:%|pour\s*cent\b)"), Check::NotYear),
        checked(
            Quantity,
            format!(
                r"(?i)\b(?P<num>{NUM})(?:\s*(?:mille|millions?|milliards?)\b)?(?P<gap>(?:\s+[\p{{L}}'-]+){{0,2}}?)\s*(?:{UNITS})\b"
            ),
            Check::NotYear,
        ),
        cue(Quantity, format!(r"(?i)\b(?:{NUMBER_WORDS})(?:\s+[\p{{L}}'-]+){{0,2}}?\s+(?:{UNITS})\b")),
        cue(Quantity, format!(r"(?:€|\$)\s*{NUM}")),
        cue(
            Quantity,
            r"(?i)\b(?:de\s+moitié|par\s+deux|diviser\s+par\s+\w+|zéro\s+[\p{L}'-]+|doubler|doublera|objectif\s+zéro)\b",
        ),
        cue(Quantity, r"(?i)\bindicateurs?\s*:"),
        cue(
            Quantity,
            r"(?i)\b(?:supprim|élimin|arrêt|retir|bannir|bannir)\p{L}*\s+(?:tous|toutes)\s+(?:les|nos|ses)\b",
        ),
        // Baseline.
        checked(
            Baseline,
            format!(
                r"(?i)\bde\s+(?P<from>{NUM})\s*(?:%|[\p{{L}}²³]+\b)?(?:\s+[\p{{L}}'²³]+){{0,3}}?(?:\s+en\s+{YEAR})?\s+(?:à|a)\s+(?P<to>{NUM})"
            ),
            Check::NotPeriod,
        ),
        cue(Baseline, r"(?i)\bpar\s+rapport\s+(?:à|au|aux)\b"),
        cue(
            Baseline,
            r"(?i)\b(?:niveau|année|valeur|situation|point|état)\s+de\s+(?:référence|départ)\b|\bréférence\s+(?:19|20)\d{2}\b",
        ),
        cue(Baseline, r"(?i)\b(?:en\s+)?comparaison\s+(?:avec|de|à)\b"),
        checked(
            Baseline,
            format!(r"(?i)\b(?:actuellement|aujourd'hui|à\s+ce\s+jour)\b[^.;!?]{{0,40}}?\b(?P<num>{NUM})"),
            Check::NotYear,
        ),
        checked(Baseline, format!(r"(?i)\bcontre\s+(?P<num>{NUM})"), Check::NotYear),
        // Deadline.
        cue(
            Deadline,
            format!(
                r"(?i)\bd'ici\s+(?:à\s+)?(?:la\s+fin\s+(?:de\s+|d')?)?(?:l'an(?:née)?\s+)?(?:(?:{MONTHS})\s+)?{YEAR}\b"
            ),
        ),
        cue(
            Deadline,
            format!(
                r"(?i)\b(?:avant|jusqu'en|jusqu'à|à\s+l'horizon|horizon|au\s+plus\s+tard\s+en|fin)\s+(?:la\s+fin\s+(?:de\s+)?)?(?:(?:{MONTHS})\s+)?{YEAR}\b"
            ),
        ),
        cue(Deadline, format!(r"(?i)\b(?:entre|de)\s+{YEAR}\s+(?:et|à)\s+{YEAR}\b")),
        cue(
            Deadline,
            r"(?i)\b(?:d'ici|dans|en|sous|durant|pendant)\s+(?:les\s+)?(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze)\s+(?:prochaines?\s+)?(?:ans|années|mois|semaines|saisons)\b",
        ),
        cue(
            Deadline,
            r"(?i)\b(?:d'ici|avant)\s+(?:la\s+fin\s+de\s+l'année|l'an\s+prochain|la\s+fin\s+du\s+mandat|la\s+prochaine\s+saison|la\s+rentrée)\b|\b(?:au\s+cours\s+de|pendant|durant)\s+l'année\s+(?:prochaine|scolaire)\b",
        ),
        cue(Deadline, format!(r"\b{YEAR}\s*[-–]\s*(?:19|20)?\d{{2}}\b")),
        cue(Deadline, r"(?i)\b(?:échéance|date\s+butoir|date\s+limite|calendrier)\b"),
        // Place.
        cue(
            Place,
            format!(
                r"(?i)\b(?:dans|sur|de|sur\s+l'ensemble\s+de|à\s+travers)\s+(?:tous\s+|toutes\s+)?(?:nos|notre|ses|son|sa|leurs|leur|mon|ma|mes)\s+(?:[\p{{L}}\d'-]+\s+){{0,2}}?(?:{SITES})\b"
            ),
        ),
        cue(
            Place,
            r"(?i)\b(?:partout\s+en\s+France|sur\s+tout\s+le\s+territoire|à\s+l'échelle\s+nationale|du\s+territoire)\b",
        ),
        checked(
            Place,
            r"\b(?i:en|au|aux|à|dans\s+la|dans\s+le|dans\s+les|dans\s+l'|près\s+de|autour\s+de|de\s+la|du|de)\s*(?P<name>\p{Lu}[\p{L}'-]+(?:[\s-]+\p{Lu}[\p{L}'-]+){0,3})",
            Check::PlaceName,
        ),
        checked(
            Place,
            r"(?i:commune|ville|région|département|province|vallée|bassin|île|golfe|lac|baie|massif|parc\s+naturel|usine)\s+(?:de\s+|du\s+|des\s+|d')(?:la\s+|l')?(?P<name>\p{Lu}[\p{L}'-]+(?:[\s-]+\p{Lu}[\p{L}'-]+){0,2})",
            Check::PlaceName,
        ),
        cue(Place, format!(r"\b(?:{PLACES})\b")),
        // GBF target.
        checked(
            GbfTarget,
            format!(r"(?i)\b(?:cibles?|objectifs?)\s+(?:n°\s*|no\s*|numéro\s+)?(?P<list>{LIST})"),
            Check::Targets,
        ),
        checked(GbfTarget, r"(?i)\bGBF[- ]?(?:TARGET-|T)(?P<list>\d{1,2})\b", Check::Targets),
        // Partners.
        cue(
            Partners,
            r"(?i)\b(?:en\s+(?:partenariat|collaboration|coopération|lien|association)\s+(?:avec|de)|avec\s+(?:l'appui|le\s+soutien|l'aide|le\s+concours|la\s+participation|le\s+partenariat)\s+(?:de|du|des|d')|aux\s+côtés\s+(?:de|du|des)|conjointement\s+avec|main\s+dans\s+la\s+main\s+avec|partenaires?|soutenu(?:e|s|es)?\s+par|cofinancé(?:e|s|es)?\s+par)",
        ),
        cue(
            Partners,
            r"(?i)\bavec\s+(?:les|des|nos|la|le|l')\s*(?:agriculteurs|habitants|associations?|écoles?|communes?|pêcheurs|apiculteurs|riverains|bénévoles|chercheurs|universités?|collectivités|communautés|ong|entreprises|acteurs|éleveurs|forestiers|citoyens|jeunes|élèves|syndicats?|services|agence|office|parc|conservatoire|chambre)\b",
        ),
        // Reporting.
        cue(
            Reporting,
            r"(?i)\b(?:KPIs?|indicateurs?\s+clés?\s+de\s+performance|tableaux?\s+de\s+bord|rapports?\s+(?:annuels?|d'activité|de\s+suivi|d'avancement|de\s+développement\s+durable|RSE)|bilans?|publier\p{L}*|publication|audits?|rendre\s+compte|rendrons\s+compte|relevés?|carnets?\s+de\s+[\p{L}-]+|inventaires?\s+(?:annuels?|chaque))\b",
        ),
        cue(
            Reporting,
            r"(?i)\b(?:vérifi(?:é|ée|és|ées|cation)\s+(?:par|chaque|annuellement)|suivi\s+(?:annuel|trimestriel|mensuel|régulier)|(?:mesur|compt|suiv|surveill)\p{L}*\s+(?:[\p{L}'-]+\s+){0,3}?(?:chaque|tous\s+les|par)\s+(?:an|année|mois|trimestre|semaine|saison|printemps))\b",
        ),
        // Stage.
        cue(
            Stage,
            r"(?i)\b(?:(?:en|au\s+stade\s+de\s+la|en\s+phase\s+(?:de|d')|phase\s+(?:de|d')|stade\s+(?:de|d'))\s*(?:la\s+)?(?:planification|conception|élaboration|mise\s+en\s+œuvre|mise\s+en\s+oeuvre|réalisation|évaluation|expérimentation)|phase\s+de\s+développement|en\s+cours\s+(?:de|d')\s*\p{L}+|déjà\s+(?:commencé|lancé|engagé|en\s+place|en\s+cours)|projet\s+pilote|phase\s+pilote)",
        ),
        cue(
            Reporting,
            r"(?i)\bchaque\s+(?:année|saison|mois|trimestre|printemps)\s+(?:nous\s+)?(?:compt|mesur|suiv|publi|évalu)\p{L}*",
        ),
        cue(Baseline, format!(r"(?i)\b{NUM}\s*(?:%|[\p{{L}}²]+)\s+actuel(?:le)?s?\b")),
        cue(Stage, format!(r"(?i)\bdepuis\s+{YEAR}\b")),
    ]
}
