"""`python -m roleplay label` and `python -m roleplay score`: the listener and the scorer
on the command line.

label [FILE|-]
    Reads JSON lines `{"text": ..., "context": ..., "lang": "nl"|"en"}` (context and lang
    optional) and writes one JSON line `{"labels": [...]}` per input line, in order.
    Blank input lines are skipped. A bad line is answered in place with
    `{"error": "line N: ..."}` so the output stays aligned with the input; the other
    lines are still labelled and the exit code is then 1. An unreadable file exits 2.

score TRANSCRIPT.json [--json] [--lang nl|en]
    Scores a transcript `{"scenario": ..., "language": ..., "turns": [{"role":
    "leader"|"employee", "text": ...}]}`. Prints the report for a person, or the report
    JSON with --json. A missing or invalid file exits 2 with a message naming the problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from roleplay.listener import ListenerConfigError, get_listener
from roleplay.types import Transcript

EXIT_BAD_LINES = 1
EXIT_BAD_INPUT = 2


class CliInputError(ValueError):
    """Input the command cannot use; the message says what to fix."""


def _label_line(raw: str, number: int, listener: Any) -> dict[str, Any]:
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        return {"error": f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})"}
    if not isinstance(item, dict):
        return {"error": f"line {number}: expected a JSON object with a 'text' field"}
    text = item.get("text")
    if not isinstance(text, str):
        return {"error": f"line {number}: 'text' is missing or not a string"}
    context = item.get("context", "")
    if context is None:
        context = ""
    if not isinstance(context, str):
        return {"error": f"line {number}: 'context' must be a string"}
    lang = item.get("lang")
    if lang is not None and lang not in ("nl", "en"):
        return {"error": f'line {number}: \'lang\' must be "nl" or "en", not {lang!r}'}
    return {"labels": listener.label(text, context, lang)}


def label_lines(lines: Iterable[str], listener: Any) -> Iterator[dict[str, Any]]:
    """One result per non-blank input line, in order: {"labels": [...]} or {"error": ...}."""
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield _label_line(raw, number, listener)


def _open_input(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    try:
        return Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise CliInputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def run_label(args: argparse.Namespace) -> int:
    try:
        listener = get_listener(args.listener)
        handle = _open_input(args.file)
    except (CliInputError, ListenerConfigError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    bad = 0
    try:
        for result in label_lines(handle, listener):
            if "error" in result:
                bad += 1
                print(result["error"], file=sys.stderr)
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    except UnicodeDecodeError as exc:
        print(f"error: {args.file} is not UTF-8 text ({exc.reason})", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        if handle is not sys.stdin:
            handle.close()
    return EXIT_BAD_LINES if bad else 0


def load_transcript(path: str) -> Transcript:
    """Read and validate a transcript file ("-" for stdin); errors name the problem."""
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CliInputError(f"{path} is not UTF-8 text ({exc.reason})") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CliInputError(
            f"{path} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    if not isinstance(data, dict):
        raise CliInputError(f"{path}: expected a JSON object with 'scenario' and 'turns'")
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise CliInputError(f"{path}: invalid transcript: {problems}") from exc


def run_score(args: argparse.Namespace) -> int:
    from roleplay.scoring import RubricError, ScoringError, render_report, score_transcript

    try:
        transcript = load_transcript(args.transcript)
        report = score_transcript(
            transcript, listener=get_listener(args.listener), with_passages=not args.no_passages
        )
    except (CliInputError, ScoringError, RubricError, ListenerConfigError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(render_report(report, args.lang or transcript.language))
    return 0


def register(subparsers: Any) -> None:
    label = subparsers.add_parser(
        "label",
        help="label leader turns (JSON lines in, JSON lines out)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    label.add_argument("file", nargs="?", default="-", help="JSON-lines file, or - for stdin")
    label.add_argument("--listener", default=None, help="listener name (default: configured)")
    label.set_defaults(func=run_label)

    score = subparsers.add_parser(
        "score",
        help="score a transcript against the rubric",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument("transcript", help="transcript JSON file, or - for stdin")
    score.add_argument("--json", action="store_true", help="print the report as JSON")
    score.add_argument(
        "--lang", choices=("nl", "en"), default=None, help="language of the printed report"
    )
    score.add_argument("--listener", default=None, help="listener name (default: configured)")
    score.add_argument(
        "--no-passages",
        action="store_true",
        help="cite the rubric's own article quotes instead of retrieving passages",
    )
    score.set_defaults(func=run_score)
