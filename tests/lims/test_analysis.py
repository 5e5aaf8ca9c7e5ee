"""Requests, qualified assignment, results only against a request, two independent reviews."""

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from lims.analysis.models import Result
from lims.analysis.services import (
    assign,
    create_request,
    grant_qualification,
    record_result,
    review,
    workload,
)
from lims.errors import LimsError
from tests.lims.helpers import client_as, intake, post_as, reviewed_request, staff


def test_assignment_only_to_an_analyst_qualified_in_the_discipline(app):
    with app.app_context(), acting_as("test"):
        case, item, _ = intake()
        dna, fire = staff("lab_analyst"), staff("lab_analyst")
        grant_qualification(dna, "DNA")
        grant_qualification(fire, "FIRE")
        request = create_request(
            case, {"discipline": "FIRE", "priority": "URGENT", "item_ids": [item.id]}
        )
        with pytest.raises(LimsError, match="not qualified in Firearms") as refused:
            assign(request, dna, request.version)
        assert refused.value.field == "analyst_id"
        assign(request, fire, request.version)
        assert request.state == "ASSIGNED" and request.analyst_id == fire.id
        assert workload()[0]["analyst"].id == fire.id and workload()[0]["open"] == 1


def test_request_needs_items_of_the_case_and_a_discipline(app):
    with app.app_context(), acting_as("test"):
        case, item, _ = intake()
        with pytest.raises(LimsError, match="discipline"):
            create_request(case, {"discipline": "ASTROLOGY", "priority": "ROUTINE"})
        with pytest.raises(LimsError, match="items"):
            create_request(case, {"discipline": "DNA", "priority": "ROUTINE", "item_ids": []})


def test_a_result_without_a_request_is_refused(app):
    with app.app_context(), acting_as("test"):
        analyst = staff("lab_analyst")
        with pytest.raises(LimsError, match="only against an analysis request"):
            record_result(None, analyst, {"findings": "x", "conclusion": "y"})
        assert db.session.scalar(select(func.count()).select_from(Result)) == 0


def test_only_the_assigned_analyst_records_the_result(app):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        other = staff("lab_analyst")
        with pytest.raises(LimsError, match="no result can be recorded"):
            record_result(parts["request"], other, {"findings": "x", "conclusion": "y"})


def test_analyst_cannot_review_own_work(app):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        analyst, result = parts["analyst"], parts["result"]
        with pytest.raises(LimsError, match="cannot review their own work"):
            review(result, "TECHNICAL", analyst, True)
        with pytest.raises(LimsError, match="cannot review their own work"):
            review(result, "ADMINISTRATIVE", analyst, True)
        assert result.reviews == []


def test_the_two_reviews_are_by_two_different_people(app):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        result, tech, admin = parts["result"], parts["tech"], parts["admin"]
        review(result, "TECHNICAL", tech, True)
        with pytest.raises(LimsError, match="two different people"):
            review(result, "ADMINISTRATIVE", tech, True)
        with pytest.raises(LimsError, match="qualified in Firearms"):
            review(reviewed_request()["result"], "TECHNICAL", admin, True)
        review(result, "ADMINISTRATIVE", admin, True)
        assert result.state == "APPROVED" and parts["request"].state == "REVIEWED"


def test_rejection_returns_the_request_to_the_analyst_with_the_reason(app):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        result, tech, request = parts["result"], parts["tech"], parts["request"]
        with pytest.raises(LimsError, match="reason"):
            review(result, "TECHNICAL", tech, False, "")
        review(result, "TECHNICAL", tech, False, "Comparison images missing")
        assert result.state == "REJECTED" and request.state == "ASSIGNED"
        assert "Comparison images missing" in request.returned_reason
        again = record_result(
            request, parts["analyst"], {"findings": "With images.", "conclusion": "Matches."}
        )
        assert request.current_result is again and request.state == "RESULT"


def test_review_over_http_by_reviewer_and_refused_to_intake(app, make_user):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        db.session.commit()
        result_id, request_id = parts["result"].id, parts["request"].id
    reviewer, email = client_as(app, make_user, "lab_reviewer")
    with app.app_context():
        from common.identity.models import User

        user = db.session.scalar(select(User).where(User.email == email))
        with acting_as("test"):
            grant_qualification(user, "FIRE")
        db.session.commit()
    page = reviewer.get(f"/lims/requests/{request_id}")
    assert page.status_code == 200 and "Record the review" in page.get_data(as_text=True)
    data = {"kind": "TECHNICAL", "decision": "reject", "reason": ""}
    refused = post_as(reviewer, f"/lims/results/{result_id}/review", data)
    assert refused.status_code == 422 and "Give the reason" in refused.get_data(as_text=True)
    done = post_as(reviewer, f"/lims/results/{result_id}/review", {**data, "decision": "approve"})
    assert done.status_code == 302
    intake_client, _ = client_as(app, make_user, "lab_intake")
    assert post_as(intake_client, f"/lims/results/{result_id}/review", data).status_code == 403
    assert intake_client.get("/lims/workload").status_code == 200
