"""Search by part of a word in a form PostgreSQL serves from its trigram indexes."""

from sqlalchemy import any_, func, literal_column

from common.extensions import db


def in_ids(column, ids_query):
    """`column` is one of the ids `ids_query` (a one-column SELECT) returns.

    On PostgreSQL this is `column = ANY(coalesce((SELECT array_agg(…)), '{}'))`: inside an OR
    beside other indexed conditions the planner can still combine the indexes (a bitmap OR),
    which it cannot do with `IN (subquery)`. Elsewhere (SQLite) it is the plain IN.
    """
    if db.session.get_bind().dialect.name != "postgresql":
        return column.in_(ids_query)
    ids = ids_query.selected_columns[0]
    array = ids_query.with_only_columns(func.array_agg(ids)).scalar_subquery()
    return column == any_(func.coalesce(array, literal_column("'{}'")))


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
