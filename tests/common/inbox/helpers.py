"""Court → prison flows over HTTP: signed-in clients per role and the forms they post."""

from datetime import timedelta

from sqlalchemy import select

from common.extensions import db
from common.inbox.models import InboxItem
from common.timefmt import belize_today
from prison_ims.times import belize_local, now_utc
from tests.conftest import csrf_from, login
from tests.court_cms.helpers import charge, defendant, file

TODAY = belize_today()  # the court and the prison both count days in Belize


def signed_in(app, make_user, role):
    """(client, email) of a fresh user with the role, signed in."""
    client = app.test_client()
    email = make_user(role)
    assert login(client, email).status_code == 302
    return client, email


def html(client, url, status=200):
    """The page's HTML, asserting its status."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def court_case(app, custody=False):
    """(case id, party id, charge id, person public id) of a case with one defendant."""
    with app.app_context():
        case = file()
        party = defendant(case)
        party.in_custody = custody
        count = charge(party)
        db.session.commit()
        return case.id, party.id, count.id, party.person.public_id


def record_remand(clerk, case_id, party_id, runs_to=None):
    """The clerk records a remand in custody on the case page."""
    page = html(clerk, f"/court/cases/{case_id}")
    runs_to = runs_to or TODAY + timedelta(days=14)
    return clerk.post(
        f"/court/cases/{case_id}/orders",
        data={
            "csrf_token": csrf_from(page),
            "party_id": party_id,
            "kind": "REMAND",
            "made_on": TODAY.isoformat(),
            "expires_on": runs_to.isoformat(),
        },
    )


def record_outcome(clerk, app, case_id, charge_id, **data):
    """The clerk records plea, verdict, disposition of a count."""
    from court_cms.cases.models import Charge

    with app.app_context():
        version = db.session.get(Charge, charge_id).version
    page = html(clerk, f"/court/cases/{case_id}")
    return clerk.post(
        f"/court/cases/{case_id}/charges/{charge_id}/outcome",
        data={"csrf_token": csrf_from(page), "version": version, **data},
    )


def convict(clerk, app, case_id, charge_id):
    """A guilty plea and a conviction today."""
    day = TODAY.isoformat()
    response = record_outcome(
        clerk,
        app,
        case_id,
        charge_id,
        plea="GUILTY",
        plea_on=day,
        disposition="CONVICTED",
        disposition_on=day,
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:800]


def record_sentence(clerk, case_id, charge_id, years=2, months=0):
    """The clerk records imprisonment on a convicted count."""
    page = html(clerk, f"/court/cases/{case_id}")
    return clerk.post(
        f"/court/cases/{case_id}/sentences",
        data={
            "csrf_token": csrf_from(page),
            "charge_id": charge_id,
            "kind": "CUSTODIAL",
            "imposed_on": TODAY.isoformat(),
            "years": years,
            "months": months,
            "days": 0,
            "consecutive_to_id": 0,
        },
    )


def latest_item(app, kind=None):
    """(id, version) of the latest inbox item (of a kind)."""
    with app.app_context():
        query = select(InboxItem).order_by(InboxItem.id.desc())
        if kind:
            query = query.where(InboxItem.kind == kind)
        item = db.session.scalars(query).first()
        assert item is not None, f"no {kind or ''} item sent"
        return item.id, item.version


def accept_existing(officer, item_id, admission_id, version=None, app=None):
    """The officer accepts an item into the inmate's file."""
    page = html(officer, f"/prison/inbox/{item_id}")
    if version is None:
        with app.app_context():
            version = db.session.get(InboxItem, item_id).version
    return officer.post(
        f"/prison/inbox/{item_id}/accept",
        data={"csrf_token": csrf_from(page), "version": version, "admission_id": admission_id},
    )


def admit_form(page, version, offence_id, **overrides):
    """The new-admission form as the officer completes it (court data already in it)."""
    from tests.court_cms.helpers import DEFENDANT

    now = belize_local(now_utc()).strftime("%Y-%m-%dT%H:%M")
    data = {
        "csrf_token": csrf_from(page),
        "version": version,
        "authority_type": "REMAND_WARRANT",
        "authority_court": "Supreme Court (Belize City)",
        "authority_date": TODAY.isoformat(),
        "authority_reference": "from the court",
        "legal_status": "REMAND",
        "given_name": DEFENDANT["given_name"],
        "surname": DEFENDANT["surname"],
        "date_of_birth": DEFENDANT["date_of_birth"].isoformat(),
        "sex": "M",
        "district": "BZ",
        "admitted_at": now,
        "visible_injuries": "none seen",
        "offences-0-offence": str(offence_id),
        "offences-0-particulars": "",
    }
    data.update(overrides)
    return data
