"""Thin views: new item and sub-item, item page, transfer, legal hold, scan, storage."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from common.audit.services import commit_view_entry, record_event
from common.extensions import db
from common.formerrors import attach_error
from common.locking import ConflictError
from common.pdf import pdf_response
from lims.custody import services as custody
from lims.custody.forms import TransferForm
from lims.custody.pdf import custody_pdf
from lims.errors import LimsError
from lims.intake.models import LabCase
from lims.items import services
from lims.items.forms import HoldForm, ItemForm, LocationForm, ScanForm
from lims.items.labels import label_sheet, location_labels
from lims.items.models import Item, StorageLocation


def _item_form(case):
    form = ItemForm()
    form.container_id.choices = [("", "— not in a container —")] + [
        (str(i.id), f"{i.number} {i.type_label}") for i in case.items if i.state == "IN_LAB"
    ]
    return form


def new_item(case_id, parent_id=None):
    """Record an item received with the case (or a sub-item divided from one)."""
    case = db.session.get(LabCase, case_id) or abort(404)
    parent = db.session.get(Item, parent_id) if parent_id else None
    form = _item_form(case)
    if form.validate_on_submit():
        try:
            item = services.create_item(case, form.item_data(), current_user, parent)
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Item {item.number} recorded; it is in your custody.", "success")
            return redirect(url_for("items.detail", item_id=item.id))
    return render_template("lims/item_form.html", case=case, parent=parent, form=form)


def new_sub_item(item_id):
    """Divide an item into a sub-item (3 → 3.1)."""
    parent = db.session.get(Item, item_id) or abort(404)
    return new_item(parent.case_id, parent.id)


def render_item(item, transfer_form=None, hold_form=None):
    """The item page with its chain of custody and the forms that act on it."""
    transfer_form = transfer_form or TransferForm()
    transfer_form.to_user_id.choices = [("", "Choose…")] + [
        (str(u.id), custody.person_label(u)) for u in custody.custody_staff()
    ]
    transfer_form.to_location_id.choices = [("", "Choose…")] + [
        (str(loc.id), loc.path) for loc in services.all_locations()
    ]
    return render_template(
        "lims/item_detail.html",
        item=item,
        entries=custody.entries_of(item),
        problem=custody.chain_problem(item),
        transfer_form=transfer_form,
        hold_form=hold_form or HoldForm(version=item.version, hold=item.legal_hold),
    )


def detail(item_id):
    """One item: description, seals, sub-items, holder, chain of custody (verified)."""
    item = db.session.get(Item, item_id) or abort(404)
    record_event(db.session, "view", "Item", item.id, {"screen": "item"})
    commit_view_entry(db.session)
    return render_item(item)


def transfer(item_id):
    """Record a transfer; a receiver who does not authenticate is refused."""
    item = db.session.get(Item, item_id) or abort(404)
    form = TransferForm()
    if form.validate_on_submit():
        try:
            entry = custody.transfer(item, current_user, form.transfer_data())
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Transfer recorded: item {item.number} is now with {entry.to_label}.", "success")
            return redirect(url_for("items.detail", item_id=item.id))
    return render_item(db.session.get(Item, item_id), transfer_form=form), 422


def hold(item_id):
    """Put the item on legal hold or lift the hold."""
    item = db.session.get(Item, item_id) or abort(404)
    form = HoldForm()
    if form.validate_on_submit():
        try:
            services.set_legal_hold(item, form.hold.data, form.reason.data, form.version.data)
        except ConflictError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Legal hold " + ("set." if item.legal_hold else "lifted."), "success")
            return redirect(url_for("items.detail", item_id=item.id))
    return render_item(db.session.get(Item, item_id), hold_form=form), 422


def custody_form(item_id):
    """The item's chain-of-custody form (PDF)."""
    item = db.session.get(Item, item_id) or abort(404)
    data = custody_pdf(item.case, [item], printed_by=current_user.email)
    return pdf_response(data, f"custody-{item.barcode}.pdf")


def scan():
    """Find an item or a storage location by its barcode."""
    form = ScanForm(request.args)
    if form.code.data:
        try:
            kind, found = services.find_by_barcode(form.code.data)
        except LimsError as exc:
            attach_error(form, exc)
        else:
            if kind == "item":
                return redirect(url_for("items.detail", item_id=found.id))
            return redirect(url_for("items.location", location_id=found.id))
    return render_template("lims/scan.html", form=form), 404 if form.errors else 200


def storage(form=None):
    """The storage locations, nested, with their barcodes."""
    form = form or LocationForm()
    locations = services.all_locations()
    form.parent_id.choices = [("", "— none (a building) —")] + [
        (str(loc.id), loc.path) for loc in locations
    ]
    return render_template("lims/storage.html", locations=locations, form=form)


def new_location():
    """Add a storage location."""
    form = LocationForm()
    if form.validate_on_submit():
        try:
            location = services.create_location(form.kind.data, form.name.data, form.parent_id.data)
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"Location {location.path} added ({location.barcode}).", "success")
            return redirect(url_for("items.storage"))
    return storage(form), 422


def location(location_id):
    """One storage location and the items kept there now."""
    place = db.session.get(StorageLocation, location_id) or abort(404)
    page = services.items_kept_at(place, request.args.get("page", 1, type=int))
    return render_template("lims/location.html", location=place, page=page)


def storage_labels():
    """Barcode labels for every storage location (PDF)."""
    data = label_sheet(
        "Storage location labels", location_labels(services.all_locations()), current_user.email
    )
    return pdf_response(data, "storage-labels.pdf")
