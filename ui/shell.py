"""The frame around every page: session defaults, the sidebar and the page navigation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from roleplay.i18n import language_name, t
from roleplay.storage import UserRecord
from roleplay.types import LANGUAGES
from ui import auth, state
from ui.components import md_escape


def _expected_errors() -> tuple[type[BaseException], ...]:
    """The exception types our packages raise on purpose, each with a message for the user."""
    from knowledge.errors import KnowledgeError
    from roleplay.access import PermissionDenied
    from roleplay.accounts import AccountError
    from roleplay.backends.base import BackendError
    from roleplay.engine import ConversationError
    from roleplay.export import ExportError
    from roleplay.scenarios import ScenarioError
    from roleplay.scoring import ScoringError
    from roleplay.storage.errors import Conflict, InvalidInput, NotFound, StorageError

    return (
        KnowledgeError,
        BackendError,
        ScenarioError,
        StorageError,
        NotFound,
        Conflict,
        InvalidInput,
        PermissionDenied,
        AccountError,
        ConversationError,
        ExportError,
        ScoringError,
    )


EXPECTED_ERRORS = _expected_errors()

UI_DIR = Path(__file__).resolve().parent
APP_DIR = UI_DIR.parent

#: page id -> (file relative to app.py, title key, icon)
PAGES: dict[str, tuple[str, str, str]] = {
    "practice": ("ui/practice.py", "nav_practice", ":material/forum:"),
    "feedback": ("ui/feedback.py", "nav_feedback", ":material/insights:"),
    "history": ("ui/history.py", "nav_history", ":material/history:"),
    "settings": ("ui/settings.py", "nav_settings", ":material/settings:"),
    "account": ("ui/account.py", "nav_account", ":material/person:"),
    "coach": ("ui/coach.py", "nav_coach", ":material/school:"),
}


def page(page_id: str) -> st.Page:
    """The st.Page for a page id, titled in the current language."""
    path, title_key, icon = PAGES[page_id]
    return st.Page(path, title=t(title_key, state.lang()), icon=icon, default=page_id == "practice")


def switch_to(page_id: str) -> None:
    """Go to another page (stops this run)."""
    st.switch_page(PAGES[page_id][0])


def _sync_language(widget_key: str) -> None:
    st.session_state[state.LANG] = st.session_state[widget_key]


def language_selector(widget_key: str, *, help_text: str | None = None) -> None:
    """A language picker bound to the session's language (safe on several pages)."""
    lang = state.lang()
    st.session_state[widget_key] = lang
    st.selectbox(
        t("language_label", lang),
        options=list(LANGUAGES),
        format_func=lambda code: language_name(code, lang),
        key=widget_key,
        on_change=_sync_language,
        args=(widget_key,),
        help=help_text,
    )


def sidebar(user: UserRecord | None, problem: str | None) -> None:
    lang = state.lang()
    with st.sidebar:
        st.caption(t("app_tagline", lang))
        language_selector("sidebar_lang")
        if problem:
            st.error(t("error_generic", lang, message=md_escape(problem)))
        elif user is None or auth.is_guest(user):
            st.caption(t("sidebar_guest", lang))
        else:
            st.markdown(t("sidebar_signed_in_as", lang, name=md_escape(user.label)))


def build_navigation() -> st.Page:
    """Set up the session, draw the sidebar and return the page to run."""
    state.init()
    lang = state.lang()
    user: UserRecord | None = None
    problem: str | None = None
    try:
        user = auth.current_user()
    except EXPECTED_ERRORS as exc:  # e.g. the database cannot be opened: say so on every page
        problem = _message(exc)
    sections: dict[str, list[st.Page]] = {
        t("nav_section_practice", lang): [page("practice"), page("feedback"), page("history")],
        t("nav_section_you", lang): [page("settings"), page("account")],
    }
    if auth.is_coach(user):
        sections[t("nav_section_coach", lang)] = [page("coach")]
    navigation = st.navigation(sections)
    sidebar(user, problem)
    return navigation


def _message(exc: BaseException) -> str:
    return str(getattr(exc, "user_message", None) or getattr(exc, "message", None) or exc)


def guard_page(render: Callable[[], None]) -> None:
    """Run a page; our own, expected errors become a clear message instead of a traceback."""
    try:
        render()
    except EXPECTED_ERRORS as exc:
        st.error(t("error_generic", state.lang(), message=md_escape(_message(exc))))
