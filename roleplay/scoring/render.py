"""A report as plain text for a person, in Dutch or English.

Used by `python -m roleplay score` without --json; the app renders the same Report
model its own way. Headings are kept here because they belong to this one text format.
"""

from __future__ import annotations

from roleplay.scoring.report import Report
from roleplay.types import Language

_HEADINGS: dict[str, dict[Language, str]] = {
    "title": {"nl": "Feedback op je oefengesprek", "en": "Feedback on your practice conversation"},
    "scenario": {"nl": "Scenario", "en": "Scenario"},
    "turns": {"nl": "beurten van de leidinggevende", "en": "leader turns"},
    "scores": {"nl": "Scores (0-100)", "en": "Scores (0-100)"},
    "met": {"nl": "gedaan", "en": "done"},
    "missed": {"nl": "gemist", "en": "missed"},
    "avoided": {"nl": "vermeden", "en": "avoided"},
    "happened": {"nl": "kwam voor", "en": "happened"},
    "evidence": {"nl": "Waar zag ik het", "en": "Where I saw it"},
    "turn": {"nl": "beurt", "en": "turn"},
    "article": {"nl": "Uit het artikel", "en": "From the article"},
    "better": {"nl": "Probeer eens", "en": "Try instead"},
    "moments": {"nl": "Oefenpunten", "en": "Things to practise"},
    "instead_of": {"nl": "in plaats van", "en": "instead of"},
    "chance": {"nl": "kans bij", "en": "a chance at"},
    "notes": {"nl": "Opmerkingen", "en": "Notes"},
    "rubric": {"nl": "Rubriekversie", "en": "Rubric version"},
}
_DETAIL_KEYS = (
    "listening_level1",
    "listening_level2",
    "listening_level3",
    "listening_inquiry",
    "listening_space",
    "expectations_stated",
    "expectations_asked",
    "assumptions",
    "presence",
    "pitfalls",
)


def _h(key: str, language: Language) -> str:
    return _HEADINGS[key][language]


def _bar(score: int) -> str:
    filled = round(score / 10)
    return "#" * filled + "." * (10 - filled)


def render_report(report: Report, lang: str) -> str:
    """The report as readable text in `lang` ("nl" or "en"; anything else falls back to nl)."""
    language: Language = "en" if str(lang).lower().startswith("en") else "nl"
    out: list[str] = [_h("title", language), "=" * len(_h("title", language))]
    out.append(
        f"{_h('scenario', language)}: {report.scenario}  ·  {report.leader_turns}"
        f" {_h('turns', language)}"
    )
    if report.notes:
        out.append("")
        out.append(f"{_h('notes', language)}:")
        out.extend(f"  - {note}" for note in report.notes)
    out.append("")
    out.append(_h("scores", language))
    for key, score in report.scores.items():
        name = report.dimensions[key].name if key in report.dimensions else key
        out.append(f"  {name:<48} {score:>3}  {_bar(score)}")

    if report.suggestions:
        out.append("")
        out.append(_h("moments", language))
        for number, suggestion in enumerate(report.suggestions, start=1):
            where = ""
            if suggestion.turn_index is not None:
                prefix = "" if suggestion.kind == "pitfall" else f"{_h('chance', language)} "
                where = f" ({prefix}{_h('turn', language)} {suggestion.turn_index})"
            out.append(f"  {number}. {suggestion.issue}{where}")
            if suggestion.quote and suggestion.kind == "pitfall":
                out.append(f'     {_h("instead_of", language)}: "{suggestion.quote}"')
            out.append(f'     {_h("better", language)}: "{suggestion.better}"')

    for key in _DETAIL_KEYS:
        dimension = report.dimensions.get(key)
        if dimension is None:
            continue
        out.append("")
        out.append(f"{dimension.name}: {dimension.score}")
        for line in dimension.lines:
            if line.kind == "penalty":
                status = _h("avoided", language) if line.met else _h("happened", language)
            else:
                status = _h("met", language) if line.met else _h("missed", language)
            out.append(f"  [{status}] {line.text}")
        if dimension.evidence:
            out.append(f"  {_h('evidence', language)}:")
            for evidence in dimension.evidence[:3]:
                out.append(f'    {_h("turn", language)} {evidence.turn_index}: "{evidence.quote}"')
        if dimension.passages:
            passage = dimension.passages[0]
            heading = passage.section + (f" > {passage.subsection}" if passage.subsection else "")
            text = passage.excerpt or passage.text
            text = text if len(text) <= 360 else text[:357] + "..."
            out.append(f"  {_h('article', language)} ({heading}): {text}")
    out.append("")
    out.append(f"{_h('rubric', language)} {report.rubric_version} · {report.source}")
    return "\n".join(out)
