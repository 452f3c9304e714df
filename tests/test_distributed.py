"""The distributed crawl's pieces, each on its own: the request codec, the frontier's atomic
steps, the stored-state snapshot, run statistics across sessions, the writer's replays, the
per-host limit, and the CLI's answer to a bad ``--redis`` URL.

Everything that talks to Redis uses a real redis-server on loopback (started per test module).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis
from scrapy import Request
from scrapy.utils.request import request_from_dict

from crawler.distributed.batch import Batch
from crawler.distributed.common import (
    ACTIVE,
    DEAD_LETTERS,
    STREAM,
    RedisUrlError,
    SiteKeys,
    connect,
    dumps,
    ensure_group,
    loads,
)
from crawler.distributed.frontier import LEASE_LOST, SiteDupeFilter, SiteFrontier, request_dict
from crawler.distributed.localredis import LocalRedis, free_port, redis_server_path
from crawler.distributed.redis_state import RedisState, build_snapshots, write_snapshot
from crawler.distributed.stream import encode, merge_cursor, run_summary, session_cursor
from crawler.distributed.writer import IngestStore, Writer
from crawler.items import ArticleItem
from crawler.platforms.blogger import BloggerSpider
from crawler.registry import Site
from crawler.store import Store
from tests.helpers import ROOT, cli, make_spider

needs_redis = pytest.mark.skipif(redis_server_path() is None, reason="redis-server is not "
                                 "installed: run scripts/install-redis.sh (Debian package "
                                 "redis-server)")
SITE = Site(id="humas-metro", name="Humas Polres Metro", url="https://humas.example.id",
            platform="blogger", unit_level="polres", unit_name="Polres Metro",
            polda="Polda Lampung", province="Lampung")
WIB = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def server() -> Iterator[LocalRedis]:
    if redis_server_path() is None:
        pytest.skip("redis-server is not installed: run scripts/install-redis.sh")
    with LocalRedis() as local:
        yield local


@pytest.fixture
def client(server: LocalRedis) -> Iterator[redis.Redis]:
    connection = redis.Redis.from_url(server.url)
    connection.flushdb()
    yield connection
    connection.close()


# -- the request codec -----------------------------------------------------------------------------


def blogger_spider() -> BloggerSpider:
    return make_spider(BloggerSpider, SITE)


def test_a_request_survives_the_codec_with_callbacks_headers_body_and_meta() -> None:
    spider = blogger_spider()
    request = spider.request("https://humas.example.id/2026/11/apel.html",
                             spider.parse_post_page, method="POST", body=b"a=1&b=\xff",
                             headers={"If-None-Match": '"abc"'}, priority=3,
                             meta={"entry": {"title": "Apel Siaga", "labels": ["Polres"]},
                                   "handle_httpstatus_list": (304, 404), "page": 2})
    data = dumps(request_dict(request, spider))
    assert json.loads(data)["callback"] == "parse_post_page"
    back = request_from_dict(loads(data), spider=spider)
    assert (back.url, back.method, back.body, back.priority) == (
        request.url, "POST", b"a=1&b=\xff", 3)
    assert back.headers[b"If-None-Match"] == b'"abc"'
    assert back.callback == spider.parse_post_page
    assert back.errback == spider.on_error
    assert back.meta == {"entry": {"title": "Apel Siaga", "labels": ["Polres"]},
                         "handle_httpstatus_list": [304, 404], "page": 2}


def test_request_dict_names_the_same_callbacks_as_scrapy() -> None:
    spider = blogger_spider()
    for request in (spider.request("https://humas.example.id/feeds", spider.parse_feed),
                    Request("https://humas.example.id/x", callback=spider.parse_feed),
                    Request("https://humas.example.id/y")):
        assert request_dict(request, spider) == request.to_dict(spider=spider)


def test_meta_that_is_not_json_is_refused_with_a_readable_message() -> None:
    with pytest.raises(TypeError, match="datetime values cannot travel through the shared "
                                        "frontier"):
        dumps({"meta": {"when": datetime(2026, 11, 20)}})


def test_a_batch_round_trips_through_its_redis_hash() -> None:
    batch = Batch(run_id="20261120T090000-000001", site=SITE, spider="blogger",
                  since=datetime(2026, 11, 18, 9, 0, tzinfo=WIB), until=None,
                  incremental=True, full=False, limit=25, enqueued_at=1795000000.5)
    fields = {k.encode(): v.encode() for k, v in batch.to_redis().items()}
    assert Batch.from_redis(fields) == batch
    assert batch.window() == {"since": datetime(2026, 11, 18, 9, 0, tzinfo=WIB),
                              "until": None, "incremental": True, "full": False, "limit": 25}


# -- run statistics across sessions ----------------------------------------------------------------


def session(started: float, **values: object) -> dict[str, object]:
    return {"started": started, "requests": 0, "responses": 0, "items": 0, "dropped": 0,
            "errors": 0, "first_error": None, "http_status": {}, "robots": {}, "cursor": {},
            "validators": [], **values}


def test_run_summary_adds_up_sessions_as_the_store_pipeline_would() -> None:
    first = session(100.0, requests=10, responses=9, items=7, errors=1,
                    first_error="HTTP 500 at https://humas.example.id/feeds?page=2",
                    http_status={"200": 8, "500": 1}, robots={"response_count": 1},
                    cursor={"post_id": 85996, "mode": "rest"},
                    validators=[["https://humas.example.id/feeds", '"e1"', None]])
    second = session(130.0, requests=5, responses=5, items=5, http_status={"200": 5},
                     robots={"response_count": 1}, cursor={"post_id": 85960, "mode": "feed"})
    summary = run_summary([second, first], "finished", now=160.0)
    assert summary == {
        "status": "failed", "finish_reason": "finished",
        "counts": {"requests": 15, "responses": 14, "items": 12, "dropped": 0, "errors": 1},
        "error": "HTTP 500 at https://humas.example.id/feeds?page=2",
        "http_status": {"200": 13, "500": 1}, "robots": {"response_count": 2},
        "cursor": {"post_id": 85996, "mode": "feed"},
        "validators": [["https://humas.example.id/feeds", '"e1"', None]],
        "duration_s": 60.0, "sessions": 2,
    }


def test_a_clean_run_is_ok_and_an_early_stop_is_not() -> None:
    assert run_summary([session(1.0, requests=3)], "finished", 2.0)["status"] == "ok"
    stopped = run_summary([session(1.0)], "shutdown", 2.0)
    assert (stopped["status"], stopped["error"]) == ("failed", "crawl stopped early (shutdown)")


def test_cursors_merge_later_wins_but_positions_only_move_forward() -> None:
    assert merge_cursor({"post_id": 86011, "discovery": "feed", "sitemaps": ["a"]},
                        {"post_id": 85990, "discovery": "sitemap", "sitemaps": ["a", "b"],
                         "flag": True}) == {"post_id": 86011, "discovery": "sitemap",
                                            "sitemaps": ["a", "b"], "flag": True}
    assert session_cursor([session(2.0, cursor={"post_id": 5}),
                           session(1.0, cursor={"post_id": 9, "mode": "rest"})]) == \
        {"post_id": 9, "mode": "rest"}


# -- the frontier's atomic steps -------------------------------------------------------------------


@needs_redis
def test_push_marks_seen_and_queues_in_one_step_by_priority_then_first_in(client) -> None:
    frontier = SiteFrontier(client, "humas-metro")
    assert frontier.push(b"feed-2", 0, "fp-feed-2", False)
    assert not frontier.push(b"feed-2 again", 0, "fp-feed-2", False)  # seen this batch
    assert frontier.push(b"feed-2 retry", 0, "fp-feed-2", True)  # dont_filter
    assert frontier.push(b"urgent", 5, "fp-urgent", False)
    assert frontier.push(b"post", 0, "fp-post", False)
    assert client.smembers("pn:humas-metro:dupefilter") == {b"fp-feed-2", b"fp-urgent",
                                                            b"fp-post"}
    assert frontier.acquire("worker-a", 10_000) == 0
    popped = [frontier.pop("worker-a") for _ in range(5)]
    assert [data for _, data in popped[:4]] == [b"urgent", b"feed-2", b"feed-2 retry", b"post"]
    assert popped[4] is None
    assert client.hgetall("pn:humas-metro:inflight") == {ident.encode(): data
                                                         for ident, data in popped[:4]}


@needs_redis
def test_only_the_lease_holder_pops_and_a_new_holder_gets_the_orphans_back(client) -> None:
    frontier = SiteFrontier(client, "humas-metro")
    for n in range(3):
        frontier.push(f"request-{n}".encode(), 0, f"fp-{n}", False)
    assert frontier.pop("worker-a") is LEASE_LOST  # nobody holds the lease
    assert frontier.acquire("worker-a", 10_000) == 0
    assert frontier.acquire("worker-b", 10_000) is None
    first, _ = frontier.pop("worker-a")
    frontier.pop("worker-a")
    assert frontier.pop("worker-b") is LEASE_LOST
    frontier.done(first)
    assert (frontier.queued(), frontier.in_flight()) == (1, 1)
    assert not frontier.renew("worker-b", 10_000)
    frontier.release("worker-b")  # not its lease: nothing happens
    assert frontier.holder() == "worker-a"
    client.delete(frontier.keys.lease)  # worker-a died; its lease expired
    assert frontier.acquire("worker-b", 10_000) == 1  # its in-flight request is queued again
    assert sorted(data for _, data in (frontier.pop("worker-b"), frontier.pop("worker-b"))) \
        == [b"request-1", b"request-2"]


@needs_redis
def test_a_run_ends_only_when_nothing_is_queued_or_in_flight(client) -> None:
    frontier = SiteFrontier(client, "humas-metro")
    keys = SiteKeys("humas-metro")
    client.sadd(ACTIVE, "humas-metro")
    client.hset(keys.run, "run_id", "r1")
    client.hset(keys.urls, "https://humas.example.id/a.html", "1")
    frontier.push(b"last", 0, "fp-last", False)
    frontier.acquire("worker-a", 10_000)
    message = encode("run_end", "r1", "humas-metro", {"status": "ok"})
    assert not frontier.finish("worker-a", message)  # queued
    ident, _ = frontier.pop("worker-a")
    assert not frontier.finish("worker-a", message)  # in flight
    frontier.done(ident, checkpoint=(keys.sessions, "worker-a/1", '{"errors": 0}'))
    assert client.hget(keys.sessions, "worker-a/1") == b'{"errors": 0}'
    assert not frontier.finish("worker-b", message)  # not the lease holder
    assert frontier.finish("worker-a", message)
    assert client.smembers(ACTIVE) == set()
    assert client.keys("pn:humas-metro:*") == [] and not client.exists(keys.lease)
    (_, fields), = client.xrange(STREAM)
    assert fields == {b"type": b"run_end", b"run": b"r1", b"site": b"humas-metro",
                      b"data": b'{"status":"ok"}'}


@needs_redis
def test_a_site_no_worker_can_crawl_is_abandoned_with_its_queue(client) -> None:
    frontier = SiteFrontier(client, "humas-metro")
    client.sadd(ACTIVE, "humas-metro")
    frontier.push(b"never fetched", 0, "fp", False)
    frontier.acquire("worker-a", 10_000)
    message = encode("run_end", "r1", "humas-metro", {"status": "failed"})
    assert not frontier.finish("worker-a", message)
    assert frontier.finish("worker-a", message, abandon=True)
    assert client.keys("pn:humas-metro:*") == [] and client.xlen(STREAM) == 1


@needs_redis
def test_the_dupefilter_keeps_its_fingerprints_when_a_session_closes(client) -> None:
    dupefilter = SiteDupeFilter(client, key=SiteKeys("humas-metro").dupefilter)
    assert not dupefilter.request_seen(Request("https://humas.example.id/a"))
    dupefilter.close("finished")
    assert dupefilter.request_seen(Request("https://humas.example.id/a"))


# -- the stored-state snapshot ---------------------------------------------------------------------


def article(url: str, title: str, updated: str | None = None) -> dict[str, object]:
    item = ArticleItem(url=url, canonical_url=url, site_id=SITE.id, title=title,
                       platform="blogger", published_at="2026-11-19T08:00:00+07:00",
                       updated_at=updated, body_text=f"{title}.", body_html=f"<p>{title}.</p>",
                       fetched_at="2026-11-20T01:00:00Z", parser_version="1")
    item.content_hash = item.compute_hash()
    return asdict(item)


@needs_redis
def test_redis_state_answers_what_the_store_answers(tmp_path, server, client) -> None:
    base = "https://humas.example.id/2026/11/"
    urls = [f"{base}{slug}.html" for slug in ("apel", "razia", "donor", "baru")]
    with Store(tmp_path / "news.db") as store:
        store.save_articles([article(urls[0], "Apel", "2026-11-19T09:30:00+07:00"),
                             article(urls[1], "Razia"), article(urls[2], "Donor")])
        row = store.start_run("r1", SITE.id, "blogger", None, None)
        store.finish_run(row, status="ok", finish_reason="finished", counts={}, error=None,
                         http_status={}, robots={}, duration_s=1.0, cursor={"post_id": 7})
        store.conn.execute("UPDATE articles SET first_seen_at = '2999-01-01T00:00:00Z' "
                           "WHERE url = ?", (urls[2],))  # stored by a crawl that was killed
        store.save_validators([(f"{base}feed", '"v1"', "Thu, 19 Nov 2026 02:00:00 GMT"),
                               ("https://elsewhere.example.org/feed", '"x"', None)])
        snapshots = build_snapshots(store, {SITE.id: {"humas.example.id"}})
        expected = {
            "watermark": store.watermark(SITE.id), "cursor": store.cursor(SITE.id),
            "known": store.known_urls(urls), "settled": store.settled_urls(SITE.id, urls),
            "updated": store.updated_times(urls), "validators": store.validators(f"{base}feed"),
        }
    pipe = client.pipeline()
    write_snapshot(pipe, SiteKeys(SITE.id), snapshots[SITE.id])
    pipe.execute()
    crawler = SimpleNamespace(settings={"POLICE_NEWS_REDIS_URL": server.url},
                              spider=SimpleNamespace(site=SITE))
    state = RedisState(crawler)
    assert {
        "watermark": state.watermark(SITE.id), "cursor": state.cursor(SITE.id),
        "known": state.known_urls(urls), "settled": state.settled_urls(SITE.id, urls),
        "updated": state.updated_times(urls), "validators": state.validators(f"{base}feed"),
    } == expected
    assert expected["known"] == set(urls[:3]) and expected["settled"] == set(urls[:2])
    assert state.validators("https://elsewhere.example.org/feed") == (None, None)
    assert state.known_urls([]) == set()


# -- the writer ------------------------------------------------------------------------------------


def stream_run(client: redis.Redis, run_id: str = "r1") -> list[str]:
    """A run's entries in the stream: start, three articles, end."""
    urls = [f"https://humas.example.id/2026/11/{n}.html" for n in ("apel", "razia", "donor")]
    ids = [client.xadd(STREAM, encode("run_start", run_id, SITE.id, {
        "site": {**SITE.to_dict(), "source": "user"}, "spider": "blogger",
        "since": None, "until": None}))]
    ids += [client.xadd(STREAM, encode("article", run_id, SITE.id, article(url, title)))
            for url, title in zip(urls, ("Apel", "Razia", "Donor"), strict=True)]
    summary = run_summary([session(1.0, requests=4, responses=4, items=3,
                                   http_status={"200": 4}, cursor={"post_id": 3},
                                   validators=[["https://humas.example.id/feed", '"v"',
                                                None]])], "finished", 3.0)
    ids.append(client.xadd(STREAM, encode("run_end", run_id, SITE.id,
                                          {**summary, "spider": "blogger"})))
    return ids


def ingest(client: redis.Redis, db: Path) -> Writer:
    with IngestStore(db) as store:
        writer = Writer(client, store, batch_size=2)
        writer.run(idle_exit=0)
    return writer


def crawl_runs(db: Path) -> list[tuple]:
    with Store(db) as store:
        return [tuple(r) for r in store.conn.execute(
            "SELECT run_id, site_id, status, requests, items, new, updated, unchanged, "
            "http_status FROM crawl_runs")]


@needs_redis
def test_the_writer_applies_a_run_and_empties_the_stream(tmp_path, client) -> None:
    stream_run(client)
    writer = ingest(client, tmp_path / "news.db")
    assert (writer.totals.entries, writer.totals.new, len(writer.totals.finished_runs)) == \
        (5, 3, 1)
    assert crawl_runs(tmp_path / "news.db") == [
        ("r1", SITE.id, "ok", 4, 3, 3, 0, 0, '{"200": 4}')]
    with Store(tmp_path / "news.db") as store:
        assert store.cursor(SITE.id) == {"post_id": 3}
        assert store.watermark(SITE.id) == datetime(2026, 11, 19, 1, 0, tzinfo=UTC)
        assert store.validators("https://humas.example.id/feed") == ('"v"', None)
    assert client.xlen(STREAM) == 0


@needs_redis
def test_entries_replayed_after_a_crash_between_commit_and_ack_change_nothing(
        tmp_path, client) -> None:
    db = tmp_path / "news.db"
    stream_run(client)
    ensure_group(client)

    class CrashAfterCommit(Writer):
        def _acknowledge(self, ids):
            raise SystemExit("killed after COMMIT, before XACK")

    with IngestStore(db) as store, pytest.raises(SystemExit):
        CrashAfterCommit(client, store, batch_size=10).run(idle_exit=0)
    before = crawl_runs(db)
    assert before == [("r1", SITE.id, "ok", 4, 3, 3, 0, 0, '{"200": 4}')]
    assert client.xlen(STREAM) == 5  # nothing acknowledged: all five are read again
    writer = ingest(client, db)
    assert writer.totals.entries == 5 and writer.totals.new == 0
    assert crawl_runs(db) == before
    with Store(db) as store:
        assert tuple(store.conn.execute("SELECT count(*), sum(version) FROM articles")
                     .fetchone()) == (3, 3)
        assert store.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0


@needs_redis
def test_an_unreadable_entry_goes_to_the_dead_letters_and_the_rest_is_written(
        tmp_path, client) -> None:
    stream_run(client)
    client.xadd(STREAM, {"type": "article", "run": "r1", "site": SITE.id, "data": "{oops"})
    writer = ingest(client, tmp_path / "news.db")
    assert writer.totals.dead == 1
    (_, fields), = client.xrange(DEAD_LETTERS)
    assert fields[b"data"] == b"{oops" and fields[b"error"].startswith(b"JSONDecodeError")
    assert crawl_runs(tmp_path / "news.db")[0][5] == 3


@needs_redis
def test_a_run_start_registers_nothing_twice_across_writers(tmp_path, client) -> None:
    db = tmp_path / "news.db"
    client.xadd(STREAM, encode("run_start", "r1", SITE.id, {
        "site": SITE.to_dict(), "spider": "blogger", "since": "2026-11-18T09:00:00+07:00",
        "until": None}))
    ingest(client, db)
    stream_run(client)  # a second session of the same run opens it again
    ingest(client, db)
    assert [r[:3] for r in crawl_runs(db)] == [("r1", SITE.id, "ok")]
    with Store(db) as store:  # a registry site is written to `sites`, as a local crawl does
        assert [s[0] for s in store.conn.execute("SELECT id FROM sites")] == [SITE.id]


# -- the per-host limit ----------------------------------------------------------------------------

_CRAWL_ONE_HOST = """
import sys
import scrapy
from scrapy.crawler import CrawlerProcess

class Links(scrapy.Spider):
    name = "links"
    start_urls = [sys.argv[1] + "/"]

    def parse(self, response):
        for n in range(10):
            yield response.follow(f"/p{n}", self.page)

    def page(self, response):
        pass

process = CrawlerProcess({"CONCURRENT_REQUESTS_PER_DOMAIN": 2, "DOWNLOAD_DELAY": 0,
                          "ROBOTSTXT_OBEY": False, "LOG_LEVEL": "ERROR",
                          "DOWNLOADER": "crawler.politeness.PoliteDownloader"})
process.crawl(Links)
process.start()
"""


def test_the_polite_downloader_keeps_two_requests_per_host_without_a_delay() -> None:
    from crawler.demo.mockweb import MockWeb, html

    class Slow:
        def handle(self, request):
            answer = html("<p>page</p>")
            answer.delay = 0.1
            return answer

    web = MockWeb()
    url = web.bind("host")
    web.add("host", Slow())
    web.start()
    try:
        subprocess.run([sys.executable, "-c", _CRAWL_ONE_HOST, url], cwd=ROOT, check=True,
                       timeout=60)
    finally:
        web.stop()
    assert len(web.requests_for("host")) == 11
    assert web.max_in_flight["host"] == 2


# -- connecting, and the CLI's answer to a bad --redis ---------------------------------------------


def test_connect_explains_a_malformed_url() -> None:
    with pytest.raises(RedisUrlError, match=r"--redis 'http://x:6379' is not a Redis URL"):
        connect("http://x:6379")


def test_connect_explains_a_server_that_does_not_answer() -> None:
    port = free_port()
    with pytest.raises(RedisUrlError, match=rf"cannot reach Redis at 127.0.0.1:{port} "
                                            r"\(.*\); is redis-server running there\?"):
        connect(f"redis://127.0.0.1:{port}/0")


@pytest.mark.parametrize("command", [
    ["crawl", "--redis", "{url}"], ["enqueue", "--redis", "{url}"],
    ["ingest", "--redis", "{url}"], ["status", "--redis", "{url}"]])
@pytest.mark.parametrize("url", ["mysql://127.0.0.1/0", "redis://127.0.0.1:{port}/0"])
def test_a_bad_or_unreachable_redis_url_is_one_error_line(tmp_path, command, url) -> None:
    url = url.format(port=free_port())
    result = cli(*(part.format(url=url) for part in command), db=tmp_path / "news.db",
                 timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert ("is not a Redis URL" in lines[0]) or ("cannot reach Redis at 127.0.0.1" in lines[0])


def test_window_options_belong_to_enqueue_in_worker_mode(tmp_path) -> None:
    result = cli("crawl", "--redis", "redis://127.0.0.1:1/0", "--since", "2026-11-01",
                 "--limit", "3", db=tmp_path / "news.db")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: --since, --limit belong to `police-news enqueue` when crawling with --redis "
        "(workers crawl each site's batch as queued)")
    assert cli("crawl", "--idle-exit", "5", db=tmp_path / "news.db").stderr.strip() == \
        "error: --idle-exit is for workers: use it with --redis URL"
