"""In-memory incremental index: add records, find and score candidates for a new one."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .blocking import blocking_keys, key_cap, undated_only
from .model import Comparison, MatchModel
from .normalise import NormalisedRecord, ensure_normalised
from .records import PersonRecord
from .settings import MatchSettings
from .table import RecordTable, TermFrequencies


class MatchIndex:
    """Records held in memory with their blocking keys, for one-record-at-a-time lookups."""

    def __init__(self, model: MatchModel | None = None, settings: MatchSettings | None = None):
        self.model = model or MatchModel.default()
        self.settings = settings or MatchSettings()
        self._records: list[NormalisedRecord | None] = []
        self._rows: dict[str, int] = {}
        self._postings: dict[str, list[int]] = defaultdict(list)
        self.tf = TermFrequencies()

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, record_id: str) -> bool:
        return record_id in self._rows

    def add(self, record: PersonRecord | NormalisedRecord) -> None:
        """Add one record; a record id already present is replaced."""
        rec = ensure_normalised(record)
        if rec.record_id in self._rows:
            self.remove(rec.record_id)
        row = len(self._records)
        self._records.append(rec)
        self._rows[rec.record_id] = row
        for key in blocking_keys(rec):
            self._postings[key].append(row)
        self.tf.add(rec)

    def add_many(self, records) -> None:
        """Add many records."""
        for record in records:
            self.add(record)

    def remove(self, record_id: str) -> None:
        """Drop a record from the index (its key postings are skipped from then on)."""
        row = self._rows.pop(record_id)
        rec = self._records[row]
        self._records[row] = None
        if rec is not None:
            self.tf.add(rec, sign=-1)

    def _candidate_rows(self, rec: NormalisedRecord) -> list[int]:
        rows: set[int] = set()
        for key in blocking_keys(rec):
            posting = self._postings.get(key)
            if not posting or len(posting) > key_cap(key, self.settings.max_block):
                continue
            if rec.year and undated_only(key):
                posting = [r for r in posting if self._records[r] and not self._records[r].year]
            rows.update(posting)
        own = self._rows.get(rec.record_id)
        return [r for r in sorted(rows) if r != own and self._records[r] is not None]

    def candidates(
        self,
        record: PersonRecord | NormalisedRecord,
        limit: int = 10,
        min_score: float | None = None,
    ) -> list[Comparison]:
        """Best-scoring indexed records for a record, best first, with explanations."""
        rec = ensure_normalised(record)
        rows = self._candidate_rows(rec)
        if not rows:
            return []
        table = RecordTable([rec] + [self._records[r] for r in rows], tf=self.tf)
        j = np.arange(1, len(rows) + 1)
        i = np.zeros_like(j)
        scores, _, _ = self.model.score_pairs(table, i, j)
        if min_score is not None:
            keep = scores >= min_score
            i, j, scores = i[keep], j[keep], scores[keep]
        top = np.argsort(-scores, kind="stable")[:limit]
        return self.model.comparisons(table, i[top], j[top], self.settings)
