"""The shared printed-document builder and chart macro."""

import json
import re

from pypdf import PdfReader

from common.pdf import PrintedDocument


def test_printed_document_has_title_table_and_footer(tmp_path):
    doc = PrintedDocument("Daily roll", agency="Belize Central Prison", printed_by="a@b.bz")
    doc.heading("Unit A")
    doc.table(["Booking", "Name"], [["BCP-2026-00001", "<script>José</script>"]] * 80)
    doc.signatures(["Officer in charge"])
    path = tmp_path / "roll.pdf"
    path.write_bytes(doc.build())
    reader = PdfReader(path)
    assert len(reader.pages) >= 2, "80 rows run onto a second page"
    first = reader.pages[0].extract_text()
    assert "Daily roll" in first and "BCP-2026-00001" in first
    assert "<script>José</script>" in first, "names are printed as text, not parsed as markup"
    assert "Belize Central Prison" in first and "by a@b.bz" in first
    assert "page 2" in reader.pages[1].extract_text()


def test_empty_table_says_none_recorded(tmp_path):
    doc = PrintedDocument("Property")
    doc.table(["Item"], [], empty="No property recorded.")
    path = tmp_path / "p.pdf"
    path.write_bytes(doc.build())
    assert "No property recorded." in PdfReader(path).pages[0].extract_text()


def test_chart_macro_writes_config_and_figures(app):
    with app.test_request_context():
        template = app.jinja_env.from_string(
            "{% from '_macros/charts.html' import chart %}"
            "{{ chart('pop', 'bar', ['Remand', \"O'Brien\"], "
            "[{'label': 'Men', 'data': [3, 4]}], 'Population') }}"
        )
        html = template.render()
    config = json.loads(re.search(r"data-chart='([^']*)'", html).group(1).replace("&#39;", "'"))
    assert config["type"] == "bar"
    assert config["data"]["labels"] == ["Remand", "O'Brien"]
    assert "<td>Remand</td><td>3</td>" in html and "<td>4</td>" in html
