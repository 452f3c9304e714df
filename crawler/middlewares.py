"""Downloader middlewares: conditional GET on feeds and listings."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from crawler.platforms.base import crawler_store

STAT_NOT_MODIFIED = "police_news/not_modified"


class ConditionalGetMiddleware:
    """Sends If-None-Match / If-Modified-Since on requests marked ``conditional_get``.

    The validators (ETag, Last-Modified) a server sent are kept in ``http_validators``, but
    only once the site's crawl ended cleanly (the store pipeline saves :attr:`pending` then):
    a crawl killed after the first feed page must not make the next run believe it has seen
    everything. A ``304 Not Modified`` reaches the callback with ``meta['not_modified']`` set
    and costs no parsing (see :meth:`PlatformSpider.not_modified`).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.enabled = crawler.settings.getbool("POLICE_NEWS_CONDITIONAL_GET", True)
        self.pending: list[tuple[str, str | None, str | None]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not (self.enabled and request.meta.get("conditional_get")):
            return None
        etag, modified = crawler_store(self.crawler).validators(request.url)
        if etag:
            request.headers[b"If-None-Match"] = etag
        if modified:
            request.headers[b"If-Modified-Since"] = modified
        request.meta["handle_httpstatus_list"] = [
            *request.meta.get("handle_httpstatus_list", []), 304]
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if not request.meta.get("conditional_get"):
            return response
        if response.status == 304:
            request.meta["not_modified"] = True
            self.crawler.stats.inc_value(STAT_NOT_MODIFIED)
        elif response.status == 200:
            etag = response.headers.get(b"ETag")
            modified = response.headers.get(b"Last-Modified")
            if etag or modified:
                self.pending.append((request.url,
                                     etag.decode("latin-1") if etag else None,
                                     modified.decode("latin-1") if modified else None))
        return response
