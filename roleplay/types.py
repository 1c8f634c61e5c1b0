"""Shared value types of a practice conversation: languages, turns and transcripts."""

from __future__ import annotations

from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
Role = Literal["leader", "employee"]

#: the listener's vocabulary: every behaviour a leader turn can show, in display order
LISTENING_LABELS: tuple[str, ...] = (
    "summarize",
    "name_unspoken",
    "name_energy",
    "open_question",
    "check_assumption",
    "state_expectation",
    "ask_expectation",
    "self_disclosure",
    "backing",
    "closed_question",
    "premature_advice",
    "dismissive",
    "other",
)


class Turn(BaseModel):
    """One utterance in a conversation, as the leader or the employee said it."""

    role: Role
    text: str


class Transcript(BaseModel):
    """A whole conversation: the input of the scorer and of `python -m roleplay score`."""

    scenario: str
    language: Language = "nl"
    turns: list[Turn] = Field(default_factory=list)


class ConversationLog(Protocol):
    """Where a running conversation is written as it happens (implemented by roleplay.storage).

    The engine writes the leader's turn before it calls any backend, so nothing the
    leader typed is lost when a model call fails.
    """

    def create_session(
        self,
        *,
        user_id: int | None,
        scenario_id: str,
        language: str,
        difficulty: str,
        backend: str,
    ) -> int: ...

    def add_turn(
        self,
        session_id: int,
        *,
        role: Role,
        text: str,
        labels: list[str] | None = None,
        state: dict[str, Any] | None = None,
    ) -> int: ...

    def retract_turns(self, session_id: int, turn_ids: list[int]) -> None:
        """Rewind: the turns stay in the audit trail but no longer belong to the conversation."""

    def finish_session(self, session_id: int, report: dict[str, Any] | None) -> None: ...
