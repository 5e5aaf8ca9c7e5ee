"""Fellegi-Sunter model: m/u probabilities per comparison level, weights, decisions."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .compare import FIELDS, LEVELS, MISSING, PairLevels, compare_pairs
from .explain import ExplanationItem, explain_pair
from .normalise import NormalisedRecord, ensure_normalised
from .records import PersonRecord
from .settings import DECISIONS, MatchSettings
from .table import RecordTable, TermFrequencies

# (m, u) per level; missing levels carry no evidence (weight 0).
DEFAULT_PARAMETERS: dict[str, dict[str, tuple[float, float]]] = {
    "given_name": {
        "exact": (0.80, 0.01),
        "nickname": (0.06, 0.002),
        "fuzzy": (0.06, 0.004),
        "middle": (0.02, 0.002),
        "initial": (0.02, 0.02),
        "different": (0.04, 0.96),
    },
    "surname": {
        "all": (0.82, 0.003),
        "dropped": (0.08, 0.002),
        "one_differs": (0.02, 0.002),
        "fuzzy": (0.04, 0.003),
        "different": (0.04, 0.99),
    },
    "middle_name": {"exact": (0.60, 0.02), "initial": (0.20, 0.05), "different": (0.20, 0.93)},
    "date_of_birth": {
        "exact": (0.86, 0.0002),
        "swapped": (0.02, 0.00005),
        "one_part": (0.08, 0.003),
        "different": (0.04, 0.9968),
    },
    "sex": {"agree": (0.97, 0.5), "different": (0.03, 0.5)},
    "district": {"agree": (0.85, 0.25), "different": (0.15, 0.75)},
    "address": {"high": (0.55, 0.001), "partial": (0.15, 0.01), "different": (0.30, 0.989)},
    "national_id": {
        "exact": (0.95, 0.000001),
        "close": (0.03, 0.00001),
        "different": (0.02, 0.999989),
    },
}
TF_LEVELS = {
    "given_name": ("exact", "nickname"),
    "surname": ("all", "dropped", "one_differs"),
    "district": ("agree",),
}
TRANSPOSITION_PENALTY = -1.0
TF_FLOOR = 1e-4
TF_PSEUDO_RECORDS = 1000.0  # small populations lean on the level's u, large ones on counts
TF_KEEP = 20_000


@dataclass
class Comparison:
    """A scored pair: score in bits, decision, and the field-by-field explanation."""

    left_id: str
    right_id: str
    score: float
    decision: str
    explanation: list[ExplanationItem] = field(default_factory=list)

    @property
    def record_id(self) -> str:
        """Id of the candidate record (the right-hand side)."""
        return self.right_id

    def explain(self) -> list[str]:
        """Explanation as human-readable lines."""
        return [str(item) for item in self.explanation]


class MatchModel:
    """m/u parameters per field level, term frequencies, and the scoring rules."""

    def __init__(
        self,
        parameters=None,
        tf: TermFrequencies | None = None,
        prior: float = 1e-4,
        trained: bool = False,
    ):
        self.parameters = {
            f: dict(levels) for f, levels in (parameters or DEFAULT_PARAMETERS).items()
        }
        self.tf = tf
        self.prior = prior
        self.trained = trained
        self._build_tables()

    @classmethod
    def default(cls) -> MatchModel:
        """Model with documented default parameters, usable without training."""
        return cls()

    def _build_tables(self) -> None:
        self.weight_table = {}
        for name in FIELDS:
            weights = np.zeros(len(LEVELS[name]), dtype=np.float64)
            for level, (m, u) in self.parameters[name].items():
                weights[LEVELS[name].index(level)] = math.log2(m / u)
            weights[MISSING[name]] = 0.0
            self.weight_table[name] = weights

    def level_weights(self, pl: PairLevels, table: RecordTable) -> dict[str, np.ndarray]:
        """Weight of each field for each pair, term-frequency adjusted where it applies."""
        out = {name: self.weight_table[name][pl.levels[name]] for name in FIELDS}
        if table.has_tf:
            share = table.tf_total / (table.tf_total + TF_PSEUDO_RECORDS)
            tf_fields = (
                ("given_name", pl.given_freq),
                ("surname", pl.surname_freq),
                ("district", pl.district_freq),
            )
            for name, freq in tf_fields:
                if freq is not None:
                    out[name] = self._tf_adjust(name, pl.levels[name], freq, out[name], share)
        out["given_name"] = out["given_name"] + np.where(pl.transposed, TRANSPOSITION_PENALTY, 0.0)
        return out

    def _tf_adjust(self, name, levels, freq, weights, share: float):
        """Weight log2(m / u_tf), u_tf blending the value's frequency with the level's u."""
        for level in TF_LEVELS[name]:
            m, u = self.parameters[name][level]
            rows = (levels == LEVELS[name].index(level)) & (freq > 0)
            if rows.any():
                u_tf = share * np.clip(freq[rows], TF_FLOOR, 1.0) + (1 - share) * u
                weights = weights.copy()
                weights[rows] = np.log2(m / u_tf)
        return weights

    def score_pairs(self, table: RecordTable, i, j) -> tuple[np.ndarray, PairLevels, dict]:
        """Scores (bits), levels and per-field weights of pairs (i[k], j[k])."""
        pl = compare_pairs(table, i, j)
        weights = self.level_weights(pl, table)
        return sum(weights.values()), pl, weights

    def decide(self, scores: np.ndarray, pl: PairLevels, settings: MatchSettings) -> np.ndarray:
        """Decision codes (0 match, 1 review, 2 new) with the conflict caps applied."""
        codes = np.where(
            scores >= settings.match_threshold,
            0,
            np.where(scores >= settings.review_threshold, 1, 2),
        )
        for flag, cap in conflict_flags(pl, settings):
            codes = np.where(flag, np.maximum(codes, DECISIONS.index(cap)), codes)
        return codes

    def score(
        self,
        a: PersonRecord | NormalisedRecord,
        b: PersonRecord | NormalisedRecord,
        settings: MatchSettings | None = None,
    ) -> Comparison:
        """Score one pair of records, with a field-by-field explanation."""
        table = RecordTable([ensure_normalised(a), ensure_normalised(b)], tf=self.tf)
        return self.comparisons(table, np.array([0]), np.array([1]), settings)[0]

    def comparisons(self, table: RecordTable, i, j, settings=None) -> list[Comparison]:
        """Comparison objects (with explanations) for pairs of a table."""
        settings = settings or MatchSettings()
        scores, pl, weights = self.score_pairs(table, i, j)
        codes = self.decide(scores, pl, settings)
        out = []
        for k in range(len(scores)):
            items = explain_pair(table, pl, weights, k, conflict_notes(pl, settings, k))
            out.append(
                Comparison(
                    table.ids[pl.left[k]],
                    table.ids[pl.right[k]],
                    round(float(scores[k]), 3),
                    DECISIONS[codes[k]],
                    items,
                )
            )
        return out

    def fit(self, records, **options) -> MatchModel:
        """Estimate m/u from the records by EM (see em.fit_model); returns a new model."""
        from .em import fit_model

        return fit_model(self, records, **options)

    def to_json(self) -> str:
        """Parameters and term frequencies as JSON."""
        tf = self.tf or TermFrequencies()
        data = {
            "version": 1,
            "prior": self.prior,
            "trained": self.trained,
            "parameters": {
                f: {lv: list(mu) for lv, mu in p.items()} for f, p in self.parameters.items()
            },
            "term_frequencies": {
                "total": tf.total,
                "surnames": dict(tf.surnames.most_common(TF_KEEP)),
                "given": dict(tf.given.most_common(TF_KEEP)),
                "districts": dict(tf.districts.most_common(TF_KEEP)),
            },
        }
        return json.dumps(data, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MatchModel:
        """Model from to_json() output."""
        data = json.loads(text)
        params = {f: {lv: tuple(mu) for lv, mu in p.items()} for f, p in data["parameters"].items()}
        tfd = data.get("term_frequencies") or {}
        tf = TermFrequencies(
            Counter(tfd.get("surnames", {})),
            Counter(tfd.get("given", {})),
            int(tfd.get("total", 0)),
            Counter(tfd.get("districts", {})),
        )
        return cls(
            params,
            tf=tf if tf.total else None,
            prior=data.get("prior", 1e-4),
            trained=data.get("trained", False),
        )

    def probability(self, score: float) -> float:
        """Match probability of a score given the model's prior."""
        log_odds = score + math.log2(self.prior / (1 - self.prior))
        return 1.0 / (1.0 + 2.0 ** (-log_odds))


def conflict_flags(pl: PairLevels, settings: MatchSettings):
    """(flag array, cap) for each rule that forbids an automatic link."""
    id_level = pl.levels["national_id"]
    near_id = (id_level == LEVELS["national_id"].index("exact")) | pl.id_typo
    given_diff = (pl.levels["given_name"] == LEVELS["given_name"].index("different")) & ~near_id
    dob_diff = (pl.levels["date_of_birth"] == LEVELS["date_of_birth"].index("different")) & ~near_id
    given_weak = pl.levels["given_name"] >= LEVELS["given_name"].index("middle")
    given_weak &= pl.levels["given_name"] != LEVELS["given_name"].index("missing")
    sex_diff = pl.levels["sex"] == LEVELS["sex"].index("different")
    id_diff = (id_level == LEVELS["national_id"].index("different")) & (given_weak | sex_diff)
    return [
        (given_diff, settings.given_conflict_cap),
        (dob_diff, settings.dob_conflict_cap),
        (pl.suffix_conflict, settings.suffix_conflict_cap),
        (id_diff, settings.id_conflict_cap),
    ]


def conflict_notes(pl: PairLevels, settings: MatchSettings, k: int) -> list[ExplanationItem]:
    """Explanation items for the conflict rules that apply to pair k."""
    texts = (
        "given names differ: possible twin or relative, at most {cap}",
        "dates of birth conflict: possible relative with the same name, at most {cap}",
        "generation suffixes differ (Jr/Sr): father and son, at most {cap}",
        "identifiers differ and given name or sex only partly agree: at most {cap}",
    )
    notes = []
    for (flag, cap), text in zip(conflict_flags(pl, settings), texts, strict=True):
        if flag[k]:
            notes.append(ExplanationItem("rule", text.format(cap=cap), 0.0))
    return notes
