"""Where Oefengesprek keeps its per-user files (index, database), resolved from the environment."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "OEFENGESPREK_DATA_DIR"


class DataDirError(RuntimeError):
    """The data directory cannot be created or written to."""


def data_dir(create: bool = True) -> Path:
    """Return the data directory: $OEFENGESPREK_DATA_DIR, else the XDG per-user data directory.

    The repository is never used, so a clone stays clean and several checkouts share nothing.
    """
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        path = Path(configured).expanduser()
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "").strip()
        base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
        path = base / "oefengesprek"
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataDirError(
                f"Cannot create the data directory {path}: {exc.strerror or exc}. "
                f"Set {DATA_DIR_ENV} to a directory you can write to."
            ) from exc
        if not os.access(path, os.W_OK | os.X_OK):
            raise DataDirError(
                f"The data directory {path} is not writable. "
                f"Set {DATA_DIR_ENV} to a directory you can write to."
            )
    return path


# --- knowledge base settings (added by the knowledge-base helper) ---

CHROMA_HOST_ENV = "CHROMA_HOST"
CHROMA_PORT_ENV = "CHROMA_PORT"
DEFAULT_CHROMA_PORT = 8000
EMBEDDING_MODEL_ENV = "OEFENGESPREK_EMBEDDING_MODEL"


def chroma_server_env() -> tuple[str, str] | None:
    """(host, port text) of the chroma server to use, or None for the embedded store.

    The port is returned unparsed so the caller can report a bad value in its own words.
    """
    host = os.environ.get(CHROMA_HOST_ENV, "").strip()
    if not host:
        return None
    port = os.environ.get(CHROMA_PORT_ENV, "").strip() or str(DEFAULT_CHROMA_PORT)
    return host, port


def embedding_model_env() -> str | None:
    """The embedding model named in $OEFENGESPREK_EMBEDDING_MODEL, if any."""
    return os.environ.get(EMBEDDING_MODEL_ENV, "").strip() or None
