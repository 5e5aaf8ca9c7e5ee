"""Importing the messy inmates register: counts, person links, review, idempotence, errors."""

from datetime import date

from sqlalchemy import func, select

from common.extensions import db
from common.imports.models import ImportRun
from common.persons.models import MatchReview, Person
from common.persons.services import register_record
from prison_ims.admissions.models import Admission
from prison_ims.movements.services import current_state, in_custody
from tests.common.imports.helpers import run


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_messy_workbook_is_imported_with_links_and_releases(app):
    with app.app_context():
        result = run("prison", "inmates", "inmates_register.xlsx")
        db.session.commit()
        assert result.status == "IMPORTED", result.problems
        assert (result.rows_read, result.created, result.errors) == (6, 6, 0)
        # José Peña admitted twice (2019, released; 2020): the second is linked to the first.
        assert result.linked == 1
        assert count(Admission) == 6
        pena = db.session.scalars(
            select(Admission).join(Admission.person_record).where(Admission.person_id.isnot(None))
        ).all()
        by_person = {}
        for a in pena:
            by_person.setdefault(a.person_id, []).append(a)
        assert sorted(len(v) for v in by_person.values()) == [1, 1, 1, 1, 2]
        first = next(a for a in pena if a.authority_reference == "Register 2019/001")
        assert first.person_record.surname == "Peña"
        assert not in_custody(current_state(first.id))  # released 30 Sep 2019
        nunez = next(a for a in pena if a.person_record.surname == "Núñez")
        assert nunez.admitted_at.date() == date(2019, 3, 12)  # 12-Mar-19
        assert nunez.legal_status == "REMAND"
        young = next(a for a in pena if a.person_record.surname == "Young")
        assert young.person_record.date_of_birth == date(1990, 1, 1)  # Excel serial 32874
        assert young.person_record.district == "SC"
        ambiguous = [p for p in result.problems if "ambiguous" in p["problem"]]
        assert ambiguous and all(p["severity"] == "warning" for p in ambiguous)


def test_importing_the_same_file_twice_changes_nothing(app):
    with app.app_context():
        run("prison", "inmates", "inmates_register.xlsx")
        db.session.commit()
        before = (count(Admission), count(Person))
        again = run("prison", "inmates", "inmates_register.xlsx")
        db.session.commit()
        assert (again.created, again.updated, again.skipped) == (0, 0, 6)
        assert (count(Admission), count(Person)) == before


def test_a_likely_match_in_the_index_goes_to_review_not_a_silent_duplicate(app):
    with app.app_context():
        register_record(
            "court", "X-1", given_name="Kareem", surname="Young", sex="M"
        )  # no birth date: a possible, not a certain, match
        db.session.commit()
        result = run("prison", "inmates", "inmates_register.xlsx")
        db.session.commit()
        assert result.reviews >= 1
        assert count(MatchReview) >= 1


def test_dry_run_counts_and_writes_nothing(app):
    with app.app_context():
        result = run("prison", "inmates", "inmates_register.xlsx", dry_run=True)
        db.session.commit()
        assert (result.status, result.created) == ("DRY_RUN", 6)
        assert count(Admission) == 0 and count(Person) == 0
        assert count(ImportRun) == 1


def test_rows_with_errors_are_reported_and_nothing_is_written(app):
    with app.app_context():
        result = run("prison", "inmates", "inmates_errors.csv")
        db.session.commit()
        assert result.status == "FAILED"
        assert count(Admission) == 0 and count(Person) == 0
        problems = {(p["row"], p["column"]): p["problem"] for p in result.problems}
        assert "not a valid date" in problems[(2, "Date Admitted")]
        assert problems[(3, "Apellido")] == "Surname is required."
        assert "district" in problems[(3, "District")]
        assert "Unknown offence 'Jaywalking'" in problems[(3, "Offence")]
        assert "sex" in problems[(4, "Sex")]
        assert "legal status" in problems[(4, "Status")]


def test_a_service_refusal_on_one_row_leaves_the_database_as_it_was(app):
    with app.app_context():
        from common.imports.samples import INMATE_ROWS, inmates_xlsx

        future = [*INMATE_ROWS, ["2099/1", "Late", "Lou", "1990-01-01", "M", "Cayo",
                                 "2099-01-01", "Murder", "Remand", "", None]]  # fmt: skip
        result = run("prison", "inmates", "x.xlsx", data=inmates_xlsx(future))
        db.session.commit()
        assert result.status == "FAILED"
        assert any("future" in p["problem"] for p in result.problems)
        assert count(Admission) == 0 and count(Person) == 0


def test_a_changed_status_or_a_new_release_is_an_update_through_the_service(app):
    with app.app_context():
        from common.imports.samples import INMATE_ROWS, inmates_xlsx

        run("prison", "inmates", "x.xlsx", data=inmates_xlsx())
        db.session.commit()
        rows = [list(r) if r else r for r in INMATE_ROWS]
        rows[3][8] = "Sentenced"  # Núñez: remand -> sentenced
        rows[4][10] = "2020-01-10"  # Young released
        result = run("prison", "inmates", "x.xlsx", data=inmates_xlsx(rows))
        db.session.commit()
        assert (result.created, result.updated, result.skipped) == (0, 2, 4), result.problems
        nunez = db.session.scalar(
            select(Admission).where(Admission.authority_reference == "Register 2019/003")
        )
        assert nunez.legal_status == "SENTENCED"
        assert [c.to_status for c in nunez.status_changes] == ["REMAND", "SENTENCED"]
        young = db.session.scalar(
            select(Admission).where(Admission.authority_reference == "Register 2019/004")
        )
        assert not in_custody(current_state(young.id))
