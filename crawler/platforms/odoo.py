"""Odoo ``website_blog`` sites (tribratanews.polri.go.id), read from the all-blogs listing.

Domain
    ``tribratanews.polri.go.id``, the Divhumas Polri news portal: every Polda's releases in a
    few Odoo blogs (``nasional-3``, ``hukum-4``, ``keamanan-6``, ``none-22``). Post URLs are
    ``/blog/<blog-slug>-<blogid>/<post-slug>-<postid>``; the trailing integer is the post id,
    global and monotonic over all blogs.
Strategy
    ``/blog/page/N`` (12 posts a page, newest first; the main list is
    ``#o_wblog_posts_loop``), each post page fetched, the pager's "Next" link followed. Title
    ``h1#o_wblog_post_name`` inside ``#o_wblog_post_top`` only (the "Read Next" footer has
    another one); body ``div.o_wblog_post_content_field`` (else ``#o_wblog_post_content``)
    without the footer, comments, share block, empty ``.oe_structure`` drop zones and
    breadcrumbs; tags ``a.badge.post_link`` and ``article:tag``. The date is
    ``article:published_time``, which Odoo renders naive **in UTC** (it stores datetimes in
    UTC): it is read as UTC and given in the site's zone.
Incremental
    Two stop rules, either ends the paging: a listing page whose posts are all stored
    (stop-at-seen), or a page whose post ids are all at or below the cursor ``post_id``, the
    highest id the last successful unlimited run saw. Unknown posts on that last page are still
    fetched (a draft created long ago and published today has an old id but sits on top).
    Cards are dated (``time[datetime]``): posts listed more than a day before ``since`` are
    skipped and a page of only such posts ends paging. The first listing page is asked
    conditionally, so a run with nothing new is one ``304``.
Caveats
    The post id is ``platform_id``, so a post whose slug changed (a new URL) is matched to the
    stored row by (site, post id) instead of becoming a second article. The canonical URL is
    the post URL as found, host normalised (the trailing-dot host
    ``tribratanews.polri.go.id.`` was seen in links). The body's lead
    "Tribratanews.polri.go.id - <Place>." is the dateline and the tail editor initials
    "(pt/hn/nm)" are the desk's signature: both are kept as article text, as Blogger credit
    lines are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from functools import cached_property
from typing import Any

from scrapy.http import Request, Response

from crawler.dates import parse_iso, to_iso
from crawler.platforms._listing import PagedListingSpider
from crawler.urls import canonicalize_url

_POST_ID = re.compile(r"/blog/[\w-]+-\d+/[\w-]+-(\d+)/?(?:[?#]|$)")


class OdooSpider(PagedListingSpider):
    """Odoo website_blog: listing pages, post id cursor (see the module docstring)."""

    name = "odoo"
    platform = "odoo"

    article_url_re = _POST_ID
    listing_path = "/blog/page/{page}"
    #: The whole archive is ~9,000 pages deep (106k posts by Sep 2026), so a backfill may page far.
    listing_pages_max = 12_000
    listing_links_css = "#o_wblog_posts_loop article.o_wblog_post"
    listing_date_css = "time::attr(datetime)"
    next_page_css = "ul.pagination li.page-item:last-child a::attr(href)"
    title_css = ("#o_wblog_post_top #o_wblog_post_name",
                 'meta[property="og:title"]::attr(content)')
    body_css = ("div.o_wblog_post_content_field", "#o_wblog_post_content")
    tags_css = ("#o_wblog_post_main a.badge.post_link::text",
                'meta[property="article:tag"]::attr(content)')
    drop_css = ("#o_wblog_post_footer", "#o_wblog_post_comments", ".o_wblog_social_links",
                "nav.breadcrumb", "ol.breadcrumb", ".css_editable_mode_hidden")

    #: The highest post id seen on listing pages this run.
    _newest: int = 0

    @cached_property
    def cursor_floor(self) -> int:
        """The highest post id the last successful unlimited run saw (0: none, or ``full``)."""
        value = self.stored_cursor().get("post_id")
        return int(value) if str(value or "").isdigit() else 0

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """The base listing rules, plus: remember the highest post id, and stop paging at a
        page whose ids are all at or below the cursor."""
        if self.not_modified(response):
            return
        ids = [i for i in map(post_id, self.article_links(response)) if i is not None]
        if ids and self.limit is None:  # a limited run has not seen everything below its ids
            self._newest = max(self._newest, *ids)
            self.advance_cursor(post_id=self._newest)
        below = bool(ids) and max(ids) <= self.cursor_floor
        for result in super().parse_listing(response):
            if below and isinstance(result, Request) and result.callback == self.parse_listing:
                continue
            yield result

    def extract_article(self, response: Response) -> dict[str, Any]:
        fields = super().extract_article(response)
        fields["canonical_url"] = canonicalize_url(response.url)
        for field, prop in (("published_at", "published_time"), ("updated_at", "modified_time")):
            value = odoo_time(response.css(f'meta[property="article:{prop}"]::attr(content)')
                              .get(), self.site.tz)
            if value:
                fields[field] = value
        return fields

    def platform_id(self, response: Response) -> str | None:
        found = post_id(response.url)
        return str(found) if found is not None else None


def post_id(url: str) -> int | None:
    """The post id at the end of an Odoo post URL (``…/judul-berita-85924`` → 85924)."""
    match = _POST_ID.search(url)
    return int(match.group(1)) if match else None


def odoo_time(value: str | None, tz: tzinfo) -> str | None:
    """An Odoo datetime (naive means UTC, as Odoo renders them) in ``tz``, ISO with offset."""
    parsed = parse_iso(value.strip(), default_tz=UTC) if value and value.strip() else None
    if not isinstance(parsed, datetime):
        return None
    return to_iso(parsed.astimezone(tz))
