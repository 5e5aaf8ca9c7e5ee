"""Release rules: the checklist, the confirmed release date, the REL movement, the certificate.

PRISON_RELEASE_CERTIFICATE_FORMAT (app configuration): how a release certificate number is
    written; `{year}` is the year of release (Belize time), `{seq}` the running number in
    that year. Default "REL-{year}-{seq:05d}" (REL-2026-00007).
PRISON_RELEASES_DUE_DAYS (app configuration): how many days ahead the list of releases due
    looks, from today (Belize date). Default 14.
"""

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from common.counters import take_next
from common.extensions import db
from common.timefmt import long_date
from prison_ims.movements.services import MovementError, current_state, in_custody, record_movement
from prison_ims.releases.models import RELEASE_GROUNDS, Release
from prison_ims.sentences.models import ReleaseDateCalculation
from prison_ims.sentences.services import confirmed_calculation, current_calculation, sentences_of
from prison_ims.times import as_utc, belize_date, now_utc

CERTIFICATE_FORMAT = "REL-{year}-{seq:05d}"
CERTIFICATE_COUNTER = "prison:release"  # one counter row per year: prison:release:2026
RELEASES_DUE_DAYS = 14
CHECKLIST = (
    (
        "authority_checked",
        "Check the warrant or order for release (or the confirmed release date) against "
        "the file, then tick 'Authority for release checked'.",
    ),
    (
        "property_returned",
        "Return the property held for the person (see the inventory) and tick 'Property returned'.",
    ),
    (
        "release_date_verified",
        "Verify the release date against the confirmed release-date calculation or the "
        "court order, then tick 'Release date verified'.",
    ),
)


class ReleaseError(ValueError):
    """A release that breaks a rule; `field` names the form field to fix, if one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def release_of(admission_id):
    """The release of an admission, or None."""
    return db.session.scalar(select(Release).where(Release.admission_id == admission_id))


def check_release_date(admission, release_day, early_reason):
    """The calculation the release relies on; refuses a release before the confirmed ERD.

    Without sentences there is no release date to check (remand, civil). A sentenced person
    is released before the confirmed earliest release date, or without a confirmed one,
    only when a reason (the lawful authority) is given.
    """
    if not sentences_of(admission.id):
        return None
    reason = (early_reason or "").strip()
    confirmed = confirmed_calculation(admission.id)
    field = "early_release_reason"
    if confirmed is None:
        if not reason:
            raise ReleaseError(
                "The release date has not been confirmed by a second officer: have it "
                "confirmed on the sentences page, or give the lawful authority for this "
                "release in 'Reason for release before the confirmed date'.",
                field,
            )
        return current_calculation(admission.id)
    if confirmed.erd is None and not reason:
        raise ReleaseError(
            "A life sentence has no release date: give the lawful authority for this release "
            "(licence, pardon, court order) in 'Reason for release before the confirmed date'.",
            field,
        )
    if confirmed.erd is not None and release_day < confirmed.erd and not reason:
        raise ReleaseError(
            f"The confirmed earliest release date is {long_date(confirmed.erd)}; a release on "
            f"{long_date(release_day)} is before it. Wait until then, or give the lawful "
            "authority (court order, pardon) in 'Reason for release before the confirmed date'.",
            field,
        )
    return confirmed


def _check_form(admission, data):
    """Custody, grounds, authority reference and the checklist, each with its message."""
    if release_of(admission.id) is not None or not in_custody(current_state(admission.id)):
        raise ReleaseError(f"{admission.booking_number} is not in custody: nothing to release.")
    if data.get("grounds") not in RELEASE_GROUNDS:
        raise ReleaseError("Choose the grounds for release.", "grounds")
    if not (data.get("authority_reference") or "").strip():
        raise ReleaseError(
            "Give the reference of the warrant, order or calculation that authorises the release.",
            "authority_reference",
        )
    for name, message in CHECKLIST:
        if not data.get(name):
            raise ReleaseError(message, name)


def certificate_number(year, seq):
    """The certificate number `seq` of release year `year`, in the configured format."""
    fmt = current_app.config.get("PRISON_RELEASE_CERTIFICATE_FORMAT", CERTIFICATE_FORMAT)
    return fmt.format(year=year, seq=seq)


def next_certificate_number(released_at):
    """Issue the next release certificate number of the release year."""
    year = belize_date(released_at).year
    return certificate_number(year, take_next(f"{CERTIFICATE_COUNTER}:{year}"))


def movement_reason(grounds, reference):
    """The reason written on a release's REL movement: the grounds and their authority."""
    return f"{RELEASE_GROUNDS[grounds]}: {reference}"[:255]


def record_release(admission, data, user_id=None):
    """Release a person after the checklist; records the REL movement and the release."""
    _check_form(admission, data)
    released_at = as_utc(data["released_at"])
    early = (data.get("early_release_reason") or "").strip()
    calc = check_release_date(admission, belize_date(released_at), early)
    grounds = data["grounds"]
    reference = data["authority_reference"].strip()
    try:
        movement = record_movement(
            admission,
            "REL",
            released_at,
            place=(data.get("destination") or "").strip(),
            reason=movement_reason(grounds, reference),
            user_id=user_id,
        )
    except MovementError as exc:
        raise ReleaseError(str(exc), "released_at") from exc
    release = Release(
        admission_id=admission.id,
        certificate_number=next_certificate_number(released_at),
        released_at=released_at,
        grounds=grounds,
        authority_reference=reference,
        authority_checked=True,
        property_returned=True,
        release_date_verified=True,
        calculation_id=calc.id if calc else None,
        early_release_reason=early,
        destination=(data.get("destination") or "").strip(),
        movement_id=movement.id,
        released_by_id=user_id,
    )
    db.session.add(release)
    db.session.flush()
    return release


def _in_custody_now(calculations):
    """The calculations of persons still in custody (custody from the movements)."""
    return [c for c in calculations if in_custody(current_state(c.admission_id))]


def awaiting_second_check():
    """Preliminary calculations in force of persons in custody, oldest first."""
    found = db.session.scalars(
        select(ReleaseDateCalculation)
        .where(ReleaseDateCalculation.state == "PRELIMINARY")
        .order_by(ReleaseDateCalculation.calculated_at)
    ).all()
    return _in_custody_now(found)


def releases_due(today=None):
    """(horizon, confirmed calculations of persons in custody with ERD up to the horizon)."""
    today = today or belize_date(now_utc())
    days = current_app.config.get("PRISON_RELEASES_DUE_DAYS", RELEASES_DUE_DAYS)
    horizon = today + timedelta(days=days)
    found = db.session.scalars(
        select(ReleaseDateCalculation)
        .where(
            ReleaseDateCalculation.state == "CONFIRMED",
            ReleaseDateCalculation.erd.is_not(None),
            ReleaseDateCalculation.erd <= horizon,
        )
        .order_by(ReleaseDateCalculation.erd)
    ).all()
    return horizon, _in_custody_now(found)
