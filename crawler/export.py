"""Stream the ``articles`` table into a dataset file: JSON Lines, CSV or Parquet.

One query, one server-side cursor read with ``fetchmany``, one writer: memory stays flat however
many articles the database holds. Rows come in a deterministic order (``published_utc``, then
``id``; articles without a publication time first), every value is passed to SQLite as a
parameter, and every row carries its provenance (``source_url``, ``fetched_at``, ``platform``,
``parser_version``, ``site_id``, ``site_kind``).

The columns are :data:`FIELDS`, one :class:`Field` each, the single description of the export
schema: the writers, the Parquet schema, ``datapackage.json`` and the dataset card all read it.

* JSONL: one JSON object per line, lists as JSON arrays, times in UTC as ``…Z`` text.
* CSV: UTF-8 with a header; lists as JSON text; a text cell that a spreadsheet would run as a
  formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a ``'``
  in front.
* Parquet: an explicit schema (``timestamp[s, tz=UTC]``, ``list<string>``, ``date32``), written
  in row groups of :data:`ROW_GROUP_SIZE` rows.

:func:`export` writes the file (atomically: a temporary name, renamed at the end) and returns
:class:`ExportStats`, the counts the dataset card needs, gathered while streaming.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from crawler.dates import parse_iso, to_utc_iso

FORMATS = ("jsonl", "csv", "parquet")
#: File suffixes that name a format when ``--format`` is not given.
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
#: Rows read from SQLite at a time.
FETCH_SIZE = 1000
#: Rows in one Parquet row group.
ROW_GROUP_SIZE = 10_000


class ExportError(ValueError):
    """An export that cannot be done as asked; the message says why in one sentence."""


@dataclass(frozen=True)
class Field:
    """One exported column.

    ``type`` is the Frictionless Table Schema type (``string``, ``integer``, ``boolean``,
    ``datetime``, ``date`` or ``array`` of strings); ``sql`` the expression that reads it
    (``a`` is ``articles``, ``s`` is ``sites``).
    """

    name: str
    type: str
    sql: str
    description: str


FIELDS: tuple[Field, ...] = (
    Field("id", "integer", "a.id",
          "Row id of the article in the police-news database it was exported from."),
    Field("title", "string", "a.title", "The headline, as the site published it."),
    Field("published_utc", "datetime", "a.published_utc",
          "Publication time in UTC; empty when the site gave none."),
    Field("published_at", "string", "a.published_at",
          "Publication time as the site gave it: ISO 8601 with the site's UTC offset "
          "(+07:00 WIB, +08:00 WITA, +09:00 WIT)."),
    Field("updated_utc", "datetime", "a.updated_at", "Last edit time the site reported, in UTC."),
    Field("updated_at", "string", "a.updated_at",
          "Last edit time as the site gave it (ISO 8601 with offset)."),
    Field("event_date", "date", "a.event_date",
          "The first date the body mentions (often the day the event happened)."),
    Field("author", "string", "a.author", "Byline, when the site gives one."),
    Field("tags", "array", "a.tags", "Labels or categories the site gave the article."),
    Field("body_text", "string", "a.body_text",
          "The article text, boilerplate removed; paragraphs separated by a blank line."),
    Field("body_html", "string", "a.body_html",
          "The article body as sanitized HTML (only with --with-html)."),
    Field("images", "array", "a.images", "URLs of the images in the article body."),
    Field("language", "string", "a.language", "Language code of the text (id = Indonesian)."),
    Field("unit_level", "string", "a.unit_level",
          "Level of the issuing police unit: mabes, polda, polres, polsek, satker or other."),
    Field("unit_name", "string", "a.unit_name", "The issuing unit, e.g. Polres Metro."),
    Field("polda", "string", "a.polda", "The regional police (Polda) the unit belongs to."),
    Field("officials", "array", "a.officials", "Officials named in the article."),
    Field("site_id", "string", "a.site_id", "Provenance: id of the site in the registry."),
    Field("site_name", "string", "s.name", "Provenance: name of the site."),
    Field("site_kind", "string", "s.kind",
          "Provenance: official (a police unit's own site), reprint or spam."),
    Field("platform", "string", "a.platform",
          "Provenance: the publishing platform the site runs (blogger, wordpress, …)."),
    Field("platform_id", "string", "a.platform_id",
          "The platform's own id of the article (e.g. a Blogger post id)."),
    Field("source_url", "string", "a.url", "Provenance: the URL the article was fetched from."),
    Field("canonical_url", "string", "a.canonical_url",
          "The article's canonical URL (one row per canonical URL)."),
    Field("fetched_at", "datetime", "a.fetched_at",
          "Provenance: when the stored content was fetched, in UTC."),
    Field("first_seen_at", "datetime", "a.first_seen_at",
          "When police-news first stored the article, in UTC."),
    Field("last_seen_at", "datetime", "a.last_seen_at",
          "When a crawl last saw the article, in UTC."),
    Field("parser_version", "string", "a.parser_version",
          "Provenance: version of the police-news parsers that extracted the row."),
    Field("content_hash", "string", "a.content_hash",
          "SHA-256 of title, body text and publication time: equal hashes, equal content."),
    Field("version", "integer", "a.version",
          "1 for the first content seen; +1 each time the site changed the article."),
    Field("cluster_id", "integer", "a.cluster_id",
          "Articles with the same cluster id are copies of one story; empty when not "
          "clustered."),
    Field("is_origin", "boolean", "a.is_origin",
          "True for the first publication of a story in its cluster; empty when not "
          "clustered (treated as an origin)."),
    Field("quarantined", "boolean", "a.quarantined",
          "True when the row was held back as suspect (only with --include-quarantined)."),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)


def export_fields(with_html: bool = False) -> tuple[Field, ...]:
    """The exported columns; ``body_html`` only when asked for (it doubles the size)."""
    return FIELDS if with_html else tuple(f for f in FIELDS if f.name != "body_html")


# -- selection --------------------------------------------------------------------------------

_FTS_WORD = re.compile(r"\w+")


def fts_match(text: str) -> str:
    """A user's search text as a safe FTS5 query: every word becomes a quoted string.

    Words are ANDed; a part between double quotes stays a phrase. Operators (``AND``, ``OR``,
    ``NOT``, ``NEAR``), ``*``, ``-``, ``:``, ``^`` and parentheses are taken as text, so no input
    can make the query fail or change its meaning. Raises :class:`ExportError` when the text
    has no word at all.
    """
    parts = text.split('"')
    terms: list[str] = []
    for index, part in enumerate(parts):
        words = _FTS_WORD.findall(part)
        if not words:
            continue
        quoted_phrase = index % 2 == 1 and index < len(parts) - 1
        if quoted_phrase:
            terms.append('"' + " ".join(words) + '"')
        else:
            terms.extend(f'"{word}"' for word in words)
    if not terms:
        raise ExportError(f"--query {text!r} has no word to search for")
    return " ".join(terms)


@dataclass(frozen=True)
class ExportFilter:
    """Which articles to export (every condition must hold)."""

    since: datetime | None = None
    until: datetime | None = None
    sites: tuple[str, ...] = ()
    polda: str | None = None
    unit: str | None = None
    kind: str | None = None
    query: str | None = None
    include_duplicates: bool = True
    include_quarantined: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """The ``WHERE`` clause (with ``?`` marks) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append("a.published_utc >= ?")
            params.append(to_utc_iso(self.since))
        if self.until is not None:
            clauses.append("a.published_utc < ?")
            params.append(to_utc_iso(self.until))
        if self.sites:
            clauses.append(f"a.site_id IN ({', '.join('?' * len(self.sites))})")
            params.extend(self.sites)
        if self.polda:
            clauses.append("(a.polda = ? COLLATE NOCASE "
                           "OR a.polda = ('Polda ' || ?) COLLATE NOCASE)")
            params.extend([self.polda, self.polda])
        if self.unit:
            clauses.append("a.unit_name = ? COLLATE NOCASE")
            params.append(self.unit)
        if self.kind:
            clauses.append("s.kind = ?")
            params.append(self.kind)
        if self.query is not None:
            clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_match(self.query))
        if not self.include_duplicates:
            clauses.append("coalesce(a.is_origin, 1) = 1")
        if not self.include_quarantined:
            clauses.append("coalesce(a.quarantined, 0) = 0")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def describe(self) -> dict[str, Any]:
        """The filters that were set, as plain JSON (for the data package)."""
        described: dict[str, Any] = {
            "since": to_utc_iso(self.since) if self.since else None,
            "until": to_utc_iso(self.until) if self.until else None,
            "sites": list(self.sites) or None, "polda": self.polda, "unit": self.unit,
            "kind": self.kind, "query": self.query,
        }
        described = {k: v for k, v in described.items() if v is not None}
        described["include_duplicates"] = self.include_duplicates
        described["include_quarantined"] = self.include_quarantined
        return described


def select_sql(fields: Sequence[Field], selection: ExportFilter) -> tuple[str, list[Any]]:
    """The full ``SELECT`` of an export and its parameters."""
    where, params = selection.where()
    columns = ", ".join(f"{f.sql} AS {f.name}" for f in fields)
    sql = (f"SELECT {columns} FROM articles a LEFT JOIN sites s ON s.id = a.site_id"
           f"{where} ORDER BY a.published_utc, a.id")
    return sql, params


def count_rows(conn: sqlite3.Connection, selection: ExportFilter) -> int:
    """How many articles the selection matches."""
    where, params = selection.where()
    sql = f"SELECT count(*) FROM articles a LEFT JOIN sites s ON s.id = a.site_id{where}"
    return conn.execute(sql, params).fetchone()[0]


# -- values -----------------------------------------------------------------------------------


def utc_text(value: str | None) -> str | None:
    """A stored time as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC (naive values are WIB); None for
    empty or unreadable values."""
    if not value:
        return None
    if len(value) == 20 and value[10] == "T" and value[13] == value[16] == ":" and value[19] == "Z":
        return value  # the store's own UTC form
    try:
        parsed: datetime | None = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    offset = parsed.utcoffset() if parsed is not None else None
    if parsed is not None and offset is not None:  # ISO 8601 with an offset: the common case
        utc = parsed.replace(tzinfo=None, microsecond=0) - offset
        return utc.isoformat() + "Z"
    parsed = parse_iso(value)
    return to_utc_iso(parsed) if parsed else None


def _date_text(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _json_list(value: str | None) -> list[str]:
    if not value or value == "[]":
        return []
    try:
        items = json.loads(value)
    except ValueError:
        return [value]
    return [str(v) for v in items] if isinstance(items, list) else [str(items)]


def _boolean(value: Any) -> bool | None:
    return None if value is None else bool(value)


#: Conversions from the stored value; text and integers are exported as stored.
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "boolean": _boolean, "datetime": utc_text, "date": _date_text, "array": _json_list,
}


def iter_rows(conn: sqlite3.Connection, fields: Sequence[Field], selection: ExportFilter,
              fetch_size: int = FETCH_SIZE) -> Iterator[list[Any]]:
    """The selected articles as lists of plain values, in :data:`FIELDS` order: text, int,
    bool, ``…Z`` UTC text for datetimes, ``YYYY-MM-DD`` for dates, lists of text."""
    sql, params = select_sql(fields, selection)
    converters = [(i, _CONVERT[f.type]) for i, f in enumerate(fields) if f.type in _CONVERT]
    cursor = conn.execute(sql, params)
    try:
        while batch := cursor.fetchmany(fetch_size):
            for raw in batch:
                row = list(raw)
                for i, convert in converters:
                    row[i] = convert(row[i])
                yield row
    finally:
        cursor.close()


# -- statistics -------------------------------------------------------------------------------


@dataclass
class ExportStats:
    """What an export contained, counted while it streamed (for the data package and card)."""

    rows: int = 0
    first_published: str | None = None
    last_published: str | None = None
    by_polda: Counter[str] = field(default_factory=Counter)
    by_site: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    parser_versions: Counter[str] = field(default_factory=Counter)

    def add(self, published_utc: str | None, polda: str | None, site_id: str,
            parser_version: str | None) -> None:
        """Count one row."""
        self.rows += 1
        if published_utc:
            if self.first_published is None or published_utc < self.first_published:
                self.first_published = published_utc
            if self.last_published is None or published_utc > self.last_published:
                self.last_published = published_utc
        self.by_polda[polda or "(unknown)"] += 1
        self.by_site[site_id] += 1
        self.by_month[published_utc[:7] if published_utc else "(undated)"] += 1
        self.parser_versions[parser_version or "(unknown)"] += 1


def _counted(rows: Iterator[list[Any]], fields: Sequence[Field],
             stats: ExportStats) -> Iterator[list[Any]]:
    index = {f.name: i for i, f in enumerate(fields)}
    published, polda = index["published_utc"], index["polda"]
    site, parser = index["site_id"], index["parser_version"]
    for row in rows:
        stats.add(row[published], row[polda], row[site], row[parser])
        yield row


# -- writers ----------------------------------------------------------------------------------


def write_jsonl(rows: Iterator[list[Any]], fields: Sequence[Field], out: IO[str]) -> None:
    """One JSON object per line (UTF-8, not ASCII-escaped)."""
    names = [f.name for f in fields]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for row in rows:
        out.write(dumps(dict(zip(names, row, strict=True))))
        out.write("\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """One CSV cell: lists as JSON text, booleans as true/false, empty for null, and text a
    spreadsheet would evaluate prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def write_csv(rows: Iterator[list[Any]], fields: Sequence[Field], out: IO[str]) -> None:
    """A header line, then one line a row (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    writer = csv.writer(out)
    writer.writerow([f.name for f in fields])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def arrow_schema(fields: Sequence[Field]) -> Any:
    """The Parquet schema of the export, with each column's description as field metadata."""
    import pyarrow as pa

    types = {
        "string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(),
        "datetime": pa.timestamp("s", tz="UTC"), "date": pa.date32(),
        "array": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(f.name, types[f.type], metadata={"description": f.description})
                      for f in fields])


def _arrow_column(values: Sequence[Any], kind: str, arrow_type: Any) -> Any:
    import pyarrow as pa

    if kind in ("datetime", "date"):
        # "…Z" and "YYYY-MM-DD" text: Arrow parses it straight into UTC instants and days.
        return pa.array(values, pa.string()).cast(arrow_type)
    return pa.array(values, arrow_type)


def write_parquet(rows: Iterator[list[Any]], fields: Sequence[Field], path: Path,
                  row_group_size: int = ROW_GROUP_SIZE) -> None:
    """Parquet (zstd) in row groups of ``row_group_size`` rows.

    Rows become Arrow record batches a few hundred at a time, so Python holds only one small
    batch of values and Arrow at most one row group.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(fields)
    kinds = [f.type for f in fields]
    step = math.gcd(row_group_size, FETCH_SIZE)  # batches that add up to whole row groups

    def record_batch(rows: list[list[Any]]) -> Any:
        columns = zip(*rows, strict=True)
        arrays = [_arrow_column(values, kind, schema.field(i).type)
                  for i, (values, kind) in enumerate(zip(columns, kinds, strict=True))]
        return pa.RecordBatch.from_arrays(arrays, schema=schema)

    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        group: list[Any] = []
        grouped = 0
        for chunk in _chunks(rows, step):
            group.append(record_batch(chunk))
            grouped += len(chunk)
            if grouped == row_group_size:
                writer.write_table(pa.Table.from_batches(group, schema),
                                   row_group_size=row_group_size)
                group, grouped = [], 0
        if group:
            writer.write_table(pa.Table.from_batches(group, schema), row_group_size=row_group_size)


def _chunks(rows: Iterator[list[Any]], size: int) -> Iterator[list[list[Any]]]:
    chunk: list[list[Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to a police-news database (an export never writes to it)."""
    if not path.exists():
        raise ExportError(f"no database at {path}: run `police-news crawl` (or `police-news "
                          "demo`) first, or pass --db")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN "
                                             "('table', 'view')")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ExportError(f"{path} is not an SQLite database ({exc})") from exc
    if not {"articles", "sites", "articles_fts"} <= tables:
        conn.close()
        raise ExportError(f"{path} is not a police-news database (no articles table)")
    return conn


def export(conn: sqlite3.Connection, path: Path, fmt: str, selection: ExportFilter,
           *, with_html: bool = False, row_group_size: int = ROW_GROUP_SIZE) -> ExportStats:
    """Write the selected articles to ``path`` in ``fmt``; returns what was written.

    The file appears under its name only when complete (written to a temporary file in the
    same directory, then renamed).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    fields = export_fields(with_html)
    sql, params = select_sql(fields, selection)  # a --query without words fails here
    try:
        conn.execute("EXPLAIN " + sql, params)  # so does an unreadable database, before any file
    except sqlite3.OperationalError as exc:
        raise ExportError(f"cannot read the database: {exc}") from exc
    stats = ExportStats()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        rows = _counted(iter_rows(conn, fields, selection), fields, stats)
        if fmt == "parquet":
            write_parquet(rows, fields, tmp, row_group_size)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as out:
                (write_jsonl if fmt == "jsonl" else write_csv)(rows, fields, out)
        tmp.chmod(0o644)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return stats
