"""Figures for the Prison IMS home page, all from the records (never typed in)."""

from sqlalchemy import func, select

from common.extensions import db
from prison_ims.admissions.models import Admission
from prison_ims.movements.services import custody_by_status, movement_totals
from prison_ims.times import month_start_utc, now_utc


def home_figures():
    """In custody and inside now, on remand now, admissions this month."""
    now = now_utc()
    custody, present = movement_totals(now)
    held = custody_by_status(now)
    month_start = month_start_utc(now)
    admitted = db.session.scalar(
        select(func.count(Admission.id)).where(Admission.admitted_at >= month_start)
    )
    return {
        "custody": custody,
        "present": present,
        "out": custody - present,
        "remand": held.get("REMAND", 0),
        "sentenced": held.get("SENTENCED", 0),
        "admitted_this_month": admitted or 0,
        "month_start": month_start,
    }
