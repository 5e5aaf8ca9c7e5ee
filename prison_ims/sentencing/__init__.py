"""Sentencing: release-date engine (SED/ERD with working) and its configurable policy."""

from prison_ims.sentencing.engine import calculate, parse_case
from prison_ims.sentencing.parsing import SentencingError
from prison_ims.sentencing.settings import SentencingPolicy

__all__ = ["SentencingError", "SentencingPolicy", "calculate", "parse_case"]
