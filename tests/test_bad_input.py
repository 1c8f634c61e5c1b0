"""Bad input everywhere: each case gets a specific error type and a message a user can act on.

Everything goes through the public APIs and command lines with real parts: the engine
with the scripted persona, a real SQLite store, the real chromadb index, the scenario
loader, and the Streamlit app through AppTest.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge import DataDirUnavailableError, InvalidQueryError, KnowledgeError, query
from knowledge.index import IndexLocation, KnowledgeIndex
from roleplay.backends.scripted import ScriptedBackend
from roleplay.engine import MAX_LEADER_CHARS, Conversation, InvalidLeaderInput
from roleplay.scenarios import (
    ScenarioError,
    UnknownScenarioError,
    load_scenario_file,
    parse_scenario_text,
)
from roleplay.storage import StorageError, Store, open_store

REPO = Path(__file__).resolve().parent.parent
SCENARIO = "disengaged-employee"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'bad-input.db'}", apply_configured_retention=False)
    yield opened
    opened.close()


def started(store: Store | None = None, language: str = "nl") -> Conversation:
    conversation = Conversation(
        SCENARIO,
        language=language,  # type: ignore[arg-type]
        backend=ScriptedBackend(),
        log=store,
        passages_k=0,
    )
    "".join(conversation.start())
    return conversation


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OEFENGESPREK_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """A non-zero exit with a one-line message that says what is wrong, and no traceback."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


# --- leader turns ------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["", "   ", "\n\t \r\n", "\x00\x07\x1b", " \x0b ", "\u3000\u00a0"])
def test_empty_or_whitespace_turn_is_refused_and_nothing_is_stored(store: Store, line: str) -> None:
    conversation = started(store)
    assert conversation.session_id is not None
    before = store.list_turns(conversation.session_id)
    with pytest.raises(InvalidLeaderInput) as caught:
        conversation.say(line)
    assert caught.value.code == "empty_input"
    assert "empty" in caught.value.message
    assert store.list_turns(conversation.session_id) == before
    assert not conversation.awaiting_reply, "a refused line leaves the conversation usable"
    assert conversation.reply("Hoe gaat het met je?")


def test_a_turn_over_the_limit_is_refused_with_its_length_and_the_limit(store: Store) -> None:
    conversation = started(store)
    assert conversation.session_id is not None
    before = len(store.list_turns(conversation.session_id))
    with pytest.raises(InvalidLeaderInput) as caught:
        conversation.say("a" * (MAX_LEADER_CHARS + 1))
    assert caught.value.code == "input_too_long"
    assert f"{MAX_LEADER_CHARS + 1}" in caught.value.message
    assert f"limit is {MAX_LEADER_CHARS}" in caught.value.message
    assert len(store.list_turns(conversation.session_id)) == before
    # exactly at the limit is fine, and stored whole
    conversation.reply("b" * MAX_LEADER_CHARS)
    stored = store.list_turns(conversation.session_id)
    assert stored[-2].text == "b" * MAX_LEADER_CHARS


def test_a_huge_paste_is_refused_quickly_not_processed() -> None:
    conversation = started()
    with pytest.raises(InvalidLeaderInput, match="limit"):
        conversation.say("Hoe gaat het? " * 200_000)


def test_control_characters_are_dropped_and_the_rest_is_kept(store: Store) -> None:
    conversation = started(store)
    assert conversation.session_id is not None
    conversation.reply("Hoe\x00 gaat\x07 het\x1b[31m met je?\r\nIk merk\u0085 dat je stil bent.")
    leader = [turn for turn in store.list_turns(conversation.session_id) if turn.role == "leader"]
    assert len(leader) == 1
    text = leader[0].text
    assert "Hoe gaat het[31m met je?" in text and "Ik merk dat je stil bent." in text
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in text), repr(text)


def test_lone_surrogates_are_dropped_not_a_crash(store: Store) -> None:
    conversation = started(store)
    assert conversation.session_id is not None
    conversation.reply("Hoe gaat het\ud800 met je?")
    assert store.list_turns(conversation.session_id)[-2].text == "Hoe gaat het met je?"


def test_html_and_markdown_are_stored_verbatim_as_text(store: Store) -> None:
    conversation = started(store)
    assert conversation.session_id is not None
    payload = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"
    conversation.reply(payload)
    assert store.list_turns(conversation.session_id)[-2].text == payload


def test_text_that_is_not_a_string_is_refused() -> None:
    conversation = started()
    with pytest.raises(InvalidLeaderInput) as caught:
        conversation.say(None)  # type: ignore[arg-type]
    assert caught.value.code == "not_text"


# --- the app shows user text as text -------------------------------------------------------


@pytest.fixture
def app_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from ui import auth, resources

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.delenv("OEFENGESPREK_BACKEND", raising=False)
    monkeypatch.delenv("OEFENGESPREK_GUEST", raising=False)
    resources._store.clear()
    auth._accounts.clear()
    yield
    resources._store.clear()
    auth._accounts.clear()


def test_app_renders_script_tags_and_markdown_in_user_text_as_literal_text(
    app_store: None,
) -> None:
    from streamlit.testing.v1 import AppTest

    from ui import state

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.session_state[state.LANG] = "en"
    at.run()
    at.button(key=f"choose_{SCENARIO}").click().run()
    at.button(key="briefing_start").click().run()
    assert not at.exception, at.exception
    at.chat_input(key="practice_input").set_value("<script>alert(1)</script> and **bold**").run()
    assert not at.exception, at.exception

    leader = [m for m in at.chat_message if m.name == "user"]
    assert leader, "the leader's line is shown"
    shown = " ".join(str(md.value) for md in leader[0].markdown)
    assert "alert" in shown, "the text is shown, not dropped"
    # escaped so Markdown shows it literally: no tag, no bold
    assert "<script>" not in shown and "\\<script\\>" in shown
    assert "**bold**" not in shown and "\\*\\*bold\\*\\*" in shown
    for element in at.markdown:
        value = str(element.value)
        if "alert" in value or "bold" in value:
            assert not element.proto.allow_html, f"user text rendered as HTML: {value!r}"
            assert "<script>" not in value, value

    # a paste over the limit is not cut off by the browser: the engine refuses it with the
    # limit in the message, and the whole line comes back into the chat box for editing
    assert not at.chat_input(key="practice_input").proto.max_chars
    too_long = "x" * (MAX_LEADER_CHARS + 5)
    at.chat_input(key="practice_input").set_value(too_long).run()
    assert not at.exception, at.exception
    conversation = at.session_state[state.PRACTICE].conversation
    assert all(len(turn.text) <= MAX_LEADER_CHARS for turn in conversation.turns)
    assert any(str(MAX_LEADER_CHARS) in str(warning.value) for warning in at.warning)
    assert at.chat_input(key="practice_input").proto.value == too_long

    # the feedback page quotes the line again (transcript, evidence): still literal text
    at.button(key="practice_end").click().run()
    assert not at.exception, at.exception
    quoted = [str(element.value) for element in at.markdown if "alert" in str(element.value)]
    assert quoted, "the feedback page shows the leader's line"
    for element in at.markdown:
        assert "<script>" not in str(element.value), element.value
        assert not element.proto.allow_html or "alert" not in str(element.value)


# --- scenarios ------------------------------------------------------------------------------


def test_malformed_scenario_yaml_names_the_file_and_the_field(tmp_path: Path) -> None:
    valid = (REPO / "roleplay" / "scenarios" / f"{SCENARIO}.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(valid.replace("hidden_facts:", "hidden_facts_typo:", 1), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_file(broken)
    message = str(caught.value)
    assert "broken.yaml" in message
    assert "hidden_facts" in message


def test_a_wrongly_typed_field_is_named_with_its_path() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_text("id: x\ntitle: 5\n", "mine.yaml")
    assert "mine.yaml: title:" in str(caught.value)
    assert "learning_goals: Field required" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: x\n  title: [\n", "not valid YAML (line 2"),
        ("- just\n- a list\n", "(top level)"),
        ("", "(top level)"),
    ],
)
def test_yaml_that_is_not_a_scenario_says_where(text: str, expected: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario_text(text, "mine.yaml")
    assert "mine.yaml" in str(caught.value) and expected in str(caught.value)


def test_unknown_scenario_id_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownScenarioError) as caught:
        Conversation("no-such-scenario", backend=ScriptedBackend())
    assert "no-such-scenario" in str(caught.value)
    assert SCENARIO in str(caught.value)


def test_cli_unknown_scenario_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("Hoe gaat het?\n", encoding="utf-8")
    result = run_cli(
        "-m",
        "roleplay",
        "simulate",
        "--scenario",
        "no-such-scenario",
        "--language",
        "nl",
        "--leader",
        str(lines),
        data_dir=tmp_path,
    )
    assert_clean_failure(result, "Unknown scenario 'no-such-scenario'", SCENARIO)


# --- the database ---------------------------------------------------------------------------


def test_a_corrupted_database_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    database = tmp_path / "Oefen-DB.db"  # mixed case: the message must name the real path
    database.write_bytes(b"this is not a database\x00" + os.urandom(4096))
    with pytest.raises(StorageError) as caught:
        open_store(f"sqlite:///{database}", apply_configured_retention=False)
    assert caught.value.code == "database_corrupt"
    assert str(database) in caught.value.message
    assert "backup" in caught.value.message


def test_a_database_damaged_after_opening_fails_clearly(tmp_path: Path) -> None:
    database = tmp_path / "damaged.db"
    opened = open_store(f"sqlite:///{database}", apply_configured_retention=False)
    try:
        opened.close()  # no pooled connection keeps the old pages
        with database.open("r+b") as handle:
            handle.seek(0)
            handle.write(os.urandom(200))
        with pytest.raises(StorageError) as caught:
            opened.list_sessions()
        assert caught.value.code == "database_corrupt"
    finally:
        opened.close()


def test_cli_on_a_corrupted_database_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "oefengesprek.db").write_bytes(os.urandom(3000))
    result = run_cli("-m", "roleplay", "retention", "--days", "30", data_dir=tmp_path)
    assert_clean_failure(result, "is damaged or is not an Oefengesprek database")


def test_a_locked_database_says_it_is_locked_and_the_turn_is_not_half_written(
    tmp_path: Path,
) -> None:
    database = tmp_path / "locked.db"
    opened = open_store(
        f"sqlite:///{database}", busy_timeout_ms=200, apply_configured_retention=False
    )
    blocker = sqlite3.connect(database, isolation_level=None)
    try:
        conversation = Conversation(SCENARIO, backend=ScriptedBackend(), log=opened, passages_k=0)
        "".join(conversation.start())
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError) as caught:
            conversation.say("Hoe gaat het met je?")
        assert caught.value.code == "database_locked"
        assert str(database) in caught.value.message
        assert "locked" in caught.value.message
        assert not conversation.awaiting_reply, "an unsaved turn does not count"
        blocker.execute("ROLLBACK")
        assert conversation.reply("Hoe gaat het met je?"), "usable again once the lock is gone"
    finally:
        blocker.close()
        opened.close()


def test_a_database_url_that_is_not_a_url_is_named() -> None:
    with pytest.raises(StorageError) as caught:
        open_store("not a url at all", apply_configured_retention=False)
    assert caught.value.code == "database_url_invalid"
    assert "DATABASE_URL" in caught.value.message


# --- the article index ---------------------------------------------------------------------


def test_an_index_directory_that_is_a_file_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "index"
    blocker.write_text("a file where the index directory should be")
    with pytest.raises(DataDirUnavailableError) as caught:
        KnowledgeIndex(location=IndexLocation(index_dir=blocker))
    assert str(blocker) in str(caught.value)
    assert "OEFENGESPREK_DATA_DIR" in str(caught.value)


def test_a_data_dir_that_is_a_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knowledge.index import forget_indexes

    blocker = tmp_path / "data"
    blocker.write_text("not a directory")
    monkeypatch.setenv("OEFENGESPREK_DATA_DIR", str(blocker))
    forget_indexes()
    try:
        with pytest.raises(KnowledgeError) as caught:
            query("Hoe luister ik beter?")
        assert str(blocker) in str(caught.value)
    finally:
        monkeypatch.undo()
        forget_indexes()


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading (covered by the "
    "file-instead-of-directory tests above)",
)
def test_an_unreadable_index_directory_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "index"
    locked.mkdir()
    locked.chmod(0)
    try:
        with pytest.raises(KnowledgeError) as caught:
            KnowledgeIndex(location=IndexLocation(index_dir=locked))
        assert str(locked) in str(caught.value)
    finally:
        locked.chmod(0o700)


def test_a_conversation_goes_on_without_passages_when_retrieval_breaks() -> None:
    def broken(text: str, k: int = 3, language: str | None = None) -> list[object]:
        raise DataDirUnavailableError("index gone")

    conversation = Conversation(SCENARIO, backend=ScriptedBackend(), retriever=broken)
    "".join(conversation.start())
    assert conversation.reply("Hoe gaat het met je?")
    assert conversation.turns[-2].passages == []


@pytest.mark.parametrize(
    ("text", "k", "language", "expected"),
    [
        ("   ", 3, None, "empty"),
        (None, 3, None, "must be text"),
        ("luisteren", 0, None, "at least 1"),
        ("luisteren", 500, None, "at most"),
        ("luisteren", 3, "fr", "language must be one of"),
    ],
)
def test_bad_queries_say_what_is_wrong(
    text: object, k: int, language: object, expected: str
) -> None:
    with pytest.raises(InvalidQueryError, match=expected):
        query(text, k=k, language=language)  # type: ignore[arg-type]


def test_cli_score_of_a_malformed_transcript_names_the_field(tmp_path: Path) -> None:
    transcript = tmp_path / "t.json"
    transcript.write_text('{"scenario": "x", "turns": [{"role": "boss", "text": "hoi"}]}')
    result = run_cli("-m", "roleplay", "score", str(transcript), data_dir=tmp_path)
    assert_clean_failure(result, "turns.0.role")


def test_a_line_of_only_invisible_characters_is_empty() -> None:
    conversation = started()
    with pytest.raises(InvalidLeaderInput):
        conversation.say("\u200b\u200b \ufeff")
