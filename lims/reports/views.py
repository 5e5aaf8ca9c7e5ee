"""Thin views: release, download and amend reports."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from common.audit.services import record_event
from common.extensions import db
from common.formerrors import attach_error
from common.pdf import pdf_response
from lims.analysis.models import AnalysisRequest
from lims.errors import LimsError
from lims.reports import services
from lims.reports.forms import AmendForm
from lims.reports.models import Report


def release(request_id):
    """Release version 1 of the report of a reviewed request."""
    req = db.session.get(AnalysisRequest, request_id) or abort(404)
    try:
        report = services.release_report(req, current_user)
    except LimsError as exc:
        db.session.rollback()
        flash(str(exc), "danger")
    else:
        db.session.commit()
        flash(f"{report.label} released.", "success")
    return redirect(url_for("analysis.detail", request_id=request_id))


def download(report_id):
    """The stored PDF of one released report version, exactly as released."""
    report = db.session.get(Report, report_id) or abort(404)
    record_event(db.session, "download", "Report", report.id, {"sha256": report.pdf_sha256})
    db.session.commit()
    name = f"report-{report.request.case.lab_number}-{report.request_id}-v{report.version_number}"
    return pdf_response(report.pdf, f"{name}.pdf")


def amend(report_id):
    """Issue an amended version (a new version; the original stays)."""
    report = db.session.get(Report, report_id) or abort(404)
    form = AmendForm()
    if form.validate_on_submit():
        try:
            new = services.amend_report(
                report, current_user, form.reason.data, form.conclusion.data
            )
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{new.label} released; version {report.version_number} is kept.", "success")
            return redirect(url_for("analysis.detail", request_id=report.request_id))
    return render_template("lims/amend_form.html", report=report, form=form)
