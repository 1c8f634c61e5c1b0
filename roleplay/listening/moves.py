"""The move head: which conversational move a leader turn makes, to find the reflections
the rules miss.

Why: the rules read a restatement only from its wording ("dus als ik je goed begrijp",
"so what you're saying"), and most real reflections carry no such marker ("You're willing
to take steps", "Almost overwhelming, it sounds like"). On AnnoMI dev the rules find 37 %
of the experts' reflections. A four-way linear model (question / reflection / input /
other) over the same features as the stacked model (roleplay.listening.model), trained on
AnnoMI dev and our own dev turns, recognises the move itself; the stacked listener adds
`summarize` when the rules found no move at all and the head is confident the turn is a
reflection. It never removes or re-reads a label of the rules. Measured by
`python -m evals ceiling --head` (cross-validated on dev only) and shipped in
roleplay/data/listener_moves.npz (`python -m evals listening --train`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from roleplay.listening.model import MODEL_PATH, LinearModel, load_model
from roleplay.types import LISTENING_LABELS

MOVES: tuple[str, ...] = ("question", "reflection", "input", "other")
MOVES_PATH = MODEL_PATH.with_name("listener_moves.npz")

# The labels that already say which move a turn makes.
MOVE_LABELS: dict[str, frozenset[str]] = {
    "question": frozenset(
        {"open_question", "closed_question", "ask_expectation", "check_assumption"}
    ),
    "reflection": frozenset({"summarize", "name_unspoken", "name_energy"}),
    "input": frozenset({"premature_advice", "state_expectation"}),
}
# Chosen on dev by 5-fold cross-validation (`python -m evals ceiling --head`): the lowest
# threshold that costs our own dev set at most 0.01 macro-F1.
REFLECTION_THRESHOLD = 0.3


def move_of(labels: Iterable[str]) -> str:
    """The move our labels make, as AnnoMI counts it: input unless the turn also asks; then
    a question; then a reflection; else other."""
    found = set(labels)
    asks = bool(found & MOVE_LABELS["question"])
    if found & MOVE_LABELS["input"] and not asks:
        return "input"
    if asks:
        return "question"
    if found & MOVE_LABELS["reflection"]:
        return "reflection"
    return "other"


def adds_reflection(
    rule_labels: Iterable[str],
    probabilities: np.ndarray,
    threshold: float = REFLECTION_THRESHOLD,
    informing: bool = False,
) -> bool:
    """True when the head should add `summarize`: the rules found no move, the turn is not
    all the leader's own information (`informing`, as in training.may_add), and the head's
    most likely move is a reflection at or above the threshold."""
    if informing or move_of(rule_labels) != "other":
        return False
    reflection = float(probabilities[MOVES.index("reflection")])
    return reflection >= threshold and reflection >= float(probabilities.max())


def with_head_reflection(labels: Iterable[str], rule_labels: Iterable[str]) -> list[str]:
    """The labels once the head has read the turn as a reflection: `summarize` added,
    `other` gone, and a `dismissive` that only the label model found dropped.

    Why the drop: there the two trained parts disagree (the head hears the employee's words
    given back, the label model a brush-off) and the rules, which know the reproaches by
    their wording, found none. On AnnoMI dev most such brush-offs were negated restatements
    ("You're not a criminal", "It hasn't been easy for you"), which the experts coded as
    reflections; the rules' own `dismissive` always stays.
    """
    dropped = {"other"} if "dismissive" in set(rule_labels) else {"other", "dismissive"}
    return [label for label in LISTENING_LABELS if label in {*labels, "summarize"} - dropped]


def load_move_model(path: Path = MOVES_PATH) -> LinearModel:
    return load_model(path)


@lru_cache(maxsize=1)
def shipped_move_model() -> LinearModel:
    return load_move_model(MOVES_PATH)
