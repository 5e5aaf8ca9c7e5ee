"""WHERE conditions over many ids, in the form PostgreSQL plans and runs fastest."""

from sqlalchemy import ARRAY, Integer, any_, bindparam, func, literal_column

from common.extensions import db


def is_postgresql():
    """Whether this session talks to PostgreSQL (else SQLite, a first run)."""
    return db.session.get_bind().dialect.name == "postgresql"


def in_values(column, values):
    """`column` is one of `values` (ints): one array parameter on PostgreSQL.

    A thousand-item `IN (…)` list costs more to build, parse and plan than the query costs to
    run; `= ANY(%(ids)s)` is one parameter whatever the length. Elsewhere (SQLite) a plain IN.
    """
    values = list(values)
    if not is_postgresql():
        return column.in_(values)
    return column == any_(bindparam(None, values, type_=ARRAY(Integer)))


def in_ids(column, ids_query):
    """`column` is one of the ids `ids_query` (a one-column SELECT) returns.

    On PostgreSQL this is `column = ANY(coalesce((SELECT array_agg(…)), '{}'))`: inside an OR
    beside other indexed conditions the planner can still combine the indexes (a bitmap OR),
    which it cannot do with `IN (subquery)`. Elsewhere (SQLite) it is the plain IN.
    """
    if not is_postgresql():
        return column.in_(ids_query)
    ids = ids_query.selected_columns[0]
    array = ids_query.with_only_columns(func.array_agg(ids)).scalar_subquery()
    return column == any_(func.coalesce(array, literal_column("'{}'")))
