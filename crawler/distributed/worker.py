"""``police-news crawl --redis URL``: a worker that crawls sites from the shared frontier.

A worker is one process with one reactor. Every second it renews the leases of the sites it
crawls, writes a heartbeat, and looks at ``pn:active`` for sites whose lease is free; it takes
(``SET NX PX``) up to its fair share of them — free sites ÷ live workers, at most
``POLICE_NEWS_WORKER_SITES`` at a time — and runs one Scrapy crawler per site, as the local
runner does, with these differences:

* the scheduler is the site's queue in Redis (:class:`~.frontier.FrontierScheduler`), so the
  spider yields no start requests (``POLICE_NEWS_FRONTIER_ONLY``); ``entry_requests()`` is
  still called once and its requests discarded, because some spiders set up bookkeeping there
  (a probe timestamp in the cursor, the discovery steps taken);
* the spider's window (since/until/incremental/full/limit) is the batch's, not recomputed;
* stored state comes from the Redis snapshot (:class:`~.redis_state.RedisState`);
* the store stage of the item pipeline is :class:`~.stream.RedisItemPipeline`: the worker never
  opens the SQLite file.

Politeness across the cluster comes from the lease: a site is crawled by one worker at a time,
with that crawler's ``CONCURRENT_REQUESTS_PER_DOMAIN`` and delays, and robots.txt is fetched and
obeyed by each crawler. A crawler closes when its site's queue is empty and nothing is in
flight; it then ends the run (:meth:`~.frontier.SiteFrontier.finish`) with the statistics of
every session the site had in this batch. A crawler stopped early (shutdown, lost lease) only
records its statistics; the next worker to take the site carries on.

``--idle-exit S``: the worker exits 0 once it has run no crawler, no site it may take has an
open batch, and the item stream is empty, for S seconds.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import math
import os
import random
import socket
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiders import Spider
from twisted.internet import task
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from crawler.distributed.batch import Batch
from crawler.distributed.common import ACTIVE, STREAM, WORKERS, SiteKeys, connect, text
from crawler.distributed.frontier import FrontierEngine, FrontierScheduler, SiteFrontier
from crawler.distributed.stream import encode, run_summary, session_cursor, session_stats
from crawler.middlewares import ConditionalGetMiddleware
from crawler.platforms.base import STAT_CURSOR, STAT_ERRORS, STAT_FIRST_ERROR
from crawler.runner import project_settings, spider_classes

logger = logging.getLogger(__name__)

STORE_PIPELINE = "crawler.pipelines.StorePipeline"
REDIS_PIPELINE = "crawler.distributed.stream.RedisItemPipeline"
#: Seconds between two saves of a session's statistics into Redis.
STATS_INTERVAL = 2.0


@dataclass
class WorkerOptions:
    """How a worker runs (the CLI fills this from ``crawl --redis``)."""

    redis_url: str
    db_path: Path
    #: Only these sites (empty: any site with an open batch).
    sites: frozenset[str] = frozenset()
    #: Exit 0 after this many idle seconds (None: run until stopped).
    idle_exit: float | None = None
    #: Scrapy setting overrides (``-s NAME=VALUE``, archive options).
    settings: Mapping[str, Any] = field(default_factory=dict)
    log_level: str = "WARNING"
    progress_interval: float = 0.0
    poll_interval: float = 1.0


def worker_settings(options: WorkerOptions, worker_id: str) -> Settings:
    """The project's settings as a worker runs them (see the module docstring)."""
    settings = project_settings(options.db_path, {
        "LOG_LEVEL": options.log_level,
        "POLICE_NEWS_PROGRESS_INTERVAL": options.progress_interval,
        **options.settings,
    })
    if settings["DOWNLOADER"] == "scrapy.core.downloader.Downloader":
        settings.set("DOWNLOADER", "crawler.politeness.PoliteDownloader",
                     priority="cmdline")
    pipelines = dict(settings.getdict("ITEM_PIPELINES"))
    priority = pipelines.pop(STORE_PIPELINE, 900)
    pipelines[REDIS_PIPELINE] = priority
    for name, value in {
        "ITEM_PIPELINES": pipelines,
        "SCHEDULER": "crawler.distributed.frontier.FrontierScheduler",
        "SCHEDULER_PERSIST": True,
        "DUPEFILTER_CLASS": "crawler.distributed.frontier.SiteDupeFilter",
        "POLICE_NEWS_STATE_CLASS": "crawler.distributed.RedisState",
        "POLICE_NEWS_FRONTIER_ONLY": True,
        "POLICE_NEWS_REDIS_URL": options.redis_url,
        "POLICE_NEWS_WORKER_ID": worker_id,
    }.items():
        settings.set(name, value, priority="cmdline")
    return settings


class FrontierCrawler(Crawler):
    """A crawler for one site's batch: the frontier engine, and the batch's window."""

    def __init__(self, spidercls: type[Spider], settings: Settings, batch: Batch) -> None:
        super().__init__(spidercls, settings)
        self.batch = batch

    def _create_engine(self) -> FrontierEngine:
        return FrontierEngine(self, lambda _: self.stop_async())

    def _create_spider(self, *args: Any, **kwargs: Any) -> Spider:
        spider = super()._create_spider(*args, **kwargs)
        for name, value in self.batch.window().items():
            setattr(spider, name, value)
        return spider


class WorkerProcess(CrawlerProcess):
    """Scrapy's process, telling the worker when a graceful stop (SIGTERM, Ctrl-C) begins so
    it takes no new site and leaves unfinished requests to the next worker."""

    worker: Worker | None = None

    def _stop_dfd(self) -> Deferred[Any]:
        if self.worker is not None:
            self.worker.stop()
        return super()._stop_dfd()


class SiteSession:
    """One crawler run of one site in this worker."""

    def __init__(self, worker: Worker, crawler: FrontierCrawler, frontier: SiteFrontier,
                 number: int) -> None:
        self.worker = worker
        self.crawler = crawler
        self.frontier = frontier
        self.batch = crawler.batch
        self.site_id = self.batch.site.id
        self.id = f"{worker.id}/{number}"
        self.started = time.time()
        self.loop: task.LoopingCall | None = None
        self.finished = False
        self._mark: tuple[Any, ...] = ()
        crawler.checkpoint = self.checkpoint  # type: ignore[attr-defined]
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @property
    def scheduler(self) -> FrontierScheduler | None:
        engine = getattr(self.crawler, "_engine", None)
        return getattr(engine, "scheduler", None) if engine is not None else None

    def opened(self, spider: Any) -> None:
        client = self.worker.client
        earlier = [json.loads(v) for v in client.hvals(self.frontier.keys.sessions)]
        if earlier:  # a site taken over: carry on from the cursor its earlier sessions left
            self.crawler.stats.set_value(STAT_CURSOR, session_cursor(earlier))
        for _ in spider.entry_requests():  # bookkeeping only; the requests are queued already
            pass
        client.xadd(STREAM, encode("run_start", self.batch.run_id, self.site_id, {
            "site": self.batch.site.to_dict(), "spider": spider.name,
            "since": self.batch.since.isoformat() if self.batch.since else None,
            "until": self.batch.until.isoformat() if self.batch.until else None}))
        self.save_stats()
        self.loop = task.LoopingCall(self.save_stats)
        self.loop.start(STATS_INTERVAL, now=False).addErrback(self._stats_failed)

    def _stats_failed(self, failure: Failure) -> None:
        logger.warning("%s: could not save statistics (%s)", self.site_id,
                       failure.getErrorMessage())

    def save_stats(self) -> None:
        """Record this session's statistics so far (the run's end adds up all sessions)."""
        stats = session_stats(self.crawler, self.started)
        self.worker.client.hset(self.frontier.keys.sessions, self.id, json.dumps(stats))

    def checkpoint(self) -> tuple[str, str, str] | None:
        """The statistics to save with a request's completion when what decides the run's
        outcome changed (errors, first error, cursor, validators); None otherwise."""
        stats = self.crawler.stats
        conditional = self.crawler.get_downloader_middleware(ConditionalGetMiddleware)
        mark = (stats.get_value(STAT_ERRORS), stats.get_value(STAT_FIRST_ERROR),
                json.dumps(stats.get_value(STAT_CURSOR), sort_keys=True, default=str),
                len(conditional.pending) if conditional else 0)
        if mark == self._mark:
            return None
        self._mark = mark
        return (self.frontier.keys.sessions, self.id,
                json.dumps(session_stats(self.crawler, self.started)))

    def stop(self) -> None:
        """Stop before the end: leave what is in flight to the next worker."""
        scheduler = self.scheduler
        if scheduler is not None:
            scheduler.freeze()
        if self.crawler.crawling:
            Deferred.fromCoroutine(self.crawler.stop_async()).addErrback(
                lambda f: logger.warning("%s: stop failed: %s", self.site_id,
                                         f.getErrorMessage()))

    def closed(self, spider: Any, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        scheduler = self.scheduler
        early = scheduler is None or scheduler.frozen or scheduler.lease_lost
        try:
            self.save_stats()
            if reason == "finished" and not early:
                self.finished = self.finish()
            if not self.finished:
                self.frontier.release(self.worker.id)
        except redis.RedisError as exc:
            logger.error("%s: Redis failed while closing the session (%s); the lease expires "
                         "and the next worker carries on", self.site_id, exc)
        self.worker.session_closed(self, reason)

    def finish(self, error: str | None = None) -> bool:
        """End the site's run if nothing is left: one stream entry with every session's
        statistics, and the batch deleted (atomically). With ``error``, end it whatever is
        left, as failed (the crawler could not run)."""
        raw = self.worker.client.hgetall(self.frontier.keys.sessions)
        sessions = [json.loads(value) for value in raw.values()]
        summary = run_summary(sessions, "finished" if error is None else "error", time.time())
        if error is not None:
            summary.update(status="failed", error=error)
        message = encode("run_end", self.batch.run_id, self.site_id,
                         {**summary, "spider": self.batch.spider})
        return self.frontier.finish(self.worker.id, message, abandon=error is not None)


class Worker:
    """Takes sites from the frontier and runs a crawler for each (see the module docstring)."""

    def __init__(self, options: WorkerOptions, client: redis.Redis,
                 echo: Callable[[str], None] | None = None) -> None:
        self.options = options
        self.client = client
        self.echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))
        self.id = f"{socket.gethostname()}:{os.getpid()}:{os.urandom(2).hex()}"
        self.settings = worker_settings(options, self.id)
        self.lease_ttl = max(1.0, self.settings.getfloat("POLICE_NEWS_REDIS_LEASE_TTL", 30.0))
        self.max_sites = max(1, self.settings.getint("POLICE_NEWS_WORKER_SITES", 8))
        self.classes = spider_classes()
        self.sessions: dict[str, SiteSession] = {}
        self.numbers = itertools.count(1)
        self.refused: set[str] = set()
        self.free_since: dict[str, float] = {}
        self.stopping = False
        self.idle_since: float | None = None
        self.failing_since: float | None = None
        self.exit_code = 0
        self.done_sites = 0
        self.process: WorkerProcess | None = None
        self.loop: task.LoopingCall | None = None

    # -- running ------------------------------------------------------------------------------

    def run(self) -> int:
        """Run until stopped (signal) or idle; returns the exit code."""
        from scrapy.utils.reactor import install_reactor

        install_reactor(self.settings["TWISTED_REACTOR"], self.settings["ASYNCIO_EVENT_LOOP"])
        from twisted.internet import reactor

        self.process = WorkerProcess(self.settings)
        self.process.worker = self
        reactor.callWhenRunning(self.start)
        self.echo(f"worker {self.id}: waiting for sites in {_where(self.options.redis_url)}")
        self.process.start(stop_after_crawl=False)
        self.echo(f"worker {self.id}: stopped ({self.done_sites} site run(s) finished here)")
        return self.exit_code

    def start(self) -> None:
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.options.poll_interval).addErrback(self._tick_failed)

    def _tick_failed(self, failure: Failure) -> None:
        logger.error("worker loop failed: %s", failure.getTraceback())
        self.exit_code = 1
        self.shutdown()

    def tick(self) -> None:
        try:
            self.heartbeat()
            self.renew_leases()
            if not self.stopping:
                self.take_sites()
                self.check_idle()
            self.failing_since = None
        except redis.RedisError as exc:
            now = time.time()
            self.failing_since = self.failing_since or now
            logger.warning("worker %s: Redis is failing (%s)", self.id, exc)
            if now - self.failing_since > self.lease_ttl:
                self.echo(f"error: lost Redis for more than {self.lease_ttl:g} s ({exc}); "
                          "stopping (the sites' leases expire and other workers carry on)")
                self.exit_code = 1
                self.shutdown()

    def heartbeat(self) -> None:
        now = time.time()
        pipe = self.client.pipeline(transaction=False)
        pipe.zadd(WORKERS, {self.id: now})
        pipe.zremrangebyscore(WORKERS, "-inf", now - 3600)
        key = f"pn:worker:{self.id}"
        pipe.hset(key, mapping={"host": socket.gethostname(), "pid": os.getpid(),
                                "sites": ",".join(sorted(self.sessions))})
        pipe.expire(key, 120)
        pipe.execute()

    def renew_leases(self) -> None:
        if not self.sessions:
            return
        ttl_ms = int(self.lease_ttl * 1000)
        pipe = self.client.pipeline(transaction=False)
        sessions = list(self.sessions.values())
        for session in sessions:
            session.frontier.renew(self.id, ttl_ms, client=pipe)
        for session, kept in zip(sessions, pipe.execute(), strict=True):
            if not kept and not session.finished:
                logger.warning("%s: lease lost; stopping its crawler", session.site_id)
                self.echo(f"worker {self.id}: lost the lease on {session.site_id}; another "
                          "worker carries on")
                scheduler = session.scheduler
                if scheduler is not None:
                    scheduler.lease_lost = True
                session.stop()

    def take_sites(self) -> None:
        room = self.max_sites - len(self.sessions)
        if room <= 0:
            return
        open_sites = self.open_sites()
        candidates = [s for s in open_sites if s not in self.sessions and s not in self.refused]
        if not candidates:
            return
        pipe = self.client.pipeline(transaction=False)
        for site_id in candidates:
            pipe.exists(SiteKeys(site_id).lease)
        free = [s for s, held in zip(candidates, pipe.execute(), strict=True) if not held]
        now = time.time()
        self.free_since = {s: self.free_since.get(s, now) for s in free}
        patience = 3 * self.options.poll_interval
        waiting = [s for s in free if now - self.free_since[s] >= patience]
        if not free:
            return
        # A fair share of the open sites (counting those this worker crawls), and any site
        # nobody took for three poll intervals (the others are full or may not take it).
        live = max(1, self.client.zcount(WORKERS, time.time() - 3 * self.options.poll_interval
                                         - 5, "+inf"))
        fair = math.ceil(len(open_sites) / live)
        budget = min(room, max(fair - len(self.sessions), len(waiting)))
        random.shuffle(free)
        free.sort(key=lambda s: s not in waiting)
        for site_id in free:
            if budget <= 0:
                break
            if self.start_session(site_id):
                budget -= 1

    def open_sites(self) -> list[str]:
        """Sites with an open batch that this worker may take."""
        sites = sorted(str(text(s)) for s in self.client.smembers(ACTIVE))
        if self.options.sites:
            sites = [s for s in sites if s in self.options.sites]
        return sites

    def start_session(self, site_id: str) -> bool:
        frontier = SiteFrontier(self.client, site_id)
        moved = frontier.acquire(self.id, int(self.lease_ttl * 1000))
        if moved is None:
            return False
        try:
            if not self.client.sismember(ACTIVE, site_id):
                raise KeyError("the batch ended meanwhile")
            batch = Batch.from_redis(self.client.hgetall(frontier.keys.run))
        except (KeyError, ValueError, TypeError) as exc:
            frontier.release(self.id)
            logger.info("%s: not crawlable now (%s)", site_id, exc)
            return False
        spidercls = self.classes.get(batch.site.platform)
        if spidercls is None:
            frontier.release(self.id)
            self.refused.add(site_id)
            self.echo(f"worker {self.id}: cannot crawl {site_id}: this installation has no "
                      f"spider for the {batch.site.platform} platform")
            return False
        crawler = FrontierCrawler(spidercls, self.settings, batch)
        session = SiteSession(self, crawler, frontier, next(self.numbers))
        self.sessions[site_id] = session
        note = f", {moved} unfinished request(s) of a previous worker queued again" if moved \
            else ""
        self.echo(f"worker {self.id}: crawling {site_id} (run {batch.run_id}{note})")
        assert self.process is not None
        deferred = self.process.crawl(crawler, site=batch.site)
        deferred.addErrback(self._crawl_failed, session)
        return True

    def _crawl_failed(self, failure: Failure, session: SiteSession) -> None:
        """A crawler that could not run (its spider or settings failed to build): the same
        would happen on every worker, so the site's run ends as failed, with the cause."""
        logger.error("%s: the crawler failed: %s", session.site_id, failure.getTraceback())
        cause = f"the crawler could not run: {failure.type.__name__}: " \
                f"{failure.getErrorMessage()}"
        self.echo(f"worker {self.id}: {session.site_id}: {cause}; its run ends as failed")
        if self.sessions.get(session.site_id) is session:
            del self.sessions[session.site_id]
            with contextlib.suppress(redis.RedisError):
                if not session.finish(error=cause):
                    session.frontier.release(self.id)

    def session_closed(self, session: SiteSession, reason: str) -> None:
        if self.sessions.get(session.site_id) is session:
            del self.sessions[session.site_id]
        if session.finished:
            self.done_sites += 1
            outcome = "run finished"
        else:
            outcome = f"stopped early ({reason}); the next worker carries on"
        self.echo(f"worker {self.id}: {session.site_id}: {outcome}")

    def check_idle(self) -> None:
        if self.options.idle_exit is None:
            return
        busy = bool(self.sessions) or bool(self.open_sites()) or self.client.xlen(STREAM) > 0
        now = time.time()
        if busy:
            self.idle_since = None
            return
        self.idle_since = self.idle_since or now
        if now - self.idle_since >= self.options.idle_exit:
            self.echo(f"worker {self.id}: nothing to do for {self.options.idle_exit:g} s; "
                      "exiting")
            self.shutdown()

    # -- stopping -----------------------------------------------------------------------------

    def stop(self) -> None:
        """A graceful stop began: take nothing new, stop the crawlers early."""
        if self.stopping:
            return
        self.stopping = True
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        for session in list(self.sessions.values()):
            scheduler = session.scheduler
            if scheduler is not None:
                scheduler.freeze()
        with contextlib.suppress(redis.RedisError):
            self.client.zrem(WORKERS, self.id)

    def shutdown(self) -> None:
        """Stop the crawlers (if any) and the reactor."""
        assert self.process is not None
        self.stop()
        self.process._graceful_stop_reactor()


def _where(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}{parts.path or ''}"


def run_worker(options: WorkerOptions, echo: Callable[[str], None] | None = None) -> int:
    """Connect (raising :class:`~.common.RedisUrlError` when Redis cannot be used) and run a
    worker until it is stopped or idle; returns its exit code."""
    client = connect(options.redis_url)
    return Worker(options, client, echo).run()
