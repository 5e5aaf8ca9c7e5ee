"""Thin views: record a visit or a property movement; the visits list."""

from flask import abort, render_template, request
from flask_login import current_user

from common.extensions import db
from prison_ims.admissions.models import Admission
from prison_ims.discipline.views import act
from prison_ims.visits.forms import PropertyForm, VisitForm
from prison_ims.visits.models import VISIT_KINDS
from prison_ims.visits.services import record_property, record_visit, search_visits


def visit(admission_id):
    """Record a visit."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = VisitForm()
    return act(
        admission_id,
        form,
        "visit_form",
        lambda: record_visit(admission, form.visit_data(), current_user.id),
        "Visit recorded.",
    )


def property_movement(admission_id):
    """Receive property into store or hand it out."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = PropertyForm()
    return act(
        admission_id,
        form,
        "property_form",
        lambda: record_property(admission, form.property_data(), current_user.id),
        "Property movement recorded.",
    )


def index():
    """Visits, newest first, filtered by visitor name and kind."""
    q = request.args.get("q", "").strip()[:100]
    kind = request.args.get("kind", "")
    page = search_visits(q, kind, request.args.get("page", 1, type=int))
    filters = {k: v for k, v in (("q", q), ("kind", kind)) if v}
    return render_template(
        "prison_ims/visits.html", page=page, q=q, kind=kind, kinds=VISIT_KINDS, filters=filters
    )
