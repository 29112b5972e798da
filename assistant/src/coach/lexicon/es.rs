//! Spanish cues.

use super::{Check, Cue, LIST, NUM, YEAR, checked, cue};
use crate::coach::element::Element::*;

const MONTHS: &str =
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";

/// Units and counted things a quantity is given in.
const UNITS: &str = r"ha|hectáreas?|km²|km2|km|kilómetros?|metros?|m²|m2|m³|m3|t|toneladas?|kg|kilos?|kilogramos?|gramos?|litros?|kwh|mwh|gwh|árboles|árbol|arbustos|plántulas|plantones|plantas|especies|agricultores|productores|pescadores|personas|participantes|estudiantes|alumnos|docentes|voluntarios|empleados|trabajadores|hogares|familias|comunidades|escuelas|colmenas|nidos|talleres|sesiones|capacitaciones|cursos|eventos|campañas|sitios|fincas|parcelas|huertos|dólares|pesos|euros?|proveedores|productos|guardaparques|botes|arrecifes|corales|manglares";

/// Numbers in words, before a unit.
const NUMBER_WORDS: &str = r"un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|cincuenta|cien|ciento|mil|cientos\s+de|miles\s+de";

/// Countries and large regions, as named in Spanish.
const PLACES: &str = r"África|Europa|Asia|América\s+Latina|Latinoamérica|Amazonía|Amazonas|Caribe|Mediterráneo|Andes|Argentina|Belice|Bolivia|Brasil|Chile|Colombia|Costa\s+Rica|Cuba|Ecuador|El\s+Salvador|España|Estados\s+Unidos|Guatemala|Guinea\s+Ecuatorial|Haití|Honduras|México|Marruecos|Nicaragua|Panamá|Paraguay|Perú|Puerto\s+Rico|República\s+Dominicana|Uruguay|Venezuela|Galápagos|Patagonia|Yucatán|Chiapas|Oaxaca|Antioquia|Cauca|Huila|Nariño|Cusco|Loreto|Madre\s+de\s+Dios";

/// Sites a pledge acts in, after "en nuestras …".
const SITES: &str = r"instalaciones|sedes?|plantas?|fábricas?|oficinas|tiendas|hoteles|escuelas?|campus|fincas?|parcelas|tierras|terrenos|huertos?|jardines|parques|bosques|edificios|locales|restaurantes|territorios?|municipio|ciudad|comunidad|región|país|predios?|operaciones|cadenas?\s+de\s+suministro|comedores|cocinas";

/// The Spanish cue table.
pub(super) fn cues() -> Vec<Cue> {
    vec![
        // Actor.
        cue(Actor, r"(?i)\b(?:nosotros|nosotras|nuestr[oa]s?|nos\s+comprometemos|me\s+comprometo|yo|mi|mis)\b"),
        checked(Actor, r"(?i)\b(?P<word>\p{L}{2,}(?:amos|emos|imos))\b", Check::Verb),
        cue(
            Actor,
            r"(?i)\b(?:la|el|los|las)\s+(?:empresa|municipio|municipalidad|alcaldía|ayuntamiento|gobierno|ciudad|cooperativa|asociación|fundación|ong|escuela|universidad|organización|comunidad|finca|red|grupo|ministerio|gobernación|provincia|región|institución)\b(?:\s+(?:de\s+|del\s+)?[\p{L}-]+){0,4}?\s+(?:se\s+compromete|va\s+a|\p{L}+(?:ará|erá|irá|arán|erán|irán))\b",
        ),
        cue(Actor, r"(?i)\bse\s+compromete(?:n)?\s+a\b"),
        // Action.
        cue(
            Action,
            r"(?i)\b(?:restaur\p{L}*|plant(?:ar|ará|aremos|amos|an|ado|ados|ación|aciones)|sembr\p{L}*|siembr\p{L}*|reforest\p{L}*|proteg\p{L}*|protecci[oó]n|conserv\p{L}*|preserv\p{L}*|reduc\p{L}*|reduj\p{L}*|disminu\p{L}*|elimin\p{L}*|deten(?:er|dremos|drá)|reemplaz\p{L}*|sustitu\p{L}*|convert\p{L}*|convier\p{L}*|cambiar|cambiaremos|cambiará|cambiamos|instal\p{L}*|constru\p{L}*|crear|creará|crearemos|creamos|creación|establec\p{L}*|capacit\p{L}*|formar|formaremos|formará|monitore\p{L}*|limpi\p{L}*|recicl\p{L}*|compost\p{L}*|donar|donaremos|donará|donamos|donación|medir|mediremos|medirá|mapear|rehabilit\p{L}*|regener\p{L}*|gestion(?:ar|aremos|ará|amos)|manej\p{L}*|certific\p{L}*|financi\p{L}*|invert\p{L}*|invier\p{L}*|adopt\p{L}*|implement\p{L}*|lanz\p{L}*|organiz\p{L}*|distribu\p{L}*|recolect\p{L}*|reintrodu\p{L}*|erradic\p{L}*|prohib\p{L}*|duplic\p{L}*|aument\p{L}*|recuper\p{L}*|cercar|vigil\p{L}*)",
        ),
        // Quantity.
        checked(Quantity, format!(r"(?i)(?P<num>{NUM})\s*(?:%|por\s*ciento\b)"), Check::NotYear),
        checked(
            Quantity,
            format!(
                r"(?i)\b(?P<num>{NUM})(?:\s*(?:mil|millones?|millón)\b)?(?P<gap>(?:\s+[\p{{L}}-]+){{0,2}}?)\s*(?:{UNITS})\b"
            ),
            Check::NotYear,
        ),
        cue(Quantity, format!(r"(?i)\b(?:{NUMBER_WORDS})(?:\s+[\p{{L}}-]+){{0,2}}?\s+(?:{UNITS})\b")),
        cue(Quantity, format!(r"(?:US\$|\$|€)\s*{NUM}")),
        cue(
            Quantity,
            r"(?i)\b(?:a\s+la\s+mitad|por\s+la\s+mitad|la\s+mitad|duplicar|duplicaremos|cero\s+[\p{L}-]+|basura\s+cero)\b",
        ),
        cue(Quantity, r"(?i)\bindicador(?:es)?\s*:"),
        cue(
            Quantity,
            r"(?i)\b(?:elimin|suprim|retir|prohib)\p{L}*\s+(?:todos|todas)\s+(?:los|las|nuestros|nuestras|sus)\b",
        ),
        // Baseline.
        checked(
            Baseline,
            format!(
                r"(?i)\b(?:de|desde)\s+(?P<from>{NUM})\s*(?:%|[\p{{L}}²³]+\b)?(?:\s+[\p{{L}}²³]+){{0,3}}?(?:\s+en\s+{YEAR})?\s+(?:a|hasta)\s+(?P<to>{NUM})"
            ),
            Check::NotPeriod,
        ),
        cue(
            Baseline,
            r"(?i)\b(?:respecto\s+(?:a|al|de)|(?:en\s+)?comparaci[oó]n\s+con|comparad[oa]s?\s+con|con\s+relaci[oó]n\s+a|frente\s+a(?:l)?\s+(?:19|20)\d{2})\b",
        ),
        cue(
            Baseline,
            r"(?i)\b(?:l[ií]nea\s+(?:de\s+)?base|año\s+base|punto\s+de\s+partida|partimos\s+de|niveles?\s+de\s+(?:19|20)\d{2})\b",
        ),
        checked(
            Baseline,
            format!(r"(?i)\b(?:actualmente|hoy|a\s+la\s+fecha)\b[^.;!?]{{0,40}}?\b(?P<num>{NUM})"),
            Check::NotYear,
        ),
        // Deadline.
        cue(
            Deadline,
            format!(
                r"(?i)\b(?:para|antes\s+de|hasta|a\s+más\s+tardar\s+en|de\s+aquí\s+a|al|hacia)\s+(?:finales\s+de\s+|fines\s+de\s+|el\s+)?(?:(?:año|{MONTHS})\s+(?:de\s+)?)?{YEAR}\b"
            ),
        ),
        cue(Deadline, format!(r"(?i)\b(?:entre|de|desde)\s+{YEAR}\s+(?:y|a|hasta)\s+{YEAR}\b")),
        cue(
            Deadline,
            r"(?i)\b(?:en|durante|dentro\s+de)\s+(?:los\s+|las\s+)?(?:próximos\s+|próximas\s+|siguientes\s+)?(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)\s+(?:años|meses|semanas|temporadas)\b",
        ),
        cue(
            Deadline,
            r"(?i)\b(?:antes\s+de\s+(?:que\s+)?(?:termine|finalice|fin\s+de)|durante)\s+(?:el\s+|este\s+)?(?:año|próximo\s+año|ciclo\s+escolar|año\s+escolar)\b|\b(?:el\s+)?próximo\s+año\b",
        ),
        cue(Deadline, format!(r"\b{YEAR}\s*[-–]\s*(?:19|20)?\d{{2}}\b")),
        cue(Deadline, r"(?i)\b(?:plazo|fecha\s+límite|cronograma)\b"),
        // Place.
        cue(
            Place,
            format!(
                r"(?i)\ben\s+(?:todas\s+|todos\s+)?(?:nuestr[oa]s?|sus?|mis?)\s+(?:[\p{{L}}\d-]+\s+){{0,2}}?(?:{SITES})\b"
            ),
        ),
        cue(Place, r"(?i)\b(?:a\s+nivel\s+nacional|en\s+todo\s+el\s+país|en\s+el\s+territorio)\b"),
        checked(
            Place,
            r"\b(?i:en|de|del|desde|cerca\s+de)\s+(?:el\s+|la\s+|los\s+|las\s+)?(?P<name>\p{Lu}[\p{L}'-]+(?:\s+(?:de\s+)?\p{Lu}[\p{L}'-]+){0,3})",
            Check::PlaceName,
        ),
        checked(
            Place,
            r"(?i:municipio|ciudad|región|departamento|provincia|estado|valle|cuenca|isla|golfo|lago|bahía|río|sierra|parque\s+nacional|finca)\s+(?:de\s+|del\s+)(?:la\s+|los\s+|las\s+)?(?P<name>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2})",
            Check::PlaceName,
        ),
        cue(Place, format!(r"\b(?:{PLACES})\b")),
        // GBF target.
        checked(GbfTarget, format!(r"(?i)\bmetas?\s+(?:n[°º]\s*|número\s+)?(?P<list>{LIST})"), Check::Targets),
        checked(GbfTarget, r"(?i)\bGBF[- ]?(?:TARGET-|T)(?P<list>\d{1,2})\b", Check::Targets),
        // Partners.
        cue(
            Partners,
            r"(?i)\b(?:en\s+(?:alianza|colaboración|asociación|coordinación|cooperación|conjunto)\s+con|junto\s+(?:con|a)|con\s+el\s+(?:apoyo|respaldo|acompañamiento)\s+de|con\s+la\s+(?:participación|ayuda|colaboración)\s+de|de\s+la\s+mano\s+(?:de|con)|conjuntamente\s+con|socios?|aliados?|apoyad[oa]s?\s+por|cofinanciad[oa]s?\s+por)\b",
        ),
        cue(
            Partners,
            r"(?i)\bcon\s+(?:los|las|el|la|nuestros|nuestras)\s+(?:agricultores|productores|pescadores|comunidades|escuelas|vecinos|asociaciones|cooperativas|universidad|ministerio|municipio|ong|voluntarios|pueblos\s+indígenas)\b",
        ),
        // Reporting.
        cue(
            Reporting,
            r"(?i)\b(?:KPIs?|indicadores?\s+clave\s+de\s+(?:desempeño|rendimiento)|cuadros?\s+de\s+mando|tableros?|informes?\s+(?:anual(?:es)?|trimestral(?:es)?|públicos?|de\s+avance|de\s+progreso|de\s+sostenibilidad|de\s+seguimiento)|reportes?\s+(?:anual(?:es)?|trimestral(?:es)?)|informar(?:emos|á|án)?|reportar(?:emos|á|án)?|rendici[oó]n\s+de\s+cuentas|rendiremos\s+cuentas|publicar(?:emos|á|án)?|auditor[ií]as?)\b",
        ),
        cue(
            Reporting,
            r"(?i)\b(?:verificaci[oó]n\s+(?:externa|independiente|anual)|verificad[oa]s?\s+por|monitoreo\s+(?:anual|trimestral|mensual|satelital|participativo)|seguimiento\s+(?:anual|trimestral|mensual)|(?:medir|medirá|mediremos|mide|contar|contaremos|monitorear|monitorearemos)\s+(?:[\p{L}-]+\s+){0,4}?(?:cada|anualmente|mensualmente|al\s+año|por\s+año))\b",
        ),
        // Stage.
        cue(
            Stage,
            r"(?i)\b(?:(?:en|fase\s+de|etapa\s+de)\s+(?:la\s+)?(?:fase\s+de\s+|etapa\s+de\s+)?(?:planificación|planeación|diseño|implementación|ejecución|evaluación)|(?:fase|etapa)\s+de\s+desarrollo|en\s+marcha|en\s+curso|ya\s+(?:hemos\s+)?(?:iniciado|comenzado|empezado|arrancado|inició|comenzó)|proyecto\s+piloto|fase\s+piloto)\b",
        ),
        cue(
            Reporting,
            r"(?i)\b(?:cada\s+(?:año|temporada|mes|trimestre)\s+(?:\p{L}+\s+)?(?:contar|medir|medi|monitore|publicar|publica|informar|evaluar)\p{L}*|evaluar\p{L}*\s+(?:\p{L}+\s+){0,3}?con\s+(?:un|el|los)\s+(?:índice|indicador)\p{L}*)",
        ),
        cue(Baseline, format!(r"(?i)\b(?:partiendo\s+de|{NUM}\s*(?:%|\p{{L}}+)\s+actual(?:es)?\b)")),
        cue(Stage, format!(r"(?i)\bdesde\s+{YEAR}\b")),
    ]
}
