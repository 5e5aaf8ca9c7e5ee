"""Housing rules: capacity, separation of categories (Mandela Rule 11), cell moves."""

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from common.extensions import db
from prison_ims.housing.models import AGE_GROUPS, Cell, CellAllocation, HousingBlock, HousingUnit
from prison_ims.movements.services import current_state, in_custody
from prison_ims.settings import setting
from prison_ims.times import age_on, as_utc, now_utc

STATUS_REGIME = {
    "REMAND": "REMAND",
    "CONVICTED_UNSENTENCED": "CONVICTED",
    "SENTENCED": "CONVICTED",
    "CIVIL": "CIVIL",
}

# Belize Central Prison (Hattieville) and the Wagner's Youth Facility, as seeded for a
# first run and the tests: (code, name, sex, age group, security, blocks); a block is
# (code, name, regime, number of cells, capacity per cell). Most blocks are dormitories;
# maximum security has single cells. 142 cells, 1,722 places.
LAYOUT = (
    (
        "MR",
        "Male Remand",
        "M",
        "ADULT",
        "medium",
        (
            ("A", "Remand A", "REMAND", 20, 14),
            ("B", "Remand B", "REMAND", 20, 14),
            ("CV", "Civil prisoners", "CIVIL", 4, 4),
        ),
    ),
    (
        "MC",
        "Male Convicted (medium security)",
        "M",
        "ADULT",
        "medium",
        (
            ("1", "Block 1", "CONVICTED", 24, 18),
            ("2", "Block 2", "CONVICTED", 24, 18),
            ("3", "Block 3 (pre-release)", "CONVICTED", 12, 12),
        ),
    ),
    (
        "MX",
        "Maximum Security",
        "M",
        "ADULT",
        "maximum",
        (
            ("X1", "Convicted", "CONVICTED", 10, 1),
            ("X2", "Remand (high risk)", "REMAND", 4, 1),
        ),
    ),
    (
        "FU",
        "Female Unit",
        "F",
        "ADULT",
        "medium",
        (
            ("FR", "Remand", "REMAND", 4, 5),
            ("FC", "Convicted", "CONVICTED", 6, 6),
        ),
    ),
    (
        "WY",
        "Wagner's Youth Facility (boys)",
        "M",
        "JUVENILE",
        "minimum",
        (
            ("YR", "Remand", "REMAND", 4, 6),
            ("YC", "Convicted", "CONVICTED", 6, 6),
        ),
    ),
    (
        "WG",
        "Wagner's Youth Facility (girls)",
        "F",
        "JUVENILE",
        "minimum",
        (
            ("GR", "Remand", "REMAND", 2, 2),
            ("GC", "Convicted", "CONVICTED", 2, 2),
        ),
    ),
)


class HousingError(ValueError):
    """An allocation that breaks a rule; the message gives every reason."""


def seed_layout():
    """Create the units, blocks and cells of LAYOUT that do not exist yet; returns cells added."""
    added = 0
    for code, name, sex, age_group, security, blocks in LAYOUT:
        unit = db.session.scalar(select(HousingUnit).where(HousingUnit.code == code))
        if unit is None:
            unit = HousingUnit(
                code=code, name=name, sex=sex, age_group=age_group, security_level=security
            )
            db.session.add(unit)
            db.session.flush()
        for b_code, b_name, regime, cells, capacity in blocks:
            block = db.session.scalar(
                select(HousingBlock).where(
                    HousingBlock.unit_id == unit.id, HousingBlock.code == b_code
                )
            )
            if block is None:
                block = HousingBlock(unit_id=unit.id, code=b_code, name=b_name, regime=regime)
                db.session.add(block)
                db.session.flush()
            existing = set(db.session.scalars(select(Cell.code).where(Cell.block_id == block.id)))
            for n in range(1, cells + 1):
                cell_code = f"{b_code}{n:02d}"
                if cell_code not in existing:
                    db.session.add(Cell(block_id=block.id, code=cell_code, capacity=capacity))
                    added += 1
    db.session.flush()
    return added


def occupancy(cell_id):
    """How many persons are allocated to a cell now."""
    return db.session.scalar(
        select(func.count(CellAllocation.id)).where(
            CellAllocation.cell_id == cell_id, CellAllocation.end_at.is_(None)
        )
    )


def current_allocation(admission_id):
    """The open allocation of an admission, or None."""
    return db.session.scalar(
        select(CellAllocation).where(
            CellAllocation.admission_id == admission_id, CellAllocation.end_at.is_(None)
        )
    )


def separation_breaches(admission, cell, at=None):
    """[(rule, reason)] for every separation rule placing `admission` in `cell` would break."""
    at = as_utc(at) if at else now_utc()
    record = admission.person_record
    unit, block = cell.block.unit, cell.block
    breaches = []
    if record.sex not in ("M", "F"):
        breaches.append(("sex", "The person's sex is not recorded: correct the record first."))
    elif record.sex != unit.sex:
        who = "a man" if record.sex == "M" else "a woman"
        breaches.append(
            (
                "sex",
                f"{unit.name} is for {'men' if unit.sex == 'M' else 'women'}: "
                f"{who} cannot be housed there (Rule 11(a)).",
            )
        )
    age = age_on(record.date_of_birth, at)
    adult_age = setting("PRISON_ADULT_AGE")
    if unit.age_group == "JUVENILE" and (age is None or age >= adult_age):
        known = "has no recorded date of birth" if age is None else f"is {age}"
        breaches.append(
            (
                "age",
                f"{unit.name} is for juveniles under {adult_age}; the person {known} (Rule 11(d)).",
            )
        )
    if unit.age_group == "ADULT" and age is not None and age < adult_age:
        breaches.append(
            (
                "age",
                f"The person is {age}, a juvenile: {unit.name} is for "
                f"{AGE_GROUPS['ADULT'].lower()} (Rule 11(d)).",
            )
        )
    needed = STATUS_REGIME.get(admission.legal_status)
    if needed != block.regime:
        breaches.append(
            (
                "regime",
                f"{block} holds {block.regime.lower()} prisoners; this person "
                f"is {admission.status_label.lower()} (Rule 11(b)(c)).",
            )
        )
    return breaches


def allocate(
    admission, cell, at=None, reason="", override_reason="", may_override=False, user_id=None
):
    """Move a person in custody into `cell`, closing the current allocation; refuses with
    every reason when the cell is full or a separation rule would be broken."""
    at = as_utc(at) if at else now_utc()
    if not in_custody(current_state(admission.id)):
        raise HousingError(f"{admission.booking_number} is not in custody: no cell can be given.")
    cell = db.session.execute(select(Cell).where(Cell.id == cell.id).with_for_update()).scalar_one()
    current = current_allocation(admission.id)
    if current is not None and current.cell_id == cell.id:
        raise HousingError(f"{admission.booking_number} is already in cell {cell.label}.")
    if not cell.active or not cell.block.unit.active:
        raise HousingError(f"Cell {cell.label} is out of use.")
    used = occupancy(cell.id)
    if used >= cell.capacity:
        raise HousingError(f"Cell {cell.label} is full ({used} of {cell.capacity}).")
    reasons = _blocking_breaches(
        separation_breaches(admission, cell, at), override_reason, may_override
    )
    if reasons:
        raise HousingError(" ".join(reasons))
    if current is not None:
        if at < as_utc(current.start_at):
            raise HousingError("The move cannot be dated before the current cell allocation.")
        current.end_at = at
    allocation = CellAllocation(
        admission_id=admission.id,
        cell_id=cell.id,
        start_at=at,
        reason=reason or "",
        override_reason=override_reason or "",
        allocated_by_id=user_id,
    )
    db.session.add(allocation)
    db.session.flush()
    return allocation


def _blocking_breaches(breaches, override_reason, may_override):
    overridable = set(setting("PRISON_OVERRIDABLE_SEPARATION_RULES"))
    reasons = []
    for rule, text in breaches:
        if rule not in overridable:
            reasons.append(text)
        elif not may_override:
            reasons.append(text + " Only a supervisor may override this, with a reason.")
        elif not (override_reason or "").strip():
            reasons.append(text + " To override it, give the reason.")
    return reasons


def allocations_of(admission_id):
    """Every cell stay of an admission, oldest first."""
    return db.session.scalars(
        select(CellAllocation)
        .where(CellAllocation.admission_id == admission_id)
        .order_by(CellAllocation.start_at, CellAllocation.id)
    ).all()


def unit_occupancy():
    """Per unit and block: cells, capacity and persons allocated now."""
    used = dict(
        db.session.execute(
            select(CellAllocation.cell_id, func.count(CellAllocation.id))
            .where(CellAllocation.end_at.is_(None))
            .group_by(CellAllocation.cell_id)
        ).all()
    )
    result = []
    for unit in db.session.scalars(select(HousingUnit).order_by(HousingUnit.code)):
        blocks = []
        for block in unit.blocks:
            cells = [c for c in block.cells if c.active]
            blocks.append(
                {
                    "block": block,
                    "cells": len(cells),
                    "capacity": sum(c.capacity for c in cells),
                    "occupied": sum(used.get(c.id, 0) for c in cells),
                }
            )
        result.append(
            {
                "unit": unit,
                "blocks": blocks,
                "capacity": sum(b["capacity"] for b in blocks),
                "occupied": sum(b["occupied"] for b in blocks),
            }
        )
    return result


def cell_choices(admission=None):
    """(id, label) of cells with room, those the person may be placed in first."""
    used = dict(
        db.session.execute(
            select(CellAllocation.cell_id, func.count(CellAllocation.id))
            .where(CellAllocation.end_at.is_(None))
            .group_by(CellAllocation.cell_id)
        ).all()
    )
    cells = db.session.scalars(
        select(Cell)
        .join(HousingBlock)
        .join(HousingUnit)
        .where(Cell.active.is_(True), HousingUnit.active.is_(True))
        .options(contains_eager(Cell.block).contains_eager(HousingBlock.unit))
        .order_by(HousingUnit.code, HousingBlock.code, Cell.code)
    ).all()
    fitting, others = [], []
    fits_block = {}  # the separation rules look at the unit and block, not the cell
    for cell in cells:
        free = cell.capacity - used.get(cell.id, 0)
        if free <= 0:
            continue
        label = f"{cell.label} · {cell.block} · {free} of {cell.capacity} free"
        if cell.block_id not in fits_block:
            fits_block[cell.block_id] = admission is None or not separation_breaches(
                admission, cell
            )
        (fitting if fits_block[cell.block_id] else others).append((cell.id, label))
    return fitting + [(cid, f"{label} (breaks a separation rule)") for cid, label in others]
