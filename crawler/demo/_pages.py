"""What the fake HTML news sites (Odoo, Lampung, news CMS) have in common.

:class:`HtmlNewsSite` holds a :class:`~crawler.demo.content.DemoBlog`'s posts newest first,
finds a post by its path, pages the list, re-links the bodies' "Baca juga" links (written as
Blogger paths) to the site's own article paths, and routes requests: ``/robots.txt``, article
pages, whatever :meth:`HtmlNewsSite.route` answers, else a 404 page. A subclass says how its
platform spells paths and pages (:meth:`post_path`, :meth:`article_page`, :meth:`route`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from crawler.demo.content import BULAN, HARI, DemoBlog, DemoPost, post_path
from crawler.demo.mockweb import MockRequest, MockResponse, not_found, text
from crawler.demo.mockweb import html as html_answer

_TZ_LABEL = {7: "WIB", 8: "WITA", 9: "WIT"}
_BLOGGER_HREF = re.compile(r'href="(/\d{4}/\d{2}/[^"]+\.html)"')
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    """A CMS slug: the whole title, lower-case, words joined by '-'."""
    return _SLUG_JUNK.sub("-", title.lower()).strip("-")


def esc(value: str) -> str:
    """HTML-escaped text or attribute value."""
    return html.escape(value, quote=True)


def zone_label(value: datetime) -> str:
    """WIB / WITA / WIT for an aware time."""
    hours = int((value.utcoffset() or timedelta(0)).total_seconds() // 3600)
    return _TZ_LABEL.get(hours, "WIB")


def long_date(value: datetime, *, clock: bool = True) -> str:
    """'Senin, 12 Agustus 2024 09:15 WIB' (without the time when ``clock`` is False)."""
    day = f"{HARI[value.weekday()]}, {value.day} {BULAN[value.month - 1]} {value.year}"
    return f"{day} {value:%H:%M} {zone_label(value)}" if clock else day


def paragraphs_html(post: DemoPost) -> list[str]:
    """The post's clean paragraphs as escaped ``<p>`` elements (editor-clean HTML)."""
    return [f"<p>{esc(p)}</p>" for p in post.body_text.split("\n\n")]


def place_of(post: DemoPost) -> str:
    """The unit's place name ('Polres Metro' → 'Metro')."""
    return post.unit.split(" ", 1)[-1]


class HtmlNewsSite:
    """Posts newest first, paged lists, routing (see the module docstring)."""

    #: Articles per listing page.
    page_size = 12

    def __init__(self, blog: DemoBlog, base_url: str) -> None:
        self.blog = blog
        self.base_url = base_url
        self.set_posts(blog.posts)

    # -- content -------------------------------------------------------------------------

    def set_posts(self, posts: Sequence[DemoPost]) -> None:
        """Replace the posts (e.g. to add or edit some); they are kept newest first."""
        self.posts = sorted(posts, key=lambda p: p.published, reverse=True)
        self.slugs: dict[str, str] = {}
        taken: set[str] = set()
        for post in reversed(self.posts):  # the older post keeps the plain slug
            slug = base = slugify(post.title)
            number = 1
            while slug in taken:
                number += 1
                slug = f"{base}-{number}"
            taken.add(slug)
            self.slugs[post.post_id] = slug
        self._by_path = {self.post_path(p): p for p in self.posts}
        self._by_blogger_path = {post_path(p): p for p in self.posts}

    def post_path(self, post: DemoPost) -> str:
        """The path of a post's page on this platform."""
        raise NotImplementedError

    def slug(self, post: DemoPost) -> str:
        """The post's slug: its slugified title (unique on the site)."""
        return self.slugs[post.post_id]

    def post_url(self, post: DemoPost) -> str:
        return self.base_url + self.post_path(post)

    def page(self, number: int) -> list[DemoPost]:
        """Listing page ``number`` (1-based); [] past the end."""
        start = (number - 1) * self.page_size
        return self.posts[start:start + self.page_size] if number >= 1 else []

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.posts) // self.page_size))

    def neighbours(self, post: DemoPost) -> tuple[DemoPost | None, DemoPost | None]:
        """(older, newer) posts next to ``post``."""
        index = self.posts.index(post)
        older = self.posts[index + 1] if index + 1 < len(self.posts) else None
        return older, (self.posts[index - 1] if index else None)

    def relinked_body(self, post: DemoPost) -> str:
        """``post.body_html`` with its Blogger-path links pointing at this site's pages."""
        def swap(match: re.Match[str]) -> str:
            target = self._by_blogger_path.get(match.group(1))
            return f'href="{self.post_path(target)}"' if target else match.group(0)

        return _BLOGGER_HREF.sub(swap, post.body_html)

    # -- serving -------------------------------------------------------------------------

    def handle(self, request: MockRequest) -> MockResponse:
        if request.path == "/robots.txt":
            return text(self.robots_txt())
        post = self._by_path.get(request.path)
        if post is not None:
            return html_answer(self.article_page(post))
        return self.route(request) or not_found()

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /admin\n"

    def article_page(self, post: DemoPost) -> str:
        """The HTML of a post's page."""
        raise NotImplementedError

    def route(self, request: MockRequest) -> MockResponse | None:
        """Answers for paths other than robots.txt and articles (None: 404)."""
        return None


def page_number(value: str | None) -> int | None:
    """A ``?page=`` value as a page number (None when it is not one)."""
    value = (value or "1").strip()
    return int(value) if value.isdigit() and int(value) >= 1 else None
