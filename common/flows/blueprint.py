"""Routes of the remand delay report."""

from flask import Blueprint

from common.flows import views
from common.identity.access import requires

bp = Blueprint("flows", __name__, url_prefix="/flows")
bp.add_url_rule("/remand-delay", "remand_delay", requires("flows.delay.view")(views.remand_delay))
