"""Command line of the role-play engine: `scenarios`, `chat` and `simulate`.

    python -m roleplay scenarios [--json] [--language nl|en]
    python -m roleplay chat --scenario ID [--language nl|en] [--difficulty easy|normal|hard]
                            [--backend NAME] [--no-store] [--no-grounding]
    python -m roleplay simulate --scenario ID --language nl|en --leader FILE
                                [--backend NAME] [--difficulty ...] [--json] [--no-grounding]

Exit codes: 0 done, 1 the persona backend failed, 2 bad input (unknown scenario, bad
file, unusable backend configuration).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from roleplay.backends.base import Backend, BackendConfigError, BackendError
from roleplay.engine import (
    MAX_LEADER_CHARS,
    Conversation,
    ConversationError,
    Retriever,
    clean_leader_text,
    resolve_backend,
)
from roleplay.scenarios import DIFFICULTIES, Scenario, ScenarioError, load_scenario, load_scenarios
from roleplay.types import LANGUAGES, ConversationLog

EXIT_OK = 0
EXIT_BACKEND_FAILED = 1
EXIT_BAD_INPUT = 2

CHAT_COMMANDS = {
    "/end": "end the conversation and show the score report (also Ctrl-D)",
    "/rewind": "take back your last line (and the reply) to say it differently",
    "/retry": "ask the employee to answer your last line again",
    "/state": "show the persona's trust and mood (a peek behind the scenes)",
    "/help": "show these commands",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    scenarios = subparsers.add_parser("scenarios", help="list the practice scenarios")
    scenarios.add_argument("--json", action="store_true", help="print JSON")
    scenarios.add_argument("--language", choices=LANGUAGES, default="nl")
    scenarios.set_defaults(func=run_scenarios)

    chat = subparsers.add_parser("chat", help="practise a conversation in the terminal")
    _conversation_arguments(chat)
    chat.add_argument("--language", choices=LANGUAGES, default="nl")
    chat.add_argument(
        "--no-store", action="store_true", help="do not save the conversation in the database"
    )
    chat.set_defaults(func=run_chat)

    simulate = subparsers.add_parser(
        "simulate", help="run leader lines from a file against the persona"
    )
    _conversation_arguments(simulate)
    simulate.add_argument("--language", choices=LANGUAGES, required=True)
    simulate.add_argument(
        "--leader", required=True, type=Path, help="a file with one leader line per line"
    )
    simulate.add_argument("--json", action="store_true", help="print JSON")
    simulate.add_argument("--seed", default=None, help="vary the scripted lines (default 0)")
    simulate.set_defaults(func=run_simulate)


def _conversation_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", required=True, help="scenario id (see `scenarios`)")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")
    parser.add_argument(
        "--backend",
        default=None,
        help="persona backend (default: $OEFENGESPREK_BACKEND or scripted)",
    )
    parser.add_argument(
        "--no-grounding",
        action="store_true",
        help="no article passages per turn (faster; the scripted persona ignores them)",
    )


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


# --- scenarios ---------------------------------------------------------------------------


def run_scenarios(args: argparse.Namespace) -> int:
    try:
        scenarios = load_scenarios()
    except ScenarioError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    summaries = [scenario.summary(args.language) for scenario in scenarios.values()]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max((len(item["id"]) for item in summaries), default=0)
    for item in summaries:
        print(f"{item['id']:<{width}}  {item['title']}")
    return EXIT_OK


# --- shared setup ----------------------------------------------------------------------


def _setup(args: argparse.Namespace) -> tuple[Scenario, Backend] | int:
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    try:
        backend = resolve_backend(args.backend)
    except BackendConfigError as exc:
        _error(exc.user_message)
        return EXIT_BAD_INPUT
    return scenario, backend


def _no_retrieval(text: str, k: int = 3, language: str | None = None) -> list[Any]:
    return []


def _retriever(args: argparse.Namespace) -> Retriever | None:
    return _no_retrieval if args.no_grounding else None


def _backend_line(backend: Backend) -> str:
    try:
        from roleplay.backends.registry import describe_backend

        return describe_backend(backend)
    except ImportError:
        return f"{backend.name}: {backend.describe()}"


# --- chat ------------------------------------------------------------------------------


def _open_log(args: argparse.Namespace) -> ConversationLog | None:
    if args.no_store:
        return None
    try:
        from roleplay.storage.store import open_store

        log: ConversationLog = open_store()
        return log
    except Exception as exc:  # a broken database must not stop practice; say so plainly
        message = getattr(exc, "message", None) or str(exc)
        print(f"warning: the conversation will not be saved: {message}", file=sys.stderr)
        return None


def _print_stream(pieces: Any, out: TextIO) -> bool:
    """Stream a reply to `out`; False (with the error printed) when the backend failed."""
    try:
        for piece in pieces:
            out.write(piece)
            out.flush()
    except BackendError as exc:
        out.write("\n")
        _error(exc.user_message)
        return False
    out.write("\n")
    return True


def _render_report(report: Any, language: str) -> str:
    try:
        from roleplay.scoring import render_report
    except ImportError:
        return json.dumps(_jsonable(report), ensure_ascii=False, indent=2)
    return str(render_report(report, language))


def _jsonable(value: Any) -> Any:
    from roleplay.engine import report_to_dict

    return report_to_dict(value)


def run_chat(args: argparse.Namespace) -> int:
    setup = _setup(args)
    if isinstance(setup, int):
        return setup
    scenario, backend = setup
    out = sys.stdout
    language = args.language
    log = _open_log(args)
    conversation = Conversation(
        scenario,
        language=language,
        difficulty=args.difficulty,
        backend=backend,
        log=log,
        retriever=_retriever(args),
    )
    name = scenario.persona.name
    print(f"Backend: {_backend_line(backend)}", file=out)
    print("Switch with --backend NAME or OEFENGESPREK_BACKEND=NAME.", file=out)
    print(f"\n{scenario.title.get(language)}\n\n{scenario.briefing.get(language)}\n", file=out)
    print("Commands: " + ", ".join(CHAT_COMMANDS) + " (Ctrl-D ends)\n", file=out)

    out.write(f"{name}: ")
    while not _print_stream(conversation.start(), out):
        if not _ask_yes(f"Try {name}'s opening again? [Y/n] "):
            return EXIT_BACKEND_FAILED
        out.write(f"{name}: ")

    while True:
        try:
            line = input("You: ")
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            break
        command = line.strip().lower()
        if command in ("/end", "/quit", "/exit"):
            break
        if command == "/help":
            for key, help_text in CHAT_COMMANDS.items():
                print(f"  {key:<8} {help_text}", file=out)
            continue
        if command == "/state":
            print(json.dumps(conversation.state.to_dict(), ensure_ascii=False), file=out)
            continue
        try:
            if command == "/rewind":
                taken_back = conversation.rewind()
                print(f"(taken back: {taken_back})", file=out)
                continue
            pieces = conversation.retry_reply() if command == "/retry" else conversation.say(line)
        except ConversationError as exc:
            _error(exc.message)
            continue
        out.write(f"{name}: ")
        if not _print_stream(pieces, out):
            print("(type /retry to ask again, or /rewind to change your line)", file=out)

    if not any(turn.role == "leader" for turn in conversation.turns):
        print("No lines said; nothing to score.", file=out)
        return EXIT_OK
    try:
        report = conversation.end()
    except Exception as exc:
        _error(f"the conversation could not be scored: {exc}")
        return EXIT_BACKEND_FAILED
    print("\n" + _render_report(report, language), file=out)
    return EXIT_OK


def _ask_yes(question: str) -> bool:
    try:
        answer = input(question)
    except (EOFError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in ("", "y", "yes", "j", "ja")


# --- simulate --------------------------------------------------------------------------


def read_leader_file(path: Path) -> list[str]:
    """Leader lines, one per non-blank line; a clear ScenarioError-like message on problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConversationError(
            f"cannot read the leader file {path}: {exc.strerror or exc}", code="bad_file"
        ) from None
    except UnicodeDecodeError:
        raise ConversationError(
            f"the leader file {path} is not UTF-8 text", code="bad_file"
        ) from None
    lines: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            lines.append(clean_leader_text(raw, MAX_LEADER_CHARS))
        except ConversationError as exc:
            raise ConversationError(f"{path.name} line {number}: {exc.message}") from None
    if not lines:
        raise ConversationError(f"the leader file {path} has no lines", code="bad_file")
    return lines


def simulate(conversation: Conversation, leader_lines: list[str]) -> dict[str, Any]:
    """Run the lines through the conversation; the result as `simulate --json` prints it."""
    opening = "".join(conversation.start())
    turns = []
    for line in leader_lines:
        reply = "".join(conversation.say(line))
        leader_turn = conversation.turns[-2]
        turns.append(
            {
                "leader": leader_turn.text,
                "employee": reply,
                "labels": leader_turn.labels,
                "attack": leader_turn.attack,
                "revealed_now": conversation.turns[-1].revealed,
                "state": conversation.state.to_dict(),
            }
        )
    return {
        "scenario": conversation.scenario.id,
        "language": conversation.language,
        "difficulty": conversation.difficulty,
        "backend": conversation.backend.name,
        "opening": opening,
        "turns": turns,
        "revealed": [event.fact_id for event in conversation.revealed],
        "reveals": [event.to_dict() for event in conversation.revealed],
        "core_concern": conversation.scenario.core_concern.id,
        "final_state": conversation.state.to_dict(),
    }


def run_simulate(args: argparse.Namespace) -> int:
    setup = _setup(args)
    if isinstance(setup, int):
        return setup
    scenario, backend = setup
    try:
        leader_lines = read_leader_file(args.leader)
    except ConversationError as exc:
        _error(exc.message)
        return EXIT_BAD_INPUT
    conversation = Conversation(
        scenario,
        language=args.language,
        difficulty=args.difficulty,
        backend=backend,
        log=None,
        retriever=_retriever(args),
        seed=args.seed,
    )
    try:
        result = simulate(conversation, leader_lines)
    except BackendError as exc:
        _error(exc.user_message)
        return EXIT_BACKEND_FAILED
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return EXIT_OK
    name = scenario.persona.name
    print(f"{name}: {result['opening']}")
    for turn in result["turns"]:
        state = turn["state"]
        print(f"\nYou: {turn['leader']}")
        print(f"     [{', '.join(turn['labels'])}] trust {state['trust']} ({state['mood']})")
        print(f"{name}: {turn['employee']}")
    print(f"\nRevealed: {', '.join(result['revealed']) or '(nothing)'}")
    print(
        f"Core concern ({result['core_concern']}) revealed: "
        f"{'yes' if result['core_concern'] in result['revealed'] else 'no'}"
    )
    return EXIT_OK
