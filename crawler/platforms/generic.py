"""Sites on a CMS nobody identified: a feed, a sitemap or the home page's links, then trafilatura.

Domain
    Official sites whose CMS is unknown (humas.polri.go.id, mediahub.polri.go.id,
    tribratanews.ntb/bengkulu/sulut.polri.go.id, polresgowa.com, polresposo.com, …) and local
    portals that reprint police releases.
Strategy
    How to find articles is decided at run time, in this order: the registry row's
    ``options.feed_url`` / ``options.sitemap_url``; an RSS/Atom feed the home page announces
    (``<link rel="alternate" type="application/rss+xml">``) or that answers at ``/feed``,
    ``/rss``, ``/rss.xml`` or ``/atom.xml``; the sitemaps robots.txt names, else the first of
    ``/sitemap.xml``, ``/sitemap_index.xml``, ``/news-sitemap.xml`` that is one (sitemap
    indexes followed, Google News ``news:publication_date`` read); finally the home page's
    links that look like articles (same host; a slug, date or id in the path; not a
    category, tag, author, search or static page), following the pager's "next" link. A feed
    only carries the newest items, so when it does not reach back to ``since`` (on a first
    crawl it never does) the sitemap, else the links, fill in the rest. Article pages are read
    with the site's ``[site.options.selectors]`` when it has them, else with trafilatura
    (:func:`crawler.extract.article.extract_article`: main text, metadata dates with their
    offset). A page that is not an article (a listing, a tag page, too little text) is
    skipped with a debug line, not counted as an error.
Incremental
    The channels found are remembered in the cursor (``discovery``, ``feed_url``,
    ``sitemaps``), so later runs go straight to them: items older than ``since`` (feed dates,
    sitemap ``lastmod``, child sitemaps whose ``lastmod`` is older) and URLs already stored are
    skipped, and a feed that reaches back to ``since`` is the whole run (one request, or a
    ``304``). Listing pages stop at the first page whose articles were all stored by an
    earlier successful run. A remembered channel that stopped answering sends the spider back
    to discovery.
Caveats
    trafilatura is close, not exact: a sentence of chrome inside the article container may
    survive, and a page without machine-readable dates gets the first date of its text. Give
    such a site ``[site.options.selectors]`` for exact bodies. Probing a feed or sitemap that
    does not exist (404) is not an error; the home page failing is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urldefrag, urlsplit

from lxml import etree
from parsel import Selector
from scrapy.http import Request, Response, TextResponse
from scrapy.utils.gz import gunzip
from twisted.python.failure import Failure

from crawler.dates import parse_iso, parse_rfc822, to_iso
from crawler.extract import article as main_text
from crawler.extract.article import ExtractedArticle
from crawler.platforms.base import STAT_CURSOR
from crawler.platforms.html import SAFE_XML, HtmlArticleSpider, jsonld_values
from crawler.urls import canonicalize_url, host_of

#: Where feeds usually answer when the home page announces none.
FEED_PATHS = ("/feed", "/rss", "/rss.xml", "/atom.xml")
#: Where sitemaps usually answer when robots.txt names none.
SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")
#: An article page has at least this many words of main text.
MIN_WORDS = 40
#: ``og:type`` values of article pages (anything else, without an article date, is a listing).
ARTICLE_TYPES = ("article", "news", "blog", "newsarticle", "blogposting")
STAT_SKIPPED = "police_news/skipped_pages"
_TEASER_ENDS = ("...", "…", "[…]", "[...]")

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_DATE = ("{http://www.google.com/schemas/sitemap-news/0.9}news/"
              "{http://www.google.com/schemas/sitemap-news/0.9}publication_date")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml")
#: Path segments of pages that are never articles.
_NOT_ARTICLE_SEGMENTS = frozenset({
    "category", "categories", "kategori", "tag", "tags", "label", "topik", "topic", "search",
    "cari", "page", "halaman", "author", "penulis", "user", "feed", "rss", "wp-admin",
    "wp-content", "wp-includes", "wp-json", "login", "masuk", "register", "daftar", "indeks",
    "index", "arsip", "archive", "archives", "video", "galeri", "gallery", "foto", "amp",
})
#: Static pages of Indonesian portals (their slugs look like articles).
_STATIC_SLUGS = frozenset({
    "tentang-kami", "tentang", "about", "about-us", "kontak", "kontak-kami", "hubungi-kami",
    "contact", "contact-us", "redaksi", "susunan-redaksi", "pedoman-media-siber",
    "pedoman-pemberitaan-media-siber", "kebijakan-privasi", "privacy-policy", "disclaimer",
    "syarat-dan-ketentuan", "terms", "info-iklan", "pasang-iklan", "karir", "sitemap",
})
_PAGER_PARAMS = frozenset({"page", "paged", "halaman", "start", "offset", "s", "q"})
_FILE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|zip|rar|mp[34]|css|js|xml|"
                       r"json|txt|ico)$", re.I)
_PAGE_EXT = re.compile(r"\.(?:html?|php|aspx?)$")
_WORD_SPLIT = re.compile(r"[-_+]+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/")
_NEXT_TEXT = re.compile(r"^\s*(?:selanjutnya|berikutnya|berita lainnya|lebih lama|next|older"
                        r"(?: posts| entries)?|halaman berikutnya|»|›|>>?)\s*(?:»|›|>>?)?\s*$",
                        re.I)


@dataclass(frozen=True)
class FeedEntry:
    """One feed item or sitemap URL: where the article is and when it was published."""

    url: str
    published: datetime | None


class GenericSpider(HtmlArticleSpider):
    """Unknown CMSs: feed, sitemap or links, then trafilatura (see the module docstring)."""

    name = "generic"
    platform = "generic"
    listing_pages_max: ClassVar[int] = 50

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: The home page, once fetched (its links are the last resort).
        self.home: Response | None = None
        #: Sitemaps named by robots.txt (or remembered) that have not answered yet.
        self.sitemaps_pending = 0
        self.sitemap_found = False
        #: Discovery steps already taken ("feeds", "sitemaps", "links").
        self.steps_taken: set[str] = set()

    # -- discovery ------------------------------------------------------------------------------

    def entry_requests(self) -> Iterable[Request]:
        options, cursor = self.site.options, self.stored_cursor()
        if options.get("feed_url"):
            yield self.probe([options["feed_url"]], self.parse_feed, fixed=True)
        elif options.get("sitemap_url"):
            yield from self.sitemap_requests([options["sitemap_url"]], fixed=True)
        elif cursor.get("discovery") == "feed" and cursor.get("feed_url"):
            yield self.probe([cursor["feed_url"]], self.parse_feed, remembered=True)
        elif cursor.get("discovery") == "sitemap" and cursor.get("sitemaps"):
            yield from self.sitemap_requests(cursor["sitemaps"], remembered=True)
        elif cursor.get("discovery") == "links":
            yield self.home_request(probe=False)
        else:
            self.steps_taken.add("feeds")
            yield self.home_request()

    def home_request(self, probe: bool = True) -> Request:
        """The home page: discovery starts there (``probe``), or its links are read."""
        return self.request(self.site.url + "/", self.parse_home,
                            meta={"probe": probe, "page": 1}, dont_filter=True)

    def parse_home(self, response: Response) -> Iterator[Any]:
        """The home page: try the feeds it announces, then the usual feed paths."""
        self.home = response
        if not response.meta.get("probe", True) or not isinstance(response, TextResponse):
            yield from self.links_fallback()
            return
        candidates = [*feed_links(response), *(self.site.url + path for path in FEED_PATHS)]
        yield self.probe(list(dict.fromkeys(candidates)), self.parse_feed)

    def probe(self, candidates: Sequence[str], callback: Any, **meta: Any) -> Request:
        """A request for the first of ``candidates``. A probe that fails (404, refused, not a
        feed or sitemap) is no error: the next candidate is tried, then the next discovery
        step (:meth:`next_step`). ``fixed`` (a registry URL) and ``remembered`` (the cursor's)
        mark channels that were not guessed."""
        return Request(candidates[0], callback=callback, errback=self.probe_failed,
                       dont_filter=True,
                       meta={**meta, "candidates": list(candidates[1:]),
                             "conditional_get": not meta.get("child")})

    def probe_failed(self, failure: Failure) -> Iterator[Any]:
        """Errback of a probe: on to the next candidate or step."""
        request = failure.request
        self.logger.debug("%s: nothing at %s (%s)", self.site.id, request.url,
                          failure.getErrorMessage())
        if request.meta.get("child"):  # a sitemap its index names must answer
            self.on_error(failure)
            return
        yield from self.next_step(request.meta, request.url,
                                  "sitemap" if request.callback == self.parse_sitemap else "feed")

    def next_step(self, meta: dict[str, Any], url: str, channel: str) -> Iterator[Any]:
        """After a probe of a ``channel`` ("feed" or "sitemap") found nothing at ``url``."""
        if meta.get("candidates"):
            callback = self.parse_sitemap if channel == "sitemap" else self.parse_feed
            kept = {k: v for k, v in meta.items() if k in ("fixed", "remembered", "named")}
            yield self.probe(meta["candidates"], callback, **kept)
            return
        if meta.get("fixed"):
            self.fail(f"the {channel} {url} configured for the site (options.{channel}_url) "
                      f"did not answer with a usable {channel}")
            return
        if channel == "sitemap" and meta.get("named"):
            self.sitemaps_pending -= 1
            if self.sitemaps_pending > 0 or self.sitemap_found:
                return
        if meta.get("remembered"):
            self.logger.info("%s: the remembered %s %s is gone; discovering again",
                             self.site.id, channel, url)
        if channel == "feed":
            yield from self.once("feeds", self.home_request) if meta.get("remembered") \
                else self.once("sitemaps", self.sitemap_discovery)
        else:
            yield from self.once("sitemaps", self.sitemap_discovery) \
                if meta.get("remembered") else self.once("links", self.links_fallback)

    def once(self, step: str, start: Any) -> Iterator[Any]:
        """Start a discovery step unless this run already took it (no loops)."""
        if step in self.steps_taken:
            yield from self.once("links", self.links_fallback) if step != "links" else ()
            return
        self.steps_taken.add(step)
        result = start()
        yield from [result] if isinstance(result, Request) else result

    # -- feeds --------------------------------------------------------------------------------

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """An RSS/Atom feed: its articles in the window, then the sitemap when the feed does
        not reach back to ``since``. An answer that is not a feed moves discovery on."""
        if self.not_modified(response):
            self.remember(discovery="feed", feed_url=response.url)
            return
        entries = feed_entries(response.body)
        if entries is None:
            self.logger.debug("%s: %s is not a feed", self.site.id, response.url)
            yield from self.next_step(response.meta, response.url, "feed")
            return
        self.logger.info("%s: reading the feed %s (%d items)", self.site.id, response.url,
                         len(entries))
        self.remember(discovery="feed", feed_url=response.url)
        yield from self.fetch_articles(entries)
        if self.feed_covers_window(entries) or not self.want_more():
            return
        remembered = self.stored_cursor().get("sitemaps")
        if remembered and "sitemaps" not in self.steps_taken:
            yield from self.sitemap_requests(remembered, remembered=True)
        else:
            yield from self.once("sitemaps", self.sitemap_discovery)

    def feed_covers_window(self, entries: Sequence[FeedEntry]) -> bool:
        """True when the feed reaches back to ``since``, so nothing older can be missing."""
        dates = [e.published for e in entries if e.published is not None]
        return self.since is not None and bool(dates) and min(dates) <= self.since

    # -- sitemaps -------------------------------------------------------------------------------

    def sitemap_discovery(self) -> Iterator[Any]:
        """The sitemaps robots.txt names, else the first of :data:`SITEMAP_PATHS` answering."""
        yield Request(self.site.url + "/robots.txt", callback=self.parse_robots,
                      errback=self.robots_failed, dont_filter=True)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        named = robots_sitemaps(response.text) if isinstance(response, TextResponse) else []
        if named:
            yield from self.sitemap_requests(named)
        else:
            yield self.probe([self.site.url + p for p in SITEMAP_PATHS], self.parse_sitemap)

    def robots_failed(self, failure: Failure) -> Iterator[Any]:
        yield self.probe([self.site.url + p for p in SITEMAP_PATHS], self.parse_sitemap)

    def sitemap_requests(self, urls: Sequence[str], **meta: Any) -> Iterator[Request]:
        """All of ``urls`` (named by robots.txt, the registry or the cursor); discovery goes on
        only when none of them is a sitemap."""
        urls = list(dict.fromkeys(urls))
        self.sitemaps_pending += len(urls)
        for url in urls:
            yield self.probe([url], self.parse_sitemap, named=True, **meta)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """A sitemap, sitemap index or Google News sitemap: child sitemaps (unless older than
        ``since``) and the article URLs within the window."""
        child = response.meta.get("child")
        if self.not_modified(response):
            if not child:
                self.sitemap_answered(response)
            return
        root = read_xml(response.body)
        tag = root.tag if root is not None and isinstance(root.tag, str) else ""
        if tag not in (f"{_SITEMAP}urlset", f"{_SITEMAP}sitemapindex"):
            if child:
                self.fail(f"sitemap {response.url} (named by a sitemap index) is not a sitemap")
                return
            self.logger.debug("%s: %s is not a sitemap", self.site.id, response.url)
            yield from self.next_step(response.meta, response.url, "sitemap")
            return
        if not child:
            self.sitemap_answered(response)
        children, entries = sitemap_entries(root)
        for entry in children:
            if entry.published is None or self.since is None or entry.published >= self.since:
                yield self.probe([entry.url], self.parse_sitemap, child=True)
        yield from self.fetch_articles([e for e in entries if self.is_article_url(e.url)])

    def sitemap_answered(self, response: Response) -> None:
        """Remember a top-level sitemap that answered."""
        self.sitemap_found = True
        if response.meta.get("named"):
            self.sitemaps_pending -= 1
        cursor = self.crawler.stats.get_value(STAT_CURSOR) or {}
        sitemaps = list(dict.fromkeys([*(cursor.get("sitemaps") or []), response.url]))
        if cursor.get("discovery") == "feed":
            self.remember(sitemaps=sitemaps)
        else:
            self.remember(discovery="sitemap", feed_url=None, sitemaps=sitemaps)

    def remember(self, **values: Any) -> None:
        """Cursor values, unless the channels come from the registry row (``options``)."""
        if not (self.site.options.get("feed_url") or self.site.options.get("sitemap_url")):
            self.advance_cursor(**values)

    # -- links ----------------------------------------------------------------------------------

    def links_fallback(self) -> Iterator[Any]:
        """No feed, no sitemap: the home page's article links, then its pager."""
        if self.home is None:
            yield self.home_request(probe=False)
            return
        cursor = self.crawler.stats.get_value(STAT_CURSOR) or {}
        if cursor.get("discovery") != "feed":
            self.remember(discovery="links", feed_url=None, sitemaps=None)
        yield from self.parse_listing(self.home)

    def article_links(self, response: Response) -> list[str]:
        """Links of a listing page that look like articles of this site, in page order."""
        links = (urldefrag(response.urljoin(href.strip())).url
                 for href in response.css("a::attr(href)").getall())
        return list(dict.fromkeys(u for u in links if self.is_article_url(u)))

    def next_listing(self, response: Response) -> str | None:
        """The listing's next page: ``rel=next``, else a pager link saying "Selanjutnya",
        "Next", "»" … (None on the last page or past ``listing_pages_max``)."""
        if int(response.meta.get("page", 1)) >= self.listing_pages_max:
            return None
        url = next_page_link(response)
        return url if url and host_of(url) == host_of(self.site.url) else None

    def is_article_url(self, url: str) -> bool:
        return looks_like_article_url(url, self.site.url)

    # -- articles ---------------------------------------------------------------------------

    def fetch_articles(self, entries: Sequence[FeedEntry]) -> Iterator[Request]:
        """Requests for the entries within the window whose URLs are not stored yet."""
        wanted = [e.url for e in entries if self.in_window(e.published)]
        known = self.known(wanted)
        for url in wanted:
            if not self.want_more():
                return
            if canonicalize_url(url) not in known:
                yield self.request(url, self.parse_article)

    def parse_article(self, response: Response) -> Iterator[Any]:
        """An article page → one item; a page that is not an article is skipped."""
        if self.not_modified(response) or not self.want_more():
            return
        if not isinstance(response, TextResponse):
            self.skip(response, "not an HTML page")
            return
        if self.site.options.get("selectors"):
            fields = self.extract_article(response)
            reason = "" if fields["body_html"] else "no element matches the body selectors"
        else:
            found = main_text.extract_article(response.text, response.url, response.selector)
            reason = not_an_article(found, has_article_date(response))
            fields = self.main_text_fields(response, found)
        if reason:
            self.skip(response, reason)
            return
        yield self.article(response, **fields)

    def main_text_fields(self, response: Response, found: ExtractedArticle) -> dict[str, Any]:
        """Item fields from trafilatura's reading of the page (dates in the site's zone)."""
        canonical = response.css('link[rel="canonical"]::attr(href)').get()
        image = response.css('meta[property="og:image"]::attr(content)').get()
        return {
            "url": response.url,
            "canonical_url": canonicalize_url(response.urljoin(canonical)) if canonical else "",
            "title": found.title,
            "body_html": found.body_html,
            "published_at": self.site_time(found.published),
            "updated_at": self.site_time(found.updated),
            "author": found.author,
            "tags": found.tags,
            "language": found.language or "id",
            "images": [response.urljoin(image.strip())] if image and image.strip() else [],
        }

    def site_time(self, value: str | None) -> str | None:
        """An ISO time with its offset; one without is read in the site's zone."""
        parsed = parse_iso(value, self.site.tz) if value else None
        return to_iso(parsed) if parsed else None

    def skip(self, response: Response, reason: str) -> None:
        self.crawler.stats.inc_value(STAT_SKIPPED)
        self.logger.debug("%s: skipped %s: %s", self.site.id, response.url, reason)


# -- pure helpers (tested on their own) --------------------------------------------------------


def read_xml(body: bytes) -> etree._Element | None:
    """An XML document (gzip-compressed or not) parsed safely; None when it is not XML."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=50 * 1024 * 1024)
        except (OSError, ValueError):
            return None
    try:
        return etree.fromstring(body, parser=SAFE_XML)
    except (etree.XMLSyntaxError, ValueError):
        return None


def feed_entries(body: bytes) -> list[FeedEntry] | None:
    """The items of an RSS 2.0 / RSS 1.0 / Atom feed, or None when ``body`` is not a feed."""
    root = read_xml(body)
    tag = root.tag if root is not None and isinstance(root.tag, str) else ""
    if tag not in ("rss", f"{_ATOM}feed", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"):
        return None
    entries = []
    for item in root.iter("item", f"{_RSS1}item", f"{_ATOM}entry"):
        link = (item.findtext("link") or item.findtext(f"{_RSS1}link") or next(
            (el.get("href") for el in item.iter(f"{_ATOM}link")
             if el.get("rel", "alternate") == "alternate"), None) or "").strip()
        published = (parse_rfc822(item.findtext("pubDate"))
                     or parse_iso(item.findtext(_DC_DATE) or item.findtext(f"{_ATOM}published")
                                  or item.findtext(f"{_ATOM}updated")))
        if link:
            entries.append(FeedEntry(link, published))
    return entries


def sitemap_entries(root: etree._Element) -> tuple[list[FeedEntry], list[FeedEntry]]:
    """(child sitemaps, page URLs) of a sitemap or sitemap index, each with its date: Google
    News ``publication_date``, else ``lastmod``."""
    children = [FeedEntry((node.findtext(f"{_SITEMAP}loc") or "").strip(),
                          parse_iso(node.findtext(f"{_SITEMAP}lastmod")))
                for node in root.iter(f"{_SITEMAP}sitemap")]
    pages = [FeedEntry((node.findtext(f"{_SITEMAP}loc") or "").strip(),
                       parse_iso(node.findtext(_NEWS_DATE) or node.findtext(f"{_SITEMAP}lastmod")))
             for node in root.iter(f"{_SITEMAP}url")]
    return [c for c in children if c.url], [p for p in pages if p.url]


def robots_sitemaps(robots_txt: str) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt names, in order."""
    found = []
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip().startswith(("http://", "https://")):
            found.append(value.strip())
    return list(dict.fromkeys(found))


def feed_links(page: Response | Selector) -> list[str]:
    """RSS/Atom feeds a page announces (``<link rel="alternate" type=…>``), absolute."""
    found = []
    for link in page.css('link[rel~="alternate"]'):
        kind = (link.attrib.get("type") or "").split(";")[0].strip().lower()
        href = (link.attrib.get("href") or "").strip()
        if kind in _FEED_TYPES and href and "comments" not in href.lower():
            found.append(page.urljoin(href) if hasattr(page, "urljoin") else href)
    return list(dict.fromkeys(found))


def looks_like_article_url(url: str, site_url: str) -> bool:
    """Whether ``url`` is probably an article of the site at ``site_url``: same host (``www.``
    aside); its last path segment a slug of three or more words, or of two after a date
    (``/2024/05/``) or a numeric id, or itself an id (``?p=123`` too); and not a category,
    tag, author, search, archive or static page, a pager or a file."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or \
            host_of(url).removeprefix("www.") != host_of(site_url).removeprefix("www."):
        return False
    query = dict(parse_qsl(parts.query))
    if query.get("p", "").isdigit():  # a WordPress shortlink
        return True
    segments = [s.lower() for s in parts.path.split("/") if s]
    if not segments or len(segments) > 6 or _FILE_EXT.search(parts.path) \
            or _NOT_ARTICLE_SEGMENTS & set(segments) or _PAGER_PARAMS & set(query):
        return False
    last = _PAGE_EXT.sub("", segments[-1])
    if last in _STATIC_SLUGS:
        return False
    if last.isdigit():
        return len(last) >= 3 and not _YEAR.fullmatch(last)
    words = len(_WORD_SPLIT.split(last))
    anchored = bool(_DATE_PATH.search(parts.path)) or any(
        s.isdigit() and len(s) >= 4 and not _YEAR.fullmatch(s) for s in segments[:-1])
    return words >= 3 or (words == 2 and anchored)


def next_page_link(page: Response) -> str | None:
    """A listing's next-page link: ``rel=next`` first, then a pager anchor's text."""
    href = (page.css('link[rel="next"]::attr(href)').get()
            or page.css('a[rel~="next"]::attr(href)').get())
    if not href:
        for anchor in page.css("a[href]"):
            label = " ".join(anchor.css("::text").getall()).strip()
            if label and _NEXT_TEXT.match(label):
                href = anchor.attrib["href"]
                break
    return page.urljoin(href.strip()) if href and href.strip() else None


def has_article_date(page: Response | Selector) -> bool:
    """Whether the page declares itself an article with a date (JSON-LD or OpenGraph)."""
    return bool(jsonld_values(page, "datePublished")
                or page.css('meta[property="article:published_time"]::attr(content)').get())


def not_an_article(found: ExtractedArticle, dated: bool) -> str:
    """Why a page is not an article ('' when it is one). ``dated``: the page declares an
    article date (:func:`has_article_date`)."""
    if not found.body_html or found.words < MIN_WORDS:
        return f"{found.words} words of main text (an article has at least {MIN_WORDS})"
    if not found.title:
        return "no title"
    if dated:
        return ""
    if found.page_type and found.page_type not in ARTICLE_TYPES:
        return f"og:type is {found.page_type!r} and the page has no article date"
    teasers = sum(p.rstrip().endswith(_TEASER_ENDS) for p in found.body_text.split("\n\n"))
    if teasers >= 3:
        return f"{teasers} paragraphs are teasers ending in '...': a list of articles"
    return ""
