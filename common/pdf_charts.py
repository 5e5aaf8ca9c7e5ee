"""Charts for printed documents: named series over labels (months), as bars or lines.

Drawings go into a `common.pdf.PrintedDocument` with `doc.flowable(...)`. A value of None
is left out of the chart (a gap), which is how suppressed small counts are shown.
"""

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

PALETTE = [colors.HexColor(c) for c in ("#1f4e79", "#c55a11", "#548235", "#7f6000")]
MAX_AXIS_LABELS = 12


def _sparse(labels):
    """Every n-th label, so at most MAX_AXIS_LABELS show under the axis."""
    step = max(1, -(-len(labels) // MAX_AXIS_LABELS))
    return [label if i % step == 0 else "" for i, label in enumerate(labels)]


def _top(series):
    values = [v for _name, data in series for v in data if v is not None]
    return max(values, default=0) or 1


def _plot(kind, series):
    if kind == "bar":
        chart = VerticalBarChart()
        chart.barSpacing = 0.5
        chart.groupSpacing = 2
        for i in range(len(series)):
            chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
            chart.bars[i].strokeColor = None
        return chart
    chart = HorizontalLineChart()
    chart.joinedLines = 1
    for i in range(len(series)):
        chart.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
        chart.lines[i].strokeWidth = 1.5
    return chart


def series_chart(kind, labels, series, width, height=60 * mm, title=""):
    """A Drawing of `series` [(name, [value or None per label])] as 'bar' or 'line'."""
    drawing = Drawing(width, height)
    chart = _plot(kind, series)
    chart.x, chart.y = 12 * mm, 16 * mm
    chart.width, chart.height = width - 16 * mm, height - 28 * mm
    chart.data = [tuple(values) for _name, values in series] or [(0,)]
    chart.categoryAxis.categoryNames = _sparse(list(labels)) or [""]
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _top(series) * 1.1
    chart.valueAxis.labels.fontSize = 7
    drawing.add(chart)
    if title:
        drawing.add(String(0, height - 9, title, fontName="Helvetica-Bold", fontSize=8.5))
    legend = Legend()
    legend.x, legend.y = width - 2 * mm, height - 3
    legend.alignment = "right"
    legend.boxAnchor = "ne"
    legend.fontSize = 7
    legend.columnMaximum = 1
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)
    ]
    drawing.add(legend)
    return drawing
