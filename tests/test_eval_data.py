"""Validate the hand-written evaluation data in evals/data against its schema and the article.

The eval sets are authored by a coach-like process, not generated, so these checks guard
the things a typo would break silently: unknown labels, duplicate ids, section names that
are not real headings of the article, and per-label coverage too thin to measure anything.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from evals.listening import FRESH_SET_NUMBERS, HELD_OUT_FRESH_SETS

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "evals" / "data"
LISTENING_FILE = DATA_DIR / "listening_turns.yaml"
RETRIEVAL_FILE = DATA_DIR / "retrieval_queries.yaml"
SHARED_ARTICLE = Path("/work/shared/article/hoe-maak-je-verbinding-met-je-team.txt")
CORPUS_DIR = REPO_ROOT / "knowledge" / "corpus"

LABELS: tuple[str, ...] = (
    "summarize",
    "name_unspoken",
    "name_energy",
    "open_question",
    "check_assumption",
    "state_expectation",
    "ask_expectation",
    "self_disclosure",
    "backing",
    "closed_question",
    "premature_advice",
    "dismissive",
    "other",
)

# The article's headings are plain lines, so they cannot be parsed reliably; this list
# is checked line-for-line against the article text below, which keeps it honest.
INTRODUCTION = "Inleiding"
ARTICLE_HEADINGS: tuple[str, ...] = (
    "Leidinggeven is niet alleen sturen op cijfers of resultaten, "
    "het vraagt om verbinding met mensen",
    "Wat is oprechte verbinding eigenlijk?",
    "Hybride werken maakt het lastiger verbinding te maken",
    "Wat zijn nog meer lastige factoren om verbinding te maken of vast te houden?",
    "Waar gaat het vaak mis?",
    "Hoe werkt dat in de praktijk? Oprechte verbinding maken.",
    "Wees aanwezig - niet alleen fysiek",
    "Durf persoonlijk te zijn",
    "Luister op drie niveaus",
    "Herken je eigen aannames",
    "Bespreek verwachtingen expliciet",
    "Bezwaren en zorgen weggenomen",
    "Kort gezegd \u2026",
)

MIN_LISTENING_CASES = 220
MIN_POSITIVES_PER_LABEL = 15
MIN_RETRIEVAL_QUERIES = 48

Lang = Literal["nl", "en"]
Split = Literal["dev", "test"]


class ListeningCase(BaseModel):
    """One leader turn with the employee turn before it and its gold behaviour labels."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    lang: Lang
    split: Split
    context: str = Field(min_length=1)
    text: str = Field(min_length=1)
    labels: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("labels")
    @classmethod
    def labels_known_and_distinct(cls, labels: list[str]) -> list[str]:
        unknown = [label for label in labels if label not in LABELS]
        if unknown:
            raise ValueError(f"unknown label(s) {unknown}; allowed: {list(LABELS)}")
        if len(set(labels)) != len(labels):
            raise ValueError(f"duplicate label in {labels}")
        if "other" in labels and len(labels) > 1:
            raise ValueError("'other' is only for turns that fit no other label")
        return labels


class ListeningSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1]
    labels: list[str]
    cases: list[ListeningCase]


class RetrievalQuery(BaseModel):
    """One question with the article section heading(s) that answer it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    lang: Lang
    text: str = Field(min_length=1)
    sections: list[str] = Field(min_length=1)
    split: Split | None = None  # dev/test, see evals/data/README.md


class RetrievalSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1]
    queries: list[RetrievalQuery]


def _load(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        pytest.fail(f"{path}: not valid YAML: {error}")
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        pytest.fail(f"{path}: schema error:\n{error}")


def _article_text() -> str:
    if SHARED_ARTICLE.is_file():
        return SHARED_ARTICLE.read_text(encoding="utf-8")
    texts = sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else []
    if not texts:
        pytest.skip("article text not found in /work/shared/article or knowledge/corpus")
    return "\n".join(path.read_text(encoding="utf-8") for path in texts)


@pytest.fixture(scope="module")
def listening() -> ListeningSet:
    loaded = _load(LISTENING_FILE, ListeningSet)
    assert isinstance(loaded, ListeningSet)
    return loaded


@pytest.fixture(scope="module")
def retrieval() -> RetrievalSet:
    loaded = _load(RETRIEVAL_FILE, RetrievalSet)
    assert isinstance(loaded, RetrievalSet)
    return loaded


def test_heading_list_matches_article() -> None:
    lines = {line.strip() for line in _article_text().splitlines()}
    missing = [heading for heading in ARTICLE_HEADINGS if heading not in lines]
    assert not missing, f"headings not found as lines of the article: {missing}"


def test_retrieval_ids_unique_and_enough(retrieval: RetrievalSet) -> None:
    ids = Counter(query.id for query in retrieval.queries)
    duplicates = [query_id for query_id, count in ids.items() if count > 1]
    assert not duplicates, f"{RETRIEVAL_FILE}: duplicate ids {duplicates}"
    assert len(retrieval.queries) >= MIN_RETRIEVAL_QUERIES


def test_retrieval_sections_are_article_headings(retrieval: RetrievalSet) -> None:
    valid = {INTRODUCTION, *ARTICLE_HEADINGS}
    bad = [
        (query.id, section)
        for query in retrieval.queries
        for section in query.sections
        if section not in valid
    ]
    assert not bad, f"{RETRIEVAL_FILE}: sections that are not article headings: {bad}"


def test_retrieval_languages_balanced(retrieval: RetrievalSet) -> None:
    per_lang = Counter(query.lang for query in retrieval.queries)
    assert min(per_lang["nl"], per_lang["en"]) >= len(retrieval.queries) // 3, per_lang


def test_listening_vocabulary_declared(listening: ListeningSet) -> None:
    assert tuple(listening.labels) == LABELS, f"{LISTENING_FILE}: 'labels' must list {LABELS}"


def test_listening_ids_unique_and_enough(listening: ListeningSet) -> None:
    ids = Counter(case.id for case in listening.cases)
    duplicates = [case_id for case_id, count in ids.items() if count > 1]
    assert not duplicates, f"{LISTENING_FILE}: duplicate ids {duplicates}"
    assert len(listening.cases) >= MIN_LISTENING_CASES


def test_listening_id_prefix_matches_language(listening: ListeningSet) -> None:
    wrong = [case.id for case in listening.cases if not case.id.startswith(f"{case.lang}-")]
    assert not wrong, f"{LISTENING_FILE}: id prefix disagrees with lang: {wrong}"


def test_listening_label_coverage(listening: ListeningSet) -> None:
    positives = Counter(label for case in listening.cases for label in case.labels)
    thin = {
        label: positives[label] for label in LABELS if positives[label] < MIN_POSITIVES_PER_LABEL
    }
    assert not thin, f"{LISTENING_FILE}: labels below {MIN_POSITIVES_PER_LABEL} positives: {thin}"


def test_listening_each_label_in_both_languages_and_splits(listening: ListeningSet) -> None:
    seen = {(label, case.lang, case.split) for case in listening.cases for label in case.labels}
    gaps = [
        f"{label}/{lang}/{split}"
        for label in LABELS
        for lang in ("nl", "en")
        for split in ("dev", "test")
        if (label, lang, split) not in seen
    ]
    assert not gaps, f"{LISTENING_FILE}: label/lang/split combinations with no case: {gaps}"


def test_listening_splits_roughly_even(listening: ListeningSet) -> None:
    per_split = Counter(case.split for case in listening.cases)
    share = per_split["test"] / len(listening.cases)
    assert 0.4 <= share <= 0.6, per_split


def test_listening_has_multi_label_cases(listening: ListeningSet) -> None:
    multi = sum(1 for case in listening.cases if len(case.labels) >= 2)
    assert multi >= len(listening.cases) // 4, f"only {multi} multi-label cases"


# Second, independent development set for the listener (dev only); see evals/data/README.md.
LISTENING_DEV2_FILE = DATA_DIR / "listening_turns_dev2.yaml"
MIN_DEV2_CASES = 200
MIN_DEV2_POSITIVES_PER_LABEL = 12


@pytest.fixture(scope="module")
def listening_dev2() -> ListeningSet:
    loaded = _load(LISTENING_DEV2_FILE, ListeningSet)
    assert isinstance(loaded, ListeningSet)
    return loaded


def test_dev2_vocabulary_declared(listening_dev2: ListeningSet) -> None:
    assert tuple(listening_dev2.labels) == LABELS, (
        f"{LISTENING_DEV2_FILE}: 'labels' must list {LABELS}"
    )


def test_dev2_ids_unique_across_both_files(
    listening: ListeningSet, listening_dev2: ListeningSet
) -> None:
    ids = Counter(case.id for case in [*listening.cases, *listening_dev2.cases])
    duplicates = [case_id for case_id, count in ids.items() if count > 1]
    assert not duplicates, f"{LISTENING_DEV2_FILE}: ids not unique across both files {duplicates}"
    assert len(listening_dev2.cases) >= MIN_DEV2_CASES


def test_dev2_id_prefix_and_split(listening_dev2: ListeningSet) -> None:
    wrong_prefix = [
        case.id for case in listening_dev2.cases if not case.id.startswith(f"{case.lang}2-")
    ]
    assert not wrong_prefix, f"{LISTENING_DEV2_FILE}: id prefix disagrees with lang: {wrong_prefix}"
    not_dev = [case.id for case in listening_dev2.cases if case.split != "dev"]
    assert not not_dev, f"{LISTENING_DEV2_FILE}: dev2 is dev-only, found other splits: {not_dev}"


def test_dev2_label_coverage_in_both_languages(listening_dev2: ListeningSet) -> None:
    positives = Counter(label for case in listening_dev2.cases for label in case.labels)
    thin = {
        label: positives[label]
        for label in LABELS
        if positives[label] < MIN_DEV2_POSITIVES_PER_LABEL
    }
    assert not thin, (
        f"{LISTENING_DEV2_FILE}: labels below {MIN_DEV2_POSITIVES_PER_LABEL} positives: {thin}"
    )
    seen = {(label, case.lang) for case in listening_dev2.cases for label in case.labels}
    gaps = [
        f"{label}/{lang}" for label in LABELS for lang in ("nl", "en") if (label, lang) not in seen
    ]
    assert not gaps, f"{LISTENING_DEV2_FILE}: label/lang combinations with no case: {gaps}"


def test_dev2_languages_and_multi_label(listening_dev2: ListeningSet) -> None:
    per_lang = Counter(case.lang for case in listening_dev2.cases)
    assert min(per_lang["nl"], per_lang["en"]) >= len(listening_dev2.cases) // 3, per_lang
    multi = sum(1 for case in listening_dev2.cases if len(case.labels) >= 2)
    assert multi >= len(listening_dev2.cases) // 5, f"only {multi} multi-label cases"


# dev3 (held out from training, chooses between listener variants) and the training-only
# files in evals/data/train/; see evals/data/README.md.
LISTENING_DEV3_FILE = DATA_DIR / "listening_turns_dev3.yaml"
# the fresh sets written blind (each joins once it has been read, see evals/data/README.md)
FRESH_FILES = [
    path
    for path in (DATA_DIR / f"listening_turns_dev{number}.yaml" for number in FRESH_SET_NUMBERS)
    if path.is_file()
]
# dev4 to dev7 are training data since round 13; dev3 and dev8 to dev16 stay held out
HELD_OUT_FILES = [
    LISTENING_DEV3_FILE,
    *(
        path
        for path in FRESH_FILES
        if path.stem.removeprefix("listening_turns_") in HELD_OUT_FRESH_SETS
    ),
]
TRAIN_FILES = sorted((DATA_DIR / "train").glob("*.yaml"))
MIN_DEV3_CASES = 200
MIN_TRAIN_POSITIVES_PER_LABEL = 7


def _listening_file(path: Path) -> ListeningSet:
    loaded = _load(path, ListeningSet)
    assert isinstance(loaded, ListeningSet)
    assert tuple(loaded.labels) == LABELS, f"{path}: 'labels' must list {LABELS}"
    return loaded


@pytest.fixture(scope="module")
def extra_sets() -> dict[Path, ListeningSet]:
    return {
        path: _listening_file(path) for path in [LISTENING_DEV3_FILE, *FRESH_FILES, *TRAIN_FILES]
    }


def test_training_files_exist() -> None:
    assert LISTENING_DEV3_FILE.is_file()
    assert FRESH_FILES, "the fresh dev4 set is missing"
    assert len(TRAIN_FILES) >= 1, "evals/data/train/ holds no training files"


def test_extra_sets_dev_only_with_unique_ids(
    listening: ListeningSet, listening_dev2: ListeningSet, extra_sets: dict[Path, ListeningSet]
) -> None:
    ids = Counter(case.id for cases in (listening.cases, listening_dev2.cases) for case in cases)
    for data in extra_sets.values():
        ids.update(case.id for case in data.cases)
    duplicates = [case_id for case_id, count in ids.items() if count > 1]
    assert not duplicates, f"ids not unique across the listening files: {duplicates}"
    for path, data in extra_sets.items():
        not_dev = [case.id for case in data.cases if case.split != "dev"]
        assert not not_dev, f"{path}: only split: dev belongs here, found: {not_dev}"
    assert len(extra_sets[LISTENING_DEV3_FILE].cases) >= MIN_DEV3_CASES


def test_extra_sets_cover_every_label(extra_sets: dict[Path, ListeningSet]) -> None:
    for path, data in extra_sets.items():
        positives = Counter(label for case in data.cases for label in case.labels)
        thin = {
            label: positives[label]
            for label in LABELS
            if positives[label] < MIN_TRAIN_POSITIVES_PER_LABEL
        }
        assert not thin, f"{path}: labels below {MIN_TRAIN_POSITIVES_PER_LABEL}: {thin}"


def _normalised(text: str) -> str:
    return " ".join("".join(ch for ch in text.lower() if ch.isalnum() or ch.isspace()).split())


def test_no_test_turn_in_training_or_dev3(
    listening: ListeningSet, extra_sets: dict[Path, ListeningSet]
) -> None:
    """Training and model selection must not see a test turn, not even a copy of one."""
    test_turns = {_normalised(case.text) for case in listening.cases if case.split == "test"}
    leaked = [
        f"{path.name}:{case.id}"
        for path, data in extra_sets.items()
        for case in data.cases
        if _normalised(case.text) in test_turns
    ]
    assert not leaked, f"test turns copied into dev data: {leaked}"


@pytest.mark.parametrize("held_out", HELD_OUT_FILES, ids=lambda path: path.name)
def test_held_out_sets_not_in_training(
    held_out: Path, extra_sets: dict[Path, ListeningSet]
) -> None:
    """dev3, dev8 and dev13 choose between variants and dev9 to dev16 were fresh checks: no
    copy of their turns may sit in a training file (dev4 to dev7 included) or another
    held-out set."""
    kept_apart = {_normalised(case.text) for case in extra_sets[held_out].cases}
    leaked = [
        f"{path.name}:{case.id}"
        for path, data in extra_sets.items()
        if path != held_out
        for case in data.cases
        if _normalised(case.text) in kept_apart
    ]
    assert not leaked, f"{held_out.name} turns copied into other files: {leaked}"
