"""Remand delay attribution: every remand day goes to the hearing interval it falls in.

Pure Python, no database. A remand day belongs to the most recent hearing that took place
(held or adjourned) on or before it, across the defendant's cases:
- after an adjournment, to that adjournment's reason and responsible side, until the next
  hearing takes place (the 15 April adjournment owns the days from 15 April on);
- after a hearing that was held, to "hearing held, case continuing" while a later hearing
  is listed, else to "awaiting next hearing / unscheduled";
- before the first hearing, to "awaiting first hearing";
- a person with no hearing on record at all: "no court hearing on record".
The hearing day itself belongs to the interval it opens.
"""

from collections import Counter
from datetime import date, timedelta

TOOK_PLACE = ("HELD", "ADJOURNED")
NOT_ADJOURNED = "Not an adjournment"
UNSCHEDULED_SIDE = "Unscheduled"
AWAITING_FIRST = "Awaiting first hearing"
HELD_CONTINUING = "Hearing held, case continuing"
UNSCHEDULED = "Awaiting next hearing / unscheduled"
NO_HEARING = "No court hearing on record"
ADJOURNED_NO_REASON = "Adjourned (no reason recorded)"


def _label_after(step, steps):
    """(reason, side) in force from the day of a hearing that took place."""
    if step.outcome == "ADJOURNED":
        return step.reason or ADJOURNED_NO_REASON, step.side or "Other"
    if any(s.day > step.day for s in steps):
        return HELD_CONTINUING, NOT_ADJOURNED
    return UNSCHEDULED, UNSCHEDULED_SIDE


def segments(steps):
    """[(from day, court id, reason, side)] in day order: the label in force from each day."""
    if not steps:
        return [(date.min, None, NO_HEARING, UNSCHEDULED_SIDE)]
    ordered = sorted(steps, key=lambda s: s.day)
    result = [(date.min, ordered[0].court_id, AWAITING_FIRST, NOT_ADJOURNED)]
    for step in ordered:
        if step.outcome in TOOK_PLACE:
            result.append((step.day, step.court_id, *_label_after(step, ordered)))
    return result


def attribute(first_day, last_day, steps):
    """Counter {(court id, reason, side): days} for the days first_day..last_day inclusive."""
    days = Counter()
    if last_day < first_day:
        return days
    parts = segments(steps)
    for i, (start, court_id, reason, side) in enumerate(parts):
        ends = parts[i + 1][0] - timedelta(days=1) if i + 1 < len(parts) else date.max
        lo, hi = max(start, first_day), min(ends, last_day)
        if lo <= hi:
            days[(court_id, reason, side)] += (hi - lo).days + 1
    return days


def episode_days(episode, steps, start=None, end=None):
    """Attribute an episode's days inside [start, end) (end exclusive, both optional)."""
    last = episode.last_day if episode.last_day is not None else end - timedelta(days=1)
    if end is not None:
        last = min(last, end - timedelta(days=1))
    first = max(episode.first_day, start) if start else episode.first_day
    return attribute(first, last, steps)
