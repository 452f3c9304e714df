"""The shared multi-tenant "network" news CMS (``<channel>.<parent-domain>``).

Domain
    One CMS serves the same channel under several parent domains: ``sumbawa.polres.id`` and
    ``sumbawa.ngo.web.id`` carry the same Polres Sumbawa articles under the same slugs, as do
    ``purwakarta.demokrat.co.id`` and ``purwakarta.ngo.web.id``. Article URLs are
    ``https://<channel>.<parent>/<slug>``: no date, no id.
Strategy
    ``/sitemap.xml`` (a ``urlset`` with ``lastmod``; entries outside the window or already
    stored are skipped). When a site has no sitemap (404/403/410, or an answer that is not a
    sitemap), the news index ``/indeks-berita?page=N`` is read instead, with stop-at-seen.
    Title ``h1.detail-title``; body ``div.detail-content`` without the blocks the CMS puts
    inside it: author box (the author printed twice), "Artikel Sebelumnya / Artikel
    Berikutnya", "Berita terkait", "Rekomendasi berita", "Tags", "Ikuti Kami" (the body cleaner
    cuts at the same headings when a theme names its blocks differently). Date
    ``article:published_time`` (with the site's offset).
Incremental
    The sitemap is asked conditionally, so a run with nothing new is one ``304``; entries whose
    URL is stored or whose ``lastmod`` is before ``since`` cost nothing. The index fallback
    stops at a page whose articles are all stored or all dated before ``since``.
Caveats
    **Mirrors are one article.** Every item's ``canonical_url`` is the article's URL on the
    channel's canonical parent, and the page's own URL goes into ``urls``, so the store keeps
    one row per (channel, slug) with every mirror URL in ``article_urls``. The canonical parent
    is the site option ``canonical_parent`` (a parent domain such as ``ngo.web.id``, or a base
    URL), else, among the active newscms sites sharing this channel label, the parent ranked
    first in :data:`PARENT_PREFERENCE` (unknown parents after it, alphabetically). Prev/next
    neighbours and recommendations differ by parent, so mirror pages differ as pages but not as
    articles. A host that is an IP address has no channel: its own URL is canonical.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.platforms._listing import PagedListingSpider
from crawler.platforms.base import known_sites
from crawler.registry import Site
from crawler.urls import canonicalize_url, host_of

#: Parent domains, best first, for choosing the canonical copy of a mirrored channel.
PARENT_PREFERENCE = ("ngo.web.id", "polres.id", "demokrat.co.id", "warta.co.id", "bersuara.id",
                     "wartajustisia.com", "24jam.co.id")
#: Answers to ``/sitemap.xml`` that mean "this site has none": use the news index.
_NO_SITEMAP = (403, 404, 410)
_IP_HOST = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


class NewsCmsSpider(PagedListingSpider):
    """The network news CMS: sitemap (else news index), mirrors stored once (see the module
    docstring)."""

    name = "newscms"
    platform = "newscms"

    article_url_re = re.compile(
        r"^https?://[^/]+/(?!(?:tag|kategori|category|author|penulis|page)/)"
        r"[a-z0-9]+(?:-[a-z0-9]+)+/?$")
    listing_path = "/indeks-berita?page={page}"
    listing_links_css = ".indeks-list .indeks-item"
    listing_date_css = ".date::text"
    next_page_css = "ul.pagination a.next::attr(href)"
    title_css = ("h1.detail-title", 'meta[property="og:title"]::attr(content)')
    body_css = ("div.detail-content", "article")
    author_css = (".detail-meta .author::text",)
    tags_css = (".detail-tags a::text", 'meta[property="article:tag"]::attr(content)')
    drop_css = (".detail-author", ".prev-next", ".related-news", ".recommend", ".detail-tags",
                ".share", ".follow-us", "figure figcaption")

    def entry_requests(self) -> Iterable[Request]:
        request = self.request(f"{self.site.url}/sitemap.xml", self.parse_sitemap_or_index,
                               meta={"conditional_get": True})
        yield request.replace(errback=self.sitemap_failed)

    def parse_sitemap_or_index(self, response: Response) -> Iterator[Any]:
        """The sitemap; an answer that is no sitemap (a soft 404) sends us to the index."""
        if self.not_modified(response):
            return
        head = response.body[:2048].lstrip()
        if b"<urlset" in head or b"<sitemapindex" in head:
            yield from self.parse_sitemap(response)
        else:
            yield from self.index_requests()

    def sitemap_failed(self, failure: Failure) -> Iterator[Any]:
        """No sitemap (404/403/410): the news index instead; any other failure is recorded."""
        if failure.check(HttpError) and failure.value.response.status in _NO_SITEMAP:
            yield from self.index_requests()
        else:
            self.on_error(failure)

    def index_requests(self) -> Iterable[Request]:
        """The first news index page (the base class's listing entry)."""
        return super().entry_requests()

    def extract_article(self, response: Response) -> dict[str, Any]:
        fields = super().extract_article(response)
        path = urlsplit(response.url).path
        fields["canonical_url"] = canonicalize_url(self.canonical_base + path)
        fields["urls"] = [canonicalize_url(response.url)]
        return fields

    @cached_property
    def canonical_base(self) -> str:
        """``scheme://host[:port]`` of the channel's canonical parent (see the docstring)."""
        option = str(self.site.options.get("canonical_parent") or "").strip().rstrip("/")
        own = channel_of(self.site.url)
        if "://" in option:
            return option
        scheme = urlsplit(self.site.url).scheme
        if option and own:
            return f"{scheme}://{own[0]}.{option}"
        if own is None:
            return self.site.url
        db = self.crawler.settings.get("POLICE_NEWS_DB")
        mirrors = [s.url for s in known_sites(db).values() if _mirror_of(s, own[0])]
        return min([self.site.url, *mirrors], key=parent_rank)


def channel_of(url: str) -> tuple[str, str] | None:
    """(channel, parent domain) of a site URL; None for IP addresses, bare and www domains."""
    host = host_of(url)
    if _IP_HOST.match(host) or host.count(".") < 2:
        return None
    channel, parent = host.split(".", 1)
    return None if channel == "www" else (channel, parent)


def parent_rank(url: str) -> tuple[int, str]:
    """Sort key of a mirror: its parent's place in :data:`PARENT_PREFERENCE`, then the name."""
    split = channel_of(url)
    parent = split[1] if split else host_of(url)
    order = PARENT_PREFERENCE.index(parent) if parent in PARENT_PREFERENCE else \
        len(PARENT_PREFERENCE)
    return order, parent


def _mirror_of(site: Site, channel: str) -> bool:
    split = channel_of(site.url)
    return (site.platform == "newscms" and site.crawlable and split is not None
            and split[0] == channel)
