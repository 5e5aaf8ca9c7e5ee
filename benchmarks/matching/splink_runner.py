"""The same inputs through Splink (DuckDB backend), for a side-by-side comparison."""

from __future__ import annotations

import logging
import time

MATCH_PROBABILITY = 0.9


def available() -> bool:
    """True when splink and duckdb are importable."""
    try:
        import duckdb  # noqa: F401
        import splink  # noqa: F401
    except ImportError:
        return False
    return True


def to_frame(records):
    """Splink input frame of PersonRecords."""
    import pandas as pd

    def blank(text):
        return text.lower().strip() or None

    return pd.DataFrame(
        {
            "unique_id": [r.record_id for r in records],
            "first_name": [
                blank(r.given_name.split()[0] if r.given_name.split() else "") for r in records
            ],
            "surname": [blank(r.surname) for r in records],
            "dob": [r.date_of_birth.isoformat() if r.date_of_birth else None for r in records],
            "sex": [r.sex if r.sex in ("M", "F") else None for r in records],
            "district": [blank(r.district) for r in records],
            "address": [blank(r.address) for r in records],
            "national_id": [blank(r.national_id) for r in records],
        }
    )


def _settings(link_type: str):
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type=link_type,
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("sex"),
            cl.ExactMatch("district"),
            cl.LevenshteinAtThresholds("address", [3, 8]),
            cl.LevenshteinAtThresholds("national_id", [1, 2]),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("first_name", "surname"),
            block_on("dob"),
            block_on("national_id"),
            block_on("surname", "address"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def _trained_linker(frames, link_type: str):
    from splink import Linker, block_on
    from splink.internals.duckdb.database_api import DuckDBAPI

    for name in ("splink", "splink.internals"):
        logging.getLogger(name).setLevel(logging.ERROR)
    db_api = DuckDBAPI()
    tables = [db_api.register(f) for f in frames]
    linker = Linker(
        tables if len(tables) > 1 else tables[0], _settings(link_type), log_level=logging.ERROR
    )
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname")
    )
    return linker


def link(left, right) -> tuple[set, float]:
    """(matched (left_id, right_id) pairs at p >= MATCH_PROBABILITY, seconds)."""
    start = time.perf_counter()
    linker = _trained_linker([to_frame(left), to_frame(right)], "link_only")
    predictions = linker.inference.predict(threshold_match_probability=MATCH_PROBABILITY)
    frame = predictions.as_pandas_dataframe()
    left_ids = {r.record_id for r in left}
    pairs = set()
    for a, b in zip(frame["unique_id_l"], frame["unique_id_r"], strict=True):
        pairs.add((a, b) if a in left_ids else (b, a))
    return pairs, time.perf_counter() - start


def dedupe(records) -> tuple[dict, float]:
    """(record id -> cluster id at p >= MATCH_PROBABILITY, seconds)."""
    start = time.perf_counter()
    linker = _trained_linker([to_frame(records)], "dedupe_only")
    predictions = linker.inference.predict(threshold_match_probability=MATCH_PROBABILITY)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, MATCH_PROBABILITY
    ).as_pandas_dataframe()
    labels = dict(zip(clusters["unique_id"], clusters["cluster_id"], strict=True))
    return labels, time.perf_counter() - start
