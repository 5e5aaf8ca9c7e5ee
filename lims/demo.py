"""Forensic LIMS demo data: ten years of cases with items, custody chains, analyses, reports.

Deterministic for a seed. Cases older than RECENT_DAYS are bulk-loaded (lims.demo_history);
the recent cases go through the services, so their report PDFs exist. Requests older
than their discipline's usual turnaround are completed (reviewed and reported); a share
stays open, so the backlog chart has something to show.
"""

import random
import sys
from datetime import date, timedelta

from sqlalchemy import select

from common.extensions import db
from common.iccs.models import NationalOffence
from common.identity.models import User
from common.persons.models import PersonRecord
from lims.analysis.services import (
    assign,
    create_request,
    grant_qualification,
    record_result,
    review,
)
from lims.custody.services import append_entry
from lims.demo_history import load_history
from lims.demo_story import (
    ASSIGNED_SHARE,
    DISCIPLINES,
    INTAKE,
    MANAGER,
    OPEN_SHARE,
    PERSON_SHARE,
    QUALIFIED,
    RECENT_DAYS,
    REVIEWERS,
    analysis_duration,
    analyst_for,
    case_details,
    discipline_codes,
    item_details,
    move_fields,
    receipt_times,
    request_details,
    result_details,
)
from lims.intake.models import CasePerson
from lims.intake.services import create_case
from lims.items.services import create_item, create_location
from lims.reports.services import release_report
from lims.times import now_utc

CASES_PER_SCALE = 2800


def _users():
    emails = [INTAKE, MANAGER, *QUALIFIED, *REVIEWERS]
    users = {u.email: u for u in db.session.scalars(select(User).where(User.email.in_(emails)))}
    missing = set(emails) - set(users)
    if missing:
        raise RuntimeError(f"demo accounts missing: {sorted(missing)}")
    return users


def _qualify(users):
    for email, codes in QUALIFIED.items():
        for code in codes:
            grant_qualification(users[email], code, date(2016, 1, 4))
    for email in REVIEWERS:
        for code in DISCIPLINES:
            grant_qualification(users[email], code, date(2016, 1, 4))


def _storage():
    building = create_location("BUILDING", "NFSS Ladyville")
    room = create_location("ROOM", "Evidence store", building.id)
    lockers = [create_location("LOCKER", f"Locker {n}", room.id) for n in (1, 2, 3)]
    shelves = [create_location("SHELF", f"Shelf {c}", lockers[0].id) for c in "AB"]
    fridge = create_location("FRIDGE", "Fridge 1", room.id)
    return [*lockers[1:], *shelves, fridge]


def _move(item, giver, place=None, receiver=None, at=None, purpose="STORAGE"):
    """A custody entry from `giver` (a user or a location) to a place or a person."""
    append_entry(item, **move_fields(giver, place, receiver, purpose), occurred_at=at)


class DemoLab:
    """Builds the recent cases one by one with the services, at the times of the story."""

    def __init__(self, rng, users, places, offences, records, now):
        self.rng, self.users, self.places, self.now = rng, users, places, now
        self.offences, self.records = offences, records
        self.stats = {"cases": 0, "items": 0, "requests": 0, "reports": 0, "open": 0}

    def case(self, n, received):
        """One case with its items, persons, custody and analyses."""
        rng, intake = self.rng, self.users[INTAKE]
        case = create_case(case_details(rng, received, self.offences), intake.id)
        self.stats["cases"] += 1
        if self.records and rng.random() < PERSON_SHARE:
            record_id, person_id = self.records[n % len(self.records)]
            db.session.add(
                CasePerson(
                    case_id=case.id,
                    role=rng.choice(("SUSPECT", "VICTIM", "DECEASED")),
                    person_id=person_id,
                    person_record_id=record_id,
                )
            )
        for code in discipline_codes(rng):
            self.analysis(case, code, received)

    def analysis(self, case, code, received):
        """An item of the discipline, stored, analysed, reviewed and reported (if old enough)."""
        rng, intake = self.rng, self.users[INTAKE]
        details = item_details(rng, code, case.lab_number, case.item_count + 1)
        item = create_item(case, {**details, "received_at": received}, intake)
        self.stats["items"] += 1
        place = rng.choice(self.places)
        _move(item, intake, place=place, at=received + timedelta(minutes=30))
        request = create_request(
            case, {**request_details(rng, code, received), "item_ids": [item.id]}
        )
        self.stats["requests"] += 1
        duration = analysis_duration(rng, code)
        if received + duration > self.now or rng.random() < OPEN_SHARE:
            self.stats["open"] += 1
            if rng.random() < ASSIGNED_SHARE:
                self.assign(request, code, received + timedelta(days=1))
            return
        analyst = self.assign(request, code, received + timedelta(days=1))
        start = received + duration * 0.3
        _move(item, place, receiver=analyst, at=start, purpose="ANALYSIS")
        result = record_result(request, analyst, result_details(code), at=start + duration * 0.4)
        _move(item, analyst, place=place, at=start + duration * 0.4 + timedelta(hours=1))
        tech, admin = rng.sample([self.users[e] for e in REVIEWERS], 2)
        review(result, "TECHNICAL", tech, True, at=start + duration * 0.5)
        review(result, "ADMINISTRATIVE", admin, True, at=start + duration * 0.6)
        release_report(request, self.users[MANAGER], received + duration)
        self.stats["reports"] += 1

    def assign(self, request, code, at):
        """Assign to the demo analyst qualified in the discipline."""
        analyst = analyst_for(self.users, code)
        return assign(request, analyst, request.version, at=at).analyst


def load_demo(scale, seed, progressbar):
    """Create the lab's storage, qualifications and ten years of cases; returns summary lines."""
    users = _users()
    _qualify(users)
    places = _storage()
    offences = list(db.session.scalars(select(NationalOffence.id)))
    records = list(
        db.session.execute(
            select(PersonRecord.id, PersonRecord.person_id).where(PersonRecord.system == "lims")
        )
    )
    total = max(1, int(scale * CASES_PER_SCALE))
    rng, now = random.Random(seed), now_utc()
    times = receipt_times(rng, total, now)
    cutoff = now - timedelta(days=RECENT_DAYS)
    older = [t for t in times if t < cutoff]
    history = load_history(rng, users, places, offences, records, older, now)
    lab = DemoLab(rng, users, places, offences, records, now)
    recent = times[len(older) :]
    with progressbar(length=len(recent), label="Lab cases", file=sys.stderr) as bar:
        for n, received in enumerate(recent, start=len(older)):
            lab.case(n, received)
            bar.update(1)
    s = lab.stats
    return [
        f"Lab cases: {total} ({history['cases']} bulk-loaded history, {s['cases']} in the last "
        f"{RECENT_DAYS} days), items: {history['items'] + s['items']}, requests: "
        f"{history['requests'] + s['requests']} ({history['open'] + s['open']} open), "
        f"report PDFs: {s['reports']}"
    ]
