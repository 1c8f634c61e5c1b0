"""Text helpers the labellers share: normalisation, sentence splitting, language detection
and the guard against text that addresses the scorer instead of the employee.

Everything here is deterministic and regex-only so a turn costs well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from roleplay.types import Language

_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"'})

# Function words only, so the detector does not depend on the topic of the conversation.
_NL_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "ik",
        "je",
        "jij",
        "jou",
        "jouw",
        "u",
        "uw",
        "dat",
        "die",
        "niet",
        "wat",
        "hoe",
        "is",
        "zijn",
        "er",
        "op",
        "te",
        "met",
        "voor",
        "naar",
        "maar",
        "ook",
        "nog",
        "wel",
        "dus",
        "als",
        "om",
        "bij",
        "mij",
        "me",
        "mijn",
        "we",
        "wij",
        "ons",
        "onze",
        "heb",
        "hebt",
        "heeft",
        "kun",
        "kunt",
        "kan",
        "wil",
        "zou",
        "zal",
        "moet",
        "ben",
        "bent",
        "was",
        "waren",
        "wordt",
        "worden",
        "hier",
        "daar",
        "waarom",
        "welke",
        "wanneer",
        "toch",
        "even",
        "heel",
        "echt",
        "eigenlijk",
        "gewoon",
        "nu",
        "dan",
        "zo",
        "al",
        "geen",
        "iets",
        "niets",
        "veel",
        "mee",
        "over",
        "uit",
        "door",
        "hem",
        "haar",
        "zij",
        "ze",
        "jullie",
    ]
)
_EN_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "i",
        "you",
        "your",
        "yours",
        "that",
        "this",
        "not",
        "what",
        "how",
        "is",
        "are",
        "was",
        "were",
        "it",
        "to",
        "with",
        "for",
        "but",
        "also",
        "still",
        "so",
        "if",
        "at",
        "me",
        "my",
        "we",
        "our",
        "us",
        "have",
        "has",
        "had",
        "can",
        "could",
        "would",
        "will",
        "should",
        "do",
        "does",
        "did",
        "be",
        "been",
        "being",
        "there",
        "here",
        "why",
        "which",
        "when",
        "just",
        "really",
        "now",
        "then",
        "no",
        "any",
        "some",
        "about",
        "from",
        "by",
        "he",
        "she",
        "they",
        "them",
        "their",
        "it's",
        "i'm",
        "you're",
        "don't",
        "can't",
        "that's",
        "what's",
    ]
)
_WORD = re.compile(r"[a-zà-ÿ']+")


def normalise(text: str) -> str:
    """Lower-case, straight quotes, accents removed, whitespace collapsed."""
    text = text.translate(_QUOTES).lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip()


def guess_language(text: str) -> Language | None:
    """Return "nl" or "en" by counting function words, or None when the count is a tie."""
    words = _WORD.findall(normalise(text))
    dutch = sum(word in _NL_WORDS for word in words)
    english = sum(word in _EN_WORDS for word in words)
    if dutch == english:
        return None
    return "nl" if dutch > english else "en"


def detect_language(text: str, default: Language = "nl") -> Language:
    """Return "nl" or "en" for `text`; a tie falls back to `default`."""
    return guess_language(text) or default


# An ellipsis ("je klinkt een beetje... geirriteerd?") is a pause, not the end of a sentence.
_SENTENCE_END = re.compile(r"(?<=[!?])\s+|(?<=[^.][.])\s+|\s*\n+\s*|(?<=;)\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a turn: its exact text (for quoting) and its normalised form."""

    raw: str
    norm: str

    @property
    def is_question(self) -> bool:
        return self.raw.rstrip().rstrip("\"')").endswith("?")


# People typing in a chat often leave the question mark off ("how are you doing with the
# new team"). A sentence with no closing punctuation at all is read as a question when it
# opens in question word order; one that ends in "." or "!" is taken at its word.
_CLOSED_BY_PUNCTUATION = re.compile(r"[.!:;\u2026]['\")\]]*$")
_CHAT_OPENERS = {
    "en": r"^((ok|okay|so|and|but|well|right|yeah|alright|hey|hi)[,.!]?\s+)*",
    "nl": r"^((ok|oke|en|dus|maar|nou|ja|goed|hoi|he)[,.!]?\s+)*",
}
_ASKING_ORDER: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        _CHAT_OPENERS["en"] + r"((what|how|why|where|when|who|which|whose)"
        r"( (?!(i|you|we|they|he|she|it|happened|happens|helps|help|made|makes|went|goes"
        r"|changed|keeps|kept|stopped|worked|works)\b)\w+)?"
        r" (is|are|was|were|do|does|did|have|has|had|can"
        r"|could|would|will|should|shall|may|might|happened|happens|helps|help|made|makes|went"
        r"|goes|changed|keeps|kept|stopped|worked|works)\b(?! (is|was|are|were)\b)"
        r"|(what|how|where|who|why)'s\b"
        r"|(do|does|did|are|is|was|were|have|has|had|can|could|would|will|should)(n't| not)?"
        r" (you|we|they|i|he|she|it|that|this|there|anyone|anybody|someone|everyone)\b)"
    ),
    "nl": re.compile(
        _CHAT_OPENERS["nl"]
        # "Wat fijn dat je er bent" exclaims; "Wat maakt dat je twijfelt" (a verb in -t) asks
        + r"(?!(wat|hoe) (?!\w+t )\w+ dat (ik|je|jij|jullie|het|ze|we|wij|hij|zij|u|er|de|die"
        r"|dit|deze)\b)"
        r"((wat|hoe|waarom|wanneer|waar|wie|welke|welk|hoezo|hoeveel|hoelang)"
        r"(?! dan ook\b)( (?!(ik|je|jij|we|wij|ze|zij|hij|het|u|jullie|dat|dit)\b)\w+)?"
        r" (?!(ik|je|jij|we|wij|ze|zij|hij|het|u|jullie|dat|die|als|of|dan|om)\b)\w+"
        r" (je|jij|u|we|wij|jullie|het|ze"
        r"|zij|hij|er|dat|dit)\b"
        r"|(?!weet (je|jij)( wat\b|,))(ben|heb|wil|kun|kan|zou|denk|vind|voel|wilt|kunt|heeft"
        r"|hebben|is|was|had|gaat|lukt|lukte|werkt|past|merk|snap|begrijp|weet)"
        r" (je|jij|u|jullie|het|dat|dit|er|ze|hij|zij)\b)"
    ),
}


def asks(sentence: Sentence, lang: str) -> bool:
    """A question: it ends in "?", or it has no closing punctuation and opens in question
    word order, as questions typed in a chat often do."""
    if sentence.is_question:
        return True
    if _CLOSED_BY_PUNCTUATION.search(sentence.raw.rstrip()):
        return False
    return bool(_ASKING_ORDER[lang].search(sentence.norm))


def split_sentences(text: str) -> list[Sentence]:
    """Split a turn into sentences, keeping each exact substring for evidence quotes."""
    parts = [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]
    return [Sentence(raw=part, norm=normalise(part)) for part in parts]


# Sentences that speak to the scorer, the model or the rating instead of the employee.
# They are removed before labelling so they can earn nothing, whatever they claim.
_INJECTION = re.compile(
    r"\b(ignore|disregard|forget|negeer|vergeet)\b.{0,40}(\binstruct|\bprompt"
    r"|\b(previous|prior|above|vorige|eerdere) (rules|regels|messages?|berichten))"
    r"|\b(system ?prompt|systeemprompt|jailbreak|developer mode)\b"
    r"|\b(scorer|beoordelaar|evaluator|grader|ai model|language model|taalmodel|chatgpt|llm)\b"
    r"|\b(give|geef|award|rate|beoordeel)\b.{0,30}(\b\d+ ?/ ?\d+|\b\d+ ?(points|punten|stars"
    r"|sterren)\b|\bfull marks|\btop ?score|\b(maximum|maximale|hoogste|highest|perfect|beste|best)"
    r" (score|cijfer|rating|beoordeling))"
    r"|(\b\d+ ?/ ?\d+|\b100 ?%|\bfull marks|\btop ?score).{0,30}\b(score|rating|cijfer"
    r"|beoordeling|punten|points|for this|voor dit|voor deze)"
    r"|\b(rubric|rubriek|as an ai|als ai)\b"
    r"|\b(this|dit|deze) (turn|beurt|conversation|gesprek|leader|leidinggevende)\b.{0,30}"
    r"\b(scores?|verdient|deserves|earns?|should get|moet krijgen)\b",
)


def is_scorer_address(sentence_norm: str) -> bool:
    """True when a normalised sentence addresses the scorer rather than the employee."""
    return bool(_INJECTION.search(sentence_norm))


def strip_scorer_address(sentences: list[Sentence]) -> list[Sentence]:
    """Drop the sentences that address the scorer; the rest is labelled as usual."""
    return [sentence for sentence in sentences if not is_scorer_address(sentence.norm)]
