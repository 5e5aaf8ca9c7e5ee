"""Demo releases: one release record per REL movement of the simulated history.

Each is what the release service records for that ending of a stay: grounds from how the
stay ended, the authority (court and outcome, the earliest release date with its working,
or the committal paid off), the checklist done, a certificate number of the release year
and the demo prison officer as the releasing officer. The demo has no sentence entries, so,
as in the service for an admission without sentences, no calculation is linked.
"""

from collections import Counter

from sqlalchemy import select

from common.counters import take_block
from common.demo.accounts import DEMO_USERS
from common.extensions import db
from common.identity.models import User
from common.timefmt import long_date
from prison_ims.releases.services import CERTIFICATE_COUNTER, certificate_number, movement_reason
from prison_ims.times import belize_date

OUTCOME_GROUNDS = {  # how a simulated stay ended -> the grounds the officer records
    "Bail granted": "BAIL",
    "Acquitted": "COURT_ORDER",
    "Charges withdrawn": "COURT_ORDER",
    "Discharged": "COURT_ORDER",
    "Sentenced to time already served": "COURT_ORDER",
    "Sentence served": "SENTENCE_SERVED",
    "Debt paid": "FINE_PAID",
}


def releasing_officer():
    """The id of the demo prison officer account, or None when the accounts are not loaded."""
    emails = [email for email, _, role in DEMO_USERS if role == "prison_officer"]
    query = select(User.id).where(User.email.in_(emails)).order_by(User.id).limit(1)
    return db.session.scalar(query)


def _authority(stay, admission, grounds, at, outcome):
    """The reference of what authorised the release, as an officer would write it."""
    if grounds == "SENTENCE_SERVED":
        s = stay.sentence
        return (
            f"Earliest release date {long_date(s['erd'])}: {s['term']}-day term less "
            f"{s['remission']} days remission and {s['remand']} days on remand"
        )
    if grounds == "FINE_PAID":
        return f"Debt paid in full; committal order {admission['authority_reference']} discharged"
    courts = [m[2] for m in stay.moves if m[1] == "CRT" and m[0] <= at]
    court = courts[-1] if courts else admission["authority_court"]
    return f"{court}: {outcome.lower()} on {long_date(belize_date(at))}"


def release_story(stay, admission):
    """(grounds, authority reference) of a released stay, or None while it is in custody."""
    ends = [m for m in stay.moves if m[1] == "REL"]
    if not ends:
        return None
    at, _, _, outcome = ends[0]
    grounds = OUTCOME_GROUNDS[outcome]
    return grounds, _authority(stay, admission, grounds, at, outcome)[:120]


def story_reason(story):
    """The REL movement's reason for a release story, as the release service writes it."""
    return movement_reason(*story)


def certificate_numbers(times):
    """Certificate numbers for releases at `times` (in time order), per Belize year."""
    years = [belize_date(at).year for at in times]
    per_year = Counter(years)
    following = {y: take_block(f"{CERTIFICATE_COUNTER}:{y}", n) for y, n in per_year.items()}
    numbers = []
    for year in years:
        numbers.append(certificate_number(year, following[year]))
        following[year] += 1
    return numbers


def release_rows(stays, ids, stories, movement_of):
    """prison_release rows of the released stays, in release order.

    `movement_of` maps an admission id to the id of its REL movement.
    """
    officer = releasing_officer()
    released = sorted(
        (
            (stay.end, admission_id, story)
            for stay, admission_id, story in zip(stays, ids, stories, strict=True)
            if story is not None
        ),
        key=lambda r: (r[0], r[1]),
    )
    numbers = certificate_numbers([at for at, _, _ in released])
    return [
        {
            "admission_id": admission_id,
            "certificate_number": number,
            "released_at": at,
            "grounds": grounds,
            "authority_reference": reference,
            "authority_checked": True,
            "property_returned": True,
            "release_date_verified": True,
            "calculation_id": None,
            "early_release_reason": "",
            "destination": "",
            "movement_id": movement_of[admission_id],
            "released_by_id": officer,
        }
        for (at, admission_id, (grounds, reference)), number in zip(released, numbers, strict=True)
    ]
