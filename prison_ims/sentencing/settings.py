"""Sentencing policy: every number the release-date engine uses, with documented defaults.

These are configurable policy values to be confirmed by the Belize Prisons Department
before the calculated dates are relied on. Change them through configuration, not code.
"""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from fractions import Fraction
from typing import Any


@dataclass(frozen=True)
class SentencingPolicy:
    """Configurable remission policy (defaults to be confirmed by the Belize Prisons Department).

    remission_fraction: share of a chain's term that may be earned as remission for good
        conduct. Default one third, Fraction(1, 3).
    remission_min_term_days: remission applies only when the chain's term is MORE than this
        many days. Default 31 (a term of 31 days or less earns no remission).
    remission_floor_days: remission never reduces the days to be served below this. Default
        31, so a longer term is never released earlier than a shorter one (a 32-day term
        would otherwise be served in 22 days while a 31-day term is served in full).
        Set 0 to apply the fraction without this limit.
    """

    remission_fraction: Fraction = Fraction(1, 3)
    remission_min_term_days: int = 31
    remission_floor_days: int = 31

    def __post_init__(self):
        """Reject values that would make the calculation meaningless."""
        fraction = Fraction(self.remission_fraction)
        if not 0 <= fraction < 1:
            raise ValueError("remission_fraction must be at least 0 and less than 1, e.g. 1/3")
        object.__setattr__(self, "remission_fraction", fraction)
        for name in ("remission_min_term_days", "remission_floor_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number of days, 0 or more")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> "SentencingPolicy":
        """Build a policy from configuration; fractions may be written as text like '1/3'."""
        values = dict(values or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(
                f"Unknown sentencing setting(s): {', '.join(unknown)}; "
                f"known settings are {', '.join(sorted(known))}"
            )
        if "remission_fraction" in values:
            values["remission_fraction"] = _fraction(values["remission_fraction"])
        return cls(**values)

    def describe(self) -> str:
        """One line a records officer can read, naming the policy in force."""
        floor = (
            f"; remission never reduces the time served below {self.remission_floor_days} days"
            if self.remission_floor_days
            else ""
        )
        return (
            f"Remission policy: {self.remission_fraction} of the term when the term is more "
            f"than {self.remission_min_term_days} days{floor} (configurable; to be confirmed "
            "by the Belize Prisons Department)."
        )


def _fraction(value: Any) -> Fraction:
    """A Fraction from '1/3', 0.25, Fraction or int; a clear error otherwise."""
    if isinstance(value, bool):
        raise ValueError("remission_fraction must be a fraction such as '1/3'")
    try:
        return Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        raise ValueError(f"remission_fraction {value!r} is not a fraction such as '1/3'") from exc


DEFAULT_POLICY = SentencingPolicy()
