"""Thin view: the remand delay report (days by reason and side, closest to the limit)."""

from flask import render_template, request

from common.audit.services import record_event
from common.extensions import db
from common.flows import services


def remand_delay():
    """Remand days by adjournment reason and side, per court and period."""
    start, end, error = services.parse_period(request.args)
    court_id = request.args.get("court", type=int)
    summary = services.remand_delay_summary(court=court_id, start=start, end=end)
    labels, datasets = services.chart_data(summary)
    closest = services.closest_to_remand_limit()
    # The page names the people closest to the remand limit: its opening is audited.
    record_event(
        db.session,
        "view",
        "RemandDelayReport",
        None,
        {"court": court_id, "from": str(start or ""), "to": str(end), "names": len(closest)},
    )
    db.session.commit()
    return render_template(
        "common/flows_delay.html",
        summary=summary,
        labels=labels,
        datasets=datasets,
        closest=closest,
        courts=services.court_choices(),
        court_id=court_id,
        error=error,
        args=request.args,
    )
