"""Remand delay benchmark: attribution and the management dashboard on a demo database.

python benchmarks/flows/run.py              # uses DATABASE_URL (load it with `justice demo`)
python benchmarks/flows/run.py --repeat 5
Prints, for the last 365 days and for the whole history, the episodes read, the days
attributed and the seconds taken (best of --repeat), then the management dashboard's time.
"""

import argparse
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from common.audit.services import acting_as  # noqa: E402
from common.flows.services import belize_today, remand_delay_summary  # noqa: E402
from common.management.services import dashboard  # noqa: E402
from common.portal import create_app  # noqa: E402


def best_of(repeat, fn):
    """(result, best seconds) of `repeat` calls."""
    best, result = None, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return result, best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = create_app()
    with app.app_context(), acting_as("benchmark"):
        today = belize_today()
        for label, start in (("last 365 days", today - timedelta(days=365)), ("all", None)):
            summary, seconds = best_of(args.repeat, lambda s=start: remand_delay_summary(start=s))
            print(
                f"remand delay, {label}: {summary['episodes']} episodes attributed, "
                f"{summary['total']} days ({summary['unmatched_episodes']} episodes / "
                f"{summary['unmatched_days']} days without a court case), {seconds:.2f} s"
            )
        _, seconds = best_of(args.repeat, dashboard)
        print(f"management dashboard: {seconds:.2f} s")


if __name__ == "__main__":
    main()
