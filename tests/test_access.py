"""roleplay.access on SQLite and PostgreSQL: who sees which sessions, scenarios, groups and
reviews; coach assignments and dashboard; deleting one's own data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from roleplay.access import Access, PermissionDenied
from roleplay.scenarios import SCENARIO_DIR
from roleplay.storage import (
    Conflict,
    DimensionReview,
    InvalidInput,
    NotFound,
    Store,
    UserRecord,
)
from roleplay.types import ConversationLog

SHIPPED = "disengaged-employee"
REPORT = {"rubric_version": "v1", "scores": {"listening": 60, "expectations": 40}, "overall": 50}


def authored_yaml(scenario_id: str) -> str:
    text = (Path(SCENARIO_DIR) / f"{SHIPPED}.yaml").read_text(encoding="utf-8")
    assert f"id: {SHIPPED}\n" in text
    return text.replace(f"id: {SHIPPED}\n", f"id: {scenario_id}\n", 1)


@dataclass
class World:
    store: Store
    admin: UserRecord
    coach: UserRecord
    other_coach: UserRecord
    anna: UserRecord  # in coach's group
    bram: UserRecord  # in coach's group
    cees: UserRecord  # in other_coach's group
    dirk: UserRecord  # in no group
    group_id: int
    other_group_id: int

    def access(self, user: UserRecord) -> Access:
        return Access(self.store, self.store.get_user(user.id))

    def practise(
        self,
        user: UserRecord,
        report: dict[str, object] | None = REPORT,
        *,
        scenario_id: str = SHIPPED,
        difficulty: str = "normal",
    ) -> int:
        log: ConversationLog = self.access(user).conversation_log()
        session_id = log.create_session(
            user_id=user.id,
            scenario_id=scenario_id,
            language="nl",
            difficulty=difficulty,
            backend="scripted",
        )
        log.add_turn(session_id, role="leader", text=f"Vertel eens, zegt {user.email}")
        log.add_turn(session_id, role="employee", text="Het is druk.")
        log.finish_session(session_id, dict(report) if report else None)
        return session_id


@pytest.fixture
def world(db_store: Store) -> World:
    store = db_store
    admin = store.create_user("admin@example.org", role="admin")
    coach = store.create_user("coach@example.org", role="coach", display_name="Coach")
    other_coach = store.create_user("coach2@example.org", role="coach")
    anna = store.create_user("anna@example.org", display_name="Anna")
    bram = store.create_user("bram@example.org", display_name="Bram")
    cees = store.create_user("cees@example.org")
    dirk = store.create_user("dirk@example.org")
    group = store.create_group(coach.id, "Team Noord")
    store.add_member(group.id, anna.id)
    store.add_member(group.id, bram.id)
    other_group = store.create_group(other_coach.id, "Team Zuid")
    store.add_member(other_group.id, cees.id)
    return World(store, admin, coach, other_coach, anna, bram, cees, dirk, group.id, other_group.id)


def test_a_leader_cannot_reach_another_leaders_session_by_id(world: World) -> None:
    bram_session = world.practise(world.bram)
    anna = world.access(world.anna)
    missing_id = bram_session + 1000
    reads = [
        anna.get_session,
        anna.list_turns,
        anna.transcript,
        anna.get_report,
        anna.list_reviews,
        anna.delete_session,
    ]
    for read in reads:
        with pytest.raises(NotFound) as theirs:
            read(bram_session)
        with pytest.raises(NotFound) as nobodys:
            read(missing_id)
        # the same words whether the session exists or not, apart from the id itself
        assert str(theirs.value).replace(str(bram_session), "#") == str(nobodys.value).replace(
            str(missing_id), "#"
        )
    log = anna.conversation_log()
    with pytest.raises(NotFound):
        log.add_turn(bram_session, role="leader", text="ingebroken")
    with pytest.raises(NotFound):
        log.finish_session(bram_session, None)
    with pytest.raises(PermissionDenied):
        log.create_session(
            user_id=world.bram.id,
            scenario_id=SHIPPED,
            language="nl",
            difficulty="normal",
            backend="scripted",
        )
    with pytest.raises(NotFound):
        anna.list_sessions(world.bram.id)
    assert world.access(world.bram).list_turns(bram_session)[0].text.endswith("bram@example.org")
    assert len(world.store.list_turns(bram_session)) == 2


def test_a_leader_sees_their_own_data(world: World) -> None:
    first = world.practise(world.anna)
    second = world.practise(world.anna, {"scores": {"listening": 80}, "overall": 75})
    anna = world.access(world.anna)
    assert [s.id for s in anna.list_sessions()] == [second, first]
    assert [s.overall for s in anna.session_summaries()] == [50.0, 75.0]
    report = anna.get_report(first)
    assert report is not None and report.overall == 50.0
    assert [t.role for t in anna.list_turns(first)] == ["leader", "employee"]


def test_a_coach_sees_only_the_leaders_of_their_own_groups(world: World) -> None:
    anna_session = world.practise(world.anna)
    cees_session = world.practise(world.cees)
    dirk_session = world.practise(world.dirk)
    coach = world.access(world.coach)
    assert {u.email for u in coach.visible_leaders()} == {"anna@example.org", "bram@example.org"}
    assert coach.get_session(anna_session).user_id == world.anna.id
    assert coach.list_turns(anna_session)
    assert [s.id for s in coach.list_sessions(world.anna.id)] == [anna_session]
    for hidden in (cees_session, dirk_session):
        with pytest.raises(NotFound):
            coach.get_session(hidden)
        with pytest.raises(NotFound):
            coach.get_report(hidden)
    with pytest.raises(NotFound):
        coach.list_sessions(world.cees.id)
    # seeing is not writing: the transcript is the leader's
    with pytest.raises(PermissionDenied):
        coach.conversation_log().add_turn(anna_session, role="leader", text="x")
    with pytest.raises(PermissionDenied):
        coach.delete_session(anna_session)
    other = world.access(world.other_coach)
    assert [u.email for u in other.visible_leaders()] == ["cees@example.org"]
    with pytest.raises(NotFound):
        other.get_session(anna_session)


def test_an_admin_sees_everything(world: World) -> None:
    sessions = [world.practise(user) for user in (world.anna, world.cees, world.dirk)]
    admin = world.access(world.admin)
    for session_id in sessions:
        assert admin.get_report(session_id) is not None
    assert len(admin.visible_leaders()) == 4
    assert len(admin.list_users()) == 7
    admin.delete_session(sessions[2])
    with pytest.raises(NotFound):
        world.store.get_session(sessions[2])


def test_role_checks(world: World) -> None:
    anna = world.access(world.anna)
    for call in (
        anna.list_groups,
        anna.visible_leaders,
        anna.list_assignments,
        anna.dashboard,
        anna.agreement_stats,
        anna.list_users,
    ):
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(PermissionDenied):
        anna.create_group("Mijn team")
    with pytest.raises(PermissionDenied):
        anna.save_scenario(authored_yaml("eigen-scenario"))
    coach = world.access(world.coach)
    with pytest.raises(PermissionDenied):
        coach.set_role(world.anna.id, "coach")
    with pytest.raises(PermissionDenied):
        coach.apply_retention(30)
    world.store.update_user(world.dirk.id, deactivated=True)
    with pytest.raises(PermissionDenied):
        world.access(world.dirk)


def test_admin_makes_coaches_and_keeps_one_admin(world: World) -> None:
    admin = world.access(world.admin)
    assert admin.set_role(world.dirk.id, "coach").role == "coach"
    assert world.access(world.dirk).create_group("Team Dirk").name == "Team Dirk"
    for remove_self in (
        lambda: admin.set_role(world.admin.id, "coach"),
        lambda: admin.delete_user(world.admin.id),
        admin.delete_my_account,
        lambda: admin.disable_user(world.admin.id),
    ):
        with pytest.raises(Conflict) as caught:
            remove_self()
        assert caught.value.code == "last_admin"
    assert not admin.disable_user(world.cees.id).active
    assert admin.enable_user(world.cees.id).active


def test_groups_belong_to_their_coach(world: World) -> None:
    coach = world.access(world.coach)
    other = world.access(world.other_coach)
    assert [g.name for g in coach.list_groups()] == ["Team Noord"]
    assert coach.add_member(world.group_id, " DIRK@example.org").id == world.dirk.id
    with pytest.raises(Conflict):
        coach.add_member(world.group_id, "dirk@example.org")
    with pytest.raises(NotFound):
        coach.add_member(world.group_id, "niemand@example.org")
    with pytest.raises(InvalidInput) as not_leader:
        coach.add_member(world.group_id, "coach2@example.org")
    assert not_leader.value.code == "not_a_leader"
    for attempt in (
        lambda: other.group_members(world.group_id),
        lambda: other.add_member(world.group_id, "cees@example.org"),
        lambda: other.rename_group(world.group_id, "Van mij"),
        lambda: other.delete_group(world.group_id),
    ):
        with pytest.raises(NotFound):
            attempt()
    coach.remove_member(world.group_id, world.bram.id)
    assert {u.email for u in coach.visible_leaders()} == {"anna@example.org", "dirk@example.org"}


def test_authored_scenarios(world: World) -> None:
    coach = world.access(world.coach)
    record = coach.save_scenario(authored_yaml("ziek-na-reorganisatie"))
    assert (record.id, record.owner_id) == ("ziek-na-reorganisatie", world.coach.id)
    edited = coach.save_scenario(authored_yaml("ziek-na-reorganisatie") + "\n# tweede versie\n")
    assert edited.created_at == record.created_at and edited.yaml_text.endswith("versie\n")
    assert coach.load_scenario("ziek-na-reorganisatie").id == "ziek-na-reorganisatie"

    with pytest.raises(InvalidInput) as bad_yaml:
        coach.save_scenario("id: [unclosed")
    assert bad_yaml.value.code == "scenario_invalid" and "line" in bad_yaml.value.message
    with pytest.raises(InvalidInput) as bad_field:
        coach.save_scenario(authored_yaml("Geen Geldig Id"))
    assert "id" in bad_field.value.message
    with pytest.raises(Conflict) as builtin:
        coach.save_scenario(authored_yaml(SHIPPED))
    assert builtin.value.code == "scenario_id_builtin"
    with pytest.raises(Conflict) as taken:
        world.access(world.other_coach).save_scenario(authored_yaml("ziek-na-reorganisatie"))
    assert taken.value.code == "scenario_id_taken"

    # leaders see their own coaches' scenarios, nobody else's
    assert [s.id for s in world.access(world.anna).list_scenarios()] == ["ziek-na-reorganisatie"]
    for outsider in (world.cees, world.other_coach):
        with pytest.raises(NotFound):
            world.access(outsider).get_scenario("ziek-na-reorganisatie")
        with pytest.raises(NotFound):
            world.access(outsider).start_session(
                scenario_id="ziek-na-reorganisatie",
                language="nl",
                difficulty="normal",
                backend="scripted",
            )
    with pytest.raises(NotFound):
        world.access(world.other_coach).delete_scenario("ziek-na-reorganisatie")
    coach.delete_scenario("ziek-na-reorganisatie")
    assert coach.list_scenarios() == []


def test_assignments_and_the_dashboard(world: World) -> None:
    coach = world.access(world.coach)
    due = date.today() + timedelta(days=7)
    to_anna = coach.assign(
        SHIPPED, leader_id=world.anna.id, due_date=due, difficulty="hard", target_score=70
    )
    to_group = coach.assign(SHIPPED, group_id=world.group_id, target_score=40)
    for forbidden in (
        lambda: coach.assign(SHIPPED, leader_id=world.cees.id),
        lambda: coach.assign(SHIPPED, group_id=world.other_group_id),
        lambda: coach.assign("bestaat-niet", leader_id=world.anna.id),
    ):
        with pytest.raises(NotFound):
            forbidden()
    for invalid in (
        lambda: coach.assign(SHIPPED, leader_id=world.anna.id, difficulty="extreme"),
        lambda: coach.assign(
            SHIPPED, leader_id=world.anna.id, due_date=date.today() - timedelta(days=1)
        ),
        lambda: coach.assign(SHIPPED, leader_id=world.anna.id, target_score=120),
        lambda: coach.assign(SHIPPED),
    ):
        with pytest.raises(InvalidInput):
            invalid()

    world.practise(world.anna, difficulty="normal")  # counts for the group assignment only
    anna_view = {
        status.assignment.id: status for status in world.access(world.anna).my_assignments()
    }
    assert set(anna_view) == {to_anna.id, to_group.id}
    assert not anna_view[to_anna.id].done
    assert anna_view[to_group.id].done and anna_view[to_group.id].met_target is True

    late = due + timedelta(days=1)
    rows = {row.leader.email: row for row in coach.dashboard(today=late)}
    assert set(rows) == {"anna@example.org", "bram@example.org"}
    anna_row = {status.assignment.id: status for status in rows["anna@example.org"].assignments}
    assert anna_row[to_anna.id].overdue and not anna_row[to_anna.id].done
    assert rows["anna@example.org"].latest_overall == 50.0
    assert rows["anna@example.org"].group_ids == (world.group_id,)
    assert [s.assignment.id for s in rows["bram@example.org"].assignments] == [to_group.id]
    assert rows["bram@example.org"].assignments_done == 0

    world.practise(world.anna, {"scores": {"listening": 90}, "overall": 85}, difficulty="hard")
    anna_row = {s.assignment.id: s for s in coach.dashboard()[0].assignments}
    assert anna_row[to_anna.id].done and anna_row[to_anna.id].best_score == 85.0
    assert anna_row[to_anna.id].met_target is True
    assert [s.overall for s in coach.dashboard()[0].sessions] == [50.0, 85.0]

    other_rows = world.access(world.other_coach).dashboard()
    assert [(row.leader.email, row.assignments) for row in other_rows] == [("cees@example.org", [])]
    with pytest.raises(NotFound):
        world.access(world.other_coach).delete_assignment(to_anna.id)
    coach.delete_assignment(to_anna.id)
    assert [a.id for a in coach.list_assignments()] == [to_group.id]


def test_coach_reviews_and_agreement(world: World) -> None:
    session_id = world.practise(world.anna)
    coach = world.access(world.coach)
    saved = coach.review_session(
        session_id,
        {
            "listening": DimensionReview("partly", 70, "Goede open vraag, maar geen samenvatting."),
            "expectations": DimensionReview("agree"),
        },
    )
    assert {r.dimension: r.scorer_score for r in saved} == {"listening": 60.0, "expectations": 40.0}
    assert len(world.access(world.anna).list_reviews(session_id)) == 2  # the leader reads it
    with pytest.raises(NotFound):
        world.access(world.other_coach).review_session(
            session_id, {"listening": DimensionReview("agree")}
        )
    with pytest.raises(PermissionDenied):
        world.access(world.anna).review_session(session_id, {"listening": DimensionReview("agree")})
    stats = coach.agreement_stats()
    assert stats["listening"].partly == 1.0 and stats["listening"].mean_abs_difference == 10.0
    assert stats["expectations"].agree == 1.0 and stats["expectations"].mean_abs_difference is None
    assert world.access(world.other_coach).agreement_stats(mine_only=True) == {}


def test_deleting_a_session_and_an_account(world: World) -> None:
    first = world.practise(world.anna)
    second = world.practise(world.anna)
    bram_session = world.practise(world.bram)
    world.access(world.coach).review_session(second, {"listening": DimensionReview("agree")})
    anna = world.access(world.anna)
    anna.delete_session(first)
    with pytest.raises(NotFound):
        anna.get_session(first)
    assert world.store.list_sessions(world.anna.id)[0].id == second

    anna.delete_my_account()
    with pytest.raises(NotFound):
        world.store.get_user(world.anna.id)
    with pytest.raises(NotFound):
        world.store.get_session(second)
    assert world.store.list_reviews(second) == []
    assert [u.email for u in world.access(world.coach).visible_leaders()] == ["bram@example.org"]
    assert world.store.get_session(bram_session).user_id == world.bram.id
