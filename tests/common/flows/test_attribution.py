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
