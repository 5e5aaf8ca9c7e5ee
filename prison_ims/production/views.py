"""Thin views: the production list as a page and as a PDF for the escort officers."""

from datetime import date, timedelta

from flask import render_template, request
from flask_login import current_user

from common.pdf import PrintedDocument, pdf_response
from prison_ims.production.services import (
    line,
    not_produced_record,
    production_groups,
    production_list,
)
from prison_ims.times import belize_date, now_utc

HEADERS = ["Time", "Courtroom", "Booking", "Inmate", "Legal status", "Case", "Hearing", "Escort"]
WIDTHS = [14, 22, 30, 50, 34, 38, 28, 40]


def _day():
    """The day asked for (?date=YYYY-MM-DD), tomorrow by default."""
    try:
        return date.fromisoformat(request.args.get("date", ""))
    except ValueError:
        return belize_date(now_utc()) + timedelta(days=1)


def page():
    """Who is to be produced at which court and time on a day."""
    day = _day()
    since, missed = not_produced_record()
    return render_template(
        "prison_ims/production.html",
        day=day,
        groups=production_groups(production_list(day)),
        previous=day - timedelta(days=1),
        following=day + timedelta(days=1),
        since=since,
        missed=missed,
    )


def pdf():
    """The printed production list: a section per court, with a column for the escort."""
    day = _day()
    groups = production_groups(production_list(day))
    doc = PrintedDocument(
        "Production list",
        agency="Belize Central Prison",
        subtitle=f"Inmates to be produced at court on {day:%A %d %B %Y}",
        printed_by=current_user.email,
        landscape_pages=True,
    )
    if not groups:
        doc.paragraph("No inmate is listed at court for this day.")
    for court, rows in groups:
        doc.heading(f"{court} ({len(rows)})")
        doc.table(HEADERS, [[*line(x, a), ""] for x, a in rows], col_widths=WIDTHS)
    doc.signatures(["Escort officer in charge", "Gate officer"])
    return pdf_response(doc.build(), f"production-list-{day.isoformat()}.pdf")
