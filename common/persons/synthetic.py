"""Deterministic synthetic Belize people and the messy register variants of them.

Name pools, places and frequencies live in ``data/belize_names/*.csv``. Draws come only
from ``random.Random`` streams seeded from the generator seed: same seed, same calls,
same people on every run and machine. The register-variant changes, the lookalike
builders and the name helpers they use live in ``synthetic_variants``; this module
re-exports the helpers so callers can keep importing them from here.
"""

from __future__ import annotations

import csv
import dataclasses
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from common.persons.synthetic_variants import (
    LOOKALIKE_BUILDERS,
    NOTE_FIELDS,
    SURNAME_PARTICLES,
    age_on,
    apply_change,
    changed_fields,
    one_edit,
    shift_years,
    split_surnames,
    strip_accents,
    typo_spots,
)

__all__ = [
    "DISTRICTS",
    "LOOKALIKE_KINDS",
    "NOTE_FIELDS",
    "PROFILES",
    "SEVERITIES",
    "SURNAME_PARTICLES",
    "PopulationGenerator",
    "SyntheticPerson",
    "age_on",
    "changed_fields",
    "load_data",
    "one_edit",
    "shift_years",
    "split_surnames",
    "strip_accents",
    "typo_spots",
]

DATA_DIR = Path(__file__).resolve().parent / "data" / "belize_names"
DISTRICTS = {
    "BZ": "Belize",
    "CY": "Cayo",
    "CZL": "Corozal",
    "OW": "Orange Walk",
    "SC": "Stann Creek",
    "TOL": "Toledo",
}
PROFILES = ("offender", "general")
SEVERITIES = ("none", "typical", "heavy")
LOOKALIKE_KINDS = ("twin", "father_son", "common_name")
FAVOURED_PLACE_FACTOR = 8.0
MALE_SHARE = {"offender": 0.93, "general": 0.495}
ALIAS_RATE = {"offender": 0.35, "general": 0.08}
ID_MISSING_RATE = {"adult": 0.08, "minor": 0.6}
CHANGE_COUNTS = {
    "none": ((0,), (1,)),
    "typical": ((0, 1, 2), (30, 45, 25)),
    "heavy": ((2, 3, 4), (40, 40, 20)),
}


@dataclass
class SyntheticPerson:
    """One generated person as a register would hold them."""

    person_id: str
    given_name: str
    middle_name: str
    surname: str
    sex: str
    date_of_birth: date | None
    district: str
    address: str
    national_id: str | None
    aliases: list[str] = field(default_factory=list)
    community: str = ""
    variant_notes: list[str] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        """Given, middle and surname joined with single spaces."""
        return " ".join(p for p in (self.given_name, self.middle_name, self.surname) if p)

    def copy(self) -> SyntheticPerson:
        """Return an independent copy (lists are not shared)."""
        return dataclasses.replace(
            self, aliases=list(self.aliases), variant_notes=list(self.variant_notes)
        )


@dataclass(frozen=True)
class _Pool:
    """Weighted choice over a fixed, ordered list of items."""

    items: tuple
    cum: tuple[float, ...]

    @classmethod
    def of(cls, pairs: list[tuple[object, float]]) -> _Pool:
        """Build a pool from (item, weight) pairs, keeping their order."""
        total, cum = 0.0, []
        for _, weight in pairs:
            total += weight
            cum.append(total)
        return cls(tuple(item for item, _ in pairs), tuple(cum))

    def pick(self, rng: random.Random) -> object:
        """Draw one item."""
        return rng.choices(self.items, cum_weights=self.cum)[0]

    def top(self, n: int) -> list:
        """The n heaviest items."""
        weights = [b - a for a, b in zip((0.0, *self.cum), self.cum, strict=False)]
        ranked = sorted(zip(weights, range(len(self.items)), strict=True), reverse=True)
        return [self.items[i] for _, i in ranked[:n]]


def _rows(name: str) -> list[dict[str, str]]:
    """Read one CSV data file as a list of dicts."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _grouped(rows: list[dict[str, str]], keys: tuple[str, ...], item: str) -> dict:
    """Group rows into weighted pools keyed by the given columns."""
    groups: dict = {}
    for row in rows:
        key = tuple(row[k] for k in keys) if len(keys) > 1 else row[keys[0]]
        groups.setdefault(key, []).append((row[item], float(row.get("weight") or 1)))
    return {key: _Pool.of(pairs) for key, pairs in groups.items()}


@lru_cache(maxsize=1)
def load_data() -> dict:
    """Load every name, place and frequency table once."""
    communities = {r["community"]: r for r in _rows("communities.csv")}
    nicknames: dict[str, list[str]] = {}
    for row in _rows("nicknames.csv"):
        nicknames.setdefault(row["name"], []).append(row["nickname"])
    streets: dict[str, list[str]] = {}
    for row in _rows("streets.csv"):
        streets.setdefault(row["place"], []).append(row["template"])
    bands = _rows("age_bands.csv")
    return {
        "communities": communities,
        "community_pool": _Pool.of([(c, float(r["share"])) for c, r in communities.items()]),
        "given": _grouped(_rows("given_names.csv"), ("community", "sex"), "name"),
        "surnames": _grouped(_rows("surnames.csv"), ("community",), "name"),
        "districts": _grouped(_rows("community_districts.csv"), ("community",), "district"),
        "places": _rows("places.csv"),
        "streets": streets,
        "nicknames": nicknames,
        "street_names": _Pool.of(
            [(r["alias"], float(r["weight"])) for r in _rows("street_names.csv")]
        ),
        "ages": {
            p: _Pool.of(
                [
                    ((int(r["low"]), int(r["high"])), float(r["weight"]))
                    for r in bands
                    if r["profile"] == p
                ]
            )
            for p in PROFILES
        },
    }


def _check(value: str, allowed: tuple[str, ...], what: str) -> None:
    """Raise ValueError unless value is one of allowed."""
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}; got {value!r}")


class PopulationGenerator:
    """Deterministic source of synthetic Belize people, register variants and lookalikes."""

    def __init__(self, seed: int = 2026, reference_date: date = date(2026, 11, 1)) -> None:
        self.seed = seed
        self.reference_date = reference_date
        self.data = load_data()
        self._rng = random.Random(f"{seed}:people")
        self._variant_rng = random.Random(f"{seed}:variants")
        self._lookalike_rng = random.Random(f"{seed}:lookalikes")
        self._national_ids: set[str] = set()
        self._counters = {"P": 0, "L": 0}
        self._place_pools: dict[tuple[str, str], _Pool] = {}

    def person(self, profile: str = "offender", common_name: bool = False) -> SyntheticPerson:
        """Draw one person ('offender' or 'general' profile), optionally with a very common name."""
        _check(profile, PROFILES, "profile")
        rng = self._rng
        community = self.data["community_pool"].pick(rng)
        sex = "M" if rng.random() < MALE_SHARE[profile] else "F"
        dob = self._dob(rng, self._age(rng, profile))
        district = self.data["districts"][community].pick(rng)
        given, middle, surname = self._name(rng, community, sex, common_name)
        return SyntheticPerson(
            person_id=self._next_id("P"),
            given_name=given,
            middle_name=middle,
            surname=surname,
            sex=sex,
            date_of_birth=dob,
            district=district,
            address=self._address(rng, community, district),
            national_id=self._national_id(rng, dob),
            aliases=self._aliases(rng, given, profile),
            community=community,
        )

    def people(self, n: int, profile: str = "offender") -> list[SyntheticPerson]:
        """Draw n people of one profile."""
        return [self.person(profile) for _ in range(n)]

    def register_variant(
        self, person: SyntheticPerson, severity: str = "typical"
    ) -> SyntheticPerson:
        """The same person as another clerk would write them; changes listed in variant_notes."""
        _check(severity, SEVERITIES, "severity")
        rng = self._variant_rng
        variant = person.copy()
        variant.variant_notes = []
        counts, weights = CHANGE_COUNTS[severity]
        target = rng.choices(counts, weights=weights)[0]
        used: set[str] = set()
        while len(variant.variant_notes) < target and apply_change(variant, rng, used, self):
            pass
        return variant

    def lookalike(self, person: SyntheticPerson, kind: str) -> SyntheticPerson:
        """A different person who looks like this one: 'twin', 'father_son' or 'common_name'."""
        _check(kind, LOOKALIKE_KINDS, "kind")
        if person.date_of_birth is None:
            raise ValueError("a lookalike needs the original's date of birth")
        rng = self._lookalike_rng
        other, notes = LOOKALIKE_BUILDERS[kind](person, rng, self)
        other.person_id = self._next_id("L")
        other.national_id = self._national_id(rng, other.date_of_birth)
        other.variant_notes = [f"lookalike:{kind}", *notes]
        return other

    def nicknames_for(self, given: str) -> list[str]:
        """Known nicknames for a given name (whole compound name first, then its first word)."""
        nicks = self.data["nicknames"]
        return list(nicks.get(given) or nicks.get(given.split()[0] if given else "", []))

    def _move(self, person: SyntheticPerson, rng: random.Random, away_from: str) -> None:
        """Give a person a home in a district other than away_from."""
        pool = self.data["districts"][person.community]
        choices = [pool.pick(rng) for _ in range(30)] + list(DISTRICTS)
        person.district = next(d for d in choices if d != away_from)
        person.address = self._address(rng, person.community, person.district)

    def _name(self, rng: random.Random, community: str, sex: str, common: bool) -> tuple:
        """Given name, middle name and surname(s) for one person."""
        given_pool = self.data["given"][(community, sex)]
        surnames = self.data["surnames"][community]
        if common:
            return rng.choice(given_pool.top(2)), "", rng.choice(surnames.top(2))
        given = given_pool.pick(rng)
        middle = self._middle(rng, community, sex, given)
        surname = surnames.pick(rng)
        if rng.random() < float(self.data["communities"][community]["double_surname_rate"]):
            surname = f"{surname} {self._other(rng, surnames, surname, single=False)}"
        return given, middle, surname

    def _middle(self, rng: random.Random, community: str, sex: str, given: str) -> str:
        """A one-word middle name at the community's rate, or ''."""
        rate = float(self.data["communities"][community]["middle_name_rate"])
        if " " in given or rng.random() >= rate:
            return ""
        return self._other(rng, self.data["given"][(community, sex)], given, single=True)

    @staticmethod
    def _other(rng: random.Random, pool: _Pool, avoid: str, single: bool) -> str:
        """Draw a name whose first word differs from avoid's (one word only if single)."""

        def ok(name: str) -> bool:
            return name.split()[0] != avoid.split()[0] and not (single and " " in name)

        for _ in range(25):
            name = pool.pick(rng)
            if ok(name):
                return name
        return next(name for name in pool.items if ok(name))

    def _age(self, rng: random.Random, profile: str) -> int:
        """Age in completed years from the profile's age bands."""
        low, high = self.data["ages"][profile].pick(rng)
        return rng.randint(low, high)

    def _dob(self, rng: random.Random, age: int) -> date:
        """A date of birth giving exactly this age on the reference date."""
        latest = shift_years(self.reference_date, -age)
        earliest = shift_years(self.reference_date, -age - 1) + timedelta(days=1)
        return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))

    def _address(self, rng: random.Random, community: str, district: str) -> str:
        """Street (or landmark) and town or village in the district."""
        place, kind = self._place_pool(community, district).pick(rng)
        streets = self.data["streets"]
        options = streets.get(f"{district}:{place}") or streets.get(place) or streets[f"*{kind}"]
        return f"{rng.choice(options).format(n=rng.randint(1, 120))}, {place}"

    def _place_pool(self, community: str, district: str) -> _Pool:
        """Places of a district weighted for one community (clusters favoured)."""
        key = (community, district)
        if key not in self._place_pools:
            outside = float(self.data["communities"][community]["outside_cluster_factor"])
            self._place_pools[key] = _Pool.of(
                [
                    (
                        (r["place"], r["kind"]),
                        float(r["weight"])
                        * (
                            FAVOURED_PLACE_FACTOR
                            if community in r["favoured_by"].split("|")
                            else outside
                        ),
                    )
                    for r in self.data["places"]
                    if r["district"] == district
                ]
            )
        return self._place_pools[key]

    def _national_id(self, rng: random.Random, dob: date | None) -> str | None:
        """A unique 9-digit social security number, or None when not on file."""
        minor = dob is not None and age_on(dob, self.reference_date) < 18
        if rng.random() < ID_MISSING_RATE["minor" if minor else "adult"]:
            return None
        while True:
            number = f"{rng.randrange(1, 10**9):09d}"
            if number not in self._national_ids:
                self._national_ids.add(number)
                return number

    def _aliases(self, rng: random.Random, given: str, profile: str) -> list[str]:
        """Nicknames and street names, more often for offenders."""
        if rng.random() >= ALIAS_RATE[profile]:
            return []
        aliases = []
        nicks = self.nicknames_for(given)
        if nicks and rng.random() < 0.6:
            aliases.append(rng.choice(nicks))
        if not aliases or rng.random() < 0.2:
            aliases.append(self.data["street_names"].pick(rng))
        return list(dict.fromkeys(aliases))

    def _next_id(self, prefix: str) -> str:
        """Next person id: P000001 for people, L000001 for lookalikes."""
        self._counters[prefix] += 1
        return f"{prefix}{self._counters[prefix]:06d}"
