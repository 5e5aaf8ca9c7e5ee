"""Routes of the case intake screens."""

from flask import Blueprint

from common.identity.access import requires
from lims.intake import views

bp = Blueprint("cases", __name__, url_prefix="/cases")
bp.add_url_rule("/", "index", requires("lims.view")(views.index))
bp.add_url_rule("/new", "new", requires("lims.case.create")(views.new), methods=["GET", "POST"])
bp.add_url_rule("/<int:case_id>", "detail", requires("lims.view")(views.detail))
bp.add_url_rule(
    "/<int:case_id>/persons/new",
    "add_person",
    requires("lims.case.create")(views.add_person),
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/<int:case_id>/custody.pdf", "custody_form", requires("lims.view")(views.custody_form)
)
bp.add_url_rule("/<int:case_id>/labels.pdf", "labels", requires("lims.view")(views.labels))
