"""The person index in the database: candidates at entry time, review queue, merge/unmerge."""

from datetime import date

import pytest
from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.persons.index_store import find_candidates
from common.persons.merge import MergeError, merge_persons, unmerge
from common.persons.models import MatchReview, Person, PersonRecord
from common.persons.review import decide
from common.persons.services import link_or_create, queue_review, register_record

JOSE = dict(
    given_name="José",
    middle_name="Luis",
    surname="García López",
    date_of_birth=date(1990, 3, 12),
    sex="M",
    district="CY",
    national_id="123456789",
)


@pytest.fixture
def ctx(app):
    with app.app_context(), acting_as("test"):
        yield
        db.session.rollback()


def test_variant_finds_the_person_with_an_explanation(ctx):
    original = register_record("prison", "B-1", **JOSE)
    register_record(
        "court",
        "C-9",
        given_name="Wilfred",
        surname="Young",
        date_of_birth=date(1975, 6, 30),
        sex="M",
        district="BZ",
    )
    found = find_candidates(
        dict(
            given_name="Chepe",
            surname="Lopez Garcia",
            date_of_birth=date(1990, 12, 3),
            sex="M",
            district="CY",
        )
    )
    assert found and found[0].person.id == original.person_id
    lines = " | ".join(str(e) for e in found[0].explanation)
    assert "surname" in lines.lower()
    assert all(c.person.id != original.person_id or c is found[0] for c in found)


def test_unrelated_entry_has_no_candidates(ctx):
    register_record("prison", "B-1", **JOSE)
    assert (
        find_candidates(
            dict(given_name="Aganetha", surname="Friesen", date_of_birth=date(1960, 1, 5), sex="F")
        )
        == []
    )


def test_exact_duplicate_is_linked_automatically(ctx):
    first = register_record("prison", "B-1", **JOSE)
    record, outcome = link_or_create("court", "C-1", **JOSE)
    assert outcome == "match" and record.person_id == first.person_id


def test_twin_is_never_linked_automatically(ctx):
    register_record("prison", "B-1", **JOSE)
    twin = dict(JOSE, given_name="Juan", middle_name="Carlos", national_id="")
    record, outcome = link_or_create("court", "C-2", **twin)
    assert outcome != "match"
    assert record.person_id != db.session.scalar(
        select(PersonRecord.person_id).where(PersonRecord.source_ref == "B-1")
    )


def _review_pair():
    a = register_record("prison", "B-1", **JOSE)
    b = register_record(
        "court",
        "C-1",
        given_name="Jose",
        surname="Garcia",
        date_of_birth=date(1990, 12, 3),
        sex="M",
    )
    return a, b, queue_review(a, b, 9.5, [])


def test_decided_pair_never_comes_back(ctx):
    a, b, review = _review_pair()
    decide(review, "distinct", review.version, None)
    assert queue_review(a, b, 9.5, []) is None
    assert queue_review(b, a, 9.5, []) is None
    assert db.session.scalars(select(MatchReview)).all() == [review]


def test_link_decision_merges_and_unmerge_restores_exactly(ctx):
    a, b, review = _review_pair()
    survivor_id, absorbed_id = a.person_id, b.person_id
    merge = decide(review, "link", review.version, None)
    assert merge is not None and b.person_id == survivor_id
    survivor = db.session.get(Person, survivor_id)
    assert sorted(r.source_ref for r in survivor.records) == ["B-1", "C-1"]
    assert db.session.get(Person, absorbed_id).merged_into_id == survivor_id
    restored = unmerge(merge)
    assert restored.id == absorbed_id and restored.merged_into_id is None
    assert [r.source_ref for r in restored.records] == ["C-1"]
    assert [r.source_ref for r in db.session.get(Person, survivor_id).records] == ["B-1"]
    with pytest.raises(MergeError, match="already undone"):
        unmerge(merge)


def test_merge_refuses_self_and_already_merged(ctx):
    a, b, _ = _review_pair()
    with pytest.raises(MergeError):
        merge_persons(a.person, a.person)
    absorbed = b.person
    merge_persons(a.person, absorbed)
    with pytest.raises(MergeError, match="already merged"):
        merge_persons(a.person, absorbed)


def test_candidates_after_merge_point_at_the_survivor(ctx):
    a, b, _ = _review_pair()
    merge_persons(a.person, b.person)
    found = find_candidates(
        dict(given_name="Jose", surname="Garcia", date_of_birth=date(1990, 12, 3), sex="M")
    )
    assert found and found[0].person.id == a.person_id


def test_system_summary_counts_shared_persons_and_is_recounted_after_its_max_age(app):
    from common.persons.services import system_summary

    with app.test_request_context(), acting_as("test"):
        jose = register_record("prison", "B-1", **JOSE)
        register_record("court", "C-1", person=jose.person, **JOSE)
        register_record("prison", "B-2", given_name="Omar", surname="Bol", sex="M")
        first = system_summary("prison")
        assert (first["records"], first["shared"]) == (2, 1)
        register_record("lims", "L-1", person=jose.person, **JOSE)
        register_record("prison", "B-3", given_name="Rosa", surname="Cal", sex="F")
        within = system_summary("prison")
        assert within == first  # counted less than a minute ago: the same figures and time
        app.config["PERSON_SUMMARY_MAX_AGE_SECONDS"] = 0
        again = system_summary("prison")
        assert (again["records"], again["shared"]) == (3, 1)
        assert again["counted_at"] > first["counted_at"]
        court = system_summary("court")
        assert (court["records"], court["shared"]) == (1, 1)
