"""Remand delay attribution: each remand day goes to the hearing interval it falls in."""

from datetime import date

from common.extensions import db
from common.flows.attribution import attribute, episode_days
from common.flows.refs import HearingStep, RemandEpisode
from common.flows.services import remand_delay_summary
from tests.common.flows.story import remand_story
from tests.court_cms.helpers import court

SC = 1


def step(day, outcome, reason=None, side=None, court_id=SC):
    return HearingStep(day, 7, court_id, "Supreme Court", outcome, reason, side)


MARCH_HISTORY = [
    step(date(2026, 3, 10), "ADJOURNED", "Prosecution not ready", "Prosecution"),
    step(date(2026, 3, 31), "ADJOURNED", "Awaiting forensic report", "Forensic laboratory"),
    step(date(2026, 4, 15), "ADJOURNED", "Accused not produced from prison", "Prison"),
    step(date(2026, 5, 20), "SCHEDULED"),
]


def by_reason(days):
    out = {}
    for (_court, reason, _side), n in days.items():
        out[reason] = out.get(reason, 0) + n
    return out


def test_each_day_goes_to_the_interval_it_falls_in():
    # Remanded 1 Mar, report on 30 Apr (days up to 29 Apr count: 60 days).
    # 1-9 Mar: before the first hearing                    ->  9 days
    # 10-30 Mar: 10 Mar adjournment, prosecution not ready ->  21 days
    # 31 Mar-14 Apr: 31 Mar adjournment, forensic report   ->  15 days
    # 15-29 Apr: 15 Apr adjournment, accused not produced  ->  15 days (next hearing 20 May)
    episode = RemandEpisode(1, "Marvin Castillo", "BCP-2026-00001", date(2026, 3, 1), None)
    days = episode_days(episode, MARCH_HISTORY, end=date(2026, 4, 30))
    assert by_reason(days) == {
        "Awaiting first hearing": 9,
        "Prosecution not ready": 21,
        "Awaiting forensic report": 15,
        "Accused not produced from prison": 15,
    }
    assert days[(SC, "Awaiting forensic report", "Forensic laboratory")] == 15


def test_a_period_counts_only_its_own_days():
    # Period 1-29 Apr: 31 Mar adjournment owns 1-14 Apr (14 days), 15 Apr owns 15-29 Apr (15).
    episode = RemandEpisode(1, "M", "B", date(2026, 3, 1), None)
    days = episode_days(episode, MARCH_HISTORY, start=date(2026, 4, 1), end=date(2026, 4, 30))
    assert by_reason(days) == {
        "Awaiting forensic report": 14,
        "Accused not produced from prison": 15,
    }


def test_after_a_held_hearing_with_nothing_listed_the_days_are_unscheduled():
    # Remanded 1 May; mention held 5 May, then trial listed 12 May and held; nothing after.
    # 1-4 May: awaiting first hearing (4); 5-11 May: held, case continuing (7);
    # 12-31 May (release on 31 May, inclusive): awaiting next hearing / unscheduled (20).
    history = [step(date(2026, 5, 5), "HELD"), step(date(2026, 5, 12), "HELD")]
    days = attribute(date(2026, 5, 1), date(2026, 5, 31), history)
    assert by_reason(days) == {
        "Awaiting first hearing": 4,
        "Hearing held, case continuing": 7,
        "Awaiting next hearing / unscheduled": 20,
    }


def test_a_person_without_any_hearing_is_reported_as_such():
    days = attribute(date(2026, 1, 1), date(2026, 1, 10), [])
    assert by_reason(days) == {"No court hearing on record": 10}


def test_an_ended_episode_stops_on_its_last_day():
    # Remanded 1 Mar, released 20 Mar: 1-9 Mar before the first hearing, 10-20 Mar (11 days)
    # on the prosecution's adjournment; nothing after the release, whatever the period end.
    episode = RemandEpisode(1, "M", "B", date(2026, 3, 1), date(2026, 3, 20))
    days = episode_days(episode, MARCH_HISTORY, end=date(2026, 6, 1))
    assert by_reason(days) == {"Awaiting first hearing": 9, "Prosecution not ready": 11}


def test_summary_from_the_real_records_of_the_three_systems(app):
    # The same history, recorded through the prison, lab and court services.
    with app.app_context():
        remand_story()
        db.session.commit()
        summary = remand_delay_summary(end=date(2026, 4, 30))
        assert summary["total"] == 60
        assert summary["episodes"] == 1
        assert summary["by_reason"] == {
            "Prosecution not ready": 21,
            "Awaiting forensic report": 15,
            "Accused not produced from prison": 15,
            "Awaiting first hearing": 9,
        }
        assert summary["by_side"] == {
            "Prosecution": 21,
            "Forensic laboratory": 15,
            "Prison": 15,
            "Not an adjournment": 9,
        }
        supreme = remand_delay_summary(court=court("SC").id, end=date(2026, 4, 30))
        assert supreme["total"] == 60
        elsewhere = remand_delay_summary(court=court("MCBZ").id, end=date(2026, 4, 30))
        assert elsewhere["total"] == 0 and elsewhere["episodes"] == 0
        april = remand_delay_summary(start=date(2026, 4, 1), end=date(2026, 4, 30))
        assert april["total"] == 29


def test_hearings_of_a_case_closed_before_the_remand_do_not_count():
    # A 2024 case disposed on 1 Jun 2024 has nothing to do with a remand from 1 Mar 2026:
    # only the 2026 case's hearings attribute its days (9 days awaiting its first hearing,
    # then 22 (10-31 Mar) on the prosecution's adjournment, to the period end of 31 Mar).
    from common.flows.services import cases_open_during

    old = HearingStep(
        date(2024, 5, 2),
        3,
        SC,
        "SC",
        "HELD",
        case_filed_on=date(2024, 1, 5),
        case_disposed_on=date(2024, 6, 1),
    )
    current = [
        HearingStep(
            date(2026, 3, 10),
            7,
            SC,
            "SC",
            "ADJOURNED",
            "Prosecution not ready",
            "Prosecution",
            case_filed_on=date(2026, 3, 2),
        ),
    ]
    episode = RemandEpisode(1, "M", "B", date(2026, 3, 1), None)
    steps = cases_open_during(episode, [old, *current], date(2026, 4, 1))
    assert steps == current
    days = episode_days(episode, steps, end=date(2026, 4, 1))
    assert by_reason(days) == {"Awaiting first hearing": 9, "Prosecution not ready": 22}
