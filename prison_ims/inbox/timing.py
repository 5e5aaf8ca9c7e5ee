"""Releases the court ordered: awaiting the officer, and the time from order to release.

The time is measured from the moment the court recorded its order (the item was sent) to
the release recorded in the prison, in hours; and in calendar days from the date of the
court's order to the Belize date of release.
"""

from sqlalchemy import select

from common.extensions import db
from common.inbox.models import InboxItem
from prison_ims.inbox.models import InboxAcceptance
from prison_ims.releases.models import Release
from prison_ims.times import as_utc, belize_date, now_utc

GROUNDS = {"BAIL": "BAIL", "COURT_ORDER": "COURT_ORDER"}


def _release_acceptances():
    return db.session.execute(
        select(InboxAcceptance, Release)
        .join(InboxItem, InboxItem.id == InboxAcceptance.inbox_item_id)
        .outerjoin(Release, Release.admission_id == InboxAcceptance.admission_id)
        .where(InboxItem.kind == "release_action")
        .order_by(InboxItem.created_at, InboxItem.id)
    ).all()


def _measure(acceptance, release, now):
    item = acceptance.item
    sent = as_utc(item.created_at)
    end = as_utc(release.released_at) if release else now
    return {
        "acceptance": acceptance,
        "item": item,
        "admission": acceptance.admission,
        "release": release,
        "ordered_on": item.ordered_on,
        "sent_at": sent,
        "released_at": as_utc(release.released_at) if release else None,
        "hours": round((end - sent).total_seconds() / 3600, 1),
        "days": (belize_date(end) - item.ordered_on).days,
    }


def awaiting_releases():
    """Court-ordered releases accepted but not yet carried out, oldest order first, with the
    hours waited so far."""
    now = now_utc()
    return [_measure(a, r, now) for a, r in _release_acceptances() if r is None]


def order_to_release_times():
    """Court-ordered releases carried out: hours from the court's order to the release, and
    calendar days from the date of the order (for the release times shown and the dashboard)."""
    now = now_utc()
    rows = [_measure(a, r, now) for a, r in _release_acceptances() if r is not None]
    return sorted(rows, key=lambda row: row["released_at"])


def awaiting_release_for(admission_id):
    """The court's release order awaiting the officer on an admission, or None."""
    for row in awaiting_releases():
        if row["admission"].id == admission_id:
            return row
    return None


def release_prefill(row):
    """(grounds, authority reference) the release form starts with for a court order."""
    item = row["item"]
    grounds = GROUNDS.get((item.details.get("release") or {}).get("grounds"), "COURT_ORDER")
    return grounds, f"{item.case_reference}, order of {item.ordered_on:%d %b %Y}"
