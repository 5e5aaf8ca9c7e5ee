"""Demo of the court → prison flows: an inbox with pending orders, accepted orders linking
prison and court records, a release timed from the order, and tomorrow's production list.

Built through the court's and the prison's own services (as the demo clerk and officer), on
inmates the prison demo holds on remand, after both apps' demo histories are loaded.
"""

from datetime import time, timedelta

from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.iccs.models import NationalOffence
from common.identity.models import User
from common.inbox.models import InboxItem
from common.persons.models import PersonRecord
from court_cms.cases.services import add_charge, add_party, file_case, record_outcome
from court_cms.custody.listings import publish_hearing
from court_cms.hearings.models import Hearing
from court_cms.hearings.services import schedule_hearing
from court_cms.orders.services import make_order
from court_cms.reference.models import Court
from court_cms.sentences.services import record_sentence
from prison_ims.inbox.services import accept_into_existing
from prison_ims.movements.services import custody_at
from prison_ims.population.services import snapshot_range
from prison_ims.releases.services import record_release
from prison_ims.times import belize_date, now_utc

NEW_DEFENDANT = {
    "given_name": "Jermaine",
    "middle_name": "",
    "surname": "Tillett",
    "sex": "M",
    "district": "BZ",
}
COURT_CODE = "MCBZ"


def _user_id(email):
    return db.session.scalar(select(User.id).where(User.email == email))


class _Flows:
    """Cases for chosen inmates, each taken as far as its part of the demo needs."""

    def __init__(self, today):
        self.today = today
        self.court = db.session.scalar(select(Court).where(Court.code == COURT_CODE))
        self.clerk = _user_id("clerk@demo.justice.bz")
        self.officer = _user_id("officer@demo.justice.bz")
        self.offence = db.session.scalar(
            select(NationalOffence.id)
            .where(NationalOffence.active.is_(True))
            .order_by(NationalOffence.id)
            .limit(1)
        )

    def case(self, admission=None, identity=None, custody=False, filed_days_ago=40, person=None):
        """A case with one defendant: the inmate's master person, a known person or a new one."""
        case = file_case(
            {
                "court_id": self.court.id,
                "case_type": "CR",
                "filed_on": self.today - timedelta(days=filed_days_ago),
                "prosecuting_agency": "Belize Police Department",
                "police_case_number": "BZ-CID-DEMO",
                "judicial_officer": "Magistrate Dalton",
            },
            self.clerk,
            self.today,
        )
        if admission is not None:
            rec = admission.person_record
            identity = {k: getattr(rec, k) for k in ("given_name", "surname", "sex", "district")}
            identity["date_of_birth"] = rec.date_of_birth
        if admission is not None:
            person = admission.person.public_id
        party = add_party(case, "DEFENDANT", person, identity, "Duty counsel", custody)
        offence = (
            admission.offences[0].national_offence_id if admission is not None else self.offence
        )
        count = add_charge(party, offence, "Demo count")
        return case, party, count

    def remand(self, case, party, made_days_ago=0):
        """A remand in custody to a court date two weeks ahead."""
        made = self.today - timedelta(days=made_days_ago)
        order = make_order(
            case,
            party,
            {"kind": "REMAND", "made_on": made, "expires_on": self.today + timedelta(days=14)},
            self.clerk,
            self.today,
        )
        return db.session.scalar(
            select(InboxItem).where(
                InboxItem.source_type == "CourtOrder", InboxItem.source_id == order.id
            )
        )

    def convict_and_sentence(self, count, years):
        """A guilty plea today and a prison term."""
        on = self.today
        record_outcome(
            count,
            {"plea": "GUILTY", "plea_on": on, "disposition": "CONVICTED", "disposition_on": on},
            count.version,
            self.clerk,
            self.today,
        )
        record_sentence(
            count, {"kind": "CUSTODIAL", "imposed_on": on, "years": years}, self.clerk, on
        )

    def acquit(self, count, on):
        """A verdict of not guilty."""
        data = {
            "plea": "NOT_GUILTY",
            "plea_on": on,
            "verdict": "NOT_GUILTY",
            "disposition": "ACQUITTED",
            "disposition_on": on,
        }
        record_outcome(count, data, count.version, self.clerk, self.today)

    def accept(self, item, admission):
        """The demo officer accepts the latest item into the inmate's file."""
        return accept_into_existing(item.id, item.version, admission.id, self.officer)

    def hearing_tomorrow(self, case, at):
        """A mention tomorrow in Court 1, on the production list."""
        room = self.court.courtrooms[0]
        schedule_hearing(case, "MENTION", self.today + timedelta(days=1), room.id, at, self.clerk)


def _free_person(held):
    """(public id, identity) of a demo person the court knows and the prison does not hold;
    a new person when there is none."""
    for record in db.session.scalars(
        select(PersonRecord).where(PersonRecord.system == "court").order_by(PersonRecord.id)
    ):
        if record.person_id not in held and record.person.merged_into_id is None:
            identity = {k: getattr(record, k) for k in ("given_name", "surname", "sex", "district")}
            return record.person.public_id, identity | {"date_of_birth": record.date_of_birth}
    return None, NEW_DEFENDANT


def _latest_item(kind):
    return db.session.scalar(
        select(InboxItem).where(InboxItem.kind == kind).order_by(InboxItem.id.desc()).limit(1)
    )


def _timed_release(flows, admission):
    """An acquittal recorded yesterday, accepted, and the release carried out this morning."""
    case, party, count = flows.case(admission, custody=True)
    flows.acquit(count, flows.today - timedelta(days=1))
    item = _latest_item("release_action")
    item.created_at = now_utc() - timedelta(hours=26)  # the order reached the prison yesterday
    db.session.flush()
    flows.accept(item, admission)
    record_release(
        admission,
        {
            "released_at": now_utc() - timedelta(minutes=30),
            "grounds": "COURT_ORDER",
            "authority_reference": f"{case.case_number}, acquitted",
            "authority_checked": True,
            "property_returned": True,
            "release_date_verified": True,
        },
        flows.officer,
    )


def publish_future_listings(today):
    """Listings of every hearing still to come (the court demo writes hearings in bulk)."""
    hearings = db.session.scalars(
        select(Hearing).where(Hearing.outcome == "SCHEDULED", Hearing.scheduled_on >= today)
    ).all()
    for hearing in hearings:
        publish_hearing(hearing)
    return len(hearings)


def load_demo(scale, seed, progressbar):
    """Pending and accepted court orders, a timed release, tomorrow's list; summary lines."""
    today = belize_date(now_utc())
    held = [a for a, _ in custody_at() if a.legal_status == "REMAND" and a.offences]
    remanded = sorted(held, key=lambda a: a.admitted_at, reverse=True)  # short remands first
    if len(remanded) < 6:
        return ["Court → prison flows: not enough inmates on remand for the demo"]
    flows = _Flows(today)
    with acting_as("demo"):
        listed = publish_future_listings(today)
        # Pending: a remand of someone new to the prison, a sentence, a release.
        public_id, identity = _free_person({a.person_id for a, _ in custody_at()})
        case, party, _ = flows.case(identity=identity, person=public_id)
        flows.remand(case, party)
        flows.hearing_tomorrow(case, time(9, 0))
        _, _, count = flows.case(remanded[0], custody=True)
        flows.convict_and_sentence(count, years=3)
        _, _, count = flows.case(remanded[1], custody=True)
        flows.acquit(count, today)
        # Accepted: remands linking the files, one on tomorrow's list; a sentence to confirm.
        for admission, at in ((remanded[2], time(9, 30)), (remanded[3], time(10, 0))):
            case, party, _ = flows.case(admission)
            flows.accept(flows.remand(case, party, made_days_ago=1), admission)
            flows.hearing_tomorrow(case, at)
        _, _, count = flows.case(remanded[4], custody=True)
        flows.convict_and_sentence(count, years=2)
        flows.accept(_latest_item("custodial_sentence"), remanded[4])
        _timed_release(flows, remanded[5])
        # Today's population was counted with the prison history, before these flows: count
        # it again, as the nightly snapshot run would, so it equals the sum of the movements.
        snapshot_range(today, today)
        db.session.flush()
    return [
        "Court → prison: 3 orders pending in the prison inbox, 4 accepted (case links, a "
        f"sentence awaiting confirmation, a release timed); listings published: {listed + 3}"
    ]
