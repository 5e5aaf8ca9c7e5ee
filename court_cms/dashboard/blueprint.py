"""Routes of the Court case tracker home page."""

from flask import Blueprint

from common.identity.access import requires
from court_cms.dashboard import views

bp = Blueprint("dashboard", __name__)
bp.add_url_rule("/", "home", requires("court.view")(views.home))
