"""Read locust's CSV statistics and print them per flow, with the read-page target."""

import csv
from pathlib import Path

READ_TARGET_MS = 150  # p95 target for pages that only read


def read_stats(prefix):
    """[{flow, method, requests, failures, p50, p95, p99}] from `<prefix>_stats.csv`."""
    rows = []
    with Path(f"{prefix}_stats.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                continue
            rows.append(
                {
                    "flow": row["Name"],
                    "method": row["Type"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "p50": _ms(row["50%"]),
                    "p95": _ms(row["95%"]),
                    "p99": _ms(row["99%"]),
                }
            )
    return rows


def read_failures(prefix):
    """[(flow, error, occurrences)] from `<prefix>_failures.csv`."""
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return [(r["Name"], r["Error"], int(r["Occurrences"])) for r in csv.DictReader(handle)]


def _ms(text):
    return int(float(text)) if text not in ("", "N/A") else 0


def is_read(row):
    """True for a flow that only reads (a GET that is not the sign-in form)."""
    return row["method"] == "GET" and row["flow"] != "sign in"


def format_table(rows):
    """Lines of a per-flow table; read pages over the target are marked."""
    lines = [
        f"{'flow':28} {'method':6} {'requests':>8} {'errors':>6} {'p50':>6} {'p95':>6} {'p99':>6}"
    ]
    for r in sorted(rows, key=lambda r: r["flow"]):
        slow = "  > target" if is_read(r) and r["p95"] > READ_TARGET_MS else ""
        lines.append(
            f"{r['flow']:28} {r['method']:6} {r['requests']:8} {r['failures']:6} "
            f"{r['p50']:6} {r['p95']:6} {r['p99']:6}{slow}"
        )
    total = sum(r["requests"] for r in rows)
    errors = sum(r["failures"] for r in rows)
    lines.append(f"{'all':28} {'':6} {total:8} {errors:6}   (times in ms)")
    return lines
