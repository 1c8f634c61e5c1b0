"""`python -m evals bench`: placeholder until the benchmark helper lands (prints a notice)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run(args: argparse.Namespace) -> int:
    print("evals bench: not implemented yet", file=sys.stderr)
    return 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("bench", help="speed benchmarks (not implemented yet)")
    parser.set_defaults(func=run)
