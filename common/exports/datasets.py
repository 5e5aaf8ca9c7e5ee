"""Declaring an exported dataset: its Table Schema, its query and what changes touch it.

Each app declares its datasets in `<app>/exports.py`; `load_all_datasets()` imports them so
that a change made anywhere (a merge in the portal moves an app's rows) reaches the outbox.
"""

import importlib
from dataclasses import dataclass, field
from functools import cached_property

APP_EXPORT_MODULES = {
    "prison": "prison_ims.exports",
    "lims": "lims.exports",
    "court": "court_cms.exports",
}
_DATASETS: dict[tuple[str, str], "Dataset"] = {}

# Fields every record carries, whatever the dataset.
ENVELOPE_FIELDS = [
    {
        "name": "op",
        "type": "string",
        "constraints": {"required": True, "enum": ["upsert", "delete"]},
    },
    {"name": "record_id", "type": "string", "constraints": {"required": True}},
    {"name": "record_version", "type": "integer", "constraints": {"required": True}},
    {"name": "change_seq", "type": "integer", "constraints": {"required": True}},
]
DISTRICT_CODES = ["BZ", "CY", "CZL", "OW", "SC", "TOL"]
PERSON_FIELDS = [
    {
        "name": "person_key",
        "type": "string",
        "description": "Pseudonym of the master person: the same in the prison, lab and "
        "court feeds, meaningless outside them (HMAC-SHA256 of the person index id).",
        "constraints": {"required": True, "pattern": "[0-9a-f]{64}"},
    },
    {"name": "sex", "type": "string", "constraints": {"required": True, "enum": ["F", "M", "U"]}},
    {
        "name": "age_at_event",
        "type": "integer",
        "description": "Whole years at the event date; empty when the date of birth is unknown.",
        "constraints": {"minimum": 0, "maximum": 130},
    },
    {
        "name": "district",
        "type": "string",
        "description": "ISO 3166-2:BZ district code; empty when unknown.",
        "constraints": {"enum": DISTRICT_CODES},
    },
]
OFFENCE_FIELDS = [
    {
        "name": "iccs_code",
        "type": "string",
        "description": "UNODC ICCS 2015 code (2 to 6 digits).",
        "constraints": {"required": True, "pattern": "[0-9]{2,6}"},
    },
    {
        "name": "national_offence_code",
        "type": "string",
        "description": "Belize national offence code (Criminal Code section).",
        "constraints": {"required": True},
    },
]


@dataclass
class Dataset:
    """One export dataset of one app.

    query: () -> Select with a `record_id` column first, then the dataset's fields (and
        `person_id`, `person_sex`, `person_dob`, `person_district`, `event_date` when
        `person=True`); rows outside the dataset's scope must not be selected.
    id_column: the column `record_id` is taken from, to select given records.
    watch: {model class: fn(session, obj) -> iterable of record ids} - what a change of
        an object of that class re-emits.
    by_person: fn(person_ids) -> Select of record ids concerning those persons (merges,
        corrected identity fields).
    transform: optional fn(row dict) -> row dict computing derived fields (durations).
    """

    app: str
    name: str
    title: str
    description: str
    fields: list
    query: object
    id_column: object
    watch: dict = field(default_factory=dict)
    by_person: object = None
    person: bool = False
    offence: bool = False
    transform: object = None

    @cached_property
    def schema_fields(self):
        """The Table Schema fields of one exported record, envelope first."""
        extra = (PERSON_FIELDS if self.person else []) + (OFFENCE_FIELDS if self.offence else [])
        return ENVELOPE_FIELDS + extra + list(self.fields)

    @cached_property
    def field_names(self):
        return [f["name"] for f in self.schema_fields]


def register(dataset):
    """Add a dataset to the registry (idempotent per app and name)."""
    _DATASETS[(dataset.app, dataset.name)] = dataset
    return dataset


_LOADED = []


def load_all_datasets():
    """Import every app's exports module (once) so all datasets are known."""
    if _LOADED:
        return
    _LOADED.append(True)
    for module in APP_EXPORT_MODULES.values():
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def datasets_of(app):
    """The datasets one app publishes, in name order."""
    load_all_datasets()
    return [d for (a, _n), d in sorted(_DATASETS.items()) if a == app]


def get_dataset(app, name):
    """One dataset, or None."""
    load_all_datasets()
    return _DATASETS.get((app, name))


def all_datasets():
    """Every registered dataset."""
    load_all_datasets()
    return list(_DATASETS.values())


def schema_field(name, type_="string", description="", **constraints):
    """A Table Schema field: name, type, optional description and constraints."""
    result = {"name": name, "type": type_}
    if description:
        result["description"] = description
    if constraints:
        result["constraints"] = constraints
    return result
