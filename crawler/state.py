"""What spiders may know about what is stored: the read side of the store, as a protocol.

Spiders and middlewares never query the database directly; they ask a :class:`SiteState`.
In a local crawl that is the SQLite :class:`~crawler.store.Store` itself. A distributed
worker, which must not open the SQLite file, gets a snapshot of the same answers (prepared
by the machine that owns the database) through ``POLICE_NEWS_STATE_CLASS``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol


class SiteState(Protocol):
    """The questions a crawl asks about what was stored before."""

    def watermark(self, site_id: str) -> datetime | None:
        """Newest publication time stored by the site's last successful crawl."""

    def cursor(self, site_id: str) -> dict[str, Any]:
        """Platform cursor left by the site's last successful crawl."""

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which canonical URLs belong to stored articles."""

    def settled_urls(self, site_id: str, urls: Iterable[str]) -> set[str]:
        """Which were stored before the site's last successful crawl ended."""

    def updated_times(self, urls: Iterable[str]) -> dict[str, str | None]:
        """Stored update (or publication) times of articles at these URLs."""

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last stored for a feed/listing URL."""
