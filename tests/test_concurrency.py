"""Two people at once: a stale edit is refused, one hand-over wins, numbers never repeat."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from common.identity.models import User
from common.timefmt import belize_today
from court_cms.cases.models import Case, CaseStatusChange
from lims.custody.models import CustodyEntry
from lims.custody.services import transfer
from lims.errors import LimsError
from lims.items.models import Item
from tests.conftest import TEST_PASSWORD
from tests.court_cms.helpers import file
from tests.court_cms.http import case_on_file
from tests.hostile import form_fields
from tests.lims.helpers import client_as, intake, staff

CONFLICT = "was changed by someone else after you opened it"


def test_two_clerks_change_the_same_case_one_gets_the_conflict(app, make_user):
    case_id, _party, _charge = case_on_file(app)
    first, _ = client_as(app, make_user, "court_clerk")
    second, _ = client_as(app, make_user, "court_clerk")
    page, action = (
        f"/court/cases/{case_id}/forms/case?form=status",
        f"/court/cases/{case_id}/status",
    )
    first_form = form_fields(first.get(page).get_data(as_text=True), action)
    second_form = form_fields(second.get(page).get_data(as_text=True), action)
    change = {"changed_on": belize_today().isoformat()}
    won = first.post(action, data={**first_form, **change, "status": "TRANSFERRED",
                                   "reason": "Transferred to Belmopan"})  # fmt: skip
    assert won.status_code == 302
    lost = second.post(action, data={**second_form, **change, "status": "DISPOSED",
                                     "reason": "Withdrawn"})  # fmt: skip
    assert lost.status_code == 422
    assert CONFLICT in lost.get_data(as_text=True)
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.status == "TRANSFERRED"
        reasons = db.session.scalars(
            select(CaseStatusChange.reason).where(CaseStatusChange.case_id == case_id)
        ).all()
        assert "Withdrawn" not in reasons


def test_two_managers_put_the_same_item_on_hold_one_gets_the_conflict(app, make_user):
    with app.app_context(), acting_as("test"):
        _case, item, _intake = intake()
        db.session.commit()
        item_id = item.id
    first, _ = client_as(app, make_user, "lab_manager")
    second, _ = client_as(app, make_user, "lab_manager")
    page, action = f"/lims/items/{item_id}", f"/lims/items/{item_id}/hold"
    first_form = form_fields(first.get(page).get_data(as_text=True), action)
    second_form = form_fields(second.get(page).get_data(as_text=True), action)
    won = first.post(action, data={**first_form, "hold": "y", "reason": "Court order 12/2026"})
    assert won.status_code == 302
    lost = second.post(action, data={**second_form, "hold": "y", "reason": "Defence request"})
    assert CONFLICT in lost.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Item, item_id).legal_hold_reason == "Court order 12/2026"


def test_two_officers_change_the_same_legal_status_one_gets_the_conflict(app, make_user):
    from prison_ims.admissions.models import Admission
    from tests.prison_ims.helpers import admit

    with app.app_context():
        admission_id = admit().id
        db.session.commit()
    first, _ = client_as(app, make_user, "prison_officer")
    second, _ = client_as(app, make_user, "prison_officer")
    page, action = f"/prison/admissions/{admission_id}", f"/prison/admissions/{admission_id}/status"
    first_form = form_fields(first.get(page).get_data(as_text=True), action)
    second_form = form_fields(second.get(page).get_data(as_text=True), action)
    convicted = {"status": "CONVICTED_UNSENTENCED", "reason": "Convicted, sentence deferred"}
    won = first.post(action, data={**first_form, **convicted})
    assert won.status_code == 302
    lost = second.post(action, data={**second_form, "status": "CIVIL", "reason": "Civil debt"})
    assert CONFLICT in lost.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Admission, admission_id).legal_status == "CONVICTED_UNSENTENCED"


def _hand_over(app, item_id, holder_id, receiver_id, barrier):
    """One hand-over in its own session, started at the same moment as the other."""
    with app.app_context(), acting_as("test"):
        item = db.session.get(Item, item_id)
        holder = db.session.get(User, holder_id)
        assert item.custodian_id == holder_id  # both sessions see the same holder
        barrier.wait(timeout=10)
        data = {"to_kind": "PERSON", "to_user_id": receiver_id, "purpose": "ANALYSIS",
                "seal_intact": True, "receiver_password": TEST_PASSWORD}  # fmt: skip
        try:
            transfer(item, holder, data)
            db.session.commit()
            return "recorded"
        except LimsError as exc:
            db.session.rollback()
            return str(exc)
        finally:
            db.session.remove()


@pytest.mark.postgres
def test_two_simultaneous_hand_overs_of_one_item_exactly_one_succeeds(app):
    with app.app_context(), acting_as("test"):
        _case, item, holder = intake()
        receivers = [staff("lab_analyst"), staff("lab_analyst")]
        db.session.commit()
        ids = item.id, holder.id, [r.id for r in receivers]
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda r: _hand_over(app, ids[0], ids[1], r, barrier), ids[2]))
    assert sorted(outcomes)[-1] == "recorded" and outcomes.count("recorded") == 1, outcomes
    refused = next(o for o in outcomes if o != "recorded")
    assert "only the person holding an item hands it over" in refused
    with app.app_context():
        entries = db.session.scalar(
            select(func.count()).select_from(CustodyEntry).where(CustodyEntry.item_id == ids[0])
        )
        item = db.session.get(Item, ids[0])
        assert entries == 2 and item.custody_count == 2  # receipt + the one hand-over
        assert item.custodian_id in ids[2]


def _file_case(app, _):
    with app.app_context():
        case = file("SC", filed_on=date(2026, 5, 4))
        number = case.case_number
        db.session.commit()
        db.session.remove()
        return number


@pytest.mark.postgres
def test_case_numbers_never_repeat_when_clerks_file_at_once(app):
    with ThreadPoolExecutor(max_workers=6) as pool:
        numbers = list(pool.map(lambda n: _file_case(app, n), range(24)))
    assert len(set(numbers)) == 24, numbers
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Case)) == 24


@pytest.mark.postgres
def test_a_write_that_loses_a_race_after_the_version_check_gets_a_409_page(
    app, make_user, monkeypatch, database_url
):
    from sqlalchemy import create_engine, text

    import court_cms.cases.services as case_services
    from common.config import normalise_database_url

    case_id, _party, _charge = case_on_file(app)
    clerk, _ = client_as(app, make_user, "court_clerk")
    page, action = (
        f"/court/cases/{case_id}/forms/case?form=status",
        f"/court/cases/{case_id}/status",
    )
    change = {"status": "TRANSFERRED", "changed_on": belize_today().isoformat(), "reason": "Moved"}
    form = {**form_fields(clerk.get(page).get_data(as_text=True), action), **change}
    original = case_services._status

    def someone_else_commits_first(*args, **kwargs):
        engine = create_engine(normalise_database_url(database_url))
        with engine.begin() as conn:
            conn.execute(text("UPDATE court_case SET version = version + 1 WHERE id = :i"),
                         {"i": case_id})  # fmt: skip
        engine.dispose()
        original(*args, **kwargs)

    monkeypatch.setattr(case_services, "_status", someone_else_commits_first)
    response = clerk.post(action, data=form)
    assert response.status_code == 409
    assert "changed by someone else" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Case, case_id).status != "TRANSFERRED"
