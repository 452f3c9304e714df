"""Extensions: progress lines on long runs."""

from __future__ import annotations

import sys

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from crawler.platforms.base import STAT_ERRORS


class ProgressReporter:
    """Prints one line per site every ``POLICE_NEWS_PROGRESS_INTERVAL`` seconds to stderr.

    ``police-news crawl`` turns it on (every 10 s); ``scrapy crawl`` keeps Scrapy's own log.
    """

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressReporter:
        interval = crawler.settings.getfloat("POLICE_NEWS_PROGRESS_INTERVAL", 0)
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: object) -> None:
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider: object) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def report(self) -> None:
        stats = self.crawler.stats
        site = getattr(self.crawler.spider, "site", None)
        print(f"  … {getattr(site, 'id', '?')}: "
              f"{stats.get_value('item_scraped_count', 0)} articles "
              f"({stats.get_value('police_news/new', 0)} new), "
              f"{stats.get_value('downloader/request_count', 0)} requests, "
              f"{stats.get_value(STAT_ERRORS, 0)} errors",
              file=sys.stderr, flush=True)
