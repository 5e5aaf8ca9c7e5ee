"""Thin views: the inbox, one item, accepting (existing file or new admission), rejecting."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from common.extensions import db
from common.formerrors import attach_error
from common.iccs.choices import offence_choices
from common.inbox.services import InboxConflict, InboxError, decided_items, pending_items
from common.locking import ConflictError
from common.persons.index_store import surviving
from prison_ims.admissions.models import Admission
from prison_ims.inbox import services
from prison_ims.inbox.forms import (
    AcceptExistingForm,
    AcceptNewForm,
    RejectForm,
    prefill_new_admission,
)
from prison_ims.inbox.timing import awaiting_releases, order_to_release_times
from prison_ims.movements.services import current_state, in_custody
from prison_ims.times import belize_local, now_utc


def index():
    """Pending court items, oldest first, with the inmate each one suggests."""
    items = pending_items(services.RECEIVER)
    return render_template(
        "prison_ims/inbox.html",
        items=[(item, services.suggested_admission(item)) for item in items],
        decided=decided_items(services.RECEIVER, limit=20),
        awaiting=awaiting_releases(),
        released=order_to_release_times()[-20:],
    )


def _admissions_of(item):
    """Admissions in custody of the item's person (the same master person)."""
    person = surviving(item.person)
    found = db.session.scalars(
        select(Admission).where(Admission.person_id == person.id).order_by(Admission.id.desc())
    ).all()
    return [a for a in found if in_custody(current_state(a.id))]


def _render_item(item, accept_form=None, reject_form=None, status=200):
    suggested = services.suggested_admission(item)
    accept_form = accept_form or AcceptExistingForm(
        version=item.version, admission_id=suggested.id if suggested else 0
    )
    accept_form.admission_id.choices = [(0, "Choose…")] + [
        (a.id, f"{a.booking_number} — {a.status_label}") for a in _admissions_of(item)
    ]
    page = render_template(
        "prison_ims/inbox_item.html",
        item=item,
        suggested=suggested,
        acceptance=services.acceptance_of(item.id),
        accept_form=accept_form,
        reject_form=reject_form or RejectForm(version=item.version),
    )
    return page, status


def _item_or_404(item_id):
    return services.item_of_inbox(item_id) or abort(404)


def detail(item_id):
    """One item: what the court ordered, the inmate it matches, accept or reject."""
    return _render_item(_item_or_404(item_id))


def _refused(form, exc):
    db.session.rollback()
    attach_error(form, exc)
    return 409 if isinstance(exc, InboxConflict | ConflictError) else 422


def _accepted(acceptance):
    db.session.commit()
    admission = acceptance.admission
    flash(f"Accepted into {admission.booking_number}: {acceptance.outcome}.", "success")
    if acceptance.sentence_id:
        return redirect(url_for("sentences.page", admission_id=admission.id))
    return redirect(url_for("admissions.detail", admission_id=admission.id))


def accept(item_id):
    """Accept into the file of the inmate in custody."""
    item = _item_or_404(item_id)
    form = AcceptExistingForm()
    form.admission_id.choices = [(a.id, a.booking_number) for a in _admissions_of(item)]
    form.admission_id.validate_choice = False
    if form.validate_on_submit():
        try:
            acceptance = services.accept_into_existing(
                item.id, form.version.data, form.admission_id.data, current_user.id
            )
        except (InboxError, ConflictError) as exc:
            status = _refused(form, exc)
        else:
            return _accepted(acceptance)
    else:
        status = 422
    return _render_item(_item_or_404(item_id), accept_form=form, status=status)


def admit(item_id):
    """A new admission pre-filled from the court's order; accepted in the same step."""
    item = _item_or_404(item_id)
    form = AcceptNewForm()
    form.set_offence_choices(offence_choices())
    status = 200
    if request.method == "GET":
        form.version.data = item.version
        form.admitted_at.data = belize_local(now_utc())
        prefill_new_admission(form, item)
    elif form.validate_on_submit():
        try:
            acceptance = services.accept_into_new(
                item.id, form.version.data, form.admission_data(), current_user.id
            )
        except (InboxError, ConflictError) as exc:
            status = _refused(form, exc)
            item = _item_or_404(item_id)
        else:
            return _accepted(acceptance)
    else:
        status = 422
    return (
        render_template("prison_ims/inbox_admit.html", item=item, form=form, fixed_person=True),
        status,
    )


def reject(item_id):
    """Reject the item with a reason the court reads."""
    item = _item_or_404(item_id)
    form = RejectForm()
    if form.validate_on_submit():
        try:
            services.reject(item.id, form.version.data, form.reason.data, current_user.id)
        except (InboxError, ConflictError) as exc:
            status = _refused(form, exc)
        else:
            db.session.commit()
            flash(f"{item.kind_label} for {item.case_reference} rejected.", "success")
            return redirect(url_for("inbox.index"))
    else:
        status = 422
    return _render_item(_item_or_404(item_id), reject_form=form, status=status)
