"""The LIMS demo: cases over ten years with intact custody chains, reports and a backlog."""

import json
from collections import defaultdict
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import func, select

from common.audit.chain import verify_chain
from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.demo.loader import load_demo_accounts
from common.extensions import db
from common.models import Counter
from lims import demo
from lims.analysis.models import AnalysisRequest, Result, Review
from lims.custody.chain import verify_all_items
from lims.custody.models import CustodyEntry
from lims.demo_story import RECENT_DAYS
from lims.intake.models import LabCase
from lims.intake.services import next_lab_number
from lims.items.models import Item
from lims.reports.models import Report
from lims.settings import setting
from lims.times import as_utc, belize_date, now_utc
from tests.lims.helpers import client_as

CASES = 200


@contextmanager
def _bar(length, label, file):
    class Bar:
        def update(self, n):
            pass

    yield Bar()


def _load(app, monkeypatch):
    monkeypatch.setattr(demo, "CASES_PER_SCALE", CASES)
    with acting_as("demo"):
        load_demo_accounts()
        lines = demo.load_demo(1, 2026, _bar)
        db.session.commit()
    return lines


def _bulk_counts():
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "bulk_load"))
    return {e.entity_type: json.loads(e.changes)["rows"] for e in entries}


def _older_count(model, *joins):
    cutoff = now_utc() - timedelta(days=RECENT_DAYS)
    query = select(func.count()).select_from(model)
    for join in joins:
        query = query.join(*join)
    return db.session.scalar(query.where(LabCase.received_at < cutoff))


def test_demo_spans_ten_years_with_intact_chains_reports_and_backlog(app, monkeypatch):
    with app.app_context():
        lines = _load(app, monkeypatch)
        assert lines[0].startswith(f"Lab cases: {CASES} (")
        assert db.session.scalar(select(func.count(LabCase.id))) == CASES
        first, last = db.session.execute(
            select(func.min(LabCase.received_at), func.max(LabCase.received_at))
        ).one()
        assert (last - first).days > 9 * 365
        key = app.config["AUDIT_KEY"]
        custody = verify_all_items(db.session.connection(), key)
        entries = db.session.scalar(select(func.count(CustodyEntry.id)))
        assert custody.ok and custody.checked == entries > 2 * CASES
        assert verify_chain(db.session.connection(), key).ok
        cutoff = now_utc() - timedelta(days=setting("LIMS_BACKLOG_DAYS"))
        backlog = db.session.scalar(
            select(func.count(AnalysisRequest.id)).where(
                AnalysisRequest.state != "COMPLETED", AnalysisRequest.received_at < cutoff
            )
        )
        assert backlog >= 3
        recent = now_utc() - timedelta(days=RECENT_DAYS)
        reported = db.session.scalars(
            select(LabCase.received_at).join(AnalysisRequest).join(Report)
        ).all()
        assert len(reported) >= 3 and all(as_utc(t) >= recent for t in reported)


def test_bulk_history_is_audited_per_table_with_its_row_counts(app, monkeypatch):
    with app.app_context():
        _load(app, monkeypatch)
        counts = _bulk_counts()
        older_cases = _older_count(LabCase)
        assert CASES * 0.7 < older_cases < CASES
        assert counts["LabCase"] == older_cases
        assert counts["Item"] == _older_count(Item, (LabCase,))
        assert counts["AnalysisRequest"] == _older_count(AnalysisRequest, (LabCase,))
        assert counts["CustodyEntry"] == _older_count(CustodyEntry, (Item,), (LabCase,))
        assert counts["Result"] == _older_count(Result, (AnalysisRequest,), (LabCase,))
        assert counts["Review"] == 2 * counts["Result"] > 0
        assert counts["lims_request_item"] == counts["AnalysisRequest"]
        assert set(counts) >= {"CasePerson", "ItemSeal"}


def test_bulk_reviews_are_by_two_people_neither_the_analyst(app, monkeypatch):
    with app.app_context():
        _load(app, monkeypatch)
        reviewers = defaultdict(set)
        rows = db.session.execute(
            select(Review.result_id, Review.reviewer_id, Result.analyst_id).join(Result)
        )
        for result_id, reviewer_id, analyst_id in rows:
            assert reviewer_id != analyst_id
            reviewers[result_id].add(reviewer_id)
        assert reviewers and all(len(people) == 2 for people in reviewers.values())


def test_lab_numbers_run_per_year_in_receipt_order_and_new_cases_continue(app, monkeypatch):
    with app.app_context():
        _load(app, monkeypatch)
        by_year = defaultdict(list)
        cases = db.session.execute(
            select(LabCase.received_at, LabCase.lab_number).order_by(
                LabCase.received_at, LabCase.id
            )
        )
        for received, number in cases:
            by_year[belize_date(as_utc(received)).year].append(number)
        assert len(by_year) >= 10
        for year, numbers in by_year.items():
            expected = [f"NFSS-{year}-{seq:05d}" for seq in range(1, len(numbers) + 1)]
            assert numbers == expected
            assert db.session.get(Counter, f"lims:case:{year}").last_value == len(numbers)
        year = belize_date(now_utc()).year
        assert next_lab_number(now_utc()) == f"NFSS-{year}-{len(by_year[year]) + 1:05d}"
        db.session.rollback()


def test_a_bulk_loaded_item_page_shows_its_chain_intact(app, make_user, monkeypatch):
    with app.app_context():
        _load(app, monkeypatch)
        item_id = db.session.scalar(
            select(Item.id).where(Item.custody_count == 4).order_by(Item.id).limit(1)
        )
    client, _ = client_as(app, make_user, "lab_manager")
    page = client.get(f"/lims/items/{item_id}").get_data(as_text=True)
    assert 'data-chain="intact"' in page and "4 entries, intact" in page
