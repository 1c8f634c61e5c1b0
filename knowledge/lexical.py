"""A small Okapi BM25 index over the chunks, for the lexical half of hybrid retrieval.

The corpus is a few dozen chunks, so a plain in-memory implementation is instant and
saves a dependency. Tokens are accent-folded, lower-cased, stripped of common Dutch and
English function words and cut to a fixed prefix, a crude stemmer that lets
"verwachtingen" meet "verwachting" and "luisteren" meet "luister".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import numpy as np

_STOPWORD_TEXT = """
    de het een en of maar dat die dit deze wat wie waar hoe als dan ook niet geen wel
    te van in op aan met voor door bij naar om tot uit over onder tussen je jij jou jouw
    ik mij me mijn we wij ons onze zij ze hij hem haar zijn is was ben bent wordt worden
    word heb hebt heeft hebben had kan kun kunnen moet moeten wil wilt willen zou zouden
    er hier daar nog al zo heel echt even dus toch want omdat wanneer waarom welke iets
    iemand alles veel meer mee ermee daarmee hun men zich zelf elkaar
    the a an and or but that this these those what who where how when why which it its
    is are was were be been being am do does did have has had can could should would will
    to of in on at for with by from about into over under between as than then so not no
    i me my we us our you your he him his she her they them their there here also just
    very really some any all more most much many get got make one someone something
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Cutting every token to this many characters is the whole stemmer (measured in
# evals/retrieval.py against no stemming).
STEM_PREFIX = 6

_TOKEN = re.compile(r"\w+")


def tokenize(text: str, stem: bool = True) -> list[str]:
    """Lower-cased, accent-folded content words of `text`."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    tokens = [t for t in _TOKEN.findall(folded) if len(t) > 1 and t not in STOPWORDS]
    if stem:
        tokens = [t[:STEM_PREFIX] for t in tokens]
    return tokens


class BM25:
    """Okapi BM25 over a fixed list of documents."""

    def __init__(
        self, documents: Sequence[str], k1: float = 1.2, b: float = 0.75, stem: bool = True
    ) -> None:
        self.k1 = k1
        self.b = b
        self.stem = stem
        self._docs = [Counter(tokenize(doc, stem)) for doc in documents]
        self._lengths = np.array([sum(doc.values()) for doc in self._docs], dtype=np.float64)
        self._avg_length = float(self._lengths.mean()) if len(self._docs) else 0.0
        frequencies: Counter[str] = Counter()
        for doc in self._docs:
            frequencies.update(doc.keys())
        n = len(self._docs)
        self._idf = {
            term: math.log(1.0 + (n - df + 0.5) / (df + 0.5)) for term, df in frequencies.items()
        }

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per document (0 where no query term occurs)."""
        result = np.zeros(len(self._docs), dtype=np.float64)
        if not self._docs:
            return result
        terms = set(tokenize(query, self.stem))
        norm = self.k1 * (1 - self.b + self.b * self._lengths / max(self._avg_length, 1e-9))
        for term in terms:
            idf = self._idf.get(term)
            if idf is None:
                continue
            tf = np.array([doc.get(term, 0) for doc in self._docs], dtype=np.float64)
            result += idf * tf * (self.k1 + 1) / (tf + norm)
        return result
