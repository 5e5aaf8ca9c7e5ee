"""Thin views: build a printed document and send it as a PDF; every print is audited."""

from flask import abort
from flask_login import current_user

from common.audit.services import record_event
from common.extensions import db
from common.pdf import pdf_response
from prison_ims.documents.certificate import certificate_document
from prison_ims.documents.working import working_document
from prison_ims.releases.models import Release
from prison_ims.sentences.models import ReleaseDateCalculation
from prison_ims.sentences.services import sentences_of


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
