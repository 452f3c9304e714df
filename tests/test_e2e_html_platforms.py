"""End to end, as a user runs it: the Odoo, Lampung and news-CMS fake sites on the loopback
mock web, the CLI in a subprocess, the database read back."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.demo.content import DemoBlog, make_blog
from crawler.demo.lampung import LampungSite
from crawler.demo.mockweb import MockWeb
from crawler.demo.newscms import NewsCmsSite
from crawler.demo.odoo import FIRST_POST_ID, OdooBlogSite
from crawler.registry import Site
from crawler.store import Store
from tests.helpers import cli

pytestmark = pytest.mark.slow

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


@pytest.fixture(scope="module")
def metro() -> DemoBlog:
    return make_blog("Polres Metro", "Polda Lampung", "Lampung", 120, seed=21,
                     newest=datetime(2026, 11, 20, 16, 45, tzinfo=WIB))


@pytest.fixture(scope="module")
def sumbawa() -> DemoBlog:
    return make_blog("Polres Sumbawa", "Polda NTB", "Nusa Tenggara Barat", 105, seed=22,
                     newest=datetime(2026, 11, 20, 10, 5, tzinfo=WITA), utc_offset_hours=8)


@pytest.fixture
def web() -> Iterator[MockWeb]:
    mock = MockWeb()
    yield mock
    mock.stop()


def serve(web: MockWeb, name: str, make: Callable[[str], object]) -> object:
    site = make(web.bind(name))
    web.add(name, site)
    return site


def add_site(db: Path, url: str, site_id: str, platform: str, unit: str, polda: str,
             province: str) -> None:
    result = cli("sites", "add", url, "--id", site_id, "--platform", platform, "--unit", unit,
                 "--polda", polda, "--province", province, db=db)
    assert result.returncode == 0, result.stderr


def crawl(db: Path, *site_ids: str) -> str:
    args = [a for s in site_ids for a in ("--site", s)]
    result = cli("crawl", *args, "--no-progress", *FAST, db=db)
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


def fetched(web: MockWeb, name: str, since: int = 0) -> list[str]:
    """Paths one fake site answered after the first ``since`` requests, robots.txt aside."""
    return [r.path for r in web.requests_for(name)[since:] if r.path != "/robots.txt"]


def stored(db: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT url, title, published_at, body_text, platform_id, "
                            "content_hash FROM articles").fetchall()
    finally:
        conn.close()
    return {row[0]: row[1:] for row in rows}


#: Chrome the fake sites put on article pages; none of it may reach a stored title or body.
BOILERPLATE = ("Website Resmi Polri", "Baca Juga", "Baca Selanjutnya", "Bagikan postingan",
               "meninggalkan komentar", "Semua Blog", "https://tribratanews.lampung",
               "Tribratanews lampung polri go id", "Artikel Sebelumnya", "Artikel Berikutnya",
               "Berita terkait", "Rekomendasi berita", "Nagari TV", "Ikuti Kami", "Terpopuler",
               "kali dilihat")


def assert_complete_crawl(db: Path, site, blog: DemoBlog, requests: list[str]) -> None:
    rows = stored(db)
    assert len(rows) == len(blog.posts)
    for post in blog.posts:
        title, published, body, _, _ = rows[site.post_url(post)]
        assert title == post.title
        assert published == post.published.isoformat()
        assert body == site.expected_body(post)
        assert not [chrome for chrome in BOILERPLATE if chrome in title or chrome in body]
    assert len(requests) <= 1.1 * len(blog.posts), requests


PLATFORMS = {
    "odoo": (lambda blog, url: OdooBlogSite(blog, url), "metro", "Lampung"),
    "lampung": (lambda blog, url: LampungSite(blog, url), "metro", "Lampung"),
    "newscms": (lambda blog, url: NewsCmsSite(blog, url), "sumbawa", "Nusa Tenggara Barat"),
    "newscms-index": (lambda blog, url: NewsCmsSite(blog, url, sitemap=False), "sumbawa",
                      "Nusa Tenggara Barat"),
}


@pytest.mark.parametrize("variant", list(PLATFORMS))
def test_full_crawl_then_nothing_new(variant, tmp_path, web, request) -> None:
    factory, blog_name, province = PLATFORMS[variant]
    blog: DemoBlog = request.getfixturevalue(blog_name)
    platform = variant.split("-")[0]
    site = serve(web, variant, lambda url: factory(blog, url))
    web.start()
    db = tmp_path / "news.db"
    add_site(db, site.base_url, f"loopback-{variant}", platform, blog.unit, blog.polda, province)

    out = crawl(db, f"loopback-{variant}")
    assert f"{len(blog.posts)} new" in out
    assert_complete_crawl(db, site, blog, fetched(web, variant))
    if variant == "newscms-index":
        assert fetched(web, variant)[0] == "/sitemap.xml"  # 404, then the news index
        assert "/indeks-berita?page=7" in fetched(web, variant)

    mark = len(web.requests_for(variant))
    before = stored(db)
    out = crawl(db, f"loopback-{variant}")
    assert "0 new, 0 updated" in out
    assert len(fetched(web, variant, mark)) <= 2
    assert stored(db) == before


def test_odoo_cursor_new_posts_and_renamed_slug(tmp_path, web, metro) -> None:
    site: OdooBlogSite = serve(web, "odoo", lambda url: OdooBlogSite(metro, url))
    web.start()
    db = tmp_path / "news.db"
    add_site(db, site.base_url, "loopback-odoo", "odoo", "Polres Metro", "Polda Lampung",
             "Lampung")
    crawl(db, "loopback-odoo")
    newest_id = FIRST_POST_ID + 3 * (len(metro.posts) - 1)
    with Store(db) as store:
        assert store.cursor("loopback-odoo") == {"post_id": newest_id}

    # Two new posts, and an editor retitles a recent one (its slug, so its URL, changes).
    extra = make_blog("Polres Metro", "Polda Lampung", "Lampung", 2, seed=99,
                      newest=datetime(2026, 11, 21, 10, 0, tzinfo=WIB)).posts
    renamed = dataclasses.replace(metro.posts[1], title=metro.posts[1].title + " (Revisi)")
    old_url = site.post_url(metro.posts[1])
    site.set_posts([*extra, renamed, *(p for p in metro.posts if p is not metro.posts[1])])
    mark = len(web.requests_for("odoo"))
    out = crawl(db, "loopback-odoo")
    assert "2 new, 1 updated" in out
    # page 1 (new posts + the renamed one), the three articles, page 2 (all below the cursor)
    assert sorted(fetched(web, "odoo", mark)) == sorted(
        ["/blog/page/1", "/blog/page/2", *(site.post_path(p) for p in (*extra, renamed))])
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(metro.posts) + 2
        article_id, title, version = conn.execute(
            "SELECT id, title, version FROM articles WHERE platform_id = ?",
            (str(site.ids[renamed.post_id]),)).fetchone()
        urls = {r[0] for r in conn.execute("SELECT url FROM article_urls WHERE article_id = ?",
                                           (article_id,))}
    finally:
        conn.close()
    assert (title, version) == (renamed.title, 2)
    assert {old_url, site.post_url(renamed)} <= urls
    with Store(db) as store:
        assert store.cursor("loopback-odoo") == {"post_id": newest_id + 6}


def test_newscms_mirrors_are_stored_once_with_both_urls(tmp_path, web, sumbawa) -> None:
    first = web.bind("polres-id")
    second = web.bind("ngo-web-id")
    sites = {"polres-id": NewsCmsSite(sumbawa, first, [second]),
             "ngo-web-id": NewsCmsSite(sumbawa, second, [first])}
    for name, served in sites.items():
        web.add(name, served)
    web.start()
    db = tmp_path / "news.db"
    with Store(db) as store:
        for name, served in sites.items():
            # Loopback hosts are IP addresses, so the canonical parent is named explicitly.
            store.add_site(Site(id=f"loopback-{name}", name=name, url=served.base_url,
                                platform="newscms", unit_level="polres",
                                unit_name="Polres Sumbawa", polda="Polda NTB",
                                province="Nusa Tenggara Barat", timezone="WITA",
                                kind="reprint", options={"canonical_parent": second},
                                source="user"))
    crawl(db, "loopback-polres-id", "loopback-ngo-web-id")

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(sumbawa.posts)
        urls = {}
        for canonical, url in conn.execute(
                "SELECT a.canonical_url, u.url FROM article_urls u JOIN articles a "
                "ON a.id = u.article_id"):
            urls.setdefault(canonical, set()).add(url)
    finally:
        conn.close()
    for post in sumbawa.posts:
        mirror, canonical = (s.post_url(post) for s in sites.values())
        assert urls[canonical] == {mirror, canonical}

    marks = {name: len(web.requests_for(name)) for name in sites}
    out = crawl(db, "loopback-polres-id", "loopback-ngo-web-id")
    assert "0 new, 0 updated" in out
    for name in sites:
        assert len(fetched(web, name, marks[name])) <= 2
