"""Polda Lampung's "detail-post" sites (tribratanews[-res<polres>].lampung.polri.go.id).

Domain
    The Polda Lampung tribratanews portal and its per-Polres sites
    (``tribratanews-resmetro.lampung.polri.go.id``, ``-reslampungtengah``, ``-restulangbawang``,
    …), all on one custom CMS. Articles are ``/detail-post/<slug>``: no date and no id in the
    URL; images live under ``/berkas/post-images/YYYY-MM/<slug>.jpg``.
Strategy
    No feed or sitemap is known, so the news index ``/berita?page=N`` (newest first, the list
    is ``.list-berita``, Laravel-style pager with ``rel="next"``) is read page by page and each
    new article page fetched. Title ``h1.post-title`` (page titles end "- Website Resmi Polri",
    which is removed wherever the title comes from); body ``div.post-content``; the date is the
    visible line "Senin, 12 Agustus 2024 09:15 WIB" in ``.post-meta .post-date``, read by the
    dates pipeline in the site's zone.
Incremental
    Stop-at-seen: paging ends at the first index page whose articles are all stored; entries
    dated (day only) more than a day before ``since`` are skipped, and a page of only such
    entries ends paging too. The first index page is asked conditionally, so a run with nothing
    new is one ``304`` (or one page).
Caveats
    Some bodies start with a bare line naming the site
    (``https://tribratanews.lampung.polri.go.id.`` or ``Tribratanews lampung polri go id``): it
    is removed. Bodies end with "(*)", the desk's end mark, which is kept as article text (as
    Odoo's editor initials are). Without a date on the page the body's dateline
    (``Jum'at (29/9/23)``) is used.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml import etree
from lxml.html import fragment_fromstring
from scrapy.http import Response

from crawler.platforms._listing import PagedListingSpider

_TITLE_SUFFIX = re.compile(r"\s*[-–|]\s*Website Resmi Polri\s*$", re.I)
#: A line that only names the site: the URL (often with a final dot) or its words.
_SITE_LINE = re.compile(
    r"^\s*(?:https?://)?tribratanews(?:[-.\s]res[a-z]+)?[.\s]+lampung[.\s]+polri[.\s]+go"
    r"[.\s]+id[./\s]*$", re.I)


class LampungSpider(PagedListingSpider):
    """Polda Lampung detail-post sites: news index pages + stop-at-seen (see the module
    docstring)."""

    name = "lampung"
    platform = "lampung"

    article_url_re = re.compile(r"/detail-post/[^/?#]+/?$")
    listing_path = "/berita?page={page}"
    listing_links_css = ".list-berita .item-berita"
    listing_date_css = ".tanggal::text"
    next_page_css = 'ul.pagination a[rel="next"]::attr(href)'
    title_css = ("h1.post-title", 'meta[property="og:title"]::attr(content)', "title::text")
    body_css = ("div.post-content",)
    date_css = (".post-meta .post-date::text",)
    author_css = (".post-meta .post-author::text",)
    tags_css = (".post-tags a::text",)
    drop_css = (".share-post", ".post-tags", ".baca-juga")

    def extract_article(self, response: Response) -> dict[str, Any]:
        fields = super().extract_article(response)
        fields["title"] = _TITLE_SUFFIX.sub("", fields["title"])
        fields["body_html"] = drop_site_line(fields["body_html"])
        return fields


def drop_site_line(body_html: str) -> str:
    """The body without a first line that only names the site (see ``_SITE_LINE``)."""
    if "tribratanews" not in body_html[:3000].lower():
        return body_html
    root = fragment_fromstring(body_html, create_parent="div")
    for text in root.xpath(".//text()"):
        owner = text.getparent()
        if not text.strip() or (text.is_text and owner.tag in ("style", "script")):
            continue
        if not _SITE_LINE.match(text):
            return body_html
        if text.is_text:
            owner.text = None
            following = owner[0] if len(owner) else None
        else:
            owner.tail = None
            following = owner.getnext()
        if following is not None and following.tag == "br":  # the line's own line break
            following.drop_tag()
        break
    head = html.escape(root.text, quote=False) if root.text else ""
    return head + "".join(etree.tostring(child, encoding="unicode", method="html")
                          for child in root)
