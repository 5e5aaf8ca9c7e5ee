"""The release-date working as a printed document."""

from common.pdf import PrintedDocument
from common.timefmt import belize_time, long_date
from prison_ims.sentences.policy import policy_rows

AGENCY = "Belize Central Prison"


def working_document(calc, admission, sentences, printed_by=""):
    """The PDF bytes of one calculation: dates, state, sentences, policy and every line."""
    doc = PrintedDocument(
        "Release-date working",
        agency=AGENCY,
        subtitle=f"{admission.booking_number} · {admission.person_record.full_name}",
        printed_by=printed_by,
    )
    state = "CONFIRMED" if calc.state == "CONFIRMED" else calc.state
    if calc.state == "PRELIMINARY":
        doc.paragraph(
            "PRELIMINARY: not to be relied on until a second officer confirms it.", "heading"
        )
    doc.fields(
        [
            ("Calculation", f"#{calc.id}, {calc.trigger}"),
            ("State", state + (" (superseded)" if calc.state == "SUPERSEDED" else "")),
            ("Calculated", f"{belize_time(calc.calculated_at)} by {_who(calc.calculated_by)}"),
            (
                "Confirmed",
                f"{belize_time(calc.confirmed_at)} by {_who(calc.confirmed_by)}"
                if calc.confirmed_at
                else "not confirmed",
            ),
            ("Sentence expiry date (SED)", long_date(calc.sed) or "none (life)"),
            ("Earliest release date (ERD)", long_date(calc.erd) or "none (life)"),
            ("Remand credit", f"{calc.inputs.get('remand_days', 0)} days"),
            ("Forfeited remission", f"{calc.inputs.get('forfeited_remission_days', 0)} days"),
        ]
    )
    if calc.overridden:
        doc.paragraph(
            f"Dates overridden. The engine gave SED {long_date(calc.engine_sed) or '—'}, ERD "
            f"{long_date(calc.engine_erd) or '—'}. Reason: {calc.override_reason}"
        )
    doc.heading("Sentences")
    doc.table(
        ["Sentence", "Starts", "Term", "Runs"],
        [_sentence_row(item) for item in calc.inputs.get("sentences", [])],
        col_widths=[20, 35, 45, 40],
    )
    doc.heading("Policy (configurable, to be confirmed by the Belize Prisons Department)")
    doc.fields([(label, value) for label, value in policy_rows(calc.policy)], label_width_mm=90)
    doc.heading("Working")
    for number, line in enumerate(calc.working, 1):
        doc.paragraph(f"{number}. {line}")
    doc.signatures(["Calculated by", "Checked and confirmed by"])
    return doc.build()


def _sentence_row(item):
    """One sentence of the inputs as a table row."""
    years, months, days = (item.get(k, 0) for k in ("years", "months", "days"))
    term = "Life" if item.get("life") else f"{years} years {months} months {days} days"
    runs = f"after {item['consecutive_to']}" if item.get("consecutive_to") else "concurrent"
    start = item.get("start") or f"day after {item.get('consecutive_to')} expires"
    return [item.get("id"), start, term, runs]


def _who(user):
    """A user's name for the printed page."""
    if user is None:
        return "system"
    return user.full_name or user.email
