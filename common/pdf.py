"""Printed documents (ReportLab): one house style for rolls, certificates, forms and reports.

Usage::

    doc = PrintedDocument("Daily roll", agency="Belize Central Prison",
                          subtitle="Sunday 22 November 2026", printed_by=user.email)
    doc.heading("Unit A")
    doc.table(["Booking", "Name", "Cell"], rows, col_widths=[30, 90, 30])
    doc.paragraph("Certified correct by ...")
    return pdf_response(doc.build(), "daily-roll-2026-11-22.pdf")
"""

from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape

from flask import Response
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from common.timefmt import BELIZE

SUITE_NAME = "Belize Justice Suite"
_STYLES = getSampleStyleSheet()
STYLES = {
    "title": ParagraphStyle("JTitle", parent=_STYLES["Title"], fontSize=16, spaceAfter=2 * mm),
    "subtitle": ParagraphStyle("JSub", parent=_STYLES["Normal"], fontSize=10, alignment=1),
    "heading": ParagraphStyle("JHead", parent=_STYLES["Heading2"], fontSize=12, spaceBefore=4 * mm),
    "body": ParagraphStyle("JBody", parent=_STYLES["Normal"], fontSize=9.5, leading=12),
    "cell": ParagraphStyle("JCell", parent=_STYLES["Normal"], fontSize=8.5, leading=10),
    "small": ParagraphStyle("JSmall", parent=_STYLES["Normal"], fontSize=7.5, leading=9),
}
GRID = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#e9ecef")


def text(value, style="cell"):
    """A Paragraph with the value escaped (names and free text are never markup)."""
    return Paragraph(escape("" if value is None else str(value)), STYLES[style])


class PrintedDocument:
    """A titled A4 document with a running footer: suite, agency, printed by/at, page n of m."""

    def __init__(
        self, title, agency="", subtitle="", printed_by="", landscape_pages=False, now=None
    ):
        self.title, self.agency, self.subtitle = title, agency, subtitle
        self.printed_by = printed_by
        self.pagesize = landscape(A4) if landscape_pages else A4
        self.printed_at = (now or datetime.now(BELIZE)).strftime("%d %b %Y %H:%M")
        self.story = [Paragraph(escape(title), STYLES["title"])]
        if subtitle:
            self.story.append(Paragraph(escape(subtitle), STYLES["subtitle"]))
        self.story.append(Spacer(1, 4 * mm))

    @property
    def width(self):
        """Usable width in points between the margins."""
        return self.pagesize[0] - 30 * mm

    def heading(self, value):
        """A section heading."""
        self.story.append(Paragraph(escape(value), STYLES["heading"]))

    def paragraph(self, value, style="body"):
        """A paragraph of plain text (escaped)."""
        self.story.append(text(value, style))

    def spacer(self, height_mm=4):
        """Vertical space."""
        self.story.append(Spacer(1, height_mm * mm))

    def page_break(self):
        """Start a new page."""
        self.story.append(PageBreak())

    def fields(self, pairs, label_width_mm=50):
        """A two-column label/value block (e.g. identity on a record sheet)."""
        rows = [[text(label, "cell"), text(value, "cell")] for label, value in pairs]
        if not rows:
            return
        table = Table(rows, colWidths=[label_width_mm * mm, self.width - label_width_mm * mm])
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.story.append(table)

    def table(self, headers, rows, col_widths=None, empty="None recorded."):
        """A grid with a repeated header row; col_widths in mm (scaled to fit)."""
        if not rows:
            self.paragraph(empty)
            return
        data = [[text(h) for h in headers]] + [[text(v) for v in row] for row in rows]
        widths = None
        if col_widths:
            scale = self.width / (sum(col_widths) * mm)
            widths = [w * mm * scale for w in col_widths]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self.story.append(table)

    def signatures(self, roles):
        """Signature lines kept together, one per role (e.g. 'Releasing officer')."""
        rows = [
            [text(role), text("Signature: ______________________   Date: __________")]
            for role in roles
        ]
        table = Table(rows, colWidths=[60 * mm, self.width - 60 * mm], rowHeights=12 * mm)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        self.story.append(KeepTogether([Spacer(1, 6 * mm), table]))

    def flowable(self, item):
        """Any ReportLab flowable (a barcode drawing, a chart)."""
        self.story.append(item)

    def _footer(self, canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        left = f"{SUITE_NAME}" + (f" · {self.agency}" if self.agency else "")
        printed = f"Printed {self.printed_at}" + (
            f" by {self.printed_by}" if self.printed_by else ""
        )
        canvas.drawString(15 * mm, 10 * mm, left)
        canvas.drawCentredString(self.pagesize[0] / 2, 10 * mm, printed)
        canvas.drawRightString(
            self.pagesize[0] - 15 * mm, 10 * mm, f"{self.title} · page {doc.page}"
        )
        canvas.restoreState()

    def build(self):
        """The PDF as bytes."""
        buffer = BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=18 * mm,
            title=self.title,
            author=self.agency or SUITE_NAME,
        )
        doc.build(self.story, onFirstPage=self._footer, onLaterPages=self._footer)
        return buffer.getvalue()


def pdf_response(data, filename, inline=False):
    """A Flask response carrying a PDF (download by default)."""
    disposition = "inline" if inline else "attachment"
    return Response(
        data,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'{disposition}; filename="{filename}"'},
    )
