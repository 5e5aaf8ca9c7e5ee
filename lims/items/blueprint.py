"""Routes of the item, custody, storage and barcode screens."""

from flask import Blueprint

from common.identity.access import requires
from lims.items import views

bp = Blueprint("items", __name__)
GP = ["GET", "POST"]
bp.add_url_rule(
    "/cases/<int:case_id>/items/new",
    "new",
    requires("lims.item.create")(views.new_item),
    methods=GP,
)
bp.add_url_rule("/items/<int:item_id>", "detail", requires("lims.view")(views.detail))
bp.add_url_rule(
    "/items/<int:item_id>/divide",
    "divide",
    requires("lims.item.create")(views.new_sub_item),
    methods=GP,
)
bp.add_url_rule(
    "/items/<int:item_id>/transfer",
    "transfer",
    requires("lims.custody.transfer")(views.transfer),
    methods=["POST"],
)
bp.add_url_rule(
    "/items/<int:item_id>/hold",
    "hold",
    requires("lims.disposition.authorise")(views.hold),
    methods=["POST"],
)
bp.add_url_rule(
    "/items/<int:item_id>/custody.pdf", "custody_form", requires("lims.view")(views.custody_form)
)
bp.add_url_rule("/scan", "scan", requires("lims.view")(views.scan))
bp.add_url_rule("/storage/", "storage", requires("lims.view")(views.storage))
bp.add_url_rule(
    "/storage/new",
    "new_location",
    requires("lims.storage.manage")(views.new_location),
    methods=["POST"],
)
bp.add_url_rule("/storage/<int:location_id>", "location", requires("lims.view")(views.location))
bp.add_url_rule(
    "/storage/labels.pdf", "storage_labels", requires("lims.view")(views.storage_labels)
)
