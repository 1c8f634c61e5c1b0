"""Shared value types of a practice conversation: languages, turns and transcripts."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
Role = Literal["leader", "employee"]


class Turn(BaseModel):
    """One utterance in a conversation, as the leader or the employee said it."""

    role: Role
    text: str


class Transcript(BaseModel):
    """A whole conversation: the input of the scorer and of `python -m roleplay score`."""

    scenario: str
    language: Language = "nl"
    turns: list[Turn] = Field(default_factory=list)
