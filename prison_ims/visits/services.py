"""Visit and property rules; where a person was at a past time, from the movements."""

from datetime import timedelta

from sqlalchemy import select

from common.extensions import db
from prison_ims.movements.models import Movement
from prison_ims.settings import setting
from prison_ims.times import as_utc, now_utc
from prison_ims.visits.models import PROPERTY_DIRECTIONS, VISIT_KINDS, PropertyMovement, Visit


class VisitError(ValueError):
    """A visit or property entry that breaks a rule; `field` names the field to fix."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def state_at(admission_id, at):
    """Where the person of an admission was at `at` (None before admission)."""
    return db.session.scalar(
        select(Movement.to_state)
        .where(Movement.admission_id == admission_id, Movement.occurred_at <= as_utc(at))
        .order_by(Movement.occurred_at.desc(), Movement.id.desc())
        .limit(1)
    )


def _time(at, field):
    if at is None:
        raise VisitError("Give the date and time.", field)
    at = as_utc(at)
    if at > now_utc() + timedelta(minutes=setting("PRISON_FUTURE_TOLERANCE_MINUTES")):
        raise VisitError("The time is in the future: check the date and time.", field)
    return at


def _text(value, message, field):
    value = (value or "").strip()
    if not value:
        raise VisitError(message, field)
    return value


def record_visit(admission, data, user_id=None):
    """Record a visit to a person who was inside the prison at that time."""
    at = _time(data.get("visited_at"), "visited_at")
    name = _text(data.get("visitor_name"), "Give the visitor's name.", "visitor_name")
    relationship = _text(
        data.get("relationship"),
        "Give the visitor's relationship to the prisoner (e.g. mother, lawyer).",
        "relationship",
    )
    kind = data.get("kind") or "SOCIAL"
    if kind not in VISIT_KINDS:
        raise VisitError("Choose the kind of visit.", "kind")
    if state_at(admission.id, at) != "IN":
        raise VisitError(
            f"{admission.booking_number} was not inside the prison at that time: "
            "a visit cannot be recorded for then.",
            "visited_at",
        )
    visit = Visit(
        admission_id=admission.id,
        visited_at=at,
        visitor_name=name,
        relationship=relationship,
        kind=kind,
        visitor_identifier=(data.get("visitor_identifier") or "").strip(),
        notes=(data.get("notes") or "").strip(),
        recorded_by_id=user_id,
    )
    db.session.add(visit)
    db.session.flush()
    return visit


def _key(description):
    return " ".join((description or "").lower().split())


def held_property(admission):
    """[{description, quantity}] in store now: the intake inventory plus later movements."""
    held, names = {}, {}
    for item in admission.property_items or []:
        key = _key(item.get("description"))
        held[key] = held.get(key, 0) + int(item.get("quantity") or 1)
        names.setdefault(key, item.get("description"))
    for move in property_movements(admission.id):
        key = _key(move.description)
        sign = 1 if move.direction == "IN" else -1
        held[key] = held.get(key, 0) + sign * move.quantity
        names.setdefault(key, move.description)
    return [{"description": names[k], "quantity": q} for k, q in sorted(held.items()) if q > 0]


def record_property(admission, data, user_id=None):
    """Receive property into store or hand it out; nothing leaves that is not held."""
    direction = data.get("direction")
    if direction not in PROPERTY_DIRECTIONS:
        raise VisitError("Choose in or out.", "direction")
    description = _text(data.get("description"), "Describe the item.", "description")
    quantity = int(data.get("quantity") or 0)
    if quantity < 1:
        raise VisitError("Give how many (1 or more).", "quantity")
    at = _time(data.get("occurred_at"), "occurred_at")
    counterpart = (data.get("counterpart") or "").strip()
    if direction == "OUT":
        held = {_key(i["description"]): i["quantity"] for i in held_property(admission)}
        have = held.get(_key(description), 0)
        if have < quantity:
            listing = ", ".join(f"{q} × {d}" for d, q in _listing(admission)) or "nothing"
            raise VisitError(
                f"Only {have} × '{description}' is held for {admission.booking_number} "
                f"(in store: {listing}).",
                "quantity" if have else "description",
            )
        if not counterpart:
            raise VisitError("Say to whom the property was handed.", "counterpart")
    move = PropertyMovement(
        admission_id=admission.id,
        direction=direction,
        description=description,
        quantity=quantity,
        occurred_at=at,
        counterpart=counterpart,
        reason=(data.get("reason") or "").strip(),
        recorded_by_id=user_id,
    )
    db.session.add(move)
    db.session.flush()
    return move


def _listing(admission):
    return [(i["description"], i["quantity"]) for i in held_property(admission)]


def property_movements(admission_id):
    """Property received or handed out after intake, oldest first."""
    return db.session.scalars(
        select(PropertyMovement)
        .where(PropertyMovement.admission_id == admission_id)
        .order_by(PropertyMovement.occurred_at, PropertyMovement.id)
    ).all()


def visits_of(admission_id):
    """Visits to one admission, newest first."""
    return db.session.scalars(
        select(Visit).where(Visit.admission_id == admission_id).order_by(Visit.visited_at.desc())
    ).all()


def search_visits(text="", kind="", page=1):
    """Visits matching a visitor name, newest first, paginated."""
    query = select(Visit)
    for word in (text or "").split():
        query = query.where(Visit.visitor_name.ilike(f"%{word}%"))
    if kind in VISIT_KINDS:
        query = query.where(Visit.kind == kind)
    query = query.order_by(Visit.visited_at.desc(), Visit.id.desc())
    return db.paginate(query, page=page, per_page=setting("PRISON_PAGE_SIZE"), error_out=False)
