"""Thin views: orders, sentences and appeals recorded from the case page."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from court_cms.cases.models import Case, Charge, Party
from court_cms.cases.views import render_case
from court_cms.errors import CourtError
from court_cms.orders import services
from court_cms.orders.forms import AppealForm, OrderForm, SentenceForm


def _defendants(case):
    return [(0, "Choose…"), *((p.id, p.name) for p in case.defendants)]


def _done(case, message):
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("cases.detail", case_id=case.id))


def new_order(case_id):
    """Bail, remand, warrants."""
    case = db.session.get(Case, case_id) or abort(404)
    form = OrderForm()
    form.party_id.choices = _defendants(case)
    if form.validate_on_submit():
        try:
            order = services.make_order(
                case, db.session.get(Party, form.party_id.data), form.data, current_user.id
            )
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return _done(case, f"{order.kind_label} recorded.")
    return render_case(db.session.get(Case, case_id), order_form=form), 422


def new_sentence(case_id):
    """Sentence on a convicted charge."""
    case = db.session.get(Case, case_id) or abort(404)
    form = SentenceForm()
    charge = db.session.get(Charge, int(form.charge_id.data or 0))
    if charge is None or charge.party.case_id != case.id:
        abort(404)
    if form.validate_on_submit():
        try:
            services.record_sentence(charge, form.data, current_user.id)
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return _done(case, f"Sentence on count {charge.count_number} recorded.")
    return render_case(db.session.get(Case, case_id), sentence_form=form), 422


def new_appeal(case_id):
    """An appeal lodged, checked against the deadline."""
    case = db.session.get(Case, case_id) or abort(404)
    form = AppealForm()
    form.party_id.choices = _defendants(case)
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
            return _done(case, "Appeal recorded.")
    return render_case(db.session.get(Case, case_id), appeal_form=form), 422
