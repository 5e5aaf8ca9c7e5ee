"""Importing the messy lab register: cases, items, seals, persons, custody, errors, idempotence."""

from datetime import date

import pytest
from sqlalchemy import func, select

from common.extensions import db
from common.identity.models import User
from common.imports.models import ImportRun
from common.imports.reader import ImportRefused
from common.imports.samples import LAB_ROWS, lab_xlsx
from common.persons.models import MatchReview, Person
from common.persons.services import register_record
from lims.custody.models import CustodyEntry
from lims.custody.services import chain_problem
from lims.intake.models import CasePerson, LabCase
from lims.items.models import Item, ItemSeal
from lims.times import belize_date
from tests.common.imports.helpers import run


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def manager_id(app, make_user):
    email = make_user("lab_manager")
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == email))


def lab(manager_id, data=None, **kw):
    return run("lims", "cases", "lab_register.xlsx", user_id=manager_id, data=data, **kw)


def case_of(reference):
    return db.session.scalar(select(LabCase).where(LabCase.agency_case_number == reference))


def rows_with(changes):
    """The sample rows with some cells changed: {(row index, column index): value}."""
    rows = [list(r) if r else r for r in LAB_ROWS]
    for (row, col), value in changes.items():
        rows[row][col] = value
    return lab_xlsx(rows)


def test_lab_register_opens_cases_with_items_seals_and_persons(app, manager_id):
    with app.app_context():
        result = lab(manager_id)
        assert result.status == "IMPORTED", result.problems
        assert (result.rows_read, result.created, result.errors) == (6, 6, 0)
        assert result.mapping["suspect_surname"] == "Sospechoso Apellido"
        assert result.mapping["victim_surname"] == "Víctima Apellido"
        assert (count(LabCase), count(Item), count(CasePerson)) == (4, 6, 5)
        murder = case_of("CR-BZ-2019-0456")
        assert murder.lab_number.startswith("NFSS-2019-")
        assert "register lab number L-19/045" in murder.notes
        assert belize_date(murder.received_at) == date(2019, 3, 12)
        assert murder.received_by_id == manager_id
        assert [i.seal_text for i in murder.items] == ["S-1001", "S-1002, S-1003"]
        assert sorted(p.role for p in murder.persons) == ["DECEASED", "SUSPECT"]  # "Sí"
        shirt = case_of("CY-2019-0078").items[0]
        assert shirt.condition == "UNSEALED" and "not recorded" in shirt.deviations
        assert case_of("CY-2019-0078").persons[0].name.startswith("María José")
        customs = case_of("OW-2020-0011")
        assert belize_date(customs.received_at) == date(2020, 3, 15)  # Excel serial 43905
        assert [i.item_type for i in customs.items] == ["DRUGS", "DEVICE"]
        young = customs.persons[0].person_record
        assert (young.date_of_birth, young.sex) == (date(1990, 1, 1), "M")
        blood = case_of("SC-2020-0100")
        assert [p.role for p in blood.persons] == ["VICTIM"]  # "No"
        assert blood.offence.title == "Wounding"
        assert count(ItemSeal) == 6


def test_each_item_is_received_into_the_importing_users_custody(app, manager_id):
    with app.app_context():
        lab(manager_id)
        entries = db.session.scalars(select(CustodyEntry).order_by(CustodyEntry.id)).all()
        assert len(entries) == 6
        first = entries[0]
        assert (first.seq, first.purpose, first.from_kind) == (1, "RECEIPT", "AGENCY")
        assert first.from_label == "PC Andrea Young, Belize Police Department"
        assert {e.to_user_id for e in entries} == {manager_id}
        assert {e.recorded_by_id for e in entries} == {manager_id}
        assert all(e.receiver_authenticated for e in entries)
        assert first.occurred_at == first.item.case.received_at
        for item in db.session.scalars(select(Item)):
            assert item.custodian_id == manager_id
            assert chain_problem(item) == ""


def test_persons_already_in_the_index_are_linked_or_sent_to_review(app, manager_id):
    with app.app_context():
        run("prison", "inmates", "inmates_register.xlsx")  # Peña, Núñez, Young with birth dates
        register_record("court", "X-1", given_name="Luis", surname="Gómez", sex="M")  # no DOB
        db.session.commit()
        persons_before = count(Person)
        result = lab(manager_id)
        assert (result.linked, result.reviews) == (3, 1)
        pena = next(p for p in case_of("CR-BZ-2019-0456").persons if p.role == "SUSPECT")
        prison = db.session.scalar(
            select(Person).join(Person.records).where(Person.id == pena.person_id)
        )
        assert {r.system for r in prison.records} == {"prison", "lims"}
        gomez = case_of("SC-2020-0100").persons[0]
        review = db.session.scalar(select(MatchReview))
        assert gomez.person_record_id in (review.left_record_id, review.right_record_id)
        # new persons: Flowers, and Gómez (queued for review, not merged); the others reused
        assert count(Person) == persons_before + 2


def test_importing_the_register_twice_changes_nothing(app, manager_id):
    with app.app_context():
        lab(manager_id)
        before = (count(LabCase), count(Item), count(CustodyEntry), count(Person))
        again = lab(manager_id)
        assert (again.created, again.updated, again.skipped) == (0, 0, 6)
        assert (count(LabCase), count(Item), count(CustodyEntry), count(Person)) == before


def test_rows_with_errors_are_reported_and_nothing_is_written(app, manager_id):
    with app.app_context():
        data = rows_with({(0, 8): "Spaceship", (1, 9): None, (3, 5): "31/02/2019",
                          (5, 12): None, (6, 7): "x"})  # fmt: skip
        result = lab(manager_id, data=data)
        assert result.status == "FAILED"
        assert (count(LabCase), count(Item), count(CustodyEntry), count(Person)) == (0, 0, 0, 0)
        problems = {(p["row"], p["column"]): p["problem"] for p in result.problems}
        assert "item type" in problems[(5, "Tipo")]
        assert problems[(6, "Descripción")] == "Description is required."
        assert "not a valid date" in problems[(8, "Fecha de recepción")]
        assert "given name of the suspect" in problems[(10, "Sospechoso Nombre")]
        assert "not an item number" in problems[(11, "No. Evidencia")]


def test_a_seal_used_twice_in_a_case_refuses_the_file(app, manager_id):
    with app.app_context():
        result = lab(manager_id, data=rows_with({(1, 10): "S-1001"}))
        assert result.status == "FAILED"
        assert any("S-1001 is already recorded" in p["problem"] for p in result.problems)
        assert (count(LabCase), count(Item), count(CustodyEntry)) == (0, 0, 0)


def test_item_numbers_out_of_sequence_are_refused(app, manager_id):
    with app.app_context():
        result = lab(manager_id, data=rows_with({(1, 7): 3}))
        assert result.status == "FAILED"
        assert any("Item 3 is out of sequence" in p["problem"] for p in result.problems)
        assert count(Item) == 0


def test_a_dry_run_counts_and_writes_nothing(app, manager_id):
    with app.app_context():
        result = lab(manager_id, dry_run=True)
        assert (result.status, result.created) == ("DRY_RUN", 6)
        assert (count(LabCase), count(Item), count(CustodyEntry), count(Person)) == (0, 0, 0, 0)


def test_the_register_needs_a_named_lab_user(app, make_user):
    intake_only = make_user("court_clerk")
    with app.app_context():
        clerk = db.session.scalar(select(User.id).where(User.email == intake_only))
        for user_id in (None, clerk):
            with pytest.raises(ImportRefused, match="named member of the laboratory staff"):
                lab(user_id)
        assert count(ImportRun) == 0 and count(LabCase) == 0
