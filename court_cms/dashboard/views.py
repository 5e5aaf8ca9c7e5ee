"""Thin view: the Court case tracker home page with the alarms a registry acts on."""

from flask import render_template
from sqlalchemy import func, select

from common.extensions import db
from common.persons.services import system_summary
from common.timefmt import belize_today
from court_cms.cases.models import Case
from court_cms.hearings.models import Hearing
from court_cms.orders.services import expired_remands, expired_warrants, remands_due


def home():
    """What this system holds today, expired or expiring remand orders, expired warrants."""
    today = belize_today()
    pending = db.session.scalar(select(func.count(Case.id)).where(Case.status != "DISPOSED")) or 0
    listed_today = (
        db.session.scalar(select(func.count(Hearing.id)).where(Hearing.scheduled_on == today)) or 0
    )
    return render_template(
        "court_cms/home.html",
        summary=system_summary("court"),
        pending=pending,
        listed_today=listed_today,
        expired=expired_remands(today),
        due=remands_due(today),
        warrants=expired_warrants(today),
        today=today,
    )
