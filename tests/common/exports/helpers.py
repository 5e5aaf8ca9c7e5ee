"""Court records to export, made through the court's own services."""

from datetime import date

from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.iccs.models import NationalOffence
from court_cms.cases.services import add_charge, add_party, file_case
from court_cms.hearings.services import schedule_hearing
from court_cms.reference.models import Court, Courtroom

DEFENDANT = {
    "given_name": "Marisol",
    "surname": "Chiac Pop",
    "date_of_birth": date(1990, 4, 17),
    "sex": "F",
    "district": "TOL",
    "national_id": "000123457",
    "address": "12 Front Street, Punta Gorda",
}


def file_court_case(app, identity=None, filed_on=date(2025, 3, 3)):
    """A case with one defendant, one charge and one hearing; returns their ids."""
    with app.app_context(), acting_as("test"):
        court = db.session.scalar(select(Court).order_by(Court.id))
        room = db.session.scalar(select(Courtroom).where(Courtroom.court_id == court.id))
        offence = db.session.scalar(select(NationalOffence).order_by(NationalOffence.id))
        case = file_case(
            {
                "court_id": court.id,
                "case_type": "CR",
                "filed_on": filed_on,
                "prosecuting_agency": "Belize Police Department",
            }
        )
        party = add_party(case, "DEFENDANT", None, identity or DEFENDANT)
        charge = add_charge(party, offence.id, "Stole a bicycle")
        hearing = schedule_hearing(case, "MENTION", date(2025, 3, 10), room.id)
        db.session.commit()
        return {
            "case": case.id,
            "party": party.id,
            "charge": charge.id,
            "hearing": hearing.id,
            "person": party.person_id,
            "offence": offence.national_code,
            "iccs": offence.iccs_code,
        }


def make_token(app, app_name="court", name="bco-test"):
    """A fresh export token's text."""
    from common.exports.tokens import create_token

    with app.app_context(), acting_as("test"):
        _row, token = create_token(app_name, name)
        db.session.commit()
    return token


def bearer(token):
    return {"Authorization": f"Bearer {token}"}
