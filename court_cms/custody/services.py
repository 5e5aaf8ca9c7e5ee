"""Court orders that reach the prison: each is sent in the same transaction as the order.

- a remand in custody sends a remand order (person, case, order, next court date);
- a prison sentence sends a custodial sentence (the term, start, concurrent/consecutive);
- bail, a remand the court ends with nothing else holding the defendant, or the end of the
  case for a defendant held for it (acquitted, dismissed, withdrawn,
  discharged, a sentence that keeps no one in prison, an appeal allowed) sends a release
  action.
A release action goes only for a defendant the court holds in custody or has already
sent to the prison; the prison rejects an item about someone it does not hold.
"""

from sqlalchemy import select

from common.extensions import db
from common.inbox.services import identity_snapshot, items_of_person, send_item
from court_cms.hearings.services import next_hearing
from court_cms.orders.models import SENTENCE_KINDS, CourtOrder, Sentence

SENDER, RECEIVER = "court", "prison"
CUSTODY_KINDS = {"remand_order", "custodial_sentence"}


def _offences(party):
    return [
        {
            "count": c.count_number,
            "national_offence_id": c.national_offence_id,
            "title": c.offence.title,
            "iccs_code": c.offence.iccs_code,
            "particulars": c.particulars,
            "disposition": c.disposition or "",
        }
        for c in party.charges
    ]


def _base(party):
    case = party.case
    return {
        "identity": identity_snapshot(party.record),
        "court": case.court.name,
        "court_code": case.court.code,
        "judicial_officer": case.judicial_officer,
        "offences": _offences(party),
    }


def _next_date(case_id, after):
    """The date of the next hearing listed in the case from a day on, or None."""
    hearing = next_hearing(case_id, today=after)
    return hearing.scheduled_on if hearing else None


def _send(kind, party, source, ordered_on, details, user_id, next_date=None):
    case = party.case
    return send_item(
        kind,
        sender=SENDER,
        receiver=RECEIVER,
        person_id=party.person_id,
        case_id=case.id,
        case_reference=case.case_number,
        source=source,
        ordered_on=ordered_on,
        details=details,
        next_court_date=next_date,
        next_court=case.court.name if next_date else "",
        user_id=user_id,
    )


def held_for_case(party, in_custody=None):
    """True when the court holds the defendant in custody, or the prison was told to."""
    held = party.in_custody if in_custody is None else in_custody
    if held:
        return True
    sent = items_of_person(SENDER, party.case_id, party.person_id)
    return bool(sent) and sent[-1].kind in CUSTODY_KINDS and sent[-1].state != "REJECTED"


def order_recorded(order, was_in_custody, user_id=None):
    """Send what a new order asks of the prison: remand → remand order, bail → release."""
    party = order.party
    if order.kind == "REMAND":
        details = _base(party) | {
            "order": {
                "id": order.id,
                "kind": order.kind,
                "label": order.kind_label,
                "made_on": order.made_on.isoformat(),
                "runs_to": order.expires_on.isoformat() if order.expires_on else None,
                "conditions": order.conditions,
            }
        }
        return _send(
            "remand_order", party, order, order.made_on, details, user_id, order.expires_on
        )
    if order.kind == "BAIL" and held_for_case(party, was_in_custody):
        return send_release(
            party, order, order.made_on, "BAIL", f"Bail granted: {order.conditions}", user_id
        )
    return None


HOLDING_ORDERS = ("REMAND", "BAIL_REFUSED", "WARRANT_COMMITMENT")


def remand_ended(order, user_id=None):
    """A remand ended by the court frees the defendant unless another order or a sentence
    holds them; the release goes to the prison when it was told of the custody."""
    if order.kind != "REMAND":
        return None
    party = order.party
    if _still_held_by_order(party) or _prison_sentence(party):
        return None
    was_held = held_for_case(party)
    party.in_custody = False
    if not was_held:
        return None
    reason = f"Remand in custody ended: {order.ended_reason}"
    return send_release(party, order, order.ended_on, "COURT_ORDER", reason, user_id)


def _still_held_by_order(party):
    return (
        db.session.scalar(
            select(CourtOrder.id).where(
                CourtOrder.party_id == party.id,
                CourtOrder.kind.in_(HOLDING_ORDERS),
                CourtOrder.ended_on.is_(None),
            )
        )
        is not None
    )


def _prison_sentence(party):
    charge_ids = [c.id for c in party.charges]
    return (
        bool(charge_ids)
        and db.session.scalar(
            select(Sentence.id).where(
                Sentence.charge_id.in_(charge_ids), Sentence.kind == "CUSTODIAL"
            )
        )
        is not None
    )


def send_release(party, source, on, grounds, reason, user_id=None):
    """Send a release action for a defendant, once after each custody item."""
    sent = items_of_person(SENDER, party.case_id, party.person_id)
    if sent and sent[-1].kind == "release_action":
        return None
    details = _base(party) | {"release": {"grounds": grounds, "reason": reason[:400]}}
    return _send("release_action", party, source, on, details, user_id)


def sentence_recorded(sentence, user_id=None):
    """A prison sentence goes to the prison; a sentence keeping no one in prison may free them."""
    charge = sentence.charge
    party = charge.party
    if sentence.kind == "CUSTODIAL":
        details = _base(party) | {
            "sentence": {
                "id": sentence.id,
                "count": charge.count_number,
                "national_offence_id": charge.national_offence_id,
                "offence": charge.offence.title,
                "imposed_on": sentence.imposed_on.isoformat(),
                "start_on": sentence.start_on.isoformat() if sentence.start_on else None,
                "years": sentence.years,
                "months": sentence.months,
                "days": sentence.days,
                "life": sentence.life,
                "consecutive_to": sentence.consecutive_to_id,
                "summary": sentence.summary,
            }
        }
        next_date = _next_date(party.case_id, sentence.imposed_on)
        return _send(
            "custodial_sentence", party, sentence, sentence.imposed_on, details, user_id, next_date
        )
    if _case_over_without_prison(party) and held_for_case(party):
        reason = f"{SENTENCE_KINDS[sentence.kind]}: {sentence.summary}"
        return send_release(party, sentence, sentence.imposed_on, "COURT_ORDER", reason, user_id)
    return None


def _case_over_without_prison(party):
    """Every charge disposed of, and no prison sentence on any of them."""
    if not party.charges or any(c.disposition is None for c in party.charges):
        return False
    convicted = [c.id for c in party.charges if c.disposition == "CONVICTED"]
    if not convicted:
        return True
    sentences = db.session.scalars(select(Sentence).where(Sentence.charge_id.in_(convicted))).all()
    sentenced = {s.charge_id for s in sentences}
    return sentenced >= set(convicted) and not any(s.kind == "CUSTODIAL" for s in sentences)


def charge_disposed(charge, user_id=None):
    """When the last count of a held defendant ends without conviction, the prison releases."""
    party = charge.party
    if not party.charges or any(c.disposition is None for c in party.charges):
        return None
    if any(c.disposition == "CONVICTED" for c in party.charges):
        return None
    if not held_for_case(party):
        return None
    words = sorted({c.disposition.replace("_", " ").lower() for c in party.charges})
    on = max(c.disposition_on for c in party.charges)
    reason = f"Case ended for the defendant: {', '.join(words)}"
    return send_release(party, charge, on, "COURT_ORDER", reason, user_id)


def appeal_decided(appeal, user_id=None):
    """An appeal allowed frees a defendant the prison holds for the case."""
    if appeal.outcome != "ALLOWED" or not held_for_case(appeal.party):
        return None
    reason = f"Appeal allowed: {appeal.outcome_note}".strip().rstrip(":")
    return send_release(appeal.party, appeal, appeal.outcome_on, "COURT_ORDER", reason, user_id)
