"""History page: this person's past sessions, scores over time, and any past report reopened."""

from __future__ import annotations

import contextlib

import streamlit as st

from roleplay.export import format_score
from roleplay.i18n import t
from roleplay.storage import NotFound, UserRecord
from ui import auth, services, shell, state
from ui.components import difficulty_name, progress_chart, progress_points
from ui.feedback import report_view

#: the dimensions drawn in the progress chart (the sub-scores would crowd it)
PROGRESS_DIMENSIONS = (
    "overall",
    "listening",
    "expectations",
    "assumptions",
    "presence",
    "pitfalls",
)


def _delete(session_id: int) -> None:
    user = auth.current_user()
    if user is None:
        return
    with contextlib.suppress(NotFound):
        services.access_for(user).delete_session(session_id)
    if st.session_state.get(state.REPORT_SESSION) == session_id:
        st.session_state.pop(state.REPORT_SESSION, None)
    st.session_state.pop("history_pick", None)
    state.flash(t("session_deleted", state.lang()))


def render() -> None:
    lang = state.lang()
    st.title(t("history_title", lang))
    state.show_flash()
    user: UserRecord | None = auth.current_user()
    if user is None:
        st.info(t("practice_sign_in", lang))
        return
    access = services.access_for(user)
    summaries = access.session_summaries()
    if not summaries:
        st.info(t("history_none", lang))
        st.page_link(shell.PAGES["practice"][0], label=t("go_practice", lang), icon="➡️")
        return
    scenarios = services.scenarios_for(access)

    st.subheader(t("history_progress", lang))
    points = progress_points(summaries, PROGRESS_DIMENSIONS, lang)
    if points:
        progress_chart(points, lang, key="history_progress_chart")
    else:
        st.caption(t("history_progress_few", lang))

    st.subheader(t("history_sessions", lang))
    newest_first = list(reversed(summaries))
    rows = []
    for summary in newest_first:
        session = summary.session
        scenario = scenarios.get(session.scenario_id)
        rows.append(
            {
                t("col_date", lang): session.started_at.strftime("%Y-%m-%d %H:%M"),
                t("col_scenario", lang): scenario.title.get(lang)
                if scenario
                else session.scenario_id,
                t("col_difficulty", lang): difficulty_name(session.difficulty, lang),
                t("col_status", lang): t("status_finished", lang)
                if session.finished
                else t("status_open", lang),
                t("col_score", lang): format_score(summary.overall)
                if summary.overall is not None
                else "–",
            }
        )
    st.dataframe(rows, hide_index=True, key="history_table")

    labels = {
        summary.session.id: f"{summary.session.started_at:%Y-%m-%d %H:%M} · "
        + (
            scenarios[summary.session.scenario_id].title.get(lang)
            if summary.session.scenario_id in scenarios
            else summary.session.scenario_id
        )
        + (f" · {format_score(summary.overall)}" if summary.overall is not None else "")
        for summary in newest_first
    }
    chosen = st.selectbox(
        t("history_pick", lang),
        options=list(labels),
        format_func=lambda session_id: labels[session_id],
        key="history_pick",
    )
    if chosen is None:
        return
    view = services.session_view(access, int(chosen))
    if view is None:
        st.warning(t("feedback_not_found", lang))
        return
    st.session_state[state.REPORT_SESSION] = int(chosen)
    with st.container(border=True):
        report_view(view, access, lang, key_prefix="history")
    with st.expander(t("delete_session", lang)):
        st.button(
            t("delete_session_confirm", lang),
            key="history_delete",
            on_click=_delete,
            args=(int(chosen),),
            type="primary",
        )


if __name__ == "__main__":
    shell.guard_page(render)
