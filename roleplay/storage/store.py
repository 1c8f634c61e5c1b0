"""The Store: every read and write of Oefengesprek's database, one short transaction per call.

It implements `roleplay.types.ConversationLog`, so the engine writes each turn as it
happens. It does no authorisation: the app reaches it through `roleplay.access.Access`.
One Store per process is enough; it is thread-safe because nothing is shared between
calls except the engine's connection pool.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Engine, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from roleplay.storage.columns import utc_now
from roleplay.storage.engine import (
    DEFAULT_BUSY_TIMEOUT_MS,
    create_database_engine,
    database_url,
    describe,
    translate_error,
    translated_errors,
    write_engine,
)
from roleplay.storage.errors import Conflict, InvalidInput, NotFound, StorageError
from roleplay.storage.migrations import apply_migrations
from roleplay.storage.models import (
    Assignment,
    AuthoredScenario,
    AuthSession,
    CoachReview,
    Group,
    Membership,
    PracticeSession,
    Report,
    TurnRow,
    User,
)
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
)
from roleplay.types import ConversationLog, Role, Transcript, Turn

RETENTION_DAYS_ENV = "OEFENGESPREK_RETENTION_DAYS"
TURN_ROLES: tuple[Role, ...] = ("leader", "employee")
UNVERSIONED_RUBRIC = "unversioned"


def open_store(
    url: str | None = None,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    apply_configured_retention: bool = True,
) -> Store:
    """Open (and create or migrate) the database: `url`, else $DATABASE_URL, else SQLite.

    When $OEFENGESPREK_RETENTION_DAYS is set, old transcripts are removed right away,
    so the policy holds from every app start on.
    """
    engine = create_database_engine(database_url(url), busy_timeout_ms=busy_timeout_ms)
    store = Store(engine)
    try:
        store.migrate()
        if apply_configured_retention:
            days = retention_days_from_env()
            if days is not None:
                store.apply_retention(days)
    except BaseException:
        engine.dispose()
        raise
    return store


def retention_days_from_env() -> int | None:
    """$OEFENGESPREK_RETENTION_DAYS as a positive number of days, or None when unset."""
    raw = os.environ.get(RETENTION_DAYS_ENV, "").strip()
    if not raw:
        return None
    try:
        days = int(raw)
    except ValueError:
        days = 0
    if days < 1:
        raise StorageError(
            f"{RETENTION_DAYS_ENV}={raw!r} is not a whole number of days of at least 1; "
            "unset it to keep transcripts until their owner deletes them.",
            code="retention_invalid",
        )
    return days


class Store:
    """Typed access to all tables; see the module docstring. Use `open_store()` to get one."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = write_engine(engine)
        self.url = engine.url
        self.dialect = engine.dialect.name

    def __repr__(self) -> str:
        return f"Store({describe(self.url)})"

    def migrate(self) -> list[str]:
        """Apply pending migrations; returns the names applied now."""
        try:
            return apply_migrations(self._writer)
        except SQLAlchemyError as error:
            raise translate_error(self.url, error) from None

    def close(self) -> None:
        self._engine.dispose()

    def conversation_log(self) -> ConversationLog:
        """The Store itself, typed as what the engine needs (no access checks: CLI and tests)."""
        return self

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with translated_errors(self.url), Session(self._engine) as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with (
            translated_errors(self.url),
            Session(self._writer, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    # ---------------------------------------------------------------- users

    def create_user(
        self,
        email: str,
        *,
        role: UserRole = "leader",
        display_name: str = "",
        password_hash: str | None = None,
    ) -> UserRecord:
        if role not in ROLES:
            raise InvalidInput(
                f"Unknown role {role!r}; use one of {', '.join(ROLES)}.", field="role"
            )
        normalised = email.strip().lower()
        try:
            with self._write() as session:
                user = User(
                    email=normalised,
                    display_name=display_name.strip(),
                    password_hash=password_hash,
                    role=role,
                    created_at=utc_now(),
                )
                session.add(user)
                session.flush()
                return _user(user)
        except IntegrityError:
            raise Conflict(
                f"An account with the email address {normalised} already exists.",
                code="email_taken",
            ) from None

    def get_user(self, user_id: int) -> UserRecord:
        with self._read() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound("user", user_id)
            return _user(user)

    def find_user_by_email(self, email: str) -> UserRecord | None:
        with self._read() as session:
            user = session.scalar(select(User).where(User.email == email.strip().lower()))
            return _user(user) if user else None

    def password_hash_of(self, user_id: int) -> str | None:
        with self._read() as session:
            return session.scalar(select(User.password_hash).where(User.id == user_id))

    def list_users(
        self, role: UserRole | None = None, *, include_deleted: bool = False
    ) -> list[UserRecord]:
        query = select(User).order_by(User.email)
        if role is not None:
            query = query.where(User.role == role)
        if not include_deleted:
            query = query.where(User.deleted_at.is_(None))
        with self._read() as session:
            return [_user(user) for user in session.scalars(query)]

    def update_user(
        self,
        user_id: int,
        *,
        role: UserRole | None = None,
        display_name: str | None = None,
        password_hash: str | None = None,
        deactivated: bool | None = None,
    ) -> UserRecord:
        """Change the given fields; `deactivated` sets or clears `deleted_at` (account disabled)."""
        if role is not None and role not in ROLES:
            raise InvalidInput(
                f"Unknown role {role!r}; use one of {', '.join(ROLES)}.", field="role"
            )
        with self._write() as session:
            user = session.get(User, user_id, with_for_update=True)
            if user is None:
                raise NotFound("user", user_id)
            if role is not None:
                user.role = role
            if display_name is not None:
                user.display_name = display_name.strip()
            if password_hash is not None:
                user.password_hash = password_hash
            if deactivated is not None:
                user.deleted_at = (user.deleted_at or utc_now()) if deactivated else None
            session.flush()
            return _user(user)

    def delete_user(self, user_id: int) -> None:
        """Remove the account and everything that is theirs: sessions, turns, reports, reviews,
        groups and assignments they made, memberships and sign-ins. Their authored scenarios
        stay (without an owner) because other people's assignments may use them."""
        with self._write() as session:
            deleted = session.execute(delete(User).where(User.id == user_id))
            if getattr(deleted, "rowcount", 0) == 0:
                raise NotFound("user", user_id)

    # ---------------------------------------------------------------- sign-in sessions

    def create_auth_session(
        self, user_id: int, token_hash: str, expires_at: datetime
    ) -> AuthSessionRecord:
        with self._write() as session:
            row = AuthSession(
                user_id=user_id, token_hash=token_hash, created_at=utc_now(), expires_at=expires_at
            )
            session.add(row)
            session.flush()
            return _auth_session(row)

    def find_auth_session(self, token_hash: str) -> tuple[AuthSessionRecord, UserRecord] | None:
        with self._read() as session:
            found = session.execute(
                select(AuthSession, User)
                .join(User, User.id == AuthSession.user_id)
                .where(AuthSession.token_hash == token_hash)
            ).first()
            if found is None:
                return None
            return _auth_session(found[0]), _user(found[1])

    def delete_auth_session(self, token_hash: str) -> None:
        with self._write() as session:
            session.execute(delete(AuthSession).where(AuthSession.token_hash == token_hash))

    def delete_auth_sessions_of(self, user_id: int) -> int:
        with self._write() as session:
            result = session.execute(delete(AuthSession).where(AuthSession.user_id == user_id))
            return int(getattr(result, "rowcount", 0) or 0)

    def purge_expired_auth_sessions(self, now: datetime | None = None) -> int:
        with self._write() as session:
            result = session.execute(
                delete(AuthSession).where(AuthSession.expires_at <= (now or utc_now()))
            )
            return int(getattr(result, "rowcount", 0) or 0)

    # ---------------------------------------------------------------- groups

    def create_group(self, coach_id: int, name: str) -> GroupRecord:
        clean = _group_name(name)
        try:
            with self._write() as session:
                group = Group(name=clean, coach_id=coach_id, created_at=utc_now())
                session.add(group)
                session.flush()
                return _group(group)
        except IntegrityError:
            raise Conflict(
                f"You already have a group called {clean!r}.", code="group_exists"
            ) from None

    def get_group(self, group_id: int) -> GroupRecord:
        with self._read() as session:
            group = session.get(Group, group_id)
            if group is None:
                raise NotFound("group", group_id)
            return _group(group)

    def rename_group(self, group_id: int, name: str) -> GroupRecord:
        clean = _group_name(name)
        try:
            with self._write() as session:
                group = session.get(Group, group_id)
                if group is None:
                    raise NotFound("group", group_id)
                group.name = clean
                session.flush()
                return _group(group)
        except IntegrityError:
            raise Conflict(
                f"You already have a group called {clean!r}.", code="group_exists"
            ) from None

    def delete_group(self, group_id: int) -> None:
        with self._write() as session:
            session.execute(delete(Group).where(Group.id == group_id))

    def list_groups(self, coach_id: int | None = None) -> list[GroupRecord]:
        query = select(Group).order_by(Group.name, Group.id)
        if coach_id is not None:
            query = query.where(Group.coach_id == coach_id)
        with self._read() as session:
            return [_group(group) for group in session.scalars(query)]

    def add_member(self, group_id: int, user_id: int) -> None:
        try:
            with self._write() as session:
                session.add(Membership(group_id=group_id, user_id=user_id, created_at=utc_now()))
        except IntegrityError:
            raise Conflict("This person is already in the group.", code="already_member") from None

    def remove_member(self, group_id: int, user_id: int) -> None:
        with self._write() as session:
            session.execute(
                delete(Membership).where(
                    Membership.group_id == group_id, Membership.user_id == user_id
                )
            )

    def group_members(self, group_id: int) -> list[UserRecord]:
        with self._read() as session:
            users = session.scalars(
                select(User)
                .join(Membership, Membership.user_id == User.id)
                .where(Membership.group_id == group_id)
                .order_by(User.email)
            )
            return [_user(user) for user in users]

    def groups_of(self, user_id: int) -> list[GroupRecord]:
        with self._read() as session:
            groups = session.scalars(
                select(Group)
                .join(Membership, Membership.group_id == Group.id)
                .where(Membership.user_id == user_id)
                .order_by(Group.name)
            )
            return [_group(group) for group in groups]

    def leaders_of_coach(self, coach_id: int) -> list[UserRecord]:
        """Everyone in one of the coach's groups, once, active accounts only."""
        with self._read() as session:
            users = session.scalars(
                select(User)
                .where(
                    User.id.in_(
                        select(Membership.user_id)
                        .join(Group, Group.id == Membership.group_id)
                        .where(Group.coach_id == coach_id)
                    ),
                    User.deleted_at.is_(None),
                )
                .order_by(User.display_name, User.email)
            )
            return [_user(user) for user in users]

    def coaches_user(self, coach_id: int, user_id: int) -> bool:
        """True when `user_id` is in one of `coach_id`'s groups."""
        with self._read() as session:
            found = session.scalar(
                select(func.count())
                .select_from(Membership)
                .join(Group, Group.id == Membership.group_id)
                .where(Group.coach_id == coach_id, Membership.user_id == user_id)
            )
            return bool(found)

    # ---------------------------------------------------------------- authored scenarios

    def save_scenario(
        self, scenario_id: str, owner_id: int | None, yaml_text: str
    ) -> ScenarioRecord:
        """Insert, or replace the text of, an authored scenario; the first owner stays."""
        with self._write() as session:
            row = session.get(AuthoredScenario, scenario_id, with_for_update=True)
            now = utc_now()
            if row is None:
                row = AuthoredScenario(
                    id=scenario_id,
                    owner_id=owner_id,
                    yaml_text=yaml_text,
                    created_at=now,
                    updated_at=now,
                )
                session.add(row)
            else:
                row.yaml_text = yaml_text
                row.updated_at = now
            session.flush()
            return _scenario(row)

    def get_scenario(self, scenario_id: str) -> ScenarioRecord:
        with self._read() as session:
            row = session.get(AuthoredScenario, scenario_id)
            if row is None:
                raise NotFound("scenario", scenario_id)
            return _scenario(row)

    def list_scenarios(self, owner_ids: Iterable[int] | None = None) -> list[ScenarioRecord]:
        query = select(AuthoredScenario).order_by(AuthoredScenario.id)
        if owner_ids is not None:
            query = query.where(AuthoredScenario.owner_id.in_(list(owner_ids)))
        with self._read() as session:
            return [_scenario(row) for row in session.scalars(query)]

    def delete_scenario(self, scenario_id: str) -> None:
        with self._write() as session:
            session.execute(delete(AuthoredScenario).where(AuthoredScenario.id == scenario_id))

    # ---------------------------------------------------------------- ConversationLog

    def create_session(
        self,
        *,
        user_id: int | None,
        scenario_id: str,
        language: str,
        difficulty: str,
        backend: str,
    ) -> int:
        for name, value, limit in (
            ("scenario_id", scenario_id, 80),
            ("language", language, 8),
            ("difficulty", difficulty, 16),
            ("backend", backend, 80),
        ):
            if not value or len(value) > limit:
                raise InvalidInput(
                    f"{name}: give 1 to {limit} characters, not {value!r}.", field=name
                )
        with self._write() as session:
            row = PracticeSession(
                user_id=user_id,
                scenario_id=scenario_id,
                language=language,
                difficulty=difficulty,
                backend=backend,
                started_at=utc_now(),
            )
            session.add(row)
            session.flush()
            return row.id

    def add_turn(
        self,
        session_id: int,
        *,
        role: Role,
        text: str,
        labels: list[str] | None = None,
        state: dict[str, Any] | None = None,
    ) -> int:
        if role not in TURN_ROLES:
            raise InvalidInput(
                f"A turn's role is 'leader' or 'employee', not {role!r}.", field="role"
            )
        with self._write() as session:
            # the row lock keeps positions unique when two threads write to one session
            practice = session.get(PracticeSession, session_id, with_for_update=True)
            if practice is None:
                raise NotFound("session", session_id)
            last = session.scalar(
                select(func.max(TurnRow.position)).where(TurnRow.session_id == session_id)
            )
            row = TurnRow(
                session_id=session_id,
                position=(last or 0) + 1,
                role=role,
                # PostgreSQL text cannot hold NUL; a pasted one must not lose the whole turn
                text=text.replace("\x00", ""),
                labels=list(labels) if labels else [],
                state=_json_safe(state) if state else {},
                retracted=False,
                created_at=utc_now(),
            )
            session.add(row)
            session.flush()
            return row.id

    def retract_turns(self, session_id: int, turn_ids: list[int]) -> None:
        """Mark turns as taken back; they stay in the audit trail (see `include_retracted`)."""
        if not turn_ids:
            return
        wanted = set(turn_ids)
        with self._write() as session:
            found = set(
                session.scalars(
                    select(TurnRow.id).where(
                        TurnRow.session_id == session_id, TurnRow.id.in_(wanted)
                    )
                )
            )
            if found != wanted:
                raise NotFound("turn", sorted(wanted - found)[0])
            session.execute(update(TurnRow).where(TurnRow.id.in_(wanted)).values(retracted=True))

    def finish_session(self, session_id: int, report: dict[str, Any] | None) -> None:
        """End the session (the first end time stays) and keep the report if there is one.

        The report's scores are read from `report["scores"]` ({dimension: number} or a list
        of {"dimension"/"id": ..., "score": ...}) and `report["overall"]`; its rubric
        version from `report["rubric_version"]`.
        """
        with self._write() as session:
            practice = session.get(PracticeSession, session_id, with_for_update=True)
            if practice is None:
                raise NotFound("session", session_id)
            if practice.ended_at is None:
                practice.ended_at = utc_now()
            if report is not None:
                version, scores = extract_scores(report)
                _upsert_report(session, session_id, version, scores, _json_safe(report))

    # ---------------------------------------------------------------- sessions, turns, reports

    def get_session(self, session_id: int) -> SessionRecord:
        with self._read() as session:
            row = session.get(PracticeSession, session_id)
            if row is None:
                raise NotFound("session", session_id)
            return _session(row)

    def list_sessions(
        self, user_id: int | None = None, *, scenario_id: str | None = None
    ) -> list[SessionRecord]:
        """A user's sessions, newest first; `user_id=None` lists everyone's (for admins)."""
        query = select(PracticeSession).order_by(
            PracticeSession.started_at.desc(), PracticeSession.id.desc()
        )
        if user_id is not None:
            query = query.where(PracticeSession.user_id == user_id)
        if scenario_id is not None:
            query = query.where(PracticeSession.scenario_id == scenario_id)
        with self._read() as session:
            return [_session(row) for row in session.scalars(query)]

    def session_summaries(self, user_ids: Iterable[int]) -> dict[int, list[SessionSummary]]:
        """Each user's sessions, oldest first, with the latest report's scores."""
        ids = list(user_ids)
        result: dict[int, list[SessionSummary]] = {user_id: [] for user_id in ids}
        if not ids:
            return result
        with self._read() as session:
            rows = list(
                session.scalars(
                    select(PracticeSession)
                    .where(PracticeSession.user_id.in_(ids))
                    .order_by(PracticeSession.started_at, PracticeSession.id)
                )
            )
            latest = _latest_reports(session, [row.id for row in rows])
            for row in rows:
                report = latest.get(row.id)
                result[cast(int, row.user_id)].append(
                    SessionSummary(
                        session=_session(row),
                        scores=dict(report.scores) if report else {},
                        rubric_version=report.rubric_version if report else None,
                    )
                )
        return result

    def list_turns(self, session_id: int, *, include_retracted: bool = False) -> list[TurnRecord]:
        with self._read() as session:
            if session.get(PracticeSession, session_id) is None:
                raise NotFound("session", session_id)
            query = (
                select(TurnRow).where(TurnRow.session_id == session_id).order_by(TurnRow.position)
            )
            if not include_retracted:
                query = query.where(TurnRow.retracted.is_(False))
            return [_turn(row) for row in session.scalars(query)]

    def transcript(self, session_id: int) -> Transcript:
        """The conversation as the scorer reads it: the turns that were not taken back."""
        practice = self.get_session(session_id)
        turns = self.list_turns(session_id)
        language = practice.language if practice.language in ("nl", "en") else "nl"
        return Transcript(
            scenario=practice.scenario_id,
            language=cast(Any, language),
            turns=[Turn(role=turn.role, text=turn.text) for turn in turns],
        )

    def save_report(
        self,
        session_id: int,
        *,
        scores: Mapping[str, float],
        report: dict[str, Any] | None = None,
        rubric_version: str = UNVERSIONED_RUBRIC,
    ) -> ReportRecord:
        """Store a (re)scoring; one report per session and rubric version, the newest wins."""
        clean = {str(key): float(value) for key, value in scores.items()}
        with self._write() as session:
            if session.get(PracticeSession, session_id) is None:
                raise NotFound("session", session_id)
            row = _upsert_report(
                session, session_id, rubric_version, clean, _json_safe(report) if report else None
            )
            return _report(row)

    def get_report(self, session_id: int) -> ReportRecord | None:
        """The latest report of the session, or None when it was not scored."""
        with self._read() as session:
            if session.get(PracticeSession, session_id) is None:
                raise NotFound("session", session_id)
            return _latest_reports(session, [session_id]).get(session_id)

    def delete_session(self, session_id: int) -> None:
        """Remove the session with its turns, reports and reviews."""
        with self._write() as session:
            result = session.execute(
                delete(PracticeSession).where(PracticeSession.id == session_id)
            )
            if getattr(result, "rowcount", 0) == 0:
                raise NotFound("session", session_id)

    # ---------------------------------------------------------------- assignments

    def create_assignment(
        self,
        *,
        coach_id: int,
        scenario_id: str,
        leader_id: int | None = None,
        group_id: int | None = None,
        due_date: date | None = None,
        difficulty: str | None = None,
        target_score: float | None = None,
    ) -> AssignmentRecord:
        if (leader_id is None) == (group_id is None):
            raise InvalidInput(
                "Assign a scenario either to one leader or to one group.",
                code="assignment_target",
                field="leader_id",
            )
        if target_score is not None and not 0 <= target_score <= 100:
            raise InvalidInput(
                "A target score lies between 0 and 100.",
                code="target_out_of_range",
                field="target_score",
            )
        with self._write() as session:
            row = Assignment(
                coach_id=coach_id,
                leader_id=leader_id,
                group_id=group_id,
                scenario_id=scenario_id,
                due_date=due_date,
                difficulty=difficulty,
                target_score=target_score,
                created_at=utc_now(),
            )
            session.add(row)
            session.flush()
            return _assignment(row)

    def get_assignment(self, assignment_id: int) -> AssignmentRecord:
        with self._read() as session:
            row = session.get(Assignment, assignment_id)
            if row is None:
                raise NotFound("assignment", assignment_id)
            return _assignment(row)

    def list_assignments(self, coach_id: int | None = None) -> list[AssignmentRecord]:
        query = select(Assignment).order_by(Assignment.created_at, Assignment.id)
        if coach_id is not None:
            query = query.where(Assignment.coach_id == coach_id)
        with self._read() as session:
            return [_assignment(row) for row in session.scalars(query)]

    def assignments_for(self, leader_id: int) -> list[AssignmentRecord]:
        """What was assigned to the leader directly or through one of their groups."""
        with self._read() as session:
            groups = select(Membership.group_id).where(Membership.user_id == leader_id)
            rows = session.scalars(
                select(Assignment)
                .where(or_(Assignment.leader_id == leader_id, Assignment.group_id.in_(groups)))
                .order_by(Assignment.created_at, Assignment.id)
            )
            return [_assignment(row) for row in rows]

    def delete_assignment(self, assignment_id: int) -> None:
        with self._write() as session:
            session.execute(delete(Assignment).where(Assignment.id == assignment_id))

    def assignment_statuses(
        self, leader_id: int, assignments: list[AssignmentRecord], *, today: date | None = None
    ) -> list[AssignmentStatus]:
        summaries = self.session_summaries([leader_id])[leader_id]
        return [
            assignment_status(assignment, leader_id, summaries, today=today)
            for assignment in assignments
        ]

    # ---------------------------------------------------------------- coach reviews

    def save_review(
        self, session_id: int, coach_id: int, dimensions: Mapping[str, DimensionReview]
    ) -> list[ReviewRecord]:
        """Record (or revise) a coach's verdict per scored dimension of the latest report."""
        if not dimensions:
            raise InvalidInput("Review at least one dimension.", code="review_empty")
        for name, review in dimensions.items():
            if review.verdict not in VERDICTS:
                raise InvalidInput(
                    f"{name}: the verdict is one of {', '.join(VERDICTS)}, not {review.verdict!r}.",
                    code="review_verdict",
                    field=name,
                )
            if review.coach_score is not None and not 0 <= review.coach_score <= 100:
                raise InvalidInput(
                    f"{name}: your own score lies between 0 and 100.",
                    code="review_score_range",
                    field=name,
                )
        with self._write() as session:
            if session.get(PracticeSession, session_id) is None:
                raise NotFound("session", session_id)
            report = _latest_reports(session, [session_id]).get(session_id)
            if report is None:
                raise InvalidInput(
                    "This session has no scores yet, so there is nothing to review.",
                    code="review_no_report",
                )
            unknown = sorted(set(dimensions) - set(report.scores))
            if unknown:
                raise InvalidInput(
                    f"{unknown[0]}: not a scored dimension of this session; "
                    f"use one of {', '.join(sorted(report.scores))}.",
                    code="review_dimension",
                    field=unknown[0],
                )
            now = utc_now()
            saved: list[CoachReview] = []
            for name, review in dimensions.items():
                row = session.scalar(
                    select(CoachReview).where(
                        CoachReview.session_id == session_id,
                        CoachReview.coach_id == coach_id,
                        CoachReview.dimension == name,
                    )
                )
                if row is None:
                    row = CoachReview(
                        session_id=session_id, coach_id=coach_id, dimension=name, created_at=now
                    )
                    session.add(row)
                row.verdict = review.verdict
                row.coach_score = review.coach_score
                row.scorer_score = report.scores.get(name)
                row.comment = review.comment.strip()
                row.updated_at = now
                saved.append(row)
            session.flush()
            return [_review(row) for row in saved]

    def list_reviews(self, session_id: int) -> list[ReviewRecord]:
        with self._read() as session:
            rows = session.scalars(
                select(CoachReview)
                .where(CoachReview.session_id == session_id)
                .order_by(CoachReview.coach_id, CoachReview.dimension)
            )
            return [_review(row) for row in rows]

    def agreement_stats(self, coach_id: int | None = None) -> dict[str, DimensionAgreement]:
        """Per dimension: the share of agree/partly/disagree and the mean |coach - scorer| score."""
        query = select(
            CoachReview.dimension,
            CoachReview.verdict,
            CoachReview.coach_score,
            CoachReview.scorer_score,
        )
        if coach_id is not None:
            query = query.where(CoachReview.coach_id == coach_id)
        with self._read() as session:
            rows = session.execute(query).all()
        return agreement_from_rows(
            (row.dimension, cast(Verdict, row.verdict), row.coach_score, row.scorer_score)
            for row in rows
        )

    # ---------------------------------------------------------------- privacy

    def apply_retention(self, days: int, *, now: datetime | None = None) -> RetentionResult:
        """Remove the transcripts of sessions started more than `days` days ago.

        The turns go, the report keeps only its scores (its text quotes the conversation),
        and coach comments are emptied; the session row, scores and review verdicts stay so
        that progress charts and agreement statistics keep working.
        """
        if days < 1:
            raise InvalidInput("Keep transcripts for at least 1 day.", code="retention_invalid")
        cutoff = (now or utc_now()) - timedelta(days=days)
        with self._write() as session:
            ids = list(
                session.scalars(
                    select(PracticeSession.id).where(
                        PracticeSession.started_at < cutoff, PracticeSession.purged_at.is_(None)
                    )
                )
            )
            if not ids:
                return RetentionResult(sessions_purged=0, turns_deleted=0)
            turns = session.execute(delete(TurnRow).where(TurnRow.session_id.in_(ids)))
            session.execute(update(Report).where(Report.session_id.in_(ids)).values(report=None))
            session.execute(
                update(CoachReview).where(CoachReview.session_id.in_(ids)).values(comment="")
            )
            session.execute(
                update(PracticeSession)
                .where(PracticeSession.id.in_(ids))
                .values(purged_at=utc_now())
            )
            return RetentionResult(
                sessions_purged=len(ids), turns_deleted=int(getattr(turns, "rowcount", 0) or 0)
            )


# -------------------------------------------------------------------- helpers


def extract_scores(report: Mapping[str, Any]) -> tuple[str, dict[str, float]]:
    """The rubric version and {dimension: score} of a scorer's report, in any of its shapes."""
    version = report.get("rubric_version")
    rubric = report.get("rubric")
    if not version and isinstance(rubric, Mapping):
        version = rubric.get("version")
    scores: dict[str, float] = {}
    for source in (report.get("scores"), report.get("dimensions")):
        if isinstance(source, Mapping):
            for name, value in source.items():
                number = _number(value.get("score") if isinstance(value, Mapping) else value)
                if number is not None:
                    scores[str(name)] = number
        elif isinstance(source, list):
            for item in source:
                if not isinstance(item, Mapping):
                    continue
                name = (
                    item.get("dimension") or item.get("id") or item.get("key") or item.get("name")
                )
                number = _number(item.get("score"))
                if name and number is not None:
                    scores[str(name)] = number
    overall = _number(report.get(OVERALL, report.get("overall_score")))
    if overall is not None:
        scores[OVERALL] = overall
    return str(version or UNVERSIONED_RUBRIC), scores


def _group_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InvalidInput("A group needs a name.", code="group_name_missing", field="name")
    if len(clean) > 200:
        raise InvalidInput(
            "Use a group name of at most 200 characters.", code="group_name_too_long", field="name"
        )
    return clean


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _json_safe(value: Any) -> Any:
    """A JSON-only copy: the engine may hand over dates or enums inside its state."""
    return json.loads(json.dumps(value, default=str))


def _upsert_report(
    session: Session,
    session_id: int,
    version: str,
    scores: dict[str, float],
    report: dict[str, Any] | None,
) -> Report:
    row = session.scalar(
        select(Report).where(Report.session_id == session_id, Report.rubric_version == version)
    )
    if row is None:
        row = Report(session_id=session_id, rubric_version=version)
        session.add(row)
    row.scores = scores
    row.report = report
    row.created_at = utc_now()
    session.flush()
    return row


def _latest_reports(session: Session, session_ids: list[int]) -> dict[int, ReportRecord]:
    latest: dict[int, ReportRecord] = {}
    if not session_ids:
        return latest
    rows = session.scalars(
        select(Report)
        .where(Report.session_id.in_(session_ids))
        .order_by(Report.created_at, Report.id)
    )
    for row in rows:
        latest[row.session_id] = _report(row)  # later rows overwrite earlier ones
    return latest


def assignment_status(
    assignment: AssignmentRecord,
    leader_id: int,
    summaries: list[SessionSummary],
    *,
    today: date | None = None,
) -> AssignmentStatus:
    """Done once the leader finished the scenario (at the set difficulty) after it was assigned."""
    matching = [
        summary
        for summary in summaries
        if summary.session.scenario_id == assignment.scenario_id
        and summary.session.finished
        and summary.session.started_at >= assignment.created_at
        and (assignment.difficulty is None or summary.session.difficulty == assignment.difficulty)
    ]
    scores = [summary.overall for summary in matching if summary.overall is not None]
    best = max(scores) if scores else None
    met_target = (
        None if assignment.target_score is None or best is None else best >= assignment.target_score
    )
    current = today or datetime.now(UTC).date()
    overdue = not matching and assignment.due_date is not None and assignment.due_date < current
    return AssignmentStatus(
        assignment=assignment,
        leader_id=leader_id,
        done=bool(matching),
        best_score=best,
        met_target=met_target,
        overdue=overdue,
        session_ids=tuple(summary.session.id for summary in matching),
    )


def agreement_from_rows(
    rows: Iterable[tuple[str, Verdict, float | None, float | None]],
) -> dict[str, DimensionAgreement]:
    grouped: dict[str, list[tuple[Verdict, float | None, float | None]]] = {}
    for dimension, verdict, coach_score, scorer_score in rows:
        grouped.setdefault(dimension, []).append((verdict, coach_score, scorer_score))
    stats: dict[str, DimensionAgreement] = {}
    for dimension in sorted(grouped):
        entries = grouped[dimension]
        n = len(entries)
        differences = [
            abs(coach - scorer)
            for _, coach, scorer in entries
            if coach is not None and scorer is not None
        ]
        stats[dimension] = DimensionAgreement(
            dimension=dimension,
            n=n,
            agree=sum(verdict == "agree" for verdict, _, _ in entries) / n,
            partly=sum(verdict == "partly" for verdict, _, _ in entries) / n,
            disagree=sum(verdict == "disagree" for verdict, _, _ in entries) / n,
            mean_abs_difference=sum(differences) / len(differences) if differences else None,
            n_scored=len(differences),
        )
    return stats


def _user(row: User) -> UserRecord:
    return UserRecord(
        id=row.id,
        email=row.email,
        display_name=row.display_name,
        role=cast(UserRole, row.role),
        created_at=row.created_at,
        deleted_at=row.deleted_at,
        has_password=row.password_hash is not None,
    )


def _auth_session(row: AuthSession) -> AuthSessionRecord:
    return AuthSessionRecord(
        id=row.id, user_id=row.user_id, created_at=row.created_at, expires_at=row.expires_at
    )


def _group(row: Group) -> GroupRecord:
    return GroupRecord(id=row.id, name=row.name, coach_id=row.coach_id, created_at=row.created_at)


def _scenario(row: AuthoredScenario) -> ScenarioRecord:
    return ScenarioRecord(
        id=row.id,
        owner_id=row.owner_id,
        yaml_text=row.yaml_text,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _session(row: PracticeSession) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        user_id=row.user_id,
        scenario_id=row.scenario_id,
        language=row.language,
        difficulty=row.difficulty,
        backend=row.backend,
        started_at=row.started_at,
        ended_at=row.ended_at,
        purged_at=row.purged_at,
    )


def _turn(row: TurnRow) -> TurnRecord:
    return TurnRecord(
        id=row.id,
        session_id=row.session_id,
        position=row.position,
        role=cast(Role, row.role),
        text=row.text,
        labels=list(row.labels or []),
        state=dict(row.state or {}),
        retracted=row.retracted,
        created_at=row.created_at,
    )


def _report(row: Report) -> ReportRecord:
    return ReportRecord(
        id=row.id,
        session_id=row.session_id,
        rubric_version=row.rubric_version,
        scores={str(key): float(value) for key, value in (row.scores or {}).items()},
        report=row.report,
        created_at=row.created_at,
    )


def _assignment(row: Assignment) -> AssignmentRecord:
    return AssignmentRecord(
        id=row.id,
        coach_id=row.coach_id,
        leader_id=row.leader_id,
        group_id=row.group_id,
        scenario_id=row.scenario_id,
        due_date=row.due_date,
        difficulty=row.difficulty,
        target_score=row.target_score,
        created_at=row.created_at,
    )


def _review(row: CoachReview) -> ReviewRecord:
    return ReviewRecord(
        id=row.id,
        session_id=row.session_id,
        coach_id=row.coach_id,
        dimension=row.dimension,
        verdict=cast(Verdict, row.verdict),
        coach_score=row.coach_score,
        scorer_score=row.scorer_score,
        comment=row.comment,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
