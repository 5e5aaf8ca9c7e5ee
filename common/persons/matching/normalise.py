"""Normalisation of person records into comparable, folded parts."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .records import PersonRecord
from .text import canonical_given, fold, name_parts, nickname_groups, surname_parts

DISTRICTS = {
    "bz": "BZ",
    "belize": "BZ",
    "belize district": "BZ",
    "belize city": "BZ",
    "san pedro": "BZ",
    "ladyville": "BZ",
    "caye caulker": "BZ",
    "cy": "CY",
    "cayo": "CY",
    "belmopan": "CY",
    "san ignacio": "CY",
    "santa elena": "CY",
    "benque viejo": "CY",
    "spanish lookout": "CY",
    "czl": "CZL",
    "cz": "CZL",
    "corozal": "CZL",
    "corozal town": "CZL",
    "ow": "OW",
    "orange walk": "OW",
    "orange walk town": "OW",
    "shipyard": "OW",
    "blue creek": "OW",
    "sc": "SC",
    "stann creek": "SC",
    "dangriga": "SC",
    "hopkins": "SC",
    "placencia": "SC",
    "tol": "TOL",
    "toledo": "TOL",
    "punta gorda": "TOL",
    "pg": "TOL",
}
_ID_CHARS = re.compile(r"[^A-Z0-9]")


class NormalisedRecord(NamedTuple):
    """A record reduced to the folded parts the comparisons use."""

    record_id: str
    given: str
    given_groups: tuple[str, ...]
    middles: tuple[str, ...]
    surnames: tuple[str, ...]
    suffix: str
    year: int
    month: int
    day: int
    sex: str
    district: str
    address: str
    national_id: str
    alias_names: tuple[tuple[str, ...], ...] = ()

    @property
    def canonical(self) -> str:
        """Primary canonical given name (nickname-resolved)."""
        return self.given_groups[0] if self.given_groups else ""


@lru_cache(maxsize=10_000)
def normalise_district(text: str) -> str:
    """ISO 3166-2:BZ code for a district name or town; folded text if unknown."""
    folded = fold(text)
    if not folded:
        return ""
    if folded in DISTRICTS:
        return DISTRICTS[folded]
    for suffix in (" district", " town"):
        if folded.endswith(suffix) and folded[: -len(suffix)] in DISTRICTS:
            return DISTRICTS[folded[: -len(suffix)]]
    return folded


@lru_cache(maxsize=1_000)
def normalise_sex(text: str) -> str:
    """'M', 'F' or '' (unknown)."""
    folded = fold(text)[:1]
    return {"m": "M", "f": "F", "h": "M"}.get(folded, "")


def normalise_id(text: str) -> str:
    """Identifier with case, spaces and punctuation removed."""
    if not text:
        return ""
    return text.upper() if text.isalnum() and text.isascii() else _ID_CHARS.sub("", text.upper())


def _split_names(record: PersonRecord) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    given_tokens, s1 = name_parts(record.given_name)
    middle_tokens, s2 = name_parts(record.middle_name)
    surnames, s3 = surname_parts(record.surname)
    given = given_tokens[0] if given_tokens else ""
    middles = tuple(given_tokens[1:]) + tuple(middle_tokens)
    if not given and middles:
        given, middles = middles[0], middles[1:]
    return given, middles, surnames, s3 or s1 or s2


def _alias_parts(aliases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    if not aliases:
        return ()
    return tuple(toks for toks in (surname_parts(a)[0] for a in aliases) if toks)


def _given_groups(given: str, alias_names: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    if not alias_names:
        return nickname_groups(given)
    groups = list(nickname_groups(given))
    for alias in alias_names:
        for group in nickname_groups(alias[0]):
            if group not in groups:
                groups.append(group)
    return tuple(groups)


def normalise(record: PersonRecord) -> NormalisedRecord:
    """Fold accents, case, spacing, particles, suffixes, nicknames and codes of a record."""
    given, middles, surnames, suffix = _split_names(record)
    aliases = _alias_parts(record.aliases)
    dob = record.date_of_birth
    return NormalisedRecord(
        record_id=record.record_id,
        given=given,
        given_groups=_given_groups(given, aliases),
        middles=middles,
        surnames=surnames,
        suffix=suffix,
        year=dob.year if dob else 0,
        month=dob.month if dob else 0,
        day=dob.day if dob else 0,
        sex=normalise_sex(record.sex),
        district=normalise_district(record.district),
        address=fold(record.address),
        national_id=normalise_id(record.national_id),
        alias_names=aliases,
    )


def ensure_normalised(record: PersonRecord | NormalisedRecord) -> NormalisedRecord:
    """Normalise a record unless it already is."""
    return record if isinstance(record, NormalisedRecord) else normalise(record)


__all__ = ["NormalisedRecord", "normalise", "ensure_normalised", "canonical_given"]
