"""Authorisation: who may read or change which data. The app reaches the Store only through here.

`Access(store, actor)` wraps the Store for one signed-in person and checks every call:
- a leader sees only their own sessions, turns, reports and assignments;
- a coach also sees the leaders in their own groups (not other coaches' leaders), and
  authors scenarios, makes groups, assigns scenarios and reviews scores;
- an admin sees everything and manages accounts.
Asking for something one may not see raises `NotFound`, exactly as if it did not exist,
so changing an id in a URL reveals nothing. Asking for a function one's role does not
have raises `PermissionDenied`.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from datetime import UTC, date, datetime
from typing import Any

import yaml

from roleplay.scenarios import DIFFICULTIES, Scenario, ScenarioError, parse_scenario, scenario_ids
from roleplay.storage import (
    ROLES,
    AssignmentRecord,
    AssignmentStatus,
    Conflict,
    DimensionAgreement,
    DimensionReview,
    GroupRecord,
    InvalidInput,
    LeaderProgress,
    NotFound,
    ReportRecord,
    RetentionResult,
    ReviewRecord,
    ScenarioRecord,
    SessionRecord,
    SessionSummary,
    Store,
    TurnRecord,
    UserRecord,
    UserRole,
)
from roleplay.storage.store import assignment_status
from roleplay.types import ConversationLog, Role, Transcript

MAX_SCENARIO_ID_LENGTH = 80


class PermissionDenied(PermissionError):
    """The actor's role does not allow this function."""

    def __init__(self, message: str, *, code: str = "permission_denied") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def parse_authored_scenario(yaml_text: str, *, source: str = "scenario") -> Scenario:
    """Validate a coach's scenario YAML with the scenario schema; InvalidInput names the field."""
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InvalidInput(
            f"{source}: not valid YAML{where}: {problem}", code="scenario_invalid", field="yaml"
        ) from None
    try:
        return parse_scenario(data, source)
    except ScenarioError as exc:
        raise InvalidInput(str(exc), code="scenario_invalid", field="yaml") from None


class Access:
    """Everything the app may do on behalf of `actor`; see the module docstring."""

    def __init__(self, store: Store, actor: UserRecord) -> None:
        if not actor.active:
            raise PermissionDenied("This account has been disabled.", code="account_disabled")
        self.store = store
        self.actor = actor

    @property
    def is_admin(self) -> bool:
        return self.actor.role == "admin"

    @property
    def is_coach(self) -> bool:
        """Coach functions: coaches and admins."""
        return self.actor.role in ("coach", "admin")

    # ------------------------------------------------------------ checks

    def _require_coach(self) -> None:
        if not self.is_coach:
            raise PermissionDenied("Only coaches can do this.", code="coach_only")

    def _require_admin(self) -> None:
        if not self.is_admin:
            raise PermissionDenied("Only administrators can do this.", code="admin_only")

    def can_view_user(self, user_id: int | None) -> bool:
        if user_id is None:
            return self.is_admin  # sessions from the command line belong to nobody
        if user_id == self.actor.id or self.is_admin:
            return True
        return self.actor.role == "coach" and self.store.coaches_user(self.actor.id, user_id)

    def _visible_session(self, session_id: int) -> SessionRecord:
        try:
            session = self.store.get_session(session_id)
        except NotFound:
            raise NotFound("session", session_id) from None
        if not self.can_view_user(session.user_id):
            raise NotFound("session", session_id)
        return session

    def _own_session(self, session_id: int) -> SessionRecord:
        """Only the person who practised writes to a conversation."""
        session = self._visible_session(session_id)
        if session.user_id != self.actor.id:
            raise PermissionDenied(
                "Only the person who practised can change this conversation.", code="not_owner"
            )
        return session

    def _visible_user(self, user_id: int) -> UserRecord:
        if not self.can_view_user(user_id):
            raise NotFound("user", user_id)
        return self.store.get_user(user_id)

    def _own_group(self, group_id: int) -> GroupRecord:
        self._require_coach()
        try:
            group = self.store.get_group(group_id)
        except NotFound:
            raise NotFound("group", group_id) from None
        if group.coach_id != self.actor.id and not self.is_admin:
            raise NotFound("group", group_id)
        return group

    # ------------------------------------------------------------ practising (every role)

    def conversation_log(self) -> ConversationLog:
        """What the engine writes to: the actor's own sessions only."""
        return _ActorConversationLog(self)

    def start_session(
        self, *, scenario_id: str, language: str, difficulty: str, backend: str
    ) -> int:
        if scenario_id not in scenario_ids():
            self.get_scenario(scenario_id)  # authored: must be visible to the actor
        return self.store.create_session(
            user_id=self.actor.id,
            scenario_id=scenario_id,
            language=language,
            difficulty=difficulty,
            backend=backend,
        )

    def add_turn(
        self,
        session_id: int,
        *,
        role: Role,
        text: str,
        labels: list[str] | None = None,
        state: dict[str, Any] | None = None,
    ) -> int:
        session = self._own_session(session_id)
        if session.transcript_removed:
            raise InvalidInput(
                "This conversation's transcript was removed; start a new one.",
                code="session_purged",
            )
        return self.store.add_turn(session_id, role=role, text=text, labels=labels, state=state)

    def retract_turns(self, session_id: int, turn_ids: list[int]) -> None:
        self._own_session(session_id)
        self.store.retract_turns(session_id, turn_ids)

    def finish_session(self, session_id: int, report: dict[str, Any] | None) -> None:
        self._own_session(session_id)
        self.store.finish_session(session_id, report)

    def save_report(
        self,
        session_id: int,
        *,
        scores: Mapping[str, float],
        report: dict[str, Any] | None = None,
        rubric_version: str = "unversioned",
    ) -> ReportRecord:
        self._own_session(session_id)
        return self.store.save_report(
            session_id, scores=scores, report=report, rubric_version=rubric_version
        )

    def list_sessions(self, user_id: int | None = None) -> list[SessionRecord]:
        """The actor's sessions (or a visible leader's), newest first."""
        target = self.actor.id if user_id is None else user_id
        if not self.can_view_user(target):
            raise NotFound("user", target)
        return self.store.list_sessions(target)

    def session_summaries(self, user_id: int | None = None) -> list[SessionSummary]:
        """Sessions with their latest scores, oldest first: a progress chart's data."""
        target = self.actor.id if user_id is None else user_id
        if not self.can_view_user(target):
            raise NotFound("user", target)
        return self.store.session_summaries([target])[target]

    def get_session(self, session_id: int) -> SessionRecord:
        return self._visible_session(session_id)

    def list_turns(self, session_id: int, *, include_retracted: bool = False) -> list[TurnRecord]:
        self._visible_session(session_id)
        return self.store.list_turns(session_id, include_retracted=include_retracted)

    def transcript(self, session_id: int) -> Transcript:
        self._visible_session(session_id)
        return self.store.transcript(session_id)

    def get_report(self, session_id: int) -> ReportRecord | None:
        self._visible_session(session_id)
        return self.store.get_report(session_id)

    def delete_session(self, session_id: int) -> None:
        """The owner (or an admin) removes a session with its turns, report and reviews."""
        session = self._visible_session(session_id)
        if session.user_id != self.actor.id and not self.is_admin:
            raise PermissionDenied(
                "Only the person who practised can delete this conversation.", code="not_owner"
            )
        self.store.delete_session(session_id)

    def delete_my_account(self) -> None:
        """Remove the actor's account and all their data; they are signed out everywhere."""
        self._refuse_removing_last_admin(self.actor.id)
        self.store.delete_user(self.actor.id)

    def my_assignments(self, *, today: date | None = None) -> list[AssignmentStatus]:
        assignments = self.store.assignments_for(self.actor.id)
        return self.store.assignment_statuses(self.actor.id, assignments, today=today)

    def list_reviews(self, session_id: int) -> list[ReviewRecord]:
        """Coach reviews of a session: its owner reads them too."""
        self._visible_session(session_id)
        return self.store.list_reviews(session_id)

    # ------------------------------------------------------------ scenarios

    def list_scenarios(self) -> list[ScenarioRecord]:
        """Authored scenarios the actor may use: own (coach), all (admin), their coaches' and
        those assigned to them (leader)."""
        if self.is_admin:
            return self.store.list_scenarios()
        if self.actor.role == "coach":
            return self.store.list_scenarios(owner_ids=[self.actor.id])
        coach_ids = {group.coach_id for group in self.store.groups_of(self.actor.id)}
        visible = {record.id: record for record in self.store.list_scenarios(owner_ids=coach_ids)}
        for assignment in self.store.assignments_for(self.actor.id):
            if assignment.scenario_id not in visible:
                # a shipped scenario, or one deleted since, has no record
                with suppress(NotFound):
                    visible[assignment.scenario_id] = self.store.get_scenario(
                        assignment.scenario_id
                    )
        return [visible[key] for key in sorted(visible)]

    def get_scenario(self, scenario_id: str) -> ScenarioRecord:
        for record in self.list_scenarios():
            if record.id == scenario_id:
                return record
        raise NotFound("scenario", scenario_id)

    def load_scenario(self, scenario_id: str) -> Scenario:
        """A visible authored scenario, validated, ready for the engine."""
        record = self.get_scenario(scenario_id)
        return parse_authored_scenario(record.yaml_text, source=f"scenario {record.id}")

    def save_scenario(self, yaml_text: str) -> ScenarioRecord:
        """Create or update an authored scenario; its id comes from the YAML."""
        self._require_coach()
        scenario = parse_authored_scenario(yaml_text)
        if len(scenario.id) > MAX_SCENARIO_ID_LENGTH:
            raise InvalidInput(
                f"id: use at most {MAX_SCENARIO_ID_LENGTH} characters.",
                code="scenario_invalid",
                field="yaml",
            )
        if scenario.id in scenario_ids():
            raise Conflict(
                f"id: {scenario.id!r} is a built-in scenario; choose another id.",
                code="scenario_id_builtin",
            )
        try:
            existing: ScenarioRecord | None = self.store.get_scenario(scenario.id)
        except NotFound:
            existing = None
        if existing is not None and existing.owner_id != self.actor.id and not self.is_admin:
            raise Conflict(
                f"id: {scenario.id!r} is already used by another coach; choose another id.",
                code="scenario_id_taken",
            )
        owner = existing.owner_id if existing is not None else self.actor.id
        return self.store.save_scenario(scenario.id, owner, yaml_text)

    def delete_scenario(self, scenario_id: str) -> None:
        self._require_coach()
        record = self.get_scenario(scenario_id)
        if record.owner_id != self.actor.id and not self.is_admin:
            raise NotFound("scenario", scenario_id)
        self.store.delete_scenario(scenario_id)

    # ------------------------------------------------------------ groups (coach)

    def list_groups(self) -> list[GroupRecord]:
        """The coach's own groups (an admin sees all)."""
        self._require_coach()
        return self.store.list_groups(None if self.is_admin else self.actor.id)

    def create_group(self, name: str) -> GroupRecord:
        self._require_coach()
        return self.store.create_group(self.actor.id, name)

    def rename_group(self, group_id: int, name: str) -> GroupRecord:
        self._own_group(group_id)
        return self.store.rename_group(group_id, name)

    def delete_group(self, group_id: int) -> None:
        self._own_group(group_id)
        self.store.delete_group(group_id)

    def group_members(self, group_id: int) -> list[UserRecord]:
        self._own_group(group_id)
        return self.store.group_members(group_id)

    def add_member(self, group_id: int, email: str) -> UserRecord:
        """Put a leader, found by email address, in one of the coach's groups."""
        self._own_group(group_id)
        user = self.store.find_user_by_email(email)
        if user is None or not user.active:
            raise NotFound("user", email.strip().lower())
        if user.role != "leader":
            raise InvalidInput(
                f"{user.email} is a {user.role}, not a leader; only leaders join groups.",
                code="not_a_leader",
                field="email",
            )
        self.store.add_member(group_id, user.id)
        return user

    def remove_member(self, group_id: int, user_id: int) -> None:
        self._own_group(group_id)
        self.store.remove_member(group_id, user_id)

    def visible_leaders(self) -> list[UserRecord]:
        """The leaders a coach follows (an admin: every leader)."""
        self._require_coach()
        if self.is_admin:
            return self.store.list_users("leader")
        return self.store.leaders_of_coach(self.actor.id)

    # ------------------------------------------------------------ assignments (coach)

    def assign(
        self,
        scenario_id: str,
        *,
        leader_id: int | None = None,
        group_id: int | None = None,
        due_date: date | None = None,
        difficulty: str | None = None,
        target_score: float | None = None,
    ) -> AssignmentRecord:
        """Assign a scenario to one of the coach's leaders or groups."""
        self._require_coach()
        if scenario_id not in scenario_ids():
            self.get_scenario(scenario_id)
        if leader_id is not None:
            leader = self._visible_user(leader_id)
            if leader.role != "leader" or leader.id == self.actor.id:
                raise NotFound("user", leader_id)
        if group_id is not None:
            self._own_group(group_id)
        if difficulty is not None and difficulty not in DIFFICULTIES:
            raise InvalidInput(
                f"difficulty: use one of {', '.join(DIFFICULTIES)}, not {difficulty!r}.",
                code="difficulty_invalid",
                field="difficulty",
            )
        if due_date is not None and due_date < datetime.now(UTC).date():
            raise InvalidInput(
                "The due date lies in the past.", code="due_date_past", field="due_date"
            )
        return self.store.create_assignment(
            coach_id=self.actor.id,
            scenario_id=scenario_id,
            leader_id=leader_id,
            group_id=group_id,
            due_date=due_date,
            difficulty=difficulty,
            target_score=target_score,
        )

    def list_assignments(self) -> list[AssignmentRecord]:
        """The assignments the coach made (an admin: all)."""
        self._require_coach()
        return self.store.list_assignments(None if self.is_admin else self.actor.id)

    def delete_assignment(self, assignment_id: int) -> None:
        self._require_coach()
        try:
            assignment = self.store.get_assignment(assignment_id)
        except NotFound:
            raise NotFound("assignment", assignment_id) from None
        if assignment.coach_id != self.actor.id and not self.is_admin:
            raise NotFound("assignment", assignment_id)
        self.store.delete_assignment(assignment_id)

    def dashboard(self, *, today: date | None = None) -> list[LeaderProgress]:
        """Per leader: the coach's assignments (done or not, best score, target met, overdue)
        and all their sessions with scores over time."""
        self._require_coach()
        groups = self.list_groups()
        members: dict[int, list[int]] = {}
        for group in groups:
            for member in self.store.group_members(group.id):
                members.setdefault(member.id, []).append(group.id)
        leaders = self.visible_leaders()
        assignments = self.list_assignments()
        summaries = self.store.session_summaries([leader.id for leader in leaders])
        progress: list[LeaderProgress] = []
        for leader in leaders:
            group_ids = tuple(members.get(leader.id, ()))
            relevant = [
                assignment
                for assignment in assignments
                if assignment.leader_id == leader.id or assignment.group_id in group_ids
            ]
            progress.append(
                LeaderProgress(
                    leader=leader,
                    group_ids=group_ids,
                    assignments=[
                        assignment_status(a, leader.id, summaries[leader.id], today=today)
                        for a in relevant
                    ],
                    sessions=summaries[leader.id],
                )
            )
        return progress

    # ------------------------------------------------------------ reviews (coach)

    def review_session(
        self, session_id: int, dimensions: Mapping[str, DimensionReview]
    ) -> list[ReviewRecord]:
        """The coach's verdict on the scorer, per dimension (agree, partly, disagree)."""
        self._require_coach()
        session = self._visible_session(session_id)
        if session.user_id == self.actor.id:
            raise PermissionDenied("You cannot review your own conversation.", code="own_session")
        return self.store.save_review(session_id, self.actor.id, dimensions)

    def agreement_stats(self, *, mine_only: bool = False) -> dict[str, DimensionAgreement]:
        """How well the scorer agrees with coaches, per dimension; aggregates only."""
        self._require_coach()
        return self.store.agreement_stats(self.actor.id if mine_only else None)

    # ------------------------------------------------------------ administration

    def list_users(self, role: UserRole | None = None) -> list[UserRecord]:
        self._require_admin()
        return self.store.list_users(role, include_deleted=True)

    def set_role(self, user_id: int, role: UserRole) -> UserRecord:
        """Make someone a coach (or leader, or admin)."""
        self._require_admin()
        if role not in ROLES:
            raise InvalidInput(f"Unknown role {role!r}.", code="role_invalid", field="role")
        if role != "admin":
            self._refuse_removing_last_admin(user_id)
        return self.store.update_user(user_id, role=role)

    def disable_user(self, user_id: int) -> UserRecord:
        """Stop someone signing in, keeping their data (undo with `enable_user`)."""
        self._require_admin()
        self._refuse_removing_last_admin(user_id)
        user = self.store.update_user(user_id, deactivated=True)
        self.store.delete_auth_sessions_of(user_id)
        return user

    def enable_user(self, user_id: int) -> UserRecord:
        self._require_admin()
        return self.store.update_user(user_id, deactivated=False)

    def delete_user(self, user_id: int) -> None:
        self._require_admin()
        self._refuse_removing_last_admin(user_id)
        self.store.delete_user(user_id)

    def apply_retention(self, days: int) -> RetentionResult:
        self._require_admin()
        return self.store.apply_retention(days)

    def _refuse_removing_last_admin(self, user_id: int) -> None:
        admins = [user for user in self.store.list_users("admin") if user.active]
        if len(admins) == 1 and admins[0].id == user_id:
            raise Conflict(
                "This is the only administrator; make someone else admin first.",
                code="last_admin",
            )


class _ActorConversationLog:
    """`ConversationLog` for the engine, limited to the signed-in person's sessions."""

    def __init__(self, access: Access) -> None:
        self._access = access

    def create_session(
        self,
        *,
        user_id: int | None,
        scenario_id: str,
        language: str,
        difficulty: str,
        backend: str,
    ) -> int:
        if user_id is not None and user_id != self._access.actor.id:
            raise PermissionDenied("You can only practise as yourself.", code="not_owner")
        return self._access.start_session(
            scenario_id=scenario_id, language=language, difficulty=difficulty, backend=backend
        )

    def add_turn(
        self,
        session_id: int,
        *,
        role: Role,
        text: str,
        labels: list[str] | None = None,
        state: dict[str, Any] | None = None,
    ) -> int:
        return self._access.add_turn(session_id, role=role, text=text, labels=labels, state=state)

    def retract_turns(self, session_id: int, turn_ids: list[int]) -> None:
        self._access.retract_turns(session_id, turn_ids)

    def finish_session(self, session_id: int, report: dict[str, Any] | None) -> None:
        self._access.finish_session(session_id, report)
