"""Thin views: case list, filing, the case page, parties, charges and outcomes."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from common.audit.services import commit_view_entry
from common.extensions import db
from common.formerrors import attach_error
from common.iccs.choices import offence_choices
from common.locking import ConflictError
from common.persons.index_store import find_candidates
from common.timefmt import belize_today
from court_cms.caseforms import Refused
from court_cms.cases import services
from court_cms.cases.forms import CaseForm, ChargeForm, OutcomeForm, PartyForm, StatusForm
from court_cms.cases.models import CASE_STATUSES, Case, Charge, Party
from court_cms.errors import CourtError
from court_cms.reference.models import Court


def court_choices():
    """(id, name) of the active courts."""
    courts = db.session.scalars(select(Court).where(Court.active.is_(True)).order_by(Court.name))
    return [(c.id, c.name) for c in courts]


def index():
    """Cases, newest first, searchable by number, police number or party."""
    q = request.args.get("q", "").strip()[:100]
    court_id = request.args.get("court", type=int)
    status = request.args.get("status", "")
    page = services.search_cases(q, court_id, status, request.args.get("page", 1, type=int))
    filters = {k: v for k, v in (("q", q), ("court", court_id), ("status", status)) if v}
    return render_template(
        "court_cms/cases_list.html",
        page=page,
        q=q,
        court_id=court_id,
        status=status,
        filters=filters,
        courts=court_choices(),
        statuses=CASE_STATUSES,
    )


def new():
    """File a new case."""
    form = CaseForm()
    form.court_id.choices = [(0, "Choose…"), *court_choices()]
    if request.method == "GET":
        form.filed_on.data = belize_today()
    if form.validate_on_submit():
        try:
            case = services.file_case(form.data_dict(), current_user.id)
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Case {case.case_number} filed.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    return render_template("court_cms/case_form.html", form=form)


def detail(case_id):
    """The case page: parties and charges, hearings, orders, sentences, history."""
    case = services.case_for_view(case_id) or abort(404)
    commit_view_entry(db.session)
    return render_case(case)


def render_case(case, **forms):
    """The case page with the forms that act on it (a refused form keeps its errors)."""
    from court_cms.casepage import case_page_context

    return render_template("court_cms/case_detail.html", **case_page_context(case, forms))


def add_party(case_id):
    """Add a defendant, complainant or witness, found in or added to the person index."""
    case = db.session.get(Case, case_id) or abort(404)
    form = PartyForm()
    chosen = request.form.get("person_id", "")
    if form.validate_on_submit():
        try:
            party = services.add_party(
                case,
                form.role.data,
                chosen or None,
                form.identity(),
                (form.counsel.data or "").strip(),
                form.in_custody.data,
            )
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{party.name} added as {party.role.lower()}.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    candidates = []
    if request.method == "POST" and form.surname.data:
        candidates = find_candidates(form.identity(), limit=8)
    return render_template(
        "court_cms/party_form.html", case=case, form=form, candidates=candidates, chosen=chosen
    )


def add_charge(case_id):
    """Lay a count against a defendant."""
    case = db.session.get(Case, case_id) or abort(404)
    form = ChargeForm()
    form.offence.choices = offence_choices()
    party = db.session.get(Party, int(form.party_id.data or 0)) if form.party_id.data else None
    if form.validate_on_submit() and party is not None and party.case_id == case.id:
        valid = {v for v, _ in form.offence.choices}
        try:
            if form.offence.data not in valid:
                raise CourtError("Choose the offence from the list.", "offence")
            services.add_charge(
                party, int(form.offence.data), (form.particulars.data or "").strip()
            )
        except CourtError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Charge added.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    elif party is None or party.case_id != case.id:
        form.form_errors.append("Choose a defendant of this case.")
    return render_case(case, charge_form=form), 422


def charge_outcome(case_id, charge_id):
    """Record plea, verdict and disposition of one charge."""
    charge = db.session.get(Charge, charge_id) or abort(404)
    if charge.party.case_id != case_id:
        abort(404)
    form = OutcomeForm()
    if form.validate_on_submit():
        try:
            services.record_outcome(charge, form.outcome(), form.version.data, current_user.id)
        except (CourtError, ConflictError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Count {charge.count_number} updated.", "success")
            return redirect(url_for("cases.detail", case_id=case_id))
    charge = db.session.get(Charge, charge_id)
    return render_case(charge.party.case, refused=Refused("count-outcome", form, charge.id)), 422


def change_status(case_id):
    """Reopen or transfer a case."""
    case = db.session.get(Case, case_id) or abort(404)
    form = StatusForm()
    if form.validate_on_submit():
        try:
            services.change_status(
                case,
                form.status.data,
                form.changed_on.data,
                form.reason.data,
                form.version.data,
                current_user.id,
            )
        except (CourtError, ConflictError) as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Status changed; the change is kept in the history.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    return render_case(db.session.get(Case, case_id), refused=Refused("status", form)), 422
