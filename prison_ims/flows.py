"""What the prison tells the other systems (providers of common.flows.registry)."""

from datetime import UTC, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from common.extensions import db
from common.flows.refs import RemandEpisode
from common.flows.registry import provides
from common.timefmt import BELIZE
from prison_ims.admissions.models import Admission, LegalStatusChange
from prison_ims.conduct_settings import conduct_setting
from prison_ims.dashboard.figures import population
from prison_ims.movements.models import Movement
from prison_ims.movements.services import current_state, in_custody
from prison_ims.remand.services import (
    remand_alarms,
    remand_days_for_admission,
    remand_register,
    remand_spans,
)
from prison_ims.times import belize_date, now_utc


def _remand_admission_ids(start, end):
    """Admissions ever on a remand status that may hold remand days in [start, end)."""
    statuses = tuple(conduct_setting("PRISON_REMAND_STATUSES"))
    query = (
        select(LegalStatusChange.admission_id)
        .join(Admission, Admission.id == LegalStatusChange.admission_id)
        .where(LegalStatusChange.to_status.in_(statuses))
        .distinct()
    )
    if end is not None:
        query = query.where(Admission.admitted_at < _belize_midnight(end))
    if start is not None:
        released_before = select(Movement.id).where(
            Movement.admission_id == Admission.id,
            Movement.kind == "REL",
            Movement.occurred_at < _belize_midnight(start),
        )
        query = query.where(~released_before.exists())
    return list(db.session.scalars(query))


def _belize_midnight(day):
    return datetime.combine(day, time.min, BELIZE).astimezone(UTC)


@provides("prison.remand_episodes")
def remand_episodes(start=None, end=None, until=None):
    """Periods in custody on a remand status that may touch [start, end), as RemandEpisodes.

    An ongoing episode has last_day None. Episodes entirely outside the period may be left out.
    """
    until = until or now_utc()
    ids = _remand_admission_ids(start, end)
    admissions = {
        a.id: a
        for a in db.session.scalars(
            select(Admission)
            .where(Admission.id.in_(ids))
            .options(selectinload(Admission.person_record))
        )
    }
    episodes = []
    for admission_id, spans in remand_spans(ids, until).items():
        a = admissions[admission_id]
        for start, end in spans:
            last = None if end >= until else belize_date(end)
            episodes.append(
                RemandEpisode(
                    a.person_id,
                    a.person_record.full_name,
                    a.booking_number,
                    belize_date(start),
                    last,
                )
            )
    return episodes


@provides("prison.closest_to_remand_limit")
def closest_to_remand_limit(limit=10):
    """People on remand now, most remand days first, with the days left to the remand limit."""
    days_limit = conduct_setting("PRISON_REMAND_LIMIT_DAYS")
    rows = remand_register()[:limit]
    return [
        {
            "name": r["admission"].person_record.full_name,
            "person_public_id": r["admission"].person.public_id,
            "booking_number": r["admission"].booking_number,
            "days": r["days"],
            "limit": days_limit,
            "days_left": days_limit - r["days"],
            "over_limit": r["over_limit"],
        }
        for r in rows
    ]


@provides("prison.person_episodes")
def person_episodes(person_id):
    """[{booking, admitted, status, in custody, remand days}] of a person's admissions."""
    admissions = db.session.scalars(
        select(Admission)
        .where(Admission.person_id == person_id)
        .order_by(Admission.admitted_at.desc())
    )
    return [
        {
            "booking_number": a.booking_number,
            "admission_id": a.id,
            "admitted_at": a.admitted_at,
            "status": a.status_label,
            "in_custody": in_custody(current_state(a.id)),
            "remand_days": remand_days_for_admission(a.id),
        }
        for a in admissions
    ]


@provides("prison.headline")
def headline():
    """Population, occupancy and remand share now, with the remand alarms."""
    pop = population()
    capacity = pop["capacity"]
    return {
        "total": pop["total"],
        "capacity": capacity,
        "occupancy": round(100 * pop["total"] / capacity, 1) if capacity else None,
        "remand": pop["remand"],
        "remand_share": pop["remand_share"],
        "alarms": remand_alarms(remand_register()),
    }
