"""Knowledge base: corpus and chunking, retrieval quality floor, bad input, and the CLI.

Real chromadb and the real packaged embedding model throughout; the session's index is
built once (in the per-session data directory from conftest) and shared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import knowledge
from knowledge import InvalidQueryError, KnowledgeError, Passage
from knowledge.chunking import chunk_corpus
from knowledge.corpus_files import load_corpus
from knowledge.errors import CorpusError, DataDirUnavailableError
from knowledge.index import KnowledgeIndex, forget_indexes
from knowledge.types import Chunk

REPO = Path(__file__).resolve().parents[1]
SALES_PARAGRAPH = (
    "Met 30+ jaar ervaring begeleid ik leidinggevenden in hun leiderschap. Neem dan contact "
    "met me op!"
)
SALES_CLOSING = (
    "Wil je leren hoe je deze oprechte verbinding kunt versterken? Op jouw manier.\n\n"
    "Maar je hoeft het niet alleen te doen. Ik loop graag een stukje met je mee.\n\n"
    "WhatsApp\n"
)


@pytest.fixture(scope="module")
def chunks() -> list[Chunk]:
    return chunk_corpus(load_corpus())


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return knowledge.get_index()


# --- corpus and chunking ------------------------------------------------------------------


def test_corpus_metadata_and_attribution() -> None:
    corpus = load_corpus()
    assert corpus.metadata.author == "Saskia Oude Aarninkhof"
    assert corpus.metadata.date.isoformat() == "2025-06-27"
    assert corpus.metadata.language == "nl"
    assert corpus.attribution == (
        'Saskia Oude Aarninkhof, "Hoe maak je verbinding met je team?", 27 juni 2025'
    )


def test_sales_lines_are_not_in_the_corpus(chunks: list[Chunk]) -> None:
    text = load_corpus().text
    for phrase in ("Met 30+ jaar ervaring", "WhatsApp", "Wil je leren hoe", "MBTI"):
        assert phrase not in text
        assert not any(phrase in chunk.text for chunk in chunks)


def test_chunks_follow_the_article_outline(chunks: list[Chunk]) -> None:
    sections = list(dict.fromkeys(chunk.section for chunk in chunks))
    assert sections == [
        "Inleiding",
        "Leidinggeven is niet alleen sturen op cijfers of resultaten, het vraagt om verbinding "
        "met mensen",
        "Wat is oprechte verbinding eigenlijk?",
        "Hybride werken maakt het lastiger verbinding te maken",
        "Wat zijn nog meer lastige factoren om verbinding te maken of vast te houden?",
        "Waar gaat het vaak mis?",
        "Hoe werkt dat in de praktijk? Oprechte verbinding maken.",
        "Bezwaren en zorgen weggenomen",
        "Kort gezegd …",
    ]
    practices = [c.subsection for c in chunks if c.kind == "practice" and c.subsection]
    assert practices == [
        "Wees aanwezig - niet alleen fysiek",
        "Durf persoonlijk te zijn",
        "Luister op drie niveaus",
        "Herken je eigen aannames",
        "Bespreek verwachtingen expliciet",
    ]
    assert [c.order for c in chunks] == list(range(len(chunks)))
    assert all(c.kind and c.gloss for c in chunks)


def test_the_three_listening_levels_stay_in_one_chunk(chunks: list[Chunk]) -> None:
    holding = [c for c in chunks if "Wat wordt er niet gezegd?" in c.text]
    assert len(holding) == 1
    levels = holding[0]
    assert levels.id == "praktijk/luister-drie-niveaus"
    assert levels.heading_path == (
        "Hoe werkt dat in de praktijk? Oprechte verbinding maken. > Luister op drie niveaus"
    )
    for marker in (
        "1. Wat wordt er gezegd?",
        "2. Wat wordt er niet gezegd?",
        "3. Wat gebeurt er in de energie?",
        "Daar begint oprechte verbinding.",
    ):
        assert marker in levels.text


def test_each_objection_is_one_chunk_with_its_answer(chunks: list[Chunk]) -> None:
    objections = [c for c in chunks if c.section == "Bezwaren en zorgen weggenomen"]
    assert len(objections) == 5
    assert all(c.kind == "objection" for c in objections)
    pairs = {
        "Ik ben bang dat ik te soft overkom.": "Verbinding is geen zwakte",
        "Ik heb daar geen tijd voor.": "Twee minuten échte aandacht",
        "Ik vind het ongemakkelijk om ermee te beginnen.": "Je hoeft het niet perfect te doen.",
        "Hoe verbind ik met iemand waar ik totaal geen klik mee voel?": "Zoek geen klik.",
        "Ik vind het lastig om te balanceren tussen verbinding en grenzen stellen.": (
            "Richting zonder verbinding verhardt."
        ),
    }
    for chunk, (objection, answer) in zip(objections, pairs.items(), strict=True):
        assert chunk.subsection == objection
        assert chunk.text.startswith(f"“{objection}”")
        assert answer in chunk.text


def test_chunk_ids_are_stable_and_unique(chunks: list[Chunk]) -> None:
    again = chunk_corpus(load_corpus())
    assert [c.id for c in again] == [c.id for c in chunks]
    assert len({c.id for c in chunks}) == len(chunks)
    assert {"inleiding", "valkuilen", "bezwaren/te-soft", "kort-gezegd/als-leider"} <= {
        c.id for c in chunks
    }


def _copy_corpus(
    tmp_path: Path, text_edit: str | None = None, meta_edit: tuple[str, str] | None = None
) -> Path:
    corpus = load_corpus()
    text = corpus.text if text_edit is None else text_edit
    meta = corpus.metadata_text
    if meta_edit is not None:
        assert meta_edit[0] in meta
        meta = meta.replace(*meta_edit)
    (tmp_path / corpus.metadata.text_file).write_text(text, encoding="utf-8")
    meta_path = tmp_path / "corpus.yaml"
    meta_path.write_text(meta, encoding="utf-8")
    return meta_path


def test_sales_paragraphs_are_dropped_from_a_full_copy_of_the_article(tmp_path: Path) -> None:
    text = load_corpus().text
    anchor = "\nKort gezegd …"
    full = (
        text.replace(anchor, f"\n{SALES_PARAGRAPH}\n{anchor}").rstrip("\n") + "\n\n" + SALES_CLOSING
    )
    chunks = chunk_corpus(load_corpus(_copy_corpus(tmp_path, text_edit=full)))
    assert chunks == chunk_corpus(load_corpus())


def test_a_missing_heading_is_reported_with_file_and_field(tmp_path: Path) -> None:
    meta_path = _copy_corpus(
        tmp_path, meta_edit=('heading: "Durf persoonlijk te zijn"', 'heading: "Durf te dansen"')
    )
    with pytest.raises(CorpusError) as caught:
        chunk_corpus(load_corpus(meta_path))
    message = str(caught.value)
    assert "Durf te dansen" in message and "sections[6].subsections[1].heading" in message
    assert str(meta_path) in message


def test_invalid_metadata_names_the_field(tmp_path: Path) -> None:
    meta_path = _copy_corpus(tmp_path, meta_edit=("date: 2025-06-27", "date: gisteren"))
    with pytest.raises(CorpusError, match=r"corpus\.yaml: date: "):
        load_corpus(meta_path)


def test_invalid_situations_name_the_field(tmp_path: Path) -> None:
    first = '- "Hoe laat ik als leidinggevende zien dat ik er echt ben voor mijn mensen?"'
    meta_path = _copy_corpus(tmp_path, meta_edit=(first, "- {vraag: 1}"))
    with pytest.raises(CorpusError, match=r"corpus\.yaml: sections\.0\.situations\.0: "):
        load_corpus(meta_path)


# --- small-to-big units -------------------------------------------------------------------


def test_every_chunk_has_situations_and_units_keep_the_heading(chunks: list[Chunk]) -> None:
    from knowledge.units import chunk_units

    assert all(chunk.situations for chunk in chunks)
    levels = next(c for c in chunks if c.id == "praktijk/luister-drie-niveaus")
    units = chunk_units(levels, "paragraph")
    assert units[0] == levels.search_text(with_gloss=True, with_situations=True)
    assert all(unit.startswith(levels.heading_path + "\n") for unit in units[1:])
    # each listening level is a unit of its own, so one level can match a question
    for level in ("1. Wat wordt er gezegd?", "2. Wat wordt er niet", "3. Wat gebeurt er"):
        assert sum(level in unit for unit in units[1:]) == 1
    assert sum(situation in unit for situation in levels.situations for unit in units[1:]) == len(
        levels.situations
    )
    assert chunk_units(levels, "none") == units[:1]


def test_sentence_units_merge_short_fragments(chunks: list[Chunk]) -> None:
    from knowledge.units import MIN_SENTENCE_CHARS, chunk_units

    levels = next(c for c in chunks if c.id == "praktijk/luister-drie-niveaus")
    units = chunk_units(levels, "sentence", with_gloss=False, with_situations=False)
    bodies = [unit.split("\n", 1)[1] for unit in units[1:]]
    assert len(bodies) > len(levels.text.split("\n"))
    assert all(len(body) >= MIN_SENTENCE_CHARS for body in bodies)


def test_aggregate_takes_the_best_unit_and_the_soft_maximum() -> None:
    import numpy as np

    from knowledge.ranking import aggregate, dense_with_units

    scores = np.array([0.2, 0.9, 0.5, 0.4])
    owners = np.array([0, 0, 2, 2])
    best = aggregate(scores, owners, 3)
    assert best[0] == pytest.approx(0.9) and best[2] == pytest.approx(0.5)
    assert best[1] == -np.inf  # a chunk without units
    soft = aggregate(scores, owners, 3, temperature=0.05)
    assert 0.55 < soft[0] < 0.9  # between the mean and the maximum
    whole = np.array([0.3, 0.2, 0.1])
    assert np.array_equal(dense_with_units(whole, best, 0.0), whole)
    mixed = dense_with_units(whole, best, 0.5)
    assert np.isfinite(mixed).all() and mixed[0] > mixed[1] > mixed[2]


# --- retrieval ----------------------------------------------------------------------------

FLOOR_QUERIES = [
    ("Hoe luister ik beter naar wat een medewerker niet zegt?", "Luister op drie niveaus"),
    ("Ik heb eigenlijk geen tijd voor verbinding met mijn team.", "Bezwaren en zorgen weggenomen"),
    (
        "Mijn team werkt hybride en ik zie ze maar twee dagen per week.",
        "Hybride werken maakt het lastiger verbinding te maken",
    ),
    (
        "Wat zijn de valkuilen van leidinggevenden die aardig willen zijn?",
        "Waar gaat het vaak mis?",
    ),
    ("Should I share something personal with my team?", "Durf persoonlijk te zijn"),
    ("How do I make expectations explicit in both directions?", "Bespreek verwachtingen expliciet"),
    ("I am afraid my team will see me as too soft.", "Bezwaren en zorgen weggenomen"),
    (
        "Generational differences between younger and older employees",
        "Wat zijn nog meer lastige factoren om verbinding te maken of vast te houden?",
    ),
]


def test_retrieval_quality_floor(index: KnowledgeIndex) -> None:
    hits = 0
    for question, heading in FLOOR_QUERIES:
        passages = knowledge.query(question, k=3)
        hits += any(heading in (p.section, p.subsection) for p in passages)
    assert hits >= len(FLOOR_QUERIES) - 1, f"only {hits}/{len(FLOOR_QUERIES)} floor queries hit"


def test_passages_carry_text_headings_source_and_score(index: KnowledgeIndex) -> None:
    passages = knowledge.query("Luister op drie niveaus", k=3, language="nl")
    assert len(passages) == 3
    first = passages[0]
    assert isinstance(first, Passage)
    assert first.subsection == "Luister op drie niveaus"
    assert first.source.startswith("Saskia Oude Aarninkhof")
    assert first.language == "nl"
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    as_dict = first.to_dict()
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert set(as_dict) >= {"id", "text", "section", "subsection", "source", "score", "language"}


def test_english_questions_find_the_dutch_passages(index: KnowledgeIndex) -> None:
    passages = knowledge.query("Listening on three levels", k=3, language="en")
    assert any(p.subsection == "Luister op drie niveaus" for p in passages)
    assert all(p.language == "nl" for p in passages)


def test_get_index_is_one_object_per_process(index: KnowledgeIndex) -> None:
    assert knowledge.get_index() is index
    assert len(knowledge.query("verbinding", k=50)) == len(index.chunks)


def test_concurrent_queries_from_threads_agree(index: KnowledgeIndex) -> None:
    questions = ["Ik heb geen tijd", "Listening on three levels", "hybride werken", "te soft"]
    expected = {q: [p.id for p in index.query(q)] for q in questions}
    seen: dict[str, list[list[str]]] = {q: [] for q in questions}

    def ask(question: str) -> None:
        for _ in range(5):
            seen[question].append([p.id for p in knowledge.query(question)])

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(runs == [expected[q]] * 5 for q, runs in seen.items())


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "k", "language", "fragment"),
    [
        ("", 3, None, "empty"),
        ("   \n\t", 3, None, "empty"),
        (None, 3, None, "must be text"),
        (42, 3, None, "must be text"),
        ("luisteren", 0, None, "at least 1"),
        ("luisteren", -2, None, "at least 1"),
        ("luisteren", 10_000, None, "at most 50"),
        ("luisteren", "3", None, "whole number"),
        ("luisteren", True, None, "whole number"),
        ("luisteren", 3, "fr", "language must be one of nl, en"),
    ],
)
def test_bad_query_input_gets_a_clear_error(
    text: object, k: object, language: object, fragment: str
) -> None:
    with pytest.raises(InvalidQueryError, match=fragment) as caught:
        knowledge.query(text, k=k, language=language)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, KnowledgeError)


def test_an_unwritable_data_dir_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("OEFENGESPREK_DATA_DIR", str(blocker / "data"))
    forget_indexes()
    try:
        with pytest.raises(DataDirUnavailableError) as caught:
            knowledge.query("luisteren")
    finally:
        monkeypatch.undo()
        forget_indexes()
    assert str(blocker / "data") in str(caught.value)
    assert "OEFENGESPREK_DATA_DIR" in str(caught.value)


# --- CLI ----------------------------------------------------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_cli_query_json(index: KnowledgeIndex) -> None:
    result = _cli("query", "Ik heb geen tijd voor gesprekjes", "--k", "2", "--json")
    assert result.returncode == 0, result.stderr
    passages = json.loads(result.stdout)
    assert len(passages) == 2
    assert {"text", "section", "source", "score"} <= set(passages[0])
    assert any(p["section"] == "Bezwaren en zorgen weggenomen" for p in passages)


def test_cli_query_text_and_build(index: KnowledgeIndex) -> None:
    result = _cli("query", "What are the three listening levels?", "--language", "en")
    assert result.returncode == 0, result.stderr
    assert "Luister op drie niveaus" in result.stdout
    assert "Saskia Oude Aarninkhof" in result.stdout
    build = _cli("build")
    assert build.returncode == 0, build.stderr
    assert "reusing index" in build.stderr and "reused" in build.stdout


@pytest.mark.parametrize(
    ("args", "env", "fragment"),
    [
        (("query", "  "), None, "empty"),
        (("query", "hallo", "--k", "0"), None, "at least 1"),
        (("query", "hallo"), {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": "1"}, "CHROMA_HOST"),
        (("query", "hallo"), {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": "eighty"}, "CHROMA_PORT"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(
    args: tuple[str, ...], env: dict[str, str] | None, fragment: str
) -> None:
    result = _cli(*args, env=env)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert "Traceback" not in result.stderr


# --- retrieval eval input -----------------------------------------------------------------


def test_the_labelled_query_file_names_only_real_headings(chunks: list[Chunk]) -> None:
    from evals.retrieval import DEFAULT_QUERIES, load_queries

    queries = load_queries(DEFAULT_QUERIES, chunks)
    assert len(queries) >= 40
    assert {q.lang for q in queries} == {"nl", "en"}


def test_a_bad_query_file_is_reported_with_file_and_field(
    tmp_path: Path, chunks: list[Chunk]
) -> None:
    from evals.retrieval import QuerySetError, answers, load_queries

    path = tmp_path / "queries.yaml"
    path.write_text(
        "queries:\n  - {id: a, lang: nl, text: hallo, sections: [Bestaat niet]}\n", encoding="utf-8"
    )
    with pytest.raises(QuerySetError, match=r"queries\[0\]\.sections .*Bestaat niet"):
        load_queries(path, chunks)
    path.write_text("queries:\n  - {id: a, lang: fr, text: hallo, sections: [Inleiding]}\n")
    with pytest.raises(QuerySetError, match=r"queries\.0\.lang"):
        load_queries(path, chunks)
    assert answers(
        "Bezwaren en zorgen weggenomen",
        "Ik heb daar geen tijd voor.",
        ["bezwaren en zorgen weggenomen"],
    )
    assert not answers("Inleiding", None, ["Kort gezegd …"])
