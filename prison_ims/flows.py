"""What the prison tells the other systems (providers of common.flows.registry)."""

from sqlalchemy import select

from common.extensions import db
from common.flows.refs import RemandEpisode
from common.flows.registry import provides
from prison_ims.admissions.models import Admission, LegalStatusChange
from prison_ims.conduct_settings import conduct_setting
from prison_ims.dashboard.figures import population
from prison_ims.movements.services import current_state, in_custody
from prison_ims.remand.services import (
    remand_alarms,
    remand_days_for_admission,
    remand_register,
    remand_spans,
)
from prison_ims.times import belize_date, now_utc


@provides("prison.remand_episodes")
def remand_episodes(until=None):
    """Every period in custody on a remand status, as RemandEpisodes (ongoing: last_day None)."""
    until = until or now_utc()
    statuses = tuple(conduct_setting("PRISON_REMAND_STATUSES"))
    ids = list(
        db.session.scalars(
            select(LegalStatusChange.admission_id)
            .where(LegalStatusChange.to_status.in_(statuses))
            .distinct()
        )
    )
    admissions = {
        a.id: a for a in db.session.scalars(select(Admission).where(Admission.id.in_(ids)))
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
