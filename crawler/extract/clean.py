"""Article body cleaning: body HTML -> (sanitized HTML, clean plain text), minus boilerplate.

The input is the article body a platform spider has already located (a Blogger feed ``content``,
a ``div.post-body``, a WordPress ``div.entry-content``, an Odoo ``o_wblog_post_content_field`` …).
Every public function parses its input once; :func:`clean_body` does all the work on one tree.
"""

from __future__ import annotations

import html as _html
import re
from urllib.parse import unquote_plus, urljoin

from lxml import etree

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
_SAFE_ATTRS = frozenset({"href", "src", "alt", "title", "colspan", "rowspan"})

# The sanitizer (:func:`_strip_unsafe`) does exactly what this lxml_html_clean configuration
# did (with lxml.html's parser), in one pass over the tree instead of a dozen:
#     Cleaner(scripts=True, javascript=True, comments=True, style=True, inline_style=True,
#             links=True, meta=True, page_structure=True, processing_instructions=True,
#             embedded=False, frames=True, forms=True, annoying_tags=True,
#             remove_unknown_tags=False, allow_tags=_ALLOWED_TAGS, kill_tags=_KILL_TAGS,
#             safe_attrs_only=True, safe_attrs=_SAFE_ATTRS)
# tests/test_clean.py checks that both leave the same tree on hostile HTML.
#: Removed with their content: our kill list plus the Cleaner's scripts/style/links/meta/
#: frames/forms/<base> (``head`` is removed) options, comments and processing instructions.
_KILL = _KILL_TAGS | {
    "script", "style", "link", "meta", "base", "frame", "frameset", "noframes", "button",
    "input", "select", "textarea", etree.Comment, etree.ProcessingInstruction,
}
#: Unwrapped first (innermost first): page structure and "annoying" tags not killed above.
_UNWRAP = frozenset({"html", "blink", "marquee"})
#: URLs with a scheme that can execute (after unquoting and removing whitespace); a
#: ``data:image/…;base64,`` URL (not svg/xml) does not count.
_EXEC_SCHEME_RE = re.compile(r"(javascript|jscript|livescript|vbscript|data|about|mocha):", re.I)
_DATA_IMAGE_RE = re.compile(r"data:image/(.{1,255}?);base64,", re.I)
_SCRIPTABLE_IMAGE_RE = re.compile(r"(xml|svg)", re.I)
_URL_SPACE_RE = re.compile(r"[\s\x00-\x08\x0B\x0C\x0E-\x19]+")

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
_CTRL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_NBSP_TEXT_RE = re.compile(r"&nbsp;", re.I)  # double-escaped entity left in the text
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
_LEAF_SET = frozenset({*_LEAF_TAGS, "br"})  # the blocks a text rule may remove
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

# --------------------------------------------------------------------------- parsing

Element = etree._Element
#: A plain HTML parser (same options as lxml.html's) without the HtmlElement class lookup.
_PARSER = etree.HTMLParser()
_FULL_HTML_RE = re.compile(r"^\s*<(?:html|!doctype)", re.I)
_text_content = etree.XPath("string()", smart_strings=False)  # lxml.html's text_content()


# --------------------------------------------------------------------------- helpers


def _parse(html: str) -> Element:
    """Parse a fragment (or a whole document's body) under one wrapper ``div``."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    html = _XML_DECL_RE.sub("", html or "", count=1)
    # Speed: control characters are rare; deleting them from the UTF-8 bytes is a much cheaper
    # test than a regex search (in UTF-8 these bytes only ever stand for themselves).
    raw = html.encode("utf-8", "surrogatepass")
    if len(raw.translate(None, _CTRL_BYTES)) != len(raw):
        html = _CTRL_RE.sub("", html)
    try:
        return _fragment(html)
    except (etree.ParserError, ValueError):
        return _fragment(_html.escape(html))


def _fragment(html: str) -> Element:
    """``lxml.html.fragment_fromstring(html, create_parent="div")`` with plain lxml elements.

    Speed: lxml.html's parser calls a Python element-class lookup for every node proxy
    (about a third of the cleaning time); nothing here needs its ``HtmlElement`` methods.
    """
    if not _FULL_HTML_RE.match(html):
        html = f"<html><body>{html}</body></html>"
    doc = etree.fromstring(html, _PARSER)
    if doc is None:
        raise etree.ParserError("Document is empty")
    if doc.tag != "html":
        raise ValueError(f"parsed to <{doc.tag}>, not a document")
    bodies = [e for e in doc if e.tag == "body"]  # none when all of it went into <head>
    root = _PARSER.makeelement("div")
    # Usually one body; markup pasted into a post can open more (``…<body>…<body>``): the
    # content of all of them, in order.
    for body in bodies:
        if body.text and body.text.strip():
            if len(root):
                root[-1].tail = (root[-1].tail or "") + body.text
            else:
                root.text = (root.text or "") + body.text
        root.extend(body)
    return root


def _norm_line(text: str) -> str:
    # Speed: the checks skip the (slow, per character) translate and the &nbsp; regex on the
    # usual line; str.split() splits on exactly the characters regex \s matches (both use
    # str.isspace), so the join equals re.sub(r"\s+", " ", text).strip().
    if not text.isascii() and (
        "\u200b" in text or "\u200c" in text or "\u200d" in text or "\u2060" in text
        or "\ufeff" in text or "\u00ad" in text
    ):
        text = text.translate(_ZERO_WIDTH)
    if "&" in text:
        text = _NBSP_TEXT_RE.sub(" ", text)
    return " ".join(text.split())


def _blank(text: str | None) -> bool:
    """``not _norm_line(text or "")``, usually without building the normalised line."""
    if not text or text.isspace():
        return True
    if "&" in text or not text.isascii():  # an &nbsp; entity or zero-width characters?
        return not _norm_line(text)
    return False


def _drop_tree(el: Element) -> None:
    """Remove ``el`` with its content, keeping its tail text (lxml.html's ``drop_tree``)."""
    parent = el.getparent()
    assert parent is not None
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def _drop_tag(el: Element) -> None:
    """Remove the tag of ``el``, keeping its text and children (lxml.html's ``drop_tag``)."""
    parent = el.getparent()
    assert parent is not None
    previous = el.getprevious()
    if el.text and isinstance(el.tag, str):
        if previous is None:
            parent.text = (parent.text or "") + el.text
        else:
            previous.tail = (previous.tail or "") + el.text
    if el.tail:
        if len(el):
            last = el[-1]
            last.tail = (last.tail or "") + el.tail
        elif previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    index = parent.index(el)
    parent[index:index + 1] = el[:]


def _drop(el: Element) -> None:
    if el.getparent() is not None:
        _drop_tree(el)  # keeps the tail text


def _in_tree(el: Element, root: Element) -> bool:
    """Whether ``el`` is still under ``root`` (no ancestor of it was removed)."""
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def _drop_boilerplate_elements(root: Element) -> None:
    """Remove share/related/comment/pager/widget/ad/breadcrumb elements (one pass, no XPath)."""
    doomed: list[Element] = []
    drop_zones: list[Element] = []
    for el in root.iterdescendants(etree.Element):
        cls = el.get("class")
        classes = cls.split() if cls else ()
        if (el.tag in ("aside", "nav") or not _BOILER_CLASS_SET.isdisjoint(classes)
                or el.get("id") in _BOILER_ID_SET):
            doomed.append(el)
        elif "oe_structure" in classes:  # Odoo drop zone: keep it only if it holds article text
            drop_zones.append(el)
    # Speed: an element inside one already dropped is skipped; it would only be tested (an
    # XPath over its subtree) and dropped from the detached subtree.
    for el in doomed:
        if _in_tree(el, root) and not _HOLDS_CONTENT_XPATH(el):
            _drop(el)
    for el in drop_zones:
        if not _in_tree(el, root):
            continue
        text = _norm_line(_text_content(el))
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


def _prepare_images(root: Element) -> None:
    """Use lazy-load sources (``data-src`` …) and drop tracking pixels (1x1, tracker hosts)."""
    for img in list(root.iter("img")):
        src = img.get("src", "").strip()
        if not src or src.startswith("data:"):
            src = next((img.get(a) for a in _LAZY_SRC if img.get(a)), src)
            img.set("src", src)
        size = [(img.get(a) or "").strip().removesuffix("px") for a in ("width", "height")]
        if all(n.isdigit() and int(n) <= 1 for n in size) or _PIXEL_URL_RE.search(src):
            _drop_tree(img)


def _executable_url(url: str) -> bool:
    """Whether a link could run script (lxml_html_clean's ``_remove_javascript_link`` test)."""
    url = _URL_SPACE_RE.sub("", unquote_plus(url))
    # Speed: each scheme below ends in "t:" or "a:" (no other character matches t or a under
    # re.I), so an ordinary https:/http:/mailto: link needs no regex at all.
    if "t:" not in url and "a:" not in url and "T:" not in url and "A:" not in url:
        return False
    images = _DATA_IMAGE_RE.findall(url)
    if any(_SCRIPTABLE_IMAGE_RE.search(kind) for kind in images):
        return True
    return len(_EXEC_SCHEME_RE.findall(url)) > len(images)


def _strip_unsafe(root: Element) -> None:
    """Kill unsafe elements, unwrap tags not allowed, keep only safe attributes and links.

    The same tree operations, in the same order, as the lxml_html_clean ``Cleaner``
    configuration noted at ``_KILL``, found in one pass over the tree instead of a dozen (work
    done inside a killed subtree is thrown away with it).
    """
    kill: list[Element] = []
    unwrap: list[Element] = []
    not_allowed: list[Element] = []
    for el in root.iter():
        tag = el.tag
        if tag == "image":  # browsers read <image> as <img>
            el.tag = tag = "img"
        if tag in _KILL:
            kill.append(el)
        elif tag in _UNWRAP:
            unwrap.append(el)
        elif tag not in _ALLOWED_TAGS:
            not_allowed.append(el)
        else:
            names = el.keys()
            if not names:
                continue
            if not _SAFE_ATTRS.issuperset(names):
                attrib = el.attrib
                for name in names:
                    if name not in _SAFE_ATTRS:
                        del attrib[name]
            for name in ("href", "src"):
                if name in names:
                    link = el.get(name)
                    new = "" if _executable_url(link.strip()) else link.strip()
                    if new != link:
                        el.set(name, new)
    for el in kill:  # outermost first
        _drop_tree(el)
    for el in reversed(unwrap):
        _drop_tag(el)
    for el in not_allowed:
        _drop_tag(el)


def _sanitize_tree(root: Element, base_url: str | None) -> None:
    _prepare_images(root)
    for el in root.iter(*_TO_DIV, "h1"):
        el.tag = "h2" if el.tag == "h1" else "div"
    _strip_unsafe(root)
    for a in list(root.iter("a")):
        href = _safe_url(a.get("href"), base_url, image=False)
        if href:
            a.set("href", href)
        else:
            _drop_tag(a)
    for img in list(root.iter("img")):
        src = _safe_url(img.get("src"), base_url, image=True)
        if src:
            img.set("src", src)
        else:
            _drop_tree(img)


def _is_name_pair(lines: list[str]) -> bool:
    """The last two lines are one short name printed twice (and not a longer run of repeats)."""
    if len(lines) < 2 or (len(lines) > 2 and lines[-3].casefold() == lines[-1].casefold()):
        return False
    last = lines[-1]
    return (lines[-2].casefold() == last.casefold() and len(last) <= 60
            and len(last.split()) <= 6 and not last.endswith((".", "!", "?")))


def _content_beside(el: Element, root: Element, after: bool) -> bool:
    """Whether text (or, after ``el``, an image) lies after/before ``el`` (a leaf block or a
    ``<br>``, whose tail is its line) inside ``root``."""
    node = el
    while node is not root:
        parent = node.getparent()
        if not after and not _blank(parent.text):
            return True
        if after and (node is not el or el.tag != "br") and not _blank(node.tail):
            return True
        for sib in node.itersiblings(preceding=not after):
            text = _text_content(sib) if isinstance(sib.tag, str) else ""  # skip comments
            if not _blank(text + (sib.tail or "")):
                return True
            if after and next(sib.iter("img"), None) is not None:
                return True
        node = parent
    return False


def _remove_line(el: Element) -> None:
    if el.tag == "br":
        el.getparent().remove(el)  # with its tail, which is the line
    else:
        _drop_tree(el)


def _apply_text_rules(root: Element) -> None:
    """The text rules of :func:`strip_boilerplate_text`, applied to single-line leaf blocks."""
    # Speed: the blocks holding a nested block or <br> are found in one pass (an ancestor walk
    # from each nested element) rather than by a descendant search from every block. Lines
    # removed below come before the block being looked at, never inside it, so this holds.
    nested = list(root.iter(*_NESTED))
    holders: set[Element] = set()
    for el in nested:
        parent = el.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    kept: list[tuple[Element, str]] = []
    for el in nested:
        tag = el.tag
        if tag not in _LEAF_SET or el.getparent() is None:
            continue
        if tag == "br":  # a whole line of text between two <br> (Blogger compose mode)
            nxt = el.getnext()
            if not el.tail or (nxt is not None and nxt.tag not in _BLOCK_TAGS and nxt.tag != "br"):
                continue
            text = _norm_line(el.tail)
        elif el not in holders:
            text = _norm_line(_text_content(el))
        else:
            continue
        if not text:
            continue
        cut = _CUT_RE.match(text)
        if cut and _content_beside(el, root, after=False):
            node = el  # drop this line and everything after it
            while node is not root:
                for sib in list(node.itersiblings()):
                    node.getparent().remove(sib)
                node.tail = None
                node = node.getparent()
            el.getparent().remove(el)
            break
        if cut or _DROP_RE.match(text):  # a cut marker above the article
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


def _prune_empty(root: Element) -> None:
    for el in reversed(list(root.iterdescendants(*_PRUNE_TAGS))):
        # Speed: the cheapest test (own text) first; all three are pure.
        if (
            _blank(el.text)
            and all(child.tag == "br" for child in el)
            and all(_blank(child.tail) for child in el)
        ):
            _drop_tree(el)


def _serialize(root: Element) -> str:
    # Speed: one set of the <pre> subtrees instead of an ancestor walk for every element.
    in_pre = {el for pre in root.iter("pre") for el in pre.iter()}
    for el in root.iter():  # drop source indentation and blank runs left by removed elements
        if in_pre and el in in_pre:
            continue
        text, tail = el.text, el.tail
        if text and "\n" in text:
            el.text = _INDENT_RE.sub("\n", text)
        if tail and "\n" in tail:
            el.tail = _INDENT_RE.sub("\n", tail)
    # Speed: one tostring() of the root instead of one per child; its own text (serialised as
    # before) is taken out meanwhile so the markup inside <div>…</div> is just the children.
    text, root.text = root.text, None
    inner = etree.tostring(root, encoding="unicode", method="html")
    root.text = text
    assert inner.startswith("<div>") and inner.endswith("</div>")
    return ((_html.escape(text, quote=False) if text else "") + inner[5:-6]).strip()


def _join_hard_breaks(lines: list[str]) -> str:
    out = [lines[0]]
    for line in lines[1:]:
        if not out[-1].endswith(_TERMINAL) and line[0].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _flush(buf: list[str], paras: list[str]) -> None:
    text = "".join(buf)
    buf.clear()
    if "\n" not in text:  # speed: the usual paragraph is one line
        line = _norm_line(text)
        if line:
            paras.append(line)
        return
    group: list[str] = []
    for line in [*map(_norm_line, text.split("\n")), ""]:
        if line:
            group.append(line)
        elif group:
            paras.append(_join_hard_breaks(group))
            group = []


def _tree_to_text(root: Element) -> str:
    # Speed: lxml's iterwalk (C) instead of a Python stack of (element, closing) tuples.
    # Outside <pre>, source newlines only need to stop being line breaks ("\n" is a <br>):
    # _norm_line collapses all other whitespace anyway.
    paras: list[str] = []
    buf: list[str] = []
    in_pre = 0
    walk = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walk:
        if event == "start":
            tag = el.tag
            if tag in _KILL_TAGS:  # ignored with its content; its tail is read at "end"
                walk.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                if buf:
                    _flush(buf, paras)
            elif tag == "br":
                buf.append("\n")
            in_pre += tag == "pre"
            text = el.text
            if text:
                buf.append(text if in_pre else text.replace("\n", " "))
            continue
        if event == "end":
            tag = el.tag
            if tag not in _KILL_TAGS:
                if tag in _BLOCK_TAGS:
                    if buf:
                        _flush(buf, paras)
                elif tag == "td" or tag == "th":
                    buf.append(" ")
                in_pre -= tag == "pre"
            if el is root:
                break
        tail = el.tail  # of an element, a comment or a processing instruction
        if tail:
            buf.append(tail if in_pre else tail.replace("\n", " "))
    if buf:
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
            marker = _CUT_RE.match(line)
            if marker and (paras or lines):
                cut = True
                break
            if line and not marker and not _DROP_RE.match(line):
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
