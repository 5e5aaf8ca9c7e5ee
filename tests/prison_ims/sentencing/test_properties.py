"""Release-date engine: properties that must hold for any valid case."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prison_ims.sentencing import calculate
from prison_ims.sentencing.engine import add_term

START = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def terms(draw):
    """A non-empty term: years, months and days."""
    years = draw(st.integers(0, 25))
    months = draw(st.integers(0, 30))
    days = draw(st.integers(0, 400))
    if not (years or months or days):
        days = draw(st.integers(1, 400))
    return {"years": years, "months": months, "days": days}


@st.composite
def sentence_lists(draw, max_size=5):
    """Determinate sentences, each either concurrent or consecutive to an earlier one."""
    count = draw(st.integers(1, max_size))
    sentences = []
    for index in range(count):
        follows = draw(st.sampled_from([None] + [s["id"] for s in sentences])) if index else None
        sentences.append(
            {
                "id": f"S{index}",
                "start": draw(START).isoformat(),
                **draw(terms()),
                "consecutive_to": follows,
            }
        )
    return sentences


REMAND = st.integers(0, 3000)
FORFEITED = st.integers(0, 500)


def iso(value):
    """date from ISO text."""
    return date.fromisoformat(value)


@settings(max_examples=200, deadline=None)
@given(sentence_lists(), REMAND, FORFEITED)
def test_erd_never_after_sed(sentences, remand, forfeited):
    result = calculate(
        {"sentences": sentences, "remand_days": remand, "forfeited_remission_days": forfeited}
    )
    sed, erd = iso(result["sentence_expiry_date"]), iso(result["earliest_release_date"])
    assert erd <= sed + timedelta(days=remand)
    for chain in result["chains"]:
        chain_sed, chain_erd = (
            iso(chain["sentence_expiry_date"]),
            iso(chain["earliest_release_date"]),
        )
        start = iso(chain["start"])
        # Remand longer than the term puts the SED before the start; release is then the start.
        assert chain_erd <= chain_sed or (chain_erd == start and chain_sed < start)
    if all(remand < chain["term_days"] for chain in result["chains"]):
        assert erd <= sed


@settings(max_examples=200, deadline=None)
@given(sentence_lists(), REMAND, REMAND, FORFEITED)
def test_more_remand_never_makes_release_later(sentences, first, second, forfeited):
    less, more = sorted((first, second))
    erd = {
        remand: calculate(
            {"sentences": sentences, "remand_days": remand, "forfeited_remission_days": forfeited}
        )["earliest_release_date"]
        for remand in (less, more)
    }
    assert iso(erd[more]) <= iso(erd[less])


@settings(max_examples=200, deadline=None)
@given(START, st.lists(terms(), min_size=1, max_size=4), REMAND, FORFEITED)
def test_consecutive_never_earlier_than_concurrent(start, term_list, remand, forfeited):
    concurrent = [
        {"id": f"S{i}", "start": start.isoformat(), **term} for i, term in enumerate(term_list)
    ]
    consecutive = [
        {**s, "consecutive_to": f"S{i - 1}" if i else None} for i, s in enumerate(concurrent)
    ]
    extra = {"remand_days": remand, "forfeited_remission_days": forfeited}
    apart = calculate({"sentences": concurrent, **extra})
    together = calculate({"sentences": consecutive, **extra})
    for key in ("earliest_release_date", "sentence_expiry_date"):
        assert iso(together[key]) >= iso(apart[key])


@settings(max_examples=200, deadline=None)
@given(sentence_lists(), REMAND, FORFEITED)
def test_release_never_before_earliest_chain_start(sentences, remand, forfeited):
    result = calculate(
        {"sentences": sentences, "remand_days": remand, "forfeited_remission_days": forfeited}
    )
    starts = [iso(chain["start"]) for chain in result["chains"]]
    assert iso(result["earliest_release_date"]) >= min(starts)
    for chain in result["chains"]:
        assert iso(chain["earliest_release_date"]) >= iso(chain["start"])


@settings(max_examples=300, deadline=None)
@given(START, terms())
def test_add_term_matches_relativedelta(start, term):
    relativedelta = pytest.importorskip("dateutil.relativedelta").relativedelta
    assert add_term(start, **term) == start + relativedelta(**term)
