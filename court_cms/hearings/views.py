"""Thin views: list a hearing, record what happened at it."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.locking import ConflictError
from court_cms.caseforms import Refused, with_outcome_choices
from court_cms.cases.models import Case
from court_cms.cases.views import render_case
from court_cms.errors import CourtError
from court_cms.hearings import services
from court_cms.hearings.forms import OutcomeForm, ScheduleForm, VacateForm
from court_cms.hearings.models import Hearing


def schedule(case_id):
    """List the case for a hearing."""
    case = db.session.get(Case, case_id) or abort(404)
    form = ScheduleForm()
    form.courtroom_id.choices = [(0, "Choose…"), *((r.id, r.name) for r in case.court.courtrooms)]
    if form.validate_on_submit():
        try:
            hearing = services.schedule_hearing(
                case,
                form.hearing_type.data,
                form.scheduled_on.data,
                form.courtroom_id.data,
                form.scheduled_time.data,
                current_user.id,
            )
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{hearing.type_label} listed for {hearing.scheduled_on:%d %b %Y}.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    return render_case(db.session.get(Case, case_id), schedule_form=form), 422


def outcome(hearing_id):
    """Held, or adjourned with a reason, the side responsible and the new date."""
    hearing = db.session.get(Hearing, hearing_id) or abort(404)
    form = with_outcome_choices(OutcomeForm(), hearing.case_id)
    if form.validate_on_submit():
        try:
            if form.outcome.data == "HELD":
                services.record_held(hearing, form.note.data, form.version.data, current_user.id)
            else:
                services.adjourn(hearing, _adjournment(form), form.version.data, current_user.id)
        except (CourtError, ConflictError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Hearing outcome recorded.", "success")
            return redirect(url_for("cases.detail", case_id=hearing.case_id))
    hearing = db.session.get(Hearing, hearing_id)
    return render_case(hearing.case, refused=Refused("hearing-outcome", form, hearing.id)), 422


def vacate(hearing_id):
    """A hearing still to come that will not sit: off the list, and off the production list."""
    hearing = db.session.get(Hearing, hearing_id) or abort(404)
    form = VacateForm()
    if form.validate_on_submit():
        try:
            withdrawn = services.vacate(
                hearing, form.reason.data, form.version.data, current_user.id
            )
        except (CourtError, ConflictError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(
                f"Hearing of {hearing.scheduled_on:%d %b %Y} vacated; "
                f"{len(withdrawn)} production listing(s) withdrawn.",
                "success",
            )
            return redirect(url_for("cases.detail", case_id=hearing.case_id))
    hearing = db.session.get(Hearing, hearing_id)
    return render_case(hearing.case, refused=Refused("vacate", form, hearing.id)), 422


def _adjournment(form):
    return {
        "reason_id": form.reason_id.data,
        "responsible_side": form.responsible_side.data,
        "next_on": form.next_on.data,
        "next_type": form.next_type.data,
        "note": form.note.data,
        "lab_request_id": form.lab_request_id.data or None,
    }
