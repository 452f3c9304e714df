"""``police-news enqueue``: seed the shared frontier with each site's first requests.

For every site this builds the site's spider exactly as a local crawl does (the project
settings, the database's watermark and cursor through the SQLite store), resolves the window,
and takes ``entry_requests()``. Then, in one Redis transaction per site: the site's previous
batch keys are deleted, the batch (run id, site row, window) and the stored-state snapshot
(:mod:`.redis_state`) are written, and the requests are queued (their fingerprints marked
seen, as Scrapy's scheduler does for start requests). Last, all the sites join ``pn:active``
together — so workers see a site only once everything it needs is there, and see all of them
at once to share them fairly. (An enqueue that died before that last step left batches no
worker sees; the next enqueue replaces them.)

A site whose previous batch is still open (queued, in flight, or its end not yet reached) is
left alone: it is reported, not queued twice.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import redis
from scrapy.crawler import Crawler
from scrapy.http import Request

from crawler.distributed.batch import Batch
from crawler.distributed.common import ACTIVE, SiteKeys, dumps, ensure_group, text
from crawler.distributed.frontier import SiteDupeFilter, SiteFrontier, request_dict
from crawler.distributed.redis_state import build_snapshots, write_snapshot
from crawler.platforms.base import PlatformSpider
from crawler.registry import Site
from crawler.runner import new_run_id, project_settings, spider_classes
from crawler.store import Store
from crawler.urls import host_of


@dataclass
class Enqueued:
    """What ``enqueue`` did for one site."""

    site_id: str
    run_id: str | None
    requests: int = 0
    since: datetime | None = None
    #: Why the site was not queued ('' when it was).
    skipped: str = ""


@dataclass
class _Plan:
    batch: Batch
    requests: list[bytes]
    fingerprints: list[tuple[str, int, bool]]
    hosts: set[str]


def enqueue_sites(client: redis.Redis, db_path: Path, sites: Iterable[Site], *,
                  since: datetime | None = None, until: datetime | None = None,
                  full: bool = False, limit: int | None = None,
                  overrides: Mapping[str, Any] | None = None,
                  run_id: str | None = None) -> list[Enqueued]:
    """Queue each site's entry requests; returns one :class:`Enqueued` per site."""
    run_id = run_id or new_run_id()
    settings = project_settings(db_path, {"POLICE_NEWS_RUN_ID": run_id,
                                          "LOG_LEVEL": "WARNING", **(overrides or {})})
    _install_reactor(settings)
    classes = spider_classes()
    ensure_group(client)
    active = {text(s) for s in client.smembers(ACTIVE)}
    results: list[Enqueued] = []
    plans: list[_Plan] = []
    for site in sites:
        if site.id in active:
            results.append(Enqueued(site.id, None, skipped=_still_open(client, site.id)))
            continue
        spider, requests, encoded = _entry_requests(classes[site.platform], settings, site,
                                                    since=since, until=until, full=full,
                                                    limit=limit)
        batch = Batch(run_id=run_id, site=site, spider=spider.name, since=spider.since,
                      until=spider.until, incremental=spider.incremental, full=spider.full,
                      limit=spider.limit, enqueued_at=time.time())
        dupefilter = SiteDupeFilter(client, key=SiteKeys(site.id).dupefilter)
        prints = [(dupefilter.request_fingerprint(r), r.priority, r.dont_filter)
                  for r in requests]
        plans.append(_Plan(batch, encoded, prints, _hosts(site, requests)))
    if plans:
        with Store(db_path) as store:
            snapshots = build_snapshots(store, {p.batch.site.id: p.hosts for p in plans})
        for plan in plans:
            results.append(_queue(client, plan, snapshots[plan.batch.site.id]))
        # All sites become visible to the workers at once, so they share them fairly.
        client.sadd(ACTIVE, *(plan.batch.site.id for plan in plans))
    order = {site_id: n for n, site_id in enumerate(r.site_id for r in results)}
    return sorted(results, key=lambda r: order[r.site_id])


def _entry_requests(spidercls: type[PlatformSpider], settings: Any, site: Site,
                    **window: Any) -> tuple[PlatformSpider, list[Request], list[bytes]]:
    """The site's spider, built as a local crawl builds it, its first requests, and those
    serialised (while the spider can still read the store)."""
    crawler = Crawler(spidercls, settings)
    crawler._apply_settings()
    spider = spidercls.from_crawler(crawler, site=site, **window)
    crawler.spider = spider
    try:
        spider.resolve_window()
        requests = list(spider.entry_requests())
        for request in requests:
            request.meta.setdefault("is_start_request", True)
        encoded = [dumps(request_dict(request, spider)) for request in requests]
    finally:
        store = getattr(crawler, "_police_news_store", None)
        if store is not None:
            store.close()
    return spider, requests, encoded


def _queue(client: redis.Redis, plan: _Plan, snapshot: Any) -> Enqueued:
    site_id = plan.batch.site.id
    keys = SiteKeys(site_id)
    frontier = SiteFrontier(client, site_id)
    pipe = client.pipeline(transaction=True)
    pipe.delete(*keys.batch_keys())
    pipe.hset(keys.run, mapping=plan.batch.to_redis())
    write_snapshot(pipe, keys, snapshot)
    for data, (fingerprint, priority, dont_filter) in zip(plan.requests, plan.fingerprints,
                                                         strict=True):
        frontier.push(data, priority, fingerprint, dont_filter, client=pipe)
    answers = pipe.execute()
    queued = sum(1 for answer in answers[len(answers) - len(plan.requests):] if answer)
    return Enqueued(site_id, plan.batch.run_id, queued, plan.batch.since)


def _still_open(client: redis.Redis, site_id: str) -> str:
    keys = SiteKeys(site_id)
    pipe = client.pipeline(transaction=False)
    pipe.zcard(keys.requests)
    pipe.hlen(keys.inflight)
    pipe.hget(keys.run, "run_id")
    pipe.get(keys.lease)
    queued, in_flight, run_id, holder = pipe.execute()
    who = f", crawled by {text(holder)}" if holder else ""
    return (f"its batch {text(run_id) or '?'} is still open ({queued} queued, {in_flight} in "
            f"flight{who}); not queued again")


def _hosts(site: Site, requests: Iterable[Request]) -> set[str]:
    """Hosts whose stored validators the site's crawl may use: the site's, its entry requests',
    and those of URLs in its options."""
    hosts = {host_of(site.url), *(host_of(r.url) for r in requests)}
    for value in _strings(site.options):
        if value.startswith(("http://", "https://")):
            hosts.add(host_of(value))
    return {h for h in hosts if h}


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _install_reactor(settings: Any) -> None:
    """Scrapy's crawler objects need the project's reactor installed (it is never run)."""
    from scrapy.utils.reactor import install_reactor, is_reactor_installed

    if not is_reactor_installed():
        install_reactor(settings["TWISTED_REACTOR"], settings["ASYNCIO_EVENT_LOOP"])
