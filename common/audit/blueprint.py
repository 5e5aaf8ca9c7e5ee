"""Routes for browsing the audit trail (read-only: no route edits or deletes)."""

from flask import Blueprint

from common.audit import views
from common.identity.access import requires

bp = Blueprint("audit", __name__, url_prefix="/audit")
bp.add_url_rule("/", "browse", requires("audit.view")(views.browse))
