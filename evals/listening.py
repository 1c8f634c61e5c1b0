"""`python -m evals listening`: how well the listener labels leader turns, and whether the
listening score separates good from poor conversations.

Three checks, each on its development and its held-out split separately:

1. The team's own labelled turns (evals/data/listening_turns.yaml; `split: dev|test`):
   per-label precision, recall, F1 and macro-F1 over the LABELS vocabulary.
2. AnnoMI therapist turns (read from --evaldata, never copied): our labels mapped onto
   AnnoMI's main behaviour (question / reflection / therapist_input / other), macro-F1;
   plus open/closed on the experts' questions and simple/complex on their reflections.
3. AnnoMI conversations (annomi_source_simple.csv; therapist = leader, client =
   employee): the ROC AUC of the report's `listening` score between the experts'
   high- and low-quality transcripts.

The listener is rule based and was developed on the dev splits only; the test splits
are reported, never tuned on.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from roleplay.listener import LABELS, get_listener

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OWN_SET = Path(__file__).parent / "data" / "listening_turns.yaml"
DEFAULT_EVALDATA = REPO_ROOT.parent / "shared" / "evaldata"
SPLITS = ("dev", "test")
MAIN_BEHAVIOURS = ("question", "reflection", "therapist_input", "other")

Labeller = Callable[[str, str, str | None], list[str]]


class EvalDataError(ValueError):
    """An evaluation file is missing or malformed; the message names the file and the field."""


# ---------------------------------------------------------------- own labelled set
class LabelledTurn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str | int | None = None
    text: str = Field(min_length=1)
    context: str = ""
    lang: str | None = None
    labels: list[str] = Field(min_length=1)
    split: str = Field(pattern=r"^(dev|test)$")

    @field_validator("context", mode="before")
    @classmethod
    def _context_none_is_empty(cls, value: Any) -> Any:
        return "" if value is None else value

    @field_validator("labels")
    @classmethod
    def _known_labels(cls, value: list[str]) -> list[str]:
        unknown = [label for label in value if label not in LABELS]
        if unknown:
            raise ValueError(f"unknown label(s) {unknown}; allowed: {list(LABELS)}")
        return value


def load_own_set(path: Path) -> list[LabelledTurn]:
    """The labelled turns in `path` (a list, or a mapping with a `cases`/`turns` list)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalDataError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise EvalDataError(f"{path} is not valid YAML: {exc}") from exc
    if isinstance(raw, dict):
        raw = raw.get("cases", raw.get("turns"))
    if not isinstance(raw, list):
        raise EvalDataError(f"{path}: expected a list of cases (or a `cases:` list)")
    cases: list[LabelledTurn] = []
    for position, item in enumerate(raw):
        try:
            cases.append(LabelledTurn.model_validate(item))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
            )
            raise EvalDataError(f"{path}: case {position}: {problems}") from exc
    return cases


# ---------------------------------------------------------------- metrics
@dataclass
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


def multilabel_scores(
    gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]], labels: Sequence[str]
) -> tuple[list[LabelScore], float]:
    """Per-label precision/recall/F1 and the macro-F1 over labels with gold support."""
    rows: list[LabelScore] = []
    gold_sets = [set(item) for item in gold]
    pred_sets = [set(item) for item in predicted]
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold_sets, pred_sets, strict=True))
        support = sum(label in g for g in gold_sets)
        n_pred = sum(label in p for p in pred_sets)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(LabelScore(label, precision, recall, f1, support, n_pred))
    supported = [row.f1 for row in rows if row.support]
    macro = sum(supported) / len(supported) if supported else 0.0
    return rows, macro


def single_label_scores(
    gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str]
) -> tuple[list[LabelScore], float]:
    return multilabel_scores([[g] for g in gold], [[p] for p in predicted], classes)


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = 0.0
    for pos in positives:
        for neg in negatives:
            wins += 1.0 if pos > neg else 0.5 if pos == neg else 0.0
    return wins / (len(positives) * len(negatives))


# ---------------------------------------------------------------- AnnoMI
def to_main_behaviour(labels: Iterable[str]) -> str:
    """Map our labels onto AnnoMI's main therapist behaviour (one per turn).

    Priority chosen on AnnoMI dev: the therapist's own input (advice, a stated
    expectation) unless the turn also asks; then any question; then any reflection.
    """
    found = set(labels)
    asks = found & {"open_question", "closed_question", "ask_expectation", "check_assumption"}
    if found & {"premature_advice", "state_expectation"} and not asks:
        return "therapist_input"
    if asks:
        return "question"
    if found & {"summarize", "name_unspoken", "name_energy"}:
        return "reflection"
    return "other"


def question_subtype(labels: Iterable[str]) -> str:
    found = set(labels)
    if "open_question" in found or "ask_expectation" in found:
        return "open"
    if "closed_question" in found or "check_assumption" in found:
        return "closed"
    return "none"


def reflection_subtype(labels: Iterable[str]) -> str:
    found = set(labels)
    if found & {"name_unspoken", "name_energy"}:
        return "complex"
    if "summarize" in found:
        return "simple"
    return "none"


@dataclass
class AnnoMITurn:
    dialog_id: str
    text: str
    context: str
    label: str
    question_subtype: str
    reflection_subtype: str


def load_annomi_turns(evaldata: Path, split: str) -> list[AnnoMITurn]:
    path = evaldata / f"annomi_utterances_{split}.csv"
    rows = _read_csv(path, ("dialog_id", "text", "label", "context"))
    return [
        AnnoMITurn(
            dialog_id=row["dialog_id"],
            text=row["text"],
            context=row.get("context") or "",
            label=row["label"],
            question_subtype=row.get("question_subtype", "n/a"),
            reflection_subtype=row.get("reflection_subtype", "n/a"),
        )
        for row in rows
    ]


def _read_csv(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in required if name not in (reader.fieldnames or [])]
            if missing:
                raise EvalDataError(f"{path}: missing column(s) {missing}")
            return list(reader)
    except OSError as exc:
        raise EvalDataError(
            f"Cannot read {path}: {exc.strerror or exc}. Pass --evaldata PATH to the AnnoMI folder."
        ) from exc


def evaluate_annomi_turns(turns: list[AnnoMITurn], labeller: Labeller) -> dict[str, Any]:
    predicted = [labeller(turn.text, turn.context, "en") for turn in turns]
    main_rows, main_macro = single_label_scores(
        [t.label for t in turns], [to_main_behaviour(p) for p in predicted], MAIN_BEHAVIOURS
    )
    questions = [
        (t, p)
        for t, p in zip(turns, predicted, strict=True)
        if t.label == "question" and t.question_subtype in ("open", "closed")
    ]
    oc_rows, oc_macro = single_label_scores(
        [t.question_subtype for t, _ in questions],
        [question_subtype(p) for _, p in questions],
        ("open", "closed"),
    )
    reflections = [
        (t, p)
        for t, p in zip(turns, predicted, strict=True)
        if t.label == "reflection" and t.reflection_subtype in ("simple", "complex")
    ]
    sc_rows, sc_macro = single_label_scores(
        [t.reflection_subtype for t, _ in reflections],
        [reflection_subtype(p) for _, p in reflections],
        ("simple", "complex"),
    )
    return {
        "turns": len(turns),
        "main_macro_f1": main_macro,
        "main": [row.__dict__ for row in main_rows],
        "open_closed_macro_f1": oc_macro,
        "open_closed": [row.__dict__ for row in oc_rows],
        "simple_complex_macro_f1": sc_macro,
        "simple_complex": [row.__dict__ for row in sc_rows],
    }


def annomi_transcripts(evaldata: Path, split: str) -> list[tuple[str, str, list[dict[str, str]]]]:
    """(dialog id, quality, turns) for the split's dialogues, from the full source file."""
    dialogues = _read_csv(evaldata / f"annomi_dialogues_{split}.csv", ("dialog_id", "mi_quality"))
    wanted = {row["dialog_id"]: row["mi_quality"] for row in dialogues}
    source = _read_csv(
        evaldata / "annomi_source_simple.csv",
        ("transcript_id", "utterance_id", "interlocutor", "utterance_text"),
    )
    by_dialog: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for row in source:
        if row["transcript_id"] in wanted:
            role = "leader" if row["interlocutor"] == "therapist" else "employee"
            turn = {"role": role, "text": row["utterance_text"]}
            by_dialog.setdefault(row["transcript_id"], []).append((int(row["utterance_id"]), turn))
    return [
        (dialog_id, wanted[dialog_id], [turn for _, turn in sorted(turns, key=lambda x: x[0])])
        for dialog_id, turns in sorted(by_dialog.items(), key=lambda x: int(x[0]))
    ]


def evaluate_conversations(evaldata: Path, split: str, score_key: str = "listening") -> dict:
    from roleplay.scoring import score_transcript
    from roleplay.types import Transcript, Turn

    high: list[float] = []
    low: list[float] = []
    for dialog_id, quality, turns in annomi_transcripts(evaldata, split):
        transcript = Transcript(
            scenario=f"annomi-{dialog_id}",
            language="en",
            turns=[Turn.model_validate(turn) for turn in turns],
        )
        report = score_transcript(transcript, with_passages=False)
        (high if quality == "high" else low).append(float(report.scores[score_key]))
    return {
        "score": score_key,
        "high": len(high),
        "low": len(low),
        "auc": roc_auc(high, low),
        "mean_high": sum(high) / len(high) if high else None,
        "mean_low": sum(low) / len(low) if low else None,
    }


# ---------------------------------------------------------------- command
def _listener_labeller(name: str | None) -> Labeller:
    listener = get_listener(name)
    return lambda text, context, lang: listener.label(text, context, lang)


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    labeller = _listener_labeller(args.listener)
    results: dict[str, Any] = {"listener": get_listener(args.listener).name}
    own_path = Path(args.own_set)
    if own_path.exists():
        cases = load_own_set(own_path)
        results["own"] = {}
        for split in SPLITS:
            subset = [case for case in cases if case.split == split]
            started = time.perf_counter()
            predicted = [labeller(c.text, c.context, c.lang) for c in subset]
            elapsed = time.perf_counter() - started
            rows, macro = multilabel_scores([c.labels for c in subset], predicted, LABELS)
            results["own"][split] = {
                "turns": len(subset),
                "macro_f1": macro,
                "exact_match": (
                    sum(set(p) == set(c.labels) for p, c in zip(predicted, subset, strict=True))
                    / len(subset)
                    if subset
                    else 0.0
                ),
                "ms_per_turn": 1000 * elapsed / max(1, len(subset)),
                "labels": [row.__dict__ for row in rows],
            }
    else:
        results["own"] = {"missing": str(own_path)}
    evaldata = Path(args.evaldata)
    if evaldata.exists():
        results["annomi"] = {
            split: evaluate_annomi_turns(load_annomi_turns(evaldata, split), labeller)
            for split in SPLITS
        }
        if not args.no_conversations:
            results["annomi_conversations"] = {
                split: evaluate_conversations(evaldata, split) for split in SPLITS
            }
    else:
        results["annomi"] = {"missing": str(evaldata)}
    return results


def _table(rows: list[dict[str, Any]]) -> str:
    lines = [f"  {'label':<18} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'pred':>5}"]
    for row in rows:
        lines.append(
            f"  {row['label']:<18} {row['precision']:5.2f} {row['recall']:5.2f} {row['f1']:5.2f}"
            f" {row['support']:5d} {row['predicted']:5d}"
        )
    return "\n".join(lines)


def render(results: dict[str, Any]) -> str:
    out = [f"listener: {results['listener']}"]
    own = results.get("own", {})
    if "missing" in own:
        out.append(f"own labelled set: not found at {own['missing']}")
    for split in SPLITS:
        if split in own:
            part = own[split]
            out.append(
                f"\nown set, {split}: {part['turns']} turns, macro-F1 {part['macro_f1']:.3f},"
                f" exact match {part['exact_match']:.3f}, {part['ms_per_turn']:.2f} ms/turn"
            )
            out.append(_table(part["labels"]))
    annomi = results.get("annomi", {})
    if "missing" in annomi:
        out.append(f"AnnoMI: not found at {annomi['missing']}")
    for split in SPLITS:
        if split in annomi:
            part = annomi[split]
            out.append(
                f"\nAnnoMI {split}: {part['turns']} therapist turns, main-behaviour macro-F1"
                f" {part['main_macro_f1']:.3f}, open/closed {part['open_closed_macro_f1']:.3f},"
                f" simple/complex {part['simple_complex_macro_f1']:.3f}"
            )
            out.append(_table(part["main"]))
    for split, part in results.get("annomi_conversations", {}).items():
        out.append(
            f"\nAnnoMI {split} conversations: AUC of `{part['score']}` high vs low quality"
            f" {part['auc']:.3f} ({part['high']} high, {part['low']} low; mean"
            f" {part['mean_high']:.1f} vs {part['mean_low']:.1f})"
        )
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    try:
        results = run_all(args)
    except EvalDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(results, indent=2) if args.json else render(results))
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "listening",
        help="per-label F1 of the listener (own set, AnnoMI) and the high/low AUC",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--evaldata",
        default=str(DEFAULT_EVALDATA),
        help="folder with the AnnoMI CSV files (default: %(default)s)",
    )
    parser.add_argument(
        "--own-set", default=str(DEFAULT_OWN_SET), help="labelled turns YAML (default: %(default)s)"
    )
    parser.add_argument("--listener", default=None, help="listener name (default: configured)")
    parser.add_argument(
        "--no-conversations", action="store_true", help="skip the conversation-level AUC"
    )
    parser.set_defaults(func=run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.listening")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["listening", *(argv if argv is not None else sys.argv[1:])])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
