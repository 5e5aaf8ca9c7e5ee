"""Court performance measures, checked against small registers worked out by hand."""

from datetime import date, timedelta

import pytest

from court_cms.metrics.measures import (
    NO_DISPOSED,
    NO_HEARINGS,
    NO_INCOMING,
    NO_PENDING,
    NO_RESOLVED,
    NO_TRIALS,
    UNRECORDED,
    CaseFacts,
    HearingFacts,
    Period,
    adjournments,
    clearance_rate,
    disposition_time,
    pending_age,
    share,
    time_to_disposition,
    trial_date_certainty,
)

SUPREME = "SUPREME"
MAGISTRATE = "MAGISTRATE-BZ"
YEAR_2025 = Period(date(2025, 1, 1), date(2025, 12, 31))


def case(case_id, filed_on, disposed_on=None, court=SUPREME, **extra):
    """A case with the given dates."""
    return CaseFacts(case_id, court, filed_on, disposed_on, **extra)


def disposed_after(case_id, days, disposed_on=date(2025, 6, 30), court=SUPREME):
    """A case disposed `days` days after it was filed."""
    return CaseFacts(case_id, court, disposed_on - timedelta(days=days), disposed_on)


def aged(case_id, days, as_of, disposed_on=None):
    """A case filed `days` days before `as_of`."""
    return CaseFacts(case_id, SUPREME, as_of - timedelta(days=days), disposed_on)


# Clearance register, period = calendar 2025.
#   id  court       filed       disposed     incoming? outgoing?  pending 31 Dec 2025?
#   A1  SUPREME     2024-03-01  2025-02-01   no        yes        no
#   A2  SUPREME     2024-06-01  2025-05-01   no        yes        no
#   A3  SUPREME     2024-11-15  2025-01-01   no        yes (first day)  no
#   A4  SUPREME     2025-01-10  2025-03-10   yes       yes        no
#   A5  SUPREME     2025-02-01  2025-12-31   yes       yes (last day)   no
#   A6  SUPREME     2025-06-01  2025-09-01   yes       yes        no
#   A7  SUPREME     2025-12-31  -            yes (last day) no    yes
#   A8  SUPREME     2024-12-31  -            no (day before) no   yes
#   A9  SUPREME     2024-10-01  2026-01-01   no        no (day after)  yes
#   M1  MAGISTRATE  2025-04-01  2025-04-20   yes       yes        no
#   M2  MAGISTRATE  2025-05-01  -            yes       no         yes
# SUPREME: incoming 4 (A4-A7), outgoing 6 (A1-A6): 6 / 4 x 100 = 150 %.
# MAGISTRATE: incoming 2, outgoing 1: 50 %.  Both courts: 7 / 6 x 100 = 116.67 %.
REGISTER = [
    case("A1", date(2024, 3, 1), date(2025, 2, 1)),
    case("A2", date(2024, 6, 1), date(2025, 5, 1)),
    case("A3", date(2024, 11, 15), date(2025, 1, 1)),
    case("A4", date(2025, 1, 10), date(2025, 3, 10)),
    case("A5", date(2025, 2, 1), date(2025, 12, 31)),
    case("A6", date(2025, 6, 1), date(2025, 9, 1)),
    case("A7", date(2025, 12, 31)),
    case("A8", date(2024, 12, 31)),
    case("A9", date(2024, 10, 1), date(2026, 1, 1)),
    case("M1", date(2025, 4, 1), date(2025, 4, 20), court=MAGISTRATE),
    case("M2", date(2025, 5, 1), court=MAGISTRATE),
]


def test_clearance_rate_of_one_court():
    result = clearance_rate(REGISTER, YEAR_2025, court=SUPREME)
    assert (result.incoming, result.outgoing) == (4, 6)
    assert result.rate == pytest.approx(150.0)
    assert result.reason is None
    assert result.court == SUPREME


def test_clearance_rate_court_filter_and_all_courts():
    magistrate = clearance_rate(REGISTER, YEAR_2025, court=MAGISTRATE)
    assert (magistrate.incoming, magistrate.outgoing, magistrate.rate) == (2, 1, 50.0)
    everything = clearance_rate(REGISTER, YEAR_2025)
    assert (everything.incoming, everything.outgoing) == (6, 7)
    assert everything.rate == pytest.approx(116.6667, abs=1e-3)


def test_clearance_rate_without_incoming_cases_has_no_rate():
    # Only A1-A3 (filed 2024, disposed 2025): nothing came in, three went out.
    result = clearance_rate(REGISTER[:3], YEAR_2025)
    assert (result.incoming, result.outgoing, result.rate) == (0, 3, None)
    assert result.reason == NO_INCOMING
    assert clearance_rate(REGISTER, YEAR_2025, court="NO-SUCH-COURT").rate is None


# M3 register: seven cases disposed in 2025 after 30, 90, 91, 180, 200, 365 and 400 days.
#   within  90 days: 30, 90                    -> 2 of 7 = 28.57 %
#   within 180 days: 30, 90, 91, 180           -> 4 of 7 = 57.14 %
#   within 365 days: all but 400               -> 6 of 7 = 85.71 %
#   median of 30, 90, 91, [180], 200, 365, 400 -> 180
# Left out: D8 disposed 31 Dec 2024 (before the period) and D9, still open.
DISPOSED_ODD = [
    disposed_after(f"D{i}", days) for i, days in enumerate((30, 90, 91, 180, 200, 365, 400), 1)
] + [
    disposed_after("D8", 10, disposed_on=date(2024, 12, 31)),
    case("D9", date(2025, 1, 5)),
]


def test_time_to_disposition_shares_and_median_odd_count():
    result = time_to_disposition(DISPOSED_ODD, YEAR_2025)
    assert result.disposed == 7
    assert [s.days for s in result.standards] == [90, 180, 365]
    assert [(s.within.count, s.within.total) for s in result.standards] == [(2, 7), (4, 7), (6, 7)]
    assert [s.within.percent for s in result.standards] == pytest.approx(
        [28.571, 57.143, 85.714], abs=1e-3
    )
    assert result.median_days == 180
    assert result.reason is None


def test_time_to_disposition_median_even_count():
    # Add one case disposed after 500 days: eight cases, median = (180 + 200) / 2 = 190;
    # shares become 2/8 = 25 %, 4/8 = 50 %, 6/8 = 75 %.
    result = time_to_disposition(DISPOSED_ODD + [disposed_after("D10", 500)], YEAR_2025)
    assert result.disposed == 8
    assert result.median_days == 190
    assert [s.within.percent for s in result.standards] == [25.0, 50.0, 75.0]


def test_time_to_disposition_configurable_standards_and_court_filter():
    # Standard of 30 days: only the 30-day case -> 1 of 7.
    result = time_to_disposition(DISPOSED_ODD, YEAR_2025, standards=(30,))
    assert str(result.standards[0].within) == "1 of 7"
    # One magistrate case disposed after 60 days: it alone counts for that court.
    mixed = DISPOSED_ODD + [disposed_after("M1", 60, court=MAGISTRATE)]
    magistrate = time_to_disposition(mixed, YEAR_2025, court=MAGISTRATE)
    assert (magistrate.disposed, magistrate.median_days) == (1, 60)
    assert time_to_disposition(mixed, YEAR_2025, court=SUPREME).disposed == 7


def test_time_to_disposition_with_nothing_disposed():
    result = time_to_disposition(DISPOSED_ODD[7:], YEAR_2025)
    assert (result.disposed, result.median_days, result.reason) == (0, None, NO_DISPOSED)
    assert all(s.within.percent is None for s in result.standards)


def test_time_standards_must_increase():
    with pytest.raises(ValueError):
        time_to_disposition(DISPOSED_ODD, YEAR_2025, standards=(180, 90))
    with pytest.raises(ValueError):
        time_to_disposition(DISPOSED_ODD, YEAR_2025, standards=())


# M4 register, measured on 31 Dec 2025. Pending ages in days: 0, 45, 90, 91, 180, 181, 366,
# 730, 731 (nine cases; the 45-day case is disposed only in 2026, so still pending).
#   0-90:    0, 45, 90  -> 3 of 9 = 33.33 %     (90 is the last day of the first band)
#   91-180:  91, 180    -> 2 of 9 = 22.22 %     (91 opens the second)
#   181-365: 181        -> 1 of 9 = 11.11 %
#   366-730: 366, 730   -> 2 of 9 = 22.22 %
#   >730:    731        -> 1 of 9 = 11.11 %
# Left out: P10 filed the day after, P11 disposed on the measurement date, P12 disposed before.
AS_OF = date(2025, 12, 31)
PENDING = [
    aged("P1", 0, AS_OF),
    aged("P2", 45, AS_OF, disposed_on=date(2026, 1, 5)),
    aged("P3", 90, AS_OF),
    aged("P4", 91, AS_OF),
    aged("P5", 180, AS_OF),
    aged("P6", 181, AS_OF),
    aged("P7", 366, AS_OF),
    aged("P8", 730, AS_OF),
    aged("P9", 731, AS_OF),
    case("P10", date(2026, 1, 1)),
    aged("P11", 200, AS_OF, disposed_on=AS_OF),
    aged("P12", 300, AS_OF, disposed_on=date(2025, 6, 1)),
]


def test_pending_age_bands_with_boundary_days():
    result = pending_age(PENDING, AS_OF)
    assert result.pending == 9
    assert [b.label for b in result.bands] == ["0-90", "91-180", "181-365", "366-730", ">730"]
    assert [b.cases.count for b in result.bands] == [3, 2, 1, 2, 1]
    assert [b.cases.percent for b in result.bands] == pytest.approx(
        [33.333, 22.222, 11.111, 22.222, 11.111], abs=1e-3
    )
    assert (result.bands[1].low, result.bands[1].high) == (91, 180)
    assert (result.bands[-1].low, result.bands[-1].high) == (731, None)


def test_pending_age_configurable_bands_and_court_filter():
    # Bands 0-90 and >90: 3 and 6 of the nine.
    result = pending_age(PENDING, AS_OF, bands=(90,))
    assert [(b.label, b.cases.count) for b in result.bands] == [("0-90", 3), (">90", 6)]
    other = pending_age(PENDING, AS_OF, court=MAGISTRATE)
    assert (other.pending, other.reason) == (0, NO_PENDING)
    assert all(b.cases.count == 0 and b.cases.percent is None for b in other.bands)


# M5 register, period 2025. Tried and disposed in 2025 with 1, 1, 1, 2, 2, 3, 4 and 6 settings.
#   "1": 3 of 8 = 37.5 %, "2": 2 of 8 = 25 %, "3": 1 of 8 = 12.5 %, "4+": 2 of 8 = 25 %
#   one or two settings: 5 of 8 = 62.5 %;  mean = (1+1+1+2+2+3+4+6) / 8 = 20 / 8 = 2.5
# Left out: T9 tried in 2024, T10 disposed by plea after three settings, T11 still open,
# and T12 (tried, no setting recorded) which is counted as unrecorded.
TRIALS = [
    case(f"T{i}", date(2024, 1, 1), date(2025, 3, i), disposed_by_trial=True, trial_settings=n)
    for i, n in enumerate((1, 1, 1, 2, 2, 3, 4, 6), 1)
] + [
    case("T9", date(2023, 1, 1), date(2024, 12, 1), disposed_by_trial=True, trial_settings=1),
    case("T10", date(2024, 1, 1), date(2025, 5, 1), trial_settings=3),
    case("T11", date(2024, 1, 1), trial_settings=2),
    case("T12", date(2024, 1, 1), date(2025, 7, 1), disposed_by_trial=True),
]


def test_trial_date_certainty_distribution():
    result = trial_date_certainty(TRIALS, YEAR_2025)
    assert result.tried == 8
    assert {k: v.count for k, v in result.distribution.items()} == {
        "1": 3,
        "2": 2,
        "3": 1,
        "4+": 2,
    }
    assert [v.percent for v in result.distribution.values()] == [37.5, 25.0, 12.5, 25.0]
    assert (result.certain.count, result.certain.total, result.certain.percent) == (5, 8, 62.5)
    assert result.mean_settings == 2.5
    assert result.unrecorded == 1


def test_trial_date_certainty_without_trials():
    result = trial_date_certainty(TRIALS, YEAR_2025, court=MAGISTRATE)
    assert (result.tried, result.mean_settings, result.reason) == (0, None, NO_TRIALS)
    assert result.certain.percent is None
    assert list(result.distribution) == ["1", "2", "3", "4+"]


def test_trial_date_certainty_court_filter():
    # A magistrate trial set twice: alone in its court, 1 of 1 certain, mean 2.
    mixed = TRIALS + [
        case(
            "MT",
            date(2025, 1, 1),
            date(2025, 8, 1),
            court=MAGISTRATE,
            disposed_by_trial=True,
            trial_settings=2,
        )
    ]
    result = trial_date_certainty(mixed, YEAR_2025, court=MAGISTRATE)
    assert (result.tried, result.mean_settings, str(result.certain)) == (1, 2, "1 of 1")
    assert trial_date_certainty(mixed, YEAR_2025).tried == 9


def test_cepej_disposition_time_worked_example():
    # SUPREME in the clearance register: pending on 31 Dec 2025 = A7, A8, A9 (3);
    # resolved in 2025 = A1-A6 (6).  365 x 3 / 6 = 182.5 days.
    result = disposition_time(REGISTER, YEAR_2025, court=SUPREME)
    assert (result.pending_at_end, result.resolved) == (3, 6)
    assert result.days == pytest.approx(182.5)
    # MAGISTRATE: M2 pending, M1 resolved: 365 x 1 / 1 = 365 days.
    assert disposition_time(REGISTER, YEAR_2025, court=MAGISTRATE).days == 365
    # Both courts: 365 x 4 / 7 = 208.57 days.
    assert disposition_time(REGISTER, YEAR_2025).days == pytest.approx(208.571, abs=1e-3)


def test_cepej_disposition_time_without_resolved_cases():
    # A7, A8, A9 alone: three pending, none resolved in 2025.
    result = disposition_time(REGISTER[6:9], YEAR_2025)
    assert (result.pending_at_end, result.resolved, result.days) == (3, 0, None)
    assert result.reason == NO_RESOLVED


# Hearings, period = first quarter of 2025.
#   SUPREME: ten hearings in the quarter, four held and six adjourned:
#     reasons  WITNESS_ABSENT x3, COUNSEL_UNAVAILABLE x2, not recorded x1
#     sides    PROSECUTION x3, DEFENCE x2, COURT x1
#   rate 6 / 10 = 60 %; reasons 3/6 = 50 %, 2/6 = 33.33 %, 1/6 = 16.67 %
#   MAGISTRATE: two hearings, one adjourned (JUDGE_ILL, COURT): 50 %.
#   Outside the quarter: 31 Dec 2024 and 1 Apr 2025 are left out.
Q1 = Period(date(2025, 1, 1), date(2025, 3, 31))


def hearing(case_id, day, outcome, reason=None, side=None, court=SUPREME):
    """A hearing listed on the given day."""
    return HearingFacts(case_id, court, day, outcome, reason, side)


HEARINGS = [
    hearing("H1", date(2025, 1, 1), "adjourned", "WITNESS_ABSENT", "PROSECUTION"),
    hearing("H2", date(2025, 1, 15), "adjourned", "WITNESS_ABSENT", "PROSECUTION"),
    hearing("H3", date(2025, 2, 3), "adjourned", "WITNESS_ABSENT", "DEFENCE"),
    hearing("H4", date(2025, 2, 10), "adjourned", "COUNSEL_UNAVAILABLE", "DEFENCE"),
    hearing("H5", date(2025, 3, 3), "adjourned", "COUNSEL_UNAVAILABLE", "PROSECUTION"),
    hearing("H6", date(2025, 3, 31), "adjourned", None, "COURT"),
    hearing("H7", date(2025, 1, 20), "held"),
    hearing("H8", date(2025, 2, 20), "held"),
    hearing("H9", date(2025, 3, 10), "held"),
    hearing("H10", date(2025, 3, 20), "held"),
    hearing("H11", date(2025, 4, 1), "adjourned", "WITNESS_ABSENT", "DEFENCE"),
    hearing("H12", date(2024, 12, 31), "held"),
    hearing("MH1", date(2025, 2, 1), "adjourned", "JUDGE_ILL", "COURT", court=MAGISTRATE),
    hearing("MH2", date(2025, 2, 8), "held", court=MAGISTRATE),
]


def test_adjournments_by_reason_and_side():
    result = adjournments(HEARINGS, Q1, court=SUPREME)
    assert (result.hearings, result.adjourned) == (10, 6)
    assert (str(result.rate), result.rate.percent) == ("6 of 10", 60.0)
    assert list(result.by_reason) == ["WITNESS_ABSENT", "COUNSEL_UNAVAILABLE", UNRECORDED]
    assert [s.count for s in result.by_reason.values()] == [3, 2, 1]
    assert [s.percent for s in result.by_reason.values()] == pytest.approx(
        [50.0, 33.333, 16.667], abs=1e-3
    )
    assert {k: str(v) for k, v in result.by_side.items()} == {
        "PROSECUTION": "3 of 6",
        "DEFENCE": "2 of 6",
        "COURT": "1 of 6",
    }


def test_adjournments_court_filter_and_all_courts():
    magistrate = adjournments(HEARINGS, Q1, court=MAGISTRATE)
    assert (magistrate.hearings, magistrate.adjourned, magistrate.rate.percent) == (2, 1, 50.0)
    assert list(magistrate.by_reason) == ["JUDGE_ILL"]
    # Both courts: 7 adjourned of 12; COURT is now responsible for 2 of the 7.
    everything = adjournments(HEARINGS, Q1)
    assert str(everything.rate) == "7 of 12"
    assert str(everything.by_side["COURT"]) == "2 of 7"


def test_adjournments_without_hearings_or_without_adjournments():
    empty = adjournments(HEARINGS, Period(date(2026, 1, 1), date(2026, 3, 31)))
    assert (empty.hearings, empty.rate.percent, empty.reason) == (0, None, NO_HEARINGS)
    assert empty.by_reason == {} and empty.by_side == {}
    # H7-H10 were all held: 0 of 4 adjourned, a rate of 0 % and nothing to split.
    held = adjournments(HEARINGS[6:10], Q1)
    assert (str(held.rate), held.rate.percent, held.by_reason) == ("0 of 4", 0.0, {})


def test_period_bounds_are_inclusive():
    assert date(2025, 1, 1) in YEAR_2025 and date(2025, 12, 31) in YEAR_2025
    assert date(2026, 1, 1) not in YEAR_2025 and None not in YEAR_2025


def test_impossible_facts_are_refused():
    with pytest.raises(ValueError):
        Period(date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(ValueError):
        case("X", date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(ValueError):
        hearing("X", date(2025, 1, 1), "vacated")


def test_share_with_zero_total():
    assert share(0, 0).percent is None
    assert str(share(42, 57)) == "42 of 57"
