"""Thin view: filter and page through the audit trail."""

import json
from datetime import datetime, time

from flask import render_template, request
from sqlalchemy import select

from common.audit.models import AuditEntry
from common.extensions import db
from common.timefmt import BELIZE

FILTERS = ("actor", "action", "entity_type", "entity_id", "app", "date_from", "date_to")


def _parse_date(text, end=False):
    try:
        day = datetime.strptime(text, "%Y-%m-%d").date()
    except (TypeError, ValueError):
        return None
    return datetime.combine(day, time.max if end else time.min, tzinfo=BELIZE)


def filtered_query(args):
    """The audit query narrowed by the filter form's values."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if args.get("actor"):
        query = query.where(AuditEntry.actor.ilike(f"%{args['actor']}%"))
    for name in ("action", "entity_type", "entity_id", "app"):
        if args.get(name):
            query = query.where(getattr(AuditEntry, name) == args[name])
    start, end = _parse_date(args.get("date_from")), _parse_date(args.get("date_to"), end=True)
    if start:
        query = query.where(AuditEntry.occurred_at >= start)
    if end:
        query = query.where(AuditEntry.occurred_at <= end)
    return query


def browse():
    """Newest first, 50 a page."""
    args = {k: request.args.get(k, "").strip()[:100] for k in FILTERS}
    page = db.paginate(
        filtered_query(args),
        page=request.args.get("page", 1, type=int),
        per_page=50,
        error_out=False,
    )
    actions = db.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    return render_template(
        "common/audit_browse.html",
        page=page,
        args=args,
        actions=list(actions),
        loads=json.loads,
        filters={k: v for k, v in args.items() if v},
    )
