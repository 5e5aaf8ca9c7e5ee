"""Where historical_50k recall is lost: candidate coverage, scoring, or clustering.

python benchmarks/matching/diagnose.py            # default and archive, untrained and EM

Each line is pairwise recall (over the true clusters) of what one stage still allows:
`candidates` = connected components over the true pairs among the blocked candidates (the
most any scoring could reach); `match edges` = components over the true pairs decided
`match`; `components` = plain connected components over all match edges (precision too);
`clustered` = the engine's conflict-aware clustering, i.e. what dedupe() returns.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.matching.datasets import load_historical  # noqa: E402
from benchmarks.matching.metrics import cluster_scores  # noqa: E402
from common.persons.matching import MatchModel, MatchSettings  # noqa: E402
from common.persons.matching.clusters import (  # noqa: E402
    cluster_components,
    connected_components,
)
from common.persons.matching.linkage import _prepare, score_candidates  # noqa: E402


def _components(ids, edges, truth) -> dict:
    roots = connected_components(len(ids), edges)
    return cluster_scores({ids[k]: roots[k] for k in range(len(ids))}, truth)


def diagnose(records, truth, model, settings) -> dict[str, dict]:
    """Scores of each stage for one model and settings."""
    table, pairs = _prepare(records, settings)
    ids = table.ids
    label = np.array([truth[i] for i in ids])
    true_pair = label[pairs[:, 0]] == label[pairs[:, 1]]
    scores, codes = score_candidates(model, table, pairs, settings)
    match = codes == 0
    clusters = cluster_components(model, table, pairs[match], scores[match], settings)
    return {
        "candidates": _components(ids, pairs[true_pair], truth),
        "match edges": _components(ids, pairs[match & true_pair], truth),
        "components": _components(ids, pairs[match], truth),
        "clustered": cluster_scores({ids[k]: ids[clusters[k]] for k in range(len(ids))}, truth),
        "pairs": {"candidates": len(pairs), "true candidates": int(true_pair.sum())},
    }


def main() -> None:
    """Print the stage table for both profiles, with and without EM."""
    records, truth = load_historical()
    trained = MatchModel.default().fit(records)
    print(f"{'run':<12} {'stage':<12} {'precision':>9} {'recall':>8} {'F1':>8}")
    for profile in ("default", "archive"):
        for label, model in (("", MatchModel.default()), ("+EM", trained)):
            start = time.perf_counter()
            stages = diagnose(records, truth, model, MatchSettings.profile(profile))
            counts = stages.pop("pairs")
            for stage, s in stages.items():
                full = stage in ("components", "clustered")
                precision = f"{s['precision']:.4f}" if full else ""
                f1 = f"{s['f1']:.4f}" if full else ""
                print(
                    f"{profile + label:<12} {stage:<12} {precision:>9} {s['recall']:>8.4f} {f1:>8}"
                )
            print(
                f"{'':<12} {counts['candidates']:,} candidate pairs, "
                f"{counts['true candidates']:,} true ({time.perf_counter() - start:.1f} s)",
                flush=True,
            )


if __name__ == "__main__":
    main()
