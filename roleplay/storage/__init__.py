"""Oefengesprek's database: users, groups, practice sessions, turns, reports, reviews.

`open_store()` returns a thread-safe `Store` (SQLite by default, PostgreSQL through
$DATABASE_URL) with every migration applied. The app never uses the Store directly for
a person's data: it goes through `roleplay.access.Access`, which checks who may see what.
"""

from roleplay.storage.engine import DATABASE_URL_ENV, database_url
from roleplay.storage.errors import Conflict, InvalidInput, NotFound, StorageError
from roleplay.storage.records import (
    OVERALL,
    ROLES,
    VERDICTS,
    AssignmentRecord,
    AssignmentStatus,
    AuthSessionRecord,
    DimensionAgreement,
    DimensionReview,
    GroupRecord,
    LeaderProgress,
    ReportRecord,
    RetentionResult,
    ReviewRecord,
    ScenarioRecord,
    SessionRecord,
    SessionSummary,
    TurnRecord,
    UserRecord,
    UserRole,
    Verdict,
    overall_score,
)
from roleplay.storage.store import (
    RETENTION_DAYS_ENV,
    Store,
    extract_scores,
    open_store,
    retention_days_from_env,
)

__all__ = [
    "DATABASE_URL_ENV",
    "OVERALL",
    "RETENTION_DAYS_ENV",
    "ROLES",
    "VERDICTS",
    "AssignmentRecord",
    "AssignmentStatus",
    "AuthSessionRecord",
    "Conflict",
    "DimensionAgreement",
    "DimensionReview",
    "GroupRecord",
    "InvalidInput",
    "LeaderProgress",
    "NotFound",
    "ReportRecord",
    "RetentionResult",
    "ReviewRecord",
    "ScenarioRecord",
    "SessionRecord",
    "SessionSummary",
    "StorageError",
    "Store",
    "TurnRecord",
    "UserRecord",
    "UserRole",
    "Verdict",
    "database_url",
    "extract_scores",
    "open_store",
    "overall_score",
    "retention_days_from_env",
]
