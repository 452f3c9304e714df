"""End to end, as a user runs it: a loopback WordPress site, the CLI in a subprocess.

The same 230 posts are read through each channel the spider may choose (REST, RSS, sitemaps
+ article pages) and must come out identical: titles, dates with the site's offset, bodies.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.demo.content import make_blog
from crawler.demo.wordpress import WordPressSite
from tests.conftest import mount
from tests.helpers import cli

pytestmark = pytest.mark.slow

WIB = timezone(timedelta(hours=7))
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0"]
SITE_ID = "loopback-wp"


@pytest.fixture(scope="module")
def blog_230():
    return make_blog("Polres Metro", "Polda Lampung", "Lampung", 230, seed=11,
                     newest=datetime(2026, 11, 20, 9, 0, tzinfo=WIB), title="Humas Polres Metro")


def serve(httpserver, blog, **options) -> WordPressSite:
    site = WordPressSite(blog, f"http://127.0.0.1:{httpserver.port}", **options)
    mount(httpserver, lambda host: site)
    return site


def add_site(db: Path, url: str) -> None:
    result = cli("sites", "add", url, "--id", SITE_ID, "--platform", "wordpress",
                 "--unit", "Polres Metro", "--polda", "Polda Lampung", "--province", "Lampung",
                 db=db)
    assert result.returncode == 0, result.stderr


def crawl(db: Path, *extra: str):
    result = cli("crawl", "--site", SITE_ID, "--no-progress", *FAST, *extra, db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def query(db: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def articles(db: Path) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in query(
        db, "SELECT canonical_url, title, published_at, body_text, platform_id, tags, version, "
            "author FROM articles")}


def last_run(db: Path) -> tuple:
    return query(db, "SELECT status, error, new FROM crawl_runs ORDER BY id DESC LIMIT 1")[0]


def cursor(db: Path) -> dict:
    return json.loads(query(db, "SELECT cursor FROM site_state WHERE site_id = ?", SITE_ID)[0][0])


def paths(httpserver, since: int = 0) -> list[str]:
    """Requests after ``since``, robots.txt left out."""
    return [req.full_path.rstrip("?") for req, _ in httpserver.log[since:]
            if req.path != "/robots.txt"]


def assert_same_articles(db: Path, site: WordPressSite, blog) -> None:
    stored = articles(db)
    assert len(stored) == len(blog.posts)
    for post in blog.posts:
        title, published, body, platform_id, tags, _, author = stored[site.post_url(post)]
        assert title == post.title
        assert published == post.published.isoformat()
        assert body == post.body_text
        assert platform_id == str(site.wp_id(post))
        assert json.loads(tags) == list(post.labels)
        assert author == post.author
        for chrome in ("Baca Juga", "Bagikan", "Tinggalkan Balasan", "Dilihat", "Terkait"):
            assert chrome not in body


def test_rest_full_then_incremental(tmp_path, httpserver, blog_230) -> None:
    site = serve(httpserver, blog_230)
    db = tmp_path / "news.db"
    add_site(db, site.base_url)

    first = crawl(db)
    assert "230 new" in first.stdout
    assert_same_articles(db, site, blog_230)
    rest = paths(httpserver)
    assert len(rest) == 3 and all(p.startswith("/wp-json/wp/v2/posts?") for p in rest)
    assert len(httpserver.log) == 4  # + robots.txt: 0.017 requests an article
    assert last_run(db) == ("ok", None, 230)
    assert cursor(db)["mode"] == "rest"

    # Nothing new: one REST question (edits since the watermark − 2 days) and robots.txt.
    mark = len(httpserver.log)
    second = crawl(db)
    assert "0 new, 0 updated" in second.stdout
    assert len(httpserver.log) - mark <= 2
    (asked,) = paths(httpserver, mark)
    assert "orderby=modified" in asked and "modified_after=2026-11-18T09%3A00%3A00%2B07%3A00" \
        in asked
    # The same question again is answered 304 Not Modified.
    mark = len(httpserver.log)
    crawl(db)
    assert [resp.status_code for req, resp in httpserver.log[mark:]
            if req.path != "/robots.txt"] == [304]

    # A new post and an edit to a month-old post arrive in the next single request.
    old = blog_230.posts[40]
    newest = blog_230.posts[0]
    fresh = replace(newest, post_id="7000000000000000001", title="Polres Metro Gelar Apel Siaga",
                    slug="polres-metro-gelar-apel-siaga",
                    published=newest.published + timedelta(hours=3),
                    updated=newest.published + timedelta(hours=3))
    edited = replace(old, title=old.title + " (Diperbarui)",
                     updated=newest.published + timedelta(hours=2))
    site.set_posts([fresh, edited, *(p for p in blog_230.posts if p is not old)])
    mark = len(httpserver.log)
    fourth = crawl(db)
    assert "1 new, 1 updated" in fourth.stdout
    assert len(paths(httpserver, mark)) == 1
    stored = articles(db)
    assert stored[site.post_url(fresh)][:2] == ("Polres Metro Gelar Apel Siaga",
                                                "2026-11-20T12:00:00+07:00")
    assert stored[site.post_url(edited)][0] == old.title + " (Diperbarui)"
    assert stored[site.post_url(edited)][5] == 2  # version 2; version 1 kept in history


@pytest.mark.parametrize(("rest", "disallow_rest"), [("401", False), ("open", True)])
def test_rest_off_falls_back_to_the_feed(tmp_path, httpserver, blog_230, rest,
                                         disallow_rest) -> None:
    """REST answering 401, or forbidden by robots.txt (then never asked): the RSS feed."""
    site = serve(httpserver, blog_230, rest=rest, disallow_rest=disallow_rest)
    db = tmp_path / "news.db"
    add_site(db, site.base_url)

    first = crawl(db)
    assert "230 new" in first.stdout
    assert_same_articles(db, site, blog_230)
    asked = paths(httpserver)
    if not disallow_rest:
        assert asked.pop(0).startswith("/wp-json/wp/v2/posts?")
    assert asked == ["/feed/"] + [f"/feed/?paged={n}" for n in range(2, 25)]
    assert last_run(db) == ("ok", None, 230)  # falling back is not an error
    assert cursor(db)["mode"] == "feed"

    # The next run does not probe REST again (for 7 days) and reads one feed page.
    mark = len(httpserver.log)
    second = crawl(db)
    assert "0 new, 0 updated" in second.stdout
    assert paths(httpserver, mark) == ["/feed/"]
    assert len(httpserver.log) - mark <= 2


@pytest.mark.parametrize(("rest", "theme", "max_urls"), [
    ("401", "jnews", 100),  # three post sitemaps, JNews pages
    ("html", "astra", 2000),  # REST redirected to the home page; one sitemap, Astra pages
])
def test_excerpt_feed_falls_back_to_sitemaps_and_pages(tmp_path, httpserver, blog_230, rest,
                                                       theme, max_urls) -> None:
    site = serve(httpserver, blog_230, rest=rest, feed_full=False, theme=theme,
                 sitemap_max_urls=max_urls)
    db = tmp_path / "news.db"
    add_site(db, site.base_url)

    first = crawl(db)
    assert "230 new" in first.stdout
    assert_same_articles(db, site, blog_230)
    asked = paths(httpserver)
    sitemaps = [p for p in asked if p.startswith("/wp-sitemap")]
    expected = ["/wp-sitemap.xml"] + [f"/wp-sitemap-posts-post-{n}.xml"
                                      for n in range(site.sitemap_count(), 0, -1)]
    assert sitemaps == expected  # newest post sitemap first
    assert len(asked) == 2 + len(expected) + 230  # REST probe, feed, sitemaps, pages
    assert last_run(db) == ("ok", None, 230)
    assert cursor(db)["mode"] == "sitemap"

    # Next run: straight to the sitemaps, which hold nothing unknown.
    mark = len(httpserver.log)
    second = crawl(db)
    assert "0 new, 0 updated" in second.stdout
    assert paths(httpserver, mark) == expected[:2]
