"""The lab's older history written with bulk inserts (the services would take minutes).

Cases are planned in Python as plain rows, then inserted with one statement per table.
Custody entries are hash-chained per item with the services' own chain code and each item's
sealed head is computed from its entries, so `justice audit verify` and the item page find
every chain intact. Bulk rows bypass the audit flush hook: one audit entry per table
records what was loaded and how many rows. Lab numbers follow receipt order per year after
any already issued, and the counters are moved on so new cases continue the sequence.
"""

from collections import Counter as Tally
from datetime import timedelta

from flask import current_app
from sqlalchemy import bindparam, insert, select, update

from common.audit.models import GENESIS_HASH
from common.audit.services import record_event
from common.extensions import db
from common.models import Counter
from lims.analysis.models import AnalysisRequest, Result, Review, request_items
from lims.custody.chain import entry_digest, head_digest
from lims.custody.models import CustodyEntry
from lims.custody.services import person_label
from lims.demo_story import (
    ASSIGNED_SHARE,
    INTAKE,
    OPEN_SHARE,
    PERSON_SHARE,
    REVIEWERS,
    analysis_duration,
    analyst_for,
    case_details,
    discipline_codes,
    item_details,
    move_fields,
    request_details,
    result_details,
)
from lims.intake.models import CasePerson, LabCase
from lims.items.models import Item, ItemSeal
from lims.settings import setting
from lims.times import belize_date

CHAIN_FIELDS = ("from_user_id", "from_location_id", "to_user_id", "to_location_id")


def lab_numbers(times):
    """Lab numbers in receipt order, per Belize year after any already issued; counters set."""
    years = Tally()
    issued = {
        c.key: c.last_value
        for c in db.session.scalars(select(Counter).where(Counter.key.like("lims:case:%")))
    }
    numbers = []
    for received in times:
        year = belize_date(received).year
        years[year] += 1
        seq = issued.get(f"lims:case:{year}", 0) + years[year]
        numbers.append(setting("LIMS_CASE_NUMBER_FORMAT").format(year=year, seq=seq))
    for year, count in years.items():
        key = f"lims:case:{year}"
        counter = db.session.get(Counter, key)
        if counter is None:
            db.session.add(Counter(key=key, last_value=count))
        else:
            counter.last_value += count
    db.session.flush()
    return numbers


def bulk(table, rows):
    """Insert rows with one statement per batch; returns the new ids in order."""
    if not rows:
        return []
    result = db.session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    )
    return [row[0] for row in result]


class History:
    """Plans the rows of the older cases, then writes them table by table."""

    def __init__(self, rng, users, places, offences, records, now):
        self.rng, self.users, self.places = rng, users, places
        self.offences, self.records, self.now = offences, records, now
        self.cases, self.persons, self.items, self.requests = [], [], [], []
        self.results, self.reviews, self.moves = [], [], []
        self.open = 0

    def plan(self, times):
        """Plan every case received at `times` (sorted)."""
        for n, (received, number) in enumerate(zip(times, lab_numbers(times), strict=True)):
            self.plan_case(n, received, number)

    def plan_case(self, n, received, number):
        rng, intake = self.rng, self.users[INTAKE]
        details = case_details(rng, received, self.offences)
        case = {
            **details,
            "lab_number": number,
            "received_by_id": intake.id,
            "created_at": received,
            "updated_at": received,
        }
        self.cases.append(case)
        if self.records and rng.random() < PERSON_SHARE:
            record_id, person_id = self.records[n % len(self.records)]
            role = rng.choice(("SUSPECT", "VICTIM", "DECEASED"))
            self.persons.append(
                {"case_id": n, "role": role, "person_id": person_id, "person_record_id": record_id}
            )
        codes = discipline_codes(rng)
        case["item_count"] = len(codes)
        for top, code in enumerate(codes, start=1):
            self.plan_analysis(n, case, top, code)

    def plan_analysis(self, n, case, top, code):
        rng, intake, received = self.rng, self.users[INTAKE], case["received_at"]
        details = item_details(rng, code, case["lab_number"], top)
        seal = details.pop("seals")
        place = rng.choice(self.places)
        item = {
            **details,
            "case_id": n,
            "top_number": top,
            "sub_number": 0,
            "barcode": f"{case['lab_number']}-{top}",
            "location_id": place.id,
            "created_at": received,
            "updated_at": received,
            "_seal": seal,
        }
        receipt = {
            "from_kind": "AGENCY",
            "from_label": f"{case['officer_name']} {case['officer_number']}".strip()
            + f", {case['agency']}",
            "to_kind": "PERSON",
            "to_user_id": intake.id,
            "to_label": person_label(intake),
            "purpose": "RECEIPT",
            "seal_intact": details["condition"] == "SEALED",
            "receiver_authenticated": True,
            "recorded_by_id": intake.id,
            "occurred_at": received,
        }
        stored = move_fields(intake, place=place)
        stored["occurred_at"] = received + timedelta(minutes=30)
        item["_moves"] = [receipt, stored]
        self.items.append(item)
        request = {
            **request_details(rng, code, received),
            "case_id": n,
            "received_at": received,
            "state": "OPEN",
            "created_at": received,
            "updated_at": received,
            "_item": len(self.items) - 1,
        }
        self.requests.append(request)
        duration = analysis_duration(rng, code)
        if received + duration > self.now or rng.random() < OPEN_SHARE:
            self.open += 1
            if rng.random() < ASSIGNED_SHARE:
                self.assign(request, code, received)
            return
        analyst = self.assign(request, code, received)
        start = received + duration * 0.3
        recorded = start + duration * 0.4
        item["_moves"] += [
            {**move_fields(place, receiver=analyst, purpose="ANALYSIS"), "occurred_at": start},
            {**move_fields(analyst, place=place), "occurred_at": recorded + timedelta(hours=1)},
        ]
        self.results.append(
            {
                **result_details(code),
                "request_id": len(self.requests) - 1,
                "analyst_id": analyst.id,
                "recorded_at": recorded,
                "state": "APPROVED",
            }
        )
        tech, admin = rng.sample([self.users[e] for e in REVIEWERS], 2)
        for kind, reviewer, share in (("TECHNICAL", tech, 0.5), ("ADMINISTRATIVE", admin, 0.6)):
            self.reviews.append(
                {
                    "result_id": len(self.results) - 1,
                    "kind": kind,
                    "reviewer_id": reviewer.id,
                    "reviewed_at": start + duration * share,
                    "approved": True,
                }
            )
        request.update(state="COMPLETED", completed_at=received + duration)
        request["updated_at"] = request["completed_at"]

    def assign(self, request, code, received):
        analyst = analyst_for(self.users, code)
        request.update(state="ASSIGNED", analyst_id=analyst.id)
        request["assigned_at"] = received + timedelta(days=1)
        return analyst

    def write(self):
        """Insert every planned row; returns {table entity: row count}."""
        case_ids = bulk(LabCase.__table__, self.cases)
        for row in (*self.persons, *self.items, *self.requests):
            row["case_id"] = case_ids[row["case_id"]]
        bulk(CasePerson.__table__, self.persons)
        item_ids = bulk(Item.__table__, [_plain(i) for i in self.items])
        seals = [
            {"case_id": i["case_id"], "item_id": item_id, "seal_number": i["_seal"]}
            for i, item_id in zip(self.items, item_ids, strict=True)
        ]
        bulk(ItemSeal.__table__, seals)
        entries = self.write_custody(item_ids)
        request_ids = bulk(AnalysisRequest.__table__, [_defaults(_plain(r)) for r in self.requests])
        links = [
            {"request_id": request_id, "item_id": item_ids[r["_item"]]}
            for r, request_id in zip(self.requests, request_ids, strict=True)
        ]
        db.session.execute(insert(request_items), links)
        for row in self.results:
            row["request_id"] = request_ids[row["request_id"]]
        result_ids = bulk(Result.__table__, self.results)
        for row in self.reviews:
            row["result_id"] = result_ids[row["result_id"]]
        bulk(Review.__table__, self.reviews)
        return {
            "LabCase": len(case_ids),
            "CasePerson": len(self.persons),
            "Item": len(item_ids),
            "ItemSeal": len(seals),
            "CustodyEntry": entries,
            "AnalysisRequest": len(request_ids),
            "lims_request_item": len(links),
            "Result": len(self.results),
            "Review": len(self.reviews),
        }

    def write_custody(self, item_ids):
        """Hash-chain each item's entries, insert them and seal each item's head."""
        key = current_app.config["AUDIT_KEY"]
        entries, heads = [], []
        for item, item_id in zip(self.items, item_ids, strict=True):
            prev = GENESIS_HASH
            for seq, move in enumerate(item["_moves"], start=1):
                fields = {name: None for name in CHAIN_FIELDS} | {"notes": ""} | move
                fields["occurred_at"] = fields["occurred_at"].replace(microsecond=0)
                fields.update(item_id=item_id, seq=seq, prev_hash=prev)
                fields["entry_hash"] = prev = entry_digest(key, fields)
                entries.append(fields)
            count = len(item["_moves"])
            heads.append(
                {
                    "b_id": item_id,
                    "b_count": count,
                    "b_last": prev,
                    "b_head": head_digest(key, item_id, count, prev),
                }
            )
        db.session.execute(insert(CustodyEntry.__table__), entries)
        table = Item.__table__
        db.session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                custody_count=bindparam("b_count"),
                custody_last_hash=bindparam("b_last"),
                custody_head=bindparam("b_head"),
            ),
            heads,
        )
        return len(entries)


def _plain(row):
    """The row without the planning keys (those starting with '_')."""
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _defaults(row):
    """Every request row with the same keys (one insert statement for all)."""
    return {"analyst_id": None, "assigned_at": None, "completed_at": None, **row}


def load_history(rng, users, places, offences, records, times, now):
    """Bulk-load the cases received at `times`; audit one entry per table. Returns stats."""
    history = History(rng, users, places, offences, records, now)
    history.plan(times)
    counts = history.write()
    for entity, rows in counts.items():
        record_event(db.session, "bulk_load", entity, None, {"rows": rows, "source": "demo"})
    return {
        "cases": counts["LabCase"],
        "items": counts["Item"],
        "requests": counts["AnalysisRequest"],
        "open": history.open,
        "custody": counts["CustodyEntry"],
    }
