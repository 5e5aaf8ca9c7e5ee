"""The facts of the lab demo shared by the bulk-loaded history and the recent cases.

Disciplines, agencies and staff, and the random details of a case, an item, an analysis and
a custody transfer, drawn the same way whichever path writes them.
"""

from datetime import timedelta

from common.identity.models import User
from lims.custody.services import person_label
from lims.times import belize_date

YEARS = 10
RECENT_DAYS = 180  # cases received this recently go through the services (report PDFs)
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
INTAKE = "intake@demo.justice.bz"
MANAGER = "labmanager@demo.justice.bz"
OPEN_SHARE = 0.06  # requests stuck open whatever their age: the backlog
ASSIGNED_SHARE = 0.5  # of the open requests, the share already assigned to an analyst
PERSON_SHARE = 0.6  # cases with a person from the index


def receipt_times(rng, total, now):
    """Receipt times of `total` cases spread over ten years, more in later years; sorted."""
    times = []
    for n in range(total):
        fraction = (n + rng.random()) / total
        days_ago = YEARS * 365 * (1 - fraction**0.8)
        times.append(now - timedelta(days=days_ago, hours=rng.randint(0, 8)))
    return sorted(t.replace(microsecond=0) for t in times)


def case_details(rng, received, offences):
    """The submission details of a case received at `received`."""
    agency, district = rng.choice(AGENCIES)
    return {
        "agency": agency,
        "officer_name": rng.choice(OFFICERS),
        "officer_number": str(rng.randint(100, 2999)),
        "agency_case_number": f"{district}-CR-{received.year}-{rng.randint(1, 9999):04d}",
        "national_offence_id": rng.choice(offences),
        "incident_date": belize_date(received) - timedelta(days=rng.randint(0, 20)),
        "district": district,
        "received_at": received,
    }


def discipline_codes(rng):
    """The disciplines requested in one case (one or two)."""
    codes, weights = zip(*((k, v[3]) for k, v in DISCIPLINES.items()), strict=True)
    return [rng.choices(codes, weights)[0] for _ in range(1 if rng.random() < 0.7 else 2)]


def item_details(rng, code, lab_number, top):
    """The item sent for an analysis in discipline `code`, numbered `top` in its case."""
    item_type, description, _, _ = DISCIPLINES[code]
    sealed = rng.random() < 0.95
    return {
        "item_type": item_type,
        "description": description,
        "quantity": 1,
        "packaging": "Sealed evidence bag",
        "seals": f"{lab_number[-5:]}-{top}-{rng.randint(1000, 9999)}",
        "condition": "SEALED" if sealed else "DAMAGED",
        "deviations": "" if sealed else "Bag torn at one corner; agency informed",
    }


def request_details(rng, code, received):
    """Priority and due date of a request."""
    return {
        "discipline": code,
        "priority": "COURT" if rng.random() < 0.1 else "ROUTINE",
        "due_date": (received + timedelta(days=DISCIPLINES[code][2])).date(),
    }


def analysis_duration(rng, code):
    """Days from receipt to report, around the discipline's typical turnaround."""
    return timedelta(days=max(2.0, rng.lognormvariate(0, 0.5) * DISCIPLINES[code][2]))


def result_details(code):
    """The recorded result of an analysis."""
    description = DISCIPLINES[code][1]
    return {
        "method": f"NFSS {code} procedure v3",
        "findings": f"{description} examined as received.",
        "conclusion": "Findings as described; see the case notes.",
    }


def analyst_for(users, code):
    """The demo analyst qualified in the discipline."""
    return users[next(e for e, codes in QUALIFIED.items() if code in codes)]


def move_fields(giver, place=None, receiver=None, purpose="STORAGE"):
    """Custody fields of a transfer from `giver` (a user or a location) to a place or person."""
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
    return {
        **source,
        **target,
        "purpose": purpose,
        "seal_intact": True,
        "receiver_authenticated": receiver is not None,
        "recorded_by_id": receiver.id if receiver is not None else giver.id,
    }
