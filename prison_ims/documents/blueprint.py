"""Routes of the printed documents (PDF)."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.documents import views

bp = Blueprint("documents", __name__, url_prefix="/documents")
bp.add_url_rule(
    "/calculations/<int:calculation_id>/working.pdf",
    "working",
    requires("prison.view")(views.working),
)
bp.add_url_rule(
    "/releases/<int:release_id>/certificate.pdf",
    "certificate",
    requires("prison.view")(views.certificate),
)
