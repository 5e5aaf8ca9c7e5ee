"""`justice bco indicators --pdf`: the printed summary, from a hand-filled repository."""

from click.testing import CliRunner
from pypdf import PdfReader
from sqlalchemy import insert

from common.cli import main
from common.exports.consumer import records, repository
from common.exports.indicators import compute, load
from common.exports.report import HEADINGS, month_totals
from common.models import utcnow

SNAPSHOTS = [
    # (date, status, sex, age band, unit, count): the last day of November counts.
    ("2026-11-29", "REMAND", "M", "25-34", "MR", 99),
    ("2026-11-30", "REMAND", "M", "25-34", "MR", 40),
    ("2026-11-30", "SENTENCED", "M", "35-49", "MC", 60),
    ("2026-11-30", "REMAND", "F", "18-24", "FU", 3),
    ("2026-10-31", "SENTENCED", "M", "35-49", "MC", 50),
]


def _fill(url):
    engine = repository(url)
    rows = []

    def add(source, dataset, data):
        rid = str(len(rows) + 1)
        rows.append(
            {
                "source": source,
                "dataset": dataset,
                "record_id": rid,
                "record_version": 1,
                "data": {"op": "upsert", "record_id": rid, **data},
                "pulled_at": utcnow(),
            }
        )

    for day, status, sex, band, unit, count in SNAPSHOTS:
        add(
            "prison",
            "population_snapshots",
            {
                "snapshot_date": day,
                "legal_status": status,
                "sex": sex,
                "age_band": band,
                "unit_code": unit,
                "count": count,
            },
        )
    for n in range(7):
        add("prison", "admissions", {"admitted_at": f"2026-11-{n + 1:02d}T10:00:00Z", "sex": "M"})
    for n in range(6):
        add("court", "cases", {"filed_on": f"2026-10-{n + 1:02d}", "disposed_on": "2026-11-20"})
    for n in range(3):
        received, done = f"2026-11-0{n + 1}T09:00:00Z", "2026-11-20T09:00:00Z"
        add(
            "lims",
            "requests",
            {"received_at": received, "completed_at": done, "turnaround_days": 18},
        )
    with engine.begin() as conn:
        conn.execute(insert(records), rows)
    return engine


def test_the_pdf_summary_has_every_section_and_hides_small_cells(tmp_path):
    url = f"sqlite:///{tmp_path / 'bco.db'}"
    engine = _fill(url)
    counts, rates = compute(load(engine))
    assert month_totals(counts, "prison_population") == {"2026-11": 103, "2026-10": 50}
    assert rates[("prison_remand_share", "2026-11")] == (round(43 / 103, 3), 43)
    pdf = tmp_path / "indicators.pdf"
    csv = tmp_path / "indicators.csv"
    result = CliRunner().invoke(
        main, ["bco", "indicators", "--from", url, "--pdf", str(pdf), "--out", str(csv)]
    )
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for heading in HEADINGS.values():
        assert heading in text, heading
    assert "2026-11 103 43 41.7%" in text, "the remand share of November (43 of 103)"
    assert "2026-10 50 <5 <5 values" in text, "no share that would reveal a hidden count"
    assert "103" in text and "<5" in text, "three women on remand are printed as <5"
    assert "<5 values" in text, "three lab turnarounds are too few for a median"
    assert "2026-11 <5 <5 <5 values" in text, "the lab's November row: 3 received"


def test_indicators_needs_an_output(tmp_path):
    result = CliRunner().invoke(main, ["bco", "indicators", "--from", f"sqlite:///{tmp_path}/r.db"])
    assert result.exit_code == 2 and "--pdf" in result.output
