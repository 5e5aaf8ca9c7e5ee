"""Case screens over HTTP: who may do what, filing, parties, charges and outcomes."""

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from common.persons.models import PersonRecord
from common.persons.services import register_record
from court_cms.cases.models import Case, Charge, Party
from tests.conftest import csrf_from
from tests.court_cms.helpers import court, days_ago, offence_id, outcome
from tests.court_cms.http import case_on_file, page, token


def _count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def _screens(case_id):
    return (
        "/court/",
        "/court/cases/",
        f"/court/cases/{case_id}",
        "/court/cause-list/",
        "/court/cause-list/pdf",
    )


def _posts(case_id, party_id, charge_id):
    return (
        "/court/cases/new",
        f"/court/cases/{case_id}/parties/new",
        f"/court/cases/{case_id}/charges",
        f"/court/cases/{case_id}/charges/{charge_id}/outcome",
        f"/court/cases/{case_id}/status",
        f"/court/cases/{case_id}/hearings",
        f"/court/cases/{case_id}/orders",
        f"/court/cases/{case_id}/sentences",
        f"/court/cases/{case_id}/appeals",
    )


@pytest.mark.parametrize("role", ["court_clerk", "court_registrar"])
def test_court_staff_reach_every_screen_and_form(app, client, login_as, role):
    case_id, _party, _charge = case_on_file(app)
    login_as(role)
    for url in (*_screens(case_id), "/court/cases/new", f"/court/cases/{case_id}/parties/new"):
        assert client.get(url).status_code == 200, url
    detail = page(client, f"/court/cases/{case_id}")
    assert "Add the charge" in detail and "List the hearing" in detail
    assert "Record an order" in detail
    statistics = client.get("/court/statistics/").status_code
    assert statistics == (200 if role == "court_registrar" else 403)


def test_judicial_officer_reads_but_cannot_change(app, client, login_as):
    case_id, party_id, charge_id = case_on_file(app)
    login_as("judicial_officer")
    for url in (*_screens(case_id), "/court/statistics/"):
        assert client.get(url).status_code == 200, url
    detail = page(client, f"/court/cases/{case_id}")
    assert "Castillo" in detail
    assert "Add the charge" not in detail and "List the hearing" not in detail
    assert client.get("/court/cases/new").status_code == 403
    csrf = token(client)
    for url in _posts(case_id, party_id, charge_id):
        assert client.post(url, data={"csrf_token": csrf}).status_code == 403, url


def test_other_roles_are_refused(app, client, login_as):
    case_id, party_id, charge_id = case_on_file(app)
    login_as("prison_officer")
    csrf = csrf_from(client.get("/").get_data(as_text=True))
    for url in (*_screens(case_id), "/court/statistics/", "/court/cases/new"):
        assert client.get(url).status_code == 403, url
    for url in _posts(case_id, party_id, charge_id):
        assert client.post(url, data={"csrf_token": csrf}).status_code == 403, url


def _filing(app, html, **overrides):
    with app.app_context():
        court_id = court("SC").id
    data = {
        "csrf_token": csrf_from(html),
        "court_id": str(court_id),
        "case_type": "CR",
        "case_number": "",
        "filed_on": days_ago(3).isoformat(),
        "prosecuting_agency": "Office of the Director of Public Prosecutions",
        "police_case_number": "CID-55",
        "prosecutor": "Crown Counsel Young",
        "judicial_officer": "Hon. Justice Moore",
    }
    data.update(overrides)
    return data


def test_clerk_files_a_case_and_a_duplicate_number_is_refused(app, client, login_as):
    login_as("court_clerk")
    form = page(client, "/court/cases/new")
    response = client.post("/court/cases/new", data=_filing(app, form))
    assert response.status_code == 302
    detail = page(client, response.headers["Location"])
    number = f"SC-CR-{days_ago(3).year}-0001"
    assert number in detail and "Crown Counsel Young" in detail and "Hon. Justice Moore" in detail
    again = client.post("/court/cases/new", data=_filing(app, form, case_number=number))
    html = again.get_data(as_text=True)
    assert again.status_code == 200
    assert f"Case number {number} is already registered" in html
    assert "The case was not filed" in html
    assert _count(app, Case) == 1


def test_clerk_adds_a_defendant_from_the_index_and_charges(app, client, login_as):
    case_id, _party, _charge = case_on_file(app, with_charge=False)
    with app.app_context(), acting_as("test"):
        known = register_record(
            "prison", "BCP-2026-00001", given_name="Dwayne", surname="Flowers", sex="M"
        )
        db.session.commit()
        public_id, person_id = known.person.public_id, known.person_id
    login_as("court_clerk")
    form = page(client, f"/court/cases/{case_id}/parties/new")
    assert 'data-person-candidates="/persons/candidates"' in form
    assert "person-candidates.js" in form
    refused = client.post(
        f"/court/cases/{case_id}/parties/new",
        data={
            "csrf_token": csrf_from(form),
            "given_name": "Dwayne",
            "surname": "Flowers",
            "sex": "M",
        },
    )
    html = refused.get_data(as_text=True)
    assert "Choose the role" in html and "Existing persons who may be the same" in html
    assert f'value="{public_id}"' in html
    response = client.post(
        f"/court/cases/{case_id}/parties/new",
        data={
            "csrf_token": csrf_from(form),
            "role": "DEFENDANT",
            "given_name": "Dwayne",
            "surname": "Flowers",
            "sex": "M",
            "counsel": "Mr. Dickie Bradley",
            "person_id": public_id,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        party = db.session.scalar(select(Party).where(Party.person_id == person_id))
        party_id = party.id
    detail = page(client, f"/court/cases/{case_id}")
    assert "Dwayne Flowers" in detail and "Mr. Dickie Bradley" in detail
    with app.app_context():
        offence = str(offence_id())
    added = client.post(
        f"/court/cases/{case_id}/charges",
        data={"csrf_token": csrf_from(detail), "party_id": str(party_id), "offence": offence},
    )
    assert added.status_code == 302
    bad = client.post(
        f"/court/cases/{case_id}/charges",
        data={"csrf_token": csrf_from(detail), "party_id": str(party_id), "offence": "999999"},
    )
    assert bad.status_code == 422 and "Choose the offence from the list" in bad.get_data(True)
    assert _count(app, Charge) == 1
    assert _count(app, PersonRecord) == 3


def test_verdict_on_a_withdrawn_charge_is_refused_on_the_form(app, client, login_as):
    case_id, _party, charge_id = case_on_file(app)
    with app.app_context():
        outcome(
            db.session.get(Charge, charge_id), disposition="WITHDRAWN", disposition_on=days_ago(2)
        )
        db.session.commit()
        version = db.session.get(Charge, charge_id).version
    login_as("court_clerk")
    detail = page(client, f"/court/cases/{case_id}")
    response = client.post(
        f"/court/cases/{case_id}/charges/{charge_id}/outcome",
        data={"csrf_token": csrf_from(detail), "version": str(version), "verdict": "GUILTY"},
    )
    assert response.status_code == 422
    assert "The charge was withdrawn: no verdict can be recorded on it." in response.get_data(True)
    with app.app_context():
        assert db.session.get(Charge, charge_id).verdict is None


def test_stale_outcome_form_says_someone_else_changed_it(app, client, login_as):
    case_id, _party, charge_id = case_on_file(app)
    login_as("court_clerk")
    detail = page(client, f"/court/cases/{case_id}")
    response = client.post(
        f"/court/cases/{case_id}/charges/{charge_id}/outcome",
        data={"csrf_token": csrf_from(detail), "version": "99", "plea": "GUILTY"},
    )
    assert response.status_code == 422
    assert "changed by someone else" in response.get_data(True).lower()
    with app.app_context():
        assert db.session.get(Charge, charge_id).plea is None


def test_status_change_is_kept_in_the_history(app, client, login_as):
    case_id, _party, _charge = case_on_file(app)
    login_as("court_registrar")
    detail = page(client, f"/court/cases/{case_id}")
    response = client.post(
        f"/court/cases/{case_id}/status",
        data={
            "csrf_token": csrf_from(detail),
            "version": "1",
            "status": "TRANSFERRED",
            "changed_on": days_ago(1).isoformat(),
            "reason": "Committed to the Supreme Court",
        },
    )
    assert response.status_code == 302, response.get_data(True)[:3000]
    detail = page(client, f"/court/cases/{case_id}")
    assert "Committed to the Supreme Court" in detail and "Transferred" in detail
