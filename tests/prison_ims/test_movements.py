"""Movements: allowed transitions, and custody rebuilt from the history at any time."""

from datetime import timedelta

import pytest

from common.audit.services import acting_as
from prison_ims.admissions.services import change_legal_status
from prison_ims.housing.services import allocate, seed_layout
from prison_ims.movements.services import (
    NO_CELL,
    MovementError,
    count_by_unit,
    current_state,
    custody_at,
    movement_totals,
    record_movement,
    roll,
)
from prison_ims.times import now_utc
from tests.prison_ims.helpers import admit
from tests.prison_ims.test_housing import cell


def test_no_movement_for_someone_not_in_custody(app):
    with app.app_context(), acting_as("test"):
        admission = admit()
        with pytest.raises(MovementError, match="already in the prison"):
            record_movement(admission, "RET")
        record_movement(admission, "REL", reason="bail")
        with pytest.raises(MovementError, match="not in custody"):
            record_movement(admission, "CRT")
        with pytest.raises(MovementError, match="not in custody"):
            record_movement(admission, "REL")


def test_escorted_persons_must_return_before_a_transfer(app):
    with app.app_context(), acting_as("test"):
        admission = admit()
        record_movement(admission, "CRT", place="Supreme Court")
        with pytest.raises(MovementError, match="record the return first"):
            record_movement(admission, "TRN")
        with pytest.raises(MovementError, match="before the last movement"):
            record_movement(admission, "RET", now_utc() - timedelta(days=1))
        with pytest.raises(MovementError, match="future"):
            record_movement(admission, "RET", now_utc() + timedelta(hours=2))
        record_movement(admission, "RET")
        assert current_state(admission.id) == "IN"


def test_custody_at_a_time_is_rebuilt_from_a_hand_made_history(app):
    now = now_utc()
    day = timedelta(days=1)
    hour = timedelta(hours=1)
    with app.app_context(), acting_as("test"):
        a = admit(admitted_at=now - 10 * day)
        b = admit(given_name="Omar", surname="Bol", admitted_at=now - 8 * day)
        record_movement(a, "CRT", now - 9 * day, place="Belize Magistrate's Court")
        record_movement(a, "RET", now - 9 * day + 6 * hour)
        record_movement(b, "ESC", now - 6 * day)
        record_movement(b, "RET", now - 5 * day, reason="recaptured")
        record_movement(a, "HOSP", now - 4 * day, place="KHMH")
        record_movement(a, "REL", now - 3 * day, reason="acquitted; released from hospital")

        def held(at):
            return {adm.booking_number: m.to_state for adm, m in custody_at(at)}

        assert held(now - 11 * day) == {}
        assert held(now - 9 * day + hour) == {a.booking_number: "CRT"}
        assert held(now - 7 * day) == {a.booking_number: "IN", b.booking_number: "IN"}
        assert held(now - 6 * day + hour) == {a.booking_number: "IN"}
        assert held(now - 4 * day + hour) == {a.booking_number: "HOSP", b.booking_number: "IN"}
        assert held(now) == {b.booking_number: "IN"}
        assert movement_totals(now - 9 * day + hour) == (1, 0)
        assert movement_totals(now - 6 * day + hour) == (1, 1)
        assert movement_totals(now - 4 * day + hour) == (2, 1)


def _three_housed_but_one(now):
    """Three admitted five hours ago; an hour later a is in Male Remand, c in the female
    unit and b still has no cell."""
    seed_layout()
    a = admit(admitted_at=now - timedelta(hours=5))
    b = admit(given_name="Omar", surname="Bol", admitted_at=now - timedelta(hours=5))
    c = admit(given_name="Rosa", surname="Cal", sex="F", admitted_at=now - timedelta(hours=5))
    allocate(a, cell("MR", "A"), at=now - timedelta(hours=4))
    allocate(c, cell("FU", "FR"), at=now - timedelta(hours=4))
    return a, b, c


def test_count_by_unit_equals_the_sum_of_movements(app):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        a, b, c = _three_housed_but_one(now)
        record_movement(a, "CRT", now - timedelta(hours=3))
        counts = count_by_unit(now)
        by_unit = {(r["unit"].code if r["unit"] else None): r for r in counts["rows"]}
        assert by_unit["MR"]["custody"] == 1 and by_unit["MR"]["out"] == 1
        assert by_unit["FU"]["present"] == 1
        assert by_unit[None]["custody"] == 1  # b has no cell yet
        assert (counts["custody"], counts["present"]) == (3, 2)
        assert (counts["movement_custody"], counts["movement_present"]) == (3, 2)
        before = count_by_unit(now - timedelta(hours=4, minutes=30))
        assert before["custody"] == before["movement_custody"] == 3
        assert [r["unit"] for r in before["rows"] if r["custody"]] == [None]
        assert [e["admission"].booking_number for e in roll(now)] == sorted(
            x.booking_number for x in (a, b, c)
        )
        change_legal_status(b, "SENTENCED", "Sentenced", b.version, at=now - timedelta(hours=1))
        then = {e["admission"].id: e["status"] for e in roll(now - timedelta(hours=2))}
        assert then[b.id] == "REMAND"
        assert {e["admission"].id: e["status"] for e in roll(now)}[b.id] == "SENTENCED"


def test_the_roll_of_one_unit_and_the_database_count_agree_with_the_whole_roll(app):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        a, b, c = _three_housed_but_one(now)
        mr = cell("MR", "A")
        record_movement(c, "HOSP", now - timedelta(hours=1), place="KHMH")
        whole = roll(now)
        assert count_by_unit(now) == count_by_unit(now, whole)
        assert [e["admission"].id for e in roll(now, unit=mr.block.unit_id)] == [a.id]
        assert [e["admission"].id for e in roll(now, unit=NO_CELL)] == [b.id]
        earlier = now - timedelta(hours=4, minutes=30)  # before anyone had a cell
        assert [e["admission"].id for e in roll(earlier, unit=mr.block.unit_id)] == []
        assert count_by_unit(earlier) == count_by_unit(earlier, roll(earlier))


def test_custody_now_is_kept_by_the_database_however_a_movement_is_inserted(app):
    from sqlalchemy import insert, select

    from common.extensions import db
    from prison_ims.movements.models import CustodyNow, Movement

    now = now_utc()
    with app.app_context(), acting_as("test"):
        a = admit(admitted_at=now - timedelta(days=3))
        b = admit(given_name="Omar", surname="Bol", admitted_at=now - timedelta(days=3))
        record_movement(a, "CRT", now - timedelta(days=2), place="Supreme Court")
        record_movement(b, "REL", now - timedelta(days=1), reason="bail")
        db.session.flush()
        # A bulk insert (as the demo loader and the importers do) is tracked too.
        db.session.execute(
            insert(Movement).values(
                admission_id=a.id,
                kind="RET",
                occurred_at=now - timedelta(hours=1),
                from_state="CRT",
                to_state="IN",
                custody_delta=0,
                present_delta=1,
            )
        )
        tracked = dict(db.session.execute(select(CustodyNow.admission_id, CustodyNow.state)).all())
        assert tracked == {a.id: "IN", b.id: "OUT"}
        now_ids = [adm.id for adm, _ in custody_at()]
        assert now_ids == [adm.id for adm, _ in custody_at(now_utc())] == [a.id]
        current, rebuilt = count_by_unit(), count_by_unit(now_utc())
        assert current | {"at": None} == rebuilt | {"at": None}
        assert current["custody"] == current["movement_custody"] == 1


def test_counts_from_the_day_totals_equal_the_plain_sums_of_every_movement(app):
    from sqlalchemy import func, insert, select

    from common.extensions import db
    from prison_ims.movements.models import Movement

    def plain_sums(at):
        query = select(func.sum(Movement.custody_delta), func.sum(Movement.present_delta))
        if at is not None:
            query = query.where(Movement.occurred_at <= at)
        custody, present = db.session.execute(query).one()
        return int(custody or 0), int(present or 0)

    with app.app_context(), acting_as("test"):
        midnight = now_utc().replace(hour=0, minute=0, second=0, microsecond=0)
        base = midnight - timedelta(days=2, minutes=30)  # half an hour before a UTC midnight
        a = admit(admitted_at=base - timedelta(days=2))
        b = admit(given_name="Omar", surname="Bol", admitted_at=base - timedelta(hours=1))
        record_movement(a, "CRT", base, place="Supreme Court")
        record_movement(b, "REL", base + timedelta(minutes=45), reason="bail")
        # A bulk insert (as the importers and the demo loader do) is added to its day too.
        db.session.execute(
            insert(Movement).values(
                admission_id=a.id,
                kind="RET",
                occurred_at=base + timedelta(hours=3),
                from_state="CRT",
                to_state="IN",
                custody_delta=0,
                present_delta=1,
            )
        )
        moments = [base + timedelta(minutes=m) for m in (-3000, -61, -59, 0, 29, 30, 44, 46, 180)]
        for at in [None, *moments]:
            assert movement_totals(at) == plain_sums(at), at
        assert movement_totals(base + timedelta(minutes=46)) == (1, 0)  # a at court, b gone
        assert movement_totals() == (1, 1)
