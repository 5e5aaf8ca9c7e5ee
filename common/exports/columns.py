"""Query helpers datasets share: the person and offence columns every feed carries."""

from sqlalchemy.orm import aliased

from common.iccs.models import NationalOffence
from common.persons.models import Person, PersonRecord


def with_person(query, person_id, person_record_id, event_date):
    """Add the columns `build_record` turns into person_key, sex, age and district.

    `person_id` is the master person the app row points at (merges move it);
    `person_record_id` is how this app recorded the person (sex, birth date, district).
    """
    person = aliased(Person)
    record = aliased(PersonRecord)
    return (
        query.join(person, person.id == person_id)
        .join(record, record.id == person_record_id)
        .add_columns(
            person.public_id.label("person_public_id"),
            record.sex.label("person_sex"),
            record.date_of_birth.label("person_dob"),
            record.district.label("person_district"),
            event_date.label("event_date"),
        )
    )


def with_offence(query, national_offence_id):
    """Add `iccs_code` and `national_offence_code` of the offence a row points at."""
    offence = aliased(NationalOffence)
    return query.join(offence, offence.id == national_offence_id).add_columns(
        offence.iccs_code.label("iccs_code"),
        offence.national_code.label("national_offence_code"),
    )
