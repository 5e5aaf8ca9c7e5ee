"""Shared LIMS test data: staff, a case with items, a reviewed request — through the services."""

import uuid
from datetime import timedelta

from sqlalchemy import select

from common.extensions import db
from common.iccs.models import NationalOffence
from common.identity.models import User
from common.identity.roles import ROLE_AGENCY
from common.identity.services import create_user
from lims.analysis.services import (
    assign,
    create_request,
    grant_qualification,
    record_result,
    review,
)
from lims.intake.services import create_case
from lims.items.services import create_item, create_location
from lims.times import now_utc
from tests.conftest import TEST_PASSWORD


def staff(role, name=None):
    """A new lab user with one role (password TEST_PASSWORD); flushed."""
    email = f"{role}-{uuid.uuid4().hex[:6]}@test.justice.bz"
    create_user(email, TEST_PASSWORD, name or f"Test {role}", [role], ROLE_AGENCY[role])
    db.session.flush()
    return db.session.scalar(select(User).where(User.email == email))


def offence_id():
    """The id of a national offence from the reference list."""
    return db.session.scalar(select(NationalOffence.id).order_by(NationalOffence.id).limit(1))


def case_data(**overrides):
    """A valid submission from the police."""
    received = overrides.pop("received_at", now_utc() - timedelta(hours=3))
    data = {
        "agency": "Belize Police Department - Eastern Division",
        "officer_name": "PC Andrea Young",
        "officer_number": "1234",
        "agency_case_number": "ED-CR-2026-0456",
        "national_offence_id": offence_id(),
        "incident_date": received.date() - timedelta(days=2),
        "district": "BZ",
        "received_at": received,
        "notes": "",
    }
    data.update(overrides)
    return data


def item_data(**overrides):
    """A valid sealed item."""
    data = {
        "item_type": "FIREARM",
        "description": "Black 9mm pistol, serial filed off",
        "quantity": 1,
        "packaging": "Brown paper bag",
        "seals": "S-1001",
        "condition": "SEALED",
        "deviations": "",
    }
    data.update(overrides)
    return data


def intake(intake_user=None, seals=("S-1001",)):
    """A case with one item received by an intake officer; returns (case, item, intake)."""
    intake_user = intake_user or staff("lab_intake")
    case = create_case(case_data(), intake_user.id)
    item = create_item(case, item_data(seals=", ".join(seals)), intake_user)
    return case, item, intake_user


def storage():
    """Building > room > fridge; returns the fridge."""
    building = create_location("BUILDING", "Main building")
    room = create_location("ROOM", "Evidence room", building.id)
    return create_location("FRIDGE", "Fridge 1", room.id)


def reviewed_request():
    """A firearms request with a result approved by two reviewers; returns a dict of parts."""
    case, item, intake_user = intake()
    analyst, tech, admin = staff("lab_analyst"), staff("lab_reviewer"), staff("lab_reviewer")
    manager = staff("lab_manager")
    grant_qualification(analyst, "FIRE")
    grant_qualification(tech, "FIRE")
    request = create_request(
        case, {"discipline": "FIRE", "priority": "ROUTINE", "item_ids": [item.id]}
    )
    assign(request, analyst, request.version)
    result = record_result(
        request,
        analyst,
        {"findings": "Test-fired; cartridge cases compared.", "conclusion": "Matches."},
    )
    return {
        "case": case,
        "item": item,
        "request": request,
        "result": result,
        "analyst": analyst,
        "tech": tech,
        "admin": admin,
        "manager": manager,
        "intake": intake_user,
        "review": review,
    }


def client_as(app, make_user, role):
    """A fresh test client signed in with a new user of `role`; returns (client, email)."""
    from tests.conftest import login

    client = app.test_client()
    email = make_user(role)
    assert login(client, email).status_code == 302
    return client, email


def post_as(client, url, data):
    """POST with the client's own CSRF token (taken from the portal page's sign-out form)."""
    from tests.conftest import csrf_from

    token = csrf_from(client.get("/").get_data(as_text=True))
    return client.post(url, data={**data, "csrf_token": token})
