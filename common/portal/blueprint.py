"""Routes of the start page."""

from flask import Blueprint

from common.identity.access import requires
from common.portal import views

bp = Blueprint("portal", __name__)
bp.add_url_rule("/", "index", requires("portal.view")(views.index))
