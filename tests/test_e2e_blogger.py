"""End to end, as a user runs it: a loopback Blogger blog, the CLI in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.demo.blogger import BloggerBlogSite
from crawler.demo.content import make_blog
from tests.conftest import mount
from tests.helpers import ROOT, cli

pytestmark = pytest.mark.slow

WIB = timezone(timedelta(hours=7))
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0"]


@pytest.fixture(scope="module")
def blog_320():
    return make_blog("Polres Metro", "Polda Lampung", "Lampung", 320, seed=7,
                     newest=datetime(2026, 11, 20, 9, 0, tzinfo=WIB), title="Humas Polres Metro")


@pytest.fixture
def served_blog(httpserver, blog_320):
    """The 320-post blog on 127.0.0.1, paging 25 at a time through 'localhost' (another host)."""
    port = httpserver.port
    site = BloggerBlogSite(blog_320, f"http://127.0.0.1:{port}", page_cap=25,
                           hub_url=f"http://localhost:{port}")
    mount(httpserver, lambda host: site)
    return site


def add_site(db: Path, url: str, site_id: str = "loopback-blog") -> None:
    result = cli("sites", "add", url, "--id", site_id, "--platform", "blogger",
                 "--unit", "Polres Metro", "--polda", "Polda Lampung", "--province", "Lampung",
                 db=db)
    assert result.returncode == 0, result.stderr


def rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT canonical_url, title, published_at, content_hash, body_text "
                            "FROM articles ORDER BY canonical_url").fetchall()
    finally:
        conn.close()


def feed_requests(httpserver, since: int = 0) -> list[str]:
    return [req.full_path for req, _ in httpserver.log[since:] if "robots.txt" not in req.path]


def test_full_then_incremental_crawl(tmp_path, httpserver, served_blog, blog_320) -> None:
    db = tmp_path / "news.db"
    add_site(db, served_blog.base_url)
    first = cli("crawl", "--site", "loopback-blog", "--no-progress", *FAST, db=db)
    assert first.returncode == 0, first.stderr + first.stdout
    assert "320 new" in first.stdout

    stored = rows(db)
    assert len(stored) == 320
    by_url = {r[0]: r for r in stored}
    for post in blog_320.posts:
        url, title, published, _, body = by_url[served_blog.post_url(post)]
        assert title == post.title
        assert published == post.published.isoformat()
        assert body == post.body_text
        assert "Komentar" not in body and "Baca juga" not in body
    # 13 feed pages of 25, every other one through the second host.
    pages = feed_requests(httpserver)
    assert len(pages) == 13
    hosts = {req.host for req, _ in httpserver.log}
    assert hosts == {f"127.0.0.1:{httpserver.port}", f"localhost:{httpserver.port}"}

    mark = len(httpserver.log)
    second = cli("crawl", "--site", "loopback-blog", "--no-progress", *FAST, db=db)
    assert second.returncode == 0, second.stderr
    assert rows(db) == stored
    assert len(feed_requests(httpserver, mark)) <= 2
    assert "0 new, 0 updated" in second.stdout

    # A third run asks the same question again: the server answers 304 Not Modified.
    mark = len(httpserver.log)
    third = cli("crawl", "--site", "loopback-blog", "--no-progress", *FAST, db=db)
    assert third.returncode == 0, third.stderr
    statuses = [resp.status_code for req, resp in httpserver.log[mark:]
                if "robots" not in req.path]
    assert statuses == [304]


@pytest.mark.parametrize("kill_after", [25, 125, 250])  # three trials, early to late
def test_killed_crawl_rerun_equals_uninterrupted(tmp_path, httpserver, blog_320,
                                                 kill_after) -> None:
    port = httpserver.port
    site = BloggerBlogSite(blog_320, f"http://127.0.0.1:{port}", page_cap=25,
                           hub_url=f"http://localhost:{port}")
    slow = {"delay": 0.0}

    class Slow:
        def handle(self, request):
            answer = site.handle(request)
            answer.delay = slow["delay"]
            return answer

    mount(httpserver, lambda host: Slow())
    reference = tmp_path / "reference.db"
    add_site(reference, site.base_url)
    assert cli("crawl", "--site", "loopback-blog", "--no-progress", *FAST,
               db=reference).returncode == 0

    killed = tmp_path / "killed.db"
    add_site(killed, site.base_url)
    slow["delay"] = 0.25
    env = {**os.environ, "POLICE_NEWS_DB": str(killed)}
    proc = subprocess.Popen([sys.executable, "-m", "crawler", "crawl", "--site", "loopback-blog",
                             "--no-progress", *FAST, "-s", "POLICE_NEWS_BATCH_SIZE=25"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    count = 0
    while time.monotonic() < deadline:
        time.sleep(0.1)
        try:
            count = sqlite3.connect(killed).execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if count >= kill_after:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert 0 < count < 320, "the crawl must be killed mid-way"

    slow["delay"] = 0.0
    rerun = cli("crawl", "--site", "loopback-blog", "--no-progress", *FAST, db=killed)
    assert rerun.returncode == 0, rerun.stderr
    assert [r[:4] for r in rows(killed)] == [r[:4] for r in rows(reference)]
    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    statuses = [r[0] for r in conn.execute("SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses == ["interrupted", "ok"]


def test_status_json_after_crawl(tmp_path, httpserver, served_blog) -> None:
    db = tmp_path / "news.db"
    add_site(db, served_blog.base_url)
    assert cli("crawl", "--site", "loopback-blog", "--no-progress", "--limit", "30", *FAST,
               db=db).returncode == 0
    result = cli("status", "--json", db=db)
    assert result.returncode == 0
    (entry,) = json.loads(result.stdout)
    assert entry["site"] == "loopback-blog"
    assert entry["last_status"] == "ok"
    assert entry["articles"] == 30
    assert entry["newest_article"] == "2026-11-20T02:00:00Z"


def test_new_and_edited_posts_are_caught_in_one_request(tmp_path, httpserver, served_blog,
                                                        blog_320) -> None:
    from dataclasses import replace

    db = tmp_path / "news.db"
    add_site(db, served_blog.base_url)
    assert cli("crawl", "--site", "loopback-blog", "--no-progress", *FAST,
               db=db).returncode == 0
    newest = blog_320.posts[0].published
    fresh = make_blog("Polres Metro", "Polda Lampung", "Lampung", 5, seed=99,
                      newest=newest + timedelta(days=1), mean_gap_hours=2)
    fresh_posts = [replace(p, slug=p.slug + "-baru", post_id="9" + p.post_id[1:])
                   for p in fresh.posts]
    edited = [replace(blog_320.posts[n], updated=newest + timedelta(hours=6),
                      body_html=blog_320.posts[n].body_html + "<p>Pembaruan: data diperbarui.</p>",
                      body_text=blog_320.posts[n].body_text + "\n\nPembaruan: data diperbarui.")
              for n in (40, 200)]
    served_blog.set_posts([*fresh_posts, *edited,
                           *(p for i, p in enumerate(blog_320.posts) if i not in (40, 200))])
    mark = len(httpserver.log)
    result = cli("crawl", "--site", "loopback-blog", "--no-progress", *FAST, db=db)
    assert result.returncode == 0, result.stderr
    assert "5 new, 2 updated" in result.stdout
    assert len(feed_requests(httpserver, mark)) == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 325
    versions = conn.execute("SELECT a.title, v.version, a.version FROM article_versions v "
                            "JOIN articles a ON a.id = v.article_id ORDER BY a.title").fetchall()
    assert sorted(v[0] for v in versions) == sorted(p.title for p in edited)
    assert all((old, new) == (1, 2) for _, old, new in versions)
    body = conn.execute("SELECT body_text FROM articles WHERE canonical_url = ?",
                        (served_blog.post_url(edited[0]),)).fetchone()[0]
    assert body.endswith("Pembaruan: data diperbarui.")


def test_recheck_marks_deleted_posts_removed(tmp_path, httpserver, served_blog,
                                             blog_320) -> None:
    db = tmp_path / "news.db"
    add_site(db, served_blog.base_url)
    assert cli("crawl", "--site", "loopback-blog", "--no-progress", "--limit", "20", *FAST,
               db=db).returncode == 0
    gone = blog_320.posts[:3]
    served_blog.set_posts([p for p in blog_320.posts if p not in gone])
    result = cli("recheck", "--site", "loopback-blog", "--limit", "20", *FAST, db=db)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    removed = {r[0] for r in conn.execute("SELECT title FROM articles "
                                          "WHERE removed_at IS NOT NULL")}
    assert removed == {p.title for p in gone}
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 20
    served_blog.set_posts(blog_320.posts)
    assert cli("recheck", "--site", "loopback-blog", *FAST, db=db).returncode == 0
    assert conn.execute("SELECT count(*) FROM articles WHERE removed_at IS NOT NULL"
                        ).fetchone()[0] == 0


def test_scrapy_crawl_command_crawls_one_site(tmp_path, httpserver, served_blog) -> None:
    db = tmp_path / "news.db"
    add_site(db, served_blog.base_url)
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "blogger", "-a", "site=loopback-blog",
         "-a", "limit=40", "-s", f"POLICE_NEWS_DB={db}", "-s", "DOWNLOAD_DELAY=0",
         "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "LOG_LEVEL=WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
    assert conn.execute("SELECT status, spider FROM crawl_runs").fetchall() == [("ok", "blogger")]
