"""Thin view: the performance measures page (CourTools M2-M5, CEPEJ, adjournments)."""

from datetime import date, timedelta

from flask import render_template, request

from common.timefmt import belize_today
from court_cms.cases.views import court_choices
from court_cms.metrics.measures import Period
from court_cms.reference.models import SIDES
from court_cms.statistics.services import measures, yearly_flow


def _period():
    today = belize_today()
    try:
        start = date.fromisoformat(request.args.get("from", ""))
    except ValueError:
        start = today - timedelta(days=365)
    try:
        end = date.fromisoformat(request.args.get("to", ""))
    except ValueError:
        end = today
    if end < start:
        return Period(end, start), "The period was given backwards; it has been turned round."
    return Period(start, end), None


def page():
    """Measures for a court (or all courts) and period, with charts."""
    period, note = _period()
    court_id = request.args.get("court", type=int)
    results = measures(period, court_id)
    standards = results["time_to_disposition"].standards
    return render_template(
        "court_cms/statistics.html",
        period=period,
        note=note,
        court_id=court_id,
        courts=court_choices(),
        results=results,
        ttd_labels=[f"within {s.days} days" for s in standards],
        ttd_percent=[round(s.within.percent or 0, 1) for s in standards],
        side_labels=[SIDES.get(k, k.title()) for k in results["adjournments"].by_side],
        flow=yearly_flow(court_id),
    )
