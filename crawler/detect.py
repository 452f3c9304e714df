"""Which platform a site runs on, from a handful of requests (at most four).

:func:`detect_platform` reads the home page and looks for each platform's markers, strongest
first:

* **blogger**: ``<meta name="generator" content="blogger">``, Blogger's widget scripts;
* **wordpress**: the REST API link (``Link: <…/wp-json/>; rel="https://api.w.org/"`` header or
  ``<link rel="https://api.w.org/">``), ``<meta name="generator" content="WordPress …">``,
  the site's own ``/wp-content/`` or ``/wp-includes/`` assets (another host's WordPress
  images in a post prove nothing);
* **odoo**: ``<meta name="generator" content="Odoo">``, ``/web/assets/`` bundles, the blog's
  ``o_wblog_`` classes, the editor's ``data-oe-`` attributes;
* **lampung**: ``/detail-post/`` article links on a page titled "… - Website Resmi Polri";
* **newscms**: a host under one of the network's parent domains (``sumbawa.ngo.web.id``,
  ``purwakarta.demokrat.co.id`` …), or an article page carrying the network's blocks
  ("Artikel Sebelumnya" / "Artikel Berikutnya" together with "Rekomendasi berita").

When the home page shows none of them, one article page it links to is read (the network
CMS and stripped WordPress themes show themselves there), then ``/feeds/posts/default?alt=json``
(a Blogger feed answers with a ``feed`` object) and ``/wp-json/`` (a WordPress REST index
lists the ``wp/v2`` namespace). Anything else is ``generic``. A site that does not answer is
``generic`` too, with the cause in the evidence; detection never raises.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from crawler.platforms.generic import looks_like_article_url
from crawler.platforms.newscms import PARENT_PREFERENCE
from crawler.settings import USER_AGENT
from crawler.urls import host_of

#: Seconds to wait for each answer.
TIMEOUT = 10.0
#: Bytes of a page read at most.
MAX_BYTES = 1024 * 1024
GENERIC_EVIDENCE = "no known platform marker found: using the generic spider"

_WP_API_REL = re.compile(r'rel\s*=\s*"?https://api\.w\.org/"?', re.I)


@dataclass(frozen=True)
class Detection:
    """The platform found and the evidence for it."""

    platform: str
    evidence: str


@dataclass
class Answer:
    """One HTTP answer as detection sees it (``error`` set when there was none)."""

    url: str
    status: int = 0
    headers: Message = field(default_factory=Message)
    text: str = ""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300

    @property
    def json_body(self) -> Any:
        """The body parsed as JSON; None when the answer failed or is not JSON."""
        if not self.ok:
            return None
        try:
            return json.loads(self.text)
        except ValueError:
            return None

    @property
    def page(self) -> Selector:
        return Selector(text=self.text or "<html></html>")


def fetch(url: str, timeout: float = TIMEOUT) -> Answer:
    """GET ``url`` with the project's User-Agent; failures become ``Answer.error``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,application/json,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES)
            charset = response.headers.get_content_charset() or "utf-8"
            return Answer(response.geturl(), response.status, response.headers,
                          body.decode(charset, "replace"))
    except urllib.error.HTTPError as exc:  # error pages are themed too: keep the body
        try:
            body = exc.read(MAX_BYTES)
        except OSError:
            body = b""
        headers = exc.headers or Message()
        return Answer(url, exc.code, headers,
                      body.decode(headers.get_content_charset() or "utf-8", "replace"))
    except urllib.error.URLError as exc:
        return Answer(url, error=_reason(exc.reason))
    except (OSError, ValueError) as exc:
        return Answer(url, error=_reason(exc))


def detect_platform(url: str, timeout: float = TIMEOUT) -> Detection:
    """Probe the site at ``url`` (scheme://host) and name its platform (module docstring)."""
    base = url.rstrip("/")
    newscms = newscms_host(base)
    if newscms:
        return Detection("newscms", newscms)
    home = fetch(base + "/", timeout)
    if home.error:
        return Detection("generic", f"{base} did not answer ({home.error}): platform unknown, "
                                    "using the generic spider")
    found = page_markers(home, base)
    if found:
        return found
    if home.ok:
        article = article_link(home.page, home.url)
        if article:
            found = page_markers(fetch(article, timeout), base)
            if found:
                return found
    for probe, reader in ((f"{base}/feeds/posts/default?alt=json&max-results=1", blogger_feed),
                          (f"{base}/wp-json/", wordpress_rest)):
        found = reader(fetch(probe, timeout))
        if found:
            return found
    if not home.ok:
        return Detection("generic", f"the home page answered HTTP {home.status} and no platform "
                                    "answered its probes: using the generic spider")
    return Detection("generic", GENERIC_EVIDENCE)


# -- markers (pure functions of one answer) -----------------------------------------------------


def page_markers(answer: Answer, base: str) -> Detection | None:
    """The platform a page's headers and HTML show (error pages included), or None."""
    if answer.error:
        return None
    for check in _PAGE_CHECKS:
        found = check(answer, base)
        if found:
            return found
    return None


def _generator(answer: Answer) -> str:
    return " ".join(answer.page.css('meta[name="generator"]::attr(content), '
                                    'meta[name="Generator"]::attr(content)').getall()).lower()


def _blogger_page(answer: Answer, base: str) -> Detection | None:
    if "blogger" in _generator(answer):
        return Detection("blogger", 'the page\'s generator meta says "blogger"')
    if "_WidgetManager._Init(" in answer.text and "blogger.com" in answer.text:
        return Detection("blogger", "the page loads Blogger's widget manager")
    return None


def _wordpress_page(answer: Answer, base: str) -> Detection | None:
    links = " ".join(answer.headers.get_all("Link") or [])
    if _WP_API_REL.search(links):
        return Detection("wordpress", 'the Link header announces the WordPress REST API '
                                      '(rel="https://api.w.org/")')
    if answer.page.css('link[rel="https://api.w.org/"]'):
        return Detection("wordpress", 'the page links the WordPress REST API '
                                      '(<link rel="https://api.w.org/">)')
    generator = _generator(answer)
    if "wordpress" in generator:
        return Detection("wordpress", f"the page's generator meta says {generator!r}")
    host = host_of(base).removeprefix("www.")
    for src in answer.page.css("[src]::attr(src), link[href]::attr(href)").getall():
        if ("/wp-content/" in src or "/wp-includes/" in src) and \
                host_of(urljoin(answer.url, src)).removeprefix("www.") == host:
            return Detection("wordpress", "the site serves its own /wp-content/ or "
                                          "/wp-includes/ assets")
    return None


def _odoo_page(answer: Answer, base: str) -> Detection | None:
    if "odoo" in _generator(answer):
        return Detection("odoo", 'the page\'s generator meta says "Odoo"')
    page = answer.page
    if page.css('link[href*="/web/assets/"], script[src*="/web/assets/"]'):
        return Detection("odoo", "the page loads Odoo's /web/assets/ bundles")
    if page.css('[class*="o_wblog_"]'):
        return Detection("odoo", "the page has Odoo website_blog markup (o_wblog_ classes)")
    if len(page.xpath("//*[@*[starts-with(name(), 'data-oe-')]]")) >= 2:
        return Detection("odoo", "the page has Odoo editor attributes (data-oe-*)")
    return None


def _lampung_page(answer: Answer, base: str) -> Detection | None:
    page = answer.page
    titled = "website resmi polri" in " ".join(
        page.css('title::text, meta[property="og:title"]::attr(content)').getall()).lower()
    if titled and page.css('a[href*="/detail-post/"]'):
        return Detection("lampung", 'the page links /detail-post/ articles and is titled '
                                    '"… - Website Resmi Polri" (the Polda Lampung CMS)')
    return None


def _newscms_page(answer: Answer, base: str) -> Detection | None:
    text = " ".join(" ".join(answer.page.css("body ::text").getall()).split()).lower()
    prev_next = "artikel sebelumnya" in text or "artikel berikutnya" in text
    if prev_next and "rekomendasi berita" in text:
        return Detection("newscms", 'an article page carries the network CMS blocks '
                                    '("Artikel Sebelumnya/Berikutnya" and "Rekomendasi berita")')
    return None


_PAGE_CHECKS: tuple[Callable[[Answer, str], Detection | None], ...] = (
    _blogger_page, _wordpress_page, _odoo_page, _lampung_page, _newscms_page)


def newscms_host(base: str) -> str:
    """Evidence when the host is a channel of a known network parent domain, else ''."""
    host = host_of(base)
    for parent in PARENT_PREFERENCE:
        if host.endswith("." + parent) and not host.startswith("www."):
            return f"{host} is a channel of {parent}, a parent domain of the network news CMS"
    return ""


def blogger_feed(answer: Answer) -> Detection | None:
    """A Blogger JSON feed answer (``{"feed": {...}}``)."""
    data = answer.json_body
    if isinstance(data, dict) and isinstance(data.get("feed"), dict):
        return Detection("blogger", "/feeds/posts/default?alt=json answers with a Blogger feed")
    return None


def wordpress_rest(answer: Answer) -> Detection | None:
    """A WordPress REST index answer (``namespaces`` lists ``wp/v2``)."""
    data = answer.json_body
    if isinstance(data, dict) and "wp/v2" in (data.get("namespaces") or []):
        return Detection("wordpress", "/wp-json/ answers with the WordPress REST API index")
    return None


def article_link(page: Selector, page_url: str) -> str | None:
    """The first link on the page to an article-looking URL of the same site."""
    for href in page.css("a::attr(href)").getall():
        url = urljoin(page_url, href.strip())
        if looks_like_article_url(url, page_url):
            return url
    return None


def _reason(reason: object) -> str:
    """A short phrase for why a request got no answer."""
    text = str(getattr(reason, "strerror", None) or reason)
    lowered = text.lower()
    if "refused" in lowered:
        return "connection refused"
    if "timed out" in lowered or "timeout" in lowered:
        return "timed out"
    if "name or service not known" in lowered or "nodename nor servname" in lowered or \
            "getaddrinfo" in lowered:
        return "the host name does not resolve"
    return text
