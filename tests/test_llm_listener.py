"""The optional llm listener against servers that differ in how they take structured output:
a fake that refuses a JSON-schema request, and llama-cpp-python's real OpenAI-compatible
server, which accepts only a JSON object (constrained by a schema given next to it)."""

from __future__ import annotations

import json

import pytest
from servers.llama_server import MODEL_ALIAS, LlamaServer

from roleplay.backends import config
from roleplay.listener import RuleListener
from roleplay.listening.llm import LLMListener, TurnLabels
from roleplay.listening.rules import LABELS

REFUSAL = (
    "Error code: 500 - 1 validation error: {'loc': ('body', 'response_format', 'type'),"
    " 'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)


class _Answer:
    def __init__(self, content: str) -> None:
        self.content = content


class _Refuses:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def invoke(self, messages: object) -> object:
        raise self.error


class _Bound:
    def __init__(self, model: _JsonObjectOnlyModel, response_format: dict) -> None:
        self.model, self.response_format = model, response_format

    def invoke(self, messages: object) -> _Answer:
        self.model.sent.append((self.response_format, messages))
        if self.model.refuse_schema_key and "schema" in self.response_format:
            raise RuntimeError("400 - unknown field 'schema' in response_format")
        return _Answer(json.dumps({"labels": self.model.answer}))


class _JsonObjectOnlyModel:
    """A chat model whose server refuses a JSON-schema request (or any error given)."""

    def __init__(
        self, answer: list[str], error: Exception | None = None, refuse_schema_key: bool = False
    ) -> None:
        self.answer = answer
        self.error = error or RuntimeError(REFUSAL)
        self.refuse_schema_key = refuse_schema_key
        self.sent: list[tuple[dict, object]] = []

    def with_structured_output(self, schema: object) -> _Refuses:
        return _Refuses(self.error)

    def bind(self, response_format: dict) -> _Bound:
        return _Bound(self, response_format)


def test_a_server_that_refuses_a_schema_request_is_asked_for_a_constrained_json_object() -> None:
    model = _JsonObjectOnlyModel(["summarize", "backing"])
    listener = LLMListener(fallback=RuleListener(), chat_model=model)
    assert listener.label("So the deadline feels impossible.", "Too much work.", "en") == [
        "summarize",
        "backing",
    ]
    assert listener.method == "json_object_with_schema"
    response_format, messages = model.sent[-1]
    assert response_format == {"type": "json_object", "schema": TurnLabels.model_json_schema()}
    assert '{"labels": [...]}' in str(messages)  # the shape is spelled out for JSON modes
    # remembered: the next turn goes straight to the JSON object request
    listener.label("What worries you most?", "", "en")
    assert len(model.sent) == 2 and (listener.answered, listener.fell_back) == (2, 0)


def test_a_server_that_refuses_the_schema_key_too_gets_a_plain_json_object() -> None:
    model = _JsonObjectOnlyModel(["open_question"], refuse_schema_key=True)
    listener = LLMListener(fallback=RuleListener(), chat_model=model)
    assert listener.label("What worries you most?", "", "en") == ["open_question"]
    assert listener.method == "json_object"
    assert model.sent[-1][0] == {"type": "json_object"}


def test_a_failure_that_is_not_about_the_format_keeps_the_method_and_uses_the_rules() -> None:
    model = _JsonObjectOnlyModel(["backing"], error=RuntimeError("429 quota exceeded"))
    listener = LLMListener(fallback=RuleListener(), chat_model=model)
    assert listener.label("Wat verwacht jij van mij?", "", "nl") == ["ask_expectation"]
    assert listener.method == "json_schema" and not model.sent
    assert (listener.answered, listener.fell_back) == (0, 1)


def test_an_answer_outside_the_vocabulary_falls_back_to_the_rules() -> None:
    model = _JsonObjectOnlyModel(["listening_well"])
    listener = LLMListener(fallback=RuleListener(), chat_model=model)
    assert listener.label("Wat verwacht jij van mij?", "", "nl") == ["ask_expectation"]
    assert listener.fell_back == 1


# the llama_openai_server fixture skips, saying why, when llama-cpp-python or the model is
# missing
@pytest.mark.slow
def test_the_llm_listener_labels_through_a_real_llama_cpp_server(
    llama_openai_server: LlamaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.OPENAI_BASE_URL_ENV, llama_openai_server.base_url)
    monkeypatch.setenv(config.MODEL_ENV, MODEL_ALIAS)
    monkeypatch.delenv(config.OPENAI_KEY_ENV, raising=False)
    listener = LLMListener(fallback=RuleListener())
    labels = listener.label("So the deadline feels impossible to you.", "Too much work.", "en")
    # the tiny model's labels are poor, but they are its own and inside the vocabulary
    assert (listener.answered, listener.fell_back) == (1, 0)
    assert listener.method == "json_object_with_schema"
    assert labels and set(labels) <= set(LABELS)


def test_two_turns_refused_at_once_skip_no_request_format() -> None:
    listener = LLMListener(fallback=RuleListener(), chat_model=_JsonObjectOnlyModel(["other"]))
    assert listener._use_next_method(refused=0)  # the first turn moves on...
    assert listener._use_next_method(refused=0)  # ...a second, refused at the same time, retries
    assert listener.method == "json_object_with_schema"
