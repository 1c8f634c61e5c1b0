"""Which database to use, how to connect to it, and what its failures mean to a user.

SQLite (the default, `data_dir()/oefengesprek.db`) runs in WAL mode with foreign keys
on and a busy timeout; write transactions start with BEGIN IMMEDIATE so concurrent
Streamlit threads queue for the write lock instead of failing on a lock upgrade.
`DATABASE_URL` selects PostgreSQL through psycopg 3.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from knowledge.settings import data_dir
from roleplay.storage.errors import StorageError

DATABASE_URL_ENV = "DATABASE_URL"
DATABASE_FILE_NAME = "oefengesprek.db"
DEFAULT_BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "oefengesprek_write"


def database_url(url: str | None = None) -> str:
    """The URL to open: the argument, else $DATABASE_URL, else the SQLite file in the data dir."""
    chosen = (url or os.environ.get(DATABASE_URL_ENV, "")).strip()
    if not chosen:
        return f"sqlite:///{data_dir() / DATABASE_FILE_NAME}"
    # hosting platforms hand out postgres:// URLs; we only ship the psycopg 3 driver
    for prefix in ("postgres://", "postgresql://"):
        if chosen.startswith(prefix):
            return "postgresql+psycopg://" + chosen[len(prefix) :]
    return chosen


def describe(url: URL) -> str:
    """The database as a user recognises it, without the password."""
    if url.get_backend_name() == "sqlite":
        return f"the database file {url.database}" if url.database else "the in-memory database"
    return f"the database {url.database!r} on {url.host or 'localhost'}:{url.port or 5432}"


def _sqlite_file(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def create_database_engine(url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"{DATABASE_URL_ENV} is not a valid database URL ({exc}). Use for example "
            "postgresql+psycopg://user:password@host/dbname, or unset it to use SQLite.",
            code="database_url_invalid",
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed, busy_timeout_ms)
    if backend == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except ModuleNotFoundError:
            raise StorageError(
                "PostgreSQL needs the psycopg package: install it with "
                "`.venv/bin/pip install 'oefengesprek[postgres]'`.",
                code="database_driver_missing",
            ) from None
    raise StorageError(
        f"Unsupported database {backend!r} in {DATABASE_URL_ENV}: use SQLite or PostgreSQL.",
        code="database_url_invalid",
    )


def _sqlite_engine(url: URL, busy_timeout_ms: int) -> Engine:
    path = _sqlite_file(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Cannot create the folder for the database file {path}: {exc.strerror or exc}. "
                "Set OEFENGESPREK_DATA_DIR to a folder you can write to.",
                code="database_unwritable",
            ) from None
    extra: dict[str, Any] = {}
    if path is None:
        # one shared connection, or every thread would see its own empty in-memory database
        extra["poolclass"] = StaticPool
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        **extra,
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # autocommit at the driver level: SQLAlchemy's "begin" hook below issues BEGIN itself,
        # which makes DDL transactional and lets writers take the lock up front
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if path is not None:
                _switch_to_wal(cursor, busy_timeout_ms)
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _switch_to_wal(cursor: sqlite3.Cursor, busy_timeout_ms: int) -> None:
    """Put the file in WAL mode (it stays so); retried because SQLite reports a busy database
    here at once, without waiting, when several connections open a new file together."""
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def write_engine(engine: Engine) -> Engine:
    """The same engine, but its transactions take SQLite's write lock at BEGIN."""
    return engine.execution_options(**{_WRITE_OPTION: True})


def translate_error(url: URL, error: SQLAlchemyError) -> StorageError:
    """Turn a driver failure into a StorageError that names the database and what to do."""
    where = describe(url)
    capital = where[:1].upper() + where[1:]  # not capitalize(): it lowercases the path
    original = getattr(error, "orig", None)
    detail = str(original or error).strip().splitlines()[0] if str(original or error) else ""
    lowered = detail.lower()
    if url.get_backend_name() == "sqlite":
        if "locked" in lowered or "busy" in lowered:
            return StorageError(
                f"{capital} is locked by another program and stayed locked ({detail}). "
                "Close other programs that use it (a second app instance, a database browser) "
                "and try again.",
                code="database_locked",
            )
        if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
            return StorageError(
                f"{capital} is damaged or is not an Oefengesprek database ({detail}). "
                "Restore it from a backup, or move it aside to start with an empty database "
                "(set OEFENGESPREK_DATA_DIR to use another folder).",
                code="database_corrupt",
            )
        if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
            return StorageError(
                f"Cannot write {where} ({detail}). Check the file's permissions, or set "
                "OEFENGESPREK_DATA_DIR to a folder you can write to.",
                code="database_unwritable",
            )
    elif isinstance(error, OperationalError) or (
        isinstance(error, DBAPIError) and error.connection_invalidated
    ):
        return StorageError(
            f"Cannot use {where} ({detail}). Check that the server runs and that "
            f"{DATABASE_URL_ENV} has the right host, port, user, password and database name.",
            code="database_unreachable",
        )
    return StorageError(f"The database failed on {where}: {detail}", code="database_failed")


@contextmanager
def translated_errors(url: URL) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as error:
        # integrity and programming errors are ours to handle, not the user's
        if (
            isinstance(error, DBAPIError)
            and not isinstance(error, OperationalError)
            and not _is_sqlite_damage(error)
        ):
            raise
        raise translate_error(url, error) from None


def _is_sqlite_damage(error: DBAPIError) -> bool:
    text = str(error.orig or "").lower()
    return "not a database" in text or "malformed" in text
