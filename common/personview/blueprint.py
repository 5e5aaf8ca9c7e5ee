"""Routes of the person view."""

from flask import Blueprint

from common.identity.access import requires
from common.personview import views

bp = Blueprint("personview", __name__, url_prefix="/people")
bp.add_url_rule("/<public_id>", "page", requires("persons.search")(views.page))
