"""Re-extraction from the archive: offline, same articles, new versions when a parser changes.

One module-level crawl of two loopback Blogger blogs (a full feed, and a summary-only feed whose
post pages are fetched) fills a database and its archive; the servers are then stopped, and
every test works on a private copy of both.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, JsonResponse, Request, TextResponse

import crawler
import crawler.extract.clean as clean
from crawler.archive import (
    HEADER_CALLBACK,
    HEADER_META,
    HEADER_SITE,
    ArchivedRecord,
    Payload,
    RotatingWarcWriter,
)
from crawler.platforms.base import known_sites
from crawler.platforms.blogger import BloggerSpider
from crawler.reextract import newest_per_url, reached_callback, rebuild_response, reextract
from crawler.runner import spider_classes
from tests.helpers import cli
from tests.test_archive import Blogs, add_sites, articles, crawl, serve_blogs, sources

ORIGINAL_VERSION = crawler.PARSER_VERSION


@dataclass
class Crawled:
    root: Path
    blogs: Blogs
    served: int


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Crawled:
    root = tmp_path_factory.mktemp("crawled")
    blogs = serve_blogs(full_posts=60, summary_posts=30)
    try:
        add_sites(root / "news.db", blogs)
        result = crawl(root / "news.db")
        assert result.returncode == 0, result.stderr
    finally:
        blogs.stop()  # from here on, any request would fail
    return Crawled(root, blogs, len(blogs.web.log))


@pytest.fixture
def work(crawled, tmp_path) -> Path:
    """A private copy of the crawled database and archive; returns the database path."""
    shutil.copytree(crawled.root, tmp_path / "copy")
    return tmp_path / "copy" / "news.db"


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(self, address):
        raise AssertionError(f"re-extraction tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def drop_credit_line(text: str) -> str:
    """A new boilerplate rule: a last paragraph in parentheses is a credit line, not text."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 1 and paragraphs[-1].startswith("(") and paragraphs[-1].endswith(")"):
        paragraphs = paragraphs[:-1]
    return "\n\n".join(paragraphs)


def expected_posts(crawled: Crawled) -> dict[str, tuple[str, str]]:
    """URL → (site id, expected clean body text) of every post of both blogs."""
    out = {}
    for site_id, blog in (("loopback-full", crawled.blogs.full),
                          ("loopback-summary", crawled.blogs.summary)):
        for post in blog.posts:
            out[blog.post_url(post)] = (site_id, post.body_text)
    return out


def rows(db: Path, sql: str, *args) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def table_rows(stdout: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:7] for line in stdout.splitlines()
            if line.startswith("loopback-")}


# -- end to end ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_reextract_offline_gives_the_same_articles(crawled, work) -> None:
    before = rows(work, "SELECT * FROM articles ORDER BY canonical_url")
    assert len(before) == 90
    archived = {r["source_url"] for r in sources(work)}
    assert len([u for u in archived if u.endswith(".html")]) == 30  # the post pages

    result = cli("reextract", db=work)
    assert result.returncode == 0, result.stderr + result.stdout
    # site: responses, unchanged, changed, new, dropped, failed
    assert table_rows(result.stdout) == {
        "loopback-full": ["3", "60", "0", "0", "0", "0"],
        "loopback-summary": ["32", "30", "0", "0", "0", "0"],
    }
    assert "2 site(s): 90 unchanged, 0 changed, 0 new, 0 failed." in result.stdout
    # Nothing moved: same rows (last_seen_at included), no versions, and no request served.
    assert [tuple(r) for r in rows(work, "SELECT * FROM articles ORDER BY canonical_url")] == \
        [tuple(r) for r in before]
    assert rows(work, "SELECT count(*) FROM article_versions")[0][0] == 0
    assert len(crawled.blogs.web.log) == crawled.served


@pytest.mark.slow
def test_a_changed_rule_gives_new_versions_with_the_new_parser_version(
        crawled, work, monkeypatch, no_network) -> None:
    before = {r["canonical_url"]: r for r in rows(work, "SELECT * FROM articles")}
    rule = clean.strip_boilerplate_text
    monkeypatch.setattr(clean, "strip_boilerplate_text", lambda text: drop_credit_line(rule(text)))
    monkeypatch.setattr(crawler, "PARSER_VERSION", "2099.1.0")

    results = reextract(work, work.parent / "archive", known_sites(str(work)), spider_classes())

    posts = expected_posts(crawled)
    affected = {url for url, (_, text) in posts.items() if drop_credit_line(text) != text}
    assert 0 < len(affected) < len(posts)
    by_site = {r.site_id: r for r in results}
    for site_id in ("loopback-full", "loopback-summary"):
        changed = {u for u in affected if posts[u][0] == site_id}
        result = by_site[site_id]
        assert (result.changed, result.unchanged, result.new, result.failed) == (
            len(changed), sum(1 for u in posts.values() if u[0] == site_id) - len(changed), 0, 0)
        assert set(result.changed_urls) == changed

    after = {r["canonical_url"]: r for r in rows(work, "SELECT * FROM articles")}
    assert after.keys() == posts.keys()
    for url, (_, text) in posts.items():
        row = after[url]
        assert row["body_text"] == drop_credit_line(text)
        if url in affected:
            assert (row["version"], row["parser_version"]) == (2, "2099.1.0")
            assert row["content_hash"] != before[url]["content_hash"]
        else:
            assert tuple(row) == tuple(before[url])  # untouched, last_seen_at included
    versions = rows(work, "SELECT a.canonical_url, v.version, v.parser_version, v.body_text "
                          "FROM article_versions v JOIN articles a ON a.id = v.article_id")
    assert {(v["canonical_url"], v["version"], v["parser_version"], v["body_text"])
            for v in versions} == {(u, 1, ORIGINAL_VERSION, posts[u][1]) for u in affected}

    # Run again: the archive now agrees with the database.
    again = reextract(work, work.parent / "archive", known_sites(str(work)), spider_classes())
    assert sum(r.changed for r in again) == 0 and sum(r.unchanged for r in again) == 90


@pytest.mark.slow
def test_dry_run_counts_but_writes_nothing(work, monkeypatch, no_network) -> None:
    before = [tuple(r) for r in rows(work, "SELECT * FROM articles ORDER BY id")]
    rule = clean.strip_boilerplate_text
    monkeypatch.setattr(clean, "strip_boilerplate_text", lambda text: drop_credit_line(rule(text)))

    results = reextract(work, work.parent / "archive", known_sites(str(work)), spider_classes(),
                        dry_run=True)

    assert sum(r.changed for r in results) > 0
    assert [tuple(r) for r in rows(work, "SELECT * FROM articles ORDER BY id")] == before
    assert rows(work, "SELECT count(*) FROM article_versions")[0][0] == 0


@pytest.mark.slow
def test_an_empty_database_is_rebuilt_from_the_archive(crawled, work, tmp_path,
                                                       no_network) -> None:
    fresh = tmp_path / "fresh.db"
    add_sites(fresh, crawled.blogs)
    results = reextract(fresh, work.parent / "archive", known_sites(str(fresh)), spider_classes())
    assert {r.site_id: r.new for r in results} == {"loopback-full": 60, "loopback-summary": 30}
    assert articles(fresh) == articles(work)
    # Each article points at the record it was read from.
    assert [(r["canonical_url"], r["source_url"], r["warc_record_id"]) for r in sources(fresh)] \
        == [(r["canonical_url"], r["source_url"], r["warc_record_id"]) for r in sources(work)]


@pytest.mark.slow
def test_a_response_that_no_longer_parses_fails_with_exit_3(crawled, work) -> None:
    full = crawled.blogs.full
    bad_url = f"{full.base_url}/feeds/posts/default?alt=json&start-index=99"
    writer = RotatingWarcWriter(work.parent / "archive", 2**30, {"software": "test"})
    request, response = _exchange(bad_url, b'{"feed": {"entry": [')
    writer.write_exchange(request, response, {
        HEADER_SITE: "loopback-full", HEADER_CALLBACK: "parse_feed", HEADER_META: "{}"})
    writer.close()

    result = cli("reextract", "--site", "loopback-full", db=work)
    assert result.returncode == 3
    assert table_rows(result.stdout) == {"loopback-full": ["4", "60", "0", "0", "0", "1"]}
    (problem,) = [line for line in result.stderr.splitlines() if bad_url in line]
    assert problem.startswith("loopback-full: feed ") and "is not valid JSON" in problem

    later = cli("reextract", "--since", "2099-01-01", db=work)
    assert later.returncode == 0
    assert "No archived response to re-extract" in later.stdout


def _exchange(url: str, body: bytes) -> tuple[Request, TextResponse]:
    request = Request(url)
    return request, TextResponse(url, body=body, request=request,
                                 headers={"Content-Type": "application/json"})


# -- the pieces ------------------------------------------------------------------------------


def _record(uri: str, date: str, status: int = 200, meta: dict | None = None,
            content_type: str = "text/html") -> ArchivedRecord:
    return ArchivedRecord(path=Path("a.warc.gz"), offset=0, length=1, type="response",
                          record_id=f"<urn:uuid:{uri[-1]}{date[-3:-1]}>", uri=uri, date=date,
                          status=status, content_type=content_type, site="s",
                          callback="parse_feed", meta=meta or {})


def test_which_responses_reached_a_callback() -> None:
    assert reached_callback(_record("http://a/1", "2026-11-20T01:00:00Z"), BloggerSpider)
    assert not reached_callback(_record("http://a/1", "2026-11-20T01:00:00Z", 304,
                                        {"handle_httpstatus_list": [304]}), BloggerSpider)
    assert not reached_callback(_record("http://a/1", "2026-11-20T01:00:00Z", 301),
                                BloggerSpider)
    assert not reached_callback(_record("http://a/1", "2026-11-20T01:00:00Z", 500),
                                BloggerSpider)
    assert reached_callback(_record("http://a/1", "2026-11-20T01:00:00Z", 404,
                                    {"handle_httpstatus_list": [404]}), BloggerSpider)
    assert reached_callback(_record("http://a/1", "2026-11-20T01:00:00Z", 410,
                                    {"handle_httpstatus_all": True}), BloggerSpider)


def test_newest_capture_of_each_url_newest_first() -> None:
    old = _record("http://a/1", "2026-11-20T01:00:00Z")
    new = _record("http://a/1", "2026-11-21T01:00:00.500000Z")
    other = _record("http://a/2", "2026-11-20T12:00:00Z")
    assert newest_per_url([old, other, new]) == [new, other]


def test_rebuilt_response_has_the_right_class_and_the_crawls_meta() -> None:
    record = _record("http://a/2026/11/x.html", "2026-11-20T01:00:00Z",
                     meta={"entry": {"title": "Judul"}})
    html = rebuild_response(record, Payload(200, [("Content-Type", "text/html; charset=UTF-8"),
                                                  ("Content-Encoding", "gzip")],
                                            b"<p>Kapolres</p>", "HTTP/1.1"))
    assert isinstance(html, HtmlResponse)
    assert html.meta["entry"] == {"title": "Judul"}
    assert html.meta["warc"]["warc_record_id"] == record.record_id
    assert html.text == "<p>Kapolres</p>"
    assert b"Content-Encoding" not in html.headers
    feed = rebuild_response(_record("http://a/feed", "2026-11-20T01:00:00Z"),
                            Payload(200, [("Content-Type", "application/json")], b"{}", "HTTP/1.1"))
    assert type(feed) is JsonResponse and feed.status == 200
