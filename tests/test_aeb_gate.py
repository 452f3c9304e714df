"""CI gate on the Article Extraction Benchmark, and the exactness of our copy of its metric."""

from __future__ import annotations

import pytest

from bench.aeb_metric import aggregate, page_counts, score, shingles, tokens
from bench.extraction import AEB_DIR, run_aeb

#: Plain trafilatura 2.3.1 scores 0.953 (defaults); our extractor must never fall below this.
AEB_FLOOR = 0.955


def test_our_extractor_stays_above_the_aeb_floor():
    if not (AEB_DIR / "ground-truth.json").exists():
        pytest.skip(f"AEB data not found at {AEB_DIR} (the ../shared research checkout)")
    (scores, _seconds), = run_aeb(AEB_DIR, systems=("ours",), workers=2).values()
    assert scores.pages == 181
    assert scores.empty == 0
    assert scores.f1 >= AEB_FLOOR, (
        f"AEB F1 {scores.f1:.4f} < {AEB_FLOOR} (P {scores.precision:.4f}, "
        f"R {scores.recall:.4f})")


def test_tokens_are_word_runs_with_case_kept():
    assert tokens("Polres Metro, Polda Lampung - (17/11/2023)!") == [
        "Polres", "Metro", "Polda", "Lampung", "17", "11", "2023"]
    assert tokens(None) == []


def test_shingles_are_4_grams_and_one_short_shingle_for_short_texts():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("") == {}


def test_page_counts_are_normalised_multiset_matches():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    # true: abcd bcde cdef, predicted: abcd -> TP 1, FN 2 of 3
    assert page_counts("a b c d e f", "a b c d") == pytest.approx((1 / 3, 0, 2 / 3))
    # predicted xyzw x2, yzwx, zwxy, wxyz: one xyzw matches, the other four are surplus
    assert page_counts("x y z w", "x y z w x y z w") == pytest.approx((1 / 5, 4 / 5, 0))
    assert page_counts("a b c d", "") == (0.0, 0.0, 1.0)
    assert page_counts("", "") == (0.0, 0.0, 0.0)


def test_empty_outputs_count_against_recall_only_and_f1_is_of_the_means():
    f1, precision, recall = aggregate([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert (precision, recall) == (1.0, 0.5)
    assert f1 == pytest.approx(2 / 3)
    scores = score([("a b c d e", "a b c d e"), ("a b c d e", None)])
    assert (scores.f1, scores.accuracy, scores.empty, scores.pages) == (
        pytest.approx(2 / 3), 0.5, 1, 2)
