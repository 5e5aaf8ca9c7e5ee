"""Remand delay summary: remand days by adjournment reason and responsible side.

The prison supplies the remand episodes (provider "prison.remand_episodes"), the court the
hearing histories of each person (provider "court.hearing_steps"); attribution itself is
pure (common.flows.attribution).
"""

from collections import Counter, defaultdict
from datetime import date, timedelta

from common.flows.attribution import episode_days
from common.flows.registry import ask
from common.timefmt import belize_today

DEFAULT_PERIOD_DAYS = 365


def _overlaps(episode, start, end):
    if episode.first_day >= end:
        return False
    return start is None or episode.last_day is None or episode.last_day >= start


def cases_open_during(episode, steps, end):
    """The hearings of the person's cases that were open at some time during the episode."""
    last = episode.last_day or end
    return [s for s in steps if s.case_open_during(episode.first_day, last)]


def remand_delay_summary(court=None, start=None, end=None):
    """Remand days in [start, end) by reason and by side (end defaults to today, exclusive).

    `court` is a court id: only days attributed to that court's hearings count. Only the
    hearings of cases open during the episode count. Episodes of people without such a case
    in the court tracker cannot be attributed: they are counted
    apart ("unmatched_episodes", "unmatched_days") and left out of the totals.
    Returns {"total", "episodes", "by_reason", "by_side", "by_reason_side", "start", "end",
    "unmatched_episodes", "unmatched_days"}.
    """
    end = end or belize_today()
    episodes = [e for e in ask("prison.remand_episodes", start, end) if _overlaps(e, start, end)]
    steps = ask("court.hearing_steps", sorted({e.person_id for e in episodes}))
    cells = Counter()
    counted = unmatched = unmatched_days = 0
    for episode in episodes:
        history = cases_open_during(episode, steps.get(episode.person_id, []), end)
        days = episode_days(episode, history, start, end)
        if not history:
            unmatched += bool(days)
            unmatched_days += sum(days.values())
            continue
        kept = {k: n for k, n in days.items() if court is None or k[0] == court}
        counted += bool(kept)
        for (_court, reason, side), n in kept.items():
            cells[(reason, side)] += n
    summary = _summary(cells, counted, start, end)
    summary.update(unmatched_episodes=unmatched, unmatched_days=unmatched_days)
    return summary


def _summary(cells, counted, start, end):
    by_reason, by_side = Counter(), Counter()
    matrix = defaultdict(dict)
    for (reason, side), n in cells.items():
        by_reason[reason] += n
        by_side[side] += n
        matrix[reason][side] = n
    return {
        "total": sum(cells.values()),
        "episodes": counted,
        "by_reason": dict(by_reason.most_common()),
        "by_side": dict(by_side.most_common()),
        "by_reason_side": {r: matrix[r] for r in dict(by_reason.most_common())},
        "start": start,
        "end": end,
    }


def chart_data(summary):
    """(labels, datasets) of a stacked bar chart: reasons across, one dataset per side."""
    labels = list(summary["by_reason"])
    sides = list(summary["by_side"])
    datasets = [
        {"label": side, "data": [summary["by_reason_side"][r].get(side, 0) for r in labels]}
        for side in sides
    ]
    return labels, datasets


def closest_to_remand_limit(limit=10):
    """The people on remand now nearest (or past) the remand limit, most days first."""
    return ask("prison.closest_to_remand_limit", limit)


def court_choices():
    """(id, name) of the courts, for the filter."""
    return ask("court.courts")


def parse_period(args, today=None):
    """(start, end, error) from ?from=&to= (ISO dates; `to` inclusive in the form).

    Without either date, or with dates that cannot be used (the error says why), the period
    is the last DEFAULT_PERIOD_DAYS days.
    """
    today = today or belize_today()
    default = today - timedelta(days=DEFAULT_PERIOD_DAYS)
    if not args.get("from") and not args.get("to"):
        return default, today, None
    try:
        start = date.fromisoformat(args.get("from", "")) if args.get("from") else None
        to = date.fromisoformat(args.get("to", "")) if args.get("to") else None
    except ValueError:
        return default, today, "Give the dates as calendar dates, for example 2026-03-01."
    end = min(to + timedelta(days=1), today) if to else today
    if start and start >= end:
        return default, today, "The period starts after it ends: check the two dates."
    return start, end, None
