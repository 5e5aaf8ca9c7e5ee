"""File-to-file operations behind the matching commands (LINKS.csv, CLUSTERS.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from .linkage import dedupe, link
from .model import MatchModel
from .records import read_records_csv


def link_files(left_path, right_path, out_path, progress=None) -> int:
    """Link two record CSV files and write left_id,right_id,score,decision; returns row count."""
    rows = link(read_records_csv(left_path), read_records_csv(right_path), progress=progress)
    with Path(out_path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["left_id", "right_id", "score", "decision"])
        writer.writerows((a, b, f"{score:.3f}", decision) for a, b, score, decision in rows)
    return len(rows)


def dedupe_file(path, out_path, settings=None, train=False, progress=None) -> int:
    """De-duplicate a record CSV file and write record_id,person_id; returns person count.

    With `train`, the model's parameters are first estimated from the file itself (EM).
    """
    records = read_records_csv(path)
    model = MatchModel.default().fit(records) if train else None
    clusters = dedupe(records, model=model, settings=settings, progress=progress)
    with Path(out_path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "person_id"])
        writer.writerows(clusters.items())
    return len(set(clusters.values()))
