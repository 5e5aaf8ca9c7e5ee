"""Search by part of a word: the trigram indexes PostgreSQL serves it from."""

from common.extensions import db


def trigram_indexes(table, *columns):
    """GIN trigram indexes (PostgreSQL, pg_trgm) for ILIKE '%…%' on `columns` of `table`."""
    return tuple(
        db.Index(
            f"ix_{table}_{name}_trgm",
            name,
            postgresql_using="gin",
            postgresql_ops={name: "gin_trgm_ops"},
        )
        for name in columns
    )
