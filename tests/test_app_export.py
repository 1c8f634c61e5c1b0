"""Markdown and PDF export of a session, and the UI's pure helpers (hints, next scenario)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roleplay import export
from roleplay.export import (
    ExportSession,
    ExportTurn,
    escape_markdown,
    file_stem,
    session_markdown,
    session_pdf,
    to_latin1,
)
from roleplay.scenarios import load_scenarios
from roleplay.scoring import score_transcript
from roleplay.types import Transcript, Turn
from ui.hints import NUDGE_QUERIES, choose_nudge
from ui.recommend import recommend, weakest_dimension

TURNS = (
    ("employee", "Hoi. Gaat het over iets specifieks?"),
    ("leader", "Hoe gaat het met je, Mark? Ik merk dat je stiller bent."),
    ("employee", "Tja. Het is druk met de migratie."),
    ("leader", "Wat verwacht jij van mij, en mag ik zeggen wat ik van jou verwacht?"),
    ("employee", "Dat is een goede vraag."),
    ("leader", "<script>alert(1)</script> **vet** — “aanhalingstekens” ë ü ø 💬"),
)


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    transcript = Transcript(
        scenario="disengaged-employee",
        language="nl",
        turns=[Turn(role=role, text=text) for role, text in TURNS],  # type: ignore[arg-type]
    )
    return score_transcript(transcript).model_dump(mode="json")


@pytest.fixture
def session(report: dict[str, Any]) -> ExportSession:
    labels = {turn["index"]: turn.get("labels") or [] for turn in report["turns"]}
    return ExportSession(
        scenario_title="De medewerker die zich terugtrekt",
        persona_name="Mark",
        language="nl",
        difficulty="normal",
        backend="scripted",
        started_at="2026-11-25 01:47",
        turns=tuple(
            ExportTurn(role=role, text=text, labels=tuple(labels.get(index, [])))
            for index, (role, text) in enumerate(TURNS)
        ),
        report=report,
    )


def test_markdown_has_scores_transcript_citations_and_escapes_user_text(
    session: ExportSession,
) -> None:
    text = session_markdown(session, "nl")
    assert text.startswith("# De medewerker die zich terugtrekt")
    assert "Totaalscore" in text and "| Luisteren |" in text
    assert "Hoe gaat het met je, Mark?" in text
    assert "Saskia Oude Aarninkhof" in text, "citations keep their attribution"
    assert "<script>" not in text and "\\<script\\>" in text
    assert "**vet**" not in text
    english = session_markdown(session, "en")
    assert "Overall score" in english and "| Listening |" in english


def test_pdf_with_unicode_font(session: ExportSession) -> None:
    assert export.find_unicode_font() is not None, "fonts-dejavu-core is installed"
    pdf = session_pdf(session, "nl")
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_pdf_falls_back_to_a_core_font(
    session: ExportSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "FONT_DIRS", ())
    monkeypatch.delenv(export.FONT_ENV, raising=False)
    assert export.find_unicode_font() is None
    pdf = session_pdf(session, "en")
    assert pdf.startswith(b"%PDF")
    assert to_latin1("“quote” — ë ø 💬 ✓") == '"quote" - ë ø ? +'


def test_pdf_font_variable_must_name_a_file(
    session: ExportSession, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(export.FONT_ENV, str(tmp_path / "missing.ttf"))
    with pytest.raises(export.ExportError, match="OEFENGESPREK_PDF_FONT"):
        session_pdf(session, "nl")


def test_unfinished_session_exports_the_transcript_only(session: ExportSession) -> None:
    unfinished = ExportSession(
        scenario_title=session.scenario_title,
        persona_name="Mark",
        language="nl",
        turns=session.turns,
    )
    text = session_markdown(unfinished, "nl")
    assert "Totaalscore" not in text and "Tja\\." in text
    assert session_pdf(unfinished, "nl").startswith(b"%PDF")
    assert file_stem(session) == "oefengesprek-de-medewerker-die-zich-terugtrekt-20261125"


def test_escape_markdown_round_trip() -> None:
    assert escape_markdown("*a* _b_ [c](d) <e>") == "\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\<e\\>"


@pytest.mark.parametrize(
    ("labels", "earlier", "expected"),
    [
        (["dismissive", "open_question"], [], "nudge_dismissive"),
        (["premature_advice"], [], "nudge_premature_advice"),
        (["closed_question"], [], "nudge_closed_question"),
        (["other"], [], "nudge_assumption"),
        (["open_question"], [], "nudge_level1"),
        (["name_unspoken"], [], "nudge_expectations"),
        (["ask_expectation"], [["name_energy"]], "nudge_personal"),
        (
            ["summarize"],
            [["name_energy"], ["state_expectation"], ["self_disclosure"]],
            "nudge_keep_going",
        ),
    ],
)
def test_choose_nudge(labels: list[str], earlier: list[list[str]], expected: str) -> None:
    assert choose_nudge(labels, earlier) == expected
    assert expected in NUDGE_QUERIES


def test_next_scenario_trains_the_weakest_dimension() -> None:
    scenarios = load_scenarios()
    scores = {
        "listening": 80,
        "expectations": 20,
        "assumptions": 90,
        "presence": 70,
        "pitfalls": 100,
    }
    assert weakest_dimension(scores) == "expectations"
    suggestion = recommend(scores, scenarios, current="disengaged-employee")
    assert suggestion is not None and suggestion.dimension == "expectations"
    assert suggestion.scenario_id != "disengaged-employee" or len(scenarios) == 1
    assert recommend({}, scenarios) is None


def test_best_line_picks_the_sentence_behind_the_nudge() -> None:
    from ui.hints import best_line

    text = (
        "Wees aanwezig. Leg je telefoon weg en kijk mensen aan.\n"
        "Bespreek verwachtingen expliciet: wat verwacht jij van de ander, en wat verwacht de "
        "ander van jou? Maak het concreet."
    )
    assert best_line(text, "nudge_expectations").startswith("Bespreek verwachtingen expliciet")
    assert best_line("", "nudge_expectations") == ""


@pytest.mark.parametrize(
    ("nudge", "heading"),
    [
        ("nudge_dismissive", "Waar gaat het vaak mis?"),
        ("nudge_level1", "Luister op drie niveaus"),
        ("nudge_expectations", "Bespreek verwachtingen expliciet"),
        ("nudge_assumption", "Herken je eigen aannames"),
        ("nudge_personal", "Durf persoonlijk te zijn"),
        ("nudge_keep_going", "Wees aanwezig"),
        ("nudge_closed_question", "Wat is oprechte verbinding eigenlijk?"),
    ],
)
def test_each_nudge_retrieves_the_article_passage_behind_it(nudge: str, heading: str) -> None:
    from knowledge import query
    from ui.hints import best_line

    found = query(NUDGE_QUERIES[nudge], k=1, language="nl")[0]
    assert heading in found.heading_path
    assert best_line(found.text, nudge)
