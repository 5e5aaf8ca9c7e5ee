"""Population snapshots for the demo history: daily for the last year, month-ends before.

Ten years of daily rows would be ~100,000 rows for a demo; the BCO charts use month-ends,
so older history keeps only the last day of each month. `justice prison snapshot --from
--to` fills any other day.
"""

import sys
from datetime import timedelta

from sqlalchemy import func, select

from common.extensions import db
from prison_ims.movements.models import Movement
from prison_ims.population.services import bulk_store, chunks, compute_population
from prison_ims.times import belize_date, now_utc

DAILY_DAYS = 365
CHUNK = 366


def is_month_end(day):
    """True on the last day of a month."""
    return (day + timedelta(days=1)).month != day.month


def load_demo_snapshots(start, now, progressbar):
    """Compute and bulk-store the demo's snapshots from `start` to `now`; returns rows."""
    first, today = belize_date(start), belize_date(now)
    daily_from = today - timedelta(days=DAILY_DAYS - 1)
    kept = {}
    parts = list(chunks(first, today, CHUNK))
    with progressbar(length=len(parts), label="Population snapshots", file=sys.stderr) as bar:
        for a, b in parts:
            for day, counts in compute_population(a, b).items():
                if day >= daily_from or is_month_end(day):
                    kept[day] = counts
            bar.update(1)
    return bulk_store(kept)


def load_demo(scale, seed, progressbar):
    """Demo step run after every other: snapshots of the whole history, as finally loaded.

    Other demo steps (orders the court sent and the prison accepted) add admissions and
    releases to the prison's history, so the snapshots are taken last.
    """
    now = now_utc()
    start = db.session.scalar(select(func.min(Movement.occurred_at))) or now
    rows = load_demo_snapshots(start, now, progressbar)
    return [f"Prison population snapshot rows: {rows}"]
