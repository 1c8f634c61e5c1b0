"""Process-wide objects shared by every browser session, built once through st.cache_resource.

Only thread-safe objects without per-user data belong here: the article index, the
database store (a SQLAlchemy engine behind it) and the scenarios. Per-user data never
goes into these caches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from roleplay.i18n import t
from ui import state

if TYPE_CHECKING:
    from roleplay.storage import Store


@st.cache_resource(show_spinner=False)
def _store() -> Store:
    from roleplay.storage import open_store

    return open_store()


def store() -> Store:
    """The shared store (roleplay.storage): SQLite in the data dir, or $DATABASE_URL."""
    with st.spinner(t("loading_store", state.lang())):
        return _store()


@st.cache_resource(show_spinner=False)
def _index() -> Any:
    from knowledge import get_index

    return get_index()


def knowledge_index() -> Any:
    """The article index; the first call in a process builds it behind a spinner."""
    with st.spinner(t("loading_index", state.lang()), show_time=True):
        return _index()


@st.cache_resource(show_spinner=False)
def scenarios() -> dict[str, Any]:
    """All installed scenarios by id (immutable pydantic models)."""
    from roleplay.scenarios import load_scenarios

    return load_scenarios()


@dataclass(frozen=True)
class BackendSummary:
    """The active persona backend as the UI shows it."""

    name: str
    description: str
    #: where the leader's words are sent, or None when nothing leaves this machine
    endpoint: str | None
    usable: bool


def backend_summary() -> BackendSummary:
    """Which backend is configured, what it is and where it sends text; never raises."""
    from roleplay.backends.base import BackendConfigError
    from roleplay.backends.registry import (
        active_backend_description,
        get_backend,
        selected_backend_name,
    )

    name = selected_backend_name()
    try:
        backend = get_backend(name)
    except BackendConfigError:
        return BackendSummary(name, active_backend_description(), None, usable=False)
    return BackendSummary(
        name, active_backend_description(backend), backend.sends_text_to(), usable=True
    )


def backends() -> list[Any]:
    """Every registered backend with whether it can run now (roleplay.backends.registry)."""
    from roleplay.backends.registry import available_backends

    return available_backends()


def data_location() -> str:
    """Where sessions are stored: the SQLite file, or database@host:port (never the password)."""
    url = store().url
    if url.get_backend_name() == "sqlite":
        return str(url.database or ":memory:")
    return f"{url.database}@{url.host or 'localhost'}:{url.port or 5432}"
