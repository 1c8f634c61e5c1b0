"""Cutting each chunk into the small units that are embedded and indexed ("small-to-big").

A chunk stays the passage that is returned and cited (a listening-level trio, an
objection with its answer), but one vector for a long chunk dilutes it: an indirect
question matches one sentence inside it. So the retrievers see several units per chunk,
each prefixed with the chunk's heading path, and a chunk scores as its best unit (see
knowledge.ranking.aggregate). Units are: the whole search text, each paragraph or
sentence of the article's text, the English gloss, and each hand-written situation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from knowledge.types import Chunk

Granularity = Literal["none", "paragraph", "sentence"]

# A sentence ends at . ! ? or a closing quote after one, followed by a space and a capital,
# digit or opening quote; short fragments are merged into their neighbour.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’]?\s+(?=[A-Z0-9“\"‘À-Ý])")
MIN_SENTENCE_CHARS = 40


@dataclass(frozen=True)
class Unit:
    """One piece of one chunk as the retrievers see it."""

    chunk_index: int
    text: str


def _sentences(paragraph: str) -> list[str]:
    pieces = [p.strip() for p in _SENTENCE_END.split(paragraph) if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and (len(merged[-1]) < MIN_SENTENCE_CHARS or len(piece) < MIN_SENTENCE_CHARS):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def chunk_units(
    chunk: Chunk,
    granularity: Granularity = "sentence",
    with_gloss: bool = True,
    with_situations: bool = True,
) -> list[str]:
    """The texts that stand for `chunk`: its whole search text first, then the small units."""
    units = [chunk.search_text(with_gloss, with_situations)]
    if granularity == "none":
        return units
    heading = chunk.heading_path
    paragraphs = [line.strip() for line in chunk.text.split("\n") if line.strip()]
    pieces: list[str] = []
    for paragraph in paragraphs:
        pieces.extend(_sentences(paragraph) if granularity == "sentence" else [paragraph])
    if with_gloss and chunk.gloss:
        pieces.append(chunk.gloss)
    if with_situations:
        pieces.extend(chunk.situations)
    units.extend(f"{heading}\n{piece}" for piece in pieces)
    return units


def corpus_units(
    chunks: list[Chunk],
    granularity: Granularity = "sentence",
    with_gloss: bool = True,
    with_situations: bool = True,
) -> list[Unit]:
    """Every unit of every chunk, in chunk order."""
    return [
        Unit(index, text)
        for index, chunk in enumerate(chunks)
        for text in chunk_units(chunk, granularity, with_gloss, with_situations)
    ]
