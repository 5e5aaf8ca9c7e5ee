"""Routes of the metrics dashboard."""

from flask import Blueprint

from common.identity.access import requires
from lims.metrics import views

bp = Blueprint("metrics", __name__)
bp.add_url_rule("/metrics", "page", requires("lims.metrics.view")(views.page))
