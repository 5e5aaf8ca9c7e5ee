"""Shared test data for the Prison IMS: a valid admission, admitted through the service."""

from datetime import date, timedelta

from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.iccs.models import NationalOffence
from prison_ims.admissions.services import create_admission
from prison_ims.times import now_utc


def offence_id():
    """The id of a national offence from the reference list."""
    return db.session.scalar(select(NationalOffence.id).order_by(NationalOffence.id).limit(1))


def admission_data(**overrides):
    """Everything a valid remand admission needs (times in UTC)."""
    admitted_at = overrides.pop("admitted_at", now_utc() - timedelta(hours=2))
    data = {
        "given_name": "Marvin",
        "middle_name": "",
        "surname": "Castillo",
        "date_of_birth": date(1990, 3, 14),
        "sex": "M",
        "gender_identity": "",
        "district": "BZ",
        "authority_type": "REMAND_WARRANT",
        "authority_court": "Belize Magistrate's Court",
        "authority_date": admitted_at.date() - timedelta(days=1),
        "authority_reference": "RW-123/2026",
        "reason": "Remanded pending trial",
        "legal_status": "REMAND",
        "arrested_at": admitted_at - timedelta(days=1),
        "arrest_place": "Queen Street, Belize City",
        "admitted_at": admitted_at,
        "visible_injuries": "none seen",
        "ill_treatment_claims": "",
        "offences": [(offence_id(), "with a machete")],
        "property_items": [{"description": "wallet", "quantity": 1}],
        "children": [{"age": 4, "location": "Belize City", "custody": "mother"}],
        "next_of_kin_name": "Ana Castillo",
        "next_of_kin_relationship": "sister",
        "next_of_kin_contact": "601-0000",
    }
    data.update(overrides)
    return data


def admit(person_public_id=None, **overrides):
    """Admit through the service (as a system actor) and flush; returns the Admission."""
    with acting_as("test"):
        return create_admission(admission_data(**overrides), person_public_id)
