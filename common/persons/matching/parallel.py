"""Optional use of several processes (fork) for the Python-bound stages of batch runs."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

import numpy as np

from .blocking import block_pairs, key_rows, undated_mask
from .normalise import ensure_normalised

MIN_PARALLEL_RECORDS = 50_000
_STATE: dict = {}  # read by forked workers; set just before the pool starts


def _bounds(total: int, parts: int) -> list[tuple[int, int]]:
    edges = np.linspace(0, total, parts + 1).astype(int)
    return [(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:], strict=True) if b > a]


def _prepare_chunk(bounds: tuple[int, int]):
    start, end = bounds
    normalised = [ensure_normalised(r) for r in _STATE["records"][start:end]]
    return (normalised, *key_rows(normalised, _STATE["max_block"], start, _STATE["place_keys"]))


def _pool(workers: int):
    return multiprocessing.get_context("fork").Pool(workers)


def prepare(
    records,
    max_block: int,
    workers: int = 1,
    split_at: int | None = None,
    place_keys: bool = False,
):
    """Normalised records and their candidate pairs, in `workers` processes if asked."""
    if workers <= 1 or len(records) < MIN_PARALLEL_RECORDS:
        parts = [_prepare_chunk_local(records, max_block, place_keys)]
    else:
        _STATE.update(records=records, max_block=max_block, place_keys=place_keys)
        try:
            with _pool(workers) as pool:
                parts = pool.map(_prepare_chunk, _bounds(len(records), workers * 2))
        finally:
            _STATE.clear()
    normalised = [rec for part in parts for rec in part[0]]
    rec_idx, hashes, caps = (np.concatenate([p[k] for p in parts]) for k in (1, 2, 3))
    pairs = block_pairs(rec_idx, hashes, caps, split_at=split_at, undated=undated_mask(normalised))
    return normalised, pairs


def _prepare_chunk_local(records, max_block: int, place_keys: bool = False):
    normalised = [ensure_normalised(r) for r in records]
    return (normalised, *key_rows(normalised, max_block, place_keys=place_keys))


def _score_chunk(bounds: tuple[int, int]):
    model, table, pairs, settings = (_STATE[k] for k in ("model", "table", "pairs", "settings"))
    chunk = pairs[bounds[0] : bounds[1]]
    scores, levels, _ = model.score_pairs(table, chunk[:, 0], chunk[:, 1])
    return bounds, scores, model.decide(scores, levels, settings)


def score_parallel(
    model, table, pairs, settings, chunk: int, progress: Callable[[int, int], None] | None = None
):
    """Scores and decision codes of candidate pairs, chunks spread over processes."""
    scores = np.empty(len(pairs), dtype=np.float64)
    codes = np.empty(len(pairs), dtype=np.int8)
    _STATE.update(model=model, table=table, pairs=pairs, settings=settings)
    done = 0
    try:
        with _pool(settings.workers) as pool:
            for (a, b), s, c in pool.imap_unordered(_score_chunk, _chunks(len(pairs), chunk)):
                scores[a:b], codes[a:b] = s, c
                done += b - a
                if progress:
                    progress(done, len(pairs))
    finally:
        _STATE.clear()
    return scores, codes


def _chunks(total: int, size: int) -> list[tuple[int, int]]:
    return [(a, min(a + size, total)) for a in range(0, total, size)]
