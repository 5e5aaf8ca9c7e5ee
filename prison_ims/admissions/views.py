"""Thin views: admissions list, new admission, admission record, change of legal status."""

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from common.audit.services import commit_view_entry
from common.extensions import db
from common.formerrors import attach_error
from common.iccs.choices import offence_choices
from common.locking import ConflictError
from common.persons.index_store import find_candidates
from prison_ims.admissions.forms import AdmissionForm, StatusChangeForm
from prison_ims.admissions.models import LEGAL_STATUSES, Admission
from prison_ims.admissions.photos import photo_path, store_photo
from prison_ims.admissions.services import (
    AdmissionError,
    admission_for_view,
    change_legal_status,
    create_admission,
    search_admissions,
)
from prison_ims.housing.forms import AllocationForm
from prison_ims.housing.services import (
    allocations_of,
    cell_choices,
    current_allocation,
    separation_breaches,
)
from prison_ims.inbox.services import acceptances_of, case_links
from prison_ims.movements.forms import MovementForm
from prison_ims.movements.models import STATES
from prison_ims.movements.services import current_state, movements_of
from prison_ims.times import belize_local, now_utc


def index():
    """Admissions, newest first, with search and filters."""
    q = request.args.get("q", "").strip()[:100]
    status = request.args.get("status", "")
    custody = request.args.get("custody", "")
    page = search_admissions(q, status, custody, request.args.get("page", 1, type=int))
    filters = {k: v for k, v in (("q", q), ("status", status), ("custody", custody)) if v}
    return render_template(
        "prison_ims/admissions_list.html",
        page=page,
        q=q,
        status=status,
        custody=custody,
        filters=filters,
        statuses=LEGAL_STATUSES,
    )


def new():
    """Admit a person: authority first, then the person (index candidates), then Rule 7."""
    form = AdmissionForm()
    form.set_offence_choices(offence_choices())
    if request.method == "GET":
        form.admitted_at.data = belize_local(now_utc())
    chosen = request.form.get("person_id", "")
    if form.validate_on_submit():
        try:
            admission = create_admission(form.admission_data(), chosen or None, current_user.id)
            if form.photo.data:
                store_photo(admission, form.photo.data.read())
        except AdmissionError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Admitted: booking number {admission.booking_number}.", "success")
            return redirect(url_for("admissions.detail", admission_id=admission.id))
    candidates = []
    if request.method == "POST" and form.surname.data:
        candidates = find_candidates(form.identity(), limit=8)
    return render_template(
        "prison_ims/admission_form.html", form=form, candidates=candidates, chosen=chosen
    )


def render_detail(admission, status_form=None, allocation_form=None, movement_form=None):
    """The admission record with its histories and the forms that act on it."""
    state = current_state(admission.id)
    allocation = current_allocation(admission.id)
    misplaced = separation_breaches(admission, allocation.cell) if allocation else []
    allocation_form = allocation_form or AllocationForm()
    allocation_form.cell.choices = [(0, "Choose…"), *cell_choices(admission)]
    movement_form = movement_form or MovementForm()
    if movement_form.occurred_at.data is None:
        movement_form.occurred_at.data = belize_local(now_utc())
    return render_template(
        "prison_ims/admission_detail.html",
        admission=admission,
        state=state,
        state_label=STATES.get(state, "Not admitted"),
        allocation=allocation,
        misplaced=[text for _, text in misplaced],
        allocations=allocations_of(admission.id),
        movements=movements_of(admission.id),
        status_form=status_form or StatusChangeForm(version=admission.version),
        allocation_form=allocation_form,
        movement_form=movement_form,
        court_links=case_links(admission.id),
        court_items=acceptances_of(admission.id),
    )


def detail(admission_id):
    """One admission: authority, Rule 7 entries, offences, status, cells, movements."""
    admission = admission_for_view(admission_id) or abort(404)
    commit_view_entry(db.session)
    return render_detail(admission)


def change_status(admission_id):
    """Change the legal status; a stale form is refused."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = StatusChangeForm()
    if form.validate_on_submit():
        try:
            change_legal_status(
                admission, form.status.data, form.reason.data, form.version.data, current_user.id
            )
        except ConflictError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        except AdmissionError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Legal status changed; the change is kept in the history.", "success")
            return redirect(url_for("admissions.detail", admission_id=admission.id))
    return render_detail(db.session.get(Admission, admission_id), status_form=form)


def photo(admission_id):
    """The photograph taken at admission."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    found = photo_path(admission) or abort(404)
    return send_file(found[0], mimetype=found[1], max_age=0)
