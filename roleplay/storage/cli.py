"""Database commands: `python -m roleplay create-admin` and `python -m roleplay retention`."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

ADMIN_PASSWORD_ENV = "OEFENGESPREK_ADMIN_PASSWORD"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    admin = subparsers.add_parser(
        "create-admin",
        help="create an administrator account, or make an existing account administrator",
        description=(
            "Create or promote an administrator in the configured database ($DATABASE_URL, "
            f"else the SQLite file in the data directory). The password is read from "
            f"${ADMIN_PASSWORD_ENV} when set, else asked for twice."
        ),
    )
    admin.add_argument("email")
    admin.add_argument("--name", default="", help="display name")
    admin.set_defaults(func=_create_admin)

    retention = subparsers.add_parser(
        "retention",
        help="remove transcripts older than N days (scores stay)",
    )
    retention.add_argument(
        "--days",
        type=int,
        default=None,
        help="default: $OEFENGESPREK_RETENTION_DAYS",
    )
    retention.set_defaults(func=_retention)


def _create_admin(args: argparse.Namespace) -> int:
    from roleplay.accounts import AccountError, create_admin
    from roleplay.storage import StorageError

    password = os.environ.get(ADMIN_PASSWORD_ENV, "")
    if not password:
        if not sys.stdin.isatty():
            print(f"error: set {ADMIN_PASSWORD_ENV} or run this in a terminal", file=sys.stderr)
            return 2
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != password:
            print("error: the two passwords differ", file=sys.stderr)
            return 2
    try:
        user = create_admin(args.email, password, args.name)
    except (AccountError, StorageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{user.email} is an administrator (user id {user.id}).")
    return 0


def _retention(args: argparse.Namespace) -> int:
    from roleplay.storage import RETENTION_DAYS_ENV, InvalidInput, StorageError, open_store
    from roleplay.storage.store import retention_days_from_env

    try:
        days = args.days if args.days is not None else retention_days_from_env()
        if days is None:
            print(f"error: give --days or set {RETENTION_DAYS_ENV}", file=sys.stderr)
            return 2
        store = open_store(apply_configured_retention=False)
        try:
            result = store.apply_retention(days)
        finally:
            store.close()
    except (StorageError, InvalidInput) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"Removed the transcripts of {result.sessions_purged} session(s) older than {days} days "
        f"({result.turns_deleted} turns); their scores stay."
    )
    return 0
