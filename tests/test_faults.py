"""Fault injection: the `openai` backend against a real loopback server that misbehaves.

Each test plans the server's next answers (hang, 429, 500, malformed JSON, a cut stream),
then checks that the backend retries where that helps, fails with a specific message where
it does not, never takes longer than its budget, and that the conversation can go on.
Timeouts are 1 s and backoff a few milliseconds, so the whole file stays quick.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from typing import Any

import openai
import pytest
from servers.faulty_openai import Fault, FaultyOpenAIServer
from servers.llama_server import free_port

from roleplay.backends import config
from roleplay.backends.base import BackendError, Message, PersonaPrompt
from roleplay.backends.openai_backend import OpenAIBackend, RetryPolicy, _retry_after_seconds

FAST_RETRIES = RetryPolicy(backoff_base_s=0.02, backoff_cap_s=0.2, retry_after_cap_s=5.0)
PROMPT = PersonaPrompt(
    system="Je bent Sanne, een medewerker die zich niet gehoord voelt.",
    messages=[Message(role="user", content="Ik merk dat je stil bent in overleggen.")],
    max_tokens=60,
    temperature=0.3,
)

BackendMaker = Callable[..., OpenAIBackend]


@pytest.fixture
def make_backend(faulty_openai: FaultyOpenAIServer) -> BackendMaker:
    def make(**overrides: Any) -> OpenAIBackend:
        settings: dict[str, Any] = {
            "base_url": faulty_openai.base_url,
            "model": "faulty-model",
            "timeout_s": 1.0,
            "total_timeout_s": 10.0,
            "max_retries": 2,
        }
        settings.update(overrides)
        policy = settings.pop("retry_policy", FAST_RETRIES)
        assert isinstance(policy, RetryPolicy)
        return OpenAIBackend(retry_policy=policy, **settings)

    return make


def reply(backend: OpenAIBackend) -> str:
    return "".join(backend.execute(PROMPT))


def failure(backend: OpenAIBackend) -> tuple[BackendError, list[str], float]:
    """The error of one reply, the pieces that arrived before it, and how long it took."""
    received: list[str] = []
    started = time.monotonic()
    with pytest.raises(BackendError) as caught:
        received.extend(backend.execute(PROMPT))
    return caught.value, received, time.monotonic() - started


def test_a_healthy_server_gets_the_whole_prompt(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    assert reply(make_backend()) == faulty_openai.reply
    (request,) = faulty_openai.requests
    body = request.body
    assert body["stream"] is True
    assert body["model"] == "faulty-model"
    assert body["max_tokens"] == 60 and body["temperature"] == 0.3
    assert body["messages"] == [
        {"role": "system", "content": PROMPT.system},
        {"role": "user", "content": PROMPT.messages[0].content},
    ]
    assert request.headers["authorization"] == f"Bearer {config.PLACEHOLDER_KEY}"


def test_rate_limit_waits_as_long_as_retry_after_says(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan(Fault("rate_limit", retry_after="1"))
    assert reply(make_backend()) == faulty_openai.reply
    first, second = faulty_openai.requests
    assert second.received_at - first.received_at >= 0.95


def test_rate_limit_asking_for_too_long_a_wait_fails_at_once(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan(Fault("rate_limit", retry_after="120"))
    error, _, took = failure(make_backend())
    assert "rate-limiting requests (HTTP 429)" in error.user_message
    assert "Try again in 120 s" in error.user_message
    assert error.retryable
    assert took < 1 and len(faulty_openai.requests) == 1


def test_server_errors_are_retried_with_growing_backoff(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan("server_error", "server_error")
    backend = make_backend(retry_policy=RetryPolicy(backoff_base_s=0.1, backoff_cap_s=1.0))
    assert reply(backend) == faulty_openai.reply
    times = [request.received_at for request in faulty_openai.requests]
    assert len(times) == 3
    first_gap, second_gap = times[1] - times[0], times[2] - times[1]
    assert first_gap >= 0.075 and second_gap >= 0.15 and second_gap > first_gap


def test_persistent_server_errors_give_up_after_the_retries_then_recover(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan("server_error", "server_error", "server_error")
    backend = make_backend()
    error, _, _ = failure(backend)
    assert "server error (HTTP 500)" in error.user_message and error.retryable
    assert len(faulty_openai.requests) == 3
    assert reply(backend) == faulty_openai.reply  # the conversation goes on


def test_a_silent_server_times_out_and_the_retry_succeeds(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan("hang")
    started = time.monotonic()
    assert reply(make_backend()) == faulty_openai.reply
    assert 0.9 <= time.monotonic() - started < 3
    assert len(faulty_openai.requests) == 2


def test_silence_after_the_headers_is_a_timeout_before_the_first_token(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan("hang_after_headers")
    assert reply(make_backend()) == faulty_openai.reply
    assert len(faulty_openai.requests) == 2


def test_a_timeout_without_retries_says_how_long_it_waited(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan("hang")
    error, _, took = failure(make_backend(max_retries=0))
    assert "did not answer within 1 s (timed out)" in error.user_message
    assert config.TIMEOUT_ENV in error.user_message
    assert took < 2.5


def test_the_total_time_is_bounded_whatever_the_retries(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan(*[Fault("hang")] * 6)
    error, _, took = failure(make_backend(max_retries=10, total_timeout_s=3.5))
    assert "timed out" in error.user_message
    # three 1 s attempts fit in 3.5 s; a fourth would not, so it is not started
    assert len(faulty_openai.requests) == 3
    assert took < 4.0


def test_an_attempt_never_outlives_the_budget(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan("hang")
    error, _, took = failure(make_backend(timeout_s=3.0, total_timeout_s=1.5, max_retries=0))
    assert "did not answer within 1.5 s" in error.user_message
    assert took < 2.2


def test_malformed_json_is_reported_not_retried(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    faulty_openai.plan("malformed")
    backend = make_backend()
    error, received, _ = failure(backend)
    assert "malformed response" in error.user_message
    assert received == [] and len(faulty_openai.requests) == 1
    assert reply(backend) == faulty_openai.reply


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("interrupt", "connection to the model was lost"),
        ("truncate", "closed early"),
        ("hang_mid_stream", "fell silent for 1 s"),
    ],
)
def test_a_reply_that_breaks_off_is_an_error_and_never_retried(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker, kind: str, expected: str
) -> None:
    faulty_openai.plan(Fault(kind, pieces=2))  # type: ignore[arg-type]
    backend = make_backend()
    error, received, took = failure(backend)
    assert "broke off" in error.user_message and expected in error.user_message
    assert received == ["Ik", " voel"]  # the engine discards these and lets the user retry
    assert len(faulty_openai.requests) == 1
    assert took < 2.5
    assert reply(backend) == faulty_openai.reply


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("auth", "Authentication failed at http://127.0.0.1"),
        ("auth", "check OPENAI_API_KEY"),
        ("not_found", "Model not found: 'faulty-model'"),
        ("not_found", "Check OEFENGESPREK_MODEL"),
        ("quota", "run out of quota"),
    ],
)
def test_errors_a_retry_cannot_fix_fail_at_once_with_what_to_check(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker, kind: str, expected: str
) -> None:
    faulty_openai.plan(kind)  # type: ignore[arg-type]
    error, _, _ = failure(make_backend())
    assert expected in error.user_message
    assert not error.retryable
    assert len(faulty_openai.requests) == 1


def test_nothing_listening_is_a_connection_error(make_backend: BackendMaker) -> None:
    backend = make_backend(base_url=f"http://127.0.0.1:{free_port()}/v1", max_retries=1)
    error, _, took = failure(backend)
    assert "Could not reach the model at http://127.0.0.1" in error.user_message
    assert config.OPENAI_BASE_URL_ENV in error.user_message
    assert took < 2


def test_the_server_also_speaks_the_non_streaming_protocol(
    faulty_openai: FaultyOpenAIServer,
) -> None:
    client = openai.OpenAI(base_url=faulty_openai.base_url, api_key="x", max_retries=0)
    completion = client.chat.completions.create(
        model="faulty-model", messages=[{"role": "user", "content": "Hoi"}]
    )
    assert completion.choices[0].message.content == faulty_openai.reply
    faulty_openai.plan("malformed")
    with pytest.raises((openai.APIError, ValueError)):
        client.chat.completions.create(
            model="faulty-model", messages=[{"role": "user", "content": "Hoi"}]
        )


def test_stopping_a_reply_early_leaves_the_backend_usable(
    faulty_openai: FaultyOpenAIServer, make_backend: BackendMaker
) -> None:
    backend = make_backend()
    pieces = backend.execute(PROMPT)
    assert next(pieces) == "Ik"
    pieces.close()  # type: ignore[attr-defined]
    assert reply(backend) == faulty_openai.reply


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "2"}, 2.0),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_is_read_in_every_form(headers: dict[str, str], expected: float | None) -> None:
    assert _retry_after_seconds(headers) == expected


def test_retry_after_as_a_date() -> None:
    in_three_seconds = email.utils.formatdate(time.time() + 3, usegmt=True)
    seconds = _retry_after_seconds({"retry-after": in_three_seconds})
    assert seconds is not None and 1.5 <= seconds <= 3.5
