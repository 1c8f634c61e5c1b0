"""Turning per-chunk dense and lexical scores into one ranking (dense only, or a fusion).

Shared by the live index and by `python -m evals retrieval`, so what is measured is what
ships.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

RankingMode = Literal["dense", "rrf", "weighted"]


@dataclass(frozen=True)
class RankingConfig:
    """How to rank.

    dense: cosine similarity only.
    rrf: reciprocal-rank fusion, score = sum_w w / (rrf_k + rank), over the dense ranking
        and the BM25 ranking (chunks without any query term get no lexical share).
    weighted: the dense scores standardised over the corpus (z-scores, so the weight
        means the same for every model) plus lexical_weight times BM25 scaled to [0, 1]
        by its maximum.
    unit_weight: how much a chunk's best small unit adds to its whole-text cosine
        (small-to-big, see dense_with_units); 0 ranks by the whole text only.
    """

    mode: RankingMode = "weighted"
    lexical_weight: float = 2.0
    rrf_k: int = 60
    unit_weight: float = 0.0

    @property
    def label(self) -> str:
        units = f", unit_weight={self.unit_weight:g}" if self.unit_weight else ""
        if self.mode == "dense":
            return f"dense({units[2:]})" if units else "dense"
        return f"{self.mode}(lexical_weight={self.lexical_weight:g}{units})"


def _ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each entry, highest score first; ties keep corpus order."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.int64)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks


def standardise(scores: np.ndarray) -> np.ndarray:
    """Scores as z-scores over the corpus; constant scores become zeros."""
    scores = np.asarray(scores, dtype=np.float64)
    spread = float(scores.std())
    if spread < 1e-12:
        return np.zeros_like(scores)
    return (scores - scores.mean()) / spread


def combine_dense(per_model: list[np.ndarray]) -> np.ndarray:
    """One dense score per chunk from several models: the mean of their z-scores.

    With a single model this keeps its ranking (a z-score is a monotone rescaling).
    """
    if len(per_model) == 1:
        return np.asarray(per_model[0], dtype=np.float64)
    return np.mean([standardise(scores) for scores in per_model], axis=0)


def dense_with_units(whole: np.ndarray, best_unit: np.ndarray, unit_weight: float) -> np.ndarray:
    """A chunk's dense score from its whole-text cosine and its best unit's cosine.

    Both are z-scored over the corpus first. The best unit alone over-rewards long chunks
    (more units, more chances) and one stray sentence; the whole text alone misses a
    question that one sentence inside a long chunk answers. Chunks with no small units
    (best_unit -inf) get the lowest unit share.
    """
    whole = np.asarray(whole, dtype=np.float64)
    if unit_weight <= 0:
        return whole
    best = np.asarray(best_unit, dtype=np.float64)
    finite = np.isfinite(best)
    if not finite.any():
        return whole
    best = np.where(finite, best, best[finite].min())
    return standardise(whole) + unit_weight * standardise(best)


def fuse(dense: np.ndarray, lexical: np.ndarray | None, config: RankingConfig) -> np.ndarray:
    """One higher-is-better score per chunk."""
    dense = np.asarray(dense, dtype=np.float64)
    if config.mode == "dense" or lexical is None:
        return dense
    lexical = np.asarray(lexical, dtype=np.float64)
    if config.mode == "weighted":
        top = float(lexical.max()) if len(lexical) else 0.0
        scaled = lexical / top if top > 0 else np.zeros_like(lexical)
        return standardise(dense) + config.lexical_weight * scaled
    dense_part = 1.0 / (config.rrf_k + _ranks(dense))
    lexical_part = np.where(lexical > 0, 1.0 / (config.rrf_k + _ranks(lexical)), 0.0)
    return dense_part + config.lexical_weight * lexical_part


def aggregate(
    unit_scores: np.ndarray, unit_chunks: np.ndarray, n_chunks: int, temperature: float = 0.0
) -> np.ndarray:
    """One score per chunk from the scores of its units (small-to-big retrieval).

    temperature 0 takes the best unit; a positive temperature t takes the soft maximum
    t * log(sum(exp(score / t))) - t * log(n_units), which also credits a chunk for
    several good units, and equals the maximum as t goes to 0. Chunks without units get
    -inf.
    """
    unit_scores = np.asarray(unit_scores, dtype=np.float64)
    result = np.full(n_chunks, -np.inf)
    if temperature <= 0:
        np.maximum.at(result, unit_chunks, unit_scores)
        return result
    best = np.full(n_chunks, -np.inf)
    np.maximum.at(best, unit_chunks, unit_scores)
    shifted = np.exp((unit_scores - best[unit_chunks]) / temperature)
    sums = np.zeros(n_chunks)
    np.add.at(sums, unit_chunks, shifted)
    counts = np.bincount(unit_chunks, minlength=n_chunks)
    present = counts > 0
    result[present] = best[present] + temperature * (
        np.log(sums[present]) - np.log(counts[present])
    )
    return result


def top_k(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best (index, score) pairs, best first; ties keep corpus order."""
    order = np.argsort(-scores, kind="stable")[:k]
    return [(int(i), float(scores[i])) for i in order]
