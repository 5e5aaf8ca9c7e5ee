"""`justice prison release-dates CASE.json`: print the release-date calculation as JSON."""

import json
import sys

import click

from prison_ims.sentencing.engine import calculate
from prison_ims.sentencing.parsing import SentencingError

EXIT_BAD_INPUT = 2


@click.group()
def prison():
    """Prison IMS commands."""


@prison.command("release-dates")
@click.argument("case_file", type=click.File("r", encoding="utf-8"))
def release_dates(case_file):
    """Calculate SED and ERD for the sentences in CASE_FILE (JSON; '-' reads stdin)."""
    try:
        result = calculate(_read_case(case_file))
    except SentencingError as exc:
        _fail(str(exc))
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))


def _read_case(case_file) -> dict:
    """The case dict from the file, or SentencingError when it is not JSON."""
    name = getattr(case_file, "name", "the case file")
    try:
        return json.load(case_file)
    except json.JSONDecodeError as exc:
        raise SentencingError(
            f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise SentencingError(f"{name} is not UTF-8 text; save it as UTF-8 JSON") from exc


def _fail(message: str) -> None:
    """Print 'Error: …' to stderr and exit with status 2."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)
