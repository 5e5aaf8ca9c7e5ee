"""The shared ICCS code list and the national offence mapping, as database tables."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned


class IccsCategory(db.Model):
    """A category of the UNODC ICCS 2015 (sections 01-11 and their divisions)."""

    __tablename__ = "common_iccs_code"

    code = db.Column(db.String(6), primary_key=True)
    level = db.Column(db.SmallInteger, nullable=False)
    parent_code = db.Column(db.String(6), db.ForeignKey("common_iccs_code.code"), nullable=True)
    label = db.Column(db.String(255), nullable=False)

    def __str__(self):
        return f"{self.code} {self.label}"


class NationalOffence(Audited, Versioned, Timestamped, db.Model):
    """A Belize offence (Act and section) mapped to the ICCS; editable by an administrator."""

    __tablename__ = "common_national_offence"

    id = db.Column(db.Integer, primary_key=True)
    national_code = db.Column(db.String(24), unique=True, nullable=False)
    title = db.Column(db.String(160), nullable=False)
    act = db.Column(db.String(160), nullable=False)
    section = db.Column(db.String(16), nullable=False, default="")
    iccs_code = db.Column(db.String(6), db.ForeignKey("common_iccs_code.code"), nullable=False)
    severity = db.Column(db.String(12), nullable=False)
    active = db.Column(db.Boolean, nullable=False, default=True)

    iccs = db.relationship(IccsCategory)

    def __str__(self):
        return f"{self.title} ({self.national_code})"
