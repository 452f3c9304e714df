"""Main text and publication time of an arbitrary article page (the generic fallback).

Platform spiders know where their body is (``div.post-body``, ``div.entry-content`` …). For a
page of unknown markup, :func:`extract_main_text` finds the article text and
:func:`page_published` its publication time.

**Body** (``extract_main_text``), one general method, nothing per site:

1. Parse with trafilatura's own loader (comments dropped: text after an HTML comment stays in its
   paragraph) and prune boilerplate containers by class/id token (``sidebar``, Indonesian
   ``kanan``/``populer``/``terkait``/``komentar``/``bagikan``, ``related``, ``share``, captions…),
   never an element holding a known body class, more than 40 % of the page's words or two
   paragraphs of 25+ words.
2. Run ``trafilatura.extract`` twice on that tree, ``favor_precision`` and ``favor_recall``
   (``include_comments=False``, HTML output). The precise text wins unless it has less than half
   the words of the recall text (precision mode sometimes keeps only a fragment).
3. Paragraphs with :func:`crawler.extract.clean.clean_body` (``Baca juga``, share words, credit
   lines …). When those rules remove more than 40 % of the words (a cut marker such as
   "Related post:" inside the article), the unfiltered text is kept instead.
4. If the article is split over several same-class sibling containers (each holding
   paragraphs) and trafilatura took only one, the paragraphs of the others are merged in
   document order — only when they add at least half as many words again.
5. Leading chrome is dropped: a first paragraph equal to the page title, short byline/date
   lines ("By On Senin, Februari 02, 2026"), the site's host spelled out as words
   ("Tribratanews lampung polri go id", needs ``url`` or a canonical/og:url link) and lines
   that are only a URL.

Measured with ``bench/extraction.py`` (AEB: 181 English news pages, the benchmark's metric —
F1 of mean shingle precision and recall, see ``bench/aeb_metric.py``; trafilatura 2.3.1):

===========================================================  ======  ======  ======
variant (AEB)                                                F1      P       R
===========================================================  ======  ======  ======
``trafilatura.extract(html)`` defaults (the baseline)        0.9525  0.9281  0.9783
trafilatura, include_comments=False                          0.9598  0.9420  0.9783
trafilatura, include_comments=False, favor_recall            0.9593  0.9408  0.9785
trafilatura, include_comments=False, include_tables=False    0.9570  0.9424  0.9721
trafilatura, include_comments=False, deduplicate             0.9514  0.9416  0.9614
trafilatura, include_comments=False, fast (no fallback)      0.9623  0.9461  0.9791
trafilatura, include_comments=False, favor_precision         0.9641  0.9577  0.9705
readability-lxml 0.9 ``Document.summary`` → text             0.9544  0.9354  0.9741
**this module (steps 1-5)**                                  0.9754  0.9686  0.9823
  without step 2's recall fallback (precision only)          0.9705  0.9644  0.9767
  recall text only                                           0.9689  0.9537  0.9846
  without the cut guard of step 3                            0.9732  0.9687  0.9777
  without the split-body merge of step 4                     0.9721  0.9686  0.9756
  without the leading-chrome rules of step 5                 0.9727  0.9631  0.9825
  without the pruning of step 1 (it only matters for the     0.9754  0.9686  0.9823
  Indonesian gold set: sidebars of custom PHP sites)
  precision + clean_body only (no guard, merge, chrome)      0.9624  0.9591  0.9658
===========================================================  ======  ======  ======

Tried and dropped: taking the largest ``<article>``/``itemprop=articleBody`` element (or
readability-lxml's summary) instead of trafilatura when it is 1.3-2x longer and contains
trafilatura's text — never better than 0.9754 (those elements carry headlines, bylines and
related lists), so readability-lxml is not a dependency. Passing trafilatura an ``lxml.html``
tree that kept comment nodes lost the text after each comment (``load_html`` drops them).
On the police gold set (``tests/gold``, 44 pages) the body F1 is 0.998, against 0.924 for
plain trafilatura and 0.954 for trafilatura with favor_precision.

**Date** (``page_published``): metadata first — JSON-LD ``datePublished``, then
``article:published_time`` / ``itemprop=datePublished`` / ``pubdate`` metas, ``abbr.published``,
``time.published``, ``time.entry-date`` and the first ``time[datetime]`` after the headline;
then a date written in a date-like element (class/id with date, time, tanggal, posted, byline,
meta, timestamp) between the page's first heading and the start of the body (so a "today"
widget in the header or a date in the sidebar is never taken); then the first date in the first
paragraphs of the body. Naive values are local time in the province's zone, except Odoo's
``article:published_time``, which is the UTC ``post_date``; UTC values are converted to the
province's zone; values with an Indonesian offset are kept as published.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, tzinfo

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import load_html

from crawler.dates import parse_indonesian, parse_iso, tz_for_province
from crawler.extract.clean import clean_body, html_to_text

__all__ = ["extract_main_text", "page_published", "page_title"]

# --------------------------------------------------------------------------- pruning

#: Class/id tokens (or their ``-``/``_`` parts) of boilerplate containers.
_BOILER_WORDS = (
    "sidebar kanan widget populer popular terpopuler terkait related komentar comments "
    "comment share sharing bagikan breadcrumb breadcrumbs iklan advertisement adsbygoogle "
    "lainnya caption author-box tags jp-relatedposts sharedaddy secondary"
)
_BOILER_TOKENS = frozenset(_BOILER_WORDS.split())
_CONTENT_HINT = re.compile(
    r"articlebody|post-body|entry-content|td-post-content|o_wblog_post_content_field"
    r"|content-inner|isi-berita|post-content|article-content|detail__body|read__content", re.I)
_MAX_PRUNE_SHARE = 0.4
_PROSE_WORDS = 25


def _words(el: HtmlElement) -> int:
    return len(" ".join(el.itertext()).split())


def _tokens(el: HtmlElement) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    parts = {p for token in raw for p in re.split(r"[-_]+", token) if p}
    return set(raw) | parts


def _holds_prose(el: HtmlElement) -> bool:
    """Two or more paragraphs of 25+ words: article text, not a sidebar or a link list."""
    long_paras = 0
    for p in el.iter("p"):
        long_paras += _words(p) >= _PROSE_WORDS
        if long_paras >= 2:
            return True
    return False


def _prune(doc: HtmlElement) -> None:
    """Drop boilerplate containers (see the module docstring) from ``doc`` in place."""
    total = _words(doc) or 1
    doomed = []
    for el in doc.iter(etree.Element):
        if el.tag == "figcaption":
            doomed.append(el)
            continue
        if el.tag in ("html", "body") or _BOILER_TOKENS.isdisjoint(_tokens(el)):
            continue
        attrs = " ".join(f"{e.get('class') or ''} {e.get('itemprop') or ''}"
                         for e in el.iter(etree.Element))
        if (not _CONTENT_HINT.search(attrs) and _words(el) <= _MAX_PRUNE_SHARE * total
                and not _holds_prose(el)):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None and not any(a in doomed for a in el.iterancestors()):
            el.drop_tree()


# --------------------------------------------------------------------------- text


def _norm(text: str) -> str:
    return " ".join(text.split())


def _count(text: str) -> int:
    return len(text.split())


def _trafilatura(tree: HtmlElement, url: str | None, **options: bool) -> str:
    return trafilatura.extract(copy.deepcopy(tree), url=url, include_comments=False,
                               output_format="html", **options) or ""


def _to_text(fragment: str) -> str:
    """clean_body's text, unless its boilerplate rules removed most of the article."""
    if not fragment:
        return ""
    cleaned = clean_body(fragment)[1]
    raw = html_to_text(fragment)
    return raw if _count(cleaned) < 0.6 * _count(raw) else cleaned


_PARA_TAGS = ("p", "li", "blockquote", "h2", "h3", "h4", "pre")


def _merge_split_body(doc: HtmlElement, text: str) -> str:
    """Add the paragraphs of same-class sibling chunks trafilatura skipped (step 4)."""
    paras = text.split("\n\n")
    known = set(paras)
    by_text: dict[str, HtmlElement] = {}
    for el in doc.iter(*_PARA_TAGS):
        by_text.setdefault(_norm(" ".join(el.itertext())), el)
    parents: dict[HtmlElement, int] = {}
    for para in paras:
        el = by_text.get(para)
        if el is not None and _count(para) > 8:
            parents[el.getparent()] = parents.get(el.getparent(), 0) + 1
    if not parents:
        return text
    node = max(parents, key=parents.__getitem__)
    for _ in range(3):
        parent = node.getparent()
        if parent is None or not node.get("class"):
            break
        chunks = [s for s in parent if s.tag == node.tag and s.get("class") == node.get("class")]
        extra = [el for chunk in chunks if chunk is not node for el in chunk.iter("p")
                 if _norm(" ".join(el.itertext())) not in known]
        extra_text = [_norm(" ".join(el.itertext())) for el in extra]
        if sum(map(_count, extra_text)) >= 0.5 * _count(text):
            return _in_document_order(doc, paras, by_text, extra, extra_text)
        node = parent
    return text


def _in_document_order(doc: HtmlElement, paras: list[str], by_text: dict[str, HtmlElement],
                       extra: list[HtmlElement], extra_text: list[str]) -> str:
    order = {el: i for i, el in enumerate(doc.iter())}
    keyed: list[tuple[float, str]] = []
    last = -1.0
    for para in paras:
        el = by_text.get(para)
        last = float(order[el]) if el is not None else last + 1e-3
        keyed.append((last, para))
    keyed.extend((float(order[el]), t) for el, t in zip(extra, extra_text, strict=True) if t)
    return "\n\n".join(t for _, t in sorted(keyed, key=lambda kv: kv[0]))


_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_SENTENCE_END = (".", "!", "?", '"', "\u201d")


def _strip_leading_chrome(text: str, titles: set[str], host_words: set[str]) -> str:
    """Drop a leading title repeat, short byline/date lines, the site's name spelled out
    ('Tribratanews lampung polri go id') and bare URL lines (step 5)."""
    paras = [p for p in text.split("\n\n") if p]
    while paras:
        first = paras[0]
        short = _count(first) <= 15 and not first.endswith(_SENTENCE_END)
        words = set(re.findall(r"\w+", first.casefold()))
        if (_title_key(first) in titles or _URL_LINE.match(first)
                or (short and len(words) >= 3 and words <= host_words)
                or (short and parse_indonesian(first) is not None)):
            paras.pop(0)
        else:
            break
    return "\n\n".join(p for p in paras if not _URL_LINE.match(p))


def _host_words(doc: HtmlElement, url: str | None) -> set[str]:
    """The labels of the page's host names (from ``url``, canonical and og:url links)."""
    urls = [url or "", *doc.xpath("//link[@rel='canonical']/@href"),
            *doc.xpath("//meta[@property='og:url']/@content")]
    words: set[str] = set()
    for value in urls:
        host = re.sub(r"^[a-z]+://", "", value.strip().lower()).split("/", 1)[0]
        words.update(w for w in re.split(r"[.\-:]+", host) if w)
    return words


def _title_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _titles(doc: HtmlElement) -> set[str]:
    """Normalised forms of the page's headline (og:title, <title> parts, h1)."""
    found = set(doc.xpath("//meta[@property='og:title']/@content"))
    found.update(_norm(" ".join(h.itertext())) for h in doc.iter("h1"))
    title = doc.findtext(".//title") or ""
    found.add(title)
    found.update(re.split(r"\s+[-|–—:]\s+|:\s+", title))
    return {_title_key(t) for t in found if _count(t) >= 3}


def _parse(html: str) -> HtmlElement | None:
    """trafilatura's parse of a whole page; None when there is no tree to read."""
    try:
        return load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        return None


def extract_main_text(html: str, url: str | None = None) -> str:
    """The article text of a whole HTML page: paragraphs joined by a blank line ('' if none).

    See the module docstring for the method and its measured quality. Never raises on bad
    markup."""
    if not html or not html.strip():
        return ""
    doc = _parse(html)
    if doc is None:
        return ""
    titles, host_words = _titles(doc), _host_words(doc, url)
    _prune(doc)
    precise = _to_text(_trafilatura(doc, url, favor_precision=True))
    recall = _to_text(_trafilatura(doc, url, favor_recall=True))
    text = precise if _count(precise) >= 0.5 * _count(recall) else recall
    text = _merge_split_body(doc, text)
    return _strip_leading_chrome(text, titles, host_words)


def page_title(html: str) -> str:
    """The headline of a page: og:title, else the first h1, else <title> ('' if none)."""
    doc = _parse(html)
    if doc is None:
        return ""
    for value in doc.xpath("//meta[@property='og:title']/@content"):
        if value.strip():
            return _norm(value)
    for h1 in doc.iter("h1"):
        text = _norm(" ".join(h1.itertext()))
        if text:
            return text
    return _norm(doc.findtext(".//title") or "")


# --------------------------------------------------------------------------- dates

_META_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publishdate']/@content",
    "//meta[@name='date']/@content",
    "//meta[@name='DC.date.issued']/@content",
    "//abbr[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@title",
    "//*[@itemprop='datePublished']/@datetime",
    "//*[@itemprop='datePublished']/@title",
    "//time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@datetime",
    "//time[contains(concat(' ', normalize-space(@class), ' '), ' entry-date ')]/@datetime",
)
_DATE_TOKENS = re.compile(r"date|time|tanggal|tgl|posted|byline|meta|timestamp|waktu", re.I)
_BODY_DATE_CHARS = 400


def _jsonld_dates(doc: HtmlElement) -> Iterator[str]:
    for script in doc.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str):
                    yield value
                stack.extend(v for v in item.values() if isinstance(v, dict | list))


def _is_odoo(doc: HtmlElement) -> bool:
    generator = " ".join(doc.xpath("//meta[@name='generator']/@content"))
    return generator.startswith("Odoo") or bool(doc.xpath("//*[@id='o_wblog_post_name']"))


def _localise(value: datetime, tz: tzinfo) -> datetime:
    offset = value.utcoffset()
    if offset == timedelta(0):
        return value.astimezone(tz)
    return value


def _metadata_date(doc: HtmlElement, tz: tzinfo) -> datetime | None:
    naive_tz = UTC if _is_odoo(doc) else tz
    candidates = [*_jsonld_dates(doc)]
    for xpath in _META_XPATHS:
        candidates.extend(doc.xpath(xpath))
    headline = next(iter(doc.iter("h1")), None)
    if headline is not None:
        candidates.extend(headline.xpath("following::time/@datetime"))
    for value in candidates:
        parsed = parse_iso(value.strip(), naive_tz)
        if parsed is not None:
            return _localise(parsed, tz)
    return None


def _text_start(el: HtmlElement, chars: int) -> str:
    """The first ``chars``-odd characters of an element's normalised text."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > chars + 20:
            break
    return _norm("".join(parts))


def _region_text_date(doc: HtmlElement, body_start: str, tz: tzinfo) -> datetime | None:
    """A date written in a date-like element after the page's first heading and before the
    element where the body text starts (None when that element cannot be found)."""
    elements = list(doc.iter(etree.Element))
    heading = next((i for i, el in enumerate(elements) if el.tag == "h1"), None)
    if heading is None:
        heading = next((i for i, el in enumerate(elements) if el.tag in ("h2", "h3")), None)
    probe = _norm(body_start)[:25]
    if heading is None or len(probe) < 10:
        return None
    end = next((i for i in range(heading, len(elements))
                if _text_start(elements[i], len(probe)).startswith(probe)), None)
    if end is None:
        return None
    for el in elements[heading + 1:end]:
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag == "time" or _DATE_TOKENS.search(marks):
            found = parse_indonesian(_norm(" ".join(el.itertext())), default_tz=tz)
            if found is not None:
                return found
    return None


def page_published(html: str, province: str | None = None, text: str | None = None
                   ) -> datetime | None:
    """When a page was published, as an aware datetime (see the module docstring).

    ``province`` gives the zone of naive values (WIB when unknown); ``text`` is the page's
    main text when the caller already has it (else it is extracted). None when the page shows
    no date at all."""
    tz = tz_for_province(province)
    doc = _parse(html)
    if doc is None:
        return None
    found = _metadata_date(doc, tz)
    if found is not None:
        return found
    if text is None:
        text = extract_main_text(html)
    found = _region_text_date(doc, text.split("\n\n", 1)[0] if text else "", tz)
    if found is not None:
        return found
    return parse_indonesian(text[:_BODY_DATE_CHARS], default_tz=tz) if text else None
