"""The Article Extraction Benchmark (AEB) metric, re-implemented to score body text.

Definition followed: ``scrapinghub/article-extraction-benchmark`` ``evaluate.py`` (snapshot
``4a3bc979``), as summarised in ``../shared/research/data/article-extraction-benchmark/README.md``
("Metric used by the repo's evaluate.py"):

* **Tokens**: every run of ``\\w+`` (Unicode word characters); case kept, punctuation dropped.
  ``None`` counts as the empty text.
* **Shingles**: overlapping 4-token tuples, counted as a multiset. A text with fewer than 4
  tokens gives one short shingle (all its tokens); an empty text gives none.
* **Per page**: TP = sum of min(true, predicted) counts, FP = the predicted surplus, FN = the
  true surplus; the three are divided by their sum (when it is positive) so every page weighs
  the same.
* **Precision / recall per page**: 1 when FP = FN = 0; 0 when nothing matched
  (TP = FP = 0 for precision, TP = FN = 0 for recall); else TP/(TP+FP) and TP/(TP+FN).
* **Averaging**: precision is the mean over pages with TP+FP > 0 (an empty output does not
  count against precision), recall the mean over pages with TP+FN > 0.
* **F1** = harmonic mean of the two means (not a mean of per-page F1).
* **Accuracy** = share of pages whose token list equals the ground truth's.

The bootstrap error bars of ``evaluate.py`` are not computed here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Scores", "aggregate", "page_counts", "score", "shingles", "tokens"]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4


def tokens(text: str | None) -> list[str]:
    """The ``\\w+`` runs of ``text`` (case kept)."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles; one short shingle for a short non-empty text."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < size:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + size]) for i in range(len(toks) - size + 1))


def page_counts(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """(TP, FP, FN) of one page over shingles, normalised to sum to 1 (when non-zero)."""
    want, got = shingles(true), shingles(pred)
    tp = float(sum((want & got).values()))
    fp = float(sum((got - want).values()))
    fn = float(sum((want - got).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)


@dataclass(frozen=True)
class Scores:
    """Benchmark scores of one system over a set of pages."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int
    empty: int  #: pages where the system returned no token at all


def aggregate(counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) from per-page normalised counts, averaged as AEB does."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def score(pairs: Iterable[tuple[str | None, str | None]]) -> Scores:
    """Scores of ``(true, predicted)`` text pairs, one pair a page."""
    pairs = list(pairs)
    counts = [page_counts(true, pred) for true, pred in pairs]
    f1, precision, recall = aggregate(counts)
    exact = sum(tokens(true) == tokens(pred) for true, pred in pairs)
    empty = sum(not tokens(pred) for _, pred in pairs)
    n = len(pairs)
    return Scores(f1, precision, recall, exact / n if n else 0.0, n, empty)
