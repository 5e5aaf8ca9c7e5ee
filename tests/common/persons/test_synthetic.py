"""Tests for the deterministic synthetic Belize population generator."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date

import pytest

from common.persons.synthetic import (
    DISTRICTS,
    NOTE_FIELDS,
    PopulationGenerator,
    SyntheticPerson,
    age_on,
    changed_fields,
    load_data,
    split_surnames,
    strip_accents,
)

REF = date(2026, 11, 1)
COMPARED = (
    "given_name",
    "middle_name",
    "surname",
    "sex",
    "date_of_birth",
    "district",
    "address",
    "national_id",
    "aliases",
    "community",
    "person_id",
)
SURNAME_NOTES = {
    "second_surname_dropped",
    "surnames_reordered",
    "particle_spacing",
    "accents_dropped",
    "typo:surname",
    "given_surname_transposed",
}
GIVEN_NOTES = {
    "nickname_for_given",
    "accents_dropped",
    "typo:given_name",
    "given_surname_transposed",
}


def osa_distance(a: str, b: str) -> int:
    """Edit distance counting an adjacent transposition as one edit."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@pytest.fixture(scope="module")
def offenders() -> list[SyntheticPerson]:
    """Two thousand offender-profile people from the default seed."""
    return PopulationGenerator().people(2000)


@pytest.fixture(scope="module")
def variants(offenders: list[SyntheticPerson]) -> list[tuple[SyntheticPerson, SyntheticPerson]]:
    """Typical and heavy register variants of the offenders, paired with the original."""
    gen = PopulationGenerator(seed=11)
    return [(p, gen.register_variant(p, sev)) for sev in ("typical", "heavy") for p in offenders]


def test_same_seed_gives_same_people_variants_and_lookalikes() -> None:
    """Two generators with one seed produce identical output for identical calls."""
    runs = []
    for _ in range(2):
        gen = PopulationGenerator(seed=99)
        people = gen.people(300) + gen.people(100, profile="general")
        extra = [gen.register_variant(p, "heavy") for p in people[:50]]
        extra += [gen.lookalike(p, k) for p in people[:20] for k in ("twin", "father_son")]
        runs.append(people + extra)
    assert runs[0] == runs[1]
    assert PopulationGenerator(seed=100).people(50) != runs[0][:50]


def test_variant_calls_do_not_shift_the_people_stream() -> None:
    """Making variants between draws leaves the drawn people unchanged."""
    plain = PopulationGenerator(seed=5).people(100)
    gen = PopulationGenerator(seed=5)
    mixed = []
    for _ in range(100):
        mixed.append(gen.person())
        gen.register_variant(mixed[-1], "heavy")
    assert mixed == plain


def test_offender_profile_is_mostly_young_men(offenders: list[SyntheticPerson]) -> None:
    """Offenders: 85-97% male, aged 14-60, few juveniles, peak in the twenties."""
    share = sum(p.sex == "M" for p in offenders) / len(offenders)
    assert 0.85 <= share <= 0.97
    ages = [age_on(p.date_of_birth, REF) for p in offenders]
    assert 14 <= min(ages) and max(ages) <= 60
    assert 0 < sum(a < 18 for a in ages) / len(ages) < 0.1
    decades = Counter(a // 10 for a in ages)
    assert decades.most_common(1)[0][0] == 2


def test_general_profile_is_balanced_and_includes_children() -> None:
    """General population: both sexes near half, children and elderly present."""
    people = PopulationGenerator(seed=3).people(2000, profile="general")
    share = sum(p.sex == "M" for p in people) / len(people)
    assert 0.44 <= share <= 0.56
    ages = [age_on(p.date_of_birth, REF) for p in people]
    assert min(ages) < 5 and max(ages) > 70


def test_every_district_and_community_present(offenders: list[SyntheticPerson]) -> None:
    """All six districts and all six communities appear, with Mestizo the largest."""
    assert {p.district for p in offenders} == set(DISTRICTS)
    communities = Counter(p.community for p in offenders)
    assert set(communities) == set(load_data()["communities"])
    assert communities.most_common(1)[0][0] == "mestizo"
    assert 0.4 < communities["mestizo"] / len(offenders) < 0.6


def test_communities_cluster_where_they_live(offenders: list[SyntheticPerson]) -> None:
    """Maya mostly in Toledo; Mennonites mostly in Orange Walk and Cayo."""
    maya = [p for p in offenders if p.community == "maya"]
    assert sum(p.district == "TOL" for p in maya) / len(maya) > 0.45
    mennonite = [p for p in offenders if p.community == "mennonite"]
    assert sum(p.district in {"OW", "CY"} for p in mennonite) / len(mennonite) > 0.7


def test_names_look_belizean(offenders: list[SyntheticPerson]) -> None:
    """Double surnames, compound given names, accents and aliases all occur."""
    mestizo = [p for p in offenders if p.community == "mestizo"]
    assert sum(len(split_surnames(p.surname)) == 2 for p in mestizo) > len(mestizo) * 0.3
    assert any(" " in p.given_name for p in mestizo)
    assert any(strip_accents(p.full_name) != p.full_name for p in mestizo)
    assert 0.2 < sum(bool(p.aliases) for p in offenders) / len(offenders) < 0.5
    assert all(
        p.address.endswith(tuple(r["place"] for r in load_data()["places"])) for p in offenders
    )


def test_national_ids_unique_nine_digits_some_missing() -> None:
    """Social security numbers are unique 9-digit strings; some people have none."""
    gen = PopulationGenerator(seed=8)
    people = gen.people(4000)
    people += [gen.lookalike(p, "twin") for p in people[:500]]
    ids = [p.national_id for p in people if p.national_id is not None]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"\d{9}", i) for i in ids)
    assert 0.03 < 1 - len(ids) / len(people) < 0.3


def test_variant_none_is_identical_copy(offenders: list[SyntheticPerson]) -> None:
    """Severity 'none' returns an equal but independent copy."""
    gen = PopulationGenerator()
    for p in offenders[:50]:
        v = gen.register_variant(p, "none")
        assert v == p and v is not p and v.variant_notes == []
        v.aliases.append("x")
        assert "x" not in p.aliases


def test_variant_change_counts_follow_severity(variants: list) -> None:
    """Typical variants carry 0-2 changes, heavy ones 2-4."""
    half = len(variants) // 2
    typical = Counter(len(v.variant_notes) for _, v in variants[:half])
    heavy = Counter(len(v.variant_notes) for _, v in variants[half:])
    assert set(typical) == {0, 1, 2}
    assert set(heavy) <= {2, 3, 4} and len(heavy) == 3


def test_variants_touch_only_recorded_fields(variants: list) -> None:
    """Fields outside the recorded changes stay equal; each recorded change shows."""
    for p, v in variants:
        touched = changed_fields(v.variant_notes)
        for name in COMPARED:
            if name not in touched:
                assert getattr(v, name) == getattr(p, name), (name, v.variant_notes)
        for note in v.variant_notes:
            assert note in NOTE_FIELDS
            assert any(getattr(v, f) != getattr(p, f) for f in NOTE_FIELDS[note]), note


def test_each_change_is_the_change_it_claims(variants: list) -> None:
    """Every note describes exactly what happened to its field."""
    seen: Counter[str] = Counter()
    for p, v in variants:
        notes = set(v.variant_notes)
        seen.update(notes)
        _check_dates(p, v, notes)
        name_notes = notes & (SURNAME_NOTES | GIVEN_NOTES)
        if len(name_notes) == 1 and name_notes <= SURNAME_NOTES:
            _check_surname(p, v, next(iter(name_notes)))
        if len(name_notes) == 1 and name_notes <= GIVEN_NOTES:
            _check_given(p, v, next(iter(name_notes)))
    assert set(seen) == set(NOTE_FIELDS)


def _check_dates(p: SyntheticPerson, v: SyntheticPerson, notes: set[str]) -> None:
    """Date of birth and id changes are exactly as recorded."""
    if "dob_missing" in notes:
        assert v.date_of_birth is None
    if "dob_day_month_swapped" in notes:
        assert p.date_of_birth.day <= 12
        assert (v.date_of_birth.day, v.date_of_birth.month) == (
            p.date_of_birth.month,
            p.date_of_birth.day,
        )
        assert v.date_of_birth.year == p.date_of_birth.year
    if "dob_year_slip" in notes:
        assert abs(v.date_of_birth.year - p.date_of_birth.year) == 1
        assert v.date_of_birth.replace(year=p.date_of_birth.year) == p.date_of_birth
    if "national_id_missing" in notes:
        assert p.national_id is not None and v.national_id is None


def _check_surname(p: SyntheticPerson, v: SyntheticPerson, note: str) -> None:
    """A lone surname change is exactly the recorded one."""
    parts = split_surnames(p.surname)
    expected = {
        "second_surname_dropped": lambda: v.surname == parts[0],
        "surnames_reordered": lambda: split_surnames(v.surname) == [parts[1], parts[0]],
        "particle_spacing": lambda: _squash(v.surname) == _squash(p.surname),
        "accents_dropped": lambda: v.surname == strip_accents(p.surname),
        "typo:surname": lambda: osa_distance(v.surname, p.surname) == 1,
        "given_surname_transposed": lambda: v.surname == p.given_name,
    }
    assert expected[note](), (note, p.surname, v.surname)


def _check_given(p: SyntheticPerson, v: SyntheticPerson, note: str) -> None:
    """A lone given-name change is exactly the recorded one."""
    expected = {
        "nickname_for_given": lambda: (
            v.given_name in PopulationGenerator().nicknames_for(p.given_name)
        ),
        "accents_dropped": lambda: v.given_name == strip_accents(p.given_name),
        "typo:given_name": lambda: osa_distance(v.given_name, p.given_name) == 1,
        "given_surname_transposed": lambda: v.given_name == p.surname,
    }
    assert expected[note](), (note, p.given_name, v.given_name)


def _squash(name: str) -> str:
    """Lower-case a name and drop its spaces."""
    return name.replace(" ", "").lower()


def test_twin_lookalike(offenders: list[SyntheticPerson]) -> None:
    """Twins share surname, birth date, district and home, not the given name."""
    gen = PopulationGenerator(seed=21)
    for p in offenders[:300]:
        t = gen.lookalike(p, "twin")
        assert t.person_id != p.person_id and t.variant_notes == ["lookalike:twin"]
        assert (t.surname, t.date_of_birth, t.district, t.address) == (
            p.surname,
            p.date_of_birth,
            p.district,
            p.address,
        )
        assert t.given_name.split()[0] != p.given_name.split()[0]
        assert t.national_id is None or t.national_id != p.national_id


def test_father_son_lookalike(offenders: list[SyntheticPerson]) -> None:
    """Father and son share the full name, a generation apart; the son may be 'Jr.'."""
    gen = PopulationGenerator(seed=22)
    kinds = Counter()
    for p in offenders[:400]:
        f = gen.lookalike(p, "father_son")
        kinds.update(f.variant_notes)
        assert f.person_id != p.person_id and f.variant_notes[0] == "lookalike:father_son"
        assert (f.given_name, f.middle_name, f.sex) == (p.given_name, p.middle_name, p.sex)
        assert f.surname.removesuffix(" Jr.") == p.surname
        assert ("junior_suffix" in f.variant_notes) == f.surname.endswith(" Jr.")
        gap = abs((f.date_of_birth - p.date_of_birth).days) / 365.25
        assert 19 <= gap <= 36
        assert age_on(f.date_of_birth, REF) >= 14
    assert kinds["son"] and kinds["father"] and kinds["junior_suffix"]


def test_common_name_lookalike() -> None:
    """Common-name lookalikes share the name but not the birth date or district."""
    gen = PopulationGenerator(seed=23)
    for p in [gen.person(common_name=True) for _ in range(200)]:
        c = gen.lookalike(p, "common_name")
        assert (c.given_name, c.surname) == (p.given_name, p.surname)
        assert abs((c.date_of_birth - p.date_of_birth).days) > 366
        assert c.district != p.district and c.person_id != p.person_id


def test_common_name_people_use_the_commonest_names() -> None:
    """person(common_name=True) gives names like José García or John Young."""
    gen = PopulationGenerator(seed=4)
    people = [gen.person(common_name=True) for _ in range(300)]
    top = Counter(f"{p.given_name} {p.surname}" for p in people)
    assert top.most_common(1)[0][1] >= 10
    assert all(p.middle_name == "" and len(split_surnames(p.surname)) == 1 for p in people)


def test_invalid_arguments_are_rejected(offenders: list[SyntheticPerson]) -> None:
    """Unknown profiles, severities and kinds raise ValueError."""
    gen = PopulationGenerator()
    with pytest.raises(ValueError):
        gen.person(profile="victim")
    with pytest.raises(ValueError):
        gen.register_variant(offenders[0], severity="extreme")
    with pytest.raises(ValueError):
        gen.lookalike(offenders[0], kind="cousin")
    with pytest.raises(ValueError):
        gen.lookalike(dataclasses.replace(offenders[0], date_of_birth=None), kind="twin")
