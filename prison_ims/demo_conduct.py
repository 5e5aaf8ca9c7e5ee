"""Demo incidents, charges, complaints, visits and property for the persons held now."""

from datetime import timedelta

from prison_ims.discipline.models import (
    Complaint,
    ComplaintStep,
    DisciplinaryAward,
    DisciplinaryCharge,
    Incident,
    IncidentParty,
)
from prison_ims.movements.services import TO_STATE
from prison_ims.visits.models import Visit

RELATIONS = ("mother", "father", "sister", "brother", "wife", "partner", "aunt", "friend")
VISITOR_NAMES = ("Maria", "Ana", "Rosa", "Carmen", "Joseph", "Elena", "Delia", "Marcus")


def inside_at(stay, at):
    """True when the simulated person was inside the walls at `at`."""
    state = None
    for when, kind, _, _ in sorted(stay.moves, key=lambda m: m[0]):
        if when > at:
            break
        state = TO_STATE[kind]
    return state == "IN"


def inside_time(stay, now, rng, days=90):
    """A random time in the last `days` at which the person was inside, or None."""
    earliest = max(stay.start + timedelta(hours=2), now - timedelta(days=days))
    for _ in range(4):
        at = earliest + (now - earliest) * rng.random()
        if inside_at(stay, at):
            return at
    return None


def visit_rows(current, now, rng):
    """Two or so visits in the last three months for most persons held now."""
    rows = []
    for stay, admission_id in current:
        for _ in range(rng.choice((0, 1, 2, 3))):
            at = inside_time(stay, now, rng)
            if at is None:
                continue
            surname = stay.person["record"].surname
            rows.append(
                {
                    "admission_id": admission_id,
                    "visited_at": at,
                    "visitor_name": f"{rng.choice(VISITOR_NAMES)} {surname}",
                    "relationship": rng.choice(RELATIONS),
                    "kind": "SOCIAL",
                }
            )
    return rows


def load_conduct(current, now, rng):
    """Insert the conduct records; returns {table: rows}."""
    from prison_ims.demo import bulk

    visits = visit_rows(current, now, rng)
    bulk(Visit, visits)
    incidents, pairs = incident_rows(current, now, rng)
    ids = bulk(Incident, incidents)
    parties = [
        {
            "incident_id": incident_id,
            "admission_id": admission_id,
            "name": stay.person["record"].full_name,
            "role": role,
        }
        for incident_id, pair in zip(ids, pairs, strict=True)
        for admission_id, stay, role in pair
    ]
    bulk(IncidentParty, parties)
    charges = [
        charge_row(i, inc, pair[0], now, rng)
        for i, inc, pair in zip(ids, incidents, pairs, strict=True)
    ]
    charge_ids = bulk(DisciplinaryCharge, [row for row, _ in charges])
    awards = [
        award_row(charge_id, row, sentenced, rng)
        for charge_id, (row, sentenced) in zip(charge_ids, charges, strict=True)
        if row["status"] == "PROVEN"
    ]
    bulk(DisciplinaryAward, awards)
    complaints, steps = complaint_rows(current, now, rng)
    return {
        "Visit": len(visits),
        "Incident": len(ids),
        "IncidentParty": len(parties),
        "DisciplinaryCharge": len(charge_ids),
        "DisciplinaryAward": len(awards),
        "Complaint": complaints,
        "ComplaintStep": steps,
    }


def incident_rows(current, now, rng):
    """Fights in the last year between two persons inside at the time."""
    incidents, pairs = [], []
    for _ in range(min(len(current) // 3, 200)):
        (stay, admission_id), (other, other_id) = rng.sample(current, 2)
        at = inside_time(stay, now, rng, days=365)
        if at is None or not inside_at(other, at):
            continue
        incidents.append(
            {
                "kind": "FIGHT",
                "occurred_at": at,
                "location": "Exercise yard",
                "description": "Fight between two prisoners; separated by officers.",
            }
        )
        pairs.append(((admission_id, stay, "ALLEGED"), (other_id, other, "VICTIM")))
    return incidents, pairs


def charge_row(incident_id, incident, party, now, rng):
    """(charge row, sentenced when decided) for the prisoner alleged to have started it."""
    admission_id, stay, _ = party
    decided = incident["occurred_at"] + timedelta(days=2)
    proven = rng.random() < 0.7 and decided <= now
    last = stay.statuses[-1]
    row = {
        "admission_id": admission_id,
        "incident_id": incident_id,
        "offence": "FIGHTING",
        "particulars": "Fighting in the exercise yard.",
        "charged_at": incident["occurred_at"] + timedelta(hours=3),
        "status": "PROVEN" if proven else "PENDING",
        "decided_at": decided if proven else None,
        "finding": "Seen by two officers." if proven else "",
    }
    return row, last[2] == "SENTENCED" and last[0] < decided


def award_row(charge_id, charge, sentenced, rng):
    """The award on a proven charge: forfeiture of remission only for the sentenced."""
    forfeit = sentenced and rng.random() < 0.6
    return {
        "charge_id": charge_id,
        "admission_id": charge["admission_id"],
        "kind": "FORFEIT_REMISSION" if forfeit else "LOSS_OF_PRIVILEGES",
        "days": 0 if forfeit else 14,
        "forfeited_days": rng.randint(3, 21) if forfeit else 0,
        "awarded_at": charge["decided_at"],
    }


def complaint_rows(current, now, rng):
    """A few dozen complaints, some of them allegations of ill-treatment, in various states."""
    from prison_ims.demo import bulk

    rows, plans = [], []
    for stay, admission_id in rng.sample(current, min(len(current), 40)):
        at = inside_time(stay, now, rng, days=180)
        if at is None:
            continue
        category = rng.choice(("ILL_TREATMENT", "CONDITIONS", "HEALTH", "PROPERTY", "VISITS"))
        path = rng.choice(((), ("INVESTIGATING",), ("REFERRED",), ("REFERRED", "NOT_UPHELD")))
        if category != "ILL_TREATMENT":
            path = tuple(s for s in path if s != "REFERRED") + (("UPHELD",) if path else ())
        rows.append(
            {
                "admission_id": admission_id,
                "category": category,
                "received_at": at,
                "description": "Complaint written down as the prisoner gave it.",
                "status": path[-1] if path else "RECEIVED",
                "referred_to": "Ombudsman" if "REFERRED" in path else "",
            }
        )
        plans.append((at, path))
    ids = bulk(Complaint, rows)
    steps = []
    for complaint_id, (at, path) in zip(ids, plans, strict=True):
        steps.append({"complaint_id": complaint_id, "status": "RECEIVED", "at": at, "note": ""})
        for n, status in enumerate(path, start=1):
            when = min(at + timedelta(days=3 * n), now)
            steps.append(
                {"complaint_id": complaint_id, "status": status, "at": when, "note": "Recorded."}
            )
    bulk(ComplaintStep, steps)
    return len(ids), len(steps)
