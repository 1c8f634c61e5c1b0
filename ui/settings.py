"""Settings page: language, default difficulty, the active model backend and how to change it."""

from __future__ import annotations

import streamlit as st

from roleplay.i18n import t
from roleplay.types import Language
from ui import auth, resources, shell, state
from ui.components import difficulty_name, md_escape


def _sync_difficulty() -> None:
    st.session_state[state.DEFAULT_DIFFICULTY] = st.session_state["settings_difficulty"]
    auth.save_preferences()


def _sync_language() -> None:
    st.session_state[state.LANG] = st.session_state["settings_lang"]
    auth.save_preferences()


def render() -> None:
    lang = state.lang()
    st.title(t("settings_title", lang))

    st.session_state["settings_lang"] = lang
    st.selectbox(
        t("language_label", lang),
        options=["nl", "en"],
        format_func=lambda code: t(f"language_name_{code}", lang),
        key="settings_lang",
        on_change=_sync_language,
        help=t("settings_language_help", lang),
    )
    st.session_state["settings_difficulty"] = state.default_difficulty()
    st.segmented_control(
        t("settings_difficulty", lang),
        options=list(state.DIFFICULTIES),
        format_func=lambda value: difficulty_name(value, lang),
        key="settings_difficulty",
        on_change=_sync_difficulty,
    )

    st.divider()
    st.subheader(t("settings_backend", lang))
    backend = resources.backend_summary()
    st.markdown(t("settings_backend_active", lang, name=md_escape(backend.name)))
    st.caption(md_escape(backend.description))
    st.markdown(f"**{t('where_transcripts_go', lang)}**")
    st.markdown(privacy_line(lang))
    location = resources.data_location()
    if location:
        st.markdown(t("data_location", lang, location=location.replace("`", "'")))

    st.markdown(f"**{t('settings_backends_table', lang)}**")
    rows = [
        {
            t("col_backend", lang): info.name,
            t("col_description", lang): info.description,
            t("col_usable", lang): t("yes", lang) if info.available else t("no", lang),
            t("col_reason", lang): info.reason or "",
        }
        for info in resources.backends()
    ]
    st.dataframe(rows, hide_index=True, key="settings_backends")
    with st.expander(t("settings_configure", lang), expanded=False):
        st.markdown(t("settings_configure_text", lang))


def privacy_line(lang: Language) -> str:
    """Where the leader's words go with the active backend (shown on settings and account)."""
    backend = resources.backend_summary()
    if backend.endpoint:
        return t(
            "privacy_transcripts_endpoint",
            lang,
            backend=md_escape(backend.name),
            endpoint=md_escape(backend.endpoint),
        )
    return t("privacy_transcripts_nowhere", lang, backend=md_escape(backend.name))


if __name__ == "__main__":
    shell.guard_page(render)
