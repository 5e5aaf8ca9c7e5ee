"""Person index screens: type-ahead candidates, review queue decisions, undoing a merge."""

import re
from datetime import date

from sqlalchemy import select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.persons.models import MatchReview, Person, PersonMerge
from common.persons.services import queue_review, register_record
from tests.conftest import csrf_from


def _pair(app):
    with app.app_context(), acting_as("test"):
        a = register_record(
            "prison",
            "B-7",
            given_name="Pedro",
            surname="Coc",
            date_of_birth=date(1979, 7, 18),
            sex="M",
            district="TOL",
        )
        b = register_record(
            "court",
            "C-7",
            given_name="Pedro",
            surname="Choc",
            date_of_birth=date(1979, 7, 18),
            sex="M",
        )
        review = queue_review(a, b, 9.0, [])
        db.session.commit()
        return review.id, a.person_id, b.person_id


def test_candidates_json_explains_each_match(app, client, login_as):
    _pair(app)
    login_as("prison_officer")
    data = client.get(
        "/persons/candidates?given_name=Pedro&surname=Coc&date_of_birth=1979-07-18&sex=M"
    ).get_json()
    assert data["candidates"][0]["name"] == "Pedro Coc"
    assert data["candidates"][0]["explanation"]
    assert client.get("/persons/candidates").get_json()["candidates"] == []


def test_registrar_links_a_pair_and_can_undo_it(app, client, login_as):
    review_id, left_person, right_person = _pair(app)
    login_as("court_registrar")
    queue = client.get("/persons/review/").get_data(as_text=True)
    assert "Pedro Choc" in queue
    page = client.get(f"/persons/review/{review_id}")
    html = page.get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    response = client.post(
        f"/persons/review/{review_id}",
        data={"csrf_token": csrf_from(html), "version": version, "decision": "link"},
    )
    assert response.status_code == 302
    assert "Nothing to review" in client.get("/persons/review/").get_data(as_text=True)
    with app.app_context():
        merge = db.session.scalar(select(PersonMerge))
        assert db.session.get(Person, right_person).merged_into_id == left_person
        merge_id = merge.id
    form = client.get(f"/persons/merges/{merge_id}/undo").get_data(as_text=True)
    refused = client.post(
        f"/persons/merges/{merge_id}/undo", data={"csrf_token": csrf_from(form), "reason": ""}
    )
    assert "Give a reason" in refused.get_data(as_text=True)
    done = client.post(
        f"/persons/merges/{merge_id}/undo",
        data={"csrf_token": csrf_from(form), "reason": "different fathers"},
    )
    assert done.status_code == 302
    with app.app_context():
        assert db.session.get(Person, right_person).merged_into_id is None
        assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "unmerge"))


def test_stale_decision_is_refused(app, client, login_as):
    review_id, _, _ = _pair(app)
    login_as("court_registrar")
    html = client.get(f"/persons/review/{review_id}").get_data(as_text=True)
    response = client.post(
        f"/persons/review/{review_id}",
        data={"csrf_token": csrf_from(html), "version": "99", "decision": "distinct"},
    )
    assert "changed by someone else" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(MatchReview, review_id).status == "open"


def test_clerk_without_review_permission_is_refused(app, client, login_as):
    review_id, _, _ = _pair(app)
    login_as("court_clerk")
    assert client.get("/persons/review/").status_code == 403
    assert client.get(f"/persons/review/{review_id}").status_code == 403
