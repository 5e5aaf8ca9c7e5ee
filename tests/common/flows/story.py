"""A hand-made case history across the three systems, written through each app's services.

Marvin Castillo is remanded on 1 March 2026. His court case (Supreme Court) is heard on
10 March (adjourned: prosecution not ready, to 31 March), 31 March (adjourned: awaiting
forensic report, to 15 April; the DNA request of his lab case is open) and 15 April
(adjourned: accused not produced from prison, to 20 May).
"""

from datetime import UTC, date, datetime, time

from common.audit.services import acting_as
from common.links.services import link_to_court_case
from common.timefmt import BELIZE
from court_cms.hearings.services import adjourn
from lims.analysis.services import create_request
from lims.intake.services import add_person, create_case
from lims.items.services import create_item
from prison_ims.admissions.services import create_admission
from tests.court_cms.helpers import DEFENDANT, defendant, file, hearing, reason
from tests.lims.helpers import case_data, item_data, staff
from tests.prison_ims.helpers import admission_data

REMANDED_ON = date(2026, 3, 1)
HEARINGS = (
    (date(2026, 3, 10), "PROS_NOT_READY", date(2026, 3, 31)),
    (date(2026, 3, 31), "AWAIT_FORENSIC", date(2026, 4, 15)),
    (date(2026, 4, 15), "NOT_PRODUCED", date(2026, 5, 20)),
)


def belize(day, hour=10):
    """A Belize wall-clock time on `day`, in UTC."""
    return datetime.combine(day, time(hour), BELIZE).astimezone(UTC)


def lab_case_of(person_public_id, received_on=date(2026, 3, 3)):
    """A lab case naming the person as suspect, with one open DNA request; (case, request)."""
    intake = staff("lab_intake")
    with acting_as("test"):
        case = create_case(case_data(received_at=belize(received_on)), intake.id)
        item = create_item(
            case,
            item_data(item_type="BIOLOGICAL", description="Buccal swab", seals="S-2001"),
            intake,
        )
        add_person(case, "SUSPECT", person_public_id, {**DEFENDANT})
        request = create_request(
            case, {"discipline": "DNA", "priority": "COURT", "item_ids": [item.id]}
        )
    return case, request


def adjourn_to(listed, code, next_on, **extra):
    """Adjourn a listed hearing with a reason code; returns the next hearing."""
    data = {"reason_id": reason(code).id, "next_on": next_on, **extra}
    with acting_as("test"):
        return adjourn(listed, data, listed.version)


def remand_story():
    """Build the whole history (flushed, not committed); returns its parts."""
    with acting_as("test"):
        admission = create_admission(
            admission_data(admitted_at=belize(REMANDED_ON)), backdate_days=3650
        )
    person = admission.person
    court_case = file("SC", filed_on=REMANDED_ON)
    party = defendant(court_case, person.public_id)
    lab_case, request = lab_case_of(person.public_id)
    with acting_as("test"):
        link_to_court_case(lab_case.id, court_case.case_number)
    listed = hearing(court_case, on=HEARINGS[0][0])
    for _day, code, next_on in HEARINGS:
        listed = adjourn_to(listed, code, next_on)
    return {
        "admission": admission,
        "person": person,
        "court_case": court_case,
        "party": party,
        "lab_case": lab_case,
        "request": request,
        "next_hearing": listed,
    }
