"""Thin views: orders recorded from the case page, and their end."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.locking import ConflictError
from court_cms.caseforms import Refused
from court_cms.cases.models import Case, Party
from court_cms.cases.views import render_case
from court_cms.errors import CourtError
from court_cms.orders import services
from court_cms.orders.forms import EndOrderForm, OrderForm
from court_cms.orders.models import CourtOrder


def defendant_choices(case):
    """(id, name) of the case's defendants, after a blank choice."""
    return [(0, "Choose…"), *((p.id, p.name) for p in case.defendants)]


def done(case, message):
    """Commit the action and go back to the case page with a message."""
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("cases.detail", case_id=case.id))


def new_order(case_id):
    """Bail, remand, warrants."""
    case = db.session.get(Case, case_id) or abort(404)
    form = OrderForm()
    form.party_id.choices = defendant_choices(case)
    if form.validate_on_submit():
        try:
            order = services.make_order(
                case, db.session.get(Party, form.party_id.data), form.data, current_user.id
            )
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return done(case, f"{order.kind_label} recorded.")
    return render_case(db.session.get(Case, case_id), refused=Refused("new-order", form)), 422


def end_order(case_id, order_id):
    """A warrant executed or cancelled, a remand or bail ended."""
    order = db.session.get(CourtOrder, order_id) or abort(404)
    if order.case_id != case_id:
        abort(404)
    form = EndOrderForm()
    if form.validate_on_submit():
        try:
            services.end_order(
                order, form.ended_on.data, form.reason.data, form.version.data, current_user.id
            )
        except (CourtError, ConflictError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return done(order.case, f"{order.kind_label} ended.")
    order = db.session.get(CourtOrder, order_id)
    return render_case(order.case, refused=Refused("end-order", form, order.id)), 422
