"""Re-checking stored articles: which ones disappeared upstream (404/410).

A crawl reads feeds and listings, so it never learns that a post was deleted. ``police-news
recheck`` asks each site again for the stored articles seen longest ago: a 404 or 410 marks
the article ``removed_at`` (never deleted), a 200 clears the mark. The requests go through
the same polite settings, robots.txt and crawl-run bookkeeping as a crawl.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from scrapy.http import Request, Response

from crawler.platforms.base import PlatformSpider, crawler_store


@dataclass
class ArticleStatus:
    """What a re-check found for one stored article (handled by the store pipeline)."""

    site_id: str
    url: str
    status: int


class RecheckSpider(PlatformSpider):
    """Fetches stored article URLs of one site and reports 404/410 (removed) or 200 (present).

    Arguments: ``site``, ``limit`` (how many articles, oldest-seen first; default 200).
    """

    name = "recheck"
    platform = ""
    any_platform: ClassVar[bool] = True
    default_limit: ClassVar[int] = 200

    def entry_requests(self) -> Iterable[Request]:
        urls = crawler_store(self.crawler).urls_to_recheck(
            self.site.id, self.limit or self.default_limit)
        for url in urls:
            yield self.request(url, self.parse_status,
                               meta={"handle_httpstatus_list": [404, 410], "recheck_url": url})

    def parse_status(self, response: Response) -> Iterator[Any]:
        yield ArticleStatus(self.site.id, response.meta["recheck_url"], response.status)
