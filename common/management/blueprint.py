"""Routes of the management dashboard."""

from flask import Blueprint

from common.identity.access import requires
from common.management import views

bp = Blueprint("management", __name__, url_prefix="/management")
bp.add_url_rule("/", "dashboard", requires("management.dashboard.view")(views.dashboard))
