//! English cues.

use super::{Check, Cue, LIST, NUM, YEAR, checked, cue};
use crate::coach::element::Element::*;

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";

/// Units and counted things a quantity is given in.
const UNITS: &str = r"ha|hectares?|acres?|km²|km2|sq\.?\s*km|km|kilomet(?:er|re)s?|miles?|m²|m2|m³|m3|met(?:er|re)s?|square\s+met(?:er|re)s|cubic\s+met(?:er|re)s|t|tonnes?|tons?|kg|kilos?|kilograms?|grams?|litres?|liters?|kwh|mwh|gwh|trees?|seedlings?|saplings?|plants|shrubs|species|farmers|fishers|fishermen|people|persons|participants|students|pupils|teachers|volunteers|staff|employees|workers|households|families|communities|villages|schools|hives|beehives|colonies|nests|chicks|pairs|workshops|sessions|trainings|courses|events|campaigns|sites|farms|plots|gardens|ponds|wells|usd|dollars|euros?|suppliers|products|rangers|boats|meadows|reefs|corals|mangroves|packages|bottles|bags";

/// Numbers in words, before a unit.
const NUMBER_WORDS: &str = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred|hundreds\s+of|a\s+thousand|thousands\s+of|a\s+million|millions\s+of|a\s+dozen|dozens\s+of";

/// Countries and large regions, as named in English.
const PLACES: &str = r"Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belgium|Benin|Bhutan|Bolivia|Botswana|Brazil|Bulgaria|Burkina\s+Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa\s+Rica|Côte\s+d'Ivoire|Croatia|Cuba|Denmark|Djibouti|Ecuador|Egypt|El\s+Salvador|Eritrea|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Haiti|Honduras|Hungary|India|Indonesia|Iran|Iraq|Ireland|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kuwait|Laos|Lebanon|Liberia|Libya|Madagascar|Malawi|Malaysia|Mali|Mauritania|Mauritius|Mexico|Mongolia|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New\s+Zealand|Nicaragua|Niger|Nigeria|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi\s+Arabia|Senegal|Sierra\s+Leone|Somalia|South\s+Africa|Spain|Sri\s+Lanka|Sudan|Sweden|Switzerland|Syria|Tanzania|Thailand|Togo|Tunisia|Türkiye|Turkey|Uganda|Ukraine|United\s+Arab\s+Emirates|United\s+Kingdom|United\s+States|Uruguay|Uzbekistan|Venezuela|Viet\s*Nam|Yemen|Zambia|Zimbabwe|Africa|Europe|Asia|Latin\s+America|the\s+Amazon|the\s+Sahel|the\s+Mediterranean|the\s+Caribbean|the\s+Andes|the\s+Pacific";

/// Sites a pledge acts in, after "in our …".
const SITES: &str = r"facilit(?:y|ies)|sites?|plants?|factor(?:y|ies)|offices?|farms?|hotels?|stores?|shops?|campus(?:es)?|schools?|operations|premises|warehouses?|estates?|lands?|propert(?:y|ies)|municipality|city|town|village|district|region|county|country|parks?|gardens?|grounds|forests?|supply\s+chains?|mines?|quarr(?:y|ies)|branches|restaurants?|buildings?|fields|orchards|vineyards|plantations?|beaches|coast(?:line)?|reserves?|territor(?:y|ies)|neighbou?rhoods?|catchment|watershed|headquarters|kitchens?|mills?";

/// The English cue table.
pub(super) fn cues() -> Vec<Cue> {
    vec![
        // Actor: the writer, or a named body as the subject of a commitment.
        cue(Actor, r"(?i)\b(?:we|our|ours|ourselves)\b"),
        cue(Actor, r"\bI\b|(?i:\bmy\b)"),
        checked(
            Actor,
            r"\b(?P<subject>(?:The\s+)?\p{Lu}[\p{L}&.'-]*(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}&.'-]*)){0,5})(?:\s*,[^,.;]{1,60},)?\s+(?:will|shall|commits?|pledges?|undertakes?|intends?\s+to|aims?\s+to|plans?\s+to|promises?\s+to|is\s+committed|has\s+committed)\s+(?P<next>\w+)",
            Check::Subject,
        ),
        cue(
            Actor,
            r"(?i)\b(?:the|this)\s+(?:company|municipality|city|town|council|ministry|government|school|university|college|cooperative|association|foundation|ngo|organi[sz]ation|firm|business|group|farm|hotel|network|club|community|trust|agency|department|region|province|county|district)\s+(?:will|shall|commits?|pledges?|undertakes?|is\s+committed|has\s+committed|aims|intends|plans)\b",
        ),
        // Action: a concrete verb (or its noun).
        cue(
            Action,
            r"(?i)\b(?:restor(?:e|es|ed|ing|ation)|plant(?:s|ed|ing)?|replant\w*|reforest\w*|afforest\w*|rewild\w*|protect\w*|conserv(?:e|es|ed|ing|ation)|preserv\w*|reduc(?:e|es|ed|ing|tion)|cut(?:s|ting)?|halv(?:e|es|ed|ing)|eliminat\w*|phas(?:e|es|ed|ing)\s+out|stop(?:s|ped|ping)?|replac\w*|convert\w*|switch(?:es|ed|ing)?|install\w*|build(?:s|ing)?|creat(?:e|es|ed|ing)|establish\w*|set(?:ting)?\s+(?:up|aside)|train(?:s|ed|ing)?|educat\w*|teach\w*|monitor\w*|remov\w*|clean(?:s|ed|ing)?|recycl\w*|compost\w*|donat\w*|measur(?:e|es|ed|ing)|survey(?:s|ed|ing)?|rehabilitat\w*|regenerat\w*|manag(?:e|es|ed|ing)|certif\w*|sourc(?:e|es|ed|ing)|purchas\w*|buy(?:s|ing)?|financ(?:e|es|ed|ing)|invest\w*|adopt\w*|implement\w*|introduc\w*|launch\w*|organi[sz]\w*|host(?:s|ed|ing)?|distribut\w*|collect\w*|breed\w*|releas\w*|reintroduc\w*|eradicat\w*|recover\w*|doubl(?:e|es|ed|ing)|increas\w*|expand\w*|ban(?:s|ned|ning)?|avoid\w*|prevent\w*|fenc(?:e|es|ed|ing)|guard(?:s|ed|ing)?|construct\w*|sow(?:s|ed|ing|n)?|irrigat\w*|reus(?:e|es|ed|ing)|upcycl\w*|retrofit\w*|decreas\w*|minimi[sz]\w*|patrol\w*|map(?:s|ped|ping)?)\b",
        ),
        // Quantity: a number with a unit or a counted thing, a percentage, a proportion.
        checked(Quantity, format!(r"(?i)(?P<num>{NUM})\s*(?:%|per\s*cent\b|percent\b)"), Check::NotYear),
        checked(
            Quantity,
            format!(
                r"(?i)\b(?P<num>{NUM})(?:\s*(?:thousand|million|billion|k)\b)?(?P<gap>(?:\s+[a-z][a-z'-]*){{0,2}}?)\s*(?:{UNITS})\b"
            ),
            Check::NotYear,
        ),
        cue(Quantity, format!(r"(?i)\b(?:{NUMBER_WORDS})(?:\s+[a-z][a-z'-]*){{0,2}}?\s+(?:{UNITS})\b")),
        cue(Quantity, format!(r"(?:US\$|\$|€|£)\s*{NUM}")),
        cue(
            Quantity,
            r"(?i)\b(?:halv(?:e|es|ed|ing)|by\s+half|in\s+half|doubl(?:e|es|ed|ing)|zero[- ]\w+|net[- ](?:zero|positive|gain)|no\s+net\s+loss)\b",
        ),
        cue(Quantity, r"(?i)\bindicators?\s*:"),
        cue(Quantity, r"(?i)\b(?:eliminat|remov|stop|ban|phas(?:e|es|ed|ing)\s+out|treat)\w*\s+(?:out\s+)?all\b"),
        // Baseline: a starting value or a reference.
        checked(
            Baseline,
            format!(
                r"(?i)\bfrom\s+(?:about\s+|around\s+|roughly\s+)?(?P<from>{NUM})\s*(?:%|[a-z²³]+\b)?(?:\s+[a-z²³]+){{0,3}}?(?:\s+in\s+{YEAR})?\s+(?:to|down\s+to|up\s+to)\s+(?P<to>{NUM})"
            ),
            Check::NotPeriod,
        ),
        cue(Baseline, r"(?i)\bcompared\s+(?:with|to)\b"),
        cue(
            Baseline,
            format!(
                r"(?i)\b(?:relative|in\s+relation)\s+to\s+(?:{YEAR}|(?:the\s+|our\s+)?(?:current|present|baseline)|\w+\s+levels?)"
            ),
        ),
        cue(Baseline, r"(?i)\bbaselines?\b"),
        cue(Baseline, format!(r"(?i)\b{YEAR}\s+(?:levels?|baseline|figures|values?)\b")),
        cue(Baseline, format!(r"(?i)\b(?:against|versus|vs\.?)\s+(?:the\s+|a\s+)?(?:{YEAR}|baseline)")),
        cue(
            Baseline,
            r"(?i)\b(?:current|today's|present|existing)\s+(?:levels?|figures?|values?|use|consumption|emissions|cover|area)\b",
        ),
        checked(
            Baseline,
            format!(r"(?i)\b(?:currently|today|at\s+present|right\s+now|so\s+far)\b[^.;!?]{{0,40}}?\b(?P<num>{NUM})"),
            Check::NotYear,
        ),
        cue(Baseline, r"(?i)\b(?:starting\s+(?:point|value|level)|reference\s+(?:year|level|value))\b"),
        cue(Baseline, format!(r"(?i)\b(?:up|down)\s+from\s+{NUM}")),
        checked(
            Baseline,
            format!(r"(?i)\b(?:starting|beginning)\s+(?:from|at|with)\s+(?:about\s+|around\s+)?(?P<num>{NUM})"),
            Check::NotYear,
        ),
        checked(
            Baseline,
            format!(
                r"(?i)\b(?P<num>{NUM})\s*(?:%|[a-z²³]+)?(?:\s+[a-z²³]+){{0,2}}?\s+(?:today|at\s+present|currently)\b"
            ),
            Check::NotYear,
        ),
        // Deadline: a date or a time limit.
        cue(
            Deadline,
            format!(
                r"(?i)\b(?:by|before|until|till|through|no\s+later\s+than|not\s+later\s+than|ahead\s+of)\s+(?:the\s+)?(?:end\s+of\s+|mid-?|early\s+|late\s+)?(?:(?:{MONTHS})\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:(?:{MONTHS})\s+)?{YEAR}\b"
            ),
        ),
        cue(
            Deadline,
            r"(?i)\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|next\s+)?(?:year|decade|season|school\s+year|term)\b",
        ),
        cue(
            Deadline,
            r"(?i)\b(?:within|over|in|during)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|a)\s+(?:[a-z-]+\s+)?(?:years?|months?|weeks?|seasons?)\b",
        ),
        cue(
            Deadline,
            r"(?i)\b(?:within|over|in|during)\s+(?:the\s+)?(?:next|coming)\s+(?:[a-z-]+\s+)?(?:year|decade|season|school\s+year|months|years)\b",
        ),
        cue(Deadline, format!(r"(?i)\b(?:between|from)\s+{YEAR}\s+(?:and|to|until|through|-|–)\s+{YEAR}\b")),
        cue(Deadline, format!(r"\b{YEAR}\s*[-–]\s*(?:19|20)?\d{{2}}\b")),
        cue(Deadline, r"(?i)\b(?:deadline|due\s+date|end\s+date|target\s+date|target\s+year|time\s*frame)\b"),
        // Place: a named place, or the actor's own sites.
        cue(
            Place,
            format!(
                r"(?i)\b(?:in|at|on|across|throughout|within|near|around|beside|next\s+to)\s+(?:all\s+(?:of\s+)?)?(?:our|its|their|my)\s+(?:[\w-]+\s+){{0,2}}?(?:{SITES})\b"
            ),
        ),
        cue(
            Place,
            r"(?i)\b(?:on|at|across|in)\s+the\s+(?:campus|school|company|factory|farm|hotel|site)(?:\s+grounds)?\b",
        ),
        cue(Place, r"(?i)\b(?:nationwide|countrywide|across\s+the\s+country|throughout\s+the\s+country|on[- ]site)\b"),
        cue(
            Place,
            r"\b\p{Lu}[\p{L}'-]+\s+(?:County|District|Province|Region|State|Valley|Basin|Reserve|National\s+Park|Forest|Wetlands?)\b",
        ),
        checked(
            Place,
            r"\b(?i:in|at|across|near|around|throughout|within|along|off)\s+(?:the\s+)?(?P<name>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,3})",
            Check::PlaceName,
        ),
        checked(
            Place,
            r"(?i:city|town|municipality|region|province|county|district|state|republic|islands?|village|department|valley|basin|coast|gulf|lake|bay|river|delta|mountains?)\s+of\s+(?:the\s+)?(?P<name>\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2})",
            Check::PlaceName,
        ),
        cue(Place, format!(r"\b(?:{PLACES})\b")),
        // GBF target: a numbered target.
        checked(
            GbfTarget,
            format!(r"(?i)\b(?:(?:KM)?GBF\s+)?targets?\s+(?:no\.?\s*|number\s+|#)?(?P<list>{LIST})"),
            Check::Targets,
        ),
        checked(GbfTarget, r"(?i)\bGBF[- ]?(?:TARGET-|T)(?P<list>\d{1,2})\b", Check::Targets),
        // Partners: who the actor works with.
        cue(
            Partners,
            r"(?i)\b(?:in\s+(?:partnership|collaboration|cooperation|co-operation|association|alliance)\s+with|partner(?:ing|ed|s)?\s+with|together\s+with|jointly\s+with|alongside|with\s+(?:the\s+)?(?:support|help|backing|participation|involvement)\s+(?:of|from)|supported\s+by|co-?(?:funded|financed|organi[sz]ed|led)\s+(?:by|with)|our\s+partners?|partners?\s*:|working\s+(?:closely\s+)?with|work\s+with|joined\s+by|hand\s+in\s+hand\s+with)\b",
        ),
        cue(
            Partners,
            r"(?i)\bwith\s+(?:the\s+)?(?:local\s+)?(?:communities|farmers|fishers|beekeepers|residents|NGOs?|schools|universit(?:y|ies)|ministry|municipality|cooperatives?|indigenous\s+peoples?|volunteers)\b",
        ),
        // Reporting: how progress is measured and reported.
        cue(
            Reporting,
            r"(?i)\b(?:KPIs?|key\s+performance\s+indicators?|scorecards?|score\s+cards?|dashboards?|annual(?:ly)?\s+(?:\w+\s+){0,2}?reports?|progress\s+reports?|sustainability\s+reports?|(?:quarterly|monthly|yearly|biannual|annual)\s+(?:briefs?|updates?|reports?|reviews?|audits?)|audit(?:s|ed|ing)?|third[- ]party\s+verification|verified\s+(?:by|through|with|annually|every)|independent(?:ly)?\s+(?:verified|audited|verification)|disclos(?:e|ed|es|ing|ure)|surveys?\s+before\s+and\s+after|infographics?)\b",
        ),
        cue(
            Reporting,
            r"(?i)\breport(?:s|ed|ing)?\s+(?:\w+\s+){0,4}?(?:annually|yearly|quarterly|monthly|every\s+(?:year|quarter|month|six\s+months)|each\s+(?:year|quarter|month)|twice\s+a\s+year|on\s+progress|progress)\b",
        ),
        cue(
            Reporting,
            r"(?i)\b(?:publish(?:ed|es|ing)?|post(?:s|ed|ing)?|shar(?:e|es|ed|ing))\s+(?:\w+\s+){0,4}?(?:results|data|figures|reports?|progress|online|maps?)\b",
        ),
        cue(
            Reporting,
            r"(?i)\b(?:monitor(?:ed|ing|s)?|measur(?:e|ed|es|ing)|count(?:ed|s)?|weigh(?:ed|s)?|test(?:s|ed|ing)?|sampl(?:e|es|ed|ing)|check(?:s|ed|ing)?|survey(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,4}?(?:every|each|monthly|annually|yearly|quarterly|weekly|daily|twice\s+a|once\s+a|\w+\s+times\s+a|by\s+satellite|with\s+(?:drones|satellite)|using)\b",
        ),
        cue(
            Reporting,
            r"(?i)\btrack(?:ed|ing|s)?\s+(?:\w+\s+){0,4}?(?:in|with|using|through)\s+(?:a|an|our)?\s*(?:\w+\s+){0,2}?(?:scorecard|dashboard|report|register|database)\b",
        ),
        // Stage: planning, development, implementation, evaluation.
        cue(
            Stage,
            r"(?i)\b(?:(?:planning|development|design|implementation|evaluation|pilot|piloting|assessment|scoping)\s+(?:stage|phase)|(?:stage|phase)\s*:\s*(?:planning|development|implementation|evaluation)|already\s+(?:\w+\s+)?(?:under\s*way|started|begun|running|operating|in\s+place|implementing|implemented)|under\s*way|in\s+progress|being\s+(?:planned|developed|implemented|piloted|evaluated|rolled\s+out)|we\s+are\s+(?:now\s+|currently\s+)?(?:planning|designing|piloting|developing|implementing|evaluating)|(?:has|have)\s+(?:already\s+)?(?:started|begun|been\s+running)|pilot\s+(?:project|phase|scheme|site))\b",
        ),
        cue(
            Reporting,
            r"(?i)\b(?:every|each)\s+(?:year|season|month|quarter|spring)\s+(?:we\s+(?:will\s+)?)?(?:count|measure|monitor|survey|publish|report|weigh|sample)\w*\b",
        ),
        cue(Stage, format!(r"(?i)\bsince\s+{YEAR}\b")),
    ]
}
