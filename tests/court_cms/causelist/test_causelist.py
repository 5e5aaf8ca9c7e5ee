"""The cause list: per court and courtroom, by time then case number; page and PDF."""

from datetime import time
from io import BytesIO

from pypdf import PdfReader

from common.extensions import db
from court_cms.causelist.services import UNTIMED, cause_list
from tests.court_cms.helpers import court, days_ago, defendant, file, hearing
from tests.court_cms.http import page


def _day_listed():
    day = days_ago(-2)
    sc = court("SC")
    first, second = sc.courtrooms[0], sc.courtrooms[1]
    a, b, c, d = file(), file(), file(), file("MCBZ")
    for case in (a, b, c, d):
        defendant(case)
    hearing(b, day, "TRIAL", first, time(9, 0))
    hearing(a, day, "MENTION", first, time(9, 0))
    hearing(c, day, "BAIL", first, None)
    hearing(a, day, "SENTENCING", first, time(13, 30))
    hearing(c, day, "MENTION", second, time(10, 0))
    hearing(d, day, "MENTION", d.court.courtrooms[0], time(9, 0))
    return day, (a, b, c, d)


def test_list_is_grouped_by_court_room_and_time_in_case_number_order(app):
    with app.app_context():
        day, (a, b, c, d) = _day_listed()
        listed = cause_list(day)
        assert [court.code for court, _rooms in listed] == ["MCBZ", "SC"]
        rooms = dict((room.name, slots) for room, slots in listed[1][1])
        slots = [(slot, [h.case.case_number for h in hs]) for slot, hs in rooms["Court 1"]]
        assert slots == [
            ("9:00 AM", [a.case_number, b.case_number]),
            ("1:30 PM", [a.case_number]),
            (UNTIMED, [c.case_number]),
        ]
        only_sc = cause_list(day, court("SC").id, court("SC").courtrooms[1].id)
        assert [[r.name for r, _ in rooms] for _c, rooms in only_sc] == [["Court 2"]]


def test_page_and_pdf_for_every_reader(app, client, login_as):
    with app.app_context():
        day, (a, *_rest) = _day_listed()
        db.session.commit()
        sc, number = court("SC").id, a.case_number
    login_as("judicial_officer")
    html = page(client, f"/court/cause-list/?court={sc}&date={day.isoformat()}")
    assert "Supreme Court (Belize City) — Court 1" in html and number in html
    assert (
        "Belize City Magistrate" not in html.split("<h1")[1].split("</main>")[0].split("</form>")[1]
    )
    response = client.get(f"/court/cause-list/pdf?court={sc}&date={day.isoformat()}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages)
    assert "Cause list" in text and number in text and "9:00 AM" in text
    assert "Castillo" in text
    empty = client.get("/court/cause-list/pdf?date=2001-01-01")
    empty_text = PdfReader(BytesIO(empty.data)).pages[0].extract_text()
    assert "No matters are listed" in empty_text
