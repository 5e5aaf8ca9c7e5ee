"""Cell values as the register writes them, read into dates, codes and offences."""

import re
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from common.extensions import db
from common.iccs.models import NationalOffence
from common.imports.mapping import normalise
from common.timefmt import BELIZE

EXCEL_EPOCH = date(1899, 12, 30)
MONTHS = {
    "jan": 1, "ene": 1, "feb": 2, "mar": 3, "apr": 4, "abr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "ago": 8, "sep": 9, "set": 9, "oct": 10, "nov": 11, "dec": 12,
    "dic": 12,
}  # fmt: skip
DISTRICTS = {
    "BZ": ("belize", "bz", "belize district", "belize city"),
    "CY": ("cayo", "cy", "san ignacio", "belmopan"),
    "CZL": ("corozal", "czl", "cz"),
    "OW": ("orange walk", "ow", "orangewalk"),
    "SC": ("stann creek", "sc", "dangriga", "stan creek"),
    "TOL": ("toledo", "tol", "to", "punta gorda"),
}
SEXES = {
    "M": ("m", "male", "masculino", "h", "hombre", "man"),
    "F": ("f", "female", "femenino", "mujer", "woman"),
}


class ValueProblem(ValueError):
    """A cell that cannot be read; the message says what is expected."""


class Context:
    """What row parsing needs besides the cell: settings, lookups and collected warnings."""

    def __init__(self, day_first=True, pivot=40):
        self.day_first, self.pivot = day_first, pivot
        self.warnings = []
        self._offences = None

    def warn(self, text):
        """Note a warning for the cell being read."""
        self.warnings.append(text)

    def offences(self):
        """{normalised national code or title: offence id}, loaded once."""
        if self._offences is None:
            self._offences = {}
            for o in db.session.scalars(select(NationalOffence).where(NationalOffence.active)):
                self._offences[normalise(o.national_code)] = o.id
                self._offences.setdefault(normalise(o.title), o.id)
        return self._offences


def lookup(table, value, what):
    """The code whose spellings include `value` (accent/case tolerant)."""
    folded = normalise(value)
    for code, spellings in table.items():
        if folded == normalise(code) or folded in spellings:
            return code
    raise ValueProblem(f"'{value}' is not a known {what}.")


def to_district(value, ctx):
    """ISO 3166-2:BZ district code from a name or code."""
    return lookup(DISTRICTS, value, "district (Belize, Cayo, Corozal, Orange Walk, ...)")


def to_sex(value, ctx):
    """M or F."""
    return lookup(SEXES, value, "sex (M or F)")


def belize_noon(day):
    """Midday Belize time on `day`: registers give dates, not times."""
    return datetime.combine(day, time(12, 0), BELIZE)


def to_count(value, ctx):
    """A whole number of 1 or more (a quantity)."""
    try:
        number = float(str(value).strip())
    except ValueError as exc:
        raise ValueProblem(f"'{value}' is not a number: write a quantity like 3.") from exc
    if not number.is_integer() or number < 1:
        raise ValueProblem(f"'{value}' is not a quantity: write a whole number, 1 or more.")
    return int(number)


def to_text(value, ctx):
    """The cell as trimmed text."""
    return str(value).strip() if value is not None else ""


def to_offence(value, ctx):
    """National offence id from its code or its title."""
    text = value if isinstance(value, str) else str(value)
    found = ctx.offences().get(normalise(text))
    if found is None:
        raise ValueProblem(
            f"Unknown offence '{text}': use a national offence code or title from the list."
        )
    return found


def full_year(year, ctx):
    """A four-digit year from a two-digit one (pivot setting)."""
    if year >= 100:
        return year
    return 2000 + year if year <= ctx.pivot else 1900 + year


def from_serial(number):
    """A date from an Excel serial day number."""
    if not 1 <= number <= 2958465:
        raise ValueProblem(f"{number} is not a date.")
    return EXCEL_EPOCH + timedelta(days=int(number))


def numeric_date(first, second, year, ctx, raw):
    """Day-first date of d/m/y parts, warning when day and month could be swapped."""
    day, month = (first, second) if ctx.day_first else (second, first)
    if month > 12 and day <= 12:
        day, month = month, day
        ctx.warn(f"'{raw}' can only be month first: read as {day:02d}/{month:02d}.")
    elif day <= 12 and month <= 12 and day != month:
        ctx.warn(f"'{raw}' is ambiguous: read day first as {date_words(year, month, day)}.")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueProblem(f"'{raw}' is not a valid date.") from exc


def date_words(year, month, day):
    """A date written like 12 Mar 2019."""
    try:
        return f"{date(year, month, day):%d %b %Y}"
    except ValueError:
        return f"{day}/{month}/{year}"


def to_date(value, ctx):
    """A date from a date cell, an Excel serial, or 12/03/2019, 2019-03-12, 12-Mar-19 text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        return from_serial(value)
    raw = str(value).strip()
    if re.fullmatch(r"\d{5}(\.0+)?", raw):
        return from_serial(float(raw))
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?", raw):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise ValueProblem(f"'{raw}' is not a valid date.") from exc
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", raw):
        return numeric_date(int(m[1]), int(m[2]), full_year(int(m[3]), ctx), ctx, raw)
    if m := re.fullmatch(r"(\d{1,2})[- ./]([A-Za-z]{3,10})\.?[- ./,]*(\d{2}|\d{4})", raw):
        month = MONTHS.get(normalise(m[2])[:3])
        if month:
            try:
                return date(full_year(int(m[3]), ctx), month, int(m[1]))
            except ValueError as exc:
                raise ValueProblem(f"'{raw}' is not a valid date.") from exc
    raise ValueProblem(
        f"'{raw}' is not a date: write it like 12/03/2019 (day first) or 2019-03-12."
    )
