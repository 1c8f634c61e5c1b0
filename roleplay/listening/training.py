"""Fitting the listener's trained layer (roleplay.listening.model) with numpy only.

One-vs-rest logistic regression on sparse hashed features, full-batch Adam with L2, and a
*masked* loss: each example says for which labels it is evidence (a test example written
for "summarize" says nothing about "backing"; an AnnoMI reflection says nothing about
"backing" either), so unknown cells do not count. Per-label thresholds are chosen on
out-of-fold predictions of the training data. Deterministic: fixed fold assignment, no
random initialisation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from roleplay.listening.model import (
    EMBEDDING_DIM,
    N_FEATURES,
    LinearModel,
    embed_texts,
    embedding_text,
    featurize,
)
from roleplay.listening.rules import CHECKED_MOVES, Labelling
from roleplay.listening.text import split_sentences, strip_scorer_address

THRESHOLD_GRID = np.round(np.arange(0.15, 0.86, 0.05), 2)


@dataclass
class TrainingExample:
    """A leader turn with what is known about its labels: label -> 1 (shown) or 0 (not)."""

    text: str
    context: str
    lang: str
    targets: dict[str, int]
    weight: float = 1.0
    source: str = "own"
    group: str = ""
    rule_labels: list[str] = field(default_factory=list)
    # the rules' Labelling.informing: every sentence gives the leader's own information
    informing: bool = False
    # the rules' Labelling.reassuring: a sentence denies a difficulty or a flaw
    reassuring: bool = False
    # False for the copy that hides the rule hits (see `without_rules`)
    use_rules: bool = True


def without_rules(examples: Sequence[TrainingExample], weight: float) -> list[TrainingExample]:
    """Copies that hide the rule hits from the model.

    The rules were written on these very turns, so on them the rule features are always
    right and a model would learn to trust nothing else. On new wording the rules miss;
    the copies teach the words and n-grams to carry each label on their own too.
    """
    return [
        TrainingExample(
            text=e.text,
            context=e.context,
            lang=e.lang,
            targets=e.targets,
            weight=e.weight * weight,
            source=f"{e.source}-norules",
            group=e.group,
            use_rules=False,
        )
        for e in examples
    ]


@dataclass
class Matrix:
    """Rows in CSR form plus targets and per-cell loss weights (0 = unknown)."""

    indptr: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    targets: np.ndarray
    cell_weights: np.ndarray
    dense: np.ndarray  # (rows, EMBEDDING_DIM) sentence embeddings

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def rows(self, index: np.ndarray) -> Matrix:
        starts, ends = self.indptr[index], self.indptr[index + 1]
        pieces = [np.arange(s, e) for s, e in zip(starts, ends, strict=True)]
        take = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
        indptr = np.concatenate([[0], np.cumsum(ends - starts)])
        return Matrix(
            indptr,
            self.columns[take],
            self.values[take],
            self.targets[index],
            self.cell_weights[index],
            self.dense[index],
        )


# The rule listener's reading of (text, context, lang): its labels and `informing` flag.
RuleLabeller = Callable[[str, str, str], Labelling]


def build_matrix(
    examples: Sequence[TrainingExample], labels: Sequence[str], rules: RuleLabeller
) -> Matrix:
    columns: list[np.ndarray] = []
    values: list[np.ndarray] = []
    indptr = [0]
    targets = np.zeros((len(examples), len(labels)), dtype=np.float32)
    cell_weights = np.zeros_like(targets)
    texts: list[str] = []
    for row, example in enumerate(examples):
        reading = rules(example.text, example.context, example.lang)
        example.rule_labels, example.informing = reading.labels, reading.informing
        example.reassuring = reading.reassuring
        sentences = strip_scorer_address(split_sentences(example.text))
        cols, vals = featurize(
            sentences,
            example.context,
            example.lang,
            example.rule_labels if example.use_rules else [],
        )
        texts.append(embedding_text(sentences))
        columns.append(cols)
        values.append(vals)
        indptr.append(indptr[-1] + len(cols))
        for label, target in example.targets.items():
            position = labels.index(label)
            targets[row, position] = target
            cell_weights[row, position] = example.weight
    return Matrix(
        np.array(indptr, dtype=np.int64),
        np.concatenate(columns).astype(np.int64),
        np.concatenate(values).astype(np.float32),
        targets,
        cell_weights,
        _embed_all(texts),
    )


def _embed_all(texts: list[str], batch: int = 32) -> np.ndarray:
    unique = sorted(set(texts))
    rows: list[np.ndarray] = [
        embed_texts(unique[start : start + batch]) for start in range(0, len(unique), batch)
    ]
    table = dict(zip(unique, np.vstack(rows) if rows else [], strict=True))
    return np.array([table[text] for text in texts], dtype=np.float32).reshape(-1, EMBEDDING_DIM)


def _row_ids(matrix: Matrix) -> np.ndarray:
    return np.repeat(np.arange(matrix.n_rows), np.diff(matrix.indptr))


def _logits(
    matrix: Matrix, weights: np.ndarray, dense_weights: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    contributions = matrix.values[:, None] * weights[matrix.columns]
    # add.reduceat is much faster than add.at; empty rows cannot occur (lang cue always set)
    sums = np.add.reduceat(contributions, matrix.indptr[:-1], axis=0)
    return sums + matrix.dense @ dense_weights + bias


def fit(
    matrix: Matrix, n_labels: int, l2: float = 1e-3, epochs: float = 200, rate: float = 0.05
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Full-batch Adam on the masked, weighted logistic loss.

    Returns (sparse weights, embedding weights, bias)."""
    weights = np.zeros((N_FEATURES, n_labels), dtype=np.float32)
    dense_weights = np.zeros((EMBEDDING_DIM, n_labels), dtype=np.float32)
    bias = np.zeros(n_labels, dtype=np.float32)
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias)]
    moments += [np.zeros_like(bias), np.zeros_like(dense_weights), np.zeros_like(dense_weights)]
    total = float(matrix.cell_weights.sum(axis=0).mean()) or 1.0
    row_ids = _row_ids(matrix)
    touched = np.unique(matrix.columns)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, int(epochs) + 1):
        probs = 1.0 / (1.0 + np.exp(-_logits(matrix, weights, dense_weights, bias)))
        residual = (probs - matrix.targets) * matrix.cell_weights / total
        grad_w = np.zeros_like(weights)
        per_entry = matrix.values[:, None] * residual[row_ids]
        for label in range(n_labels):
            grad_w[:, label] = np.bincount(
                matrix.columns, weights=per_entry[:, label], minlength=N_FEATURES
            )
        grad_w[touched] += l2 * weights[touched]
        grad_b = residual.sum(axis=0)
        grad_d = matrix.dense.T @ residual + l2 * dense_weights
        for param, grad, m, v in (
            (weights, grad_w, moments[0], moments[1]),
            (bias, grad_b, moments[2], moments[3]),
            (dense_weights, grad_d, moments[4], moments[5]),
        ):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            m_hat = m / (1 - beta1**step)
            v_hat = v / (1 - beta2**step)
            param -= (rate * m_hat / (np.sqrt(v_hat) + eps)).astype(param.dtype)
    return weights, dense_weights, bias


def predict(
    matrix: Matrix, weights: np.ndarray, dense_weights: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-_logits(matrix, weights, dense_weights, bias)))


# The model adds labels where the rules are silent; it never overrides the rules' reading
# of a question or a reflection, whose decision rules (evals/data/README.md: a checking tag
# belongs to the move it checks, "why don't you" is advice, level 2 vs 3) it cannot see.
SLOTS: tuple[frozenset[str], ...] = (
    frozenset({"open_question", "closed_question", "ask_expectation", "check_assumption"}),
    frozenset({"summarize", "name_unspoken", "name_energy"}),
)


def may_add(
    rule_labels: Sequence[str],
    labels: Sequence[str],
    informing: bool = False,
    reassuring: bool = False,
) -> np.ndarray:
    """Which labels the model may add to a turn the rules labelled `rule_labels`.

    `informing` (Labelling.informing): every sentence gives the leader's own information,
    which restates nothing the employee said, so no `summarize` may be read into it.
    `reassuring` (Labelling.reassuring): a sentence denies a difficulty or a flaw ("it's not
    your fault"), so no `dismissive` may be heard in its negation."""
    found = set(rule_labels)
    allowed = np.ones(len(labels), dtype=bool)
    for position, label in enumerate(labels):
        slot = next((slot for slot in SLOTS if label in slot), None)
        if (
            label == "other"
            or label in found
            or (slot is not None and found & slot)
            # a reflection or assumption the rules read owns the turn's yes/no question
            or (label == "closed_question" and found & CHECKED_MOVES)
            or (label == "summarize" and informing)
            or (label == "dismissive" and reassuring)
            # the warmth of a disclosure the rules read ("I find this hard too") is not yet
            # support; on the fresh dev4 set 7 of 8 such additions were wrong
            or (label == "backing" and "self_disclosure" in found)
        ):
            allowed[position] = False
    return allowed


# A product choice (roleplay/LISTENING.md, round 7), not a tuned threshold: the model alone
# accuses a leader of solving too early or brushing off only when it finds that more likely
# than not. A named pitfall damps the listening score hard, and a false one teaches a leader
# to distrust or avoid what they did well; the rules' own pitfalls, which quote their cue,
# are not affected.
MODEL_PITFALL_FLOOR = 0.5
MODEL_PITFALLS = frozenset({"premature_advice", "dismissive"})


def combine(
    rule_labels: Sequence[str],
    probs: np.ndarray,
    thresholds: np.ndarray,
    labels: Sequence[str],
    informing: bool = False,
    reassuring: bool = False,
) -> list[str]:
    """The rules' labels plus the ones the model is confident of where the rules are silent
    (`may_add`; a pitfall only at MODEL_PITFALL_FLOOR or above); ordered as `labels`,
    "other" only when nothing else applies."""
    allowed = may_add(rule_labels, labels, informing, reassuring)
    chosen = {label for label in rule_labels if label != "other"}
    chosen |= {
        label
        for i, label in enumerate(labels)
        if allowed[i] and probs[i] >= _model_threshold(label, float(thresholds[i]))
    }
    return [label for label in labels if label in chosen] or ["other"]


def _model_threshold(label: str, tuned: float) -> float:
    return max(tuned, MODEL_PITFALL_FLOOR) if label in MODEL_PITFALLS else tuned


def decode(probs: np.ndarray, thresholds: np.ndarray, labels: Sequence[str]) -> list[str]:
    """Labels at or above their threshold, ordered as `labels`; never empty.

    "other" only when nothing else applies; when no label passes, the one closest to its
    threshold is taken, so a turn always gets its most likely behaviour.
    """
    other = labels.index("other") if "other" in labels else -1
    chosen = [i for i in range(len(labels)) if probs[i] >= thresholds[i] and i != other]
    if not chosen:
        chosen = [int(np.argmax(probs / np.maximum(thresholds, 1e-6)))]
    return [labels[i] for i in sorted(chosen)]


def f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    tp = float((gold & predicted).sum())
    denominator = float(gold.sum() + predicted.sum())
    return 2 * tp / denominator if denominator else 0.0


def choose_thresholds(
    probs: np.ndarray,
    matrix: Matrix,
    rows: np.ndarray,
    base: np.ndarray | None = None,
    allowed: np.ndarray | None = None,
) -> np.ndarray:
    """Per label, the grid threshold with the best F1 on `rows` (cells with known targets).

    With `base` (the rules' hits) and `allowed` (where the model may add), the F1 is that of
    the combined labels: base OR (allowed AND probability >= threshold)."""
    thresholds = np.full(probs.shape[1], 0.5)
    base = np.zeros(probs.shape, dtype=bool) if base is None else base
    allowed = np.ones(probs.shape, dtype=bool) if allowed is None else allowed
    for label in range(probs.shape[1]):
        known = rows[matrix.cell_weights[rows, label] > 0]
        if len(known) == 0:
            continue
        gold = matrix.targets[known, label] > 0.5
        hits, addable = base[known, label], allowed[known, label]
        scores = [f1(gold, hits | (addable & (probs[known, label] >= t))) for t in THRESHOLD_GRID]
        # the middle of the best plateau: less sensitive to one example
        best = np.flatnonzero(np.isclose(scores, max(scores)))
        thresholds[label] = float(THRESHOLD_GRID[best[len(best) // 2]])
    return thresholds


def fold_of(groups: Sequence[str], n_folds: int) -> np.ndarray:
    """Deterministic fold per group (sorted group names dealt round-robin)."""
    order = {name: i % n_folds for i, name in enumerate(sorted(set(groups)))}
    return np.array([order[g] for g in groups])


def out_of_fold(matrix: Matrix, folds: np.ndarray, n_labels: int, **fit_args: float) -> np.ndarray:
    """Probabilities for every row from a model that did not see its fold (fold -1: never
    held out, always trained on)."""
    probs = np.zeros((matrix.n_rows, n_labels))
    for fold in sorted(set(folds.tolist()) - {-1}):
        train = np.flatnonzero(folds != fold)
        held = np.flatnonzero(folds == fold)
        weights, dense_weights, bias = fit(
            matrix.rows(train),
            n_labels,
            **fit_args,
        )
        probs[held] = predict(matrix.rows(held), weights, dense_weights, bias)
    return probs


def train_model(
    matrix: Matrix, labels: Sequence[str], thresholds: np.ndarray, **fit_args: float
) -> LinearModel:
    weights, dense_weights, bias = fit(matrix, len(labels), **fit_args)
    return LinearModel(tuple(labels), weights, bias, thresholds, dense_weights)
