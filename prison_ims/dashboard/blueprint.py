"""Routes of the Prison IMS home page."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.dashboard import views

bp = Blueprint("dashboard", __name__)
bp.add_url_rule("/", "home", requires("prison.view")(views.home))
