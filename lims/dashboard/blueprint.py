"""Routes of the Forensic LIMS home page."""

from flask import Blueprint

from common.identity.access import requires
from lims.dashboard import views

bp = Blueprint("dashboard", __name__)
bp.add_url_rule("/", "home", requires("lims.view")(views.home))
