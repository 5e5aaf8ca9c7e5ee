"""Routes of the Prison IMS home page and population dashboard."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.dashboard import views

bp = Blueprint("dashboard", __name__)
bp.add_url_rule("/", "home", requires("prison.view")(views.home))
bp.add_url_rule("/dashboard", "dashboard", requires("prison.dashboard.view")(views.dashboard))
