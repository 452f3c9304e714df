"""WordPress sites (tribratanews on WordPress, Polres humas sites, local portals).

Domain
    Legacy ``tribratanews.*`` sites, some Polda tribratanews, Polres humas sites and local
    portals that reprint police releases; self-hosted WordPress with Astra, JNews, tagDiv
    Newspaper or GeneratePress themes.
Strategy
    Chosen per site at run time, best first, and remembered in the site's cursor
    (``mode`` = ``rest`` | ``feed`` | ``sitemap``):

    1. **REST**: ``/wp-json/wp/v2/posts?per_page=100&page=N&orderby=date&order=desc&_embed=1``
       paged by the ``X-WP-TotalPages`` header (without it: ``Link: rel="next"``, else the next
       page number), ending on an empty page or WordPress's 400 ``rest_post_invalid_page_number``.
       ``_embed`` carries the author and the category/tag names, so one request gives 100
       complete articles. ``date_gmt`` (UTC without a ``Z``) is turned into the site's zone.
    2. **RSS** when REST is off (a 4xx answer such as 401 ``rest_not_logged_in`` or 403
       ``rest_cannot_access``, HTML or anything that is not a JSON list, or robots.txt forbids
       it): ``/feed/`` then ``/feed/?paged=N``; items with ``content:encoded`` are articles.
    3. **Sitemaps** when the feed is missing or carries excerpts only: ``/wp-sitemap.xml``
       (core) or ``/sitemap_index.xml`` (Yoast, Rank Math); its post sitemaps are read
       highest number first (core lists posts by ID ascending, so the newest are in the last
       one) and each new URL's page is parsed with WordPress selectors.

    Falling back is logged at INFO and is not an error: the run stays ``ok``.
Incremental
    REST asks ``orderby=modified&modified_after=<since>`` (watermark − overlap, in the site's
    zone): posts published since and older posts edited since, in one question, so a run with
    nothing new is one request (a 304 when the server sends ETags). WordPress before 5.7
    ignores ``modified_after``; paging then stops at the first post edited before ``since``.
    An explicit ``since``/``until`` asks ``after``/``before`` (publication dates). The feed
    stops at the first page that reaches an item older than ``since``; sitemaps stop at the
    first post sitemap with no unknown URL (stop-at-seen). A site found without REST is not
    asked again for :attr:`WordPressSpider.rest_reprobe_days` (7) days; then the REST → feed
    → sitemap probe runs again, so a site that turned its API back on is noticed within a
    week. ``full=1`` forgets the stored mode.
Caveats
    The post ID (REST ``id``, RSS ``guid ?p=<ID>``, the shortlink or ``postid-<ID>`` on a page)
    is the platform id, so a post whose permalink changed is still one article. Sites without
    pretty permalinks (``/?rest_route=``) are read through the feed. Password-protected and
    empty posts are skipped. 5xx answers and network failures are errors, not fallbacks.
    A registry row may name the entry points in ``[site.options]``: ``rest_url`` (e.g.
    ``https://…/?rest_route=/wp/v2/posts``), ``feed_url``, ``sitemap_url`` (an index or a
    single post sitemap).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, ClassVar
from urllib.parse import urlencode

from lxml import etree
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.dates import parse_iso, parse_rfc822, to_iso
from crawler.platforms.html import SAFE_XML, HtmlArticleSpider
from crawler.urls import canonicalize_url

#: Answers that mean "this entry point is not available here" (a reason to fall back).
UNAVAILABLE_STATUSES = [400, 401, 403, 404, 405, 406, 410, 451]
#: Answers that end paging past the last page.
PAST_END_STATUSES = [400, 404, 410]

_NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "com-wordpress:feed-additions:1",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
}
_TAG = re.compile(r"<[^>]*>")
_POST_ID_IN_URL = re.compile(r"[?&]p=(\d+)")
_POSTID_CLASS = re.compile(r"\bpostid-(\d+)\b")
_LINK_NEXT = re.compile(r'<([^>]+)>\s*;[^,]*\brel="?next"?', re.I)
_POST_SITEMAP = re.compile(r"(?:wp-sitemap-posts-post-|/post-sitemap|/sitemap-pt-post-)"
                           r"([\d-]*)\.xml", re.I)


class WordPressSpider(HtmlArticleSpider):
    """WordPress through its REST API, else its RSS feed, else its sitemaps (see the module
    docstring)."""

    name = "wordpress"
    platform = "wordpress"

    # -- with respect to the REST API ---------------------------------------------------------
    #: Posts asked per REST page (WordPress's maximum).
    per_page: ClassVar[int] = 100
    #: Days a site found without REST is crawled in its fallback mode before REST is re-probed.
    rest_reprobe_days: ClassVar[float] = 7.0

    # -- with respect to article pages (sitemap mode; HtmlArticleSpider) ----------------------
    #: Post sitemaps list posts only, whatever their permalink structure.
    article_url_re = re.compile(r"^https?://")
    title_css = ("h1.entry-title", "h1.jeg_post_title", "h1.tdb-title-text", "h1.post-title",
                 'meta[property="og:title"]::attr(content)', "h1", "title::text")
    body_css = ("div.entry-content", "div.td-post-content", "div.content-inner",
                "div.post-content", "article")
    date_css = ("time.entry-date::attr(datetime)", ".jeg_meta_date a::text",
                ".td-post-date time::attr(datetime)", ".posted-on time::text")
    author_css = (".byline .author a", ".author.vcard a", ".jeg_meta_author a",
                  ".td-post-author-name a", 'meta[name="author"]::attr(content)')
    tags_css = (".cat-links a::text", ".tags-links a::text", ".jeg_meta_category a::text",
                ".jeg_post_tags a::text", ".td-category a::text", ".td-tags a::text",
                'meta[property="article:tag"]::attr(content)')
    drop_css = ("#jp-relatedposts", ".sharedaddy", ".sd-sharing", ".jp-relatedposts",
                ".post-navigation", ".nav-links", "#comments", "#respond", ".comments-area",
                ".post-views", ".pvc_stats", ".jeg_share_top_container",
                ".jeg_share_bottom_container", ".jeg_share_button", ".jeg_post_tags",
                ".td-post-sharing", ".td-post-sharing-top", ".td-post-sharing-bottom",
                ".td-post-next-prev", ".td-a-rec", ".addtoany_share_save_container",
                ".wp-block-buttons", "script", "style", "ins.adsbygoogle")

    # -- the mode -----------------------------------------------------------------------------

    def entry_requests(self) -> Iterable[Request]:
        mode = self.start_mode(self.stored_cursor())
        if mode == "rest":
            self.advance_cursor(rest_probed_at=to_iso(self.now().astimezone(UTC)))
            yield self.rest_request(self.rest_url(1), 1)
        elif mode == "feed":
            yield self.feed_request(1)
        else:
            yield from self.sitemap_requests()

    def start_mode(self, cursor: dict[str, Any]) -> str:
        """``rest`` unless the last successful run fell back and REST was probed recently."""
        stored = cursor.get("mode")
        probed = parse_iso(cursor.get("rest_probed_at"))
        if stored in ("feed", "sitemap") and probed is not None and \
                self.now() - probed < timedelta(days=self.rest_reprobe_days):
            self.logger.info("%s: mode %s (REST was unavailable on %s; re-probed after %g days)",
                             self.site.id, stored, to_iso(probed), self.rest_reprobe_days)
            return str(stored)
        self.logger.info("%s: mode rest (probing %s)", self.site.id, self.rest_url(1))
        return "rest"

    @staticmethod
    def now() -> datetime:
        """The current time (UTC); a hook for tests of the re-probe interval."""
        return datetime.now(UTC)

    def fall_back(self, channel: str, reason: str, then: str) -> Iterator[Request]:
        """Log why ``channel`` is not used and start the next mode (``feed`` or ``sitemap``)."""
        self.logger.info("%s: %s unavailable (%s); mode %s", self.site.id, channel, reason, then)
        if then == "feed":
            yield self.feed_request(1)
        else:
            yield from self.sitemap_requests()

    def probe_error(self, failure: Failure) -> Iterator[Request]:
        """Errback of a probe: robots.txt forbidding an entry point is a reason to fall back;
        anything else (5xx, timeouts, DNS) is an error of the site."""
        request = failure.request  # type: ignore[attr-defined]
        then = request.meta.get("fallback")
        if failure.check(IgnoreRequest) and not failure.check(HttpError) and then:
            yield from self.fall_back(request.meta["channel"], "forbidden by robots.txt", then)
            return
        self.on_error(failure)

    # -- REST ---------------------------------------------------------------------------------

    def rest_url(self, page: int) -> str:
        """The REST posts URL of page ``page`` within the crawl window."""
        per_page = min(self.per_page, self.limit) if self.limit else self.per_page
        params: dict[str, Any] = {"per_page": per_page, "page": page, "orderby": "date",
                                  "order": "desc", "_embed": 1}
        if self.since is not None and self.incremental:
            params.update(orderby="modified",
                          modified_after=to_iso(self.since.astimezone(self.site.tz)))
        elif self.since is not None:
            params["after"] = to_iso(self.since.astimezone(self.site.tz))
        if self.until is not None:
            params["before"] = to_iso(self.until.astimezone(self.site.tz))
        base = self.site.options.get("rest_url") or f"{self.site.url}/wp-json/wp/v2/posts"
        return with_query(base, params)

    def rest_request(self, url: str, page: int) -> Request:
        if page == 1:
            return Request(url, callback=self.parse_rest, errback=self.probe_error, meta={
                "page": 1, "conditional_get": True, "channel": "REST API", "fallback": "feed",
                "handle_httpstatus_list": UNAVAILABLE_STATUSES})
        return self.request(url, self.parse_rest, meta={
            "page": page, "handle_httpstatus_list": PAST_END_STATUSES})

    def parse_rest(self, response: Response) -> Iterator[Any]:
        """A page of REST posts: 100 articles and the next page; on page 1, the fallback to the
        feed when the API is not there."""
        page = int(response.meta.get("page", 1))
        if self.not_modified(response):
            self.advance_cursor(mode="rest")
            return
        posts, problem = read_rest_page(response)
        if posts is None:
            if page == 1:
                yield from self.fall_back("REST API", problem, "feed")
            elif not is_past_end(response):
                self.fail(f"REST page {problem} at {response.url}")
            return
        if page == 1:
            self.advance_cursor(mode="rest")
        dates = []
        for post in posts:
            fields = rest_post_fields(post, self.site.tz)
            if isinstance(fields, str):
                self.fail(f"unusable REST post: {fields} at {response.url}")
            elif fields is not None:
                when = parse_iso(fields["updated_at" if self.incremental else "published_at"])
                dates.append(when)
                if not self.want_more():
                    return
                if self.in_window(when):
                    yield self.article(response, **fields)
        if posts and not self.passed_since(dates) and self.want_more():
            next_url = self.next_rest_url(response, page, len(posts))
            if next_url:
                yield self.rest_request(next_url, page + 1)

    def passed_since(self, dates: list[datetime | None]) -> bool:
        """True when a page (newest first) reached a date before ``since``: later pages are
        all older, paging stops (also when a server ignored ``after``/``modified_after``)."""
        return self.since is not None and any(d is not None and d < self.since for d in dates)

    def next_rest_url(self, response: Response, page: int, count: int) -> str | None:
        """Page ``page + 1`` while ``X-WP-TotalPages`` says there is one; without the header
        the ``Link: rel="next"`` URL, else (neither) the next number until an empty page."""
        total = header_int(response, "X-WP-TotalPages")
        if total is not None:
            return self.rest_url(page + 1) if page < total else None
        link = link_next(response)
        if link:
            return response.urljoin(link)
        return self.rest_url(page + 1) if count else None

    # -- RSS ----------------------------------------------------------------------------------

    def feed_url(self, page: int) -> str:
        base = self.site.options.get("feed_url") or f"{self.site.url}/feed/"
        return base if page == 1 else with_query(base, {"paged": page})

    def feed_request(self, page: int) -> Request:
        if page == 1:
            return Request(self.feed_url(1), callback=self.parse_feed, errback=self.probe_error,
                           meta={"page": 1, "conditional_get": True, "channel": "RSS feed",
                                 "fallback": "sitemap",
                                 "handle_httpstatus_list": UNAVAILABLE_STATUSES})
        return self.request(self.feed_url(page), self.parse_feed,
                            meta={"page": page, "handle_httpstatus_list": PAST_END_STATUSES})

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """A page of the RSS feed: full items become articles; excerpt-only feeds (or none)
        send the crawl to the sitemaps."""
        page = int(response.meta.get("page", 1))
        if self.not_modified(response):
            self.advance_cursor(mode="feed")
            return
        items, problem = read_rss_page(response, self.site.tz)
        if items is None:
            if page == 1:
                yield from self.fall_back("RSS feed", problem, "sitemap")
            elif not is_past_end(response):
                self.fail(f"feed page {problem} at {response.url}")
            return
        if page == 1:
            if items and not any(item["body_html"] for item in items):
                yield from self.fall_back("RSS feed", "it carries excerpts only", "sitemap")
                return
            self.advance_cursor(mode="feed")
        for item in items:
            if not self.want_more():
                return
            if not self.in_window(parse_iso(item["published_at"])):
                continue
            if item["body_html"]:
                yield self.article(response, **item)
            elif item["url"]:
                yield self.request(item["url"], self.parse_article)
        dates = [parse_iso(item["published_at"]) for item in items]
        if items and not self.passed_since(dates) and self.want_more():
            yield self.feed_request(page + 1)

    # -- sitemaps -----------------------------------------------------------------------------

    def sitemap_requests(self) -> Iterator[Request]:
        """The site's ``options.sitemap_url`` (an index or a post sitemap), else the first
        index candidate; the others are tried in turn when it is absent."""
        if self.site.options.get("sitemap_url"):
            yield self.sitemap_index_request([self.site.options["sitemap_url"]], plain_ok=True)
            return
        yield self.sitemap_index_request([self.site.url + path for path in
                                          ("/wp-sitemap.xml", "/sitemap_index.xml",
                                           "/sitemap.xml")])

    def sitemap_index_request(self, candidates: list[str], plain_ok: bool = False) -> Request:
        return Request(candidates[0], callback=self.parse_sitemap_index,
                       errback=self.probe_error,
                       meta={"candidates": candidates[1:], "channel": "sitemap",
                             "plain_ok": plain_ok,
                             "handle_httpstatus_list": UNAVAILABLE_STATUSES})

    def parse_sitemap_index(self, response: Response) -> Iterator[Any]:
        """A sitemap index: its post sitemaps, newest (highest number) first. A plain sitemap
        is read as the post sitemap only when the site's options name it (a guessed
        ``/sitemap.xml`` may list pages and categories too)."""
        candidates: list[str] = response.meta.get("candidates", [])
        root = read_xml(response) if response.status == 200 else None
        kind = etree.QName(root).localname if root is not None else None
        if kind not in ("sitemapindex", "urlset") or (
                kind == "urlset" and not response.meta.get("plain_ok")):
            if candidates:
                yield self.sitemap_index_request(candidates)
            else:
                self.fail("no REST API, full RSS feed or sitemap answers, so the posts "
                          f"cannot be listed (HTTP {response.status} at {response.url})")
            return
        self.advance_cursor(mode="sitemap")
        if kind == "urlset":
            yield from self.parse_post_sitemap(response)
            return
        sitemaps = post_sitemaps([loc.text or "" for loc in root.iter(f"{{{_NS['sm']}}}loc")])
        if not sitemaps:
            self.fail(f"sitemap index lists no post sitemap at {response.url}")
            return
        self.logger.info("%s: mode sitemap (%s, %d post sitemaps)", self.site.id, response.url,
                         len(sitemaps))
        yield self.request(sitemaps[0], self.parse_post_sitemap, meta={"older": sitemaps[1:]})

    def parse_post_sitemap(self, response: Response) -> Iterator[Any]:
        """A post sitemap: article pages of its unknown URLs; the next (older) sitemap only
        while this one had any (stop-at-seen)."""
        fresh = list(self.parse_sitemap(response))
        yield from fresh
        older: list[str] = response.meta.get("older", [])
        if fresh and older and self.want_more():
            yield self.request(older[0], self.parse_post_sitemap, meta={"older": older[1:]})

    # -- article pages ------------------------------------------------------------------------

    def platform_id(self, response: Response) -> str | None:
        """The post ID: shortlink ``?p=<ID>``, body class ``postid-<ID>`` or ``#post-<ID>``."""
        shortlink = response.css('link[rel="shortlink"]::attr(href)').get() or ""
        match = _POST_ID_IN_URL.search(shortlink) or _POSTID_CLASS.search(
            response.css("body::attr(class)").get() or "")
        if match:
            return match.group(1)
        article_id = response.css("article::attr(id)").re_first(r"^post-(\d+)$")
        return article_id or None


# -- readers (pure functions, tested on their own) --------------------------------------------


def read_rest_page(response: Response) -> tuple[list[Any] | None, str]:
    """The post objects of a REST answer, or None and why it is not a REST page."""
    if response.status != 200:
        code = json_error_code(response)
        return None, f"answered HTTP {response.status}" + (f" {code}" if code else "")
    body = response.body.lstrip()
    if body[:1] not in (b"[", b"{"):
        kind = response.headers.get(b"Content-Type", b"?").decode("latin-1")
        return None, f"answered {kind}, not JSON"
    try:
        data = json.loads(body)
    except ValueError as exc:
        return None, f"is not valid JSON ({exc})"
    if not isinstance(data, list):
        code = data.get("code") if isinstance(data, dict) else None
        return None, "answered JSON without a list of posts" + (f" ({code})" if code else "")
    return data, ""


def rest_post_fields(post: Any, tz: tzinfo) -> dict[str, Any] | str | None:
    """ArticleItem fields of one REST post object; None for a post to skip (password-protected
    or empty), a readable problem for an unusable one."""
    if not isinstance(post, dict):
        return f"a post is {type(post).__name__}, not an object"
    link = post.get("link")
    if not isinstance(link, str) or not link.startswith(("http://", "https://")):
        return f"post {post.get('id')!r} has no link"
    content = post.get("content") if isinstance(post.get("content"), dict) else {}
    body = content.get("rendered") or ""
    if content.get("protected") or not body.strip():
        return None
    published = wp_time(post.get("date_gmt"), post.get("date"), tz)
    modified = wp_time(post.get("modified_gmt"), post.get("modified"), tz)
    embedded = post.get("_embedded") if isinstance(post.get("_embedded"), dict) else {}
    return {
        "url": link,
        "canonical_url": canonicalize_url(link),
        "title": plain_text(_rendered(post.get("title"))),
        "body_html": body,
        "published_at": published,
        "updated_at": modified,
        "author": embedded_author(embedded),
        "tags": embedded_terms(embedded),
        "images": featured_images(post, embedded),
        "platform_id": str(post["id"]) if post.get("id") is not None else None,
    }


def wp_time(gmt: Any, local: Any, tz: tzinfo) -> str | None:
    """A WordPress time in the site's zone: ``*_gmt`` is UTC without a ``Z``; the local value
    (no offset) is the fallback when the GMT one is missing or ``0000-00-00…`` (drafts)."""
    utc = parse_iso(gmt, UTC) if isinstance(gmt, str) else None
    if utc is not None:
        return to_iso(utc.astimezone(tz))
    own = parse_iso(local, tz) if isinstance(local, str) else None
    return to_iso(own) if own is not None else None


def embedded_author(embedded: dict[str, Any]) -> str | None:
    authors = embedded.get("author")
    first = authors[0] if isinstance(authors, list) and authors else None
    name = first.get("name") if isinstance(first, dict) else None
    return (plain_text(name) or None) if isinstance(name, str) else None


def embedded_terms(embedded: dict[str, Any]) -> list[str]:
    """Category then tag names from ``_embedded["wp:term"]`` (other taxonomies ignored)."""
    names: list[str] = []
    for group in embedded.get("wp:term") or []:
        for term in group if isinstance(group, list) else []:
            if isinstance(term, dict) and term.get("taxonomy") in ("category", "post_tag") \
                    and isinstance(term.get("name"), str):
                names.append(plain_text(term["name"]))
    return list(dict.fromkeys(n for n in names if n))


def featured_images(post: dict[str, Any], embedded: dict[str, Any]) -> list[str]:
    media = embedded.get("wp:featuredmedia")
    first = media[0] if isinstance(media, list) and media else {}
    urls = [first.get("source_url") if isinstance(first, dict) else None,
            post.get("jetpack_featured_media_url")]
    return list(dict.fromkeys(u for u in urls if isinstance(u, str) and u.startswith("http")))


def read_rss_page(response: Response,
                  tz: tzinfo) -> tuple[list[dict[str, Any]] | None, str]:
    """ArticleItem fields of an RSS 2.0 page's items (``body_html`` '' for excerpt-only items;
    times in the site's zone ``tz``), or None and why it is not a feed."""
    if response.status != 200:
        return None, f"answered HTTP {response.status}"
    root = read_xml(response)
    if root is None or root.tag != "rss" or root.find("channel") is None:
        kind = response.headers.get(b"Content-Type", b"?").decode("latin-1")
        return None, f"answered {kind}, not an RSS feed"
    items = []
    for item in root.iterfind("channel/item"):
        link = (item.findtext("link") or "").strip()
        published = parse_rfc822((item.findtext("pubDate") or "").strip())
        guid = item.findtext("guid") or ""
        post_id = item.findtext("wp:post-id", None, _NS)
        match = _POST_ID_IN_URL.search(guid)
        items.append({
            "url": link,
            "canonical_url": canonicalize_url(link) if link else "",
            "title": plain_text(item.findtext("title") or ""),
            "body_html": (item.findtext("content:encoded", "", _NS) or "").strip(),
            "published_at": to_iso(published.astimezone(tz)) if published else None,
            "author": plain_text(item.findtext("dc:creator", "", _NS)) or None,
            "tags": list(dict.fromkeys(plain_text(c.text or "") for c in item.iterfind("category")
                                       if (c.text or "").strip())),
            "platform_id": (post_id or "").strip() or (match.group(1) if match else None),
        })
    return items, ""


def read_xml(response: Response) -> etree._Element | None:
    """The XML root of an answer (entities and network off), None when it is not XML."""
    body = response.body.lstrip(b"\xef\xbb\xbf \t\r\n")  # a BOM or blank lines before <?xml
    if body[:1] != b"<":
        return None
    try:
        root = etree.fromstring(body, parser=SAFE_XML)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


def post_sitemaps(locs: Iterable[str]) -> list[str]:
    """Post sitemaps of a sitemap index, highest number (newest posts) first: core
    ``wp-sitemap-posts-post-N.xml``, Yoast ``post-sitemap.xml``/``post-sitemapN.xml``,
    Rank Math ``post-sitemapN.xml``, Google XML Sitemaps ``sitemap-pt-post-YYYY-MM.xml``."""
    found = []
    for loc in locs:
        match = _POST_SITEMAP.search(loc.strip())
        if match:
            found.append((int(match.group(1).replace("-", "") or 1), loc.strip()))
    return [loc for _, loc in sorted(found, key=lambda pair: pair[0], reverse=True)]


# -- small helpers -----------------------------------------------------------------------------


def plain_text(value: str) -> str:
    """Rendered WordPress text (``&#8211;``, ``&amp;``, stray tags) as plain text."""
    return " ".join(html.unescape(_TAG.sub("", value or "")).split())


def _rendered(node: Any) -> str:
    if isinstance(node, dict):
        node = node.get("rendered")
    return node if isinstance(node, str) else ""


def with_query(url: str, params: dict[str, Any]) -> str:
    """``url`` with ``params`` added to the query it may already have (``/?feed=rss2``)."""
    return f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"


def header_int(response: Response, name: str) -> int | None:
    value = response.headers.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def link_next(response: Response) -> str | None:
    """The ``rel="next"`` URL of the response's ``Link`` headers."""
    for value in response.headers.getlist(b"Link"):
        match = _LINK_NEXT.search(value.decode("latin-1"))
        if match:
            return match.group(1)
    return None


def json_error_code(response: Response) -> str | None:
    """The ``code`` of a WordPress JSON error (``rest_not_logged_in``, …), if it is one."""
    try:
        data = json.loads(response.body)
    except ValueError:
        return None
    code = data.get("code") if isinstance(data, dict) else None
    return code if isinstance(code, str) else None


def is_past_end(response: Response) -> bool:
    """A 400 ``rest_post_invalid_page_number`` or a 404/410: paging went past the last page."""
    if response.status in (404, 410):
        return True
    return response.status == 400 and json_error_code(response) == \
        "rest_post_invalid_page_number"

