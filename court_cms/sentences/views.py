"""Thin view: a sentence on a convicted charge, from the case page."""

from flask import abort
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from court_cms.caseforms import Refused
from court_cms.cases.models import Case, Charge
from court_cms.cases.views import render_case
from court_cms.errors import CourtError
from court_cms.orders.views import done
from court_cms.sentences import services
from court_cms.sentences.forms import SentenceForm


def new_sentence(case_id):
    """Sentence on a convicted charge."""
    case = db.session.get(Case, case_id) or abort(404)
    form = SentenceForm()
    charge_id = form.charge_id.data
    charge = db.session.get(Charge, int(charge_id)) if (charge_id or "").isdigit() else None
    if charge is None or charge.party.case_id != case.id:
        abort(404)
    if form.validate_on_submit():
        try:
            services.record_sentence(charge, form.data, current_user.id)
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return done(case, f"Sentence on count {charge.count_number} recorded.")
    refused = Refused("sentence", form, charge.id)
    return render_case(db.session.get(Case, case_id), refused=refused), 422
