"""Scenario files: the pydantic schema a coach authors against, and the loader.

A scenario is one YAML file in `roleplay/scenarios/` holding both languages. Loading
validates it completely; every problem is reported as `FILE: field.path: message` so
an author can fix it without reading Python. See `roleplay/scenarios/AUTHORING.md`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from roleplay.types import LANGUAGES, LISTENING_LABELS, Language

SCENARIO_DIR = Path(__file__).with_name("scenarios")
SCENARIO_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Difficulty = Literal["easy", "normal", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "normal", "hard")

PersonaMood = Literal["guarded", "neutral", "opening", "open"]
PERSONA_MOODS: tuple[PersonaMood, ...] = ("guarded", "neutral", "opening", "open")

#: the leader moves the persona has authored reactions for (see `roleplay.persona.leader_move`)
LeaderMove = Literal[
    "dismissive",
    "premature_advice",
    "good_listening",
    "open_question",
    "closed_question",
    "deflection",
]
LEADER_MOVES: tuple[LeaderMove, ...] = (
    "dismissive",
    "premature_advice",
    "good_listening",
    "open_question",
    "closed_question",
    "deflection",
)

#: the listener labels that count as listening on level 2 or 3 of the article
DEEP_LISTENING_LABELS: tuple[str, ...] = ("name_unspoken", "name_energy")

#: every label the listener (roleplay.listener) can give a leader turn
LISTENER_LABELS = LISTENING_LABELS

#: section and practice headings of the article, as the text has them; learning goals cite one
ARTICLE_SECTIONS: tuple[str, ...] = (
    "Hoe maak je verbinding met je team?",
    "Leidinggeven is niet alleen sturen op cijfers of resultaten, "
    "het vraagt om verbinding met mensen",
    "Wat is oprechte verbinding eigenlijk?",
    "Hybride werken maakt het lastiger verbinding te maken",
    "Wat zijn nog meer lastige factoren om verbinding te maken of vast te houden?",
    "Stress maakt mensen minder beschikbaar voor verbinding",
    "Generatieverschillen vragen om een andere benadering",
    "Waar gaat het vaak mis?",
    "Hoe werkt dat in de praktijk? Oprechte verbinding maken.",
    "Wees aanwezig - niet alleen fysiek",
    "Durf persoonlijk te zijn",
    "Luister op drie niveaus",
    "Herken je eigen aannames",
    "Bespreek verwachtingen expliciet",
    "Bezwaren en zorgen weggenomen",
    "Kort gezegd …",
)


def _normalise_heading(text: str) -> str:
    text = text.replace("...", "…").replace("–", "-").replace("—", "-")
    return re.sub(r"[\s.?!…]+", " ", text.casefold()).strip()


_SECTIONS_BY_KEY = {_normalise_heading(heading): heading for heading in ARTICLE_SECTIONS}


class ScenarioError(ValueError):
    """A scenario file is missing, unreadable or invalid; the message names file and field."""


class UnknownScenarioError(ScenarioError):
    """No scenario has the requested id; the message lists the valid ids."""

    def __init__(self, scenario_id: str, valid_ids: list[str]) -> None:
        self.scenario_id = scenario_id
        self.valid_ids = valid_ids
        listing = ", ".join(valid_ids) if valid_ids else "(none found)"
        super().__init__(f"Unknown scenario {scenario_id!r}. Valid scenario ids: {listing}.")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Strict):
    """A text in both languages."""

    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, language: Language) -> str:
        return self.nl if language == "nl" else self.en

    @field_validator("nl", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


class LocalizedList(_Strict):
    """Several variants of a line (or keywords) in both languages."""

    nl: Annotated[list[str], Field(min_length=1)]
    en: Annotated[list[str], Field(min_length=1)]

    def get(self, language: Language) -> list[str]:
        return list(self.nl if language == "nl" else self.en)

    @field_validator("nl", "en")
    @classmethod
    def _no_blank_items(cls, values: list[str]) -> list[str]:
        cleaned = [value.strip() for value in values]
        for index, value in enumerate(cleaned):
            if not value:
                raise ValueError(f"item {index} is blank")
        return cleaned


class Variants(LocalizedList):
    """Authored lines: at least two variants per language, so replies can vary."""

    @field_validator("nl", "en")
    @classmethod
    def _at_least_two(cls, values: list[str]) -> list[str]:
        if len(values) < 2:
            raise ValueError("write at least 2 variants so the persona does not repeat itself")
        return values


class Persona(_Strict):
    """Who the leader is talking to."""

    name: Annotated[str, Field(min_length=1)]
    role: Localized
    generation: Localized
    style: Localized
    age: Annotated[int, Field(ge=16, le=80)] | None = None


# --- reveal rules -------------------------------------------------------------------


class Volunteered(_Strict):
    """The persona brings it up without being asked, from the reply to leader turn `from_turn`."""

    rule: Literal["volunteered"]
    from_turn: Annotated[int, Field(ge=1)] = 1


class WhenAsked(_Strict):
    """Revealed when the leader's turn touches the topic (any keyword, either language)."""

    rule: Literal["when_asked"]
    keywords: LocalizedList
    #: trust the persona needs before answering honestly (shifted by the difficulty)
    min_trust: Annotated[int, Field(ge=0, le=100)] = 0


class AfterListening(_Strict):
    """Revealed once the leader has listened on level 2 or 3 often enough."""

    rule: Literal["after_listening"]
    labels: list[str] = Field(default_factory=lambda: list(DEEP_LISTENING_LABELS))
    #: how many such turns; the difficulty adds `extra_listening`
    times: Annotated[int, Field(ge=1, le=10)] = 1
    min_trust: Annotated[int, Field(ge=0, le=100)] = 0

    @field_validator("labels")
    @classmethod
    def _known_labels(cls, labels: list[str]) -> list[str]:
        if not labels:
            raise ValueError("name at least one listener label")
        unknown = [label for label in labels if label not in LISTENER_LABELS]
        if unknown:
            raise ValueError(
                f"unknown listener label(s) {unknown}; valid: {', '.join(LISTENER_LABELS)}"
            )
        return labels


class TrustThreshold(_Strict):
    """Revealed once trust reaches `threshold` (0-100, shifted by the difficulty)."""

    rule: Literal["trust_threshold"]
    threshold: Annotated[int, Field(ge=0, le=100)]


RevealRule = Annotated[
    Volunteered | WhenAsked | AfterListening | TrustThreshold, Field(discriminator="rule")
]
REVEAL_RULES: tuple[str, ...] = ("volunteered", "when_asked", "after_listening", "trust_threshold")


class HiddenFact(_Strict):
    """Something the persona knows or feels and only tells under its reveal rule."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    is_core_concern: bool = False
    text: Localized
    reveal: RevealRule


# --- difficulty -------------------------------------------------------------------------


class DifficultyPreset(_Strict):
    """How hard the persona is to reach; applied on top of the scenario's reveal rules."""

    start_trust: Annotated[int, Field(ge=0, le=100)]
    #: added to every trust threshold and min_trust (positive = harder)
    threshold_offset: Annotated[int, Field(ge=-50, le=50)]
    #: multiplier on trust gained from good listening
    trust_gain: Annotated[float, Field(gt=0, le=3)]
    #: multiplier on trust lost to dismissive turns, premature advice, closed questions
    trust_loss: Annotated[float, Field(gt=0, le=3)]
    #: extra level-2/3 listening turns an `after_listening` fact needs
    extra_listening: Annotated[int, Field(ge=0, le=5)]
    #: how many sentences a reply may have at most (also sets a model's max_tokens)
    reply_sentences: Annotated[int, Field(ge=1, le=6)]
    #: whether a guarded/neutral persona adds an evasive line (hard) or not
    evasive: bool


DEFAULT_DIFFICULTY: dict[Difficulty, DifficultyPreset] = {
    "easy": DifficultyPreset(
        start_trust=45,
        threshold_offset=-10,
        trust_gain=1.4,
        trust_loss=0.6,
        extra_listening=0,
        reply_sentences=4,
        evasive=False,
    ),
    "normal": DifficultyPreset(
        start_trust=30,
        threshold_offset=0,
        trust_gain=1.0,
        trust_loss=1.0,
        extra_listening=0,
        reply_sentences=3,
        evasive=False,
    ),
    "hard": DifficultyPreset(
        start_trust=15,
        threshold_offset=10,
        trust_gain=0.8,
        trust_loss=1.5,
        extra_listening=1,
        reply_sentences=2,
        evasive=True,
    ),
}


class DifficultyPresets(_Strict):
    """The three presets; a scenario may override any of them, the rest are the defaults."""

    easy: DifficultyPreset = DEFAULT_DIFFICULTY["easy"]
    normal: DifficultyPreset = DEFAULT_DIFFICULTY["normal"]
    hard: DifficultyPreset = DEFAULT_DIFFICULTY["hard"]

    def get(self, difficulty: Difficulty) -> DifficultyPreset:
        preset: DifficultyPreset = getattr(self, difficulty)
        return preset


# --- learning goals and authored lines ----------------------------------------------------


class LearningGoal(_Strict):
    """What the leader practises, tied to a heading of the article."""

    section: str
    text: Localized

    @field_validator("section")
    @classmethod
    def _known_section(cls, section: str) -> str:
        heading = _SECTIONS_BY_KEY.get(_normalise_heading(section))
        if heading is None:
            raise ValueError(
                f"{section!r} is not a heading of the article; use one of: "
                + "; ".join(ARTICLE_SECTIONS)
            )
        return heading


class StateLines(_Strict):
    """What the persona says in each mood when no particular leader move calls for more."""

    guarded: Variants
    neutral: Variants
    opening: Variants
    open: Variants

    def get(self, mood: PersonaMood) -> Variants:
        lines: Variants = getattr(self, mood)
        return lines


class MoveLines(_Strict):
    """How the persona reacts to the leader's last move."""

    dismissive: Variants
    premature_advice: Variants
    good_listening: Variants
    #: optional: after a turn whose only good move is an open question (or asking what the
    #: persona expects); without it, `good_listening` lines are used
    open_question: Variants | None = None
    closed_question: Variants
    #: in-character answer to off-topic turns and attempts to break the role
    deflection: Variants

    def get(self, move: LeaderMove) -> Variants:
        lines: Variants | None = getattr(self, move)
        if lines is None:  # only the optional open_question can be missing
            return self.good_listening
        return lines


class AuthoredLines(_Strict):
    """Lines for the offline `scripted` backend (and examples of tone for model backends)."""

    opening: Variants
    states: StateLines
    moves: MoveLines
    #: per hidden fact id: how the persona says it (one or more variants per language)
    reveal: dict[str, LocalizedList]
    #: optional hedges a guarded persona adds on hard difficulty
    evasive: Variants | None = None


class SimulatedLeaders(_Strict):
    """Leader lines for the evaluation: one good and one poor listener, both languages."""

    good: LocalizedList
    poor: LocalizedList


class Scenario(_Strict):
    """One practice conversation: who, what is going on, what is hidden, how it is revealed."""

    id: Annotated[str, Field(pattern=SCENARIO_ID_PATTERN)]
    title: Localized
    description: Localized
    briefing: Localized
    persona: Persona
    situation: Localized
    hidden_facts: Annotated[list[HiddenFact], Field(min_length=1)]
    difficulty: DifficultyPresets = DifficultyPresets()
    learning_goals: Annotated[list[LearningGoal], Field(min_length=1)]
    lines: AuthoredLines
    simulated_leaders: SimulatedLeaders | None = None

    @model_validator(mode="before")
    @classmethod
    def _check_cross_references(cls, data: Any) -> Any:
        # Checked before field validation so the error can carry the exact field path.
        if not isinstance(data, dict):
            return data
        facts = data.get("hidden_facts")
        if not isinstance(facts, list):
            return data
        fact_ids = [fact.get("id") for fact in facts if isinstance(fact, dict)]
        seen: set[object] = set()
        for index, fact_id in enumerate(fact_ids):
            if fact_id in seen:
                raise _PathError(("hidden_facts", index, "id"), f"duplicate fact id {fact_id!r}")
            seen.add(fact_id)
        cores = [fact for fact in facts if isinstance(fact, dict) and fact.get("is_core_concern")]
        if len(cores) != 1:
            raise _PathError(
                ("hidden_facts",),
                f"exactly one fact must have is_core_concern: true (found {len(cores)})",
            )
        lines = data.get("lines")
        reveal = lines.get("reveal") if isinstance(lines, dict) else None
        if isinstance(reveal, dict):
            for fact_id in fact_ids:
                if fact_id not in reveal:
                    raise _PathError(
                        ("lines", "reveal", str(fact_id)),
                        "missing: every hidden fact needs reveal lines (nl and en)",
                    )
            for key in reveal:
                if key not in fact_ids:
                    raise _PathError(
                        ("lines", "reveal", str(key)),
                        f"no hidden fact has this id; fact ids are {fact_ids}",
                    )
        return data

    # --- convenience ---------------------------------------------------------------

    @property
    def core_concern(self) -> HiddenFact:
        return next(fact for fact in self.hidden_facts if fact.is_core_concern)

    def fact(self, fact_id: str) -> HiddenFact:
        for fact in self.hidden_facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def preset(self, difficulty: Difficulty) -> DifficultyPreset:
        return self.difficulty.get(difficulty)

    def summary(self, language: Language) -> dict[str, Any]:
        """The public face of a scenario (no hidden facts): for lists and pickers."""
        return {
            "id": self.id,
            "title": self.title.get(language),
            "titles": {lang: self.title.get(lang) for lang in LANGUAGES},
            "description": self.description.get(language),
            "persona": self.persona.name,
            "role": self.persona.role.get(language),
            "learning_goals": [goal.section for goal in self.learning_goals],
        }


class _PathError(ValueError):
    """A cross-field problem found before validation, carrying its field path."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


# --- loading -------------------------------------------------------------------------------


def format_location(location: tuple[str | int, ...]) -> str:
    """Render a pydantic error location as `hidden_facts[1].reveal.threshold`."""
    parts: list[str] = []
    previous: str | int | None = None
    for element in location:
        if previous == "reveal" and element in REVEAL_RULES:
            previous = element
            continue  # the discriminated-union tag is not a field the author wrote
        if isinstance(element, int):
            parts.append(f"[{element}]")
        else:
            parts.append(("." if parts else "") + str(element))
        previous = element
    return "".join(parts) or "(top level)"


def _describe_validation_error(source: str, error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        cause = (problem.get("ctx") or {}).get("error")
        if isinstance(cause, _PathError):
            lines.append(f"{source}: {format_location(cause.path)}: {cause.message}")
            continue
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; see AUTHORING.md)"
        elif problem["type"] == "union_tag_invalid":
            message = f"unknown reveal rule; use one of: {', '.join(REVEAL_RULES)}"
        elif problem["type"] == "union_tag_not_found":
            message = f"missing 'rule'; use one of: {', '.join(REVEAL_RULES)}"
        lines.append(f"{source}: {format_location(tuple(problem['loc']))}: {message}")
    return "\n".join(lines)


def parse_scenario(data: Any, source: str = "<scenario>") -> Scenario:
    """Validate already-parsed YAML data; `source` names the file in error messages."""
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: (top level): expected a mapping of fields, got {data!r}")
    try:
        return Scenario.model_validate(data)
    except ValidationError as error:
        raise ScenarioError(_describe_validation_error(source, error)) from None


def _parse_yaml(text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ScenarioError(f"{source}: not valid YAML{where}: {problem}") from None


def parse_scenario_text(text: str, source: str = "<scenario>") -> Scenario:
    """Validate a scenario given as YAML text (e.g. one a coach authored in the app)."""
    return parse_scenario(_parse_yaml(text, source), source)


def load_scenario_file(path: str | Path) -> Scenario:
    """Read and validate one scenario file; the file name must be `<id>.yaml`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"{path.name}: cannot read the file: {exc.strerror or exc}") from None
    scenario = parse_scenario(_parse_yaml(text, path.name), path.name)
    if scenario.id != path.stem:
        raise ScenarioError(
            f"{path.name}: id: {scenario.id!r} does not match the file name; "
            f"name the file {scenario.id}.yaml or change the id"
        )
    return scenario


def scenario_paths(directory: Path | None = None) -> list[Path]:
    return sorted((directory or SCENARIO_DIR).glob("*.yaml"))


@lru_cache(maxsize=4)
def _load_directory(directory: Path) -> dict[str, Scenario]:
    scenarios: dict[str, Scenario] = {}
    for path in scenario_paths(directory):
        scenario = load_scenario_file(path)
        scenarios[scenario.id] = scenario
    return scenarios


def load_scenarios(directory: Path | None = None) -> dict[str, Scenario]:
    """All scenarios of a directory (default: the shipped ones), by id. Cached per directory."""
    return dict(_load_directory((directory or SCENARIO_DIR).resolve()))


def load_scenarios_lenient(directory: Path | None = None) -> tuple[dict[str, Scenario], list[str]]:
    """Every valid scenario, plus one message per invalid file (for a UI that must keep going)."""
    scenarios: dict[str, Scenario] = {}
    problems: list[str] = []
    for path in scenario_paths(directory):
        try:
            scenario = load_scenario_file(path)
        except ScenarioError as exc:
            problems.append(str(exc))
            continue
        scenarios[scenario.id] = scenario
    return scenarios, problems


def scenario_ids(directory: Path | None = None) -> list[str]:
    return sorted(load_scenarios(directory))


def load_scenario(scenario_id: str, directory: Path | None = None) -> Scenario:
    """One scenario by id; an unknown id raises UnknownScenarioError listing the valid ids."""
    scenarios = load_scenarios(directory)
    try:
        return scenarios[scenario_id]
    except KeyError:
        raise UnknownScenarioError(scenario_id, sorted(scenarios)) from None
