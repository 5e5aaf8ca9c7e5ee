"""Appeal rules: the deadline from sentence (a setting), lodging and the outcome."""

from datetime import timedelta

from common.extensions import db
from common.locking import check_version
from common.timefmt import belize_today
from court_cms.custody.services import appeal_decided
from court_cms.errors import CourtError
from court_cms.orders.models import APPEAL_OUTCOMES, Appeal
from court_cms.sentences.services import sentences_of
from court_cms.settings import setting


def appeal_deadline(party, sentences=None):
    """Last day to lodge an appeal: the configured days after the latest sentence
    (`sentences`: the party's, when the caller has read them already)."""
    sentences = sentences_of(party) if sentences is None else sentences
    base = max((s.imposed_on for s in sentences), default=None)
    if base is None:
        base = max(
            (c.disposition_on for c in party.charges if c.disposition == "CONVICTED"), default=None
        )
    return base + timedelta(days=setting("COURT_APPEAL_DAYS")) if base else None


def lodge_appeal(case, party, lodged_on, grounds, today=None):
    """Record an appeal; lodging after the deadline is refused (leave is a separate order)."""
    today = today or belize_today()
    deadline = appeal_deadline(party)
    if deadline is None:
        raise CourtError("There is no conviction of this defendant to appeal against.")
    if lodged_on > today:
        raise CourtError("The lodging date cannot be in the future.", "lodged_on")
    if lodged_on > deadline:
        raise CourtError(
            f"The appeal is out of time: the deadline was {deadline:%d %b %Y}. An appeal out "
            "of time needs leave of the court first.",
            "lodged_on",
        )
    appeal = Appeal(
        case_id=case.id,
        party_id=party.id,
        lodged_on=lodged_on,
        deadline_on=deadline,
        grounds=grounds.strip(),
    )
    db.session.add(appeal)
    db.session.flush()
    return appeal


def decide_appeal(appeal, outcome, on, note, version, today=None):
    """Record the outcome of an appeal (once); the date falls between lodging and today."""
    check_version(appeal, version, "This appeal")
    if appeal.outcome:
        raise CourtError("The outcome of this appeal is already recorded.")
    if outcome not in APPEAL_OUTCOMES:
        raise CourtError("Choose the outcome of the appeal.", "outcome")
    if on is None or on < appeal.lodged_on or on > (today or belize_today()):
        raise CourtError(
            f"The decision date must fall between lodging ({appeal.lodged_on:%d %b %Y}) and today.",
            "outcome_on",
        )
    appeal.outcome = outcome
    appeal.outcome_on = on
    appeal.outcome_note = (note or "").strip()
    db.session.flush()
    appeal_decided(appeal)
    return appeal
