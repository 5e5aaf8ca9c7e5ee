"""Importing the case register (semicolon CSV, Windows-1252): cases, defendants, charges, dates."""

from datetime import date

from sqlalchemy import func, select

from common.extensions import db
from court_cms.cases.models import Case, Charge, Party
from court_cms.hearings.models import Hearing
from tests.common.imports.helpers import run


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_case_register_creates_cases_defendants_charges_and_next_dates(app):
    with app.app_context():
        result = run("court", "cases", "court_register.csv")
        db.session.commit()
        assert result.status == "IMPORTED", result.problems
        assert (result.rows_read, result.created) == (4, 4)
        assert (count(Case), count(Party), count(Charge), count(Hearing)) == (2, 3, 4, 2)
        case = db.session.scalar(select(Case).where(Case.case_number == "MCBZ-CR-2019-0101"))
        assert case.filed_on == date(2019, 3, 12)
        names = sorted(p.record.given_name for p in case.defendants)
        assert names == ["Dénnis", "José"]
        pena = next(p for p in case.defendants if p.record.surname == "Peña")
        assert [c.count_number for c in pena.charges] == [1, 2]
        supreme = db.session.scalar(select(Case).where(Case.case_number == "SC-CR-2020-0007"))
        hearing = db.session.scalar(select(Hearing).where(Hearing.case_id == supreme.id))
        assert (hearing.scheduled_on, hearing.hearing_type) == (date(2026, 2, 14), "TRIAL")


def test_case_register_twice_changes_nothing(app):
    with app.app_context():
        run("court", "cases", "court_register.csv")
        db.session.commit()
        again = run("court", "cases", "court_register.csv")
        db.session.commit()
        assert (again.created, again.skipped) == (0, 4)
        assert (count(Case), count(Charge), count(Hearing)) == (2, 4, 2)


def test_a_changed_next_date_is_an_update(app):
    with app.app_context():
        from common.imports import samples

        run("court", "cases", "court_register.csv")
        db.session.commit()
        rows = [list(r) for r in samples.COURT_ROWS]
        rows[-1][10] = "2026-03-02"
        lines = [";".join(samples.COURT_HEADER)] + [";".join(map(str, r)) for r in rows]
        result = run("court", "cases", "x.csv", data="\n".join(lines).encode("cp1252"))
        db.session.commit()
        assert (result.created, result.updated, result.skipped) == (0, 1, 3)
        assert count(Hearing) == 3


def test_a_defendant_already_in_the_prison_register_is_linked_to_the_same_person(app):
    with app.app_context():
        from prison_ims.admissions.models import Admission

        run("prison", "inmates", "inmates_register.xlsx")
        result = run("court", "cases", "court_register.csv")
        db.session.commit()
        assert result.linked >= 1
        case = db.session.scalar(select(Case).where(Case.case_number == "MCBZ-CR-2019-0101"))
        pena = next(p for p in case.defendants if p.record.surname == "Peña")
        prison_persons = set(db.session.scalars(select(Admission.person_id)))
        assert pena.person_id in prison_persons
