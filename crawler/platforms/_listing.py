"""Listing pages read the way a visitor reads them: the main list only, the site's own pager.

:class:`PagedListingSpider` is an :class:`~crawler.platforms.html.HtmlArticleSpider` whose
listing pages are scoped and paged declaratively:

* ``listing_links_css`` picks the elements (anchors, or containers of anchors) of the main
  article list, so "popular", "read next" and footer links on a listing page neither count for
  stop-at-seen nor get fetched from the wrong page. When it matches nothing (a customised
  theme), every link on the page counts, as in the base class.
* ``next_page_css`` reads the pager's "next" link, so paging ends at the last page the site
  has (no request for an empty page past the end); without it, pages are numbered as in the
  base class (``listing_path`` with page + 1). ``listing_pages_max`` caps both.
* ``listing_date_css`` reads each list item's date (machine-readable or Indonesian text):
  items listed more than a day before ``since`` are not fetched, and a page holding only such
  items ends paging, so ``--since 7d`` on a deep archive reads a few pages, not all of them.
  (A day of slack, because listings often show the day without the time.)

A registry row can override both with ``[site.options.selectors]`` keys ``listing_links`` and
``next_page``. The class has no ``name``, so Scrapy never lists it as a spider of its own.
"""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from parsel import Selector
from scrapy.http import Response

from crawler.dates import parse_indonesian, parse_iso
from crawler.platforms.html import HtmlArticleSpider


class PagedListingSpider(HtmlArticleSpider):
    """Listing links from the main list only, next page from the site's pager."""

    #: The main list's anchors, or elements holding them ("a" = every link on the page).
    listing_links_css: ClassVar[str] = "a"
    #: The pager's next link, with ``::attr(href)``; "" numbers pages instead.
    next_page_css: ClassVar[str] = ""
    #: Within a list item, its date (``::text`` or ``::attr(...)``); "" when items show none.
    listing_date_css: ClassVar[str] = ""

    def article_links(self, response: Response) -> list[str]:
        """Article URLs of the main list within the window, in page order, without repeats."""
        scope = ", ".join(self.selectors("listing_links", (self.listing_links_css,)))
        items = response.css(scope)
        nodes = [n for n in items if not self.listed_before_window(n)] if items else \
            response.css("html")
        links = (response.urljoin(href.strip()) for node in nodes
                 for href in node.css("a::attr(href)").getall())
        return list(dict.fromkeys(u for u in links if self.article_url_re.search(u)))

    def listed_before_window(self, item: Selector) -> bool:
        """Whether a list item's date is more than a day before ``since``."""
        if self.since is None or not self.listing_date_css:
            return False
        value = " ".join(item.css(self.listing_date_css).getall()).strip()
        listed = (parse_iso(value, self.site.tz) if value[:1].isdigit()
                  else parse_indonesian(value, self.site.tz))
        return listed is not None and listed < self.since - timedelta(days=1)

    def next_listing(self, response: Response) -> str | None:
        """The pager's next link (None on the last page), or the numbered next page."""
        pager = ", ".join(self.selectors("next_page", (self.next_page_css,) if
                                         self.next_page_css else ()))
        if not pager:
            return super().next_listing(response)
        if int(response.meta.get("page", 1)) >= self.listing_pages_max:
            return None
        href = response.css(pager).get()
        return response.urljoin(href.strip()) if href and href.strip() else None
