"""Turning query rows into exported records: pseudonyms, ages, codes; nothing identifying."""

import hashlib
import hmac
from datetime import UTC, date, datetime
from decimal import Decimal

from flask import current_app

from common.exports.datasets import DISTRICT_CODES

PERSON_COLUMNS = ("person_public_id", "person_sex", "person_dob", "person_district")
INTERNAL_COLUMNS = (*PERSON_COLUMNS, "event_date")
AGE_BANDS = ((0, 17, "0-17"), (18, 24, "18-24"), (25, 34, "25-34"), (35, 49, "35-49"))
AGE_BAND_LABELS = [label for _low, _high, label in AGE_BANDS] + ["50+", "unknown"]


def age_band(age):
    """The age band of a whole-years age ('unknown' when missing)."""
    if age is None:
        return "unknown"
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return "50+"


def person_key(public_id, key=None):
    """HMAC-SHA256 pseudonym of a master person id (the same in every app's feed)."""
    secret = key if key is not None else current_app.config["PSEUDONYM_KEY"]
    return hmac.new(secret.encode(), public_id.encode(), hashlib.sha256).hexdigest()


def age_at(dob, on):
    """Whole years between a date of birth and an event date, or None when unknown."""
    if dob is None or on is None:
        return None
    if isinstance(on, datetime):
        on = on.date()
    years = on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
    return years if 0 <= years <= 130 else None


def plain(value):
    """A value as exported: UTC datetimes with Z, ISO dates, decimals as floats."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def build_record(dataset, row, change_seq, key=None):
    """One exported record (dict in schema order) from a query row mapping."""
    values = dict(row)
    record = {
        "op": "upsert",
        "record_id": str(values["record_id"]),
        "record_version": change_seq,
        "change_seq": change_seq,
    }
    if dataset.person:
        sex = values.get("person_sex") or "U"
        district = values.get("person_district") or ""
        record.update(
            person_key=person_key(values["person_public_id"], key),
            sex=sex if sex in ("F", "M") else "U",
            age_at_event=age_at(values.get("person_dob"), values.get("event_date")),
            district=district if district in DISTRICT_CODES else None,
        )
    if dataset.transform is not None:
        values = dataset.transform(values)
    for name in dataset.field_names:
        if name not in record:
            record[name] = plain(values.get(name))
    return record


def tombstone(record_id, change_seq):
    """The record of a deletion (or of a record that left the dataset's scope)."""
    return {
        "op": "delete",
        "record_id": str(record_id),
        "record_version": change_seq,
        "change_seq": change_seq,
    }
