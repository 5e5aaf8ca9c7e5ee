"""Routes of the remand screens."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.remand import views

bp = Blueprint("remand", __name__, url_prefix="/remand")
bp.add_url_rule("/", "index", requires("prison.view")(views.index))
bp.add_url_rule("/admission/<int:admission_id>", "detail", requires("prison.view")(views.detail))
bp.add_url_rule(
    "/admission/<int:admission_id>/court-date",
    "add_court_date",
    requires("prison.court_date.record")(views.add_court_date),
    methods=["POST"],
)
