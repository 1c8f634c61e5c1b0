"""Command line: `python -m knowledge query "TEXT" [--k 3] [--json] [--language nl|en]`
and `python -m knowledge build [--force]`.

Errors exit with code 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time

from knowledge.errors import KnowledgeError


def _query(args: argparse.Namespace) -> int:
    from knowledge.index import get_index, validate_query

    validate_query(args.text, args.k, args.language)
    started = time.perf_counter()
    index = get_index()
    opened = time.perf_counter()
    passages = index.query(args.text, k=args.k, language=args.language)
    if args.timing:
        print(
            f"index opened in {opened - started:.3f} s "
            f"({'built' if index.embedded_on_open else 'reused'}), "
            f"query took {1000 * (time.perf_counter() - opened):.1f} ms",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps([p.to_dict() for p in passages], ensure_ascii=False, indent=2))
        return 0
    for rank, passage in enumerate(passages, 1):
        print(f"{rank}. {passage.heading_path}  [{passage.id}, score {passage.score:.3f}]")
        for paragraph in passage.text.split("\n"):
            print(textwrap.fill(paragraph, width=88, initial_indent="   ", subsequent_indent="   "))
        print(f"   — {passage.source}")
        print()
    return 0


def _build(args: argparse.Namespace) -> int:
    from knowledge.index import build, stderr_progress

    index = build(force=args.force, progress=stderr_progress)
    action = "built" if index.embedded_on_open else "up to date, reused"
    print(
        f"{index.location.description}: collection {index.collection_name} {action} "
        f"({len(index.chunks)} chunks, model {index.model_name})"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m knowledge",
        description="Search the coaching article, or (re)build its index.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    query = commands.add_parser("query", help="print the passages that best answer TEXT")
    query.add_argument("text", help="a question or a few words, Dutch or English")
    query.add_argument("--k", type=int, default=3, help="how many passages (default: 3)")
    query.add_argument("--json", action="store_true", help="print a JSON list of passages")
    query.add_argument("--language", choices=("nl", "en"), help="language of the question")
    query.add_argument(
        "--timing", action="store_true", help="report index-open and query time on stderr"
    )
    query.set_defaults(func=_query)
    build = commands.add_parser("build", help="build the index if it is missing or stale")
    build.add_argument("--force", action="store_true", help="rebuild even if it is up to date")
    build.set_defaults(func=_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
