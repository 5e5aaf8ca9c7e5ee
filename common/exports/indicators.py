"""Cross-system indicators computed from the BCO repository alone (no source database).

Each indicator is counted by month and by sex, age band and district where the records carry
them. Cells under `SUPPRESS_BELOW` are written as "<5" so no small group can be singled out.
"""

import csv
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime

from sqlalchemy import select

from common.exports.consumer import records
from common.exports.records import age_band

SUPPRESS_BELOW = 5
COLUMNS = ["indicator", "month", "sex", "age_band", "district", "value"]


def _day(value):
    if not value:
        return None
    return (
        datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        if "T" in value
        else (date.fromisoformat(value))
    )


def _month(day):
    return f"{day.year:04d}-{day.month:02d}"


def _month_ends(first, last):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        yield _month(date(year, month, 1)), nxt
        year, month = nxt.year, nxt.month


def load(engine):
    """{(source, dataset): [record dicts]} of everything in the repository."""
    data = defaultdict(list)
    with engine.connect() as conn:
        for source, dataset, record in conn.execute(
            select(records.c.source, records.c.dataset, records.c.data)
        ):
            data[(source, dataset)].append(record)
    return data


def _dims(record):
    return (
        record.get("sex") or "U",
        age_band(record.get("age_at_event")),
        record.get("district") or "",
    )


def _stock(counts, name, items, start, end, first, last):
    """Month-end counts of items present on the last day of each month."""
    for month, next_first in _month_ends(first, last):
        for item in items:
            began, ended = start(item), end(item)
            if began and began < next_first and (ended is None or ended >= next_first):
                counts[(name, month, *_dims(item))] += 1


def compute(data, today=None):
    """Counter of (indicator, month, sex, age band, district) -> value, and medians.

    Medians are {(indicator, month): (median, number of values)}.
    """
    today = today or date.today()
    counts = Counter()
    medians = {}
    admissions = data.get(("prison", "admissions"), [])
    released = {
        r["admission_id"]: _day(r["released_at"]) for r in data.get(("prison", "releases"), [])
    }
    for a in admissions:
        counts[("prison_admissions", _month(_day(a["admitted_at"])), *_dims(a))] += 1
    days = [_day(a["admitted_at"]) for a in admissions]
    if days:
        first = min(days)
        _stock(
            counts,
            "prison_population",
            admissions,
            lambda a: _day(a["admitted_at"]),
            lambda a: released.get(int(a["record_id"])),
            first,
            today,
        )
        episodes = data.get(("prison", "remand_episodes"), [])
        _stock(
            counts,
            "prison_on_remand",
            episodes,
            lambda e: _day(e["started_at"]),
            lambda e: _day(e["ended_at"]),
            first,
            today,
        )
    cases = data.get(("court", "cases"), [])
    durations = defaultdict(list)
    for c in cases:
        counts[("court_filings", _month(_day(c["filed_on"])), "", "", "")] += 1
        if c.get("disposed_on"):
            disposed = _day(c["disposed_on"])
            counts[("court_dispositions", _month(disposed), "", "", "")] += 1
            durations[_month(disposed)].append((disposed - _day(c["filed_on"])).days)
    for month, values in durations.items():
        medians[("court_median_days_to_disposition", month)] = (
            statistics.median(values),
            len(values),
        )
    requests = data.get(("lims", "requests"), [])
    turnaround = defaultdict(list)
    for r in requests:
        if r.get("completed_at"):
            turnaround[_month(_day(r["completed_at"]))].append(r["turnaround_days"])
    for month, values in turnaround.items():
        medians[("lab_median_turnaround_days", month)] = (statistics.median(values), len(values))
    if requests:
        first = min(_day(r["received_at"]) for r in requests)
        for month, next_first in _month_ends(first, today):
            open_late = sum(
                1
                for r in requests
                if (next_first - _day(r["received_at"])).days > 30
                and (not r.get("completed_at") or _day(r["completed_at"]) >= next_first)
            )
            if open_late:
                counts[("lab_backlog", month, "", "", "")] += open_late
    counts[("persons_in_more_than_one_system", "", "", "", "")] = _shared_persons(data)
    return counts, medians


def _shared_persons(data):
    seen = defaultdict(set)
    for (source, _dataset), items in data.items():
        for item in items:
            if item.get("person_key"):
                seen[item["person_key"]].add(source)
    return sum(1 for systems in seen.values() if len(systems) > 1)


def suppressed(value):
    """A count as published: under SUPPRESS_BELOW becomes '<5' (zero stays hidden too)."""
    return f"<{SUPPRESS_BELOW}" if value < SUPPRESS_BELOW else value


def write_csv(path, counts, medians):
    """Write the indicators (counts suppressed, medians as they are) to a CSV file."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for key in sorted(counts):
            writer.writerow([*key, suppressed(counts[key])])
        for (name, month), (value, n) in sorted(medians.items()):
            writer.writerow(
                [name, month, "", "", "", value if n >= SUPPRESS_BELOW else "<5 values"]
            )
