"""Disposition of items: return to the agency or destruction, authorised, with a receipt."""

from common.extensions import db
from common.models import Audited, Timestamped

DISPOSITION_KINDS = {"RETURN": "Returned to the agency", "DESTRUCTION": "Destroyed"}


class Disposition(Audited, Timestamped, db.Model):
    """The end of an item's time in the laboratory."""

    __tablename__ = "lims_disposition"

    id = db.Column(db.Integer, primary_key=True)
    item_id = db.Column(db.Integer, db.ForeignKey("lims_item.id"), nullable=False, unique=True)
    kind = db.Column(db.String(12), nullable=False)
    receipt_number = db.Column(db.String(40), unique=True, nullable=False)
    authorised_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=False)
    authority_reference = db.Column(db.String(120), nullable=False)
    recipient = db.Column(db.String(200), nullable=False, default="")
    method = db.Column(db.String(160), nullable=False, default="")
    witness = db.Column(db.String(160), nullable=False, default="")
    disposed_at = db.Column(db.DateTime(timezone=True), nullable=False)

    item = db.relationship("Item", backref=db.backref("disposition", uselist=False))
    authorised_by = db.relationship("User")

    @property
    def kind_label(self):
        """The kind in words."""
        return DISPOSITION_KINDS.get(self.kind, self.kind)
