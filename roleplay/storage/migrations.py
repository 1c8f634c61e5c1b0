"""Numbered schema migrations, applied in order when a store is opened.

Modelled on simonw/llm: each migration is a function `mNNN_what(connection)` in the
ordered list `MIGRATIONS`; the names of applied ones are recorded in `_migrations`.
Every migration runs in its own transaction, under a lock, so two processes opening
the same database at once apply each migration exactly once. A migration is never
edited after release: change the schema by appending `m002_...`, and keep
`roleplay.storage.models` in step (a test compares the two).

Migrations describe their tables with SQLAlchemy Core on a private MetaData, not with
the ORM models, so that later changes to the models cannot rewrite history.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.types import JSON

from roleplay.storage.columns import UTCDateTime, utc_now

Migration = Callable[[Connection], None]
MIGRATIONS: list[Migration] = []

# an arbitrary constant: the PostgreSQL advisory lock that serialises migrations
_PG_MIGRATION_LOCK = 720_431_950


def migration(function: Migration) -> Migration:
    MIGRATIONS.append(function)
    return function


@migration
def m001_initial(connection: Connection) -> None:
    metadata = MetaData()
    Table(
        "users",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("email", String(254), nullable=False, unique=True),
        Column("display_name", String(200), nullable=False, default=""),
        Column("password_hash", String(255), nullable=True),
        Column("role", String(16), nullable=False),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        Column("deleted_at", UTCDateTime, nullable=True),
        CheckConstraint("role IN ('leader', 'coach', 'admin')", name="ck_users_role"),
    )
    Table(
        "groups",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("name", String(200), nullable=False),
        Column("coach_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        UniqueConstraint("coach_id", "name", name="uq_groups_coach_name"),
    )
    Table(
        "memberships",
        metadata,
        Column(
            "group_id",
            Integer,
            ForeignKey("groups.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(
            "user_id",
            Integer,
            ForeignKey("users.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        Index("ix_memberships_user", "user_id"),
    )
    Table(
        "auth_sessions",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        Column("token_hash", String(64), nullable=False, unique=True),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        Column("expires_at", UTCDateTime, nullable=False),
        Index("ix_auth_sessions_user", "user_id"),
    )
    Table(
        "scenarios",
        metadata,
        Column("id", String(80), primary_key=True),
        Column("owner_id", Integer, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        Column("yaml_text", Text, nullable=False),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        Column("updated_at", UTCDateTime, nullable=False, default=utc_now),
    )
    Table(
        "practice_sessions",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=True),
        Column("scenario_id", String(80), nullable=False),
        Column("language", String(8), nullable=False),
        Column("difficulty", String(16), nullable=False),
        Column("backend", String(80), nullable=False),
        Column("started_at", UTCDateTime, nullable=False, default=utc_now),
        Column("ended_at", UTCDateTime, nullable=True),
        Column("purged_at", UTCDateTime, nullable=True),
        Index("ix_practice_sessions_user", "user_id"),
        Index("ix_practice_sessions_started", "started_at"),
    )
    Table(
        "turns",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "session_id",
            Integer,
            ForeignKey("practice_sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("position", Integer, nullable=False),
        Column("role", String(16), nullable=False),
        Column("text", Text, nullable=False),
        Column("labels", JSON, nullable=True),
        Column("state", JSON, nullable=True),
        Column("retracted", Boolean, nullable=False, default=False),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        UniqueConstraint("session_id", "position", name="uq_turns_session_position"),
        CheckConstraint("role IN ('leader', 'employee')", name="ck_turns_role"),
    )
    Table(
        "reports",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "session_id",
            Integer,
            ForeignKey("practice_sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("rubric_version", String(40), nullable=False),
        Column("scores", JSON, nullable=False),
        Column("report", JSON, nullable=True),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        UniqueConstraint("session_id", "rubric_version", name="uq_reports_session_rubric"),
    )
    Table(
        "assignments",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("coach_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        Column("leader_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=True),
        Column("group_id", Integer, ForeignKey("groups.id", ondelete="CASCADE"), nullable=True),
        Column("scenario_id", String(80), nullable=False),
        Column("due_date", Date, nullable=True),
        Column("difficulty", String(16), nullable=True),
        Column("target_score", Float, nullable=True),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        CheckConstraint(
            "(leader_id IS NULL) <> (group_id IS NULL)", name="ck_assignments_one_target"
        ),
        Index("ix_assignments_coach", "coach_id"),
    )
    Table(
        "coach_reviews",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "session_id",
            Integer,
            ForeignKey("practice_sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("coach_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        Column("dimension", String(80), nullable=False),
        Column("verdict", String(16), nullable=False),
        Column("coach_score", Float, nullable=True),
        Column("scorer_score", Float, nullable=True),
        Column("comment", Text, nullable=False, default=""),
        Column("created_at", UTCDateTime, nullable=False, default=utc_now),
        Column("updated_at", UTCDateTime, nullable=False, default=utc_now),
        UniqueConstraint(
            "session_id", "coach_id", "dimension", name="uq_coach_reviews_session_dimension"
        ),
        CheckConstraint(
            "verdict IN ('agree', 'partly', 'disagree')", name="ck_coach_reviews_verdict"
        ),
        CheckConstraint(
            "coach_score IS NULL OR (coach_score >= 0 AND coach_score <= 100)",
            name="ck_coach_reviews_score_range",
        ),
    )
    metadata.create_all(connection)


_migrations_table = Table(
    "_migrations",
    MetaData(),
    Column("name", String(100), primary_key=True),
    Column("applied_at", UTCDateTime, nullable=False, default=utc_now),
)


def _lock(connection: Connection) -> None:
    """Serialise migrating processes (SQLite already holds its write lock: BEGIN IMMEDIATE)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})


def _applied(connection: Connection) -> set[str]:
    return set(connection.execute(_migrations_table.select()).scalars())


def applied_migrations(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return sorted(_applied(connection))


def apply_migrations(engine: Engine) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now (often none).

    `engine` must open write transactions (see `roleplay.storage.engine.write_engine`).
    """
    with engine.begin() as connection:
        _lock(connection)
        _migrations_table.create(connection, checkfirst=True)
        done = _applied(connection)
    applied_now: list[str] = []
    for function in MIGRATIONS:
        name = function.__name__
        if name in done:
            continue
        with engine.begin() as connection:
            _lock(connection)
            if name in _applied(connection):  # another process was faster
                continue
            function(connection)
            connection.execute(_migrations_table.insert().values(name=name, applied_at=utc_now()))
        applied_now.append(name)
    return applied_now
