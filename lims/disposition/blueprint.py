"""Routes of the disposition screens."""

from flask import Blueprint

from common.identity.access import requires
from lims.disposition import views

bp = Blueprint("disposition", __name__)
bp.add_url_rule(
    "/items/<int:item_id>/dispose",
    "new",
    requires("lims.disposition.authorise")(views.new),
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/dispositions/<int:disposition_id>/receipt.pdf",
    "receipt",
    requires("lims.view")(views.receipt),
)
