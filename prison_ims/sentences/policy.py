"""The sentencing policy in force: configurable, to be confirmed by the Belize Prisons Department.

PRISON_SENTENCING_POLICY: a mapping of the engine's policy fields, read from the app
    configuration. Default {} (the documented defaults of
    prison_ims.sentencing.settings.SentencingPolicy):
    remission_fraction "1/3" (share of the term earned as remission for good conduct),
    remission_min_term_days 31 (no remission on a term of 31 days or less),
    remission_floor_days 31 (remission never reduces the time served below 31 days).
"""

from flask import current_app

from prison_ims.sentencing.settings import SentencingPolicy

POLICY_LABELS = {
    "remission_fraction": "Remission (share of the term)",
    "remission_min_term_days": "Remission only on terms of more than (days)",
    "remission_floor_days": "Remission never reduces the time served below (days)",
}


def current_policy():
    """The SentencingPolicy built from PRISON_SENTENCING_POLICY (defaults when unset)."""
    return SentencingPolicy.from_mapping(current_app.config.get("PRISON_SENTENCING_POLICY"))


def policy_snapshot(policy):
    """The policy as JSON-ready values, kept with each calculation."""
    return {
        "remission_fraction": str(policy.remission_fraction),
        "remission_min_term_days": policy.remission_min_term_days,
        "remission_floor_days": policy.remission_floor_days,
        "description": policy.describe(),
    }


def policy_rows(snapshot):
    """(label, value) pairs of a policy snapshot, for the screens and the printed working."""
    return [(label, snapshot.get(name)) for name, label in POLICY_LABELS.items()]
