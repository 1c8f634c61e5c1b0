"""Quality evaluations and benchmarks.

`python -m evals {retrieval,listening,ceiling,roleplay,bench}`.

Each sub-command lives in its own module; this file only dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "evals.retrieval",
    "evals.listening",
    "evals.ceiling",
    "evals.roleplay_eval",
    "evals.bench",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
