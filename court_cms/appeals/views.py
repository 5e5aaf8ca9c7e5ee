"""Thin views: an appeal lodged (checked against the deadline) and its decision."""

from flask import abort

from common.extensions import db
from common.formerrors import attach_error
from common.locking import ConflictError
from court_cms.appeals import services
from court_cms.appeals.forms import AppealForm, AppealOutcomeForm
from court_cms.caseforms import Refused
from court_cms.cases.models import Case, Party
from court_cms.cases.views import render_case
from court_cms.errors import CourtError
from court_cms.orders.models import Appeal
from court_cms.orders.views import defendant_choices, done


def new_appeal(case_id):
    """An appeal lodged, checked against the deadline."""
    case = db.session.get(Case, case_id) or abort(404)
    form = AppealForm()
    form.party_id.choices = defendant_choices(case)
    if form.validate_on_submit():
        party = db.session.get(Party, form.party_id.data)
        try:
            if party is None or party.case_id != case.id:
                raise CourtError("Choose a defendant of this case.", "party_id")
            services.lodge_appeal(case, party, form.lodged_on.data, form.grounds.data or "")
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return done(case, "Appeal recorded.")
    return render_case(db.session.get(Case, case_id), refused=Refused("new-appeal", form)), 422


def decide_appeal(case_id, appeal_id):
    """The outcome of an appeal."""
    appeal = db.session.get(Appeal, appeal_id) or abort(404)
    if appeal.case_id != case_id:
        abort(404)
    form = AppealOutcomeForm()
    if form.validate_on_submit():
        try:
            services.decide_appeal(
                appeal, form.outcome.data, form.outcome_on.data, form.note.data, form.version.data
            )
        except (CourtError, ConflictError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return done(appeal.case, "Appeal outcome recorded.")
    appeal = db.session.get(Appeal, appeal_id)
    return render_case(appeal.case, refused=Refused("decide-appeal", form, appeal.id)), 422
