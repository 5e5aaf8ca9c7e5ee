"""The person view: each system's section only for roles that may read that system.

A section the viewer may not read says only that a record exists there. Lab results are never
part of it (the lab provider gives request states, not findings). A viewer who may read the
lab but not the court sees the court cases linked to this person's lab cases (number, court,
status), never the court's parties. Every opening is audited with what was shown.
"""

from sqlalchemy import select

from common.audit.services import record_event
from common.extensions import db
from common.flows.registry import ask
from common.links.services import court_case_ids_of
from common.persons.index_store import surviving
from common.persons.models import SYSTEMS, Person

SECTIONS = (
    ("prison", "prison.view", "prison.person_episodes"),
    ("court", "court.view", "court.person_cases"),
    ("lims", "lims.view", "lims.person_cases"),
)


def find_person(public_id):
    """The surviving person for a public id, or None."""
    person = db.session.scalar(select(Person).where(Person.public_id == public_id))
    return surviving(person) if person is not None else None


def _linked_court_cases(lab_cases):
    """Court cases linked to the person's lab cases, for a lab reader (no parties)."""
    ids = court_case_ids_of([c["case"].id for c in lab_cases])
    return ask("court.cases", ids)


def person_view(person, user):
    """{system: section} for the viewer; each section has `title`, `allowed`, `exists`, data."""
    systems = {r.system for r in person.records}
    sections = {}
    for system, permission, provider in SECTIONS:
        allowed = user.has_permission(permission)
        sections[system] = {
            "title": SYSTEMS[system],
            "allowed": allowed,
            "exists": system in systems,
            "rows": ask(provider, person.id) if allowed else [],
            "linked_only": [],
        }
    court, lims = sections["court"], sections["lims"]
    if not court["allowed"] and lims["allowed"]:
        court["linked_only"] = _linked_court_cases(lims["rows"])
    _audit(person, sections)
    return sections


def _audit(person, sections):
    record_event(
        db.session,
        "view",
        "Person",
        person.id,
        {
            "screen": "person view",
            "shown": sorted(s for s, v in sections.items() if v["allowed"]),
            "withheld": sorted(s for s, v in sections.items() if not v["allowed"] and v["exists"]),
        },
    )
