"""Gap-free numbering (case, booking, lab numbers): one locked counter row per key."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from common.extensions import db
from common.models import Counter


def take_next(key):
    """Issue the next number for `key` inside the caller's transaction.

    The counter row is locked (SELECT ... FOR UPDATE) until the transaction ends, so two
    clerks creating records at once never get the same number, and a rolled-back
    transaction gives its number back.
    """
    return take_block(key, 1)


def take_block(key, count):
    """Issue `count` consecutive numbers for `key` at once (bulk loads); returns the first."""
    if count < 1:
        raise ValueError("take_block needs a count of at least 1")
    query = select(Counter).where(Counter.key == key).with_for_update()
    counter = db.session.scalar(query)
    if counter is None:
        try:
            with db.session.begin_nested():
                db.session.add(Counter(key=key, last_value=0))
        except IntegrityError:
            pass  # another session created this key's row first
        counter = db.session.scalar(query)
    counter.last_value += count
    db.session.flush()
    return counter.last_value - count + 1
