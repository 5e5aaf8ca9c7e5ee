"""Place an imported person in the shared index before the app's service registers the record."""

from common.persons.index_store import find_candidates, surviving


def placement(identity):
    """(public id of the person to link or None, outcome 'match' | 'review' | 'new').

    A likely match is linked; a possible match becomes a new record that the app's service
    (`attach_record`) sends to the review queue, so no duplicate is created silently.
    """
    wanted = {k: v for k, v in identity.items() if v not in (None, "")}
    candidates = find_candidates(wanted, limit=1)
    best = candidates[0] if candidates else None
    if best is not None and best.decision == "match":
        return surviving(best.person).public_id, "match"
    if best is not None and best.decision == "review":
        return None, "review"
    return None, "new"
