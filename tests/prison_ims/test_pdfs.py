"""Printed documents: record sheet, daily roll, release-date working, file summary (Rule 9)."""

import json
from io import BytesIO

from pypdf import PdfReader
from sqlalchemy import select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from prison_ims.movements.services import record_movement
from prison_ims.sentences.services import current_calculation
from tests.conftest import csrf_from
from tests.prison_ims.helpers import admit
from tests.prison_ims.test_sentences import sentenced


def _text(response):
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    return " ".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages)


def _setup(app):
    with app.app_context():
        admission = sentenced()
        other = admit(given_name="Omar", surname="Bol")
        with acting_as("test"):
            record_movement(other, "CRT", place="Belize Magistrate's Court")
        db.session.commit()
        return admission.id, admission.booking_number, current_calculation(admission.id).id


def test_record_sheet_and_file_summary(app, client, login_as):
    admission_id, booking, _ = _setup(app)
    login_as("prison_officer")
    sheet = _text(client.get(f"/prison/documents/admissions/{admission_id}/record-sheet.pdf"))
    for expected in ("Inmate record sheet", booking, "Marvin Castillo", "wallet", "S1"):
        assert expected in sheet, expected
    assert "PRELIMINARY" in sheet
    summary = _text(client.get(f"/prison/documents/admissions/{admission_id}/file-summary.pdf"))
    assert "Summary of your prison file" in summary and "Rule 9" in summary
    assert "Marvin Castillo" in summary and "Sentence warrant" in summary
    with app.app_context():
        changes = db.session.scalars(
            select(AuditEntry.changes).where(AuditEntry.action == "print")
        ).all()
    assert {json.loads(c)["document"] for c in changes} >= {
        "inmate record sheet",
        "file summary for the prisoner (Rule 9)",
    }


def test_daily_roll_pdf_lists_everyone_in_custody_with_the_count(app, client, login_as):
    _, booking, _ = _setup(app)
    login_as("prison_officer")
    text = _text(client.get("/prison/documents/roll.pdf"))
    assert "Daily roll" in text and booking in text and "Omar Bol" in text
    assert "At court" in text and "The count agrees." in text
    roll_page = client.get("/prison/movements/roll").get_data(as_text=True)
    assert "/prison/documents/roll.pdf?at=" in roll_page
    early = _text(client.get("/prison/documents/roll.pdf?at=2000-01-01T06:00"))
    assert "No one was in custody at this time." in early
    assert client.get("/prison/documents/roll.pdf?at=yesterday").status_code == 400


def test_release_date_working_pdf(app, client, login_as):
    admission_id, booking, calc_id = _setup(app)
    login_as("prison_records_supervisor")
    text = _text(client.get(f"/prison/documents/calculations/{calc_id}/working.pdf"))
    assert "Release-date working" in text and booking in text
    assert "PRELIMINARY" in text and "Remission" in text and "Belize Prisons Department" in text
    page = client.get(f"/prison/sentences/{admission_id}").get_data(as_text=True)
    assert f"/prison/documents/calculations/{calc_id}/working.pdf" in page


def test_other_roles_cannot_print(app, client, login_as):
    admission_id, _, calc_id = _setup(app)
    login_as("lab_intake")
    csrf_from(client.get("/").get_data(as_text=True))
    for url in (
        "/prison/documents/roll.pdf",
        f"/prison/documents/admissions/{admission_id}/record-sheet.pdf",
        f"/prison/documents/admissions/{admission_id}/file-summary.pdf",
        f"/prison/documents/calculations/{calc_id}/working.pdf",
    ):
        assert client.get(url).status_code == 403, url
