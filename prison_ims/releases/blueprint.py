"""Routes of the release screen."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.releases import views

bp = Blueprint("releases", __name__, url_prefix="/releases")
bp.add_url_rule(
    "/<int:admission_id>",
    "release",
    requires("prison.release.record")(views.release),
    methods=["GET", "POST"],
)
bp.add_url_rule("/", "due", requires("prison.view")(views.due))
