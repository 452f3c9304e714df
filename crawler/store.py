"""The SQLite store: every article once, every edit kept, every run recorded.

One writer (the store pipeline, or later the distributed ingest process) writes through
:class:`Store`. The database is in WAL mode with a busy timeout, writes come in batched
transactions, and the schema version lives in ``PRAGMA user_version`` with numbered
migrations, so an old database is upgraded in place.

Tables (see the README for every column):

* ``sites``: the package registry rows plus sites users added (``source`` tells which).
* ``articles``: one row per canonical URL; ``first_seen_at``/``last_seen_at``; FTS5 index
  ``articles_fts`` on title and body text.
* ``article_versions``: the previous content of an article each time its content changed.
* ``article_urls``: every URL an article is known under (mirrors, ``?m=1``, http/https).
* ``crawl_runs``: one row per site per crawl: counts, HTTP statuses, outcome, error.
* ``site_state``: per-site watermark (newest publication time) and platform cursor.
* ``http_validators``: ETag / Last-Modified per feed or listing URL (conditional GET).
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import statistics
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crawler.dates import parse_iso, to_utc_iso
from crawler.registry import Site, site_from_row

DEFAULT_DB = Path("output") / "police_news.db"

#: Article columns written from an item, in table order.
ARTICLE_FIELDS = (
    "canonical_url", "url", "site_id", "platform", "platform_id", "title", "published_at",
    "published_utc", "updated_at", "event_date", "author", "tags", "body_text", "body_html",
    "images", "language", "unit_level", "unit_name", "polda", "officials", "content_hash",
    "parser_version", "fetched_at",
)
_JSON_FIELDS = ("tags", "images", "officials")

_MIGRATIONS: list[str] = [
    # 1: the foundation schema.
    """
    CREATE TABLE sites (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, platform TEXT NOT NULL,
        unit_level TEXT, unit_name TEXT, polda TEXT, province TEXT, timezone TEXT,
        kind TEXT, status TEXT, status_reason TEXT, notes TEXT, example_url TEXT,
        options TEXT NOT NULL DEFAULT '{}', source TEXT NOT NULL DEFAULT 'registry',
        detected_by TEXT, added_at TEXT
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        canonical_url TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        site_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        platform_id TEXT,
        title TEXT NOT NULL,
        published_at TEXT,
        published_utc TEXT,
        updated_at TEXT,
        event_date TEXT,
        author TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        body_text TEXT NOT NULL,
        body_html TEXT NOT NULL,
        images TEXT NOT NULL DEFAULT '[]',
        language TEXT,
        unit_level TEXT,
        unit_name TEXT,
        polda TEXT,
        officials TEXT NOT NULL DEFAULT '[]',
        content_hash TEXT NOT NULL,
        parser_version TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        removed_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        cluster_id INTEGER,
        is_origin INTEGER,
        quarantined INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_site_published ON articles (site_id, published_utc);
    CREATE INDEX articles_platform_id ON articles (site_id, platform_id);
    CREATE TABLE article_versions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        version INTEGER NOT NULL,
        title TEXT, body_text TEXT, body_html TEXT, published_at TEXT, updated_at TEXT,
        content_hash TEXT, parser_version TEXT, fetched_at TEXT,
        replaced_at TEXT NOT NULL
    );
    CREATE INDEX article_versions_article ON article_versions (article_id, version);
    CREATE TABLE article_urls (
        url TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        site_id TEXT NOT NULL,
        first_seen_at TEXT NOT NULL
    );
    CREATE TABLE crawl_runs (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL,
        site_id TEXT NOT NULL,
        spider TEXT NOT NULL,
        pid INTEGER,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running',
        finish_reason TEXT,
        since TEXT,
        until TEXT,
        requests INTEGER NOT NULL DEFAULT 0,
        responses INTEGER NOT NULL DEFAULT 0,
        items INTEGER NOT NULL DEFAULT 0,
        new INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        dropped INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        http_status TEXT NOT NULL DEFAULT '{}',
        robots TEXT NOT NULL DEFAULT '{}',
        duration_s REAL
    );
    CREATE INDEX crawl_runs_site ON crawl_runs (site_id, started_at);
    CREATE TABLE site_state (
        site_id TEXT PRIMARY KEY,
        newest_published_utc TEXT,
        cursor TEXT NOT NULL DEFAULT '{}',
        last_success_at TEXT,
        last_run_id TEXT
    );
    CREATE TABLE http_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT NOT NULL
    );
    """,
    # 2: where each article's source response lives (URL, and its WARC record if archived).
    """
    CREATE TABLE article_sources (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        source_url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        warc_file TEXT,
        warc_offset INTEGER,
        warc_length INTEGER,
        warc_record_id TEXT,
        payload_digest TEXT
    );
    """,
    # 3: near-duplicate signatures (crawler.dedupe) and spam flags on sites (crawler.spam).
    # The FTS update trigger now fires only when title or body_text change: updating
    # cluster_id, quarantined or last_seen_at no longer re-indexes the article (14x faster).
    # (The trigger's inner statements share lines: migrations are split on ';' + newline.)
    """
    CREATE TABLE article_minhash (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        content_hash TEXT NOT NULL,
        signature BLOB
    );
    CREATE INDEX articles_cluster ON articles (cluster_id);
    CREATE TABLE site_flags (
        site_id TEXT PRIMARY KEY,
        flag TEXT NOT NULL,
        reason TEXT NOT NULL,
        flagged_at TEXT NOT NULL,
        run_id TEXT,
        evidence TEXT NOT NULL DEFAULT '[]',
        cleared_at TEXT
    );
    DROP TRIGGER IF EXISTS articles_au;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body_text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body_text)
        VALUES ('delete', old.rowid, old.title, old.body_text); INSERT INTO articles_fts
        (rowid, title, body_text) VALUES (new.rowid, new.title, new.body_text); END;
    """,
]
SCHEMA_VERSION = len(_MIGRATIONS)


def utc_now() -> str:
    """The current time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """``path``, else ``$POLICE_NEWS_DB``, else ``output/police_news.db``."""
    return Path(path or os.environ.get("POLICE_NEWS_DB") or DEFAULT_DB)


@dataclass
class SaveResult:
    """What one batch did to the articles table."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: SaveResult) -> SaveResult:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self


class Store:
    """Read and write one police-news SQLite database."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = resolve_db_path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._db: Any = None
        self.migrate()

    @property
    def db(self) -> Any:
        """The connection as a ``sqlite_utils.Database`` (imported on first use: it pulls in
        pandas when installed, which the crawl's hot path does not need)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        """Checkpoint and close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on error)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def migrate(self) -> None:
        """Bring the schema to :data:`SCHEMA_VERSION`, one numbered migration at a time."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path} has schema version {version}, newer than this "
                               f"police-news ({SCHEMA_VERSION}); upgrade police-news")
        for number in range(version, SCHEMA_VERSION):
            with self.transaction() as conn:
                for statement in _MIGRATIONS[number].split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
                if number == 0:
                    self._enable_fts()
                conn.execute(f"PRAGMA user_version = {number + 1}")

    def _enable_fts(self) -> None:
        self.db["articles"].enable_fts(
            ["title", "body_text"], fts_version="FTS5", create_triggers=True,
            tokenize="unicode61 remove_diacritics 2", replace=True,
        )

    # -- sites ----------------------------------------------------------------------------

    def sync_sites(self, sites: Iterable[Site]) -> None:
        """Write registry rows into ``sites`` so the database explains itself (and joins)."""
        rows = [self._site_row(site) for site in sites]
        with self.transaction():
            self.db["sites"].upsert_all(rows, pk="id")

    def add_site(self, site: Site, detected_by: str | None = None) -> None:
        """Store a site a user added (or the demo's loopback sites)."""
        row = self._site_row(site)
        row["detected_by"] = detected_by
        row["added_at"] = utc_now()
        with self.transaction():
            self.db["sites"].upsert(row, pk="id")

    def remove_site(self, site_id: str) -> bool:
        """Forget a user-added site (its articles stay). True if it existed."""
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM sites WHERE id = ? AND source != 'registry'",
                               (site_id,))
        return cur.rowcount > 0

    def stored_sites(self, sources: tuple[str, ...] = ("user", "demo")) -> list[Site]:
        """Sites kept in the database (user-added by default), as :class:`Site`."""
        marks = ",".join("?" for _ in sources)
        rows = self.conn.execute(f"SELECT * FROM sites WHERE source IN ({marks}) ORDER BY id",
                                 sources).fetchall()
        sites = []
        for row in rows:
            data = {k: row[k] for k in row.keys()  # noqa: SIM118 (sqlite3.Row)
                    if k not in ("source", "detected_by", "added_at", "options")}
            data["options"] = json.loads(row["options"] or "{}")
            sites.append(site_from_row(data, f"database {self.path} site {row['id']}",
                                       source=row["source"]))
        return sites

    @staticmethod
    def _site_row(site: Site) -> dict[str, Any]:
        row = site.to_dict()
        row["options"] = json.dumps(row["options"], ensure_ascii=False, sort_keys=True)
        return row

    # -- articles -------------------------------------------------------------------------

    def save_articles(self, items: Iterable[Mapping[str, Any]]) -> SaveResult:
        """Upsert a batch of articles in one transaction.

        New canonical URLs are inserted. A known article (same canonical URL, or same site and
        platform id under another URL) whose content hash changed gets its old content copied
        to ``article_versions`` and the new content written, ``version`` + 1. An unchanged one
        only gets ``last_seen_at`` moved. Nothing is ever deleted.
        """
        result = SaveResult()
        now = utc_now()
        with self.transaction() as conn:
            for item in items:
                row = self._article_row(item)
                existing = self._find_article(conn, row)
                if existing is None:
                    cur = conn.execute(
                        f"INSERT INTO articles ({', '.join(ARTICLE_FIELDS)}, first_seen_at, "
                        f"last_seen_at) VALUES ({', '.join('?' * len(ARTICLE_FIELDS))}, ?, ?)",
                        [row[f] for f in ARTICLE_FIELDS] + [now, now],
                    )
                    article_id = cur.lastrowid
                    result.new += 1
                elif existing["content_hash"] == row["content_hash"]:
                    article_id = existing["id"]
                    conn.execute("UPDATE articles SET last_seen_at = ?, removed_at = NULL "
                                 "WHERE id = ?", (now, article_id))
                    result.unchanged += 1
                else:
                    article_id = existing["id"]
                    self._keep_version(conn, article_id, now)
                    fields = [f for f in ARTICLE_FIELDS if f != "canonical_url"]
                    conn.execute(
                        f"UPDATE articles SET {', '.join(f'{f} = ?' for f in fields)}, "
                        "last_seen_at = ?, removed_at = NULL, version = version + 1 WHERE id = ?",
                        [row[f] for f in fields] + [now, article_id],
                    )
                    result.updated += 1
                source = item.get("source") or {}
                stored_now = existing is None or existing["content_hash"] != row["content_hash"]
                if source.get("url") and stored_now:
                    # The stored content came from this response: remember where it lives.
                    self._save_source(conn, article_id, source, row["fetched_at"])
                for url in {row["url"], row["canonical_url"], *item.get("urls", ())}:
                    conn.execute("INSERT OR IGNORE INTO article_urls (url, article_id, site_id, "
                                 "first_seen_at) VALUES (?, ?, ?, ?)",
                                 (url, article_id, row["site_id"], now))
        return result

    @staticmethod
    def _find_article(conn: sqlite3.Connection, row: Mapping[str, Any]) -> sqlite3.Row | None:
        found = conn.execute("SELECT id, content_hash FROM articles WHERE canonical_url = ?",
                             (row["canonical_url"],)).fetchone()
        if found is None:
            found = conn.execute(
                "SELECT a.id, a.content_hash FROM article_urls u JOIN articles a "
                "ON a.id = u.article_id WHERE u.url = ?", (row["canonical_url"],)).fetchone()
        if found is None and row["platform_id"]:
            found = conn.execute("SELECT id, content_hash FROM articles WHERE site_id = ? AND "
                                 "platform_id = ?", (row["site_id"], row["platform_id"])).fetchone()
        return found

    def stored_hash(self, item: Mapping[str, Any]) -> str | None:
        """The content hash of the stored article ``item`` would update (None if it is new)."""
        found = self._find_article(self.conn, self._article_row(item))
        return found["content_hash"] if found is not None else None

    def move_sources(self, rows: Iterable[tuple[str, int, int, str]]) -> None:
        """Repoint ``article_sources`` rows after an archive rewrite:
        (warc_file, warc_offset, warc_length, warc_record_id)."""
        with self.transaction() as conn:
            conn.executemany("UPDATE article_sources SET warc_file = ?, warc_offset = ?, "
                             "warc_length = ? WHERE warc_record_id = ?", rows)

    @staticmethod
    def _save_source(conn: sqlite3.Connection, article_id: int, source: Mapping[str, Any],
                     fetched_at: str) -> None:
        conn.execute(
            "INSERT INTO article_sources (article_id, source_url, fetched_at, warc_file, "
            "warc_offset, warc_length, warc_record_id, payload_digest) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "source_url = excluded.source_url, fetched_at = excluded.fetched_at, "
            "warc_file = excluded.warc_file, warc_offset = excluded.warc_offset, "
            "warc_length = excluded.warc_length, warc_record_id = excluded.warc_record_id, "
            "payload_digest = excluded.payload_digest",
            (article_id, source["url"], fetched_at, source.get("warc_file"),
             source.get("warc_offset"), source.get("warc_length"),
             source.get("warc_record_id"), source.get("payload_digest")))

    @staticmethod
    def _keep_version(conn: sqlite3.Connection, article_id: int, now: str) -> None:
        conn.execute(
            "INSERT INTO article_versions (article_id, version, title, body_text, body_html, "
            "published_at, updated_at, content_hash, parser_version, fetched_at, replaced_at) "
            "SELECT id, version, title, body_text, body_html, published_at, updated_at, "
            "content_hash, parser_version, fetched_at, ? FROM articles WHERE id = ?",
            (now, article_id))

    @staticmethod
    def _article_row(item: Mapping[str, Any]) -> dict[str, Any]:
        row = {name: item.get(name) for name in ARTICLE_FIELDS}
        for name in _JSON_FIELDS:
            row[name] = json.dumps(list(item.get(name) or []), ensure_ascii=False)
        published = parse_iso(item.get("published_at"))
        row["published_utc"] = to_utc_iso(published) if published else None
        return row

    def _rows_for_urls(self, sql: str, urls: Iterable[str], *params: Any) -> Iterator[tuple]:
        """Rows of ``sql`` (whose ``{marks}`` stands for ``IN (?, …)``) for every URL, asked
        500 at a time (SQLite's limit on bound parameters), each URL once; ``params`` follow
        the URLs."""
        wanted = list(dict.fromkeys(urls))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            yield from self.conn.execute(sql.format(marks=",".join("?" * len(chunk))),
                                         [*chunk, *params])

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of these (canonical) URLs belong to a stored article."""
        return {r[0] for r in self._rows_for_urls(
            "SELECT url FROM article_urls WHERE url IN ({marks})", urls)}

    def updated_times(self, urls: Iterable[str]) -> dict[str, str | None]:
        """Stored ``updated_at`` (or ``published_at``) of the articles at these URLs."""
        return {r[0]: r[1] for r in self._rows_for_urls(
            "SELECT u.url, coalesce(a.updated_at, a.published_at) FROM article_urls u "
            "JOIN articles a ON a.id = u.article_id WHERE u.url IN ({marks})", urls)}

    def settled_urls(self, site_id: str, urls: Iterable[str]) -> set[str]:
        """Which of these URLs belong to articles stored before the site's last successful
        crawl ended. Only those may stop a listing crawl: articles stored by a crawl that was
        killed do not prove that everything older was fetched."""
        row = self.conn.execute("SELECT last_success_at FROM site_state WHERE site_id = ?",
                                (site_id,)).fetchone()
        if not row or not row[0]:
            return set()
        return {r[0] for r in self._rows_for_urls(
            "SELECT u.url FROM article_urls u JOIN articles a ON a.id = u.article_id "
            "WHERE u.url IN ({marks}) AND a.first_seen_at <= ?", urls, row[0])}

    def urls_to_recheck(self, site_id: str, limit: int) -> list[str]:
        """URLs of the site's stored articles, the ones seen longest ago first."""
        return [row[0] for row in self.conn.execute(
            "SELECT url FROM articles WHERE site_id = ? ORDER BY last_seen_at, id LIMIT ?",
            (site_id, limit))]

    def record_statuses(self, statuses: Iterable[tuple[str, int]]) -> tuple[int, int]:
        """Apply re-check answers (url, HTTP status): 404/410 set ``removed_at`` (kept when
        already set), 200 clears it and moves ``last_seen_at``. Returns (removed, present)."""
        now = utc_now()
        removed = present = 0
        with self.transaction() as conn:
            for url, status in statuses:
                if status in (404, 410):
                    cur = conn.execute("UPDATE articles SET removed_at = coalesce(removed_at, ?) "
                                       "WHERE url = ? OR canonical_url = ?", (now, url, url))
                    removed += cur.rowcount
                elif 200 <= status < 300:
                    cur = conn.execute("UPDATE articles SET removed_at = NULL, last_seen_at = ? "
                                       "WHERE url = ? OR canonical_url = ?", (now, url, url))
                    present += cur.rowcount
        return removed, present

    def article_count(self, site_id: str | None = None) -> int:
        """How many articles are stored (for one site, or all)."""
        if site_id is None:
            return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM articles WHERE site_id = ?",
                                 (site_id,)).fetchone()[0]

    # -- runs and watermarks --------------------------------------------------------------

    def start_run(self, run_id: str, site_id: str, spider: str, since: str | None,
                  until: str | None) -> int:
        """Record that a site's crawl started; returns the ``crawl_runs`` row id."""
        self.mark_interrupted_runs()
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO crawl_runs (run_id, site_id, spider, pid, started_at, since, until) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (run_id, site_id, spider, os.getpid(), utc_now(), since, until))
        return int(cur.lastrowid or 0)

    def finish_run(self, row_id: int, *, status: str, finish_reason: str,
                   counts: Mapping[str, int], error: str | None,
                   http_status: Mapping[str, int], robots: Mapping[str, int],
                   duration_s: float, cursor: Mapping[str, Any] | None = None) -> None:
        """Close a ``crawl_runs`` row; on success move the site's watermark (and the platform
        cursor, merged into the stored one) forward."""
        now = utc_now()
        with self.transaction() as conn:
            conn.execute(
                "UPDATE crawl_runs SET finished_at = ?, status = ?, finish_reason = ?, "
                "requests = ?, responses = ?, items = ?, new = ?, updated = ?, unchanged = ?, "
                "dropped = ?, errors = ?, error = ?, http_status = ?, robots = ?, duration_s = ? "
                "WHERE id = ?",
                (now, status, finish_reason, counts.get("requests", 0),
                 counts.get("responses", 0), counts.get("items", 0), counts.get("new", 0),
                 counts.get("updated", 0), counts.get("unchanged", 0), counts.get("dropped", 0),
                 counts.get("errors", 0), error, json.dumps(dict(http_status), sort_keys=True),
                 json.dumps(dict(robots), sort_keys=True), round(duration_s, 3), row_id))
            if status == "ok":
                site_id, run_id = conn.execute("SELECT site_id, run_id FROM crawl_runs "
                                               "WHERE id = ?", (row_id,)).fetchone()
                newest = conn.execute("SELECT max(published_utc) FROM articles "
                                      "WHERE site_id = ?", (site_id,)).fetchone()[0]
                merged = {**self.cursor(site_id), **(cursor or {})}
                conn.execute(
                    "INSERT INTO site_state (site_id, newest_published_utc, cursor, "
                    "last_success_at, last_run_id) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(site_id) DO UPDATE SET "
                    "newest_published_utc = excluded.newest_published_utc, "
                    "cursor = excluded.cursor, last_success_at = excluded.last_success_at, "
                    "last_run_id = excluded.last_run_id",
                    (site_id, newest, json.dumps(merged, sort_keys=True), now, run_id))

    def mark_interrupted_runs(self) -> int:
        """Runs left 'running' by a process that no longer exists become 'interrupted'."""
        rows = self.conn.execute("SELECT id, pid FROM crawl_runs WHERE status = 'running'")
        dead = [row["id"] for row in rows.fetchall() if not pid_alive(row["pid"])]
        if dead:
            with self.transaction() as conn:
                conn.executemany("UPDATE crawl_runs SET status = 'interrupted', finish_reason = "
                                 "'process ended before the crawl finished' WHERE id = ?",
                                 [(i,) for i in dead])
        return len(dead)

    def watermark(self, site_id: str) -> datetime | None:
        """The newest publication time stored by the site's last successful crawl."""
        row = self.conn.execute("SELECT newest_published_utc FROM site_state WHERE site_id = ?",
                                (site_id,)).fetchone()
        return parse_iso(row[0]) if row and row[0] else None

    def cursor(self, site_id: str) -> dict[str, Any]:
        """The platform cursor the site's last successful crawl left (e.g. a post id)."""
        row = self.conn.execute("SELECT cursor FROM site_state WHERE site_id = ?",
                                (site_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def runs(self, run_id: str) -> list[dict[str, Any]]:
        """The ``crawl_runs`` rows of one CLI invocation."""
        rows = self.conn.execute("SELECT * FROM crawl_runs WHERE run_id = ? ORDER BY site_id",
                                 (run_id,)).fetchall()
        return [dict(row) for row in rows]

    # -- conditional GET ------------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last seen for ``url``."""
        row = self.conn.execute("SELECT etag, last_modified FROM http_validators WHERE url = ?",
                                (url,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def save_validators(self, rows: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Remember (url, ETag, Last-Modified) triples."""
        now = utc_now()
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO http_validators (url, etag, last_modified, checked_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, checked_at = excluded.checked_at",
                [(url, etag, modified, now) for url, etag, modified in rows])

    # -- status ---------------------------------------------------------------------------

    def site_summaries(self, now: datetime | None = None) -> list[dict[str, Any]]:
        """Health of every site that was ever crawled, computed from the data.

        Per site: the last run and its result, the last success, the last error (time and
        cause), article counts (all, last 7 and 30 days), the newest article, the site's usual
        cadence (median gap between its last 30 articles) and ``stale``: the gap since the
        newest article is well beyond that cadence (more than 4 times the median gap, twice
        the 90th-percentile gap, and 3 days).
        """
        self.mark_interrupted_runs()
        now = now or datetime.now(UTC)
        week, month = (to_utc_iso(now - timedelta(days=d)) for d in (7, 30))
        rows = self.conn.execute(
            """
            WITH last AS (SELECT site_id, max(id) AS id FROM crawl_runs GROUP BY site_id),
            last_error AS (
                SELECT site_id, max(id) AS id FROM crawl_runs
                WHERE status != 'ok' AND error IS NOT NULL GROUP BY site_id),
            counts AS (
                SELECT site_id, count(*) AS articles, max(published_utc) AS newest_utc,
                       sum(published_utc >= ?) AS articles_7d,
                       sum(published_utc >= ?) AS articles_30d
                FROM articles GROUP BY site_id)
            SELECT r.site_id AS site, r.started_at AS last_run, r.status AS last_status,
                   r.new AS last_new, r.updated AS last_updated, r.requests AS last_requests,
                   s.last_success_at AS last_success,
                   e.error AS last_error, e.started_at AS last_error_at,
                   coalesce(c.articles, 0) AS articles, c.newest_utc AS newest_article,
                   coalesce(c.articles_7d, 0) AS articles_7d,
                   coalesce(c.articles_30d, 0) AS articles_30d
            FROM last JOIN crawl_runs r ON r.id = last.id
            LEFT JOIN last_error le ON le.site_id = r.site_id
            LEFT JOIN crawl_runs e ON e.id = le.id
            LEFT JOIN counts c ON c.site_id = r.site_id
            LEFT JOIN site_state s ON s.site_id = r.site_id
            ORDER BY r.site_id
            """, (week, month)).fetchall()
        summaries = []
        for row in rows:
            summary = dict(row)
            cadence, stale = self._cadence(summary["site"], summary["newest_article"], now)
            summary["cadence_hours"] = round(cadence, 1) if cadence is not None else None
            summary["stale"] = stale
            summaries.append(summary)
        return summaries

    def _cadence(self, site_id: str, newest: str | None,
                 now: datetime) -> tuple[float | None, bool]:
        times = [parse_iso(r[0]) for r in self.conn.execute(
            "SELECT published_utc FROM articles WHERE site_id = ? AND published_utc IS NOT NULL "
            "ORDER BY published_utc DESC LIMIT 31", (site_id,))]
        gaps = sorted((a - b).total_seconds() / 3600 for a, b in itertools.pairwise(times)
                      if a and b)
        if len(gaps) < 3 or newest is None:
            return (statistics.median(gaps) if gaps else None), False
        median = statistics.median(gaps)
        p90 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.9))]
        since_newest = (now - parse_iso(newest)).total_seconds() / 3600
        return median, since_newest > max(4 * median, 2 * p90, 72.0)


def pid_alive(pid: int | None) -> bool:
    """Whether a process with this pid runs (one we may not signal counts as running)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
