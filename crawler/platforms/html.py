"""The base of platforms whose articles are HTML pages (Odoo, Lampung, news CMS, generic, …).

Contract, on top of :class:`~crawler.platforms.base.PlatformSpider`:

* Discovery: :meth:`entry_requests` starts at ``listing_url(1)`` (or at the registry row's
  ``options.listing_url``). :meth:`parse_listing` finds article links with
  :meth:`article_links` (default: every link matching ``article_url_re``), fetches the ones not
  yet stored (:meth:`known`), and follows :meth:`next_listing` — unless every article on the
  page was stored before the site's last successful crawl ended (stop-at-seen,
  :meth:`settled`; ``full=1`` turns it off), ``listing_pages_max`` is reached, or ``limit``
  articles were made. Articles stored by a crawl that was killed never stop paging, so a
  backfill that was interrupted resumes where it broke off (its stored articles are not
  fetched again; only listing pages are re-read). Sitemaps (``parse_sitemap``) and RSS/Atom
  feeds (``parse_rss``) are available to every platform as alternative entry points.
* Extraction: :meth:`parse_article` reads title, body, date, author and tags with the
  declarative selector lists (``title_css``, ``body_css``, ``date_css``, ``author_css``,
  ``tags_css``), removes ``drop_css`` elements from the body, and prefers machine-readable
  dates (``article:published_time``, JSON-LD, ``time[datetime]``) over visible text. A registry
  row can override any selector list with ``[site.options.selectors]`` (keys ``title``,
  ``body``, ``date``, ``author``, ``tags``, ``drop``).
* Subclasses set the class attributes and override only what their platform does
  differently (e.g. :meth:`platform_id`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

from lxml import etree
from parsel import Selector
from scrapy.http import Request, Response

from crawler.dates import parse_iso, parse_rfc822, to_iso
from crawler.platforms.base import PlatformSpider, crawler_state
from crawler.urls import canonicalize_url

#: The XML parser every platform uses for feeds and sitemaps: entities are never expanded
#: (no billion laughs, no XXE), nothing is fetched, malformed documents are recovered.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, recover=True)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

#: Machine-readable publication dates, best first.
META_PUBLISHED = (
    'meta[property="article:published_time"]::attr(content)',
    'meta[itemprop="datePublished"]::attr(content)',
    'meta[name="pubdate"]::attr(content)',
    'meta[name="publishdate"]::attr(content)',
    "time.published::attr(datetime)",
    "time.entry-date::attr(datetime)",
    "abbr.published::attr(title)",
    "time[datetime]::attr(datetime)",
)
META_MODIFIED = (
    'meta[property="article:modified_time"]::attr(content)',
    'meta[itemprop="dateModified"]::attr(content)',
    "time.updated::attr(datetime)",
)


class HtmlArticleSpider(PlatformSpider):
    """Listing → article pages, extracted by declarative selectors (see the module docstring)."""

    #: Article URL pattern on this platform (matched against absolute URLs).
    article_url_re: ClassVar[re.Pattern[str]] = re.compile(r"$^")
    #: Listing page path; ``{page}`` is 1-based.
    listing_path: ClassVar[str] = "/page/{page}"
    listing_pages_max: ClassVar[int] = 500
    title_css: ClassVar[Sequence[str]] = ("h1::text", 'meta[property="og:title"]::attr(content)',
                                          "title::text")
    body_css: ClassVar[Sequence[str]] = ("article", "main")
    date_css: ClassVar[Sequence[str]] = ()
    author_css: ClassVar[Sequence[str]] = ()
    tags_css: ClassVar[Sequence[str]] = ('meta[property="article:tag"]::attr(content)',)
    drop_css: ClassVar[Sequence[str]] = ()

    # -- discovery --------------------------------------------------------------------------

    def entry_requests(self) -> Iterable[Request]:
        url = self.site.options.get("listing_url") or self.listing_url(1)
        yield self.request(url, self.parse_listing, meta={"page": 1, "conditional_get": True})

    def listing_url(self, page: int) -> str:
        """The URL of listing page ``page`` (1-based)."""
        return self.site.url + self.listing_path.format(page=page)

    def article_links(self, response: Response) -> list[str]:
        """Article URLs on a listing page, in page order, without repeats."""
        links = (response.urljoin(href) for href in response.css("a::attr(href)").getall())
        return list(dict.fromkeys(u for u in links if self.article_url_re.search(u)))

    def next_listing(self, response: Response) -> str | None:
        """The next listing page, or None when this one is the last."""
        page = int(response.meta.get("page", 1))
        return self.listing_url(page + 1) if page < self.listing_pages_max else None

    def known(self, urls: Sequence[str]) -> set[str]:
        """Which of ``urls`` (canonicalized) are stored already; none with ``full=1``."""
        if self.full or not urls:
            return set()
        return crawler_state(self.crawler).known_urls([canonicalize_url(u) for u in urls])

    def settled(self, urls: Sequence[str]) -> set[str]:
        """Which of ``urls`` (canonicalized) were stored before the last successful crawl
        ended — the only ones that may stop paging; none with ``full=1``."""
        if self.full or not urls:
            return set()
        return crawler_state(self.crawler).settled_urls(
            self.site.id, [canonicalize_url(u) for u in urls])

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """A listing page: its new articles, then (unless all were known) the next page."""
        if self.not_modified(response):
            return
        links = self.article_links(response)
        known = self.known(links)
        for url in links:
            if canonicalize_url(url) in known:
                continue
            if not self.want_more():
                return
            yield self.request(url, self.parse_article)
        if not links or not self.want_more():
            return
        settled = self.settled(links)
        if all(canonicalize_url(u) in settled for u in links):
            return
        next_url = self.next_listing(response)
        if next_url:
            page = int(response.meta.get("page", 1)) + 1
            yield self.request(next_url, self.parse_listing, meta={"page": page})

    def read_xml(self, response: Response, what: str) -> etree._Element | None:
        """The response parsed with :data:`SAFE_XML`, or None after recording why not."""
        try:
            root = etree.fromstring(response.body, parser=SAFE_XML)
        except (etree.XMLSyntaxError, ValueError) as exc:
            self.fail(f"{what} is not valid XML ({exc}) at {response.url}")
            return None
        if root is None:
            self.fail(f"{what} is empty or not XML at {response.url}")
        return root

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """A sitemap or sitemap index: child sitemaps and article URLs within the window."""
        root = self.read_xml(response, "sitemap")
        if root is None:
            return
        if root.tag == f"{_SITEMAP_NS}sitemapindex":
            for loc in root.iter(f"{_SITEMAP_NS}loc"):
                yield self.request((loc.text or "").strip(), self.parse_sitemap)
            return
        entries = []
        for url in root.iter(f"{_SITEMAP_NS}url"):
            loc = (url.findtext(f"{_SITEMAP_NS}loc") or "").strip()
            lastmod = parse_iso(url.findtext(f"{_SITEMAP_NS}lastmod"), self.site.tz)
            if loc and self.article_url_re.search(loc) and self.in_window(lastmod):
                entries.append(loc)
        known = self.known(entries)
        for loc in entries:
            if canonicalize_url(loc) not in known and self.want_more():
                yield self.request(loc, self.parse_article)

    def parse_rss(self, response: Response) -> Iterator[Any]:
        """An RSS 2.0 or Atom feed: article pages of its items within the window."""
        root = self.read_xml(response, "feed")
        if root is None:
            return
        links = []
        for item in root.iter("item", "{http://www.w3.org/2005/Atom}entry"):
            link = item.findtext("link") or next(
                (el.get("href") for el in item.iter("{http://www.w3.org/2005/Atom}link")
                 if el.get("rel", "alternate") == "alternate"), None)
            date = (parse_rfc822(item.findtext("pubDate"))
                    or parse_iso(item.findtext("{http://www.w3.org/2005/Atom}published")))
            if link and self.in_window(date):
                links.append(link.strip())
        known = self.known(links)
        for link in links:
            if canonicalize_url(link) not in known and self.want_more():
                yield self.request(link, self.parse_article)

    # -- extraction ---------------------------------------------------------------------------

    def selectors(self, field: str, default: Sequence[str]) -> Sequence[str]:
        """The site's override for a selector list, else the platform's."""
        override = (self.site.options.get("selectors") or {}).get(field)
        if isinstance(override, str):
            return (override,)
        return tuple(override) if override else default

    def parse_article(self, response: Response) -> Iterator[Any]:
        """An article page → one item (or a recorded failure when it has no body)."""
        if self.not_modified(response) or not self.want_more():
            return
        fields = self.extract_article(response)
        published = parse_iso(fields["published_at"]) if fields["published_at"] else None
        if not self.incremental and not self.in_window(published):
            return  # outside an explicit --since/--until range (sitemaps carry no dates)
        if not fields["body_html"]:
            self.fail(f"{response.url}: no article body found (selectors "
                      f"{', '.join(self.selectors('body', self.body_css))})")
            return
        yield self.article(response, **fields)

    def extract_article(self, response: Response) -> dict[str, Any]:
        """Title, body, dates, author, tags and ids of an article page."""
        canonical = response.css('link[rel="canonical"]::attr(href)').get()
        published = first_date(response, self.selectors("date", self.date_css),
                               META_PUBLISHED, self.site)
        modified = first_date(response, (), META_MODIFIED, self.site)
        date_text = None
        if published is None:
            texts = [t for css in self.selectors("date", self.date_css)
                     for t in response.css(css).getall()]
            date_text = " ".join(t.strip() for t in texts if t.strip()) or None
        return {
            "url": response.url,
            "canonical_url": canonicalize_url(response.urljoin(canonical)) if canonical else "",
            "title": first_text(response, self.selectors("title", self.title_css)),
            "body_html": self.body_html(response),
            "published_at": to_iso(published) if published else None,
            "updated_at": to_iso(modified) if modified else None,
            "date_text": date_text,
            "author": first_text(response, self.selectors("author", self.author_css)) or None,
            "tags": unique_texts(response, self.selectors("tags", self.tags_css)),
            "platform_id": self.platform_id(response),
        }

    def body_html(self, response: Response) -> str:
        """The body element's HTML with ``drop_css`` elements removed ('' when none matches)."""
        for css in self.selectors("body", self.body_css):
            found = response.css(css)
            if found:
                return strip_elements(found[0], self.selectors("drop", self.drop_css))
        return ""

    def platform_id(self, response: Response) -> str | None:
        """The platform's own id of the article, when it has one."""
        return None


# -- helpers shared by HTML platforms ---------------------------------------------------------


def first_text(response: Response | Selector, selectors: Iterable[str]) -> str:
    """The first non-empty text any selector yields, whitespace-normalised."""
    for css in selectors:
        for value in response.css(css).getall():
            text = " ".join(Selector(text=f"<x>{value}</x>").css("x *::text, x::text").getall()) \
                if "<" in value else value
            text = " ".join(text.split())
            if text:
                return text
    return ""


def unique_texts(response: Response, selectors: Iterable[str]) -> list[str]:
    """All texts the selectors yield, stripped, without repeats."""
    values = (" ".join(v.split()) for css in selectors for v in response.css(css).getall())
    return list(dict.fromkeys(v for v in values if v))


def first_date(response: Response, selectors: Iterable[str], meta: Iterable[str],
               site: Any) -> Any:
    """The first machine-readable date: JSON-LD, then ``meta`` selectors, then ``selectors``."""
    for value in jsonld_values(response, "datePublished") if meta is META_PUBLISHED else ():
        parsed = parse_iso(value, site.tz)
        if parsed:
            return parsed
    for css in (*meta, *selectors):
        for value in response.css(css).getall():
            parsed = parse_iso(value.strip(), site.tz) if value.strip()[:1].isdigit() else None
            if parsed:
                return parsed
    return None


def jsonld_values(response: Response, key: str) -> list[str]:
    """Values of ``key`` anywhere in the page's JSON-LD blocks (``@graph`` included)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get(key), str):
                found.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for block in response.css('script[type="application/ld+json"]::text').getall():
        try:
            walk(json.loads(block))
        except ValueError:
            continue
    return found


def strip_elements(selector: Selector, drop: Sequence[str]) -> str:
    """The selected element's HTML without the elements matching ``drop``."""
    if not drop:
        return selector.get()
    root = selector.root
    copy = etree.fromstring(etree.tostring(root), parser=etree.HTMLParser()) \
        if not isinstance(root, str) else None
    if copy is None:
        return selector.get()
    sel = Selector(root=copy)
    for css in drop:
        for element in sel.css(css):
            node = element.root
            parent = node.getparent()
            if parent is not None:
                if node.tail:
                    previous = node.getprevious()
                    if previous is not None:
                        previous.tail = (previous.tail or "") + node.tail
                    else:
                        parent.text = (parent.text or "") + node.tail
                parent.remove(node)
    body = sel.css("body > *")
    return "".join(b.get() for b in body) if body else sel.get()
