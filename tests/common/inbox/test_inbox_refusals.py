"""What the inbox refuses: other agencies, a second acceptance, the wrong person, no reason."""

from sqlalchemy import select

from common.extensions import db
from common.inbox.models import InboxItem
from prison_ims.inbox.models import InboxAcceptance
from tests.common.inbox.helpers import (
    accept_existing,
    court_case,
    html,
    latest_item,
    record_remand,
    signed_in,
)
from tests.conftest import csrf_from
from tests.prison_ims.helpers import admit


def _remand_for_inmate(app, clerk):
    """A remand order for a defendant already held under an admission: (item id, admission id)."""
    case_id, party_id, _, public_id = court_case(app)
    with app.app_context():
        admission_id = admit(public_id).id
        db.session.commit()
    assert record_remand(clerk, case_id, party_id).status_code == 302
    return latest_item(app, "remand_order")[0], admission_id, case_id


def test_court_clerk_cannot_open_or_decide_the_prison_inbox(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    item_id, admission_id, _ = _remand_for_inmate(app, clerk)
    assert clerk.get("/prison/inbox/").status_code == 403
    assert clerk.get(f"/prison/inbox/{item_id}").status_code == 403
    token = csrf_from(html(clerk, "/court/cases/"))
    response = clerk.post(
        f"/prison/inbox/{item_id}/accept",
        data={"csrf_token": token, "version": 1, "admission_id": admission_id},
    )
    assert response.status_code == 403
    with app.app_context():
        assert db.session.get(InboxItem, item_id).state == "PENDING"
    assert "Court inbox" not in html(clerk, "/court/")


def test_two_officers_accepting_the_same_item_one_wins_the_other_is_told(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    first, _ = signed_in(app, make_user, "prison_officer")
    second, _ = signed_in(app, make_user, "prison_officer")
    item_id, admission_id, _ = _remand_for_inmate(app, clerk)
    _, version = latest_item(app, "remand_order")
    html(first, f"/prison/inbox/{item_id}")
    html(second, f"/prison/inbox/{item_id}")  # both have the item open, same version
    assert accept_existing(first, item_id, admission_id, version).status_code == 302
    response = accept_existing(second, item_id, admission_id, version)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "This item was already accepted by Test prison_officer" in page
    with app.app_context():
        assert len(db.session.scalars(select(InboxAcceptance)).all()) == 1


def test_a_stale_version_is_refused(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    item_id, admission_id, _ = _remand_for_inmate(app, clerk)
    response = accept_existing(officer, item_id, admission_id, version=99)
    assert response.status_code == 409
    assert "changed by someone else" in response.get_data(as_text=True)


def test_accepting_into_another_persons_file_is_refused(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    item_id, _, _ = _remand_for_inmate(app, clerk)
    with app.app_context():
        stranger = admit(given_name="Kevin", surname="Flowers", date_of_birth=None).id
        db.session.commit()
    response = accept_existing(officer, item_id, stranger, app=app)
    assert response.status_code == 422
    assert "is of another person than the one the court names" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(InboxItem, item_id).state == "PENDING"


def test_reject_needs_a_reason_and_the_court_reads_it(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    item_id, _, case_id = _remand_for_inmate(app, clerk)
    page = html(officer, f"/prison/inbox/{item_id}")
    with app.app_context():
        version = db.session.get(InboxItem, item_id).version
    empty = officer.post(
        f"/prison/inbox/{item_id}/reject",
        data={"csrf_token": csrf_from(page), "version": version, "reason": ""},
    )
    assert empty.status_code == 422
    assert "Give the reason for rejecting the item" in empty.get_data(as_text=True)
    done = officer.post(
        f"/prison/inbox/{item_id}/reject",
        data={
            "csrf_token": csrf_from(page),
            "version": version,
            "reason": "Warrant names a different date of birth",
        },
    )
    assert done.status_code == 302
    court_page = html(clerk, f"/court/cases/{case_id}")
    assert "Rejected by BCP on" in court_page
    assert "Warrant names a different date of birth" in court_page


def test_a_judicial_officer_sees_the_state_but_no_attendance_form(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    judge, _ = signed_in(app, make_user, "judicial_officer")
    _, _, case_id = _remand_for_inmate(app, clerk)
    page = html(judge, f"/court/cases/{case_id}")
    assert "Sent to prison — pending" in page and "Save attendance" not in page
