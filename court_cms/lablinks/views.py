"""Thin view: link a court case to a lab case by its lab number."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.links.forms import LinkForm
from common.links.services import LinkError, link_to_lab_case
from court_cms.cases.models import Case
from court_cms.cases.views import render_case


def link(case_id):
    """Link the court case to the lab case with the lab number given (audited)."""
    case = db.session.get(Case, case_id) or abort(404)
    form = LinkForm()
    if form.validate_on_submit():
        try:
            lab_case = link_to_lab_case(case.id, form.number.data, current_user.id)
        except LinkError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{case.case_number} linked to lab case {lab_case.number}.", "success")
            return redirect(url_for("cases.detail", case_id=case.id) + "#lab-requests")
    return render_case(db.session.get(Case, case_id), link_form=form), 422
