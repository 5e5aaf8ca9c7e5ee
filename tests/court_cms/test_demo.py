"""Court demo data: ten years of cases on the demo persons, with adjournments and a backlog."""

from contextlib import contextmanager
from datetime import date

from sqlalchemy import func, select

from common.audit.services import acting_as
from common.demo.persons import load_persons
from common.extensions import db
from common.persons.models import PersonRecord
from common.timefmt import belize_today
from court_cms.cases.models import Case, Party
from court_cms.demo import load_demo
from court_cms.hearings.models import Hearing
from court_cms.metrics.measures import Period
from court_cms.statistics.services import measures


class _Bar:
    def update(self, n):
        pass


@contextmanager
def _progressbar(**_kwargs):
    yield _Bar()


def test_demo_cases_use_the_demo_persons_and_leave_a_backlog(app):
    with app.app_context(), acting_as("test"):
        load_persons(1, seed=7)
        lines = load_demo(1, 7, _progressbar)
        db.session.commit()
        assert lines[0].startswith("Court cases: 1000 in 9 courts")
        years = db.session.execute(select(func.min(Case.filed_on), func.max(Case.filed_on))).one()
        assert (years[1] - years[0]).days > 9 * 365
        courts = db.session.scalar(select(func.count(func.distinct(Case.court_id))))
        assert courts == 9
        records = select(Party.person_record_id).subquery()
        systems = db.session.scalars(
            select(func.distinct(PersonRecord.system)).where(PersonRecord.id.in_(select(records)))
        ).all()
        assert systems == ["court"]
        pending = db.session.scalar(select(func.count()).where(Case.status == "PENDING"))
        assert 100 < pending < 600  # a backlog, but most cases are disposed
        today = belize_today()
        result = measures(Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)))
        assert result["adjournments"].adjourned > 100
        assert result["adjournments"].by_reason  # several reasons recorded
        assert len(result["adjournments"].by_side) >= 4
        assert result["pending_age"].bands[-1].cases.count > 0  # cases older than two years
        assert result["clearance"].rate is not None
        orphan = db.session.scalar(
            select(func.count()).where(
                Hearing.outcome == "ADJOURNED", Hearing.next_hearing_id.is_(None)
            )
        )
        assert orphan == 0
