"""Figures for the Prison IMS home page, all from the records (never typed in)."""

from collections import Counter

from sqlalchemy import func, select

from common.extensions import db
from prison_ims.admissions.models import Admission
from prison_ims.times import month_start_utc


def home_figures(now, held):
    """In custody and inside now, on remand now, admissions this month.

    `held` is `custody_rows(now)`: (id, legal status, state) of everyone in custody now.
    """
    custody, present = len(held), sum(row.state == "IN" for row in held)
    statuses = Counter(row.legal_status for row in held)
    month_start = month_start_utc(now)
    admitted = db.session.scalar(
        select(func.count(Admission.id)).where(Admission.admitted_at >= month_start)
    )
    return {
        "custody": custody,
        "present": present,
        "out": custody - present,
        "remand": statuses["REMAND"],
        "sentenced": statuses["SENTENCED"],
        "admitted_this_month": admitted or 0,
        "month_start": month_start,
    }
