"""The coach's scenario form: the scenario's fields as widgets, validated like the YAML files.

The main fields (texts in both languages, persona, learning goals) are widgets; the
hidden facts, difficulty presets and authored lines stay YAML in one "advanced" box.
Validation goes through the same schema as the shipped files (roleplay.scenarios), and
each error is shown under the field it names.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st
import yaml

from roleplay.i18n import t
from roleplay.scenarios import ARTICLE_SECTIONS
from roleplay.types import LANGUAGES, Language
from ui.components import md_escape

PREFIX = "sf_"
LOCALIZED_FIELDS = ("title", "description", "briefing", "situation")
PERSONA_LOCALIZED = ("role", "generation", "style")
ADVANCED_FIELDS = ("hidden_facts", "difficulty", "lines", "simulated_leaders")
GOALS_DATA = f"{PREFIX}goals_data"
GOALS_EDITOR = f"{PREFIX}goals"
ADVANCED_KEY = f"{PREFIX}advanced"
ERRORS_KEY = f"{PREFIX}errors"

#: "source: field.path: message", as roleplay.scenarios reports a problem
_ERROR_LINE = re.compile(r"^[^:]*:\s*(?P<path>[^:]+?):\s*(?P<message>.*)$")


def _key(*parts: str) -> str:
    return PREFIX + "_".join(parts)


def _goals_frame(goals: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [
        {
            "section": str(goal.get("section") or ""),
            "nl": str((goal.get("text") or {}).get("nl") or ""),
            "en": str((goal.get("text") or {}).get("en") or ""),
        }
        for goal in goals
        if isinstance(goal, dict)
    ]
    return pd.DataFrame(rows or [{"section": ARTICLE_SECTIONS[11], "nl": "", "en": ""}])


def load(data: dict[str, Any]) -> None:
    """Put a scenario's data into the form's widgets (before they are drawn)."""
    state = st.session_state
    state[_key("id")] = str(data.get("id") or "")
    for field in LOCALIZED_FIELDS:
        for lang in LANGUAGES:
            state[_key(field, lang)] = str((data.get(field) or {}).get(lang) or "")
    persona = data.get("persona") or {}
    state[_key("persona", "name")] = str(persona.get("name") or "")
    state[_key("persona", "age")] = persona.get("age")
    for field in PERSONA_LOCALIZED:
        for lang in LANGUAGES:
            state[_key("persona", field, lang)] = str((persona.get(field) or {}).get(lang) or "")
    state[GOALS_DATA] = _goals_frame(list(data.get("learning_goals") or []))
    state.pop(GOALS_EDITOR, None)
    advanced = {name: data[name] for name in ADVANCED_FIELDS if name in data}
    state[ADVANCED_KEY] = (
        yaml.safe_dump(advanced, allow_unicode=True, sort_keys=False, width=100) if advanced else ""
    )
    state.pop(ERRORS_KEY, None)


def errors_by_field(message: str) -> dict[str, list[str]]:
    """Validation messages grouped by the form field they belong to."""
    grouped: dict[str, list[str]] = {}
    for line in message.splitlines():
        match = _ERROR_LINE.match(line.strip())
        path = match.group("path").strip() if match else ""
        text = match.group("message").strip() if match else line.strip()
        top = re.split(r"[.\[]", path, maxsplit=1)[0] if path else ""
        known = ("id", *LOCALIZED_FIELDS, "persona", "learning_goals")
        field = top if top in known else "advanced"
        grouped.setdefault(field, []).append(f"{path}: {text}" if path else text)
    return grouped


def _show_errors(field: str) -> None:
    for message in st.session_state.get(ERRORS_KEY, {}).get(field, []):
        st.error(md_escape(message))


def _localized(field: str, label: str, *, area: bool) -> None:
    columns = st.columns(2)
    for column, lang in zip(columns, LANGUAGES, strict=True):
        widget = column.text_area if area else column.text_input
        widget(f"{label} ({lang})", key=_key(field, lang))
    _show_errors(field)


def render(lang: Language) -> dict[str, Any]:
    """Draw the form and return the scenario data it holds (not yet validated)."""
    state = st.session_state
    if GOALS_DATA not in state:
        state[GOALS_DATA] = _goals_frame([])
    st.text_input(t("form_id", lang), key=_key("id"), help=t("form_id_help", lang))
    _show_errors("id")
    for field in LOCALIZED_FIELDS:
        _localized(field, t(f"form_{field}", lang), area=field != "title")
    st.markdown(f"**{t('form_persona', lang)}**")
    name_column, age_column = st.columns([3, 1])
    name_column.text_input(t("form_persona_name", lang), key=_key("persona", "name"))
    age_column.number_input(
        t("form_persona_age", lang), min_value=16, max_value=80, step=1, key=_key("persona", "age")
    )
    for field in PERSONA_LOCALIZED:
        for column, code in zip(st.columns(2), LANGUAGES, strict=True):
            column.text_input(
                f"{t(f'form_persona_{field}', lang)} ({code})", key=_key("persona", field, code)
            )
    _show_errors("persona")
    st.markdown(f"**{t('form_goals', lang)}**")
    goals = st.data_editor(
        state[GOALS_DATA],
        key=GOALS_EDITOR,
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "section": st.column_config.SelectboxColumn(
                t("form_goal_section", lang), options=list(ARTICLE_SECTIONS), required=True
            ),
            "nl": st.column_config.TextColumn(t("form_goal_text", lang) + " (nl)"),
            "en": st.column_config.TextColumn(t("form_goal_text", lang) + " (en)"),
        },
    )
    _show_errors("learning_goals")
    st.text_area(
        t("form_advanced", lang), key=ADVANCED_KEY, height=300, help=t("form_advanced_help", lang)
    )
    _show_errors("advanced")
    return _collect(goals)


def _collect(goals: pd.DataFrame) -> dict[str, Any]:
    state = st.session_state
    data: dict[str, Any] = {"id": str(state.get(_key("id")) or "").strip()}
    for field in LOCALIZED_FIELDS:
        data[field] = {lang: str(state.get(_key(field, lang)) or "") for lang in LANGUAGES}
    persona: dict[str, Any] = {"name": str(state.get(_key("persona", "name")) or "")}
    age = state.get(_key("persona", "age"))
    if age is not None:
        persona["age"] = int(age)
    for field in PERSONA_LOCALIZED:
        persona[field] = {
            lang: str(state.get(_key("persona", field, lang)) or "") for lang in LANGUAGES
        }
    data["persona"] = persona
    data["learning_goals"] = [
        {
            "section": str(row["section"] or ""),
            "text": {"nl": str(row["nl"] or ""), "en": str(row["en"] or "")},
        }
        for _, row in goals.fillna("").iterrows()
        if any(str(row[column]).strip() for column in ("nl", "en"))
    ]
    return data


def advanced_data() -> tuple[dict[str, Any], str | None]:
    """The advanced YAML box as data, or an error message naming the line."""
    text = str(st.session_state.get(ADVANCED_KEY) or "")
    try:
        parsed = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return {}, f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}"
    if not isinstance(parsed, dict):
        return {}, "expected a mapping with hidden_facts, lines (and optionally difficulty)"
    unknown = sorted(set(parsed) - set(ADVANCED_FIELDS))
    if unknown:
        return {}, f"only {', '.join(ADVANCED_FIELDS)} belong here, not {', '.join(unknown)}"
    return parsed, None


def to_yaml(data: dict[str, Any]) -> str:
    """The scenario as the YAML a coach could also have written by hand."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
