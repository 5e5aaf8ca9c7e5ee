"""Thresholds and rules that decide match / review / new."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

DECISIONS = ("match", "review", "new")
CLUSTER_CONFLICTS = ("all", "hard")

# Named settings for batch runs. "default" protects twins and relatives sharing a name
# (the right choice for live registers, where a wrong link puts one person's record in
# another's file). "archive" is for de-duplicating old registers in bulk, where replaced
# or garbled given names are common: a different given name alone no longer stops a link
# when everything else agrees strongly, and only hard conflicts (Jr/Sr) split a cluster.
PROFILES = {
    "default": {},
    "archive": {
        "given_conflict_cap": "match",
        "cluster_conflicts": "hard",
        "cluster_min_score": -5.0,
        "place_keys": True,
    },
}


@dataclass(frozen=True)
class MatchSettings:
    """Decision thresholds in score units (sum of log2 Bayes factors, "bits").

    A pair scoring at least match_threshold is linked automatically, at least
    review_threshold goes to a clerk, anything lower is a new person. The conflict
    caps stop an automatic link however high the score: twins (same surname and date of
    birth, different given name), relatives with the same name but a different date of
    birth, Jr/Sr pairs, and two different national identifiers.
    """

    match_threshold: float = 16.0
    review_threshold: float = 7.0
    given_conflict_cap: str = "review"
    dob_conflict_cap: str = "review"
    suffix_conflict_cap: str = "new"
    id_conflict_cap: str = "review"
    max_block: int = 250
    max_cluster_check: int = 2000
    cluster_min_score: float = 0.0  # every pair inside a dedupe cluster scores at least this
    # which conflicts keep two records out of one dedupe cluster: "all" rules, or only the
    # "hard" ones (those capped at `new`, e.g. Jr/Sr)
    cluster_conflicts: str = "all"
    # extra candidates: same district (or place of birth) + any one name word, blocks <= 40
    place_keys: bool = False
    workers: int = 1  # >1: batch link/dedupe fork that many processes (Linux/macOS)

    def __post_init__(self) -> None:
        if self.review_threshold > self.match_threshold:
            raise ValueError("review_threshold must not exceed match_threshold")
        caps = (
            self.given_conflict_cap,
            self.dob_conflict_cap,
            self.suffix_conflict_cap,
            self.id_conflict_cap,
        )
        for cap in caps:
            if cap not in DECISIONS:
                raise ValueError(f"conflict caps must be one of {DECISIONS}, not {cap!r}")
        if self.cluster_conflicts not in CLUSTER_CONFLICTS:
            raise ValueError(f"cluster_conflicts must be one of {CLUSTER_CONFLICTS}")

    @classmethod
    def profile(cls, name: str, **overrides) -> MatchSettings:
        """Settings of a named profile (see PROFILES), with optional overrides."""
        if name not in PROFILES:
            raise ValueError(f"unknown profile {name!r}; choose one of {', '.join(PROFILES)}")
        return cls(**{**PROFILES[name], **overrides})

    def to_dict(self) -> dict:
        """Settings as a plain dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> MatchSettings:
        """Settings from a dict; unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
