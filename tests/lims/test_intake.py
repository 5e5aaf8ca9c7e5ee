"""Case intake: lab numbers, required details, dates, persons through the person index."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from common.persons.models import PersonRecord
from common.persons.services import register_record
from lims.errors import LimsError
from lims.intake.models import CasePerson, LabCase
from lims.intake.services import add_person, create_case
from lims.times import belize_date, now_utc
from tests.lims.helpers import case_data, staff

PERSON = {"given_name": "Kenrick", "surname": "Arnold", "sex": "M", "district": "BZ"}


def test_cases_get_gap_free_lab_numbers_per_year(app):
    with app.app_context(), acting_as("test"):
        user = staff("lab_intake")
        first = create_case(case_data(), user.id)
        second = create_case(case_data(agency_case_number="ED-2"), user.id)
        year = belize_date(first.received_at).year
        assert first.lab_number == f"NFSS-{year}-00001"
        assert second.lab_number == f"NFSS-{year}-00002"
        assert first.offence.iccs_code


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"agency": ""}, "agency"),
        ({"officer_name": ""}, "officer_name"),
        ({"agency_case_number": ""}, "agency_case_number"),
        ({"national_offence_id": None}, "national_offence_id"),
        ({"national_offence_id": 999999}, "national_offence_id"),
        ({"received_at": now_utc() + timedelta(days=1)}, "received_at"),
        ({"incident_date": belize_date(now_utc()) + timedelta(days=5)}, "incident_date"),
    ],
)
def test_incomplete_or_impossible_submissions_are_refused(app, overrides, field):
    with app.app_context(), acting_as("test"):
        with pytest.raises(LimsError) as refused:
            create_case(case_data(**overrides))
        assert refused.value.field == field
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(LabCase)) == 0


def test_persons_come_from_the_shared_index(app):
    with app.app_context(), acting_as("test"):
        known = register_record("prison", "BCP-2026-00001", **PERSON)
        case = create_case(case_data())
        suspect = add_person(case, "SUSPECT", known.person.public_id, PERSON)
        victim = add_person(
            case, "VICTIM", None, {"given_name": "Maria", "surname": "Choc", "sex": "F"}
        )
        assert suspect.person_id == known.person_id
        assert suspect.person_record.system == "lims"
        assert victim.person_id != known.person_id
        with pytest.raises(LimsError, match="already recorded as suspect"):
            add_person(case, "SUSPECT", known.person.public_id, PERSON)
        with pytest.raises(LimsError, match="role"):
            add_person(case, "WITNESS", None, PERSON)


def test_intake_form_opens_a_case_and_other_roles_are_refused(app, client, login_as):
    from tests.conftest import csrf_from
    from tests.lims.helpers import offence_id

    login_as("lab_intake")
    page = client.get("/lims/cases/new")
    assert page.status_code == 200
    with app.app_context():
        offence = offence_id()
    form = {
        "csrf_token": csrf_from(page.get_data(as_text=True)),
        "agency": "Belize Police Department",
        "officer_name": "PC Young",
        "agency_case_number": "ED-9",
        "national_offence_id": str(offence),
        "received_at": (now_utc() - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"),
    }
    missing = client.post("/lims/cases/new", data={**form, "agency_case_number": ""})
    assert "Give the agency&#39;s case or incident number" in missing.get_data(as_text=True)
    done = client.post("/lims/cases/new", data=form)
    assert done.status_code == 302
    case_page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "NFSS-" in case_page and "ED-9" in case_page
    with app.app_context():
        case_id = db.session.scalar(select(LabCase.id))
    person_page = client.get(f"/lims/cases/{case_id}/persons/new")
    added = client.post(
        f"/lims/cases/{case_id}/persons/new",
        data={
            "csrf_token": csrf_from(person_page.get_data(as_text=True)),
            "role": "VICTIM",
            "given_name": "Maria",
            "surname": "Choc",
            "sex": "F",
            "person_id": "",
        },
    )
    assert added.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CasePerson)) == 1
        assert db.session.scalar(select(func.count()).select_from(PersonRecord)) == 1


def test_analyst_cannot_open_cases(client, login_as):
    login_as("lab_analyst")
    assert client.get("/lims/cases/new").status_code == 403
    assert client.get("/lims/cases/").status_code == 200
