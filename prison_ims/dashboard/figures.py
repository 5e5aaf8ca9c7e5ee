"""Rule 10 figures, rebuilt from the movement, status and allocation histories at a moment."""

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from common.extensions import db
from common.persons.models import PersonRecord
from common.sqlfilters import in_values
from prison_ims.admissions.models import LEGAL_STATUSES, Admission, LegalStatusChange
from prison_ims.conduct_settings import conduct_setting
from prison_ims.housing.models import Cell, CellAllocation, HousingBlock, HousingUnit
from prison_ims.movements.models import Movement
from prison_ims.movements.services import select_in_custody
from prison_ims.times import age_on, as_utc, belize_date, now_utc

SEX_LABELS = {"M": "Male", "F": "Female"}


def held_at(at):
    """[(admission id, sex, date of birth)] of everyone in custody at `at`."""
    return db.session.execute(
        select_in_custody(
            at, Admission.id, PersonRecord.sex, PersonRecord.date_of_birth, movement=False
        ).join(PersonRecord, PersonRecord.id == Admission.person_record_id)
    ).all()


def statuses_at(at, admission_ids=None):
    """{admission id: legal status at `at`} from the status history (of `admission_ids`)."""
    query = (
        select(LegalStatusChange.admission_id, LegalStatusChange.to_status)
        .where(LegalStatusChange.changed_at <= at)
        .order_by(LegalStatusChange.changed_at, LegalStatusChange.id)
    )
    if admission_ids is not None:
        query = query.where(in_values(LegalStatusChange.admission_id, admission_ids))
    return dict(db.session.execute(query).all())


def units_at(at):
    """{admission id: unit id} of the cell allocations open at `at`."""
    rows = db.session.execute(
        select(CellAllocation.admission_id, HousingBlock.unit_id)
        .join(Cell, Cell.id == CellAllocation.cell_id)
        .join(HousingBlock, HousingBlock.id == Cell.block_id)
        .where(CellAllocation.open_at(at))
    ).all()
    return dict(rows)


def age_band(age):
    """The dashboard age band of an age (setting PRISON_AGE_BANDS)."""
    bounds = list(conduct_setting("PRISON_AGE_BANDS"))
    if age is None:
        return "Unknown"
    if age < bounds[0]:
        return f"Under {bounds[0]}"
    for low, high in zip(bounds, bounds[1:], strict=False):
        if low <= age < high:
            return f"{low}-{high - 1}"
    return f"{bounds[-1]} and over"


def band_labels():
    """Every age band, youngest first."""
    bounds = list(conduct_setting("PRISON_AGE_BANDS"))
    middle = [f"{lo}-{hi - 1}" for lo, hi in zip(bounds, bounds[1:], strict=False)]
    return [f"Under {bounds[0]}", *middle, f"{bounds[-1]} and over", "Unknown"]


def capacity_by_unit():
    """{unit id: places} in the active cells of each unit (the layout as it is now)."""
    rows = db.session.execute(
        select(HousingBlock.unit_id, func.coalesce(func.sum(Cell.capacity), 0))
        .join(Cell, Cell.block_id == HousingBlock.id)
        .where(Cell.active.is_(True))
        .group_by(HousingBlock.unit_id)
    ).all()
    return {unit_id: int(places) for unit_id, places in rows}


def population(at=None):
    """Population at `at` by legal status, sex, age band and unit; occupancy; remand share."""
    at = as_utc(at) if at else now_utc()
    held = held_at(at)
    statuses, units = statuses_at(at, [a for a, _, _ in held]), units_at(at)
    day = belize_date(at)
    by_status = Counter(statuses.get(a) for a, _, _ in held)
    by_sex = Counter(SEX_LABELS.get(sex, "Not recorded") for _, sex, _ in held)
    by_age = Counter(age_band(age_on(dob, day)) for _, _, dob in held)
    by_unit = Counter(units.get(a) for a, _, _ in held)
    capacity = capacity_by_unit()
    unit_rows = [
        {"unit": u, "held": by_unit.get(u.id, 0), "capacity": capacity.get(u.id, 0)}
        for u in db.session.scalars(select(HousingUnit).order_by(HousingUnit.code))
    ]
    total = len(held)
    return {
        "at": at,
        "total": total,
        "status": {label: by_status.get(code, 0) for code, label in LEGAL_STATUSES.items()},
        "sex": {label: by_sex.get(label, 0) for label in (*SEX_LABELS.values(), "Not recorded")},
        "age": {label: by_age.get(label, 0) for label in band_labels()},
        "units": unit_rows,
        "unallocated": by_unit.get(None, 0),
        "capacity": sum(capacity.values()),
        "remand": by_status.get("REMAND", 0),
        "remand_share": round(100 * by_status.get("REMAND", 0) / total, 1) if total else 0.0,
    }


def month_keys(at, months):
    """The last `months` Belize calendar months up to `at`, oldest first, as dates (day 1)."""
    day = belize_date(at)
    year, month = day.year, day.month
    keys = []
    for _ in range(months):
        keys.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def flows_by_month(at=None):
    """Admissions (ADM) and releases (REL) per Belize month over the dashboard window."""
    at = as_utc(at) if at else now_utc()
    keys = month_keys(at, conduct_setting("PRISON_DASHBOARD_MONTHS"))
    start = keys[0]
    counts = {"ADM": Counter(), "REL": Counter()}
    # A day's margin before the first month: the exact Belize-month test is made below.
    since = datetime.combine(start, time.min, UTC) - timedelta(days=1)
    rows = db.session.execute(
        select(Movement.kind, Movement.occurred_at).where(
            Movement.kind.in_(("ADM", "REL")),
            Movement.occurred_at <= at,
            Movement.occurred_at >= since,
        )
    ).all()
    for kind, occurred in rows:
        local = belize_date(occurred)
        key = date(local.year, local.month, 1)
        if key >= start:
            counts[kind][key] += 1
    return {
        "labels": [k.strftime("%b %Y") for k in keys],
        "admissions": [counts["ADM"][k] for k in keys],
        "releases": [counts["REL"][k] for k in keys],
    }
