"""Barcode label sheets (Code128) for items and storage locations."""

from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from common.pdf import GRID, PrintedDocument, text


def barcode_drawing(value, width_mm=80):
    """A Code128 barcode with its text underneath, scaled to `width_mm`."""
    drawing = createBarcodeDrawing(
        "Code128", value=value, barHeight=12 * mm, humanReadable=True, barWidth=0.3 * mm
    )
    if drawing.width > width_mm * mm:
        scale = width_mm * mm / drawing.width
        drawing.scale(scale, 1)
        drawing.width *= scale
    return drawing


def label_sheet(title, labels, printed_by=""):
    """A PDF of labels, two across: each (barcode value, [text lines])."""
    doc = PrintedDocument(title, agency="National Forensic Science Service", printed_by=printed_by)
    cells = [
        [barcode_drawing(value), *[text(line, "small") for line in lines]]
        for value, lines in labels
    ]
    if not cells:
        doc.paragraph("Nothing to label.")
        return doc.build()
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append("")
    table = Table(rows, colWidths=[doc.width / 2] * 2)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.4, GRID),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    doc.flowable(table)
    return doc.build()


def item_labels(items):
    """Label contents for items: barcode, case and item number, type, seals."""
    return [
        (
            item.barcode,
            [
                f"{item.case.lab_number} · item {item.number}",
                f"{item.type_label}: {item.description[:80]}",
                f"Seals: {item.seal_text or 'none'}",
            ],
        )
        for item in items
    ]


def location_labels(locations):
    """Label contents for storage locations: barcode and path."""
    return [(loc.barcode, [loc.path, loc.kind_label]) for loc in locations]
