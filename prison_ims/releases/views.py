"""Thin views: the release checklist and the record of a release."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from prison_ims.admissions.models import Admission
from prison_ims.inbox.timing import awaiting_release_for, release_prefill
from prison_ims.movements.services import current_state, in_custody
from prison_ims.releases.forms import ReleaseForm
from prison_ims.releases.services import (
    ReleaseError,
    awaiting_second_check,
    record_release,
    release_of,
    releases_due,
)
from prison_ims.sentences.services import current_calculation, sentences_of
from prison_ims.times import belize_local, belize_to_utc, now_utc


def _render(admission, form):
    """The release page: custody, release dates, property inventory and the checklist."""
    return render_template(
        "prison_ims/release.html",
        admission=admission,
        open=in_custody(current_state(admission.id)),
        release=release_of(admission.id),
        calc=current_calculation(admission.id),
        sentenced=bool(sentences_of(admission.id)),
        form=form,
        court_order=awaiting_release_for(admission.id),
    )


def release(admission_id):
    """Show the checklist; on submit, release the person and record the REL movement."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = ReleaseForm()
    if form.released_at.data is None:
        form.released_at.data = belize_local(now_utc())
    court_order = awaiting_release_for(admission.id)
    if court_order and not form.is_submitted():
        form.grounds.data, form.authority_reference.data = release_prefill(court_order)
    if form.validate_on_submit():
        data = form.release_data()
        data["released_at"] = belize_to_utc(form.released_at.data)
        try:
            done = record_release(admission, data, current_user.id)
        except ReleaseError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(
                f"{admission.booking_number} released; certificate {done.certificate_number}.",
                "success",
            )
            return redirect(url_for("releases.release", admission_id=admission_id))
        admission = db.session.get(Admission, admission_id)
    return _render(admission, form)


def due():
    """Release dates awaiting a second check, and releases due soon (confirmed dates)."""
    horizon, due_list = releases_due()
    return render_template(
        "prison_ims/releases_due.html",
        pending=awaiting_second_check(),
        due=due_list,
        horizon=horizon,
    )
