"""Blogger blogs (``*.blogspot.com`` and custom domains), read through the feed API.

Domain
    Polres humas blogs (humaspolresmetro.com, humaspolresnganjuk.blogspot.com, …) and ~20
    local portals that reprint police releases.
Strategy
    ``/feeds/posts/default?alt=json&orderby=published&max-results=150[&published-min=…]``,
    then every ``rel=next`` link until a page has no ``entry`` — even when ``next`` points at
    another host (custom-domain blogs page through ``www.blogger.com/feeds/<blogId>/…``).
    The page size the server answers with is never assumed. Full feeds give the whole post,
    so no post page is fetched; for summary-only feeds (blog setting "Short") each post page
    is fetched and its ``div.post-body`` used — unless the stored article has the entry's
    update time already. Atom answers are read too.
Incremental
    ``orderby=updated&updated-min`` = watermark − overlap: one question that returns both the
    posts published since and older posts edited since (a new post's update time is its
    publication time or later). A run with nothing new is one request, answered 304 when the
    feed did not change. An explicit ``since``/``until`` asks ``published-min``/``-max``.
Caveats
    The post id (``tag:blogger.com,1999:blog-<blogId>.post-<postId>``) identifies a post
    across URL variants (``?m=1``, http/https, blogspot alias of a custom domain).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree
from scrapy.http import Request, Response

from crawler.dates import parse_iso, to_iso
from crawler.platforms.base import PlatformSpider
from crawler.urls import canonicalize_url

_POST_ID = re.compile(r"\.post-(\d+)$")
_ATOM = {"a": "http://www.w3.org/2005/Atom", "os": "http://a9.com/-/spec/opensearchrss/1.0/"}
#: An XML parser that never expands entities or reads anything beyond the document.
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                            load_dtd=False)
_BODY_SELECTORS = ('[id^="post-body-"]', ".post-body.entry-content", ".post-body",
                   ".entry-content")


class BloggerSpider(PlatformSpider):
    """Blogger blogs through the JSON/Atom feed API (see the module docstring)."""

    name = "blogger"
    platform = "blogger"
    #: ``max-results`` asked for; Blogger may answer with fewer (25, 50, 100 were all seen).
    page_size = 150

    def entry_requests(self) -> Iterable[Request]:
        params: dict[str, Any] = {"alt": "json", "orderby": "published",
                                  "max-results": self.page_size}
        if self.incremental and self.since is not None:
            params.update({"orderby": "updated", "updated-min": to_iso(self.since)})
        elif self.since is not None:
            params["published-min"] = to_iso(self.since)
        if self.until is not None:
            params["published-max"] = to_iso(self.until)
        feed = self.site.options.get("feed_url") or f"{self.site.url}/feeds/posts/default"
        yield self.request(f"{feed}?{urlencode(params)}", self.parse_feed,
                           meta={"conditional_get": True})

    # -- feed pages -----------------------------------------------------------------------

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """One feed page: its posts, then the next page."""
        if self.not_modified(response):
            return
        page = self._read_feed(response)
        if page is None:
            return
        entries, next_url = page
        summaries = [(e["url"], parse_iso(e["updated"])) for e in entries if not e["content"]]
        unchanged = self.unchanged_since_stored(summaries)
        for entry in entries:
            if not self.want_more():
                return
            when = parse_iso(entry["updated" if self.incremental else "published"])
            if not self.in_window(when):
                continue
            if entry["content"]:
                yield self._item(response, entry, entry["content"], summary_only=False)
            elif entry["url"] and entry["url"] not in unchanged:
                yield self.request(entry["url"], self.parse_post_page, meta={"entry": entry})
        if entries and next_url and self.want_more():
            yield self.request(_keep_json(next_url), self.parse_feed)

    def _read_feed(self, response: Response) -> tuple[list[dict[str, Any]], str | None] | None:
        body = response.body.lstrip()
        if body[:1] in (b"{", b"["):
            try:
                data = json.loads(response.text)
            except ValueError as exc:
                self.fail(f"feed is not valid JSON ({exc}) at {response.url}")
                return None
            feed = data.get("feed") if isinstance(data, dict) else None
            if not isinstance(feed, dict):
                self.fail(f"not a Blogger feed (no 'feed' object) at {response.url}")
                return None
            return _json_entries(feed), _json_next(feed)
        if body[:1] == b"<" and b"<feed" in body[:2000]:
            try:
                root = etree.fromstring(response.body, parser=_SAFE_XML)
            except etree.XMLSyntaxError as exc:
                self.fail(f"feed is not well-formed XML ({exc}) at {response.url}")
                return None
            return _atom_entries(root), _atom_next(root)
        kind = response.headers.get(b"Content-Type", b"?").decode("latin-1")
        self.fail(f"did not answer with a Blogger feed (got {kind}; is this really a Blogger "
                  f"site, with its feed turned on?) at {response.url}")
        return None

    # -- post pages (summary-only feeds) ------------------------------------------------------

    def parse_post_page(self, response: Response) -> Iterator[Any]:
        """A post page, fetched only because the feed carried a summary."""
        entry: dict[str, Any] = response.meta["entry"]
        body = None
        for selector in _BODY_SELECTORS:
            found = response.css(selector)
            if found:
                body = found[0].get()
                break
        if body is None:
            self.fail(f"{response.url}: no post body found "
                      f"(looked for {', '.join(_BODY_SELECTORS)})")
            return
        yield self._item(response, entry, body, summary_only=False)

    # -- items ----------------------------------------------------------------------------

    def _item(self, response: Response, entry: dict[str, Any], body_html: str, *,
              summary_only: bool) -> Any:
        url = entry["url"] or response.url
        return self.article(
            response,
            url=url,
            canonical_url=canonicalize_url(url),
            title=entry["title"],
            published_at=_iso_or_none(entry["published"]),
            updated_at=_iso_or_none(entry["updated"]),
            author=entry["author"],
            tags=entry["labels"],
            body_html=body_html,
            images=[entry["thumbnail"]] if entry["thumbnail"] else [],
            platform_id=entry["post_id"],
            summary_only=summary_only,
        )


# -- feed readers (pure functions, tested on their own) ---------------------------------------


def _json_entries(feed: dict[str, Any]) -> list[dict[str, Any]]:
    """Normalised entries of a GData-JSON feed object (``entry`` is absent on empty pages)."""
    out = []
    for entry in feed.get("entry") or []:
        links = entry.get("link") or []
        authors = entry.get("author") or [{}]
        out.append({
            "post_id": _post_id(_t(entry.get("id"))),
            "title": _t(entry.get("title")).strip(),
            "published": _t(entry.get("published")),
            "updated": _t(entry.get("updated")),
            "content": _t(entry.get("content")),
            "summary": _t(entry.get("summary")),
            "url": next((link.get("href", "") for link in links
                         if link.get("rel") == "alternate"), ""),
            "author": _t(authors[0].get("name")) or None,
            "labels": [c.get("term", "") for c in entry.get("category") or [] if c.get("term")],
            "thumbnail": (entry.get("media$thumbnail") or {}).get("url"),
        })
    return out


def _json_next(feed: dict[str, Any]) -> str | None:
    return next((link.get("href") for link in feed.get("link") or []
                 if link.get("rel") == "next"), None)


def _atom_entries(root: etree._Element) -> list[dict[str, Any]]:
    out = []
    for entry in root.iterfind("a:entry", _ATOM):
        out.append({
            "post_id": _post_id(entry.findtext("a:id", "", _ATOM)),
            "title": (entry.findtext("a:title", "", _ATOM) or "").strip(),
            "published": entry.findtext("a:published", "", _ATOM),
            "updated": entry.findtext("a:updated", "", _ATOM),
            "content": entry.findtext("a:content", "", _ATOM),
            "summary": entry.findtext("a:summary", "", _ATOM),
            "url": next((link.get("href", "") for link in entry.iterfind("a:link", _ATOM)
                         if link.get("rel") == "alternate"), ""),
            "author": entry.findtext("a:author/a:name", None, _ATOM),
            "labels": [c.get("term") for c in entry.iterfind("a:category", _ATOM)
                       if c.get("term")],
            "thumbnail": next((el.get("url") for el in entry
                               if isinstance(el.tag, str) and el.tag.endswith("thumbnail")), None),
        })
    return out


def _atom_next(root: etree._Element) -> str | None:
    return next((link.get("href") for link in root.iterfind("a:link", _ATOM)
                 if link.get("rel") == "next"), None)


def _t(node: Any) -> str:
    """The text of a GData-JSON node (``{"$t": "…"}``)."""
    if isinstance(node, dict):
        return str(node.get("$t", ""))
    return "" if node is None else str(node)


def _post_id(entry_id: str) -> str | None:
    match = _POST_ID.search(entry_id or "")
    return match.group(1) if match else None


def _iso_or_none(value: str) -> str | None:
    parsed = parse_iso(value) if value else None
    return to_iso(parsed) if parsed else None


def _keep_json(url: str) -> str:
    """A ``next`` link with ``alt=json`` kept (Blogger sometimes drops it)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if query.get("alt") != "json" and "alt" not in query:
        query["alt"] = "json"
    return urlunsplit(parts._replace(query=urlencode(query)))
