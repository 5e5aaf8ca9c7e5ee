"""Daily population snapshots: counts worked out by hand from a small, known history."""

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.timefmt import BELIZE
from prison_ims.admissions.services import change_legal_status
from prison_ims.housing.models import Cell, HousingBlock, HousingUnit
from prison_ims.housing.services import allocate, seed_layout
from prison_ims.movements.services import count_by_unit, record_movement
from prison_ims.population.models import PopulationSnapshot
from prison_ims.population.services import day_end, population_on, snapshot_range
from prison_ims.times import belize_date, now_utc
from tests.prison_ims.helpers import admit

TODAY = belize_date(now_utc())
D1 = TODAY - timedelta(days=10)
DAYS = [D1 + timedelta(days=n) for n in range(5)]
MAN = ("M", "35-49")  # Marvin, born 14 Mar 1990
WOMAN = ("F", "25-34")  # Ana, born 1 Jun 2000
BOY = ("M", "0-17")  # Kevin, 17 on every day of the test


def at(day, hour, minute=0):
    """A Belize wall-clock time on `day`, as UTC."""
    return datetime.combine(day, time(hour, minute), BELIZE).astimezone(UTC)


def remand_cell():
    """The first cell of the Male Remand unit."""
    return db.session.scalar(
        select(Cell)
        .join(HousingBlock, HousingBlock.id == Cell.block_id)
        .join(HousingUnit, HousingUnit.id == HousingBlock.unit_id)
        .where(HousingUnit.code == "MR")
        .order_by(Cell.id)
    )


def build_history():
    """Marvin (cell in MR, convicted on day 4), Ana (no cell, released on day 4) and Kevin
    (admitted late on day 1, escaped on day 3, recaptured on day 5)."""
    seed_layout()
    marvin = admit(admitted_at=at(D1, 10))
    allocate(marvin, remand_cell(), at=at(D1, 11), reason="Reception")
    ana = admit(
        given_name="Ana",
        surname="Pop",
        sex="F",
        date_of_birth=datetime(2000, 6, 1).date(),
        national_id="000222333",
        admitted_at=at(DAYS[1], 9),
    )
    kevin = admit(
        given_name="Kevin",
        surname="Young",
        date_of_birth=TODAY - timedelta(days=17 * 365 + 60),
        national_id="000444555",
        admitted_at=at(D1, 23, 30),
    )
    with acting_as("test"):
        record_movement(kevin, "ESC", at(DAYS[2], 10), reason="Escaped from the yard")
        change_legal_status(
            marvin, "CONVICTED_UNSENTENCED", "Convicted", marvin.version, at=at(DAYS[3], 14)
        )
        record_movement(ana, "REL", at(DAYS[3], 9), reason="Bail")
        record_movement(kevin, "RET", at(DAYS[4], 8), reason="Recaptured")
    db.session.commit()
    return marvin, ana, kevin


EXPECTED = {
    DAYS[0]: {("REMAND", *MAN, "MR"): 1, ("REMAND", *BOY, ""): 1},
    DAYS[1]: {("REMAND", *MAN, "MR"): 1, ("REMAND", *WOMAN, ""): 1, ("REMAND", *BOY, ""): 1},
    DAYS[2]: {("REMAND", *MAN, "MR"): 1, ("REMAND", *WOMAN, ""): 1},
    DAYS[3]: {("CONVICTED_UNSENTENCED", *MAN, "MR"): 1},
    DAYS[4]: {("CONVICTED_UNSENTENCED", *MAN, "MR"): 1, ("REMAND", *BOY, ""): 1},
}


def test_population_at_the_end_of_each_day_follows_the_history(app):
    with app.app_context():
        build_history()
        for day, expected in EXPECTED.items():
            assert dict(population_on(day)) == expected, day
            roll = count_by_unit(day_end(day) - timedelta(microseconds=1))
            assert sum(expected.values()) == roll["custody"] == roll["movement_custody"]
        assert population_on(D1 - timedelta(days=1)) == {}


def _stored(day):
    rows = db.session.scalars(
        select(PopulationSnapshot).where(PopulationSnapshot.snapshot_date == day)
    )
    return {row.key: row.count for row in rows}


def test_cli_stores_each_day_and_a_rerun_changes_nothing(app, justice_cli):
    with app.app_context():
        build_history()
    first, last = DAYS[0].isoformat(), DAYS[-1].isoformat()
    result = justice_cli("prison", "snapshot", "--from", first, "--to", last)
    assert result.exit_code == 0, result.output
    assert f"{DAYS[1].isoformat()}: 3 in custody" in result.output
    with app.app_context():
        for day, expected in EXPECTED.items():
            assert _stored(day) == expected
        audited = db.session.scalar(
            select(func.count()).where(AuditEntry.action == "population_snapshot")
        )
        rows = db.session.scalar(select(func.count(PopulationSnapshot.id)))
    assert audited == 5

    again = justice_cli("prison", "snapshot", "--from", first, "--to", last)
    assert again.exit_code == 0, again.output
    with app.app_context():
        assert db.session.scalar(select(func.count(PopulationSnapshot.id))) == rows
        assert (
            db.session.scalar(
                select(func.count()).where(AuditEntry.action == "population_snapshot")
            )
            == audited
        ), "an unchanged day is not rewritten"


def test_a_late_admission_updates_the_days_it_touches_without_double_counting(app):
    with app.app_context(), acting_as("test"):
        build_history()
        snapshot_range(DAYS[0], DAYS[-1])
        db.session.commit()
        late = admit(
            given_name="Elvis",
            surname="Bol",
            national_id="000666777",
            admitted_at=at(DAYS[1], 8),
        )
        allocate(late, remand_cell(), at=at(DAYS[1], 8, 30))
        db.session.commit()
        snapshot_range(DAYS[0], DAYS[-1])
        db.session.commit()
        assert _stored(DAYS[0]) == EXPECTED[DAYS[0]]
        assert _stored(DAYS[1])[("REMAND", *MAN, "MR")] == 2
        assert _stored(DAYS[3]) == {
            ("CONVICTED_UNSENTENCED", *MAN, "MR"): 1,
            ("REMAND", *MAN, "MR"): 1,
        }
        totals = dict(
            db.session.execute(
                select(PopulationSnapshot.snapshot_date, func.sum(PopulationSnapshot.count))
                .group_by(PopulationSnapshot.snapshot_date)
                .order_by(PopulationSnapshot.snapshot_date)
            ).all()
        )
    assert list(totals.values()) == [2, 4, 3, 2, 3]


def test_cli_refuses_a_future_day_a_reversed_range_and_mixed_options(app, justice_cli):
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    future = justice_cli("prison", "snapshot", "--date", tomorrow)
    assert future.exit_code == 2 and "in the future" in future.output
    reversed_ = justice_cli(
        "prison", "snapshot", "--from", DAYS[3].isoformat(), "--to", DAYS[0].isoformat()
    )
    assert reversed_.exit_code == 2 and "swap them" in reversed_.output
    mixed = justice_cli("prison", "snapshot", "--date", D1.isoformat(), "--to", tomorrow)
    assert mixed.exit_code == 2 and "not both" in mixed.output
    half = justice_cli("prison", "snapshot", "--from", D1.isoformat())
    assert half.exit_code == 2 and "both --from and --to" in half.output
    with app.app_context():
        assert db.session.scalar(select(func.count(PopulationSnapshot.id))) == 0


def test_a_long_range_is_summed_up_in_one_line():
    from prison_ims.population.cli import summary

    totals = {D1 + timedelta(days=n): 1500 + n for n in range(10)}
    assert summary(totals) == [
        f"10 days stored, {D1} to {D1 + timedelta(days=9)}: 1500 to 1509 in custody a day"
    ]
    assert summary({D1: 3}) == [f"{D1.isoformat()}: 3 in custody"]
