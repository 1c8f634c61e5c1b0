"""Command line of the role-play package: `python -m roleplay COMMAND`.

Commands: label, score, scenarios, chat, simulate, create-admin, retention. Each lives in
the module that owns its logic; this file only dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# modules that contribute sub-commands through a `register(subparsers)` function
COMMAND_MODULES = ("roleplay.cli_scoring", "roleplay.cli_roleplay", "roleplay.storage.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m roleplay", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
