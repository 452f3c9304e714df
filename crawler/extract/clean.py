"""Article body cleaning: body HTML -> (sanitized HTML, clean plain text), minus boilerplate.

The input is the article body a platform spider has already located (a Blogger feed ``content``,
a ``div.post-body``, a WordPress ``div.entry-content``, an Odoo ``o_wblog_post_content_field`` …).
Every public function parses its input once; :func:`clean_body` does all the work on one tree.
"""

from __future__ import annotations

import html as _html
import re
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from lxml_html_clean import Cleaner

__all__ = [
    "clean_body", "extract_images", "html_to_text", "sanitize_html", "strip_boilerplate_text",
]

# --------------------------------------------------------------------------- element rules

_BOILER_CLASSES = (
    "post-share-buttons", "share-buttons", "sharedaddy", "sd-sharing", "addtoany", "a2a_kit",
    "reaction-buttons", "jp-relatedposts", "related-posts", "related", "yarpp-related",
    "crp_related", "comments", "comment-form", "post-footer", "blog-pager", "post-navigation",
    "nav-previous", "nav-next", "td-post-next-prev", "widget", "sidebar", "PopularPosts",
    "inline-ad", "adsbygoogle", "post-icons", "item-control", "blog-feeds", "post-feeds",
    "o_wblog_post_footer", "breadcrumb", "breadcrumbs", "rank-math-breadcrumb", "entry-footer",
)
_BOILER_IDS = (
    "comments", "respond", "comment-editor", "jp-relatedposts", "blog-pager",
    "o_wblog_post_comments",
)
_CONTENT_MARKERS = ("post-body", "entry-content", "td-post-content", "o_wblog_post_content_field")


_BOILER_CLASS_SET = frozenset(_BOILER_CLASSES)
_BOILER_ID_SET = frozenset(_BOILER_IDS)
_HOLDS_CONTENT_XPATH = etree.XPath(
    "boolean(descendant-or-self::*[contains(@itemprop, 'articleBody') or "
    + " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in _CONTENT_MARKERS
    )
    + "])"
)

_KILL_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "form", "input", "button", "select", "textarea", "svg", "math", "canvas", "link",
    "meta", "head", "title", "base", "audio", "video",
})
_ALLOWED_TAGS = frozenset({
    "div", "p", "br", "a", "img", "b", "strong", "i", "em", "u", "ul", "ol", "li", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "figure", "figcaption", "hr", "sub", "sup", "pre", "code",
})
_TO_DIV = frozenset({"section", "article", "main", "header", "footer", "center", "address"})
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-lazyload")
_CLEANER = Cleaner(
    scripts=True, javascript=True, comments=True, style=True, inline_style=True, links=True,
    meta=True, page_structure=True, processing_instructions=True, embedded=False, frames=True,
    forms=True, annoying_tags=True, remove_unknown_tags=False, allow_tags=_ALLOWED_TAGS,
    kill_tags=_KILL_TAGS, safe_attrs_only=True,
    safe_attrs=frozenset({"href", "src", "alt", "title", "colspan", "rowspan"}),
)

# --------------------------------------------------------------------------- text rules

_LEAD = r"^[\s>»•·*#|–—-]*"
_CUT_LOOSE = (
    r"postingan populer dari blog ini|artikel (?:sebelumnya|berikutnya)"
    r"|you (?:may|might) also like|tinggalkan (?:balasan|komentar)|leave a (?:reply|comment)"
    r"|discussion about this post|(?:bagikan|sebarkan) (?:artikel|berita) ini"
    r"|langganan\s*:\s*posting komentar|sign in to leave a comment"
)
_CUT_STRICT = (
    r"(?:posting |\d+ |tidak ada |no )?(?:komentar|comments?)|berita (?:terkait|lainnya)"
    r"|artikel terkait|rekomendasi(?: berita| untuk anda)?|share this(?: post| article)?"
    r"|pos terkait|bacaan lainnya|tags?|ikuti kami"
)
#: Headings that cut only when they are the whole line ("Related post: …" inline is text).
_CUT_EXACT = r"related posts?"
#: A paragraph/line matching this, and everything after it, is dropped.
_CUT_RE = re.compile(
    rf"{_LEAD}(?:(?:{_CUT_LOOSE})\b|(?:{_CUT_STRICT})\s*(?:[:(\[»|–—-].*)?$"
    rf"|(?:{_CUT_EXACT})\s*:?\s*$)", re.I
)
_DROP_PREFIX = (
    r"baca\s*juga\b|simak juga\b|lihat juga\s*:|diberdayakan oleh blogger|powered by blogger"
    r"|diposting oleh\b|posted by\b|labels?\s*:|tampilkan postingan dengan label"
    r"|error\s*:\s*content is protected|langganan\s*:|normal\s+0\s+(?:\d+\s+)?false\s+false"
)
_DROP_WHOLE = (
    r"advertisement|iklan|advertise here|scroll to (?:resume|continue with) content|array|-->"
    r"|<!--.*|(?-i:\[/?[a-z][a-z0-9_-]*(?:\s[^\]]*)?\])|beranda|posting lebih baru|posting lama"
    r"|muat entri lainnya|terus membaca|memuat\.*|«?\s*(?:next|previous|newer|older) posts?\s*»?"
)
_SHARE_WORD = (
    r"(?:facebook|twitter|x|whatsapp|telegram|pinterest|linkedin|line|e-?mail|print|cetak"
    r"|salin link|copy link|dapatkan link|get link|aplikasi lainnya|other apps|share|bagikan"
    r"|tweet|reddit|tumblr)"
)
#: A single line matching this is dropped wherever it appears.
_DROP_RE = re.compile(
    rf"{_LEAD}(?:(?:{_DROP_PREFIX})|(?:{_DROP_WHOLE})\s*$"
    rf"|{_SHARE_WORD}(?:[\s|,•·/]+{_SHARE_WORD})*[\s|,•·:]*$)",
    re.I,
)
#: Lines dropped only at the very end of the text (credits, tag lists).
_TRAIL_RE = re.compile(
    r"^(?:(?:editor|penulis|sumber|reporter|pewarta|redaktur|publish(?:er)?)\s*:\s*\S.{0,120}"
    r"|tags?\s*:.*)$",
    re.I,
)
_TERMINAL = (".", "!", "?", ":", ";", "\"", "”")  # not ")": "(41)" often ends a Word line

_CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_SRC_WS_RE = re.compile(r"[ \t\n\r\f\v]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_NBSP_TEXT_RE = re.compile(r"&nbsp;", re.I)  # double-escaped entity left in the text
_SPACE_RE = re.compile(r"\s+")
_PARA_SPLIT_RE = re.compile(r"\n[ \t\u00a0]*\n\s*")
_URL_JUNK_RE = re.compile(r"[\x00-\x20]+")
_INDENT_RE = re.compile(r"[ \t\r]*\n[ \t\r\n]*")

_BLOCK_TAGS = frozenset({
    "html", "body", "div", "p", "section", "article", "main", "header", "footer", "aside", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
    "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "hr", "address",
    "center", "form", "fieldset", "details", "summary",
})
_LEAF_TAGS = (
    "p", "div", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "figcaption",
    "caption", "dt", "dd",
)
_NESTED = (*_LEAF_TAGS, "br", "ul", "ol", "table", "figure", "pre")
_PRUNE_TAGS = (
    "p", "div", "li", "ul", "ol", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption",
)

# --------------------------------------------------------------------------- images

_THUMB_RE = re.compile(r"/s72-c/|=s72-c(?:-|$)")
_BLOGGER_SIZE_RE = re.compile(r"/[swh]\d+(?:-[a-z0-9]+)*/(?=[^/]+$)|=[swh]\d+(?:-[a-z0-9]+)*$")
_PIXEL_URL_RE = re.compile(
    r"blogger\.googleusercontent\.com/tracker/|feeds\.feedburner\.com/~|pixel\.wp\.com"
    r"|stats\.wordpress\.com|google-analytics\.com|facebook\.com/tr\b|/pixel\.gif|spacer\.gif",
    re.I,
)
_EMOJI_URL_RE = re.compile(r"/emoji/|twemoji|/smilies/|blogblog\.com/img/", re.I)


# --------------------------------------------------------------------------- helpers


def _parse(html: str) -> HtmlElement:
    """Parse a fragment (or a whole document's body) under one wrapper ``div``."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    html = _CTRL_RE.sub("", _XML_DECL_RE.sub("", html or "", count=1))
    try:
        return fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment_fromstring(_html.escape(html), create_parent="div")


def _norm_line(text: str) -> str:
    return _SPACE_RE.sub(" ", _NBSP_TEXT_RE.sub(" ", text.translate(_ZERO_WIDTH))).strip()


def _drop(el: HtmlElement) -> None:
    if el.getparent() is not None:
        el.drop_tree()  # keeps the tail text


def _drop_boilerplate_elements(root: HtmlElement) -> None:
    """Remove share/related/comment/pager/widget/ad/breadcrumb elements (one pass, no XPath)."""
    doomed: list[HtmlElement] = []
    drop_zones: list[HtmlElement] = []
    for el in root.iterdescendants(etree.Element):
        classes = (el.get("class") or "").split()
        if (el.tag in ("aside", "nav") or not _BOILER_CLASS_SET.isdisjoint(classes)
                or el.get("id") in _BOILER_ID_SET):
            doomed.append(el)
        elif "oe_structure" in classes:  # Odoo drop zone: keep it only if it holds article text
            drop_zones.append(el)
    for el in doomed:
        if not _HOLDS_CONTENT_XPATH(el):
            _drop(el)
    for el in drop_zones:
        text = _norm_line(el.text_content())
        if not _HOLDS_CONTENT_XPATH(el) and (len(text.split()) < 40 or _CUT_RE.match(text)):
            _drop(el)


def _safe_url(value: str | None, base_url: str | None, image: bool) -> str | None:
    value = (value or "").strip()
    scheme = _URL_JUNK_RE.sub("", value[:40]).lower()
    if not value or value.startswith("#") or scheme.startswith(("javascript:", "vbscript:")):
        return None
    if scheme.startswith("data:"):
        return value if image and scheme.startswith("data:image/") else None
    if value.startswith("//") and not base_url:
        return "https:" + value
    try:
        return urljoin(base_url, value) if base_url else value
    except ValueError:  # e.g. a malformed IPv6 host
        return None


def _prepare_images(root: HtmlElement) -> None:
    """Use lazy-load sources (``data-src`` …) and drop tracking pixels (1x1, tracker hosts)."""
    for img in list(root.iter("img")):
        src = img.get("src", "").strip()
        if not src or src.startswith("data:"):
            src = next((img.get(a) for a in _LAZY_SRC if img.get(a)), src)
            img.set("src", src)
        size = [(img.get(a) or "").strip().removesuffix("px") for a in ("width", "height")]
        if all(n.isdigit() and int(n) <= 1 for n in size) or _PIXEL_URL_RE.search(src):
            img.drop_tree()


def _sanitize_tree(root: HtmlElement, base_url: str | None) -> None:
    _prepare_images(root)
    for el in root.iter(*_TO_DIV, "h1"):
        el.tag = "h2" if el.tag == "h1" else "div"
    _CLEANER(root)
    for a in list(root.iter("a")):
        href = _safe_url(a.get("href"), base_url, image=False)
        if href:
            a.set("href", href)
        else:
            a.drop_tag()
    for img in list(root.iter("img")):
        src = _safe_url(img.get("src"), base_url, image=True)
        if src:
            img.set("src", src)
        else:
            img.drop_tree()


def _is_name_pair(lines: list[str]) -> bool:
    """The last two lines are one short name printed twice (and not a longer run of repeats)."""
    if len(lines) < 2 or (len(lines) > 2 and lines[-3].casefold() == lines[-1].casefold()):
        return False
    last = lines[-1]
    return (lines[-2].casefold() == last.casefold() and len(last) <= 60
            and len(last.split()) <= 6 and not last.endswith((".", "!", "?")))


def _content_beside(el: HtmlElement, root: HtmlElement, after: bool) -> bool:
    """Whether text (or, after ``el``, an image) lies after/before ``el`` (a leaf block or a
    ``<br>``, whose tail is its line) inside ``root``."""
    node = el
    while node is not root:
        parent = node.getparent()
        if not after and _norm_line(parent.text or ""):
            return True
        if after and (node is not el or el.tag != "br") and _norm_line(node.tail or ""):
            return True
        for sib in node.itersiblings(preceding=not after):
            text = sib.text_content() if isinstance(sib.tag, str) else ""  # skip comments
            if _norm_line(text + (sib.tail or "")):
                return True
            if after and next(sib.iter("img"), None) is not None:
                return True
        node = parent
    return False


def _remove_line(el: HtmlElement) -> None:
    if el.tag == "br":
        el.getparent().remove(el)  # with its tail, which is the line
    else:
        el.drop_tree()


def _apply_text_rules(root: HtmlElement) -> None:
    """The text rules of :func:`strip_boilerplate_text`, applied to single-line leaf blocks."""
    kept: list[tuple[HtmlElement, str]] = []
    for el in list(root.iter(*_LEAF_TAGS, "br")):
        if el.getparent() is None:
            continue
        if el.tag == "br":  # a whole line of text between two <br> (Blogger compose mode)
            nxt = el.getnext()
            if not el.tail or (nxt is not None and nxt.tag not in _BLOCK_TAGS and nxt.tag != "br"):
                continue
            text = _norm_line(el.tail)
        elif next(el.iterdescendants(*_NESTED), None) is None:
            text = _norm_line(el.text_content())
        else:
            continue
        if not text:
            continue
        if _CUT_RE.match(text) and _content_beside(el, root, after=False):
            node = el  # drop this line and everything after it
            while node is not root:
                for sib in list(node.itersiblings()):
                    node.getparent().remove(sib)
                node.tail = None
                node = node.getparent()
            el.getparent().remove(el)
            break
        if _DROP_RE.match(text) or _CUT_RE.match(text):  # a cut marker above the article
            _remove_line(el)
        else:
            kept.append((el, text))
    name_done = False
    while kept and not _content_beside(kept[-1][0], root, after=True):
        if _TRAIL_RE.match(kept[-1][1]):
            _remove_line(kept.pop()[0])
        elif not name_done and _is_name_pair([text for _, text in kept[-3:]]):
            _remove_line(kept.pop()[0])
            _remove_line(kept.pop()[0])
            name_done = True
        else:
            break


def _prune_empty(root: HtmlElement) -> None:
    for el in reversed(list(root.iterdescendants(*_PRUNE_TAGS))):
        if (
            all(child.tag == "br" for child in el)
            and not _norm_line(el.text or "")
            and not any(_norm_line(child.tail or "") for child in el)
        ):
            el.drop_tree()


def _serialize(root: HtmlElement) -> str:
    for el in root.iter():  # drop source indentation and blank runs left by removed elements
        if el.tag == "pre" or next(el.iterancestors("pre"), None) is not None:
            continue
        if el.text and "\n" in el.text:
            el.text = _INDENT_RE.sub("\n", el.text)
        if el.tail and "\n" in el.tail:
            el.tail = _INDENT_RE.sub("\n", el.tail)
    parts = [_html.escape(root.text, quote=False)] if root.text else []
    parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in root)
    return "".join(parts).strip()


def _join_hard_breaks(lines: list[str]) -> str:
    out = [lines[0]]
    for line in lines[1:]:
        if not out[-1].endswith(_TERMINAL) and line[0].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _flush(buf: list[str], paras: list[str]) -> None:
    if not buf:
        return
    group: list[str] = []
    for line in [*map(_norm_line, "".join(buf).split("\n")), ""]:
        if line:
            group.append(line)
        elif group:
            paras.append(_join_hard_breaks(group))
            group = []
    buf.clear()


def _tree_to_text(root: HtmlElement) -> str:
    paras: list[str] = []
    buf: list[str] = []
    in_pre = 0
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag
        if closing or not isinstance(tag, str) or tag in _KILL_TAGS:
            if closing:
                if tag in _BLOCK_TAGS:
                    _flush(buf, paras)
                elif tag in ("td", "th"):
                    buf.append(" ")
                in_pre -= tag == "pre"
            if el.tail and el is not root:
                buf.append(el.tail if in_pre else _SRC_WS_RE.sub(" ", el.tail))
            continue
        if tag in _BLOCK_TAGS:
            _flush(buf, paras)
        elif tag == "br":
            buf.append("\n")
        in_pre += tag == "pre"
        if el.text:
            buf.append(el.text if in_pre else _SRC_WS_RE.sub(" ", el.text))
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    _flush(buf, paras)
    return "\n\n".join(paras)


# --------------------------------------------------------------------------- public API


def sanitize_html(html: str, base_url: str | None = None) -> str:
    """Return safe HTML to store for an article body fragment.

    Removes script/style/noscript/iframe/object/embed/form/input/button/svg/link/meta (with their
    content), ``on*`` and ``style`` attributes, ``javascript:``/``vbscript:``/``data:`` URLs
    (a ``data:image`` ``img`` source is kept); makes relative ``href``/``src`` absolute against
    ``base_url`` (protocol-relative URLs become ``https:`` without one). Boilerplate elements
    (share, related, comments, pager, widgets, ads, breadcrumbs, Odoo footer/drop zones) and
    single-line boilerplate blocks (``Baca juga``, a cut-off heading and all after it) go too.
    Keeps p, br, a[href], img[src, alt], b/strong/i/em/u, ul/ol/li, h2-h6 (h1 becomes h2),
    blockquote, table markup, figure/figcaption, plus div, hr, sub/sup and pre/code. Lazy-load
    image sources are promoted to ``src``; 1x1 tracking pixels and empty paragraphs are dropped.
    """
    root = _parse(html)
    _drop_boilerplate_elements(root)
    _sanitize_tree(root, base_url)
    _apply_text_rules(root)
    _prune_empty(root)
    return _serialize(root)


def html_to_text(html: str) -> str:
    """Convert HTML to plain text: one paragraph per block element, joined by ``\\n\\n``.

    ``<br>`` gives a line break and an empty line (``<br><br>``) a paragraph break; a Word-pasted
    hard break (the line does not end with ``. ! ? : ; " ”`` and the next line starts lowercase)
    is re-joined with a space. Entities are decoded, nbsp/zero-width characters and runs of spaces
    normalised, and empty or nbsp-only paragraphs dropped. Script/style content is ignored.
    """
    return _tree_to_text(_parse(html))


def strip_boilerplate_text(text: str) -> str:
    """Remove boilerplate lines and paragraphs from plain text (paragraphs split by blank lines).

    * A line starting a cut-off marker (``Postingan populer dari blog ini``, ``Komentar`` alone,
      ``Artikel Sebelumnya``, ``Berita terkait``, ``Tinggalkan Balasan``, ``Tags`` …) is dropped
      with everything after it (above any article text it is only dropped: a share bar).
      Markers that could begin a real sentence (``Komentar``, ``Tidak ada
      komentar``, ``Berita terkait`` …) only count alone on their line or followed by ``:``.
    * Single lines are dropped anywhere: ``Baca juga …``, ``Simak juga``, ``Diposting oleh``,
      ``Label:``, ``ADVERTISEMENT``, leaked shortcodes, ``Array``, ``-->``, share-button words.
    * At the very end: ``Editor:``/``Penulis:``/``Sumber:``… credit lines, ``Tags:`` lines and an
      author/channel name printed twice.

    Other lines are kept verbatim (stripped of surrounding whitespace), paragraph breaks too.
    """
    paras: list[list[str]] = []
    for block in _PARA_SPLIT_RE.split(text.replace("\r\n", "\n").strip()):
        lines: list[str] = []
        cut = False
        for raw in block.split("\n"):
            line = raw.strip()
            if _CUT_RE.match(line) and (paras or lines):
                cut = True
                break
            if line and not _DROP_RE.match(line) and not _CUT_RE.match(line):
                lines.append(line)
        if lines:
            paras.append(lines)
        if cut:
            break
    name_done = False
    while paras:
        tail = [line for para in paras[-3:] for line in para][-3:]
        if _TRAIL_RE.match(tail[-1]):
            drop = 1
        elif not name_done and _is_name_pair(tail):
            drop, name_done = 2, True
        else:
            break
        for _ in range(drop):
            paras[-1].pop()
            if not paras[-1]:
                paras.pop()
    return "\n\n".join("\n".join(p) for p in paras)


def clean_body(html: str, base_url: str | None = None) -> tuple[str, str]:
    """Return ``(sanitized_html, clean_text)`` for an article body fragment, parsing it once.

    Boilerplate elements are removed first (by class/id/tag), then the tree is sanitized as in
    :func:`sanitize_html`, then converted with :func:`html_to_text` and cleaned with
    :func:`strip_boilerplate_text`.
    """
    root = _parse(html)
    _drop_boilerplate_elements(root)
    _sanitize_tree(root, base_url)
    _apply_text_rules(root)
    _prune_empty(root)
    return _serialize(root), strip_boilerplate_text(_tree_to_text(root))


def _image_key(url: str) -> str:
    key = _BLOGGER_SIZE_RE.sub("/", url.split("://", 1)[-1])
    return re.sub(r"^\d+\.bp\.", "bp.", key).rstrip("/")


def extract_images(html: str, base_url: str | None = None) -> list[str]:
    """Absolute image URLs of a body fragment in document order, de-duplicated.

    Skips images inside boilerplate elements or after a cut-off heading, tracking pixels (1x1,
    known tracker hosts), emoji/smilies, ``data:`` URIs, and Blogger ``s72-c`` thumbnails when a
    larger size of the same image is present. Lazy-load sources (``data-src`` …) are honoured.
    """
    root = _parse(html)
    _drop_boilerplate_elements(root)
    _apply_text_rules(root)
    _prepare_images(root)
    urls: dict[str, None] = {}  # ordered set
    for img in root.iter("img"):
        url = _safe_url(img.get("src"), base_url, image=True)
        emoji = "emoji" in img.get("class", "") or "wp-smiley" in img.get("class", "")
        if url and not url.startswith("data:") and not emoji and not _EMOJI_URL_RE.search(url):
            urls.setdefault(url)
    full = {_image_key(u) for u in urls if not _THUMB_RE.search(u)}
    return [u for u in urls if not (_THUMB_RE.search(u) and _image_key(u) in full)]
