"""Register variants and lookalikes of synthetic people, and the name helpers they use.

A register variant is the same person as another clerk would write them (dropped
surname, nickname, typo, slipped date of birth...); a lookalike is a different person
who could be mistaken for them. Every draw comes from the ``random.Random`` stream and
the ``PopulationGenerator`` passed in, so output stays deterministic for a seed.
"""

from __future__ import annotations

import dataclasses
import random
import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from common.persons.synthetic import PopulationGenerator, SyntheticPerson

SURNAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "mc", "van", "von"})
NOTE_FIELDS = {
    "second_surname_dropped": ("surname",),
    "surnames_reordered": ("surname",),
    "nickname_for_given": ("given_name",),
    "particle_spacing": ("surname",),
    "accents_dropped": ("given_name", "middle_name", "surname"),
    "typo:given_name": ("given_name",),
    "typo:surname": ("surname",),
    "given_surname_transposed": ("given_name", "surname"),
    "middle_name_dropped": ("middle_name",),
    "dob_day_month_swapped": ("date_of_birth",),
    "dob_year_slip": ("date_of_birth",),
    "dob_missing": ("date_of_birth",),
    "national_id_missing": ("national_id",),
}
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def strip_accents(text: str) -> str:
    """Drop diacritics: 'José Núñez' -> 'Jose Nunez'."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", plain)


def split_surnames(surname: str) -> list[str]:
    """Split a surname field into surnames, keeping particles with their word."""
    parts: list[str] = []
    pending: list[str] = []
    for token in surname.split():
        pending.append(token)
        if token.lower() not in SURNAME_PARTICLES:
            parts.append(" ".join(pending))
            pending = []
    if pending:
        parts.append(" ".join(pending))
    return parts


def shift_years(day: date, years: int) -> date:
    """The same calendar day `years` later (negative: earlier); 29 Feb becomes 28 Feb."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(dob: date, when: date) -> int:
    """Completed years of age on a date."""
    return when.year - dob.year - ((when.month, when.day) < (dob.month, dob.day))


def changed_fields(notes: list[str]) -> set[str]:
    """The SyntheticPerson fields that the given variant notes may have changed."""
    return {f for note in notes for f in NOTE_FIELDS.get(note, ())}


def typo_spots(text: str) -> list[int]:
    """Positions open to a typo: plain letters inside words of 3+ letters, never the first."""
    return [
        m.start() + k
        for m in re.finditer(r"\S{3,}", text)
        for k in range(1, len(m.group()))
        if _plain_letter(text, m.start() + k)
    ]


def one_edit(text: str, rng: random.Random) -> str | None:
    """Apply one keyboard slip (substitute, delete, double or swap a letter), or None."""
    spots = typo_spots(text)
    if not spots:
        return None
    i = rng.choice(spots)
    op = rng.choice(("substitute", "delete", "double", "swap"))
    if op == "swap" and _plain_letter(text, i + 1) and text[i] != text[i + 1]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if op == "delete":
        return text[:i] + text[i + 1 :]
    if op == "double":
        return text[:i] + text[i] + text[i:]
    return text[:i] + _neighbour(text[i], rng) + text[i + 1 :]


def _plain_letter(text: str, i: int) -> bool:
    """True when text has an unaccented ASCII letter at position i."""
    return i < len(text) and text[i].isascii() and text[i].isalpha()


def _neighbour(char: str, rng: random.Random) -> str:
    """A key next to char on a QWERTY row, keeping its case."""
    lower = char.lower()
    row = next(r for r in _KEY_ROWS if lower in r)
    j = row.index(lower)
    near = [row[k] for k in (j - 1, j + 1) if 0 <= k < len(row)]
    new = rng.choice(near)
    return new.upper() if char.isupper() else new


def _drop_second_surname(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
    """Keep only the father's surname."""
    parts = split_surnames(p.surname)
    if len(parts) < 2:
        return None
    p.surname = parts[0]
    return "second_surname_dropped"


def _reorder_surnames(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
    """Write the mother's surname first."""
    parts = split_surnames(p.surname)
    if len(parts) < 2 or parts[0] == parts[1]:
        return None
    p.surname = " ".join([parts[1], parts[0], *parts[2:]])
    return "surnames_reordered"


def _use_nickname(p: SyntheticPerson, rng: random.Random, gen: PopulationGenerator) -> str | None:
    """Write a nickname in place of the given name."""
    options = [n for n in gen.nicknames_for(p.given_name) if n != p.given_name]
    if not options:
        return None
    p.given_name = rng.choice(options)
    return "nickname_for_given"


def _respace_particles(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
    """Fuse or re-case a particle surname: De la Cruz -> Delacruz, McKenzie -> Mc Kenzie."""
    tokens = p.surname.split()
    for i, tok in enumerate(tokens):
        if tok.lower() in SURNAME_PARTICLES:
            j = next(
                (k for k in range(i, len(tokens)) if tokens[k].lower() not in SURNAME_PARTICLES),
                len(tokens) - 1,
            )
            run = tokens[i : j + 1]
            options = [
                "".join(run).capitalize(),
                "".join(t.capitalize() for t in run),
                " ".join(t.capitalize() for t in run),
            ]
        elif tok.startswith("Mc") and len(tok) > 3 and tok[2].isupper():
            j, run = i, [tok]
            options = [f"Mc {tok[2:]}", tok.capitalize()]
        else:
            continue
        options = [o for o in options if o != " ".join(run)]
        if not options:
            continue
        p.surname = " ".join([*tokens[:i], rng.choice(options), *tokens[j + 1 :]])
        return "particle_spacing"
    return None


def _drop_accents(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
    """Write every name without accents, as on a keyboard without them."""
    names = (p.given_name, p.middle_name, p.surname)
    plain = tuple(strip_accents(n) for n in names)
    if plain == names:
        return None
    p.given_name, p.middle_name, p.surname = plain
    return "accents_dropped"


def _typo(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
    """One slip of the keyboard in the given name or the surname."""
    fields = [f for f in ("given_name", "surname") if typo_spots(getattr(p, f))]
    if not fields:
        return None
    name = rng.choice(fields)
    setattr(p, name, one_edit(getattr(p, name), rng))
    return f"typo:{name}"


def _transpose(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
    """Swap the given name and the surname."""
    if not p.given_name or not p.surname or p.given_name == p.surname:
        return None
    p.given_name, p.surname = p.surname, p.given_name
    return "given_surname_transposed"


def _swap_day_month(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
    """Read the date of birth month-first (only possible when the day is 12 or less)."""
    d = p.date_of_birth
    if d is None or d.day > 12 or d.day == d.month:
        return None
    p.date_of_birth = date(d.year, d.day, d.month)
    return "dob_day_month_swapped"


def _slip_year(p: SyntheticPerson, rng: random.Random, gen: PopulationGenerator) -> str | None:
    """Write the year of birth one off (never into the future)."""
    d = p.date_of_birth
    if d is None or (d.month, d.day) == (2, 29):
        return None
    steps = [s for s in (-1, 1) if d.replace(year=d.year + s) <= gen.reference_date]
    p.date_of_birth = d.replace(year=d.year + rng.choice(steps))
    return "dob_year_slip"


def _blank(field_name: str, note: str) -> Callable:
    """A change that leaves one field blank (middle name, date of birth, national id)."""

    def change(p: SyntheticPerson, rng: random.Random, gen: object) -> str | None:
        if not getattr(p, field_name):
            return None
        setattr(p, field_name, "" if field_name == "middle_name" else None)
        return note

    return change


# (exclusive group, relative weight, change); one change per group per variant.
_CHANGES: tuple[tuple[str, float, Callable], ...] = (
    ("double_surname", 3.0, _drop_second_surname),
    ("double_surname", 1.5, _reorder_surnames),
    ("given", 1.5, _use_nickname),
    ("particle", 2.0, _respace_particles),
    ("accents", 3.0, _drop_accents),
    ("typo", 3.0, _typo),
    ("transpose", 1.0, _transpose),
    ("middle", 2.0, _blank("middle_name", "middle_name_dropped")),
    ("dob", 1.5, _swap_day_month),
    ("dob", 1.5, _slip_year),
    ("dob", 0.7, _blank("date_of_birth", "dob_missing")),
    ("id", 1.0, _blank("national_id", "national_id_missing")),
)


def apply_change(
    variant: SyntheticPerson, rng: random.Random, used: set[str], gen: PopulationGenerator
) -> bool:
    """Apply one more applicable change from an unused group; False when none applies."""
    left = [n for n, (group, _, _) in enumerate(_CHANGES) if group not in used]
    while left:
        n = rng.choices(left, weights=[_CHANGES[k][1] for k in left])[0]
        group, _, change = _CHANGES[n]
        note = change(variant, rng, gen)
        if note:
            used.add(group)
            variant.variant_notes.append(note)
            return True
        left.remove(n)
    return False


def _twin(
    person: SyntheticPerson, rng: random.Random, gen: PopulationGenerator
) -> tuple[SyntheticPerson, list]:
    """Same surname, date of birth, district and home; another given name."""
    sex = rng.choice("MF")
    pool = gen.data["given"][(person.community, sex)]
    given = gen._other(rng, pool, person.given_name, single=False)
    middle = gen._middle(rng, person.community, sex, given)
    twin = dataclasses.replace(
        person.copy(),
        given_name=given,
        middle_name=middle,
        sex=sex,
        aliases=gen._aliases(rng, given, "general"),
    )
    return twin, []


def _father_son(
    person: SyntheticPerson, rng: random.Random, gen: PopulationGenerator
) -> tuple[SyntheticPerson, list]:
    """Same full name, a generation (20-35 years) apart; the son may carry 'Jr.'."""
    age = age_on(person.date_of_birth, gen.reference_date)
    as_son = age - 20 >= 14 and (age + 20 > 95 or rng.random() < 0.5)
    gap = rng.randint(20, min(35, age - 14 if as_son else max(20, 95 - age)))
    dob = shift_years(person.date_of_birth, gap if as_son else -gap)
    dob += timedelta(days=rng.randint(-150, 150))
    dob = min(dob, shift_years(gen.reference_date, -14))
    other = dataclasses.replace(
        person.copy(),
        date_of_birth=dob,
        aliases=gen._aliases(rng, person.given_name, "general"),
    )
    notes = ["son" if as_son else "father"]
    if as_son and person.sex == "M" and rng.random() < 0.4:
        other.surname = f"{person.surname} Jr."
        notes.append("junior_suffix")
    if rng.random() < 0.3:
        gen._move(other, rng, person.district)
    return other, notes


def _common_name(
    person: SyntheticPerson, rng: random.Random, gen: PopulationGenerator
) -> tuple[SyntheticPerson, list]:
    """Same given name and surname, another date of birth and district."""
    dob = person.date_of_birth
    while abs((dob - person.date_of_birth).days) <= 366:
        dob = gen._dob(rng, gen._age(rng, "offender"))
    other = dataclasses.replace(
        person.copy(),
        date_of_birth=dob,
        aliases=gen._aliases(rng, person.given_name, "general"),
        middle_name=gen._middle(rng, person.community, person.sex, person.given_name),
    )
    gen._move(other, rng, person.district)
    return other, []


# Lookalike kind -> builder returning (other person, extra notes).
LOOKALIKE_BUILDERS: dict[str, Callable] = {
    "twin": _twin,
    "father_son": _father_son,
    "common_name": _common_name,
}
