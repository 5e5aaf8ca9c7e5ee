"""The daily cause list: a court's hearings of one day, by courtroom, in registry order."""

from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from common.extensions import db
from court_cms.cases.models import Case
from court_cms.hearings.models import LIST_ORDER, Hearing
from court_cms.reference.models import Courtroom


def _order(hearing):
    kind = LIST_ORDER.index(hearing.hearing_type) if hearing.hearing_type in LIST_ORDER else 99
    return (hearing.courtroom.name, kind, hearing.scheduled_time or "", hearing.case.case_number)


def cause_list(court_id, day, courtroom_id=None):
    """[(courtroom, [(hearing type label, [hearings…]), …]), …] for the day.

    Registries print the short matters (bail, mentions, pleas) before the long ones (trials),
    each group in case-number order; vacated hearings are left off.
    """
    query = (
        select(Hearing)
        .join(Hearing.courtroom)
        .where(
            Courtroom.court_id == court_id,
            Hearing.scheduled_on == day,
            Hearing.outcome != "VACATED",
        )
        .options(joinedload(Hearing.case).joinedload(Case.parties), joinedload(Hearing.courtroom))
    )
    if courtroom_id:
        query = query.where(Hearing.courtroom_id == courtroom_id)
    hearings = sorted(db.session.scalars(query).unique(), key=_order)
    rooms = []
    for room, in_room in groupby(hearings, key=lambda h: h.courtroom):
        groups = [
            (label, list(items)) for label, items in groupby(in_room, key=lambda h: h.type_label)
        ]
        rooms.append((room, groups))
    return rooms


def list_line(hearing):
    """(case number, defendants, counsel, charges, custody note) for one line of the list."""
    case = hearing.case
    defendants = case.defendants
    names = "; ".join(p.name for p in defendants) or "—"
    counsel = "; ".join(p.counsel for p in defendants if p.counsel) or "—"
    charges = "; ".join(sorted({c.offence.title for p in defendants for c in p.charges})) or "—"
    custody = "in custody" if any(p.in_custody for p in defendants) else ""
    return case.case_number, names, counsel, charges, custody
