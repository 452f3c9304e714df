"""Main-text extraction for article pages of unknown CMSs: trafilatura plus reliable dates.

:func:`extract_article` turns a whole HTML page into an :class:`ExtractedArticle`: the article
body as simple HTML (``p``, ``h2``-``h6``, lists, tables, ``img``, ``blockquote``) found by
trafilatura 2.3 with comments left out, the title, author, tags and language from the page's
metadata, and the publication time.

Dates: trafilatura (htmldate) gives a day without a zone, so the page's own machine-readable
dates come first: JSON-LD ``datePublished``, ``article:published_time`` and the other
:data:`~crawler.platforms.html.META_PUBLISHED` selectors, ``time[datetime]``. A value with a
numeric UTC offset beats one ending in a bare ``Z`` (Indonesian CMSs write local time with a
bogus ``Z``), which beats one without a zone, which beats trafilatura's day. ``published`` keeps
the offset the page gave; a value without one is returned naive and the caller reads it in the
site's zone.

The signature of :func:`extract_article` is stable; its insides may be tuned (e.g. against the
Article Extraction Benchmark) without touching the spiders.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from parsel import Selector
from trafilatura import bare_extraction
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_catstags,
    extract_meta_json,
    extract_title,
    extract_url,
)
from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params
from trafilatura.utils import load_html

from crawler.dates import parse_iso, to_iso
from crawler.extract.clean import html_to_text
from crawler.platforms.html import META_MODIFIED, META_PUBLISHED, jsonld_values

__all__ = ["ExtractedArticle", "extract_article"]

# A page without main text is an answer here, not a warning ("discarding data: …").
logging.getLogger("trafilatura").setLevel(logging.ERROR)

#: trafilatura settings. ``favor_precision`` measured best on the 181 AEB pages (shingle F1 of
#: ``body_text`` 0.958, against 0.955 balanced and 0.956 favouring recall). Metadata is read
#: by :func:`_metadata`, not by trafilatura's ``with_metadata`` (see there).
_TRAFILATURA = {"include_comments": False, "include_images": True, "include_tables": True,
                "favor_precision": True, "with_metadata": False}
_OFFSET = re.compile(r"[+-]\d\d:?\d\d$")
_HEADINGS = ("h1", "h2", "h3")
_LANG = re.compile(r"^[a-z]{2,3}$")
_TITLE_CSS = ('meta[property="og:title"]::attr(content)', "h1::text", "title::text")


@dataclass(frozen=True)
class ExtractedArticle:
    """What :func:`extract_article` found on a page ('' / None / [] when it found nothing)."""

    title: str
    #: The article body as simple HTML (no chrome); '' when the page has no main text.
    body_html: str
    #: The plain text of ``body_html`` (paragraphs joined by a blank line).
    body_text: str
    #: ISO 8601; with the page's UTC offset when it gave one, naive otherwise.
    published: str | None = None
    updated: str | None = None
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    #: ISO 639-1 code from ``<html lang>`` / ``og:locale`` (e.g. ``id``), None when absent.
    language: str | None = None
    #: ``og:type`` (``article``, ``website`` …) when the page declares one.
    page_type: str | None = None

    @property
    def words(self) -> int:
        """Words in the body text."""
        return len(self.body_text.split())


def extract_article(html: str, url: str, page: Selector | None = None) -> ExtractedArticle:
    """The article on the page ``html`` fetched from ``url`` (see the module docstring).

    ``page``: the page already parsed (a Scrapy response's ``selector``), so it is not parsed
    once more for its metadata.
    """
    if page is None:
        page = Selector(text=html or "<html></html>")
    tree = load_html(html) if html and html.strip() else None
    meta = _metadata(tree) if tree is not None else Document()
    document = None
    if tree is not None:
        try:
            document = bare_extraction(tree, url=url, **_TRAFILATURA)  # works on a copy
        except (ValueError, TypeError, etree.LxmlError):
            document = None
    if document is None:  # no main text: none of trafilatura's metadata either, as before
        meta, tree = Document(), None
    title = (meta.title or "").strip() or _first(page, _TITLE_CSS)
    body_html = _body_html(document.body, title) \
        if document is not None and document.body is not None else ""
    published = _best_date(_candidates(page, "datePublished", META_PUBLISHED),
                           lambda: _htmldate(tree, meta, url) if tree is not None else None)
    updated = _best_date(_candidates(page, "dateModified", META_MODIFIED), lambda: None)
    return ExtractedArticle(
        title=" ".join(title.split()),
        body_html=body_html,
        body_text=html_to_text(body_html) if body_html else "",
        published=published,
        updated=updated,
        author=(meta.author or "").strip() or None,
        tags=_tags(page, lambda: meta.tags or (extract_catstags("tag", tree)
                                                if tree is not None else None)),
        language=_language(page),
        page_type=(page.css('meta[property="og:type"]::attr(content)').get() or "").strip()
        .lower() or None,
    )


def _metadata(tree: HtmlElement) -> Document:
    """Title and author as trafilatura's ``extract_metadata`` finds them, without the parts
    this module does not use or asks for only when the page lacks them (the date through
    htmldate, tags, categories, site name, licence): those cost as much as a third of the
    extraction on a real page. Same calls, same order, so the same answers."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    with contextlib.suppress(Exception):  # trafilatura's own guard: its JSON-LD reader's bugs
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    metadata.clean_and_trim()
    return metadata


def _htmldate(tree: HtmlElement, meta: Document, url: str) -> str | None:
    """htmldate's publication day, as trafilatura's metadata would give it."""
    params = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    params["url"] = meta.url or extract_url(tree, url)
    return find_date(tree, **params)


# -- helpers --------------------------------------------------------------------------------


def _body_html(body: etree._Element, title: str) -> str:
    """trafilatura's XML body as an HTML fragment, without a leading copy of the title."""
    tree = convert_to_html(deepcopy(body))
    inner = tree.find("body")
    if inner is None:
        return ""
    first = inner[0] if len(inner) else None
    if first is not None and first.tag in _HEADINGS \
            and _same_text("".join(first.itertext()), title):
        inner.text = (inner.text or "") + (first.tail or "")
        inner.remove(first)
    parts = [etree.tostring(child, encoding="unicode", method="html", with_tail=True)
             for child in inner]
    return "".join(parts).strip()


def _same_text(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def _candidates(page: Selector, jsonld_key: str, selectors: tuple[str, ...]) -> list[str]:
    """Machine-readable date values of the page, JSON-LD first, in page order."""
    values = list(jsonld_values(page, jsonld_key))
    for css in selectors:
        values.extend(page.css(css).getall())
    return [v.strip() for v in values if v and v.strip()[:1].isdigit()]


def _best_date(values: list[str], fallback: Callable[[], str | None]) -> str | None:
    """The most trustworthy of ``values`` (offset > bare Z > naive), else what ``fallback()``
    returns (asked only then: htmldate is slow)."""
    ranked: list[tuple[int, str]] = []
    for value in values:
        parsed = parse_iso(value)
        if parsed is None:
            continue
        if _OFFSET.search(value):
            ranked.append((0, to_iso(parsed)))
        elif value.upper().endswith("Z"):
            ranked.append((1, to_iso(parsed)))
        else:
            ranked.append((2, parsed.replace(tzinfo=None).isoformat()))
    if ranked:
        return min(ranked, key=lambda pair: pair[0])[1]
    found = fallback()
    parsed = parse_iso(found) if found else None
    return parsed.replace(tzinfo=None).isoformat() if parsed else None


def _first(page: Selector, selectors: tuple[str, ...]) -> str:
    for css in selectors:
        for value in page.css(css).getall():
            if value.strip():
                return value.strip()
    return ""


def _tags(page: Selector, fallback: Callable[[], list[str] | None]) -> list[str]:
    values = page.css('meta[property="article:tag"]::attr(content)').getall() or \
        (fallback() or [])
    return list(dict.fromkeys(" ".join(v.split()) for v in values if v and v.strip()))


def _language(page: Selector) -> str | None:
    for value in (page.css("html::attr(lang)").get(),
                  page.css('meta[http-equiv="content-language"]::attr(content)').get(),
                  page.css('meta[property="og:locale"]::attr(content)').get()):
        code = (value or "").strip().lower().replace("_", "-").split("-")[0]
        if _LANG.match(code):
            return code
    return None
