"""Input records of the matching engine and the CSV reader."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

CSV_FIELDS = (
    "record_id",
    "given_name",
    "middle_name",
    "surname",
    "date_of_birth",
    "sex",
    "district",
    "address",
    "national_id",
    "aliases",
)


class InputError(ValueError):
    """A matching input file cannot be read; the message names the row and the fix."""


@dataclass(frozen=True)
class PersonRecord:
    """One person as a source register wrote it."""

    record_id: str
    given_name: str = ""
    middle_name: str = ""
    surname: str = ""
    date_of_birth: datetime.date | None = None
    sex: str = "U"  # M/F/U
    district: str = ""  # free text or ISO 3166-2:BZ code (BZ, CY, CZL, OW, SC, TOL)
    address: str = ""
    national_id: str = ""  # social security number or other identifier
    aliases: tuple[str, ...] = ()


def _parse_date(text: str, row_number: int) -> datetime.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"row {row_number}: date_of_birth {text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def _row_to_record(row: dict[str, str | None], row_number: int) -> PersonRecord:
    def get(name: str) -> str:
        return (row.get(name) or "").strip()

    if any("\x00" in (value or "") for value in row.values() if isinstance(value, str)):
        raise InputError(f"row {row_number}: contains NUL bytes; the file is not a text CSV")
    record_id = get("record_id")
    if not record_id:
        raise InputError(f"row {row_number}: record_id is empty; every row needs an id")
    sex = get("sex").upper()[:1] or "U"
    aliases = tuple(a.strip() for a in get("aliases").split(";") if a.strip())
    return PersonRecord(
        record_id=record_id,
        given_name=get("given_name"),
        middle_name=get("middle_name"),
        surname=get("surname"),
        date_of_birth=_parse_date(get("date_of_birth"), row_number),
        sex=sex if sex in ("M", "F") else "U",
        district=get("district"),
        address=get("address"),
        national_id=get("national_id"),
        aliases=aliases,
    )


def _read_rows(path: Path) -> list[PersonRecord]:
    records: list[PersonRecord] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None:
            raise InputError(f"{path}: the file is empty; expected a header row")
        if "record_id" not in [f.strip() for f in reader.fieldnames]:
            raise InputError(f"{path}: no record_id column in the header row")
        reader.fieldnames = [f.strip() for f in reader.fieldnames]
        for row_number, row in enumerate(reader, start=2):
            record = _row_to_record(row, row_number)
            if record.record_id in seen:
                raise InputError(
                    f"row {row_number}: record_id {record.record_id!r} is a duplicate "
                    f"of row {seen[record.record_id]}; ids must be unique"
                )
            seen[record.record_id] = row_number
            records.append(record)
    return records


def read_records_csv(path: str | Path) -> list[PersonRecord]:
    """Read person records from a CSV file; raise InputError naming the bad row."""
    path = Path(path)
    try:
        return _read_rows(path)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not a UTF-8 CSV file ({exc.reason}); save it as CSV UTF-8"
        ) from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({exc})") from None
