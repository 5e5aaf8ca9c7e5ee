"""The hand-made history of story.py, completed with what the role tests look for.

Added: a witness in the court case, a disciplinary charge on the prison file, and the DNA
request's result, both reviews and the released report (with words no other agency may read).
"""

from common.audit.services import acting_as
from common.extensions import db
from court_cms.cases.services import add_party
from lims.analysis.services import assign, grant_qualification, record_result, review
from lims.reports.services import release_report
from prison_ims.discipline.services import lay_charge
from prison_ims.times import now_utc
from tests.common.flows.story import remand_story
from tests.lims.helpers import staff

FINDINGS = "DNA profile obtained from swab S-2001; compared with the reference sample."
CONCLUSION = "The profile matches the reference sample of the suspect."
WITNESS = {
    "given_name": "Yolanda",
    "middle_name": "",
    "surname": "Requena",
    "date_of_birth": None,
    "sex": "F",
    "district": "BZ",
}


def _released_report(request):
    analyst, tech, admin, manager = (
        staff("lab_analyst"),
        staff("lab_reviewer"),
        staff("lab_reviewer"),
        staff("lab_manager"),
    )
    grant_qualification(analyst, "DNA")
    grant_qualification(tech, "DNA")
    assign(request, analyst, request.version)
    result = record_result(request, analyst, {"findings": FINDINGS, "conclusion": CONCLUSION})
    review(result, "TECHNICAL", tech, True)
    review(result, "ADMINISTRATIVE", admin, True)
    return result, release_report(request, manager)


def justice_chain(app):
    """Build and commit the history; returns the ids and numbers the tests use."""
    with app.app_context():
        parts = remand_story()
        with acting_as("test"):
            witness = add_party(parts["court_case"], "WITNESS", None, WITNESS)
            charge = lay_charge(
                parts["admission"],
                {
                    "offence": "FIGHTING",
                    "charged_at": now_utc(),
                    "particulars": "fought in the yard of block C",
                },
            )
            result, report = _released_report(parts["request"])
        db.session.commit()
        return {
            "person": parts["person"].public_id,
            "witness": witness.person.public_id,
            "booking": parts["admission"].booking_number,
            "admission_id": parts["admission"].id,
            "court_case_id": parts["court_case"].id,
            "court_number": parts["court_case"].case_number,
            "lab_case_id": parts["lab_case"].id,
            "lab_number": parts["lab_case"].lab_number,
            "request_id": parts["request"].id,
            "result_id": result.id,
            "report_id": report.id,
            "charge_id": charge.id,
        }
