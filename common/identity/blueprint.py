"""Routes for user administration."""

from flask import Blueprint

from common.identity import views
from common.identity.access import requires

bp = Blueprint("users", __name__, url_prefix="/admin/users")
bp.add_url_rule("/", "list", requires("users.manage")(views.user_list))
bp.add_url_rule(
    "/new", "create", requires("users.manage")(views.user_create), methods=["GET", "POST"]
)
bp.add_url_rule(
    "/<int:user_id>", "edit", requires("users.manage")(views.user_edit), methods=["GET", "POST"]
)
bp.add_url_rule(
    "/<int:user_id>/unlock", "unlock", requires("users.manage")(views.user_unlock), methods=["POST"]
)
