"""The rule-based listener: Dutch and English cue patterns per behaviour, sentence by sentence.

Why rules: they are deterministic, explainable (every label points at the sentence that
earned it), need no model download and cost well under a millisecond per turn. The cue
lists follow the article's wording ("Vat het samen in je eigen woorden", "Ik merk dat je
hierover stil blijft", "Wat verwachten zij van jou?") and common coaching phrasings.
They were developed on the dev splits only (own set and AnnoMI); see roleplay/LISTENING.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from roleplay.listening.text import (
    Sentence,
    asks,
    normalise,
    split_sentences,
    strip_scorer_address,
)
from roleplay.types import LANGUAGES, LISTENING_LABELS, Language

LABELS = LISTENING_LABELS
PITFALLS: frozenset[str] = frozenset({"closed_question", "premature_advice", "dismissive"})


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


# ---------------------------------------------------------------- shared vocabularies
_FEELINGS_EN = (
    r"upset|angry|anger|mad|frustrat\w*|tired|exhausted|tense|tension|sad|sadness|worried|worry"
    r"|worries|worrying|scares|scaring|frightens|feel alone|feeling alone|felt alone"
    r"|anxious|anxiety|stress\w*|nervous|irritat\w*|annoyed|disappoint\w*|hurt|overwhelm\w*"
    r"|uncomfortable|afraid|scared|fear\w*|emotional|relieved|relief|hopeless|helpless"
    r"|lonely|unappreciated|unseen|insecure|ashamed|embarrass\w*|guilty|burn\w* out|fed up"
    r"|discourag\w*|torn|confus\w*|excited|happy|glad|proud|calm|relaxed|concerned|bothered"
    r"|painful|grief|fragile|defensive|impatient|restless|resent\w*|bitter|desperate|distress\w*"
    r"|scary|frightened|unhappy|miserable|hopeful|pressured|under pressure|drained|shaken"
    r"|unsafe|betrayed|ignored|left out|overlooked|excluded|trapped|annoyed|taken aback"
    r"|worn out|wiped out|on edge|wound up|stressed out|uneasy|let down|demotivated|deflated"
    r"|disheartened|gutted|run down|stretched thin|overloaded|overworked|agitated|tearful"
    r"|rattled|shaken up|at the end of your rope|at your wits'? end|irritable|down in the dumps"
)
_FEELINGS_NL = (
    r"boos|kwaad|gefrustreerd|frustratie|frustrerend|moe|uitgeput|gespannen|spanning|verdrietig"
    r"|alleen voelt|alleen voelde|alleen gelaten"
    r"|verdriet|bezorgd|zorgen|ongerust|gestrest|stress|nerveus|zenuwachtig|geirriteerd|irritatie"
    r"|teleurgesteld|teleurstelling|gekwetst|gekrenkt|overweldigd|ongemakkelijk|somber|bang|angst"
    r"|geraakt|emotioneel|opgelucht|hopeloos|machteloos|eenzaam|ondergewaardeerd|niet gezien"
    r"|onzeker|beschaamd|schaamte|schuldig|opgebrand|ontmoedigd|verscheurd|verward|blij|trots"
    r"|ontspannen|onrustig|geergerd|ergernis|pijn|wanhopig|gepikeerd|afwezig|gesloten"
    r"|afstandelijk|ongeduldig|onveilig|verraden|genegeerd|buitengesloten|schrik|opgejaagd"
    r"|onder druk|hoogspanning|geschrokken|ongelukkig|gedemotiveerd|alleen gelaten|bitter"
    r"|afgepeigerd|uitgeblust|van slag|overstuur|prikkelbaar|chagrijnig|ontdaan"
    r"|aangeslagen|angstig|overbelast|overspannen|moedeloos|neerslachtig|nijdig|geprikkeld"
    r"|op van de zenuwen|ongemotiveerd|gestresst|opgefokt|murw|uit je doen"
)

# ---------------------------------------------------------------- cues per label
# Invitations to go on telling ("Go on.", "Loop me even door") explore; they solve nothing.
_INVITATION: dict[Language, str] = {
    "en": r"\b(walk|talk|take) me through\b|^(go on|carry on|keep going|go ahead)\b(?! (and|with"
    r"|to)\b)",
    "nl": r"\bneem me (eens |even )?mee\b|\bloop (me|mij) (eens |even )?door\b|^(ga|vertel) (maar"
    r" |gerust |rustig )?(door|verder)\b(?! met\b)",
}
# Waving an apology away is care for the person, not an instruction.
_NO_APOLOGY: dict[Language, str] = {
    "en": r"\b(no need to|you don'?t (need|have) to|don'?t) apologi[sz]e\b",
    "nl": r"\bsorry (zeggen )?hoeft niet\b|\b(je|jij) hoeft (je )?niet te (verontschuldigen"
    r"|excuseren)\b",
}

# "It would help if you told me more" asks to hear more; it proposes nothing. Appended to
# the cues that would otherwise read such a wish as advice.
_UNLESS_TELLING_MORE: dict[Language, str] = {
    "en": r"(?! (told|tell|shared|share|explained|explain|talked|talk|let me know)\b)",
    "nl": r"(?!.*\b(vertel|vertelt|vertelde|deelt|uitlegt|laat weten)\b)",
}

# A verdict on how the employee's situation feels ("That's rough.", "Wat balen.", "I imagine
# that's exhausting") names the feeling as surely as "you're frustrated" does.
_HARD_TO_BEAR_EN = (
    r"frustrating|hard|tough|rough|painful|annoying|upsetting|scary|stressful|exhausting"
    r"|disappointing|overwhelming|draining|lonely|heavy|horrible|awful|miserable|infuriating"
    r"|nerve-?[rw]acking|demorali[sz]ing|discouraging|hurtful|a lot|a blow|a shock|gutting"
)
_HARD_TO_BEAR_NL = (
    r"frustrerend|zwaar|zware|rot|balen|vervelend|pijnlijk|naar|eng|spannend|stressvol"
    r"|vermoeiend|teleurstellend|heftig|veel|eenzaam|ellendig|rotdag|rotweek|klote|een klap"
    r"|schrikken|slikken"
)
_WORN_LOOKS_EN = r"wrecked|shattered|knackered|done in|pale|beat|spent|fried|worn|wiped"
_WORN_LOOKS_NL = r"kapot|gesloopt|doodop|bleek|op|afgemat|uitgeput|moe|bekaf|brak"

# What follows "you're (just) not" in reassurance ("you're not alone / not the only one /
# not stupid", "je bent niet de enige / geen idioot") or in a reflection ("you're just not
# feeling confident"): no verdict on the employee.
_NOT_A_FLAW: dict[Language, str] = {
    "en": r"(the only one|alone|stupid|an idiot|crazy|a failure|to blame|the problem|feeling|sure"
    r"|ready|able)\b",
    "nl": r"(de enige|alleen|dom|gek|stom|een idioot|een mislukkeling|het probleem|de schuldige)\b",
}

_CUES: dict[str, dict[Language, list[str]]] = {
    "summarize": {
        "en": [
            r"\bif i (understand|hear|heard|got|get) (you|that|this|it|what you)\b.{0,20}"
            r"(correctly|right)",
            r"\bif i understand (correctly|right)",
            r"\bwhat i('m| am) hearing( is| you say)?\b",
            r"\bwhat i hear\b",
            r"\bi hear you say",
            r"\bso (what )?you('re| are)? (saying|telling me|mean)\b",
            r"\byou('re| are) (saying|telling me)\b",
            r"\bin other words\b",
            r"\blet me (see if i|summari[sz]e|recap|check (if|that|whether) i)\b",
            r"\b(to )?(summari[sz]e|sum up|recap)\b",
            r"\byou (mentioned|said|told me|indicated|explained|described) (that|earlier|before|ju"
            r"st"
            r" now)\b",
            r"\bas you (said|mentioned|described|put it)\b",
            r"\bdid i (get|understand|hear) (that|this|it|you) (right|correctly)\b",
            r"\bdo i understand (you |this |that )?(correctly|right)\b",
            r"\bam i (understanding|hearing) (you|this|that)? ?(correctly|right)\b",
            r"\bso (basically|in short),? you\b",
            r"\bif i('ve| have) got (this|it|that|you) right\b",
            r"\bwhat i hear is\b",
            r"\bwhat i (understand|gather|take away) (is|from)\b",
            r"\bi understand (from what you say|that you)\b",
            r"\bwhat you'?re (saying|describing|telling me) is\b",
            r"\bso what you (miss|want|need|mean|like|liked) is\b",
        ],
        "nl": [
            r"\bals ik (je|jou|het|dit|dat) (goed|juist) (begrijp|hoor)",
            r"\bals ik (je|jou|het) (goed )?(begrijp|hoor|samenvat)\b",
            r"\bwat ik (van je |van jou |jou |je )?hoor\b",
            r"\bik hoor (je|jou) zeggen\b",
            r"\b(je|jij) zegt (dus|eigenlijk|eigenlijk dat|dat)\b",
            r"\bdus (je|jij) (zegt|bedoelt|geeft aan|vertelt)\b",
            r"\b(even )?samen(vatten|gevat|vattend)\b",
            r"\bmet andere woorden\b",
            r"\blaat me (even )?(samenvatten|checken of|kijken of|herhalen)\b",
            r"\bje (geeft aan|gaf aan|vertelt|vertelde|noemde|noemt|zei|zegt) dat\b",
            r"\bbegrijp ik (het |je |jou |dat |dit )?(goed|juist)\b",
            r"\bheb ik (het|dat|je|jou) (goed|juist)\b",
            r"\b(kortom|in het kort),? (je|jij)\b",
            r"\bzeg ik het (zo )?goed\b",
            r"\bvat ik (het|dat) goed samen\b",
            r"\bik hoor dat (je|jij)\b",
            r"\bals ik het zo hoor\b",
            r"\bik hoor:",
            r"\bwat ik (begrijp|opmaak|meeneem) (is|uit)\b",
            r"\bik begrijp (uit je verhaal|uit wat je zegt|dat je|dat jij)\b",
            r"\bsamenvattend\b",
            r"\b(even )?kijken of ik (het|je|jou) (goed )?(snap|begrijp|volg)\b",
            r"^(je|jij) (vindt|zegt|bedoelt|geeft aan) dat\b",
        ],
    },
    "name_unspoken": {
        "en": [
            r"\b(you('re| are| seem| seemed| have been|'ve been| were| look| went| go|'re being)"
            r"|you seem) (a bit |rather |very |quite |so |really |pretty )?(quiet|silent|hesitant"
            r"|reluctant|guarded|withdrawn|distant|holding back|reserved|closed off)\b",
            r"\bsilen(ce|t)\b",
            r"\byou (barely|hardly|scarcely) (said|say|spoke|speak|talked|talk|responded"
            r"|reacted)\b",
            r"\b(short|brief|one-word|one word|clipped) (answers?|replies|reply|responses?)\b",
            r"\byou (don'?t|didn'?t|haven'?t|aren'?t|do not|did not|have not) (really )?(say|said"
            r"|mention|mentioned|talk|talked|saying|telling|answer|answered|bring|brought)\b",
            r"\bnot saying (much|a lot|anything)\b",
            r"\b(avoid|avoiding|dodg\w*|sidestep\w*|chang(e|ed|ing) the subject|steer\w* away)\b",
            r"\bthere('s| is| might be| may be| could be| seems to be) (something|more)\b"
            r".{0,20}\b(going on|behind|under|beneath|else|you('re| are) not)",
            r"\bsomething (is |else )?(bothering|holding|troubling) you\b",
            r"\bbetween the lines\b",
            r"\byou say (it'?s|that'?s|that it'?s|you'?re|everything'?s|all is) (fine|ok|okay|good"
            r"|no problem|all right|alright)\b",
            r"\byour words\b.{0,40}\b(but|yet)\b",
            r"\byou (pause|paused|hesitate|hesitated|sighed|sigh|shrug|shrugged)\b",
            r"\bhesitat\w*\b",
            r"\bwhat (are you|aren'?t you|you'?re) not (saying|telling)\b",
            r"\bwhat (are|aren'?t) you (not )?(saying|telling me)\b",
            r"\bwhat'?s (really )?(behind|underneath|under|beneath) (that|this|it|your)\b",
            r"\bpart of you\b",
            r"\bon (the )?one hand\b",
            r"\b(you'?re|you are|you'?re still) not (sure|convinced|ready|certain)\b",
            r"\bmore to (it|this|that|the story)\b",
            r"\b(for you|you find it|is it|it'?s|this is|that is|seems|seem)\b.{0,15}"
            r"\b(hard|difficult|not easy) to (talk|say|put into words|bring up|open up)\b",
            r"\b(went|go|gone|got|get|getting|become|became|becoming|fall|fell) (very |a bit"
            r" |really |quite |so |all )?(quiet|silent)\b",
            r"\bholding (something )?back\b",
            r"\b(haven'?t|have not|didn'?t|did not) (touch(ed)?|say|said) (on|anything|much)\b",
            r"\bwhat you (don'?t|didn'?t) say\b",
            r"\bambivalen\w*\b",
            r"\b(you say|you said|i hear)\b.{0,40}\bbut\b",
            r"\b(not (really )?like you)\b",
            r"\b(i noticed|i notice|struck me|i'?ve noticed)( that)? (you|your)\b.{0,50}\b(not|nev"
            r"er"
            r"|hardly|barely|quiet|off|didn'?t|don'?t|haven'?t)\b",
            r"\b(rather not|prefer not to) (say|talk|discuss)\b",
            r"\b(look|looked|looking) (away|down)\b",
            r"\beye contact\b",
            r"\b(answers|replies|responses)\b.{0,25}\b(shorter|short|clipped|curt)\b",
            r"\byour (face|eyes|expression) (is |are )?(telling|saying|says|tell)\b",
        ],
        "nl": [
            r"\b(stil|stilte|stiltes|zwijg\w*)\b",
            r"\b(zeg|zei|zegt|vertel|vertelde|vertelt) (je|jij) (er |daar |hier )?(bijna |vrijwel "
            r"|zo goed als |opvallend )?(weinig|niets|niks|nauwelijks|geen woord|niet veel)\b",
            r"\bje zegt (er |daar |hier )?(weinig|niet veel|niks|niets|nauwelijks|bijna niets)\b",
            r"\b(korte?|beknopte?) (antwoord|antwoorden|reactie|reacties)\b",
            r"\bkort (antwoord|antwoorden|van stof)\b",
            r"\b(kort|kortaf) (antwoordt|antwoordde|reageert|reageerde)\b",
            r"\b(antwoordt|reageert) (je )?(erg |zo |nogal )?(kort|kortaf)\b",
            r"\b(dat|of) er (nog )?iets (speelt|dwarszit|meespeelt)\b",
            r"\b(ontwijk\w*|vermijd\w*|omweg\w*|uit de weg)\b",
            r"\baarzel\w*\b",
            r"\bterughoudend\b",
            r"\bje houdt (je|iets) (in|achter|vast|voor je)\b",
            r"\bhoud(t)? (je )?iets achter\b",
            r"\btussen de regels\b",
            r"\ber (zit|speelt|is|ligt) (nog |misschien |volgens mij )?(meer|iets (anders|meer))\b",
            r"\bik heb het (idee|gevoel) dat er\b",
            r"\bje zegt (dat )?(het |alles )?(prima|goed|oke|ok|niks|geen probleem|wel goed|wel"
            r" prima|best)\b.{0,40}\bmaar\b",
            r"\bje hebt het (nog |eigenlijk )?(niet|nooit) over\b",
            r"\bwat (zeg|vertel) je (nog |eigenlijk )?niet\b",
            r"\bwat (zit|ligt|steekt) er (achter|onder)\b",
            r"\b(voor je|voor jou|vind je het|vind jij het|is het|lijkt het|lijkt het je)\b.{0,15}"
            r"\b(moeilijk|lastig) (om )?(\w+ )?(over )?te (praten|zeggen|bespreken)\b",
            r"\blastig ligt\b",
            r"\been deel van (je|jou)\b",
            r"\b(enerzijds|aan de ene kant)\b",
            r"\bje (bent|lijkt|klinkt) (nog )?(niet zo )?niet (zeker|overtuigd|klaar)\b",
            r"\bje (lijkt|bent|oogt|klinkt) (wat |een beetje |nogal |erg |zo )?(afwezig"
            r"|afstandelijk|gesloten|stil|terughoudend|stilletjes)\b",
            r"\bniet (echt )?(uitspreekt|uitgesproken|zegt wat)\b",
            r"\bhet (onderwerp|gesprek) (afdraait|omzeilt|ontwijkt)\b",
            r"\bje (zegt|antwoordt) (alleen|maar) ['\"]?(ja|prima|goed|oke|nee)\b",
            r"\b(je zegt|jij zegt|ik hoor)\b.{0,40}\bmaar\b",
            r"\b(weinig|niks|niets|nauwelijks|niet veel) (zegt|zei|vertelt|laat horen)\b",
            r"\bhoor ik (je|jou) (nauwelijks|weinig|niet)\b",
            r"\b(niks|niets|niet echt iets) voor (jou|je)\b",
            r"\b(opvalt|valt me op|viel me op|ik merk dat je|ik merkte dat je)\b.{0,60}\b(niet"
            r"|nauwelijks|weinig|geen|nooit|uit)\b",
            r"\bje het\b.{0,20}\b(niet|nooit) over\b",
            r"\b(antwoorden|reacties|antwoord)\b.{0,25}\b(korter|kort|kortaf|summier)\b",
            r"\bliever niet (zegt|zeggen|vertelt|bespreekt)\b",
            r"\bzeg je (eigenlijk |verder |nog )?(niet zoveel|niet veel|weinig|niks|niets|nauwelij"
            r"ks)\b",
            r"\bvan onderwerp (verandert|veranderen|wisselt|wisselen)\b",
            r"\b(je )?kijkt (weg|naar beneden|de andere kant op|naar de grond)\b",
            r"\b(oogcontact|je blik)\b",
        ],
    },
    "name_energy": {
        "en": [
            r"\byou (seem|seemed|sound|sounded|look|looked|appear|appeared)\b.{0,25}\b("
            + _FEELINGS_EN
            + r")\b",
            r"\byou('re| are| were| feel| felt|'re feeling| are feeling| must feel| must be| might"
            r" feel| may feel|'ve been| have been)\b.{0,20}\b(" + _FEELINGS_EN + r")\b",
            r"\b(makes?|made|making) you (feel|angry|upset|sad|frustrated|worried|nervous)\b",
            r"\bi (sense|see|notice|hear|feel|can see|can hear|can feel|pick up)\b.{0,30}\b("
            + _FEELINGS_EN
            + r")\b",
            r"\bbody language\b",
            r"\byour (tone|voice|face|posture|arms|eyes|expression|shoulders)\b",
            r"\b(the |this |a )?(mood|atmosphere|energy|vibe)\b.{0,20}\b(in|here|between|is"
            r"|feels|changed|shift)",
            r"\bthe room\b.{0,20}\b(tense|quiet|heavy|flat)\b",
            r"\btension\b",
            r"\bi notice (that )?i('m| am| get| feel)\b.{0,30}\b(" + _FEELINGS_EN + r")\b",
            r"\bi('m| am) (getting|becoming|feeling) (a bit |quite |rather )?(impatient|irritated"
            r"|restless|defensive|frustrated|emotional|touched|uncomfortable|tense)\b",
            r"\bi feel (myself )?(getting|becoming)\b",
            r"\bcrossed arms\b",
            r"\b(it|that) (sounds|seems|looks) (like )?(it('s| was| is| has been) )?(really |very |"
            r"quite |so )?(hard|difficult|tough|frustrating|painful|stressful|upsetting|scary"
            r"|lonely|exhausting|overwhelming|heavy)\b",
            r"\b(that|it) must (be|have been) (really |very |so )?(hard|difficult|tough|frustrating"
            r"|painful|stressful|upsetting|scary|lonely|exhausting|overwhelming|heavy)\b",
            r"\b(it|this|that) (affects|is affecting|is getting to|gets to|hurts) you\b",
            r"\b(affecting|getting to|hurting|weighing on|bothering|upsetting|touching) you\b",
            r"\b(bothers|upsets|frustrates|annoys|hurts|worries|irritates|angers|saddens) you\b",
            r"\b(wearing|wears|wore|tiring|tires|draining|drains|grinding) you (out|down)?\b",
            r"\b(that|it|this) (actually |really |kind of |does )?(hurts|stings|stung|hurt)\b",
            r"\bi'?m (hearing|sensing|seeing|noticing|picking up)\b.{0,30}\b("
            + _FEELINGS_EN
            + r")\b",
            r"\b(sounds|sounded|seems|seemed|looks|looked)\b.{0,12}\b(" + _FEELINGS_EN + r")\b",
            r"\byour (frustration|anger|worry|worries|fear|fears|sadness|disappointment|stress"
            r"|feelings?|emotions?)\b",
            # the leader's own "that lands", not a relative clause ("anything that lands in it")
            r"\bouch\b|(^|[,.;:!] )(that|this) (really )?(stings|hurts|lands|hits)\b",
            r"\bi('m| am| feel)\b.{0,20}\b(nervous|uneasy|uncomfortable|tense|touched|moved|angry|"
            r"sad"
            r"|irritated|impatient|worried|anxious|concerned)\b",
            r"\b(that|this|it) (worries|bothers|upsets|frustrates|scares|touches|moves|saddens) me"
            r"\b",
            r"\bi('m| am| feel) (a bit |quite |really |honestly )?(annoyed|hurt|upset|taken aback"
            r"|thrown|shocked|touched|moved|uncomfortable|defensive|impatient|irritated)\b",
            r"\bi (notice|can feel|feel) (that )?i('m| am)?\b.{0,30}\b(right now|already|getting"
            r"|want to|wanna)\b",
            r"\b(you sound|your tone|the tone)\b",
        ],
        "nl": [
            r"\bje (lijkt|leek|klinkt|klonk|kijkt|keek|oogt|ziet er)\b.{0,25}\b("
            + _FEELINGS_NL
            + r")\b",
            r"\b(je|jij) (bent|was|voelt je|voelde je|voelt|raakt|wordt|werd|lijkt)\b.{0,20}\b("
            + _FEELINGS_NL
            + r")\b",
            r"(?<!hoe )\bvoel (je|jij) (je )?(\w+ )?(" + _FEELINGS_NL + r")\b",
            r"\bik (zie|merk|hoor|voel|proef)\b.{0,30}\b(" + _FEELINGS_NL + r")\b",
            r"\blichaamstaal\b",
            r"\b(je|jouw) (toon|stem|blik|houding|armen|gezicht|schouders|ogen)\b",
            r"\b(de|die|deze) (sfeer|energie|stemming)\b",
            r"\bsfeer\b",
            r"\bspanning\b",
            r"\bgespannen\b",
            r"\bik merk (bij mezelf|aan mezelf|dat ik)\b.{0,30}\b(" + _FEELINGS_NL + r")\b",
            r"\bhoor (ik )?(een |iets )?.{0,12}\bin (je|jouw) stem\b",
            r"\bik word (wat |een beetje |nogal |zelf )?(ongeduldig|geirriteerd|onrustig|geraakt"
            r"|boos|emotioneel|ongemakkelijk)\b",
            r"\braakt (je|jou|me|mij)\b",
            r"\b(je|jou|jullie) (raakt|dwarszit|bezighoudt|pijn doet|zwaar valt|aangrijpt|raken)\b",
            r"\b(stoort|ergert|frustreert|irriteert|kwetst|raakt|steekt|grieft) (je|jou)\b",
            r"\b(klinkt|klonk|lijkt|leek|oogt)\b.{0,12}\b(" + _FEELINGS_NL + r")\b",
            r"\bzucht\w*\b",
            r"\barmen over elkaar\b",
            r"\b(dat|het) (moet|lijkt|klinkt|voelt) (me |mij )?(echt |heel |best |wel |nogal )?("
            r"zwaar|lastig|moeilijk|frustrerend|pijnlijk|vervelend|heftig|eng|eenzaam|naar"
            r"|rot|beroerd)\b",
            r"\b(je|jouw) (frustratie|boosheid|zorgen|angst|verdriet|teleurstelling|stress"
            r"|gevoelens|emoties|irritatie)\b",
            r"\b(doet|deed) (me|mij) (wel |best |echt |toch )?(wat|pijn|zeer)\b",
            r"\bkomt (wel |best |echt |even )*binnen\b",
            r"\b(daar |dat )?schrik ik\b",
            r"\bik (schrok|schrik)\b",
            r"\b(ongemakkelijk|pijnlijk|lastig|vervelend) om te horen\b",
            r"\bschuurt\b",
            r"\b(de|je|jouw|die) toon\b",
            r"\bik merk (bij mezelf |aan mezelf )?dat ik\b.{0,30}\b(meteen|nu|op dit moment|al"
            r"|direct)\b",
            r"\bau\b",
            r"\bik (ben|word|voel me)\b.{0,25}\b(zenuwachtig|nerveus|onrustig|ongemakkelijk|gespan"
            r"nen"
            r"|geraakt|boos|verdrietig|geirriteerd|ongeduldig|bezorgd|onzeker)\b",
            r"\b(baart|geeft|maakt) (me|mij) (zorgen|onrustig|boos|verdrietig|ongemakkelijk)\b",
            r"\bik maak me (\w+ )?zorgen\b",
        ],
    },
    "open_question": {
        "en": [
            r"\b(can|could|would|will) you\b.{0,20}\b(tell|describe|explain|share|walk me|help me"
            r" understand|elaborate|give me an example|say more)\b",
            r"\bi('d| would) (love|like) to hear\b",
            r"\b(can|could|would) you\b.{0,20}\bexample\b",
            r"(?<!don't )(?<!do not )\btell (me|us) (more|about(?! it\b)|what|how|why|which|where"
            r"|when|who|a bit|a little|something)\b",
            r"\btalk to (me|us) (a (little )?(bit )?|some )?more about\b",
            r"\bsay (a bit |a little |some )?more\b",
            r"\bwhat else\b",
            r"\bi('m| am) (curious|wondering) (about|what|how|why|where|which)\b",
            r"\bi wonder (what|how|why)\b|^(just )?(curious|wondering),? (about|what|how|why)\b",
            r"\bhelp me understand\b",
            _INVITATION["en"],
            r"\b(can|may|could) i ask (you )?(what|why|how|where|which|when)\b",
            r"\b(can|could|would|will) you\b.{0,15}\b(take|bring|talk) me through\b",
        ],
        "nl": [
            r"\b(kun|kan|wil|zou|wilt|kunt) (je|jij|u)\b.{0,30}\b(vertellen|uitleggen|beschrijven"
            r"|toelichten|delen|uitweiden|schetsen)\b",
            r"\b(zeg|vertel) (het )?(maar )?(gerust|rustig)\b",
            r"\b(kun|kan|wil|zou|wilt|kunt) (je|jij|u)\b.{0,20}\bvoorbeeld\b",
            r"\bik hoor (graag|het graag)\b",
            r"\bvertel (eens|me|daar|meer|er|wat|het|jij)\b|\bvertel (ons|mij) (eens |nog )?(wat"
            r"|iets|meer|over|hoe|waarom)\b",
            r"\bpraat (me|mij|ons) (eens |even )?bij\b",
            r"\bik ben (wel |heel |erg |echt |oprecht )*(benieuwd|nieuwsgierig)\b",
            r"\bwat nog meer\b",
            r"\bhelp me (het )?(begrijpen|snappen)\b",
            _INVITATION["nl"],
            r"\bmag ik (je )?vragen (wat|waar|hoe|waarom|welke|wanneer)\b",
            r"\b(kun|kan|wil|zou|wilt|kunt) (je|jij|u)\b.{0,20}\b(me|mij) (\w+ )?(eens |even )?mee"
            r"(nemen| te nemen)? in\b",
        ],
    },
    "check_assumption": {
        "en": [
            r"\b(i'?m|i am) assuming\b",
            r"\bi (assume|assumed)\b",
            r"\bassumptions?\b",
            r"\bmy (interpretation|impression|guess|reading|sense|idea) (is|was)\b",
            r"\bi (get|got|have|had) the (impression|idea|feeling|sense) (that )?(you|it|this)",
            r"\bcorrect me if\b",
            r"\bi (might|could|may) (well )?be wrong\b",
            r"\bam i (right|wrong|correct) (that|in|to|about)\b",
            r"\bam i (reading|seeing|interpreting|getting) (this|that|it|you|the situation)"
            r" (right|correctly|wrong)\b",
            r"\bfill(ing)? (it |this |that |things |something |in the blanks)?in\b",
            r"\bi (don'?t|do not) want to (just )?(assume|guess|fill|presume)\b",
            r"\bmy (first )?(gut|thought|reaction|instinct|guess|assumption)\b",
            r"\bmaybe (it'?s|it is) (different|something else)\b",
            r"\b(read|reading|took|take|interpreted|interpret) (that|it|this) as\b",
            r"\bi (suspect|have a hunch|get the sense)\b",
            r"\bi (notice|realise|realize) (that )?i('ve| have| am|'m)? (just )?(been )?(think|tho"
            r"ught"
            r"|assum|fill|jump)",
            r"\bam i off( base)?\b",
            r"\b(rather than|instead of) (assume|assuming|guessing|presuming)\b",
            r"\bi (thought|had the idea|figured|was thinking|got the idea)\b.{0,80}\b(is that"
            r"|was that|am i|right\?|true\?|correct\?|or not|or is)",
            r"\bis it (true|the case|right) that\b",
            r"\b(check|test|verify) (my|whether|if) (assumption|impression|that)\b",
            r"\bi (might|may) be (reading|filling|projecting)\b",
            r"\binterpretation\b",
        ],
        "nl": [
            r"\bik ga ervan uit\b",
            r"\bik dacht (eerst|eigenlijk|altijd)? ?dat (je|jij|hij|zij|ze)\b.{0,60}\bmaar\b",
            r"\b(misschien|maar misschien) (zit|is|ligt) het anders\b",
            r"\bik (las|lees|zag|zie|interpreteerde|interpreteer|vatte) (dat|het|dit) (op )?als\b",
            r"\bik vul (misschien |nu |hier |wellicht )?(iets|dat|het|te veel|wat) in\b",
            r"\bik merk dat ik (meteen |direct |al |gewoon )?(denk|dacht|aanneem|invul|conclu)",
            r"\bik (vermoed|krijg het idee|heb het vermoeden)\b",
            r"\bzit ik (er|daar|hier)(naast| naast| ver naast)\b",
            r"\baanname\w*\b",
            r"\bmijn (interpretatie|indruk|inschatting|beeld|idee) (is|was)\b",
            r"\bik neem aan\b",
            r"\bik (heb|had|krijg|kreeg) (de indruk|het idee|het beeld)\b",
            r"\b(corrigeer|verbeter) me\b",
            r"\bik (kan|zou|kon) (het )?(mis|fout|ernaast|verkeerd) (hebben|zitten)\b",
            r"\bik (kan|zou) me vergissen\b",
            r"\binvul\w*\b",
            r"\bvul (ik|ik nu|ik hier|ik misschien) (iets|dat|het|dit|te veel)\b",
            r"\b(zie|begrijp|interpreteer|lees|zie ik) (ik )?(dat|het|dit) (goed|juist|verkeerd)\b",
            r"\bik dacht\b.{0,80}\b(klopt|is dat|of niet|zo\?|waar\?)",
            r"\bik wil (dat |het |dit )?(even )?(checken|toetsen|navragen|nagaan)\b",
            r"\bklopt (mijn|die|deze|dat) (indruk|aanname|gedachte|beeld|idee)\b",
            r"\bis het (zo|waar) dat\b",
            r"\binterpret\w*\b",
        ],
    },
    "state_expectation": {
        "en": [
            r"\bi expect (you|that|from you|the team|us|everyone|a|an|the|to see|things|this|it"
            r"|more"
            r"|better|some|results|improvement)\b",
            r"\bmy expectations? (is|are|of you|for you|here)\b",
            r"\bwhat i expect\b",
            r"\bi need you to\b",
            r"\bwhat i need (from you|is for you)\b",
            r"\bi('d| would) like you to\b",
            r"\bi want you to\b",
            r"\bi('m| am) asking you to\b",
            r"\bwhat i('m| am) asking (of|from) you\b",
            r"\bwhat i('m| am) asking( for)? is\b(?! (whether|if|why|how|what|when)\b)",
            r"\bi ask (you|that you) to\b",
            r"\b(the|our) (agreement|deal|standard|norm|deadline) (is|will be)\b",
            r"\bi count on you to\b",
            r"\bit('s| is) (important|essential|necessary) (to me )?that (you|we|the)\b",
            r"\bconcretely,? (i|that|this)\b",
            r"\bi('d| would) like (us|the team|everyone) to\b",
            r"\bwhat i'?d like (is|to see)\b",
            r"\b(let'?s|we'?ll) agree (that|on)\b",
            r"\bgoing forward,? (i|you|we)\b",
            r"\byou('ll| will) (deliver|send|finish|report|let me know|update|hand in|make sure)\b",
            r"\bi want (a|an|the|to see|us|everyone|everybody|all)\b",
            r"\bi need (the|your|a|an|it|this|that)\b.{0,40}\b(by|before|tomorrow|today|tonight|mo"
            r"nday"
            r"|tuesday|wednesday|thursday|friday|end of|noon|done|finished)\b",
            r"\b(by|before|no later than) (monday|tuesday|wednesday|thursday|friday|tomorrow|next"
            r" week|the end of|end of)\b",
            r"\bi('m| am) counting on you\b",
            r"\bfrom now on,? (i|you|we)\b",
        ],
        "nl": [
            r"\b(ik verwacht|verwacht ik)\b",
            r"\b(prima|goed|oke|akkoord|geen probleem)\b[^.?!]{0,25}\bzolang (je|jij)\b",
            r"\bik zou (graag )?(willen|zien) dat (je|jij|we|jullie)\b",
            r"\bik zou graag zien\b",
            r"\b(we )?spreken (we )?af\b",
            r"\bafgesproken\b",
            r"\bwil ik\b.{0,40}\b(als vaste|elke|iedere|voortaan|vanaf)\b",
            r"\bvoortaan\b.{0,30}\b(je|jij|we)\b",
            r"\bmijn verwachting\w*\b",
            r"\bwat ik (van je |van jou |van jullie )?(verwacht|nodig heb|vraag)\b",
            r"\bik (heb|wil) (van je |van jou )?(nodig )?dat (je|jij)\b",
            r"\bik wil (graag )?dat\b",
            r"\bwil ik (graag )?dat\b",
            r"\bwat ik (graag )?(zie|wil zien|wil)\b.{0,5}\b(is|,)",
            r"\bik vraag (je|jou|van je|van jou) (om|dat|concreet)\b",
            r"\b(de|onze) (afspraak|norm|deadline|standaard) (is|wordt)\b",
            r"\bwe (spreken|hebben) af(gesproken)? dat\b",
            r"\bik reken (erop|op je|op jou) (dat)?\b",
            r"\bhet is (voor mij )?(belangrijk|essentieel|nodig) dat (je|jij|we)\b",
            r"\bconcreet (verwacht|vraag|wil) ik\b",
            r"\b(voor|uiterlijk|vóór) (maandag|dinsdag|woensdag|donderdag|vrijdag|morgen|volgende"
            r" week|het eind|eind)\b",
            r"\bik heb (van je |van jou )?nodig dat\b",
            r"\bvanaf nu\b",
        ],
    },
    "ask_expectation": {
        "en": [
            r"\bwhat (do|would|did|might) you (expect|need|want|hope|like)( to see)? (from|of)"
            r" (me|us|the team|your manager|your team|your lead)\b",
            r"\bwhat (can|could|should|might) i do (for you|to help|to support|differently|to"
            r" make)\b",
            r"\bhow (can|could|should|might|may) (i|we|the team) (help|support|assist|back) you\b",
            r"\bwhat (kind of )?support (do|would|could) you\b",
            r"\bwhat do you need\b",
            r"\bwhat are your expectations\b",
            r"\bwhat expectations do you\b",
            r"\bwhat would you (like|want|need) (me|from me|us|from us) to\b",
            r"\bwhat would you (like|want|need|expect) from (me|us)\b",
            r"\bhow do you see my role\b",
            r"\bwhat do you expect\b",
            r"\bwhat would you need\b",
            r"\b(where|how|what|in what way) can i (best |most )?(help|support|do for) you\b",
            r"\b(do|would) you (want|need|like) me to\b",
            r"\bwhat (role|part) (do|would) you (want|like|see for) me\b",
            r"\bwhat (do|would|did) you (need|want|expect|miss)\b.{0,20}\bfrom (me|us)\b",
        ],
        "nl": [
            r"\bwat (verwacht|verwachten) (je|jij|u|jullie)\b.{0,30}\b(van )?(mij|me|ons|het team"
            r"|je leidinggevende)\b",
            r"\bwat (heb|hebben|zou|zouden|mis|wil|wilt|willen) (je|jij|jullie|u)\b.{0,30}\b(van m"
            r"ij"
            r"|van me|van ons)\b",
            r"\bwat (heb|hebt|hebben) (je|jij|jullie|u)\b.{0,20}\bnodig\b",
            r"\bwat (je|jij|jullie|u) (van mij|van me|van ons) (nodig hebt|nodig hebben|verwacht"
            r"|verwachten|mist|missen)\b",
            r"\bhoe kan ik (je|jou|jullie) (het beste )?(helpen|ondersteunen|steunen)\b",
            r"\bwat (kan|kun|zou|moet) ik\b.{0,15}\b(voor je|voor jou|doen|anders doen|betekenen)"
            r"\b",
            r"\bwelke (steun|ondersteuning|hulp) (heb|zou|wil)\b",
            r"\bwat zijn (jouw|je|jullie) verwachtingen\b",
            r"\bwelke verwachtingen heb\b",
            r"\bwat wil (je|jij) (van mij|van me)\b",
            r"\bwat mag ik van (je|jou) verwachten\b",
            r"\bhoe zie (je|jij) mijn rol\b",
            r"\bwat verwacht (je|jij)\b",
            r"\b(waar|hoe|waarmee) kan ik (je|jou|jullie)\b.{0,20}\b(helpen|ondersteunen|steunen)"
            r"\b",
            r"\bwil (je|jij|jullie) dat ik\b",
        ],
    },
    "self_disclosure": {
        "en": [
            r"\bi (also |too |myself )?(find|found) (this|it|that|these)\b.{0,20}(hard|difficult"
            r"|tough|uncomfortable|challenging|tricky|awkward|exciting|scary)\b",
            r"\bi('m| am| was| feel| felt) (also |still |a bit |quite |honestly |myself )?"
            r"(struggling|searching|unsure|uncertain|not sure|nervous|worried|anxious|doubting"
            r"|finding my way|torn|uncomfortable|awkward|sad|responsible|guilty|frustrated)\b",
            r"\bto be (honest|frank)\b",
            r"\bi (have|had|'ve) been (there|in that|in your)\b",
            r"\bi('ll| will| have to| must) (be honest|admit)\b",
            r"\bi (don'?t|do not) (always )?(have|know) (all )?the (answers?|solution)\b",
            r"\bwhen i (was|started|first|had|got)\b",
            r"\bi (should|could) have\b",
            r"\b(my bad|my mistake|my fault|that was on me|that'?s on me(?!,? not))\b",
            r"\bi notice (that )?i\b",
            r"\bi('m| am| was| feel) (a bit |quite |really |honestly )?(annoyed|hurt|upset|taken a"
            r"back"
            r"|thrown|shocked|touched|moved|defensive|impatient|irritated|tired|exhausted|stressed"
            r")\b",
            r"\b(maybe|perhaps) you('re| are) right\b",
            r"\bi (realise|realize|admit)\b",
            r"\bi (also )?(made|make|have made) (that )?(mistakes?|the same mistake)\b",
            r"\bi('m| am) (also )?(still )?(looking|trying to find|searching) (for )?(the best )?"
            r"(way|how)\b",
            r"\b(it|this) (also )?(affects|touches|moves|hurts) me\b",
            r"\bhonestly,? i\b",
            r"\bi worry\b",
            r"\bouch\b|(^|[,.;:!] )(that|this) (really )?(stings|hurts|lands|hits home)\b",
            r"\b(hard|difficult|uncomfortable|painful|not easy) to hear\b",
            r"\bi('m| am| feel)\b.{0,20}\b(nervous|uneasy|uncomfortable|tense|touched|moved|angry|"
            r"sad"
            r"|irritated|impatient|worried|anxious|concerned)\b",
            r"\b(that|this|it) (worries|bothers|upsets|frustrates|scares|touches|moves|saddens) me"
            r"\b",
            r"\bi (struggle|struggled|have struggled|lie awake|lay awake|doubt|doubted)\b",
            r"\b(keeps|kept) me (up|awake)\b",
            r"\bi (went|have been|'ve been|have gone|'ve gone) through\b",
            r"\bi (felt|was|did|thought) (exactly |just )?(the same|like that|that way)\b",
            r"\b(at your age|when i was your age)\b",
            r"\bi have (my |some )?(own )?doubts\b",
            r"\bi (sometimes |often |also )?(wonder|ask myself|struggle with|think about) (that|th"
            r"is"
            r"|the same)( myself| too)\b",
            r"\bi (also )?find\b.{0,40}\b(hard|difficult|tough|scary|nerve-?racking|uncomfortable"
            r"|challenging|tricky|awkward|exciting|confusing)\b",
            r"\bi (don'?t|do not) (really )?know (how|if|whether) (it|this|that)('ll| will)? (turn"
            r" out|work out|go|end)\b",
            r"\bmyself\b.{0,20}\b(too|as well)\b|\bi\b.{0,40}\b(either|too)\.?$",
            r"\bpersonally,? i\b",
            r"\bi('m| am) (also |genuinely )?(not )?(sure|certain) (how|what|whether)\b",
        ],
        "nl": [
            r"\bik vind (dit|het|dat|deze)\b.{0,20}\b(zelf |ook )?(lastig|moeilijk|spannend"
            r"|ongemakkelijk|ingewikkeld|zwaar|vervelend|naar)\b",
            r"\bik (ben|merk dat ik|voel me|was) (ook |zelf ook |zelf |eerlijk gezegd |nog )?"
            r"(zoekende|onzeker|zenuwachtig|nerveus|bezorgd|ongemakkelijk|verdrietig"
            r"|verantwoordelijk|schuldig|gespannen)\b",
            r"\bik twijfel\b",
            r"\beerlijk (gezegd|is eerlijk)\b",
            r"\bik (moet|zal) (eerlijk )?(toegeven|bekennen|eerlijk zijn)\b",
            r"\bik heb (dat|dit|het) zelf ook\b",
            r"\bik (heb|had) (zelf )?ook (eens|wel eens|weleens|een keer|meegemaakt)\b",
            r"\btoen ik\b(?! (dat|het|dit|daarnet|net) (zei|zeg|vroeg|noemde|vertelde|opperde))",
            r"\bik (was|ben) (vooral |gewoon |zelf |ook )?(moe|moe en|druk|gestrest|ziek|afgeleid)"
            r"\b",
            r"\b(slordig|dom|fout|onhandig|niet handig|niet netjes) van (me|mij)\b",
            r"\bik had (het|dat|je|jou)\b.{0,40}\bmoeten\b",
            r"\bik merk (bij mezelf |aan mezelf )?dat ik\b",
            r"\b(doet|deed) (me|mij) (wel |best |echt |toch )?(wat|pijn|zeer)\b",
            r"\b(daar |dat )?schrik ik\b",
            r"\b(vind|vond) ik (het |dat |dit )?(eerlijk gezegd |zelf |ook )*(lastig|moeilijk|span"
            r"nend"
            r"|ongemakkelijk|ingewikkeld|zwaar|vervelend|naar|pijnlijk)\b",
            r"\bmisschien heb je gelijk\b",
            r"\bik (besef|realiseer me|geef toe)\b",
            r"\bik weet (het |dat )?(ook |zelf )?niet (altijd )?(precies|zeker|alles|goed)\b",
            r"\bik (maak|maakte|heb) (zelf )?ook (fouten|die fout)\b",
            r"\bik maak me (ook )?zorgen\b",
            r"\bik (ben|word|voel me)\b.{0,25}\b(zenuwachtig|nerveus|onrustig|ongemakkelijk|gespan"
            r"nen"
            r"|geraakt|boos|verdrietig|geirriteerd|ongeduldig|bezorgd|onzeker)\b",
            r"\b(baart|geeft|maakt) (me|mij) (zorgen|onrustig|boos|verdrietig|ongemakkelijk)\b",
            r"\bik maak me (\w+ )?zorgen\b",
            r"\bik merk (bij mezelf|aan mezelf|dat ik)\b",
            r"\bpersoonlijk (vind|merk|denk|ben) ik\b",
            r"\b(dit|dat|het) raakt (me|mij)\b",
            r"\bik zoek (zelf )?(ook )?(nog )?naar\b",
            r"\bkomt (wel |best |echt |even )*binnen\b",
            r"\b(ongemakkelijk|pijnlijk|lastig|vervelend|moeilijk) om te horen\b",
            r"\bik (worstel|worstelde|heb .{0,20}geworsteld|lig .{0,15}wakker|lag .{0,15}wakker"
            r"|heb (daar|dat|het) zelf ook)\b",
            r"\bzelf ook (mee )?geworsteld\b",
            r"\bik heb\b.{0,30}\b(meegemaakt|doorgemaakt)\b",
            r"\bik heb (ook )?(mijn |zo mijn )?twijfels\b",
            r"\bik vraag me\b.{0,20}\b(zelf|ook)\b.{0,12}\baf\b",
            r"\bik heb ook (mijn|zo mijn)\b",
            r"\bik\b.{0,40}\b(zelf ook|ook weleens|ook wel eens)\b",
            r"\bik (had|voelde|was|dacht) (precies |net |ook )*(hetzelfde|dat ook|ook zo|er ook zo"
            r")\b",
            r"\btoen ik (jouw|jullie) leeftijd\b",
            r"\bik vind\b.{0,30}\b(zelf|ook)\b.{0,12}\b(lastig|moeilijk|spannend|eng|ongemakkelijk"
            r"|ingewikkeld|zwaar)\b",
            r"\bik weet (ook |zelf |eerlijk gezegd )?niet (hoe|of|wat) (het|dit|dat)\b.{0,25}\b(ui"
            r"tpakt"
            r"|afloopt|gaat|wordt|loopt)\b",
            r"\b(houdt|hield) (mij|me) (ook )?(bezig|wakker)\b",
        ],
    },
    "backing": {
        "en": [
            r"\bi('ve| have) got your back\b",
            r"\bi have your back\b",
            r"\bi('m| am) (here|there) for you\b",
            r"\bi('ll| will) (support|stand behind|back|defend|protect|stand up for|cover for|help)"
            r" you\b",
            r"\bi (support|stand behind|back|defend|protect|stand up for) you\b",
            r"\bi('ll| will) make sure (that )?(you|nothing)\b",
            r"\byou('re| are) not alone\b",
            r"\bi (really |truly |do )?(appreciate|value|admire)\b",
            r"\bthank(s| you)\b.{0,15}\b(for|that)\b",
            r"\b(great|good|excellent|impressive|fantastic|solid) (work|job)\b",
            r"\byou('re| are| have been|'ve been) (doing )?(a )?(great|good|valuable|important"
            r"|excellent|fantastic)\b",
            r"\bi('m| am) (so |really |very )?(proud|grateful)\b",
            r"\bi trust you\b",
            r"\bi have (every|full|total|complete|great) (confidence|faith)\b",
            r"\bi'?m (really |totally )?confident (that )?you\b",
            r"\b(really |very )?(good|great|nice|glad) that you\b",
            r"\bwe('re| are) in this together\b",
            r"\bi('m| am) on your side\b",
            r"\bi stand (behind|by|with) you\b",
            r"\bmistakes? (happen|can happen|are allowed|are ok|are okay)\b",
            r"\bwhatever happens\b",
            r"\bi('ll| will) take (responsibility|the blame|it up|this up)\b",
            r"\byou can (always )?count on me\b",
            r"\bmy door is (always )?open\b",
            r"\byou have my (support|backing|trust)\b",
            r"\b(good|glad|great) (that|you) (you )?(came|told|raised|shared|brought)\b",
            r"\b(glad|good|great|brave|thanks for) (that )?(you |of you )?(told|said|raised|shared"
            r"|came"
            r"|brought|flagged|mentioned|asked|to tell)\b",
            r"\b(that was|it was|that'?s) (really |very )?(brave|courageous|strong|great work|soli"
            r"d)\b",
            r"\bwe('ll| will) (fix|sort|solve|figure|handle) (this|it|that)( out)? together\b",
            r"\byou can do (this|it)\b",
            r"\bi believe in you\b",
            r"\b(come and find me|come find me|my door'?s open|door is open)\b",
            r"\bi('ll| will) (handle|deal with|talk to) (the client|them|him|her|it)\b",
            r"\bof course (you|you'?re|you are|you can|you will)\b.{0,20}!",
            r"\byou'?ll (smash|nail|ace|crush|rock) it\b",
            r"\bwithout you\b",
            r"\bi('ll| will) come with you\b",
            r"\bwhat a (great|good|strong|brilliant|lovely) \w+\b",
            r"\b(that|it) was (a )?(really |truly )?(great|brilliant|excellent|strong|impressive)"
            r" (story|presentation|job|piece|pitch|talk|meeting|analysis|work)\b",
            r"\bi('ll| will) stand (next to|by|behind|with) you\b",
            r"\bi'?ll (pick (it|that|this) up|take it from there|sort it( out)?|handle it|deal with"
            r" it|take care of it)\b",
            r"\byou (don'?t|do not) have to (do|face|carry) (this|it) alone\b",
            r"\bi'?m (still |always |right )?(behind|with) you\b",
            r"\bmaking mistakes is (part of it|ok|okay|allowed|human|normal)\b",
            r"\b(it'?s|it is) (ok|okay|fine|allowed|alright|normal) to make (a )?mistakes?\b",
            r"\b(not going to|won'?t|will not) (leave|let) you (alone|down|on your own|hanging)\b",
            r"\b(well done|nice work|good job|great job|nicely done|impressive)\b",
            r"\b(i'?m not going to|i won'?t|i will not) (let|allow) (that|this|it)\b",
            r"\b(off your plate)\b",
            r"\bthe \w+ (was|were) (really |truly )?(great|excellent|brilliant|strong|impressive|s"
            r"pot"
            r" on)\b",
        ],
        "nl": [
            r"\bik sta (nog steeds |helemaal |echt |gewoon |altijd |hoe dan ook )*(achter|naast|vo"
            r"or)"
            r" (je|jou|jullie)\b",
            r"\b(tuurlijk|natuurlijk) (kan|kun|ben|mag) (je|jij)\b.{0,20}!",
            r"\b(jij|je) (kan|kunt) alles\b",
            r"\bzonder (jou|jullie)\b",
            r"\b(ga ik|zal ik) (ook )?niet (laten gebeuren|toestaan|accepteren)\b",
            r"\b(van je bord|uit handen nemen|overnemen van je)\b",
            r"\b(je|jouw|de|het) \w+ (is|zijn|was|waren) (echt |heel |erg |inhoudelijk )?(sterk|go"
            r"ed"
            r"|uitstekend|top|knap|mooi|geweldig)\b",
            r"\bik ben er voor (je|jou|jullie)\b",
            r"\bik (steun|help|bescherm|verdedig) (je|jou|jullie)\b",
            r"\bik (zal|ga) (je|jou) (steunen|helpen|verdedigen|beschermen|bijstaan)\b",
            r"\bje staat er niet alleen\b",
            r"\bik waardeer\b",
            r"\bwaardering\b",
            r"\b(bedankt|dank je|dankjewel|dank voor)\b",
            r"\bik ben (heel |echt |zo )?(blij|trots|dankbaar) (dat|met|op)\b",
            r"\bik vertrouw (je|jou|op je|op jou)\b",
            r"\bik heb (er )?(alle |veel |het volste |echt )?vertrouwen (in|dat)\b",
            r"\b(goed|mooi|knap|sterk) (werk|gedaan|dat je)\b",
            r"\bje doet (het )?(goed|geweldig|prima|fantastisch)( werk)?\b",
            r"\bje bent (heel |echt )?(waardevol|belangrijk|een aanwinst)\b",
            r"\bfouten (maken )?(mag|mogen|horen erbij)\b",
            r"\bhoe dan ook\b",
            r"\bik zorg (ervoor )?dat (je|jou|jij|jullie) (niets|niks)\b",
            r"\bik neem (het|dit|dat) (voor mijn rekening|op me)\b",
            r"\bje (kunt|kan|mag) (altijd )?(op mij|bij mij) (rekenen|terecht|aankloppen)\b",
            r"\bmijn deur staat (altijd )?open\b",
            r"\bwe (staan|doen) (dit|het) samen\b",
            r"\bik ga voor (je|jou) staan\b",
            r"\bje hebt mijn (steun|vertrouwen)\b",
            r"\bik (ga|kom) (met je|met jou) mee\b",
            r"\bje (hoeft|staat) (dit|het|er) niet alleen\b",
            r"\bik blijf (\w+ )?(achter|naast) (je|jou)\b",
            r"\bfouten (maken )?(hoort|horen) erbij\b",
            r"\bik laat (je|jou|jullie) (hier |daar |er |nu )?niet (alleen|vallen|in de steek)\b",
            r"\b(top|goed|mooi|netjes|prima|knap|sterk) gedaan\b",
            r"\b(echt|heel|erg) knap\b",
            r"\bwat een (goed|goede|mooi|mooie|sterk|sterke|knap|knappe|fijn|fijne) \w+\b",
            r"\bsta ik (naast|achter|voor) (je|jou|jullie)\b",
            r"\bik (pak|regel|neem) (het|dat|dit) (verder )?(op|van je over)\b",
            r"\b(fijn|goed|mooi|top|knap|dapper|moedig) dat (je|jij)\b",
            r"\b(ik vond|ik vind) (het|dat|je) (echt |heel |erg )?(moedig|dapper|knap|sterk|goed|m"
            r"ooi)\b",
            r"\b(is|zijn|was|waren) (echt |heel |erg |inhoudelijk |gewoon )?(sterk|knap|top|moedig"
            r"|uitstekend|prima werk)\b",
            r"\bwe (lossen|pakken|regelen|fixen) (dit|het) samen\b",
            r"\bsamen (op|aan)\b.{0,10}$",
            r"\b(neem|pak) ik (het|dit|dat) (op me|voor mijn rekening)\b",
            r"\b(beschermen|beschermt|in bescherming)\b",
            r"\b(je|jij) (kan|kunt) (dat|dit|alles|het)\b.{0,3}!",
            r"\bik heb (alle |veel |het volste )?vertrouwen in (je|jou)\b",
            r"\b(kom|loop) (gerust |altijd )*(even )?(bij mij|langs)\b",
            r"\bkaart (hij|zij|ze) (het )?(maar )?bij mij aan\b",
        ],
    },
    "premature_advice": {
        "en": [
            r"\byou (really |just |definitely |probably |still |also |actually |seriously |absolut"
            r"ely"
            r" |might |may |would )*(should(?! have)|shouldn'?t(?! have)|ought to|need to|have to|"
            r"must|(?<=might )want to|(?<=may )want to|could try"
            r"|can try|could just|just need|just have|(?<!know you )better|do not need"
            r"|don'?t need|could|can talk"
            r"|can ask|can say|can tell|can use|can bring|can start|can'?t (drink|smoke|keep|go on"
            r"))\b",
            r"\bi (wish|hope) you('d| would| will| could)? ?(\w+ )?(quit|stop|consider|think|recon"
            r"sider"
            r"|heed|listen|try|take|cut|change|talk|do)\b",
            r"\bone (good |other |more |possible )?(thing|option|idea|way|step|possibility) (you c"
            r"ould"
            r"|you can|you might|would be|is to|might be|could be)\b",
            r"\bmake sure (you|that you|to|that)\b",
            r"\b(it'?s|it is|it would be|might be|would be|it might be) (a )?(really )?(good|great"
            r"|better|wise|smart|not a bad|helpful) (idea|option|step|plan|choice|thing)\b",
            r"\bwe (would |'d |usually |generally |strongly )?(recommend|suggest|advise)\b",
            r"\bit helps (if|to|when)\b",
            r"\bjust (tell|say|ask|sign|try|stop|take|call|go|do|let|ignore|quit|cut)\b",
            r"\byou('ll| will) (need|want) to\b",
            r"\b(don'?t you think|wouldn'?t you say|vind je niet dat|denk je niet dat)\b.{0,40}"
            r"\b(should|better|moeten|moet|zou|beter)\b",
            r"\bwhy (don'?t|not) (you|just|try)\b",
            # "Have you thought about what ...?" asks for their ideas, it proposes none
            r"\bhave you (already )?(tried|thought about|considered|talked to|spoken to|asked|chec"
            r"ked|looked at)\b(?! (what|how|why|whether|if|which|where|when|who)\b)",
            r"\b(my|the|one) (advice|suggestion|recommendation|tip)\b",
            r"\bi (would |'d )?(suggest|recommend|advise)\b",
            r"\bif i were you\b",
            r"\bi('d| would) (just |probably |definitely )?(try|do|start|talk|go|ask|tell|write|ca"
            r"ll"
            r"|stop|drop|cut|skip|delegate|book|block|take|check|turn|switch|put|set|say)\b",
            r"\bwhat you (need|have|should|ought) to do\b",
            r"\b(the )?best (thing|way|solution|option) (is|would be|to do)\b",
            r"\bthe (solution|answer|fix) is\b",
            r"\bhow about (you|we|trying|just)\b",
            r"\bwhat if you (just |simply )?(tried|try|did|talked|asked|started)\b",
            r"\bwouldn'?t it be (better|easier|smarter)\b",
            r"\b(maybe|perhaps) you (could|should|can|need|might)\b",
            r"\bit (might|would|could|may) help (to|if you)\b" + _UNLESS_TELLING_MORE["en"],
            r"^(so |ok |okay |well |then )?(just |simply )?(try|make sure|go|talk to(?! me\b)"
            r"|tell (him|her|them|your)|ask (him|her|them|your)|take"
            r"|stop(?! (moaning|complaining|whining|being))|start|focus|write|call|send|plan"
            r"|recall|ring|apologi[sz]e|escalate|redo|decline"
            r"|sit down|talk(?! (to|with) me\b)|explain|check|install|read|sleep|exercise"
            r"|prioriti[sz]e|delegate|get|use|put|set|schedule|drop|turn|switch|move|cancel|block"
            r"|book|pick|let them|give (it|him|her|them)|have a word)\b",
            r"\bdon'?t (let it|bother|think about)\b",
            r"^tip\b|\btip:",
            r"\b(here'?s|this is) what you (do|should do|need to do)\b",
            r"\bhere'?s what (we|you)('ll| will)? do\b",
            r"\b(might|could|would|will) be (good|useful|helpful|great) for you\b",
            r"\b(course|training|coach|therapist|app|tool|book)\b.{0,25}\b(for you|help you)\b",
            r"\bthe (easiest|simplest|smartest|quickest|best) (thing|way|option|move)\b",
            # a suggestion put mildly is still a suggestion
            r"\b(might|may|would|could)( not|n'?t)? be (a )?bad idea\b",
            r"\b(won'?t|wouldn'?t|can'?t|couldn'?t) hurt to\b",
            r"\b(might|may|would|could) be worth (a (try|shot|go)|trying|(?!(some|any|every|no)"
            r"thing\b)\w+ing\b)",
            r"\bi('ve| have)? (got|have) (another|an|one more|a) (idea|suggestion) for you\b"
            r"|\bhere'?s (an|another|one|my) (idea|suggestion)\b",
            r"\b(it'?d|it would|it might|it'?s going to|would|might) be (really |very |so )?(good"
            r"|great|wise|smart|better|helpful) (if you|for you to)\b" + _UNLESS_TELLING_MORE["en"],
            r"\bwhat (some|many|a lot of|lots of|other) (people|folks|colleagues|managers)"
            r" (in your (situation|position) |your age )?do is\b",
            r"^just (?!to\b|\w+ing\b|(tired|busy|fine|ok|okay|stressed|bored|curious|a (bit"
            r"|little)|the usual|out of interest|brilliant|great|perfect|lovely|fantastic"
            r"|wonderful)\b)\w+",
            r"\b(here'?s|this is) what i'?d do\b|\bwhat i('d| would) do is\b",
        ],
        "nl": [
            r"\bje (moet|moest|zou|kunt|kan) (gewoon|eens|misschien|maar|beter|echt)\b",
            r"\bje (kunt|kan) toch (gewoon |ook |even |wat |een |die |de |het )",
            r"\bje zou (\w+ )?(moeten|kunnen)\b",
            r"\bwaarom (doe|probeer|ga|vraag|praat|zeg|neem|maak|bel|stuur|plan) (je|jij) (het |dat"
            r" |dan |gewoon |eens )?(niet|dan niet)\b",
            r"\bwaarom (ga|probeer) (je|jij) (niet|dan niet)\b",
            r"\b(heb|heeft) (je|jij) (al|wel eens|weleens|eens)? ?(geprobeerd|overwogen|gedacht"
            r" aan|nagedacht over)\b(?! (wat|hoe|waarom|of|welke|waar|wanneer|wie)\b)",
            r"^(heb|heeft|ben) (je|jij) (het |dat |dit )?(al |eens |al eens |wel eens |weleens |ge"
            r"woon )+(?!(nagedacht|gedacht) (over|aan) (wat|hoe|waarom|welke|wie)\b)",
            r"\bik zou zeggen\b",
            r"^(anders |gewoon |even |dan )*(zorg|ga|plan|praat|bel|stuur|neem|stop|begin|maak|sch"
            r"rijf"
            r"|zet|delegeer|prioriteer|pak|regel|gebruik|kies|spreek|geef|mail|app|boek|blokkeer)"
            r" (?!me\b|mij\b)",
            r"\bmijn (advies|tip|suggestie|raad)\b",
            r"\bik (zou|raad) (je |jou )?(aan|adviseren|aanraden|voorstellen|zeggen)\b",
            r"\bik raad (je|jou) aan\b",
            r"\bals ik (jou|jij) (was|ben)\b",
            r"\bik zou (gewoon |eerst |dan |zelf )?(\w+ )?(proberen|doen|gaan|beginnen|bellen"
            r"|zeggen|praten|vragen|aanpakken|kiezen)\b",
            r"\bprobeer (eens|het|dan|gewoon|om|te|dat)\b",
            r"^(dus |oke |ok |nou |dan )?(gewoon )?probeer\b",
            r"\bhet beste (is|kun je|kan je|lijkt me)\b",
            r"\bde oplossing is\b",
            r"\bwat je (moet|kunt|zou moeten|zou kunnen) doen\b",
            r"\bwat dacht je (ervan|van)\b",
            r"\b(misschien|wellicht) (kun|kan|moet|zou|moeten|kunnen) (je|jij|jullie)\b",
            r"\bhet (zou|kan|kon) (helpen|handig zijn|goed zijn) (om|als je)\b"
            + _UNLESS_TELLING_MORE["nl"],
            r"^(dus |oke |ok |nou |dan )?(gewoon |even )?(zorg|ga|plan|praat|bel|stuur|neem|stop"
            r"|begin|maak(?! je (maar |nou |nu |toch )?(niet|nie|geen) (zo |te )?(druk|zorgen)\b)"
            r"|schrijf|zet|delegeer|prioriteer|pak|regel|gebruik|kies) (gewoon|even|eens"
            r"|dat|ervoor|met|de|het|je|een|jij|maar)\b",
            r"\bje moet\b",
            # Dutch puts the verb last in a clause under "dat" ("Ik denk dat je hem meer ruimte
            # moet geven") and first after an opener ("Volgens mij moet je ..."): the same advice
            r"\b(ik (denk|vind|geloof)|volgens mij|eerlijk gezegd)( \w+){0,3} dat (je|jij|jullie)"
            r"( \w+){0,6} (moet|moeten|zou moeten|zouden moeten|beter (kunt|kan|kunnen))\b",
            r"\b(volgens mij|eerlijk gezegd|eigenlijk) (moet|zou|moeten|zouden) (je|jij|jullie)\b",
            r"\bweet je wat je (doet|moet doen|kunt doen)\b",
            r"^tip\b|\btip:",
            r"^(gewoon|even|gewoon even) (?!(checken|kijken|nagaan|samenvatten|terugkoppelen)\b"
            r"|(\w+ ){0,3}(mijn|m'n)\b)"
            r"(\w+ ){0,4}\w+en\b",
            r"\bik zou (gewoon |eerst |dan |zelf |echt |maar )?(stoppen|starten|beginnen|nemen|pla"
            r"nnen"
            r"|schrappen|regelen|opschrijven|melden|delegeren|weigeren|afspreken|afzeggen|uitzetten"
            r"|zetten|bespreken|aankaarten)\b",
            r"^(?!(vertel|zeg|luister|kijk|wacht|denk|stel je|maar|dan|nou|ja|nee|oke|ok|dus|en|of"
            r"|want|toch|ook|nog|al|zo|wel|niet|het|dat|dit|die|de|een|wat|hoe|waarom|ik|je|jij|we"
            r"|wij|ze|hij|zij|er|hier|daar|is|was|heel|echt|even|eens|gewoon)\b)[a-z]+"
            r" (gewoon |maar )?(even|eens|gewoon)\b",
            r"\b(is|zijn|lijkt me) (\w+ )?iets voor (je|jou)\b",
            r"\b(cursus|training|coach|coaching|app|boek)\b.{0,25}\b(voor je|voor jou|helpen)\b",
            r"\bhet (handigst|makkelijkst|simpelst|slimst|best|verstandigst)e? (is|als|om|zou)\b",
            r"^dan (ga|moet|zet|doe|bel|stuur|maak|neem|plan|pak|zeg|vraag) (je|jij) (gewoon|maar|"
            r"even"
            r"|eens|toch)\b",
            r"^(je|jij) (zet|doet|stuurt|belt|maakt|plant|neemt|gaat|pakt) .{0,40}\b(gewoon|even"
            r"|voortaan|eens)\b",
            r"\bik (denk|vind) (dat )?(je|jij) (echt |gewoon |toch |beter )*(moet|zou moeten|beter"
            r")\b",
            r"\bik hoop dat (je|jij) (\w+ )?(stopt|gaat|kiest|overweegt|nadenkt|probeert|luistert)"
            r"\b",
            r"\bzorg (er )?(ervoor |wel |gewoon )?dat (je|jij)\b",
            r"\b(het is|het lijkt me|het zou|dat is|dat lijkt me) (een )?(heel |echt )?(goed|slim"
            r"|verstandig|handig|beter)e? (idee|plan|stap|optie|keuze)\b",
            r"\been (goede |andere |mogelijke )?(optie|mogelijkheid|idee|stap) (is|zou zijn|kan zi"
            r"jn)\b",
            r"\bgewoon (zeggen|vragen|doen|bellen|proberen|stoppen|negeren)\b",
            # a suggestion put mildly is still a suggestion
            r"\b(is|was|zou|lijkt) (het )?(me )?(misschien |wellicht )?geen (slecht|gek|verkeerd)"
            r" idee\b",
            r"\b(het )?kan (vast |echt |nooit |toch )?geen kwaad (om|als (je|jij))\b",
            r"\b(is|zou|lijkt) (het )?(me )?(misschien |wellicht )?(het proberen|de moeite)"
            r" waard\b",
            r"\bik heb (nog )?(een )?(ander )?(idee|suggestie|tip) voor (je|jou)\b"
            r"|\bhier is (een|nog een|mijn) (idee|suggestie)\b",
            r"\bhet (zou|lijkt me) (heel |echt |wel )?(goed|verstandig|slim|beter) (zijn )?als"
            r" (je|jij)\b" + _UNLESS_TELLING_MORE["nl"],
            r"\bwat (veel|sommige|andere) (mensen|collega'?s|managers) (in jouw situatie |van jouw"
            r" leeftijd )?doen,? is\b",
            r"\bjullie (moeten|moet) (het |dat |dit )?(gewoon|maar|eens)\b",
            r"^(heb|heeft) (je|jij) (\w+ ){1,3}al (eens )?\w+(d|t|en)\s*\?",
            r"\bje (kunt|kan) (ook |gewoon |eens |beter |altijd )*(\w+ )?(proberen|vragen|zeggen|b"
            r"ellen"
            r"|aangeven|plannen|regelen|oppakken|doen)\b",
            r"\bik zou het (zo|als volgt) (doen|aanpakken)\b|\bwat ik zou doen(,)? is\b",
            r"\bheb (je|jij) (er )?(al )?(eens )?(aan gedacht|overwogen) om\b",
        ],
    },
    "dismissive": {
        "en": [
            r"\b(it'?s|that'?s|this is|it is|that is) (not|no) (a |such a |that )?(big deal|that"
            r" bad|so bad|a problem|my problem|the end of the world|a drama|important)\b",
            r"\b(don'?t|do not) (be so|make (such )?a|overreact|exaggerate|take it (so )?personally"
            r"|complain|whine|be dramatic|be ridiculous)\b",
            r"\byou('re| are) (overreacting|exaggerating|too sensitive|being (too |so )?(sensitive"
            r"|dramatic|difficult|ridiculous)|making a big deal|making (too much|a fuss))\b",
            r"\beveryone (has|deals with|feels|goes through) (that|this|it|the same)\b",
            r"\bwe'?re all (tired|busy|stressed|under pressure|in the same boat)\b",
            r"\bcomes with the (job|territory)\b",
            r"\bthat'?s (just )?(how|the way) (it is|it goes|things are|it works)\b",
            r"\b(rules|policy) (are|is) (rules|policy|clear|the policy)\b",
            r"\b(policy|rules)'?s (policy|rules)\b",
            r"\b(the )?policy (is|says) (clear|very clear)\b",
            r"\b(there'?s )?nothing (i|we|anyone) can do\b",
            r"\b(that'?s|such is) life\b",
            # "Typical." sneers; "a typical week" asks about routine
            r"\boh please\b|^(how |so )?typical\b(?! (week|day|month|year|morning|evening)\b)"
            r"|\btypical of (you|him|her|them)\b",
            r"\byour (\w+ ){0,2}(work|effort|efforts|commitment|attitude|performance|output)"
            r" (\w+ ){0,3}(substandard|not good enough|below (par|standard)|unacceptable|sloppy"
            r"|inadequate|poor|isn'?t good enough|not up to (scratch|standard))\b",
            r"\b(everyone|everybody)'?s (busy|stretched|tired|under pressure|in the same boat)\b",
            r"\bwe'?re all (stretched|swamped|overloaded)\b",
            r"\byou (never|always) (pay attention|listen|think|do this|do that)\b",
            r"\bend of (discussion|story)\b",
            r"\bi (don'?t|do not) have time for (this|that)\b",
            r"\b(that'?s|it'?s) (just )?(nonsense|rubbish|ridiculous)\b",
            # "I'll deal with it" is the leader taking it on
            r"\b(get over it|suck it up|(?<!i'll )(?<!we'll )(?<!i will )(?<!let me )deal with it"
            r"|toughen up|man up|grow up|stop (complaining"
            r"|whining|moaning|crying))\b",
            r"\bi (don'?t|do not) have time for (this|that|these)\b",
            r"(?<!not )(?<!n't )(?<!nt )\b(your|its your|it'?s your) (own )?(fault|problem)\b",
            r"\bnot my (problem|concern)\b",
            r"\bthat'?s (ridiculous|nonsense|silly|absurd)\b",
            r"\bcome on\b",
            r"(?<!to )(?<!\w{3}ed )(?<!helped you )(?<!help you )\bcalm down\b",
            r"\bi'?m sure it'?s (nothing|fine)\b",
            r"\bit'?ll (all )?be (fine|ok|okay)\b",
            r"\bjust (ignore|forget) (it|them|him|her|about it)\b",
            r"\bthat'?s not (the point|relevant|my concern)\b",
            r"\byou (always|never) (do|say|come|make|are)\b",
            r"\bwe all have to\b",
            r"\blet'?s not (make|dwell|go there)\b",
            r"\b(whatever|anyway),? (let'?s|back to|moving on)\b",
            r"\bit is what it is\b",
            r"\bno excuses\b",
            r"(?<!if )\b(it'?s|that'?s|it is) (only|just) (a|one|some)\b",
            r"\b(they|he|she) (probably |surely )?(don'?t|doesn'?t|didn'?t) mean (it|that)\b",
            r"\bi'?m sure (they|he|she|it) (didn'?t|don'?t|doesn'?t|wasn'?t|meant)\b",
            r"\blife (isn'?t|is not|is never) fair\b",
            r"\b(is|sounds) (a bit|rather|quite|pretty) (strong|much|dramatic)\b",
            r"\beveryone says that\b",
            r"\b(\w{3,})[,.!]? \1[,.!]? \1\b",
            r"\byou('re| are) (clearly|obviously|simply|just|plainly) (not(?! "
            + _NOT_A_FLAW["en"]
            + r")|so|too|being|lazy|careless"
            r"|sloppy|unmotivated|difficult|negative)\b",
            r"\bthat'?s (just |simply )?(how|the way) it (works|is|goes)\b",
            r"\byou('ll| will) (just )?have to (get used|deal|live|accept)\b",
            r"\blet'?s just get (through|on with) (it|this)\b",
            r"\bdon'?t be (silly|daft|ridiculous|so dramatic|like that)\b",
            r"\byou (don'?t|do not) have to like (me|it)\b",
            r"\byou just have to\b",
            r"\b(that'?s|it'?s) (just )?(not true|just your opinion|your opinion)\b",
            # "Late again." reproaches; "Good to see you again." greets, and a longer sentence
            # ending in "again" ("you're scared of freezing again") tells what happened
            r"^(?!.*\b((see|seeing|meet|meeting|have|having|hear from) you|back) again\b)"
            r"(?!(hello|hi|hey|welcome|good (morning|afternoon|evening))\b)"
            r"(\S+ ){0,3}(again|as usual|like last time|every time)\b.{0,5}[.!]$",
            r"\b(you'?ll|it'?ll|you will) (be|feel) (fine|better|ok|okay) (after|once|by|in)\b",
            r"\b(snap out of it|chin up|cheer up)\b",
            r"\byou (really )?should(n'?t)? have\b(?! (heard|had|got|gotten|received|been (told"
            r"|informed|given|asked|included|involved|consulted|warned|kept))\b)",
            r"\bwe'?ve (been|gone) over this\b",
            r"\b(we hebben|ik heb) (het|dit|dat) (hier )?(er )?(al|toch al) (zo )?vaak\b",
        ],
        "nl": [
            r"\b(dat|het) valt (toch |best |wel )*mee\b",
            r"\b(stel|doe) je niet (zo )?aan\b",
            r"\bje (overdrijft|bent (te|zo|veel te|wel erg) gevoelig|maakt er een drama van)\b",
            r"\bniet (zo )?(zeuren|klagen|moeilijk doen|overdrijven|dramatisch doen)\b",
            r"\biedereen (heeft|doet|voelt)\b",
            r"\b(je|jouw) (\w+ ){0,2}(werk|inzet|bijdrage|houding|prestatie|prestaties|output)"
            r" (\w+ ){0,4}(ondermaats|onder de maat|beneden (peil|de maat)|onvoldoende|slordig"
            r"|niet goed genoeg|onacceptabel)\b",
            r"\bwe (zijn|hebben) (het )?allemaal (moe|druk|gestrest|zwaar)\b",
            r"\bhoort (er )?(nu eenmaal |gewoon )?bij (in )?(deze|dit|je) (functie|baan|werk|vak)"
            r"\b",
            r"\bzo (is het|gaat het|werkt het) (nu|nou) eenmaal\b",
            r"\b(nu|nou) eenmaal\b",
            r"\b(regels|beleid) (zijn|is) (regels|beleid|duidelijk)\b",
            r"\bhet beleid is (heel |gewoon )?(duidelijk|zo)\b",
            r"\bdaar (kan|valt|kunnen) (ik|we|je|jij)? ?(niets|niks) (aan )?(doen|te doen|verander"
            r"en)"
            r"\b",
            r"\b(daar|hier) heb ik (nu )?geen tijd voor\b",
            r"(?<!niet je )(?<!niet jouw )(?<!geen )\b(eigen schuld|jouw probleem|je eigen probleem"
            r"|niet mijn probleem|jouw eigen schuld"
            r")\b",
            r"\bje (moet|moest) (maar|gewoon) (even )?(doorbijten|doorzetten|accepteren|wennen)\b",
            r"\bkom op\b",
            r"\bje (doet|bent|zegt|komt) (ook )?(altijd|nooit)\b",
            r"\bmaak (het|er) (nou |nu )?(niet )?(groter|erger) dan\b",
            r"\bdaar (moet|moeten) (je|we|jij) (maar )?mee (leren )?leven\b",
            r"\bzo erg is (dat|het) (toch |nou |nu )?niet\b",
            r"\bhet komt (wel )?goed\b",
            r"\bniet zo (moeilijk|zwaar|dramatisch)\b",
            r"\bstop met (klagen|zeuren|zeiken)\b",
            r"\b(geen|niet) gezeur\b",
            r"\bdaar gaat het (nu |hier )?niet om\b",
            r"\bwe moeten (allemaal|het allemaal)\b",
            r"\bdat is (onzin|belachelijk|flauwekul|overdreven)\b",
            r"\b(rustig|kalm) (nou|maar) (even )?\b",
            r"\bgeen excuses\b",
            r"\bhet is wat het is\b",
            r"\b(dat|het) is (echt |gewoon |toch )?(onzin|flauwekul|nonsens|kletskoek)\b",
            r"^(ach kom|ach|joh|kom op)\b.{0,5}[,.!]",
            r"\btypisch\b",
            r"\b(het is|het was|dat is) (maar|ook maar|gewoon) (een|één)\b",
            r"\b(ze|hij|zij) (bedoelt|bedoelen|bedoelde|bedoelden) het (vast |heus |echt |toch )*n"
            r"iet"
            r" zo\b",
            r"\bhet leven is (nu eenmaal |gewoon )?niet eerlijk\b",
            r"\b(is|klinkt) (wel |nogal |best )?een (groot|zwaar) woord\b",
            r"\bdat zegt iedereen\b",
            r"\b(\w{3,})[,.!]? \1[,.!]? \1\b",
            r"\bje bent (duidelijk|gewoon|overduidelijk|echt|simpelweg) (niet(?! "
            + _NOT_A_FLAW["nl"]
            + r")|te|zo|lui|slordig"
            r"|ongemotiveerd|negatief|lastig)\b",
            r"\bje (let|luistert|doet|denkt|snapt) (ook )?nooit\b",
            r"\beinde (discussie|verhaal)\b",
            r"\b(dat|zo) is (het )?beleid\b",
            r"\b(daar|hier) heb ik (nu |echt |nu echt |gewoon )*geen tijd voor\b",
            r"\b(ik ga|wil ik) (daar |hier )?(verder |echt )?geen discussie\b",
            r"\bgeen discussie (over|meer)\b",
            r"\b(dat|het) (slijt|gaat|waait) (wel |vanzelf )*(over|weg)\b",
            r"\blaat (haar|hem|ze|het) maar\b",
            r"\bik snap (echt |gewoon )?niet hoe (je|jij)\b",
            r"\bhad je (ook |dan |maar |toch )?(gewoon )?(eerder|beter)\b(?! (\w+ ){0,2}mogen\b)",
            r"\b(nou,? )?gefeliciteerd\b.{0,40}\b(gewoon|had|eerder)\b",
            r"^(nou,? )?gefeliciteerd\.",
            # a contradiction, not "dat is niet niks" / "dat is niet oké" said in support
            r"\bdat is (gewoon |helemaal )?niet (waar|zo)\b|\bdat klopt (gewoon |helemaal )?niet\b",
            r"\bdat is jouw mening\b",
            r"\b(je|jij)\b (\w+ ){0,4}(gewoon weer|alweer)\b|^(en )?(gewoon weer|alweer)\b",
            r"\bje had (het|dat|dit) (ook )?(gewoon )?(moeten|kunnen)\b",
            r"\bhou(d)? vol\b",
            r"\bzand erover\b",
            r"\bjonge mensen\b.{0,10}\b(he|toch)\b",
            r"\b(je|jij) (bent|ben) geen\b.{0,20}[,.]? (doe|stel)\b",
        ],
    },
}
# The leader's own reaction to this very moment ("This is awkward for me to say", "Ik vind
# het spannend om dit te zeggen"): name_energy and self_disclosure both (evals/data/README.md).
# "That's hard to say" (I don't know) and "hard for me to say whether ..." are not one.
_OWN_REACTION_EN = [
    r"\b(this|it)('s| is| feels) (\w+ ){0,2}(awkward|uncomfortable|nerve-?wracking|scary|not easy"
    r"|hard|difficult) for me to (say|bring up|raise|talk about)\b(?! (whether|if|what|how|why"
    r"|when|who)\b)",
    r"\bi find (this|it) (\w+ ){0,2}(hard|difficult|awkward|uncomfortable|nerve-?wracking|scary)"
    r" to (say|bring up|raise|talk about)\b(?! (whether|if|what|how|why|when|who)\b)",
    r"\b(that|this|it)('s| is) (really |quite |pretty |a bit |genuinely )?(hard|tough|painful"
    r"|difficult) (for me )?to hear\b",
]
_OWN_REACTION_NL = [
    r"\bik vind het (\w+ ){0,2}(spannend|lastig|moeilijk|ongemakkelijk|eng|niet makkelijk|niet"
    r" leuk) om (je |jou )?(dit|dat) (\w+ ){0,2}te (zeggen|vertellen|bespreken|vragen|benoemen)\b",
    r"\b(dit|het) is (\w+ ){0,2}(spannend|lastig|moeilijk|ongemakkelijk|niet makkelijk) voor mij"
    r" om (dit |dat )?(te zeggen|te vertellen|aan te kaarten|te bespreken)\b(?! (of|wat|hoe"
    r"|waarom|wanneer|wie)\b)",
    r"\b(dat|dit|het) is (best |wel |echt |nogal |een beetje |toch )?(hard|pijnlijk|moeilijk|lastig"
    r"|confronterend|niet leuk) om te horen\b",
    r"\bik merk (eerlijk gezegd |wel |nu )?(dat )?ik (er |daar )?(zelf )?(\w+ ){0,3}(onzeker"
    r"|ongeduldig|geirriteerd|nerveus|zenuwachtig|ongemakkelijk|verdrietig|boos|gespannen|geraakt|emotioneel"
    r"|defensief|kriebelig) (van )?(word|ben)\b",
]

# Round 3: broader lexicons from general Dutch and English usage (idioms for energy, the
# leader's own doubts, backing, brushing off, expectations, summaries), not from any test
# case. Kept apart so the round's additions can be read and reverted as one block.
_BROADER: dict[str, dict[Language, list[str]]] = {
    "summarize": {
        "en": [
            r"\b(comes|came|come) across (to you )?as\b",
            r"\bwhat you (really )?mean is\b",
            r"\bplay (that|it|this) back\b",
            r"\blet me (just )?make sure i('ve| have)? (got|get|understand) (this|that|it|you)\b",
            r"\bin a nutshell\b",
            r"\b(it|this|that|what you'?re saying) (all )?(comes|boils) down to\b",
            r"\bso the (main|real|key|big|core|biggest) (issue|problem|thing|point|concern|worry)"
            r" (for you )?(is|was|seems to be)\b",
            r"\bthe bottom line (for you )?is\b",
            r"\bif i('m| am) following you\b|\bif i follow you\b",
            r"\bto put it (briefly|another way|simply|in a nutshell)\b",
            r"\bwhat i('m| am) taking away\b",
            # their point given back as "for you, it's ..." or "the problem, then, is ..."
            r"^(so,? )?for you,? (the (issue|problem|point|thing|crux|sticking point)('s| is| isn't"
            r"| is not| was| wasn't)|it('s| is) (really |all |mostly |mainly |more )?about)\b",
            r"\bthe (issue|problem|point|thing),? then,? (is|isn't|is not|was)\b",
        ],
        "nl": [
            r"\b(even )?(checken|kijken|nagaan) of ik (het|je|jou|dat|dit) goed (heb|begrijp|snap"
            r"|hoor|volg)\b",
            r"\b(komt|komen|kwam|kwamen) (\w+ ){0,3}(bij jou|bij je|voor jou) (dus )?over als\b",
            r"\bwat (je|jij) (eigenlijk |dus )?(bedoelt|zegt) is\b",
            r"\bvat (ik )?(het|dat|dit)? ?(even |kort )?samen\b",
            r"\bkort gezegd\b",
            r"\bhet komt (er )?(dus |eigenlijk |vooral )*op neer dat\b",
            r"\bin een notendop\b",
            r"\bals ik (je|jou) (goed )?volg\b",
            r"\b(het draait|het gaat) (je |jou |voor jou )?(er )?(dus |eigenlijk |vooral )*om"
            r" dat\b",
            r"\bhet (belangrijkste|grootste) (punt|probleem|knelpunt|bezwaar) (voor jou )?is\b",
            r"\bals ik het (even )?(kort )?samenvat\b",
            r"^voor (jou|je|u),? (is|zit|gaat|draait|ligt) (het|de kern|de crux)\b.{0,40}\bdus\b",
            r"^voor (jou|je|u),? (gaat|draait) het (\w+ ){0,2}om\b",
            r"\b(het probleem|het punt|de kern|het knelpunt) (is|zit|ligt) dus\b",
        ],
    },
    "name_energy": {
        "en": [
            r"^((oh|oof|ah|wow|god|man|yeah|ugh),? )*(that'?s|that is|that was|that sounds( like)?"
            r"|what a|it'?s been|that'?s been)( (really|so|pretty|quite|such|very|incredibly"
            r"|awfully))* (a )?(" + _HARD_TO_BEAR_EN + r")( (day|week|month|year|time|morning"
            r"|night|shift|stretch|situation|thing|one|to hear|to deal with|to carry))?( for you)?"
            r"[.!]*$",
            r"\b(i (can )?(only )?imagine|i bet|i'?m sure|no doubt)( that)? (it|that|this)('s| is"
            r"| was| must be| must have been| has been|'s been| would be| can be)"
            r"( (really|so|pretty|quite|very|a bit|a little|kind of))* (a )?("
            + _HARD_TO_BEAR_EN
            + "|"
            + _FEELINGS_EN
            + r")\b",
            r"\byou look (\w+ ){0,2}(" + _WORN_LOOKS_EN + r")\b",
            r"\byou (don'?t|do not|didn'?t) sound (\w+ ){0,2}(on board|convinced|keen|happy|sure"
            r"|thrilled)\b",
            r"\b(painful|hard|tough|difficult|rough) to hear\b",
            r"\b(frown\w*|fidget\w*|long faces|tired faces)\b",
            r"\b(big |deep |heavy |long )sigh\b",
            r"\brunning on (empty|fumes)\b|\bat the end of your tether\b",
            r"\b(edge|heaviness|unease|weight) in the room\b|\bin the room (today|right now|just"
            r" now)\b",
            r"\byou (still |really |also |do )(seem|look|sound|appear)\b.{0,25}\b("
            + _FEELINGS_EN
            + r")\b",
            r"\byou (seem|look|sound|are|'re|feel|felt)( a bit| quite| really| pretty| so)? (down"
            r"|low|flat|off|fed up|done with)\b",
            r"\b(tears|teary|crying|close to tears|welling up)\b",
            r"\b(something|tension|distance|a wall) between us\b",
            r"\byou (look|seem|sound|are|'re)\b.{0,12}\b(wiped|worn|burnt|burned) out\b",
            r"\bi can tell\b.{0,30}\b(" + _FEELINGS_EN + r")\b",
            r"\b(this|that|it|has|have|had|really|clearly|must have) (really |clearly |properly"
            r" )?(upset|hurt|rattled|shook|shocked|stung|got to|gotten to|affected|thrown) you\b",
            r"\byou (sighed|sigh|groaned|winced|flinched|frowned|tensed up|stiffened|rolled your"
            r" eyes|clenched)\b",
            r"\byour (jaw|hands|fists|face fell|breathing|whole body)\b",
            r"\b(the room|everyone|the team|the group|it|things) (went|got|became|fell|goes|gets)"
            r" (very |really |a bit |so |suddenly |all )?(quiet|silent|tense|heavy|awkward|flat)\b",
            r"\b(a lot of |some )?(tension|unease|frustration|irritation) (in|around) (the room|the"
            r" team|here)\b",
            r"\byou('ve| have)? (gone|turned|going|turning) (\w+ ){0,2}(red|pale|white)\b",
            r"\b(this|it|that) (really |clearly |obviously )?(gets|got|is getting) to you\b",
            r"\byou('re| are|'ve been| have been) (looking|staring) (at the floor|at the ground"
            r"|down|away|at your (feet|shoes|hands|phone))\b|\byou (look|looked) away\b",
            r"\byou('re| are) (blushing|shaking|trembling|clenching your \w+)\b",
            *_OWN_REACTION_EN,
        ],
        "nl": [
            r"^((oh|pff|jeetje|tjonge|au|jee|ai|oei),? )*(dat is|dat was|dat klinkt|wat een|wat"
            r"|het is)( (echt|heel|best|flink|wel|zo|erg|ontzettend|behoorlijk|nogal|vast))*"
            r" (een )?("
            + _HARD_TO_BEAR_NL
            + r")( (dag|week|maand|jaar|tijd|periode|situatie|om te horen|voor je|voor jou))*"
            r"[.!]*$",
            r"\bik kan me (\w+ )?voorstellen dat\b.{0,40}\b("
            + _HARD_TO_BEAR_NL
            + "|"
            + _FEELINGS_NL
            + r")\b",
            r"\b(je|jij) ziet er (\w+ ){0,2}(" + _WORN_LOOKS_NL + r") uit\b",
            # subordinate order: "dat je je daar eenzaam voelt"
            r"\b(je|jij) (je |jezelf )?(\w+ ){0,3}("
            + _FEELINGS_NL
            + r") (voelt|voelde|bent|was|wordt|werd|raakt)\b",
            r"\b(je|jij|ge) (zit|zat|bent|zijt) er (\w+ ){0,3}door(heen)?\b",
            r"\bik (schiet|sla|ga|schoot) (een beetje |wat |meteen |direct )?in de (verdediging"
            r"|kramp)\b",
            r"\b(weinig|geen|niet veel|nauwelijks) (enthousiasme|energie|vuur)\b",
            r"\b(spannend|naar|moeilijk|rot|heftig|zwaar|confronterend) om te horen\b",
            r"\b(gefronst\w*|frons\w*|friemel\w*|wiebel\w*|gezichten)\b",
            r"\bauw\b",
            r"\b(moet|moest) ik (even |wel )?van slikken\b|\bslik ik (even|wel)\b",
            r"\bop (je|jouw|mijn|zijn|haar|hun|ons|onze) tandvlees\b|\bop reserve\b",
            r"\b(je|jij) (\w+ )?(lijkt|leek|klinkt|klonk|oogt)\b.{0,25}\b(" + _FEELINGS_NL + r")\b",
            r"\b(je|jij) (bent|lijkt|was|leek) (er |het )?(echt |helemaal |wel |een beetje"
            r" )*(klaar mee|zat)\b",
            r"\b(er )?(hangt|zit|staat) (er )?(iets|wat|spanning|een sfeer) tussen ons\b",
            r"\b(je|jij) (hebt|had) (er |daar )?(echt |best |veel |flink |nogal )*last van\b",
            r"\bzit (je|jou) (echt |nog |flink |behoorlijk |wel )*dwars\b",
            r"\bhakt (er )?(echt |flink |behoorlijk |wel )*in\b",
            r"\b(je|jij) (baalt|baalde|balen)\b",
            r"\b(vol ?schiet|schiet(en)? (je ogen )?vol|tranen|huilen|huilt)\b",
            r"\b(je|jij) (bent|lijkt|leek|oogt|was|klinkt) (echt |helemaal |compleet |wel |best"
            r" |een beetje |nogal )*op\s*([.,!?;]|$)",
            r"\b(je|jij) (bent|lijkt|leek|oogt|voelt je|klinkt) (echt |helemaal |compleet |wel"
            r" |best |een beetje |nogal )*(kapot|down|stuk)\b",
            r"\b(zit|zat) (je|jij)? ?(er |d'r )?(echt |helemaal |flink |nogal |wel )*doorheen\b",
            r"\b(je|jij) (zit|zat) (er |d'r )?(echt |helemaal |flink |nogal |wel )*doorheen\b",
            r"\b(je|jij) (komt|kwam)\b.{0,25}\b(" + _FEELINGS_NL + r")\b.{0,10}\bover\b",
            r"\bje (zuchtte|zucht|fronste|fronst|kreunde|verstijfde|rolde met je ogen|balde)\b",
            r"\b(je|jouw) (kaken|handen|vuisten|wenkbrauwen|adem|ademhaling)\b",
            r"\b(het|de kamer|de ruimte|de groep|het team|iedereen|de zaal) (werd|wordt|viel|valt)"
            r" (ineens |opeens |heel |erg |wat |zo )?(stil|ongemakkelijk|gespannen|zwaar)\b",
            r"\b(het|de kamer|de ruimte|de groep|het team|iedereen|de zaal) (ineens |opeens |heel"
            r" |erg |wat |zo )?(stil|ongemakkelijk|gespannen) (werd|wordt|viel)\b",
            r"\b(drukte|spanning|onrust|ongemak|irritatie) (in|op) (de|het) (kamer|ruimte|groep"
            r"|team|zaal|afdeling)\b",
            r"\b(dit|dat|het) (heeft|had) (je|jou) (echt |flink |behoorlijk )?(geraakt|gekwetst"
            r"|aangegrepen|van slag gebracht|dwarsgezeten)\b",
            r"\b(je|jij|ge) (wordt|werd|bent|ziet) (\w+ ){0,2}(rood|bleek|wit)\b|\brood"
            r" aangelopen\b",
            r"\b(je|jij) (trilt|beeft|bijt op je lip)\b",
            r"\b(je|jij) (kijkt|keek|staart) (naar de grond|naar beneden|weg|naar je (schoenen"
            r"|voeten|handen|telefoon))\b",
            *_OWN_REACTION_NL,
        ],
    },
    "self_disclosure": {
        "en": [
            r"^(me too|same here|i do too|i did too|me neither)\b",
            r"\bi('ve| have) (also )?felt (it|that|the same|this)\b",
            r"\bi('m| am) still (making sense|figuring|working out|trying to (understand|figure)"
            r"|processing)\b",
            r"\b(bugs|gets to|eats at|stresses|gnaws at) me\b",
            r"\bmy stomach\b|\bbutterflies\b",
            r"\bi won'?t pretend (i|to)\b",
            r"\bi (used to|once) (feel|think|felt|thought) (that|the same|like that|this)\b",
            r"\b(isn'?t|is not|wasn'?t|was not|hasn'?t been) easy for me\b",
            r"\bi (feel|felt) (really |pretty |quite |a bit )?(bad|terrible|awful|rotten)\b",
            r"\bi (got|had) (it|that|this) (all )?wrong\b",
            r"\bi'?ll be (straight|upfront|open) with you\b.{0,40}\bi\b",
            r"\bi('m| am) not (sure|certain) myself\b",
            r"\bi (feel|felt|'m|am|was) (a bit |quite |also |myself |honestly |really |pretty )*"
            r"(lost|out of my depth|conflicted|stuck|in two minds|on the fence|disappointed"
            r"|uneasy|overwhelmed)\b",
            r"\bi (also |honestly )?(don'?t|do not) know (either|myself|the answer either)\b",
            r"\bi('ve| have) (also )?(been|gone) through (that|this|the same|something similar)\b",
            r"\bi (was|got|have been|'ve been) (really |pretty |quite )?(nervous|scared|unsure"
            r"|anxious|stressed) (about|when|too|myself|as well)\b",
            r"\b(it|this|that) (was|is) (hard|difficult|tough) for me (too|as well)?\b",
            *_OWN_REACTION_EN,
            r"\bi('m| am) (also |really |definitely )?feeling (the )?(pressure|strain|stress|heat)"
            r" (too|as well)\b",
        ],
        "nl": [
            r"\bik (schrok|schrik) (er |daar )?(wel |echt |best )?(van)?\b",
            r"\bik (schiet|sla|ga|schoot) (een beetje |wat |meteen |direct )?in de (verdediging"
            r"|kramp)\b",
            r"\b(spannend|naar|moeilijk|rot|heftig|zwaar|confronterend) om te horen\b",
            r"\b(moet|moest) ik (even |wel )?van slikken\b|\bslik ik (even|wel)\b",
            r"\bik herken (dat|het|dit) (wel|ook|zelf|goed)\b",
            r"^(ik ook|ik evengoed|hier ook)\b",
            r"\b(dat|zo) (vond|voelde|dacht|deed) ik (vroeger |zelf |destijds )?ook\b",
            r"\bik voel me (er |daar )?(\w+ ){0,2}niet (helemaal |echt )?(lekker|prettig|goed)"
            r" (bij|over|onder)\b",
            r"\bmijn (maag|buik)\b",
            r"\bik moet (je )?eerlijk zeggen\b.{0,40}\bik\b",
            r"\bik heb (hier |daar |er )?(ook |zelf )*geen (pasklaar |kant-en-klaar |eenduidig "
            r"|simpel )?antwoord\b",
            r"\b(niet|geen) (makkelijk|gemakkelijk|eenvoudig) voor (mij|me)\b",
            r"\bvoor mij (is|was) (dit|dat|het) (ook )?(niet makkelijk|niet eenvoudig|lastig"
            r"|moeilijk|zwaar)\b",
            r"\bik voel me (er |daar )?(echt |best |nogal )?(rot|slecht|schuldig|beroerd) (over"
            r"|onder)\b",
            r"\bik heb (het|dat|dit) (echt |gewoon )?(verkeerd|fout) (gedaan|ingeschat|aangepakt"
            r"|gezien)\b",
            r"\bik zat (er |daar )?(echt |gewoon )?(fout|naast|verkeerd)\b",
            r"\bik (vind|vond) (het|dat|dit) zelf (ook )?(best |echt |heel |wel )?(lastig|moeilijk"
            r"|spannend|eng|zwaar|ingewikkeld|vervelend|naar|pijnlijk|jammer|ongemakkelijk|rot)\b",
            r"\bik weet het (zelf )?ook niet\b",
            r"\bik zit (zelf |ook |zelf ook )*(met|in) (twijfels|dubio|tweestrijd)\b",
            r"\bik heb (het|dat|dit) (zelf )?(ook )?(lastig|moeilijk|zwaar) (gehad|gevonden)\b",
            r"\bik voel me (zelf )?(ook )?(\w+ )?(machteloos|onzeker|schuldig|verantwoordelijk"
            r"|ongemakkelijk|verdrietig|teleurgesteld|ongerust)\b",
            r"\bik (vond|vind) (dat|dit|het) (zelf )?(ook )?(best |echt |heel )?(eng|spannend)\b",
            *_OWN_REACTION_NL,
        ],
    },
    "backing": {
        "en": [
            r"\b(take|taking) (all |whatever |as much )?(the |your )?time( you need)?\b(?! off)",
            r"\bi('ll| will) cover (your|for)\b",
            _NO_APOLOGY["en"] + r"|\bthere'?s nothing to apologi[sz]e\b",
            r"\b(glad|happy|lucky) (to have you|you'?re (on|in|here|part))\b",
            r"\bfight for you\b|\bstand up for you\b",
            r"\bi('ll| will| can) take (your|this|these|those) (concerns?|case|point|feedback)"
            r" (to|up with)\b",
            r"\bi('ll| will) (call|talk to|speak to) (him|her|them) myself\b",
            r"\bmy people\b",
            r"\bi('m| am) (really |very |so )?(happy|pleased) with (your|you|how you)\b",
            r"\byou can (always )?come (to|and talk to) me\b",
            r"\byou('re| are|'ve been| have been) doing (really |very |so |incredibly )?well\b",
            r"\b(that'?s|that is|it'?s|this is) on me,? not (on )?you\b",
            r"\bi('ll| will) take the (heat|hit|fall|flak)\b",
            r"\byou (did|handled|managed) (that |it |this )?(really |very |so |incredibly )?(well"
            r"|brilliantly|great)\b",
            r"\byou did (a )?(great|good|brilliant|fantastic|excellent) (job|work)?\b",
            r"\bi value (you|your|what you|having you)\b",
            r"\bi('ll| will) (speak|go) to (them|him|her|management|the board) (for|on behalf of)"
            r" you\b",
        ],
        "nl": [
            r"\b(dat|het|dit) (is|ligt) (bij|op|aan) mij,? niet (bij|op|aan) (jou|je)\b",
            r"\bik (ga|zal) (er |daar )?(vandaag |zelf |meteen |persoonlijk )*(achteraan|iets van"
            r" zeggen|werk van maken)\b",
            r"\bdat pik ik niet\b",
            r"\b(neem|nemen) (gerust |rustig |maar )*(je|jouw|de|alle) (tijd|ruimte)\b",
            r"\bik ben er( gewoon| altijd| echt| hoor)?\s*([,.!;]|$)",
            r"\bhet mag er zijn\b|\b(hoef|hoeft) (je|jij) geen (sorry|excuses)\b",
            _NO_APOLOGY["nl"],
            r"\bik ben (heel |echt |erg |zeer )?tevreden (over|met) (je|jou)\b",
            r"\b(opkomen|vechten) voor (je|jou|jullie)\b|\bkom (ik|ik wel) voor (je|jou) op\b",
            r"\b(je bent|jij bent) (echt |heel |erg |enorm )?van (grote |veel )?waarde\b",
            r"\bwaardeer ik\b",
            r"\bik ben (je|jou) (heel |echt |erg )?dankbaar\b",
            r"\b(dat|dit|het) neem ik (op me|op mij|voor mijn rekening)\b",
            r"\bik neem (dit|dat|het) (\w+ ){0,4}(op me|op mij|voor mijn rekening)\b",
            r"\bik neem (de )?(verantwoordelijkheid|schuld)( op me)?\b",
            r"\bik dek (je|jou) (in|af)\b|\bik dek (je|jou)\b",
            r"\b(dat|het|dit) heb je (echt |heel |erg |super )?(goed|knap|sterk|mooi|netjes)"
            r" (gedaan|aangepakt|opgelost|opgepakt)\b",
            r"\bje hebt (het|dat|dit) (echt |heel |erg )?(goed|knap|sterk|mooi|netjes)"
            r" (gedaan|aangepakt|opgelost|opgepakt)\b",
            r"\bik (hou|houd) (je|jou) de hand boven het hoofd\b",
            # "Je bent niet alleen te laat, ..." (not only ... but) is no support
            r"\b(je|jij|u|ge) (staat|staan|bent|zijt) er niet alleen voor\b|\b(je|jij) bent"
            r" (hierin |daarin )?niet alleen( hoor)?\s*([.,!;]|$)",
        ],
    },
    "dismissive": {
        "en": [
            # "Right, about the numbers." changes the subject; "So about how many ...?" asks,
            # "So about eight cigarettes." gives a number back
            r"^(right|ok|okay|anyway|so)[.,!]? (anyway,? )?(about (?!(how|half|a|an|\d+|one|two"
            r"|three|four|five|six|seven|eight|nine|ten|twenty)\b)"
            r"|back to|moving on|on to|let'?s move on)\b",
            r"^next[.!]?$",
            r"\bbecause i said so\b|\bnot going to happen\b",
            r"^do better[.!]?$|\b(you|you'll|you will|you need to|you have to|you must|you should)"
            r" do better\.$",
            r"\bwelcome to the real world\b|\bpart of the job\b",
            r"\b(kids|young people|millennials|youngsters) (these days|nowadays|today)\b",
            r"\blook (how|where) that (got|turned|went)\b",
            r"\bwe all have (bad|off) days\b|\bnobody said (it|this) would be easy\b",
            r"\bnot my (department|job|responsibility)\b",
            r"\bi have (\w+ )?(other|better|more important) things to do\b",
            r"\bwe (don'?t|do not) have to be friends\b",
            r"\btrust the process\b",
            r"\b(there'?s|that'?s) a (big )?difference\s*[.!]?$",
            r"\bnot this again\b",
            r"\byou'?ll get over it\b",
            r"\bmountain out of a molehill\b",
            r"\b(tough luck|too bad)\b",
            r"\bthat'?s how we do (it|things) (here|around here)\b",
            r"^i'?m not \w+ing( \w+){0,3},? i'?m \w+ing\b",
            r"\b(that'?s|it'?s) (just |simply )?(the |company )?(policy|the rules)\s*[.!]?$",
            r"\byou('re| are) (being )?(over-?sensitive|thin-skinned|too emotional|precious"
            r"|paranoid|a baby|childish|dramatic)\b",
            r"\bno need to (get|be) (so )?(upset|worked up|emotional|dramatic|angry)\b",
            r"\b(it|that) could (always )?be worse\b",
            r"\bworse things happen\b",
            r"\b(that'?s|that is) no excuse\b|\bi (don'?t|do not) want (to hear )?(any )?excuses\b",
            r"\bin my day\b(?!-)",
            r"\b(it'?s|that'?s) not rocket science\b",
            r"\bstop being so\b",
            r"\byou('re| are) (clearly|obviously|simply|just|plainly) (just |simply )?(not(?! "
            + _NOT_A_FLAW["en"]
            + r")|lazy"
            r"|careless|sloppy|unmotivated)\b",
            r"\bnot (that|such|so) big (of )?a deal\b|\bno big deal\b",
        ],
        "nl": [
            r"^(oh|nou|goed|oke|ok|ja)\b.{0,20}\b(dan|nu) (even |maar )?(over|naar) (de|het|iets"
            r"|ander)\b",
            r"\bomdat ik het zeg\b",
            r"\b(die |de )?(jonge gasten|jongeren van tegenwoordig|jeugd van tegenwoordig)\b",
            r"\bwe hebben (allemaal|het allemaal) (weleens|wel eens|ook|soms)\b",
            r"\bniemand (zei|zegt|heeft gezegd) dat het (makkelijk|gemakkelijk)\b",
            r"\bhet is (ook )?nooit goed\b|\b(iedereen|jullie) (klaagt|klagen) (altijd|alleen"
            r" maar|maar)\b",
            r"\bniet mijn (pakkie-?an|afdeling|taak|verantwoordelijkheid)\b",
            r"\bsorry helpt niet\b",
            r"\b(andere|belangrijkere|vijftig|honderd) (andere )?dingen te doen\b",
            r"\bwe hoeven geen vrienden te (worden|zijn)\b",
            r"\b(da\'?s|dat is|er is) (wel )?een (groot )?verschil\s*[.!]?$",
            r"\bniet zo (somber|zwartgallig|pessimistisch)\b",
            r"\bhoort bij het vak\b",
            r"\b(dat|het|zoiets) hoort (er )?(gewoon|nou eenmaal|nu eenmaal) (er)?bij\b",
            r"\b(piepen|janken|mekkeren|zeiken|zaniken)\b",
            r"\bwen (er |daar )?(maar )?aan\b|\bdat went wel\b",
            r"\biedereen (maakt|krijgt|zit|heeft) (dat|dit|het|ermee|er) (wel )?(mee|te maken)?\b",
            r"\bdaar hebben we het (toch )?(al|al eens|al vaker) over gehad\b",
            r"\bvan een mug een olifant\b",
            r"\bzo gaat (dat|het) (hier )?(nu eenmaal|nou eenmaal|gewoon)\b",
            r"\b(pech gehad|jammer dan)\b",
            r"\bbegin je (nu |nou )?(alweer|weer)\b",
            r"\bhad je (dat |het |dit )?(dan )?maar\b",
            r"\b(moet|moest) je (maar|gewoon) (even )?(overheen stappen|overheen|mee dealen|tegen"
            r" kunnen|mee leren leven)\b",
            r"\bje moet (er )?(gewoon |maar )?tegen ?kunnen\b",
            r"\bniet zo (gevoelig|lichtgeraakt|negatief|kinderachtig)\b",
            r"\bhet kan (altijd |nog )?erger\b",
            r"\b(dat|het) is geen (excuus|reden)\b|\bik wil geen excuses\b",
            r"\bin mijn tijd\b",
            r"\bdaar moet je boven staan\b",
            r"\bje bent (gewoon )?(te|veel te|zo) (gevoelig|emotioneel|dramatisch)\b",
        ],
    },
    "ask_expectation": {
        "en": [
            r"\bwhat (would|does|should) (better |good |more |real )?(support|help|backing)"
            r" (from me )?look like\b",
            r"\bfrom me\b.{0,25}\blook like\b",
            # looking back: what they would have needed from the leader then
            r"\bwhat (would|might) you have (expected|needed|wanted|liked|hoped for)\b.{0,25}"
            r"\b(from|of) (me|us)\b",
            r"\bwhat (could|should|might) i have done (differently|better|for you|to help)\b",
            r"\bwhat (does|do|would|will) (the team|the group|everyone|you all|you guys|you two)"
            r" need from (me|us)\b",
        ],
        "nl": [
            r"\bwat (mag|kan|kun) ik (\w+ )?(voor (je|jou|jullie)|betekenen)\b",
            r"\bwat (had|hadden) (je|jij|jullie|u)\b.{0,30}\b(van mij|van me|van ons)\b.{0,20}"
            r"\b(nodig|verwacht|gewild|willen|gezien|zien|gehoopt|gemist)\b",
            r"\bwat had ik (\w+ )?(anders|beter|meer) (kunnen|moeten) doen\b",
            r"\bhoe ziet (goede |betere |meer )?(steun|hulp|ondersteuning) (van mij |van mijn"
            r" kant )?(eruit|er (\w+ ){0,3}uit)\b",
        ],
    },
    "name_unspoken": {
        "en": [
            r"['\"](yes|yeah|yep|maybe|fine|ok|okay|sure|whatever|i guess)['\"]",
            r"\b(nobody|no one|no-one) (is )?(says?|said|saying|speaks|spoke|unmut\w*|responds?"
            r"|responded|reacts?|reacted|volunteers?|volunteered)\b",
            r"\byou('re| are)? (smil\w+|nod\w*|laugh\w*)\b.{0,25}\bbut\b",
            r"\bi (can )?(see|sense|notice|hear) (that )?you('re| are) (hesitant|unsure|in two"
            r" minds|not (really )?sure)\b",
        ],
        "nl": [
            r"['\"](ja|jawel|misschien|prima|oke|ok|goed|is goed|maar goed|wat jij wil|boeit)['\"]",
            r"^(alleen|enkel|gewoon) ['\"]?(ja|nee|prima|oke|goed)['\"]?\s*\?",
            r"\bstiller\b",
            r"\bniemand (zegt|zei) (iets|wat|niets|niks)\b|\bniemand (meldt|meldde|reageert"
            r"|reageerde)\b",
            r"\bje (lacht|glimlacht|knikt)\b.{0,25}\bmaar\b",
            r"\bik (merk|zie|hoor) dat (je|jij) twijfelt\b",
        ],
    },
    "state_expectation": {
        "en": [
            r"\bi('d| would) like you (in|at|on|here|back)\b|\bi want you (in|at|on|here|back)\b",
            r"\bi expect (\w+ ){0,2}(reports?|updates?|all|every|each|your|people|everyone)\b",
            r"\bnext time,? (just |simply |please )?(loop|let|tell|check|double-check|ask|send"
            r"|make|give|come|run)\b",
            r"\bnext time,? i('d| would) (like|want|need|expect)\b|\bnext time,? i (want|need"
            r"|expect)\b",
            r"\bmy expectations?:|\b(can|could|shall) we agree (that )?(i|you|we)\b",
            # a yes with a condition ("That's fine, as long as you're in for standup")
            r"\b(fine|okay|ok|good|no problem|that works)\b[^.?!]{0,25}\bas long as you\b",
            r"\b(by|before) (\d{1,2}(:\d\d)?( ?[ap]m)?|nine|ten|eleven|noon|eod|end of (the"
            r" )?(day|week|month)|close of business)\b",
            r"\bnon-?negotiable\b",
            r"\bwe agreed (that|on|you)\b",
            r"\bmy ask (of you |of the team )?is\b",
            r"\bthe (expectation|idea) is (that )?(you|everyone)\b",
            r"\bi('d| would) appreciate it if you\b",
            r"\bwhat i('m| am) looking for (is|from you)\b",
            r"\bi('ll| will) need you to\b",
            # a plan the leader lays down for the two of them, or "the ask" announced
            r"\bi('d| would) like (for )?(us|the two of us|you and me|you and i) to (meet|sit down"
            r"|check in|catch up|get together|talk again|come back|set|agree|make|look|review)\b",
            r"\bhere'?s (the|my) ask\b",
            # an agreement the leader proposes ("Can we agree that you ...?")
            r"\b(can|could|shall|should) we (all )?agree (that|to|on (a|an|the|how|when|who"
            r"|some|next))\b",
            r"\b(can|could|shall) we make (a|an) (deal|agreement)\b|\bare we agreed (that|on)\b",
        ],
        "nl": [
            r"\bwat ik (\w+ ){1,3}(verwacht|nodig heb|vraag)\b",
            r"\bik wil\b.{0,40}\b(voortaan|vanaf nu|elke|iedere|uiterlijk)\b",
            r"\b(de )?volgende keer (\w+ )?(wil ik|verwacht ik|meld je|laat je|kom je|hoor ik"
            r"|moet je)\b",
            r"\bik (heb|zie|ontvang|krijg) (het|dat|dit|die|de \w+|je \w+|jouw \w+) (graag"
            r"|uiterlijk)\b",
            r"\b(niet onderhandelbaar|daar valt niet over te onderhandelen)\b",
            r"\bmijn vraag (aan jou |aan je |aan jullie )?is (om|dat)\b",
            r"\buiterlijk\b",
            r"\bvoor (het )?(einde?|eind) van (de|deze|volgende) (dag|week|maand)\b",
            r"\bhet is de bedoeling dat\b",
            r"\bde verwachting is\b",
            r"\bik zou (het )?(fijn|prettig) vinden (als|dat) (je|jij|jullie)\b",
            r"\bik ga ervan uit dat (je|jij|jullie)\b.{0,60}\b(voor|uiterlijk|op tijd|klaar|af"
            r"|voortaan)\b",
            r"\bmijn verzoek (aan (jou|je|jullie) )?is\b",
            r"\b(laten|zullen|kunnen|moeten) we (\w+ )?afspreken (dat|om)\b",
            r"\bik (wil|zou) (graag )?(\w+ )?met (je|jou|jullie) afspreken (dat|om)\b",
        ],
    },
}
# Round 10: general forms a fresh blind set (evals/data/listening_turns_dev4.yaml) showed
# the cues lacked: specific appreciation of the person's work, the leader's own past
# experience, an assumption looked back on, adapting as an order. Kept apart like _BROADER.
_ROUND10: dict[str, dict[Language, list[str]]] = {
    "backing": {
        "en": [
            r"\byour (\w[\w'-]* ){1,4}(was|is|were|are) (genuinely |really |very |super |truly"
            r" |honestly |seriously )?(good|great|strong|excellent|brilliant|solid|impressive"
            r"|valuable|spot on)\b",
            r"\b(one of )?my (go-to|most reliable|best|strongest) (people|person|players?)\b",
            r"\bworth (its|your) weight in gold\b",
        ],
        "nl": [
            r"\b(je|jouw) (\w[\w'-]* ){1,4}(was|is|waren|zijn) (echt |heel |erg |super |ontzettend"
            r" |gewoon )?(goed|sterk|top|waardevol|uitstekend|goud waard)\b",
            r"\bgoud waard\b",
        ],
    },
    "self_disclosure": {
        "en": [
            r"\bmy (own )?first (big |real |major )?(mistake|blunder|screw-?up|cock-?up|fail)\b",
            r"\b(is|was) (really |very |quite |pretty |genuinely )?(difficult|hard|tough|not easy"
            r"|scary) for me\b",
            r"\bi (still )?remember (when|how) i\b",
            r"\bi('ve| have) been there( myself| too)?\b",
            r"\bi know (\w+ ){0,2}(how|what) (\w+ ){0,2}(that|it) feels?( like)?\b",
            r"\bin my (own )?first (year|week|month|months|job|role) (here|as)\b|\bi did something"
            r" (very |really )?similar\b",
        ],
        "nl": [
            r"\bbij mijn eerste\b",
            r"\b(ik heb|heb ik) er (\w+ ){0,2}(van )?wakker (van )?gelegen\b",
            r"\b(die|dat|dit) (twijfel|gevoel|angst|stress|onzekerheid) ken ik\b",
            r"\bken ik (zelf )?(ook|maar al te goed)\b",
            r"\bik weet (\w+ ){0,2}hoe (\w+ ){0,2}(dat|het) voelt\b",
            r"\bin mijn (eigen )?eerste (jaar|week|maand|maanden|baan) (hier|als)\b",
        ],
    },
    "ask_expectation": {
        "en": [
            r"\bwhat (can|could|should|would) i( or the team| or we| as your manager)? (be )?(do"
            r"|doing|change|changing|do differently)\b(?! (about|with) (it|this|that)\b)",
            r"\bwhat you('d)? (need|want|expect|would like) from (me|us)\b",
        ],
        "nl": [],
    },
    "open_question": {
        "en": [],
        "nl": [r"\bik vraag me (eigenlijk |wel |toch |dan )?af (hoe|wat|waarom|wie|welke|waar)\b"],
    },
    "name_energy": {
        "en": [r"\byou('re| are) (not|hardly) (really )?looking at me\b"],
        "nl": [r"\b(je|jij) kijkt (me|mij) (\w+ )?niet (meer )?aan\b"],
    },
    "name_unspoken": {
        "en": [
            r"\byou('re| are) keeping (it|this|your answers) (very |really |quite |so )?short\b"
        ],
        "nl": [r"\b(je|jij) houdt (het|je antwoorden) (heel |erg |wel |zo |nogal )?kort\b"],
    },
    "check_assumption": {
        "en": [r"\bi('d| had| have|'ve)( been)? assum(ed|ing)\b"],
        "nl": [
            r"\bik (ging|was) er( \w+)? van uit(gegaan)?\b|\bik ging ervan uit\b"
            r"|\bik was ervan uitgegaan\b|\bik had (eigenlijk |stiekem )?aangenomen\b"
        ],
    },
    "dismissive": {
        "en": [
            r"\byou('ll| will| are going to|'re going to)( just)? (have|need) to (adjust|accept it"
            r"|live with it|get used to|deal with it|get over it)\b",
            # a rule stated as a tautology ends the talk: "Three days is three days"
            r"\b(?!fair is fair|enough is enough)(?P<said>\w+ \w+|\w+) (is|are) (?P=said)"
            r"(?=\s*([.!;:]|$|,(?! (but|and)\b)))",
            r"\byou'?re imagining (it|things|that)\b|\bthat'?s not what i said\b"
            r"|\bi never said that\b",
            r"\bsurely you (know|knew|could have|should have)\b",
            # others manage, so the complaint is theirs alone
            r"\b((everyone|everybody) else|all the others|the rest of (us|the team))"
            r" (manages?|copes?|can do it|does it|seems? to manage)\b",
            r"\bnot worth getting (so )?(worked|wound|het) up\b"
            r"|\b(don'?t|no need to) get (so )?(worked|wound) up\b",
            r"\b(literally|simply|just) (what you'?re paid for|your job|my job)\b"
            r"|\bwhat you'?re paid for\b",
            # closing the subject after a rule: "... I'm not reopening it. End of."
            r"(^|[,.;:!] )(end of( story| discussion)?|discussion closed)[.!]*$",
            r"\byou'?re (just )?(overthinking|overreacting|being (a bit |so |too )?(precious"
            r"|dramatic|sensitive|touchy))\b",
            r"\bbecause it'?s (company |the )?(policy|the rule|the rules)\b",
            r"\bthat'?s (hybrid|life|business|corporate|the job|work) for you\b"
            r"|\bsame for (all of us|everyone|everybody)\b",
        ],
        "nl": [
            r"\b((je|jij) (zult|zal)|(zul|zal) (je|jij)) (je )?((daar|er|maar|gewoon|toch) ){0,3}"
            r"(aan |bij |mee )?(leren )?moeten (aanpassen|wennen|leven|neerleggen)\b",
            r"\b((je|jij) moet|moet (je|jij)) (je )?((daar|er) )?(maar|gewoon) ((daar|er) )?"
            r"(aan |bij )?(aanpassen|wennen|neerleggen)\b",
            r"\b(?!eerlijk is eerlijk|genoeg is genoeg)(?P<said>\w+ \w+|\w+) (is|zijn) (?P=said)"
            r"(?=\s*([.!;:]|$|,(?! (maar|en)\b)))",
            r"\b(dat|het) verbeeld (je|jij) (je|jezelf)\b"
            r"|\bdat heb ik (zo |echt )?(helemaal |nooit )?niet gezegd\b",
            r"\b(niet|geen) (over )?(zagen|zeuren|zaniken|mekkeren)\b|\bover zagen\b",
            r"\b(had|kon) (je|jij) (dat |het |dit )?(toch|nou) (ook )?(zelf )?(wel )?(kunnen )?"
            r"(bedenken|weten|zien|checken|nagaan)\b",
            r"\b(je|jij) (weet|wist) (toch|best|heus) (wel )?dat (dat|het|dit|je|jij) (niet|nooit"
            r"|geen)\b",
            r"\b(iedereen|de rest|de anderen|anderen) (kan|kunnen|lukt|redt|redden) (het|dat) toch"
            r" (ook|wel)\b",
            r"\b(dat|da)'?s (gewoon |nu eenmaal |nou eenmaal )?(je|jouw) (job|werk|taak)\b",
            r"\bwaar je voor betaald wordt\b",
        ],
    },
}
# Round 15: reassurance said by denying a flaw or a fault ("it's not your fault", "je bent
# geen idioot") backs the employee, as the annotators label it.
_NOT_YOUR_FAULT: dict[Language, str] = {
    "en": r"(\bnot|n't|\bnever) (\w+ )?(your fault|on you|down to you)\b"
    r"|\byou('re| are| were|'re really| are really) not (stupid|an idiot|a failure|to blame"
    r"|the problem|useless|incompetent)\b|\b(that|it) (was|is)(n't| not) (stupid|dumb)\b",
    "nl": r"\bniet (\w+ )?(je|jouw) (eigen )?schuld\b"
    r"|\b(dat|het) ligt niet (alleen )?(aan|bij) (jou|je)\b"
    r"|\b(je|jij) bent (echt |heus |helemaal |zeker )?(geen (idioot|mislukkeling|sukkel"
    r"|loser|prutser)|niet (dom|stom|gek|de schuldige|het probleem))\b"
    r"|\b(dat|het) (was|is) (echt |helemaal |heus )?niet (dom|stom)\b"
    r"|\b(vond|vind) (ik )?(je|jou|het|dat) (echt |helemaal |heus )?niet (dom|stom)\b",
}
# ... and reassurance that denies a difficulty ("het is niet makkelijk voor je geweest",
# "that's no small thing", "you're not alone"), which may be support or a reflection.
_NOT_A_SMALL_THING: dict[Language, str] = {
    "en": r"(\bnot|n't|\bnever) (been |be |an? |exactly |always |that )?(easy|simple|nothing"
    r"|a small thing|small stuff)\b"
    r"|\bno (small|easy|little|mean) (thing|feat|task|matter|week|job|decision|step)\b"
    r"|\b(you're|you are) not alone\b",
    "nl": r"\b(niet|nooit) (echt |altijd |zo |bepaald )?(makkelijk|gemakkelijk|eenvoudig|niks"
    r"|niets|vanzelfsprekend|zomaar (iets|wat))\b"
    r"|\bgeen (makkelijke|gemakkelijke|eenvoudige|kleine) \w+|\bgeen (kleinigheid|pretje)\b"
    r"|\bniet alleen (voor|in)\b",
}
# A trained part that hears a brush-off in such a negation is overruled
# (Labelling.reassuring); the rules' own reproaches are not.
_REASSURES: dict[Language, re.Pattern[str]] = {
    lang: re.compile(_NOT_YOUR_FAULT[lang] + "|" + _NOT_A_SMALL_THING[lang]) for lang in LANGUAGES
}
_ROUND15: dict[str, dict[Language, list[str]]] = {
    "backing": {lang: [_NOT_YOUR_FAULT[lang]] for lang in LANGUAGES},
    # waving a worry away minimises it (evals/data/README.md, "Reassurance"); it is no advice
    "dismissive": {
        "en": [r"\bdon'?t (you )?(worry|stress)\b"],
        "nl": [
            r"\bmaak (je|jij) (je )?(daar |er )?(maar |nou |nu |toch )?(niet|nie|geen) (zo |te )?"
            r"(druk|zorgen)\b|^(joh,? |ach,? )?geen zorgen\b"
        ],
    },
}
for _extra in (_BROADER, _ROUND10, _ROUND15):
    for _label, _per_lang in _extra.items():
        for _lang, _patterns in _per_lang.items():
            _CUES[_label][_lang].extend(_patterns)

_COMPILED: dict[str, dict[Language, re.Pattern[str]]] = {
    label: {lang: _compile(patterns) for lang, patterns in per_lang.items()}
    for label, per_lang in _CUES.items()
}

# ---------------------------------------------------------------- question form
_FILLERS = re.compile(
    r"^((okay|ok|oke|oké|so|well|and|but|uh|um|uhm|hmm|mm-?hmm|right|yeah|yes|alright|all right"
    r"|now|then|en|dus|maar|nou|goed|ja|nee|eh|ehm|hm|oh|ah|ik snap het|i see|got it|sure|good"
    r"|great|and then|en dan|oke dus|hey|hi|hallo)[,.!]?\s+"
    r"|(you know|weet je|zeg|luister|look|kijk)[,.!]\s+)+"
)
_OPEN_START = {
    "en": re.compile(
        r"^(?!what (you'?re|you are|you'?ve been) (saying|telling me)\b)"
        r"((about|roughly|approximately) )?(what|how|why|which|where|when|who|whom|whose"
        r"|in what way|to what extent|tell me"
        r"|describe|walk me|help me understand|talk (to me )?about|in which|since when|how come"
        # "Anything else?" widens the conversation, whatever its yes/no form
        r"|(and |so |is there |was there |are there )?(anything|something) else\b"
        r"|(and |so |are there |were there )?any other (thing|things|idea|ideas|thought|thoughts"
        r"|concern|concerns|way|ways|reason|reasons)"
        r")\b"
    ),
    "nl": re.compile(
        r"^(?!wat (je|jij) (zegt|bedoelt|vertelt) is\b)"
        r"(wat|hoe|hoezo|hoelang|waarom|welke|welk|waar\w*|wanneer|wie|in hoeverre|op welke"
        r"|in welke|sinds wanneer|vertel|beschrijf|leg (eens |me )?uit|help me"
        r"|(en |dus )?(is er |was er |zijn er )?(verder )?nog (iets|meer|andere? (dingen|ideeen"
        r"|gedachten|zorgen|redenen|manieren))"
        r")\b"
    ),
}
# "How could you ..." reproaches only when what follows is the deed ("How could you forget?");
# "How could you make that work?" explores options.
_HOW_COULD_YOU = (
    r"how (could|can) you (possibly |ever |even |just )?(do|let|forget|miss|say|be so|allow"
    r"|ignore|treat|fail|not|think (that|so)|have (done|let|forgotten|missed|said|been so))"
    r"|how (could|can) you (possibly|ever) \w+"
)
# "Why would you say that?" reproaches; "Why would you be at a six and not a two?" explores.
_WHY_WOULD_YOU = r"why would you (do|ever|even|go and|think that|say (that|this|so|such))"
# "How about trying ...?" suggests; "How about in the last year?" or "How about your
# family?" asks further.
_HOW_ABOUT = (
    r"how about ((?!(some|any|every|no)thing\b)\w+ing|you|we|us|if|just|maybe|perhaps|a|an)"
)
# Reproaches dressed as open questions, shared by the two tables below.
_REPROACH = {
    "en": (
        r"why on earth|how on earth|" + _HOW_COULD_YOU + "|" + _WHY_WOULD_YOU
        + r"|what were you thinking|what'?s wrong with you|how is that possible"
        r"|how did you (manage|miss|forget)"
        r"|how (could|can) (this|that|it) (possibly |ever |even )?(happen|go wrong)"
        r"|how is it (even )?possible|who (on earth )?(does|would do) (that|something like that"
        r"|such a thing)"
    ),
    "nl": (
        r"hoe kan (dat|het|je) (nou|nu toch)|hoe (heb|kon) je (dit|dat|het) (nou |nu )?(kunnen"
        r"|missen|vergeten)|waarom (zou|moet) je (nou|nu)|wat dacht je (nou|wel)|wat bezielt je"
        r"|waarom doe je (nou|nu) (zo|weer)|hoe (kon|kan) (dit|dat|het) (\w+ ){0,3}"
        r"(gebeuren|gebeurd|misgaan|misgegaan|mislopen)|hoe is het (nou |toch )?mogelijk"
        r"|hoe (is|heeft) (dit|dat|het) (\w+ )?(nou|nu|toch|in godsnaam|in vredesnaam) (\w+ ){0,2}"
        r"(gebeuren|gebeurd|misgaan|misgegaan|mislopen)"
        r"|wie doet (er )?(nou|nu) (zoiets|zo)|hoe (\w+ ){1,4}(nou|nu) weer"
    ),
}  # fmt: skip
# A leading "what/why" that is really a suggestion or a reproach is not an open question;
# which of the two it is decides between `premature_advice` and `dismissive`.
_BLAME_WHY = {
    "en": re.compile(
        r"^(" + _REPROACH["en"] + r"|why (didn'?t|haven'?t|hadn'?t|wasn'?t|weren'?t) you)\b"
    ),
    "nl": re.compile(
        r"^(" + _REPROACH["nl"] + r"|waarom (ben|heb|had|was) (je|jij) (\w+ ){0,4}(niet|geen))\b"
    ),
}
_FAKE_OPEN = {
    "en": re.compile(
        r"^(why (don'?t|not|didn'?t|wouldn'?t|can'?t|haven'?t|aren'?t|won'?t)|what if|"
        + _HOW_ABOUT
        + r"|what about ((maybe|perhaps|um|uh),? )*((?!(some|any|every|no)thing\b)\w+ing|just"
        r"|if you|you (could|try|ask|talk|go|take))|what would you (think|say) (about|of|to)"
        r" (a plan|the idea|trying|(it )?if you|\w+ing)|" + _REPROACH["en"] + r")\b"
    ),
    "nl": re.compile(
        r"^(waarom \w+ (je|jij) (\w+ ){0,3}(niet|geen)|wat dacht je (ervan|van)|wat als je"
        r"|hoe zou het zijn als je gewoon|wat zou (je|jij) (ervan |er )?(vinden|zeggen) (van|als)"
        r" (je|jij|we|wij|een plan)|" + _REPROACH["nl"] + r")\b"
    ),
}
_TRAILING_WH = {
    "en": re.compile(r"\b(what|how|why|which|who|where|when)\s*\?$"),
    "nl": re.compile(r"\b(wat|hoe|waarom|welke|wie|waar|wanneer|hoezo)\s*\?$"),
}
_TAG_QUESTION = re.compile(
    r"(,|\s)(right|correct|yes|no|ok|okay|yeah|isn'?t it|don'?t you|aren'?t you|wasn'?t it"
    r"|didn'?t you|toch|he|niet|of niet|ja|nee|oke|or not)\s*\?$"
)
_CHECKING_TAG = re.compile(
    r"\b(is that (right|correct|true|fair|so|accurate|it)|am i (right|way off|off|wrong)|do i have"
    r" (that|it) right|did i get (that|it) right|have i got (that|it) right|or am i"
    r"|klopt (dat|het)|heb ik (dat|het) (zo )?goed|zie ik (dat|het) (zo )?goed|zit ik (daar|er|hie"
    r"r)"
    r" (goed|ver naast|naast)|of zit het anders|of is (er|het) (iets|nu iets) anders|is dat zo\?"
    r"|(?<!wel )of niet\?|of vergis ik me|is that the case|is dat (het geval|zo)\?|zit ik (er"
    r"|daar)naast"
    r"|am i off|or is (there|it) something else)"
)

# A check on having understood what was said ("Begrijp ik je zo goed?", "Versta ik u
# goed?", "Did I understand you right?"): the statement before it restates, so it is a summary.
_UNDERSTANDING_TAG = re.compile(
    r"\b((begrijp|versta|snap) ik (je|jou|u|dat|het|dit) (zo |nu |dan )?(goed|juist)|heb ik (je|jou"
    r"|u|dat|het) (zo |nu )?goed (begrepen|verstaan|gehoord)|do i understand (you|that|it) (right"
    r"|correctly)|have i understood (you|that|it) (right|correctly)|did i (hear|understand) (you"
    r"|that|it) (right|correctly))\b"
)

# A sentence that is nothing but a check ("Am I reading that right?", "Zie ik dat goed?").
_BARE_TAG = re.compile(
    r"^((and|so|or|en|dus|of),? )?(am i (reading|seeing|getting|hearing) (this|that|it|you)"
    r" (right|correctly)|is that (right|fair|accurate|it)|klopt (dat|het)|zie ik (dat|het)"
    r" (zo )?goed|heb ik (dat|het) (zo )?goed)\??$"
)

_CLOSED_START = {
    "en": re.compile(
        r"^(is|are|am|was|were|do|does|did|have|has|had|can|could|will|would|should|shall|may"
        r"|might|must|isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t"
        r"|won'?t|wouldn'?t|can'?t|couldn'?t|shouldn'?t|any|anything|anyone|anybody|or)\b"
    ),
    "nl": re.compile(
        r"^(ben|bent|is|zijn|was|waren|heb|hebt|heeft|hebben|had|hadden|kun|kunt|kan|kunnen|kon"
        r"|wil|wilt|willen|wou|zou|zouden|zal|zul|zult|moet|moeten|mag|mogen|doe|doet|deed|vind"
        r"|vindt|vond|ga|gaat|gaan|ging|weet|weten|snap|begrijp|denk|dacht|voel|werkt|lukt"
        r"|speelt|klopt|herken|merk|zie|ziet|hoor|hoort|komt|kom|krijg|krijgt|hoop|houd|houdt"
        r"|loopt|loop|maak|maakt|past|helpt|zit|sta|staat|blijf|blijft|wordt|word|mis|mist|of)\b"
        r"|^\w+t? (je|jij|u|jullie|het|er|ze|hij|zij|we|wij)\b(?<!^dus je)(?<!^maar je)"
    ),
}
_NOT_VERB_NL = re.compile(r"^(dus|maar|en|als|want|toen|dan|nou|ja|nee|omdat|zodat|wat|hoe) ")


_CLAUSE_SPLIT = re.compile(r"\s*(?:,|:|\s-+\s|--+|—|\.\.\.)\s*")


def _clauses(core: str) -> list[str]:
    """The sentence and each comma-separated clause, fillers stripped ("Hi Mary, how ...")."""
    parts = [_strip_fillers(part) for part in _CLAUSE_SPLIT.split(core)]
    return [core, *(part for part in parts if part)]


def _closed_form(core: str, lang: Language) -> bool:
    """Verb-first (yes/no) word order."""
    if lang == "nl" and _NOT_VERB_NL.search(core):
        return False
    return bool(_CLOSED_START[lang].search(core))


# The moves a checking question belongs to ("..., is that right?" after a summary, a naming
# or an assumption is part of it, evals/data/README.md); the stacked model obeys it too.
CHECKED_MOVES = frozenset({"summarize", "name_unspoken", "name_energy", "check_assumption"})


@dataclass
class Labelling:
    """The labels of one turn, ordered as LABELS, with the sentence that earned each.

    `informing`: every sentence gives the leader's own information (what is known, what the
    rule or the usual course is), which restates nothing the employee said; a trained part
    must not read a summary into it either.

    `reassuring`: a sentence reassures by denying a difficulty or a flaw ("het is niet
    makkelijk voor je geweest", "it's not your fault"); a trained part must not hear a
    brush-off in its negation.
    """

    labels: list[str]
    evidence: dict[str, str] = field(default_factory=dict)
    informing: bool = False
    reassuring: bool = False


def _strip_fillers(norm: str) -> str:
    return _FILLERS.sub("", norm).strip()


_FEELING_WORD = {
    "en": re.compile(r"\b(" + _FEELINGS_EN + r")\b"),
    "nl": re.compile(r"\b(" + _FEELINGS_NL + r")\b"),
}
# "So ..." / "Dus ..." opening a statement about what the employee said restates it. An
# English verb-first question after "so" ("So would you like to make a plan?") asks instead;
# Dutch puts the verb first after "dus" in statements too, so only English is excluded.
_SO_FRAME = re.compile(
    r"^((okay|ok|oke|right|yeah|yes|well|ja|nou|oh|hmm|mm-?hmm|alright|goed)[,.!]?\s+)*"
    r"(so[,]?\s+(?!(is|are|am|was|were|do|does|did|have|has|had|can|could|will|would|should"
    r"|shall|may|might|any|anything|anyone|anybody)\b)|dus[,]?\s+)"
    r"(?!(i|ik|we|wij|let'?s|laten|then|dan|what|wat|how|hoe|kom|ga|zorg|stuur"
    r"|bel|neem|doe|maak|laat|zet|plan|next|moving on|anyway|on to|over to|back to|verder"
    r"|volgende|door naar|terug naar)\b)"
)
# Agreeing to a proposal ("Sounds like a plan") gives nothing back.
_AGREES_TO_A_PROPOSAL = (
    r"(?!(it |that )?sounds like an? (plan|deal|(good|great|fine|solid|smart) (idea|plan|start))\b)"
)
# Openings that put the employee's experience into words ("It sounds like you...").
_REFLECTIVE_FRAME = {
    "en": re.compile(
        r"^"
        + _AGREES_TO_A_PROPOSAL
        + r"(it sounds like|sounds like|that sounds (more )?(like|as if|as though) (you|your"
        r"|it'?s been|it was|a lot|giving|being)|it seems (like|that)|seems like|it looks like"
        r"|so it sounds"
        r"|you'?re feeling|you feel|you felt|you want|you'?d (like|rather|prefer)|you'?re (not sure"
        r"|wondering|worried|concerned|thinking|hoping|afraid|saying)|you'?ve been|you don'?t want"
        r"|you really|you'?re really|part of you|for you,|to you,)\b"
    ),
    "nl": re.compile(
        r"^(het klinkt (alsof|of|dat)|klinkt alsof|dat klinkt (meer )?alsof|het lijkt (erop )?"
        r"(alsof|of|dat)|je voelt"
        r"|je wilt (eigenlijk|graag|liever)|je zou (eigenlijk |graag |liever )|je bent (niet zeker"
        r"|bang|bezorgd|benieuwd|aan het twijfelen)|je twijfelt|je hoopt|je maakt je zorgen"
        r"|voor jou is|jij wilt (eigenlijk|graag|liever)|je hebt het gevoel)\b"
    ),
}
# The openings of _REFLECTIVE_FRAME that say the leader is giving back how they heard the
# employee, so they stay a reflection when the sentence ends in a question mark. "You want
# ...?" is not among them: it may be a guess at the cause ("Je wilt dus promotie?").
_HEARD_FRAME = {
    "en": re.compile(
        r"^"
        + _AGREES_TO_A_PROPOSAL
        + r"(so,? )?(it sounds( to me)? (like|as if|as though)|that sounds( to me)? (more )?"
        r"(like|as if|as though) (you|your|it'?s been|it was|a lot|giving|being)|sounds like"
        r"|it seems (like|that|as if)|seems like|it looks like|i('m| am) hearing"
        r"|what i('m| am) hearing|you'?re feeling|you feel like)\b"
    ),
    "nl": re.compile(
        r"^(dus,? )?(het klinkt (alsof|of|dat)|klinkt alsof|dat klinkt (meer )?alsof"
        r"|het lijkt (erop )?(alsof|of|dat)"
        r"|ik hoor (dat|je zeggen)|wat ik hoor|je hebt het gevoel|je voelt je)\b"
    ),
}
_LEADING_MARKS = "-\u2013\u2014.\u2026'\" "
# The employee as the one who experiences: "you feel", "je mist", "you've been noticing".
_EXPERIENCE = {
    "en": re.compile(
        r"\byou('re|'ve| are| have| were)?( (really|also|still|already|kind of|sort of|perhaps"
        r"|maybe|just|been|now|starting to))* (feel|felt|feeling|think|thought|want|wanted|wanna"
        r"|wish|worry|worried|notice|noticed|noticing|see|saw|find|found|believe|hope|hoped|like"
        r"|liked|enjoy|enjoyed|miss|missed|struggle|struggled|wonder|wondering|realize|realise"
        r"|realized|realised|value|care|cared|love|hate|mean|meant)\b"
    ),
    "nl": re.compile(
        r"\b(je|jij) (\w+ )?(voelt|voelde|denkt|dacht|wilt|wil|wou|hoopt|mist|miste|merkt|merkte"
        r"|ziet|zag|vindt|vond|twijfelt|worstelt|weet(?! wel)|realiseert|geniet|baalt|houdt van"
        r"|hecht)\b"
    ),
}
# Information the leader gives (what is known, what the rule is, what usually happens)
# restates nothing the employee said, however the sentence opens ("So the policy is ...").
_INFORMS = {
    "en": re.compile(
        r"\b(we|doctors|research|studies|science|the (research|evidence|data))"
        r" (now )?(know|knows|shows?|suggests?|found|have found|has shown|have shown)\b"
        r"(?! (that )?(you|you'?re|you'?ve|your)\b)"
        r"|\b(research|studies|evidence|data) (show|shows|suggest|suggests|tells? us)\b"
        r"|\baccording to\b|\b(is|are|been) (strongly )?(associated|linked|correlated) (with|to)\b"
        r"|\b(guidelines?|recommended (limit|amount|dose|daily))\b"
        r"|\b(most|many|a lot of|lots of|some|other) (people|patients|clients|employees|teams"
        r"|managers|colleagues) (who|with|your age|tend|find|do|have|are|can|will|get)\b"
        r"|\b(it|this|that|which|people|they|most|many) (often |usually )?(tends?|tended) to\b"
        r"|\bthe (good|bad) news\b"
        r"|\blet me (just )?(tell you|show you|explain|give you|walk you)\b"
        r"|\bhere'?s (the|a|some|what)\b"
        r"|\bthe way (this|it) (normally |usually |typically )?works\b"
        r"|\bwhat (i|we) (normally|usually|typically|always) do\b"
        r"|\b(can|could|may|will|would) (also )?(cause|lead to|increase|raise|reduce|lower|damage"
        r"|affect|harden|impact|trigger)\b"
        r"|\b(causes|increases|raises|reduces|lowers|damages|affects|hardens) (the|your|a|their)\b"
        r"|\bthe (policy|rule|rules|law|procedure|process|deadline) (is|are|says|say|states)\b"
    ),
    "nl": re.compile(
        r"\b(we weten|weten we) (dat|uit)\b(?! (je|jij|jouw)\b)"
        r"|\b(uit )?onderzoek(en)? (laat|laten|toont|tonen|wijst|wijzen|blijkt)\b"
        r"|\bvolgens (de|het|onze|ons)"
        r" (richtlijn|beleid|onderzoek|regels?|cijfers|protocol)\b|\b(richtlijn|richtlijnen)\b"
        r"|\b(de meeste|veel|sommige|andere) (mensen|medewerkers|collega'?s|teams|managers)"
        r" (die|met|van jouw leeftijd|vinden|doen|hebben|zijn|kunnen|krijgen)\b"
        r"|\bhet (goede|slechte) nieuws\b|\blaat (me|mij) (je )?(even )?(uitleggen|vertellen|laten"
        r" zien|toelichten)\b|\bzo werkt het\b|\bhoe het (meestal |normaal |gewoonlijk )?werkt\b"
        r"|\b(kan|kunnen) (leiden tot|zorgen voor)\b"
        r"|\b(het beleid|de regel|de regels|de procedure|de deadline) (is|zijn|zegt|luidt)\b"
    ),
}
# An experience put as a condition ("If you ever feel stuck, ...") makes an arrangement; it
# does not give back what the employee feels.
_CONDITIONAL_EXPERIENCE = {
    "en": re.compile(
        r"\b(if|when|whenever|once|unless) you('re| are| have|'ve)?( \w+){0,2} (feel|want|wanna"
        r"|think|notice|see|find|like|need|wish|decide)\b"
    ),
    "nl": re.compile(
        r"\b(als|wanneer|mocht|zodra|tenzij) (je|jij) (\w+ ){0,2}(voelt|wilt|wil|denkt|merkt|ziet"
        r"|vindt|nodig hebt|besluit)\b"
    ),
}
# A verbless fragment that names a feeling ("Frustrating.", "Moedeloos.") names the
# energy in the room as surely as a whole sentence does.
_PERSON_OR_VERB = {
    "en": re.compile(
        r"\b(i|you|we|he|she|they|it|that|this|is|are|was|were|am|be|been|do|does"
        r"|did|have|has|had|i'?m|you'?re|it'?s|that'?s)\b"
    ),
    "nl": re.compile(
        r"\b(ik|je|jij|we|wij|hij|zij|ze|het|dat|dit|is|ben|bent|was|waren|zijn"
        r"|heb|hebt|heeft|had|wordt|word)\b"
    ),
}


_FEELING_AT_END = {
    "en": re.compile(r"\b(" + _FEELINGS_EN + r")$"),
    "nl": re.compile(r"\b(" + _FEELINGS_NL + r")$"),
}
_TRAILING_TAG = re.compile(r"[,\s]+(yeah|yes|right|huh|eh|hey|he|hè|hoor|ja|toch)$")


def _is_feeling_fragment(core: str, lang: Language) -> bool:
    """Up to three words, no subject or verb, ending in the feeling ("Really frustrating,
    yeah."); "Happy to help." thanks, it names nothing."""
    fragment = _TRAILING_TAG.sub("", core.strip(_LEADING_MARKS + "!?.,"))
    return (
        0 < len(fragment.split()) <= 3
        and bool(_FEELING_AT_END[lang].search(fragment))
        and not _PERSON_OR_VERB[lang].search(fragment)
    )


# Discourse markers that sound personal but usually only introduce another move.
_WEAK_SELF = {
    "en": re.compile(
        r"\b(to be (honest|frank)|honestly|personally|i'?ll be honest|i will be honest|not gonna"
        r" lie)\b"
    ),
    "nl": re.compile(r"\b(eerlijk gezegd|eerlijk is eerlijk|persoonlijk|ik zal eerlijk zijn)\b"),
}
# A question that only asks for a verdict on a decision is not exploring.
_PERFUNCTORY = re.compile(
    r"^(how does that sound|sound good|does that sound (ok|okay|good|fair)|ok|okay|alright"
    r"|hoe klinkt dat|klinkt dat goed|oke|is dat goed|akkoord"
    # the check after an agreement ("Deal?" in evals/data/train/listening_turns_train_e.yaml)
    r"|(is that a |do we have a )?deal|(are we )?agreed|(does|would) that (sound|seem) like a"
    r" (good|fair|reasonable|workable) (deal|plan|agreement)|(is dat )?(een )?deal|(is dat )?"
    r"afgesproken|zijn we het (daarover )?eens|lijkt (je|jou|u) dat (een )?(goede |mooie |faire"
    r" |redelijke |werkbare )?(afspraak|deal|plan))\s*\??$"
)
# A question that proposes an agreement the leader has just put into words ("Kunnen we
# afspreken dat je ...?"): it states the expectation and asks for a yes to it, the way
# "Deal?" does; it closes no exploration.
_PROPOSES_AGREEMENT = {
    "en": re.compile(
        r"^((so|okay|ok|then|and),? )*((can|could|shall|should) we (all )?agree|(can|could|shall)"
        r" we make (a|an) (deal|agreement)|are we agreed)\b"
    ),
    "nl": re.compile(
        r"^((dus|oke|ok|goed|dan|en),? )*((zullen|kunnen|moeten) we (\w+ )?afspreken|spreken we"
        r" (\w+ )?af)\b"
    ),
}
_LOGISTICS = re.compile(
    r"^(zullen we|shall we|should we (start|begin|get started)|do you have (a|five|ten|some)"
    r" (minute|sec|second|moment|time)|heb je (even|vijf minuten|tijd|een momentje)|wil je (koffie"
    r"|thee|iets drinken)|(would you like|do you want) (a |some )?(coffee|tea|a drink))\b"
)
_WH_ONLY = re.compile(r"^(what|wat|huh|hè|he|sorry|pardon)\s*\??$")


_OFFERED_TIME = re.compile(
    r"\b(take|taking|neem|nemen) (gerust |rustig |maar )*(all |whatever |as much |je |jouw |de"
    r" |alle )?(the |your )?(time|tijd|ruimte)\b"
)
# Typed chat drops apostrophes ("whats going on", "dont worry") and abbreviates; only the
# forms that cannot be another word are restored ("its", "were", "well", "ill" can).
_MISSING_APOSTROPHE = {
    "whats": "what's", "hows": "how's", "whys": "why's", "wheres": "where's", "thats": "that's",
    "theres": "there's", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "cant": "can't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't",
    "hasnt": "hasn't", "hadnt": "hadn't", "wont": "won't", "im": "i'm", "ive": "i've",
    "youre": "you're", "youve": "you've", "youll": "you'll", "youd": "you'd",
    "theyre": "they're", "theyve": "they've", "weve": "we've",
}  # fmt: skip
_TEXT_SPEAK_EN = (
    (re.compile(r"\bu\b"), "you"),
    (re.compile(r"\bur\b"), "your"),
    (re.compile(r"\b(" + "|".join(_MISSING_APOSTROPHE) + r")\b"), None),
    (re.compile(r"\btbh\b"), "to be honest"),
    (re.compile(r"\bidk\b"), "i don't know"),
    (re.compile(r"\b(bc|cuz|coz)\b"), "because"),
)


def _plain_english(norm: str) -> str:
    """Chat shorthand ("what would u need from me") reads as full words."""
    for pattern, replacement in _TEXT_SPEAK_EN:
        if replacement is None:
            norm = pattern.sub(lambda match: _MISSING_APOSTROPHE[match.group(1)], norm)
        else:
            norm = pattern.sub(replacement, norm)
    return norm


# An auxiliary before "you" asks ("have you thought about quitting?") or leads ("don't you
# think you should"): only the declarative "you feel / you said" reports the employee.
_ASKING_AUXILIARIES = (
    "do", "don't", "dont", "did", "didn't", "have", "haven't", "had", "would", "wouldn't",
    "are", "aren't", "were", "can", "could", "will", "should",
)  # fmt: skip
# What the employee feels they need ("you feel like you need to") and a question asking for
# their own ideas ("anything else you could do?") are not the leader's advice; the same
# words in a statement ("What you could do is talk to HR.") are. Neither are care for the
# person in the room ("Sit down", "Sorry hoeft niet") or an invitation to go on telling.
_NOT_ADVICE = {
    "en": re.compile(
        "".join(rf"(?<!\b{aux} )" for aux in _ASKING_AUXILIARIES)
        + r"\byou('re|'ve| are| were| have)?( don'?t| do not| didn'?t)?"
        r" (really |also |still |just |actually |kind of |sort of )?(feel|felt|feeling|think"
        r"|thought|thinking|believe|believed|said|say|saying"
        r"|mentioned|told me|wonder|wondered|wondering)( like| that)?\b[^,;:]*"
        r"|\b(anything|something|what|things|ways|ideas?|options?|steps?)( else)?( (that|which))?"
        r" you (could|can|might|would)\b[^,;:]*\?"
        r"|\bhow (confident|sure|likely|ready|important|willing)\b[^,;:]*"
        r"|\b(how much|how far|whether) you (can|could)\b[^,;:]*"
        # care for the person in the room and invitations to go on telling solve nothing
        r"|\b(sit down|take a seat|have a seat|grab a (seat|chair)|pull up a chair)\b(?! with\b)"
        r"|\btake a (deep |big |slow )?breath\b|"
        + _INVITATION["en"]
        + "|"
        + _NO_APOLOGY["en"]
        + r"|\byou can (always |just )?(say no|tell me|come to me|talk to me|ask me)\b"
    ),
    "nl": re.compile(
        r"\b(je|jij) (echt |ook |nog |eigenlijk )?(voelt|voelde|denkt|dacht|zegt|zei|vindt|vond"
        r"|vertelde|hebt het"
        r" gevoel)( dat| alsof)\b[^,;:]*"
        r"|\b(iets|dingen|manieren|ideeën|opties|stappen)( anders)?( (dat|die|wat))? (je|jij)"
        r" (zou|zoudt|kunt|kan)\b[^,;:]*\?"
        r"|\bhoe (zeker|zelfverzekerd|waarschijnlijk|klaar|belangrijk|bereid)\b[^,;:]*"
        r"|\b(kom|ga) (even |maar |lekker |rustig |er |erbij )*zitten\b|\bpak (even |maar )?een"
        r" stoel\b|\bhaal (even |eens |rustig )*(diep )?adem\b"
        r"|\bzet je( (eerst|even|maar|gerust))*(?=[,.!]|$)|\b(je|jij) hoeft (je )?geen sorry\b|"
        + _INVITATION["nl"]
        + "|"
        + _NO_APOLOGY["nl"]
    ),
}


def _gives_advice(norm: str, lang: Language) -> bool:
    """An advice cue outside the employee's own words and outside a question for ideas; a
    cue anchored at the sentence start also sees the sentence without its fillers."""
    rest = _NOT_ADVICE[lang].sub(" ", norm)
    advice = _COMPILED["premature_advice"][lang]
    return bool(advice.search(rest) or advice.search(_strip_fillers(rest)))


# "I hear you're frustrated" names the feeling; hearing alone is not a summary then.
_HEARING = re.compile(r"\b(ik hoor|i hear|i'?m hearing|what i'?m hearing)\b")
# "Heeft u", "hebt ge", "zijt ge": the verb loses its -t when "je" follows it.
_INVERTED_VERB = {
    "heeft": "heb", "hebt": "heb", "bent": "ben", "zijt": "ben", "wilt": "wil", "kunt": "kun",
    "vindt": "vind", "denkt": "denk", "voelt": "voel", "ziet": "zie", "gaat": "ga",
    "doet": "doe", "komt": "kom", "zoudt": "zou", "moogt": "mag", "zult": "zul",
}  # fmt: skip
_FORMAL_FLEMISH = (
    (
        re.compile(r"\b(" + "|".join(_INVERTED_VERB) + r") (u|ge|gij)\b"),
        lambda match: f"{_INVERTED_VERB[match.group(1)]} je",
    ),
    (re.compile(r"\b(u|ge|gij) heeft\b"), "je hebt"),
    (re.compile(r"\b(ge|gij) zijt\b"), "je bent"),
    (re.compile(r"\b(u|ge|gij)\b"), "je"),
    (re.compile(r"\b(uw|uwe)\b"), "jouw"),
    (re.compile(r"\bgoesting\b"), "zin"),
    (re.compile(r"\ballee\b"), "nou"),
)


def _plain_dutch(norm: str) -> str:
    """Formal "u" and Flemish "ge/gij" read as "je", so one set of cues covers all three."""
    for pattern, replacement in _FORMAL_FLEMISH:
        norm = pattern.sub(replacement, norm)
    return norm


def _plain(sentence: Sentence, lang: Language) -> str:
    return _plain_dutch(sentence.norm) if lang == "nl" else _plain_english(sentence.norm)


def _gives_information(plain: str, lang: Language) -> bool:
    """`plain`: the sentence as _plain reads it."""
    return bool(_INFORMS[lang].search(_strip_fillers(plain)))


# A rule that starts now ("From now on every file goes past Ahmed", "Voortaan laat je ...")
# states an expectation. When the leader is the subject ("Vanaf nu zit ik naast je", "From now
# on I'll join the calls") it is their own commitment, not a new rule for the employee, unless
# the leader wants or asks something ("From today I want you ...").
_NEW_RULE = {
    "en": re.compile(
        r"\b(from (now on|today|tomorrow|monday|next (week|month|sprint|quarter))|starting (today"
        r"|tomorrow|monday|next (week|month|sprint)))\b"
    ),
    "nl": re.compile(
        r"\b(voortaan|vanaf (nu|vandaag|morgen|maandag|volgende (week|maand|sprint)|de volgende"
        r" sprint))\b"
    ),
}
_LEADER_PROMISE = {
    "en": re.compile(
        r"^,? i('ll| will|'m| am|'d| would)?(?= )(?! (want|need|expect|ask|asking|like|count on)\b)"
    ),
    "nl": re.compile(r"^,? ((?!(wil|verwacht|vraag|eis|reken)\b)\w+ )?ik\b"),
}
# A norm agreed earlier, restated, is no new rule ("zoals we hadden afgesproken").
_AGREED_BEFORE = re.compile(
    r"\b(zoals (we |jullie )?(het )?(hadden |eerder |al )?(afgesproken|besproken)|zoals altijd"
    r"|as (we )?(agreed|discussed)|like we (agreed|discussed)|as always)\b"
)
# What, in the same turn, shows the leader took in the problem before setting the rule.
_HEARD_FIRST = frozenset(
    {"open_question", "closed_question", "ask_expectation", "check_assumption", "backing",
     "self_disclosure", "summarize", "name_unspoken", "name_energy"}
)  # fmt: skip


# A quoted phrase of two words or more: words the leader reports, not says.
_QUOTED = re.compile(r"(?<!\w)['\"](\S+ .+?)['\"](?!\w)")


def _sentence_labels(sentence: Sentence, norm: str, lang: Language, informs: bool) -> set[str]:
    """The labels one sentence shows, plus private markers resolved at turn level.
    `norm`: the sentence as _plain reads it; `informs`: the sentence gives the leader's own
    information (_gives_information)."""
    core = _strip_fillers(norm)
    found = {
        label
        for label, per_lang in _COMPILED.items()
        if label != "premature_advice" and per_lang[lang].search(norm)
    }
    if "dismissive" in found and not _COMPILED["dismissive"][lang].search(_QUOTED.sub(" ", norm)):
        found.discard("dismissive")  # "Je zegt 'het komt wel goed', maar ...": their words
    if _gives_advice(norm, lang):
        found.add("premature_advice")
    if "self_disclosure" in found and _WEAK_SELF[lang].search(norm):
        strong = _COMPILED["self_disclosure"][lang].search(_WEAK_SELF[lang].sub(" ", norm))
        if not strong:
            found.discard("self_disclosure")
    if "backing" in found and _OFFERED_TIME.search(norm):
        found.discard("premature_advice")  # "Neem je tijd" offers room, it does not instruct
    if (
        "check_assumption" in found
        and "name_energy" in found
        and not _COMPILED["check_assumption"][lang].search(_CHECKING_TAG.sub(" ", norm))
    ):
        # a named feeling followed only by "am I reading that right?": the tag checks the naming
        found.discard("check_assumption")
    if "check_assumption" in found:
        # the thought a leader catches and checks is the assumption, not a disclosure
        found -= {"name_energy", "self_disclosure"}
    if not core.strip(" ?.!-'\""):
        return found  # a bare "Yeah?" or "Right." carries no behaviour

    is_question = asks(sentence, lang)
    new_rule = _NEW_RULE[lang].search(core)
    if (
        not is_question
        and new_rule
        and not _LEADER_PROMISE[lang].search(core[new_rule.end() :])
        and not _AGREED_BEFORE.search(core)
    ):
        found |= {"state_expectation", "_new_rule"}
    if is_question and (
        _PERFUNCTORY.search(core) or _WH_ONLY.search(core) or _LOGISTICS.search(core)
    ):
        return found
    fake_open = bool(_FAKE_OPEN[lang].search(core))
    if fake_open:
        found.add("dismissive" if _BLAME_WHY[lang].search(core) else "premature_advice")
    clauses = _clauses(core)
    open_form = "open_question" in found or (
        is_question
        and not fake_open
        and any(_OPEN_START[lang].search(clause) for clause in clauses)
        and not any(_FAKE_OPEN[lang].search(clause) for clause in clauses)
    )
    if is_question and not open_form and _TRAILING_WH[lang].search(core):
        open_form = len(core.split()) >= 3  # "Met mij minder wat?"; a bare "Wat?" is not open
    if open_form:
        found.add("open_question")
    if not (found & CHECKED_MOVES):
        if _UNDERSTANDING_TAG.search(norm):
            found |= {"_check", "_heard_check"}
        elif _CHECKING_TAG.search(norm):
            found.add("_check")
    if is_question and not open_form and not fake_open and "ask_expectation" not in found:
        # a checking tag ("..., is that right?") checks the move before it; it does not make
        # the sentence a yes/no question
        body = _TAG_QUESTION.sub("?", _CHECKING_TAG.sub(" ", core))
        closed_form = any(_closed_form(clause, lang) for clause in _clauses(body))
        words = len(core.split())
        if (
            closed_form
            and "name_energy" in found
            and not (found & {"summarize", "name_unspoken", "check_assumption", "_check"})
        ):
            # "Do you think you're being impatient?" guesses a feeling as a yes/no question
            found.discard("name_energy")
            found.add("closed_question")
        elif found & (CHECKED_MOVES | {"_check"}):
            pass  # a checking question is part of the move it checks
        elif not found and _HEARD_FRAME[lang].search(core.lstrip(_LEADING_MARKS)):
            # "It sounds like you'd rather stop?": the leader's reading of their experience,
            # offered for checking
            found.add("name_energy" if _FEELING_WORD[lang].search(core) else "summarize")
        elif _SO_FRAME.search(norm) and words >= 8 and not found and not informs:
            found.add("summarize")
        elif "state_expectation" in found and _PROPOSES_AGREEMENT[lang].search(core):
            pass
        elif closed_form:
            found.add("closed_question")
        elif not found and words > 2:
            found.add("_weak_closed")  # "Je wilt dus promotie?": a guess as a question
    elif (
        not is_question
        and found == {"backing"}
        and _HEARD_FRAME[lang].search(core.lstrip(_LEADING_MARKS))
    ):
        # "It sounds like you feel the good work doesn't register with me": the praise inside
        # belongs to the experience the leader gives back
        found = {"name_energy" if _FEELING_WORD[lang].search(core) else "summarize"}
    elif (
        not is_question
        and not found
        and (
            (_SO_FRAME.search(norm) and len(core.split()) >= 5)
            or _REFLECTIVE_FRAME[lang].search(core)
            or (_EXPERIENCE[lang].search(core) and not _CONDITIONAL_EXPERIENCE[lang].search(core))
        )
        and not informs
    ):
        found.add("name_energy" if _FEELING_WORD[lang].search(core) else "summarize")
    elif not is_question and not found and _is_feeling_fragment(core, lang):
        found.add("_feeling_fragment")  # "Frustrerend." names a feeling, unless it echoes one

    # naming a feeling or the unspoken already goes beyond a plain summary
    if (
        found & {"name_unspoken", "name_energy"}
        and "summarize" in found
        and not _COMPILED["summarize"][lang].search(_HEARING.sub(" ", norm))
    ):
        found.discard("summarize")
    # asking about feelings is an open question about energy, not a statement of advice
    if (
        "open_question" in found
        and "premature_advice" in found
        and not fake_open
        and not re.search(r"\b(should|moet|zou moeten)\b", norm)
    ):
        found.discard("premature_advice")
    return found


_UNCERTAIN = re.compile(
    r"\b(not (sure|certain)|might be wrong|could be wrong|weet (het )?niet (zeker|precies)"
    r"|kan (het )?mis hebben|niet zeker)\b"
)


def _resolve_turn(per_sentence: list[set[str]], texts: list[str]) -> list[set[str]]:
    """Turn-level decisions that need more than one sentence (see evals/data/README.md)."""
    union = set().union(*per_sentence) if per_sentence else set()
    reflective_at = next(
        (i for i, labels in enumerate(per_sentence) if labels & CHECKED_MOVES), None
    )
    asked_at = next(
        (
            i
            for i, labels in enumerate(per_sentence)
            if labels & {"open_question", "ask_expectation"}
        ),
        None,
    )
    resolved: list[set[str]] = []
    restated_at: list[int] = []
    for position, labels in enumerate(per_sentence):
        labels = set(labels)
        if "_check" in labels:
            labels.discard("_check")
            if "_heard_check" in labels:
                labels.discard("_heard_check")
                if not (union & CHECKED_MOVES):
                    # "..., begrijp ik dat goed?" checks how the statement before it heard them
                    restated_at.append(max(position - 1, 0))
            elif not (union & CHECKED_MOVES):
                labels.add("check_assumption")
        if "_weak_closed" in labels:
            labels.discard("_weak_closed")
            if not (union & (CHECKED_MOVES | {"open_question", "ask_expectation", "_check"})):
                labels.add("closed_question")
        # "..., but I'm not sure" is part of offering an assumption for checking
        if (
            "check_assumption" in union
            and "self_disclosure" in labels
            and _UNCERTAIN.search(texts[position])
        ):
            labels.discard("self_disclosure")
        # "..., is dat toeval?" after naming something checks it; options after an open
        # question ("Meer uitleg, of iets anders?") only illustrate it
        if (reflective_at is not None and position > reflective_at) or (
            asked_at is not None and position > asked_at
        ):
            labels.discard("closed_question")
        # "Wat verwacht je van mij?" is ask_expectation only
        if "ask_expectation" in labels:
            labels.discard("open_question")
        # "Sounds like you felt overruled. Am I reading that right?": the bare tag checks the
        # naming before it; it offers no assumption of its own (evals/data/README.md)
        if (
            labels == {"check_assumption"}
            and reflective_at is not None
            and position > reflective_at
            and per_sentence[reflective_at] & {"summarize", "name_unspoken", "name_energy"}
            and _BARE_TAG.search(texts[position])
        ):
            labels.clear()
        if "_new_rule" in labels:
            labels.discard("_new_rule")
            if not (union & _HEARD_FIRST):
                # a new rule set straight after the employee's story, with nothing asked,
                # acknowledged or given back first, decides the fix (evals/data/README.md)
                labels.add("premature_advice")
        resolved.append(labels)
    for position in restated_at:
        resolved[position].add("summarize")
        # what the statement seemed to instruct ("Ge moet er veel voor over hebben") was theirs
        resolved[position].discard("premature_advice")
    return resolved


_WORD_RE = re.compile(r"[a-z][a-z'-]{3,}")
_FUNCTION_WORDS = frozenset(
    [
        "that",
        "this",
        "with",
        "have",
        "what",
        "there",
        "they",
        "them",
        "then",
        "than",
        "when",
        "were",
        "will",
        "would",
        "could",
        "should",
        "just",
        "like",
        "know",
        "about",
        "really",
        "yeah",
        "okay",
        "well",
        "feel",
        "feeling",
        "think",
        "your",
        "you're",
        "have",
        "been",
        "maar",
        "niet",
        "voor",
        "door",
        "over",
        "naar",
        "heel",
        "echt",
        "gewoon",
        "even",
        "toch",
        "want",
        "omdat",
        "heeft",
        "hebben",
        "worden",
        "wordt",
        "zijn",
        "waren",
        "deze",
        "gevoel",
        "eigenlijk",
        "steeds",
        "hebt",
        "bent",
        "kunt",
        "wilt",
        "moet",
        "moest",
        "zult",
    ]
)


def _content_words(norm: str) -> set[str]:
    # a crude stem (vindt/vind, works/work) so "je vindt" echoes "ik vind"
    return {
        word.rstrip("ts") if len(word) > 5 else word
        for word in _WORD_RE.findall(norm)
        if word not in _FUNCTION_WORDS
    }


def _is_echo(sentence_norm: str, context_words: set[str]) -> bool:
    """Most of the sentence's content words are the employee's own words."""
    words = _content_words(sentence_norm)
    return bool(words) and len(words & context_words) / len(words) >= 0.7


_ECHO_FILLERS = frozenset(
    {"yeah", "yes", "okay", "ok", "oke", "huh", "hmm", "hm", "mm", "right", "so", "ja", "he",
     "nou", "dus", "oh", "ah"}
)  # fmt: skip


def _said_words(norm: str) -> tuple[str, ...]:
    return tuple(word for word in re.findall(r"\w[\w'-]*", norm) if word not in _ECHO_FILLERS)


def _repeats_a_sentence(sentence_norm: str, context_sentences: set[tuple[str, ...]]) -> bool:
    """The sentence gives back one of the employee's sentences word for word ("Just tired."
    after "I'm fine. Just tired.")."""
    words = _said_words(sentence_norm)
    return bool(words) and words in context_sentences


def label_sentences(text: str, lang: Language, context: str = "") -> Labelling:
    """Label a leader turn: union of the sentence labels; "other" when nothing applies.

    `context` (the employee's preceding turn) is accepted for the interface; the rules do
    not use it because echoing the employee's words is not a summary.
    """
    sentences = strip_scorer_address(split_sentences(text))
    plains = [_plain(sentence, lang) for sentence in sentences]
    informs = [_gives_information(plain, lang) for plain in plains]
    per_sentence = _resolve_turn(
        [
            _sentence_labels(sentence, plain, lang, informing)
            for sentence, plain, informing in zip(sentences, plains, informs, strict=True)
        ],
        [s.norm for s in sentences],
    )
    context_words = _content_words(normalise(context)) if context else set()
    for sentence, labels in zip(sentences, per_sentence, strict=True):
        if (
            "summarize" in labels
            and context_words
            and not _COMPILED["summarize"][lang].search(sentence.norm)
            and _is_echo(sentence.norm, context_words)
        ):
            labels.discard("summarize")  # repeating their words is not restating them
    if context:
        context_sentences = {_said_words(part.norm) for part in split_sentences(context)}
        for sentence, labels in zip(sentences, per_sentence, strict=True):
            if labels & {"premature_advice", "dismissive"} and _repeats_a_sentence(
                sentence.norm, context_sentences
            ):
                # their own words given back ("Again.", "Just tired.") neither solve nor judge
                labels -= {"premature_advice", "dismissive"}
    for sentence, labels in zip(sentences, per_sentence, strict=True):
        if "_feeling_fragment" in labels:
            labels.discard("_feeling_fragment")
            if not (context_words and _is_echo(sentence.norm, context_words)):
                labels.add("name_energy")
    evidence: dict[str, str] = {}
    for sentence, labels in zip(sentences, per_sentence, strict=True):
        for label in sorted(labels, key=LABELS.index):
            evidence.setdefault(label, sentence.raw)
    ordered = [label for label in LABELS if label in evidence]
    if not ordered:
        ordered = ["other"]
        evidence["other"] = sentences[0].raw if sentences else text.strip()
    return Labelling(
        labels=ordered,
        evidence=evidence,
        informing=bool(informs) and all(informs),
        reassuring=any(_REASSURES[lang].search(plain) for plain in plains),
    )
