"""Clustering of match edges that refuses to chain different people together."""

from __future__ import annotations

import numpy as np

from .model import MatchModel, conflict_flags
from .settings import MatchSettings
from .table import RecordTable


def _find(parent: np.ndarray, x: int) -> int:
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        parent[x], x = root, parent[x]
    return root


def connected_components(n: int, edges: np.ndarray) -> np.ndarray:
    """Root row of each row's connected component over the edges."""
    parent = np.arange(n)
    for a, b in edges.tolist():
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    while True:  # pointer jumping until every row points at its root
        jumped = parent[parent]
        if np.array_equal(jumped, parent):
            return parent
        parent = jumped


def compatible(model: MatchModel, table: RecordTable, i, j, settings: MatchSettings):
    """True where a pair may sit in one cluster: no evidence against it and no conflict."""
    scores, pl, _ = model.score_pairs(table, np.asarray(i), np.asarray(j))
    ok = scores >= settings.cluster_min_score
    for flag, cap in conflict_flags(pl, settings):
        if settings.cluster_conflicts == "all" or cap == "new":
            ok &= ~flag
    return ok


def _internal_pairs(member_lists: list[np.ndarray]):
    """All within-component pairs of many components, concatenated."""
    left, right, owner = [], [], []
    for c, members in enumerate(member_lists):
        a, b = np.triu_indices(len(members), 1)
        left.append(members[a])
        right.append(members[b])
        owner.append(np.full(len(a), c))
    return np.concatenate(left), np.concatenate(right), np.concatenate(owner)


def _compat_matrices(model, table, member_lists, settings) -> list[np.ndarray]:
    """Compatibility matrix of each component, scored in one vectorised pass."""
    if not member_lists:
        return []
    left, right, owner = _internal_pairs(member_lists)
    ok = compatible(model, table, left, right, settings)
    bounds = np.searchsorted(owner, np.arange(len(member_lists) + 1))
    matrices = []
    for c, members in enumerate(member_lists):
        k = len(members)
        a, b = np.triu_indices(k, 1)
        matrix = np.ones((k, k), dtype=bool)
        matrix[a, b] = matrix[b, a] = ok[bounds[c] : bounds[c + 1]]
        matrices.append(matrix)
    return matrices


def _greedy(members, edges, scores, allowed) -> list[list[int]]:
    """Merge along edges, best first, while every cross pair is allowed."""
    position = {row: p for p, row in enumerate(members.tolist())}
    cluster = {p: [p] for p in range(len(members))}
    owner = list(range(len(members)))
    for k in np.argsort(-scores, kind="stable"):
        ca, cb = owner[position[int(edges[k, 0])]], owner[position[int(edges[k, 1])]]
        if ca == cb or not allowed(cluster[ca], cluster[cb]):
            continue
        cluster[ca].extend(cluster[cb])
        for p in cluster.pop(cb):
            owner[p] = ca
    return [[int(members[p]) for p in group] for group in cluster.values()]


def _on_demand(model, table, members, settings):
    def allowed(x, y):
        if len(x) * len(y) > 10_000:
            return False
        xs, ys = np.meshgrid(members[x], members[y], indexing="ij")
        return bool(compatible(model, table, xs.ravel(), ys.ravel(), settings).all())

    return allowed


def _from_matrix(matrix):
    def allowed(x, y):
        return bool(matrix[np.ix_(x, y)].all())

    return allowed


def cluster_components(
    model: MatchModel,
    table: RecordTable,
    edges: np.ndarray,
    scores: np.ndarray,
    settings: MatchSettings,
) -> np.ndarray:
    """Cluster label (lowest member row) per row from match edges."""
    n = len(table)
    roots = connected_components(n, edges)
    labels = roots.copy()
    sizes = np.bincount(roots, minlength=n)
    big = sizes >= 3
    if not big.any():
        return labels
    edge_root = roots[edges[:, 0]] if len(edges) else np.empty(0, dtype=np.int64)
    edge_count = np.bincount(edge_root, minlength=n)
    complete = edge_count == sizes * (sizes - 1) // 2
    todo = np.flatnonzero(big & ~complete)
    if not todo.size:
        return labels
    row_order, edge_order = np.argsort(roots, kind="stable"), np.argsort(edge_root, kind="stable")
    row_start = np.searchsorted(roots[row_order], todo)
    edge_start = np.searchsorted(edge_root[edge_order], todo)
    members = [row_order[r0 : r0 + sizes[root]] for root, r0 in zip(todo, row_start, strict=True)]
    small = [m for m in members if len(m) <= settings.max_cluster_check]
    matrices = iter(_compat_matrices(model, table, small, settings))
    for root, rows, e0 in zip(todo, members, edge_start, strict=True):
        picked = edge_order[e0 : e0 + edge_count[root]]
        allowed = (
            _from_matrix(next(matrices))
            if len(rows) <= settings.max_cluster_check
            else _on_demand(model, table, rows, settings)
        )
        for group in _greedy(rows, edges[picked], scores[picked], allowed):
            labels[group] = min(group)
    return labels
