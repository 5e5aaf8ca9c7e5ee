"""Routes of the sentence and release-date screens."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.sentences import views

bp = Blueprint("sentences", __name__, url_prefix="/sentences")
bp.add_url_rule("/<int:admission_id>", "page", requires("prison.view")(views.page))
RECORD = requires("prison.sentence.record")
bp.add_url_rule("/<int:admission_id>/add", "add", RECORD(views.add), methods=["POST"])
bp.add_url_rule("/<int:admission_id>/remand", "remand", RECORD(views.remand), methods=["POST"])
bp.add_url_rule(
    "/<int:admission_id>/recalculate",
    "recalculate",
    RECORD(views.recalculate_view),
    methods=["POST"],
)
bp.add_url_rule(
    "/<int:admission_id>/override",
    "override",
    requires("prison.record.correct")(views.override),
    methods=["POST"],
)
bp.add_url_rule(
    "/calculations/<int:calculation_id>/confirm",
    "confirm",
    requires("prison.release_date.confirm")(views.confirm),
    methods=["POST"],
)
