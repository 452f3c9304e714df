"""The base of every platform spider.

Contract (what a platform spider must do, and what it gets for free):

* A platform spider sets ``name`` and ``platform`` and implements :meth:`entry_requests`
  (the first requests for ``self.site`` within ``self.since``/``self.until``) and the callbacks
  that turn responses into :class:`~crawler.items.ArticleItem` objects via :meth:`article`.
* It is run for one site: ``scrapy crawl <platform> -a site=<id>``, with optional
  ``-a since=DATE -a until=DATE -a full=1 -a limit=N``. The site comes from the registry or
  from sites users added to the database.
* Without ``since``, an incremental crawl starts from the site's watermark (the newest article
  stored by its last successful crawl) minus ``POLICE_NEWS_OVERLAP_DAYS``; ``full=1`` ignores it.
  ``self.incremental`` tells the platform which it is: an incremental window should also
  catch posts *edited* since then (e.g. Blogger ``orderby=updated``), an explicit ``since``
  is a range of publication dates.
* Every request's errback is :meth:`on_error`; anything a parser cannot make sense of goes to
  :meth:`fail`. Both count an error and keep the first cause, which ends up in ``crawl_runs``
  and in ``police-news status``. A spider never raises out of a callback for bad input.
* ``limit`` caps the number of articles; :meth:`want_more` tells pagination code to stop.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, ClassVar

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.utils.misc import load_object
from twisted.python.failure import Failure

from crawler.dates import parse_date_arg, parse_iso, to_iso
from crawler.items import ArticleItem
from crawler.registry import RegistryError, Site, load_registry
from crawler.state import SiteState
from crawler.store import Store, resolve_db_path, utc_now
from crawler.urls import canonicalize_url

logger = logging.getLogger(__name__)

#: Stats keys shared by spiders, pipelines and extensions.
STAT_ERRORS = "police_news/errors"
STAT_FIRST_ERROR = "police_news/first_error"
STAT_CURSOR = "police_news/cursor"


class SiteNotFoundError(ValueError):
    """The ``site`` argument names no known site."""


def known_sites(db_path: str | None = None) -> dict[str, Site]:
    """Registry sites plus the sites stored in the database (if it exists)."""
    sites = load_registry()
    path = resolve_db_path(db_path)
    if path.exists():
        with Store(path) as store:
            for site in store.stored_sites():
                sites.setdefault(site.id, site)
    return sites


def find_site(site_id: str, db_path: str | None = None) -> Site:
    """The site with this id; :class:`SiteNotFoundError` with a readable message if none."""
    try:
        sites = known_sites(db_path)
    except RegistryError:
        raise
    if site_id not in sites:
        raise SiteNotFoundError(
            f"unknown site {site_id!r}: `police-news sites list` shows the known ids, "
            "`police-news sites add URL --id ID` adds one")
    return sites[site_id]


def crawler_store(crawler: Crawler) -> Store:
    """The crawler's store connection (one per crawler, closed by the store pipeline).

    Only the writing side (the store pipeline) uses this; spiders and middlewares ask
    :func:`crawler_state`.
    """
    store = getattr(crawler, "_police_news_store", None)
    if store is None:
        store = Store(crawler.settings.get("POLICE_NEWS_DB"))
        crawler._police_news_store = store  # type: ignore[attr-defined]
    return store


def crawler_state(crawler: Crawler) -> SiteState:
    """What the crawl may know about stored data (see :mod:`crawler.state`): the SQLite store,
    or the object ``POLICE_NEWS_STATE_CLASS`` names (built with the crawler)."""
    state = getattr(crawler, "_police_news_state", None)
    if state is None:
        path = crawler.settings.get("POLICE_NEWS_STATE_CLASS")
        state = load_object(path)(crawler) if path else crawler_store(crawler)
        crawler._police_news_state = state  # type: ignore[attr-defined]
    return state


class PlatformSpider(scrapy.Spider):
    """Common behaviour of all platform spiders (see the module docstring for the contract)."""

    #: The registry ``platform`` value this spider crawls.
    platform: ClassVar[str] = ""
    #: True for spiders that work on a site of any platform (e.g. the re-check spider).
    any_platform: ClassVar[bool] = False

    def __init__(self, site: str | Site | None = None, since: str | datetime | None = None,
                 until: str | datetime | None = None, full: Any = False,
                 limit: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if site is None:
            raise SiteNotFoundError(f"the {self.name} spider needs a site: "
                                    f"scrapy crawl {self.name} -a site=<id>")
        self._site_arg = site
        self.site: Site = site if isinstance(site, Site) else None  # type: ignore[assignment]
        self.since = _as_datetime(since, "since")
        self.until = _as_datetime(until, "until")
        self.full = str(full).lower() in ("1", "true", "yes", "on")
        self.limit = int(limit) if limit not in (None, "", 0, "0") else None
        self.items_made = 0
        #: True when ``since`` came from the watermark (not from the caller).
        self.incremental = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> PlatformSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.site is None:
            spider.site = find_site(str(spider._site_arg), crawler.settings.get("POLICE_NEWS_DB"))
        if not spider.any_platform and spider.site.platform != spider.platform:
            raise SiteNotFoundError(f"site {spider.site.id!r} is a {spider.site.platform} site, "
                                    f"not {spider.platform}: crawl it with "
                                    f"`scrapy crawl {spider.site.platform}`")
        return spider

    # -- the window -------------------------------------------------------------------------

    def resolve_window(self) -> None:
        """Fill ``self.since`` from the watermark when the caller gave none (and not full)."""
        if self.since is not None or self.full:
            return
        watermark = crawler_state(self.crawler).watermark(self.site.id)
        if watermark is not None:
            overlap = float(self.crawler.settings.getfloat("POLICE_NEWS_OVERLAP_DAYS", 2.0))
            self.since = watermark - timedelta(days=overlap)
            self.incremental = True

    async def start(self) -> AsyncIterator[Any]:
        if self.settings.getbool("POLICE_NEWS_FRONTIER_ONLY"):
            return  # a distributed worker: the requests come from the shared frontier
        self.resolve_window()
        self.logger.info("crawling %s (%s) since %s", self.site.id, self.site.url,
                         to_iso(self.since) if self.since else "the beginning")
        for request in self.entry_requests():
            yield request

    def entry_requests(self) -> Iterable[Request]:
        """The first requests for the site; every platform implements this."""
        raise NotImplementedError

    # -- helpers for platform code ------------------------------------------------------------

    def request(self, url: str, callback: Any, **kwargs: Any) -> Request:
        """A request whose failures are recorded against the site (unless ``errback`` is
        given, e.g. for an optional probe whose absence is not an error)."""
        kwargs.setdefault("errback", self.on_error)
        return Request(url, callback=callback, **kwargs)

    def article(self, response: Response | None, **fields: Any) -> ArticleItem:
        """An item for this site; ``fields`` are :class:`ArticleItem` fields."""
        self.items_made += 1
        source: dict[str, Any] = {}
        if response is not None:
            source = {"url": response.url, **(response.meta.get("warc") or {})}
        return ArticleItem(site_id=self.site.id, platform=self.platform,
                           fetched_at=utc_now(), source=source, **fields)

    @staticmethod
    def not_modified(response: Response) -> bool:
        """True for a 304 answer to a conditional request: nothing to parse."""
        return response.status == 304 or bool(response.meta.get("not_modified"))

    def stored_cursor(self) -> dict[str, Any]:
        """The platform cursor the last successful crawl of this site left ({} without one,
        and with ``full=1``)."""
        if self.full:
            return {}
        return crawler_state(self.crawler).cursor(self.site.id)

    def advance_cursor(self, **values: Any) -> None:
        """Remember cursor values (e.g. ``post_id=106038``); saved only if the run succeeds."""
        stats = self.crawler.stats
        cursor = dict(stats.get_value(STAT_CURSOR) or {})
        cursor.update(values)
        stats.set_value(STAT_CURSOR, cursor)

    def unchanged_since_stored(self, entries: Sequence[tuple[str, datetime | None]]) -> set[str]:
        """URLs whose stored article has this same update time: no need to fetch them again.

        ``entries`` are (URL, update time as the feed or listing gives it). Always empty with
        ``full=1``.
        """
        if self.full or not entries:
            return set()
        stored = crawler_state(self.crawler).updated_times(
            canonicalize_url(url) for url, _ in entries)
        same = set()
        for url, updated in entries:
            known = stored.get(canonicalize_url(url))
            # Stored times have whole seconds; feeds may add milliseconds.
            if updated is not None and known and \
                    parse_iso(known) == updated.replace(microsecond=0):
                same.add(url)
        return same

    def want_more(self) -> bool:
        """False once ``limit`` articles were made (pagination stops)."""
        return self.limit is None or self.items_made < self.limit

    def in_window(self, published: datetime | None) -> bool:
        """Whether a publication time falls within since/until (unknown times are kept)."""
        if published is None:
            return True
        if self.since is not None and published < self.since:
            return False
        return not (self.until is not None and published >= self.until)

    def on_error(self, failure: Failure) -> None:
        """Errback: record a failed request (HTTP error, timeout, DNS, refused, …)."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        self.fail(f"{_describe_failure(failure)} at {url}")

    def fail(self, message: str) -> None:
        """Record a problem with the site; the crawl goes on, the run is marked failed."""
        stats = self.crawler.stats
        stats.inc_value(STAT_ERRORS)
        if stats.get_value(STAT_FIRST_ERROR) is None:
            stats.set_value(STAT_FIRST_ERROR, message)
        self.logger.error("%s: %s", self.site.id, message)


def _as_datetime(value: str | datetime | None, name: str) -> datetime | None:
    if value is None or value == "" or isinstance(value, datetime):
        return value or None
    try:
        return parse_date_arg(str(value))
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None


def _describe_failure(failure: Failure) -> str:
    """One readable phrase for a download failure (Scrapy's and Twisted's exception types)."""
    from scrapy import exceptions as scrapy_errors
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet import error as tx

    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    phrases = (
        ((scrapy_errors.CannotResolveHostError, tx.DNSLookupError),
         "DNS lookup failed (host does not resolve)"),
        ((scrapy_errors.DownloadTimeoutError, tx.TimeoutError, tx.TCPTimedOutError),
         "timed out"),
        ((scrapy_errors.DownloadConnectionRefusedError, tx.ConnectionRefusedError),
         "connection refused"),
        ((scrapy_errors.ResponseDataLossError,), "response cut short (data loss)"),
        ((scrapy_errors.DownloadCancelledError,),
         "download cancelled (over the size limit DOWNLOAD_MAXSIZE?)"),
        ((tx.ConnectionLost, tx.ConnectionDone), "connection lost"),
    )
    for types, phrase in phrases:
        if failure.check(*types):
            return phrase
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"
