"""Analysis requests, qualifications and assignment, results, and the two reviews."""

from datetime import date

from sqlalchemy import func, select

from common.extensions import db
from common.identity.models import User
from common.locking import check_version
from common.timefmt import belize_today
from lims.analysis.models import (
    DISCIPLINES,
    PRIORITIES,
    REVIEW_KINDS,
    AnalysisRequest,
    Qualification,
    Result,
    Review,
)
from lims.errors import LimsError
from lims.items.models import Item
from lims.settings import setting
from lims.times import now_utc


def can_be_qualified(user):
    """Analysts and reviewers hold qualifications."""
    return user.has_permission("lims.result.record") or user.has_permission("lims.review.perform")


EARLIEST_QUALIFICATION = date(1950, 1, 1)  # plausibility bound against typing slips


def grant_qualification(user, discipline, qualified_on=None):
    """Record (or renew) an analyst's qualification in a discipline; flushed."""
    if discipline not in DISCIPLINES:
        raise LimsError("Choose the discipline.", "discipline")
    if user is None or not can_be_qualified(user):
        raise LimsError("Only analysts and reviewers are qualified in a discipline.", "user_id")
    if qualified_on is not None and not EARLIEST_QUALIFICATION <= qualified_on <= belize_today():
        raise LimsError(
            "The qualification date must be between 1950 and today: check the year.",
            "qualified_on",
        )
    found = db.session.scalar(
        select(Qualification).where(
            Qualification.user_id == user.id, Qualification.discipline == discipline
        )
    )
    if found is None:
        found = Qualification(user_id=user.id, discipline=discipline)
        db.session.add(found)
    found.qualified_on = qualified_on or belize_today()
    found.active = True
    db.session.flush()
    return found


def is_qualified(user_id, discipline):
    """True when the user holds a current qualification in the discipline."""
    return (
        db.session.scalar(
            select(Qualification.id).where(
                Qualification.user_id == user_id,
                Qualification.discipline == discipline,
                Qualification.active.is_(True),
            )
        )
        is not None
    )


def qualified_analysts(discipline):
    """Users qualified in the discipline, by name."""
    return list(
        db.session.scalars(
            select(User)
            .join(Qualification, Qualification.user_id == User.id)
            .where(Qualification.discipline == discipline, Qualification.active.is_(True))
            .where(User.active.is_(True))
            .order_by(User.full_name)
        )
    )


def create_request(case, data):
    """Ask for an analysis of some of the case's items; flushed."""
    if data.get("discipline") not in DISCIPLINES:
        raise LimsError("Choose the discipline.", "discipline")
    if data.get("priority") not in PRIORITIES:
        raise LimsError("Choose the priority.", "priority")
    item_ids = [int(i) for i in data.get("item_ids") or []]
    items = [db.session.get(Item, i) for i in item_ids]
    if not items or any(i is None or i.case_id != case.id for i in items):
        raise LimsError("Choose the items of this case to examine.", "item_ids")
    if any(i.state == "DISPOSED" for i in items):
        raise LimsError("A disposed item cannot be examined.", "item_ids")
    due = data.get("due_date")
    if due and due < case.received_at.date():
        raise LimsError("The due date is before the case was received.", "due_date")
    request = AnalysisRequest(
        case=case,
        discipline=data["discipline"],
        priority=data["priority"],
        due_date=due,
        questions=(data.get("questions") or "").strip(),
        received_at=data.get("received_at") or case.received_at,
        items=items,
    )
    db.session.add(request)
    db.session.flush()
    return request


def assign(request, analyst, version, at=None):
    """Assign a request to an analyst qualified in its discipline."""
    check_version(request, version, "This request")
    if request.state not in ("OPEN", "ASSIGNED"):
        raise LimsError("The request already has a result: it cannot be reassigned now.")
    if analyst is None:
        raise LimsError("Choose the analyst.", "analyst_id")
    if not is_qualified(analyst.id, request.discipline):
        raise LimsError(
            f"{analyst.full_name or analyst.email} is not qualified in "
            f"{request.discipline_label}: choose a qualified analyst.",
            "analyst_id",
        )
    request.analyst_id = analyst.id
    request.assigned_at = at or now_utc()
    request.state = "ASSIGNED"
    db.session.flush()
    return request


def record_result(request, analyst, data, at=None):
    """Record the analyst's findings on their assigned request; flushed."""
    if request is None:
        raise LimsError(
            "A result is recorded only against an analysis request: open the request first."
        )
    if request.state != "ASSIGNED":
        raise LimsError(f"The request is '{request.state_label}': no result can be recorded now.")
    if request.analyst_id != analyst.id:
        raise LimsError("Only the analyst assigned to the request records its result.")
    for name, message in (
        ("findings", "Describe the findings."),
        ("conclusion", "Give the conclusion as it will appear in the report."),
    ):
        if not (data.get(name) or "").strip():
            raise LimsError(message, name)
    result = Result(
        request_id=request.id,
        analyst_id=analyst.id,
        recorded_at=at or now_utc(),
        method=(data.get("method") or "").strip(),
        findings=data["findings"].strip(),
        conclusion=data["conclusion"].strip(),
    )
    request.results.append(result)
    request.state = "RESULT"
    request.returned_reason = ""
    db.session.flush()
    return result


def _check_reviewer(result, kind, reviewer):
    if kind not in REVIEW_KINDS:
        raise LimsError("Choose the kind of review.", "kind")
    if result.state != "IN_REVIEW":
        raise LimsError("This result is no longer in review.")
    if reviewer.id == result.analyst_id:
        raise LimsError("The analyst cannot review their own work: ask another reviewer.")
    if result.review_of(kind) is not None:
        raise LimsError(f"The {REVIEW_KINDS[kind].lower()} is already done.")
    other = "ADMINISTRATIVE" if kind == "TECHNICAL" else "TECHNICAL"
    done = result.review_of(other)
    if done is not None and done.reviewer_id == reviewer.id:
        raise LimsError(
            "The technical and the administrative review are done by two different people: "
            "you did the other review."
        )
    qualified_needed = setting("LIMS_TECHNICAL_REVIEWER_QUALIFIED")
    if kind == "TECHNICAL" and qualified_needed:
        if not is_qualified(reviewer.id, result.request.discipline):
            raise LimsError(
                f"A technical review needs a reviewer qualified in "
                f"{result.request.discipline_label}."
            )


def review(result, kind, reviewer, approved, reason="", at=None):
    """Approve a result, or reject it back to the analyst with a reason; flushed."""
    _check_reviewer(result, kind, reviewer)
    reason = (reason or "").strip()[:255]
    if not approved and not reason:
        raise LimsError("Give the reason for the rejection: the analyst needs it.", "reason")
    entry = Review(
        result_id=result.id,
        kind=kind,
        reviewer_id=reviewer.id,
        reviewed_at=at or now_utc(),
        approved=bool(approved),
        reason=reason,
    )
    result.reviews.append(entry)
    db.session.flush()
    request = result.request
    if not approved:
        result.state = "REJECTED"
        result.rejection_reason = reason
        request.state = "ASSIGNED"
        request.returned_reason = f"{REVIEW_KINDS[kind]} rejected: {reason}"
    elif result.review_of("TECHNICAL") and result.review_of("ADMINISTRATIVE"):
        result.state = "APPROVED"
        request.state = "REVIEWED"
    db.session.flush()
    return entry


def workload():
    """Per analyst: open requests assigned, oldest receipt, overdue count."""
    today = belize_today()
    rows = db.session.execute(
        select(
            User,
            func.count(AnalysisRequest.id),
            func.min(AnalysisRequest.received_at),
            func.count(AnalysisRequest.id).filter(AnalysisRequest.due_date < today),
        )
        .join(AnalysisRequest, AnalysisRequest.analyst_id == User.id)
        .where(AnalysisRequest.state.in_(("ASSIGNED", "RESULT", "REVIEWED")))
        .group_by(User.id)
        .order_by(func.count(AnalysisRequest.id).desc())
    ).all()
    return [
        {"analyst": user, "open": n, "oldest": oldest, "overdue": late}
        for user, n, oldest, late in rows
    ]


def queue(state="", discipline="", page=1):
    """Requests filtered by state and discipline, most urgent first."""
    query = select(AnalysisRequest)
    if state:
        query = query.where(AnalysisRequest.state == state)
    if discipline:
        query = query.where(AnalysisRequest.discipline == discipline)
    query = query.order_by(AnalysisRequest.due_date.asc().nulls_last(), AnalysisRequest.id)
    return db.paginate(query, page=page, per_page=setting("LIMS_PAGE_SIZE"), error_out=False)
