"""Thin views: case list, intake, case page, persons, case custody form and labels."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from common.audit.services import commit_view_entry
from common.extensions import db
from common.formerrors import attach_error
from common.iccs.choices import offence_choices
from common.links.forms import LinkForm
from common.links.services import court_cases_of_lab_case
from common.pdf import pdf_response
from common.persons.index_store import find_candidates
from lims.custody.pdf import custody_pdf
from lims.errors import LimsError
from lims.intake import services
from lims.intake.forms import CaseForm, CasePersonForm
from lims.intake.models import LabCase
from lims.items.labels import item_labels, label_sheet
from lims.times import belize_local, now_utc


def index():
    """Cases, newest first, with search."""
    q = request.args.get("q", "").strip()[:100]
    page = services.search_cases(q, request.args.get("page", 1, type=int))
    return render_template("lims/cases_list.html", page=page, q=q, filters={"q": q} if q else {})


def new():
    """Open a case for a submission from an agency."""
    form = CaseForm()
    form.national_offence_id.choices = [("", "Choose…"), *offence_choices()]
    if request.method == "GET":
        form.received_at.data = belize_local(now_utc())
    if form.validate_on_submit():
        try:
            case = services.create_case(form.case_data(), current_user.id)
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Case opened: lab number {case.lab_number}.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    return render_template("lims/case_form.html", form=form)


def detail(case_id):
    """One case: submission, persons, items, requests."""
    case = services.case_for_view(case_id) or abort(404)
    commit_view_entry(db.session)
    return render_template(
        "lims/case_detail.html",
        case=case,
        court_cases=court_cases_of_lab_case(case.id),
        link_form=LinkForm(),
    )


def add_person(case_id):
    """Add a suspect, victim or deceased person through the person index."""
    case = db.session.get(LabCase, case_id) or abort(404)
    form = CasePersonForm()
    chosen = request.form.get("person_id", "")
    if form.validate_on_submit():
        try:
            link = services.add_person(case, form.role.data, chosen or None, form.identity())
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{link.name} added as {link.role_label.lower()}.", "success")
            return redirect(url_for("cases.detail", case_id=case.id))
    candidates = []
    if request.method == "POST" and form.surname.data:
        candidates = find_candidates(form.identity(), limit=8)
    return render_template(
        "lims/person_form.html", case=case, form=form, candidates=candidates, chosen=chosen
    )


def custody_form(case_id):
    """The chain-of-custody form of every item of the case (PDF)."""
    case = db.session.get(LabCase, case_id) or abort(404)
    data = custody_pdf(case, case.items, printed_by=current_user.email)
    return pdf_response(data, f"custody-{case.lab_number}.pdf")


def labels(case_id):
    """Barcode labels for every item of the case (PDF)."""
    case = db.session.get(LabCase, case_id) or abort(404)
    data = label_sheet(
        f"Item labels — {case.lab_number}", item_labels(case.items), current_user.email
    )
    return pdf_response(data, f"labels-{case.lab_number}.pdf")
