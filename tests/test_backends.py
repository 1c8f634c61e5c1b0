"""Backend registry, configuration, the recording fake, fallback, and the real model backends.

The `openai` backend is tested against llama-cpp-python's real OpenAI-compatible server and
the `local` backend on the same GGUF file; fault behaviour lives in test_faults.py.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.faulty_openai import FaultyOpenAIServer
from servers.llama_server import MODEL_ALIAS, LlamaServer

from roleplay.backends import config, registry
from roleplay.backends.base import (
    Backend,
    BackendConfigError,
    BackendError,
    Message,
    PersonaPrompt,
)
from roleplay.backends.fallback import FallbackBackend, ReplyStream
from roleplay.backends.openai_backend import ModelRequestsBlocked, OpenAIBackend, RetryPolicy
from roleplay.backends.testing import Failure, RecordingBackend, split_into_pieces

BACKEND_VARIABLES = (
    config.BACKEND_ENV,
    config.FALLBACK_ENV,
    config.OPENAI_KEY_ENV,
    config.OPENAI_BASE_URL_ENV,
    config.MODEL_ENV,
    config.TIMEOUT_ENV,
    config.TOTAL_TIMEOUT_ENV,
    config.MAX_RETRIES_ENV,
    config.LOCAL_MODEL_ENV,
    config.LOCAL_THREADS_ENV,
    "OPENAI_API_BASE",
)

needs_llama = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None,
    reason="llama-cpp-python is not installed (pip install -e '.[local]')",
)


@pytest.fixture(autouse=True)
def clean_backend_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the developer's shell says, each test starts from the defaults."""
    for variable in BACKEND_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def prompt(text: str = "Hoe gaat het met het project?", **fields: object) -> PersonaPrompt:
    return PersonaPrompt(
        system="Je bent Sanne, een medewerker die zich niet gehoord voelt. Antwoord kort.",
        messages=[Message(role="user", content=text)],
        **fields,  # type: ignore[arg-type]
    )


class PrimaryFake(RecordingBackend):
    name = "primary"


class SpareFake(RecordingBackend):
    name = "spare"


@pytest.fixture
def registered_fakes() -> Iterator[None]:
    registry.register_backend("primary", PrimaryFake)
    registry.register_backend("spare", SpareFake)
    yield
    registry.unregister_backend("primary")
    registry.unregister_backend("spare")


# -- registry --------------------------------------------------------------------------------


def test_built_in_backends_are_found_through_entry_points() -> None:
    assert {"scripted", "openai", "local"} <= set(registry.backend_names())


def test_without_configuration_the_scripted_backend_is_chosen() -> None:
    assert registry.selected_backend_name() == "scripted"


def test_the_default_backend_works_without_any_key() -> None:
    pytest.importorskip("roleplay.backends.scripted", reason="the scripted backend is not there")
    backend = registry.get_backend()
    assert backend.name == "scripted"
    assert backend.sends_text_to() is None


def test_the_environment_chooses_the_backend(
    monkeypatch: pytest.MonkeyPatch, registered_fakes: None
) -> None:
    monkeypatch.setenv(config.BACKEND_ENV, "spare")
    assert isinstance(registry.get_backend(), SpareFake)
    assert isinstance(registry.get_backend("primary"), PrimaryFake)


def test_an_unknown_backend_lists_the_valid_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.BACKEND_ENV, "gpt5-turbo")
    with pytest.raises(BackendConfigError) as caught:
        registry.get_backend()
    message = caught.value.user_message
    assert "'gpt5-turbo'" in message
    assert config.BACKEND_ENV in message
    for name in ("scripted", "openai", "local"):
        assert name in message


def test_registering_twice_is_refused_unless_replacing(registered_fakes: None) -> None:
    with pytest.raises(ValueError, match="already registered"):
        registry.register_backend("primary", SpareFake)
    registry.register_backend("primary", SpareFake, replace=True)
    assert isinstance(registry.get_backend("primary"), SpareFake)


def test_a_factory_that_returns_no_backend_is_a_config_error() -> None:
    registry.register_backend("broken", lambda: "not a backend")  # type: ignore[arg-type,return-value]
    try:
        with pytest.raises(BackendConfigError, match="not a Backend"):
            registry.get_backend("broken")
    finally:
        registry.unregister_backend("broken")


def test_a_plugin_that_fails_to_import_is_listed_as_unavailable() -> None:
    class BrokenEntryPoint:
        name = "brokenplugin"

        def load(self) -> object:
            raise ImportError("No module named 'oefengesprek_broken'")

    registry._discover()["brokenplugin"] = registry._Registration(
        "brokenplugin", entry_point=BrokenEntryPoint()
    )
    try:
        info = {item.name: item for item in registry.available_backends()}["brokenplugin"]
        assert not info.available
        assert info.reason is not None and "could not be loaded" in info.reason
        with pytest.raises(BackendConfigError, match="could not be loaded"):
            registry.get_backend("brokenplugin")
    finally:
        registry.unregister_backend("brokenplugin")


def test_available_backends_say_exactly_what_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(config.LOCAL_MODEL_ENV, str(tmp_path / "missing.gguf"))
    infos = {info.name: info for info in registry.available_backends()}
    assert not infos["openai"].available
    assert infos["openai"].reason is not None and "set OPENAI_API_KEY" in infos["openai"].reason
    assert infos["openai"].needs_network
    assert not infos["local"].available
    assert infos["local"].reason is not None
    if importlib.util.find_spec("llama_cpp") is None:
        assert "pip install -e '.[local]'" in infos["local"].reason
    else:
        assert f"set {config.LOCAL_MODEL_ENV} to a .gguf file" in infos["local"].reason


def test_openai_without_a_key_tells_which_variable_to_set() -> None:
    with pytest.raises(BackendConfigError, match="set OPENAI_API_KEY"):
        registry.get_backend("openai")


def test_the_description_of_an_unusable_backend_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.BACKEND_ENV, "openai")
    text = registry.active_backend_description()
    assert text.startswith("openai: not usable")
    assert "set OPENAI_API_KEY" in text
    assert f"{config.BACKEND_ENV}=" in text


def test_a_loopback_server_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.OPENAI_BASE_URL_ENV, "http://127.0.0.1:8080/v1")
    backend = registry.get_backend("openai")
    assert isinstance(backend, OpenAIBackend)
    assert backend.settings.uses_placeholder_key
    assert "no OPENAI_API_KEY needed" in backend.describe()
    description = registry.active_backend_description(backend)
    assert "nothing leaves this machine" in description


def test_a_real_endpoint_is_refused_in_tests_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.OPENAI_KEY_ENV, "sk-test")
    with pytest.raises(ModelRequestsBlocked, match="allow_model_requests"):
        OpenAIBackend()


@pytest.mark.allow_model_requests
def test_the_description_says_where_transcripts_go(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.OPENAI_KEY_ENV, "sk-test")
    monkeypatch.setenv(config.BACKEND_ENV, "openai")
    text = registry.active_backend_description()
    assert text.startswith("openai: gpt-4o-mini at https://api.openai.com/v1")
    assert "the conversation is sent to https://api.openai.com/v1" in text
    assert "OEFENGESPREK_BACKEND=local|openai|scripted" in text


def test_the_model_and_timeouts_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, allow_model_requests: None
) -> None:
    monkeypatch.setenv(config.OPENAI_KEY_ENV, "sk-test")
    monkeypatch.setenv(config.MODEL_ENV, "gpt-4.1-mini")
    monkeypatch.setenv(config.TIMEOUT_ENV, "12.5")
    monkeypatch.setenv(config.MAX_RETRIES_ENV, "4")
    settings = OpenAIBackend().settings
    assert (settings.model, settings.timeout_s, settings.max_retries) == ("gpt-4.1-mini", 12.5, 4)
    assert settings.total_timeout_s == config.DEFAULT_TOTAL_TIMEOUT_S


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        (config.TIMEOUT_ENV, "soon", "must be a number of seconds"),
        (config.TIMEOUT_ENV, "-3", "must be a number above 0"),
        (config.MAX_RETRIES_ENV, "many", "must be a whole number"),
        (config.OPENAI_BASE_URL_ENV, "localhost:8080", "must be an http(s) address"),
    ],
)
def test_bad_settings_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(config.OPENAI_KEY_ENV, "sk-test")
    monkeypatch.setenv(variable, value)
    with pytest.raises(BackendConfigError) as caught:
        registry.get_backend("openai")
    assert variable in caught.value.user_message
    assert expected in caught.value.user_message
    assert not caught.value.retryable


def test_the_local_model_path_is_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(config.LOCAL_MODEL_ENV, str(tmp_path / "nope.gguf"))
    with pytest.raises(BackendConfigError, match="is not a file"):
        config.LocalSettings.from_env()
    not_a_model = tmp_path / "model.bin"
    not_a_model.write_bytes(b"\0" * 16)
    monkeypatch.setenv(config.LOCAL_MODEL_ENV, str(not_a_model))
    with pytest.raises(BackendConfigError, match=r"must be a \.gguf model file"):
        config.LocalSettings.from_env()


def test_the_bundled_demo_model_is_the_local_default(smollm2_gguf: Path) -> None:
    settings = config.LocalSettings.from_env()
    assert settings.model_path == smollm2_gguf
    assert settings.is_demo_model
    assert settings.threads == config.DEMO_MODEL_THREADS


def test_the_thread_count_can_be_set(monkeypatch: pytest.MonkeyPatch, smollm2_gguf: Path) -> None:
    monkeypatch.setenv(config.LOCAL_THREADS_ENV, "3")
    assert config.LocalSettings.from_env().threads == 3
    monkeypatch.setenv(config.LOCAL_THREADS_ENV, "0")
    with pytest.raises(BackendConfigError, match="OEFENGESPREK_LOCAL_THREADS must be at least 1"):
        config.LocalSettings.from_env()


def test_a_fallback_can_be_configured(
    monkeypatch: pytest.MonkeyPatch, registered_fakes: None
) -> None:
    monkeypatch.setenv(config.BACKEND_ENV, "primary")
    monkeypatch.setenv(config.FALLBACK_ENV, "spare")
    backend = registry.get_backend()
    assert isinstance(backend, FallbackBackend)
    assert isinstance(backend.primary, PrimaryFake)
    assert isinstance(backend.fallback, SpareFake)


# -- the recording fake ----------------------------------------------------------------------


def test_the_recording_backend_records_what_the_model_was_sent(
    recording_backend: RecordingBackend,
) -> None:
    recording_backend.reply_with("Ik weet het niet.")
    sent = prompt("Wat speelt er?", max_tokens=50)
    assert "".join(recording_backend.execute(sent)) == "Ik weet het niet."
    sent.messages.append(Message(role="assistant", content="later change"))
    assert recording_backend.last_prompt.messages == [
        Message(role="user", content="Wat speelt er?")
    ]
    assert recording_backend.last_prompt.max_tokens == 50
    assert "Sanne" in recording_backend.sent_text()
    assert recording_backend.calls == 1


def test_the_recording_backend_fails_on_cue(recording_backend: RecordingBackend) -> None:
    recording_backend.fail_next("down")
    recording_backend.fail_next("half-way", after_pieces=2)
    with pytest.raises(BackendError, match="down"):
        list(recording_backend.execute(prompt()))
    received: list[str] = []
    with pytest.raises(BackendError, match="half-way"):
        received.extend(recording_backend.execute(prompt()))
    assert len(received) == 2
    assert "".join(recording_backend.execute(prompt()))  # then it answers again
    assert recording_backend.calls == 3


def test_the_recording_backend_can_answer_from_the_prompt() -> None:
    echo = RecordingBackend(default_reply=lambda sent: sent.messages[-1].content.upper())
    assert "".join(echo.execute(prompt("hallo daar"))) == "HALLO DAAR"


def test_pieces_keep_their_spacing() -> None:
    assert split_into_pieces("Nee,  dat klopt\nniet.") == ["Nee,", "  dat", " klopt", "\nniet."]


# -- fallback --------------------------------------------------------------------------------


def test_the_fallback_answers_when_the_primary_fails_before_its_first_piece() -> None:
    primary, spare = PrimaryFake([BackendError("rate-limited")]), SpareFake(["Reserve."])
    backend = FallbackBackend(primary, spare)
    reply = backend.execute(prompt())
    assert isinstance(reply, ReplyStream)
    assert "".join(reply) == "Reserve."
    assert reply.fell_back and reply.answered_by == "spare"
    assert reply.fallback_reason == "rate-limited"
    assert backend.last_reply is reply
    assert primary.calls == spare.calls == 1
    assert spare.last_prompt == primary.last_prompt


def test_the_primary_answers_when_it_can() -> None:
    spare = SpareFake()
    reply = FallbackBackend(PrimaryFake(["Prima."]), spare).execute(prompt())
    assert "".join(reply) == "Prima."
    assert not reply.fell_back and reply.answered_by == "primary"
    assert spare.calls == 0


def test_no_fallback_once_the_primary_has_spoken() -> None:
    failure = Failure(BackendError("connection lost"), after_pieces=2)
    spare = SpareFake()
    reply = FallbackBackend(PrimaryFake([failure]), spare).execute(prompt())
    received: list[str] = []
    with pytest.raises(BackendError, match="connection lost"):
        received.extend(reply)
    assert len(received) == 2
    assert spare.calls == 0


def test_no_fallback_on_a_configuration_error() -> None:
    spare = SpareFake()
    backend = FallbackBackend(PrimaryFake([BackendConfigError("set OPENAI_API_KEY")]), spare)
    with pytest.raises(BackendConfigError, match="OPENAI_API_KEY"):
        list(backend.execute(prompt()))
    assert spare.calls == 0


def test_when_both_fail_the_error_names_both() -> None:
    backend = FallbackBackend(
        PrimaryFake([BackendError("server error")]), SpareFake([BackendError("no model")])
    )
    with pytest.raises(BackendError) as caught:
        list(backend.execute(prompt()))
    assert "server error" in caught.value.user_message
    assert "fallback (spare) failed too: no model" in caught.value.user_message


def test_a_real_server_failure_falls_back(faulty_openai: FaultyOpenAIServer) -> None:
    faulty_openai.plan("server_error", "server_error")
    primary = OpenAIBackend(
        base_url=faulty_openai.base_url,
        timeout_s=1.0,
        max_retries=1,
        retry_policy=RetryPolicy(backoff_base_s=0.01),
    )
    reply = FallbackBackend(primary, SpareFake(["Reserve."])).execute(prompt())
    assert "".join(reply) == "Reserve."
    assert reply.fallback_reason is not None and "HTTP 500" in reply.fallback_reason
    assert len(faulty_openai.requests) == 2


# -- real model backends ---------------------------------------------------------------------


def collect(backend: Backend, sent: PersonaPrompt) -> list[str]:
    pieces = list(backend.execute(sent))
    assert all(isinstance(piece, str) and piece for piece in pieces)
    return pieces


@pytest.mark.slow
@needs_llama
def test_openai_backend_streams_from_a_real_llama_cpp_server(
    llama_openai_server: LlamaServer,
) -> None:
    backend = OpenAIBackend(base_url=llama_openai_server.base_url, model=MODEL_ALIAS)
    pieces = collect(backend, prompt("How is the project going?", language="en", max_tokens=24))
    assert len(pieces) > 1  # streamed, not delivered in one piece
    assert "".join(pieces).strip()
    # max_tokens reached the server (llama.cpp ignores max_completion_tokens)
    assert len(pieces) <= 24


@pytest.mark.slow
@needs_llama
def test_local_backend_runs_the_gguf_model_in_process(smollm2_gguf: Path) -> None:
    from roleplay.backends.local import LocalBackend

    backend = LocalBackend(config.LocalSettings(model_path=smollm2_gguf, threads=1))
    pieces = collect(backend, prompt("How is the project going?", language="en", max_tokens=24))
    assert "".join(pieces).strip() and len(pieces) <= 24
    assert backend.sends_text_to() is None
    assert "demo model" in backend.describe()
    # the model is loaded once per process and shared
    assert (
        LocalBackend(config.LocalSettings(model_path=smollm2_gguf, threads=1))._model
        is backend._model
    )


@pytest.mark.slow
@needs_llama
def test_local_backend_keeps_a_long_conversation_inside_its_context(smollm2_gguf: Path) -> None:
    from roleplay.backends.local import LocalBackend

    small_context = config.LocalSettings(model_path=smollm2_gguf, threads=1, context_tokens=256)
    backend = LocalBackend(small_context)
    history = [
        Message(role="user" if turn % 2 == 0 else "assistant", content="lang verhaal " * 20)
        for turn in range(20)
    ]
    long_prompt = PersonaPrompt(
        system="Je bent Sanne.",
        messages=[*history, Message(role="user", content="En nu?")],
        max_tokens=8,
    )
    assert collect(backend, long_prompt)


@needs_llama
def test_a_file_that_is_no_model_is_a_config_error(tmp_path: Path) -> None:
    from roleplay.backends.local import LocalBackend

    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"this is not a gguf file")
    with pytest.raises(BackendConfigError, match=config.LOCAL_MODEL_ENV):
        LocalBackend(config.LocalSettings(model_path=fake))


@pytest.mark.slow
@needs_llama
def test_local_backend_serves_two_conversations_at_once(smollm2_gguf: Path) -> None:
    import threading

    from roleplay.backends.local import LocalBackend

    backend = LocalBackend(config.LocalSettings(model_path=smollm2_gguf, threads=1))
    replies: list[str] = []
    errors: list[BaseException] = []

    def converse() -> None:
        try:
            replies.append("".join(backend.execute(prompt("Hoi", max_tokens=8))))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=converse) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert not errors and len(replies) == 2 and all(replies)


@needs_llama
def test_stopping_a_local_reply_early_frees_the_model(smollm2_gguf: Path) -> None:
    from roleplay.backends.local import LocalBackend

    backend = LocalBackend(config.LocalSettings(model_path=smollm2_gguf, threads=1))
    pieces = iter(backend.execute(prompt("Hoi", max_tokens=16)))
    assert next(pieces)
    pieces.close()  # type: ignore[attr-defined]
    assert not backend._model.lock.locked()
    assert collect(backend, prompt("Hoi", max_tokens=4))
