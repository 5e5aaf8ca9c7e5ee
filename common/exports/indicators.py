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
from common.timefmt import belize_today

SUPPRESS_BELOW = 5
BACKLOG_DAYS = 30  # a request open longer than this at a month's end is in the backlog
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
    """Counter of (indicator, month, sex, age band, district) -> value, and rates.

    Rates are {(indicator, month): (value, number of values it summarises)}: medians, and
    the remand share of the month-end population.
    """
    today = today or belize_today()
    counts = Counter()
    rates = {}
    _prison(data, today, counts, rates)
    _court(data, counts, rates)
    _lab(data, today, counts, rates)
    counts[("persons_in_more_than_one_system", "", "", "", "")] = _shared_persons(data)
    return counts, rates


def _prison(data, today, counts, rates):
    admissions = data.get(("prison", "admissions"), [])
    for a in admissions:
        counts[("prison_admissions", _month(_day(a["admitted_at"])), *_dims(a))] += 1
    snapshots = data.get(("prison", "population_snapshots"), [])
    if snapshots:
        _population_from_snapshots(counts, snapshots)
    elif admissions:
        _population_from_admissions(data, admissions, today, counts)
    population, remand = Counter(), Counter()
    for (name, month, *_rest), value in counts.items():
        if name == "prison_population":
            population[month] += value
        elif name == "prison_on_remand":
            remand[month] += value
    for month, held in population.items():
        # Published only when neither count is small: a share would reveal a hidden count.
        share = round(remand[month] / held, 3)
        rates[("prison_remand_share", month)] = (share, min(held, remand[month]))


def _population_from_snapshots(counts, snapshots):
    """Month-end population and remand from the last daily snapshot of each month."""
    last_day = {}
    for s in snapshots:
        day = _day(s["snapshot_date"])
        last_day[_month(day)] = max(day, last_day.get(_month(day), day))
    for s in snapshots:
        day = _day(s["snapshot_date"])
        if last_day[_month(day)] != day:
            continue
        dims = (s["sex"], s["age_band"], "")
        counts[("prison_population", _month(day), *dims)] += s["count"]
        if s["legal_status"] == "REMAND":
            counts[("prison_on_remand", _month(day), *dims)] += s["count"]


def _population_from_admissions(data, admissions, today, counts):
    """Month-end population from admissions and releases (a feed without snapshots)."""
    released = {
        r["admission_id"]: _day(r["released_at"]) for r in data.get(("prison", "releases"), [])
    }
    first = min(_day(a["admitted_at"]) for a in admissions)
    _stock(
        counts,
        "prison_population",
        admissions,
        lambda a: _day(a["admitted_at"]),
        lambda a: released.get(int(a["record_id"])),
        first,
        today,
    )
    _stock(
        counts,
        "prison_on_remand",
        data.get(("prison", "remand_episodes"), []),
        lambda e: _day(e["started_at"]),
        lambda e: _day(e["ended_at"]),
        first,
        today,
    )


def _court(data, counts, rates):
    durations = defaultdict(list)
    for c in data.get(("court", "cases"), []):
        counts[("court_filings", _month(_day(c["filed_on"])), "", "", "")] += 1
        if c.get("disposed_on"):
            disposed = _day(c["disposed_on"])
            counts[("court_dispositions", _month(disposed), "", "", "")] += 1
            durations[_month(disposed)].append((disposed - _day(c["filed_on"])).days)
    for month, values in durations.items():
        rates[("court_median_days_to_disposition", month)] = (
            statistics.median(values),
            len(values),
        )


def _lab(data, today, counts, rates):
    requests = data.get(("lims", "requests"), [])
    turnaround = defaultdict(list)
    for r in requests:
        counts[("lab_requests", _month(_day(r["received_at"])), "", "", "")] += 1
        if r.get("completed_at"):
            turnaround[_month(_day(r["completed_at"]))].append(r["turnaround_days"])
    for month, values in turnaround.items():
        rates[("lab_median_turnaround_days", month)] = (statistics.median(values), len(values))
    if not requests:
        return
    first = min(_day(r["received_at"]) for r in requests)
    for month, next_first in _month_ends(first, today):
        open_late = sum(
            1
            for r in requests
            if (next_first - _day(r["received_at"])).days > BACKLOG_DAYS
            and (not r.get("completed_at") or _day(r["completed_at"]) >= next_first)
        )
        if open_late:
            counts[("lab_backlog", month, "", "", "")] += open_late


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


def write_csv(path, counts, rates):
    """Write the indicators to a CSV file (counts under 5 and rates of under 5 hidden)."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for key in sorted(counts):
            writer.writerow([*key, suppressed(counts[key])])
        for (name, month), (value, n) in sorted(rates.items()):
            writer.writerow(
                [name, month, "", "", "", value if n >= SUPPRESS_BELOW else "<5 values"]
            )
