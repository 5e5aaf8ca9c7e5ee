"""The daily population: who was in custody at the end of each day, counted, and stored.

A person counts on day D when their last movement before midnight ending D (Belize time)
leaves them in custody (in the prison, at court, at hospital, on temporary release: the same
rule as the roll), with the legal status, cell and age they had at that moment. Counts are
rebuilt from the history each time, so a late entry is corrected by re-running the date.
"""

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import exists, insert, select

from common.audit.services import record_event
from common.exports.records import age_band
from common.extensions import db
from common.models import utcnow
from common.persons.models import PersonRecord
from common.timefmt import BELIZE
from prison_ims.admissions.models import Admission, LegalStatusChange
from prison_ims.housing.models import Cell, CellAllocation, HousingBlock, HousingUnit
from prison_ims.movements.models import IN_CUSTODY_STATES, Movement
from prison_ims.population.models import PopulationSnapshot
from prison_ims.times import age_on, as_utc

CHUNK_DAYS = 31  # days computed from one load of the history (bounds memory on long ranges)


class SnapshotError(ValueError):
    """A date or range that cannot be snapshotted; the message says how to fix it."""


@dataclass
class _History:
    """One admission's history up to the last day asked for, oldest first."""

    sex: str
    dob: object
    fallback_status: str  # the current status, for admissions without a status history
    moves: list = field(default_factory=list)  # (at, to_state)
    statuses: list = field(default_factory=list)  # (at, to_status)
    cells: list = field(default_factory=list)  # (start, end or None, unit code)


def day_end(day):
    """Midnight ending `day` in Belize, as UTC: the moment a day's population is taken."""
    return datetime.combine(day + timedelta(days=1), time(), BELIZE).astimezone(UTC)


def days_between(first, last):
    """Every date from `first` to `last`, inclusive."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _relevant_admissions(start, end):
    """Select of admissions with a movement before `end` and not discharged before `start`."""
    discharged_before = exists().where(
        Movement.admission_id == Admission.id,
        Movement.to_state == "OUT",
        Movement.occurred_at < start,
    )
    entered_before = exists().where(
        Movement.admission_id == Admission.id, Movement.occurred_at < end
    )
    return select(Admission.id).where(entered_before, ~discharged_before)


def _cells_query(relevant, end):
    return (
        select(CellAllocation.admission_id, CellAllocation.start_at, CellAllocation.end_at)
        .add_columns(HousingUnit.code)
        .join(Cell, Cell.id == CellAllocation.cell_id)
        .join(HousingBlock, HousingBlock.id == Cell.block_id)
        .join(HousingUnit, HousingUnit.id == HousingBlock.unit_id)
        .where(CellAllocation.admission_id.in_(relevant), CellAllocation.start_at < end)
        .order_by(CellAllocation.start_at, CellAllocation.id)
    )


def _histories(first, last):
    """{admission id: _History} of everyone who may be in custody on some day first..last."""
    end = day_end(last)
    relevant = _relevant_admissions(day_end(first), end)
    people = db.session.execute(
        select(Admission.id, PersonRecord.sex, PersonRecord.date_of_birth, Admission.legal_status)
        .join(PersonRecord, PersonRecord.id == Admission.person_record_id)
        .where(Admission.id.in_(relevant))
    )
    histories = {
        aid: _History(sex if sex in ("F", "M") else "U", dob, status)
        for aid, sex, dob, status in people
    }
    moves = (
        select(Movement.admission_id, Movement.occurred_at, Movement.to_state)
        .where(Movement.admission_id.in_(relevant), Movement.occurred_at < end)
        .order_by(Movement.occurred_at, Movement.id)
    )
    for aid, at, state in db.session.execute(moves):
        histories[aid].moves.append((as_utc(at), state))
    change = LegalStatusChange
    statuses = (
        select(change.admission_id, change.changed_at, change.to_status)
        .where(change.admission_id.in_(relevant), change.changed_at < end)
        .order_by(change.changed_at, change.id)
    )
    for aid, at, status in db.session.execute(statuses):
        histories[aid].statuses.append((as_utc(at), status))
    for aid, began, ended, unit in db.session.execute(_cells_query(relevant, end)):
        histories[aid].cells.append((as_utc(began), as_utc(ended) if ended else None, unit))
    return histories


def _count_one(history, days, cutoffs, counts):
    """Add one admission to the counts of each day it was in custody at the day's end."""
    moves, statuses, cells = history.moves, history.statuses, history.cells
    if not moves:
        return
    m = s = c = 0
    state = unit = None
    status = history.fallback_status
    for index in range(bisect_right(cutoffs, moves[0][0]), len(days)):
        cut = cutoffs[index]
        while m < len(moves) and moves[m][0] < cut:
            state = moves[m][1]
            m += 1
        if state == "OUT":
            return
        if state not in IN_CUSTODY_STATES:
            continue
        while s < len(statuses) and statuses[s][0] < cut:
            status = statuses[s][1]
            s += 1
        while c < len(cells) and cells[c][0] < cut:
            unit = cells[c]
            c += 1
        unit_code = unit[2] if unit and (unit[1] is None or unit[1] >= cut) else ""
        band = age_band(age_on(history.dob, days[index]))
        counts[days[index]][(status, history.sex, band, unit_code)] += 1


def compute_population(first, last=None):
    """{date: Counter of (legal status, sex, age band, unit code) -> persons} for each day."""
    last = last or first
    days = days_between(first, last)
    cutoffs = [day_end(day) for day in days]
    counts = {day: Counter() for day in days}
    for history in _histories(first, last).values():
        _count_one(history, days, cutoffs, counts)
    return counts


def population_on(day):
    """Counter of (legal status, sex, age band, unit code) -> persons held at the end of `day`."""
    return compute_population(day)[day]


def replace_snapshot(day, counts):
    """Make the stored rows of `day` equal `counts`: changed rows updated, stale ones removed.

    Rows that did not change are left alone, so re-running a date emits nothing to the export
    feeds unless a count changed; a removed row reaches the feeds as a tombstone.
    Returns (added, changed, removed).
    """
    held = {
        row.key: row
        for row in db.session.scalars(
            select(PopulationSnapshot).where(PopulationSnapshot.snapshot_date == day)
        )
    }
    added = changed = 0
    for key, count in sorted(counts.items()):
        row = held.pop(key, None)
        if row is None:
            db.session.add(PopulationSnapshot(**_row_values(day, key, count)))
            added += 1
        elif row.count != count:
            row.count, row.computed_at = count, utcnow()
            changed += 1
    for row in held.values():
        db.session.delete(row)
    db.session.flush()
    if added or changed or held:
        details = {"in_custody": sum(counts.values()), "added": added, "changed": changed}
        record_event(
            db.session,
            "population_snapshot",
            "PopulationSnapshot",
            day.isoformat(),
            {**details, "removed": len(held)},
        )
    return added, changed, len(held)


def _row_values(day, key, count):
    status, sex, band, unit = key
    return {
        "snapshot_date": day,
        "legal_status": status,
        "sex": sex,
        "age_band": band,
        "unit_code": unit,
        "count": count,
        "computed_at": utcnow(),
    }


def check_range(first, last, today):
    """Refuse a range that is reversed or reaches past today (SnapshotError)."""
    if last < first:
        raise SnapshotError(f"--to {last} is before --from {first}: swap them.")
    if last > today:
        raise SnapshotError(
            f"{last} is in the future: a population can only be counted for days up to today."
        )


def chunks(first, last, size=CHUNK_DAYS):
    """(first, last) pairs covering first..last, at most `size` days each."""
    while first <= last:
        end = min(last, first + timedelta(days=size - 1))
        yield first, end
        first = end + timedelta(days=1)


def snapshot_range(first, last, commit=None, progress=None):
    """Compute and store each day's snapshot; returns {date: persons in custody}.

    `commit` is called after each day (each date is its own transaction, so an interrupted
    run keeps the days it finished and re-running them is harmless); `progress(n)` after each.
    """
    totals = {}
    for start, end in chunks(first, last):
        for day, counts in compute_population(start, end).items():
            replace_snapshot(day, counts)
            totals[day] = sum(counts.values())
            if commit:
                commit()
            if progress:
                progress(1)
    return totals


def bulk_store(population):
    """Insert snapshots of days that have none yet, in bulk (demo and first loads).

    Bypasses the outbox like every bulk load; `justice exports backfill` (or the demo loader)
    emits the rows to the feeds afterwards. One audit entry records the load.
    """
    rows = [
        _row_values(day, key, count)
        for day, counts in sorted(population.items())
        for key, count in sorted(counts.items())
    ]
    if rows:
        db.session.execute(insert(PopulationSnapshot), rows)
    record_event(
        db.session,
        "bulk_load",
        "PopulationSnapshot",
        None,
        {"rows": len(rows), "days": len(population)},
    )
    return len(rows)
