"""Coach area: dashboard, groups and assignments, reviews of scores, scenario authoring."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import streamlit as st
import yaml

from roleplay.access import Access, PermissionDenied, parse_authored_scenario
from roleplay.backends.base import BackendError
from roleplay.engine import Conversation, ConversationError
from roleplay.export import format_score
from roleplay.i18n import t
from roleplay.scenarios import SCENARIO_DIR
from roleplay.storage import (
    VERDICTS,
    Conflict,
    DimensionReview,
    InvalidInput,
    LeaderProgress,
    NotFound,
)
from roleplay.types import Language
from ui import auth, scenario_form, services, shell, state
from ui.components import (
    LEADER_AVATAR,
    PERSONA_AVATAR,
    difficulty_name,
    dimension_name,
    md_escape,
    progress_chart,
    progress_points,
)
from ui.feedback import report_view

TRY_KEY = "coach_try"
YAML_KEY = "coach_scenario_yaml"
MODE_KEY = "coach_scenario_mode"


def _data_error(error: Exception) -> str:
    return md_escape(getattr(error, "message", None) or str(error))


# --- dashboard -------------------------------------------------------------------------------


def _dashboard(access: Access, progress: list[LeaderProgress], lang: Language) -> None:
    if not progress:
        st.info(t("coach_no_leaders", lang))
        return
    rows = []
    for row in progress:
        rows.append(
            {
                t("coach_col_leader", lang): row.leader.label,
                t("coach_col_assignments", lang): f"{row.assignments_done}/{len(row.assignments)}",
                t("coach_col_sessions", lang): len(row.sessions),
                t("col_score", lang): format_score(row.latest_overall),
            }
        )
    st.dataframe(rows, hide_index=True, key="coach_dashboard_table")
    scenarios = services.scenarios_for(access)
    for row in progress:
        with st.expander(md_escape(row.leader.label)):
            points = progress_points(row.sessions, ("overall",), lang)
            if points:
                progress_chart(points, lang, key=f"coach_progress_{row.leader.id}")
            if not row.assignments:
                st.caption(t("coach_no_assignments", lang))
            for status in row.assignments:
                assignment = status.assignment
                scenario = scenarios.get(assignment.scenario_id)
                title = scenario.title.get(lang) if scenario else assignment.scenario_id
                flags = []
                if status.done:
                    flags.append(t("status_finished", lang))
                if status.met_target:
                    flags.append(t("coach_target_met", lang))
                if status.overdue:
                    flags.append(t("coach_overdue", lang))
                st.markdown(
                    f"- **{md_escape(title)}** · {format_score(status.best_score)} · "
                    + md_escape(", ".join(flags) or t("status_open", lang))
                )


# --- groups and assignments ------------------------------------------------------------------


def _groups(access: Access, lang: Language) -> None:
    st.markdown(f"**{t('coach_groups', lang)}**")
    groups = access.list_groups()
    with st.form("coach_group_form", clear_on_submit=True):
        name = st.text_input(t("coach_group_name", lang), key="coach_group_name")
        if st.form_submit_button(t("coach_group_create", lang), key="coach_group_submit"):
            try:
                access.create_group(name)
                state.flash(t("coach_group_created", lang))
                st.rerun()
            except (InvalidInput, Conflict) as error:
                st.error(_data_error(error))
    if not groups:
        return
    with st.form("coach_member_form", clear_on_submit=True):
        group_id = st.selectbox(
            t("coach_group", lang),
            options=[group.id for group in groups],
            format_func=lambda gid: next(g.name for g in groups if g.id == gid),
            key="coach_member_group",
        )
        email = st.text_input(t("field_email", lang), key="coach_member_email")
        if st.form_submit_button(t("coach_member_add", lang), key="coach_member_submit"):
            try:
                user = access.add_member(int(group_id), email)
                state.flash(t("coach_member_added", lang, name=md_escape(user.label)))
                st.rerun()
            except NotFound:
                st.error(t("coach_member_unknown", lang))
            except (InvalidInput, Conflict) as error:
                st.error(_data_error(error))
    for group in groups:
        members = access.group_members(group.id)
        names = ", ".join(member.label for member in members) or "–"
        st.caption(f"{md_escape(group.name)}: {md_escape(names)}")


def _assign(access: Access, lang: Language) -> None:
    _groups(access, lang)
    st.divider()
    leaders = access.visible_leaders()
    groups = access.list_groups()
    targets: dict[str, str] = {}
    for leader in leaders:
        targets[f"leader:{leader.id}"] = leader.label
    for group in groups:
        targets[f"group:{group.id}"] = t("coach_group_label", lang, name=group.name)
    if not targets:
        st.info(t("coach_no_leaders", lang))
        return
    scenarios = services.scenarios_for(access)
    errors: dict[str, str] = st.session_state.pop("coach_assign_errors", {})
    with st.form("coach_assign_form"):
        target = st.selectbox(
            t("coach_assign_to", lang),
            options=list(targets),
            format_func=lambda key: targets[key],
            key="coach_assign_target_who",
        )
        scenario_id = st.selectbox(
            t("coach_assign_scenario", lang),
            options=list(scenarios),
            format_func=lambda sid: scenarios[sid].title.get(lang),
            key="coach_assign_scenario",
        )
        due = st.date_input(
            t("coach_assign_due", lang),
            value=dt.date.today() + dt.timedelta(days=7),
            key="coach_assign_due",
        )
        if "due_date" in errors:
            st.error(errors["due_date"])
        difficulty = st.selectbox(
            t("difficulty_label", lang),
            options=list(state.DIFFICULTIES),
            index=1,
            format_func=lambda value: difficulty_name(value, lang),
            key="coach_assign_difficulty",
        )
        target_score = st.slider(
            t("coach_assign_target", lang), 0, 100, 60, step=5, key="coach_assign_score"
        )
        if "" in errors:
            st.error(errors[""])
        submitted = st.form_submit_button(
            t("coach_assign_submit", lang), type="primary", key="coach_assign_submit"
        )
    if submitted:
        kind, _, raw_id = str(target).partition(":")
        try:
            access.assign(
                str(scenario_id),
                leader_id=int(raw_id) if kind == "leader" else None,
                group_id=int(raw_id) if kind == "group" else None,
                due_date=due if isinstance(due, dt.date) else None,
                difficulty=str(difficulty),
                target_score=float(target_score),
            )
        except (InvalidInput, NotFound, Conflict) as error:
            field = getattr(error, "field", "") or ""
            st.session_state["coach_assign_errors"] = {
                field if field == "due_date" else "": _data_error(error)
            }
            st.rerun()
        state.flash(t("coach_assigned", lang))
        st.rerun()
    assignments = access.list_assignments()
    if not assignments:
        st.caption(t("coach_no_assignments", lang))
    for assignment in assignments:
        who = targets.get(
            f"leader:{assignment.leader_id}"
            if assignment.leader_id is not None
            else f"group:{assignment.group_id}",
            "?",
        )
        scenario = scenarios.get(assignment.scenario_id)
        title = scenario.title.get(lang) if scenario else assignment.scenario_id
        columns = st.columns([5, 1], vertical_alignment="center")
        columns[0].markdown(
            f"**{md_escape(title)}** → {md_escape(who)} · "
            + (assignment.due_date.isoformat() if assignment.due_date else "–")
        )
        columns[1].button(
            t("coach_assignment_delete", lang),
            key=f"coach_delete_assignment_{assignment.id}",
            on_click=_delete_assignment,
            args=(access.actor.id, assignment.id),
        )


def _delete_assignment(actor_id: int, assignment_id: int) -> None:
    user = auth.current_user()
    if user is None or user.id != actor_id:
        return
    with contextlib.suppress(NotFound):
        services.access_for(user).delete_assignment(assignment_id)


# --- reviews ---------------------------------------------------------------------------------


def _review(access: Access, progress: list[LeaderProgress], lang: Language) -> None:
    candidates: dict[int, str] = {}
    scenarios = services.scenarios_for(access)
    for row in progress:
        for summary in reversed(row.sessions):
            if summary.session.finished and summary.scores:
                candidates[summary.session.id] = (
                    f"{row.leader.label} · {summary.session.started_at:%Y-%m-%d %H:%M} · "
                    + (
                        scenarios[summary.session.scenario_id].title.get(lang)
                        if summary.session.scenario_id in scenarios
                        else summary.session.scenario_id
                    )
                    + f" · {format_score(summary.overall)}"
                )
    if not candidates:
        st.info(t("coach_review_none", lang))
        return
    session_id = st.selectbox(
        t("coach_review_pick", lang),
        options=list(candidates),
        format_func=lambda sid: candidates[sid],
        key="coach_review_session",
    )
    view = services.session_view(access, int(session_id))
    if view is None or view.report is None:
        st.warning(t("feedback_not_found", lang))
        return
    with st.expander(t("coach_review_report", lang)):
        report_view(view, access, lang, key_prefix="review")
    existing = {review.dimension: review for review in access.list_reviews(int(session_id))}
    scores = view.report.scores
    with st.form("coach_review_form"):
        choices: dict[str, tuple[Any, Any, Any]] = {}
        for dimension, value in scores.items():
            st.markdown(f"**{dimension_name(dimension, lang)}** — {format_score(value)}")
            before = existing.get(dimension)
            columns = st.columns([2, 1, 3])
            verdict = columns[0].radio(
                t("coach_verdict", lang),
                options=list(VERDICTS),
                index=VERDICTS.index(before.verdict) if before else 0,
                format_func=lambda v: t(f"verdict_{v}", lang),
                horizontal=True,
                key=f"review_verdict_{dimension}",
            )
            own = columns[1].number_input(
                t("coach_own_score", lang),
                min_value=0.0,
                max_value=100.0,
                value=before.coach_score if before else None,
                step=5.0,
                key=f"review_score_{dimension}",
            )
            comment = columns[2].text_input(
                t("coach_comment", lang),
                value=before.comment if before else "",
                key=f"review_comment_{dimension}",
            )
            choices[dimension] = (verdict, own, comment)
        submitted = st.form_submit_button(
            t("coach_review_submit", lang), type="primary", key="coach_review_submit"
        )
    if submitted:
        reviews = {
            dimension: DimensionReview(
                verdict=verdict,
                coach_score=float(own) if own is not None else None,
                comment=str(comment or ""),
            )
            for dimension, (verdict, own, comment) in choices.items()
        }
        try:
            access.review_session(int(session_id), reviews)
        except (InvalidInput, PermissionDenied) as error:
            st.error(_data_error(error))
            return
        state.flash(t("coach_review_saved", lang))
        st.rerun()


def _agreement(access: Access, lang: Language) -> None:
    stats = access.agreement_stats()
    if not stats:
        st.info(t("coach_agreement_none", lang))
        return
    rows = [
        {
            t("dimension_axis", lang): dimension_name(name, lang),
            "n": item.n,
            t("verdict_agree", lang): f"{item.agree:.0%}",
            t("verdict_partly", lang): f"{item.partly:.0%}",
            t("verdict_disagree", lang): f"{item.disagree:.0%}",
            t("coach_mean_difference", lang): "–"
            if item.mean_abs_difference is None
            else f"{item.mean_abs_difference:.1f}",
        }
        for name, item in sorted(stats.items())
    ]
    st.dataframe(rows, hide_index=True, key="coach_agreement_table")


# --- scenario authoring ----------------------------------------------------------------------


def _template_options(access: Access) -> dict[str, str]:
    options = {f"builtin:{path.stem}": path.stem for path in sorted(SCENARIO_DIR.glob("*.yaml"))}
    for record in access.list_scenarios():
        options[f"own:{record.id}"] = record.id
    return options


def _load_template(access: Access) -> None:
    choice = str(st.session_state.get("coach_scenario_template") or "")
    kind, _, name = choice.partition(":")
    text = ""
    if kind == "builtin":
        path = SCENARIO_DIR / f"{name}.yaml"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
    elif kind == "own":
        with contextlib.suppress(NotFound):
            text = access.get_scenario(name).yaml_text
    if text:
        st.session_state[YAML_KEY] = text
        with contextlib.suppress(yaml.YAMLError):
            data = yaml.safe_load(text)
            if isinstance(data, dict):
                scenario_form.load(data)
    st.session_state.pop(TRY_KEY, None)


def _scenarios(access: Access, lang: Language) -> None:
    st.caption(t("coach_scenario_help", lang))
    options = _template_options(access)
    st.selectbox(
        t("coach_scenario_start_from", lang),
        options=list(options),
        format_func=lambda key: options[key],
        index=None,
        key="coach_scenario_template",
        on_change=_load_template,
        args=(access,),
    )
    if MODE_KEY not in st.session_state:
        st.session_state[MODE_KEY] = "form"
    mode = st.segmented_control(
        t("coach_scenario_mode", lang),
        options=["form", "yaml"],
        format_func=lambda value: t(f"coach_mode_{value}", lang),
        key=MODE_KEY,
    )
    form_data: dict[str, Any] | None = None
    if st.session_state.get(scenario_form.ERRORS_KEY):
        st.error(t("coach_scenario_errors", lang))
    if mode == "yaml":
        st.text_area(t("coach_scenario_yaml", lang), height=360, key=YAML_KEY)
    else:
        form_data = scenario_form.render(lang)
    columns = st.columns(2)
    validate = columns[0].button(t("coach_scenario_validate", lang), key="coach_validate")
    save = columns[1].button(t("coach_scenario_save", lang), key="coach_save", type="primary")
    if validate or save:
        _check_and_save(access, form_data, save=save, lang=lang)
    _try_persona(lang)


def _check_and_save(
    access: Access, form_data: dict[str, Any] | None, *, save: bool, lang: Language
) -> None:
    if form_data is not None:
        advanced, problem = scenario_form.advanced_data()
        if problem:
            st.session_state[scenario_form.ERRORS_KEY] = {"advanced": [problem]}
            st.rerun()
        text = scenario_form.to_yaml({**form_data, **advanced})
    else:
        text = str(st.session_state.get(YAML_KEY) or "")
    try:
        scenario = parse_authored_scenario(text)
    except InvalidInput as error:
        if form_data is not None:
            st.session_state[scenario_form.ERRORS_KEY] = scenario_form.errors_by_field(
                str(error.message)
            )
            st.rerun()
        st.error(t("coach_scenario_errors", lang))
        for line in str(error.message).splitlines():
            st.error(md_escape(line))
        return
    st.session_state.pop(scenario_form.ERRORS_KEY, None)
    if save:
        try:
            access.save_scenario(text)
        except (Conflict, InvalidInput) as error:
            st.error(_data_error(error))
            return
        st.success(t("coach_scenario_saved", lang))
    else:
        st.success(t("coach_scenario_valid", lang))
    st.session_state[TRY_KEY] = Conversation(scenario, language=lang, difficulty="normal")


def _try_persona(lang: Language) -> None:
    """A throw-away conversation with the persona being written; nothing is stored."""
    conversation = st.session_state.get(TRY_KEY)
    if not isinstance(conversation, Conversation):
        return
    st.markdown(f"**{t('coach_try_persona', lang)}**")
    try:
        if not conversation.started:
            "".join(conversation.start())
        for turn in conversation.turns:
            role = "user" if turn.role == "leader" else "assistant"
            with st.chat_message(role, avatar=LEADER_AVATAR if role == "user" else PERSONA_AVATAR):
                st.markdown(md_escape(turn.text))
        with st.form("coach_try_form", clear_on_submit=True):
            line = st.text_input(t("coach_try_line", lang), key="coach_try_line")
            sent = st.form_submit_button(t("coach_try_send", lang), key="coach_try_submit")
        if sent and line.strip():
            if conversation.awaiting_reply:
                conversation.rewind()
            "".join(conversation.say(line))
            st.rerun()
    except (BackendError, ConversationError) as error:
        st.error(_data_error(error))


# --- page ------------------------------------------------------------------------------------


def render() -> None:
    lang = state.lang()
    st.title(t("coach_title", lang))
    state.show_flash()
    user = auth.current_user()
    if not auth.is_coach(user) or user is None:
        st.info(t("coach_sign_in", lang))
        return
    access = services.access_for(user)
    progress = access.dashboard()
    tabs = st.tabs(
        [
            t("coach_tab_dashboard", lang),
            t("coach_tab_assign", lang),
            t("coach_tab_review", lang),
            t("coach_tab_agreement", lang),
            t("coach_tab_scenarios", lang),
        ]
    )
    with tabs[0]:
        _dashboard(access, progress, lang)
    with tabs[1]:
        _assign(access, lang)
    with tabs[2]:
        _review(access, progress, lang)
    with tabs[3]:
        _agreement(access, lang)
    with tabs[4]:
        _scenarios(access, lang)


if __name__ == "__main__":
    shell.guard_page(render)
