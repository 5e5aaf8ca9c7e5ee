"""Prison demo: ten years of history that keeps every count, capacity and separation rule."""

import json
from collections import Counter, defaultdict
from datetime import timedelta
from io import BytesIO

from pypdf import PdfReader
from sqlalchemy import func, select

from common.audit.chain import verify_chain
from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.demo.loader import emit_export_feeds, load_demo_accounts
from common.demo.persons import load_persons
from common.extensions import db
from common.identity.models import User
from common.models import Counter as CounterRow
from common.persons.index_store import TOTAL, _name_tokens, as_match_record, find_candidates
from common.persons.matching import blocking_keys, normalise
from common.persons.models import PersonMatchKey, PersonNameCount, PersonRecord
from prison_ims.admissions.models import Admission
from prison_ims.demo import IDENTITY, load_demo
from prison_ims.housing.models import Cell, CellAllocation
from prison_ims.housing.services import separation_breaches
from prison_ims.movements.models import Movement
from prison_ims.movements.services import ALLOWED_FROM, count_by_unit, custody_at
from prison_ims.releases.models import RELEASE_GROUNDS, Release
from prison_ims.releases.services import movement_reason
from prison_ims.times import as_utc, belize_date, now_utc
from tests.common.exports.helpers import bearer, make_token


class _Bar:
    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False

    def update(self, n):
        pass


def test_demo_history_keeps_the_counts_and_rules(app, client, login_as):
    with app.app_context(), acting_as("system:demo"):
        load_demo_accounts()
        load_persons(1, 2026)
        lines = load_demo(1, 2026, _Bar)
        emit_export_feeds()
        db.session.commit()
        assert lines[0] == "Prison cells created: 142; persons known only to the prison: 4000"
        assert verify_chain(db.session.connection(), app.config["AUDIT_KEY"]).ok
        loaded = db.session.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.action == "bulk_load")
        )
        assert loaded >= 10
        admissions = db.session.scalar(select(func.count(Admission.id)))
        assert admissions > 1000
        first = db.session.scalar(select(func.min(Admission.admitted_at)))
        assert now_utc() - as_utc(first) > timedelta(days=365 * 9)
        counts = count_by_unit()
        assert db.session.scalar(select(func.sum(Cell.capacity))) == 1722
        assert counts["custody"] == counts["movement_custody"]
        assert 1400 <= counts["custody"] <= 1722
        assert counts["present"] == counts["movement_present"]
        held = custody_at()
        statuses = Counter(a.legal_status for a, _ in held)
        assert 0.25 < statuses["REMAND"] / len(held) < 0.45
        women = sum(a.person_record.sex == "F" for a, _ in held)
        assert 20 <= women <= 60
        juveniles = sum(a.person_record.date_of_birth > _years_ago(18) for a, _ in held)
        assert 10 <= juveniles <= 80
        _index_matches_the_records()
        _movements_follow_each_other()
        _cells_never_over_capacity()
        open_stays = db.session.scalars(
            select(CellAllocation).where(CellAllocation.end_at.is_(None))
        ).all()
        assert len(open_stays) == len(held)
        rules = Counter(
            rule for s in open_stays for rule, _ in separation_breaches(s.admission, s.cell)
        )
        assert rules["sex"] == 0 and rules["regime"] == 0
        releases = _every_release_is_recorded()
        assert lines[1].endswith(f"releases: {len(releases)}")
    _the_releases_feed_carries_them(app, client, releases)
    _a_demo_release_certificate_prints(client, login_as, releases)


def _every_release_is_recorded():
    """One release per REL movement, on the movement, with grounds the stay's story gives."""
    officer = db.session.scalar(select(User.id).where(User.email == "officer@demo.justice.bz"))
    releases = db.session.scalars(
        select(Release).order_by(Release.released_at, Release.admission_id)
    ).all()
    by_movement = Counter(r.movement_id for r in releases)
    rel = db.session.scalars(select(Movement).where(Movement.kind == "REL")).all()
    assert rel and {m.id for m in rel} == set(by_movement)
    assert set(by_movement.values()) == {1}
    grounds = Counter()
    for release in releases:
        movement = release.movement
        assert release.admission_id == movement.admission_id
        assert as_utc(release.released_at) == as_utc(movement.occurred_at)
        assert movement.reason == movement_reason(release.grounds, release.authority_reference)
        assert release.released_by_id == officer and release.authority_reference
        assert release.authority_checked and release.property_returned
        year = belize_date(release.released_at).year
        assert release.certificate_number.startswith(f"REL-{year}-")
        grounds[release.grounds] += 1
        civil = release.admission.authority_type == "COMMITTAL_ORDER"
        assert (release.grounds == "FINE_PAID") == civil, release.id
        if release.grounds == "SENTENCE_SERVED":
            assert release.authority_reference.startswith("Earliest release date ")
    assert set(grounds) == {"BAIL", "COURT_ORDER", "SENTENCE_SERVED", "FINE_PAID"}
    assert set(grounds) <= set(RELEASE_GROUNDS)
    year = belize_date(releases[-1].released_at).year
    issued = db.session.get(CounterRow, f"prison:release:{year}").last_value
    assert releases[-1].certificate_number == f"REL-{year}-{issued:05d}"
    loaded = db.session.scalar(
        select(AuditEntry.changes).where(
            AuditEntry.action == "bulk_load", AuditEntry.entity_type == "Release"
        )
    )
    assert json.loads(loaded)["rows"] == len(releases)
    return [(r.id, r.certificate_number, r.grounds_label) for r in releases]


def _the_releases_feed_carries_them(app, client, releases):
    """The BCO's pull of the releases feed has one upsert per release record."""
    token = make_token(app, "prison", "bco")
    upserts, cursor, more = [], None, True
    while more:
        query = {"limit": 5000, **({"cursor": cursor} if cursor else {})}
        response = client.get(
            "/prison/api/export/v1/releases", query_string=query, headers=bearer(token)
        )
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        upserts += [r for r in body["records"] if r["op"] == "upsert"]
        cursor, more = body["next_cursor"], body["has_more"]
    assert len(upserts) == len(releases)
    assert {r["record_id"] for r in upserts} == {str(i) for i, _, _ in releases}
    assert all(r["grounds"] and r["days_in_custody"] >= 0 for r in upserts)


def _a_demo_release_certificate_prints(client, login_as, releases):
    """A released person's certificate renders as a PDF with its number and grounds."""
    release_id, number, grounds = releases[len(releases) // 2]
    login_as("prison_officer")
    response = client.get(f"/prison/documents/releases/{release_id}/certificate.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages)
    assert "Release certificate" in text and number in text
    assert grounds.split(" (")[0] in text


def _years_ago(years):
    today = now_utc().date()
    return today.replace(year=today.year - years, day=min(today.day, 28))


def _index_matches_the_records():
    """The whole index as one-by-one entry gives it; a prison-only person is found."""
    _index_matches_the_records_of(db.session.scalars(select(PersonRecord)))
    only = db.session.scalar(
        select(PersonRecord).where(PersonRecord.source_ref == "DEMO-PX-0000042")
    )
    found = find_candidates({f: getattr(only, f) for f in IDENTITY}, limit=3)
    assert found and found[0].person.id == only.person_id


def _index_matches_the_records_of(records):
    """Keys and name counts of the records, bulk-loaded or not, as one-by-one entry gives."""
    keys, names = set(), Counter()
    for record in records:
        normalised = normalise(as_match_record(record.id, record))
        keys |= {(record.id, k[:64]) for k in blocking_keys(normalised)}
        names.update(_name_tokens(normalised) | {TOTAL})
    stored = set(db.session.execute(select(PersonMatchKey.record_id, PersonMatchKey.key)).all())
    assert stored == keys
    counted = db.session.execute(
        select(PersonNameCount.kind, PersonNameCount.token, PersonNameCount.count)
    )
    assert {(k, t): n for k, t, n in counted if n} == dict(names)


def _movements_follow_each_other():
    states = {}
    for m in db.session.scalars(select(Movement).order_by(Movement.id)):
        before = states.get(m.admission_id)
        assert m.from_state == before and before in ALLOWED_FROM[m.kind], m.id
        states[m.admission_id] = m.to_state


def _cells_never_over_capacity():
    capacity = dict(db.session.execute(select(Cell.id, Cell.capacity)).all())
    events = defaultdict(list)
    for cell_id, start, end in db.session.execute(
        select(CellAllocation.cell_id, CellAllocation.start_at, CellAllocation.end_at)
    ):
        events[cell_id].append((as_utc(start), 1))
        if end is not None:
            events[cell_id].append((as_utc(end), -1))
    for cell_id, changes in events.items():
        level = 0
        for _, delta in sorted(changes, key=lambda e: (e[0], e[1])):
            level += delta
            assert level <= capacity[cell_id], cell_id


def test_bulk_entered_persons_are_indexed_as_one_by_one(app):
    from datetime import date

    from common.persons.bulk import bulk_register
    from common.persons.services import register_record

    ana = {"given_name": "Ana", "surname": "Cal", "sex": "F", "date_of_birth": date(1990, 3, 4)}
    with app.app_context(), acting_as("system:demo"):
        register_record("court", "C-1", **{**ana, "given_name": "Anna"})
        ids = bulk_register(
            "prison",
            [("P-1", ana), ("P-2", {**ana, "given_name": "Luis", "sex": "M"})],
            source="demo",
        )
        register_record("lims", "L-1", **{**ana, "surname": "Pop"})
        db.session.commit()
        assert len(set(ids)) == 2
        _index_matches_the_records_of(db.session.scalars(select(PersonRecord)).all())
        counts = dict(
            db.session.execute(
                select(PersonNameCount.token, PersonNameCount.count).where(
                    PersonNameCount.kind == "s"
                )
            ).all()
        )
        assert counts == {"cal": 3, "pop": 1}
        found = find_candidates({**ana, "district": ""}, limit=3)
        assert found[0].record.id == ids[0]
        loaded = db.session.scalars(
            select(AuditEntry.entity_type).where(AuditEntry.action == "bulk_load")
        ).all()
        assert sorted(loaded) == ["Person", "PersonRecord"]
        assert verify_chain(db.session.connection(), app.config["AUDIT_KEY"]).ok
