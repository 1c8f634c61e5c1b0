"""The knowledge package's exception types: each one carries a message a user can act on."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class of every error the knowledge base raises on purpose."""


class InvalidQueryError(KnowledgeError, ValueError):
    """The caller passed a query, k or language the knowledge base cannot accept."""


class CorpusError(KnowledgeError, ValueError):
    """The packaged corpus or its metadata is missing or malformed (names the file and field)."""


class DataDirUnavailableError(KnowledgeError):
    """The data directory holding the embedded index cannot be created or written to."""


class ChromaUnavailableError(KnowledgeError):
    """The configured chroma server (CHROMA_HOST/CHROMA_PORT) does not answer."""


class EmbeddingModelError(KnowledgeError, ValueError):
    """The requested embedding model is unknown or its package is not installed."""


class IndexBuildError(KnowledgeError):
    """Building or opening the chromadb index failed for a reason other than the above."""
