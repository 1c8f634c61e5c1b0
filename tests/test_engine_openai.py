"""The engine against a real OpenAI-protocol server on loopback that breaks off mid-reply.

This is where a leader meets a failing model: the line they typed must survive in the
real database, the half reply must be dropped, and a retry must answer without storing
the line twice. The server also shows exactly what a model is sent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from servers.faulty_openai import FaultyOpenAIServer

from roleplay.backends.openai_backend import OpenAIBackend, RetryPolicy
from roleplay.engine import Conversation, ReplyFailed
from roleplay.listener import label_turn
from roleplay.scenarios import load_scenario
from roleplay.storage.store import open_store


def no_passages(text: str, k: int = 3, language: str | None = None) -> list[Any]:
    return []


def test_interrupted_reply_keeps_the_line_and_retry_answers(
    faulty_openai: FaultyOpenAIServer, tmp_path: Path
) -> None:
    scenario = load_scenario("disengaged-employee")
    backend = OpenAIBackend(
        base_url=faulty_openai.base_url,
        api_key="test",
        timeout_s=2.0,
        max_retries=0,
        retry_policy=RetryPolicy(backoff_base_s=0.01),
    )
    store = open_store(f"sqlite:///{tmp_path / 'openai.db'}")
    try:
        conversation = Conversation(
            scenario, backend=backend, log=store, labeller=label_turn, retriever=no_passages
        )
        assert "".join(conversation.start()) == faulty_openai.reply

        faulty_openai.plan("interrupt")
        line = "Ik merk dat je stiller bent dan vroeger. Klopt het dat er iets lastig ligt?"
        with pytest.raises(ReplyFailed) as caught:
            conversation.reply(line)
        assert "Your line was kept" in caught.value.user_message
        assert conversation.session_id is not None
        stored = store.list_turns(conversation.session_id)
        assert [(t.role, t.text) for t in stored][-1] == ("leader", line)

        assert "".join(conversation.retry_reply()) == faulty_openai.reply
        stored = store.list_turns(conversation.session_id)
        assert [t.role for t in stored] == ["employee", "leader", "employee"]

        sent = json.dumps(faulty_openai.requests[-1].body, ensure_ascii=False)
        assert "You are Mark" in sent and line in sent
        assert scenario.core_concern.text.nl not in sent
        # unlocked by listening on level 2, but queued behind the volunteered fact: not sent yet
        assert "father_care" in conversation.state.unlocked
        assert [event.fact_id for event in conversation.revealed] == ["missed_meetings"]
        assert scenario.fact("father_care").text.nl not in sent
        assert scenario.fact("missed_meetings").text.nl in sent
    finally:
        store.close()
