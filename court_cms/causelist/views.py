"""Thin views: the cause list as a page and as a printable PDF."""

from datetime import date, timedelta

from flask import render_template, request
from flask_login import current_user

from common.extensions import db
from common.pdf import PrintedDocument, pdf_response
from court_cms.cases.views import court_choices
from court_cms.causelist.services import cause_list, list_line
from court_cms.reference.models import Court


def _selection():
    courts = court_choices()
    court_id = request.args.get("court", type=int) or (courts[0][0] if courts else None)
    try:
        day = date.fromisoformat(request.args.get("date", ""))
    except ValueError:
        day = date.today()
    return courts, court_id, day, request.args.get("room", type=int)


def page():
    """The day's list for a court (and courtroom), with links to each case."""
    courts, court_id, day, room = _selection()
    court = db.session.get(Court, court_id) if court_id else None
    rooms = cause_list(court_id, day, room) if court else []
    return render_template(
        "court_cms/cause_list.html",
        courts=courts,
        court=court,
        day=day,
        room=room,
        rooms=rooms,
        list_line=list_line,
        previous=day - timedelta(days=1),
        following=day + timedelta(days=1),
    )


def pdf():
    """The printed cause list: one section per courtroom, grouped by kind of hearing."""
    _courts, court_id, day, room = _selection()
    court = db.session.get(Court, court_id) if court_id else None
    name = court.name if court else "No court chosen"
    doc = PrintedDocument(
        f"Cause list — {name}",
        agency="Judiciary of Belize",
        subtitle=f"{day:%A %d %B %Y}",
        printed_by=current_user.email,
        landscape_pages=True,
    )
    rooms = cause_list(court_id, day, room) if court else []
    if not rooms:
        doc.paragraph("No matters are listed for this day.")
    for courtroom, groups in rooms:
        doc.heading(courtroom.name)
        number = 0
        for label, hearings in groups:
            rows = []
            for h in hearings:
                number += 1
                rows.append([str(number), *list_line(h)])
            doc.paragraph(label.upper())
            doc.table(
                ["No.", "Case", "Defendant(s)", "Counsel", "Charges", ""],
                rows,
                col_widths=[12, 40, 60, 50, 80, 25],
            )
    return pdf_response(doc.build(), f"cause-list-{court.code if court else 'none'}-{day}.pdf")
