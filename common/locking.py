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
