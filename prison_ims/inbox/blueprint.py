"""Routes of the prison's inbox of court orders."""

from flask import Blueprint

from common.identity.access import requires
from common.inbox.services import pending_count
from prison_ims.inbox import views

bp = Blueprint("inbox", __name__, url_prefix="/inbox")
ACCEPT = requires("prison.inbox.accept")
bp.add_url_rule("/", "index", requires("prison.inbox.view")(views.index))
bp.add_url_rule("/<int:item_id>", "detail", requires("prison.inbox.view")(views.detail))
bp.add_url_rule("/<int:item_id>/accept", "accept", ACCEPT(views.accept), methods=["POST"])
bp.add_url_rule("/<int:item_id>/admit", "admit", ACCEPT(views.admit), methods=["GET", "POST"])
bp.add_url_rule("/<int:item_id>/reject", "reject", ACCEPT(views.reject), methods=["POST"])


@bp.app_context_processor
def inbox_badge():
    """`inbox_count()` for the menu badge (queried only where the menu shows it)."""
    return {"inbox_count": lambda: pending_count("prison")}
