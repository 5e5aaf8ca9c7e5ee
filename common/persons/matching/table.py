"""Column store of normalised records so many pairs can be compared at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .normalise import DISTRICTS, NormalisedRecord
from .text import sound_key

GROUP_SLOTS = 4
BELIZE_DISTRICTS = frozenset(DISTRICTS.values())
SEX_CODES = {"M": 1, "F": 2}


@dataclass
class TermFrequencies:
    """How often each surname, given-name group and district occurs in a population."""

    surnames: Counter = field(default_factory=Counter)
    given: Counter = field(default_factory=Counter)
    total: int = 0
    districts: Counter = field(default_factory=Counter)

    def add(self, rec: NormalisedRecord, sign: int = 1) -> None:
        """Count (or with sign=-1 uncount) one record."""
        for s in set(rec.surnames):
            self.surnames[s] += sign
        if rec.given_groups:
            self.given[rec.given_groups[0]] += sign
        if rec.district:
            self.districts[rec.district] += sign
        self.total += sign

    @classmethod
    def from_records(cls, records: Iterable[NormalisedRecord]) -> TermFrequencies:
        """Term frequencies of a list of records."""
        surnames: Counter = Counter()
        given: Counter = Counter()
        districts: Counter = Counter()
        total = 0
        for rec in records:
            surnames.update(set(rec.surnames))
            if rec.given_groups:
                given[rec.given_groups[0]] += 1
            if rec.district:
                districts[rec.district] += 1
            total += 1
        return cls(surnames, given, total, districts)

    def surname_freq(self, name: str) -> float:
        """Share of records carrying this surname (0 when unknown)."""
        return self.surnames.get(name, 0) / self.total if self.total else 0.0

    def district_freq(self, name: str) -> float:
        """Share of records from this district or place of birth (0 when unknown)."""
        return self.districts.get(name, 0) / self.total if self.total else 0.0

    def given_freq(self, name: str) -> float:
        """Share of records whose given name falls in this group (0 when unknown)."""
        return self.given.get(name, 0) / self.total if self.total else 0.0


def _ids(values: Sequence[str], vocab: dict[str, int]) -> np.ndarray:
    return np.fromiter(
        (vocab.setdefault(v, len(vocab)) if v else -1 for v in values),
        dtype=np.int64,
        count=len(values),
    )


def _lengths(values: np.ndarray) -> np.ndarray:
    return np.fromiter((len(v) for v in values), dtype=np.int32, count=len(values))


def _firsts(values: np.ndarray) -> np.ndarray:
    return np.fromiter((ord(v[0]) if v else 0 for v in values), dtype=np.int32, count=len(values))


def _objects(values: Iterable[str]) -> np.ndarray:
    out = np.empty(len(values := list(values)), dtype=object)
    out[:] = values
    return out


class RecordTable:
    """Columns of normalised records; row numbers are positions in the input list."""

    def __init__(self, records: Sequence[NormalisedRecord], tf: TermFrequencies | None = None):
        self.records = records
        self.ids = [r.record_id for r in records]
        self._names(records)
        self._others(records)
        self._frequencies(tf)

    def _names(self, records: Sequence[NormalisedRecord]) -> None:
        self.name_vocab: dict[str, int] = {}
        vocab = self.name_vocab
        self.given = _objects(r.given for r in records)
        self.middle = _objects(r.middles[0] if r.middles else "" for r in records)
        self.sur1 = _objects(r.surnames[0] if r.surnames else "" for r in records)
        self.sur2 = _objects(r.surnames[1] if len(r.surnames) > 1 else "" for r in records)
        self.surname = _objects(" ".join(r.surnames) for r in records)
        self.lens = {c: _lengths(getattr(self, c)) for c in ("given", "middle", "sur1", "surname")}
        self.first = {c: _firsts(getattr(self, c)) for c in ("given", "middle")}
        self.given_id = _ids(self.given, vocab)
        self.code_vocab: dict[str, int] = {}
        self.given_code = _ids([sound_key(g) for g in self.given], self.code_vocab)
        self.sur1_code = _ids([sound_key(s) for s in self.sur1], self.code_vocab)
        self.middle_id = _ids(self.middle, vocab)
        self.sur1_id = _ids(self.sur1, vocab)
        self.sur2_id = _ids(self.sur2, vocab)
        self.group_vocab: dict[str, int] = {}
        groups = [(r.given_groups + ("",) * GROUP_SLOTS)[:GROUP_SLOTS] for r in records]
        self.groups = (
            np.stack(
                [_ids([g[k] for g in groups], self.group_vocab) for k in range(GROUP_SLOTS)], axis=1
            )
            if records
            else np.empty((0, GROUP_SLOTS), dtype=np.int64)
        )

    def _others(self, records: Sequence[NormalisedRecord]) -> None:
        n = len(records)
        self.year = np.fromiter((r.year for r in records), dtype=np.int32, count=n)
        self.month = np.fromiter((r.month for r in records), dtype=np.int32, count=n)
        self.day = np.fromiter((r.day for r in records), dtype=np.int32, count=n)
        self.sex = np.fromiter((SEX_CODES.get(r.sex, 0) for r in records), dtype=np.int8, count=n)
        self.other_vocab: dict[str, int] = {}
        self.district_id = _ids([r.district for r in records], self.other_vocab)
        self.suffix_id = _ids([r.suffix for r in records], self.other_vocab)
        self.nid = _objects(r.national_id for r in records)
        self.nid_id = _ids(self.nid, self.other_vocab)
        self.address = _objects(r.address for r in records)
        self.lens["address"] = _lengths(self.address)

    def _frequencies(self, tf: TermFrequencies | None) -> None:
        self.has_tf = bool(tf and tf.total)
        self.tf_total = tf.total if self.has_tf else 0
        names = [""] * len(self.name_vocab)
        for name, i in self.name_vocab.items():
            names[i] = name
        groups = [""] * len(self.group_vocab)
        for name, i in self.group_vocab.items():
            groups[i] = name
        if self.has_tf:
            sur_f = [tf.surname_freq(s) for s in names]
            giv_f = [tf.given_freq(g) for g in groups]
        else:
            sur_f, giv_f = [0.0] * len(names), [0.0] * len(groups)
        # index -1 (missing) maps onto the appended trailing 0.0
        self.name_freq = np.asarray(sur_f + [0.0], dtype=np.float64)
        # Belize's six districts keep their calibrated default weight; other places (an old
        # register's place of birth) are weighted by how common they are
        district_f = tf.district_freq if self.has_tf else lambda _name: 0.0
        self.district_freq = np.fromiter(
            (
                0.0 if r.district in BELIZE_DISTRICTS else district_f(r.district)
                for r in self.records
            ),
            dtype=np.float64,
            count=len(self.ids),
        )
        self.group_freq = np.asarray(giv_f + [0.0], dtype=np.float64)

    def __len__(self) -> int:
        return len(self.ids)
