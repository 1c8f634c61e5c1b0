"""Live hints: from the listener's labels of a leader turn to one nudge and its article query.

Pure logic (no Streamlit), so it can be tested directly. The practice page retrieves the
article passage behind the nudge with `knowledge.query(NUDGE_QUERIES[key])`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

PITFALL_ORDER = ("dismissive", "premature_advice", "closed_question")
DEEP_LISTENING = frozenset({"name_unspoken", "name_energy"})
LEVEL_ONE = frozenset({"summarize", "open_question"})
EXPECTATIONS = frozenset({"state_expectation", "ask_expectation"})

#: nudge key (in roleplay.i18n) -> the retrieval query for the article passage behind it
NUDGE_QUERIES: dict[str, str] = {
    "nudge_dismissive": "moeilijke gesprekken vermijden om de relatie goed te houden erkenning",
    "nudge_premature_advice": "luister op drie niveaus doorvragen voordat je een oplossing geeft",
    "nudge_closed_question": (
        "oprechte verbinding: je medewerker proberen te begrijpen, doorvragen over het waarom"
    ),
    "nudge_level1": "luister op drie niveaus wat wordt er niet gezegd energie",
    "nudge_expectations": "bespreek verwachtingen expliciet wat verwacht jij wat verwacht de ander",
    "nudge_assumption": "herken je eigen aannames check of je het goed ziet",
    "nudge_personal": "durf persoonlijk te zijn kwetsbaar",
    "nudge_keep_going": "wees aanwezig niet alleen fysiek aandacht",
}


def choose_nudge(labels: Sequence[str], earlier_labels: Iterable[Sequence[str]] = ()) -> str:
    """The one nudge key for a leader turn with `labels`, given the earlier turns' labels.

    Pitfalls come first; then what the article would have the leader do next: listen
    deeper than the words, then make expectations explicit, then dare to be personal.
    """
    current = set(labels)
    for pitfall in PITFALL_ORDER:
        if pitfall in current:
            return f"nudge_{pitfall}"
    seen: set[str] = set(current)
    for earlier in earlier_labels:
        seen.update(earlier)
    if not current or current <= {"other"}:
        return "nudge_assumption"
    if not (seen & DEEP_LISTENING):
        return "nudge_level1"
    if not (seen & EXPECTATIONS):
        return "nudge_expectations"
    if "self_disclosure" not in seen:
        return "nudge_personal"
    return "nudge_keep_going"


_WORD = re.compile(r"[a-zà-ÿ]{4,}")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def best_line(passage: str, nudge_key: str) -> str:
    """The sentence of `passage` sharing the most words with the nudge's query (else the first)."""
    query_words = set(_WORD.findall(NUDGE_QUERIES.get(nudge_key, "").lower()))
    sentences = [s.strip(" •-\t") for s in _SENTENCE_END.split(passage)]
    sentences = [sentence for sentence in sentences if len(sentence) >= 20]
    best, best_overlap = (sentences[0] if sentences else ""), 0
    for sentence in sentences:
        overlap = len(query_words & set(_WORD.findall(sentence.lower())))
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return best
