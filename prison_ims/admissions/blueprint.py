"""Routes of the admission screens."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.admissions import views

bp = Blueprint("admissions", __name__, url_prefix="/admissions")
bp.add_url_rule("/", "index", requires("prison.view")(views.index))
bp.add_url_rule(
    "/new", "new", requires("prison.admission.create")(views.new), methods=["GET", "POST"]
)
bp.add_url_rule("/<int:admission_id>", "detail", requires("prison.view")(views.detail))
bp.add_url_rule("/<int:admission_id>/photo", "photo", requires("prison.view")(views.photo))
bp.add_url_rule(
    "/<int:admission_id>/status",
    "change_status",
    requires("prison.status.change")(views.change_status),
    methods=["POST"],
)
