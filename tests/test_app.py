"""The Streamlit app through AppTest: every page, the whole practice flow, failures and safety.

Each test gets its own SQLite database (DATABASE_URL in a temp dir) and fresh shared
caches for the store; the article index is built once per test session and shared.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from roleplay.backends.registry import register_backend, unregister_backend
from roleplay.backends.testing import RecordingBackend
from ui import state

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 120
SCENARIO = "disengaged-employee"
LEADER_LINES = (
    "Hoi Mark, fijn dat je er bent. Hoe gaat het met je?",
    "Ik merk dat je de laatste tijd stiller bent in overleggen. Klopt dat?",
    "Wat ik van jou verwacht is dat je meedenkt, en wat verwacht jij van mij?",
)


@pytest.fixture(autouse=True)
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A database of its own for every test; the shared store cache is rebuilt on it."""
    from ui import auth, resources

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.delenv("OEFENGESPREK_BACKEND", raising=False)
    monkeypatch.delenv("OEFENGESPREK_GUEST", raising=False)
    resources._store.clear()
    auth._accounts.clear()
    yield
    resources._store.clear()
    auth._accounts.clear()


def new_app(lang: str = "nl") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[state.LANG] = lang
    return at


def texts(at: AppTest) -> str:
    """All Markdown, captions and chat text on the page, for `in` assertions."""
    parts: list[str] = [str(element.value) for element in at.markdown]
    parts += [str(element.value) for element in at.caption]
    parts += [str(element.value) for element in at.title]
    parts += [str(element.value) for element in at.header]
    parts += [str(element.value) for element in at.subheader]
    for kind in ("info", "warning", "success", "error"):
        parts += [str(getattr(element, "value", "")) for element in at.get(kind)]
    return "\n".join(parts)


def start_conversation(at: AppTest, scenario: str = SCENARIO) -> AppTest:
    at.run()
    assert not at.exception
    at.button(key=f"choose_{scenario}").click().run()
    assert not at.exception
    at.button(key="briefing_start").click().run()
    assert not at.exception
    return at


def say(at: AppTest, line: str) -> AppTest:
    at.chat_input(key="practice_input").set_value(line).run()
    assert not at.exception, at.exception
    return at


def chat(at: AppTest) -> list[tuple[str, str]]:
    return [
        (message.name, " ".join(str(md.value) for md in message.markdown))
        for message in at.chat_message
    ]


# --- the main flow --------------------------------------------------------------------------


def test_practice_flow_three_turns_end_and_report() -> None:
    at = start_conversation(new_app())
    first = chat(at)
    assert first and first[0][0] == "assistant", "the persona opens the conversation"
    for line in LEADER_LINES:
        say(at, line)
    messages = chat(at)
    assert sum(1 for name, _ in messages if name == "user") == 3
    assert sum(1 for name, _ in messages if name == "assistant") == 4
    # live hints: behaviours and a nudge with its article passage under each leader turn
    assert "Wat je deed" in texts(at)
    nudges = [str(expander.label) for expander in at.expander if expander.proto.icon]
    assert len(nudges) == 3, nudges

    at.button(key="practice_end").click().run()
    assert not at.exception, at.exception
    assert state.PRACTICE not in at.session_state
    page = texts(at)
    assert "Totaalscore" in [metric.label for metric in at.metric]
    assert "Scores per onderdeel" in page
    assert "Uit het artikel" in page
    assert "Saskia Oude Aarninkhof" in page, "cited passages carry their attribution"
    # the transcript shows the leader's turns with their behaviours
    assert any("Hoe gaat het met je" in text for name, text in chat(at) if name == "user")
    assert [button.key for button in at.get("download_button")] == [
        "feedback_export_md",
        "feedback_export_pdf",
    ]
    # the session is in History with a score, and its report reopens there
    at.switch_page("ui/history.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="history_pick").value is not None
    assert "Totaalscore" in [metric.label for metric in at.metric]
    # privacy: the leader deletes the session
    at.button(key="history_delete").click().run()
    assert not at.exception, at.exception
    assert "Gesprek verwijderd." in texts(at)
    assert "Je hebt nog geen gesprekken gevoerd." in texts(at)


def test_exam_mode_hides_hints_and_rewind_puts_line_back() -> None:
    at = new_app("en")
    at.run()
    at.button(key=f"choose_{SCENARIO}").click().run()
    at.toggle(key="briefing_live_hints").set_value(False).run()
    at.button(key="briefing_start").click().run()
    assert not at.exception
    say(at, "Hi Mark, how are things with you?")
    assert "What you did" not in texts(at)
    assert "exam mode" in texts(at)
    at.button(key="practice_rewind").click().run()
    assert not at.exception
    assert sum(1 for name, _ in chat(at) if name == "user") == 0
    # the taken-back line is offered again in the chat input, not sent
    assert at.chat_input(key="practice_input").proto.value == "Hi Mark, how are things with you?"


def test_backend_failure_keeps_line_and_retry_recovers(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = RecordingBackend(default_reply="Tja. Het gaat wel.")
    register_backend("flaky-test", lambda: backend, replace=True)
    monkeypatch.setenv("OEFENGESPREK_BACKEND", "flaky-test")
    try:
        at = start_conversation(new_app("en"))
        backend.fail_next("The model server did not answer (test).", after_pieces=2)
        say(at, "What is going on for you lately?")
        errors = [str(error.value) for error in at.error]
        assert any("did not answer" in error for error in errors), errors
        assert any("What is going on" in text for name, text in chat(at) if name == "user")
        assert at.chat_input(key="practice_input").proto.disabled
        at.button(key="practice_retry").click().run()
        assert not at.exception, at.exception
        assert not at.error
        assert chat(at)[-1] == ("assistant", "Tja\\. Het gaat wel\\.")
        assert backend.calls == 3  # opening, failed reply, retried reply
    finally:
        unregister_backend("flaky-test")


def test_unusable_backend_is_reported_on_the_briefing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OEFENGESPREK_BACKEND", "no-such-backend")
    at = new_app("en").run()
    at.button(key=f"choose_{SCENARIO}").click().run()
    at.button(key="briefing_start").click().run()
    assert not at.exception, at.exception
    assert any("Unknown backend" in str(error.value) for error in at.error), at.error
    assert at.session_state[state.PRACTICE].conversation is None
    assert "briefing_start" in [button.key for button in at.button]


def test_user_markdown_and_html_are_shown_as_text() -> None:
    at = start_conversation(new_app("en"))
    say(at, "<b>bold?</b> **not bold** $x$ :red[red]")
    leader = next(text for name, text in chat(at) if name == "user")
    assert "**not bold**" not in leader and "\\*\\*not bold\\*\\*" in leader
    assert "<b>" not in leader and "\\<b\\>" in leader
    assert "\\$x\\$" in leader
    assert ":red[" not in leader


def test_empty_line_is_refused_with_a_message_and_nothing_stored() -> None:
    at = start_conversation(new_app("en"))
    before = len(at.session_state[state.PRACTICE].conversation.turns)
    say(at, "   ")
    assert any("Your line is empty" in str(warning.value) for warning in at.warning)
    assert len(at.session_state[state.PRACTICE].conversation.turns) == before


# --- every page ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_practice_page_lists_scenario_cards(lang: str) -> None:
    at = new_app(lang).run()
    assert not at.exception, at.exception
    keys = [button.key for button in at.button]
    assert f"choose_{SCENARIO}" in keys
    page = texts(at)
    assert ("Scenario's" if lang == "nl" else "Scenarios") in page
    assert "Mark" in page


def test_briefing_shows_goals_and_back_returns_to_cards() -> None:
    at = new_app("en").run()
    at.button(key=f"choose_{SCENARIO}").click().run()
    assert not at.exception
    assert "Learning goals" in texts(at)
    at.segmented_control(key="briefing_difficulty").set_value("hard").run()
    assert at.session_state[state.PRACTICE].difficulty == "hard"
    at.button(key="briefing_back").click().run()
    assert state.PRACTICE not in at.session_state
    assert f"choose_{SCENARIO}" in [button.key for button in at.button]


def test_feedback_page_without_sessions() -> None:
    at = new_app("en").run()
    at.switch_page("ui/feedback.py").run()
    assert not at.exception, at.exception
    assert "There is no finished conversation yet" in texts(at)


def test_feedback_page_hides_sessions_of_others() -> None:
    at = new_app("en").run()
    at.query_params["session"] = "999"
    at.switch_page("ui/feedback.py").run()
    assert not at.exception, at.exception
    assert any("does not exist" in str(w.value) for w in at.warning)


def test_history_page_without_sessions() -> None:
    at = new_app("en").run()
    at.switch_page("ui/history.py").run()
    assert not at.exception, at.exception
    assert "You have not had any conversations yet." in texts(at)


def test_settings_page_language_difficulty_and_backend() -> None:
    at = new_app("nl").run()
    at.switch_page("ui/settings.py").run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "scripted" in page
    assert "OEFENGESPREK_BACKEND" in "\n".join(str(e.value) for e in at.markdown)
    at.selectbox(key="settings_lang").set_value("en").run()
    assert at.session_state[state.LANG] == "en"
    assert "Settings" in [str(title.value) for title in at.title]
    at.segmented_control(key="settings_difficulty").set_value("hard").run()
    assert at.session_state[state.DEFAULT_DIFFICULTY] == "hard"
    # the sidebar's picker follows the language chosen on the settings page
    assert at.selectbox(key="sidebar_lang").value == "en"


def test_account_page_sign_up_sign_out_and_delete() -> None:
    at = new_app("en").run()
    at.switch_page("ui/account.py").run()
    assert not at.exception, at.exception
    assert "guest" in texts(at)
    at.text_input(key="sign_up_name").input("Sam Leader")
    at.text_input(key="sign_up_email").input("sam@example.org")
    at.text_input(key="sign_up_password").input("a long enough phrase")
    at.text_input(key="sign_up_password_again").input("a long enough phrase")
    at.button(key="sign_up_submit").click().run()
    assert not at.exception, at.exception
    assert "Sam Leader" in texts(at)
    at.button(key="account_sign_out").click().run()
    assert not at.exception
    assert "auth_token" not in at.session_state
    # a wrong password is reported at the field, in the UI language
    at.text_input(key="sign_in_email").input("sam@example.org")
    at.text_input(key="sign_in_password").input("wrong password!")
    at.button(key="sign_in_submit").click().run()
    assert any("not right" in str(error.value) for error in at.error)
    at.text_input(key="sign_in_password").input("a long enough phrase")
    at.button(key="sign_in_submit").click().run()
    assert "Sam Leader" in texts(at)
    at.text_input(key="account_delete_email").input("sam@example.org")
    at.button(key="account_delete").click().run()
    assert not at.exception, at.exception
    assert "auth_token" not in at.session_state
    from ui import resources

    assert resources.store().find_user_by_email("sam@example.org") is None


def test_sign_up_errors_are_shown_at_the_field() -> None:
    at = new_app("nl").run()
    at.switch_page("ui/account.py").run()
    at.text_input(key="sign_up_email").input("not-an-email")
    at.text_input(key="sign_up_password").input("kort")
    at.text_input(key="sign_up_password_again").input("kort")
    at.button(key="sign_up_submit").click().run()
    assert not at.exception
    assert any("geen e-mailadres" in str(error.value) for error in at.error)


def _coach_and_leader() -> tuple[Any, Any]:
    from roleplay.accounts import Accounts
    from ui import resources

    store = resources.store()
    accounts = Accounts(store)
    coach = accounts.sign_up("coach@example.org", "coach password 1", "Coach Carla")
    store.update_user(coach.id, role="coach")
    leader = accounts.sign_up("lee@example.org", "leader password 1", "Lee")
    return accounts, leader


def test_coach_area_groups_assign_review_and_agreement() -> None:
    at = new_app("en").run()
    accounts, leader = _coach_and_leader()
    # the leader practises one session, scored, through the engine
    from roleplay.access import Access
    from roleplay.engine import Conversation
    from ui import resources

    store = resources.store()
    conversation = Conversation(
        SCENARIO, language="en", log=Access(store, leader).conversation_log(), user_id=leader.id
    )
    "".join(conversation.start())
    for line in ("How are you, Mark?", "It sounds like something bothers you."):
        "".join(conversation.say(line))
    conversation.end()

    signed = accounts.sign_in("coach@example.org", "coach password 1")
    at.session_state["auth_token"] = signed.token
    at.run()
    at.switch_page("ui/coach.py").run()
    assert not at.exception, at.exception
    at.text_input(key="coach_group_name").input("Team A")
    at.button(key="coach_group_submit").click().run()
    assert not at.exception, at.exception
    at.text_input(key="coach_member_email").input("lee@example.org")
    at.button(key="coach_member_submit").click().run()
    assert not at.exception, at.exception
    at.button(key="coach_assign_submit").click().run()
    assert not at.exception, at.exception
    assert store.list_assignments()
    # review: agree on every dimension, with an own score on the first
    review_keys = [
        str(radio.key) for radio in at.radio if str(radio.key).startswith("review_verdict_")
    ]
    assert review_keys
    at.radio(key=review_keys[0]).set_value("partly")
    at.button(key="coach_review_submit").click().run()
    assert not at.exception, at.exception
    assert store.agreement_stats()
    # the leader sees the coach's review with the report
    leader_at = new_app("en")
    leader_at.session_state["auth_token"] = accounts.sign_in(
        "lee@example.org", "leader password 1"
    ).token
    leader_at.run()
    leader_at.switch_page("ui/feedback.py").run()
    assert not leader_at.exception, leader_at.exception
    assert "What your coach thinks" in texts(leader_at)
    assert "partly with the score" in texts(leader_at)
    assert "Lee" in "\n".join(
        str(cell) for df in at.dataframe for cell in df.value.to_numpy().ravel()
    )


def test_coach_area_is_closed_to_leaders_and_guests() -> None:
    at = new_app("en").run()
    with pytest.raises(ValueError):
        at.switch_page("ui/coach.py")  # not even registered for a guest
    from ui.coach import render

    assert callable(render)


def test_scenario_authoring_reports_field_errors_and_tries_the_persona() -> None:
    accounts, _ = _coach_and_leader()
    at = new_app("en")
    at.session_state["auth_token"] = accounts.sign_in("coach@example.org", "coach password 1").token
    at.run()
    at.switch_page("ui/coach.py").run()
    assert not at.exception
    # the form, filled from a shipped scenario
    at.selectbox(key="coach_scenario_template").set_value(f"builtin:{SCENARIO}").run()
    assert at.text_input(key="sf_id").value == SCENARIO
    at.text_input(key="sf_id").input("Bad Id")
    at.text_input(key="sf_persona_name").input("")
    at.button(key="coach_validate").click().run()
    assert not at.exception, at.exception
    errors = [str(error.value) for error in at.error]
    assert "Errors in the scenario" in errors
    assert any(error.startswith("id:") for error in errors), errors
    assert any(error.startswith("persona\\.name:") for error in errors), errors
    at.text_input(key="sf_id").input("my-mark")
    at.text_input(key="sf_persona_name").input("Marco")
    at.button(key="coach_save").click().run()
    assert not at.exception, at.exception
    assert any("saved" in str(s.value) for s in at.success), [e.value for e in at.error]
    assert chat(at), "the persona of the saved scenario opens a try-out conversation"
    from ui import resources

    assert resources.store().get_scenario("my-mark").yaml_text.count("Marco") >= 1
    # the same schema in YAML mode, errors named by file and field
    at.segmented_control(key="coach_scenario_mode").set_value("yaml").run()
    at.text_area(key="coach_scenario_yaml").input("id: x\ntitle: 3\n")
    at.button(key="coach_validate").click().run()
    assert not at.exception, at.exception
    assert any("title" in str(error.value) for error in at.error)


def test_oidc_sign_in_through_st_login_creates_the_account() -> None:
    at = new_app("en")
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test-secret",
        "client_id": "id",
        "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
    at.run()
    at.switch_page("ui/account.py").run()
    assert "account_oidc_login" in [button.key for button in at.button]
    at.user = {
        "is_logged_in": True,
        "email": "olga@example.org",
        "name": "Olga",
        "email_verified": True,
    }
    at.run()
    assert not at.exception, at.exception
    assert "Olga" in texts(at)
    from ui import resources

    user = resources.store().find_user_by_email("olga@example.org")
    assert user is not None and user.role == "leader"


def test_unusable_database_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where a directory should be")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{blocker / 'app.db'}")
    for page in (None, "ui/history.py", "ui/settings.py", "ui/account.py"):
        at = new_app("en").run()
        if page:
            at.switch_page(page).run()
        assert not at.exception, at.exception
        assert at.error, page
