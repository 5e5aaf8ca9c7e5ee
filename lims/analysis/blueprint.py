"""Routes of requests, results, reviews, workload and qualifications."""

from flask import Blueprint

from common.identity.access import requires
from lims.analysis import views

bp = Blueprint("analysis", __name__)
GP = ["GET", "POST"]
bp.add_url_rule(
    "/cases/<int:case_id>/requests/new",
    "new",
    requires("lims.request.create")(views.new_request),
    methods=GP,
)
bp.add_url_rule("/requests/", "index", requires("lims.view")(views.index))
bp.add_url_rule("/requests/<int:request_id>", "detail", requires("lims.view")(views.detail))
bp.add_url_rule(
    "/requests/<int:request_id>/assign",
    "assign",
    requires("lims.request.assign")(views.assign),
    methods=["POST"],
)
bp.add_url_rule(
    "/requests/<int:request_id>/result",
    "result",
    requires("lims.result.record")(views.record_result),
    methods=GP,
)
bp.add_url_rule(
    "/results/<int:result_id>/review",
    "review",
    requires("lims.review.perform")(views.review),
    methods=["POST"],
)
bp.add_url_rule("/workload", "workload", requires("lims.view")(views.workload))
bp.add_url_rule("/qualifications", "qualifications", requires("lims.view")(views.qualifications))
bp.add_url_rule(
    "/qualifications/new", "grant", requires("lims.staff.manage")(views.grant), methods=["POST"]
)
