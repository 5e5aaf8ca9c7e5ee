"""Thin views: the conduct page of an admission, incidents, charges and complaints."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.locking import ConflictError
from prison_ims.admissions.models import Admission
from prison_ims.conduct_settings import conduct_setting
from prison_ims.discipline import services
from prison_ims.discipline.forms import (
    AdjudicationForm,
    ChargeForm,
    ComplaintForm,
    ComplaintStepForm,
    IncidentForm,
)
from prison_ims.discipline.models import CHARGE_STATUSES, COMPLAINT_STATUSES, Complaint
from prison_ims.discipline.models import DisciplinaryCharge as Charge
from prison_ims.movements.services import current_state
from prison_ims.times import belize_local, now_utc
from prison_ims.visits.forms import PropertyForm, VisitForm
from prison_ims.visits.services import VisitError, held_property, property_movements, visits_of


def _now_default(*fields):
    for f in fields:
        if f.data is None:
            f.data = belize_local(now_utc())


def render_conduct(admission, **forms):
    """The conduct and contact page of an admission, with the forms that act on it."""
    charge_form = forms.get("charge_form") or ChargeForm()
    complaint_form = forms.get("complaint_form") or ComplaintForm()
    visit_form = forms.get("visit_form") or VisitForm()
    property_form = forms.get("property_form") or PropertyForm()
    _now_default(
        charge_form.charged_at,
        complaint_form.received_at,
        visit_form.visited_at,
        property_form.occurred_at,
    )
    return render_template(
        "prison_ims/conduct.html",
        admission=admission,
        state=current_state(admission.id),
        incidents=services.incidents_of(admission.id),
        charges=services.charges_of(admission.id),
        complaints=services.complaints_of(admission.id),
        visits=visits_of(admission.id),
        held=held_property(admission),
        property_moves=property_movements(admission.id),
        forfeited=services.forfeited_days_for_admission(admission.id),
        charge_form=charge_form,
        complaint_form=complaint_form,
        visit_form=visit_form,
        property_form=property_form,
        failed_adjudication=forms.get("adjudication"),
        failed_step=forms.get("step"),
        offences=conduct_setting("PRISON_DISCIPLINARY_OFFENCES"),
        awards=conduct_setting("PRISON_AWARD_TYPES"),
        categories=conduct_setting("PRISON_COMPLAINT_CATEGORIES"),
        AdjudicationForm=AdjudicationForm,
        ComplaintStepForm=ComplaintStepForm,
    )


def act(admission_id, form, form_key, action, message):
    """Run a state-changing action from a posted form: commit and go back, or show why not."""
    if form.validate_on_submit():
        try:
            action()
        except ConflictError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        except (services.ConductError, VisitError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(message, "success")
            return redirect(url_for("discipline.conduct", admission_id=admission_id))
    admission = db.session.get(Admission, admission_id)
    return render_conduct(admission, **{form_key: form})


def conduct(admission_id):
    """Incidents, charges, complaints, visits and property of one admission."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    return render_conduct(admission)


def lay_charge(admission_id):
    """Lay a disciplinary charge."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = ChargeForm()
    return act(
        admission_id,
        form,
        "charge_form",
        lambda: services.lay_charge(admission, form.charge_data(), current_user.id),
        "Charge laid; a supervisor will adjudicate it.",
    )


def adjudicate(charge_id):
    """The supervisor's finding and award on a charge."""
    charge = db.session.get(Charge, charge_id) or abort(404)
    form = AdjudicationForm()
    form.charge_id = charge.id
    award = (form.award.data, form.days.data, form.forfeited_days.data)
    return act(
        charge.admission_id,
        form,
        "adjudication",
        lambda: services.adjudicate(
            charge,
            form.finding.data,
            form.reason.data,
            award if award[0] else None,
            form.version.data,
            current_user.id,
        ),
        "Charge adjudicated.",
    )


def receive_complaint(admission_id):
    """Record a complaint or an ill-treatment allegation."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = ComplaintForm()
    return act(
        admission_id,
        form,
        "complaint_form",
        lambda: services.receive_complaint(admission, form.complaint_data(), current_user.id),
        "Complaint recorded as received.",
    )


def complaint_step(complaint_id):
    """Take a complaint to its next handling status."""
    complaint = db.session.get(Complaint, complaint_id) or abort(404)
    form = ComplaintStepForm()
    form.complaint_id = complaint.id
    return act(
        complaint.admission_id,
        form,
        "step",
        lambda: services.move_complaint(
            complaint,
            form.status.data,
            form.note.data,
            form.referred_to.data,
            form.version.data,
            current_user.id,
        ),
        "Complaint status recorded.",
    )


def new_incident():
    """Record an incident and the people involved."""
    form = IncidentForm()
    if request.method == "GET":
        _now_default(form.occurred_at)
    if form.validate_on_submit():
        try:
            incident = services.record_incident(
                form.incident_data(), form.party_lines(), current_user.id
            )
        except services.ConductError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Incident {incident.id} recorded.", "success")
            return redirect(url_for("discipline.incidents"))
    return render_template("prison_ims/incident_form.html", form=form)


def incidents():
    """Incidents, newest first, filtered by type."""
    kind = request.args.get("kind", "")
    page = services.search_incidents(kind, request.args.get("page", 1, type=int))
    return render_template(
        "prison_ims/incidents.html",
        page=page,
        kind=kind,
        kinds=conduct_setting("PRISON_INCIDENT_TYPES"),
        filters={"kind": kind} if kind else {},
    )


def charges():
    """Disciplinary charges, newest first, filtered by status."""
    status = request.args.get("status", "")
    page = services.search_charges(status, request.args.get("page", 1, type=int))
    return render_template(
        "prison_ims/charges.html",
        page=page,
        status=status,
        statuses=CHARGE_STATUSES,
        offences=conduct_setting("PRISON_DISCIPLINARY_OFFENCES"),
        awards=conduct_setting("PRISON_AWARD_TYPES"),
        filters={"status": status} if status else {},
    )


def complaints():
    """Complaints, newest first, filtered by category and status."""
    category = request.args.get("category", "")
    status = request.args.get("status", "")
    page = services.search_complaints(category, status, request.args.get("page", 1, type=int))
    filters = {k: v for k, v in (("category", category), ("status", status)) if v}
    return render_template(
        "prison_ims/complaints.html",
        page=page,
        category=category,
        status=status,
        categories=conduct_setting("PRISON_COMPLAINT_CATEGORIES"),
        statuses=COMPLAINT_STATUSES,
        filters=filters,
    )
