"""What one browser session keeps in `st.session_state`, and typed accessors for it.

Only the in-flight practice conversation, the signed-in user, the chosen language and
default difficulty, and a pointer to the report being shown live here. Everything that
must outlive the browser tab is in the store (roleplay.storage).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from roleplay.i18n import DEFAULT_LANGUAGE, normalise_language
from roleplay.types import Language

LANG = "lang"
DEFAULT_DIFFICULTY = "default_difficulty"
LIVE_HINTS = "live_hints"
USER = "user"
PRACTICE = "practice"
REPORT_SESSION = "report_session_id"
FLASH = "flash"

LANGUAGE_ENV = "OEFENGESPREK_LANGUAGE"
DIFFICULTIES = ("easy", "normal", "hard")


@dataclass
class Hint:
    """What the live-hints mode shows under one leader turn."""

    labels: list[str]
    nudge_key: str
    passage_text: str = ""
    passage_section: str = ""
    passage_source: str = ""


@dataclass
class PracticeState:
    """The conversation in flight: the chosen scenario, then the engine's Conversation."""

    scenario_id: str
    difficulty: str
    live_hints: bool = True
    #: roleplay.engine.Conversation once the conversation has started
    conversation: Any = None
    #: live hints per leader-turn number (0-based count of leader turns)
    hints: dict[int, Hint] = field(default_factory=dict)
    #: the user-facing message of the last failed reply; the Retry button clears it
    error: str | None = None
    #: a reply to retry after a failure (set by the Retry button, consumed by the page)
    retry_requested: bool = False


def init() -> None:
    """Defaults for a new browser session; existing values (e.g. seeded by tests) are kept."""
    state = st.session_state
    if LANG not in state:
        state[LANG] = normalise_language(os.environ.get(LANGUAGE_ENV) or DEFAULT_LANGUAGE)
    if DEFAULT_DIFFICULTY not in state:
        state[DEFAULT_DIFFICULTY] = "normal"
    if LIVE_HINTS not in state:
        state[LIVE_HINTS] = True


def lang() -> Language:
    return normalise_language(st.session_state.get(LANG, DEFAULT_LANGUAGE))


def default_difficulty() -> str:
    value = st.session_state.get(DEFAULT_DIFFICULTY, "normal")
    return value if value in DIFFICULTIES else "normal"


def practice() -> PracticeState | None:
    value = st.session_state.get(PRACTICE)
    return value if isinstance(value, PracticeState) else None


def set_practice(value: PracticeState | None) -> None:
    if value is None:
        st.session_state.pop(PRACTICE, None)
    else:
        st.session_state[PRACTICE] = value


def flash(message: str, kind: str = "success") -> None:
    """A message shown once on the next run (e.g. after a rerun or page switch)."""
    st.session_state[FLASH] = (kind, message)


def show_flash() -> None:
    entry = st.session_state.pop(FLASH, None)
    if not entry:
        return
    kind, message = entry
    {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}.get(
        kind, st.info
    )(message)
