"""Re-extract articles from the archived responses, with no network at all.

For each site, the spider class the crawl uses is built (its ``site`` set, ``full=1``, no
engine), and each archived response record that reached a callback during the crawl is turned
back into a Scrapy response — the right class for its content type, the request carrying the
``meta`` the crawl gave it — and handed to that callback (``WARC-Police-News-Callback``).
Requests the callback yields are ignored: their responses are in the archive too. Items go
through the validate → clean → dates/units → dedupe stages of the pipeline and are compared
with the database by content hash: unchanged articles stay exactly as they are, changed ones
get a new version (the old one kept in ``article_versions``) stamped with the current
``crawler.PARSER_VERSION``, and articles missing from the database are added.

When a URL was fetched several times, its newest capture is used; records are replayed newest
first, so an article carried by several responses (feed pages of different runs) is read from
the newest one. 304 answers and responses that went to an errback are skipped.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.statscollectors import MemoryStatsCollector

import crawler as police_news
from crawler.archive import ArchivedRecord, Payload, iter_records, load_payload, warc_files
from crawler.items import ArticleItem
from crawler.pipelines import (
    CleanPipeline,
    DatesUnitsPipeline,
    DedupePipeline,
    ValidatePipeline,
)
from crawler.platforms.base import STAT_ERRORS, STAT_FIRST_ERROR, PlatformSpider
from crawler.registry import Site
from crawler.runner import project_settings
from crawler.store import Store

logger = logging.getLogger(__name__)

#: Response headers a callback never saw: the downloader had already undone them.
_UNDONE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


@dataclass
class SiteResult:
    """What re-extraction found for one site."""

    site_id: str
    records: int = 0
    unchanged: int = 0
    changed: int = 0
    new: int = 0
    #: Articles the clean stage dropped (nothing left after removing boilerplate).
    dropped: int = 0
    #: Problems: callbacks that failed or raised, articles that failed validation.
    failed: int = 0
    first_problem: str | None = None
    #: Canonical URLs of the changed articles.
    changed_urls: list[str] = field(default_factory=list)


def archived_responses(directory: Path, sites: Sequence[str] = (),
                       since: datetime | None = None) -> dict[str, list[ArchivedRecord]]:
    """Per site, every archived response record that names a callback (oldest first)."""
    wanted = set(sites)
    found: dict[str, list[ArchivedRecord]] = {}
    for path in warc_files(directory):
        for record in iter_records(path):
            if (record.type != "response" or not record.site or not record.callback
                    or record.callback == "NO_CALLBACK"):  # robots.txt and the like
                continue
            if wanted and record.site not in wanted:
                continue
            if since is not None and record.fetched_at < since:
                continue
            found.setdefault(record.site, []).append(record)
    return found


def reached_callback(record: ArchivedRecord, spider_cls: type[Any]) -> bool:
    """Whether the crawl handed this response to its callback (2xx, or a status the request
    or spider asked for; never a 304, which carries no content)."""
    status = record.status or 0
    if status == 304:
        return False
    if 200 <= status < 300:
        return True
    handled = [*record.meta.get("handle_httpstatus_list", ()),
               *getattr(spider_cls, "handle_httpstatus_list", ())]
    return bool(record.meta.get("handle_httpstatus_all")) or status in handled


def newest_per_url(records: Iterable[ArchivedRecord]) -> list[ArchivedRecord]:
    """The newest capture of each URL, newest first."""
    newest: dict[str, ArchivedRecord] = {}
    for record in records:
        current = newest.get(record.uri)
        if current is None or record.fetched_at >= current.fetched_at:
            newest[record.uri] = record
    return sorted(newest.values(), key=lambda r: r.fetched_at, reverse=True)


def rebuild_response(record: ArchivedRecord, payload: Payload) -> Response:
    """The Scrapy response a callback got: class by content type, request with its meta."""
    headers = Headers()
    for name, value in payload.headers:
        if name.lower() not in _UNDONE_HEADERS:
            headers.appendlist(name, value)
    request = Request(record.uri, meta={**record.meta, "warc": record.location()},
                      cb_kwargs=dict(record.cb_kwargs), dont_filter=True)
    cls = responsetypes.from_args(headers=headers, url=record.uri, body=payload.body)
    return cls(url=record.uri, status=payload.status, headers=headers, body=payload.body,
               request=request, protocol=payload.protocol)


def offline_spider(spider_cls: type[PlatformSpider], site: Site, db_path: Path) -> Any:
    """A spider for ``site`` bound to a crawler that has settings and stats but no engine
    (and so no reactor and no downloader)."""
    crawler = Crawler(spider_cls, project_settings(db_path))
    crawler.stats = MemoryStatsCollector(crawler)
    crawler.spider = spider_cls.from_crawler(crawler, site=site, full=True)
    return crawler.spider


def replay(spider: Any, record: ArchivedRecord, payload: Payload) -> list[ArticleItem]:
    """The articles the record's callback makes of it (requests it yields are dropped)."""
    callback = getattr(spider, record.callback or "", None)
    if not callable(callback):
        spider.fail(f"{record.uri}: the {spider.name} spider has no callback "
                    f"{record.callback!r} any more; cannot re-extract it")
        return []
    try:
        results = list(_results(callback(rebuild_response(record, payload),
                                         **record.cb_kwargs)))
    except Exception as exc:  # a callback bug must not stop the other records
        logger.exception("re-extracting %s", record.uri)
        spider.fail(f"{record.uri}: {record.callback} raised {type(exc).__name__}: {exc}")
        return []
    return [r for r in results if isinstance(r, ArticleItem)]


def _results(result: Any) -> Iterator[Any]:
    if result is None:
        return
    if inspect.iscoroutine(result):
        result = asyncio.run(result)
        if result is None:
            return
    if inspect.isasyncgen(result):
        async def drain() -> list[Any]:
            return [value async for value in result]

        yield from asyncio.run(drain())
        return
    yield from result


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _SiteReextraction:
    """Replays one site's records through its spider and the pipeline stages."""

    def __init__(self, spider: Any, store: Store | None, *, dry_run: bool,
                 batch_size: int) -> None:
        self.spider = spider
        self.store = store
        self.dry_run = dry_run
        self.batch_size = batch_size
        crawler = spider.crawler
        self.stages = [ValidatePipeline(crawler), CleanPipeline(crawler),
                       DatesUnitsPipeline(crawler)]
        self.dedupe = DedupePipeline(crawler)
        self.batch: list[dict[str, Any]] = []
        self.result = SiteResult(spider.site.id)

    def run(self, records: Sequence[ArchivedRecord]) -> SiteResult:
        for record in records:
            self.result.records += 1
            try:
                payload = load_payload(record.path, record.offset)
            except Exception as exc:  # an unreadable record is one failure, not the end
                self.spider.fail(f"{record.uri}: archived record in {record.path.name} at "
                                 f"byte {record.offset} is unreadable ({exc})")
                continue
            for item in replay(self.spider, record, payload):
                self.process(item, record)
        self.flush()
        stats = self.spider.crawler.stats
        self.result.failed = int(stats.get_value(STAT_ERRORS, 0))
        self.result.first_problem = stats.get_value(STAT_FIRST_ERROR)
        return self.result

    def process(self, item: ArticleItem, record: ArchivedRecord) -> None:
        item.fetched_at = _utc(record.fetched_at)
        item.parser_version = police_news.PARSER_VERSION
        for stage in self.stages:
            try:
                item = stage.process_item(item)
            except DropItem:
                if not isinstance(stage, ValidatePipeline):  # that one calls spider.fail
                    self.result.dropped += 1
                return
        try:
            item = self.dedupe.process_item(item)
        except DropItem:
            return  # an older copy of an article already read from a newer response
        stored = self.stored_hash(item)
        if stored == item.content_hash:
            self.result.unchanged += 1
            return
        if stored is None:
            self.result.new += 1
        else:
            self.result.changed += 1
            self.result.changed_urls.append(item.canonical_url)
        self.batch.append(item.to_row())
        if len(self.batch) >= self.batch_size:
            self.flush()

    def stored_hash(self, item: ArticleItem) -> str | None:
        if self.store is None:
            return None
        return self.store.stored_hash(item.to_row())

    def flush(self) -> None:
        if self.batch and self.store is not None and not self.dry_run:
            self.store.save_articles(self.batch)
        self.batch.clear()


def reextract(db_path: Path, archive_dir: Path, sites: dict[str, Site],
              spider_classes: dict[str, type[PlatformSpider]], *, site_ids: Sequence[str] = (),
              since: datetime | None = None, dry_run: bool = False,
              batch_size: int = 200) -> list[SiteResult]:
    """Re-extract the archived responses of ``site_ids`` (default: every site in the archive)
    fetched since ``since`` into the database; ``dry_run`` only counts.

    Sites in the archive that are unknown, or whose platform has no spider, are skipped with
    a warning.
    """
    results: list[SiteResult] = []
    store = Store(db_path) if db_path.exists() or not dry_run else None
    try:
        for site_id, records in sorted(archived_responses(archive_dir, site_ids, since).items()):
            site = sites.get(site_id)
            spider_cls = spider_classes.get(site.platform) if site else None
            if site is None or spider_cls is None:
                logger.warning("skipping %s: %s", site_id,
                               "no such site" if site is None
                               else f"no spider for platform {site.platform}")
                continue
            spider = offline_spider(spider_cls, site, db_path)
            chosen = newest_per_url(r for r in records if reached_callback(r, spider_cls))
            job = _SiteReextraction(spider, store, dry_run=dry_run, batch_size=batch_size)
            results.append(job.run(chosen))
    finally:
        if store is not None:
            store.close()
    return results
