"""A fake Blogger blog: the feed API (JSON and Atom), post pages, index page, robots.txt.

It behaves like Blogger where the crawler depends on it: ``start-index`` is 1-based,
``max-results`` is capped by the server (``page_cap``), ``published-min`` is inclusive and
``published-max`` exclusive, ``entry`` is absent on an empty page, times carry milliseconds
and the blog's offset, feeds carry ETags and answer 304 to a matching ``If-None-Match``, and
a custom-domain blog's ``next`` links point at another host (the fake ``www.blogger.com``,
:class:`BloggerFeedHub`). A blog set to ``summary_only`` sends ``summary`` instead of
``content``. ``fault`` makes the feed misbehave on purpose: ``"500"``, ``"malformed"``,
``"timeout"`` or ``"html"``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlencode
from xml.sax.saxutils import escape, quoteattr

from crawler.demo.content import DemoBlog, DemoPost, render_index_page, render_post_page
from crawler.demo.mockweb import (
    MockRequest,
    MockResponse,
    html,
    not_found,
    text,
    with_validators,
)


def blogger_time(value: datetime) -> str:
    """Blogger's feed time format: milliseconds and the blog's offset."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.001") + value.strftime("%z")[:3] + ":" + \
        value.strftime("%z")[3:]


class BloggerBlogSite:
    """One fake Blogger blog (see the module docstring)."""

    def __init__(self, blog: DemoBlog, base_url: str, *, page_cap: int = 25,
                 summary_only: bool = False, hub_url: str | None = None,
                 theme: str = "simple", fault: str | None = None) -> None:
        self.blog = blog
        self.base_url = base_url
        self.page_cap = page_cap
        self.summary_only = summary_only
        self.hub_url = hub_url
        self.theme = theme
        self.fault = fault
        self.posts: list[DemoPost] = list(blog.posts)
        self._by_path = {self.post_path(p): p for p in self.posts}

    # -- changing the blog (for incremental tests) --------------------------------------------

    def set_posts(self, posts: Sequence[DemoPost]) -> None:
        """Replace the blog's posts (newest first), e.g. to add or edit some."""
        self.posts = sorted(posts, key=lambda p: p.published, reverse=True)
        self._by_path = {self.post_path(p): p for p in self.posts}

    @staticmethod
    def post_path(post: DemoPost) -> str:
        return f"/{post.published:%Y}/{post.published:%m}/{post.slug}.html"

    def post_url(self, post: DemoPost) -> str:
        return self.base_url + self.post_path(post)

    # -- serving ---------------------------------------------------------------------------

    def handle(self, request: MockRequest) -> MockResponse:
        path = request.path
        if path == "/robots.txt":
            return text(f"User-agent: *\nDisallow: /search\nAllow: /\n\n"
                        f"Sitemap: {self.base_url}/sitemap.xml\n")
        if path in ("/feeds/posts/default", "/feeds/posts/summary",
                    f"/feeds/{self.blog.blog_id}/posts/default"):
            return self.feed(request, summary=path.endswith("summary"))
        if path == "/":
            return html(render_index_page(self.blog, self.posts[:10], self.base_url))
        post = self._by_path.get(path)
        if post is not None:
            return html(render_post_page(self.blog, post, self.base_url, theme=self.theme,
                                         popular=[p for p in self.posts[:4] if p != post][:3]))
        return not_found()

    def feed(self, request: MockRequest, summary: bool = False) -> MockResponse:
        """A feed page, filtered and paged the way Blogger does it."""
        if self.fault == "500":
            return text("Internal Server Error", 500)
        if self.fault == "timeout":
            return MockResponse(200, b"{}", {"Content-Type": "application/json"}, delay=30.0)
        if self.fault == "html":
            return html("<html><head><title>Slot Gacor</title></head><body>daftar</body></html>")
        query = request.query
        posts = self.posts
        if query.get("orderby") == "updated":
            posts = sorted(posts, key=lambda p: p.updated, reverse=True)
        low = _feed_time(query.get("published-min"))
        high = _feed_time(query.get("published-max"))
        posts = [p for p in posts if (low is None or p.published >= low)
                 and (high is None or p.published < high)]
        changed_since = _feed_time(query.get("updated-min"))
        if changed_since is not None:
            posts = [p for p in posts if p.updated >= changed_since]
        start = max(1, int(query.get("start-index", "1") or 1))
        size = min(self.page_cap, max(1, int(query.get("max-results", "25") or 25)))
        page = posts[start - 1:start - 1 + size]
        next_url = None
        if start - 1 + size < len(posts):
            next_query = {k: v for k, v in query.items() if k not in ("start-index",)}
            next_query.update({"start-index": str(start + size), "max-results": str(size)})
            base = (f"{self.hub_url}/feeds/{self.blog.blog_id}/posts/default" if self.hub_url
                    else f"{self.base_url}/feeds/posts/default")
            next_url = f"{base}?{urlencode(next_query)}"
        summary = summary or self.summary_only
        if query.get("alt") == "json":
            body = json.dumps(self._json_feed(page, len(posts), start, size, next_url, summary),
                              ensure_ascii=False)
            if self.fault == "malformed":
                body = body[: len(body) // 2]
            response = MockResponse(200, body.encode("utf-8"),
                                    {"Content-Type": "application/json; charset=UTF-8"})
        else:
            body = self._atom_feed(page, len(posts), start, size, next_url, summary)
            if self.fault == "malformed":
                body = body[: len(body) // 2]
            response = MockResponse(200, body.encode("utf-8"),
                                    {"Content-Type": "application/atom+xml; charset=UTF-8"})
        return with_validators(request, response)

    # -- feed bodies -------------------------------------------------------------------------

    def _links(self, next_url: str | None) -> list[dict[str, str]]:
        links = [
            {"rel": "http://schemas.google.com/g/2005#feed", "type": "application/atom+xml",
             "href": f"{self.base_url}/feeds/posts/default"},
            {"rel": "self", "type": "application/atom+xml",
             "href": f"{self.hub_url or self.base_url}/feeds/{self.blog.blog_id}/posts/default"},
            {"rel": "alternate", "type": "text/html", "href": self.base_url + "/"},
            {"rel": "hub", "href": "http://pubsubhubbub.appspot.com/"},
        ]
        if next_url:
            links.append({"rel": "next", "type": "application/atom+xml", "href": next_url})
        return links

    def _json_feed(self, page: list[DemoPost], total: int, start: int, size: int,
                   next_url: str | None, summary: bool) -> dict[str, object]:
        blog = self.blog
        feed: dict[str, object] = {
            "xmlns": "http://www.w3.org/2005/Atom",
            "xmlns$openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
            "id": {"$t": f"tag:blogger.com,1999:blog-{blog.blog_id}"},
            "updated": {"$t": blogger_time(self.posts[0].updated) if self.posts else ""},
            "category": [{"term": label} for label in
                         sorted({lab for p in self.posts for lab in p.labels})],
            "title": {"type": "text", "$t": blog.title},
            "subtitle": {"type": "html", "$t": f"Berita resmi {blog.unit}"},
            "link": self._links(next_url),
            "author": [{"name": {"$t": blog.title}, "email": {"$t": "noreply@blogger.com"}}],
            "generator": {"version": "7.00", "uri": "http://www.blogger.com", "$t": "Blogger"},
            "openSearch$totalResults": {"$t": str(total)},
            "openSearch$startIndex": {"$t": str(start)},
            "openSearch$itemsPerPage": {"$t": str(size)},
        }
        if page:
            feed["entry"] = [self._json_entry(post, summary) for post in page]
        return {"version": "1.0", "encoding": "UTF-8", "feed": feed}

    def _json_entry(self, post: DemoPost, summary: bool) -> dict[str, object]:
        url = self.post_url(post)
        entry: dict[str, object] = {
            "id": {"$t": f"tag:blogger.com,1999:blog-{self.blog.blog_id}.post-{post.post_id}"},
            "published": {"$t": blogger_time(post.published)},
            "updated": {"$t": blogger_time(post.updated)},
            "category": [{"scheme": "http://www.blogger.com/atom/ns#", "term": label}
                         for label in post.labels],
            "title": {"type": "text", "$t": post.title},
            "link": [
                {"rel": "replies", "type": "text/html", "href": url + "#comment-form",
                 "title": "0 Komentar"},
                {"rel": "edit", "type": "application/atom+xml",
                 "href": f"https://www.blogger.com/feeds/{self.blog.blog_id}/posts/default/"
                         f"{post.post_id}"},
                {"rel": "self", "type": "application/atom+xml",
                 "href": f"https://www.blogger.com/feeds/{self.blog.blog_id}/posts/default/"
                         f"{post.post_id}"},
                {"rel": "alternate", "type": "text/html", "href": url, "title": post.title},
            ],
            "author": [{"name": {"$t": post.author}, "email": {"$t": "noreply@blogger.com"},
                        "gd$image": {"rel": "http://schemas.google.com/g/2005#thumbnail",
                                     "width": "16", "height": "16",
                                     "src": "https://img1.blogblog.com/img/b16-rounded.gif"}}],
            "thr$total": {"$t": "0"},
        }
        if summary:
            entry["summary"] = {"type": "text", "$t": post.body_text[:280]}
        else:
            entry["content"] = {"type": "html", "$t": post.body_html}
        return entry

    def _atom_feed(self, page: list[DemoPost], total: int, start: int, size: int,
                   next_url: str | None, summary: bool) -> str:
        links = "".join(f"<link rel={quoteattr(link['rel'])} href={quoteattr(link['href'])}/>"
                        for link in self._links(next_url))
        entries = []
        for post in page:
            body = (f"<summary type='text'>{escape(post.body_text[:280])}</summary>" if summary
                    else f"<content type='html'>{escape(post.body_html)}</content>")
            labels = "".join(f"<category scheme='http://www.blogger.com/atom/ns#' "
                             f"term={quoteattr(label)}/>" for label in post.labels)
            entries.append(
                f"<entry><id>tag:blogger.com,1999:blog-{self.blog.blog_id}.post-{post.post_id}"
                f"</id><published>{blogger_time(post.published)}</published>"
                f"<updated>{blogger_time(post.updated)}</updated>{labels}"
                f"<title type='text'>{escape(post.title)}</title>{body}"
                f"<link rel='alternate' type='text/html' href={quoteattr(self.post_url(post))}"
                f" title={quoteattr(post.title)}/><author><name>{escape(post.author)}</name>"
                f"</author></entry>")
        return (
            "<?xml version='1.0' encoding='UTF-8'?>"
            "<feed xmlns='http://www.w3.org/2005/Atom' "
            "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'>"
            f"<id>tag:blogger.com,1999:blog-{self.blog.blog_id}</id>"
            f"<title type='text'>{escape(self.blog.title)}</title>{links}"
            f"<openSearch:totalResults>{total}</openSearch:totalResults>"
            f"<openSearch:startIndex>{start}</openSearch:startIndex>"
            f"<openSearch:itemsPerPage>{size}</openSearch:itemsPerPage>"
            + "".join(entries) + "</feed>"
        )


class BloggerFeedHub:
    """The fake ``www.blogger.com``: answers ``/feeds/<blogId>/posts/default`` for any blog."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blogs: dict[str, BloggerBlogSite] = {}

    def register(self, site: BloggerBlogSite) -> None:
        self.blogs[site.blog.blog_id] = site

    def handle(self, request: MockRequest) -> MockResponse:
        if request.path == "/robots.txt":
            return text("User-agent: *\nAllow: /feeds/\nDisallow: /profile\n")
        parts = request.path.strip("/").split("/")
        if len(parts) == 4 and parts[0] == "feeds" and parts[2:] == ["posts", "default"]:
            site = self.blogs.get(parts[1])
            if site is not None:
                return site.feed(request)
        return not_found()


def _feed_time(value: str | None) -> datetime | None:
    if not value:
        return None
    from crawler.dates import parse_iso

    return parse_iso(value)
