"""Feedback page: one finished session's scores, evidence, transcript, citations and next step."""

from __future__ import annotations

from typing import Any

import streamlit as st

from roleplay.access import Access
from roleplay.export import (
    ExportError,
    evidence_items,
    file_stem,
    format_score,
    report_citations,
    report_dimensions,
    report_phrasings,
    rubric_lines,
    score_rows,
    session_markdown,
    session_pdf,
)
from roleplay.i18n import t
from roleplay.scenarios import Scenario
from roleplay.storage import UserRecord
from roleplay.types import Language
from ui import auth, services, shell, state
from ui.components import (
    LEADER_AVATAR,
    PERSONA_AVATAR,
    difficulty_name,
    dimension_name,
    label_badges,
    md_escape,
    passage,
    scores_chart,
)
from ui.recommend import recommend

QUERY_PARAM = "session"


def _requested_session_id(access: Access) -> int | None:
    """?session=ID, else the one just finished or opened, else the newest finished one."""
    raw = st.query_params.get(QUERY_PARAM)
    if raw:
        try:
            return int(raw)
        except ValueError:
            return -1
    chosen = st.session_state.get(state.REPORT_SESSION)
    if isinstance(chosen, int):
        return chosen
    for session in access.list_sessions():
        if session.finished:
            return session.id
    return None


def _practise(scenario_id: str) -> None:
    state.set_practice(
        state.PracticeState(
            scenario_id=scenario_id,
            difficulty=state.default_difficulty(),
            live_hints=bool(st.session_state.get(state.LIVE_HINTS, True)),
        )
    )


def export_buttons(view: services.SessionView, lang: Language, *, key_prefix: str) -> None:
    """Markdown and PDF downloads of a session (transcript and report)."""
    exported = services.export_of(view, lang)
    stem = file_stem(exported)
    columns = st.columns(2)
    columns[0].download_button(
        t("export_markdown", lang),
        data=session_markdown(exported, lang),
        file_name=f"{stem}.md",
        mime="text/markdown",
        key=f"{key_prefix}_export_md",
        on_click="ignore",
        icon=":material/description:",
    )
    try:
        pdf = session_pdf(exported, lang)
    except ExportError as error:
        columns[1].error(t("export_failed", lang, message=md_escape(error)))
        return
    columns[1].download_button(
        t("export_pdf", lang),
        data=pdf,
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key=f"{key_prefix}_export_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )


def transcript(view: services.SessionView, lang: Language) -> None:
    """The conversation, each leader turn marked with the behaviours it showed."""
    report = view.report_data or {}
    report_turns = report.get("turns") if isinstance(report.get("turns"), list) else None
    leader_index = 0
    for position, turn in enumerate(view.turns):
        if turn.role == "leader":
            labels = list(turn.labels)
            if report_turns is not None and position < len(report_turns):
                entry = report_turns[position]
                if isinstance(entry, dict) and isinstance(entry.get("labels"), list):
                    labels = [str(label) for label in entry["labels"]]
            with st.chat_message("user", avatar=LEADER_AVATAR):
                st.caption(t("evidence_line", lang, turn=position + 1))
                st.markdown(md_escape(turn.text))
                shown = [label for label in labels if label != "other"]
                if shown:
                    st.markdown(label_badges(shown, lang))
            leader_index += 1
        else:
            with st.chat_message("assistant", avatar=PERSONA_AVATAR):
                st.markdown(md_escape(turn.text))


def _dimension_details(report: dict[str, Any], lang: Language) -> None:
    blocks = report_dimensions(report)
    if not blocks:
        return
    st.subheader(t("dimension_details", lang))
    scores = report.get("scores") or {}
    for block in blocks:
        name = str(block.get("key") or "")
        score = scores.get(name, block.get("score"))
        label = dimension_name(name, lang)
        if label == name and block.get("name"):
            label = md_escape(block["name"])
        if isinstance(score, int | float):
            label += f" — {format_score(float(score))}"
        with st.expander(label, expanded=False):
            items = evidence_items(block)
            if items:
                st.markdown(f"**{t('evidence', lang)}**")
                lines = []
                for turn, quote, kind in items:
                    where = (
                        t("evidence_line", lang, turn=turn + 1) + ": " if turn is not None else ""
                    )
                    mark = ":orange[✗]" if kind == "pitfall" else ":green[✓]"
                    lines.append(f"- {mark} {where}“{md_escape(quote)}”")
                st.markdown("\n".join(lines))
            else:
                st.caption(t("no_evidence", lang))
            met, missed = rubric_lines(block, "met"), rubric_lines(block, "missed")
            if met:
                st.markdown(
                    f"**{t('rubric_met', lang)}**\n\n"
                    + "\n".join(f"- ✓ {md_escape(x)}" for x in met)
                )
            if missed:
                st.markdown(
                    f"**{t('rubric_missed', lang)}**\n\n"
                    + "\n".join(f"- ✗ {md_escape(x)}" for x in missed)
                )


def _phrasings(report: dict[str, Any], lang: Language) -> None:
    items = report_phrasings(report)
    if not items:
        return
    st.subheader(t("better_phrasings", lang))
    for item in items:
        with st.container(border=True):
            if item["original"]:
                where = f" ({t('evidence_line', lang, turn=item['turn'])})" if item["turn"] else ""
                st.markdown(f"**{t('you_said', lang)}{where}:** “{md_escape(item['original'])}”")
            if item["why"]:
                st.caption(md_escape(item["why"]))
            st.markdown(f"**{t('try_instead', lang)}:** “{md_escape(item['better'])}”")


def _citations(report: dict[str, Any], lang: Language) -> None:
    st.subheader(t("citations", lang))
    cited = report_citations(report)
    if not cited:
        st.caption(t("citations_none", lang))
    for item in cited:
        heading = " > ".join(part for part in (item["section"], item["subsection"]) if part)
        passage(item["text"], heading, item["source"], lang)


def _next_step(
    report: dict[str, Any], scenarios: dict[str, Scenario], current: str, lang: Language
) -> None:
    suggestion = recommend(report.get("scores") or {}, scenarios, current)
    if suggestion is None:
        return
    scenario = scenarios[suggestion.scenario_id]
    with st.container(border=True):
        st.markdown(f"**{t('next_scenario', lang)}**")
        st.markdown(
            t(
                "next_scenario_text",
                lang,
                dimension=dimension_name(suggestion.dimension, lang),
                title=md_escape(scenario.title.get(lang)),
            )
        )
        if st.button(
            t("next_scenario_button", lang),
            key="feedback_next_scenario",
            on_click=_practise,
            args=(suggestion.scenario_id,),
        ):
            shell.switch_to("practice")


def _coach_reviews(view: services.SessionView, access: Access, lang: Language) -> None:
    """What coaches said about the scores of this session (the leader reads them too)."""
    reviews = access.list_reviews(view.session.id)
    if not reviews:
        return
    st.subheader(t("reviews_title", lang))
    lines = []
    for review in reviews:
        line = t(
            "review_line",
            lang,
            dimension=dimension_name(review.dimension, lang),
            verdict=t(f"verdict_{review.verdict}", lang),
        )
        if review.coach_score is not None:
            line += " · " + t("review_coach_score", lang, score=format_score(review.coach_score))
        if review.comment:
            line += f" · “{md_escape(review.comment)}”"
        lines.append(f"- {line}")
    st.markdown("\n".join(lines))


def report_view(
    view: services.SessionView, access: Access, lang: Language, *, key_prefix: str
) -> None:
    """Everything about one session; used here and when a report is reopened from History."""
    session = view.session
    st.header(md_escape(view.title(lang)))
    st.caption(
        t(
            "feedback_meta",
            lang,
            date=session.started_at.strftime("%Y-%m-%d %H:%M"),
            difficulty=difficulty_name(session.difficulty, lang),
            turns=sum(1 for turn in view.turns if turn.role == "leader"),
            backend=md_escape(session.backend),
        )
    )
    report = view.report_data
    if report is None:
        st.info(t("feedback_unfinished", lang))
        transcript(view, lang)
        return
    rows = score_rows(report)
    overall = (report.get("scores") or {}).get("overall")
    left, right = st.columns([1, 3])
    with left:
        if isinstance(overall, int | float):
            st.metric(t("overall_score", lang), format_score(float(overall)))
        _next_step(report, services.scenarios_for(access), session.scenario_id, lang)
    with right:
        st.markdown(f"**{t('scores_chart', lang)}**")
        if rows:
            scores_chart(rows, lang, key=f"{key_prefix}_chart")
    _coach_reviews(view, access, lang)
    _dimension_details(report, lang)
    st.subheader(t("transcript", lang))
    transcript(view, lang)
    _phrasings(report, lang)
    _citations(report, lang)
    st.divider()
    export_buttons(view, lang, key_prefix=key_prefix)


def render() -> None:
    lang = state.lang()
    st.title(t("feedback_title", lang))
    state.show_flash()
    user: UserRecord | None = auth.current_user()
    if user is None:
        st.info(t("practice_sign_in", lang))
        return
    access = services.access_for(user)
    session_id = _requested_session_id(access)
    if session_id is None:
        st.info(t("feedback_none", lang))
        st.page_link(shell.PAGES["practice"][0], label=t("go_practice", lang), icon="➡️")
        return
    view = services.session_view(access, session_id)
    if view is None:
        st.warning(t("feedback_not_found", lang))
        return
    report_view(view, access, lang, key_prefix="feedback")


if __name__ == "__main__":
    shell.guard_page(render)
