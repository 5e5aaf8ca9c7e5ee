"""Thin view: link a lab case to a court case by the court's case number."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.links.forms import LinkForm
from common.links.services import LinkError, court_cases_of_lab_case, link_to_court_case
from lims.intake.models import LabCase


def link(case_id):
    """Link the lab case to the court case with the number given (audited)."""
    case = db.session.get(LabCase, case_id) or abort(404)
    form = LinkForm()
    if form.validate_on_submit():
        try:
            court_case = link_to_court_case(case.id, form.number.data, current_user.id)
        except LinkError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{case.lab_number} linked to court case {court_case.number}.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    case = db.session.get(LabCase, case_id)
    return render_template(
        "lims/case_detail.html",
        case=case,
        court_cases=court_cases_of_lab_case(case.id),
        link_form=form,
    ), 422
