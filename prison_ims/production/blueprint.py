"""Routes of the production list."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.production import views

bp = Blueprint("production", __name__, url_prefix="/production")
bp.add_url_rule("/", "page", requires("prison.view")(views.page))
bp.add_url_rule("/pdf", "pdf", requires("prison.view")(views.pdf))
