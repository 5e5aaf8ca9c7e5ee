"""Prison IMS screens over HTTP: admission form, record page, status, cells, movements, roll."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from common.persons.models import PersonRecord
from common.persons.services import register_record
from prison_ims.admissions.models import Admission
from prison_ims.housing.services import seed_layout
from prison_ims.times import belize_local, now_utc
from tests.conftest import csrf_from
from tests.prison_ims.helpers import admit, offence_id

GET_ROUTES = (
    "/prison/",
    "/prison/admissions/",
    "/prison/admissions/new",
    "/prison/housing/",
    "/prison/movements/roll",
)


def _form(app, html, **overrides):
    with_offence = overrides.pop("offence", True)
    when = belize_local(now_utc() - timedelta(hours=1))
    data = {
        "csrf_token": csrf_from(html),
        "authority_type": "REMAND_WARRANT",
        "authority_court": "Belize Magistrate's Court",
        "authority_date": (when.date() - timedelta(days=1)).isoformat(),
        "authority_reference": "RW-77/2026",
        "legal_status": "REMAND",
        "given_name": "Marvin",
        "surname": "Castillo",
        "date_of_birth": "1990-03-14",
        "sex": "M",
        "gender_identity": "man",
        "admitted_at": when.strftime("%Y-%m-%dT%H:%M"),
        "arrested_at": (when - timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M"),
        "arrest_place": "Dangriga",
        "visible_injuries": "bruise on left forearm",
        "ill_treatment_claims": "says he was struck at arrest",
        "property_items-0-item": "mobile phone",
        "property_items-0-quantity": "1",
        "children-0-age": "6",
        "children-0-location": "Dangriga",
        "children-0-custody": "grandmother",
        "next_of_kin_name": "Ana Castillo",
        "person_id": "",
    }
    if with_offence:
        with app.app_context():
            data["offences-0-offence"] = str(offence_id())
    data.update(overrides)
    return data


def _count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("role", ["prison_officer", "prison_records_supervisor"])
def test_prison_staff_reach_every_screen(client, login_as, role):
    login_as(role)
    for url in GET_ROUTES:
        assert client.get(url).status_code == 200, url


def test_other_roles_are_refused(app, client, login_as):
    with app.app_context():
        admission_id = admit().id
        db.session.commit()
    login_as("lab_analyst")
    token = csrf_from(client.get("/").get_data(as_text=True))
    for url in (*GET_ROUTES, f"/prison/admissions/{admission_id}"):
        assert client.get(url).status_code == 403, url
    for url in (
        "/prison/admissions/new",
        f"/prison/admissions/{admission_id}/status",
        f"/prison/housing/allocate/{admission_id}",
        f"/prison/movements/record/{admission_id}",
    ):
        assert client.post(url, data={"csrf_token": token}).status_code == 403, url


def test_officer_admits_a_person_already_in_the_index(app, client, login_as):
    with app.app_context(), acting_as("test"):
        court = register_record(
            "court",
            "C-9",
            given_name="Marvin",
            surname="Castillo",
            sex="M",
            date_of_birth=date(1990, 3, 14),
        )
        db.session.commit()
        public_id = court.person.public_id
    login_as("prison_officer")
    page = client.get("/prison/admissions/new").get_data(as_text=True)
    assert 'data-person-candidates="/persons/candidates"' in page
    response = client.post("/prison/admissions/new", data=_form(app, page, person_id=public_id))
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    detail = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "BCP-" in detail and "bruise on left forearm" in detail
    assert "grandmother" in detail and "In the prison" in detail
    with app.app_context():
        admission = db.session.scalar(select(Admission))
        assert admission.person_id == court.person_id
        assert admission.arrest_place == "Dangriga"
    listing = client.get("/prison/admissions/?q=castillo&custody=in").get_data(as_text=True)
    assert admission.booking_number in listing
    assert "No admission matches" in client.get("/prison/admissions/?custody=out").get_data(
        as_text=True
    )
    home = client.get("/prison/").get_data(as_text=True)
    assert re.search(r'id="count-custody">1<', home)
    assert re.search(r'id="count-admitted">1<', home)
    assert "they are recounted every minute" in home  # the person-index figures say when


def test_a_bad_submission_shows_the_message_and_saves_nothing(app, client, login_as):
    with app.app_context(), acting_as("test"):
        register_record(
            "court",
            "C-10",
            given_name="Marvin",
            surname="Castillo",
            sex="M",
            date_of_birth=date(1990, 3, 14),
        )
        db.session.commit()
    login_as("prison_officer")
    page = client.get("/prison/admissions/new").get_data(as_text=True)
    response = client.post(
        "/prison/admissions/new", data=_form(app, page, authority_type="", authority_reference="")
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The admission was not saved" in html
    assert "no admission without one" in html
    assert "Give the reference written on the warrant" in html
    assert "Existing persons who may be the same" in html
    refused = client.post("/prison/admissions/new", data=_form(app, page, offence=False)).get_data(
        as_text=True
    )
    assert "Add at least one offence" in refused
    assert _count(app, Admission) == 0
    assert _count(app, PersonRecord) == 1


def test_a_stale_status_change_is_refused(app, client, login_as):
    with app.app_context():
        admission_id = admit().id
        db.session.commit()
    login_as("prison_officer")
    html = client.get(f"/prison/admissions/{admission_id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    data = {
        "csrf_token": csrf_from(html),
        "version": version,
        "status": "CONVICTED_UNSENTENCED",
        "reason": "Convicted, Supreme Court, 20 Nov 2026",
    }
    assert client.post(f"/prison/admissions/{admission_id}/status", data=data).status_code == 302
    stale = client.post(
        f"/prison/admissions/{admission_id}/status", data={**data, "status": "SENTENCED"}
    ).get_data(as_text=True)
    assert "changed by someone else" in stale
    with app.app_context():
        assert db.session.get(Admission, admission_id).legal_status == "CONVICTED_UNSENTENCED"


def test_cells_movements_and_the_roll(app, client, login_as):
    with app.app_context():
        seed_layout()
        admission = admit()
        admission_id, booking = admission.id, admission.booking_number
        db.session.commit()
        from tests.prison_ims.test_housing import cell

        convicted, remand = cell("MC", "1").id, cell("MR", "A").id
    login_as("prison_officer")
    html = client.get(f"/prison/admissions/{admission_id}").get_data(as_text=True)
    token = csrf_from(html)
    refused = client.post(
        f"/prison/housing/allocate/{admission_id}",
        data={"csrf_token": token, "cell": convicted, "override_reason": "full"},
    ).get_data(as_text=True)
    assert "Only a supervisor may override" in refused
    placed = client.post(
        f"/prison/housing/allocate/{admission_id}", data={"csrf_token": token, "cell": remand}
    )
    assert placed.status_code == 302
    when = belize_local(now_utc()).strftime("%Y-%m-%dT%H:%M")
    moved = client.post(
        f"/prison/movements/record/{admission_id}",
        data={"csrf_token": token, "kind": "CRT", "occurred_at": when, "place": "Supreme Court"},
    )
    assert moved.status_code == 302
    again = client.post(
        f"/prison/movements/record/{admission_id}",
        data={"csrf_token": token, "kind": "HOSP", "occurred_at": when},
    ).get_data(as_text=True)
    assert "record the return first" in again
    roll = client.get("/prison/movements/roll").get_data(as_text=True)
    assert booking in roll and "At court (escorted)" in roll and "The count agrees" in roll
    assert "Persons in custody: Male Remand (1)" in roll  # the only unit with anyone
    assert booking in client.get("/prison/movements/roll?unit=all").get_data(as_text=True)
    empty_unit = client.get("/prison/movements/roll?unit=MC").get_data(as_text=True)
    assert booking not in empty_unit and "No one was in custody here" in empty_unit
    home = client.get("/prison/").get_data(as_text=True)
    assert re.search(r'id="count-custody">1<', home) and "0 inside, 1 out at court" in home
    unknown = client.get("/prison/movements/roll?unit=XX").get_data(as_text=True)
    assert "There is no housing unit &#39;XX&#39;" in unknown and booking not in unknown
    earlier = belize_local(now_utc() - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    past = client.get(f"/prison/movements/roll?at={earlier}").get_data(as_text=True)
    assert "No one was in custody at this time" in past
    bad = client.get("/prison/movements/roll?at=yesterday").get_data(as_text=True)
    assert "Give a date and time" in bad
    housing = client.get("/prison/housing/").get_data(as_text=True)
    assert "Male Remand" in housing


def test_the_record_warns_when_a_status_change_makes_the_cell_unfit(app, client, login_as):
    from prison_ims.admissions.services import change_legal_status
    from prison_ims.housing.services import allocate
    from tests.prison_ims.test_housing import cell

    with app.app_context(), acting_as("test"):
        seed_layout()
        admission = admit()
        allocate(admission, cell("MR", "A"))
        change_legal_status(admission, "SENTENCED", "Sentenced 21 Nov 2026", admission.version)
        db.session.commit()
        admission_id = admission.id
    login_as("prison_records_supervisor")
    html = client.get(f"/prison/admissions/{admission_id}").get_data(as_text=True)
    assert "The current cell no longer fits this person" in html
    assert "Supervisor override: reason" in html


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_an_optional_photograph_is_checked_and_shown(app, client, login_as):
    import io

    login_as("prison_officer")
    page = client.get("/prison/admissions/new").get_data(as_text=True)
    fake = client.post(
        "/prison/admissions/new",
        data={**_form(app, page), "photo": (io.BytesIO(b"not a picture"), "face.png")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "must be a JPEG or PNG picture" in fake
    assert _count(app, Admission) == 0
    done = client.post(
        "/prison/admissions/new",
        data={**_form(app, page), "photo": (io.BytesIO(PNG), "face.png")},
        content_type="multipart/form-data",
    )
    assert done.status_code == 302
    detail = client.get(done.headers["Location"]).get_data(as_text=True)
    src = re.search(r'<img src="([^"]+/photo)"', detail).group(1)
    image = client.get(src)
    assert image.status_code == 200 and image.mimetype == "image/png"
    assert image.data == PNG
