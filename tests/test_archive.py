"""The WARC archive: what the middleware writes, what the reader reads back, kill -9 safety.

Unit tests drive :class:`WarcArchiveMiddleware` with hand-made requests and responses; the
end-to-end tests crawl loopback Blogger blogs with the CLI in a subprocess (see
tests/test_e2e_blogger.py for the style). The helpers at the top are shared with
test_reextract.py and test_archive_cli.py.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler.archive import (
    HEADER_CALLBACK,
    HEADER_META,
    HEADER_SITE,
    WarcArchiveMiddleware,
    iter_records,
    load_payload,
    resolve_archive_dir,
    spider_meta,
    warc_files,
)
from crawler.demo.blogger import BloggerBlogSite
from crawler.demo.content import DemoBlog, make_blog
from crawler.demo.mockweb import MockRequest, MockResponse, MockWeb
from crawler.platforms.blogger import BloggerSpider
from crawler.registry import Site
from crawler.store import Store
from tests.helpers import ROOT, cli

WIB = timezone(timedelta(hours=7))
#: One crawl process (--jobs 1): these tests count WARC files, and each process writes its own.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0", "--no-progress",
        "--jobs", "1"]
NEWEST = datetime(2026, 11, 20, 9, 0, tzinfo=WIB)


# -- shared helpers ----------------------------------------------------------------------------


def full_blog(posts: int = 60) -> DemoBlog:
    return make_blog("Polres Metro", "Polda Lampung", "Lampung", posts, seed=31, newest=NEWEST,
                     title="Humas Polres Metro")


def summary_blog(posts: int = 30) -> DemoBlog:
    return make_blog("Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", posts, seed=32,
                     newest=NEWEST, title="Polres Sanggau")


class Slowed:
    """A fake site that answers after ``delay`` seconds (changeable while serving)."""

    def __init__(self, site: BloggerBlogSite, delay: float = 0.0) -> None:
        self.site = site
        self.base_url = site.base_url
        self.delay = delay

    def handle(self, request: MockRequest) -> MockResponse:
        answer = self.site.handle(request)
        answer.delay = self.delay
        return answer


@dataclass
class Blogs:
    """Two loopback Blogger blogs: one with full feeds, one whose feed has summaries only
    (so every post page is fetched, and archived)."""

    web: MockWeb
    full: BloggerBlogSite
    summary: BloggerBlogSite
    slow: Slowed

    def stop(self) -> None:
        self.web.stop()


def serve_blogs(full_posts: int = 60, summary_posts: int = 30) -> Blogs:
    web = MockWeb()
    full_url = web.bind("loopback-full")
    summary_url = web.bind("loopback-summary")
    full = BloggerBlogSite(full_blog(full_posts), full_url, page_cap=25)
    summary = BloggerBlogSite(summary_blog(summary_posts), summary_url, page_cap=25,
                              summary_only=True, theme="contempo")
    slow = Slowed(summary)
    web.add("loopback-full", full)
    web.add("loopback-summary", slow)
    web.start()
    return Blogs(web, full, summary, slow)


def add_sites(db: Path, blogs: Blogs) -> None:
    """Store both blogs as user-added sites (what `police-news sites add` does)."""
    with Store(db) as store:
        for site_id, blog, unit, polda, province in (
                ("loopback-full", blogs.full, "Polres Metro", "Polda Lampung", "Lampung"),
                ("loopback-summary", blogs.summary, "Polres Sanggau", "Polda Kalbar",
                 "Kalimantan Barat")):
            store.add_site(Site(id=site_id, name=blog.blog.title, url=blog.base_url,
                                platform="blogger", unit_level="polres", unit_name=unit,
                                polda=polda, province=province, timezone="WIB",
                                kind="official", source="user"))


def crawl(db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return cli("crawl", "--site", "loopback-full", "--site", "loopback-summary", *FAST, *extra,
               db=db)


def articles(db: Path) -> list[tuple[str, str]]:
    """(canonical URL, content hash) of every stored article."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT canonical_url, content_hash FROM articles "
                            "ORDER BY canonical_url").fetchall()
    finally:
        conn.close()


def sources(db: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT a.canonical_url, s.* FROM article_sources s "
                            "JOIN articles a ON a.id = s.article_id "
                            "ORDER BY a.canonical_url").fetchall()
    finally:
        conn.close()


def all_records(directory: Path) -> list:
    return [r for path in warc_files(directory) for r in iter_records(path)]


# -- the middleware, in-process ----------------------------------------------------------------


SITE = Site(id="polres-contoh", name="Polres Contoh", url="http://127.0.0.1:9", platform="blogger",
            unit_level="polres", unit_name="Polres Contoh", polda="Polda Lampung",
            province="Lampung", timezone="WIB", kind="official", status="active", source="user")


def middleware_for(tmp_path: Path, **settings: object) -> WarcArchiveMiddleware:
    crawler = get_crawler(BloggerSpider, settings_dict={
        "POLICE_NEWS_DB": str(tmp_path / "news.db"), **settings})
    crawler.spider = BloggerSpider.from_crawler(crawler, site=SITE)
    return WarcArchiveMiddleware.from_crawler(crawler)


def exchange(url: str, body: bytes, *, status: int = 200, meta: dict | None = None,
             callback=None, headers: dict | None = None,
             cls: type[Response] = TextResponse) -> tuple[Request, Response]:
    request = Request(url, callback=callback, meta=meta or {},
                      headers={"User-Agent": "police-news/test"})
    response = cls(url, status=status, body=body, request=request,
                   headers=headers or {"Content-Type": "application/json; charset=UTF-8"})
    return request, response


def test_response_and_request_records_with_police_news_headers(tmp_path) -> None:
    middleware = middleware_for(tmp_path)
    spider = middleware.crawler.spider
    entry = {"post_id": "42", "title": "Polres Contoh Gelar Apel", "labels": ["Berita"]}
    url = "http://127.0.0.1:9/2026/11/apel.html?m=1"
    body = b"<html><body><div class='post-body'>Isi berita</div></body></html>"
    request, response = exchange(
        url, body, callback=spider.parse_post_page, cls=HtmlResponse,
        meta={"entry": entry, "conditional_get": True, "download_slot": "127.0.0.1",
              "depth": 2, "retry_times": 1, "_private": 1, "spider": spider},
        headers={"Content-Type": "text/html; charset=UTF-8", "Set-Cookie": ["a=1", "b=2"]})
    assert middleware.process_response(request, response) is response
    middleware.spider_closed(spider)

    (path,) = warc_files(tmp_path / "archive")
    assert re.fullmatch(rf"police-news-\d{{14}}-{os.getpid()}-\d{{5}}\.warc\.gz", path.name)
    info, resp, req = iter_records(path)
    assert (info.type, resp.type, req.type) == ("warcinfo", "response", "request")
    assert resp.uri == req.uri == url
    assert resp.status == 200
    assert resp.site == "polres-contoh"
    assert resp.callback == "parse_post_page"
    assert resp.meta == {"entry": entry, "conditional_get": True}
    assert req.concurrent_to == resp.record_id
    assert request.meta["warc"] == {
        "warc_file": path.name, "warc_offset": resp.offset, "warc_length": resp.length,
        "warc_record_id": resp.record_id, "payload_digest": resp.payload_digest}
    assert resp.payload_digest.startswith("sha1:")
    payload = load_payload(path, resp.offset)
    assert payload.body == body
    assert payload.status == 200
    assert ("Set-Cookie", "a=1") in payload.headers and ("Set-Cookie", "b=2") in payload.headers
    # The request record carries the request line and headers as sent (Host added).
    with gzip.open(path) as fh:
        raw = fh.read()
    assert b"GET /2026/11/apel.html?m=1 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n" in raw
    assert b"User-Agent: police-news/test\r\n" in raw
    assert f"{HEADER_SITE}: polres-contoh".encode() in raw
    assert f"{HEADER_CALLBACK}: parse_post_page".encode() in raw
    assert f'{HEADER_META}: {{"conditional_get":true,"entry":'.encode() in raw


def test_redirects_errors_and_compressed_bodies_are_kept_as_received(tmp_path) -> None:
    middleware = middleware_for(tmp_path)
    spider = middleware.crawler.spider
    compressed = gzip.compress(b'{"feed": {}}')
    cases = [
        exchange("http://127.0.0.1:9/lama", b"", status=301, callback=spider.parse_feed,
                 headers={"Location": "http://127.0.0.1:9/baru"}),
        exchange("http://127.0.0.1:9/hilang", b"<h1>404 Not Found</h1>", status=404,
                 callback=spider.parse_feed, headers={"Content-Type": "text/html"}),
        exchange("http://127.0.0.1:9/robots.txt", b"User-agent: *\nAllow: /\n",
                 headers={"Content-Type": "text/plain"}),
        exchange("http://127.0.0.1:9/feeds/posts/default?alt=json", compressed,
                 callback=spider.parse_feed,
                 headers={"Content-Type": "application/json", "Content-Encoding": "gzip",
                          "Transfer-Encoding": "chunked"}),
    ]
    for request, response in cases:
        middleware.process_response(request, response)
    middleware.spider_closed(spider)
    responses = [r for r in all_records(tmp_path / "archive") if r.type == "response"]
    assert [(r.uri.rsplit("/", 1)[1], r.status, r.callback) for r in responses] == [
        ("lama", 301, "parse_feed"), ("hilang", 404, "parse_feed"),
        ("robots.txt", 200, None), ("default?alt=json", 200, "parse_feed")]
    feed = responses[-1]
    # Stored still gzip-encoded (as received); the reader undoes the encoding.
    with feed.path.open("rb") as fh:
        fh.seek(feed.offset)
        raw = gzip.decompress(fh.read(feed.length))
    assert compressed in raw and b"Content-Encoding: gzip" in raw
    assert b"Transfer-Encoding" not in raw  # the body is stored de-chunked
    assert load_payload(feed.path, feed.offset).body == b'{"feed": {}}'


def test_files_rotate_each_with_warcinfo_first(tmp_path) -> None:
    middleware = middleware_for(tmp_path, POLICE_NEWS_ARCHIVE_ROTATE_MB=0.01)  # ~10 KB
    spider = middleware.crawler.spider
    for n in range(12):
        request, response = exchange(f"http://127.0.0.1:9/feed?page={n}",
                                     os.urandom(3000).hex().encode(), callback=spider.parse_feed)
        middleware.process_response(request, response)
    middleware.spider_closed(spider)
    files = warc_files(tmp_path / "archive")
    assert len(files) >= 4
    per_file = [[r.type for r in iter_records(p)] for p in files]
    assert all(types[0] == "warcinfo" for types in per_file)
    assert sum(types.count("response") for types in per_file) == 12
    numbers = [int(p.name.split("-")[-1].split(".")[0]) for p in files]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_archiving_off_and_archive_dir_resolution(tmp_path, monkeypatch) -> None:
    with pytest.raises(NotConfigured):
        middleware_for(tmp_path, POLICE_NEWS_ARCHIVE=False)
    monkeypatch.delenv("POLICE_NEWS_ARCHIVE", raising=False)
    monkeypatch.delenv("POLICE_NEWS_DB", raising=False)
    assert resolve_archive_dir(None, None) == Path("output") / "archive"
    assert resolve_archive_dir(None, tmp_path / "x" / "news.db") == tmp_path / "x" / "archive"
    assert resolve_archive_dir(str(tmp_path / "w"), tmp_path / "news.db") == tmp_path / "w"
    monkeypatch.setenv("POLICE_NEWS_ARCHIVE", str(tmp_path / "env"))
    assert resolve_archive_dir(None, tmp_path / "news.db") == tmp_path / "env"


def test_spider_meta_keeps_only_the_spiders_json_keys() -> None:
    meta = {"entry": {"title": "Judul", "labels": ["a"]}, "page": 3, "conditional_get": True,
            "handle_httpstatus_list": [304], "download_slot": "x", "depth": 1,
            "redirect_urls": ["http://a"], "warc": {"warc_file": "f"}, "not_modified": True,
            "_hidden": 1, "callback_obj": object()}
    assert spider_meta(meta) == {"entry": {"title": "Judul", "labels": ["a"]}, "page": 3,
                                 "conditional_get": True, "handle_httpstatus_list": [304]}


@pytest.mark.parametrize("cut", [1, 30, 200, -40, -1])
def test_iter_records_skips_a_truncated_last_record(tmp_path, cut) -> None:
    middleware = middleware_for(tmp_path)
    spider = middleware.crawler.spider
    for n in range(3):
        request, response = exchange(f"http://127.0.0.1:9/feed?page={n}",
                                     json.dumps({"feed": {"n": n}}).encode() * 50,
                                     callback=spider.parse_feed)
        middleware.process_response(request, response)
    middleware.spider_closed(spider)
    (path,) = warc_files(tmp_path / "archive")
    complete = list(iter_records(path))
    last = complete[-1]  # the last request record
    assert last.offset + last.length == path.stat().st_size
    # Cut the file inside the last record, as a kill -9 during its write would.
    keep = last.offset + cut if cut > 0 else last.offset + last.length + cut
    with path.open("r+b") as fh:
        fh.truncate(keep)
    assert [r.record_id for r in iter_records(path)] == [r.record_id for r in complete[:-1]]


# -- end to end ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_no_archive_writes_nothing(tmp_path) -> None:
    blogs = serve_blogs(full_posts=30, summary_posts=5)
    try:
        db = tmp_path / "news.db"
        add_sites(db, blogs)
        result = crawl(db, "--no-archive")
        assert result.returncode == 0, result.stderr
    finally:
        blogs.stop()
    assert not (tmp_path / "archive").exists()
    assert list(tmp_path.rglob("*.warc*")) == []
    assert "Archive:" not in result.stdout
    rows = sources(db)
    assert len(rows) == 35
    assert {(r["warc_file"], r["warc_record_id"]) for r in rows} == {(None, None)}


@pytest.mark.slow
def test_killed_crawl_leaves_readable_warcs_and_rerun_equals_uninterrupted(tmp_path) -> None:
    blogs = serve_blogs(full_posts=40, summary_posts=60)
    try:
        reference = tmp_path / "reference" / "news.db"
        add_sites(reference, blogs)
        assert crawl(reference).returncode == 0

        killed = tmp_path / "killed" / "news.db"
        add_sites(killed, blogs)
        blogs.slow.delay = 0.1
        env = {**os.environ, "POLICE_NEWS_DB": str(killed)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "crawler", "crawl", "--site", "loopback-full", "--site",
             "loopback-summary", *FAST, "-s", "POLICE_NEWS_BATCH_SIZE=5"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        count = 0
        while time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                count = sqlite3.connect(killed).execute(
                    "SELECT count(*) FROM articles WHERE site_id = 'loopback-summary'"
                ).fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if count >= 15:
                break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        assert 0 < count < 60, "the crawl must be killed while post pages are being archived"
        killed_files = warc_files(killed.parent / "archive")
        assert len(killed_files) == 1  # one crawl process (--jobs 1), one file

        blogs.slow.delay = 0.0
        rerun = crawl(killed)
        assert rerun.returncode == 0, rerun.stderr
    finally:
        blogs.stop()

    assert articles(killed) == articles(reference)
    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # Every file reads cleanly: back-to-back complete records from a warcinfo on; at most a
    # cut-short tail (the record being written at the kill) is left unread.
    files = warc_files(killed.parent / "archive")
    assert len(files) == 2
    for path in files:
        records = list(iter_records(path))
        assert records[0].type == "warcinfo"
        ends = [r.offset + r.length for r in records]
        assert [r.offset for r in records[1:]] == ends[:-1]
        assert path.stat().st_size - ends[-1] < 65536
        for record in records:
            if record.type == "response":
                assert load_payload(path, record.offset).status == record.status
    # The killed run archived every post page it stored before the kill.
    archived = {r.uri for r in iter_records(killed_files[0]) if r.type == "response"}
    assert len({u for u in archived if u.endswith(".html")}) >= 15
    # Every stored article points at a complete response record of its source URL.
    by_id = {r.record_id: r for r in all_records(killed.parent / "archive")}
    for row in sources(killed):
        record = by_id[row["warc_record_id"]]
        assert (record.uri, record.path.name, record.offset, record.length) == (
            row["source_url"], row["warc_file"], row["warc_offset"], row["warc_length"])
    # And re-extraction from these files agrees with the database.
    again = cli("reextract", db=killed)
    assert again.returncode == 0, again.stderr + again.stdout
    assert "100 unchanged, 0 changed, 0 new, 0 failed" in again.stdout


def test_a_failed_write_is_recorded_against_the_site_and_the_crawl_goes_on(tmp_path) -> None:
    (tmp_path / "archive").write_text("a file where the archive directory should be")
    middleware = middleware_for(tmp_path)
    spider = middleware.crawler.spider
    request, response = exchange("http://127.0.0.1:9/feed", b"{}", callback=spider.parse_feed,
                                 meta={"warc": {"warc_file": "of-a-redirect.warc.gz"}})
    assert middleware.process_response(request, response) is response
    middleware.spider_closed(spider)
    assert "warc" not in request.meta
    stats = middleware.crawler.stats
    assert stats.get_value("police_news/errors") == 1
    assert stats.get_value("police_news/first_error").startswith(
        "could not archive http://127.0.0.1:9/feed (FileExistsError: ")


class FullDisk:
    """A file that takes ``room`` more bytes, then fails the way a full disk does."""

    def __init__(self, fh, room: int) -> None:
        self.fh, self.room = fh, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            self.fh.write(data[:self.room])
            self.fh.flush()
            self.room = 0
            raise OSError(28, "No space left on device")
        self.room -= len(data)
        return self.fh.write(data)

    def tell(self) -> int:
        return self.fh.tell()

    def flush(self) -> None:
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


def test_a_record_cut_short_by_a_full_disk_stays_the_last_of_its_file(tmp_path) -> None:
    middleware = middleware_for(tmp_path)
    spider = middleware.crawler.spider
    body = json.dumps({"feed": {"entry": ["x" * 40] * 200}}).encode()
    first = exchange("http://127.0.0.1:9/feed?page=1", body, callback=spider.parse_feed)
    middleware.process_response(*first)
    writer = middleware.writer
    writer._fh = writer._writer.out = FullDisk(writer._fh, room=100)
    failed = exchange("http://127.0.0.1:9/feed?page=2", body, callback=spider.parse_feed)
    middleware.process_response(*failed)
    third = exchange("http://127.0.0.1:9/feed?page=3", body, callback=spider.parse_feed)
    middleware.process_response(*third)
    middleware.spider_closed(spider)

    assert "warc" not in failed[0].meta
    old, new = warc_files(tmp_path / "archive")
    complete = list(iter_records(old))
    assert [(r.type, r.uri[-6:]) for r in complete] == [
        ("warcinfo", ""), ("response", "page=1"), ("request", "page=1")]
    # The 100 bytes of the cut record are still there, after the complete ones, and skipped.
    assert old.stat().st_size == complete[-1].offset + complete[-1].length + 100
    assert [(r.type, r.uri[-6:]) for r in iter_records(new)] == [
        ("warcinfo", ""), ("response", "page=3"), ("request", "page=3")]
    assert third[0].meta["warc"]["warc_file"] == new.name
    assert middleware.crawler.stats.get_value("police_news/errors") == 1
