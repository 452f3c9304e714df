"""The naive baseline for bench/crawl.py: what a user without police-news would run.

A plain Scrapy CrawlSpider that starts at each site's home page, follows every link on the
same hosts, and runs trafilatura on every page it gets. Same politeness settings as
police-news (robots.txt, 2 requests per host), no feeds, no APIs, no incremental state.

    scrapy runspider bench/naive_spider.py -a start_urls=http://127.0.0.1:1/,http://… -o -
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class NaiveSpider(CrawlSpider):
    """Follow every same-host link; trafilatura on every page."""

    name = "naive"
    custom_settings = {
        "ROBOTSTXT_OBEY": True, "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False, "DEPTH_LIMIT": 0,
    }

    def __init__(self, start_urls: str = "", *args: Any, **kwargs: Any) -> None:
        self.start_urls = [u for u in start_urls.split(",") if u]
        self.sites = {urlsplit(u).netloc for u in self.start_urls}
        self.rules = (Rule(LinkExtractor(deny=(r"\?m=1",)), callback="parse_page", follow=True,
                           process_links="same_sites"),)
        super().__init__(*args, **kwargs)

    def same_sites(self, links: list[Any]) -> list[Any]:
        """Only links to the sites being crawled (host and port)."""
        return [link for link in links if urlsplit(link.url).netloc in self.sites]

    def parse_page(self, response: Response) -> Iterator[dict[str, Any]]:
        text = trafilatura.extract(response.text, url=response.url)
        if text and len(text) > 400:
            yield {"url": response.url, "chars": len(text)}
