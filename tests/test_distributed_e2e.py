"""End to end, as an operator runs it: a real redis-server on loopback, ``police-news enqueue``,
several ``police-news crawl --redis`` workers and one ``police-news ingest`` writer as
subprocesses, against a mock web of eleven fake sites on five platforms.

The distributed crawl must store exactly what a single-process ``police-news crawl`` of the
same web stores, make the same requests, fetch every article once across the cluster, keep
each site at two requests in flight, and survive ``kill -9`` of a worker or the writer.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import redis

from crawler.demo.blogger import BloggerBlogSite, BloggerFeedHub
from crawler.demo.content import DemoBlog, make_blog
from crawler.demo.generic import GenericNewsSite
from crawler.demo.lampung import LampungSite
from crawler.demo.mockweb import MockRequest, MockResponse, MockWeb
from crawler.demo.newscms import NewsCmsSite
from crawler.demo.odoo import OdooBlogSite
from crawler.demo.wordpress import WordPressSite
from crawler.distributed.localredis import LocalRedis, redis_server_path
from crawler.registry import Site
from crawler.store import Store
from tests.helpers import ROOT, cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(redis_server_path() is None, reason="redis-server is not installed: "
                       "run scripts/install-redis.sh (Debian package redis-server)"),
]

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
NEWEST = datetime(2026, 11, 20, 16, 45, tzinfo=WIB)
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "--no-archive",
        "--no-progress"]


class Slowed:
    """A fake site whose answers can be delayed (to kill processes mid-crawl)."""

    delay = 0.0

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.base_url = inner.base_url  # type: ignore[attr-defined]

    def handle(self, request: MockRequest) -> MockResponse:
        answer = self.inner.handle(request)  # type: ignore[attr-defined]
        answer.delay = Slowed.delay
        return answer


@dataclass
class Served:
    """One fake site: its registry row and the posts it serves (with their URLs)."""

    site: Site
    blog: DemoBlog
    article_paths: list[str]


def _blog(unit: str, polda: str, province: str, posts: int, seed: int,
          offset: int = 7) -> DemoBlog:
    zone = timezone(timedelta(hours=offset))
    return make_blog(unit, polda, province, posts, seed=seed, utc_offset_hours=offset,
                     newest=NEWEST.astimezone(zone))


#: name → (platform, zone, whether article pages are fetched, blog, fake site factory).
SITES = {
    "blog-metro": ("blogger", "WIB", False,
                   _blog("Polres Metro", "Polda Lampung", "Lampung", 45, 31),
                   lambda blog, url, hub: BloggerBlogSite(blog, url, page_cap=10, hub_url=hub)),
    "blog-sanggau": ("blogger", "WIB", True,
                     _blog("Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", 24, 32),
                     lambda blog, url, hub: BloggerBlogSite(blog, url, page_cap=10,
                                                            summary_only=True)),
    "blog-nganjuk": ("blogger", "WIB", False,
                     _blog("Polres Nganjuk", "Polda Jatim", "Jawa Timur", 30, 33),
                     lambda blog, url, hub: BloggerBlogSite(blog, url, theme="contempo")),
    "wp-open": ("wordpress", "WITA", False,
                _blog("Polres Gowa", "Polda Sulsel", "Sulawesi Selatan", 30, 34, 8),
                lambda blog, url, hub: WordPressSite(blog, url)),
    "wp-closed": ("wordpress", "WITA", True,
                  _blog("Polres Bone", "Polda Sulsel", "Sulawesi Selatan", 20, 35, 8),
                  lambda blog, url, hub: WordPressSite(blog, url, rest="401", feed_full=False)),
    "odoo": ("odoo", "WIB", True,
             _blog("Polres Tulang Bawang", "Polda Lampung", "Lampung", 25, 36),
             lambda blog, url, hub: OdooBlogSite(blog, url)),
    "lampung": ("lampung", "WIB", True,
                _blog("Polres Tanggamus", "Polda Lampung", "Lampung", 25, 37),
                lambda blog, url, hub: LampungSite(blog, url)),
    "newscms": ("newscms", "WITA", True,
                _blog("Polres Sumbawa", "Polda NTB", "Nusa Tenggara Barat", 25, 38, 8),
                lambda blog, url, hub: NewsCmsSite(blog, url)),
    **{f"portal-{discovery}": (
        "generic", "WITA", True,
        _blog(f"Polres Maros {n}", "Polda Sulsel", "Sulawesi Selatan", 22, 40 + n, 8),
        lambda blog, url, hub, d=discovery: GenericNewsSite(blog, url, discovery=d))
       for n, discovery in enumerate(("rss", "sitemap", "links"))},
}


def build_web(web: MockWeb) -> dict[str, Served]:
    """Eleven sites: three Blogger blogs (one paging through the www.blogger.com hub, one with
    summary-only feeds), two WordPress sites (REST open; REST closed with summary feeds), Odoo,
    Polda Lampung, a news CMS, and generic portals found by RSS, sitemap and links."""
    hub = BloggerFeedHub(web.bind("blogger-hub"))
    hub.base_url = hub.base_url.replace("127.0.0.1", "localhost")
    web.add("blogger-hub", Slowed(hub))
    served: dict[str, Served] = {}
    for name, (platform, zone, fetched, blog, make) in SITES.items():
        fake = make(blog, web.bind(name), hub.base_url)
        web.add(name, Slowed(fake))
        if isinstance(fake, BloggerBlogSite):
            hub.register(fake)
        site = Site(id=f"loop-{name}", name=name, url=fake.base_url, platform=platform,
                    unit_level="polres", unit_name=blog.unit, polda=blog.polda,
                    timezone=zone, source="user")
        paths = [fake.post_url(p)[len(fake.base_url):] for p in blog.posts] if fetched else []
        served[name] = Served(site, blog, paths)
    return served


# -- fixtures --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def web() -> Iterator[MockWeb]:
    mock = MockWeb()
    mock.served = build_web(mock)  # type: ignore[attr-defined]
    for http_server in mock.servers:  # a killed worker's connections reset: not news
        http_server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    mock.start()
    yield mock
    mock.stop()


@pytest.fixture(scope="module")
def sites(web: MockWeb) -> dict[str, Served]:
    return web.served  # type: ignore[attr-defined]


def new_db(path: Path, sites: dict[str, Served]) -> Path:
    with Store(path) as store:
        for served in sites.values():
            store.add_site(served.site)
    return path


def site_args(sites: dict[str, Served]) -> list[str]:
    return [a for served in sites.values() for a in ("--site", served.site.id)]


@pytest.fixture(scope="module")
def reference(tmp_path_factory, web: MockWeb, sites: dict[str, Served]) -> dict[str, object]:
    """A single-process `police-news crawl` of the whole web, and the requests it made."""
    db = new_db(tmp_path_factory.mktemp("reference") / "news.db", sites)
    mark = len(web.log)
    result = cli("crawl", *site_args(sites), *FAST, db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    return {"db": db, "rows": articles(db), "state": site_state(db),
            "requests": requests_made(web, mark)}


@pytest.fixture
def server() -> Iterator[LocalRedis]:
    with LocalRedis() as local:
        yield local


# -- reading results -------------------------------------------------------------------------------


def query(db: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def articles(db: Path) -> dict[str, str]:
    """Canonical URL → content hash of every stored article."""
    return dict(query(db, "SELECT canonical_url, content_hash FROM articles"))


def site_state(db: Path) -> dict[str, tuple]:
    """Watermark and cursor per site; a cursor's clock readings (WordPress's
    ``rest_probed_at``) only as present or not."""
    state = {}
    for site_id, watermark, cursor in query(
            db, "SELECT site_id, newest_published_utc, cursor FROM site_state"):
        values = json.loads(cursor)
        state[site_id] = (watermark, {k: (v if not k.endswith("_at") else bool(v))
                                      for k, v in values.items()})
    return state


def requests_made(web: MockWeb, since: int) -> Counter[tuple[str, str]]:
    """(site, path) of every request the mock web answered after ``since``, robots.txt aside."""
    return Counter((r.site, r.path) for r in web.log[since:] if r.path != "/robots.txt")


def runs(db: Path) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in query(
        db, "SELECT site_id, status, new, updated, error FROM crawl_runs ORDER BY id")}


# -- running the cluster ---------------------------------------------------------------------------


def spawn(*args: str, db: Path, log: Path) -> subprocess.Popen[bytes]:
    """`police-news ARGS` in the background, its output in ``log``."""
    handle = log.open("wb")
    return subprocess.Popen([sys.executable, "-m", "crawler", "--db", str(db), *args],
                            cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def worker(url: str, tmp: Path, n: int, *extra: str) -> subprocess.Popen[bytes]:
    # Workers get a database path that does not exist: they must never open (or create) it.
    return spawn("crawl", "--redis", url, "--idle-exit", "2", *FAST, *extra,
                 db=tmp / "no-db-here" / "news.db", log=tmp / f"worker-{n}.log")


def writer(url: str, db: Path, tmp: Path, n: int, *extra: str) -> subprocess.Popen[bytes]:
    return spawn("ingest", "--redis", url, "--idle-exit", "2", *extra, db=db,
                 log=tmp / f"writer-{n}.log")


def finish(processes: list[subprocess.Popen[bytes]], tmp: Path, timeout: float = 50) -> None:
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    logs = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
                     for p in sorted(tmp.glob("*.log")))
    assert [p.returncode for p in processes] == [0] * len(processes), logs


def enqueue(url: str, db: Path, sites: dict[str, Served]) -> str:
    result = cli("enqueue", "--redis", url, *site_args(sites), db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def wait_for(condition, timeout: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def assert_same_as_reference(db: Path, reference: dict[str, object],
                             sites: dict[str, Served]) -> None:
    assert articles(db) == reference["rows"]
    assert len(reference["rows"]) == sum(len(s.blog.posts) for s in sites.values())
    assert site_state(db) == reference["state"]
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    finished = runs(db)
    assert set(finished) == {s.site.id for s in sites.values()}
    assert {status for status, *_ in finished.values()} == {"ok"}, finished
    assert query(db, "SELECT count(*) FROM crawl_runs") == [(len(sites),)]
    assert sum(new for _, new, _, _ in finished.values()) == len(reference["rows"])


# -- the tests -------------------------------------------------------------------------------------


def test_three_workers_and_a_writer_store_what_one_process_stores(
        tmp_path, web, sites, reference, server) -> None:
    db = new_db(tmp_path / "news.db", sites)
    out = enqueue(server.url, db, sites)
    assert f"{len(sites)} site(s) queued" in out
    status = cli("status", "--redis", server.url, db=db)
    assert status.returncode == 0, status.stderr
    assert f"Frontier: {len(sites)} site(s) with an open batch" in status.stdout
    assert "0 worker(s) seen" in status.stdout and "Writer: not running" in status.stdout

    mark = len(web.log)
    web.max_in_flight.clear()
    cluster = [worker(server.url, tmp_path, n) for n in range(3)]
    cluster.append(writer(server.url, db, tmp_path, 0))
    finish(cluster, tmp_path)

    assert_same_as_reference(db, reference, sites)
    made = requests_made(web, mark)
    assert made == reference["requests"]  # the very same requests as the single process
    for name, served in sites.items():
        for path in served.article_paths:  # every article page fetched once, cluster-wide
            assert made[(name, path)] == 1, (name, path)
    assert max(web.max_in_flight.values()) <= 2, web.max_in_flight
    assert not (tmp_path / "no-db-here").exists()
    logs = "".join(p.read_text() for p in tmp_path.glob("worker-*.log"))
    assert logs.count("run finished") == len(sites)

    after = cli("status", "--redis", server.url, db=db)
    assert "Frontier: 0 site(s) with an open batch, 0 request(s) queued, 0 in flight; 0 " \
           "item(s) waiting for the writer." in after.stdout
    # Nothing left behind in Redis but the (empty) stream and its group.
    client = redis.Redis.from_url(server.url)
    assert sorted(k.decode() for k in client.keys("pn:*") if not k.startswith(b"pn:worker")) \
        == ["pn:items"]


def _lease_holders(client: redis.Redis) -> dict[str, str]:
    return {k.decode().removeprefix("pn:lease:"): v.decode()
            for k in client.keys("pn:lease:*") if (v := client.get(k))}


def test_a_worker_killed_mid_crawl_loses_and_doubles_nothing(
        tmp_path, web, sites, reference, server) -> None:
    db = new_db(tmp_path / "news.db", sites)
    enqueue(server.url, db, sites)
    client = redis.Redis.from_url(server.url)
    ttl = ["-s", "POLICE_NEWS_REDIS_LEASE_TTL=2"]
    Slowed.delay = 0.12
    try:
        first = worker(server.url, tmp_path, 0, *ttl, "-s", "POLICE_NEWS_WORKER_SITES=6")
        wait_for(lambda: len(_lease_holders(client)) >= 4 and client.xlen("pn:items") >= 15,
                 what="the first worker to be crawling")
        first.send_signal(signal.SIGKILL)
        first.wait()
        orphaned = [site for site, who in _lease_holders(client).items()
                    if who.split(":")[1] == str(first.pid)]
        assert len(orphaned) >= 4
        assert sum(client.hlen(f"pn:{site}:inflight") for site in orphaned) > 0
        second = worker(server.url, tmp_path, 1, *ttl)
        replacement = worker(server.url, tmp_path, 2, *ttl)
        writing = writer(server.url, db, tmp_path, 0)
        Slowed.delay = 0.0
        finish([second, replacement, writing], tmp_path)
    finally:
        Slowed.delay = 0.0
    assert_same_as_reference(db, reference, sites)
    logs = "".join(p.read_text() for p in tmp_path.glob("worker-*.log"))
    assert "unfinished request(s) of a previous worker queued again" in logs


def test_the_writer_killed_mid_write_loses_and_doubles_nothing(
        tmp_path, web, sites, reference, server) -> None:
    db = new_db(tmp_path / "news.db", sites)
    enqueue(server.url, db, sites)
    Slowed.delay = 0.05
    try:
        workers = [worker(server.url, tmp_path, n) for n in range(2)]
        first = writer(server.url, db, tmp_path, 0, "--batch-size", "3")
        wait_for(lambda: len(articles(db)) >= 40, what="the writer to have written articles")
        first.send_signal(signal.SIGKILL)
        first.wait()
        written = len(articles(db))
        assert written < len(reference["rows"])
        second = writer(server.url, db, tmp_path, 1, "--batch-size", "3")
        Slowed.delay = 0.0
        finish([*workers, second], tmp_path)
    finally:
        Slowed.delay = 0.0
    assert_same_as_reference(db, reference, sites)
    assert query(db, "SELECT count(*) FROM article_versions") == [(0,)]
