"""Prison demo data: the housing layout, ten years of admissions and today's population.

The history is simulated bed by bed (prison_ims.demo_history) and written with bulk inserts:
the services would take minutes for tens of thousands of rows. Bulk rows bypass the audit
flush hook, so one explicit audit entry per table records what was loaded and how many rows;
the hash chain stays intact. Movements are inserted in time order, so for each admission
the highest movement id is its latest movement, as the custody queries assume, and every
count equals the sum of the movements. Every REL movement has its release record
(prison_ims.demo_releases), as a release through the service would.
"""

import random
from collections import Counter as Tally
from datetime import timedelta

from sqlalchemy import insert, select

from common.audit.services import record_event
from common.extensions import db
from common.iccs.models import NationalOffence
from common.models import Counter
from common.persons.bulk import bulk_register
from common.persons.models import PersonRecord
from prison_ims.admissions.models import Admission, AdmissionOffence, LegalStatusChange
from prison_ims.demo_conduct import load_conduct
from prison_ims.demo_history import Bed, History
from prison_ims.demo_persons import load_prison_only_persons
from prison_ims.demo_releases import release_rows, release_story, story_reason
from prison_ims.housing.models import Cell, CellAllocation, HousingBlock, HousingUnit
from prison_ims.housing.services import seed_layout
from prison_ims.movements.models import IN_CUSTODY_STATES, Movement
from prison_ims.movements.services import TO_STATE
from prison_ims.releases.models import Release
from prison_ims.remand.models import CourtDate
from prison_ims.settings import setting
from prison_ims.times import age_on, belize_date, now_utc

AUTHORITY = {
    "REMAND": "REMAND_WARRANT",
    "SENTENCED": "SENTENCE_WARRANT",
    "CIVIL": "COMMITTAL_ORDER",
}
IDENTITY = (
    "given_name",
    "middle_name",
    "surname",
    "date_of_birth",
    "sex",
    "district",
    "address",
    "national_id",
)


def demo_persons():
    """Every demo person once, with the prison record if there is one (else the first)."""
    persons = {}
    for record in db.session.scalars(
        select(PersonRecord).where(PersonRecord.source_ref.like("DEMO-%")).order_by(PersonRecord.id)
    ):
        known = persons.get(record.person_id)
        if known is None or (record.system == "prison" and known["record"].system != "prison"):
            persons[record.person_id] = {
                "id": record.person_id,
                "record": record,
                "sex": record.sex,
                "dob": record.date_of_birth,
                "free_from": known["free_from"] if known else _epoch(),
            }
    return list(persons.values())


def _epoch():
    from datetime import UTC, datetime

    return datetime.min.replace(tzinfo=UTC)


def demo_beds():
    """{(sex, age group, regime): [Bed]}, one Bed per place of every active cell."""
    beds = {}
    rows = db.session.execute(
        select(Cell.id, Cell.capacity, HousingUnit.sex, HousingUnit.age_group, HousingBlock.regime)
        .join(HousingBlock, HousingBlock.id == Cell.block_id)
        .join(HousingUnit, HousingUnit.id == HousingBlock.unit_id)
        .where(Cell.active.is_(True))
        .order_by(Cell.id)
    ).all()
    for cell_id, capacity, sex, age_group, regime in rows:
        beds.setdefault((sex, age_group, regime), []).extend(Bed(cell_id) for _ in range(capacity))
    return beds


def prison_records(stays, numbers):
    """Prison record id of each stay; a person's first admission registers one, in bulk."""
    first = {}
    for stay, booking in zip(stays, numbers, strict=True):
        person = stay.person
        if person["record"].system != "prison" and person["id"] not in first:
            source = person["record"]
            first[person["id"]] = (booking, {k: getattr(source, k) for k in IDENTITY})
    new = bulk_register("prison", list(first.values()), source="demo", person_ids=list(first))
    registered = dict(zip(first, new, strict=True))
    return [registered.get(s.person["id"], s.person["record"].id) for s in stays]


def booking_numbers(stays):
    """Booking numbers in admission order, per Belize year after any already issued."""
    years = Tally()
    issued = {
        c.key: c.last_value
        for c in db.session.scalars(select(Counter).where(Counter.key.like("prison:booking:%")))
    }
    numbers = []
    for stay in stays:
        year = belize_date(stay.start).year
        years[year] += 1
        seq = issued.get(f"prison:booking:{year}", 0) + years[year]
        numbers.append(setting("PRISON_BOOKING_NUMBER_FORMAT").format(year=year, seq=seq))
    for year, count in years.items():
        key = f"prison:booking:{year}"
        counter = db.session.get(Counter, key)
        if counter is None:
            db.session.add(Counter(key=key, last_value=count))
        else:
            counter.last_value += count
    return numbers


def admission_row(stay, booking, record_id, rng):
    """The prison_admission row of a simulated stay."""
    status = stay.statuses[-1][2]
    start = stay.start
    return {
        "booking_number": booking,
        "person_id": stay.person["id"],
        "person_record_id": record_id,
        "authority_type": AUTHORITY[stay.route],
        "authority_court": "Belize Magistrate's Court",
        "authority_date": belize_date(start),
        "authority_reference": f"{AUTHORITY[stay.route][:2]}-{rng.randint(100, 9999)}/{start.year}",
        "reason": {"REMAND": "Remanded in custody", "SENTENCED": "Sentenced"}.get(
            stay.route, "Civil committal (debt)"
        ),
        "arrested_at": start - timedelta(hours=rng.randint(6, 60)),
        "arrest_place": rng.choice(("Belize City", "Belmopan", "Orange Walk", "Dangriga")),
        "admitted_at": start,
        "visible_injuries": "",
        "ill_treatment_claims": "",
        "property_items": [{"description": "clothes", "quantity": 1}],
        "children": [],
        "legal_status": status,
    }


def bulk(model, rows):
    """Insert rows with one statement per batch; returns the new ids in order."""
    if not rows:
        return []
    table = model.__table__
    result = db.session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    )
    return [row[0] for row in result]


def movement_rows(stays, ids, stories):
    """Movement rows of every stay with from/to states and deltas, in time order.

    A release's REL movement carries the reason the release service writes (its story).
    """
    rows = []
    for stay, admission_id, story in zip(stays, ids, stories, strict=True):
        state = None
        for at, kind, place, reason in sorted(stay.moves, key=lambda m: m[0]):
            to = TO_STATE[kind]
            rows.append(
                {
                    "admission_id": admission_id,
                    "kind": kind,
                    "occurred_at": at,
                    "from_state": state,
                    "to_state": to,
                    "custody_delta": int(to in IN_CUSTODY_STATES) - int(state in IN_CUSTODY_STATES),
                    "present_delta": int(to == "IN") - int(state == "IN"),
                    "place": place,
                    "reason": story_reason(story) if kind == "REL" else reason,
                }
            )
            state = to
    rows.sort(key=lambda r: (r["occurred_at"], r["admission_id"]))
    return rows


def write_history(stays, rng):
    """Bulk-insert admissions, offences, status changes, movements, cell stays, releases."""
    stays.sort(key=lambda s: s.start)
    numbers = booking_numbers(stays)
    records = prison_records(stays, numbers)
    rows = [admission_row(s, n, r, rng) for s, n, r in zip(stays, numbers, records, strict=True)]
    ids = bulk(Admission, rows)
    offences = [
        {"admission_id": i, "national_offence_id": o["id"], "particulars": ""}
        for s, i in zip(stays, ids, strict=True)
        for o in s.offences
    ]
    statuses = [
        {"admission_id": i, "from_status": f, "to_status": t, "changed_at": at, "reason": why}
        for s, i in zip(stays, ids, strict=True)
        for at, f, t, why in s.statuses
    ]
    cells = [
        {"admission_id": i, "cell_id": c, "start_at": a, "end_at": b, "reason": why}
        for s, i in zip(stays, ids, strict=True)
        for c, a, b, why in s.cells
    ]
    stories = [release_story(s, row) for s, row in zip(stays, rows, strict=True)]
    moves = movement_rows(stays, ids, stories)
    move_ids = bulk(Movement, moves)
    rel = {m["admission_id"]: i for m, i in zip(moves, move_ids, strict=True) if m["kind"] == "REL"}
    releases = release_rows(stays, ids, stories, rel)
    counts = {"Admission": len(ids), "Movement": len(moves)}
    for model, batch in (
        (AdmissionOffence, offences),
        (LegalStatusChange, statuses),
        (CellAllocation, cells),
        (Release, releases),
    ):
        bulk(model, batch)
        counts[model.__name__] = len(batch)
    return ids, counts


def court_dates(stays, ids, rng):
    """Next court dates for most persons on remand now (some are left without one)."""
    today = belize_date(now_utc())
    rows = []
    for stay, admission_id in zip(stays, ids, strict=True):
        if stay.end is None and stay.statuses[-1][2] == "REMAND" and rng.random() < 0.85:
            rows.append(
                {
                    "admission_id": admission_id,
                    "due_on": today + timedelta(days=rng.randint(1, 56)),
                    "court": "Belize Magistrate's Court",
                    "purpose": rng.choice(("Mention", "Bail application", "Trial")),
                }
            )
    bulk(CourtDate, rows)
    return len(rows)


def load_demo(scale, seed, progressbar):
    """Create the layout and the simulated history; returns summary lines."""
    cells = seed_layout()
    rng = random.Random(seed + 4)
    prison_only = load_prison_only_persons(scale, seed)
    persons = demo_persons()
    offences = [
        {"id": oid, "iccs": code}
        for oid, code in db.session.execute(
            select(NationalOffence.id, NationalOffence.iccs_code).order_by(NationalOffence.id)
        )
    ]
    now = now_utc()
    stays = History(persons, demo_beds(), offences, now, seed).run()
    ids, counts = write_history(stays, rng)
    counts["CourtDate"] = court_dates(stays, ids, rng)
    current = [(s, i) for s, i in zip(stays, ids, strict=True) if s.end is None]
    counts.update(load_conduct(current, now, rng))
    for entity, rows in counts.items():
        record_event(db.session, "bulk_load", entity, None, {"rows": rows, "source": "demo"})
    remand = sum(1 for s, _ in current if s.statuses[-1][2] == "REMAND")
    women = sum(1 for s, _ in current if s.person["sex"] == "F")
    juveniles = sum(1 for s, _ in current if (age_on(s.person["dob"], now) or 99) < 18)
    return [
        f"Prison cells created: {cells}; persons known only to the prison: {prison_only}",
        f"Prison admissions: {len(ids)} over ten years; in custody now: {len(current)} "
        f"({remand} on remand, {women} women, {juveniles} juveniles); "
        f"movements: {counts['Movement']}; releases: {counts['Release']}",
    ]
