"""What ``police-news serve`` tells Datasette: titles, descriptions, facets, canned queries.

:func:`build_metadata` returns Datasette 0.65 metadata for one police-news database: the
licence note, a description of every column of ``articles``, ``sites`` and ``crawl_runs``,
facets by Polda, site and unit, full-text search, and two canned queries (the latest article
of each Polda; the biggest duplicate clusters).

Datasette can only facet on columns, so :func:`ensure_view` keeps a view ``articles_view`` in
the database: the articles that are not quarantined, without the HTML, with the site's kind and
a ``month`` column (``YYYY-MM`` of the UTC publication time) to facet on. A view stores no
data; it is (re)created only when missing or different.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from crawler.datapackage import LICENCE_NOTE
from crawler.export import FIELDS

VIEW_NAME = "articles_view"
VIEW_SQL = """CREATE VIEW articles_view AS
SELECT a.id, a.title, a.published_at, a.published_utc,
       substr(a.published_utc, 1, 7) AS month,
       a.polda, a.unit_name, a.unit_level, a.site_id, s.kind AS site_kind, a.platform,
       a.author, a.tags, a.body_text, a.url, a.cluster_id, a.is_origin
FROM articles a LEFT JOIN sites s ON s.id = a.site_id
WHERE coalesce(a.quarantined, 0) = 0"""

#: ``articles`` columns: the export's descriptions where a column is exported as itself.
ARTICLE_COLUMNS: dict[str, str] = {
    **{f.name: f.description for f in FIELDS if f.sql == f"a.{f.name}"},
    "url": "The URL the article was fetched from.",
    "updated_at": "Last edit time as the site gave it (ISO 8601 with offset).",
    "body_html": "The article body as sanitized HTML.",
    "removed_at": "When the article was found gone from its site (empty while it is online).",
    "quarantined": "1 when the row was held back as suspect (not in articles_view).",
}

VIEW_COLUMNS: dict[str, str] = {
    name: ARTICLE_COLUMNS.get(name, "") for name in (
        "id", "title", "published_at", "published_utc", "month", "polda", "unit_name",
        "unit_level", "site_id", "site_kind", "platform", "author", "tags", "body_text", "url",
        "cluster_id", "is_origin")
} | {
    "month": "Month of publication (YYYY-MM, UTC), for faceting.",
    "site_kind": "official (a police unit's own site), reprint or spam.",
}

SITE_COLUMNS: dict[str, str] = {
    "id": "Site id (used by --site and in articles.site_id).",
    "name": "Name of the site.",
    "url": "Home page of the site.",
    "platform": "Publishing platform the crawler reads it as (blogger, wordpress, …).",
    "unit_level": "Level of the unit that runs it: mabes, polda, polres, polsek, satker, other.",
    "unit_name": "The police unit that runs the site.",
    "polda": "The regional police (Polda) of that unit.",
    "province": "Province of the unit.",
    "timezone": "Local time zone of the site: WIB, WITA or WIT.",
    "kind": "official (the unit's own site), reprint or spam.",
    "status": "active (crawled), unavailable or disabled.",
    "status_reason": "Why a site is not active.",
    "notes": "Notes on the site.",
    "example_url": "One article URL of the site.",
    "options": "Per-site crawler options (JSON): feed URL, selectors, ….",
    "source": "Where the row comes from: registry (the package), user or demo.",
    "detected_by": "How the platform was detected when a user added the site.",
    "added_at": "When a user added the site.",
}

RUN_COLUMNS: dict[str, str] = {
    "id": "Row id.",
    "run_id": "One `police-news crawl` invocation (all its sites share it).",
    "site_id": "The site crawled.",
    "spider": "The spider (platform) that crawled it.",
    "pid": "Process id of the crawl.",
    "started_at": "When the site's crawl started (UTC).",
    "finished_at": "When it finished (UTC).",
    "status": "running, ok, failed or interrupted.",
    "finish_reason": "Why Scrapy stopped the crawl.",
    "since": "Lower bound of publication times asked for.",
    "until": "Upper bound of publication times asked for.",
    "requests": "HTTP requests made.",
    "responses": "HTTP responses received.",
    "items": "Articles the spider yielded.",
    "new": "Articles stored for the first time.",
    "updated": "Articles whose content changed.",
    "unchanged": "Articles seen again unchanged.",
    "dropped": "Items dropped as invalid.",
    "errors": "Errors counted during the crawl.",
    "error": "The first error's cause.",
    "http_status": "Responses by HTTP status (JSON).",
    "robots": "robots.txt outcomes (JSON).",
    "duration_s": "Duration in seconds.",
}

LATEST_PER_POLDA_SQL = """SELECT polda, published_at, title, unit_name, site_id, url
FROM (
  SELECT polda, published_at, title, unit_name, site_id, url,
         row_number() OVER (PARTITION BY polda
                            ORDER BY published_utc DESC, coalesce(is_origin, 1) DESC, id) AS n
  FROM articles
  WHERE coalesce(quarantined, 0) = 0 AND polda IS NOT NULL AND polda != ''
)
WHERE n = 1
ORDER BY polda"""

BIGGEST_CLUSTERS_SQL = """SELECT cluster_id, count(*) AS articles,
       count(DISTINCT site_id) AS sites,
       min(published_utc) AS first_published_utc,
       max(published_utc) AS last_published_utc,
       (SELECT o.title FROM articles o WHERE o.cluster_id = a.cluster_id
        ORDER BY coalesce(o.is_origin, 1) DESC, o.published_utc, o.id LIMIT 1) AS origin_title
FROM articles a
WHERE cluster_id IS NOT NULL AND coalesce(quarantined, 0) = 0
GROUP BY cluster_id
HAVING count(*) > 1
ORDER BY articles DESC, cluster_id
LIMIT 100"""

#: Datasette settings for police-news: time enough to facet and search a few hundred thousand
#: articles, long bodies cut short in the HTML tables, no costly facet suggestions.
SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 5000, "facet_time_limit_ms": 3000, "suggest_facets": False,
    "truncate_cells_html": 300,
}

TITLE = "police-news: Indonesian police press releases"
DESCRIPTION = ("News and press releases Indonesian police units publish on their own sites, "
               "collected by the police-news crawler. Search the articles, facet them by Polda, "
               "site, unit and month, or run a canned query.")


def ensure_view(path: Path) -> bool:
    """Create or refresh ``articles_view`` in the database at ``path``; False when the
    database cannot be written (the view is then missing, the rest still works)."""
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?",
                           (VIEW_NAME,)).fetchone()
        if row and row[0] == VIEW_SQL:
            return True
        conn.execute("BEGIN IMMEDIATE")
        if row:
            conn.execute(f"DROP VIEW {VIEW_NAME}")
        conn.execute(VIEW_SQL)
        conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def build_metadata(database: str, with_view: bool = True) -> dict[str, Any]:
    """Datasette metadata for the police-news database Datasette calls ``database``."""
    tables: dict[str, Any] = {
        "articles": {
            "description": "One row per article (canonical URL). Full-text search covers the "
                           "title and the text.",
            "columns": ARTICLE_COLUMNS,
            "facets": ["polda", "site_id", "unit_name"],
            "sort_desc": "published_utc",
            "label_column": "title",
        },
        "sites": {"description": "The sites police-news knows.", "columns": SITE_COLUMNS,
                  "facets": ["polda", "platform", "kind"], "label_column": "name"},
        "crawl_runs": {"description": "One row per site per crawl: counts, outcome, cause.",
                       "columns": RUN_COLUMNS, "facets": ["status", "site_id"],
                       "sort_desc": "started_at"},
    }
    if with_view:
        tables[VIEW_NAME] = {
            "description": "The articles to read: not quarantined, with the site's kind and "
                           "the month of publication. Search covers title and text.",
            "columns": VIEW_COLUMNS,
            "facets": ["polda", "site_id", "unit_name", "month"],
            "fts_table": "articles_fts",
            "fts_pk": "id",
            "sort_desc": "published_utc",
            "label_column": "title",
        }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENCE_NOTE[0].upper() + LICENCE_NOTE[1:],
        "source": "police-news crawler",
        "databases": {
            database: {
                "description": DESCRIPTION,
                "tables": tables,
                "queries": {
                    "latest_per_polda": {
                        "title": "Latest article of each Polda",
                        "description": "The newest article (by publication time) of every "
                                       "Polda.",
                        "sql": LATEST_PER_POLDA_SQL,
                    },
                    "biggest_duplicate_clusters": {
                        "title": "Biggest duplicate clusters",
                        "description": "Stories published most often (articles sharing a "
                                       "cluster_id), with the origin's title.",
                        "sql": BIGGEST_CLUSTERS_SQL,
                    },
                },
            },
        },
    }
