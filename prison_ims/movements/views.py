"""Thin views: record a movement; the roll and the count by unit at any moment."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from common.extensions import db
from prison_ims.admissions.models import LEGAL_STATUSES, Admission
from prison_ims.admissions.views import render_detail
from prison_ims.movements.forms import MovementForm, RollForm
from prison_ims.movements.models import STATES
from prison_ims.movements.services import (
    ALL_UNITS,
    NO_CELL,
    MovementError,
    count_by_unit,
    record_movement,
    roll,
)
from prison_ims.times import belize_local, belize_to_utc, now_utc


def record(admission_id):
    """Record one movement of a person in custody."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = MovementForm()
    if form.validate_on_submit():
        try:
            movement = record_movement(
                admission,
                form.kind.data,
                belize_to_utc(form.occurred_at.data),
                place=(form.place.data or "").strip(),
                reason=(form.reason.data or "").strip(),
                user_id=current_user.id,
            )
        except MovementError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            flash(f"{movement.kind_label} recorded for {admission.booking_number}.", "success")
            return redirect(url_for("admissions.detail", admission_id=admission.id))
    admission = db.session.get(Admission, admission_id)
    return render_detail(admission, movement_form=form)


def roll_view():
    """Who was in custody at a moment (now by default): the count by unit, then the persons
    of one unit (the first with anyone in it unless `unit` says which, or `all`)."""
    form = RollForm(request.args)
    at, moment = now_utc(), None  # no moment: now, read from the custody kept current
    if request.args.get("at"):
        if form.validate() and form.at.data:
            at = moment = belize_to_utc(form.at.data)
        else:
            form.at.errors = ["Give a date and time, for example 22/11/2026 06:00."]
    else:
        form.at.data = belize_local(at)
    counts = count_by_unit(moment)
    unit, unit_error = _chosen_unit(request.args.get("unit", ""), counts["rows"])
    return render_template(
        "prison_ims/roll.html",
        form=form,
        at=at,
        entries=roll(moment, unit=unit["key"]) if unit else [],
        unit=unit,
        unit_error=unit_error,
        counts=counts,
        states=STATES,
        statuses=LEGAL_STATUSES,
    )


def _unit_choice(row):
    """The roll's link key and label for one row of the count by unit."""
    if row["unit"] is None:
        return {"key": NO_CELL, "arg": NO_CELL, "label": "No cell allocated"}
    return {"key": row["unit"].id, "arg": row["unit"].code, "label": row["unit"].name}


def _chosen_unit(arg, rows):
    """(the unit whose persons are listed, or None; an error for an unknown unit code)."""
    if arg == ALL_UNITS:
        return {"key": ALL_UNITS, "arg": ALL_UNITS, "label": "all units"}, None
    choices = [_unit_choice(r) for r in rows]
    if arg:
        chosen = next((c for c in choices if c["arg"].lower() == arg.lower()), None)
        if chosen is None:
            return None, f"There is no housing unit '{arg}': choose one from the count above."
        return chosen, None
    occupied = [c for c, r in zip(choices, rows, strict=True) if r["custody"]]
    return (occupied[0] if occupied else None), None
