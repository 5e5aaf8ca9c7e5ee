"""Releasing reports (signed, stored, immutable) and amending them as new versions."""

import hashlib

from common.extensions import db
from common.timefmt import belize_time
from lims.errors import LimsError
from lims.reports.models import Report
from lims.reports.pdf import report_pdf
from lims.times import now_utc


def _name(user):
    return user.full_name or user.email


def signatures_of(result, releaser, released_at):
    """Who did and who checked, with when: analyst, both reviewers, the releaser."""
    tech, admin = result.review_of("TECHNICAL"), result.review_of("ADMINISTRATIVE")
    return [
        {
            "role": "Analyst",
            "name": _name(result.analyst),
            "signed": belize_time(result.recorded_at),
        },
        {
            "role": "Technical reviewer",
            "name": _name(tech.reviewer),
            "signed": belize_time(tech.reviewed_at),
        },
        {
            "role": "Administrative reviewer",
            "name": _name(admin.reviewer),
            "signed": belize_time(admin.reviewed_at),
        },
        {"role": "Released by", "name": _name(releaser), "signed": belize_time(released_at)},
    ]


def _store(request, result, releaser, conclusion, at, amends=None, reason=""):
    version = (amends.version_number + 1) if amends else 1
    signatures = signatures_of(result, releaser, at)
    pdf = report_pdf(request, result, version, signatures, conclusion, amends, reason)
    report = Report(
        request_id=request.id,
        result_id=result.id,
        version_number=version,
        amends_id=amends.id if amends else None,
        amendment_reason=reason,
        conclusion=conclusion,
        signatures=signatures,
        released_at=at,
        released_by_id=releaser.id,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )
    request.reports.append(report)
    db.session.flush()
    return report


def release_report(request, releaser, at=None):
    """Release version 1 of a reviewed request's report; completes the request."""
    if request.reports:
        raise LimsError("The report is already released: issue an amended version instead.")
    if request.state != "REVIEWED":
        raise LimsError(
            "The result needs both a technical and an administrative review before the "
            "report is released."
        )
    result = request.current_result
    at = at or now_utc()
    report = _store(request, result, releaser, result.conclusion, at)
    request.state = "COMPLETED"
    request.completed_at = at
    db.session.flush()
    return report


def amend_report(report, releaser, reason, conclusion="", at=None):
    """Issue a new version that references (and keeps) the one it amends."""
    latest = report.request.reports[-1]
    if latest.id != report.id:
        raise LimsError(
            f"Version {report.version_number} was already amended: amend the latest version "
            f"({latest.version_number})."
        )
    reason = (reason or "").strip()
    if not reason:
        raise LimsError(
            "Give the reason for the amendment (it is printed on the report).", "reason"
        )
    conclusion = (conclusion or "").strip() or report.conclusion
    return _store(
        report.request, report.result, releaser, conclusion, at or now_utc(), report, reason[:255]
    )
