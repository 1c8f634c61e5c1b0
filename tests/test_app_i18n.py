"""All UI text comes from roleplay.i18n, complete in Dutch and English."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from roleplay.i18n import TEXTS, UnknownTextError, normalise_language, t
from roleplay.listener import LABELS
from roleplay.scenarios import DIFFICULTIES
from roleplay.storage import ROLES, VERDICTS
from roleplay.types import LANGUAGES
from ui.hints import NUDGE_QUERIES
from ui.recommend import DIMENSION_SECTIONS

ROOT = Path(__file__).resolve().parent.parent
UI_SOURCES = [ROOT / "app.py", ROOT / "roleplay" / "export.py", *sorted((ROOT / "ui").glob("*.py"))]

STATIC_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']""")
DYNAMIC_KEY = re.compile(r"""\bt\(\s*f["']([a-z0-9_]+)\{""")

#: every dynamic key prefix the UI uses, and the values it is completed with
DYNAMIC_VALUES: dict[str, tuple[str, ...]] = {
    "label_": tuple(LABELS),
    "dim_": (
        "listening",
        "listening_level1",
        "listening_level2",
        "listening_level3",
        "listening_inquiry",
        "listening_space",
        "expectations",
        "expectations_stated",
        "expectations_asked",
        "assumptions",
        "presence",
        "pitfalls",
        "overall",
        *DIMENSION_SECTIONS,
    ),
    "difficulty_": tuple(DIFFICULTIES),
    "language_name_": tuple(LANGUAGES),
    "verdict_": tuple(VERDICTS),
    "role_name_": tuple(ROLES),
    "engine_": ("empty_input", "input_too_long", "reply_pending"),
    "account_": ("credentials_invalid", "email_taken", "email_invalid", "password_too_short"),
    "coach_mode_": ("form", "yaml"),
    "form_": ("title", "description", "briefing", "situation"),
    "form_persona_": ("role", "generation", "style"),
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_has_both_languages_with_the_same_placeholders() -> None:
    for key, entry in TEXTS.items():
        assert set(entry) == set(LANGUAGES), key
        assert all(value.strip() for value in entry.values()), key
        assert _fields(entry["nl"]) == _fields(entry["en"]), key


def test_every_key_the_ui_uses_exists() -> None:
    used: set[str] = set()
    prefixes: set[str] = set()
    for path in UI_SOURCES:
        source = path.read_text(encoding="utf-8")
        used.update(STATIC_KEY.findall(source))
        prefixes.update(DYNAMIC_KEY.findall(source))
    assert len(used) > 100, "the scan found the UI's keys"
    missing = sorted(key for key in used if key not in TEXTS)
    assert not missing, f"UI text keys missing from roleplay.i18n.TEXTS: {missing}"
    unknown_prefixes = sorted(prefixes - set(DYNAMIC_VALUES))
    assert not unknown_prefixes, f"add these dynamic key prefixes to the test: {unknown_prefixes}"
    for prefix in prefixes:
        for value in DYNAMIC_VALUES[prefix]:
            assert f"{prefix}{value}" in TEXTS, f"{prefix}{value}"
    for nudge in NUDGE_QUERIES:
        assert nudge in TEXTS, nudge


def test_t_formats_and_falls_back() -> None:
    assert t("thinking", "en", name="Mark") == "Mark is thinking…"
    assert t("thinking", "fr", name="Mark") == t("thinking", "nl", name="Mark")
    with pytest.raises(UnknownTextError):
        t("no_such_key", "nl")
    assert normalise_language("EN-gb") == "en"
    assert normalise_language(None) == "nl"


def test_page_sources_hold_no_literal_ui_text() -> None:
    """Titles, buttons and messages take their text from t(); a literal would be one language."""
    widget_call = re.compile(
        r"""st\.(title|header|subheader|button|info|warning|success|error|toggle|selectbox)"""
        r"""\(\s*["'][A-Za-z]"""
    )
    for path in sorted((ROOT / "ui").glob("*.py")):
        offending = widget_call.findall(path.read_text(encoding="utf-8"))
        assert not offending, f"{path.name} passes literal text to {offending}"


WIDGETS = frozenset(
    {
        "button",
        "download_button",
        "form_submit_button",
        "text_input",
        "text_area",
        "selectbox",
        "multiselect",
        "radio",
        "toggle",
        "checkbox",
        "segmented_control",
        "pills",
        "slider",
        "number_input",
        "date_input",
        "chat_input",
        "data_editor",
        "file_uploader",
    }
)


def test_every_widget_has_an_explicit_key() -> None:
    import ast

    for path in [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in WIDGETS
            ):
                keywords = {keyword.arg for keyword in node.keywords}
                assert "key" in keywords, f"{path.name}:{node.lineno} {node.func.attr} has no key="


def test_no_unsafe_html() -> None:
    for path in [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py"))]:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path.name
