"""Sentencing policy settings and their defaults."""

from fractions import Fraction

import pytest

from prison_ims.sentencing.settings import DEFAULT_POLICY, SentencingPolicy


def test_documented_defaults():
    assert DEFAULT_POLICY.remission_fraction == Fraction(1, 3)
    assert DEFAULT_POLICY.remission_min_term_days == 31
    assert DEFAULT_POLICY.remission_floor_days == 31


def test_policy_is_frozen():
    with pytest.raises(AttributeError):
        DEFAULT_POLICY.remission_min_term_days = 10


@pytest.mark.parametrize("value", ["1/4", 0.25, Fraction(1, 4)])
def test_from_mapping_reads_fractions(value):
    policy = SentencingPolicy.from_mapping({"remission_fraction": value})
    assert policy.remission_fraction == Fraction(1, 4)


def test_from_mapping_empty_gives_defaults():
    assert SentencingPolicy.from_mapping(None) == DEFAULT_POLICY


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"remission_fracton": "1/3"}, "Unknown sentencing setting"),
        ({"remission_fraction": "a third"}, "is not a fraction"),
        ({"remission_fraction": "1/0"}, "is not a fraction"),
        ({"remission_fraction": True}, "must be a fraction"),
        ({"remission_fraction": "3/2"}, "less than 1"),
        ({"remission_min_term_days": -1}, "whole number of days"),
        ({"remission_floor_days": 2.5}, "whole number of days"),
    ],
)
def test_bad_settings_are_refused(values, message):
    with pytest.raises(ValueError, match=message):
        SentencingPolicy.from_mapping(values)
