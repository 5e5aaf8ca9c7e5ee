"""Items and sub-items, seals, condition on receipt, storage locations and legal hold."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from common.counters import take_next
from common.extensions import db
from common.locking import check_version
from lims.custody.services import record_first_entry
from lims.errors import LimsError
from lims.items.models import (
    CONDITIONS,
    ITEM_TYPES,
    LOCATION_KINDS,
    Item,
    ItemSeal,
    StorageLocation,
)
from lims.settings import setting

LOCATION_RANK = {"BUILDING": 0, "ROOM": 1, "FRIDGE": 2, "LOCKER": 2, "SHELF": 3}


def parse_seals(text):
    """Seal numbers from a comma- or line-separated text, in order, stripped."""
    parts = [p.strip() for chunk in (text or "").splitlines() for p in chunk.split(",")]
    return [p for p in parts if p]


def check_item_data(data):
    """Refuse an item without a type, description, condition or a sensible quantity."""
    if data.get("item_type") not in ITEM_TYPES:
        raise LimsError("Choose the item type.", "item_type")
    if not (data.get("description") or "").strip():
        raise LimsError("Describe the item as it was received.", "description")
    if data.get("condition") not in CONDITIONS:
        raise LimsError("Choose the condition on receipt.", "condition")
    if data["condition"] != "SEALED" and not (data.get("deviations") or "").strip():
        raise LimsError(
            "The item was not received sealed and intact: record the deviation "
            "(what is wrong, and whether the agency was told).",
            "deviations",
        )
    if not 1 <= int(data.get("quantity") or 0) <= 100000:
        raise LimsError("Give the quantity (1 or more).", "quantity")


def check_seals(case, seals):
    """Refuse a seal number given twice or already used on another item of the case."""
    seen = set()
    for seal in seals:
        if len(seal) > 40:
            raise LimsError(f"Seal number '{seal[:40]}…' is too long (40 characters at most).")
        if seal.upper() in seen:
            raise LimsError(f"Seal number {seal} is given twice: list each seal once.", "seals")
        seen.add(seal.upper())
        used = db.session.scalar(
            select(ItemSeal).where(ItemSeal.case_id == case.id, ItemSeal.seal_number == seal)
        )
        if used is not None:
            raise LimsError(
                f"Seal number {seal} is already recorded on item {used.item.number} of "
                f"{case.lab_number}: check the number on the seal (each seal is unique "
                "within a case).",
                "seals",
            )


def _container(case, container_id):
    if not container_id:
        return None
    container = db.session.get(Item, int(container_id))
    if container is None or container.case_id != case.id:
        raise LimsError("Choose a container from this case's items.", "container_id")
    return container


def create_item(case, data, receiver, parent=None):
    """Record an item (or a sub-item of `parent`) and its first custody entry; flushed.

    A new item passes from the submitting officer to `receiver`; a sub-item is divided
    from its parent by the person holding the parent.
    """
    check_item_data(data)
    seals = parse_seals(data.get("seals", ""))
    check_seals(case, seals)
    container = _container(case, data.get("container_id"))
    if parent is not None:
        _check_can_divide(parent, receiver)
        parent.sub_count += 1
        top, sub = parent.top_number, parent.sub_count
    else:
        case.item_count += 1
        top, sub = case.item_count, 0
    number = f"{top}.{sub}" if sub else str(top)
    item = Item(
        case=case,
        parent_id=parent.id if parent else None,
        container_id=container.id if container else None,
        top_number=top,
        sub_number=sub,
        barcode=f"{case.lab_number}-{number}",
        item_type=data["item_type"],
        description=data["description"].strip(),
        packaging=(data.get("packaging") or "").strip(),
        quantity=int(data.get("quantity") or 1),
        condition=data["condition"],
        deviations=(data.get("deviations") or "").strip(),
    )
    db.session.add(item)
    db.session.flush()
    for seal in seals:
        item.seals.append(ItemSeal(case_id=case.id, seal_number=seal))
    record_first_entry(item, case, receiver, parent, data.get("received_at"))
    db.session.flush()
    return item


def _check_can_divide(parent, user):
    if parent.state == "DISPOSED":
        raise LimsError(f"Item {parent.number} has been disposed: it cannot be divided.")
    if parent.sub_number:
        raise LimsError("Divide the main item, not a sub-item (3 → 3.1, 3.2).")
    if parent.custodian_id != user.id:
        raise LimsError(
            f"Item {parent.number} is held by {parent.holder_label}: the person holding an "
            "item divides it. Take it into your custody first."
        )


def set_legal_hold(item, hold, reason, version):
    """Put an item on legal hold (with the order or reason) or lift the hold."""
    check_version(item, version, f"Item {item.number}")
    reason = (reason or "").strip()
    if hold and not reason:
        raise LimsError("Give the reason for the hold (court order or request).", "reason")
    if item.state == "DISPOSED":
        raise LimsError(f"Item {item.number} has been disposed.")
    item.legal_hold = bool(hold)
    item.legal_hold_reason = reason if hold else ""
    db.session.flush()
    return item


def create_location(kind, name, parent_id=None):
    """Add a storage location under its parent, with a new barcode; flushed."""
    if kind not in LOCATION_KINDS:
        raise LimsError("Choose the kind of location.", "kind")
    name = (name or "").strip()
    if not name:
        raise LimsError("Give the location a name as written on it.", "name")
    parent = db.session.get(StorageLocation, int(parent_id)) if parent_id else None
    if kind == "BUILDING" and parent is not None:
        raise LimsError("A building is not inside another location.", "parent_id")
    if kind != "BUILDING" and parent is None:
        raise LimsError(
            f"Choose where the {LOCATION_KINDS[kind].lower()} is (its parent).", "parent_id"
        )
    if parent is not None and LOCATION_RANK[kind] <= LOCATION_RANK[parent.kind]:
        raise LimsError(
            f"A {LOCATION_KINDS[kind].lower()} cannot sit inside a "
            f"{parent.kind_label.lower()}: building > room > fridge/locker > shelf.",
            "kind",
        )
    barcode = f"LOC-{take_next('lims:location'):05d}"
    location = StorageLocation(kind=kind, name=name, parent_id=parent.id if parent else None)
    location.barcode = barcode
    db.session.add(location)
    db.session.flush()
    return location


def all_locations():
    """Every storage location, ordered by its path."""
    return sorted(db.session.scalars(select(StorageLocation)), key=lambda loc: loc.path)


def find_by_barcode(code):
    """('item', Item) or ('location', StorageLocation) for a scanned barcode, or raise."""
    code = (code or "").strip()
    if not code:
        raise LimsError("Scan or type a barcode.", "code")
    item = db.session.scalar(select(Item).where(Item.barcode == code))
    if item is not None:
        return "item", item
    location = db.session.scalar(select(StorageLocation).where(StorageLocation.barcode == code))
    if location is not None:
        return "location", location
    raise LimsError(
        f"No item or storage location has the barcode '{code[:60]}'. Check the label and "
        "scan or type it again (item barcodes look like NFSS-2026-00012-3.1, "
        "locations like LOC-00004).",
        "code",
    )


def items_kept_at(place, page=1):
    """The items kept at a storage location now, with their cases, a page at a time."""
    query = (
        select(Item)
        .where(Item.location_id == place.id)
        .options(joinedload(Item.case))
        .order_by(Item.id)
    )
    return db.paginate(query, page=page, per_page=setting("LIMS_PAGE_SIZE"), error_out=False)
