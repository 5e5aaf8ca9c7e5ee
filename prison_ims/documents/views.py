"""Thin views: build a printed document and send it as a PDF; every print is audited."""

from flask import abort, request
from flask_login import current_user

from common.audit.services import record_event
from common.extensions import db
from common.pdf import pdf_response
from prison_ims.admissions.models import Admission
from prison_ims.documents.certificate import certificate_document
from prison_ims.documents.record import file_summary, record_sheet
from prison_ims.documents.roll import roll_document
from prison_ims.documents.working import working_document
from prison_ims.movements.forms import RollForm
from prison_ims.releases.models import Release
from prison_ims.sentences.models import ReleaseDateCalculation
from prison_ims.sentences.services import sentences_of
from prison_ims.times import belize_date, belize_to_utc, now_utc


def _printed(entity, entity_id, document):
    """Audit the printing of a document about a person, in the request's transaction."""
    record_event(db.session, "print", entity, entity_id, {"document": document})
    db.session.commit()


def working(calculation_id):
    """The working of one release-date calculation."""
    calc = db.session.get(ReleaseDateCalculation, calculation_id) or abort(404)
    admission = calc.admission
    data = working_document(calc, admission, sentences_of(admission.id), current_user.email)
    _printed("ReleaseDateCalculation", calc.id, "release-date working")
    return pdf_response(data, f"release-date-working-{admission.booking_number}-{calc.id}.pdf")


def certificate(release_id):
    """The release certificate of one release."""
    release = db.session.get(Release, release_id) or abort(404)
    data = certificate_document(release, current_user.email)
    _printed("Release", release.id, "release certificate")
    return pdf_response(data, f"release-certificate-{release.certificate_number}.pdf")


def roll_pdf():
    """The roll at ?at= (Belize time; now by default), rebuilt from the movements."""
    form = RollForm(request.args)
    at = now_utc()
    if request.args.get("at"):
        if not (form.validate() and form.at.data):
            abort(400, "Give the time as YYYY-MM-DDTHH:MM (Belize time).")
        at = belize_to_utc(form.at.data)
    data = roll_document(at, current_user.email)
    _printed("Roll", None, f"daily roll at {at.isoformat()}")
    return pdf_response(data, f"daily-roll-{belize_date(at).isoformat()}.pdf")


def record_sheet_pdf(admission_id):
    """The inmate record sheet of one admission."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    data = record_sheet(admission, current_user.email)
    _printed("Admission", admission.id, "inmate record sheet")
    return pdf_response(data, f"record-sheet-{admission.booking_number}.pdf")


def file_summary_pdf(admission_id):
    """The summary of the file a prisoner asks for (Mandela Rule 9); the request is audited."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    data = file_summary(admission, current_user.email)
    _printed("Admission", admission.id, "file summary for the prisoner (Rule 9)")
    return pdf_response(data, f"file-summary-{admission.booking_number}.pdf")
