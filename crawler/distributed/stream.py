"""The item stream ``pn:items``: run events and articles from the workers to the one writer.

Every entry has the fields ``type``, ``run`` (the batch's run id), ``site`` and ``data``
(JSON). Types, in the order a site's entries appear:

``run_start``
    a worker session opened the site (one per session; the writer opens the ``crawl_runs``
    row once per run and site). ``data``: ``site`` (the registry row), ``spider``, ``since``,
    ``until``.
``article``
    one article after the validate / clean / dates / dedupe pipeline stages (the worker runs
    them; only the store stage is replaced), as the ``ArticleItem`` fields.
``run_end``
    the site's batch is complete (added in the same atomic step that deletes the batch from
    the frontier). ``data``: the counts, first error, HTTP statuses, robots.txt outcomes,
    cursor and pending validators of all the run's sessions together, and the status.

Entries are added synchronously as items pass :class:`RedisItemPipeline`, before the request
that produced them is marked done, so a worker killed at any moment has either put an item in
the stream or will have its request redone.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.distributed.common import STREAM, shared_client, text
from crawler.items import ArticleItem
from crawler.middlewares import ConditionalGetMiddleware
from crawler.pipelines import STAT_DROPPED
from crawler.platforms.base import STAT_CURSOR, STAT_ERRORS, STAT_FIRST_ERROR

STAT_SENT = "police_news/sent_to_stream"


@dataclass
class Message:
    """One stream entry, decoded."""

    kind: str
    run_id: str
    site_id: str
    data: dict[str, Any]


def encode(kind: str, run_id: str, site_id: str, data: dict[str, Any]) -> dict[str, str]:
    """The fields of a stream entry."""
    return {"type": kind, "run": run_id, "site": site_id,
            "data": json.dumps(data, ensure_ascii=False, separators=(",", ":"))}


def decode(fields: dict[bytes, bytes]) -> Message:
    """A stream entry's fields as a :class:`Message` (ValueError/KeyError when malformed)."""
    values = {text(k): text(v) for k, v in fields.items()}
    data = json.loads(values["data"] or "{}")
    if not isinstance(data, dict):
        raise ValueError("the data field is not a JSON object")
    return Message(str(values["type"]), str(values["run"]), str(values["site"]), data)


class RedisItemPipeline:
    """The worker's last item stage, in place of the store pipeline: each article goes into the
    item stream, to be written by ``police-news ingest``.

    Only for crawlers a distributed worker starts (they carry the batch's run id).
    """

    def __init__(self, crawler: Crawler) -> None:
        batch = getattr(crawler, "batch", None)
        if batch is None:
            raise NotConfigured("RedisItemPipeline runs only in a distributed worker")
        self.crawler = crawler
        self.batch = batch
        self.client = shared_client(crawler.settings["POLICE_NEWS_REDIS_URL"])

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisItemPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ArticleItem):
            return item
        self.client.xadd(STREAM, encode("article", self.batch.run_id, item.site_id,
                                        asdict(item)))
        self.crawler.stats.inc_value(STAT_SENT)
        return item


# -- a run's statistics, across the worker sessions that crawled it -----------------------------


def session_stats(crawler: Crawler, started: float) -> dict[str, Any]:
    """What one crawler session contributes to its run's ``crawl_runs`` row (JSON)."""
    stats = crawler.stats.get_stats()
    conditional = crawler.get_downloader_middleware(ConditionalGetMiddleware)
    return {
        "started": started,
        "requests": stats.get("downloader/request_count", 0),
        "responses": stats.get("downloader/response_count", 0),
        "items": stats.get("item_scraped_count", 0),
        "dropped": stats.get(STAT_DROPPED, 0),
        "errors": int(stats.get(STAT_ERRORS, 0)),
        "first_error": stats.get(STAT_FIRST_ERROR),
        "http_status": {key.rsplit("/", 1)[1]: value for key, value in stats.items()
                        if key.startswith("downloader/response_status_count/")},
        "robots": {key.split("/", 1)[1]: value for key, value in stats.items()
                   if key.startswith("robotstxt/")},
        "cursor": stats.get(STAT_CURSOR) or {},
        "validators": [list(v) for v in conditional.pending] if conditional else [],
    }


def run_summary(sessions: list[dict[str, Any]], reason: str, now: float) -> dict[str, Any]:
    """The ``run_end`` data: the sessions' statistics added up, decided as the store pipeline
    decides a local run (``ok`` only without errors and with a normal finish).

    Counts of a session killed between two saves miss its last seconds, and a request redone
    after a worker died counts twice: the articles are exact, the counts close.
    """
    ordered = sorted(sessions, key=lambda s: s.get("started", 0))
    counts = {name: sum(int(s.get(name, 0)) for s in ordered)
              for name in ("requests", "responses", "items", "dropped", "errors")}
    error = next((s["first_error"] for s in ordered if s.get("first_error")), None)
    if reason not in ("finished", "closespider_itemcount") and error is None:
        error = f"crawl stopped early ({reason})"
    http_status: Counter[str] = Counter()
    robots: Counter[str] = Counter()
    cursor: dict[str, Any] = {}
    validators: list[list[str | None]] = []
    for session in ordered:
        http_status.update(session.get("http_status") or {})
        robots.update(session.get("robots") or {})
        merge_cursor(cursor, session.get("cursor") or {})
        validators.extend(session.get("validators") or [])
    started = min((s.get("started", now) for s in ordered), default=now)
    return {
        "status": "ok" if counts["errors"] == 0 and error is None else "failed",
        "finish_reason": reason, "counts": counts, "error": error,
        "http_status": dict(http_status), "robots": dict(robots), "cursor": cursor,
        "validators": validators, "duration_s": max(0.0, now - started),
        "sessions": len(ordered),
    }


def merge_cursor(cursor: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Merge a later session's cursor into ``cursor``: the later value wins, except between
    two numbers, where the larger does. Cursor numbers are positions that only move forward
    (an Odoo post id), and a session that took a site over has seen only the rest of it."""
    for key, value in update.items():
        old = cursor.get(key)
        if _number(value) and _number(old):
            cursor[key] = max(old, value)
        else:
            cursor[key] = value
    return cursor


def session_cursor(sessions: list[dict[str, Any]]) -> dict[str, Any]:
    """The cursor the sessions so far left (a new session starts from it)."""
    cursor: dict[str, Any] = {}
    for session in sorted(sessions, key=lambda s: s.get("started", 0)):
        merge_cursor(cursor, session.get("cursor") or {})
    return cursor


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
