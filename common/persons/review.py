"""The review queue: a clerk decides pairs the engine could not; decisions are remembered."""

from datetime import UTC, datetime

from sqlalchemy import case, select

from common.extensions import db
from common.locking import check_version
from common.persons.index_store import surviving
from common.persons.merge import MergeError, merge_persons
from common.persons.models import MatchReview, PersonMerge

DECISIONS = {"link": "linked", "distinct": "distinct", "later": "later"}


def review_queue():
    """Undecided pairs: new ones first, then those put off for later, oldest first."""
    return (
        select(MatchReview)
        .where(MatchReview.status.in_(("open", "later")))
        .order_by(case((MatchReview.status == "open", 0), else_=1), MatchReview.updated_at)
    )


def decide(review, decision, version, user_id):
    """Record a clerk's decision; `link` merges the two persons (undoable)."""
    if decision not in DECISIONS:
        raise MergeError("Choose one of: the same person, not the same person, or decide later.")
    check_version(review, version, "This pair")
    if review.status in ("linked", "distinct"):
        raise MergeError("This pair was already decided.")
    merge = None
    if decision == "link":
        a, b = review.left.person, review.right.person
        survivor, absorbed = sorted((surviving(a), surviving(b)), key=lambda p: p.id)
        if survivor.id != absorbed.id:
            merge = merge_persons(
                survivor, absorbed, reason=f"review #{review.id}", user_id=user_id
            )
    review.status = DECISIONS[decision]
    if decision != "later":
        review.decided_by_id = user_id
        review.decided_at = datetime.now(UTC)
    db.session.flush()
    return merge


def recent_merges(limit=50):
    """Latest merges, for the undo list."""
    return db.session.scalars(select(PersonMerge).order_by(PersonMerge.id.desc()).limit(limit))
