"""The offline `scripted` backend: authored lines by state and move, seeded, varied, streamed."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from roleplay.backends.base import Backend, BackendError, PersonaPrompt
from roleplay.backends.scripted import ScriptedBackend
from roleplay.engine import Conversation
from roleplay.listener import label_turn
from roleplay.scenarios import load_scenario, load_scenarios


def no_passages(text: str, k: int = 3, language: str | None = None) -> list[Any]:
    return []


def _conversation(scenario_id: str, language: str = "nl", **kwargs: Any) -> Conversation:
    kwargs.setdefault("labeller", label_turn)
    return Conversation(
        scenario_id,
        language=language,  # type: ignore[arg-type]
        backend=ScriptedBackend(),
        retriever=no_passages,
        **kwargs,
    )


def test_constructible_without_arguments() -> None:
    backend = ScriptedBackend()
    assert isinstance(backend, Backend)
    assert backend.name == "scripted" and not backend.needs_network


def test_registry_builds_it_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = pytest.importorskip("roleplay.backends.registry")
    monkeypatch.delenv("OEFENGESPREK_BACKEND", raising=False)
    monkeypatch.delenv("OEFENGESPREK_FALLBACK", raising=False)
    assert isinstance(registry.get_backend(), ScriptedBackend)
    assert isinstance(registry.get_backend("scripted"), ScriptedBackend)


def test_reply_streams_in_small_pieces() -> None:
    conversation = _conversation("disengaged-employee")
    "".join(conversation.start())
    pieces = list(conversation.say("Hoe gaat het met je?"))
    assert len(pieces) > 3
    assert "".join(pieces) == conversation.turns[-1].text


@pytest.mark.parametrize("scenario_id", sorted(load_scenarios()))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_scenario_runs_a_short_conversation(scenario_id: str, language: str) -> None:
    scenario = load_scenario(scenario_id)
    conversation = _conversation(scenario_id, language)
    opening = "".join(conversation.start())
    assert opening in scenario.lines.opening.get(language)  # type: ignore[arg-type]
    other_language = "en" if language == "nl" else "nl"
    lines = (
        scenario.simulated_leaders.good.get(language)  # type: ignore[arg-type]
        if scenario.simulated_leaders
        else ["Hoe gaat het?", "Wat speelt er?"]
    )
    for line in lines[:3]:
        reply = conversation.reply(line)
        assert reply.strip()
        foreign = scenario.lines.states.get("guarded").get(other_language)  # type: ignore[arg-type]
        assert all(sentence not in reply for sentence in foreign)
    assert len(conversation.turns) == 7


def test_lines_follow_the_move_and_the_fact_told_now() -> None:
    scenario = load_scenario("disengaged-employee")
    conversation = _conversation("disengaged-employee")
    "".join(conversation.start())
    reply = conversation.reply("Stel je niet zo aan, dat is onzin.")
    assert conversation.turns[-2].labels == ["dismissive"]
    assert any(reply.startswith(line) for line in scenario.lines.moves.dismissive.nl)
    assert not conversation.revealed, "no reveal right after a dismissive turn"

    reply = conversation.reply("Wat houdt je bezig?")
    assert any(line in reply for line in scenario.lines.reveal["missed_meetings"].nl)
    assert [e.fact_id for e in conversation.revealed] == ["missed_meetings"]


def test_deterministic_per_seed_and_varied_across_seeds() -> None:
    lines = ["Hoe gaat het met je?", "Is het druk?", "Ben je moe?", "Lukt het?"]

    def run(seed: str) -> list[str]:
        conversation = _conversation("hybrid-work", seed=seed)
        replies = ["".join(conversation.start())]
        replies += [conversation.reply(line) for line in lines]
        return replies

    assert run("a") == run("a")
    assert len({tuple(run(seed)) for seed in ("a", "b", "c", "d")}) > 1


def test_no_line_is_repeated_in_consecutive_replies() -> None:
    conversation = _conversation("disengaged-employee")
    "".join(conversation.start())
    previous = ""
    for _ in range(12):
        reply = conversation.reply("Is het druk?")
        assert reply != previous
        previous = reply
    replies = [turn.text for turn in conversation.turns if turn.role == "employee"]
    for before, after in itertools.pairwise(replies):
        first_line_after = after.split(". ")[0]
        assert first_line_after not in before or len(first_line_after) < 6


def test_difficulty_changes_reply_length() -> None:
    def words(difficulty: str) -> int:
        conversation = _conversation("generational-clash", difficulty=difficulty, seed="x")
        "".join(conversation.start())
        return sum(
            len(conversation.reply(line).split())
            for line in ("Is het goed?", "Wat vond je ervan?", "Klopt dat?")
        )

    assert words("hard") < words("easy")


def test_missing_lines_are_a_clear_error() -> None:
    with pytest.raises(BackendError, match="authored lines"):
        list(ScriptedBackend().execute(PersonaPrompt(system="x", moment={"kind": "reply"})))
