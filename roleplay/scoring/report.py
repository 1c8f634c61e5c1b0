"""The report a scored conversation produces: pydantic models whose JSON is the contract.

`Report.model_dump(mode="json")` is what `python -m roleplay score --json` prints, what the
app stores with a finished session and what the PDF export reads.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from roleplay.types import Language, Role


class ReportTurn(BaseModel):
    """One turn of the scored conversation; leader turns carry their labels."""

    index: int
    role: Role
    text: str
    labels: list[str] | None = None
    ignored_text: list[str] = Field(
        default_factory=list,
        description="sentences that addressed the scorer and were not scored",
    )


class Evidence(BaseModel):
    """A moment in the conversation that a rubric line rests on."""

    turn_index: int
    quote: str = Field(description="an exact substring of the turn's text")
    labels: list[str]
    line_id: str
    kind: Literal["strength", "pitfall"]


class LineResult(BaseModel):
    """How one rubric line was met in this conversation."""

    id: str
    text: str
    kind: Literal["reward", "penalty"]
    labels: list[str]
    met: bool
    score: int = Field(ge=0, le=100)
    rate: float = Field(ge=0, le=1, description="share of leader turns showing the behaviour")
    turns: int = Field(ge=0, description="leader turns showing the behaviour")


class ArticlePassage(BaseModel):
    """The passage of the article a line rests on, with attribution."""

    line_id: str
    id: str | None = None
    text: str
    excerpt: str = Field(default="", description="the part of `text` the rubric line rests on")
    section: str
    subsection: str | None = None
    source: str
    score: float | None = None
    retrieved: bool = Field(description="False when the rubric's own quote was used")


class Suggestion(BaseModel):
    """A weak moment (or a missed opportunity) and a concrete better phrasing."""

    line_id: str
    kind: Literal["pitfall", "missed"] = Field(
        description="pitfall: say this instead of the quote; missed: a chance at that moment"
    )
    turn_index: int | None = None
    quote: str | None = None
    issue: str
    better: str


class Dimension(BaseModel):
    """The evidence behind one score."""

    key: str
    name: str
    score: int = Field(ge=0, le=100)
    components: dict[str, float] = Field(default_factory=dict)
    lines: list[LineResult] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    passages: list[ArticlePassage] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)


class Report(BaseModel):
    """The full feedback on one conversation."""

    rubric_version: str
    scenario: str
    language: Language
    listener: str
    leader_turns: int
    scores: dict[str, int]
    turns: list[ReportTurn]
    dimensions: dict[str, Dimension]
    suggestions: list[Suggestion] = Field(
        default_factory=list, description="the weakest moments, most important first"
    )
    notes: list[str] = Field(default_factory=list)
    source: str
