"""roleplay.storage on SQLite and a real PostgreSQL: migrations, the conversation log,
cascading deletes, retention, concurrency, and clear errors for broken databases."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from roleplay.storage import (
    DimensionReview,
    InvalidInput,
    NotFound,
    StorageError,
    Store,
    extract_scores,
    open_store,
)
from roleplay.storage.columns import utc_now
from roleplay.storage.migrations import MIGRATIONS, applied_migrations
from roleplay.storage.models import Base
from roleplay.types import ConversationLog


def _count(store: Store, table: str) -> int:
    engine = create_engine(store.url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def _session_with_turns(store: Store, user_id: int | None = None) -> tuple[int, list[int]]:
    log: ConversationLog = store.conversation_log()
    session_id = log.create_session(
        user_id=user_id,
        scenario_id="disengaged-employee",
        language="nl",
        difficulty="normal",
        backend="scripted",
    )
    turn_ids = [
        log.add_turn(session_id, role="leader", text="Hoe gaat het?", labels=["open_question"]),
        log.add_turn(session_id, role="employee", text="Gaat wel.", state={"mood": "guarded"}),
        log.add_turn(
            session_id, role="leader", text="Je moet harder werken.", labels=["dismissive"]
        ),
    ]
    return session_id, turn_ids


REPORT = {
    "rubric_version": "2025-06",
    "scores": {"listening": 62, "expectations": 40},
    "overall": 51,
    "evidence": ["Hoe gaat het?"],
}


def test_migrations_are_idempotent(db_url: str) -> None:
    first = open_store(db_url)
    assert first.migrate() == []
    user = first.create_user("kees@example.org")
    first.close()
    second = open_store(db_url)
    try:
        assert second.migrate() == []
        assert applied_migrations(second._engine) == sorted(f.__name__ for f in MIGRATIONS)
        assert second.get_user(user.id).email == "kees@example.org"
    finally:
        second.close()


def test_migrated_schema_matches_the_models(db_store: Store) -> None:
    inspector = inspect(db_store._engine)
    for table in Base.metadata.sorted_tables:
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_migration_names_are_numbered_in_order() -> None:
    names = [function.__name__ for function in MIGRATIONS]
    assert names == sorted(names)
    assert all(name[0] == "m" and name[1:4].isdigit() for name in names)


def test_conversation_log_flow(db_store: Store) -> None:
    user = db_store.create_user("anna@example.org", display_name="Anna")
    session_id, (first, second, third) = _session_with_turns(db_store, user.id)

    db_store.retract_turns(session_id, [third])
    turns = db_store.list_turns(session_id)
    assert [turn.id for turn in turns] == [first, second]
    assert [turn.position for turn in turns] == [1, 2]
    assert turns[0].labels == ["open_question"] and turns[1].state == {"mood": "guarded"}
    audit = db_store.list_turns(session_id, include_retracted=True)
    assert [turn.retracted for turn in audit] == [False, False, True]
    # a rewind then continues after the retracted turn, never reusing its position
    fourth = db_store.add_turn(session_id, role="leader", text="Wat speelt er?")
    assert db_store.list_turns(session_id)[-1].id == fourth
    assert db_store.list_turns(session_id)[-1].position == 4

    db_store.finish_session(session_id, REPORT)
    session = db_store.get_session(session_id)
    assert session.finished and session.ended_at is not None
    assert session.started_at.tzinfo is not None
    report = db_store.get_report(session_id)
    assert report is not None
    assert report.rubric_version == "2025-06"
    assert report.scores == {"listening": 62.0, "expectations": 40.0, "overall": 51.0}
    assert report.overall == 51.0
    assert report.report is not None and report.report["evidence"] == ["Hoe gaat het?"]

    transcript = db_store.transcript(session_id)
    assert transcript.scenario == "disengaged-employee"
    assert [turn.text for turn in transcript.turns] == [
        "Hoe gaat het?",
        "Gaat wel.",
        "Wat speelt er?",
    ]
    assert [s.id for s in db_store.list_sessions(user.id)] == [session_id]


def test_finishing_twice_keeps_the_first_end_and_the_newest_report(db_store: Store) -> None:
    session_id, _ = _session_with_turns(db_store)
    db_store.finish_session(session_id, None)
    ended = db_store.get_session(session_id).ended_at
    assert db_store.get_report(session_id) is None
    db_store.finish_session(session_id, REPORT)
    db_store.finish_session(session_id, {**REPORT, "overall": 70})
    assert db_store.get_session(session_id).ended_at == ended
    report = db_store.get_report(session_id)
    assert report is not None and report.overall == 70.0
    assert _count(db_store, "reports") == 1  # same rubric version: replaced


def test_conversation_log_rejects_bad_ids(db_store: Store) -> None:
    session_id, _ = _session_with_turns(db_store)
    other_id, other_turns = _session_with_turns(db_store)
    with pytest.raises(NotFound):
        db_store.add_turn(999_999, role="leader", text="hallo")
    with pytest.raises(NotFound):
        db_store.retract_turns(session_id, [other_turns[0]])
    assert not any(turn.retracted for turn in db_store.list_turns(other_id, include_retracted=True))
    with pytest.raises(InvalidInput):
        db_store.add_turn(session_id, role="coach", text="x")  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        db_store.finish_session(999_999, None)


def test_extract_scores_reads_list_shapes() -> None:
    version, scores = extract_scores(
        {
            "rubric": {"version": "r2"},
            "dimensions": [
                {"id": "listening", "score": 80},
                {"dimension": "presence", "score": 55.5},
            ],
            "overall_score": 70,
        }
    )
    assert version == "r2"
    assert scores == {"listening": 80.0, "presence": 55.5, "overall": 70.0}


def test_deleting_a_session_removes_turns_reports_and_reviews(db_store: Store) -> None:
    coach = db_store.create_user("coach@example.org", role="coach")
    leader = db_store.create_user("leader@example.org")
    session_id, _ = _session_with_turns(db_store, leader.id)
    kept_id, _ = _session_with_turns(db_store, leader.id)
    db_store.finish_session(session_id, REPORT)
    db_store.save_review(session_id, coach.id, {"listening": DimensionReview("agree")})

    db_store.delete_session(session_id)
    with pytest.raises(NotFound):
        db_store.get_session(session_id)
    assert _count(db_store, "turns") == 3  # only the other session's turns
    assert _count(db_store, "reports") == 0
    assert _count(db_store, "coach_reviews") == 0
    assert [s.id for s in db_store.list_sessions(leader.id)] == [kept_id]
    with pytest.raises(NotFound):
        db_store.delete_session(session_id)


def test_deleting_a_user_removes_all_their_data(db_store: Store) -> None:
    coach = db_store.create_user("coach@example.org", role="coach")
    leader = db_store.create_user("leader@example.org")
    group = db_store.create_group(coach.id, "Team Noord")
    db_store.add_member(group.id, leader.id)
    db_store.create_assignment(
        coach_id=coach.id, scenario_id="disengaged-employee", leader_id=leader.id
    )
    db_store.create_auth_session(leader.id, "f" * 64, utc_now() + timedelta(hours=1))
    session_id, _ = _session_with_turns(db_store, leader.id)
    db_store.finish_session(session_id, REPORT)
    db_store.save_review(session_id, coach.id, {"listening": DimensionReview("partly", 50)})

    db_store.delete_user(leader.id)
    for table in (
        "practice_sessions",
        "turns",
        "reports",
        "coach_reviews",
        "memberships",
        "assignments",
        "auth_sessions",
    ):
        assert _count(db_store, table) == 0, table
    assert db_store.find_user_by_email("leader@example.org") is None
    assert db_store.get_user(coach.id).email == "coach@example.org"
    assert db_store.list_groups(coach.id)[0].name == "Team Noord"


def test_retention_removes_old_transcripts_and_keeps_scores(db_store: Store) -> None:
    coach = db_store.create_user("coach@example.org", role="coach")
    leader = db_store.create_user("leader@example.org")
    old_id, _ = _session_with_turns(db_store, leader.id)
    db_store.finish_session(old_id, REPORT)
    db_store.save_review(
        old_id, coach.id, {"listening": DimensionReview("agree", 60, "Mooi: 'Hoe gaat het?'")}
    )
    later = utc_now() + timedelta(days=40)
    new_id, _ = _session_with_turns(db_store, leader.id)
    engine = create_engine(db_store.url)
    with engine.begin() as connection:  # the second session is only 5 days old at `later`
        connection.execute(
            text("UPDATE practice_sessions SET started_at = :moment WHERE id = :id"),
            {"moment": (later - timedelta(days=5)).replace(tzinfo=None), "id": new_id},
        )
    engine.dispose()

    result = db_store.apply_retention(30, now=later)
    assert (result.sessions_purged, result.turns_deleted) == (1, 3)
    old = db_store.get_session(old_id)
    assert old.transcript_removed
    assert db_store.list_turns(old_id, include_retracted=True) == []
    report = db_store.get_report(old_id)
    assert report is not None and report.report is None
    assert report.scores["listening"] == 62.0
    review = db_store.list_reviews(old_id)[0]
    assert (review.verdict, review.coach_score, review.comment) == ("agree", 60.0, "")
    assert len(db_store.list_turns(new_id)) == 3
    assert db_store.apply_retention(30, now=later).sessions_purged == 0
    with pytest.raises(InvalidInput):
        db_store.apply_retention(0)


def test_retention_from_the_environment(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OEFENGESPREK_RETENTION_DAYS", "soon")
    with pytest.raises(StorageError) as caught:
        open_store(db_url)
    assert caught.value.code == "retention_invalid"
    assert "OEFENGESPREK_RETENTION_DAYS" in str(caught.value)
    monkeypatch.setenv("OEFENGESPREK_RETENTION_DAYS", "30")
    store = open_store(db_url)  # nothing old yet: nothing removed, no error
    store.close()


def test_concurrent_turns_get_unique_positions(db_store: Store) -> None:
    session_id = db_store.create_session(
        user_id=None, scenario_id="x", language="en", difficulty="easy", backend="scripted"
    )
    errors: list[BaseException] = []

    def write(thread: int) -> None:
        try:
            for number in range(8):
                db_store.add_turn(session_id, role="leader", text=f"{thread}-{number}")
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    positions = [turn.position for turn in db_store.list_turns(session_id)]
    assert positions == list(range(1, 33))


def test_agreement_stats_per_dimension(db_store: Store) -> None:
    coach = db_store.create_user("coach@example.org", role="coach")
    other = db_store.create_user("coach2@example.org", role="coach")
    first, _ = _session_with_turns(db_store)
    second, _ = _session_with_turns(db_store)
    db_store.finish_session(first, REPORT)  # listening 62, expectations 40
    db_store.finish_session(second, {"scores": {"listening": 80, "expectations": 30}})
    db_store.save_review(
        first,
        coach.id,
        {
            "listening": DimensionReview("agree", 70),
            "expectations": DimensionReview("disagree", 10),
        },
    )
    db_store.save_review(second, coach.id, {"listening": DimensionReview("partly")})
    db_store.save_review(second, other.id, {"listening": DimensionReview("disagree", 40)})
    # revising a review replaces it rather than counting twice
    db_store.save_review(second, other.id, {"listening": DimensionReview("disagree", 50)})

    stats = db_store.agreement_stats()
    listening = stats["listening"]
    assert listening.n == 3
    assert (listening.agree, listening.partly, listening.disagree) == pytest.approx(
        (1 / 3, 1 / 3, 1 / 3)
    )
    assert listening.n_scored == 2
    assert listening.mean_abs_difference == pytest.approx((8 + 30) / 2)
    expectations = stats["expectations"]
    assert (expectations.n, expectations.disagree, expectations.mean_abs_difference) == (
        1,
        1.0,
        30.0,
    )
    mine = db_store.agreement_stats(coach.id)["listening"]
    assert mine.n == 2 and mine.mean_abs_difference == pytest.approx(8.0)

    with pytest.raises(InvalidInput) as caught:
        db_store.save_review(first, coach.id, {"empathy": DimensionReview("agree")})
    assert caught.value.code == "review_dimension"
    with pytest.raises(InvalidInput):
        db_store.save_review(first, coach.id, {"listening": DimensionReview("agree", 101)})


# ---------------------------------------------------------------- broken databases (SQLite)


def test_a_damaged_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "oefengesprek.db"
    path.write_bytes(b"this is not a database at all, just some text" * 100)
    with pytest.raises(StorageError) as caught:
        open_store(f"sqlite:///{path}")
    assert caught.value.code == "database_corrupt"
    assert str(path) in caught.value.message
    assert "backup" in caught.value.message


def test_a_locked_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "oefengesprek.db"
    open_store(f"sqlite:///{path}").close()
    store = open_store(f"sqlite:///{path}", busy_timeout_ms=50)
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError) as caught:
            store.create_user("late@example.org")
        assert caught.value.code == "database_locked"
        assert str(path) in caught.value.message
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.create_user("late@example.org").id  # works once the lock is gone
    store.close()


def test_an_unreachable_postgresql_gives_a_clear_error() -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StorageError) as caught:
        open_store(f"postgresql://someone:secret@127.0.0.1:{port}/nothing")
    assert caught.value.code == "database_unreachable"
    assert f"127.0.0.1:{port}" in caught.value.message
    assert "secret" not in caught.value.message


def test_default_database_is_a_file_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OEFENGESPREK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    store = open_store()
    try:
        assert store.url.database == str(tmp_path / "data" / "oefengesprek.db")
        assert (tmp_path / "data" / "oefengesprek.db").exists()
        engine = create_engine(store.url)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        engine.dispose()
    finally:
        store.close()


def test_database_url_accepts_platform_style_postgres_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    from roleplay.storage import database_url

    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.example.org/app")
    assert database_url() == "postgresql+psycopg://u:p@db.example.org/app"
    assert database_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    with pytest.raises(StorageError) as caught:
        open_store("mysql://u:p@127.0.0.1/app")
    assert caught.value.code == "database_url_invalid"


def test_processes_opening_a_new_database_at_once_migrate_it_once(db_url: str) -> None:
    stores: list[Store] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            stores.append(open_store(db_url))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _count(stores[0], "_migrations") == len(MIGRATIONS)
    for store in stores:
        store.close()


def test_command_line_create_admin_and_retention(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from roleplay.storage import cli

    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers(dest="command", required=True))
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("OEFENGESPREK_ADMIN_PASSWORD", "kort")
    args = parser.parse_args(["create-admin", "baas@example.org", "--name", "Baas"])
    assert args.func(args) == 2
    assert "at least 10 characters" in capsys.readouterr().err
    monkeypatch.setenv("OEFENGESPREK_ADMIN_PASSWORD", "een-lang-wachtwoord")
    assert args.func(args) == 0
    assert "baas@example.org is an administrator" in capsys.readouterr().out
    store = open_store(db_url)
    user = store.find_user_by_email("baas@example.org")
    store.close()
    assert user is not None and user.role == "admin"

    args = parser.parse_args(["retention", "--days", "30"])
    assert args.func(args) == 0
    assert "0 session(s)" in capsys.readouterr().out
    monkeypatch.delenv("OEFENGESPREK_RETENTION_DAYS", raising=False)
    args = parser.parse_args(["retention"])
    assert args.func(args) == 2


def test_missing_postgresql_skips_locally_but_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    import pg

    monkeypatch.setattr(pg, "postgres_bin_dir", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception), pg.running_postgres():
        pass
    monkeypatch.setenv("CI", "true")
    with (
        pytest.raises(pytest.fail.Exception, match="CI must test PostgreSQL"),
        pg.running_postgres(),
    ):
        pass


def test_a_pasted_nul_character_does_not_lose_the_turn(db_store: Store) -> None:
    session_id, _ = _session_with_turns(db_store)
    db_store.add_turn(session_id, role="leader", text="plakte\x00 dit")
    assert db_store.list_turns(session_id)[-1].text == "plakte dit"
