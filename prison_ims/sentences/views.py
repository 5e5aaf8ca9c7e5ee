"""Thin views: sentences, remand credit, release-date calculations and their second check."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.locking import ConflictError
from prison_ims.admissions.models import Admission
from prison_ims.movements.services import current_state, in_custody
from prison_ims.sentences.forms import (
    ConfirmForm,
    OverrideForm,
    RecalculateForm,
    RemandForm,
    SentenceForm,
)
from prison_ims.sentences.models import ReleaseDateCalculation
from prison_ims.sentences.policy import current_policy, policy_rows, policy_snapshot
from prison_ims.sentences.services import (
    SentenceError,
    add_sentence,
    calculations_of,
    confirm_calculation,
    current_calculation,
    current_remand_credit,
    days_on_remand_here,
    forfeited_remission_days,
    override_dates,
    recalculate,
    record_remand_credit,
    remand_credits_of,
    sentences_of,
)


def _sentence_form(admission, form=None):
    """The sentence form with this admission's offences and sentences as choices."""
    form = form or SentenceForm()
    form.offence.choices = [(0, "Choose…")] + [(o.id, str(o)) for o in admission.offences]
    form.consecutive_to.choices = [(0, "Concurrent (not consecutive)")] + [
        (s.id, f"{s.label}: {s.term_text}") for s in sentences_of(admission.id)
    ]
    return form


def render_page(admission, **forms):
    """The sentences page of an admission with the forms that act on it."""
    calc = current_calculation(admission.id)
    remand_form = forms.get("remand_form") or RemandForm()
    if remand_form.days.data is None:
        credit = current_remand_credit(admission.id)
        remand_form.days.data = credit.days if credit else days_on_remand_here(admission)
    override_form = forms.get("override_form") or OverrideForm(
        version=calc.version if calc else "", sed=calc and calc.sed, erd=calc and calc.erd
    )
    return render_template(
        "prison_ims/sentences.html",
        admission=admission,
        open=in_custody(current_state(admission.id)),
        sentences=sentences_of(admission.id),
        calc=calc,
        calculations=calculations_of(admission.id),
        credits=remand_credits_of(admission.id),
        suggested_remand=days_on_remand_here(admission),
        forfeited=forfeited_remission_days(admission),
        policy=policy_rows(policy_snapshot(current_policy())),
        policy_text=current_policy().describe(),
        sentence_form=_sentence_form(admission, forms.get("sentence_form")),
        remand_form=remand_form,
        recalc_form=forms.get("recalc_form") or RecalculateForm(),
        confirm_form=forms.get("confirm_form") or ConfirmForm(version=calc.version if calc else ""),
        override_form=override_form,
    )


def _admission(admission_id):
    return db.session.get(Admission, admission_id) or abort(404)


def page(admission_id):
    """Sentences, remand credit and the release-date calculation with its working."""
    return render_page(_admission(admission_id))


def _act(admission_id, form, action, done, form_name):
    """Validate, run the service, commit once or roll back and show the message on the form."""
    admission = _admission(admission_id)
    if form.validate_on_submit():
        try:
            action(admission)
        except ConflictError as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        except SentenceError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(done, "success")
            return redirect(url_for("sentences.page", admission_id=admission_id))
    return render_page(_admission(admission_id), **{form_name: form})


def add(admission_id):
    """Record a sentence; the release dates are recalculated (preliminary)."""
    form = _sentence_form(_admission(admission_id))
    return _act(
        admission_id,
        form,
        lambda a: add_sentence(a, form.sentence_data(), current_user.id),
        "Sentence recorded. The release dates were recalculated and are PRELIMINARY until "
        "a second officer confirms them.",
        "sentence_form",
    )


def remand(admission_id):
    """Record the remand credit; the release dates are recalculated (preliminary)."""
    form = RemandForm()
    return _act(
        admission_id,
        form,
        lambda a: record_remand_credit(a, form.days.data, form.basis.data, current_user.id),
        "Remand credit recorded; the earlier entries are kept.",
        "remand_form",
    )


def recalculate_view(admission_id):
    """Run the engine again; the earlier calculations are kept."""
    form = RecalculateForm()
    return _act(
        admission_id,
        form,
        lambda a: recalculate(a, current_user.id, "Recalculated on request"),
        "Release dates recalculated (PRELIMINARY until confirmed).",
        "recalc_form",
    )


def override(admission_id):
    """Replace the calculated dates with a reason (preliminary until confirmed)."""
    form = OverrideForm()
    return _act(
        admission_id,
        form,
        lambda a: override_dates(
            a, form.sed.data, form.erd.data, form.reason.data, form.version.data, current_user.id
        ),
        "Override recorded. The dates are PRELIMINARY until a second officer confirms them.",
        "override_form",
    )


def confirm(calculation_id):
    """A second officer confirms the calculation in force."""
    calc = db.session.get(ReleaseDateCalculation, calculation_id) or abort(404)
    form = ConfirmForm()
    return _act(
        calc.admission_id,
        form,
        lambda a: confirm_calculation(calc, form.version.data, current_user.id),
        "Release dates confirmed.",
        "confirm_form",
    )
