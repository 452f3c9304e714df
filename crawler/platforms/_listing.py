"""Listing pages read the way a visitor reads them: the main list only, the site's own pager.

:class:`PagedListingSpider` is an :class:`~crawler.platforms.html.HtmlArticleSpider` whose
listing pages are scoped and paged declaratively:

* ``listing_links_css`` picks the elements (anchors, or containers of anchors) of the main
  article list, so "popular", "read next" and footer links on a listing page neither count for
  stop-at-seen nor get fetched from the wrong page;
* ``next_page_css`` reads the pager's "next" link, so paging ends at the last page the site
  has (no request for an empty page past the end); without it, pages are numbered as in the
  base class (``listing_path`` with page + 1).

It has no ``name``, so Scrapy never lists it as a spider of its own.
"""

from __future__ import annotations

from typing import ClassVar

from scrapy.http import Response

from crawler.platforms.html import HtmlArticleSpider


class PagedListingSpider(HtmlArticleSpider):
    """Listing links from the main list only, next page from the site's pager."""

    #: The main list's anchors, or elements holding them ("a" = every link on the page).
    listing_links_css: ClassVar[str] = "a"
    #: The pager's next link, with ``::attr(href)``; "" numbers pages instead.
    next_page_css: ClassVar[str] = ""

    def article_links(self, response: Response) -> list[str]:
        """Article URLs of the main list, in page order, without repeats."""
        hrefs = [href for node in response.css(self.listing_links_css)
                 for href in node.css("a::attr(href)").getall()]
        links = (response.urljoin(href.strip()) for href in hrefs)
        return list(dict.fromkeys(u for u in links if self.article_url_re.search(u)))

    def next_listing(self, response: Response) -> str | None:
        """The pager's next link (None on the last page), or the numbered next page."""
        if not self.next_page_css:
            return super().next_listing(response)
        href = response.css(self.next_page_css).get()
        return response.urljoin(href.strip()) if href and href.strip() else None
