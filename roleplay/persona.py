"""The persona's state, kept in code rather than in a model: trust, mood and what it has told.

After every leader turn the listener's labels move trust (good listening raises it,
dismissive turns and premature advice lower it, closed questions slightly), scaled by
the difficulty. Hidden facts are unlocked by their reveal rules and told one per reply;
each unlock and reveal is recorded with the leader turn it happened at and the rule that
allowed it. Whatever is not unlocked is never handed to a backend.
"""

from __future__ import annotations

import copy
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from roleplay.scenarios import (
    DEEP_LISTENING_LABELS,
    AfterListening,
    Difficulty,
    DifficultyPreset,
    HiddenFact,
    LeaderMove,
    PersonaMood,
    Scenario,
    TrustThreshold,
    Volunteered,
    WhenAsked,
)

#: trust points per listener label (before the difficulty's gain/loss multiplier)
TRUST_DELTAS: dict[str, int] = {
    "name_unspoken": 10,
    "name_energy": 10,
    "check_assumption": 8,
    "backing": 7,
    "summarize": 6,
    "self_disclosure": 6,
    "ask_expectation": 6,
    "open_question": 5,
    "state_expectation": 2,
    "other": 0,
    "closed_question": -3,
    "premature_advice": -8,
    "dismissive": -15,
}
MAX_GAIN_PER_TURN = 15
MAX_LOSS_PER_TURN = -20

#: lower bound of trust for each mood, highest first
MOOD_BANDS: tuple[tuple[int, PersonaMood], ...] = (
    (75, "open"),
    (55, "opening"),
    (35, "neutral"),
    (0, "guarded"),
)

GOOD_LISTENING_LABELS = frozenset(
    {
        "summarize",
        "name_unspoken",
        "name_energy",
        "open_question",
        "check_assumption",
        "ask_expectation",
        "self_disclosure",
        "backing",
    }
)

_QUESTION_LABELS = frozenset({"open_question", "ask_expectation"})

#: moves after which the persona keeps what it has unlocked to itself for now
_NO_REVEAL_MOVES: frozenset[str] = frozenset({"dismissive", "deflection"})


def mood_for(trust: int) -> PersonaMood:
    for lower_bound, mood in MOOD_BANDS:
        if trust >= lower_bound:
            return mood
    return "guarded"


def leader_move(labels: list[str], *, attack: bool = False) -> LeaderMove | None:
    """The one move the persona reacts to, by priority; None when no move line fits."""
    if attack:
        return "deflection"
    present = set(labels)
    if "dismissive" in present:
        return "dismissive"
    if "premature_advice" in present:
        return "premature_advice"
    good = present & GOOD_LISTENING_LABELS
    if good:
        # a bare question asks for an answer; a reflection asks for recognition
        return "open_question" if good <= _QUESTION_LABELS else "good_listening"
    if "closed_question" in present:
        return "closed_question"
    return None


def trust_delta(labels: list[str], preset: DifficultyPreset) -> int:
    """How much one leader turn with these labels moves trust on this difficulty."""
    raw = sum(TRUST_DELTAS.get(label, 0) for label in set(labels))
    raw = max(MAX_LOSS_PER_TURN, min(MAX_GAIN_PER_TURN, raw))
    scaled = raw * (preset.trust_gain if raw > 0 else preset.trust_loss)
    return round(scaled)


def keyword_hit(text: str, keywords: list[str]) -> str | None:
    """The first keyword that starts a word of `text` (case-insensitive), else None."""
    for keyword in keywords:
        if re.search(r"(?<!\w)" + re.escape(keyword.casefold()), text.casefold()):
            return keyword
    return None


@dataclass(frozen=True)
class FactEvent:
    """A fact was unlocked or told: at which leader turn (1-based) and under which rule."""

    fact_id: str
    turn: int
    rule: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TurnEffect:
    """What one leader turn did to the persona."""

    turn: int
    labels: list[str]
    move: LeaderMove | None
    attack: bool
    trust_before: int
    trust_after: int
    mood: PersonaMood
    unlocked: list[FactEvent]

    @property
    def delta(self) -> int:
        return self.trust_after - self.trust_before


@dataclass
class PersonaState:
    """Trust, mood, listening history, and the unlocked and revealed facts of one conversation."""

    scenario: Scenario
    difficulty: Difficulty = "normal"
    trust: int = -1
    turn: int = 0
    #: the listener's labels of every leader turn so far (an attack turn has none)
    label_history: list[list[str]] = field(default_factory=list)
    unlocked: dict[str, FactEvent] = field(default_factory=dict)
    revealed: dict[str, FactEvent] = field(default_factory=dict)
    last_move: LeaderMove | None = None
    last_labels: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.trust < 0:
            self.trust = self.preset.start_trust

    @property
    def preset(self) -> DifficultyPreset:
        return self.scenario.preset(self.difficulty)

    @property
    def mood(self) -> PersonaMood:
        return mood_for(self.trust)

    # --- the leader's turn --------------------------------------------------------------

    def apply_leader_turn(
        self, text: str, labels: list[str], *, attack: bool = False
    ) -> TurnEffect:
        """Update trust and unlock facts for one leader turn; an attack changes only the count."""
        self.turn += 1
        before = self.trust
        labels = list(labels)
        move = leader_move(labels, attack=attack)
        unlocked: list[FactEvent] = []
        if attack:
            self.label_history.append([])
        else:
            self.trust = max(0, min(100, self.trust + trust_delta(labels, self.preset)))
            self.label_history.append(labels)
            for fact in self.scenario.hidden_facts:
                if fact.id in self.unlocked:
                    continue
                reason = self._rule_holds(fact, text)
                if reason is not None:
                    event = FactEvent(fact.id, self.turn, fact.reveal.rule, reason)
                    self.unlocked[fact.id] = event
                    unlocked.append(event)
        self.last_move = move
        self.last_labels = labels
        return TurnEffect(
            turn=self.turn,
            labels=labels,
            move=move,
            attack=attack,
            trust_before=before,
            trust_after=self.trust,
            mood=self.mood,
            unlocked=unlocked,
        )

    def _threshold(self, value: int) -> int:
        return max(0, min(100, value + self.preset.threshold_offset))

    def _rule_holds(self, fact: HiddenFact, text: str) -> str | None:
        """Why the fact may be told now, or None while its rule does not hold."""
        rule = fact.reveal
        if isinstance(rule, Volunteered):
            if self.turn >= rule.from_turn:
                return f"volunteered from leader turn {rule.from_turn}"
            return None
        if isinstance(rule, TrustThreshold):
            needed = self._threshold(rule.threshold)
            return f"trust {self.trust} >= {needed}" if self.trust >= needed else None
        if isinstance(rule, WhenAsked):
            needed = self._threshold(rule.min_trust)
            hit = keyword_hit(text, rule.keywords.nl + rule.keywords.en)
            if hit is not None and self.trust >= needed:
                return f"asked about {hit!r} with trust {self.trust} >= {needed}"
            return None
        if isinstance(rule, AfterListening):
            needed_trust = self._threshold(rule.min_trust)
            needed_times = rule.times + self.preset.extra_listening
            times = self.listening_turns(rule.labels)
            if times >= needed_times and self.trust >= needed_trust:
                return (
                    f"listened on level 2/3 ({'/'.join(rule.labels)}) {times}x "
                    f"with trust {self.trust} >= {needed_trust}"
                )
            return None
        raise TypeError(f"unknown reveal rule {rule!r}")  # pragma: no cover - schema forbids

    def listening_turns(self, labels: list[str] | tuple[str, ...] = DEEP_LISTENING_LABELS) -> int:
        """In how many leader turns the leader used any of these labels (a turn counts once)."""
        wanted = set(labels)
        return sum(1 for turn_labels in self.label_history if wanted & set(turn_labels))

    # --- the persona's reply --------------------------------------------------------------

    def facts_to_reveal_now(self) -> list[HiddenFact]:
        """The facts the next reply should tell: the first unlocked, untold one (file order)."""
        if self.last_move in _NO_REVEAL_MOVES:
            return []
        for fact in self.scenario.hidden_facts:
            if fact.id in self.unlocked and fact.id not in self.revealed:
                return [fact]
        return []

    def mark_revealed(self, fact_ids: list[str]) -> list[FactEvent]:
        """Record that the reply to the current leader turn told these facts."""
        events = []
        for fact_id in fact_ids:
            if fact_id in self.revealed:
                continue
            unlock = self.unlocked[fact_id]
            event = FactEvent(fact_id, self.turn, unlock.rule, unlock.reason)
            self.revealed[fact_id] = event
            events.append(event)
        return events

    def known_facts(self) -> list[HiddenFact]:
        """Facts the persona has already told (it may refer back to them)."""
        return [fact for fact in self.scenario.hidden_facts if fact.id in self.revealed]

    # --- copies and views ---------------------------------------------------------------

    def snapshot(self) -> PersonaState:
        """A copy to restore on rewind (the scenario itself is shared, it is immutable)."""
        clone = copy.copy(self)
        clone.label_history = [list(labels) for labels in self.label_history]
        clone.unlocked = dict(self.unlocked)
        clone.revealed = dict(self.revealed)
        clone.last_labels = list(self.last_labels)
        return clone

    def to_dict(self) -> dict[str, Any]:
        return {
            "trust": self.trust,
            "mood": self.mood,
            "turn": self.turn,
            "difficulty": self.difficulty,
            "last_move": self.last_move,
            "last_labels": list(self.last_labels),
            "deep_listening_turns": self.listening_turns(),
            "unlocked": [event.fact_id for event in self.unlocked.values()],
            "revealed": [event.fact_id for event in self.revealed.values()],
        }
