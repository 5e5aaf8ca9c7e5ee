"""Pure-Python person matching engine: normalise, block, score, explain, link, dedupe."""

from .blocking import blocking_keys
from .explain import ExplanationItem
from .index import MatchIndex
from .linkage import dedupe, link
from .model import Comparison, MatchModel
from .normalise import NormalisedRecord, normalise
from .records import InputError, PersonRecord, read_records_csv
from .settings import MatchSettings

__all__ = [
    "Comparison",
    "ExplanationItem",
    "InputError",
    "MatchIndex",
    "MatchModel",
    "MatchSettings",
    "NormalisedRecord",
    "PersonRecord",
    "blocking_keys",
    "dedupe",
    "link",
    "normalise",
    "read_records_csv",
]
