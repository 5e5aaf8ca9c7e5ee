"""Thin view: the attendance of a listed defendant, from the case page."""

from flask import abort
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.locking import ConflictError
from court_cms.cases.views import render_case
from court_cms.custody.forms import AttendanceForm
from court_cms.custody.listings import record_attendance
from court_cms.errors import CourtError
from court_cms.hearings.models import Hearing
from court_cms.orders.views import done


def attendance(hearing_id):
    """Produced or not produced: recorded on or after the day of the hearing."""
    hearing = db.session.get(Hearing, hearing_id) or abort(404)
    form = AttendanceForm()
    if form.validate_on_submit():
        try:
            listing = record_attendance(
                hearing,
                form.listing_id.data,
                form.attendance.data,
                form.version.data,
                current_user.id,
            )
        except (CourtError, ConflictError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            return done(
                hearing.case, f"{listing.defendant_name}: {listing.attendance_label.lower()}."
            )
    hearing = db.session.get(Hearing, hearing_id)
    return render_case(hearing.case, attendance_form=form, attendance_hearing=hearing.id), 422
