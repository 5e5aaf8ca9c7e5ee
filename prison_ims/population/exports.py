"""The `population_snapshots` dataset: daily counts, aggregates with no person in them.

Counts are exact at the source; the BCO suppresses small cells when it publishes.
"""

from sqlalchemy import select

from common.exports.datasets import Dataset, register
from common.exports.datasets import schema_field as f
from common.exports.records import AGE_BAND_LABELS
from prison_ims.admissions.models import LEGAL_STATUSES
from prison_ims.population.models import PopulationSnapshot


def _snapshots_query():
    return select(
        PopulationSnapshot.id.label("record_id"),
        PopulationSnapshot.snapshot_date,
        PopulationSnapshot.legal_status,
        PopulationSnapshot.sex,
        PopulationSnapshot.age_band,
        PopulationSnapshot.unit_code,
        PopulationSnapshot.count,
    )


SNAPSHOT_FIELDS = [
    f(
        "snapshot_date",
        "date",
        "The day; counted at midnight ending it, Belize time",
        required=True,
    ),
    f(
        "legal_status",
        "string",
        "Legal status at that moment",
        required=True,
        enum=list(LEGAL_STATUSES),
    ),
    f(
        "sex",
        "string",
        "Sex on the prison record (U: not recorded)",
        required=True,
        enum=["F", "M", "U"],
    ),
    f(
        "age_band",
        "string",
        "Age in whole years on the day, banded",
        required=True,
        enum=AGE_BAND_LABELS,
    ),
    f("unit_code", "string", "Housing unit code; empty when the person had no cell that day"),
    f(
        "count",
        "integer",
        "Persons in custody with these values (exact, never suppressed)",
        required=True,
        minimum=1,
    ),
]

register(
    Dataset(
        app="prison",
        name="population_snapshots",
        title="Daily population snapshots",
        description="Persons in custody at the end of each day by legal status, sex, age band "
        "and housing unit. Aggregates: no person_key. A recomputed day updates its rows; a "
        "combination no longer present is deleted.",
        fields=SNAPSHOT_FIELDS,
        query=_snapshots_query,
        id_column=PopulationSnapshot.id,
        watch={PopulationSnapshot: lambda s, o: [o.id]},
    )
)
