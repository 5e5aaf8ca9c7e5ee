"""Conduct screens over HTTP: incidents, charges and awards, complaints, visits, property."""

import re

from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from prison_ims.admissions.services import change_legal_status
from prison_ims.discipline.models import Complaint, DisciplinaryCharge, Incident
from prison_ims.discipline.services import forfeited_days_for_admission
from prison_ims.times import belize_local, now_utc
from prison_ims.visits.models import PropertyMovement, Visit
from tests.conftest import csrf_from, login
from tests.prison_ims.helpers import admit

LISTS = (
    "/prison/conduct/incidents",
    "/prison/conduct/incidents/new",
    "/prison/conduct/charges",
    "/prison/conduct/complaints",
    "/prison/visits/",
)


def _now():
    return belize_local(now_utc()).strftime("%Y-%m-%dT%H:%M")


def _admitted(app, sentenced=False):
    with app.app_context(), acting_as("test"):
        admission = admit()
        if sentenced:
            change_legal_status(admission, "SENTENCED", "Sentence warrant SW-1", admission.version)
        db.session.commit()
        return admission.id, admission.booking_number


def _count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_prison_staff_see_the_conduct_screens(app, client, login_as):
    admission_id, _ = _admitted(app)
    login_as("prison_officer")
    for url in (*LISTS, f"/prison/conduct/admission/{admission_id}"):
        assert client.get(url).status_code == 200, url
    page = client.get(f"/prison/admissions/{admission_id}").get_data(as_text=True)
    assert f"/prison/conduct/admission/{admission_id}" in page


def test_other_roles_are_refused(app, client, login_as):
    admission_id, _ = _admitted(app)
    login_as("lab_intake")
    token = csrf_from(client.get("/").get_data(as_text=True))
    for url in (*LISTS, f"/prison/conduct/admission/{admission_id}"):
        assert client.get(url).status_code == 403, url
    for url in (
        "/prison/conduct/incidents/new",
        f"/prison/conduct/admission/{admission_id}/charge",
        "/prison/conduct/charges/1/adjudicate",
        f"/prison/conduct/admission/{admission_id}/complaint",
        "/prison/conduct/complaints/1/step",
        f"/prison/visits/admission/{admission_id}",
        f"/prison/visits/admission/{admission_id}/property",
    ):
        assert client.post(url, data={"csrf_token": token}).status_code == 403, url


def test_officer_records_an_incident_and_a_bad_one_is_refused(app, client, login_as):
    _, booking = _admitted(app)
    login_as("prison_officer")
    page = client.get("/prison/conduct/incidents/new").get_data(as_text=True)
    data = {
        "csrf_token": csrf_from(page),
        "kind": "CONTRABAND",
        "occurred_at": _now(),
        "location": "Cell MR/A/A01",
        "description": "Phone found under mattress.",
        "parties-0-booking": "BCP-2001-00009",
        "parties-0-role": "ALLEGED",
    }
    refused = client.post("/prison/conduct/incidents/new", data=data).get_data(as_text=True)
    assert "No admission has booking number" in refused
    assert _count(app, Incident) == 0
    ok = client.post("/prison/conduct/incidents/new", data={**data, "parties-0-booking": booking})
    assert ok.status_code == 302
    listing = client.get("/prison/conduct/incidents?kind=CONTRABAND").get_data(as_text=True)
    assert "Phone found under mattress." in listing and "Marvin Castillo" in listing
    assert "No incident matches" in client.get("/prison/conduct/incidents?kind=FIGHT").get_data(
        as_text=True
    )


def test_officer_charges_supervisor_awards_forfeiture(app, client, login_as, make_user):
    admission_id, _ = _admitted(app, sentenced=True)
    login_as("prison_officer")
    page = client.get(f"/prison/conduct/admission/{admission_id}").get_data(as_text=True)
    assert "Adjudicate" not in page
    charge = {
        "csrf_token": csrf_from(page),
        "offence": "ASSAULT",
        "charged_at": _now(),
        "particulars": "struck another prisoner",
    }
    url = f"/prison/conduct/admission/{admission_id}/charge"
    assert "Choose the disciplinary offence" in client.post(
        url, data={**charge, "offence": ""}
    ).get_data(as_text=True)
    assert client.post(url, data=charge).status_code == 302
    with app.app_context():
        charge_id = db.session.scalar(select(DisciplinaryCharge.id))
    assert (
        client.post(f"/prison/conduct/charges/{charge_id}/adjudicate", data=charge).status_code
        == 403
    )
    client = app.test_client()
    login(client, make_user("prison_records_supervisor"))
    page = client.get(f"/prison/conduct/admission/{admission_id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    award = {
        "csrf_token": csrf_from(page),
        "version": version,
        "finding": "PROVEN",
        "reason": "CCTV and two witnesses",
        "award": "FORFEIT_REMISSION",
        "forfeited_days": "45",
    }
    adjudicate = f"/prison/conduct/charges/{charge_id}/adjudicate"
    refused = client.post(adjudicate, data=award).get_data(as_text=True)
    assert "1 to 30 for one award" in refused
    done = client.post(adjudicate, data={**award, "forfeited_days": "10"})
    assert done.status_code == 302
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert re.search(r'id="forfeited-days">10<', page)
    with app.app_context():
        assert forfeited_days_for_admission(admission_id) == 10
    charges = client.get("/prison/conduct/charges?status=PROVEN").get_data(as_text=True)
    assert "Forfeiture of remission" in charges


def test_complaint_visit_and_property_through_the_page(app, client, login_as):
    admission_id, _ = _admitted(app)
    login_as("prison_officer")
    page = client.get(f"/prison/conduct/admission/{admission_id}").get_data(as_text=True)
    token = csrf_from(page)
    base = f"/prison/conduct/admission/{admission_id}"
    complaint = {
        "csrf_token": token,
        "category": "ILL_TREATMENT",
        "received_at": _now(),
        "description": "Beaten at the gate",
    }
    assert client.post(f"{base}/complaint", data=complaint).status_code == 302
    complaints = client.get("/prison/conduct/complaints?status=OPEN").get_data(as_text=True)
    assert "Allegation of torture or ill-treatment" in complaints
    visit = {"csrf_token": token, "visited_at": _now(), "visitor_name": "Ana Castillo"}
    refused = client.post(f"/prison/visits/admission/{admission_id}", data=visit)
    assert "relationship to the prisoner" in refused.get_data(as_text=True)
    assert _count(app, Visit) == 0
    ok = client.post(
        f"/prison/visits/admission/{admission_id}",
        data={**visit, "relationship": "sister", "kind": "SOCIAL"},
    )
    assert ok.status_code == 302
    assert "Ana Castillo" in client.get("/prison/visits/?q=ana").get_data(as_text=True)
    out = {
        "csrf_token": token,
        "direction": "OUT",
        "description": "radio",
        "quantity": "1",
        "occurred_at": _now(),
        "counterpart": "sister",
    }
    refused = client.post(f"/prison/visits/admission/{admission_id}/property", data=out)
    assert "Only 0 × &#39;radio&#39; is held" in refused.get_data(as_text=True)
    ok = client.post(
        f"/prison/visits/admission/{admission_id}/property", data={**out, "description": "wallet"}
    )
    assert ok.status_code == 302
    assert _count(app, PropertyMovement) == 1
    page = client.get(base).get_data(as_text=True)
    assert "Nothing." in page.split('id="property-held"')[1][:300]


def test_complaint_steps_over_http_refuse_closing_an_unreferred_allegation(app, client, login_as):
    admission_id, _ = _admitted(app)
    login_as("prison_officer")
    base = f"/prison/conduct/admission/{admission_id}"
    token = csrf_from(client.get(base).get_data(as_text=True))
    complaint = {
        "csrf_token": token,
        "category": "ILL_TREATMENT",
        "received_at": _now(),
        "description": "Struck with a baton",
    }
    assert client.post(f"{base}/complaint", data=complaint).status_code == 302
    with app.app_context():
        complaint_id = db.session.scalar(select(Complaint.id))
    url = f"/prison/conduct/complaints/{complaint_id}/step"
    step = {"csrf_token": token, "version": "1", "status": "NOT_UPHELD", "note": "no marks"}
    refused = client.post(url, data=step).get_data(as_text=True)
    assert "only after referral to an independent" in refused
    stale = client.post(url, data={**step, "version": "7"}).get_data(as_text=True)
    assert "changed by someone else" in stale
    referred = {**step, "status": "REFERRED", "note": "sent", "referred_to": "Ombudsman"}
    assert client.post(url, data=referred).status_code == 302
    with app.app_context():
        assert db.session.get(Complaint, complaint_id).status == "REFERRED"
