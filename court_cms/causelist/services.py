"""The daily cause list: hearings of one day per court and courtroom, in registry order."""

from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from common.extensions import db
from court_cms.cases.models import Case, Charge, Party
from court_cms.hearings.models import Hearing
from court_cms.reference.models import Court, Courtroom

UNTIMED = "Time to be fixed"


def _order(hearing):
    """Registry order: court, courtroom, sitting time (untimed last), case number."""
    time = hearing.scheduled_time
    return (
        hearing.courtroom.court.name,
        hearing.courtroom.name,
        time is None,
        time.isoformat() if time else "",
        hearing.case.case_number,
        hearing.id,
    )


def _slot(hearing):
    time = hearing.scheduled_time
    return time.strftime("%I:%M %p").lstrip("0") if time else UNTIMED


def listed_hearings(day, court_id=None, courtroom_id=None):
    """The hearings listed on a day (of one court, one courtroom), vacated ones left off."""
    query = (
        select(Hearing)
        .join(Hearing.courtroom)
        .where(Hearing.scheduled_on == day, Hearing.outcome != "VACATED")
        .options(
            joinedload(Hearing.case).selectinload(Case.parties).joinedload(Party.record),
            joinedload(Hearing.case)
            .selectinload(Case.parties)
            .selectinload(Party.charges)
            .joinedload(Charge.offence),
            joinedload(Hearing.courtroom).joinedload(Courtroom.court),
        )
    )
    if court_id:
        query = query.where(Courtroom.court_id == court_id)
    if courtroom_id:
        query = query.where(Hearing.courtroom_id == courtroom_id)
    return sorted(db.session.scalars(query), key=_order)


def cause_list(day, court_id=None, courtroom_id=None):
    """[(court, [(courtroom, [(time, [hearing, …]), …]), …]), …] for the day.

    Registries print each courtroom's list by sitting time, and within a sitting by case
    number; matters without a fixed time come last.
    """
    result = []
    hearings = listed_hearings(day, court_id, courtroom_id)
    for court, in_court in groupby(hearings, key=lambda h: h.courtroom.court):
        rooms = []
        for room, in_room in groupby(in_court, key=lambda h: h.courtroom):
            rooms.append((room, [(slot, list(hs)) for slot, hs in groupby(in_room, key=_slot)]))
        result.append((court, rooms))
    return result


def list_line(hearing):
    """(case number, hearing, defendants, counsel, charges, custody note) for one line."""
    case = hearing.case
    defendants = case.defendants
    names = "; ".join(p.name for p in defendants) or "—"
    counsel = [f"Pros.: {case.prosecutor}"] if case.prosecutor else []
    counsel += [f"{p.name.split()[-1]}: {p.counsel}" for p in defendants if p.counsel]
    charges = "; ".join(sorted({c.offence.title for p in defendants for c in p.charges})) or "—"
    custody = "in custody" if any(p.in_custody for p in defendants) else ""
    return (
        case.case_number,
        hearing.type_label,
        names,
        "; ".join(counsel) or "—",
        charges,
        custody,
    )


def court_label(court_id):
    """The court's name for a heading, or 'All courts'."""
    court = db.session.get(Court, court_id) if court_id else None
    return court.name if court else "All courts"
