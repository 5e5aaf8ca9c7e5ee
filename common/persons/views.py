"""Thin views: search the index, show one person with every source record."""

from datetime import date

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from common.audit.services import record_event
from common.extensions import db
from common.locking import ConflictError
from common.persons.forms import ReviewDecisionForm, UnmergeForm
from common.persons.index_store import find_candidates
from common.persons.merge import MergeError, unmerge
from common.persons.models import SYSTEMS, MatchReview, PersonMerge
from common.persons.review import decide, recent_merges
from common.persons.review import review_queue as review_queue_query
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


def _candidate_fields(args):
    fields = {
        k: args.get(k, "").strip()[:120]
        for k in ("given_name", "middle_name", "surname", "sex", "district", "national_id")
    }
    dob = args.get("date_of_birth", "")
    try:
        fields["date_of_birth"] = date.fromisoformat(dob) if dob else None
    except ValueError:
        fields["date_of_birth"] = None
    return fields


def candidates():
    """JSON: existing persons who may be the one being typed, with the engine's explanation."""
    fields = _candidate_fields(request.args)
    if not (fields["surname"] or fields["national_id"]):
        return jsonify(candidates=[], message="Type a surname or an identifier to search.")
    found = find_candidates(fields, limit=8)
    return jsonify(candidates=[_candidate_json(c) for c in found])


def _candidate_json(c):
    r = c.record
    return {
        "person_id": c.person.public_id,
        "name": r.full_name,
        "date_of_birth": r.date_of_birth.isoformat() if r.date_of_birth else None,
        "sex": r.sex,
        "district": r.district,
        "system": r.system,
        "score": round(c.score, 1),
        "decision": c.decision,
        "explanation": [str(e) for e in c.explanation],
    }


def review_queue():
    """Pairs waiting for a decision."""
    page = db.paginate(
        review_queue_query(),
        page=request.args.get("page", 1, type=int),
        per_page=25,
        error_out=False,
    )
    return render_template("common/review_queue.html", page=page, systems=SYSTEMS)


def review(review_id):
    """One pair side by side with the explanation; the clerk decides."""
    item = db.session.get(MatchReview, review_id) or abort(404)
    form = ReviewDecisionForm(version=item.version)
    if form.validate_on_submit():
        try:
            decide(item, form.decision.data, form.version.data, current_user.id)
        except (ConflictError, MergeError) as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            flash("Decision recorded.", "success")
            return redirect(url_for("persons.review_queue"))
    return render_template("common/review_pair.html", item=item, form=form, systems=SYSTEMS)


def merges():
    """Recent merges, each undoable."""
    return render_template("common/merges.html", merges=list(recent_merges()))


def undo(merge_id):
    """Undo a merge after the clerk gives a reason."""
    merge = db.session.get(PersonMerge, merge_id) or abort(404)
    form = UnmergeForm()
    if form.validate_on_submit():
        try:
            unmerge(merge)
            record_event(
                db.session, "unmerge", "PersonMerge", merge.id, {"reason": form.reason.data}
            )
        except MergeError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            flash("Merge undone: both persons and their records are restored.", "success")
            return redirect(url_for("persons.merges"))
    return render_template("common/unmerge.html", merge=merge, form=form)
