"""Demo persons: the same people in prison, lab and court registers, written differently."""

import random

from common.persons.services import register_record
from common.persons.synthetic import PopulationGenerator

# Share of persons each system has seen (a person may be in several).
SYSTEM_SHARE = {"court": 0.75, "prison": 0.45, "lims": 0.30}
PERSONS_PER_SCALE = 1000


def identity_of(p):
    """The identity fields of a generated person, as the person index takes them."""
    return {
        "given_name": p.given_name,
        "middle_name": p.middle_name,
        "surname": p.surname,
        "date_of_birth": p.date_of_birth,
        "sex": p.sex,
        "district": p.district,
        "address": p.address,
        "national_id": p.national_id or "",
        "aliases": list(p.aliases),
    }


def systems_for(rng):
    """Which systems hold a record of this person (at least one)."""
    chosen = [s for s, share in SYSTEM_SHARE.items() if rng.random() < share]
    return chosen or ["court"]


def load_persons(scale, seed=2026, progress=None):
    """Create scale×1000 persons with their source records; returns the record count."""
    gen = PopulationGenerator(seed=seed)
    rng = random.Random(seed + 1)
    total = scale * PERSONS_PER_SCALE
    created = 0
    for n in range(total):
        person = gen.person(profile="offender" if rng.random() < 0.8 else "general")
        first = None
        for i, system in enumerate(systems_for(rng)):
            variant = person if i == 0 else gen.register_variant(person, severity="typical")
            record = register_record(
                system,
                f"DEMO-{system[0].upper()}-{n:07d}",
                person=first.person if first else None,
                **identity_of(variant),
            )
            first = first or record
            created += 1
        if progress:
            progress(1)
    return created
