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
