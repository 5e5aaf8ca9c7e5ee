"""The migration loads the shipped ICCS list and national offence mapping."""

from sqlalchemy import func, select

from common.extensions import db
from common.iccs.codelist import load_iccs, load_national_offences
from common.iccs.models import IccsCategory, NationalOffence


def test_migration_loads_every_code_and_offence(app):
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(IccsCategory)) == len(load_iccs())
        assert db.session.scalar(select(func.count()).select_from(NationalOffence)) == len(
            load_national_offences()
        )
        murder = db.session.scalar(
            select(NationalOffence).where(NationalOffence.national_code == "CC117")
        )
        assert murder.iccs.code == "0101" and murder.iccs.label == "Intentional homicide"
        sections = db.session.scalars(select(IccsCategory).where(IccsCategory.level == 1)).all()
        assert len(sections) == 11
