"""Export of one practice session (transcript and report) as Markdown or as PDF.

The PDF uses a Unicode TrueType font (DejaVu Sans from Debian's `fonts-dejavu-core`, or
OEFENGESPREK_PDF_FONT) so Dutch and typographic characters survive; without one it falls
back to a core font and transliterates the text to Latin-1. Everything the leader typed is
written as plain text: nothing in it is interpreted as Markdown or HTML.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roleplay.i18n import t
from roleplay.types import LISTENING_LABELS

FONT_ENV = "OEFENGESPREK_PDF_FONT"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
FONT_REGULAR = "DejaVuSans.ttf"
FONT_BOLD = "DejaVuSans-Bold.ttf"

#: the score dimensions in the order reports show them
DIMENSIONS = (
    "listening",
    "listening_level1",
    "listening_level2",
    "listening_level3",
    "listening_inquiry",
    "listening_space",
    "expectations",
    "expectations_stated",
    "expectations_asked",
    "assumptions",
    "presence",
    "pitfalls",
)


class ExportError(RuntimeError):
    """The session could not be exported; the message says why."""


@dataclass(frozen=True)
class ExportTurn:
    """One line of the conversation as exported."""

    role: str  # "leader" or "employee"
    text: str
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportSession:
    """Everything an export shows about one session; built by the caller from the store."""

    scenario_title: str
    persona_name: str
    language: str
    difficulty: str = ""
    backend: str = ""
    started_at: str = ""
    turns: tuple[ExportTurn, ...] = ()
    #: `Report.model_dump(mode="json")` of roleplay.scoring, or None for an unfinished session
    report: dict[str, Any] | None = None
    extra: dict[str, str] = field(default_factory=dict)


# --- Markdown -------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def escape_markdown(text: str) -> str:
    """`text` with every Markdown/HTML control character escaped, so it renders literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _quote_block(text: str) -> str:
    return "\n".join("> " + escape_markdown(line) if line else ">" for line in text.splitlines())


def label_names(labels: tuple[str, ...] | list[str], lang: str) -> str:
    """Behaviour labels in words ("open question, summarising")."""
    names = [t(f"label_{label}", lang) for label in labels if f"label_{label}" in _LABEL_KEYS]
    return ", ".join(names)


_LABEL_KEYS = {f"label_{name}" for name in LISTENING_LABELS}


def score_rows(report: dict[str, Any]) -> list[tuple[str, float]]:
    """(dimension, score) for every dimension the report scored, in display order."""
    scores = report.get("scores") or {}
    rows: list[tuple[str, float]] = []
    for dimension in DIMENSIONS:
        value = scores.get(dimension)
        if isinstance(value, int | float):
            rows.append((dimension, float(value)))
    return rows


def format_score(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}"


def report_dimensions(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's dimension blocks, each with its key under "key", in display order."""
    dimensions = report.get("dimensions") or {}
    if isinstance(dimensions, dict):
        blocks = [
            {**value, "key": str(value.get("key") or key)}
            for key, value in dimensions.items()
            if isinstance(value, dict)
        ]
    else:
        blocks = [dict(block) for block in dimensions if isinstance(block, dict)]
    order = {name: index for index, name in enumerate(DIMENSIONS)}
    # "overall" gathers the evidence of all the others; repeating it would only add noise
    blocks = [block for block in blocks if block.get("key") != "overall"]
    return sorted(blocks, key=lambda block: order.get(str(block.get("key")), len(order)))


def evidence_items(dimension: dict[str, Any]) -> list[tuple[int | None, str, str]]:
    """(turn index, quote, "strength"|"pitfall") for every piece of evidence of a dimension."""
    items: list[tuple[int | None, str, str]] = []
    for entry in dimension.get("evidence") or []:
        if not isinstance(entry, dict):
            continue
        turn = entry.get("turn_index", entry.get("turn"))
        items.append(
            (
                turn if isinstance(turn, int) else None,
                str(entry.get("quote") or ""),
                str(entry.get("kind") or "strength"),
            )
        )
    return items


def rubric_lines(dimension: dict[str, Any], which: str) -> list[str]:
    """The texts of the dimension's rubric lines that were met (`which="met"`) or missed."""
    wanted = which == "met"
    return [
        str(line.get("text") or line.get("id") or "")
        for line in dimension.get("lines") or []
        if isinstance(line, dict) and bool(line.get("met")) == wanted
    ]


def report_citations(report: dict[str, Any]) -> list[dict[str, str]]:
    """The article passages the report cites (over all dimensions), each once."""
    seen: set[tuple[str, str]] = set()
    cited: list[dict[str, str]] = []
    for block in report_dimensions(report):
        for item in block.get("passages") or []:
            if not isinstance(item, dict):
                continue
            text = str(item.get("text") or "")
            section = str(item.get("section") or "")
            if not text or (section, text) in seen:
                continue
            seen.add((section, text))
            cited.append(
                {
                    "section": section,
                    "subsection": str(item.get("subsection") or ""),
                    "text": text,
                    "source": str(item.get("source") or report.get("source") or ""),
                }
            )
    return cited


def report_phrasings(report: dict[str, Any]) -> list[dict[str, str]]:
    """The weakest moments with a better phrasing: quote (may be empty), better, why, turn."""
    result = []
    for item in report.get("suggestions") or []:
        if not isinstance(item, dict) or not item.get("better"):
            continue
        turn = item.get("turn_index")
        result.append(
            {
                "original": str(item.get("quote") or ""),
                "better": str(item.get("better") or ""),
                "why": str(item.get("issue") or ""),
                "turn": str(turn + 1) if isinstance(turn, int) else "",
            }
        )
    return result


def session_markdown(session: ExportSession, lang: str) -> str:
    """The session as a Markdown document: header, scores, evidence, transcript, citations."""
    out: list[str] = [f"# {escape_markdown(session.scenario_title)}", ""]
    meta = [
        (t("col_date", lang), session.started_at),
        (t("difficulty_label", lang), _difficulty_name(session.difficulty, lang)),
        (t("col_backend", lang), session.backend),
    ]
    for field_name, field_value in meta:
        if field_value:
            out.append(f"- **{field_name}:** {escape_markdown(field_value)}")
    out.append("")
    report = session.report
    if report:
        overall = (report.get("scores") or {}).get("overall")
        out += [f"## {t('scores_chart', lang)}", ""]
        if isinstance(overall, int | float):
            out += [f"**{t('overall_score', lang)}: {format_score(overall)}**", ""]
        out += [f"| {t('dimension_axis', lang)} | {t('col_score', lang)} |", "|---|---:|"]
        for dimension, value in score_rows(report):
            out.append(f"| {t(f'dim_{dimension}', lang)} | {format_score(value)} |")
        out.append("")
        blocks = report_dimensions(report)
        if blocks:
            out += [f"## {t('dimension_details', lang)}", ""]
        for block in blocks:
            key = str(block.get("key") or "")
            title = (
                t(f"dim_{key}", lang)
                if f"dim_{key}" in _DIMENSION_KEYS
                else str(block.get("name") or key)
            )
            score = block.get("score")
            if isinstance(score, int | float):
                title += f" ({format_score(score)})"
            out += [f"### {escape_markdown(title)}", ""]
            for turn_index, quote, kind in evidence_items(block):
                where = (
                    t("evidence_line", lang, turn=turn_index + 1) + ": "
                    if turn_index is not None
                    else ""
                )
                mark = "✗ " if kind == "pitfall" else ""
                out.append(f"- {mark}{where}“{escape_markdown(quote)}”")
            for line in rubric_lines(block, "met"):
                out.append(f"- ✓ {escape_markdown(line)}")
            for line in rubric_lines(block, "missed"):
                out.append(f"- ✗ {escape_markdown(line)}")
            out.append("")
    out += [f"## {t('transcript', lang)}", ""]
    for turn in session.turns:
        speaker = t("role_leader", lang) if turn.role == "leader" else session.persona_name
        out.append(f"**{escape_markdown(speaker)}:**")
        out.append("")
        out.append(_quote_block(turn.text))
        if turn.role == "leader" and turn.labels:
            out.append("")
            out.append(f"*{label_names(turn.labels, lang)}*")
        out.append("")
    if report:
        phrasings = report_phrasings(report)
        if phrasings:
            out += [f"## {t('better_phrasings', lang)}", ""]
            for item in phrasings:
                if item["original"]:
                    where = (
                        f" ({t('evidence_line', lang, turn=item['turn'])})" if item["turn"] else ""
                    )
                    out.append(
                        f"- {t('you_said', lang)}{where}: “{escape_markdown(item['original'])}”"
                    )
                else:
                    out.append(f"- {escape_markdown(item['why'])}")
                out.append(f"  - {t('try_instead', lang)}: “{escape_markdown(item['better'])}”")
                if item["why"] and item["original"]:
                    out.append(f"  - {t('why', lang)}: {escape_markdown(item['why'])}")
            out.append("")
        citations = report_citations(report)
        if citations:
            out += [f"## {t('citations', lang)}", ""]
            for item in citations:
                heading = " > ".join(p for p in (item["section"], item["subsection"]) if p)
                out.append(f"**{escape_markdown(heading)}**")
                out.append("")
                out.append(_quote_block(item["text"]))
                if item["source"]:
                    out.append(">")
                    out.append("> — " + escape_markdown(item["source"]))
                out.append("")
    return "\n".join(out).rstrip() + "\n"


_DIMENSION_KEYS = {f"dim_{name}" for name in (*DIMENSIONS, "overall")}


def _difficulty_name(difficulty: str, lang: str) -> str:
    if difficulty in ("easy", "normal", "hard"):
        return t(f"difficulty_{difficulty}", lang)
    return difficulty


# --- PDF ------------------------------------------------------------------------------------

_TRANSLITERATION = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
        "…": "...",
        "•": "-",
        "✓": "+",
        "✗": "x",
        "→": "->",
        "\u00a0": " ",
    }
)


def to_latin1(text: str) -> str:
    """`text` made printable in a core PDF font: typographic marks mapped, the rest decomposed."""
    text = text.translate(_TRANSLITERATION)
    out = []
    for char in text:
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode()
            out.append(decomposed or "?")
    return "".join(out)


def find_unicode_font() -> tuple[Path, Path | None] | None:
    """(regular, bold) TTF paths of a Unicode font, or None when none is installed."""
    configured = os.environ.get(FONT_ENV, "").strip()
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise ExportError(f"{FONT_ENV} points at {str(path)!r}, which is not a font file.")
        return path, None
    for directory in FONT_DIRS:
        regular = directory / FONT_REGULAR
        if regular.is_file():
            bold = directory / FONT_BOLD
            return regular, bold if bold.is_file() else None
    return None


def _unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _strip_inline(text: str) -> str:
    """Markdown emphasis markers we wrote ourselves, removed; escaped user text restored."""
    text = re.sub(r"(?<!\\)\*\*", "", text)
    text = re.sub(r"(?<!\\)(?<![\w*])\*(?!\s)", "", text)
    text = re.sub(r"(?<!\\)(?<!\s)\*(?![\w*])", "", text)
    text = re.sub(r"(?<!\\)`", "", text)
    return _unescape_markdown(text)


def session_pdf(session: ExportSession, lang: str) -> bytes:
    """The same content as `session_markdown`, laid out as an A4 PDF."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(18, 16, 18)
    pdf.set_title(to_latin1(session.scenario_title))
    pdf.set_creator("Oefengesprek")
    font = find_unicode_font()
    if font is not None:
        regular, bold = font
        pdf.add_font("Body", "", str(regular))
        pdf.add_font("Body", "B", str(bold or regular))
        family = "Body"

        def clean(text: str) -> str:
            return text

    else:
        family = "Helvetica"
        clean = to_latin1
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def write(text: str, size: float = 10.5, style: str = "", indent: float = 0.0) -> None:
        pdf.set_font(family, style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, clean(text), new_x="LMARGIN", new_y="NEXT")

    for line in session_markdown(session, lang).splitlines():
        if line.startswith("|---"):
            continue
        if not line.strip():
            pdf.ln(2)
        elif line.startswith("### "):
            pdf.ln(1)
            write(_strip_inline(line[4:]), 12, "B")
        elif line.startswith("## "):
            pdf.ln(3)
            write(_strip_inline(line[3:]), 14, "B")
        elif line.startswith("# "):
            write(_strip_inline(line[2:]), 18, "B")
        elif line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            write("    ".join(_strip_inline(cell) for cell in cells))
        elif line.startswith(">"):
            pdf.set_text_color(70, 70, 70)
            write(_unescape_markdown(line[1:].strip()), indent=6)
            pdf.set_text_color(0, 0, 0)
        elif line.startswith("  - "):
            write("– " + _strip_inline(line[4:]), indent=10)
        elif line.startswith("- "):
            write("• " + _strip_inline(line[2:]), indent=3)
        else:
            bold_line = line.startswith("**") and line.rstrip().endswith("**")
            write(_strip_inline(line), style="B" if bold_line else "")
    try:
        return bytes(pdf.output())
    except Exception as exc:  # fpdf raises plain exceptions for layout problems
        raise ExportError(f"could not lay out the PDF: {exc}") from exc


def file_stem(session: ExportSession) -> str:
    """A safe file name (without extension) for the export."""
    base = unicodedata.normalize("NFKD", session.scenario_title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", base).strip("-").lower() or "gesprek"
    date = re.sub(r"[^0-9]+", "", session.started_at)[:8]
    return f"oefengesprek-{slug}" + (f"-{date}" if date else "")
