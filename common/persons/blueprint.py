"""Routes of the person index screens."""

from flask import Blueprint

from common.identity.access import requires
from common.persons import views

bp = Blueprint("persons", __name__, url_prefix="/persons")
bp.add_url_rule("/", "search", requires("persons.search")(views.search))
bp.add_url_rule("/candidates", "candidates", requires("persons.search")(views.candidates))
bp.add_url_rule("/review/", "review_queue", requires("persons.review")(views.review_queue))
bp.add_url_rule(
    "/review/<int:review_id>",
    "review",
    requires("persons.review")(views.review),
    methods=["GET", "POST"],
)
bp.add_url_rule("/merges/", "merges", requires("persons.review")(views.merges))
bp.add_url_rule(
    "/merges/<int:merge_id>/undo",
    "unmerge",
    requires("persons.review")(views.undo),
    methods=["GET", "POST"],
)
bp.add_url_rule("/<public_id>", "detail", requires("persons.search")(views.detail))
