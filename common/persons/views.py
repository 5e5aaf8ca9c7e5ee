"""Thin views: search the index, show one person with every source record."""

from flask import abort, render_template, request

from common.extensions import db
from common.persons.models import SYSTEMS
from common.persons.services import person_for_view, search_persons


def search():
    """Search by name or identifier."""
    q = request.args.get("q", "").strip()[:100]
    page = request.args.get("page", 1, type=int)
    results = search_persons(q, page=page) if q else None
    return render_template("common/persons_search.html", q=q, results=results)


def detail(public_id):
    """One person and every source record; each opening is audited."""
    person = person_for_view(public_id)
    if person is None:
        abort(404)
    db.session.commit()
    return render_template("common/person_detail.html", person=person, systems=SYSTEMS)
