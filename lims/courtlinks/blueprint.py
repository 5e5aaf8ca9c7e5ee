"""Routes linking a lab case to court cases."""

from flask import Blueprint

from common.identity.access import requires
from lims.courtlinks import views

bp = Blueprint("courtlinks", __name__)
bp.add_url_rule(
    "/cases/<int:case_id>/court-links",
    "link",
    requires("lims.court_link.create")(views.link),
    methods=["POST"],
)
