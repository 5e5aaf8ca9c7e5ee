"""Forensic LIMS demo data: ten years of cases with items, custody chains, analyses, reports.

Deterministic for a seed. Requests older than their discipline's usual turnaround are
completed (reviewed and reported); a share stays open, so the backlog chart has something
to show.
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
from lims.custody.services import append_entry, person_label
from lims.intake.models import CasePerson
from lims.intake.services import create_case
from lims.items.services import create_item, create_location
from lims.reports.services import release_report
from lims.times import belize_date, now_utc

CASES_PER_SCALE = 300
YEARS = 10
# discipline: (item type, description, typical days to report, share of requests)
DISCIPLINES = {
    "DRUG": ("DRUGS", "Plastic bag with green plant material", 25, 0.30),
    "FIRE": ("FIREARM", "Pistol with magazine", 60, 0.18),
    "DNA": ("BIOLOGICAL", "Swabs from the scene", 90, 0.14),
    "TOX": ("TOXICOLOGY", "Blood and urine specimens", 40, 0.12),
    "PATH": ("BIOLOGICAL", "Post-mortem samples", 30, 0.10),
    "LATENT": ("LATENT", "Fingerprint lifts on cards", 35, 0.10),
    "DIGITAL": ("DEVICE", "Mobile phone", 75, 0.06),
}
AGENCIES = [
    ("Belize Police Department - Eastern Division", "BZ"),
    ("Belize Police Department - Western Division", "CY"),
    ("Belize Police Department - Northern Division", "OW"),
    ("Belize Police Department - Southern Division", "SC"),
    ("Belize Police Department - Toledo", "TOL"),
    ("Belize Police Department - Corozal", "CZL"),
]
OFFICERS = ["PC Andrea Young", "Cpl Marvin Gillett", "Sgt Elena Cal", "PC Jorge Novelo"]
QUALIFIED = {
    "analyst@demo.justice.bz": ("DNA", "TOX", "PATH", "DRUG"),
    "analyst2@demo.justice.bz": ("FIRE", "LATENT", "DIGITAL", "DRUG"),
}
REVIEWERS = ("reviewer@demo.justice.bz", "reviewer2@demo.justice.bz")


def _users():
    emails = ["intake@demo.justice.bz", "labmanager@demo.justice.bz", *QUALIFIED, *REVIEWERS]
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
    source = (
        {"from_kind": "PERSON", "from_user_id": giver.id, "from_label": person_label(giver)}
        if isinstance(giver, User)
        else {"from_kind": "LOCATION", "from_location_id": giver.id, "from_label": giver.path}
    )
    target = (
        {"to_kind": "LOCATION", "to_location_id": place.id, "to_label": place.path}
        if place is not None
        else {"to_kind": "PERSON", "to_user_id": receiver.id, "to_label": person_label(receiver)}
    )
    append_entry(
        item,
        **source,
        **target,
        occurred_at=at,
        purpose=purpose,
        seal_intact=True,
        receiver_authenticated=receiver is not None,
        recorded_by_id=receiver.id if receiver is not None else giver.id,
    )


class DemoLab:
    """Builds the cases one by one with the services, at the times of the story."""

    def __init__(self, seed, users, places, now):
        self.rng = random.Random(seed)
        self.users, self.places, self.now = users, places, now
        self.offences = list(db.session.scalars(select(NationalOffence.id)))
        self.records = list(
            db.session.execute(
                select(PersonRecord.id, PersonRecord.person_id).where(PersonRecord.system == "lims")
            )
        )
        self.stats = {"items": 0, "requests": 0, "reports": 0, "open": 0}

    def received_at(self, n, total):
        """Receipt times spread over ten years, more cases in later years."""
        fraction = (n + self.rng.random()) / total
        days_ago = YEARS * 365 * (1 - fraction**0.8)
        return self.now - timedelta(days=days_ago, hours=self.rng.randint(0, 8))

    def case(self, n, total):
        """One case with its items, persons, custody and analyses."""
        rng, intake = self.rng, self.users["intake@demo.justice.bz"]
        received = self.received_at(n, total)
        agency, district = rng.choice(AGENCIES)
        case = create_case(
            {
                "agency": agency,
                "officer_name": rng.choice(OFFICERS),
                "officer_number": str(rng.randint(100, 2999)),
                "agency_case_number": f"{district}-CR-{received.year}-{rng.randint(1, 9999):04d}",
                "national_offence_id": rng.choice(self.offences),
                "incident_date": belize_date(received) - timedelta(days=rng.randint(0, 20)),
                "district": district,
                "received_at": received,
            },
            intake.id,
        )
        if self.records and rng.random() < 0.6:
            record_id, person_id = self.records[n % len(self.records)]
            db.session.add(
                CasePerson(
                    case_id=case.id,
                    role=rng.choice(("SUSPECT", "VICTIM", "DECEASED")),
                    person_id=person_id,
                    person_record_id=record_id,
                )
            )
        codes, weights = zip(*((k, v[3]) for k, v in DISCIPLINES.items()), strict=True)
        for _ in range(1 if rng.random() < 0.7 else 2):
            self.analysis(case, rng.choices(codes, weights)[0], received)

    def analysis(self, case, code, received):
        """An item of the discipline, stored, analysed, reviewed and reported (if old enough)."""
        rng, intake = self.rng, self.users["intake@demo.justice.bz"]
        item_type, description, typical, _ = DISCIPLINES[code]
        item = create_item(
            case,
            {
                "item_type": item_type,
                "description": description,
                "quantity": 1,
                "packaging": "Sealed evidence bag",
                "seals": f"{case.lab_number[-5:]}-{case.item_count + 1}-{rng.randint(1000, 9999)}",
                "condition": "SEALED" if rng.random() < 0.95 else "DAMAGED",
                "deviations": "Bag torn at one corner; agency informed",
                "received_at": received,
            },
            intake,
        )
        self.stats["items"] += 1
        place = rng.choice(self.places)
        _move(item, intake, place=place, at=received + timedelta(minutes=30))
        request = create_request(
            case,
            {
                "discipline": code,
                "priority": "COURT" if rng.random() < 0.1 else "ROUTINE",
                "due_date": (received + timedelta(days=typical)).date(),
                "item_ids": [item.id],
            },
        )
        self.stats["requests"] += 1
        duration = timedelta(days=max(2.0, rng.lognormvariate(0, 0.5) * typical))
        stuck = rng.random() < 0.06
        if received + duration > self.now or stuck:
            self.stats["open"] += 1
            if rng.random() < 0.5:
                self.assign(request, code, received + timedelta(days=1))
            return
        analyst = self.assign(request, code, received + timedelta(days=1))
        start = received + duration * 0.3
        _move(item, place, receiver=analyst, at=start, purpose="ANALYSIS")
        result = record_result(
            request,
            analyst,
            {
                "method": f"NFSS {code} procedure v3",
                "findings": f"{description} examined as received.",
                "conclusion": "Findings as described; see the case notes.",
            },
            at=start + duration * 0.4,
        )
        _move(item, analyst, place=place, at=start + duration * 0.4 + timedelta(hours=1))
        tech, admin = rng.sample([self.users[e] for e in REVIEWERS], 2)
        review(result, "TECHNICAL", tech, True, at=start + duration * 0.5)
        review(result, "ADMINISTRATIVE", admin, True, at=start + duration * 0.6)
        if received > self.now - timedelta(days=365):
            release_report(request, self.users["labmanager@demo.justice.bz"], received + duration)
            self.stats["reports"] += 1
        else:
            _complete_without_pdf(request, received + duration)

    def assign(self, request, code, at):
        """Assign to the demo analyst qualified in the discipline."""
        email = next(e for e, codes in QUALIFIED.items() if code in codes)
        return assign(request, self.users[email], request.version, at=at).analyst


def _complete_without_pdf(request, at):
    """Older requests: completed on paper before the system (no stored PDF)."""
    request.state = "COMPLETED"
    request.completed_at = at
    db.session.flush()


def load_demo(scale, seed, progressbar):
    """Create the lab's storage, qualifications and ten years of cases; returns summary lines."""
    users = _users()
    _qualify(users)
    places = _storage()
    total = max(1, int(scale * CASES_PER_SCALE))
    lab = DemoLab(seed, users, places, now_utc())
    with progressbar(length=total, label="Lab cases", file=sys.stderr) as bar:
        for n in range(total):
            lab.case(n, total)
            bar.update(1)
    s = lab.stats
    return [
        f"Lab cases: {total}, items: {s['items']}, requests: {s['requests']} "
        f"({s['open']} open), report PDFs: {s['reports']}"
    ]
