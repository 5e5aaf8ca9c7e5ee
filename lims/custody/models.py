"""Chain of custody: append-only transfer entries, hash-chained per item."""

from sqlalchemy import event

from common.audit.chain import register_chain
from common.extensions import db
from common.models import Audited

PARTY_KINDS = {
    "PERSON": "Person",
    "LOCATION": "Storage location",
    "AGENCY": "Outside agency",
    "DIVISION": "Divided from a parent item",
    "DESTROYED": "Destroyed",
}
PURPOSES = {
    "RECEIPT": "Receipt from the submitting agency",
    "STORAGE": "Storage",
    "ANALYSIS": "Analysis",
    "REVIEW": "Review",
    "HANDOVER": "Handover to a colleague",
    "COURT": "Taken to court",
    "RETURN": "Returned to the agency",
    "DESTRUCTION": "Destruction",
}


class CustodyEntry(Audited, db.Model):
    """One transfer of an item: from whom or where, to whom or where, when and why.

    Rows are only inserted. `entry_hash` is an HMAC over the entry and the previous entry's
    hash, so an edit, deletion, insertion or reordering breaks the item's chain.
    """

    __tablename__ = "lims_custody_entry"
    __table_args__ = (db.UniqueConstraint("item_id", "seq"),)

    id = db.Column(db.Integer, primary_key=True)
    item_id = db.Column(db.Integer, db.ForeignKey("lims_item.id"), nullable=False, index=True)
    seq = db.Column(db.Integer, nullable=False)
    occurred_at = db.Column(db.DateTime(timezone=True), nullable=False)
    from_kind = db.Column(db.String(10), nullable=False)
    from_user_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    from_location_id = db.Column(
        db.Integer, db.ForeignKey("lims_storage_location.id"), nullable=True
    )
    from_label = db.Column(db.String(200), nullable=False)
    to_kind = db.Column(db.String(10), nullable=False)
    to_user_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    to_location_id = db.Column(db.Integer, db.ForeignKey("lims_storage_location.id"), nullable=True)
    to_label = db.Column(db.String(200), nullable=False)
    purpose = db.Column(db.String(12), nullable=False)
    seal_intact = db.Column(db.Boolean, nullable=False)
    receiver_authenticated = db.Column(db.Boolean, nullable=False, default=False)
    notes = db.Column(db.String(255), nullable=False, default="")
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    prev_hash = db.Column(db.String(64), nullable=False)
    entry_hash = db.Column(db.String(64), nullable=False)

    item = db.relationship("Item", backref=db.backref("custody", order_by="CustodyEntry.seq"))

    @property
    def purpose_label(self):
        """The purpose in words."""
        return PURPOSES.get(self.purpose, self.purpose)


@event.listens_for(CustodyEntry, "before_update")
def _refuse_update(mapper, connection, target):
    raise ValueError("Chain-of-custody entries are never changed: record a new transfer.")


@event.listens_for(CustodyEntry, "before_delete")
def _refuse_delete(mapper, connection, target):
    raise ValueError("Chain-of-custody entries are never deleted.")


register_chain("Chain of custody (Forensic LIMS)", "lims.custody.chain:verify_all_items")
