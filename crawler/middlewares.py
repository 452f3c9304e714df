"""Downloader middlewares: conditional GET on feeds and listings; Retry-After."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse

from crawler.platforms.base import crawler_state

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
        etag, modified = crawler_state(self.crawler).validators(request.url)
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


STAT_RETRY_AFTER = "police_news/retry_after"


class RetryAfterMiddleware:
    """Honours ``Retry-After`` on 429 and 503 answers before the retry is sent.

    Scrapy's retry middleware retries 429/503 at once; a server that says how long to wait
    gets that wait instead: the host's download slot is slowed to the announced delay (capped
    at ``POLICE_NEWS_RETRY_AFTER_MAX`` seconds, default 120), so the retry and every other
    request to that host wait. AutoThrottle brings the delay down again as answers come back.
    Sits just before the retry middleware on the response path (priority 551 > 550).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("POLICE_NEWS_RETRY_AFTER_MAX", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (429, 503):
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            return response
        wait = min(wait, self.max_wait)
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.delay = max(slot.delay, wait)
        self.crawler.stats.inc_value(STAT_RETRY_AFTER)
        return response


def retry_after_seconds(value: bytes | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


STAT_CHARSET_REPAIRED = "police_news/charset_repaired"


class CharsetRepairMiddleware:
    """Reads pages that declare UTF-8 but are really Windows-1252 / Latin-1.

    Small Indonesian sites often serve Word-pasted text in cp1252 under a UTF-8 header; decoded
    as UTF-8 the curly quotes and dashes turn into U+FFFD. When a UTF-8 text response is not
    valid UTF-8, it is re-read as cp1252 (a superset of Latin-1's printable range), counted in
    the stats. Sits after decompression on the response path (priority 580 < 590).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CharsetRepairMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse):
            return response
        if response.encoding.lower().replace("-", "") not in ("utf8", "utf8sig"):
            return response
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            self.crawler.stats.inc_value(STAT_CHARSET_REPAIRED)
            return response.replace(encoding="cp1252")
        return response
