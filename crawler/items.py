"""The one item every spider yields: an article, as published by one site.

`ArticleItem` is a dataclass, so it works with `itemadapter` (and so with every Scrapy
pipeline and feed exporter) and validates itself: :meth:`ArticleItem.problems` lists what is
wrong, and the validate pipeline drops items that have problems, with the reason in the log
and in the crawl's error count. Spiders fill what the page or feed gives them; the pipelines
fill the rest (clean text, dates in the site's zone, unit, hash, parser version).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crawler.dates import parse_iso

#: Fields that hold lists (stored as JSON arrays).
LIST_FIELDS = ("tags", "images", "officials", "urls")
_HAS_OFFSET = re.compile(r"(Z|[+-]\d\d:?\d\d)$")


@dataclass
class ArticleItem:
    """One article, as one site published it.

    Required from the spider: ``url``, ``site_id``, ``title``, ``platform`` and either
    ``body_html`` or ``body_text``. Dates are ISO 8601 strings with the UTC offset the site
    publishes in (``2023-11-17T09:30:00+07:00``); the dates pipeline normalises whatever the
    spider found.
    """

    url: str
    site_id: str
    title: str
    platform: str
    canonical_url: str = ""
    published_at: str | None = None
    updated_at: str | None = None
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    body_html: str = ""
    body_text: str = ""
    images: list[str] = field(default_factory=list)
    language: str = "id"
    platform_id: str | None = None
    fetched_at: str = ""
    content_hash: str = ""
    parser_version: str = ""
    # Filled by the dates/units pipeline.
    event_date: str | None = None
    unit_level: str | None = None
    unit_name: str | None = None
    polda: str | None = None
    officials: list[str] = field(default_factory=list)
    #: Other URLs this article is known under (mirrors, ``?m=1`` variants).
    urls: list[str] = field(default_factory=list)
    #: The raw date text a spider found when it had no machine-readable date.
    date_text: str | None = None
    #: True when the body came from a summary (feed excerpt), not the full article.
    summary_only: bool = False
    #: The response this article was read from: ``url`` and, when the crawl archives
    #: responses, ``warc_file``, ``warc_offset``, ``warc_length``, ``warc_record_id``,
    #: ``payload_digest``. Filled by :meth:`PlatformSpider.article`.
    source: dict[str, Any] = field(default_factory=dict)

    def problems(self) -> list[str]:
        """Everything that makes this item unfit to store, as readable sentences."""
        found: list[str] = []
        if not self.url.startswith(("http://", "https://")):
            found.append(f"url {self.url!r} is not an http(s) URL")
        if not self.site_id:
            found.append("site_id is empty")
        if not self.title.strip():
            found.append("title is empty")
        if not (self.body_text.strip() or self.body_html.strip()):
            found.append("body is empty")
        for name in ("published_at", "updated_at"):
            value = getattr(self, name)
            if value is None:
                continue
            if parse_iso(value) is None or not _HAS_OFFSET.search(value):
                found.append(f"{name} {value!r} is not an ISO 8601 time with a UTC offset")
        for name in LIST_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                found.append(f"{name} must be a list of strings")
        return found

    def to_row(self) -> dict[str, Any]:
        """Field name → value, shallow (the lists and the ``source`` dict are shared, not
        copied): what the store writes, at a fraction of ``dataclasses.asdict``'s cost."""
        return dict(self.__dict__)

    def compute_hash(self) -> str:
        """A hash of what a reader sees: title, body text and publication time.

        Changes to chrome, tracking parameters or fetch time do not change it, so it tells a
        real edit from a re-fetch.
        """
        digest = hashlib.sha256()
        for part in (self.title.strip(), self.body_text.strip(), self.published_at or ""):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x1f")
        return digest.hexdigest()


def published_datetime(item: ArticleItem) -> datetime | None:
    """The item's publication time as an aware datetime, or None."""
    return parse_iso(item.published_at) if item.published_at else None
