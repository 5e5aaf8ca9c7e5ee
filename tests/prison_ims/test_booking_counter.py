"""Booking numbers stay unique when two officers admit at the same moment."""

import threading
import time

import pytest

from common.extensions import db
from prison_ims.admissions.services import next_booking_number
from prison_ims.times import now_utc

pytestmark = pytest.mark.postgres


def test_concurrent_admissions_get_distinct_numbers(app):
    results, errors = [], []
    start = threading.Barrier(2)

    def take(hold):
        try:
            with app.app_context():
                start.wait()
                number = next_booking_number(now_utc())
                time.sleep(hold)  # keep the row locked while the other officer waits
                db.session.commit()
                results.append(number)
                db.session.remove()
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(h,)) for h in (0.4, 0.0)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert sorted(n[-5:] for n in results) == ["00001", "00002"]
