"""Sentence rules: entry, remand credit, engine inputs, calculations and their second check."""

from datetime import date

from sqlalchemy import func, select

from common.extensions import db
from common.locking import check_version
from common.timefmt import long_date
from prison_ims.admissions.models import Admission, AdmissionOffence
from prison_ims.movements.services import current_state, in_custody
from prison_ims.sentences.models import PrisonSentence, ReleaseDateCalculation, RemandCredit
from prison_ims.sentences.policy import current_policy, policy_snapshot
from prison_ims.sentencing import SentencingError, calculate
from prison_ims.times import belize_date, now_utc

TERM_FIELDS = ("years", "months", "days")


class SentenceError(ValueError):
    """A sentence entry or release-date action that breaks a rule; `field` names the field."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def sentences_of(admission_id):
    """The sentences of an admission, in the order they were entered."""
    return db.session.scalars(
        select(PrisonSentence)
        .where(PrisonSentence.admission_id == admission_id)
        .order_by(PrisonSentence.id)
    ).all()


def _lock(admission):
    """Serialise changes to one admission's sentences and calculations (row lock)."""
    db.session.execute(
        select(Admission.id).where(Admission.id == admission.id).with_for_update()
    ).all()


def _check_in_custody(admission):
    """Sentences and release dates are kept only while the person is in custody."""
    if not in_custody(current_state(admission.id)):
        raise SentenceError(
            f"{admission.booking_number} is not in custody: sentences and release dates "
            "can no longer be changed."
        )


def _offence_of(admission, offence_id):
    """The admission's offence with this id, or a SentenceError on the offence field."""
    offence = db.session.get(AdmissionOffence, offence_id) if offence_id else None
    if offence is None or offence.admission_id != admission.id:
        raise SentenceError(
            "Choose the offence this sentence is for, from the offences of this admission.",
            "offence",
        )
    return offence


def _check_term(data):
    """A sentence has a term of at least one day, or is life; never both, never neither."""
    has_term = any(data.get(name) for name in TERM_FIELDS)
    if data.get("life") and has_term:
        raise SentenceError(
            "A life sentence has no term: clear the years, months and days, or untick Life.",
            "life",
        )
    if not data.get("life") and not has_term:
        raise SentenceError(
            "The sentence has no term: give the years, months or days of the sentence "
            "warrant, or tick Life for a life sentence.",
            "years",
        )
    for name in TERM_FIELDS:
        if (data.get(name) or 0) < 0:
            raise SentenceError(f"The {name} of the term cannot be negative.", name)


def _earlier_sentence(admission, sentence_id):
    """The sentence a new one follows (None for concurrent), which must be on this admission."""
    if not sentence_id:
        return None
    earlier = db.session.get(PrisonSentence, sentence_id)
    if earlier is None or earlier.admission_id != admission.id:
        raise SentenceError(
            "A sentence can only follow another sentence of this admission.", "consecutive_to"
        )
    return earlier


def next_label(admission_id):
    """The next sentence label of the admission: S1, S2, …"""
    count = db.session.scalar(
        select(func.count())
        .select_from(PrisonSentence)
        .where(PrisonSentence.admission_id == admission_id)
    )
    return f"S{count + 1}"


def add_sentence(admission, data, user_id=None):
    """Record a sentence and recalculate the release dates (a new, preliminary calculation)."""
    _lock(admission)
    _check_in_custody(admission)
    offence = _offence_of(admission, data.get("offence_id"))
    _check_term(data)
    earlier = _earlier_sentence(admission, data.get("consecutive_to_id"))
    if earlier is None and not data.get("start_date"):
        raise SentenceError(
            "Give the date the sentence starts (a concurrent sentence needs its own start).",
            "start_date",
        )
    if data.get("start_date") and data["start_date"] > belize_date(now_utc()):
        raise SentenceError("The sentence start date is in the future: check it.", "start_date")
    sentence = PrisonSentence(
        admission_id=admission.id,
        label=next_label(admission.id),
        admission_offence_id=offence.id,
        court=(data.get("court") or "").strip(),
        imposed_on=data.get("imposed_on"),
        start_date=None if earlier else data.get("start_date"),
        life=bool(data.get("life")),
        consecutive_to_id=earlier.id if earlier else None,
        entered_by_id=user_id,
        **{name: data.get(name) or 0 for name in TERM_FIELDS},
    )
    db.session.add(sentence)
    db.session.flush()
    recalculate(admission, user_id, f"Sentence {sentence.label} entered")
    return sentence


def current_remand_credit(admission_id):
    """The remand credit in force (the latest entry), or None."""
    return db.session.scalar(
        select(RemandCredit)
        .where(RemandCredit.admission_id == admission_id)
        .order_by(RemandCredit.id.desc())
        .limit(1)
    )


def remand_credits_of(admission_id):
    """Every remand credit entry of an admission, newest first (history)."""
    return db.session.scalars(
        select(RemandCredit)
        .where(RemandCredit.admission_id == admission_id)
        .order_by(RemandCredit.id.desc())
    ).all()


def remand_days(admission):
    """Days of remand credit in force for the admission (0 when none is recorded)."""
    credit = current_remand_credit(admission.id)
    return credit.days if credit else 0


def days_on_remand_here(admission):
    """Days this admission spent on remand, from its legal status history (a suggestion)."""
    start, total = None, 0
    for change in admission.status_changes:
        if change.to_status == "REMAND" and start is None:
            start = belize_date(change.changed_at)
        elif change.to_status != "REMAND" and start is not None:
            total += (belize_date(change.changed_at) - start).days
            start = None
    if start is not None:
        total += (belize_date(now_utc()) - start).days
    return total


def record_remand_credit(admission, days, basis, user_id=None):
    """Record the remand credit (kept as history) and recalculate when there are sentences."""
    _lock(admission)
    _check_in_custody(admission)
    if days is None or days < 0:
        raise SentenceError("Give the days on remand as a whole number, 0 or more.", "days")
    if not (basis or "").strip():
        raise SentenceError(
            "Say what the remand credit is based on (periods in custody, court order).", "basis"
        )
    if days == remand_days(admission) and current_remand_credit(admission.id):
        raise SentenceError(f"The remand credit is already {days} days.", "days")
    credit = RemandCredit(
        admission_id=admission.id, days=days, basis=basis.strip(), recorded_by_id=user_id
    )
    db.session.add(credit)
    db.session.flush()
    if sentences_of(admission.id):
        recalculate(admission, user_id, f"Remand credit set to {days} days")
    return credit


def forfeited_remission_days(admission):
    """Days of remission forfeited by discipline awards on this admission."""
    # The discipline awards (forfeiture of remission) feed this sum; none are recorded yet.
    return 0


def engine_inputs(admission):
    """The release-date engine's case for an admission: sentences, remand, forfeited days."""
    return {
        "sentences": [
            {
                "id": s.label,
                "start": s.start_date.isoformat() if s.start_date else None,
                "years": s.years,
                "months": s.months,
                "days": s.days,
                "life": s.life,
                "consecutive_to": s.consecutive_to.label if s.consecutive_to else None,
            }
            for s in sentences_of(admission.id)
        ],
        "remand_days": remand_days(admission),
        "forfeited_remission_days": forfeited_remission_days(admission),
    }


def calculations_of(admission_id):
    """Every release-date calculation of an admission, newest first (none is overwritten)."""
    return db.session.scalars(
        select(ReleaseDateCalculation)
        .where(ReleaseDateCalculation.admission_id == admission_id)
        .order_by(ReleaseDateCalculation.id.desc())
    ).all()


def current_calculation(admission_id):
    """The calculation in force (the latest), or None."""
    found = calculations_of(admission_id)
    return found[0] if found else None


def confirmed_calculation(admission_id):
    """The calculation in force when a second officer has confirmed it, else None."""
    current = current_calculation(admission_id)
    return current if current is not None and current.state == "CONFIRMED" else None


def _supersede(admission_id):
    """Mark the calculations in force as superseded by the one about to be added."""
    for calc in calculations_of(admission_id):
        if calc.state != "SUPERSEDED":
            calc.state = "SUPERSEDED"


def _iso_date(value):
    """A date from ISO text, None for None."""
    return date.fromisoformat(value) if value else None


def recalculate(admission, user_id=None, trigger="Recalculated"):
    """Run the engine on the admission's inputs; keep a new PRELIMINARY calculation."""
    _lock(admission)
    inputs, policy = engine_inputs(admission), current_policy()
    if not inputs["sentences"]:
        raise SentenceError("Record a sentence first: there is nothing to calculate.")
    snapshot = policy_snapshot(policy)
    current = current_calculation(admission.id)
    if (
        current is not None
        and not current.overridden
        and current.inputs == inputs
        and current.policy == snapshot
    ):
        raise SentenceError(
            "Nothing has changed since the last calculation: the sentences, remand credit, "
            "forfeited remission and policy are the same."
        )
    try:
        result = calculate(inputs, policy)
    except SentencingError as exc:
        raise SentenceError(str(exc)) from exc
    _supersede(admission.id)
    sed, erd = (_iso_date(result[k]) for k in ("sentence_expiry_date", "earliest_release_date"))
    calc = ReleaseDateCalculation(
        admission_id=admission.id,
        inputs=inputs,
        policy=snapshot,
        result=result,
        life=sed is None,
        engine_sed=sed,
        engine_erd=erd,
        sed=sed,
        erd=erd,
        trigger=trigger,
        calculated_by_id=user_id,
        calculated_at=now_utc(),
    )
    db.session.add(calc)
    db.session.flush()
    return calc


def _check_current(calc, version):
    """Only the calculation in force can be acted on, and only as it was shown."""
    check_version(calc, version, f"Release-date calculation #{calc.id}")
    if calc.state != "PRELIMINARY":
        raise SentenceError(
            f"Calculation #{calc.id} is {calc.state_label.lower()}: only the preliminary "
            "calculation in force can be confirmed."
        )


def confirm_calculation(calc, version, user_id):
    """A second officer confirms the preliminary dates (never the one who entered them)."""
    _lock(calc.admission)
    _check_current(calc, version)
    if user_id is not None and user_id == calc.calculated_by_id:
        raise SentenceError(
            "You entered this calculation: a second officer must check and confirm it."
        )
    calc.state = "CONFIRMED"
    calc.confirmed_by_id = user_id
    calc.confirmed_at = now_utc()
    db.session.flush()
    return calc


def override_dates(admission, sed, erd, reason, version, user_id=None):
    """Replace the dates in force with a reason; kept as a new preliminary calculation."""
    _lock(admission)
    _check_in_custody(admission)
    current = current_calculation(admission.id)
    if current is None:
        raise SentenceError("There is no calculation to override: record a sentence first.")
    check_version(current, version, f"Release-date calculation #{current.id}")
    if not (reason or "").strip():
        raise SentenceError(
            "Give the reason for overriding the calculated dates (for example the court "
            "order that fixes them).",
            "reason",
        )
    if not sed or not erd:
        raise SentenceError("Give both the sentence expiry date and the earliest release date.")
    if erd > sed:
        raise SentenceError(
            f"The earliest release date ({long_date(erd)}) cannot be after the sentence "
            f"expiry date ({long_date(sed)}).",
            "erd",
        )
    _supersede(admission.id)
    calc = ReleaseDateCalculation(
        admission_id=admission.id,
        inputs=current.inputs,
        policy=current.policy,
        result=current.result,
        life=False,
        engine_sed=current.engine_sed,
        engine_erd=current.engine_erd,
        sed=sed,
        erd=erd,
        override_reason=reason.strip(),
        trigger=f"Dates overridden (calculation #{current.id})",
        calculated_by_id=user_id,
        calculated_at=now_utc(),
    )
    db.session.add(calc)
    db.session.flush()
    return calc
