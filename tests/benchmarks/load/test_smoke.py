"""A short run of the load test (`make load` runs the long one): every flow works, no errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.load.report import read_failures, read_stats

ROOT = Path(__file__).resolve().parents[3]
FLOWS = {
    "prison: search",
    "prison: view inmate",
    "prison: home",
    "prison: roll",
    "prison: admit",
    "court: search",
    "court: view case",
    "court: cause list",
    "court: add hearing",
    "lims: cases",
    "lims: view case",
    "lims: transfer",
}


@pytest.fixture
def small_demo(app, justice_cli, monkeypatch):
    """The demo data at a fraction of scale 1: every demo account, a few hundred records."""
    monkeypatch.setattr("common.demo.persons.PERSONS_PER_SCALE", 80)
    monkeypatch.setattr("common.demo.loader.PERSONS_PER_SCALE", 80)
    monkeypatch.setattr("prison_ims.demo_persons.PRISON_ONLY_PERSONS_PER_SCALE", 120)
    monkeypatch.setattr("court_cms.demo.CASES_PER_SCALE", 60)
    monkeypatch.setattr("lims.demo.CASES_PER_SCALE", 80)
    result = justice_cli("demo", "--scale", "1")
    assert result.exit_code == 0, result.output
    return app


@pytest.mark.postgres
def test_load_flows_run_without_errors(small_demo, live_server, tmp_path):
    prefix = tmp_path / "smoke"
    env = {**os.environ, "LOAD_THINK_SECONDS": "0.05,0.2", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "locust"),
            "-f",
            str(ROOT / "benchmarks/load/locustfile.py"),
            "--host",
            live_server,
            "--headless",
            "--users",
            "5",
            "--spawn-rate",
            "5",
            "--run-time",
            "25s",
            "--csv",
            str(prefix),
            "--only-summary",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert (tmp_path / "smoke_stats.csv").exists(), done.stderr[-2000:]
    failures = read_failures(prefix)
    assert failures == [], failures
    exercised = {r["flow"] for r in read_stats(prefix) if r["requests"]}
    assert FLOWS <= exercised, f"flows never run: {sorted(FLOWS - exercised)}"
