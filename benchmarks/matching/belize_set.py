"""Belize-style linkage set built from the deterministic synthetic population."""

from __future__ import annotations

from common.persons.matching import PersonRecord
from common.persons.synthetic import LOOKALIKE_KINDS, PopulationGenerator


def to_record(record_id: str, person) -> PersonRecord:
    """PersonRecord of a synthetic person."""
    return PersonRecord(
        record_id=record_id,
        given_name=person.given_name,
        middle_name=person.middle_name,
        surname=person.surname,
        date_of_birth=person.date_of_birth,
        sex=person.sex,
        district=person.district,
        address=person.address,
        national_id=person.national_id or "",
        aliases=tuple(person.aliases),
    )


def belize_link_set(n: int = 20_000, seed: int = 2026):
    """(left, right, true pairs, look-alike pairs): registers of n people and their variants.

    Right holds register variants of 60% of the people (one in five heavily changed),
    look-alikes (twins, father and son, very common names) of 10% and 10% new people.
    """
    gen = PopulationGenerator(seed=seed)
    people = [gen.person("offender" if k % 2 else "general") for k in range(n)]
    left = [to_record(f"L-{p.person_id}", p) for p in people]
    right, truth, lookalike_pairs = [], set(), set()
    for k, person in enumerate(people):
        if k % 10 < 6:
            severity = "heavy" if k % 5 == 0 else "typical"
            rid = f"R-{len(right)}"
            right.append(to_record(rid, gen.register_variant(person, severity)))
            truth.add((f"L-{person.person_id}", rid))
        elif k % 10 == 6 and person.date_of_birth is not None:
            other = gen.lookalike(person, LOOKALIKE_KINDS[k // 10 % 3])
            rid = f"R-{len(right)}"
            right.append(to_record(rid, other))
            lookalike_pairs.add((f"L-{person.person_id}", rid))
        elif k % 10 == 7:
            right.append(to_record(f"R-{len(right)}", gen.person("general")))
    return left, right, truth, lookalike_pairs


def variant_population(n_people: int, n_variants: int, seed: int = 7):
    """(records, true person labels) of n_people plus n_variants register variants of them."""
    gen = PopulationGenerator(seed=seed)
    people = [gen.person("general") for _ in range(n_people)]
    records = [to_record(f"A{k}", p) for k, p in enumerate(people)]
    labels = {f"A{k}": p.person_id for k, p in enumerate(people)}
    for k in range(n_variants):
        person = people[k % n_people]
        rid = f"B{k}"
        records.append(to_record(rid, gen.register_variant(person)))
        labels[rid] = person.person_id
    return records, labels
