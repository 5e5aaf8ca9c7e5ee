"""Routes of the report screens."""

from flask import Blueprint

from common.identity.access import requires
from lims.reports import views

bp = Blueprint("reports", __name__)
bp.add_url_rule(
    "/requests/<int:request_id>/release",
    "release",
    requires("lims.report.release")(views.release),
    methods=["POST"],
)
bp.add_url_rule("/reports/<int:report_id>.pdf", "download", requires("lims.view")(views.download))
bp.add_url_rule(
    "/reports/<int:report_id>/amend",
    "amend",
    requires("lims.report.release")(views.amend),
    methods=["GET", "POST"],
)
