"""The indicators as a printed summary (ReportLab): charts by month, tables, small cells hidden.

The same suppression as the CSV: a count under 5 is printed "<5" and left out of the charts
(a gap), a median or share of fewer than 5 values is printed "<5 values".
"""

from collections import Counter

from common.exports.indicators import SUPPRESS_BELOW, suppressed
from common.exports.records import AGE_BAND_LABELS
from common.pdf import PrintedDocument
from common.pdf_charts import series_chart

MONTHS_SHOWN = 24
SEXES = (("F", "Women"), ("M", "Men"), ("U", "Sex not recorded"))
HEADINGS = {
    "population": "Prison population and remand share by month",
    "profile": "Prison population by sex and age band",
    "admissions": "Prison admissions by month",
    "court": "Court filings and dispositions by month",
    "lab": "Lab requests, backlog and turnaround by month",
    "persons": "Persons seen in more than one system",
}


def month_totals(counts, name):
    """{month: value} of one indicator summed over sex, age band and district."""
    totals = Counter()
    for (indicator, month, *_dims), value in counts.items():
        if indicator == name and month:
            totals[month] += value
    return totals


def recent_months(*totals):
    """The last MONTHS_SHOWN months that any of the given month totals has, oldest first."""
    months = sorted({m for t in totals for m in t})
    return months[-MONTHS_SHOWN:]


def plotted(value):
    """A count as charted: None (a gap) when it would be suppressed."""
    return value if value >= SUPPRESS_BELOW else None


def rate_text(rates, name, month, fmt="{:g}"):
    """A median or share as printed, or '<5 values' / '' when too few or none."""
    if (name, month) not in rates:
        return ""
    value, n = rates[(name, month)]
    return fmt.format(value) if n >= SUPPRESS_BELOW else f"<{SUPPRESS_BELOW} values"


def _chart(doc, kind, months, series, title):
    lines = [(label, [plotted(t.get(m, 0)) for m in months]) for label, t in series]
    doc.flowable(series_chart(kind, months, lines, doc.width, title=title))
    doc.spacer(2)


def _population(doc, counts, rates):
    doc.heading(HEADINGS["population"])
    held = month_totals(counts, "prison_population")
    remand = month_totals(counts, "prison_on_remand")
    months = recent_months(held)
    if not months:
        doc.paragraph("No population figures in the repository.")
        return
    series = [("In custody", held), ("On remand", remand)]
    _chart(doc, "line", months, series, "Persons in custody at month end")
    rows = [
        [
            m,
            suppressed(held.get(m, 0)),
            suppressed(remand.get(m, 0)),
            rate_text(rates, "prison_remand_share", m, "{:.1%}"),
        ]
        for m in months
    ]
    doc.table(["Month", "In custody", "On remand", "Remand share"], rows, [30, 30, 30, 30])
    _profile(doc, counts, months[-1])


def _profile(doc, counts, month):
    doc.heading(f"{HEADINGS['profile']}, end of {month}")
    cells = Counter()
    for (name, m, sex, band, _district), value in counts.items():
        if name == "prison_population" and m == month:
            cells[(sex, band)] += value
    rows = [
        [label, *[suppressed(cells.get((sex, band), 0)) for band in AGE_BAND_LABELS]]
        for sex, label in SEXES
        if any(s == sex for s, _b in cells)
    ]
    doc.table(["", *AGE_BAND_LABELS], rows, [34] + [18] * len(AGE_BAND_LABELS))


def _admissions(doc, counts):
    doc.heading(HEADINGS["admissions"])
    admitted = month_totals(counts, "prison_admissions")
    months = recent_months(admitted)
    if not months:
        doc.paragraph("No admissions in the repository.")
        return
    _chart(doc, "bar", months, [("Admissions", admitted)], "Admissions per month")
    women = Counter()
    for (name, month, sex, *_rest), value in counts.items():
        if name == "prison_admissions" and sex == "F":
            women[month] += value
    rows = [[m, suppressed(admitted[m]), suppressed(women.get(m, 0))] for m in months]
    doc.table(["Month", "Admissions", "of whom women"], rows, [30, 30, 30])


def _court(doc, counts, rates):
    doc.heading(HEADINGS["court"])
    filed = month_totals(counts, "court_filings")
    disposed = month_totals(counts, "court_dispositions")
    months = recent_months(filed, disposed)
    if not months:
        doc.paragraph("No court cases in the repository.")
        return
    series = [("Filings", filed), ("Dispositions", disposed)]
    _chart(doc, "bar", months, series, "Cases filed and disposed per month")
    rows = [
        [
            m,
            suppressed(filed.get(m, 0)),
            suppressed(disposed.get(m, 0)),
            rate_text(rates, "court_median_days_to_disposition", m),
        ]
        for m in months
    ]
    doc.table(["Month", "Filings", "Dispositions", "Median days to disposition"], rows)


def _lab(doc, counts, rates):
    doc.heading(HEADINGS["lab"])
    received = month_totals(counts, "lab_requests")
    backlog = month_totals(counts, "lab_backlog")
    months = recent_months(received, backlog)
    if not months:
        doc.paragraph("No lab requests in the repository.")
        return
    series = [("Requests received", received), ("Backlog at month end", backlog)]
    _chart(doc, "bar", months, series, "Lab requests and backlog")
    rows = [
        [
            m,
            suppressed(received.get(m, 0)),
            suppressed(backlog.get(m, 0)),
            rate_text(rates, "lab_median_turnaround_days", m),
        ]
        for m in months
    ]
    doc.table(["Month", "Received", "Backlog", "Median turnaround days"], rows)


def build_pdf(counts, rates, source, today):
    """The indicator summary as PDF bytes."""
    doc = PrintedDocument(
        "Cross-system justice indicators",
        agency="Belize Crime Observatory",
        subtitle=f"Computed {today:%d %b %Y} from the repository {source}",
    )
    doc.paragraph(
        f"Counts under {SUPPRESS_BELOW} are printed <{SUPPRESS_BELOW} and left out of the "
        f"charts; medians and shares of fewer than {SUPPRESS_BELOW} values are not printed. "
        f"Tables and charts show the last {MONTHS_SHOWN} months with data; the CSV holds all."
    )
    _population(doc, counts, rates)
    _admissions(doc, counts)
    _court(doc, counts, rates)
    _lab(doc, counts, rates)
    doc.heading(HEADINGS["persons"])
    shared = counts.get(("persons_in_more_than_one_system", "", "", "", ""), 0)
    doc.paragraph(
        f"Persons whose person_key appears in the feeds of two or more systems: "
        f"{suppressed(shared)}."
    )
    doc.spacer(2)
    doc.paragraph("Sources: the prison, lab and court export feeds (pseudonymous).", "small")
    return doc.build()


def write_pdf(path, counts, rates, source, today):
    """Write the indicator summary PDF to `path`."""
    with open(path, "wb") as handle:
        handle.write(build_pdf(counts, rates, source, today))
