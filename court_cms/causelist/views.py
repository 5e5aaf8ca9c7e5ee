"""Thin views: the cause list as a page and as a printable PDF."""

from datetime import date, timedelta

from flask import render_template, request
from flask_login import current_user

from common.pdf import PrintedDocument, pdf_response
from common.timefmt import belize_today
from court_cms.cases.views import court_choices
from court_cms.causelist.services import cause_list, court_label, list_line

HEADERS = ["No.", "Case", "Hearing", "Defendant(s)", "Counsel", "Charges", ""]
WIDTHS = [10, 38, 30, 50, 50, 62, 20]


def _selection():
    try:
        day = date.fromisoformat(request.args.get("date", ""))
    except ValueError:
        day = belize_today()
    return request.args.get("court", type=int), day, request.args.get("room", type=int)


def page():
    """The day's list for a court (or every court), with links to each case."""
    court_id, day, room = _selection()
    return render_template(
        "court_cms/cause_list.html",
        courts=court_choices(),
        court_id=court_id,
        court_name=court_label(court_id),
        day=day,
        room=room,
        courts_listed=cause_list(day, court_id, room),
        list_line=list_line,
        previous=day - timedelta(days=1),
        following=day + timedelta(days=1),
    )


def pdf():
    """The printed cause list: a section per court and courtroom, by time and case number."""
    court_id, day, room = _selection()
    doc = PrintedDocument(
        f"Cause list — {court_label(court_id)}",
        agency="Judiciary of Belize",
        subtitle=f"{day:%A %d %B %Y}",
        printed_by=current_user.email,
        landscape_pages=True,
    )
    listed = cause_list(day, court_id, room)
    if not listed:
        doc.paragraph("No matters are listed for this day.")
    for court, rooms in listed:
        for courtroom, slots in rooms:
            doc.heading(f"{court.name} — {courtroom.name}")
            number = 0
            for slot, hearings in slots:
                rows = []
                for hearing in hearings:
                    number += 1
                    rows.append([str(number), *list_line(hearing)])
                doc.paragraph(slot)
                doc.table(HEADERS, rows, col_widths=WIDTHS)
    return pdf_response(doc.build(), f"cause-list-{court_id or 'all'}-{day.isoformat()}.pdf")
