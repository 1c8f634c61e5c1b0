"""Plain, immutable views of stored rows that callers may keep after the database session ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

UserRole = Literal["leader", "coach", "admin"]
ROLES: tuple[UserRole, ...] = ("leader", "coach", "admin")
Verdict = Literal["agree", "partly", "disagree"]
VERDICTS: tuple[Verdict, ...] = ("agree", "partly", "disagree")
#: the key of the overall score in a report's scores, when the scorer gives one
OVERALL = "overall"


@dataclass(frozen=True)
class UserRecord:
    id: int
    email: str
    display_name: str
    role: UserRole
    created_at: datetime
    deleted_at: datetime | None
    has_password: bool

    @property
    def active(self) -> bool:
        return self.deleted_at is None

    @property
    def label(self) -> str:
        return self.display_name or self.email


@dataclass(frozen=True)
class AuthSessionRecord:
    id: int
    user_id: int
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class GroupRecord:
    id: int
    name: str
    coach_id: int
    created_at: datetime


@dataclass(frozen=True)
class ScenarioRecord:
    id: str
    owner_id: int | None
    yaml_text: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class SessionRecord:
    id: int
    user_id: int | None
    scenario_id: str
    language: str
    difficulty: str
    backend: str
    started_at: datetime
    ended_at: datetime | None
    purged_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @property
    def transcript_removed(self) -> bool:
        """True once retention removed the turns; the scores stay."""
        return self.purged_at is not None


@dataclass(frozen=True)
class TurnRecord:
    id: int
    session_id: int
    position: int
    role: Literal["leader", "employee"]
    text: str
    labels: list[str]
    state: dict[str, Any]
    retracted: bool
    created_at: datetime


@dataclass(frozen=True)
class ReportRecord:
    id: int
    session_id: int
    rubric_version: str
    scores: dict[str, float]
    report: dict[str, Any] | None
    created_at: datetime

    @property
    def overall(self) -> float | None:
        return overall_score(self.scores)


@dataclass(frozen=True)
class AssignmentRecord:
    id: int
    coach_id: int
    leader_id: int | None
    group_id: int | None
    scenario_id: str
    due_date: date | None
    difficulty: str | None
    target_score: float | None
    created_at: datetime


@dataclass(frozen=True)
class DimensionReview:
    """A coach's judgement of one scored dimension: the input of a review."""

    verdict: Verdict
    coach_score: float | None = None
    comment: str = ""


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    session_id: int
    coach_id: int
    dimension: str
    verdict: Verdict
    coach_score: float | None
    scorer_score: float | None
    comment: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class DimensionAgreement:
    """How often coaches agreed with the scorer on one dimension."""

    dimension: str
    n: int
    agree: float
    partly: float
    disagree: float
    #: mean |coach score - scorer score| over the reviews that have both; None if none do
    mean_abs_difference: float | None
    n_scored: int


@dataclass(frozen=True)
class SessionSummary:
    """One practice session with its latest scores, for lists and progress charts."""

    session: SessionRecord
    scores: dict[str, float] = field(default_factory=dict)
    rubric_version: str | None = None

    @property
    def overall(self) -> float | None:
        return overall_score(self.scores)


@dataclass(frozen=True)
class AssignmentStatus:
    """An assignment as one leader sees it: done once a finished session of it exists."""

    assignment: AssignmentRecord
    leader_id: int
    done: bool
    best_score: float | None
    met_target: bool | None
    overdue: bool
    session_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LeaderProgress:
    """A coach's dashboard row: one leader, their assignments and their sessions over time."""

    leader: UserRecord
    group_ids: tuple[int, ...]
    assignments: list[AssignmentStatus]
    sessions: list[SessionSummary]

    @property
    def assignments_done(self) -> int:
        return sum(1 for status in self.assignments if status.done)

    @property
    def latest_overall(self) -> float | None:
        for summary in reversed(self.sessions):
            if summary.overall is not None:
                return summary.overall
        return None


@dataclass(frozen=True)
class RetentionResult:
    sessions_purged: int
    turns_deleted: int


def overall_score(scores: dict[str, float]) -> float | None:
    """The scorer's overall score, else the mean of the dimension scores, else None."""
    if OVERALL in scores:
        return float(scores[OVERALL])
    values = [float(value) for value in scores.values()]
    return sum(values) / len(values) if values else None
