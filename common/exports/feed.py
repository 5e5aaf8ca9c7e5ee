"""Reading a dataset's change feed in cursor pages, and its full snapshot as CSV."""

import csv
import io
from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import literal, select

from common.exports.datasets import ENVELOPE_FIELDS
from common.exports.models import ExportChange
from common.exports.outbox import last_seq
from common.exports.records import build_record, plain, tombstone

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
SNAPSHOT_BATCH = 5000
CONVERTED_TYPES = ("datetime", "number")  # written differently from their Python str()


class FeedError(ValueError):
    """A bad cursor or limit; the message says what is wrong and how to fix it."""


@dataclass
class Page:
    records: list
    next_cursor: str
    has_more: bool


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="export-cursor-v1")


def encode_cursor(dataset, seq):
    """An opaque cursor: the position after change `seq` of this dataset."""
    return _serializer().dumps({"a": dataset.app, "d": dataset.name, "s": int(seq)})


def decode_cursor(dataset, cursor):
    """The change number a cursor stands for (0 without a cursor); FeedError if invalid."""
    if not cursor:
        return 0
    try:
        data = _serializer().loads(cursor)
    except BadSignature:
        raise FeedError(
            "cursor is not valid: pass back the next_cursor of a previous page unchanged, "
            "or omit it to start from the beginning"
        ) from None
    if not isinstance(data, dict) or (data.get("a"), data.get("d")) != (dataset.app, dataset.name):
        raise FeedError(f"cursor belongs to another dataset: use a cursor from {dataset.name}")
    return int(data["s"])


def parse_limit(raw):
    """The page size asked for (default 500); FeedError unless 1..5000."""
    if raw in (None, ""):
        return DEFAULT_LIMIT
    try:
        limit = int(raw)
    except ValueError:
        raise FeedError(f"limit must be a whole number from 1 to {MAX_LIMIT}") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise FeedError(f"limit must be from 1 to {MAX_LIMIT} (got {limit})")
    return limit


def _id_values(dataset, ids):
    python_type = dataset.id_column.type.python_type
    return [python_type(i) for i in ids]


def current_rows(session, dataset, ids):
    """{record_id: row mapping} of the given records still in the dataset's scope."""
    if not ids:
        return {}
    query = dataset.query().where(dataset.id_column.in_(_id_values(dataset, ids)))
    return {str(row["record_id"]): row for row in session.execute(query).mappings()}


def read_page(session, dataset, cursor=None, limit=DEFAULT_LIMIT):
    """The records changed after `cursor`, oldest change first, at most `limit` changes."""
    after = decode_cursor(dataset, cursor)
    changes = session.execute(
        select(ExportChange.seq, ExportChange.record_id)
        .where(
            ExportChange.app == dataset.app,
            ExportChange.dataset == dataset.name,
            ExportChange.seq > after,
        )
        .order_by(ExportChange.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(changes) > limit
    changes = changes[:limit]
    latest = {}
    for seq, record_id in changes:
        latest[record_id] = seq  # a record changed twice in a page is sent once
    rows = current_rows(session, dataset, list(latest))
    records = []
    for record_id, seq in sorted(latest.items(), key=lambda item: item[1]):
        row = rows.get(record_id)
        records.append(build_record(dataset, row, seq) if row else tombstone(record_id, seq))
    end = changes[-1][0] if changes else after
    return Page(records, encode_cursor(dataset, end), has_more)


def _general_cells(dataset, seq):
    """row -> CSV cells through `build_record` (pseudonyms, ages, derived fields)."""
    names = dataset.field_names

    def cells(row):
        record = build_record(dataset, row._mapping, seq)
        return [record[n] for n in names]

    return cells


def _body(dataset):
    """The dataset's schema fields after the envelope (offence codes, then its own)."""
    return dataset.schema_fields[len(ENVELOPE_FIELDS) :]


def _direct_cells(dataset, keys, seq):
    """row -> CSV cells straight from the row, converting only datetimes and decimals.

    Writes what `build_record` would: the csv module already writes None as empty and dates
    in ISO form, so only the CONVERTED_TYPES go through `plain`.
    """
    position = {key: i for i, key in enumerate(keys)}
    columns = [(position[f["name"]], f["type"] in CONVERTED_TYPES) for f in _body(dataset)]
    record_id = position["record_id"]
    return lambda row: [
        "upsert",
        row[record_id],
        seq,
        seq,
        *[plain(row[i]) if convert else row[i] for i, convert in columns],
    ]


def _snapshot_rows(dataset, seq):
    """(query, row -> cells or None): None when the query's rows are the CSV rows as they are.

    A dataset with no person, derived or converted field gets its envelope columns from the
    database, so no Python runs per row.
    """
    query = dataset.query()
    if dataset.person or dataset.transform is not None:
        return query, _general_cells(dataset, seq)
    if any(f["type"] in CONVERTED_TYPES for f in _body(dataset)):
        return query, _direct_cells(dataset, [c.key for c in query.selected_columns], seq)
    sub = query.subquery()
    envelope = (literal("upsert"), sub.c.record_id, literal(seq), literal(seq))
    return select(*envelope, *[sub.c[f["name"]] for f in _body(dataset)]), None


def snapshot_csv(session, dataset):
    """(cursor after the snapshot, generator of CSV text chunks) of every current record.

    Records carry the dataset's last change number as record_version and change_seq; the
    cursor lets a consumer follow the feed from the snapshot on. Rows are read through a
    server-side cursor in batches and written without building a dict per record where the
    dataset allows it (see benchmarks/exports).
    """
    seq = last_seq(session, dataset.app, dataset.name)
    query, cells = _snapshot_rows(dataset, seq)

    def chunks():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(dataset.field_names)
        connection = session.connection().execution_options(yield_per=SNAPSHOT_BATCH)
        result = connection.execute(query)
        for batch in result.partitions():
            writer.writerows(batch if cells is None else map(cells, batch))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        if buffer.tell():
            yield buffer.getvalue()
        result.close()

    return encode_cursor(dataset, seq), chunks()
