"""Precision, recall and F1 for pair decisions and for clusters."""

from __future__ import annotations

from collections import Counter


def prf(tp: int, predicted: int, actual: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts."""
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pair_scores(predicted: set, truth: set) -> dict:
    """Scores of predicted match pairs against the true pairs."""
    tp = len(predicted & truth)
    p, r, f = prf(tp, len(predicted), len(truth))
    return {"precision": p, "recall": r, "f1": f, "predicted": len(predicted), "tp": tp}


def _pairs_in(sizes) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def cluster_scores(predicted: dict, truth: dict) -> dict:
    """Pairwise precision/recall/F1 of a clustering (record -> label) against the truth."""
    both = Counter((predicted[k], truth[k]) for k in truth)
    tp = _pairs_in(both.values())
    pred_pairs = _pairs_in(Counter(predicted[k] for k in truth).values())
    true_pairs = _pairs_in(Counter(truth.values()).values())
    p, r, f = prf(tp, pred_pairs, true_pairs)
    return {"precision": p, "recall": r, "f1": f, "predicted": pred_pairs, "tp": tp}
