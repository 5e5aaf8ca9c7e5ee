"""Laboratory measures: turnaround (median, 90th percentile) and backlog per discipline."""

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from common.extensions import db
from lims.analysis.models import DISCIPLINES, AnalysisRequest
from lims.settings import setting
from lims.times import as_utc, now_utc


def percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list (fraction 0.5 = median)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def request_rows():
    """(discipline, received_at, completed_at) of every request, times as aware UTC."""
    rows = db.session.execute(
        select(
            AnalysisRequest.discipline, AnalysisRequest.received_at, AnalysisRequest.completed_at
        )
    )
    return [(d, as_utc(r), as_utc(c)) for d, r, c in rows]


def turnaround(rows):
    """Per discipline: completed count, median and 90th percentile days received → released."""
    days = {code: [] for code in DISCIPLINES}
    for discipline, received, completed in rows:
        if completed is not None:
            days.setdefault(discipline, []).append((completed - received).total_seconds() / 86400)
    return [
        {
            "discipline": DISCIPLINES.get(code, code),
            "completed": len(values),
            "median": round(percentile(values, 0.5), 1) if values else None,
            "p90": round(percentile(values, 0.9), 1) if values else None,
        }
        for code, values in days.items()
    ]


def month_ends(months, now=None):
    """The last `months` month ends (UTC), oldest first, the last one being now."""
    now = now or now_utc()
    ends, cursor = [now], datetime(now.year, now.month, 1, tzinfo=UTC)
    for _ in range(months - 1):
        ends.append(cursor)
        cursor = (cursor - timedelta(days=1)).replace(day=1)
    return list(reversed(ends))


def is_backlog(received, completed, at, days):
    """Not completed within `days` of receipt, as seen at time `at`."""
    return received <= at - timedelta(days=days) and (completed is None or completed > at)


def backlog_series(rows, months=None, days=None, now=None):
    """(labels, {discipline: [backlog at each month end]}) for the backlog chart."""
    months = months or setting("LIMS_BACKLOG_MONTHS")
    days = days if days is not None else setting("LIMS_BACKLOG_DAYS")
    ends = month_ends(months, now)
    series = {code: [0] * len(ends) for code in DISCIPLINES}
    first, last = ends[0], ends[-1]
    for discipline, received, completed in rows:
        # Most of the history was completed before the first month end or received too
        # late to be overdue at the last one: such a request is in no month's backlog.
        if (completed is not None and completed <= first) or received > last - timedelta(days):
            continue
        for i, at in enumerate(ends):
            if is_backlog(received, completed, at, days):
                series.setdefault(discipline, [0] * len(ends))[i] += 1
    labels = [(at - timedelta(seconds=1)).strftime("%b %Y") for at in ends[:-1]] + ["Today"]
    return labels, {DISCIPLINES.get(k, k): v for k, v in series.items()}


def dashboard():
    """Everything the metrics page shows."""
    rows = request_rows()
    labels, series = backlog_series(rows)
    return {
        "turnaround": turnaround(rows),
        "backlog_labels": labels,
        "backlog": series,
        "backlog_days": setting("LIMS_BACKLOG_DAYS"),
        "open_now": sum(1 for _, _, c in rows if c is None),
    }
