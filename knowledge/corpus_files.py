"""Loading the built-in corpus: the article's text and its validated metadata/outline YAML."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from knowledge.errors import CorpusError

CORPUS_DIR = "corpus"
DEFAULT_METADATA_FILE = "hoe-maak-je-verbinding-met-je-team.yaml"

_DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid")

    heading: str = Field(min_length=1)
    marker: str | None = None
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: str = Field(min_length=1)
    gloss: str = ""
    keywords: list[str] = Field(default_factory=list)
    # Hand-written descriptions of the situations this passage answers (doc expansion).
    situations: list[str] = Field(default_factory=list)
    whole: bool = False
    heading_in_text: bool = False

    @property
    def opening_line(self) -> str:
        return self.marker or self.heading


class SubsectionSpec(_Node):
    """A sub-heading inside a section (a practice, a factor, an objection)."""


class SectionSpec(_Node):
    """A top-level heading of the article and what belongs under it."""

    subsections: list[SubsectionSpec] = Field(default_factory=list)
    closing_marker: str | None = None
    closing_gloss: str = ""
    closing_situations: list[str] = Field(default_factory=list)

    @field_validator("subsections")
    @classmethod
    def _unique_keys(cls, value: list[SubsectionSpec]) -> list[SubsectionSpec]:
        _require_unique_keys([sub.key for sub in value], "subsection")
        return value


def _require_unique_keys(keys: list[str], kind: str) -> None:
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate {kind} keys: {', '.join(duplicates)}")


class CorpusMetadata(BaseModel):
    """The metadata file beside the text: attribution plus the outline the chunker follows."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1)
    author: str = Field(min_length=1)
    date: dt.date
    language: str = Field(pattern=r"^[a-z]{2}$")
    text_file: str = Field(min_length=1)
    front_matter_lines: int = Field(default=0, ge=0)
    excluded_paragraphs: list[str] = Field(default_factory=list)
    sections: list[SectionSpec] = Field(min_length=1)

    @field_validator("sections")
    @classmethod
    def _unique_section_keys(cls, value: list[SectionSpec]) -> list[SectionSpec]:
        _require_unique_keys([section.key for section in value], "section")
        return value


@dataclass(frozen=True)
class Corpus:
    """One document of the knowledge base: its text, metadata and where both came from."""

    text: str
    metadata: CorpusMetadata
    text_path: str
    metadata_path: str
    metadata_text: str

    @property
    def attribution(self) -> str:
        """How a passage is cited, e.g. 'Saskia Oude Aarninkhof, "Titel", 27 juni 2025'."""
        date = self.metadata.date
        dutch_date = f"{date.day} {_DUTCH_MONTHS[date.month - 1]} {date.year}"
        return f'{self.metadata.author}, "{self.metadata.title}", {dutch_date}'

    @property
    def fingerprint(self) -> str:
        """Hash of the text and the metadata: changes whenever either file changes."""
        digest = hashlib.sha256()
        digest.update(self.text.encode("utf-8"))
        digest.update(b"\0")
        digest.update(self.metadata_text.encode("utf-8"))
        return digest.hexdigest()


def _format_validation_error(path: str, error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "(top level)"
        problems.append(f"{location}: {item['msg']}")
    return f"Invalid corpus metadata in {path}: " + "; ".join(problems)


def load_corpus(metadata_path: str | Path | None = None) -> Corpus:
    """Load the corpus described by `metadata_path` (default: the packaged article).

    The text file is looked up beside the metadata file. Errors name the file and field.
    """
    import yaml

    if metadata_path is None:
        base = resources.files("knowledge") / CORPUS_DIR
        meta_resource = base / DEFAULT_METADATA_FILE
        meta_name = str(meta_resource)
        try:
            metadata_text = meta_resource.read_text(encoding="utf-8")
        except OSError as exc:
            raise CorpusError(
                f"Cannot read the packaged corpus metadata {meta_name}: {exc}"
            ) from exc
    else:
        meta_file = Path(metadata_path)
        meta_name = str(meta_file)
        try:
            metadata_text = meta_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CorpusError(f"Cannot read the corpus metadata {meta_name}: {exc}") from exc
    try:
        raw = yaml.safe_load(metadata_text)
    except yaml.YAMLError as exc:
        raise CorpusError(f"Corpus metadata {meta_name} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise CorpusError(f"Corpus metadata {meta_name} must be a mapping at the top level.")
    try:
        metadata = CorpusMetadata.model_validate(raw)
    except ValidationError as exc:
        raise CorpusError(_format_validation_error(meta_name, exc)) from exc

    if metadata_path is None:
        text_resource = resources.files("knowledge") / CORPUS_DIR / metadata.text_file
        text_name = str(text_resource)
        try:
            text = text_resource.read_text(encoding="utf-8")
        except OSError as exc:
            raise CorpusError(
                f"Cannot read the corpus text {text_name} (field text_file of {meta_name}): {exc}"
            ) from exc
    else:
        text_file = Path(metadata_path).parent / metadata.text_file
        text_name = str(text_file)
        try:
            text = text_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CorpusError(
                f"Cannot read the corpus text {text_name} (field text_file of {meta_name}): "
                f"{exc.strerror or exc}"
            ) from exc
    return Corpus(
        text=text.replace("\r\n", "\n"),
        metadata=metadata,
        text_path=text_name,
        metadata_path=meta_name,
        metadata_text=metadata_text,
    )
