"""Court → prison over HTTP: a remand ended early, bail after a remand, a hearing vacated."""

from datetime import timedelta

from sqlalchemy import select

from common.audit.models import AuditEntry
from common.extensions import db
from common.inbox.models import InboxItem, ProductionListing
from court_cms.hearings.models import Hearing
from court_cms.orders.models import CourtOrder
from prison_ims.admissions.models import Admission
from tests.common.inbox.helpers import (
    TODAY,
    accept_existing,
    admit_form,
    convict,
    court_case,
    html,
    latest_item,
    record_remand,
    record_sentence,
    signed_in,
)
from tests.conftest import csrf_from
from tests.court_cms.helpers import offence_id
from tests.court_cms.http import unfolded

TOMORROW = TODAY + timedelta(days=1)


def _remanded_and_admitted(app, clerk, officer):
    """The clerk remands, the officer admits on the item: (case id, party id, admission id)."""
    case_id, party_id, charge_id, _ = court_case(app)
    assert record_remand(clerk, case_id, party_id).status_code == 302
    item_id, version = latest_item(app, "remand_order")
    page = html(officer, f"/prison/inbox/{item_id}/admit")
    with app.app_context():
        offence = offence_id()
    response = officer.post(
        f"/prison/inbox/{item_id}/admit", data=admit_form(page, version, offence)
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    with app.app_context():
        admission_id = db.session.scalar(select(Admission.id).order_by(Admission.id.desc()))
    return case_id, party_id, charge_id, admission_id


def _open_remand(app, case_id):
    with app.app_context():
        order = db.session.scalars(
            select(CourtOrder).where(CourtOrder.case_id == case_id, CourtOrder.kind == "REMAND")
        ).one()
        return order.id, order.version


def _end_remand(clerk, app, case_id, reason="Remand discharged on review by the judge"):
    order_id, version = _open_remand(app, case_id)
    page = html(clerk, f"/court/cases/{case_id}")
    return clerk.post(
        f"/court/cases/{case_id}/orders/{order_id}/end",
        data={
            "csrf_token": csrf_from(page),
            "version": version,
            "ended_on": TODAY.isoformat(),
            "reason": reason,
        },
    )


def _kinds(app):
    with app.app_context():
        return [i.kind for i in db.session.scalars(select(InboxItem).order_by(InboxItem.id))]


def test_ending_a_remand_early_sends_a_release_the_prison_accepts(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, _, _, admission_id = _remanded_and_admitted(app, clerk, officer)

    assert _end_remand(clerk, app, case_id).status_code == 302
    assert _kinds(app) == ["remand_order", "release_action"]
    item_id, _ = latest_item(app, "release_action")
    with app.app_context():
        item = db.session.get(InboxItem, item_id)
        assert item.details["release"]["grounds"] == "COURT_ORDER"
        assert "Remand in custody ended: Remand discharged" in item.details["release"]["reason"]
    case_page = html(clerk, f"/court/cases/{case_id}")
    assert "Sent to prison — pending" in case_page
    assert "In custody" not in case_page  # the court no longer holds the defendant

    assert "Release ordered" in html(officer, "/prison/inbox/")
    response = accept_existing(officer, item_id, admission_id, app=app)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert "Carry out the release" in html(officer, "/prison/inbox/")
    release_page = html(officer, f"/prison/releases/{admission_id}")
    assert "The court ordered this release" in release_page
    assert "Remand in custody ended" in release_page


def test_ending_the_remand_of_a_sentenced_defendant_sends_no_release(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, _, charge_id, _ = _remanded_and_admitted(app, clerk, officer)
    convict(clerk, app, case_id, charge_id)
    assert record_sentence(clerk, case_id, charge_id).status_code == 302

    assert _end_remand(clerk, app, case_id, "Superseded by the sentence").status_code == 302
    assert _kinds(app) == ["remand_order", "custodial_sentence"]


def test_a_refused_end_of_remand_sends_nothing(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, _, _, _ = _remanded_and_admitted(app, clerk, officer)
    order_id, version = _open_remand(app, case_id)
    page = html(clerk, f"/court/cases/{case_id}")
    response = clerk.post(
        f"/court/cases/{case_id}/orders/{order_id}/end",
        data={
            "csrf_token": csrf_from(page),
            "version": version,
            "ended_on": TOMORROW.isoformat(),
            "reason": "Remand discharged",
        },
    )
    assert response.status_code == 422
    assert "The date must fall between the order" in response.get_data(as_text=True)
    assert _kinds(app) == ["remand_order"]


def test_bail_after_an_accepted_remand_sends_a_release(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, party_id, _, _ = _remanded_and_admitted(app, clerk, officer)
    with app.app_context():
        assert db.session.scalars(select(InboxItem.state)).one() == "ACCEPTED"
    page = html(clerk, f"/court/cases/{case_id}")
    response = clerk.post(
        f"/court/cases/{case_id}/orders",
        data={
            "csrf_token": csrf_from(page),
            "party_id": party_id,
            "kind": "BAIL",
            "made_on": TODAY.isoformat(),
            "conditions": "Surety of BZ$ 5,000; report weekly to Queen Street police station",
        },
    )
    assert response.status_code == 302
    assert _kinds(app) == ["remand_order", "release_action"]
    item_id, _ = latest_item(app, "release_action")
    with app.app_context():
        assert db.session.get(InboxItem, item_id).details["release"]["grounds"] == "BAIL"
    assert "Release ordered" in html(officer, "/prison/inbox/")


def _list_tomorrow(clerk, app, case_id):
    page = html(clerk, f"/court/cases/{case_id}")
    with app.app_context():
        from court_cms.cases.models import Case

        room = db.session.get(Case, case_id).court.courtrooms[0].id
    response = clerk.post(
        f"/court/cases/{case_id}/hearings",
        data={
            "csrf_token": csrf_from(page),
            "hearing_type": "MENTION",
            "scheduled_on": TOMORROW.isoformat(),
            "scheduled_time": "09:30",
            "courtroom_id": room,
        },
    )
    assert response.status_code == 302
    with app.app_context():
        hearing = db.session.scalars(select(Hearing).where(Hearing.case_id == case_id)).one()
        return hearing.id, hearing.version


def _vacate(clerk, case_id, hearing_id, version, reason):
    page = html(clerk, f"/court/cases/{case_id}")
    return clerk.post(
        f"/court/cases/hearings/{hearing_id}/vacate",
        data={"csrf_token": csrf_from(page), "version": version, "reason": reason},
    )


def test_a_vacated_hearing_leaves_the_production_list(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, _, _, admission_id = _remanded_and_admitted(app, clerk, officer)
    with app.app_context():
        booking = db.session.get(Admission, admission_id).booking_number
    hearing_id, version = _list_tomorrow(clerk, app, case_id)
    production = f"/prison/production/?date={TOMORROW.isoformat()}"
    assert booking in html(officer, production)
    assert "Vacate the hearing" in unfolded(clerk, html(clerk, f"/court/cases/{case_id}"))

    response = _vacate(clerk, case_id, hearing_id, version, "Judge attending a conference")
    assert response.status_code == 302
    assert booking not in html(officer, production)
    case_page = unfolded(clerk, html(clerk, f"/court/cases/{case_id}"))
    assert "Vacated" in case_page and "Judge attending a conference" in case_page
    assert "Vacate the hearing" not in case_page
    with app.app_context():
        listing = db.session.scalars(select(ProductionListing)).one()  # kept, marked withdrawn
        assert listing.withdrawn_at is not None
        assert listing.withdrawn_reason == "Hearing vacated: Judge attending a conference"
        audited = db.session.scalars(
            select(AuditEntry.changes).where(
                AuditEntry.entity_type == "Hearing", AuditEntry.entity_id == str(hearing_id)
            )
        ).all()
        assert any("VACATED" in changes for changes in audited)


def test_vacating_needs_a_reason_and_a_hearing_still_to_come(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, _, _, admission_id = _remanded_and_admitted(app, clerk, officer)
    with app.app_context():
        booking = db.session.get(Admission, admission_id).booking_number
    hearing_id, version = _list_tomorrow(clerk, app, case_id)

    response = _vacate(clerk, case_id, hearing_id, version, "no")
    assert response.status_code == 422
    assert "Give the reason the hearing is vacated" in response.get_data(as_text=True)
    assert booking in html(officer, f"/prison/production/?date={TOMORROW.isoformat()}")

    with app.app_context():
        hearing = db.session.get(Hearing, hearing_id)
        hearing.scheduled_on = TODAY
        db.session.commit()
        version = hearing.version
    response = _vacate(clerk, case_id, hearing_id, version, "Court closed for a holiday")
    assert response.status_code == 422
    assert "Only a hearing still to come can be vacated" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Hearing, hearing_id).outcome == "SCHEDULED"
        assert db.session.scalars(select(ProductionListing.withdrawn_at)).one() is None


def test_a_judicial_officer_cannot_vacate(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    judge, _ = signed_in(app, make_user, "judicial_officer")
    case_id, _, _, _ = court_case(app)
    hearing_id, version = _list_tomorrow(clerk, app, case_id)
    page = html(judge, f"/court/cases/{case_id}")
    assert "Vacate the hearing" not in page
    response = judge.post(
        f"/court/cases/hearings/{hearing_id}/vacate",
        data={"csrf_token": csrf_from(page), "version": version, "reason": "Not sitting that day"},
    )
    assert response.status_code == 403
    with app.app_context():
        assert db.session.get(Hearing, hearing_id).outcome == "SCHEDULED"
