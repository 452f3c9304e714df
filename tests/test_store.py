"""The SQLite store: upserts, versions, aliases, runs, watermarks, schema."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path

import pytest

from crawler.items import ArticleItem
from crawler.registry import Site
from crawler.store import SCHEMA_VERSION, Store


def article(n: int, body: str = "Isi berita", **extra: object) -> dict:
    item = ArticleItem(
        url=f"https://humas.example.id/2024/05/berita-{n}.html", site_id="demo-site",
        title=f"Polres Metro Gelar Patroli {n}", platform="blogger",
        canonical_url=f"https://humas.example.id/2024/05/berita-{n}.html",
        published_at=f"2024-05-{n:02d}T09:30:00+07:00", body_text=f"{body} {n}",
        body_html=f"<p>{body} {n}</p>", platform_id=str(1000 + n),
        fetched_at="2024-05-30T00:00:00Z",
        parser_version="test", **extra)
    item.content_hash = item.compute_hash()
    return asdict(item)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "t.db") as s:
        yield s


def test_new_database_has_schema_wal_and_fts(store: Store) -> None:
    conn = store.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sites", "articles", "article_versions", "article_urls", "crawl_runs",
            "site_state", "http_validators", "articles_fts"} <= tables


def test_upsert_counts_new_unchanged_and_updated_with_versions(store: Store) -> None:
    first = store.save_articles([article(1), article(2)])
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    again = store.save_articles([article(1), article(2)])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    edited = store.save_articles([article(1, body="Isi berita yang diperbaiki")])
    assert (edited.new, edited.updated) == (0, 1)
    assert store.article_count() == 2
    row = store.conn.execute("SELECT body_text, version FROM articles WHERE platform_id='1001'"
                             ).fetchone()
    assert tuple(row) == ("Isi berita yang diperbaiki 1", 2)
    old = store.conn.execute("SELECT version, body_text FROM article_versions").fetchall()
    assert [tuple(r) for r in old] == [(1, "Isi berita 1")]


def test_same_post_under_another_url_is_one_article(store: Store) -> None:
    store.save_articles([article(3)])
    variant = article(3)
    variant["url"] = variant["canonical_url"] = "http://humas-example.blogspot.com/2024/05/b3.html"
    result = store.save_articles([variant])
    assert (result.new, result.unchanged) == (0, 1)
    assert store.article_count() == 1
    urls = {r[0] for r in store.conn.execute("SELECT url FROM article_urls")}
    assert "http://humas-example.blogspot.com/2024/05/b3.html" in urls


def test_full_text_search_finds_words(store: Store) -> None:
    store.save_articles([article(4, body="Sat Resnarkoba menangkap pengedar sabu")])
    hits = store.conn.execute("SELECT title FROM articles_fts WHERE articles_fts MATCH 'sabu'"
                              ).fetchall()
    assert [h[0] for h in hits] == ["Polres Metro Gelar Patroli 4"]


def test_watermark_moves_only_after_a_successful_run(store: Store) -> None:
    store.save_articles([article(5), article(9)])
    failed = store.start_run("r1", "demo-site", "blogger", None, None)
    store.finish_run(failed, status="failed", finish_reason="finished", counts={}, error="HTTP 500",
                     http_status={"500": 3}, robots={}, duration_s=1.0)
    assert store.watermark("demo-site") is None
    ok = store.start_run("r2", "demo-site", "blogger", None, None)
    store.finish_run(ok, status="ok", finish_reason="finished", counts={"new": 2}, error=None,
                     http_status={"200": 1}, robots={}, duration_s=1.0)
    assert store.watermark("demo-site").isoformat() == "2024-05-09T02:30:00+00:00"
    runs = store.runs("r1")
    assert runs[0]["status"] == "failed" and runs[0]["error"] == "HTTP 500"


def test_runs_of_dead_processes_are_marked_interrupted(store: Store) -> None:
    row = store.start_run("r3", "demo-site", "blogger", None, None)
    store.conn.execute("UPDATE crawl_runs SET pid = 999999999 WHERE id = ?", (row,))
    assert store.mark_interrupted_runs() == 1
    assert store.runs("r3")[0]["status"] == "interrupted"


def test_user_sites_round_trip(store: Store) -> None:
    site = Site(id="my-portal", name="Portal", url="https://portal.example.id",
                platform="blogger", polda="Polda Bali", timezone="WITA", kind="reprint",
                options={"feed_url": "https://portal.example.id/feeds/posts/default"},
                source="user")
    store.add_site(site, detected_by="given")
    assert store.stored_sites() == [site]
    assert store.remove_site("my-portal") is True
    assert store.stored_sites() == []


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer than this police-news"):
        Store(path)


def test_status_marks_a_site_stale_from_its_own_cadence(store: Store) -> None:
    from datetime import UTC, datetime

    daily = [article(n) for n in range(1, 21)]  # one article a day, 1-20 May 2024
    store.save_articles(daily)
    run = store.start_run("r", "demo-site", "blogger", None, None)
    store.finish_run(run, status="ok", finish_reason="finished", counts={}, error=None,
                     http_status={}, robots={}, duration_s=0.1)
    fresh = store.site_summaries(now=datetime(2024, 5, 21, 12, tzinfo=UTC))
    (summary,) = fresh
    assert summary["cadence_hours"] == 24.0
    assert summary["stale"] is False
    assert summary["articles"] == 20 and summary["articles_7d"] == 6  # 15-20 May
    (later,) = store.site_summaries(now=datetime(2024, 6, 15, tzinfo=UTC))
    assert later["stale"] is True and later["articles_7d"] == 0
    assert later["last_success"] is not None and later["last_error"] is None


def test_only_articles_of_a_finished_run_are_settled(store: Store) -> None:
    store.save_articles([article(1)])
    run = store.start_run("r1", "demo-site", "blogger", None, None)
    store.finish_run(run, status="ok", finish_reason="finished", counts={}, error=None,
                     http_status={}, robots={}, duration_s=0.1)
    store.save_articles([article(2)])  # as if stored by a later crawl that was killed
    store.conn.execute("UPDATE articles SET first_seen_at = '2100-02-01T00:00:00Z' "
                       "WHERE platform_id = '1002'")
    urls = [article(n)["canonical_url"] for n in (1, 2, 3)]
    assert store.known_urls(urls) == set(urls[:2])
    assert store.settled_urls("demo-site", urls) == {urls[0]}
    assert store.settled_urls("other-site", urls) == set()
