"""Value types of the knowledge base: a chunk of the corpus and a retrieved passage."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Chunk:
    """One retrievable piece of the corpus, cut along the article's own headings.

    `text` is the article's wording, shown to users and cited; `search_text` is what
    represents it to the retrievers (heading path, text, the English gloss and the
    hand-written situations it answers); knowledge.units cuts it into smaller units.
    """

    id: str
    text: str
    section: str
    subsection: str | None
    kind: str
    order: int
    gloss: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)
    situations: tuple[str, ...] = field(default_factory=tuple)

    @property
    def heading_path(self) -> str:
        """ "Section > Subsection", or just the section when there is no sub-heading."""
        return f"{self.section} > {self.subsection}" if self.subsection else self.section

    def search_text(self, with_gloss: bool = True, with_situations: bool = False) -> str:
        """The whole text that represents this chunk to the retrievers."""
        parts = [self.heading_path, self.text]
        if with_gloss and self.gloss:
            parts.append(self.gloss)
        if with_gloss and self.keywords:
            parts.append(", ".join(self.keywords))
        if with_situations:
            parts.extend(self.situations)
        return "\n".join(parts)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk as callers see it: the article's words plus where they come from.

    `score` is higher-is-better and only comparable within one query's results.
    """

    id: str
    text: str
    section: str
    subsection: str | None
    source: str
    score: float
    language: str

    @property
    def heading_path(self) -> str:
        return f"{self.section} > {self.subsection}" if self.subsection else self.section

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of every field."""
        return asdict(self)
