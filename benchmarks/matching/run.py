"""Matching benchmarks: accuracy on FEBRL4, historical_50k and a Belize-style set, then speed.

python benchmarks/matching/run.py            # full run
python benchmarks/matching/run.py --quick    # small sizes, a few minutes
python benchmarks/matching/run.py --only accuracy|speed [--no-splink]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.matching import splink_runner  # noqa: E402
from benchmarks.matching.belize_set import belize_link_set  # noqa: E402
from benchmarks.matching.datasets import load_febrl4, load_historical  # noqa: E402
from benchmarks.matching.metrics import cluster_scores, pair_scores  # noqa: E402
from common.persons.matching import MatchModel, MatchSettings, dedupe, link  # noqa: E402

SPEED = Path(__file__).resolve().parent / "speed.py"


def row(name, engine, scores, review, seconds):
    """One printed table row."""
    print(
        f"{name:<16} {engine:<14} {scores['precision']:>9.4f} {scores['recall']:>8.4f} "
        f"{scores['f1']:>8.4f} {review:>8} {seconds:>9.1f}",
        flush=True,
    )


def header(title):
    """Table header."""
    print(
        f"\n{title}\n{'set':<16} {'engine':<14} {'precision':>9} {'recall':>8} {'F1':>8} "
        f"{'review':>8} {'seconds':>9}",
        flush=True,
    )


def run_link_set(name, left, right, truth, use_splink, extra=None):
    """Score link() with the default and the EM-trained model, and Splink."""
    for label, trained in (("engine", False), ("engine+EM", True)):
        start = time.perf_counter()
        model = MatchModel.default().fit(left + right) if trained else None
        rows = link(left, right, model=model)
        seconds = time.perf_counter() - start
        matches = {(a, b) for a, b, _s, d in rows if d == "match"}
        review = sum(1 for r in rows if r[3] == "review")
        row(name, label, pair_scores(matches, truth), review, seconds)
        if extra:
            extra(label, matches, rows)
    if use_splink:
        try:
            pairs, seconds = splink_runner.link(left, right)
        except Exception as exc:  # noqa: BLE001 - report and carry on
            print(f"{name:<16} {'splink':<14} failed: {str(exc).splitlines()[0][:70]}")
            return
        row(name, "splink", pair_scores(pairs, truth), "-", seconds)


def run_historical(use_splink):
    """Dedupe historical_50k and score the clusters pairwise."""
    records, truth = load_historical()
    runs = (
        ("engine", False, "default"),
        ("engine+EM", True, "default"),
        ("archive", False, "archive"),
        ("archive+EM", True, "archive"),
    )
    for label, trained, profile in runs:
        start = time.perf_counter()
        model = MatchModel.default().fit(records) if trained else None
        clusters = dedupe(records, model=model, settings=MatchSettings.profile(profile))
        row(
            "historical_50k",
            label,
            cluster_scores(clusters, truth),
            "-",
            time.perf_counter() - start,
        )
    if use_splink:
        try:
            clusters, seconds = splink_runner.dedupe(records)
        except Exception as exc:  # noqa: BLE001 - report and carry on
            print(f"{'historical_50k':<16} {'splink':<14} failed: {str(exc).splitlines()[0][:70]}")
            return
        row("historical_50k", "splink", cluster_scores(clusters, truth), "-", seconds)


def lookalike_report(lookalikes):
    """Printer of how many look-alike pairs were wrongly linked."""

    def report(label, matches, rows):
        wrong = len(matches & lookalikes)
        print(
            f"{'':<16} {label:<14} look-alike pairs auto-linked: {wrong} of {len(lookalikes)}",
            flush=True,
        )

    return report


def accuracy(quick: bool, use_splink: bool):
    """Accuracy tables."""
    header("Accuracy of `match` decisions (pairs; historical_50k: pairwise over clusters)")
    run_link_set("febrl4", *load_febrl4(), use_splink)
    run_historical(use_splink)
    left, right, truth, lookalikes = belize_link_set(3_000 if quick else 20_000)
    run_link_set(
        f"belize_{len(left) // 1000}k", left, right, truth, use_splink, lookalike_report(lookalikes)
    )


def speed_run(*args) -> dict:
    """Run speed.py in a fresh process and return its JSON result."""
    out = subprocess.run(
        [sys.executable, str(SPEED), *map(str, args)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def speed(quick: bool, use_splink: bool, link_size: int | None, dedupe_size: int | None):
    """Speed and memory table."""
    link_n = link_size or (10_000 if quick else 100_000)
    big_n = dedupe_size or (100_000 if quick else 1_000_000)
    print("\nSpeed (2-core machine; input generation not timed)", flush=True)
    result = speed_run("link", "--size", link_n, *(["--splink"] if use_splink else []))
    print(
        f"link {link_n:,} x {link_n:,}: engine {result['seconds']:.1f} s "
        f"({result['correct']:,}/{link_n:,} correct of {result['matches']:,} matches)",
        flush=True,
    )
    if "splink_error" in result:
        print(f"{'':<24}splink failed: {result['splink_error']}", flush=True)
    if "splink_seconds" in result:
        print(
            f"{'':<24}splink {result['splink_seconds']:.1f} s ({result['splink_correct']:,} "
            f"correct of {result['splink_matches']:,} matches)",
            flush=True,
        )
    result = speed_run("dedupe", "--size", big_n)
    print(
        f"dedupe {big_n:,}: {result['seconds']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB "
        f"(inputs alone {result['rss_after_inputs_mb']:.0f} MB), "
        f"{result['persons']:,} persons",
        flush=True,
    )
    result = speed_run("index", "--size", big_n, "--queries", 1000)
    print(
        f"index of {big_n:,}: build {result['build_seconds']:.1f} s; one new record: "
        f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms "
        f"({result['queries']} queries), peak RSS {result['peak_rss_mb']:.0f} MB",
        flush=True,
    )


def main() -> None:
    """Parse flags and run the chosen benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--only", choices=("accuracy", "speed"))
    parser.add_argument("--no-splink", action="store_true")
    parser.add_argument("--link-size", type=int, help="records per side in the link speed run")
    parser.add_argument("--dedupe-size", type=int, help="records in the dedupe/index runs")
    args = parser.parse_args()
    use_splink = not args.no_splink and splink_runner.available()
    if not args.no_splink and not use_splink:
        print("Splink not installed (pip install splink duckdb): Splink columns skipped.")
    if args.only in (None, "accuracy"):
        accuracy(args.quick, use_splink)
    if args.only in (None, "speed"):
        speed(args.quick, use_splink, args.link_size, args.dedupe_size)


if __name__ == "__main__":
    main()
