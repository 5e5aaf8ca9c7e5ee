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
bp.add_url_rule("/roll.pdf", "roll", requires("prison.view")(views.roll_pdf))
bp.add_url_rule(
    "/admissions/<int:admission_id>/record-sheet.pdf",
    "record_sheet",
    requires("prison.view")(views.record_sheet_pdf),
)
bp.add_url_rule(
    "/admissions/<int:admission_id>/file-summary.pdf",
    "file_summary",
    requires("prison.view")(views.file_summary_pdf),
)
