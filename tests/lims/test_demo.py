"""The LIMS demo: cases over ten years with intact custody chains, reports and a backlog."""

from contextlib import contextmanager

from sqlalchemy import func, select

from common.audit.chain import verify_chain
from common.audit.services import acting_as
from common.demo.loader import load_demo_accounts
from common.extensions import db
from lims import demo
from lims.analysis.models import AnalysisRequest
from lims.custody.chain import verify_all_items
from lims.intake.models import LabCase
from lims.reports.models import Report


@contextmanager
def _bar(length, label, file):
    class Bar:
        def update(self, n):
            pass

    yield Bar()


def test_demo_cases_span_years_with_intact_chains_reports_and_backlog(app, monkeypatch):
    monkeypatch.setattr(demo, "CASES_PER_SCALE", 40)
    with app.app_context(), acting_as("demo"):
        load_demo_accounts()
        lines = demo.load_demo(1, 2026, _bar)
        db.session.commit()
        assert lines[0].startswith("Lab cases: 40")
        first, last = db.session.execute(
            select(func.min(LabCase.received_at), func.max(LabCase.received_at))
        ).one()
        assert (last - first).days > 8 * 365
        states = dict(
            db.session.execute(
                select(AnalysisRequest.state, func.count()).group_by(AnalysisRequest.state)
            ).all()
        )
        assert states.get("COMPLETED", 0) > 20
        assert sum(n for s, n in states.items() if s != "COMPLETED") >= 1
        assert db.session.scalar(select(func.count()).select_from(Report)) >= 1
        key = app.config["AUDIT_KEY"]
        custody = verify_all_items(db.session.connection(), key)
        assert custody.ok and custody.checked > 100
        assert verify_chain(db.session.connection(), key).ok
