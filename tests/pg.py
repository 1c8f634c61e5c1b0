"""A throwaway PostgreSQL server for the tests: initdb into a temp dir, listen on loopback.

PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs
to the `postgres` system user and every server command runs through `runuser`.
Missing binaries skip the PostgreSQL tests locally but fail them when $CI is set:
CI must really test PostgreSQL.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from servers.ports import free_port

_database_numbers = itertools.count(1)


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian layout, then $PATH)."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/postgres"),
        key=lambda path: (
            int(Path(path).parent.parent.name) if Path(path).parent.parent.name.isdigit() else 0
        ),
    )
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


class PostgresServer:
    """A running cluster; `new_database()` gives each test an empty database."""

    def __init__(self, bin_dir: Path, root: Path, port: int, as_postgres_user: bool) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.port = port
        self.as_postgres_user = as_postgres_user

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def command(self, name: str, *args: str) -> list[str]:
        argv = [str(self.bin_dir / name), *args]
        return ["runuser", "-u", "postgres", "--", *argv] if self.as_postgres_user else argv

    def run(self, name: str, *args: str) -> None:
        result = subprocess.run(
            self.command(name, *args), capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{name} failed ({result.returncode}): {result.stderr or result.stdout}\n{tail}"
            )

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        name = f"oefengesprek_test_{os.getpid()}_{next(_database_numbers)}"
        self._admin_sql(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self._admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin_sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement.encode())

    def stop(self) -> None:
        subprocess.run(
            self.command("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"),
            capture_output=True,
            timeout=60,
            check=False,
        )


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """Start a private cluster (fsync off: a test database need not survive a crash)."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        reason = (
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres); "
            "install it with `apt-get install postgresql` or run scripts/install.sh --dev"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must test PostgreSQL: {reason}", pytrace=False)
        pytest.skip(reason)
    as_postgres_user = os.geteuid() == 0
    # not under pytest's tmp dir: that is private to root, and the server runs as `postgres`
    root = Path(tempfile.mkdtemp(prefix="oefengesprek-pg-"))
    if as_postgres_user:
        shutil.chown(root, user="postgres", group="postgres")
    server = PostgresServer(bin_dir, root, free_port(), as_postgres_user)
    started = False
    try:
        server.run(
            "initdb",
            "-D",
            str(server.data_dir),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        server.run(
            "pg_ctl",
            "-D",
            str(server.data_dir),
            "-o",
            options,
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        started = True
        yield server
    finally:
        if started:
            server.stop()
        shutil.rmtree(root, ignore_errors=True)
