"""Estimate m/u parameters from unlabelled records: u from random pairs, m by EM."""

from __future__ import annotations

import numpy as np

from .blocking import DEFAULT_MAX_BLOCK, candidate_pairs, normalise_all
from .compare import FIELDS, LEVELS, MISSING
from .table import RecordTable, TermFrequencies

PRIOR_STRENGTH = 50.0  # pseudo-pairs pulling each estimate towards its default


def _counts(levels: np.ndarray, n_levels: int, weights: np.ndarray | None = None) -> np.ndarray:
    return np.bincount(levels, weights=weights, minlength=n_levels).astype(np.float64)


def _smoothed(counts: np.ndarray, prior: np.ndarray, missing: int) -> np.ndarray:
    counts = counts.copy()
    counts[missing] = 0.0
    total = counts.sum()
    est = (counts + PRIOR_STRENGTH * prior) / (total + PRIOR_STRENGTH)
    est = np.clip(est, 1e-7, None)
    est[missing] = 1.0
    return est


def _prior_vector(model, name: str, slot: int) -> np.ndarray:
    vec = np.zeros(len(LEVELS[name]))
    for level, mu in model.parameters[name].items():
        vec[LEVELS[name].index(level)] = mu[slot]
    return vec / vec.sum()


def estimate_u(model, table: RecordTable, n_pairs: int, rng) -> dict[str, np.ndarray]:
    """u probabilities from random record pairs (almost all are non-matches)."""
    n = len(table)
    i = rng.integers(0, n, n_pairs)
    j = rng.integers(0, n, n_pairs)
    keep = i != j
    _, pl, _ = model.score_pairs(table, i[keep], j[keep])
    return {
        f: _smoothed(_counts(pl.levels[f], len(LEVELS[f])), _prior_vector(model, f, 1), MISSING[f])
        for f in FIELDS
    }


def _log_likelihoods(levels: dict, m: dict, u: dict) -> tuple[np.ndarray, np.ndarray]:
    log_m = sum(np.log(m[f][levels[f]]) for f in FIELDS)
    log_u = sum(np.log(u[f][levels[f]]) for f in FIELDS)
    return log_m, log_u


def run_em(model, levels: dict, u: dict, iterations: int = 25, tol: float = 1e-5):
    """EM over blocked pairs for m and the match share, u held fixed."""
    m = {f: _prior_vector(model, f, 0) for f in FIELDS}
    for f in FIELDS:
        m[f][MISSING[f]] = 1.0
    share = 0.1
    for _ in range(iterations):
        log_m, log_u = _log_likelihoods(levels, m, u)
        odds = np.log(share / (1 - share)) + log_m - log_u
        post = 1.0 / (1.0 + np.exp(-np.clip(odds, -60, 60)))
        new_share = float(np.clip(post.mean(), 1e-6, 1 - 1e-6))
        new_m = {
            f: _smoothed(
                _counts(levels[f], len(LEVELS[f]), post), _prior_vector(model, f, 0), MISSING[f]
            )
            for f in FIELDS
        }
        delta = max(float(np.abs(new_m[f] - m[f]).max()) for f in FIELDS)
        m, share = new_m, new_share
        if delta < tol:
            break
    return m, share


def fit_model(
    model,
    records,
    max_pairs: int = 2_000_000,
    random_pairs: int = 300_000,
    iterations: int = 25,
    seed: int = 0,
    max_block: int = DEFAULT_MAX_BLOCK,
):
    """A new model with m from EM on blocked pairs and u from random pairs of the records."""
    from .model import MatchModel

    normalised = normalise_all(records)
    tf = TermFrequencies.from_records(normalised)
    table = RecordTable(normalised, tf=tf)
    rng = np.random.default_rng(seed)
    u = estimate_u(model, table, random_pairs, rng)
    pairs = candidate_pairs(normalised, max_block=max_block)
    if len(pairs) > max_pairs:
        pairs = pairs[rng.choice(len(pairs), max_pairs, replace=False)]
    _, pl, _ = model.score_pairs(table, pairs[:, 0], pairs[:, 1])
    m, share = run_em(model, pl.levels, u, iterations=iterations)
    params = {}
    for f in FIELDS:
        params[f] = {
            lv: (float(m[f][k]), float(u[f][k]))
            for k, lv in enumerate(LEVELS[f])
            if lv != "missing"
        }
    n = len(normalised)
    prior = share * len(pairs) / max(n * (n - 1) / 2, 1)
    return MatchModel(params, tf=tf, prior=float(min(max(prior, 1e-9), 0.5)), trained=True)
