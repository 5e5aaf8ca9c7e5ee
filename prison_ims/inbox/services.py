"""Accepting court items into the prison's records, or rejecting them with a reason.

Accepting links the admission to the court case and records what the order asks:
- remand order: legal status on remand and the next court date;
- custodial sentence: the sentence, from which the release-date engine drafts a
  PRELIMINARY calculation for the records supervisor to confirm;
- release action: a release awaiting the officer, measured from the court's order to the
  release actually recorded.
The item is matched to the inmate by master person id, so the court and the prison speak
of the same person. Everything happens in one transaction with the item's decision.
"""

from datetime import date

from sqlalchemy import select

from common.extensions import db
from common.inbox.models import InboxItem
from common.inbox.services import InboxError, lock_pending, mark_accepted, reject_item
from common.persons.index_store import surviving
from common.timefmt import belize_today
from prison_ims.admissions.models import Admission, AdmissionOffence
from prison_ims.admissions.services import (
    AdmissionError,
    change_legal_status,
    create_admission,
    open_admission_of,
)
from prison_ims.inbox.models import CourtCaseLink, InboxAcceptance
from prison_ims.movements.services import current_state, in_custody
from prison_ims.remand.models import CourtDate
from prison_ims.remand.services import RemandError, schedule_court_date
from prison_ims.sentences.services import (
    SentenceError,
    add_sentence,
    current_calculation,
    current_remand_credit,
    days_on_remand_here,
    record_remand_credit,
)

RECEIVER = "prison"
RULE_ERRORS = (AdmissionError, RemandError, SentenceError)


def item_of_inbox(item_id):
    """An item addressed to the prison, or None."""
    item = db.session.get(InboxItem, item_id)
    return item if item is not None and item.receiver == RECEIVER else None


def suggested_admission(item):
    """The admission under which the item's person is in custody now (same master person)."""
    return open_admission_of(surviving(item.person))


def same_person(item, admission):
    """True when the admission is of the person the court names (after any merges)."""
    return surviving(item.person).id == surviving(admission.person).id


def accept_into_existing(item_id, version, admission_id, user_id=None):
    """Accept an item into the file of an inmate in custody; returns the acceptance."""
    item = lock_pending(item_id, RECEIVER, version)
    admission = db.session.get(Admission, admission_id or 0)
    if admission is None:
        raise InboxError("Choose the admission to accept the item into.", "admission_id")
    if not same_person(item, admission):
        raise InboxError(
            f"Booking {admission.booking_number} is of another person than the one the court "
            "names: choose the admission of this person, or accept into a new admission.",
            "admission_id",
        )
    if not in_custody(current_state(admission.id)):
        raise InboxError(
            f"{admission.booking_number} is no longer in custody: accept the item into a new "
            "admission, or reject it.",
            "admission_id",
        )
    return _accept(item, admission, user_id, new=False)


def accept_into_new(item_id, version, data, user_id=None):
    """Admit the person on the court's order (same master person), then accept the item."""
    item = lock_pending(item_id, RECEIVER, version)
    if item.kind == "release_action":
        raise InboxError("A release is carried out on the admission that holds the person.")
    try:
        admission = create_admission(data, surviving(item.person).public_id, user_id)
    except AdmissionError as exc:
        raise InboxError(str(exc), exc.field) from exc
    return _accept(item, admission, user_id, new=True)


def reject(item_id, version, reason, user_id=None):
    """Reject an item with the reason the court reads."""
    item = lock_pending(item_id, RECEIVER, version)
    return reject_item(item, reason, user_id)


def _accept(item, admission, user_id, new):
    acceptance = InboxAcceptance(
        inbox_item_id=item.id,
        admission_id=admission.id,
        new_admission=new,
        accepted_by_id=user_id,
    )
    try:
        APPLY[item.kind](item, admission, acceptance, user_id)
    except RULE_ERRORS as exc:
        raise InboxError(str(exc), exc.field) from exc
    link_case(admission, item, user_id)
    db.session.add(acceptance)
    mark_accepted(item, user_id)
    return acceptance


def link_case(admission, item, user_id=None):
    """Link the admission to the item's court case (once per case)."""
    link = db.session.scalar(
        select(CourtCaseLink).where(
            CourtCaseLink.admission_id == admission.id,
            CourtCaseLink.court_case_id == item.case_id,
        )
    )
    if link is None:
        link = CourtCaseLink(
            admission_id=admission.id,
            court_case_id=item.case_id,
            case_reference=item.case_reference,
            court=item.details.get("court", ""),
            inbox_item_id=item.id,
            linked_by_id=user_id,
        )
        db.session.add(link)
        db.session.flush()
    return link


def _status(admission, status, item, user_id):
    if admission.legal_status != status:
        reason = f"{item.kind_label}, {item.case_reference}, {item.ordered_on:%d %b %Y}"
        change_legal_status(admission, status, reason, admission.version, user_id)


def _apply_remand(item, admission, acceptance, user_id):
    if admission.legal_status not in ("REMAND", "SENTENCED"):
        _status(admission, "REMAND", item, user_id)
    done = ["on remand"]
    due = item.next_court_date
    if due and due >= belize_today():
        exists = db.session.scalar(
            select(CourtDate).where(CourtDate.admission_id == admission.id, CourtDate.due_on == due)
        )
        court_date = exists or schedule_court_date(
            admission,
            due,
            item.next_court or item.details.get("court", ""),
            f"Remand, {item.case_reference}",
            user_id,
        )
        acceptance.court_date_id = court_date.id
        done.append(f"next court date {due:%d %b %Y}")
    acceptance.outcome = "; ".join(done)


def _offence_for(admission, offence_id, particulars):
    """The admission's offence for a national offence, added when the court convicted of one
    the admission does not hold yet."""
    for offence in admission.offences:
        if offence.national_offence_id == offence_id:
            return offence
    offence = AdmissionOffence(
        admission_id=admission.id, national_offence_id=offence_id, particulars=particulars[:255]
    )
    db.session.add(offence)
    db.session.flush()
    db.session.refresh(admission, ["offences"])
    return offence


def _earlier_prison_sentence(admission, court_sentence_id):
    """The prison sentence accepted from the court sentence a new one runs after, if any."""
    if not court_sentence_id:
        return None
    for acc in db.session.scalars(
        select(InboxAcceptance).where(
            InboxAcceptance.admission_id == admission.id, InboxAcceptance.sentence_id.is_not(None)
        )
    ):
        if (acc.item.details.get("sentence") or {}).get("id") == court_sentence_id:
            return acc.sentence_id
    return None


def _draft_remand_credit(admission, user_id):
    """Credit the days on remand under this admission, unless a credit is already kept."""
    days = days_on_remand_here(admission)
    if days > 0 and current_remand_credit(admission.id) is None:
        record_remand_credit(
            admission,
            days,
            "Days on remand under this admission (drafted on the court's "
            "sentence; check before confirming)",
            user_id,
        )


def _apply_sentence(item, admission, acceptance, user_id):
    sent = item.details["sentence"]
    offence = _offence_for(admission, sent["national_offence_id"], sent.get("offence", ""))
    _draft_remand_credit(admission, user_id)
    _status(admission, "SENTENCED", item, user_id)
    earlier = _earlier_prison_sentence(admission, sent.get("consecutive_to"))
    data = {
        "offence_id": offence.id,
        "court": item.details.get("court", ""),
        "imposed_on": date.fromisoformat(sent["imposed_on"]),
        "start_date": None if earlier else date.fromisoformat(sent["start_on"]),
        "years": sent["years"],
        "months": sent["months"],
        "days": sent["days"],
        "life": sent["life"],
        "consecutive_to_id": earlier,
    }
    sentence = add_sentence(admission, data, user_id)
    calc = current_calculation(admission.id)
    acceptance.sentence_id = sentence.id
    acceptance.calculation_id = calc.id if calc else None
    acceptance.outcome = (
        f"Sentence {sentence.label} ({sentence.term_text}); preliminary release dates "
        "await the records supervisor's confirmation"
    )


def _apply_release(item, admission, acceptance, user_id):
    acceptance.outcome = "Release awaiting the officer"


APPLY = {
    "remand_order": _apply_remand,
    "custodial_sentence": _apply_sentence,
    "release_action": _apply_release,
}


def acceptance_of(item_id):
    """What accepting an item did, or None."""
    return db.session.scalar(
        select(InboxAcceptance).where(InboxAcceptance.inbox_item_id == item_id)
    )


def case_links(admission_id):
    """The court cases an admission is linked to, in the order linked."""
    return db.session.scalars(
        select(CourtCaseLink)
        .where(CourtCaseLink.admission_id == admission_id)
        .order_by(CourtCaseLink.id)
    ).all()


def acceptances_of(admission_id):
    """Court items accepted into an admission, oldest first."""
    return db.session.scalars(
        select(InboxAcceptance)
        .where(InboxAcceptance.admission_id == admission_id)
        .order_by(InboxAcceptance.id)
    ).all()
