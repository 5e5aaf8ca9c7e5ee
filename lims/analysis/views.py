"""Thin views: new request, queue, request page, assignment, result, review, workload."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from common.extensions import db
from common.formerrors import attach_error
from common.identity.models import User
from common.locking import ConflictError
from lims.analysis import services
from lims.analysis.forms import AssignForm, QualificationForm, RequestForm, ResultForm, ReviewForm
from lims.analysis.models import DISCIPLINES, REQUEST_STATES, AnalysisRequest, Qualification, Result
from lims.errors import LimsError
from lims.intake.models import LabCase
from lims.reports.forms import AmendForm


def new_request(case_id):
    """Ask for an analysis of some of the case's items."""
    case = db.session.get(LabCase, case_id) or abort(404)
    form = RequestForm()
    form.item_ids.choices = [
        (str(i.id), f"{i.number} {i.type_label}: {i.description[:60]}")
        for i in case.items
        if i.state == "IN_LAB"
    ]
    if form.validate_on_submit():
        try:
            req = services.create_request(case, form.request_data())
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{req.discipline_label} request {req.id} opened.", "success")
            return redirect(url_for("analysis.detail", request_id=req.id))
    return render_template("lims/request_form.html", case=case, form=form)


def index():
    """The request queue, filtered by state and discipline."""
    state = request.args.get("state", "")
    discipline = request.args.get("discipline", "")
    page = services.queue(state, discipline, request.args.get("page", 1, type=int))
    filters = {k: v for k, v in (("state", state), ("discipline", discipline)) if v}
    return render_template(
        "lims/requests_list.html",
        page=page,
        filters=filters,
        states=REQUEST_STATES,
        disciplines=DISCIPLINES,
        state=state,
        discipline=discipline,
    )


def render_request(req, assign_form=None, review_form=None):
    """The request page with the forms that act on it."""
    assign_form = assign_form or AssignForm(version=req.version)
    assign_form.analyst_id.choices = [("", "Choose…")] + [
        (str(u.id), u.full_name or u.email) for u in services.qualified_analysts(req.discipline)
    ]
    return render_template(
        "lims/request_detail.html",
        req=req,
        result=req.current_result,
        assign_form=assign_form,
        review_form=review_form or ReviewForm(),
        amend_form=AmendForm(),
    )


def detail(request_id):
    """One request: items, analyst, results, reviews, reports."""
    req = db.session.get(AnalysisRequest, request_id) or abort(404)
    return render_request(req)


def assign(request_id):
    """Assign the request to a qualified analyst."""
    req = db.session.get(AnalysisRequest, request_id) or abort(404)
    form = AssignForm()
    if form.validate_on_submit():
        analyst = db.session.get(User, int(form.analyst_id.data or 0))
        try:
            services.assign(req, analyst, form.version.data)
        except ConflictError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Assigned to {analyst.full_name or analyst.email}.", "success")
            return redirect(url_for("analysis.detail", request_id=req.id))
    return render_request(db.session.get(AnalysisRequest, request_id), assign_form=form), 422


def record_result(request_id):
    """The analyst records the result of their request."""
    req = db.session.get(AnalysisRequest, request_id) or abort(404)
    form = ResultForm()
    if form.validate_on_submit():
        try:
            services.record_result(req, current_user, form.data)
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Result recorded: it now goes to technical and administrative review.", "success")
            return redirect(url_for("analysis.detail", request_id=req.id))
    return render_template("lims/result_form.html", req=req, form=form)


def review(result_id):
    """Approve or reject a result (never the analyst's own)."""
    result = db.session.get(Result, result_id) or abort(404)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            done = services.review(
                result,
                form.kind.data,
                current_user,
                form.decision.data == "approve",
                form.reason.data,
            )
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            verdict = "approved" if done.approved else "rejected and returned to the analyst"
            flash(f"{done.kind_label} recorded: {verdict}.", "success")
            return redirect(url_for("analysis.detail", request_id=result.request_id))
    return render_request(db.session.get(Result, result_id).request, review_form=form), 422


def workload():
    """Open requests per analyst, and unassigned requests per discipline."""
    unassigned = db.session.execute(
        select(AnalysisRequest.discipline, db.func.count())
        .where(AnalysisRequest.state == "OPEN")
        .group_by(AnalysisRequest.discipline)
    ).all()
    return render_template(
        "lims/workload.html",
        rows=services.workload(),
        unassigned=[(DISCIPLINES.get(d, d), n) for d, n in unassigned],
    )


def qualifications(form=None):
    """Who is qualified in which discipline."""
    form = form or QualificationForm()
    analysts = [
        u
        for u in db.session.scalars(select(User).order_by(User.full_name))
        if services.can_be_qualified(u)
    ]
    form.user_id.choices = [("", "Choose…")] + [
        (str(u.id), u.full_name or u.email) for u in analysts
    ]
    rows = db.session.scalars(select(Qualification).order_by(Qualification.discipline))
    return render_template("lims/qualifications.html", rows=list(rows), form=form)


def grant():
    """Qualify an analyst in a discipline."""
    form = QualificationForm()
    if form.validate_on_submit():
        user = db.session.get(User, int(form.user_id.data or 0))
        try:
            services.grant_qualification(user, form.discipline.data, form.qualified_on.data)
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Qualification recorded.", "success")
            return redirect(url_for("analysis.qualifications"))
    return qualifications(form), 422
