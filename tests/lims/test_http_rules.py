"""Refusals over HTTP: location-to-location, storage nesting, amendments, results."""

from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from lims.analysis.models import Result
from lims.analysis.services import review
from lims.custody.models import CustodyEntry
from lims.custody.services import transfer
from lims.reports.models import Report
from lims.reports.services import release_report
from tests.lims.helpers import client_as, intake, post_as, reviewed_request, staff, storage


def _user(email):
    from common.identity.models import User

    return db.session.scalar(select(User).where(User.email == email))


def test_storing_an_item_already_in_storage_is_refused_over_http(app, make_user):
    client, email = client_as(app, make_user, "lab_intake")
    with app.app_context(), acting_as("test"):
        _, item, holder = intake(intake_user=_user(email))
        fridge, other = storage(), storage()
        transfer(
            item,
            holder,
            {
                "to_kind": "LOCATION",
                "to_location_id": fridge.id,
                "purpose": "STORAGE",
                "seal_intact": True,
            },
        )
        db.session.commit()
        item_id, other_id = item.id, other.id
    data = {
        "to_kind": "LOCATION",
        "to_location_id": str(other_id),
        "purpose": "STORAGE",
        "seal_intact": "yes",
    }
    refused = post_as(client, f"/lims/items/{item_id}/transfer", data)
    assert refused.status_code == 422
    assert "a person always stands between" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CustodyEntry)) == 2


def test_storage_locations_over_http(app, make_user):
    manager, _ = client_as(app, make_user, "lab_manager")
    done = post_as(manager, "/lims/storage/new", {"kind": "BUILDING", "name": "Ladyville"})
    assert done.status_code == 302
    refused = post_as(manager, "/lims/storage/new", {"kind": "SHELF", "name": "Loose"})
    assert refused.status_code == 422 and "Choose where the shelf is" in refused.get_data(
        as_text=True
    )
    analyst, _ = client_as(app, make_user, "lab_analyst")
    assert (
        post_as(analyst, "/lims/storage/new", {"kind": "BUILDING", "name": "X"}).status_code == 403
    )


def test_amendment_over_http_keeps_the_original(app, make_user):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        review(parts["result"], "TECHNICAL", parts["tech"], True)
        review(parts["result"], "ADMINISTRATIVE", parts["admin"], True)
        report = release_report(parts["request"], parts["manager"])
        db.session.commit()
        report_id = report.id
    manager, _ = client_as(app, make_user, "lab_manager")
    missing = post_as(manager, f"/lims/reports/{report_id}/amend", {"reason": ""})
    assert "Give the reason for the amendment" in missing.get_data(as_text=True)
    done = post_as(manager, f"/lims/reports/{report_id}/amend", {"reason": "Typo in serial"})
    assert done.status_code == 302
    with app.app_context():
        versions = db.session.execute(
            select(Report.version_number, Report.amends_id).order_by(Report.version_number)
        ).all()
        assert versions == [(1, None), (2, report_id)]


def test_result_by_someone_not_assigned_is_refused_and_nothing_saved(app, make_user):
    with app.app_context(), acting_as("test"):
        case, item, _ = intake()
        from lims.analysis.services import create_request

        request = create_request(
            case, {"discipline": "DNA", "priority": "ROUTINE", "item_ids": [item.id]}
        )
        staff("lab_analyst")
        db.session.commit()
        request_id = request.id
    analyst, _ = client_as(app, make_user, "lab_analyst")
    refused = post_as(
        analyst, f"/lims/requests/{request_id}/result", {"findings": "x", "conclusion": "y"}
    )
    assert "no result can be recorded now" in refused.get_data(as_text=True)
    assert analyst.get("/lims/requests/999999/result").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Result)) == 0
