"""Housing rules: capacity, separation of categories (Rule 11), cell moves as history."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.timefmt import belize_today
from prison_ims.housing.models import Cell, CellAllocation, HousingBlock, HousingUnit
from prison_ims.housing.services import (
    LAYOUT,
    HousingError,
    allocate,
    allocations_of,
    occupancy,
    seed_layout,
    separation_breaches,
    unit_occupancy,
)
from prison_ims.movements.services import record_movement
from prison_ims.times import now_utc
from tests.prison_ims.helpers import admit


def cell(unit_code, block_code, number=1):
    """A seeded cell by unit, block and number."""
    return db.session.scalar(
        select(Cell)
        .join(HousingBlock)
        .join(HousingUnit)
        .where(
            HousingUnit.code == unit_code,
            HousingBlock.code == block_code,
            Cell.code == f"{block_code}{number:02d}",
        )
    )


def test_layout_is_seeded_once(app):
    with app.app_context():
        added = seed_layout()
        assert added == sum(b[3] for unit in LAYOUT for b in unit[5])
        assert seed_layout() == 0
        units = {u["unit"].code: u for u in unit_occupancy()}
        assert {"MR", "MC", "MX", "FU", "WY", "WG"} <= set(units)
        assert units["MX"]["capacity"] == 14


def test_placement_in_a_fitting_cell_and_a_move_kept_as_history(app):
    with app.app_context(), acting_as("test"):
        seed_layout()
        admission = admit()
        first = allocate(admission, cell("MR", "A"), reason="reception")
        second = allocate(admission, cell("MR", "B", 3), reason="cell repairs")
        assert occupancy(cell("MR", "A").id) == 0
        assert occupancy(cell("MR", "B", 3).id) == 1
        history = allocations_of(admission.id)
        assert [a.id for a in history] == [first.id, second.id]
        assert first.end_at == second.start_at and second.end_at is None
        with pytest.raises(HousingError, match="already in cell"):
            allocate(admission, cell("MR", "B", 3))


def test_men_and_women_are_never_housed_together(app):
    with app.app_context(), acting_as("test"):
        seed_layout()
        woman = admit(given_name="Shanice", surname="Young", sex="F", gender_identity="woman")
        with pytest.raises(HousingError, match="for men"):
            allocate(woman, cell("MR", "A"), override_reason="no room", may_override=True)
        assert allocate(woman, cell("FU", "FR")).cell.block.unit.code == "FU"


def test_juveniles_and_adults_are_kept_apart(app):
    with app.app_context(), acting_as("test"):
        seed_layout()
        boy = admit(
            given_name="Kevin",
            surname="Pop",
            date_of_birth=belize_today().replace(year=belize_today().year - 16),
        )
        with pytest.raises(HousingError, match="juvenile"):
            allocate(boy, cell("MR", "A"))
        adult = admit(given_name="Luis", surname="Chan")
        with pytest.raises(HousingError, match="for juveniles"):
            allocate(adult, cell("WY", "YR"))
        assert allocate(boy, cell("WY", "YR"))


def test_remand_and_convicted_separation_with_supervisor_override(app):
    with app.app_context(), acting_as("test"):
        seed_layout()
        admission = admit()
        breaches = separation_breaches(admission, cell("MC", "1"))
        assert [rule for rule, _ in breaches] == ["regime"]
        with pytest.raises(HousingError, match="Only a supervisor"):
            allocate(admission, cell("MC", "1"))
        with pytest.raises(HousingError, match="give the reason"):
            allocate(admission, cell("MC", "1"), may_override=True)
        done = allocate(
            admission, cell("MC", "1"), override_reason="Remand block flooded", may_override=True
        )
        assert done.override_reason == "Remand block flooded"


def test_overridable_rules_are_a_setting(app_config, request):
    app_config["PRISON_OVERRIDABLE_SEPARATION_RULES"] = ()
    app = request.getfixturevalue("app")
    with app.app_context(), acting_as("test"):
        seed_layout()
        admission = admit()
        with pytest.raises(HousingError, match="Rule 11"):
            allocate(admission, cell("MC", "1"), override_reason="flood", may_override=True)


def test_a_full_cell_is_refused(app):
    with app.app_context(), acting_as("test"):
        seed_layout()
        one = admit(authority_type="SENTENCE_WARRANT", legal_status="SENTENCED")
        two = admit(
            given_name="Omar",
            surname="Bol",
            authority_type="SENTENCE_WARRANT",
            legal_status="SENTENCED",
        )
        allocate(one, cell("MX", "X1"))
        with pytest.raises(HousingError, match=r"full \(1 of 1\)"):
            allocate(two, cell("MX", "X1"), override_reason="x", may_override=True)


def test_no_cell_for_someone_not_in_custody_and_release_ends_the_stay(app):
    with app.app_context(), acting_as("test"):
        seed_layout()
        admission = admit()
        stay = allocate(admission, cell("MR", "A"), at=now_utc() - timedelta(minutes=30))
        record_movement(admission, "REL", reason="bail granted")
        assert stay.end_at is not None
        assert (
            db.session.scalar(select(CellAllocation.id).where(CellAllocation.end_at.is_(None)))
            is None
        )
        with pytest.raises(HousingError, match="not in custody"):
            allocate(admission, cell("MR", "A"))
