"""Remand tracking: days rebuilt from a hand-made history, alarms, court dates, screens."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from prison_ims.admissions.services import change_legal_status
from prison_ims.movements.services import custody_rows, record_movement
from prison_ims.remand.models import CourtDate
from prison_ims.remand.services import (
    RemandError,
    count_days,
    remand_alarms,
    remand_alarms_now,
    remand_days_for_admission,
    remand_days_for_person,
    remand_register,
    schedule_court_date,
)
from prison_ims.times import belize_date, now_utc
from tests.conftest import csrf_from, login
from tests.prison_ims.helpers import admit

DAY = timedelta(days=1)


@pytest.fixture
def app_config(app_config):
    app_config.update(
        PRISON_ADMISSION_BACKDATE_DAYS=5000,
        PRISON_REMAND_LIMIT_DAYS=20,
        PRISON_LIKELY_SENTENCE_DAYS={},
        PRISON_LIKELY_SENTENCE_DEFAULT_DAYS=10,
    )
    return app_config


def test_count_days_counts_each_belize_day_once():
    now = now_utc()
    assert count_days([]) == 0
    assert count_days([(now - 2 * DAY, now)]) == 3
    assert count_days([(now - 2 * DAY, now), (now - DAY, now)]) == 3


def test_days_on_remand_leave_out_escapes_and_sentenced_time(app):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        a = admit(admitted_at=now - 10 * DAY)
        assert remand_days_for_admission(a.id) == 11
        record_movement(a, "CRT", now - 9 * DAY, place="Belize Magistrate's Court")
        record_movement(a, "RET", now - 9 * DAY + timedelta(hours=5))
        record_movement(a, "ESC", now - 8 * DAY)
        record_movement(a, "RET", now - 6 * DAY, reason="recaptured")
        assert remand_days_for_admission(a.id) == 3 + 7
        change_legal_status(a, "SENTENCED", "Sentenced", a.version, at=now - 4 * DAY)
        assert remand_days_for_admission(a.id) == 3 + 3
        assert remand_days_for_admission(a.id, until=now - 7 * DAY) == 3


def test_days_on_remand_per_person_add_up_the_admissions(app):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        first = admit(admitted_at=now - 30 * DAY)
        record_movement(first, "REL", now - 20 * DAY, reason="bail")
        second = admit(first.person.public_id, admitted_at=now - 5 * DAY)
        assert second.person_id == first.person_id
        assert remand_days_for_admission(first.id) == 11
        assert remand_days_for_admission(second.id) == 6
        assert remand_days_for_person(first.person_id) == 17


def test_alarms_over_the_limit_and_the_likely_sentence(app):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        long = admit(admitted_at=now - 25 * DAY)
        short = admit(given_name="Omar", surname="Bol", admitted_at=now - 5 * DAY)
        sentenced = admit(given_name="Lisa", surname="Young", admitted_at=now - 40 * DAY)
        change_legal_status(sentenced, "SENTENCED", "Sentenced", 1, at=now - 30 * DAY)
        schedule_court_date(short, belize_date(now) + 3 * DAY, "Supreme Court", "trial")
        schedule_court_date(short, belize_date(now) + DAY, "Supreme Court", "mention")
        rows = remand_register()
        assert [r["admission"].id for r in rows] == [long.id, short.id]
        assert [(r["days"], r["over_limit"], r["over_likely"]) for r in rows] == [
            (26, True, True),
            (6, False, False),
        ]
        assert rows[1]["next_court"].purpose == "mention"
        assert remand_alarms(rows) == {
            "remand": 2,
            "over_limit": 1,
            "over_likely": 1,
            "no_court_date": 1,
            "limit_days": 20,
        }
        assert remand_alarms_now() == remand_alarms(rows)
        assert remand_alarms_now(now, custody_rows(now)) == remand_alarms(rows)  # the home page
        record_movement(long, "REL", now - DAY, reason="bail")
        assert (
            remand_alarms_now()
            == remand_alarms(remand_register())
            == {
                "remand": 1,
                "over_limit": 0,
                "over_likely": 0,
                "no_court_date": 0,
                "limit_days": 20,
            }
        )


def test_home_page_alarms_agree_with_the_register_around_the_shortest_threshold(app):
    """The home page counts remand days only for admissions older than the shortest
    threshold (here the likely sentence, 10 days): either side of it, the same counts."""
    now = now_utc()
    with app.app_context(), acting_as("test"):
        for n, days_ago in enumerate((8, 9, 10, 11, 12, 21, 22)):
            admit(given_name=f"Remand{n}", surname="Test", admitted_at=now - days_ago * DAY)
        rows = remand_register()
        assert remand_alarms_now() == remand_alarms(rows)
        assert remand_alarms(rows)["over_likely"] == sum(r["days"] > 10 for r in rows) > 0
        assert remand_alarms(rows)["over_limit"] == sum(r["days"] > 20 for r in rows) > 0


def test_court_date_refusals(app):
    with app.app_context(), acting_as("test"):
        a = admit()
        today = belize_date(now_utc())
        with pytest.raises(RemandError, match="has passed"):
            schedule_court_date(a, today - DAY, "Supreme Court")
        with pytest.raises(RemandError, match="Name the court"):
            schedule_court_date(a, today + DAY, " ")
        schedule_court_date(a, today + DAY, "Supreme Court")
        with pytest.raises(RemandError, match="already recorded"):
            schedule_court_date(a, today + DAY, "Supreme Court")
        record_movement(a, "REL", reason="bail")
        with pytest.raises(RemandError, match="not in custody"):
            schedule_court_date(a, today + 2 * DAY, "Supreme Court")
        assert db.session.scalar(select(func.count(CourtDate.id))) == 1


def test_remand_screens(app, client, login_as, make_user):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        long_id = admit(admitted_at=now - 25 * DAY).id
        db.session.commit()
    login_as("lab_intake")
    assert client.get("/prison/remand/").status_code == 403
    assert client.get(f"/prison/remand/admission/{long_id}").status_code == 403
    token = csrf_from(client.get("/").get_data(as_text=True))
    url = f"/prison/remand/admission/{long_id}/court-date"
    assert client.post(url, data={"csrf_token": token}).status_code == 403
    officer = app.test_client()
    login(officer, make_user("prison_officer"))
    register = officer.get("/prison/remand/?alarm=limit").get_data(as_text=True)
    assert re.search(r'id="alarm-limit">1<', register) and "(over limit)" in register
    page = officer.get(f"/prison/remand/admission/{long_id}").get_data(as_text=True)
    assert re.search(r'id="remand-days">26<', page)
    data = {"csrf_token": csrf_from(page), "due_on": "", "court": "Supreme Court"}
    refused = officer.post(url, data=data).get_data(as_text=True)
    assert "Give the date the person is due at court" in refused
    due = belize_date(now) + 2 * DAY
    assert officer.post(url, data={**data, "due_on": due.isoformat()}).status_code == 302
    page = officer.get(f"/prison/remand/admission/{long_id}").get_data(as_text=True)
    assert due.strftime("%d %b %Y") in page.split('id="next-court"')[1][:80]
    assert "No one matches" in officer.get("/prison/remand/?alarm=nocourt").get_data(as_text=True)


def test_home_page_shows_the_remand_alarms(app, client, login_as):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        admit(admitted_at=now - 25 * DAY)
        admit(given_name="Omar", surname="Bol", admitted_at=now - 2 * DAY)
        db.session.commit()
    login_as("prison_officer")
    home = client.get("/prison/").get_data(as_text=True)
    assert re.search(r'id="home-over-limit">1<', home)
    assert re.search(r'id="home-over-likely">1<', home)
