"""Stored state for workers that never open the SQLite file: a per-site snapshot in Redis.

``police-news enqueue`` (which runs where the database is) answers, for each site it queues,
every question a crawl of the site may ask (:class:`crawler.state.SiteState`) and writes the
answers into Redis; a worker's spiders and middlewares read them through :class:`RedisState`
(``POLICE_NEWS_STATE_CLASS = "crawler.distributed.RedisState"``).

Keys per site, deleted when the site's batch ends:

``pn:<site>:state``
    hash: ``watermark`` (newest stored publication time, UTC ISO), ``cursor`` (JSON),
    ``last_success_at``.
``pn:<site>:urls``
    hash: every URL stored for the site's articles → ``1``/``0`` (stored before the site's last
    successful crawl ended, i.e. *settled*) followed by the stored update (or publication)
    time. One hash answers ``known_urls``, ``settled_urls`` and ``updated_times``; about
    150 bytes a URL.
``pn:<site>:validators``
    hash: feed/listing URL on the site's hosts → JSON ``[ETag, Last-Modified]``.

The answers are those of the moment the batch was enqueued. A local crawl reads the live
database instead, but the difference never changes what is fetched: within one run the store
pipeline only adds articles the same run fetched (which the dupefilter would not fetch again
anyway), settled URLs and validators only change when a run ends, and the watermark and
cursor are read before the first request.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from scrapy.crawler import Crawler

from crawler.dates import parse_iso
from crawler.distributed.common import SiteKeys, shared_client, text
from crawler.store import Store
from crawler.urls import host_of

_CHUNK = 1000


class RedisState:
    """:class:`crawler.state.SiteState` read from the snapshot ``enqueue`` wrote.

    Built with the crawler (``crawler_state``); the questions without a site id (known URLs,
    update times, validators) are about the crawler's own site.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.client = shared_client(crawler.settings["POLICE_NEWS_REDIS_URL"])

    def _keys(self, site_id: str | None = None) -> SiteKeys:
        return SiteKeys(site_id or self.crawler.spider.site.id)

    def watermark(self, site_id: str) -> datetime | None:
        value = text(self.client.hget(self._keys(site_id).state, "watermark"))
        return parse_iso(value) if value else None

    def cursor(self, site_id: str) -> dict[str, Any]:
        value = text(self.client.hget(self._keys(site_id).state, "cursor"))
        return json.loads(value) if value else {}

    def _lookup(self, urls: Iterable[str], site_id: str | None = None) -> dict[str, str]:
        wanted = list(dict.fromkeys(urls))
        found: dict[str, str] = {}
        key = self._keys(site_id).urls
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            for url, value in zip(chunk, self.client.hmget(key, chunk), strict=True):
                if value is not None:
                    found[url] = value.decode("utf-8")
        return found

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        return set(self._lookup(urls))

    def settled_urls(self, site_id: str, urls: Iterable[str]) -> set[str]:
        return {url for url, value in self._lookup(urls, site_id).items()
                if value.startswith("1")}

    def updated_times(self, urls: Iterable[str]) -> dict[str, str | None]:
        return {url: value[1:] or None for url, value in self._lookup(urls).items()}

    def validators(self, url: str) -> tuple[str | None, str | None]:
        value = text(self.client.hget(self._keys().validators, url))
        if not value:
            return None, None
        etag, modified = json.loads(value)
        return etag, modified


# -- the snapshot (written by `police-news enqueue`) ---------------------------------------------


@dataclass
class SiteSnapshot:
    """What the database says about one site, in the form :class:`RedisState` reads."""

    watermark: str | None = None
    cursor: dict[str, Any] = field(default_factory=dict)
    last_success_at: str | None = None
    #: URL → "1"/"0" (settled) + stored update time.
    urls: dict[str, str] = field(default_factory=dict)
    #: URL → JSON [ETag, Last-Modified].
    validators: dict[str, str] = field(default_factory=dict)


def build_snapshots(store: Store, hosts: Mapping[str, set[str]]) -> dict[str, SiteSnapshot]:
    """Snapshots of the sites in ``hosts`` (site id → the hosts its crawl asks for), read in one
    pass over the stored URLs and validators."""
    snapshots = {site_id: SiteSnapshot() for site_id in hosts}
    conn = store.conn
    for site_id, watermark, cursor, last_success in conn.execute(
            "SELECT site_id, newest_published_utc, cursor, last_success_at FROM site_state"):
        if site_id in snapshots:
            snap = snapshots[site_id]
            snap.watermark, snap.last_success_at = watermark, last_success
            snap.cursor = json.loads(cursor) if cursor else {}
    rows = conn.execute(
        "SELECT u.url, u.site_id, a.site_id, coalesce(a.updated_at, a.published_at), "
        "a.first_seen_at FROM article_urls u JOIN articles a ON a.id = u.article_id")
    for url, url_site, article_site, updated, first_seen in rows:
        for site_id in {url_site, article_site}:
            snap = snapshots.get(site_id)
            if snap is None:
                continue
            settled = snap.last_success_at is not None and first_seen <= snap.last_success_at
            snap.urls[url] = ("1" if settled else "0") + (updated or "")
    by_host: dict[str, list[str]] = {}
    for site_id, names in hosts.items():
        for host in names:
            by_host.setdefault(host, []).append(site_id)
    for url, etag, modified in conn.execute(
            "SELECT url, etag, last_modified FROM http_validators"):
        for site_id in by_host.get(host_of(url), ()):
            snapshots[site_id].validators[url] = json.dumps([etag, modified])
    return snapshots


def write_snapshot(pipe: Any, keys: SiteKeys, snap: SiteSnapshot) -> None:
    """Queue the commands that store ``snap`` under ``keys`` on a Redis pipeline."""
    pipe.hset(keys.state, mapping={"watermark": snap.watermark or "",
                                   "cursor": json.dumps(snap.cursor, sort_keys=True),
                                   "last_success_at": snap.last_success_at or ""})
    for name, values in ((keys.urls, snap.urls), (keys.validators, snap.validators)):
        items = list(values.items())
        for start in range(0, len(items), _CHUNK):
            pipe.hset(name, mapping=dict(items[start:start + _CHUNK]))
