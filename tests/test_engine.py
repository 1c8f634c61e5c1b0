"""The conversation engine: storing before calling, failures, retry, rewind, input, grounding.

A recording fake stands in for a chat model; the listener and the article retrieval are
injected so each test says exactly which labels and passages a turn gets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from roleplay.backends.base import BackendError, PersonaPrompt
from roleplay.backends.scripted import ScriptedBackend
from roleplay.backends.testing import RecordingBackend
from roleplay.engine import (
    MAX_LEADER_CHARS,
    Conversation,
    ConversationStateError,
    InvalidLeaderInput,
    ReplyFailed,
    clean_leader_text,
)
from roleplay.scenarios import Scenario, load_scenario
from roleplay.types import LANGUAGES, Language, Transcript

_TAG = re.compile(r"\[([a-z_]+)\]")


def tag_labeller(text: str, context: str = "", lang: str | None = None) -> list[str]:
    """Labels written into the line itself: 'Ik merk dat je stil bent [name_unspoken]'."""
    return _TAG.findall(text) or ["other"]


def no_passages(text: str, k: int = 3, language: str | None = None) -> list[Any]:
    return []


class FakeLog:
    """A ConversationLog that records every call, in order, in a shared event list."""

    def __init__(self, events: list[str] | None = None) -> None:
        self.events = events if events is not None else []
        self.turns: dict[int, dict[str, Any]] = {}
        self.retracted: list[int] = []
        self.finished: dict[str, Any] | None = None
        self._next = 0

    def create_session(self, **kwargs: Any) -> int:
        self.events.append("create_session")
        self.session = kwargs
        return 7

    def add_turn(
        self, session_id: int, *, role: str, text: str, labels: Any = None, state: Any = None
    ) -> int:
        assert session_id == 7
        self._next += 1
        self.turns[self._next] = {"role": role, "text": text, "labels": labels, "state": state}
        self.events.append(f"store:{role}")
        return self._next

    def retract_turns(self, session_id: int, turn_ids: list[int]) -> None:
        self.retracted.extend(turn_ids)
        self.events.append("retract")

    def finish_session(self, session_id: int, report: dict[str, Any] | None) -> None:
        self.finished = report
        self.events.append("finish")

    def live(self) -> list[dict[str, Any]]:
        return [turn for key, turn in self.turns.items() if key not in self.retracted]


class EventBackend(RecordingBackend):
    """Records in the shared event list when the backend is called."""

    def __init__(self, events: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.events = events

    def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
        self.events.append("backend")
        return super().execute(prompt)


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario("disengaged-employee")


def _conversation(scenario: Scenario, backend: Any = None, **kwargs: Any) -> Conversation:
    kwargs.setdefault("labeller", tag_labeller)
    kwargs.setdefault("retriever", no_passages)
    return Conversation(scenario, backend=backend or RecordingBackend(), **kwargs)


def test_start_say_and_store_in_order(scenario: Scenario) -> None:
    events: list[str] = []
    log = FakeLog(events)
    conversation = _conversation(scenario, EventBackend(events), log=log)
    opening = "".join(conversation.start())
    assert opening and conversation.started
    reply = "".join(conversation.say("Hoe gaat het met je? [open_question]"))
    assert reply
    assert events == [
        "create_session",
        "backend",
        "store:employee",
        "store:leader",
        "backend",
        "store:employee",
    ]
    assert log.session["scenario_id"] == "disengaged-employee"
    assert log.session["backend"] == "recording"
    leader = log.turns[2]
    assert leader["labels"] == ["open_question"] and leader["state"]["trust"] > 30
    assert [turn.role for turn in conversation.turns] == ["employee", "leader", "employee"]


def test_leader_turn_is_stored_before_a_failing_backend_and_retry_does_not_repeat_it(
    scenario: Scenario,
) -> None:
    events: list[str] = []
    log = FakeLog(events)
    backend = EventBackend(events)
    conversation = _conversation(scenario, backend, log=log)
    "".join(conversation.start())
    backend.fail_next("The model is down.", after_pieces=3)
    pieces = conversation.say("Ik merk dat je stil bent [name_unspoken]")
    assert events[-1] == "store:leader", "stored before the backend was even called"
    received = []
    with pytest.raises(ReplyFailed) as caught:
        for piece in pieces:
            received.append(piece)
    assert len(received) == 3, "the partial reply did stream"
    assert "The model is down." in caught.value.user_message
    assert "Your line was kept" in caught.value.user_message
    assert isinstance(caught.value, BackendError) and caught.value.retryable
    assert conversation.awaiting_reply
    assert [t["role"] for t in log.live()] == ["employee", "leader"], "partial reply discarded"

    with pytest.raises(ConversationStateError, match="not answered your last line"):
        conversation.say("Nog iets")

    reply = "".join(conversation.retry_reply())
    assert reply == backend.default_reply
    assert [t["role"] for t in log.live()] == ["employee", "leader", "employee"]
    assert [t.role for t in conversation.turns] == ["employee", "leader", "employee"]
    assert conversation.state.turn == 1, "the leader turn was applied once"


def test_failure_before_the_first_piece_keeps_state_for_retry(scenario: Scenario) -> None:
    backend = RecordingBackend()
    conversation = _conversation(scenario, backend)
    "".join(conversation.start())
    backend.fail_next("Rate limited.", retryable=True)
    with pytest.raises(ReplyFailed):
        conversation.reply("Hallo [open_question]")
    trust = conversation.state.trust
    first = backend.last_prompt.moment
    "".join(conversation.retry_reply())
    assert conversation.state.trust == trust
    assert backend.last_prompt.moment["reveal_now"] == first["reveal_now"]
    assert conversation.revealed[0].fact_id == "missed_meetings"


def test_unexpected_backend_exception_becomes_a_clear_error(scenario: Scenario) -> None:
    class Broken(RecordingBackend):
        def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
            raise ZeroDivisionError("oops")

    conversation = _conversation(scenario, RecordingBackend())
    "".join(conversation.start())
    conversation.backend = Broken()
    with pytest.raises(ReplyFailed, match="recording backend failed unexpectedly"):
        conversation.reply("Hallo")
    assert conversation.awaiting_reply


def test_rewind_takes_back_the_line_and_restores_state(scenario: Scenario) -> None:
    log = FakeLog()
    conversation = _conversation(scenario, log=log)
    "".join(conversation.start())
    conversation.reply("Hoe gaat het? [open_question]")
    state_after_first = conversation.state.to_dict()
    conversation.reply("Stel je niet aan [dismissive]")
    assert conversation.state.trust < state_after_first["trust"]

    assert conversation.rewind() == "Stel je niet aan [dismissive]"
    assert conversation.state.to_dict() == state_after_first
    assert log.retracted == [4, 5]
    assert [t.role for t in conversation.turns] == ["employee", "leader", "employee"]

    conversation.reply("Ik merk dat je stil bent [name_unspoken]")
    assert conversation.state.trust > state_after_first["trust"]
    assert [t["text"] for t in log.live()][-2] == "Ik merk dat je stil bent [name_unspoken]"


def test_rewind_after_a_failed_reply_and_nothing_to_rewind(scenario: Scenario) -> None:
    backend = RecordingBackend()
    conversation = _conversation(scenario, backend)
    with pytest.raises(ConversationStateError, match="Start the conversation first"):
        conversation.say("Hallo")
    "".join(conversation.start())
    with pytest.raises(ConversationStateError, match="no leader line"):
        conversation.rewind()
    backend.fail_next()
    with pytest.raises(ReplyFailed):
        conversation.reply("Hallo [open_question]")
    assert conversation.rewind() == "Hallo [open_question]"
    assert conversation.state.turn == 0 and not conversation.revealed
    assert [t.role for t in conversation.turns] == ["employee"]


def test_retry_after_a_complete_reply_replaces_it(scenario: Scenario) -> None:
    log = FakeLog()
    backend = RecordingBackend(["opening", "eerste", "tweede"])
    conversation = _conversation(scenario, backend, log=log)
    "".join(conversation.start())
    conversation.reply("Hallo [open_question]")
    assert "".join(conversation.retry_reply()) == "tweede"
    assert [t.text for t in conversation.turns] == ["opening", "Hallo [open_question]", "tweede"]
    assert log.retracted == [3]
    assert [e.fact_id for e in conversation.revealed] == ["missed_meetings"]


def test_leader_input_validation() -> None:
    with pytest.raises(InvalidLeaderInput, match="empty"):
        clean_leader_text("   \n\t ")
    with pytest.raises(InvalidLeaderInput) as caught:
        clean_leader_text("a" * (MAX_LEADER_CHARS + 1))
    assert "2000" in caught.value.message and caught.value.code == "input_too_long"
    assert clean_leader_text("a" * MAX_LEADER_CHARS) == "a" * MAX_LEADER_CHARS
    assert (
        clean_leader_text("Hoi\x00 daar\x1b[31m\r\nnieuwe regel\x07")
        == "Hoi daar[31m\nnieuwe regel"
    )


def test_invalid_input_changes_nothing(scenario: Scenario) -> None:
    log = FakeLog()
    backend = RecordingBackend()
    conversation = _conversation(scenario, backend, log=log)
    "".join(conversation.start())
    calls = backend.calls
    for bad in ("", "   ", "x" * 2001):
        with pytest.raises(InvalidLeaderInput):
            conversation.say(bad)
    assert backend.calls == calls and len(log.turns) == 1 and conversation.state.turn == 0


def _all_prompt_text(prompt: PersonaPrompt) -> str:
    return json.dumps(prompt.model_dump(), ensure_ascii=False)


@pytest.mark.parametrize(
    "scenario_id", ["disengaged-employee", "generational-clash", "hybrid-work"]
)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("leader", ["good", "poor"])
def test_no_fact_is_sent_before_it_may_be_revealed(
    scenario_id: str, language: Language, leader: str
) -> None:
    from roleplay.listener import label_turn

    scenario = load_scenario(scenario_id)
    backend = RecordingBackend()
    conversation = Conversation(
        scenario,
        language=language,
        backend=backend,
        labeller=label_turn,
        retriever=no_passages,
    )
    "".join(conversation.start())
    assert scenario.simulated_leaders is not None
    told: set[str] = set()
    for line in getattr(scenario.simulated_leaders, leader).get(language):
        conversation.reply(line)
        prompt = backend.last_prompt
        allowed = told | {fact["id"] for fact in prompt.moment["reveal_now"]}
        text = _all_prompt_text(prompt)
        for fact in scenario.hidden_facts:
            if fact.id in allowed:
                continue
            for lang in LANGUAGES:
                assert fact.text.get(lang) not in text, (fact.id, line)
                for reveal_line in scenario.lines.reveal[fact.id].get(lang):
                    assert reveal_line not in text, (fact.id, line)
        told = {event.fact_id for event in conversation.revealed}
    assert told, "the run did reveal something, so the check had teeth"


def test_the_core_concern_is_withheld_from_a_poor_leader(scenario: Scenario) -> None:
    backend = RecordingBackend()
    conversation = _conversation(scenario, backend)
    "".join(conversation.start())
    for line in (
        "Je inzet is ondermaats [dismissive]",
        "Heb je het naar je zin? [closed_question]",
        "Plan je week beter [premature_advice]",
        "Is het de migratie? [closed_question]",
    ):
        conversation.reply(line)
        assert scenario.core_concern.text.nl not in backend.sent_text()
    assert scenario.core_concern.id not in {e.fact_id for e in conversation.revealed}
    assert conversation.state.mood == "guarded"


@dataclass
class FakePassage:
    id: str
    text: str
    section: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "section": self.section}


def test_passages_ground_the_prompt_and_stay_on_the_turn(scenario: Scenario) -> None:
    asked: list[tuple[str, int, str | None]] = []

    def retriever(text: str, k: int = 3, language: str | None = None) -> list[FakePassage]:
        asked.append((text, k, language))
        return [
            FakePassage(
                "p1", "Wat wordt er niet gezegd? Durf door te vragen.", "Luister op drie niveaus"
            )
        ]

    backend = RecordingBackend()
    conversation = _conversation(scenario, backend, retriever=retriever, language="en")
    "".join(conversation.start())
    conversation.reply("I notice you are quiet [name_unspoken]")
    assert asked and asked[0][1] == 3 and asked[0][2] == "en"
    assert "I notice you are quiet" in asked[0][0]
    assert "Durf door te vragen" in backend.last_prompt.system
    assert backend.last_prompt.moment["passages"][0]["section"] == "Luister op drie niveaus"
    assert conversation.turns[-2].passages[0]["id"] == "p1"
    assert "Answer only in English" in backend.last_prompt.system


def test_a_broken_retriever_does_not_stop_the_conversation(scenario: Scenario) -> None:
    def broken(text: str, k: int = 3, language: str | None = None) -> list[Any]:
        raise RuntimeError("index damaged")

    conversation = _conversation(scenario, retriever=broken)
    "".join(conversation.start())
    assert conversation.reply("Hallo [open_question]")
    assert conversation.turns[-2].passages == []


def test_end_hands_the_transcript_to_the_scorer_and_finishes_the_session(
    scenario: Scenario,
) -> None:
    seen: list[Transcript] = []

    def scorer(transcript: Transcript) -> dict[str, Any]:
        seen.append(transcript)
        return {"overall": 3}

    log = FakeLog()
    conversation = _conversation(scenario, log=log, scorer=scorer)
    "".join(conversation.start())
    conversation.reply("Hallo [open_question]")
    assert conversation.end() == {"overall": 3}
    assert seen[0].scenario == "disengaged-employee"
    assert [t.role for t in seen[0].turns] == ["employee", "leader", "employee"]
    assert log.finished == {"overall": 3}
    with pytest.raises(ConversationStateError, match="ended"):
        conversation.say("Nog iets")


def test_bad_language_or_difficulty_is_a_clear_error(scenario: Scenario) -> None:
    from roleplay.engine import ConversationError

    with pytest.raises(ConversationError, match="Unknown language 'de'"):
        Conversation(scenario, language="de", backend=ScriptedBackend())  # type: ignore[arg-type]
    with pytest.raises(ConversationError, match="easy, normal, hard"):
        Conversation(scenario, difficulty="brutal", backend=ScriptedBackend())  # type: ignore[arg-type]


def test_real_store_keeps_the_leader_turn_when_the_backend_fails(
    scenario: Scenario, tmp_path: Path
) -> None:
    from roleplay.storage.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'engine.db'}")
    try:
        backend = RecordingBackend()
        conversation = _conversation(scenario, backend, log=store)
        "".join(conversation.start())
        backend.fail_next("Timeout.", after_pieces=2)
        with pytest.raises(ReplyFailed):
            conversation.reply("Ik merk dat je stil bent [name_unspoken]")
        assert conversation.session_id is not None
        turns = store.list_turns(conversation.session_id)
        assert [(t.role, t.text) for t in turns][-1] == (
            "leader",
            "Ik merk dat je stil bent [name_unspoken]",
        )
        "".join(conversation.retry_reply())
        conversation.reply("Stel je niet aan [dismissive]")
        conversation.rewind()
        roles = [t.role for t in store.list_turns(conversation.session_id)]
        assert roles == ["employee", "leader", "employee"]
        transcript = store.transcript(conversation.session_id)
        assert transcript.turns[1].text == "Ik merk dat je stil bent [name_unspoken]"
    finally:
        store.close()


class FlakyLog(FakeLog):
    """Fails the next add_turn when `fail` is set, like a locked or unreachable database."""

    fail = False

    def add_turn(self, session_id: int, **kwargs: Any) -> int:
        if self.fail:
            self.fail = False
            raise RuntimeError("database is locked")
        return super().add_turn(session_id, **kwargs)


def test_a_storage_failure_leaves_the_conversation_unchanged(scenario: Scenario) -> None:
    log = FlakyLog()
    backend = RecordingBackend()
    conversation = _conversation(scenario, backend, log=log)
    "".join(conversation.start())
    calls = backend.calls

    log.fail = True
    with pytest.raises(RuntimeError, match="locked"):
        conversation.say("Hallo [open_question]")
    assert backend.calls == calls, "no backend call for an unsaved line"
    assert conversation.state.turn == 0 and len(conversation.turns) == 1

    pieces = conversation.say("Hallo [open_question]")
    log.fail = True
    with pytest.raises(RuntimeError, match="locked"):
        "".join(pieces)
    assert conversation.awaiting_reply and not conversation.revealed
    "".join(conversation.retry_reply())
    assert [e.fact_id for e in conversation.revealed] == ["missed_meetings"]
    assert [t["role"] for t in log.live()] == ["employee", "leader", "employee"]


def test_facts_overview_says_what_was_told_when_and_why(scenario: Scenario) -> None:
    conversation = _conversation(scenario)
    "".join(conversation.start())
    conversation.reply("Hallo [open_question]")
    overview = {item["id"]: item for item in conversation.facts_overview()}
    assert overview["missed_meetings"]["revealed"] and overview["missed_meetings"]["turn"] == 1
    assert overview["missed_meetings"]["rule"] == "volunteered"
    core = overview["passed_over"]
    assert core["is_core_concern"] and not core["revealed"] and core["turn"] is None
