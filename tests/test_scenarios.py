"""Scenario files: every shipped one loads, and every authoring mistake names file and field."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from roleplay.scenarios import (
    ARTICLE_SECTIONS,
    PERSONA_MOODS,
    SCENARIO_DIR,
    ScenarioError,
    UnknownScenarioError,
    load_scenario,
    load_scenario_file,
    load_scenarios,
    load_scenarios_lenient,
    parse_scenario,
    parse_scenario_text,
    scenario_paths,
)
from roleplay.types import LANGUAGES

SHIPPED = (
    "disengaged-employee",
    "generational-clash",
    "hybrid-work",
    "team-under-stress",
    "mistake-made",
    "feedback-without-losing-trust",
    "no-click",
    "delegation",
)


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (SCENARIO_DIR / "disengaged-employee.yaml").read_text(encoding="utf-8")
    )
    return data


def _error_for(raw: dict[str, Any], mutate: Any) -> str:
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data, "broken.yaml")
    return str(caught.value)


def test_every_scenario_file_loads_with_both_languages() -> None:
    scenarios = load_scenarios()
    assert set(SHIPPED) <= set(scenarios)
    assert len(scenarios) == len(scenario_paths())
    for scenario in scenarios.values():
        assert scenario.title.nl and scenario.title.en
        assert sum(fact.is_core_concern for fact in scenario.hidden_facts) == 1
        for goal in scenario.learning_goals:
            assert goal.section in ARTICLE_SECTIONS


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_shipped_scenarios_are_complete(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    assert scenario.simulated_leaders is not None
    assert scenario.lines.evasive is not None
    rules = {fact.reveal.rule for fact in scenario.hidden_facts}
    assert len(rules) >= 3, "a shipped scenario should show off several reveal rules"
    for language in ("nl", "en"):
        assert len(scenario.simulated_leaders.good.get(language)) >= 5
        assert len(scenario.simulated_leaders.poor.get(language)) >= 5


@pytest.mark.parametrize("scenario_id", sorted(path.stem for path in scenario_paths()))
def test_no_hidden_fact_leaks_into_public_texts(scenario_id: str) -> None:
    scenario = load_scenario(scenario_id)
    lines = scenario.lines
    for language in LANGUAGES:
        public = [
            scenario.briefing.get(language),
            scenario.description.get(language),
            scenario.situation.get(language),
            scenario.persona.style.get(language),
            *lines.opening.get(language),
            *(line for mood in PERSONA_MOODS for line in lines.states.get(mood).get(language)),
        ]
        for fact in scenario.hidden_facts:
            if fact.reveal.rule == "volunteered":
                continue  # told in the first reply anyway
            for reveal_line in lines.reveal[fact.id].get(language):
                assert all(reveal_line not in text for text in public)
            assert all(fact.text.get(language) not in text for text in public)


def test_reveal_rule_error_names_file_and_field_path(raw: dict[str, Any]) -> None:
    message = _error_for(raw, lambda d: d["hidden_facts"][3]["reveal"].pop("threshold"))
    assert message.startswith("broken.yaml: hidden_facts[3].reveal.threshold: ")
    assert "required" in message.lower()

    message = _error_for(raw, lambda d: d["hidden_facts"][1]["reveal"].update(threshold=150))
    # when_asked has no threshold: the author is told the field is unknown
    assert "broken.yaml: hidden_facts[1].reveal.threshold: unknown field" in message

    message = _error_for(raw, lambda d: d["hidden_facts"][3]["reveal"].update(threshold=150))
    assert "broken.yaml: hidden_facts[3].reveal.threshold: " in message
    assert "100" in message


def test_unknown_reveal_rule_lists_the_valid_ones(raw: dict[str, Any]) -> None:
    message = _error_for(raw, lambda d: d["hidden_facts"][0]["reveal"].update(rule="always"))
    assert "broken.yaml: hidden_facts[0].reveal: unknown reveal rule" in message
    assert "trust_threshold" in message and "after_listening" in message


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["title"].pop("en"), "broken.yaml: title.en: Field required"),
        (lambda d: d.update(mood="sad"), "broken.yaml: mood: unknown field"),
        (
            lambda d: d["lines"]["moves"]["dismissive"].update(nl=["Oké."]),
            "broken.yaml: lines.moves.dismissive.nl: write at least 2 variants",
        ),
        (
            lambda d: d["lines"]["reveal"].pop("father_care"),
            "broken.yaml: lines.reveal.father_care: missing",
        ),
        (
            lambda d: d["lines"]["reveal"].update(ghost={"nl": ["x"], "en": ["y"]}),
            "broken.yaml: lines.reveal.ghost: no hidden fact has this id",
        ),
        (
            lambda d: d["learning_goals"][1].update(section="Wees lief"),
            "broken.yaml: learning_goals[1].section: 'Wees lief' is not a heading",
        ),
        (
            lambda d: d["hidden_facts"][0].update(is_core_concern=True),
            "broken.yaml: hidden_facts: exactly one fact must have is_core_concern",
        ),
        (
            lambda d: d["hidden_facts"][1].update(id="missed_meetings"),
            "broken.yaml: hidden_facts[1].id: duplicate fact id",
        ),
        (
            lambda d: d["hidden_facts"][2]["reveal"].update(labels=["listening_well"]),
            "broken.yaml: hidden_facts[2].reveal.labels: unknown listener label",
        ),
        (
            lambda d: d["difficulty"].__setitem__("hard", {"start_trust": 10}),
            "broken.yaml: difficulty.hard.threshold_offset: Field required",
        ),
        (lambda d: d.update(id="Bad Id"), "broken.yaml: id: "),
    ],
)
def test_schema_errors_name_file_and_field(raw: dict[str, Any], mutate: Any, expected: str) -> None:
    raw = {**raw, "difficulty": {}}
    assert expected in _error_for(raw, mutate)


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken-syntax.yaml"
    path.write_text("id: broken-syntax\ntitle: {nl: [unclosed\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"broken-syntax\.yaml: not valid YAML \(line \d+"):
        load_scenario_file(path)


def test_file_name_must_match_id(tmp_path: Path) -> None:
    source = (SCENARIO_DIR / "disengaged-employee.yaml").read_text(encoding="utf-8")
    path = tmp_path / "other-name.yaml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"other-name\.yaml: id: 'disengaged-employee'"):
        load_scenario_file(path)


def test_a_directory_with_a_broken_file_reports_it(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"empty\.yaml: \(top level\): expected a mapping"):
        load_scenarios(tmp_path)


def test_unknown_scenario_lists_valid_ids() -> None:
    with pytest.raises(UnknownScenarioError) as caught:
        load_scenario("no-such-scenario")
    message = str(caught.value)
    assert "no-such-scenario" in message
    for scenario_id in SHIPPED:
        assert scenario_id in message


def test_authoring_guide_example_is_valid() -> None:
    guide = (SCENARIO_DIR / "AUTHORING.md").read_text(encoding="utf-8")
    example = guide.split("## A minimal example", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    scenario = parse_scenario(yaml.safe_load(example), "AUTHORING.md example")
    assert scenario.core_concern.id == "wants_growth"


def test_learning_goal_headings_match_the_article() -> None:
    article = next((Path(__file__).parents[1] / "knowledge" / "corpus").glob("*.txt"))
    text = article.read_text(encoding="utf-8")
    for heading in ARTICLE_SECTIONS:
        assert heading.rstrip(" …") in text, heading


def test_lenient_loading_keeps_the_valid_ones(tmp_path: Path) -> None:
    source = (SCENARIO_DIR / "hybrid-work.yaml").read_text(encoding="utf-8")
    (tmp_path / "hybrid-work.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    scenarios, problems = load_scenarios_lenient(tmp_path)
    assert list(scenarios) == ["hybrid-work"]
    assert len(problems) == 1 and problems[0].startswith("broken.yaml: title: Field required")


def test_scenario_text_from_the_app_is_validated_the_same_way() -> None:
    source = (SCENARIO_DIR / "hybrid-work.yaml").read_text(encoding="utf-8")
    assert parse_scenario_text(source, "coach upload").id == "hybrid-work"
    with pytest.raises(ScenarioError, match=r"coach upload: persona\.name: "):
        parse_scenario_text(source.replace("name: Ilse", "name: ''"), "coach upload")
