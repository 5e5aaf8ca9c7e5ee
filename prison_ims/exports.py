"""The prison's BCO datasets: admissions, their offences, releases, remand episodes.

No names, booking photos, addresses or free text: persons appear only as person_key, sex,
age at the event and district.
"""

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from common.exports.columns import with_offence, with_person
from common.exports.datasets import Dataset, register
from common.exports.datasets import schema_field as f
from prison_ims.admissions.models import (
    AUTHORITY_TYPES,
    LEGAL_STATUSES,
    Admission,
    AdmissionOffence,
    LegalStatusChange,
)
from prison_ims.movements.models import Movement
from prison_ims.population import exports as _population  # noqa: F401 - population_snapshots
from prison_ims.releases.models import RELEASE_GROUNDS, Release

STATUSES = list(LEGAL_STATUSES)


def _person(query, event):
    return with_person(query, Admission.person_id, Admission.person_record_id, event)


def _admissions_query():
    query = select(
        Admission.id.label("record_id"),
        Admission.booking_number,
        Admission.admitted_at,
        Admission.authority_type,
        Admission.legal_status,
    )
    return _person(query, Admission.admitted_at)


def _offences_query():
    query = select(
        AdmissionOffence.id.label("record_id"),
        Admission.id.label("admission_id"),
        Admission.booking_number,
        Admission.admitted_at,
    ).join(Admission, Admission.id == AdmissionOffence.admission_id)
    query = with_offence(query, AdmissionOffence.national_offence_id)
    return _person(query, Admission.admitted_at)


def _offence_ids_of(session, admission):
    query = select(AdmissionOffence.id).where(AdmissionOffence.admission_id == admission.id)
    return session.scalars(query).all()


def _releases_query():
    query = select(
        Release.id.label("record_id"),
        Admission.id.label("admission_id"),
        Admission.booking_number,
        Admission.admitted_at,
        Release.released_at,
        Release.grounds,
    ).join(Admission, Admission.id == Release.admission_id)
    return _person(query, Release.released_at)


def _days_in_custody(row):
    start, end = row.get("admitted_at"), row.get("released_at")
    return {**row, "days_in_custody": (end - start).days if start and end else None}


def _episodes_query():
    later = aliased(LegalStatusChange)
    ended_by_status = (
        select(func.min(later.changed_at))
        .where(
            later.admission_id == LegalStatusChange.admission_id,
            later.changed_at > LegalStatusChange.changed_at,
        )
        .scalar_subquery()
    )
    released = (
        select(func.min(Movement.occurred_at))
        .where(
            and_(
                Movement.admission_id == LegalStatusChange.admission_id,
                Movement.kind == "REL",
                Movement.occurred_at >= LegalStatusChange.changed_at,
            )
        )
        .scalar_subquery()
    )
    query = (
        select(
            LegalStatusChange.id.label("record_id"),
            Admission.id.label("admission_id"),
            Admission.booking_number,
            LegalStatusChange.changed_at.label("started_at"),
            ended_by_status.label("status_changed_at"),
            released.label("released_at"),
        )
        .join(Admission, Admission.id == LegalStatusChange.admission_id)
        .where(LegalStatusChange.to_status == "REMAND")
    )
    return _person(query, LegalStatusChange.changed_at)


def _episode_end(row):
    ends = [t for t in (row.get("status_changed_at"), row.get("released_at")) if t]
    ended = min(ends) if ends else None
    start = row["started_at"]
    return {
        **row,
        "ended_at": ended,
        "ongoing": ended is None,
        "duration_days": (ended - start).days if ended else None,
    }


def _remand_ids_of(session, admission_id):
    query = select(LegalStatusChange.id).where(
        LegalStatusChange.admission_id == admission_id, LegalStatusChange.to_status == "REMAND"
    )
    return session.scalars(query).all()


def _by_person(id_column, *joins):
    def query(person_ids):
        q = select(id_column)
        for target, on in joins:
            q = q.join(target, on)
        return q.where(Admission.person_id.in_(person_ids))

    return query


BOOKING = f("booking_number", "string", "Prison booking number", required=True)
ADMITTED = f("admitted_at", "datetime", "Time of admission (UTC)", required=True)
register(
    Dataset(
        app="prison",
        name="admissions",
        title="Admissions",
        description="One row per admission on a commitment authority, with current status.",
        fields=[
            BOOKING,
            ADMITTED,
            f("authority_type", "string", required=True, enum=list(AUTHORITY_TYPES)),
            f("legal_status", "string", "Current legal status", required=True, enum=STATUSES),
        ],
        query=_admissions_query,
        id_column=Admission.id,
        watch={Admission: lambda s, o: [o.id]},
        by_person=_by_person(Admission.id),
        person=True,
    )
)
register(
    Dataset(
        app="prison",
        name="admission_offences",
        title="Offences of admissions",
        description="One row per offence an admission is held for (ICCS and national code).",
        fields=[f("admission_id", "integer", required=True), BOOKING, ADMITTED],
        query=_offences_query,
        id_column=AdmissionOffence.id,
        watch={AdmissionOffence: lambda s, o: [o.id], Admission: _offence_ids_of},
        by_person=_by_person(
            AdmissionOffence.id, (Admission, Admission.id == AdmissionOffence.admission_id)
        ),
        person=True,
        offence=True,
    )
)
register(
    Dataset(
        app="prison",
        name="releases",
        title="Releases",
        description="One row per release, with its grounds and the days spent in custody.",
        fields=[
            f("admission_id", "integer", required=True),
            BOOKING,
            ADMITTED,
            f("released_at", "datetime", "Time of release (UTC)", required=True),
            f("grounds", "string", required=True, enum=list(RELEASE_GROUNDS)),
            f("days_in_custody", "integer", minimum=0),
        ],
        query=_releases_query,
        id_column=Release.id,
        watch={Release: lambda s, o: [o.id]},
        by_person=_by_person(Release.id, (Admission, Admission.id == Release.admission_id)),
        person=True,
        transform=_days_in_custody,
    )
)
register(
    Dataset(
        app="prison",
        name="remand_episodes",
        title="Remand episodes",
        description="One row per period on remand: start, end (empty while ongoing), duration.",
        fields=[
            f("admission_id", "integer", required=True),
            BOOKING,
            f("started_at", "datetime", required=True),
            f("ended_at", "datetime", "Status change or release that ended the remand"),
            f("ongoing", "boolean", required=True),
            f("duration_days", "integer", "Whole days, once the episode has ended", minimum=0),
        ],
        query=_episodes_query,
        id_column=LegalStatusChange.id,
        watch={
            LegalStatusChange: lambda s, o: _remand_ids_of(s, o.admission_id),
            Movement: lambda s, o: _remand_ids_of(s, o.admission_id) if o.kind == "REL" else [],
        },
        by_person=_by_person(
            LegalStatusChange.id,
            (Admission, Admission.id == LegalStatusChange.admission_id),
        ),
        person=True,
        transform=_episode_end,
    )
)
