"""Reports: released with signatures, immutable, amended as a new version keeping the original."""

import io

import pytest
from pypdf import PdfReader

from common.audit.services import acting_as
from common.extensions import db
from lims.analysis.services import review
from lims.errors import LimsError
from lims.reports.models import Report
from lims.reports.services import amend_report, release_report
from tests.lims.helpers import client_as, post_as, reviewed_request


def _text(pdf):
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _approved():
    parts = reviewed_request()
    review(parts["result"], "TECHNICAL", parts["tech"], True)
    review(parts["result"], "ADMINISTRATIVE", parts["admin"], True)
    return parts


def test_report_needs_both_reviews(app):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        review(parts["result"], "TECHNICAL", parts["tech"], True)
        with pytest.raises(LimsError, match="technical and an administrative review"):
            release_report(parts["request"], parts["manager"])


def test_released_report_carries_the_signatures_and_completes_the_request(app):
    with app.app_context(), acting_as("test"):
        parts = _approved()
        report = release_report(parts["request"], parts["manager"])
        content = _text(report.pdf)
        for person in ("analyst", "tech", "admin", "manager"):
            assert parts[person].full_name in content
        for role in ("Analyst", "Technical reviewer", "Administrative reviewer", "Released by"):
            assert role in content
        assert parts["request"].state == "COMPLETED" and parts["request"].completed_at
        with pytest.raises(LimsError, match="already released"):
            release_report(parts["request"], parts["manager"])


def test_released_report_is_immutable(app):
    with app.app_context(), acting_as("test"):
        parts = _approved()
        report = release_report(parts["request"], parts["manager"])
        db.session.commit()
        report.conclusion = "Something else"
        with pytest.raises(ValueError, match="never changed"):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.get(Report, report.id))
        with pytest.raises(ValueError, match="never deleted"):
            db.session.flush()


def test_amended_report_is_a_new_version_that_keeps_the_original(app):
    with app.app_context(), acting_as("test"):
        parts = _approved()
        original = release_report(parts["request"], parts["manager"])
        original_pdf = original.pdf
        with pytest.raises(LimsError, match="reason"):
            amend_report(original, parts["manager"], "")
        amended = amend_report(original, parts["manager"], "Serial number typo", "Matches (corr.)")
        db.session.commit()
        assert amended.version_number == 2 and amended.amends_id == original.id
        assert db.session.get(Report, original.id).pdf == original_pdf
        assert "AMENDED REPORT" in _text(amended.pdf) and "Serial number typo" in _text(amended.pdf)
        assert [r.version_number for r in parts["request"].reports] == [1, 2]
        with pytest.raises(LimsError, match="already amended"):
            amend_report(original, parts["manager"], "again")


def test_report_pdf_downloads_and_release_is_refused_to_analysts(app, make_user):
    with app.app_context(), acting_as("test"):
        parts = _approved()
        db.session.commit()
        request_id = parts["request"].id
    analyst, _ = client_as(app, make_user, "lab_analyst")
    assert post_as(analyst, f"/lims/requests/{request_id}/release", {}).status_code == 403
    reviewer, _ = client_as(app, make_user, "lab_reviewer")
    done = post_as(reviewer, f"/lims/requests/{request_id}/release", {})
    assert done.status_code == 302
    with app.app_context():
        report_id = db.session.query(Report.id).scalar()
    pdf = analyst.get(f"/lims/reports/{report_id}.pdf")
    assert pdf.status_code == 200 and pdf.data[:4] == b"%PDF"
    assert analyst.get(f"/lims/reports/{report_id}/amend").status_code == 403
