"""Optimistic-lock helpers: a stale edit is refused, never silently applied."""


class ConflictError(Exception):
    """The record changed since the user loaded it."""

    def __init__(self, entity_label="This record"):
        super().__init__(
            f"{entity_label} was changed by someone else after you opened it. "
            "Your changes were not saved: reload the page to see the current version, "
            "then make your change again."
        )


def check_version(obj, submitted_version, entity_label="This record"):
    """Raise ConflictError when the submitted version is not the stored one."""
    try:
        submitted = int(submitted_version)
    except (TypeError, ValueError) as exc:
        raise ConflictError(entity_label) from exc
    if submitted != obj.version:
        raise ConflictError(entity_label)


def lock_for_update(obj):
    """Reload `obj` holding its row lock until the transaction ends (SELECT ... FOR UPDATE).

    For actions that read a record's state and then act on it (a custody transfer reads the
    holder): a second request waits for the first and then sees its result, instead of
    acting on what it read before. SQLite locks the whole database on write instead.
    """
    from common.extensions import db

    db.session.refresh(obj, with_for_update=True)
    return obj
