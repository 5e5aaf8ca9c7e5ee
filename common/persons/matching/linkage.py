"""Batch linking of two files and de-duplication of one, near-linear via blocking."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .clusters import cluster_components
from .model import MatchModel
from .parallel import prepare, score_parallel
from .settings import DECISIONS, MatchSettings
from .table import RecordTable, TermFrequencies

CHUNK = 500_000
Progress = Callable[[int, int], None] | None


def _prepare(records, settings: MatchSettings, split_at=None):
    normalised, pairs = prepare(
        records, settings.max_block, settings.workers, split_at, settings.place_keys
    )
    table = RecordTable(normalised, tf=TermFrequencies.from_records(normalised))
    return table, pairs


def score_candidates(model, table, pairs, settings, progress: Progress = None):
    """Scores and decision codes of all candidate pairs, in chunks."""
    if settings.workers > 1 and len(pairs) > 2 * CHUNK:
        return score_parallel(model, table, pairs, settings, CHUNK, progress)
    scores = np.empty(len(pairs), dtype=np.float64)
    codes = np.empty(len(pairs), dtype=np.int8)
    total = len(pairs)
    for start in range(0, total, CHUNK):
        chunk = pairs[start : start + CHUNK]
        s, pl, _ = model.score_pairs(table, chunk[:, 0], chunk[:, 1])
        scores[start : start + len(chunk)] = s
        codes[start : start + len(chunk)] = model.decide(s, pl, settings)
        if progress:
            progress(min(start + CHUNK, total), total)
    if progress and total == 0:
        progress(0, 0)
    return scores, codes


def _one_to_one(pairs: np.ndarray, scores: np.ndarray, codes: np.ndarray) -> np.ndarray:
    codes = codes.copy()
    used_left: set[int] = set()
    used_right: set[int] = set()
    for k in np.argsort(-scores, kind="stable"):
        if codes[k] != 0:
            continue
        a, b = int(pairs[k, 0]), int(pairs[k, 1])
        if a in used_left or b in used_right:
            codes[k] = 1
            continue
        used_left.add(a)
        used_right.add(b)
    return codes


def link(
    left: Sequence,
    right: Sequence,
    model: MatchModel | None = None,
    settings: MatchSettings | None = None,
    progress: Progress = None,
):
    """Link two record lists: (left_id, right_id, score, decision) above the review threshold.

    Each record takes part in at most one `match`; a weaker rival match becomes `review`.
    """
    model = model or MatchModel.default()
    settings = settings or MatchSettings()
    left, right = list(left), list(right)
    table, pairs = _prepare(left + right, settings, split_at=len(left))
    scores, codes = score_candidates(model, table, pairs, settings, progress)
    keep = codes <= 1
    pairs, scores, codes = pairs[keep], scores[keep], codes[keep]
    codes = _one_to_one(pairs, scores, codes)
    order = np.argsort(-scores, kind="stable")
    ids = table.ids
    return [
        (ids[pairs[k, 0]], ids[pairs[k, 1]], round(float(scores[k]), 3), DECISIONS[codes[k]])
        for k in order
    ]


def dedupe(
    records: Sequence,
    model: MatchModel | None = None,
    settings: MatchSettings | None = None,
    progress: Progress = None,
) -> dict[str, str]:
    """Cluster records of one list into persons: record_id -> cluster id (first member's id)."""
    model = model or MatchModel.default()
    settings = settings or MatchSettings()
    table, pairs = _prepare(list(records), settings)
    scores, codes = score_candidates(model, table, pairs, settings, progress)
    match = codes == 0
    labels = cluster_components(model, table, pairs[match], scores[match], settings)
    ids = table.ids
    return {ids[k]: ids[labels[k]] for k in range(len(ids))}
