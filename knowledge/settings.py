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
