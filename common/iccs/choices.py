"""Choice lists shared by the forms of all three apps."""

from sqlalchemy import select

from common.extensions import db
from common.iccs.models import NationalOffence

DISTRICT_CHOICES = [
    ("", "—"),
    ("BZ", "Belize"),
    ("CY", "Cayo"),
    ("CZL", "Corozal"),
    ("OW", "Orange Walk"),
    ("SC", "Stann Creek"),
    ("TOL", "Toledo"),
]
SEX_CHOICES = [("", "Choose…"), ("M", "Male"), ("F", "Female"), ("U", "Not known")]


def offence_choices():
    """(id, label) of the active national offences, with their ICCS codes."""
    offences = db.session.scalars(
        select(NationalOffence)
        .where(NationalOffence.active.is_(True))
        .order_by(NationalOffence.title)
    )
    return [
        (str(o.id), f"{o.title} — {o.act} s.{o.section or '–'} (ICCS {o.iccs_code})")
        for o in offences
    ]
