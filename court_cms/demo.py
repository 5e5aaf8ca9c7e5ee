"""Court demo data: ten years of cases in several courts, with adjournments and a backlog.

Defendants, complainants and witnesses are the demo persons' court records already in the
person index. Every case runs a hearing history drawn from adjournment patterns like the
registers show (prosecution not ready and absent witnesses most often, then forensic reports
and accused not produced); older cases are mostly disposed, recent ones mostly pending.
"""

import random
import sys
from datetime import time, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from common.iccs.models import NationalOffence
from common.persons.models import PersonRecord
from common.timefmt import belize_today
from court_cms.cases.models import Case, CaseStatusChange, Charge, Party
from court_cms.cases.services import next_case_number
from court_cms.hearings.models import Hearing
from court_cms.orders.models import Appeal, CourtOrder, Sentence
from court_cms.reference.models import AdjournmentReason, Court

CASES_PER_SCALE = 1000
YEARS = 10
COURT_WEIGHTS = {
    "MCBZ": 30,
    "MCCY": 10,
    "MCOW": 8,
    "MCSC": 7,
    "MCCZ": 6,
    "MCTO": 5,
    "SC": 20,
    "SCN": 7,
    "SCS": 7,
}
REASON_WEIGHTS = {
    "PROS_NOT_READY": 22,
    "WITNESS_ABSENT": 18,
    "AWAIT_FORENSIC": 12,
    "AWAIT_DISCLOSURE": 8,
    "NOT_PRODUCED": 9,
    "DEF_COUNSEL_ABSENT": 9,
    "DEF_NEW_COUNSEL": 5,
    "ACCUSED_ABSENT": 5,
    "COURT_TIME": 6,
    "JUDGE_UNAVAILABLE": 3,
    "JURY_UNAVAILABLE": 1,
    "INTERPRETER": 1,
    "PLEA_NEGOTIATION": 1,
}
# (chance a listed hearing is adjourned, days between hearings) per court level.
LEVEL_PATTERN = {"MC": (0.55, (21, 70)), "SC": (0.65, (42, 180))}
ROUTE = {"MC": ["MENTION", "PLEA", "TRIAL"], "SC": ["MENTION", "PLEA", "CASE_MGMT", "TRIAL"]}
ENDINGS = [("PLEA", 38), ("TRIAL_GUILTY", 20), ("TRIAL_ACQUIT", 14), ("DROPPED", 28)]
DROPS = ["WITHDRAWN", "NOLLE_PROSEQUI", "DISMISSED", "DISCHARGED"]
JUDGES = {
    "MC": ["Magistrate Dalton", "Magistrate Herrera", "Magistrate Flowers", "Magistrate Pook"],
    "SC": ["Hon. Justice Moore", "Hon. Justice Arana", "Hon. Justice Lord", "Hon. Justice Young"],
}
DEFENCE = ["A. Sylvestre", "D. Bradley", "S. Chebat", "R. Williams", "Legal Aid Centre", ""]
PROSECUTORS = ["Crown Counsel Young", "Crown Counsel Vidal", "Insp. Usher (police prosecutor)"]
SITTINGS = [time(9, 0), time(9, 30), time(10, 0), time(13, 30), None]


class _Draw:
    """The random choices of one demo run (seeded: the same demo every time)."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def weighted(self, weights):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def filing_date(self, today):
        """Filings grow over the decade (more recent years have more cases)."""
        span = YEARS * 365
        back = int(span * (1 - self.rng.random() ** 0.8))
        return today - timedelta(days=back)


def _reference():
    courts = {c.code: c for c in db.session.scalars(select(Court))}
    reasons = {r.code: r for r in db.session.scalars(select(AdjournmentReason))}
    offences = db.session.scalars(
        select(NationalOffence.id).where(NationalOffence.active.is_(True))
    ).all()
    people = db.session.scalars(
        select(PersonRecord).where(PersonRecord.system == "court").order_by(PersonRecord.id)
    ).all()
    return courts, reasons, offences, people


def _party(case, record, role, counsel="", custody=False):
    party = Party(
        role=role,
        person_id=record.person_id,
        person_record_id=record.id,
        counsel=counsel,
        in_custody=custody,
    )
    case.parties.append(party)
    return party


class _CaseBuilder:
    """Builds one case with its parties, charges, hearings and outcome."""

    def __init__(self, draw, reasons, offences, people, today):
        self.draw, self.reasons, self.offences, self.people = draw, reasons, offences, people
        self.today = today

    def build(self, court, filed):
        """One case of the court filed that day, with everything that happened in it."""
        rng = self.draw.rng
        level = court.level
        case = Case(
            case_number=next_case_number(court, "CR", filed),
            court_id=court.id,
            case_type="CR",
            filed_on=filed,
            prosecuting_agency="Office of the Director of Public Prosecutions"
            if level == "SC"
            else "Belize Police Department",
            police_case_number=f"{court.district}-CID-{filed.year}-{rng.randint(1, 9999):04d}",
            prosecutor=rng.choice(PROSECUTORS),
            judicial_officer=rng.choice(JUDGES[level]),
        )
        case.status_history.append(CaseStatusChange(to_status="PENDING", changed_on=filed))
        db.session.add(case)
        custody = rng.random() < (0.45 if level == "SC" else 0.2)
        accused = [
            _party(case, rng.choice(self.people), "DEFENDANT", rng.choice(DEFENCE), custody)
            for _ in range(1 if rng.random() < 0.85 else 2)
        ]
        if rng.random() < 0.6:
            _party(case, rng.choice(self.people), "COMPLAINANT")
        charges = []
        for party in accused:
            for n in range(1, rng.choice((2, 1, 1, 3)) + 1):
                count = Charge(count_number=n, national_offence_id=rng.choice(self.offences))
                party.charges.append(count)
                charges.append(count)
        end_day, ending, trials, hearings = self._hearings(case, court, level)
        if end_day is not None:
            self._dispose(case, charges, ending, end_day, hearings)
        if custody and case.status == "PENDING":
            self._remand(case, accused, hearings)
        return case

    def _hearings(self, case, court, level):
        """Hearings until the ending is reached or today is passed; (end day, ending, …)."""
        rng = self.draw.rng
        p_adjourn, (low, high) = LEVEL_PATTERN[level]
        ending = self.draw.weighted(dict(ENDINGS))
        route = ROUTE[level] if ending != "PLEA" else ROUTE[level][:2]
        if ending == "DROPPED":
            route = route[: rng.randint(1, len(route))]
        day = case.filed_on + timedelta(days=rng.randint(3, 30))
        hearings, trials, previous = [], 0, None
        for step, kind in enumerate(route):
            while True:
                room = rng.choice(court.courtrooms)
                listed = Hearing(
                    case=case,
                    courtroom=room,
                    hearing_type=kind,
                    scheduled_on=day,
                    scheduled_time=rng.choice(SITTINGS),
                )
                db.session.add(listed)
                hearings.append(listed)
                if previous is not None:
                    previous.next_hearing = listed
                trials += kind == "TRIAL"
                if day > self.today:
                    return None, ending, trials, hearings
                last_step = step == len(route) - 1
                if rng.random() < p_adjourn * (1.3 if kind == "TRIAL" else 1):
                    reason = self.reasons[self.draw.weighted(REASON_WEIGHTS)]
                    listed.outcome = "ADJOURNED"
                    listed.adjournment_reason_id = reason.id
                    listed.responsible_side = reason.default_side
                    previous = listed
                    day += timedelta(days=rng.randint(low, high))
                    continue
                listed.outcome = "HELD"
                previous = None
                if last_step:
                    return day, ending, trials, hearings
                day += timedelta(days=rng.randint(low, high))
                break
        return day, ending, trials, hearings

    def _dispose(self, case, charges, ending, day, hearings):
        rng = self.draw.rng
        for count in charges:
            if ending == "PLEA":
                count.plea, count.plea_on, count.disposition = "GUILTY", day, "CONVICTED"
            elif ending == "TRIAL_GUILTY":
                count.plea, count.verdict, count.disposition = "NOT_GUILTY", "GUILTY", "CONVICTED"
            elif ending == "TRIAL_ACQUIT":
                count.plea, count.verdict = "NOT_GUILTY", "NOT_GUILTY"
                count.disposition = "ACQUITTED"
            else:
                count.disposition = rng.choice(DROPS)
            count.disposition_on = day
        case.status, case.disposed_on = "DISPOSED", day
        case.status_history.append(
            CaseStatusChange(
                to_status="DISPOSED", changed_on=day, reason="Every charge disposed of"
            )
        )
        for count in charges:
            if count.disposition == "CONVICTED":
                self._sentence(case, count, day)

    def _sentence(self, case, count, day):
        rng = self.draw.rng
        kind = self.draw.weighted(
            {"CUSTODIAL": 50, "FINE": 25, "SUSPENDED": 10, "COMMUNITY": 8, "PROBATION": 7}
        )
        sentence = Sentence(charge=count, kind=kind, imposed_on=day)
        if kind == "CUSTODIAL":
            sentence.start_on = day
            if rng.random() < 0.02:
                sentence.life = True
            else:
                sentence.years, sentence.months = rng.randint(0, 12), rng.randint(0, 11)
                sentence.months = sentence.months or (0 if sentence.years else 6)
        elif kind == "FINE":
            sentence.fine_amount = Decimal(rng.choice((250, 500, 1000, 2500, 5000)))
        elif kind == "SUSPENDED":
            sentence.years, sentence.suspended_for_months = 1, rng.choice((12, 24, 36))
        elif kind == "COMMUNITY":
            sentence.community_hours = rng.choice((40, 80, 120, 240))
        else:
            sentence.years = rng.choice((1, 2, 3))
        db.session.add(sentence)
        if rng.random() < 0.08 and day + timedelta(days=10) <= self.today:
            db.session.add(
                Appeal(
                    case=case,
                    party=count.party,
                    lodged_on=day + timedelta(days=10),
                    deadline_on=day + timedelta(days=21),
                    grounds="Conviction unsafe; sentence manifestly excessive",
                )
            )

    def _remand(self, case, accused, hearings):
        """Remand to the next date; a few orders are left to run out (the home-page alarm)."""
        rng = self.draw.rng
        held = [h for h in hearings if h.scheduled_on <= self.today]
        made = held[-1].scheduled_on if held else case.filed_on
        nxt = hearings[-1].scheduled_on if hearings[-1].scheduled_on > made else None
        expires = nxt or made + timedelta(days=28)
        if rng.random() < 0.03:
            expires = self.today - timedelta(days=rng.randint(1, 10))
        if expires <= made:
            return
        for party in accused:
            db.session.add(
                CourtOrder(
                    case=case,
                    party=party,
                    kind="REMAND",
                    made_on=made,
                    expires_on=expires,
                )
            )


def load_demo(scale, seed, progressbar, today=None):
    """Create scale × 1000 cases over ten years in the courts; returns summary lines."""
    today = today or belize_today()
    courts, reasons, offences, people = _reference()
    if not people or not offences:
        return ["Court cases: none (no demo persons or offences)"]
    draw = _Draw(seed + 6)
    builder = _CaseBuilder(draw, reasons, offences, people, today)
    total = int(scale * CASES_PER_SCALE)
    with acting_as("demo"), progressbar(length=total, label="Court cases", file=sys.stderr) as bar:
        filings = sorted(
            (draw.filing_date(today), draw.weighted(COURT_WEIGHTS)) for _ in range(total)
        )
        for n, (filed, code) in enumerate(filings):
            with db.session.no_autoflush:
                builder.build(courts[code], filed)
            if n % 200 == 199:
                db.session.flush()
            bar.update(1)
        db.session.flush()
    pending = db.session.scalar(select(func.count(Case.id)).where(Case.status == "PENDING"))
    return [f"Court cases: {total} in {len(COURT_WEIGHTS)} courts, {pending} pending"]
