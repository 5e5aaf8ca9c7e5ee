"""Remand tracking: days on remand rebuilt from the status and movement histories, court dates.

A day on remand is a Belize calendar day on which the person was, for any part of the day,
in custody (in the prison, at court, at hospital or on temporary release) while holding a
remand status (setting PRISON_REMAND_STATUSES). Days are counted once per person even when
admissions overlap.
"""

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import func, select

from common.extensions import db
from common.iccs.models import NationalOffence
from common.sqlfilters import in_values
from prison_ims.admissions.models import Admission, AdmissionOffence, LegalStatusChange
from prison_ims.conduct_settings import conduct_setting
from prison_ims.movements.models import IN_CUSTODY_STATES, Movement
from prison_ims.movements.services import (
    current_state,
    custody_at,
    custody_rows,
    in_custody,
)
from prison_ims.remand.models import CourtDate
from prison_ims.times import as_utc, belize_date, moment_or_now, now_utc


class RemandError(ValueError):
    """A court date that cannot be recorded; `field` names the form field to fix."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def custody_spans(movements, until):
    """[(start, end)] while in custody, from an admission's movements in time order."""
    spans, start = [], None
    for m in movements:
        at = as_utc(m.occurred_at)
        if at > until:
            break
        held = m.to_state in IN_CUSTODY_STATES
        if held and start is None:
            start = at
        elif not held and start is not None:
            spans.append((start, at))
            start = None
    if start is not None:
        spans.append((start, until))
    return spans


def status_spans(changes, statuses, until):
    """[(start, end)] while the legal status was one of `statuses`."""
    spans, start = [], None
    for c in changes:
        at = as_utc(c.changed_at)
        if at > until:
            break
        if c.to_status in statuses and start is None:
            start = at
        elif c.to_status not in statuses and start is not None:
            spans.append((start, at))
            start = None
    if start is not None:
        spans.append((start, until))
    return spans


def overlap(first, second):
    """The intersections of two lists of (start, end) spans."""
    result = []
    for a_start, a_end in first:
        for b_start, b_end in second:
            start, end = max(a_start, b_start), min(a_end, b_end)
            if start < end:
                result.append((start, end))
    return result


def count_days(spans):
    """Belize calendar days touched by any of the spans, each day counted once."""
    ranges = sorted((belize_date(s), belize_date(e)) for s, e in spans)
    total, last_end = 0, None
    for start, end in ranges:
        if last_end is not None and start <= last_end:
            start = last_end + timedelta(days=1)
        if start <= end:
            total += (end - start).days + 1
            last_end = end
    return total


def _histories(admission_ids):
    """({admission id: [movements]}, {admission id: [status changes]}) in time order.

    Plain rows (admission_id, occurred_at, to_state) and (admission_id, changed_at,
    to_status). Only movements that change custody matter to the spans: a trip to court or
    hospital keeps the person in custody, so those (most of a long remand's movements) are
    not read.
    """
    moves, changes = defaultdict(list), defaultdict(list)
    if not admission_ids:
        return moves, changes
    for m in db.session.execute(
        select(Movement.admission_id, Movement.occurred_at, Movement.to_state)
        .where(in_values(Movement.admission_id, admission_ids), Movement.custody_delta != 0)
        .order_by(Movement.occurred_at, Movement.id)
    ):
        moves[m.admission_id].append(m)
    for c in db.session.execute(
        select(
            LegalStatusChange.admission_id,
            LegalStatusChange.changed_at,
            LegalStatusChange.to_status,
        )
        .where(in_values(LegalStatusChange.admission_id, admission_ids))
        .order_by(LegalStatusChange.changed_at, LegalStatusChange.id)
    ):
        changes[c.admission_id].append(c)
    return moves, changes


def remand_spans(admission_ids, until=None):
    """{admission id: [(start, end)] in custody on remand} up to `until` (now)."""
    until = as_utc(until) if until else now_utc()
    statuses = tuple(conduct_setting("PRISON_REMAND_STATUSES"))
    moves, changes = _histories(list(admission_ids))
    return {
        a: overlap(custody_spans(moves[a], until), status_spans(changes[a], statuses, until))
        for a in admission_ids
    }


def remand_days_for_admission(admission_id, until=None):
    """Days on remand under one admission."""
    return count_days(remand_spans([admission_id], until)[admission_id])


def remand_days_for_person(person_id, until=None):
    """Days on remand over all of a person's admissions (each day once)."""
    ids = list(db.session.scalars(select(Admission.id).where(Admission.person_id == person_id)))
    spans = remand_spans(ids, until)
    return count_days([s for a in ids for s in spans[a]])


def likely_sentence_days(admission):
    """The setting-driven estimate of the likely sentence: longest over the offences."""
    return likely_days_for_codes(o.offence.iccs_code for o in admission.offences)


def likely_days_for_codes(iccs_codes):
    """The likely sentence for offences with these ICCS codes (the table is by section)."""
    table = conduct_setting("PRISON_LIKELY_SENTENCE_DAYS")
    fallback = conduct_setting("PRISON_LIKELY_SENTENCE_DEFAULT_DAYS")
    return max((table.get((code or "")[:2], fallback) for code in iccs_codes), default=fallback)


def offence_codes(admission_ids):
    """{admission id: [ICCS codes of its offences]}, read in one query."""
    codes = defaultdict(list)
    if admission_ids:
        for admission_id, code in db.session.execute(
            select(AdmissionOffence.admission_id, NationalOffence.iccs_code)
            .join(NationalOffence, NationalOffence.id == AdmissionOffence.national_offence_id)
            .where(in_values(AdmissionOffence.admission_id, admission_ids))
        ):
            codes[admission_id].append(code)
    return codes


def next_court_dates(admission_ids, today=None):
    """{admission id: the earliest CourtDate due on or after today}."""
    today = today or belize_date(now_utc())
    result = {}
    if not admission_ids:
        return result
    for c in db.session.scalars(
        select(CourtDate)
        .where(in_values(CourtDate.admission_id, admission_ids), CourtDate.due_on >= today)
        .order_by(CourtDate.due_on.desc(), CourtDate.id.desc())
    ):
        result[c.admission_id] = c
    return result


def last_court_trips(admission_ids):
    """{admission id: the latest CRT movement (a court attendance recorded)}."""
    if not admission_ids:
        return {}
    latest = (
        select(func.max(Movement.id))
        .where(in_values(Movement.admission_id, admission_ids), Movement.kind == "CRT")
        .group_by(Movement.admission_id)
    )
    return {
        m.admission_id: m
        for m in db.session.scalars(select(Movement).where(Movement.id.in_(latest)))
    }


def remand_register(at=None):
    """Everyone in custody now on a remand status, longest remand first, with alarms."""
    moment, at = moment_or_now(at)
    statuses = tuple(conduct_setting("PRISON_REMAND_STATUSES"))
    limit = conduct_setting("PRISON_REMAND_LIMIT_DAYS")
    held = [a for a, _ in custody_at(moment, legal_statuses=statuses)]
    ids = [a.id for a in held]
    codes = offence_codes(ids)
    spans = remand_spans(ids, at)
    courts, trips = next_court_dates(ids, belize_date(at)), last_court_trips(ids)
    rows = []
    for a in held:
        days, likely = count_days(spans[a.id]), likely_days_for_codes(codes[a.id])
        rows.append(
            {
                "admission": a,
                "days": days,
                "likely_days": likely,
                "over_limit": days > limit,
                "over_likely": days > likely,
                "next_court": courts.get(a.id),
                "last_court": trips.get(a.id),
            }
        )
    rows.sort(key=lambda r: (-r["days"], r["admission"].booking_number))
    return rows


def remand_alarms_now(at=None, held=None):
    """The counts of `remand_alarms(remand_register(at))`, from plain rows (the home page).

    `held` is `custody_rows(at)` when the caller has it already. Remand under one admission
    cannot be longer than the days since it began, so only admissions older than the
    shortest threshold have their remand days counted.
    """
    moment, at = moment_or_now(at)
    limit = conduct_setting("PRISON_REMAND_LIMIT_DAYS")
    statuses = tuple(conduct_setting("PRISON_REMAND_STATUSES"))
    held = custody_rows(moment) if held is None else held
    remand = [row for row in held if row.legal_status in statuses]
    ids = [row.id for row in remand]
    today = belize_date(at)
    floor = min(limit, _shortest_likely_days())
    older = [r.id for r in remand if (today - belize_date(r.admitted_at)).days + 1 > floor]
    spans, codes = remand_spans(older, at), offence_codes(older)
    days = {a: count_days(spans[a]) for a in older}
    with_court_date = set(
        db.session.scalars(
            select(CourtDate.admission_id)
            .where(in_values(CourtDate.admission_id, ids), CourtDate.due_on >= today)
            .distinct()
        )
    )
    return {
        "remand": len(ids),
        "over_limit": sum(days[a] > limit for a in older),
        "over_likely": sum(days[a] > likely_days_for_codes(codes[a]) for a in older),
        "no_court_date": sum(a not in with_court_date for a in ids),
        "limit_days": limit,
    }


def _shortest_likely_days():
    """The shortest likely sentence any offence can be given (the table or the default)."""
    table = conduct_setting("PRISON_LIKELY_SENTENCE_DAYS")
    return min([*table.values(), conduct_setting("PRISON_LIKELY_SENTENCE_DEFAULT_DAYS")])


def remand_alarms(rows):
    """Counts for the dashboard: over the limit, over the likely sentence, no court date."""
    return {
        "remand": len(rows),
        "over_limit": sum(r["over_limit"] for r in rows),
        "over_likely": sum(r["over_likely"] for r in rows),
        "no_court_date": sum(r["next_court"] is None for r in rows),
        "limit_days": conduct_setting("PRISON_REMAND_LIMIT_DAYS"),
    }


def schedule_court_date(admission, due_on, court, purpose="", user_id=None):
    """Record the next date a person in custody is due at court."""
    if due_on is None:
        raise RemandError("Give the date the person is due at court.", "due_on")
    if due_on < belize_date(now_utc()):
        raise RemandError("That date has passed: record past court trips as movements.", "due_on")
    court = (court or "").strip()
    if not court:
        raise RemandError("Name the court.", "court")
    if not in_custody(current_state(admission.id)):
        raise RemandError(f"{admission.booking_number} is not in custody.")
    exists = db.session.scalar(
        select(CourtDate.id).where(
            CourtDate.admission_id == admission.id, CourtDate.due_on == due_on
        )
    )
    if exists:
        raise RemandError("A court date is already recorded for that day.", "due_on")
    court_date = CourtDate(
        admission_id=admission.id,
        due_on=due_on,
        court=court,
        purpose=(purpose or "").strip(),
        recorded_by_id=user_id,
    )
    db.session.add(court_date)
    db.session.flush()
    return court_date


def court_dates_of(admission_id):
    """Court dates recorded for an admission, soonest first."""
    return db.session.scalars(
        select(CourtDate).where(CourtDate.admission_id == admission_id).order_by(CourtDate.due_on)
    ).all()
