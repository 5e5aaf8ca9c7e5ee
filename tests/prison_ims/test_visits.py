"""Visits and property: recorded only while the person is held; nothing leaves that is not held."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from prison_ims.movements.services import record_movement
from prison_ims.times import now_utc
from prison_ims.visits.models import PropertyMovement, Visit
from prison_ims.visits.services import (
    VisitError,
    held_property,
    record_property,
    record_visit,
    search_visits,
    state_at,
)
from tests.prison_ims.helpers import admit


def _visit(**overrides):
    data = {"visited_at": now_utc(), "visitor_name": "Ana Castillo", "relationship": "sister"}
    return {**data, **overrides}


def test_a_visit_needs_the_person_inside_at_that_time(app):
    with app.app_context(), acting_as("test"):
        admission = admit(admitted_at=now_utc() - timedelta(days=2))
        record_movement(admission, "CRT", now_utc() - timedelta(hours=5), place="Supreme Court")
        record_movement(admission, "RET", now_utc() - timedelta(hours=1))
        assert state_at(admission.id, now_utc() - timedelta(hours=3)) == "CRT"
        with pytest.raises(VisitError, match="not inside the prison at that time"):
            record_visit(admission, _visit(visited_at=now_utc() - timedelta(hours=3)))
        with pytest.raises(VisitError, match="not inside"):
            record_visit(admission, _visit(visited_at=now_utc() - timedelta(days=3)))
        with pytest.raises(VisitError, match="relationship"):
            record_visit(admission, _visit(relationship=""))
        with pytest.raises(VisitError, match="future"):
            record_visit(admission, _visit(visited_at=now_utc() + timedelta(hours=1)))
        assert db.session.scalar(select(func.count(Visit.id))) == 0
        record_visit(admission, _visit(visited_at=now_utc() - timedelta(days=1)))
        record_visit(
            admission, _visit(visitor_name="J. Arnold", relationship="lawyer", kind="LEGAL")
        )
        assert search_visits("castillo").total == 1
        assert search_visits("", "LEGAL").items[0].visitor_name == "J. Arnold"


def test_property_in_and_out_of_store_starts_from_the_intake_inventory(app):
    with app.app_context(), acting_as("test"):
        admission = admit(property_items=[{"description": "Wallet", "quantity": 1}])
        assert held_property(admission) == [{"description": "Wallet", "quantity": 1}]
        record_property(
            admission,
            {
                "direction": "IN",
                "description": "shirt",
                "quantity": 2,
                "occurred_at": now_utc(),
                "counterpart": "mother",
            },
        )
        with pytest.raises(VisitError, match=r"Only 2 × 'Shirt' is held .*2 × shirt, 1 × Wallet"):
            record_property(
                admission,
                {
                    "direction": "OUT",
                    "description": "Shirt",
                    "quantity": 3,
                    "occurred_at": now_utc(),
                    "counterpart": "mother",
                },
            )
        with pytest.raises(VisitError, match="Only 0 × 'phone'"):
            record_property(
                admission,
                {
                    "direction": "OUT",
                    "description": "phone",
                    "quantity": 1,
                    "occurred_at": now_utc(),
                    "counterpart": "mother",
                },
            )
        with pytest.raises(VisitError, match="to whom"):
            record_property(
                admission,
                {
                    "direction": "OUT",
                    "description": "wallet",
                    "quantity": 1,
                    "occurred_at": now_utc(),
                },
            )
        assert db.session.scalar(select(func.count(PropertyMovement.id))) == 1
        record_property(
            admission,
            {
                "direction": "OUT",
                "description": " WALLET ",
                "quantity": 1,
                "occurred_at": now_utc(),
                "counterpart": "Ana Castillo (sister)",
            },
        )
        assert held_property(admission) == [{"description": "shirt", "quantity": 2}]
