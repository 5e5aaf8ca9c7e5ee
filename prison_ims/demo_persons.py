"""Persons known only to the prison: the shared demo persons are too few to fill its places.

They are drawn from their own deterministic stream and entered into the shared person index
in bulk (keys and name counts as one by one), each with a prison record.
"""

from common.demo.persons import identity_of
from common.persons.bulk import bulk_register
from common.persons.synthetic import PopulationGenerator

PRISON_ONLY_PERSONS_PER_SCALE = 4000


def load_prison_only_persons(scale, seed):
    """Create scale×4000 prison-only persons with a prison record; returns how many."""
    gen = PopulationGenerator(seed=seed + 7)
    entries = [
        (f"DEMO-PX-{n:07d}", identity_of(gen.person(profile="offender")))
        for n in range(scale * PRISON_ONLY_PERSONS_PER_SCALE)
    ]
    return len(bulk_register("prison", entries, source="demo"))
