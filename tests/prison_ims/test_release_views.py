"""The release screen over HTTP: checklist refusals, release, certificate, permissions."""

from datetime import date, timedelta
from io import BytesIO

from pypdf import PdfReader
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from common.timefmt import belize_today
from prison_ims.movements.services import current_state
from prison_ims.releases.models import Release
from prison_ims.releases.services import record_release
from prison_ims.times import belize_local, now_utc
from tests.conftest import csrf_from, login
from tests.prison_ims.helpers import admit
from tests.prison_ims.test_releases import confirmed, release_data
from tests.prison_ims.test_sentences import sentenced


def _form(page, **overrides):
    data = {
        "csrf_token": csrf_from(page),
        "released_at": belize_local(now_utc()).strftime("%Y-%m-%dT%H:%M"),
        "grounds": "BAIL",
        "authority_reference": "Bail order SC-12/2026",
        "destination": "Belize City",
        "authority_checked": "y",
        "property_returned": "y",
        "release_date_verified": "y",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _admission_id(app):
    with app.app_context():
        admission = admit()
        db.session.commit()
        return admission.id


def test_officer_releases_and_downloads_the_certificate(app, client, login_as):
    admission_id = _admission_id(app)
    login_as("prison_officer")
    url = f"/prison/releases/{admission_id}"
    page = client.get(url).get_data(as_text=True)
    assert "wallet" in page and "Property returned" in page
    response = client.post(url, data=_form(page, property_returned=None))
    assert response.status_code == 200
    assert "Return the property held" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Release)) == 0
    response = client.post(url, data=_form(page))
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Certificate REL-" in page
    with app.app_context():
        release = db.session.scalar(select(Release))
        assert current_state(admission_id) == "OUT"
        release_id, number = release.id, release.certificate_number
    pdf = client.get(f"/prison/documents/releases/{release_id}/certificate.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.data)).pages)
    assert "Release certificate" in text and number in text and "Marvin Castillo" in text


def test_other_roles_are_refused(app, client, login_as):
    admission_id = _admission_id(app)
    login_as("lab_intake")
    token = csrf_from(client.get("/").get_data(as_text=True))
    url = f"/prison/releases/{admission_id}"
    assert client.get(url).status_code == 403
    assert client.post(url, data={"csrf_token": token}).status_code == 403
    assert client.get("/prison/documents/releases/1/certificate.pdf").status_code == 403
    with app.app_context():
        assert current_state(admission_id) == "IN"


def test_release_dates_page_lists_second_checks_and_releases_due(app, client, login_as, make_user):

    with app.app_context():
        due = confirmed(make_user, start_date=date(2020, 1, 1), years=1, months=0)
        gone = confirmed(make_user, start_date=date(2020, 1, 1), years=1, months=0)
        later = confirmed(make_user, start_date=belize_today(), years=5, months=0)
        pending = sentenced(given_name="Omar", surname="Bol")
        with acting_as("test"):
            record_release(gone, release_data(grounds="SENTENCE_SERVED"))
        db.session.commit()
        bookings = [a.booking_number for a in (due, gone, later, pending)]
    login_as("prison_officer")
    page = client.get("/prison/releases/").get_data(as_text=True)
    pending_part, due_part = page.split('id="pending"')[1].split('id="due"')
    assert bookings[3] in pending_part and bookings[0] not in pending_part
    assert bookings[0] in due_part
    assert bookings[1] not in due_part and bookings[2] not in due_part
    assert "/prison/releases/" in client.get("/prison/").get_data(as_text=True)


def test_release_before_the_confirmed_date_is_refused_on_the_form(app, client, make_user):

    with app.app_context():
        start = belize_today() - timedelta(days=10)
        admission_id = confirmed(make_user, start_date=start, years=3, months=0).id
    login(client, make_user("prison_officer"))
    url = f"/prison/releases/{admission_id}"
    page = client.get(url).get_data(as_text=True)
    assert "Confirmed earliest release date:" in page
    response = client.post(url, data=_form(page, grounds="COURT_ORDER"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "is before it" in html
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Release)) == 0
        assert current_state(admission_id) == "IN"
    reason = "Court of Appeal allowed the appeal, order CA-3/2026"
    response = client.post(
        url, data=_form(page, grounds="COURT_ORDER", early_release_reason=reason)
    )
    assert response.status_code == 302
    assert reason in client.get(url).get_data(as_text=True)
