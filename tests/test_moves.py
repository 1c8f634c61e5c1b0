"""The move head (roleplay.listening.moves) and `python -m evals ceiling`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from evals.ceiling import ExpertListener, expert_labels, vocabulary_ceiling
from evals.listening import AnnoMITurn, load_own_set, to_main_behaviour
from roleplay.listener import LABELS, get_listener
from roleplay.listening.moves import (
    MOVES,
    REFLECTION_THRESHOLD,
    adds_reflection,
    move_of,
    shipped_move_model,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("labels", "move"),
    [
        (["open_question"], "question"),
        (["summarize", "closed_question"], "question"),
        (["premature_advice"], "input"),
        (["premature_advice", "open_question"], "question"),
        (["name_energy"], "reflection"),
        (["summarize", "premature_advice"], "input"),
        (["backing", "self_disclosure"], "other"),
        (["other"], "other"),
    ],
)
def test_move_of(labels: list[str], move: str) -> None:
    assert move_of(labels) == move
    assert to_main_behaviour(labels) == ("therapist_input" if move == "input" else move)


def _probs(**values: float) -> np.ndarray:
    return np.array([values.get(move, 0.0) for move in MOVES])


def test_adds_reflection_only_where_the_rules_found_no_move() -> None:
    confident = _probs(reflection=0.9, other=0.1)
    assert adds_reflection(["other"], confident)
    assert adds_reflection(["backing"], confident)
    assert not adds_reflection(["closed_question"], confident)
    assert not adds_reflection(["premature_advice"], confident)
    assert not adds_reflection(["name_unspoken"], confident)


def test_adds_reflection_needs_the_threshold_and_the_top_move() -> None:
    assert not adds_reflection(["other"], _probs(reflection=REFLECTION_THRESHOLD - 0.01))
    assert not adds_reflection(["other"], _probs(reflection=0.5, other=0.6))
    assert adds_reflection(["other"], _probs(reflection=0.5, other=0.6), threshold=0.45) is False
    assert adds_reflection(["other"], _probs(reflection=0.7, other=0.2), threshold=0.6)


def test_adds_no_reflection_to_the_leaders_own_information() -> None:
    confident = _probs(reflection=0.9, other=0.1)
    assert not adds_reflection(["other"], confident, informing=True)


def test_shipped_move_model_has_the_four_moves() -> None:
    model = shipped_move_model()
    assert model.labels == MOVES


# Unmarked reflections the rules cannot see (no "so you're saying", no feeling word), and
# turns that make no move at all. Written for this test, not taken from any eval set.
UNMARKED_REFLECTIONS = [
    ("My daughter notices when I smoke.", "And she looks up to you."),
    ("It's been a rough month.", "It's been hard for you to keep going."),
]
NO_MOVE = [
    ("Ik heb gisteren de klant gebeld.", "Mooi. Dan wilde ik het met je hebben over de planning."),
    ("Goedemorgen.", "Goedemorgen! Koffie?"),
]


@pytest.mark.parametrize(("context", "text"), UNMARKED_REFLECTIONS)
def test_stacked_listener_adds_summarize_for_an_unmarked_reflection(
    context: str, text: str
) -> None:
    rules, stacked = get_listener("rules"), get_listener("rules+model")
    assert rules.label(text, context, "en") == ["other"]
    explained = stacked.explain(text, context, "en")  # type: ignore[attr-defined]
    assert "summarize" in explained.labels
    assert explained.evidence["summarize"] in text


@pytest.mark.parametrize(("context", "text"), UNMARKED_REFLECTIONS)
def test_stacked_listener_finds_no_pitfall_in_an_unmarked_reflection(
    context: str, text: str
) -> None:
    assert get_listener("rules+model").label(text, context, "en") == ["summarize"]


@pytest.mark.parametrize(("context", "text"), NO_MOVE)
def test_stacked_listener_leaves_small_talk_alone(context: str, text: str) -> None:
    assert get_listener("rules+model").label(text, context, "nl") == ["other"]


def test_stacked_listener_never_drops_a_rule_label() -> None:
    rules, stacked = get_listener("rules"), get_listener("rules+model")
    cases = load_own_set(ROOT / "evals" / "data" / "listening_turns.yaml")[:60]
    for case in cases:
        ruled = set(rules.label(case.text, case.context, case.lang)) - {"other"}
        assert ruled <= set(stacked.label(case.text, case.context, case.lang)), case.id


def _turn(label: str, **subtypes: str) -> AnnoMITurn:
    return AnnoMITurn(
        dialog_id="1",
        text=f"a {label} {sorted(subtypes.items())}",
        context="",
        label=label,
        question_subtype=subtypes.get("q", "n/a"),
        reflection_subtype=subtypes.get("r", "n/a"),
        therapist_input_subtype=subtypes.get("t", "n/a"),
    )


def test_expert_labels_follow_the_evaldata_mapping() -> None:
    assert expert_labels(_turn("question", q="open")) == ["open_question"]
    assert expert_labels(_turn("question", q="closed")) == ["closed_question"]
    assert expert_labels(_turn("reflection", r="simple")) == ["summarize"]
    assert expert_labels(_turn("reflection", r="complex")) == ["name_energy"]
    assert expert_labels(_turn("therapist_input", t="advice")) == ["premature_advice"]
    assert expert_labels(_turn("therapist_input", t="options")) == ["state_expectation"]
    assert expert_labels(_turn("therapist_input", t="information")) == ["other"]
    assert expert_labels(_turn("other")) == ["other"]


def test_vocabulary_ceiling_loses_information_giving_only() -> None:
    turns = [
        _turn("question", q="open"),
        _turn("reflection", r="simple"),
        _turn("therapist_input", t="advice"),
        _turn("therapist_input", t="information"),
        _turn("other"),
    ]
    ceiling = vocabulary_ceiling(turns)
    by_label = {row["label"]: row for row in ceiling["main"]}
    assert by_label["question"]["f1"] == 1.0
    assert by_label["therapist_input"]["recall"] == 0.5
    assert by_label["other"]["precision"] == 0.5


def test_expert_listener_returns_the_mapped_labels() -> None:
    turn = _turn("reflection", r="simple")
    listener = ExpertListener([turn])
    assert listener.label(turn.text) == ["summarize"]
    assert listener.label("Something nobody labelled?") != []
    assert listener.unknown == 1


def test_second_annotation_covers_the_own_set() -> None:
    data = yaml.safe_load(
        (ROOT / "evals" / "data" / "listening_turns_annotator2.yaml").read_text(encoding="utf-8")
    )
    ids = {case.id for case in load_own_set(ROOT / "evals" / "data" / "listening_turns.yaml")}
    assert set(data["labels"]) == ids
    for labels in data["labels"].values():
        assert labels and set(labels) <= set(LABELS)
        assert labels == ["other"] or "other" not in labels


def test_ceiling_command_names_a_missing_evaldata_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from evals.__main__ import main

    assert main(["ceiling", "--evaldata", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_training_refuses_held_out_sets_and_a_missing_training_folder(tmp_path: Path) -> None:
    from evals.listening import EvalDataError, own_dev_cases

    own_set = ROOT / "evals" / "data" / "listening_turns.yaml"
    with pytest.raises(EvalDataError, match="not a folder"):
        own_dev_cases(own_set, None, tmp_path / "missing")
    with pytest.raises(EvalDataError, match="is missing"):
        own_dev_cases(own_set, None, None, [tmp_path / "listening_turns_dev4.yaml"])
    for held_out_id in ("dev3-001", "en8-001", "nl9-001", "en10-001", "en11-001", "nl12-001"):
        (tmp_path / "leak.yaml").write_text(
            f"cases:\n  - {{id: {held_out_id}, lang: en, split: dev, context: x, text: y,"
            " labels: [other]}\n",
            encoding="utf-8",
        )
        with pytest.raises(EvalDataError, match="never trained on"):
            own_dev_cases(own_set, None, tmp_path)
    trained = own_dev_cases(own_set, None, ROOT / "evals" / "data" / "train")
    assert len(trained) > 1000
    # dev4 to dev7 had their one fresh read and are training data since round 13
    prefixes = {str(case.id).split("-")[0] for case in trained}
    assert {"nl4", "en5", "nl6", "en7"} <= prefixes
    held_out = {"dev3", *(f"{lang}{number}" for number in range(8, 17) for lang in ("nl", "en"))}
    assert not prefixes & held_out
