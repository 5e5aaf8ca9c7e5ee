"""Speed and memory runs; each runs in its own process and prints one JSON line.

python benchmarks/matching/speed.py link --size 100000 [--splink]
python benchmarks/matching/speed.py dedupe --size 1000000
python benchmarks/matching/speed.py index --size 1000000 --queries 1000
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.matching import splink_runner  # noqa: E402
from benchmarks.matching.belize_set import to_record  # noqa: E402
from common.persons.matching import MatchIndex, MatchSettings, dedupe, link  # noqa: E402
from common.persons.synthetic import PopulationGenerator  # noqa: E402

WORKERS = MatchSettings(workers=2)  # this machine has 2 cores


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (VmHWM, reset at exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_link(size: int, with_splink: bool) -> dict:
    """Link size people against a register variant of each."""
    gen = PopulationGenerator(seed=11)
    people = [gen.person("general") for _ in range(size)]
    left = [to_record(f"L{k}", p) for k, p in enumerate(people)]
    right = [to_record(f"R{k}", gen.register_variant(p)) for k, p in enumerate(people)]
    start = time.perf_counter()
    rows = link(left, right, settings=WORKERS)
    out = {
        "size": size,
        "seconds": time.perf_counter() - start,
        "matches": sum(1 for r in rows if r[3] == "match"),
        "correct": sum(1 for r in rows if r[3] == "match" and r[0][1:] == r[1][1:]),
    }
    if with_splink and splink_runner.available():
        try:
            pairs, seconds = splink_runner.link(left, right)
        except Exception as exc:  # noqa: BLE001 - report and carry on
            out["splink_error"] = str(exc).splitlines()[0][:100]
        else:
            out.update(
                splink_seconds=seconds,
                splink_matches=len(pairs),
                splink_correct=sum(1 for a, b in pairs if a[1:] == b[1:]),
            )
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def population(size: int):
    """size records: 70% distinct people, 30% register variants of some of them."""
    gen = PopulationGenerator(seed=13)
    n_people = int(size * 0.7)
    people = [gen.person("general") for _ in range(n_people)]
    records = [to_record(f"A{k}", p) for k, p in enumerate(people)]
    records += [to_record(f"B{k}", gen.register_variant(people[k])) for k in range(size - n_people)]
    return records


def run_dedupe(size: int) -> dict:
    """De-duplicate size records; wall time and peak memory."""
    records = population(size)
    rss_inputs = peak_rss_mb()
    start = time.perf_counter()
    clusters = dedupe(records, settings=WORKERS)
    return {
        "size": size,
        "seconds": time.perf_counter() - start,
        "persons": len(set(clusters.values())),
        "rss_after_inputs_mb": rss_inputs,
        "peak_rss_mb": peak_rss_mb(),
    }


def run_index(size: int, queries: int) -> dict:
    """Build an index of size records, then time candidates() for new records."""
    records = population(size)
    start = time.perf_counter()
    index = MatchIndex()
    index.add_many(records)
    build = time.perf_counter() - start
    gen = PopulationGenerator(seed=17)
    probes = [
        to_record(f"Q{k}", gen.register_variant(gen.person("general"))) for k in range(queries // 2)
    ]
    probes += [to_record(f"Q{k}", records[k * 997 % size]) for k in range(queries - len(probes))]
    timings = []
    for probe in probes:
        t0 = time.perf_counter()
        index.candidates(probe, limit=10)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return {
        "size": size,
        "build_seconds": build,
        "queries": len(timings),
        "p50_ms": timings[len(timings) // 2],
        "p95_ms": timings[int(len(timings) * 0.95)],
        "peak_rss_mb": peak_rss_mb(),
    }


def main() -> None:
    """Parse arguments, run one benchmark, print its JSON line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("link", "dedupe", "index"))
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--splink", action="store_true")
    args = parser.parse_args()
    if args.what == "link":
        result = run_link(args.size, args.splink)
    elif args.what == "dedupe":
        result = run_dedupe(args.size)
    else:
        result = run_index(args.size, args.queries)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
