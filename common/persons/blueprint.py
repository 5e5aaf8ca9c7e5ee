"""Routes of the person index screens."""

from flask import Blueprint

from common.identity.access import requires
from common.persons import views

bp = Blueprint("persons", __name__, url_prefix="/persons")
bp.add_url_rule("/", "search", requires("persons.search")(views.search))
bp.add_url_rule("/<public_id>", "detail", requires("persons.search")(views.detail))
