"""Thin views: occupancy per unit, and placing a person in a cell."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from common.extensions import db
from prison_ims.admissions.models import Admission
from prison_ims.admissions.views import render_detail
from prison_ims.housing.forms import AllocationForm
from prison_ims.housing.models import REGIMES, Cell
from prison_ims.housing.services import HousingError, allocate, cell_choices, unit_occupancy


def index():
    """Units, blocks, capacity and persons allocated now."""
    return render_template("prison_ims/housing.html", units=unit_occupancy(), regimes=REGIMES)


def allocate_cell(admission_id):
    """Place a person in a cell or move them; refusals give every reason."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = AllocationForm()
    form.cell.choices = [(0, "Choose…"), *cell_choices(admission)]
    if form.validate_on_submit():
        cell = db.session.get(Cell, form.cell.data)
        try:
            if cell is None:
                raise HousingError("Choose a cell from the list.")
            allocation = allocate(
                admission,
                cell,
                reason=form.reason.data,
                override_reason=form.override_reason.data,
                may_override=current_user.has_permission("prison.housing.override"),
                user_id=current_user.id,
            )
        except HousingError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            flash(f"{admission.booking_number} placed in cell {allocation.cell.label}.", "success")
            return redirect(url_for("admissions.detail", admission_id=admission.id))
    admission = db.session.get(Admission, admission_id)
    return render_detail(admission, allocation_form=form)
