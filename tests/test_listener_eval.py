"""The listening evaluation's own logic: metrics, the AnnoMI label mapping, the AUC, the
own-set loader's errors, and the command on a tiny AnnoMI-shaped folder."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from evals.listening import (
    AnnoMITurn,
    EvalDataError,
    evaluate_annomi_turns,
    information_as_other,
    load_own_set,
    multilabel_scores,
    question_subtype,
    reflection_subtype,
    roc_auc,
    to_main_behaviour,
)

REPO = Path(__file__).resolve().parent.parent


def test_multilabel_scores_and_macro_over_supported_labels() -> None:
    rows, macro = multilabel_scores(
        [["a"], ["a", "b"], ["b"]], [["a"], ["a"], ["b", "c"]], ["a", "b", "c"]
    )
    by = {row.label: row for row in rows}
    assert by["a"].precision == 1.0 and by["a"].recall == 1.0
    assert by["b"].precision == 1.0 and by["b"].recall == 0.5
    assert by["c"].support == 0 and by["c"].predicted == 1
    assert macro == pytest.approx((1.0 + 2 / 3) / 2)


def test_roc_auc() -> None:
    assert roc_auc([3, 4], [1, 2]) == 1.0
    assert roc_auc([1], [1]) == 0.5
    assert roc_auc([1, 2], [3, 4]) == 0.0


@pytest.mark.parametrize(
    ("labels", "main"),
    [
        (["summarize"], "reflection"),
        (["summarize", "open_question"], "question"),
        (["premature_advice"], "therapist_input"),
        (["premature_advice", "closed_question"], "question"),
        (["backing"], "other"),
        (["other"], "other"),
    ],
)
def test_annomi_mapping(labels: list[str], main: str) -> None:
    assert to_main_behaviour(labels) == main


def test_false_pitfalls_are_counted_on_the_experts_high_quality_turns() -> None:
    def turn(text: str, quality: str) -> AnnoMITurn:
        return AnnoMITurn("1", text, "", "reflection", "n/a", "simple", mi_quality=quality)

    turns = [turn("brush", "high"), turn("fine", "high"), turn("brush", "low")]
    result = evaluate_annomi_turns(
        turns, lambda text, context, lang: ["dismissive"] if text == "brush" else ["summarize"]
    )
    # the low-quality therapist's brush-off may be a true one: only high-quality turns count
    assert result["dismissive_per_100_high_quality_turns"] == pytest.approx(50.0)
    unrated = evaluate_annomi_turns([turn("brush", "n/a")], lambda *_: ["dismissive"])
    assert unrated["dismissive_per_100_high_quality_turns"] is None


def test_information_giving_is_read_as_other_only_in_the_second_reading() -> None:
    def turn(label: str, subtype: str) -> AnnoMITurn:
        return AnnoMITurn("1", "t", "", label, "n/a", "n/a", therapist_input_subtype=subtype)

    turns = [turn("therapist_input", "information"), turn("therapist_input", "advice")]
    assert [information_as_other(t) for t in turns] == ["other", "therapist_input"]
    result = evaluate_annomi_turns(turns, lambda *_: ["other"])
    # the target keeps the experts' own label: a listener saying `other` misses both turns
    assert result["main_macro_f1"] == pytest.approx(0.0)
    assert result["main_macro_f1_information_as_other"] > result["main_macro_f1"]


def test_subtypes() -> None:
    assert question_subtype(["open_question"]) == "open"
    assert question_subtype(["closed_question"]) == "closed"
    assert question_subtype(["other"]) == "none"
    assert reflection_subtype(["name_energy"]) == "complex"
    assert reflection_subtype(["summarize"]) == "simple"


def test_own_set_errors_name_the_case_and_field(tmp_path: Path) -> None:
    path = tmp_path / "turns.yaml"
    path.write_text("cases:\n  - {text: 'Hoi', labels: [greeting], split: dev}\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"case 0: labels.*greeting"):
        load_own_set(path)
    with pytest.raises(EvalDataError, match="Cannot read"):
        load_own_set(tmp_path / "missing.yaml")


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_command_on_a_tiny_annomi_folder(tmp_path: Path) -> None:
    utterances = [
        {
            "dialog_id": "1",
            "turn_index": "0",
            "text": "What brings you here today?",
            "label": "question",
            "question_subtype": "open",
            "reflection_subtype": "n/a",
            "context": "",
        },
        {
            "dialog_id": "1",
            "turn_index": "2",
            "text": "You should just stop drinking.",
            "label": "therapist_input",
            "question_subtype": "n/a",
            "reflection_subtype": "n/a",
            "context": "I drink a lot.",
        },
    ]
    for split in ("dev", "test"):
        _write_csv(tmp_path / f"annomi_utterances_{split}.csv", utterances)
        _write_csv(
            tmp_path / f"annomi_dialogues_{split}.csv",
            [{"dialog_id": "1", "mi_quality": "high"}, {"dialog_id": "2", "mi_quality": "low"}],
        )
    source = []
    for dialog, texts in (
        ("1", ["What brings you here?", "Work.", "Tell me more."]),
        ("2", ["You must quit.", "Okay.", "Just do it."]),
    ):
        for i, text in enumerate(texts):
            source.append(
                {
                    "transcript_id": dialog,
                    "utterance_id": str(i),
                    "interlocutor": "therapist" if i % 2 == 0 else "client",
                    "utterance_text": text,
                }
            )
    _write_csv(tmp_path / "annomi_source_simple.csv", source)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "evals",
            "listening",
            "--json",
            "--evaldata",
            str(tmp_path),
            "--own-set",
            str(tmp_path / "none.yaml"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["annomi"]["dev"]["turns"] == 2
    assert data["annomi_conversations"]["test"]["auc"] == 1.0
    assert "missing" in data["own"]


def test_max_turns_scores_only_the_first_turns_of_each_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from evals.listening import main

    rows = [
        {
            "dialog_id": "1",
            "turn_index": str(i),
            "text": text,
            "label": "question",
            "question_subtype": "open",
            "reflection_subtype": "n/a",
            "context": "",
        }
        for i, text in enumerate(["What brings you here?", "How is work?", "What else?"])
    ]
    _write_csv(tmp_path / "annomi_utterances_dev.csv", rows)
    argv = ["--json", "--dev-only", "--no-conversations", "--evaldata", str(tmp_path)]
    assert main([*argv, "--own-set", str(tmp_path / "none.yaml"), "--max-turns", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["annomi"]["dev"]["turns"] == 2 and data["max_turns"] == 2
    assert "model_answers" not in data  # only a model-backed listener reports its answers
    with pytest.raises(SystemExit):
        main([*argv, "--max-turns", "0"])
    assert "expected at least 1, got 0" in capsys.readouterr().err
