"""Cutting the corpus into chunks along the article's own headings, as its outline declares.

Headings in the article are plain lines, so the metadata YAML lists them (in order) and
this module finds each one as a line of the text. Everything between two headings belongs
to the first. A sub-heading (a practice, a factor, an objection) becomes one chunk; a
long stretch of prose under a heading is packed paragraph by paragraph into chunks of a
few hundred characters, never splitting a paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from knowledge.corpus_files import Corpus, SectionSpec, SubsectionSpec
from knowledge.errors import CorpusError
from knowledge.types import Chunk

# A chunk of prose grows up to about this many characters before a new one starts: small
# enough that one chunk answers one question, large enough to carry its context.
MAX_CHUNK_CHARS = 900
# A paragraph this short (a pull quote, a bullet) never opens a chunk of its own.
SHORT_PARAGRAPH_CHARS = 160
# A chunk is not closed while it is shorter than this.
MIN_CHUNK_CHARS = 250

_BULLET = re.compile(r"^(?:[•*\-–]|\d+[.)])\s+")
_QUOTES = "“”\"‘’'«»"


def normalise_heading(text: str) -> str:
    """Heading text reduced for comparison: no bullets, quotes, case or extra spaces."""
    text = unicodedata.normalize("NFC", text).strip()
    text = _BULLET.sub("", text)
    text = text.strip(_QUOTES + " ")
    return re.sub(r"\s+", " ", text).casefold()


@dataclass(frozen=True)
class _Marker:
    """A heading to find in the text and the outline node it opens."""

    line_text: str
    field: str
    section: SectionSpec
    subsection: SubsectionSpec | None
    is_closing: bool = False


def _markers(corpus: Corpus) -> list[_Marker]:
    markers: list[_Marker] = []
    for s_index, section in enumerate(corpus.metadata.sections):
        base = f"sections[{s_index}]"
        markers.append(
            _Marker(
                section.opening_line,
                f"{base}.{'marker' if section.marker else 'heading'}",
                section,
                None,
            )
        )
        for sub_index, sub in enumerate(section.subsections):
            field = f"{base}.subsections[{sub_index}].{'marker' if sub.marker else 'heading'}"
            markers.append(_Marker(sub.opening_line, field, section, sub))
        if section.closing_marker:
            markers.append(
                _Marker(section.closing_marker, f"{base}.closing_marker", section, None, True)
            )
    return markers


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs, each line stripped, lines inside kept apart."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def _pack(paragraphs: list[str]) -> list[str]:
    """Greedy packing of whole paragraphs into chunks of about MAX_CHUNK_CHARS."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for paragraph in paragraphs:
        current_len = sum(len(p) + 2 for p in current)
        if (
            current
            and current_len + len(paragraph) > MAX_CHUNK_CHARS
            and len(paragraph) >= SHORT_PARAGRAPH_CHARS
            and current_len >= MIN_CHUNK_CHARS
        ):
            chunks.append(current)
            current = []
        current.append(paragraph)
    if current:
        chunks.append(current)
    return ["\n\n".join(chunk) for chunk in chunks]


def chunk_corpus(corpus: Corpus) -> list[Chunk]:
    """Chunks of `corpus` in reading order, with stable ids derived from the outline keys."""
    meta = corpus.metadata
    lines = corpus.text.split("\n")
    where = f"{corpus.metadata_path}"
    start = meta.front_matter_lines
    if start > len(lines):
        raise CorpusError(
            f"front_matter_lines is {start} in {where}, but {corpus.text_path} has "
            f"only {len(lines)} lines."
        )
    front_matter = " ".join(lines[:start]).casefold()
    if start and meta.title.casefold() not in front_matter:
        raise CorpusError(
            f"The first {start} lines of {corpus.text_path} (front_matter_lines in {where}) "
            f"do not contain the title {meta.title!r}."
        )

    # Locate every heading in order; each must be found after the previous one.
    positions: list[tuple[int, _Marker]] = []
    cursor = start
    for marker in _markers(corpus):
        wanted = normalise_heading(marker.line_text)
        found = None
        for number in range(cursor, len(lines)):
            candidate = normalise_heading(lines[number])
            if candidate == wanted or (marker.is_closing and candidate.startswith(wanted)):
                found = number
                break
        if found is None:
            raise CorpusError(
                f"Heading {marker.line_text!r} ({marker.field} in {where}) is not a line of "
                f"{corpus.text_path} after line {cursor} (headings must appear in outline order)."
            )
        positions.append((found, marker))
        cursor = found + 1

    leading = [line for line in lines[start : positions[0][0]] if line.strip()]
    if leading:
        raise CorpusError(
            f"{corpus.text_path} has text before the first heading of the outline in {where}: "
            f"{leading[0].strip()[:60]!r}"
        )

    excluded = [normalise_heading(prefix) for prefix in meta.excluded_paragraphs]
    pieces: list[tuple[_Marker, list[str]]] = []
    sections_with_own_text: set[str] = set()
    for index, (line_number, marker) in enumerate(positions):
        end = positions[index + 1][0] if index + 1 < len(positions) else len(lines)
        # a closing marker is the first sentence of a paragraph, so it belongs to the body
        body_start = line_number if marker.is_closing else line_number + 1
        paragraphs = [
            p
            for p in _paragraphs(lines[body_start:end])
            if not any(normalise_heading(p).startswith(prefix) for prefix in excluded)
        ]
        node: SectionSpec | SubsectionSpec = marker.subsection or marker.section
        if marker.subsection is not None and marker.subsection.heading_in_text and paragraphs:
            # an objection and its answer are one unit, quoted objection first
            paragraphs = ["\n".join([lines[line_number].strip(), *paragraphs])]
        if not paragraphs:
            if marker.subsection is None and not marker.is_closing and marker.section.subsections:
                continue  # a section that goes straight into its first sub-heading
            raise CorpusError(
                f"Heading {marker.line_text!r} ({marker.field} in {where}) has no text under it "
                f"in {corpus.text_path}."
            )
        if marker.subsection is None and not marker.is_closing:
            sections_with_own_text.add(marker.section.key)
        whole = node.whole or marker.subsection is not None
        pieces.append((marker, ["\n\n".join(paragraphs)] if whole else _pack(paragraphs)))

    chunks: list[Chunk] = []
    for marker, texts in pieces:
        carries_section_gloss = (
            marker.subsection is not None and marker.section.key not in sections_with_own_text
        )
        chunks.extend(_make_chunks(marker, texts, len(chunks), carries_section_gloss))
    _check_unique_ids(chunks, where)
    return chunks


def _make_chunks(
    marker: _Marker, texts: list[str], first_order: int, carries_section_gloss: bool
) -> list[Chunk]:
    section = marker.section
    sub = marker.subsection
    keywords: list[str]
    situations: list[str]
    if marker.is_closing:
        base_id, kind, gloss, keywords = (
            f"{section.key}/slot",
            section.kind,
            section.closing_gloss,
            [],
        )
        situations = section.closing_situations
    elif sub is not None:
        base_id, kind, gloss, keywords = (
            f"{section.key}/{sub.key}",
            sub.kind,
            sub.gloss,
            sub.keywords,
        )
        situations = sub.situations
    else:
        base_id, kind, gloss, keywords = section.key, section.kind, section.gloss, section.keywords
        situations = section.situations
    if carries_section_gloss and section.gloss:
        # the section has no text of its own, so its sub-headings carry its gloss
        gloss = f"{section.gloss} {gloss}".strip()
    return [
        Chunk(
            id=base_id if len(texts) == 1 else f"{base_id}#{part}",
            text=text,
            section=section.heading,
            subsection=sub.heading if sub is not None else None,
            kind=kind,
            order=first_order + part - 1,
            gloss=gloss,
            keywords=tuple(keywords),
            situations=tuple(situations),
        )
        for part, text in enumerate(texts, start=1)
    ]


def _check_unique_ids(chunks: list[Chunk], where: str) -> None:
    seen: set[str] = set()
    for chunk in chunks:
        if chunk.id in seen:
            raise CorpusError(
                f"Two chunks would share the id {chunk.id!r}; check the keys in {where}."
            )
        seen.add(chunk.id)
