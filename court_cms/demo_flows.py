"""Demo data across the systems, loaded after the three apps' demos.

- Lab cases are linked to the court cases of the same person (suspect in the lab case,
  defendant in the court case), as a clerk would from the lab's case number.
- Some pending linked cases, whose lab case has an open request, get a mention after the
  request was received, adjourned "awaiting forensic report" and linked to that request:
  the lab's "Holding up court cases" panel and the court's case page show them.
- The remand delay report needs nothing more: it reads the prison's remand episodes and
  the court's hearings of the same persons.
The lab is asked through its providers; the court writes through its own services.
"""

import random
from datetime import timedelta

from sqlalchemy import func, select

from common.extensions import db
from common.flows.registry import ask
from common.links.services import link_to_lab_case
from common.persons.models import PersonRecord
from common.timefmt import belize_today
from court_cms.cases.models import Case, Party
from court_cms.hearings.services import adjourn, hearings_of, schedule_hearing
from court_cms.reference.models import AdjournmentReason

LINKS_PER_SCALE = 60
WAITS_PER_SCALE = 12


def persons_in_lab_and_court():
    """Ids of persons with both a lab and a court record, in a fixed order."""
    return list(
        db.session.scalars(
            select(PersonRecord.person_id)
            .where(PersonRecord.system.in_(("lims", "court")))
            .group_by(PersonRecord.person_id)
            .having(func.count(func.distinct(PersonRecord.system)) == 2)
            .order_by(PersonRecord.person_id)
        )
    )


def pairs_of(person_id):
    """[(lab case row, court Case)] of a suspect who is a defendant: at most one pair.

    The lab case with an open request and the pending court case are preferred, else the
    most recent of each.
    """
    lab = [c for c in ask("lims.person_cases", person_id) if c["role"] == "Suspect"]
    cases = db.session.scalars(
        select(Case)
        .join(Party, Party.case_id == Case.id)
        .where(Party.person_id == person_id, Party.role == "DEFENDANT")
        .order_by(Case.filed_on.desc())
    ).all()
    if not lab or not cases:
        return []
    lab_case = next((c for c in lab if any(r.is_open for r in c["requests"])), lab[0])
    court_case = next((c for c in cases if c.status == "PENDING"), cases[0])
    return [(lab_case, court_case)]


def candidate_pairs():
    """Every pair, those a court could be waiting on (pending, open request) first."""
    seen, pairs = set(), []
    for person_id in persons_in_lab_and_court():
        for lab_row, case in pairs_of(person_id):
            if (lab_row["case"].id, case.id) not in seen:
                seen.add((lab_row["case"].id, case.id))
                pairs.append((lab_row, case))
    waiting = [p for p in pairs if _open_request(p) and p[1].status == "PENDING"]
    return waiting + [p for p in pairs if p not in waiting]


def _open_request(pair):
    return next((r for r in pair[0]["requests"] if r.is_open), None)


def _mention_day(case, request, today):
    """A day after the request's receipt and the case's last past hearing, before today."""
    past = [h.scheduled_on for h in hearings_of(case.id) if h.scheduled_on < today]
    day = max([request.received_on + timedelta(days=14), case.filed_on, *past]) + timedelta(days=1)
    return day if day < today else None


def wait_on_lab(case, request, reason, rng, today):
    """List a past mention adjourned awaiting the forensic report; True when done."""
    day = _mention_day(case, request, today)
    if day is None:
        return False
    mention = schedule_hearing(case, "MENTION", day, case.court.courtrooms[0].id)
    next_on = today + timedelta(days=rng.randint(7, 35))
    data = {"reason_id": reason.id, "next_on": next_on, "lab_request_id": request.id}
    adjourn(mention, data, mention.version, today=today)
    return True


def load_demo(scale, seed, progressbar, today=None):
    """Link lab and court cases of the same persons; returns summary lines."""
    today = today or belize_today()
    rng = random.Random(seed + 8)
    reason = db.session.scalar(
        select(AdjournmentReason).where(AdjournmentReason.code == "AWAIT_FORENSIC")
    )
    links = waits = 0
    for lab_row, case in candidate_pairs()[: scale * LINKS_PER_SCALE]:
        link_to_lab_case(case.id, lab_row["case"].number)
        links += 1
        request = _open_request((lab_row, case))
        if request and case.status == "PENDING" and waits < scale * WAITS_PER_SCALE:
            waits += wait_on_lab(case, request, reason, rng, today)
    return [f"Lab cases linked to court cases: {links}; adjournments awaiting the lab: {waits}"]
