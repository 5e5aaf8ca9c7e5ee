"""Production list: the courts' listings of a day, kept to the persons the prison holds.

The court lists every defendant of every hearing; the prison produces those it holds in
custody (remanded or sentenced). Attendance and "not produced" adjournments come back from
the court on the same listings.

PRISON_PRODUCTION_RECORD_DAYS (app configuration): how many days back the record of
    defendants not produced looks. Default 30.
"""

from datetime import timedelta

from flask import current_app

from common.inbox.production import listings_on, not_produced_since
from prison_ims.movements.services import custody_at
from prison_ims.times import belize_date, now_utc

RECORD_DAYS = 30


def held_admissions():
    """{person id: admission} of everyone in custody now."""
    return {admission.person_id: admission for admission, _ in custody_at()}


def production_list(day):
    """[(listing, admission)] of the inmates listed at court on a day, by court and time."""
    held = held_admissions()
    return [(x, held[x.person_id]) for x in listings_on(day, held.keys())]


def production_groups(rows):
    """[(court, [(listing, admission), …]), …] in the order of the list."""
    groups = []
    for listing, admission in rows:
        if not groups or groups[-1][0] != listing.court:
            groups.append((listing.court, []))
        groups[-1][1].append((listing, admission))
    return groups


def not_produced_record(today=None):
    """(since, listings) of the inmates not produced at court recently, newest first."""
    today = today or belize_date(now_utc())
    days = current_app.config.get("PRISON_PRODUCTION_RECORD_DAYS", RECORD_DAYS)
    since = today - timedelta(days=days)
    return since, not_produced_since(since)


def line(listing, admission):
    """The printed line of one inmate: time, courtroom, booking, name, status, case, hearing."""
    at = listing.listed_at.strftime("%H:%M") if listing.listed_at else "—"
    return [
        at,
        listing.courtroom,
        admission.booking_number,
        admission.person_record.full_name,
        admission.status_label,
        listing.case_reference,
        listing.hearing_type,
    ]
