"""The item pipeline: validate → clean → dates/units → dedupe → store.

Every article of every spider goes through these, in this order (see ``ITEM_PIPELINES``).
They are the only code that writes articles, so a later transport (e.g. items through Redis
to one writer) swaps the last stage without touching spiders.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler import PARSER_VERSION
from crawler.dates import parse_indonesian, parse_iso, to_iso
from crawler.extract.clean import clean_body, extract_images
from crawler.extract.units import detect_unit
from crawler.items import ArticleItem
from crawler.middlewares import ConditionalGetMiddleware
from crawler.platforms.base import STAT_CURSOR, STAT_ERRORS, STAT_FIRST_ERROR, crawler_store
from crawler.recheck import ArticleStatus
from crawler.store import SaveResult
from crawler.urls import canonicalize_url

logger = logging.getLogger(__name__)

STAT_DROPPED = "police_news/dropped"


class _CrawlerPipeline:
    """Gives a pipeline its crawler (and so the spider and its site)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> _CrawlerPipeline:
        return cls(crawler)

    @property
    def spider(self) -> Any:
        return self.crawler.spider

    def drop(self, item: ArticleItem, reason: str) -> DropItem:
        self.crawler.stats.inc_value(STAT_DROPPED)
        return DropItem(f"{item.site_id}: dropped {item.url}: {reason}")


class ValidatePipeline(_CrawlerPipeline):
    """Drops items that lack what every article must have (URL, title, body, valid dates)."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not isinstance(item, ArticleItem):
            return item
        problems = item.problems()
        if problems:
            self.spider.fail(f"unusable article {item.url}: {'; '.join(problems)}")
            raise self.drop(item, "; ".join(problems))
        return item


class CleanPipeline(_CrawlerPipeline):
    """Sanitises ``body_html`` and derives clean ``body_text`` and ``images`` from it."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not isinstance(item, ArticleItem):
            return item
        if item.body_html:
            item.body_html, text = clean_body(item.body_html, base_url=item.url)
            if not item.body_text:
                item.body_text = text
            if "<img" in item.body_html:  # most releases have none: skip the second parse
                item.images = _unique([*extract_images(item.body_html, item.url), *item.images])
        item.title = " ".join(item.title.split())
        if not item.body_text.strip():
            raise self.drop(item, "body is empty after removing boilerplate")
        return item


class DatesUnitsPipeline(_CrawlerPipeline):
    """Dates in the site's zone (from metadata, else from the text) and the issuing unit.

    Metadata dates are kept with the offset the site published them in; a naive one is read
    in the site's zone (WIB/WITA/WIT). Without any, the first date in the body is used. The
    issuing unit, its Polda and the officers named with their rank come from the dateline and
    the body (:func:`crawler.extract.units.detect_unit`), falling back to the registry row.
    """

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not isinstance(item, ArticleItem):
            return item
        site = self.spider.site
        tz = site.tz
        for name in ("published_at", "updated_at"):
            value = getattr(item, name)
            parsed = parse_iso(value, default_tz=tz) if value else None
            setattr(item, name, to_iso(parsed) if parsed else None)
        body_date = parse_indonesian(item.body_text[:600], default_tz=tz,
                                     reference=parse_iso(item.published_at or item.fetched_at))
        if body_date is not None:
            item.event_date = body_date.date().isoformat()
        if item.published_at is None:
            fallback = parse_indonesian(item.date_text, default_tz=tz) if item.date_text else None
            fallback = fallback or body_date
            item.published_at = to_iso(fallback) if fallback else None
        info = detect_unit(item.body_text, item.title,
                           (site.unit_level if site.unit_name else None,
                            site.unit_name or None, site.polda or None), site.province)
        item.unit_level = item.unit_level or info.level or site.unit_level
        item.unit_name = item.unit_name or info.name
        item.polda = item.polda or info.polda
        item.officials = item.officials or list(info.officials)
        return item


class DedupePipeline(_CrawlerPipeline):
    """Canonical URL, content hash, parser version; drops a repeat of a URL within a run."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not isinstance(item, ArticleItem):
            return item
        item.canonical_url = canonicalize_url(item.canonical_url or item.url)
        if item.canonical_url in self.seen:
            raise self.drop(item, "already seen in this run")
        self.seen.add(item.canonical_url)
        item.content_hash = item.compute_hash()
        item.parser_version = item.parser_version or PARSER_VERSION
        return item


class StorePipeline(_CrawlerPipeline):
    """Writes articles to SQLite in batched transactions and records the crawl run.

    A run row is opened when the spider opens and closed when it closes, with the request,
    response, item and error counts, the HTTP statuses seen and the robots.txt outcome. The
    site's watermark only moves when the run ended without errors, so an interrupted or failed
    crawl is redone from the same point next time: nothing is lost, and upserts on the
    canonical URL mean nothing is doubled.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.batch: list[dict[str, Any]] = []
        self.batch_size = crawler.settings.getint("POLICE_NEWS_BATCH_SIZE", 200)
        self.totals = SaveResult()
        self.run_row = 0
        self.started = time.monotonic()
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    def open_spider(self) -> None:
        spider = self.spider
        self.store = crawler_store(self.crawler)
        self.store.sync_sites([spider.site]) if spider.site.source == "registry" else None
        run_id = self.crawler.settings.get("POLICE_NEWS_RUN_ID") or time.strftime(
            "%Y%m%dT%H%M%S")
        self.run_row = self.store.start_run(
            run_id, spider.site.id, spider.name,
            to_iso(spider.since) if spider.since else None,
            to_iso(spider.until) if spider.until else None)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, ArticleStatus):
            removed, _ = self.store.record_statuses([(item.url, item.status)])
            self.crawler.stats.inc_value("police_news/removed", removed)
            return item
        self.batch.append(item.to_row())
        if len(self.batch) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        if self.batch:
            self.totals += self.store.save_articles(self.batch)
            self.batch.clear()
            stats = self.crawler.stats
            stats.set_value("police_news/new", self.totals.new)
            stats.set_value("police_news/updated", self.totals.updated)

    def close_spider(self) -> None:
        self.flush()

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        errors = int(stats.get(STAT_ERRORS, 0))
        error = stats.get(STAT_FIRST_ERROR)
        if reason not in ("finished", "closespider_itemcount") and error is None:
            error = f"crawl stopped early ({reason})"
        status = "ok" if errors == 0 and error is None else "failed"
        http_status = {key.rsplit("/", 1)[1]: value for key, value in stats.items()
                       if key.startswith("downloader/response_status_count/")}
        robots = {key.split("/", 1)[1]: value for key, value in stats.items()
                  if key.startswith("robotstxt/")}
        self.store.finish_run(
            self.run_row, status=status, finish_reason=reason,
            counts={
                "requests": stats.get("downloader/request_count", 0),
                "responses": stats.get("downloader/response_count", 0),
                "items": stats.get("item_scraped_count", 0),
                "new": self.totals.new, "updated": self.totals.updated,
                "unchanged": self.totals.unchanged,
                "dropped": stats.get(STAT_DROPPED, 0), "errors": errors,
            },
            error=error, http_status=http_status, robots=robots,
            duration_s=time.monotonic() - self.started, cursor=stats.get(STAT_CURSOR))
        if status == "ok":
            conditional = self.crawler.get_downloader_middleware(ConditionalGetMiddleware)
            if conditional is not None and conditional.pending:
                self.store.save_validators(conditional.pending)
        self.store.close()


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
