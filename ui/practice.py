"""Practice page: pick a scenario, read the briefing, talk with the persona, end for feedback."""

from __future__ import annotations

from collections.abc import Iterator

import streamlit as st

from roleplay.access import Access
from roleplay.backends.base import BackendError
from roleplay.engine import Conversation, ConversationError, ReplyFailed
from roleplay.i18n import TEXTS, t
from roleplay.scenarios import Scenario
from roleplay.types import Language
from ui import auth, services, shell, state
from ui.components import (
    LEADER_AVATAR,
    PERSONA_AVATAR,
    difficulty_name,
    label_badges,
    md_escape,
    passage,
)
from ui.hints import best_line, choose_nudge

CARD_COLUMNS = 2
INPUT_KEY = "practice_input"
#: a rejected line waiting to go back into the chat input on the next run
RETURNED_INPUT_KEY = "practice_returned_input"


# --- scenario choice -------------------------------------------------------------------------


def _choose(scenario_id: str, difficulty: str | None = None) -> None:
    state.set_practice(
        state.PracticeState(
            scenario_id=scenario_id,
            difficulty=difficulty
            if difficulty in state.DIFFICULTIES
            else state.default_difficulty(),
            live_hints=bool(st.session_state.get(state.LIVE_HINTS, True)),
        )
    )


def _scenario_card(scenario: Scenario, lang: Language) -> None:
    with st.container(border=True):
        st.subheader(md_escape(scenario.title.get(lang)))
        st.markdown(
            t(
                "card_persona",
                lang,
                name=md_escape(scenario.persona.name),
                role=md_escape(scenario.persona.role.get(lang)),
            )
        )
        st.markdown(md_escape(scenario.description.get(lang)))
        st.markdown(f"**{t('card_situation', lang)}:** " + md_escape(scenario.situation.get(lang)))
        goals = "\n".join(f"- {md_escape(goal.text.get(lang))}" for goal in scenario.learning_goals)
        st.markdown(f"**{t('card_goals', lang)}**\n\n{goals}")
        st.markdown(
            t(
                "card_difficulty",
                lang,
                difficulty=difficulty_name(state.default_difficulty(), lang),
            )
        )
        st.button(
            t("card_choose", lang),
            key=f"choose_{scenario.id}",
            on_click=_choose,
            args=(scenario.id,),
            type="primary",
        )


def _assignments(access: Access, scenarios: dict[str, Scenario], lang: Language) -> None:
    statuses = access.my_assignments()
    if not statuses:
        return
    st.subheader(t("practice_assignments", lang))
    for status in statuses:
        assignment = status.assignment
        scenario = scenarios.get(assignment.scenario_id)
        title = scenario.title.get(lang) if scenario else assignment.scenario_id
        line = t(
            "practice_assignment_line",
            lang,
            title=md_escape(title),
            difficulty=difficulty_name(assignment.difficulty or "normal", lang),
            target="–" if assignment.target_score is None else f"{assignment.target_score:.0f}",
            due=assignment.due_date.isoformat() if assignment.due_date else "–",
        )
        if status.done:
            score = "–" if status.best_score is None else f"{status.best_score:.0f}"
            line += " · " + t("practice_assignment_done", lang, score=score)
        columns = st.columns([4, 1], vertical_alignment="center")
        columns[0].markdown(line)
        if scenario is not None:
            columns[1].button(
                t("card_choose", lang),
                key=f"assignment_{assignment.id}",
                on_click=_choose,
                args=(assignment.scenario_id, assignment.difficulty),
            )


def _picker(access: Access, scenarios: dict[str, Scenario], lang: Language) -> None:
    st.title(t("practice_title", lang))
    st.markdown(t("practice_intro", lang))
    _assignments(access, scenarios, lang)
    if not scenarios:
        st.info(t("practice_no_scenarios", lang))
        return
    st.subheader(t("practice_scenarios", lang))
    ordered = list(scenarios.values())
    for start in range(0, len(ordered), CARD_COLUMNS):
        columns = st.columns(CARD_COLUMNS)
        for column, scenario in zip(columns, ordered[start : start + CARD_COLUMNS], strict=False):
            with column:
                _scenario_card(scenario, lang)


# --- briefing --------------------------------------------------------------------------------


def _briefing_text(scenario: Scenario, lang: Language) -> None:
    st.markdown(md_escape(scenario.briefing.get(lang)))
    st.markdown(
        f"**{t('briefing_persona', lang)}:** "
        + t(
            "briefing_persona_line",
            lang,
            name=md_escape(scenario.persona.name),
            role=md_escape(scenario.persona.role.get(lang)),
            style=md_escape(scenario.persona.style.get(lang)),
        )
    )
    st.markdown(f"**{t('card_situation', lang)}:** " + md_escape(scenario.situation.get(lang)))
    goals = "\n".join(
        f"- {md_escape(goal.text.get(lang))} *({md_escape(goal.section)})*"
        for goal in scenario.learning_goals
    )
    st.markdown(f"**{t('briefing_goals', lang)}**\n\n{goals}")


def _back_to_scenarios() -> None:
    state.set_practice(None)


def _sync_difficulty(practice: state.PracticeState) -> None:
    value = st.session_state.get("briefing_difficulty")
    if value in state.DIFFICULTIES:
        practice.difficulty = value


def _sync_hints(practice: state.PracticeState, widget_key: str) -> None:
    practice.live_hints = bool(st.session_state.get(widget_key))
    st.session_state[state.LIVE_HINTS] = practice.live_hints


def _briefing(
    practice: state.PracticeState, access: Access, scenario: Scenario, lang: Language
) -> None:
    st.title(t("briefing_title", lang, title=md_escape(scenario.title.get(lang))))
    _briefing_text(scenario, lang)
    st.session_state["briefing_difficulty"] = practice.difficulty
    st.segmented_control(
        t("difficulty_label", lang),
        options=list(state.DIFFICULTIES),
        format_func=lambda value: difficulty_name(value, lang),
        key="briefing_difficulty",
        on_change=_sync_difficulty,
        args=(practice,),
    )
    st.session_state["briefing_live_hints"] = practice.live_hints
    st.toggle(
        t("live_hints_label", lang),
        key="briefing_live_hints",
        help=t("live_hints_help", lang),
        on_change=_sync_hints,
        args=(practice, "briefing_live_hints"),
    )
    left, right = st.columns(2)
    start = left.button(t("start_conversation", lang), key="briefing_start", type="primary")
    right.button(t("back_to_scenarios", lang), key="briefing_back", on_click=_back_to_scenarios)
    if start:
        with st.spinner(t("loading_backend", lang), show_time=True):
            practice.conversation = services.start_conversation(
                access, scenario, lang, practice.difficulty
            )
        # the opening line streams on the conversation view
        practice.retry_requested = True
        st.rerun()


# --- the conversation ------------------------------------------------------------------------


def _hint_for(
    practice: state.PracticeState, leader_index: int, labels: list[str], lang: Language
) -> state.Hint:
    earlier = [hint.labels for index, hint in practice.hints.items() if index < leader_index]
    nudge = choose_nudge(labels, earlier)
    found = services.passage_for_nudge(nudge, lang)
    if found is None:
        return state.Hint(labels=labels, nudge_key=nudge)
    return state.Hint(
        labels=labels,
        nudge_key=nudge,
        passage_text=found.text,
        passage_section=found.heading_path,
        passage_source=found.source,
    )


def _show_hint(hint: state.Hint, lang: Language) -> None:
    """Under a leader turn: the behaviours shown, one nudge, and the article line behind it."""
    labels = [label for label in hint.labels if label != "other"]
    badges = label_badges(labels, lang) if labels else t("hint_no_behaviour", lang)
    st.markdown(t("hint_behaviours", lang, labels=badges))
    st.markdown(":material/lightbulb: " + t(hint.nudge_key, lang))
    if not hint.passage_text:
        return
    line = best_line(hint.passage_text, hint.nudge_key)
    if line:
        st.caption(f"“{md_escape(line)}” — {md_escape(hint.passage_section)}")
    with st.expander(t("hint_full_passage", lang), icon=":material/menu_book:"):
        passage(hint.passage_text, hint.passage_section, hint.passage_source, lang)


def _history(practice: state.PracticeState, conversation: Conversation, lang: Language) -> None:
    leader_index = 0
    for turn in conversation.turns:
        if turn.role == "leader":
            with st.chat_message("user", avatar=LEADER_AVATAR):
                st.markdown(md_escape(turn.text))
                hint = practice.hints.get(leader_index)
                if practice.live_hints and hint is not None:
                    _show_hint(hint, lang)
            leader_index += 1
        else:
            with st.chat_message("assistant", avatar=PERSONA_AVATAR):
                st.markdown(md_escape(turn.text))


def _stream_reply(practice: state.PracticeState, pieces: Iterator[str], waiting: str) -> bool:
    """Stream a persona reply into a chat bubble; on failure keep the message and return False.

    `waiting` is shown until the first piece arrives (a model may need a while to load).
    """
    with st.chat_message("assistant", avatar=PERSONA_AVATAR):
        notice = st.empty()
        notice.caption(waiting)

        def clearing_notice() -> Iterator[str]:
            for piece in pieces:
                notice.empty()
                yield piece

        try:
            st.write_stream(clearing_notice())
        except BackendError as error:
            practice.error = error.reason if isinstance(error, ReplyFailed) else error.user_message
            return False
        finally:
            notice.empty()
    practice.error = None
    return True


def _thinking(scenario: Scenario, lang: Language) -> str:
    return t("thinking", lang, name=md_escape(scenario.persona.name))


def _leader_count(conversation: Conversation) -> int:
    return sum(1 for turn in conversation.turns if turn.role == "leader")


def _rewind(practice: state.PracticeState) -> None:
    conversation = practice.conversation
    if conversation is None:
        return
    try:
        text = conversation.rewind()
    except ConversationError as error:
        state.flash(_conversation_error(error, state.lang()), "warning")
        return
    practice.error = None
    remaining = _leader_count(conversation)
    practice.hints = {index: hint for index, hint in practice.hints.items() if index < remaining}
    # the taken-back line goes back into the chat input for editing (not sent)
    st.session_state[INPUT_KEY] = text


def _request_retry(practice: state.PracticeState) -> None:
    practice.retry_requested = True


def _abandon() -> None:
    state.set_practice(None)


def _conversation_error(error: ConversationError, lang: Language) -> str:
    key = f"engine_{error.code}"
    if key in TEXTS:
        return t(key, lang, **{name: value for name, value in error.params.items()})
    return md_escape(error.message)


def _end(practice: state.PracticeState, conversation: Conversation, lang: Language) -> None:
    with st.status(t("scoring", lang), expanded=False) as status:
        conversation.end()
        status.update(label=t("scoring_done", lang), state="complete")
    state.set_practice(None)
    st.session_state[state.REPORT_SESSION] = conversation.session_id
    shell.switch_to("feedback")


def _conversation(practice: state.PracticeState, scenario: Scenario, lang: Language) -> None:
    conversation: Conversation = practice.conversation
    st.title(t("conversation_title", lang, title=md_escape(scenario.title.get(lang))))
    st.caption(
        t(
            "conversation_caption",
            lang,
            name=md_escape(scenario.persona.name),
            difficulty=difficulty_name(practice.difficulty, lang),
            mode=t("mode_hints", lang) if practice.live_hints else t("mode_exam", lang),
        )
    )
    top = st.columns([3, 1], vertical_alignment="center")
    with top[0].expander(t("show_briefing", lang)):
        _briefing_text(scenario, lang)
    st.session_state["practice_live_hints"] = practice.live_hints
    top[1].toggle(
        t("live_hints_label", lang),
        key="practice_live_hints",
        help=t("live_hints_help", lang),
        on_change=_sync_hints,
        args=(practice, "practice_live_hints"),
    )
    state.show_flash()
    _history(practice, conversation, lang)
    # new lines stream here, above the controls, while the page is being redrawn
    live = st.container()

    if practice.retry_requested:
        practice.retry_requested = False
        pieces = conversation.retry_reply() if conversation.started else conversation.start()
        with live:
            if _stream_reply(practice, pieces, _thinking(scenario, lang)):
                st.rerun()

    if practice.error:
        st.error(t("backend_error_title", lang, message=md_escape(practice.error)))
        st.caption(t("backend_error_kept", lang))
        st.button(
            t("retry", lang),
            key="practice_retry",
            on_click=_request_retry,
            args=(practice,),
            type="primary",
        )

    has_leader_turn = _leader_count(conversation) > 0
    controls = st.container(horizontal=True)
    controls.button(
        t("rewind", lang),
        key="practice_rewind",
        help=t("rewind_help", lang),
        on_click=_rewind,
        args=(practice,),
        disabled=not has_leader_turn,
    )
    end = controls.button(
        t("end_conversation", lang),
        key="practice_end",
        type="primary",
        disabled=not has_leader_turn or conversation.awaiting_reply,
    )
    controls.button(t("abandon", lang), key="practice_abandon", on_click=_abandon)
    if end:
        _end(practice, conversation, lang)
        return

    if RETURNED_INPUT_KEY in st.session_state:
        st.session_state[INPUT_KEY] = st.session_state.pop(RETURNED_INPUT_KEY)
    # no max_chars: the browser would cut a long paste silently; the engine rejects it
    # with the limit in the message and the line comes back for editing
    line = st.chat_input(
        t("chat_placeholder", lang),
        key=INPUT_KEY,
        disabled=bool(practice.error) or not conversation.started,
    )
    if line is None:
        return
    with live:
        _leader_turn(practice, conversation, str(line), _thinking(scenario, lang), lang)


def _leader_turn(
    practice: state.PracticeState,
    conversation: Conversation,
    line: str,
    waiting: str,
    lang: Language,
) -> None:
    try:
        pieces = conversation.say(line)
    except ConversationError as error:
        state.flash(_conversation_error(error, lang), "warning")
        if line.strip():
            # nothing the leader typed is lost: the rejected line returns to the input
            st.session_state[RETURNED_INPUT_KEY] = line
        st.rerun()
    except Exception:
        # e.g. the database could not store the turn: the shell shows the error, and the
        # line waits in the chat box for the next try
        st.session_state[RETURNED_INPUT_KEY] = line
        raise
    leader = conversation.turns[-1]
    index = _leader_count(conversation) - 1
    practice.hints[index] = _hint_for(practice, index, list(leader.labels), lang)
    with st.chat_message("user", avatar=LEADER_AVATAR):
        st.markdown(md_escape(leader.text))
        if practice.live_hints:
            _show_hint(practice.hints[index], lang)
    _stream_reply(practice, pieces, waiting)
    st.rerun()


def render() -> None:
    lang = state.lang()
    user = auth.current_user()
    if user is None:
        st.title(t("practice_title", lang))
        st.info(t("practice_sign_in", lang))
        return
    access = services.access_for(user)
    scenarios = services.scenarios_for(access)
    practice = state.practice()
    if practice is not None and practice.scenario_id not in scenarios:
        state.set_practice(None)
        practice = None
    if practice is None:
        state.show_flash()
        _picker(access, scenarios, lang)
    elif practice.conversation is None:
        _briefing(practice, access, scenarios[practice.scenario_id], lang)
    else:
        _conversation(practice, scenarios[practice.scenario_id], lang)


if __name__ == "__main__":
    shell.guard_page(render)
