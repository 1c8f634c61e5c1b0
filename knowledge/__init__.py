"""Oefengesprek's knowledge base: the coaching article, chunked, indexed in chromadb, queryable.

    from knowledge import query, Passage, KnowledgeError, get_index
    passages = query("Hoe luister ik beter naar mijn medewerker?", k=3)

Importing this package is cheap: chromadb and the embedding model load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.errors import (
    ChromaUnavailableError,
    CorpusError,
    DataDirUnavailableError,
    EmbeddingModelError,
    IndexBuildError,
    InvalidQueryError,
    KnowledgeError,
)
from knowledge.types import Passage

if TYPE_CHECKING:
    from knowledge.index import KnowledgeIndex

__all__ = [
    "ChromaUnavailableError",
    "CorpusError",
    "DataDirUnavailableError",
    "EmbeddingModelError",
    "IndexBuildError",
    "InvalidQueryError",
    "KnowledgeError",
    "Passage",
    "get_index",
    "query",
]


def query(text: str, k: int = 3, language: str | None = None) -> list[Passage]:
    """The k passages of the article that best answer `text`, best first.

    Dutch and English questions both find the (Dutch) passages. `language` ("nl", "en" or
    None) is the question's language; it is validated, and passages stay Dutch.
    Raises InvalidQueryError (a KnowledgeError and ValueError) for an empty or non-text
    query, k < 1 or k > 50; other KnowledgeErrors when the index cannot be opened.
    """
    from knowledge.index import query as _query

    return _query(text, k=k, language=language)


def get_index() -> KnowledgeIndex:
    """The process-wide, thread-safe index (built on first use, then reused)."""
    from knowledge.index import get_index as _get_index

    return _get_index()
