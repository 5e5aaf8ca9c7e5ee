"""Routes of the movement and roll screens."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.movements import views

bp = Blueprint("movements", __name__, url_prefix="/movements")
bp.add_url_rule("/roll", "roll", requires("prison.view")(views.roll_view))
bp.add_url_rule(
    "/record/<int:admission_id>",
    "record",
    requires("prison.movement.record")(views.record),
    methods=["POST"],
)
