"""Movement rules, and custody reconstructed from the movement history at any time."""

from datetime import timedelta

from sqlalchemy import and_, func, select, true
from sqlalchemy.orm import contains_eager, defer

from common.extensions import db
from common.persons.models import PersonRecord
from common.sqlfilters import in_values, is_postgresql
from prison_ims.admissions.models import Admission, LegalStatusChange
from prison_ims.housing.models import Cell, CellAllocation, HousingBlock, HousingUnit
from prison_ims.movements.models import (
    IN_CUSTODY_STATES,
    MOVEMENT_KINDS,
    STATES,
    CustodyNow,
    Movement,
    MovementDay,
)
from prison_ims.settings import setting
from prison_ims.times import as_utc, belize_time_text, moment_or_now, now_utc

TO_STATE = {
    "ADM": "IN",
    "CRT": "CRT",
    "HOSP": "HOSP",
    "TMP": "TMP",
    "ESC": "ESC",
    "RET": "IN",
    "TRN": "OUT",
    "REL": "OUT",
}
ALLOWED_FROM = {
    "ADM": {None},
    "CRT": {"IN"},
    "HOSP": {"IN"},
    "TMP": {"IN"},
    "ESC": {"IN", "CRT", "HOSP", "TMP"},
    "RET": {"CRT", "HOSP", "TMP", "ESC"},
    "TRN": {"IN"},
    "REL": {"IN", "CRT", "HOSP", "TMP"},
}
RECORDABLE_KINDS = {k: v for k, v in MOVEMENT_KINDS.items() if k != "ADM"}


class MovementError(ValueError):
    """A movement that breaks a rule; the message says which and what to do."""


def in_custody(state):
    """True when a person in `state` is in the prison's custody."""
    return state in IN_CUSTODY_STATES


def last_movement(admission_id):
    """The latest movement of an admission, or None."""
    return db.session.scalar(
        select(Movement)
        .where(Movement.admission_id == admission_id)
        .order_by(Movement.occurred_at.desc(), Movement.id.desc())
        .limit(1)
    )


def current_state(admission_id):
    """Where the person of an admission is now, from the last movement (None before ADM)."""
    last = last_movement(admission_id)
    return last.to_state if last else None


def _refusal(admission, kind, state):
    if state in (None, "OUT"):
        return (
            f"{admission.booking_number} is not in custody: a movement "
            f"({MOVEMENT_KINDS[kind].lower()}) cannot be recorded."
        )
    if state == "IN" and kind == "RET":
        return f"{admission.booking_number} is already in the prison: nothing to return from."
    if state == "ESC":
        return (
            f"{admission.booking_number} is unlawfully at large: record the return (recapture) "
            "before any other movement."
        )
    return (
        f"{admission.booking_number} is {STATES[state].lower()}: record the return first, "
        f"then the {MOVEMENT_KINDS[kind].lower()}."
    )


def record_movement(admission, kind, occurred_at=None, place="", reason="", user_id=None):
    """Record one movement after checking it follows from where the person is now."""
    if kind not in TO_STATE:
        raise MovementError(f"Unknown movement {kind!r}.")
    occurred_at = as_utc(occurred_at) if occurred_at else now_utc()
    db.session.execute(
        select(Admission.id).where(Admission.id == admission.id).with_for_update()
    ).all()
    last = last_movement(admission.id)
    state = last.to_state if last else None
    if state not in ALLOWED_FROM[kind]:
        raise MovementError(_refusal(admission, kind, state))
    tolerance = timedelta(minutes=setting("PRISON_FUTURE_TOLERANCE_MINUTES"))
    if occurred_at > now_utc() + tolerance:
        raise MovementError("The time of the movement is in the future: check the date and time.")
    if last is not None and occurred_at < as_utc(last.occurred_at):
        raise MovementError(
            "Movements are recorded in order: this time is before the last movement "
            f"({last.kind_label}, {belize_time_text(last.occurred_at)})."
        )
    to_state = TO_STATE[kind]
    movement = Movement(
        admission_id=admission.id,
        kind=kind,
        occurred_at=occurred_at,
        from_state=state,
        to_state=to_state,
        custody_delta=int(in_custody(to_state)) - int(in_custody(state)),
        present_delta=int(to_state == "IN") - int(state == "IN"),
        place=place or "",
        reason=reason or "",
        recorded_by_id=user_id,
    )
    db.session.add(movement)
    if to_state == "OUT":
        _end_allocation(admission.id, occurred_at)
    db.session.flush()
    return movement


def _end_allocation(admission_id, at):
    for allocation in db.session.scalars(
        select(CellAllocation).where(
            CellAllocation.admission_id == admission_id, CellAllocation.end_at.is_(None)
        )
    ):
        allocation.end_at = at


def _held_at(at):
    """Subquery: admissions in custody at `at`, as the sum of their custody changes.

    Only movements that change custody (custody_delta ≠ 0: admission, release, escape,
    return from escape) count, a few per admission, read from a partial index.
    """
    return (
        select(Movement.admission_id)
        .where(Movement.custody_delta != 0, Movement.occurred_at <= at)
        .group_by(Movement.admission_id)
        .having(func.sum(Movement.custody_delta) > 0)
        .subquery()
    )


def latest_movements_before(at):
    """Subquery: the last movement id at or before `at` of each admission in custody then."""
    held = _held_at(at)
    last = (
        select(Movement.id)
        .where(Movement.admission_id == held.c.admission_id, Movement.occurred_at <= at)
        .order_by(Movement.id.desc())
        .limit(1)
    )
    if not is_postgresql():
        last = last.correlate(held).scalar_subquery()
        return select(held.c.admission_id, last.label("movement_id")).subquery()
    # PostgreSQL: a LATERAL join, so the planner looks each last movement up by its index
    # (as a scalar subquery in the join condition it hashed the whole movement table).
    last = last.lateral()
    return (
        select(held.c.admission_id, last.c.id.label("movement_id"))
        .select_from(held)
        .join(last, true())
        .subquery()
    )


# The file's free-text and list columns: the roll and the counts never read them.
_ROLL_DEFERRED = (
    Admission.reason,
    Admission.visible_injuries,
    Admission.ill_treatment_claims,
    Admission.property_items,
    Admission.children,
)


ALL_UNITS = "all"  # roll and counts: every unit
NO_CELL = "none"  # roll: the people with no cell allocated at the time


def state_column(at):
    """The custody state at `at` as a column of `select_in_custody(at, …)` (None: now)."""
    return CustodyNow.state if at is None else Movement.to_state


def select_in_custody(at, *columns, legal_statuses=None, movement=True):
    """SELECT `columns` over the admissions in custody at `at` (None: now), joined to their
    last movement (`Movement`); `legal_statuses` keeps only admissions whose legal status now
    is one of them.

    Now is read from prison_custody_now (each admission's latest movement, kept by a trigger);
    any other moment is rebuilt from the movement history. A now query whose columns need
    only the state (`state_column`) passes `movement=False` and skips the movement table.
    """
    if at is None:
        query = (
            select(*columns)
            .select_from(CustodyNow)
            .join(Admission, Admission.id == CustodyNow.admission_id)
            .where(CustodyNow.state.in_(IN_CUSTODY_STATES))
        )
        if movement:
            query = query.join(Movement, Movement.id == CustodyNow.movement_id)
    else:
        latest = latest_movements_before(at)
        query = (
            select(*columns)
            .select_from(Admission)
            .join(latest, latest.c.admission_id == Admission.id)
            .join(Movement, Movement.id == latest.c.movement_id)
            .where(Movement.to_state.in_(IN_CUSTODY_STATES))
        )
    if legal_statuses is not None:
        query = query.where(Admission.legal_status.in_(tuple(legal_statuses)))
    return query


def custody_at(at=None, legal_statuses=None, unit=ALL_UNITS):
    """(admission, movement) for everyone in custody at `at`, rebuilt from the movements.

    Movements of an admission are recorded in time order, so the last one at or before `at`
    (highest id) says where the person was. `legal_statuses` keeps only admissions whose
    legal status now is one of them; `unit` (a housing unit id, or NO_CELL) only those
    whose cell at `at` was in that unit (or who had none). No `at` means now.
    """
    at = as_utc(at) if at else None
    query = select_in_custody(at, Admission, Movement, legal_statuses=legal_statuses)
    if unit != ALL_UNITS:
        query = _with_unit_at(query, at or now_utc()).where(
            HousingBlock.unit_id.is_(None) if unit == NO_CELL else HousingBlock.unit_id == unit
        )
    query = (
        query.join(PersonRecord, PersonRecord.id == Admission.person_record_id)
        .options(
            contains_eager(Admission.person_record),
            *(defer(column) for column in _ROLL_DEFERRED),
        )
        .order_by(Admission.booking_number)
    )
    return [(a, m) for a, m in db.session.execute(query).all()]


def _with_unit_at(query, at):
    """Outer-join the cell each admission held at `at` and its block (unit_id None: no cell)."""
    return (
        query.outerjoin(
            CellAllocation,
            and_(CellAllocation.admission_id == Admission.id, CellAllocation.open_at(at)),
        )
        .outerjoin(Cell, Cell.id == CellAllocation.cell_id)
        .outerjoin(HousingBlock, HousingBlock.id == Cell.block_id)
    )


def custody_rows(at=None):
    """(id, legal_status now, admitted_at, state at `at`) of everyone in custody at `at`
    (None: now)."""
    at = as_utc(at) if at else None
    query = select_in_custody(
        at,
        Admission.id,
        Admission.legal_status,
        Admission.admitted_at,
        state_column(at).label("state"),
        movement=False,
    )
    return db.session.execute(query).all()


def movement_totals(at=None):
    """(in custody, inside the walls) at `at`, as plain sums of the movement deltas.

    None means now, as prison_custody_now has it: every movement recorded, one entered a few
    minutes ahead of the clock included (record_movement allows that much). The whole days
    come from prison_movement_day (a trigger adds each movement to its UTC day); only the
    movements of the day `at` falls in are summed one by one.
    """
    days = _sums(MovementDay.custody, MovementDay.present)
    if at is None:
        custody, present = db.session.execute(days).one()
        return int(custody), int(present)
    at = as_utc(at)
    day_start = at.replace(hour=0, minute=0, second=0, microsecond=0)
    custody, present = db.session.execute(days.where(MovementDay.day < at.date())).one()
    that_day = _sums(Movement.custody_delta, Movement.present_delta).where(
        Movement.occurred_at >= day_start, Movement.occurred_at <= at
    )
    day_custody, day_present = db.session.execute(that_day).one()
    return int(custody) + int(day_custody), int(present) + int(day_present)


def _sums(*columns):
    """SELECT the sum of each column, 0 over no rows."""
    return select(*(func.coalesce(func.sum(column), 0) for column in columns))


def cells_at(admission_ids, at):
    """{admission id: cell} for the allocations open at `at`."""
    if not admission_ids:
        return {}
    rows = db.session.execute(
        select(CellAllocation.admission_id, Cell)
        .join(Cell, Cell.id == CellAllocation.cell_id)
        .where(
            in_values(CellAllocation.admission_id, admission_ids),
            CellAllocation.open_at(at),
        )
    ).all()
    return {admission_id: cell for admission_id, cell in rows}


def statuses_at(admission_ids, at):
    """{admission id: legal status} at `at`, from the status history."""
    if not admission_ids:
        return {}
    rows = db.session.execute(
        select(LegalStatusChange.admission_id, LegalStatusChange.to_status)
        .where(
            in_values(LegalStatusChange.admission_id, admission_ids),
            LegalStatusChange.changed_at <= at,
        )
        .order_by(LegalStatusChange.changed_at, LegalStatusChange.id)
    ).all()
    return dict(rows)


def roll(at=None, unit=ALL_UNITS):
    """The roll at `at`: each person in custody with where they were, cell and status then.

    `unit` keeps one housing unit (its id) or NO_CELL; by default the whole prison. No `at`
    means now.
    """
    moment, at = moment_or_now(at)
    entries = custody_at(moment, unit=unit)
    ids = [a.id for a, _ in entries]
    cells, statuses = cells_at(ids, at), statuses_at(ids, at)
    return [
        {
            "admission": a,
            "movement": m,
            "state": m.to_state,
            "cell": cells.get(a.id),
            "status": statuses.get(a.id, a.legal_status),
        }
        for a, m in entries
    ]


def count_by_unit(at=None, entries=None):
    """Per unit: in custody, inside, out; the totals equal the sums of the movements.

    `entries` is the whole roll at `at` when the caller has already built it; without it the
    count is made in the database, without loading anyone's file. No `at` means now.
    """
    moment, at = moment_or_now(at)
    units = db.session.scalars(select(HousingUnit).order_by(HousingUnit.code)).all()
    rows = {u.id: {"unit": u, "custody": 0, "present": 0, "out": 0} for u in units}
    rows[None] = {"unit": None, "custody": 0, "present": 0, "out": 0}
    for unit_id, state, number in _states_by_unit(moment, at, entries):
        row = rows[unit_id]
        row["custody"] += number
        row["present" if state == "IN" else "out"] += number
    custody, present = movement_totals(moment)
    return {
        "at": at,
        "rows": [r for key, r in rows.items() if key is not None or r["custody"]],
        "custody": sum(r["custody"] for r in rows.values()),
        "present": sum(r["present"] for r in rows.values()),
        "movement_custody": custody,
        "movement_present": present,
    }


def _states_by_unit(moment, at, entries):
    """(unit id or None, state, number in custody) at `at` (`moment`, None for now), from the
    roll or the database."""
    if entries is not None:
        return [(e["cell"].block.unit_id if e["cell"] else None, e["state"], 1) for e in entries]
    state = state_column(moment)
    query = _with_unit_at(
        select_in_custody(moment, HousingBlock.unit_id, state, func.count(), movement=False), at
    ).group_by(HousingBlock.unit_id, state)
    return db.session.execute(query).all()


def movements_of(admission_id):
    """The movement history of an admission, oldest first."""
    return db.session.scalars(
        select(Movement)
        .where(Movement.admission_id == admission_id)
        .order_by(Movement.occurred_at, Movement.id)
    ).all()
