"""Numbers issued by common.counters never repeat, even when clerks create records at once."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from common.counters import take_block, take_next
from common.extensions import db


def test_numbers_follow_on_per_key(app):
    with app.app_context():
        first = [take_next("court:SC-CR:2025") for _ in range(3)]
        other = take_next("lims:2026")
        db.session.commit()
        assert first == [1, 2, 3]
        assert other == 1


def test_a_block_of_numbers_is_issued_at_once_and_numbering_follows_on(app):
    with app.app_context():
        assert take_next("prison:release:2019") == 1
        assert take_block("prison:release:2019", 500) == 2
        assert take_next("prison:release:2019") == 502
        with pytest.raises(ValueError):
            take_block("prison:release:2019", 0)


def test_a_rolled_back_number_is_issued_again(app):
    with app.app_context():
        assert take_next("prison:booking:2026") == 1
        db.session.commit()
        assert take_next("prison:booking:2026") == 2
        db.session.rollback()
        assert take_next("prison:booking:2026") == 2


@pytest.mark.postgres
def test_concurrent_sessions_never_share_a_number(app):
    def issue(_):
        with app.app_context():
            number = take_next("court:MC-CR:2026")
            db.session.commit()
            db.session.remove()
            return number

    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = list(pool.map(issue, range(40)))
    assert sorted(numbers) == list(range(1, 41))
