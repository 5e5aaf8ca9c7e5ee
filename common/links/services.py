"""Linking lab cases to court cases, and adjournments to the lab request they wait for.

The lab and the court are asked through providers (common.flows.registry): the court for a
case by its number, the lab for its requests' discipline, state and dates (never results).
"""

from collections import defaultdict

from sqlalchemy import func, select

from common.extensions import db
from common.flows.registry import ask
from common.links.models import CaseLink, LabWait
from common.timefmt import belize_today


class LinkError(ValueError):
    """A link that cannot be made; `field` names the form field to fix."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def _existing(lab_case_id, court_case_id):
    return db.session.scalar(
        select(CaseLink).where(
            CaseLink.lab_case_id == lab_case_id, CaseLink.court_case_id == court_case_id
        )
    )


def _link(lab_case_id, court_case_id, linked_from, user_id, already):
    if _existing(lab_case_id, court_case_id) is not None:
        raise LinkError(already, "number")
    link = CaseLink(
        lab_case_id=lab_case_id,
        court_case_id=court_case_id,
        linked_from=linked_from,
        created_by_id=user_id,
    )
    db.session.add(link)
    db.session.flush()
    return link


def link_to_court_case(lab_case_id, court_number, user_id=None):
    """From the lab case page: link to the court case with this number; returns its ref."""
    number = (court_number or "").strip()
    if not number:
        raise LinkError("Give the court case number (for example SC-CR-2026-0012).", "number")
    court_case = ask("court.case_by_number", number)
    if court_case is None:
        raise LinkError(
            f"No court case has the number {number}: check it against the charge sheet "
            "or the court's notice.",
            "number",
        )
    _link(
        lab_case_id,
        court_case.id,
        "lims",
        user_id,
        f"This lab case is already linked to {court_case.number}.",
    )
    return court_case


def link_to_lab_case(court_case_id, lab_number, user_id=None):
    """From the court case page: link to the lab case with this lab number; returns its ref."""
    number = (lab_number or "").strip()
    if not number:
        raise LinkError("Give the lab case number (for example NFSS-2026-00042).", "number")
    lab_case = ask("lims.case_by_number", number)
    if lab_case is None:
        raise LinkError(
            f"No lab case has the number {number}: check it against the laboratory's "
            "acknowledgement of receipt.",
            "number",
        )
    _link(
        lab_case.id,
        court_case_id,
        "court",
        user_id,
        f"This court case is already linked to {lab_case.number}.",
    )
    return lab_case


def court_case_ids_of(lab_case_ids):
    """Ids of the court cases linked to any of the lab cases."""
    if not lab_case_ids:
        return []
    return list(
        db.session.scalars(
            select(CaseLink.court_case_id)
            .where(CaseLink.lab_case_id.in_(list(lab_case_ids)))
            .distinct()
        )
    )


def court_cases_of_lab_case(lab_case_id):
    """CourtCaseRefs linked to a lab case."""
    return ask("court.cases", court_case_ids_of([lab_case_id]))


def lab_case_ids_of(court_case_id):
    """Ids of the lab cases linked to a court case."""
    return list(
        db.session.scalars(
            select(CaseLink.lab_case_id).where(CaseLink.court_case_id == court_case_id)
        )
    )


def lab_requests_for_court_case(court_case_id):
    """LabRequestRefs of every request of the lab cases linked to a court case."""
    return ask("lims.requests_of_cases", lab_case_ids_of(court_case_id))


def open_requests_for_court_case(court_case_id):
    """The linked lab requests not yet completed."""
    return [r for r in lab_requests_for_court_case(court_case_id) if r.is_open]


def choose_open_request(court_case_id, lab_request_id=None):
    """The open linked request an adjournment waits for: the one chosen, or the only one."""
    open_requests = open_requests_for_court_case(court_case_id)
    if not open_requests:
        raise LinkError(
            "No open lab request is linked to this case, so the adjournment cannot be "
            "'awaiting forensic report': link the lab case first (Lab requests section), "
            "or choose the reason that applies.",
            "reason_id",
        )
    if lab_request_id:
        chosen = next((r for r in open_requests if r.id == lab_request_id), None)
        if chosen is None:
            raise LinkError(
                "Choose one of the open lab requests linked to this case.", "lab_request_id"
            )
        return chosen
    if len(open_requests) > 1:
        raise LinkError(
            "Several lab requests linked to this case are open: choose the one the court "
            "is waiting for.",
            "lab_request_id",
        )
    return open_requests[0]


def record_lab_wait(hearing_id, court_case_id, adjourned_on, lab_request_id=None, user_id=None):
    """Link an adjournment awaiting a forensic report to the open lab request; flushed."""
    request = choose_open_request(court_case_id, lab_request_id)
    wait = LabWait(
        hearing_id=hearing_id,
        court_case_id=court_case_id,
        lab_request_id=request.id,
        adjourned_on=adjourned_on,
        created_by_id=user_id,
    )
    db.session.add(wait)
    db.session.flush()
    return wait, request


def waits_of_court_case(court_case_id):
    """{hearing id: LabRequestRef} of the case's adjournments awaiting the lab."""
    waits = db.session.scalars(select(LabWait).where(LabWait.court_case_id == court_case_id)).all()
    refs = {r.id: r for r in ask("lims.requests", sorted({w.lab_request_id for w in waits}))}
    return {w.hearing_id: refs.get(w.lab_request_id) for w in waits}


def holding_up_court_cases(today=None):
    """Open lab requests court cases were adjourned for, oldest first, with their cases.

    Rows: {"request": LabRequestRef, "age_days", "adjournments", "cases": [(CourtCaseRef, n)],
    "last_adjourned"}.
    """
    today = today or belize_today()
    counts = db.session.execute(
        select(
            LabWait.lab_request_id,
            LabWait.court_case_id,
            func.count(LabWait.id),
            func.max(LabWait.adjourned_on),
        ).group_by(LabWait.lab_request_id, LabWait.court_case_id)
    ).all()
    per_request = defaultdict(list)
    for request_id, case_id, n, last in counts:
        per_request[request_id].append((case_id, n, last))
    requests = [r for r in ask("lims.requests", list(per_request)) if r.is_open]
    cases = {c.id: c for c in ask("court.cases", sorted({c for _, c, _, _ in counts}))}
    rows = []
    for r in requests:
        entries = per_request[r.id]
        rows.append(
            {
                "request": r,
                "age_days": r.age_days(today),
                "adjournments": sum(n for _, n, _ in entries),
                "cases": [(cases[c], n) for c, n, _ in entries if c in cases],
                "last_adjourned": max(last for _, _, last in entries),
            }
        )
    return rows
