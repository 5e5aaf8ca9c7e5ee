"""Routes of the housing screens."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.housing import views

bp = Blueprint("housing", __name__, url_prefix="/housing")
bp.add_url_rule("/", "index", requires("prison.view")(views.index))
bp.add_url_rule(
    "/allocate/<int:admission_id>",
    "allocate",
    requires("prison.housing.allocate")(views.allocate_cell),
    methods=["POST"],
)
