"""Scoring a practice conversation against the article-derived rubric.

Stable API:

    from roleplay.scoring import score_transcript, Report, render_report
    report = score_transcript(transcript)            # roleplay.types.Transcript
    report.model_dump(mode="json")                   # the JSON contract
    print(render_report(report, "nl"))               # for a person
"""

from __future__ import annotations

from roleplay.scoring.engine import ScoringError, clear_passage_cache, score_transcript
from roleplay.scoring.render import render_report
from roleplay.scoring.report import (
    ArticlePassage,
    Dimension,
    Evidence,
    LineResult,
    Report,
    ReportTurn,
    Suggestion,
)
from roleplay.scoring.rubric import Rubric, RubricError, RubricLine, load_rubric

__all__ = [
    "ArticlePassage",
    "Dimension",
    "Evidence",
    "LineResult",
    "Report",
    "ReportTurn",
    "Rubric",
    "RubricError",
    "RubricLine",
    "ScoringError",
    "Suggestion",
    "clear_passage_cache",
    "load_rubric",
    "render_report",
    "score_transcript",
]
