"""The pages' calls into roleplay and knowledge, gathered so each page stays about layout.

Every read or write of a person's data goes through `roleplay.access.Access` for the
current user, so the same authorisation holds in the UI as everywhere else.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from roleplay.access import Access
from roleplay.engine import Conversation
from roleplay.export import ExportSession, ExportTurn
from roleplay.scenarios import Scenario
from roleplay.storage import NotFound, ReportRecord, SessionRecord, TurnRecord, UserRecord
from roleplay.types import Language
from ui import resources
from ui.hints import NUDGE_QUERIES

logger = logging.getLogger(__name__)


def access_for(user: UserRecord) -> Access:
    return Access(resources.store(), user)


def scenarios_for(access: Access | None) -> dict[str, Scenario]:
    """The shipped scenarios plus the authored ones this person may use, by id."""
    available: dict[str, Scenario] = dict(resources.scenarios())
    if access is None:
        return available
    for record in access.list_scenarios():
        try:
            available.setdefault(record.id, access.load_scenario(record.id))
        except ValueError as error:  # a stored scenario that no longer validates
            logger.warning("skipping authored scenario %s: %s", record.id, error)
    return available


def start_conversation(
    access: Access, scenario: Scenario, language: str, difficulty: str, backend: Any = None
) -> Conversation:
    """A new conversation that writes to the person's own sessions (not yet opened)."""
    return Conversation(
        scenario,
        language=language,  # type: ignore[arg-type]
        difficulty=difficulty,  # type: ignore[arg-type]
        backend=backend,
        log=access.conversation_log(),
        user_id=access.actor.id,
        retriever=_retriever(),
    )


def _retriever() -> Any:
    from knowledge import KnowledgeError, query

    try:
        resources.knowledge_index()  # built once per process, behind a spinner
    except KnowledgeError as error:
        # hints and grounding are an aid: the conversation goes on without them
        logger.warning("article index unavailable: %s", error)
    return query


@dataclass(frozen=True)
class NudgePassage:
    text: str
    heading_path: str
    source: str


def passage_for_nudge(nudge_key: str, language: str) -> NudgePassage | None:
    """The article passage behind a live-hint nudge, or None when retrieval is unavailable."""
    question = NUDGE_QUERIES.get(nudge_key)
    if not question:
        return None
    try:
        found = _retriever()(question, k=1, language=language)
    except Exception as error:  # a hint without a quote is better than a broken page
        logger.warning("no passage for %s: %s", nudge_key, error)
        return None
    if not found:
        return None
    best = found[0]
    return NudgePassage(text=best.text, heading_path=best.heading_path, source=best.source)


@dataclass(frozen=True)
class SessionView:
    """One stored session with everything the feedback page and the exports show."""

    session: SessionRecord
    turns: list[TurnRecord]
    report: ReportRecord | None
    scenario: Scenario | None

    def title(self, lang: Language) -> str:
        return self.scenario.title.get(lang) if self.scenario else self.session.scenario_id

    @property
    def persona_name(self) -> str:
        return self.scenario.persona.name if self.scenario else "?"

    @property
    def report_data(self) -> dict[str, Any] | None:
        if self.report is None:
            return None
        if self.report.report:
            return self.report.report
        return {"scores": dict(self.report.scores)}


def session_view(access: Access, session_id: int) -> SessionView | None:
    """The session if this person may see it, else None (unknown and forbidden look alike)."""
    try:
        session = access.get_session(session_id)
        turns = access.list_turns(session_id)
        report = access.get_report(session_id)
    except NotFound:
        return None
    scenario = scenarios_for(access).get(session.scenario_id)
    return SessionView(session=session, turns=turns, report=report, scenario=scenario)


def export_of(view: SessionView, lang: Language) -> ExportSession:
    return ExportSession(
        scenario_title=view.title(lang),
        persona_name=view.persona_name,
        language=view.session.language,
        difficulty=view.session.difficulty,
        backend=view.session.backend,
        started_at=view.session.started_at.strftime("%Y-%m-%d %H:%M"),
        turns=tuple(
            ExportTurn(role=turn.role, text=turn.text, labels=tuple(turn.labels))
            for turn in view.turns
        ),
        report=view.report_data,
    )
