"""Evidence items (and sub-items), their seals, and the nested storage locations."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

ITEM_TYPES = {
    "FIREARM": "Firearm",
    "AMMUNITION": "Ammunition / cartridge case",
    "DRUGS": "Suspected drugs",
    "BIOLOGICAL": "Biological sample (blood, swab)",
    "CLOTHING": "Clothing / textile",
    "DEVICE": "Digital device",
    "DOCUMENT": "Document",
    "TOXICOLOGY": "Toxicology specimen",
    "TOOL": "Tool / weapon",
    "LATENT": "Latent print lift",
    "CONTAINER": "Container (box, bag, envelope)",
    "OTHER": "Other",
}
CONDITIONS = {
    "SEALED": "Sealed and intact",
    "SEAL_BROKEN": "Seal broken or tampered",
    "DAMAGED": "Packaging damaged",
    "UNSEALED": "Received unsealed",
    "WET": "Wet or leaking",
}
LOCATION_KINDS = {
    "BUILDING": "Building",
    "ROOM": "Room",
    "FRIDGE": "Fridge / freezer",
    "LOCKER": "Locker / safe",
    "SHELF": "Shelf",
}
ITEM_STATES = {"IN_LAB": "In the laboratory", "DISPOSED": "Disposed"}


class StorageLocation(Audited, Versioned, Timestamped, db.Model):
    """A place evidence is kept: building > room > fridge/locker > shelf, with a barcode."""

    __tablename__ = "lims_storage_location"

    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey("lims_storage_location.id"), nullable=True)
    kind = db.Column(db.String(12), nullable=False)
    name = db.Column(db.String(80), nullable=False)
    barcode = db.Column(db.String(32), unique=True, nullable=False)

    parent = db.relationship("StorageLocation", remote_side=[id], backref="children")

    @property
    def path(self):
        """The full path, e.g. 'Main building > Evidence room > Fridge 2'."""
        names, node = [], self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return " > ".join(reversed(names))

    @property
    def kind_label(self):
        """The kind in words."""
        return LOCATION_KINDS.get(self.kind, self.kind)

    def __str__(self):
        return self.path


class Item(Audited, Versioned, Timestamped, db.Model):
    """One evidence item (3) or sub-item (3.1) of a case, with its custody state."""

    __tablename__ = "lims_item"
    __table_args__ = (db.UniqueConstraint("case_id", "top_number", "sub_number"),)
    __audit_exclude__ = ("custody_head",)

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("lims_case.id"), nullable=False, index=True)
    parent_id = db.Column(db.Integer, db.ForeignKey("lims_item.id"), nullable=True)
    container_id = db.Column(db.Integer, db.ForeignKey("lims_item.id"), nullable=True)
    top_number = db.Column(db.Integer, nullable=False)
    sub_number = db.Column(db.Integer, nullable=False, default=0)
    sub_count = db.Column(db.Integer, nullable=False, default=0)
    barcode = db.Column(db.String(48), unique=True, nullable=False)
    item_type = db.Column(db.String(16), nullable=False)
    description = db.Column(db.Text, nullable=False)
    packaging = db.Column(db.String(160), nullable=False, default="")
    quantity = db.Column(db.Integer, nullable=False, default=1)
    condition = db.Column(db.String(12), nullable=False)
    deviations = db.Column(db.Text, nullable=False, default="")
    legal_hold = db.Column(db.Boolean, nullable=False, default=False)
    legal_hold_reason = db.Column(db.String(255), nullable=False, default="")
    state = db.Column(db.String(10), nullable=False, default="IN_LAB", index=True)
    custodian_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    location_id = db.Column(
        db.Integer, db.ForeignKey("lims_storage_location.id"), nullable=True, index=True
    )
    custody_count = db.Column(db.Integer, nullable=False, default=0)
    custody_last_hash = db.Column(db.String(64), nullable=False, default="0" * 64)
    custody_head = db.Column(db.String(64), nullable=False, default="")

    case = db.relationship("LabCase", back_populates="items")
    parent = db.relationship(
        "Item", remote_side=[id], foreign_keys=[parent_id], backref="sub_items"
    )
    container = db.relationship(
        "Item", remote_side=[id], foreign_keys=[container_id], backref="contents"
    )
    custodian = db.relationship("User")
    location = db.relationship(StorageLocation)
    seals = db.relationship("ItemSeal", back_populates="item", order_by="ItemSeal.id")

    @property
    def number(self):
        """The item number as written on the label: '3' or '3.1'."""
        return f"{self.top_number}.{self.sub_number}" if self.sub_number else str(self.top_number)

    @property
    def type_label(self):
        """The item type in words."""
        return ITEM_TYPES.get(self.item_type, self.item_type)

    @property
    def condition_label(self):
        """The condition on receipt in words."""
        return CONDITIONS.get(self.condition, self.condition)

    @property
    def holder_label(self):
        """Who or where holds the item now."""
        if self.state == "DISPOSED":
            return "Disposed"
        if self.custodian is not None:
            return self.custodian.full_name or self.custodian.email
        if self.location is not None:
            return self.location.path
        return "—"

    @property
    def seal_text(self):
        """The seal numbers, comma-separated."""
        return ", ".join(s.seal_number for s in self.seals)

    def __str__(self):
        return f"{self.case.lab_number} item {self.number}"


class ItemSeal(Audited, Timestamped, db.Model):
    """A seal number on an item's packaging; unique within the case."""

    __tablename__ = "lims_item_seal"
    __table_args__ = (db.UniqueConstraint("case_id", "seal_number"),)

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("lims_case.id"), nullable=False)
    item_id = db.Column(db.Integer, db.ForeignKey("lims_item.id"), nullable=False, index=True)
    seal_number = db.Column(db.String(40), nullable=False)

    item = db.relationship(Item, back_populates="seals")

    def __str__(self):
        return self.seal_number
