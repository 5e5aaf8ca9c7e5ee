"""The reference BCO consumer: pulls every feed incrementally into a repository database.

The repository is the BCO's own database (SQLite by default, PostgreSQL when given): one table
of records keyed by (source, dataset, record_id) holding the latest version seen, and one of
cursors. Running a pull twice with no change at the sources moves nothing.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    insert,
    select,
    update,
)

from common.config import normalise_database_url
from common.models import utcnow

PAGE_LIMIT = 1000
metadata = MetaData()
records = Table(
    "bco_record",
    metadata,
    Column("source", String(16), primary_key=True),
    Column("dataset", String(40), primary_key=True),
    Column("record_id", String(64), primary_key=True),
    Column("record_version", BigInteger().with_variant(Integer, "sqlite"), nullable=False),
    Column("data", JSON, nullable=False),
    Column("pulled_at", DateTime(timezone=True), nullable=False),
)
cursors = Table(
    "bco_cursor",
    metadata,
    Column("source", String(16), primary_key=True),
    Column("dataset", String(40), primary_key=True),
    Column("cursor", String(400), nullable=False),
)


class PullError(RuntimeError):
    """A source could not be pulled; the message says which and why."""


@dataclass
class Source:
    name: str
    url: str
    token: str

    @classmethod
    def parse(cls, text):
        """`prison=URL,TOKEN` → Source; PullError when malformed."""
        name, _, rest = text.partition("=")
        url, _, token = rest.partition(",")
        if not (name and url and token):
            raise PullError(f"--source {text!r}: write it as NAME=URL,TOKEN")
        if urllib.parse.urlsplit(url.strip()).scheme not in ("http", "https"):
            raise PullError(f"--source {text!r}: the URL must start with http:// or https://")
        return cls(name.strip(), url.strip().rstrip("/") + "/", token.strip())


def repository(url):
    """An engine on the repository database, its tables created if missing."""
    engine = create_engine(normalise_database_url(url))
    metadata.create_all(engine)
    return engine


def _get(source, path, query=None):
    url = urllib.parse.urljoin(source.url, path)
    if query:
        url += "?" + urllib.parse.urlencode(query)
    headers = {"Authorization": f"Bearer {source.token}"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http(s), checked  # nosec B310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - http(s), checked  # nosec B310
            return json.load(response)
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        raise PullError(f"{source.name}: {url} answered {exc.code}: {detail}") from None
    except urllib.error.URLError as exc:
        raise PullError(f"{source.name}: cannot reach {url}: {exc.reason}") from None


def _apply(conn, source, dataset, batch):
    """Upsert or delete each record unless the repository already has a newer version."""
    moved = 0
    for record in batch:
        key = {"source": source, "dataset": dataset, "record_id": record["record_id"]}
        where = [getattr(records.c, k) == v for k, v in key.items()]
        held = conn.execute(select(records.c.record_version).where(*where)).scalar()
        if held is not None and held >= record["record_version"]:
            continue
        if record["op"] == "delete":
            if held is not None:
                conn.execute(delete(records).where(*where))
                moved += 1
            continue
        values = {"record_version": record["record_version"], "data": record, "pulled_at": utcnow()}
        if held is None:
            conn.execute(insert(records).values(**key, **values))
        else:
            conn.execute(update(records).where(*where).values(**values))
        moved += 1
    return moved


def _saved_cursor(conn, source, dataset):
    query = select(cursors.c.cursor).where(cursors.c.source == source, cursors.c.dataset == dataset)
    return conn.execute(query).scalar()


def _save_cursor(conn, source, dataset, cursor):
    where = (cursors.c.source == source, cursors.c.dataset == dataset)
    if conn.execute(select(cursors.c.cursor).where(*where)).first() is None:
        conn.execute(insert(cursors).values(source=source, dataset=dataset, cursor=cursor))
    else:
        conn.execute(update(cursors).where(*where).values(cursor=cursor))


def pull_dataset(engine, source, dataset, progress=None):
    """Pull one dataset from its saved cursor to the end; returns records moved."""
    moved = 0
    with engine.connect() as conn:
        cursor = _saved_cursor(conn, source.name, dataset)
    while True:
        query = {"limit": PAGE_LIMIT, **({"cursor": cursor} if cursor else {})}
        page = _get(source, dataset, query)
        # Each page and its cursor are stored together: a crash repeats at most one page.
        with engine.begin() as conn:
            moved += _apply(conn, source.name, dataset, page["records"])
            _save_cursor(conn, source.name, dataset, page["next_cursor"])
        cursor = page["next_cursor"]
        if progress:
            progress(len(page["records"]))
        if not page["has_more"]:
            return moved


def datasets_of(source):
    """The dataset names a source publishes."""
    return _get(source, "")["datasets"]
