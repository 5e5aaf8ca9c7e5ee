"""Housing: units hold blocks, blocks hold cells; allocations keep every cell move."""

from sqlalchemy import and_, or_

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

UNIT_SEXES = {"M": "Men", "F": "Women"}
AGE_GROUPS = {"ADULT": "Adults", "JUVENILE": "Juveniles"}
REGIMES = {
    "REMAND": "Untried (remand)",
    "CONVICTED": "Convicted",
    "CIVIL": "Civil prisoners",
}


class HousingUnit(Audited, Versioned, Timestamped, db.Model):
    """A separately run part of the prison, for one sex and one age group."""

    __tablename__ = "prison_housing_unit"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(12), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    sex = db.Column(db.String(1), nullable=False)
    age_group = db.Column(db.String(10), nullable=False)
    security_level = db.Column(db.String(20), nullable=False, default="")
    active = db.Column(db.Boolean, nullable=False, default=True)

    blocks = db.relationship("HousingBlock", back_populates="unit", order_by="HousingBlock.code")

    def __str__(self):
        return self.name


class HousingBlock(Audited, Versioned, Timestamped, db.Model):
    """A block (wing) of a unit, holding one regime: remand, convicted or civil."""

    __tablename__ = "prison_housing_block"
    __table_args__ = (db.UniqueConstraint("unit_id", "code"),)

    id = db.Column(db.Integer, primary_key=True)
    unit_id = db.Column(db.Integer, db.ForeignKey("prison_housing_unit.id"), nullable=False)
    code = db.Column(db.String(12), nullable=False)
    name = db.Column(db.String(120), nullable=False)
    regime = db.Column(db.String(10), nullable=False)

    unit = db.relationship(HousingUnit, back_populates="blocks")
    cells = db.relationship("Cell", back_populates="block", order_by="Cell.code")

    def __str__(self):
        return f"{self.unit.name} · {self.name}"


class Cell(Audited, Versioned, Timestamped, db.Model):
    """A cell (or dormitory) with the number of persons it may hold."""

    __tablename__ = "prison_cell"
    __table_args__ = (db.UniqueConstraint("block_id", "code"),)

    id = db.Column(db.Integer, primary_key=True)
    block_id = db.Column(db.Integer, db.ForeignKey("prison_housing_block.id"), nullable=False)
    code = db.Column(db.String(16), nullable=False)
    capacity = db.Column(db.Integer, nullable=False)
    active = db.Column(db.Boolean, nullable=False, default=True)

    block = db.relationship(HousingBlock, back_populates="cells")

    @property
    def label(self):
        """Unit, block and cell, as officers say it."""
        return f"{self.block.unit.code}/{self.block.code}/{self.code}"

    def __str__(self):
        return self.label


class CellAllocation(Audited, Versioned, Timestamped, db.Model):
    """A stay in a cell: from `start_at` until `end_at` (open while the person is there)."""

    __tablename__ = "prison_cell_allocation"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    cell_id = db.Column(db.Integer, db.ForeignKey("prison_cell.id"), nullable=False, index=True)
    start_at = db.Column(db.DateTime(timezone=True), nullable=False)
    end_at = db.Column(db.DateTime(timezone=True), nullable=True)
    reason = db.Column(db.String(255), nullable=False, default="")
    override_reason = db.Column(db.String(255), nullable=False, default="")
    allocated_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    admission = db.relationship("Admission")
    cell = db.relationship(Cell)

    @classmethod
    def open_at(cls, at):
        """SQL condition: the stay had begun and not yet ended at `at`."""
        return and_(cls.start_at <= at, or_(cls.end_at.is_(None), cls.end_at > at))
