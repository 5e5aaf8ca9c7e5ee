"""ICCS code list and the Belize national offence to ICCS mapping.

Both tables ship as CSV files in ``common/iccs/data``. The loaders read them with the
``csv`` module and cache the result per file path; every loader accepts an optional path
so that another copy of a table (a draft, a test fixture) can be read and checked.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
ICCS_CSV = DATA_DIR / "iccs.csv"
NATIONAL_OFFENCES_CSV = DATA_DIR / "belize_offences.csv"

ICCS_COLUMNS = ("code", "level", "parent_code", "label")
NATIONAL_OFFENCE_COLUMNS = ("national_code", "title", "act", "section", "iccs_code", "severity")
SEVERITIES = frozenset({"indictable", "summary", "either"})

# ICCS codes are 2 digits (section), 4 (division), 5 (group) or 6 (class).
LEVEL_BY_LENGTH: Mapping[int, int] = {2: 1, 4: 2, 5: 3, 6: 4}


@dataclass(frozen=True, slots=True)
class IccsCode:
    """One category of the ICCS."""

    code: str
    level: int
    parent_code: str | None
    label: str


@dataclass(frozen=True, slots=True)
class NationalOffence:
    """One Belize offence and the ICCS category its behaviour falls under."""

    national_code: str
    title: str
    act: str
    section: str
    iccs_code: str
    severity: str


def _resolve(path: str | Path | None, default: Path) -> str:
    return str(Path(path).resolve() if path is not None else default)


@lru_cache(maxsize=16)
def _read_rows(path: str, columns: tuple[str, ...]) -> tuple[tuple[int, dict[str, str]], ...]:
    """Read a CSV table as (line number, stripped row) pairs, checking its header."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in columns if name not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            rows.append((line, {name: (row.get(name) or "").strip() for name in columns}))
    return tuple(rows)


def _check_code_shape(code: str) -> None:
    if not code.isdigit() or len(code) not in LEVEL_BY_LENGTH:
        raise ValueError(f"not an ICCS code: {code!r} (expected 2, 4, 5 or 6 digits)")


@lru_cache(maxsize=16)
def _iccs(path: str) -> dict[str, IccsCode]:
    codes: dict[str, IccsCode] = {}
    for line, row in _read_rows(path, ICCS_COLUMNS):
        code = row["code"]
        try:
            _check_code_shape(code)
            level = int(row["level"])
        except ValueError as exc:
            raise ValueError(f"{path}, line {line}: {exc}") from exc
        if code in codes:
            raise ValueError(f"{path}, line {line}: ICCS code {code} appears twice")
        codes[code] = IccsCode(code, level, row["parent_code"] or None, row["label"])
    return codes


@lru_cache(maxsize=16)
def _national_offences(path: str) -> dict[str, NationalOffence]:
    offences: dict[str, NationalOffence] = {}
    for line, row in _read_rows(path, NATIONAL_OFFENCE_COLUMNS):
        key = row["national_code"]
        if key in offences:
            raise ValueError(f"{path}, line {line}: national code {key} appears twice")
        offences[key] = NationalOffence(**row)
    return offences


def load_iccs(path: str | Path | None = None) -> dict[str, IccsCode]:
    """Return the ICCS code list keyed by code (the shipped table unless a path is given)."""
    return dict(_iccs(_resolve(path, ICCS_CSV)))


def load_national_offences(path: str | Path | None = None) -> dict[str, NationalOffence]:
    """Return the Belize offences keyed by national code (the shipped table unless a path)."""
    return dict(_national_offences(_resolve(path, NATIONAL_OFFENCES_CSV)))


def clear_cache() -> None:
    """Forget every table read so far, so the next load reads the files again."""
    _read_rows.cache_clear()
    _iccs.cache_clear()
    _national_offences.cache_clear()


def section_of(code: str) -> str:
    """Return the 2-digit ICCS section (level 1) that a code of any level belongs to."""
    code = code.strip()
    _check_code_shape(code)
    return code[:2]


def iccs_for(national_code: str) -> IccsCode:
    """Return the ICCS category a shipped national offence maps to; KeyError if unknown."""
    offence = load_national_offences()[national_code]
    return load_iccs()[offence.iccs_code]


def _code_list_problems(rows: tuple[tuple[int, dict[str, str]], ...]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, int] = {}
    levels: dict[str, int] = {}
    for line, row in rows:
        code = row["code"]
        where = f"ICCS line {line}, code {code!r}"
        if not code.isdigit() or len(code) not in LEVEL_BY_LENGTH:
            problems.append(f"{where}: not an ICCS code (expected 2, 4, 5 or 6 digits)")
            continue
        if code in seen:
            problems.append(f"{where}: duplicate code (first on line {seen[code]})")
            continue
        seen[code] = line
        expected = LEVEL_BY_LENGTH[len(code)]
        if row["level"] != str(expected):
            problems.append(
                f"{where}: level is {row['level']!r}, a {len(code)}-digit code is level {expected}"
            )
        levels[code] = expected
        if not row["label"]:
            problems.append(f"{where}: label is empty")
    for line, row in rows:
        code, parent = row["code"], row["parent_code"]
        if code not in levels:
            continue
        where = f"ICCS line {line}, code {code!r}"
        if levels[code] == 1:
            if parent:
                problems.append(f"{where}: a section has no parent, found {parent!r}")
        elif not parent:
            problems.append(f"{where}: parent code is missing")
        elif parent not in levels:
            problems.append(f"{where}: parent code {parent!r} is not in the code list")
        elif levels[parent] != levels[code] - 1 or not code.startswith(parent):
            problems.append(f"{where}: parent {parent!r} is not the code one level up")
    return problems


def _mapping_problems(
    rows: tuple[tuple[int, dict[str, str]], ...], known_codes: set[str]
) -> list[str]:
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        key = row["national_code"]
        where = f"offences line {line}, national code {key!r}"
        if not key:
            problems.append(f"offences line {line}: national code is empty")
        elif key in seen:
            problems.append(f"{where}: duplicate national code (first on line {seen[key]})")
        else:
            seen[key] = line
        if not row["title"]:
            problems.append(f"{where}: title is empty")
        if not row["act"]:
            problems.append(f"{where}: act is empty")
        if row["iccs_code"] not in known_codes:
            problems.append(f"{where}: unknown ICCS code {row['iccs_code']!r}")
        if row["severity"] not in SEVERITIES:
            problems.append(
                f"{where}: severity {row['severity']!r} is not one of "
                f"{', '.join(sorted(SEVERITIES))}"
            )
    return problems


def validate_mapping(
    offences_path: str | Path | None = None, iccs_path: str | Path | None = None
) -> list[str]:
    """Check the code list and the offence mapping; return the problems found (empty if none)."""
    iccs_rows = _read_rows(_resolve(iccs_path, ICCS_CSV), ICCS_COLUMNS)
    offence_rows = _read_rows(
        _resolve(offences_path, NATIONAL_OFFENCES_CSV), NATIONAL_OFFENCE_COLUMNS
    )
    known_codes = {row["code"] for _, row in iccs_rows}
    return _code_list_problems(iccs_rows) + _mapping_problems(offence_rows, known_codes)
