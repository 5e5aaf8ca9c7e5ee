"""The court → prison demo: pending orders, accepted ones, a timed release, tomorrow's list."""

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import func, select

from common.audit.services import acting_as
from common.demo.court_prison import load_demo
from common.demo.loader import load_demo_accounts
from common.extensions import db
from common.inbox.models import InboxItem
from prison_ims.inbox.models import CourtCaseLink
from prison_ims.inbox.timing import order_to_release_times
from prison_ims.production.services import production_list
from prison_ims.sentences.models import ReleaseDateCalculation
from prison_ims.times import belize_date, now_utc
from tests.prison_ims.helpers import admit

NAMES = ["Andre", "Brian", "Carlos", "Dwayne", "Elvin", "Felix"]


@contextmanager
def _progressbar(**_kwargs):
    yield None


def test_demo_fills_the_inbox_links_records_and_lists_tomorrow(app):
    with app.app_context(), acting_as("test"):
        load_demo_accounts()
        for n, name in enumerate(NAMES):
            admit(
                given_name=name, surname=f"Demo{n}", admitted_at=now_utc() - timedelta(days=n + 3)
            )
        lines = load_demo(1, 7, _progressbar)
        db.session.commit()
        assert lines[0].startswith("Court → prison: 3 orders pending")
        states = dict(
            db.session.execute(
                select(InboxItem.state, func.count()).group_by(InboxItem.state)
            ).all()
        )
        assert states == {"PENDING": 3, "ACCEPTED": 4}
        pending = set(
            db.session.scalars(select(InboxItem.kind).where(InboxItem.state == "PENDING"))
        )
        assert pending == {"remand_order", "custodial_sentence", "release_action"}
        assert db.session.scalar(select(func.count(CourtCaseLink.id))) == 4
        preliminary = db.session.scalars(
            select(ReleaseDateCalculation).where(ReleaseDateCalculation.state == "PRELIMINARY")
        ).all()
        assert len(preliminary) == 1
        timed = order_to_release_times()
        assert len(timed) == 1 and 25 <= timed[0]["hours"] <= 26
        tomorrow = production_list(belize_date(now_utc()) + timedelta(days=1))
        assert len(tomorrow) == 2
        assert [x.listed_at.strftime("%H:%M") for x, _ in tomorrow] == ["09:30", "10:00"]


def test_demo_without_inmates_on_remand_says_so(app):
    with app.app_context():
        assert "not enough inmates" in load_demo(1, 7, _progressbar)[0]
