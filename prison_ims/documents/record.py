"""The inmate record sheet and the prisoner's own file summary (Mandela Rule 9)."""

from common.pdf import PrintedDocument
from prison_ims.documents import sections
from prison_ims.documents.sections import AGENCY


def record_sheet(admission, printed_by=""):
    """The PDF bytes of the inmate record sheet: the whole file on one document."""
    doc = PrintedDocument(
        "Inmate record sheet",
        agency=AGENCY,
        subtitle=f"{admission.booking_number} · {admission.person_record.full_name}",
        printed_by=printed_by,
    )
    sections.booking_barcode(doc, admission)
    sections.identity(doc, admission)
    sections.authority(doc, admission)
    sections.rule_seven(doc, admission)
    sections.offences_and_status(doc, admission)
    sections.housing_and_movements(doc, admission)
    sections.sentences_and_release(doc, admission)
    return doc.build()


def file_summary(admission, printed_by=""):
    """The PDF bytes of the summary of a prisoner's file given to them on request."""
    name = admission.person_record.full_name
    doc = PrintedDocument(
        "Summary of your prison file",
        agency=AGENCY,
        subtitle=f"{name} · booking number {admission.booking_number}",
        printed_by=printed_by,
    )
    doc.paragraph(
        f"This summary of the file kept on {name} by the Belize Central Prison is given at "
        "their request, as Rule 9 of the United Nations Standard Minimum Rules for the "
        "Treatment of Prisoners (the Nelson Mandela Rules) provides. If anything in it is "
        "wrong or missing, tell the records supervisor: corrections are recorded and the "
        "earlier entry is kept."
    )
    sections.identity(doc, admission)
    sections.authority(doc, admission)
    sections.offences_and_status(doc, admission)
    sections.rule_seven(doc, admission)
    sections.housing_and_movements(doc, admission, with_overrides=False)
    sections.sentences_and_release(doc, admission)
    doc.signatures(["Issued by (records officer)", "Received by"])
    return doc.build()
