"""Release-date engine: worked examples checked by hand, and validation messages."""

from datetime import date

import pytest

from prison_ims.sentencing import SentencingError, SentencingPolicy, calculate, parse_case
from prison_ims.sentencing.engine import add_term


def sentence(ident="A", start="2024-01-10", **fields):
    """A sentence dict with the given fields."""
    return {"id": ident, "start": start, **fields}


def case(*sentences, remand=0, forfeited=0):
    """A case dict."""
    return {
        "sentences": list(sentences),
        "remand_days": remand,
        "forfeited_remission_days": forfeited,
    }


def dates(result):
    """(SED, ERD, term_days, remission_days) of a result."""
    return (
        result["sentence_expiry_date"],
        result["earliest_release_date"],
        result["term_days"],
        result["remission_days"],
    )


# --- calendar arithmetic ------------------------------------------------------------------


def test_add_term_clamps_once_then_adds_days():
    # 2024-01-31 + 1 month: 31 Feb does not exist -> 29 Feb 2024 (leap year).
    assert add_term(date(2024, 1, 31), months=1) == date(2024, 2, 29)
    assert add_term(date(2023, 1, 31), months=1) == date(2023, 2, 28)
    # 2020-02-29 + 3 years 6 months = 42 months -> 29 Aug 2023 (the day exists).
    assert add_term(date(2020, 2, 29), years=3, months=6) == date(2023, 8, 29)
    # 2020-02-29 + 1 year -> 28 Feb 2021, then + 1 day -> 1 Mar 2021.
    assert add_term(date(2020, 2, 29), years=1, days=1) == date(2021, 3, 1)
    # 2024-11-30 + 3 months -> 30 Feb 2025 does not exist -> 28 Feb 2025.
    assert add_term(date(2024, 11, 30), months=3) == date(2025, 2, 28)


# --- worked examples ----------------------------------------------------------------------


def test_simple_term_with_remand():
    # Start 10 Jan 2024, 2 years 6 months: 10 Jan 2024 + 30 months = 10 Jul 2026, less 1 day:
    # raw SED 9 Jul 2026. Term = 366 (2024) + 365 (2025) + 181 (Jan-Jul 2026) = 912 days.
    # Remission floor(912 / 3) = 304. Remand 120: SED 9 Jul 2026 - 120 = 11 Mar 2026.
    # ERD 9 Jul 2026 - 304 - 120 = 11 Mar 2026 - 304 = 11 May 2025.
    result = calculate(case(sentence(years=2, months=6), remand=120))
    assert dates(result) == ("2026-03-11", "2025-05-11", 912, 304)
    assert result["remand_days"] == 120
    assert result["forfeited_remission_days"] == 0
    assert "10 Jan 2024 + 2 years 6 months = 10 Jul 2026" in result["working"][1]


def test_month_end_start():
    # 31 Jan 2024 + 1 month -> 29 Feb 2024 (clamped), less 1 day: SED 28 Feb 2024.
    # Term 28 Feb - 31 Jan + 1 = 29 days: 31 days or less, so no remission; ERD = SED.
    result = calculate(case(sentence(start="2024-01-31", months=1)))
    assert dates(result) == ("2024-02-28", "2024-02-28", 29, 0)
    assert any("day 31 does not exist" in line for line in result["working"])


def test_leap_day_start():
    # 29 Feb 2020 + 3 years 6 months = 29 Aug 2023, less 1 day: SED 28 Aug 2023.
    # Term: 1095 days to 28 Feb 2023 + 182 days to 29 Aug 2023 = 1277 days.
    # Remission floor(1277 / 3) = 425. ERD 28 Aug 2023 - 425 = 28 Aug 2022 - 60 = 29 Jun 2022.
    result = calculate(case(sentence(start="2020-02-29", years=3, months=6)))
    assert dates(result) == ("2023-08-28", "2022-06-29", 1277, 425)


def test_concurrent_chain_controls_over_consecutive_chain():
    # A 2y from 10 Jan 2024: SED 9 Jan 2026. B (6m) consecutive to A starts 10 Jan 2026,
    # its own start date ignored: SED 9 Jul 2026. Chain A-B: 912 days, remission 304,
    # ERD 9 Jul 2026 - 304 = 8 Sep 2025.
    # C 3y concurrent from 10 Jan 2024: SED 9 Jan 2027, term 1096, remission 365,
    # ERD 9 Jan 2027 - 365 = 9 Jan 2026. C has the later ERD and SED: C controls.
    result = calculate(
        case(
            sentence("A", years=2),
            sentence("B", months=6, consecutive_to="A"),
            sentence("C", years=3),
        )
    )
    assert dates(result) == ("2027-01-09", "2026-01-09", 1096, 365)
    chains = {tuple(c["sentences"]): c for c in result["chains"]}
    assert chains[("A", "B")]["earliest_release_date"] == "2025-09-08"
    assert chains[("A", "B")]["sentence_expiry_date"] == "2026-07-09"
    assert chains[("C",)]["controlling"] is True
    assert any("own start date 10 Jan 2024 is ignored" in line for line in result["working"])


def test_consecutive_chain_controls_over_concurrent_chain():
    # A 2y + B 2y consecutive (no start given): 10 Jan 2024 to SED 9 Jan 2028, 1461 days,
    # remission 487, ERD 9 Jan 2028 - 487 = 9 Jan 2027 - 122 = 9 Sep 2026.
    # C 3y concurrent: ERD 9 Jan 2026 (above). A-B controls; SED 9 Jan 2028.
    result = calculate(
        case(
            sentence("A", years=2),
            {"id": "B", "years": 2, "consecutive_to": "A"},
            sentence("C", years=3),
        )
    )
    assert dates(result) == ("2028-01-09", "2026-09-09", 1461, 487)
    assert [c["controlling"] for c in result["chains"]] == [True, False]


def test_two_sentences_following_the_same_one_make_two_chains():
    # B (1y) and C (2y) both follow A (1y from 10 Jan 2024, SED 9 Jan 2025).
    # A-B: SED 9 Jan 2026; A-C: SED 9 Jan 2027, which controls.
    result = calculate(
        case(
            sentence("A", years=1),
            {"id": "B", "years": 1, "consecutive_to": "A"},
            {"id": "C", "years": 2, "consecutive_to": "A"},
        )
    )
    assert [c["sentences"] for c in result["chains"]] == [["A", "B"], ["A", "C"]]
    assert result["sentence_expiry_date"] == "2027-01-09"


def test_remand_longer_than_term():
    # 1 Mar 2024 + 2 months: SED 30 Apr 2024; term 61 days; remission floor(61/3) = 20.
    # Remand 90: SED 30 Apr 2024 - 90 = 31 Jan 2024 (before the start).
    # ERD 30 Apr - 20 - 90 = 11 Jan 2024, earlier than the start: clamped to 1 Mar 2024.
    result = calculate(case(sentence(start="2024-03-01", months=2), remand=90))
    assert dates(result) == ("2024-01-31", "2024-03-01", 61, 20)
    assert any("release is due at once" in line for line in result["working"])


def test_term_of_31_days_earns_no_remission():
    # 1 Jun 2024 + 31 days = 2 Jul 2024, less 1 day: SED 1 Jul 2024; term 31: no remission.
    result = calculate(case(sentence(start="2024-06-01", days=31)))
    assert dates(result) == ("2024-07-01", "2024-07-01", 31, 0)


def test_term_just_over_31_days_never_released_earlier_than_31_days():
    # 32 days from 1 Jun 2024: SED 2 Jul 2024. floor(32/3) = 10 would release on day 22,
    # before a 31-day term; the default floor keeps 31 days served: remission 1, ERD 1 Jul.
    result = calculate(case(sentence(start="2024-06-01", days=32)))
    assert dates(result) == ("2024-07-02", "2024-07-01", 32, 1)
    # With the floor set to 0, the plain fraction applies: ERD 2 Jul - 10 = 22 Jun 2024.
    plain = SentencingPolicy(remission_floor_days=0)
    result = calculate(case(sentence(start="2024-06-01", days=32)), plain)
    assert dates(result) == ("2024-07-02", "2024-06-22", 32, 10)


def test_forfeited_remission_moves_release_later():
    # As the simple example, ERD 11 May 2025; 30 days forfeited: 10 Jun 2025.
    result = calculate(case(sentence(years=2, months=6), remand=120, forfeited=30))
    assert dates(result) == ("2026-03-11", "2025-06-10", 912, 304)
    assert result["forfeited_remission_days"] == 30


def test_forfeited_remission_is_capped_at_remission():
    # 10 Jan 2024 + 3 months: SED 9 Apr 2024; term 31 + 29 + 31 = 91 days; remission 30.
    # 50 days forfeited is capped at 30: ERD = SED = 9 Apr 2024.
    result = calculate(case(sentence(months=3), forfeited=50))
    assert dates(result) == ("2024-04-09", "2024-04-09", 91, 30)
    assert result["forfeited_remission_days"] == 30
    assert any("capped at this chain's remission of 30 days" in r for r in result["working"])


def test_life_sentence_has_no_dates():
    result = calculate(
        case(
            sentence("A", life=True),
            sentence("B", years=2),
            {"id": "D", "years": 1, "consecutive_to": "A"},
            forfeited=5,
        )
    )
    assert dates(result) == (None, None, None, 0)
    assert result["forfeited_remission_days"] == 0
    assert any(
        "life sentence" in line and "no sentence expiry" in line for line in result["working"]
    )
    assert [c["life"] for c in result["chains"]] == [True, False]


def test_custom_policy_fraction():
    # 912-day term (simple example) with one half remission: 456 days.
    policy = SentencingPolicy.from_mapping({"remission_fraction": "1/2"})
    result = calculate(case(sentence(years=2, months=6)), policy)
    assert result["remission_days"] == 456
    assert "1/2 of the term" in result["working"][0]


# --- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be a JSON object"),
        ({}, "no 'sentences' field"),
        ({"sentences": []}, "add at least one sentence"),
        ({"sentences": "A"}, "must be a list"),
        (case(sentence(years=0)), "Sentence A: has no term"),
        (case(sentence(years=-1)), "Sentence A: years must not be negative"),
        (case(sentence(months=1.5)), "months must be a whole number"),
        (case(sentence(years=1, life=True)), "a life sentence has no term"),
        (case(sentence(years=1, life="yes")), "life must be true or false"),
        (case(sentence(years=1), sentence("A", years=2)), "'A' is used by more than one"),
        (
            case(sentence(years=1), sentence("B", years=1, consecutive_to="X")),
            "Sentence B: consecutive_to 'X' does not name a sentence in this calculation",
        ),
        (case(sentence(years=1, consecutive_to="A")), "names the sentence itself"),
        (
            case(
                sentence("A", years=1, consecutive_to="C"),
                sentence("B", years=1, consecutive_to="A"),
                sentence("C", years=1, consecutive_to="B"),
            ),
            "A → C → B → A are consecutive to each other in a loop",
        ),
        (case(sentence(start="2024-02-30", years=1)), "'2024-02-30' is not a valid date"),
        (case(sentence(start="10/01/2024", years=1)), "write it as YYYY-MM-DD"),
        (case(sentence(start="20240110", years=1)), "is not a valid date"),
        (case({"id": "A", "years": 1}), "Sentence A: 'start' is missing"),
        (case({"start": "2024-01-10", "years": 1}), "Sentence 1: 'id' is missing"),
        (case(sentence(years=1), remand=-5), "remand_days must not be negative"),
        (case(sentence(years=1), forfeited=-1), "forfeited_remission_days must not be negative"),
        (case(sentence(years=1, consecutiveTo="B")), "unknown field(s) 'consecutiveTo'"),
        ({**case(sentence(years=1)), "remand": 3}, "The case: unknown field(s) 'remand'"),
        (case("A"), "Sentence 1: must be an object"),
        (case(sentence(years=9000)), "past the year 9999"),
        (case(sentence(start="0001-01-05", years=1), remand=800), "leaves the calendar"),
    ],
)
def test_invalid_cases_explain_the_problem(data, message):
    with pytest.raises(SentencingError) as caught:
        calculate(data)
    assert message in str(caught.value)


def test_sentencing_error_is_a_value_error():
    assert issubclass(SentencingError, ValueError)


def test_parse_case_defaults_and_normalises():
    parsed = parse_case(
        {"sentences": [{"id": 7, "start": "2024-01-10", "days": 40.0, "consecutive_to": ""}]}
    )
    only = parsed.sentences[0]
    assert (only.id, only.days, only.consecutive_to, only.life) == ("7", 40, None, False)
    assert (parsed.remand_days, parsed.forfeited_remission_days) == (0, 0)


def test_calculate_accepts_a_parsed_case():
    parsed = parse_case(case(sentence(years=2, months=6), remand=120))
    assert calculate(parsed)["earliest_release_date"] == "2025-05-11"
