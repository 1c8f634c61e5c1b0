"""The scoring rubric as data: loading and validating roleplay/data/rubric.yaml.

The rubric is authored by a coach, so every mistake is reported with the file and the
field it is in, and cross-references (labels, dimensions, composites) are checked.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from roleplay.listening.rules import LABELS
from roleplay.types import Language

DEFAULT_RUBRIC = Path(__file__).resolve().parent.parent / "data" / "rubric.yaml"
REQUIRED_SCORES = (
    "listening",
    "listening_level1",
    "listening_level2",
    "listening_level3",
    "expectations",
    "expectations_stated",
    "expectations_asked",
    "assumptions",
    "presence",
    "pitfalls",
    "overall",
)


class RubricError(ValueError):
    """The rubric file is missing, unreadable or invalid; the message names file and field."""


class Bilingual(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: Language) -> str:
        return self.en if language == "en" else self.nl


class RubricLine(BaseModel):
    """One thing the rubric rewards or penalises, with its article grounding."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    dimension: str = Field(min_length=1)
    rewards: list[str] = Field(default_factory=list)
    penalises: list[str] = Field(default_factory=list)
    target_rate: float = Field(default=0.2, gt=0, le=1)
    max_rate: float = Field(default=0.3, gt=0, le=1)
    presence_weight: float = Field(default=0.0, ge=0, le=1)
    weight: float = Field(default=1.0, gt=0)
    text: Bilingual
    query: str = Field(min_length=3)
    section: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    better: Bilingual

    @model_validator(mode="after")
    def _one_direction_known_labels(self) -> RubricLine:
        if bool(self.rewards) == bool(self.penalises):
            raise ValueError("a line needs exactly one of `rewards` or `penalises`")
        unknown = [label for label in self.rewards + self.penalises if label not in LABELS]
        if unknown:
            raise ValueError(f"unknown label(s) {unknown}; allowed: {list(LABELS)}")
        return self

    @property
    def is_penalty(self) -> bool:
        return bool(self.penalises)

    @property
    def labels(self) -> frozenset[str]:
        return frozenset(self.penalises or self.rewards)


class Composite(BaseModel):
    """A score made of other scores: a weighted mean of `parts`, then damped by each
    `damped_by` score d with strength s (multiplied by 1 - s + s * d), so avoiding a
    pitfall can lower a score but never earn points on its own."""

    model_config = ConfigDict(extra="forbid")

    parts: dict[str, float] = Field(min_length=1)
    damped_by: dict[str, float] = Field(default_factory=dict)

    def dependencies(self) -> list[str]:
        return [*self.parts, *self.damped_by]


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str = Field(min_length=1)
    source: str = Field(min_length=1)
    scores: dict[str, Bilingual]
    composites: dict[str, Composite]
    lines: list[RubricLine] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        missing = [key for key in REQUIRED_SCORES if key not in self.scores]
        if missing:
            raise ValueError(f"scores: missing required key(s) {missing}")
        ids = [line.id for line in self.lines]
        duplicates = sorted({line_id for line_id in ids if ids.count(line_id) > 1})
        if duplicates:
            raise ValueError(f"lines: duplicate id(s) {duplicates}")
        for line in self.lines:
            if line.dimension not in self.scores:
                raise ValueError(f"line {line.id}: dimension {line.dimension!r} not in `scores`")
            if line.dimension in self.composites:
                raise ValueError(f"line {line.id}: {line.dimension!r} is a composite")
        for name, composite in self.composites.items():
            if name not in self.scores:
                raise ValueError(f"composites.{name}: not in `scores`")
            for part, weight in composite.parts.items():
                if part not in self.scores:
                    raise ValueError(f"composites.{name}.parts.{part}: not in `scores`")
                if weight <= 0:
                    raise ValueError(f"composites.{name}.parts.{part}: weight must be positive")
            for part, strength in composite.damped_by.items():
                if part not in self.scores:
                    raise ValueError(f"composites.{name}.damped_by.{part}: not in `scores`")
                if not 0 < strength <= 1:
                    raise ValueError(f"composites.{name}.damped_by.{part}: must be in (0, 1]")
        for key in self.scores:
            if key not in self.composites and not any(line.dimension == key for line in self.lines):
                raise ValueError(f"scores.{key}: no line and no composite defines it")
        self.evaluation_order()  # raises on a cycle
        return self

    def lines_for(self, dimension: str) -> list[RubricLine]:
        return [line for line in self.lines if line.dimension == dimension]

    def evaluation_order(self) -> list[str]:
        """Score keys ordered so every composite comes after its parts."""
        order: list[str] = []
        visiting: set[str] = set()

        def visit(key: str) -> None:
            if key in order:
                return
            if key in visiting:
                raise ValueError(f"composites: cycle through {key!r}")
            visiting.add(key)
            composite = self.composites.get(key)
            for part in composite.dependencies() if composite else []:
                visit(part)
            visiting.discard(key)
            order.append(key)

        for key in self.scores:
            visit(key)
        return order


def load_rubric(path: Path | str | None = None) -> Rubric:
    """Load and validate a rubric file (default: the shipped roleplay/data/rubric.yaml)."""
    return _load_rubric(str(Path(path) if path else DEFAULT_RUBRIC))


@lru_cache(maxsize=8)
def _load_rubric(path_text: str) -> Rubric:
    path = Path(path_text)
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RubricError(f"Cannot read the rubric {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise RubricError(f"The rubric {path} is not valid YAML: {exc}") from exc
    try:
        return Rubric.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise RubricError(f"Invalid rubric {path}: {problems}") from exc
