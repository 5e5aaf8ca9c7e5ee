"""Routes of the visit and property screens."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.visits import views

bp = Blueprint("visits", __name__, url_prefix="/visits")
bp.add_url_rule("/", "index", requires("prison.view")(views.index))
bp.add_url_rule(
    "/admission/<int:admission_id>",
    "record",
    requires("prison.visit.record")(views.visit),
    methods=["POST"],
)
bp.add_url_rule(
    "/admission/<int:admission_id>/property",
    "property",
    requires("prison.property.record")(views.property_movement),
    methods=["POST"],
)
