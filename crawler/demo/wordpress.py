"""A fake self-hosted WordPress 6.4.3 site: REST API, RSS feed, core sitemaps, article pages.

It behaves like WordPress where the crawler depends on it:

* ``/wp-json/wp/v2/posts``: ``per_page`` 1–100 (more is a 400 ``rest_invalid_param``; a host
  may cap it lower, ``per_page_cap``), ``page`` past the end is a 400
  ``rest_post_invalid_page_number``, ``after``/``before`` and ``modified_after``/
  ``modified_before`` (WordPress ≥ 5.7) are exclusive and read in the site's zone when naive,
  ``orderby`` ``date`` or ``modified``, ``order``; answers carry ``X-WP-Total``,
  ``X-WP-TotalPages`` and a ``Link`` header with ``rel="prev"``/``rel="next"``; ``date`` and
  ``modified`` are site-local and ``date_gmt``/``modified_gmt`` UTC, both without an offset;
  ``_embed`` adds the author and the ``wp:term`` lists (categories, then tags). ``rest`` set
  to ``"401"``/``"403"`` answers what REST-disabling plugins answer, ``"html"`` the home
  page (a redirect to the front end).
* ``/feed/`` and ``/feed/?paged=N``: RSS 2.0, 10 items a page, ``content:encoded`` unless
  ``feed_full=False`` (the "Summary" reading setting); past the end a 404 with an empty
  channel, as WordPress does.
* ``/wp-sitemap.xml`` and ``/wp-sitemap-posts-post-N.xml``: only ``<loc>``, posts by ID
  ascending, ``sitemap_max_urls`` a page.
* ``/YYYY/MM/DD/<slug>/``: the post in an Astra or JNews theme (``theme``) with the usual
  Indonesian chrome: menu, views counter, "Baca Juga:" inside the content, "Bagikan" share
  buttons, Jetpack related posts, post navigation, the comment form ("Tinggalkan Balasan"),
  sidebar widgets.
* REST and feed answers carry ETags and answer 304 to a matching ``If-None-Match``.

Posts get WordPress IDs ascending with publication time; a post's labels become its category
(the first) and tags (the rest). ``DemoPost.body_html`` is served untouched as the content, so
``DemoPost.body_text`` is what the crawler must store whichever channel it reads.
"""

from __future__ import annotations

import hashlib
import html as _html
import json
import math
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlencode

from crawler.dates import parse_iso
from crawler.demo.content import BULAN, HARI, DemoBlog, DemoPost
from crawler.demo.mockweb import (
    MockRequest,
    MockResponse,
    html,
    text,
    with_validators,
)

WP_VERSION = "6.4.3"
FEED_PAGE_SIZE = 10
_JSON = {"Content-Type": "application/json; charset=UTF-8"}


def wp_time(value: datetime, *, gmt: bool = False) -> str:
    """WordPress's REST time format: seconds, no offset (``date`` local, ``date_gmt`` UTC)."""
    if gmt:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S")


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def tanggal(value: datetime) -> str:
    """An Indonesian display date: '20 November 2026'."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def _cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _esc(value: str) -> str:
    return _html.escape(value, quote=True)


def rendered_title(title: str) -> str:
    """A title as ``title.rendered`` has it: ``&`` as ``&#038;`` and dashes as entities
    (lossless: decoding gives the title back)."""
    return (title.replace("&", "&#038;").replace("\u2013", "&#8211;")
            .replace("\u2014", "&#8212;").replace("<", "&lt;").replace(">", "&gt;"))


class WordPressSite:
    """One fake WordPress site serving a :class:`DemoBlog` (see the module docstring)."""

    def __init__(self, blog: DemoBlog, base_url: str, *, rest: str = "open",
                 per_page_cap: int = 100, feed_full: bool = True, theme: str = "astra",
                 sitemap_max_urls: int = 2000, disallow_rest: bool = False) -> None:
        if rest not in ("open", "401", "403", "html"):
            raise ValueError(f"rest must be open, 401, 403 or html, not {rest!r}")
        if theme not in ("astra", "jnews"):
            raise ValueError(f"theme must be astra or jnews, not {theme!r}")
        self.blog = blog
        self.base_url = base_url
        self.rest = rest
        self.per_page_cap = per_page_cap
        self.feed_full = feed_full
        self.theme = theme
        self.sitemap_max_urls = sitemap_max_urls
        self.disallow_rest = disallow_rest
        self.author_id = 2
        self.set_posts(blog.posts)

    # -- the site's content ------------------------------------------------------------------

    def set_posts(self, posts: Sequence[DemoPost]) -> None:
        """Replace the posts (e.g. to add some); IDs follow publication order."""
        self.posts = sorted(posts, key=lambda p: p.published, reverse=True)
        chronological = list(reversed(self.posts))
        self.ids = {p.post_id: 21 + 3 * i + int(p.post_id) % 3
                    for i, p in enumerate(chronological)}
        self.paths: dict[str, str] = {}
        by_path: dict[str, DemoPost] = {}
        for post in chronological:
            stem = f"/{post.published:%Y/%m/%d}/{slugify(post.slug)}"
            path, n = f"{stem}/", 2
            while path in by_path:
                path, n = f"{stem}-{n}/", n + 1
            by_path[path] = post
            self.paths[post.post_id] = path
        self._by_path = by_path
        names = sorted({label for p in self.posts for label in p.labels})
        self.term_ids = {name: 3 + i for i, name in enumerate(names)}

    def wp_id(self, post: DemoPost) -> int:
        return self.ids[post.post_id]

    def post_url(self, post: DemoPost) -> str:
        return self.base_url + self.paths[post.post_id]

    @staticmethod
    def categories(post: DemoPost) -> list[str]:
        return list(post.labels[:1])

    @staticmethod
    def tags(post: DemoPost) -> list[str]:
        return list(post.labels[1:])

    # -- serving -----------------------------------------------------------------------------

    def handle(self, request: MockRequest) -> MockResponse:
        path = request.path
        if path == "/robots.txt":
            return text(self.robots_txt())
        if path == "/wp-json/wp/v2/posts" or (path == "/" and request.query.get("rest_route")
                                              == "/wp/v2/posts"):
            return self.rest_posts(request)
        if path in ("/feed/", "/feed"):
            return self.feed(request)
        if path == "/wp-sitemap.xml":
            return self.sitemap_index()
        match = re.fullmatch(r"/wp-sitemap-posts-post-(\d+)\.xml", path)
        if match:
            return self.post_sitemap(int(match.group(1)))
        if path == "/" or re.fullmatch(r"/page/\d+/", path):
            page = int(path.split("/")[2]) if path != "/" else 1
            return self.page(self.home_page(page)) if page <= self.home_pages() else \
                self.page(self.not_found_page(), 404)
        post = self._by_path.get(path)
        if post is not None:
            return self.page(self.article_page(post), post=post)
        return self.page(self.not_found_page(), 404)

    def robots_txt(self) -> str:
        extra = "Disallow: /wp-json/\n" if self.disallow_rest else ""
        return ("User-agent: *\nDisallow: /wp-admin/\n" + extra +
                "Allow: /wp-admin/admin-ajax.php\n\n"
                f"Sitemap: {self.base_url}/wp-sitemap.xml\n")

    def page(self, body: str, status: int = 200, post: DemoPost | None = None) -> MockResponse:
        """An HTML answer with WordPress's ``Link`` headers."""
        response = html(body, status)
        links = [f'<{self.base_url}/wp-json/>; rel="https://api.w.org/"']
        if post is not None:
            links.append(f'<{self.base_url}/wp-json/wp/v2/posts/{self.wp_id(post)}>; '
                         'rel="alternate"; type="application/json"')
            links.append(f"<{self.base_url}/?p={self.wp_id(post)}>; rel=shortlink")
        response.headers["Link"] = ", ".join(links)
        return response

    # -- REST ----------------------------------------------------------------------------------

    def rest_posts(self, request: MockRequest) -> MockResponse:
        """``GET /wp-json/wp/v2/posts`` as WordPress answers it."""
        if self.rest == "401":
            return _json_error(401, "rest_not_logged_in", "Anda tidak login.")
        if self.rest == "403":
            return _json_error(403, "rest_cannot_access",
                               "DRA: Hanya pengguna terautentikasi yang dapat mengakses REST API.")
        if self.rest == "html":
            return self.page(self.home_page(1))
        query = request.query
        try:
            per_page = int(query.get("per_page", "10"))
            page = int(query.get("page", "1"))
        except ValueError:
            return _json_error(400, "rest_invalid_param", "Parameter tidak valid: page, per_page")
        if not 1 <= per_page <= 100:
            return _json_error(400, "rest_invalid_param",
                               "Parameter tidak valid: per_page",
                               {"per_page": "per_page harus di antara 1 (inklusif) dan 100 "
                                            "(inklusif)"})
        if page < 1:
            return _json_error(400, "rest_invalid_param", "Parameter tidak valid: page")
        per_page = min(per_page, self.per_page_cap)
        posts = self.posts
        if query.get("orderby") == "modified":
            posts = sorted(posts, key=lambda p: p.updated, reverse=True)
        for name, keep in _FILTERS.items():
            if query.get(name):
                bound = parse_iso(query[name], self.posts[0].published.tzinfo
                                  if self.posts else None)
                if bound is None:
                    return _json_error(400, "rest_invalid_param",
                                       f"Parameter tidak valid: {name}")
                posts = [p for p in posts if keep(p, bound)]
        if query.get("order", "desc") == "asc":
            posts = list(reversed(posts))
        total = len(posts)
        pages = math.ceil(total / per_page)
        if page > pages and total > 0:
            return _json_error(400, "rest_post_invalid_page_number",
                               "Nomor halaman yang diminta lebih besar dari jumlah halaman yang "
                               "tersedia.")
        chunk = posts[(page - 1) * per_page:page * per_page]
        embed = "_embed" in query
        body = json.dumps([self.rest_post(p, embed) for p in chunk], ensure_ascii=False,
                          separators=(",", ":"))
        headers = {**_JSON, "X-WP-Total": str(total), "X-WP-TotalPages": str(pages),
                   "Access-Control-Expose-Headers": "X-WP-Total, X-WP-TotalPages, Link",
                   "Access-Control-Allow-Headers": "Authorization, X-WP-Nonce, "
                                                   "Content-Disposition, Content-MD5, "
                                                   "Content-Type",
                   "Allow": "GET", "Vary": "Origin", "X-Robots-Tag": "noindex",
                   "X-Content-Type-Options": "nosniff"}
        links = []
        base = f"{self.base_url}/wp-json/wp/v2/posts"
        if page > 1:
            links.append(f'<{base}?{urlencode({**query, "page": page - 1})}>; rel="prev"')
        if page < pages:
            links.append(f'<{base}?{urlencode({**query, "page": page + 1})}>; rel="next"')
        if links:
            headers["Link"] = ", ".join(links)
        return with_validators(request, MockResponse(200, body.encode("utf-8"), headers))

    def rest_post(self, post: DemoPost, embed: bool) -> dict[str, object]:
        """One post object, shaped like WordPress 6.4's ``view`` context."""
        wp_id = self.wp_id(post)
        api = f"{self.base_url}/wp-json/wp/v2"
        cats = [self.term_ids[c] for c in self.categories(post)]
        tags = [self.term_ids[t] for t in self.tags(post)]
        obj: dict[str, object] = {
            "id": wp_id,
            "date": wp_time(post.published),
            "date_gmt": wp_time(post.published, gmt=True),
            "guid": {"rendered": f"{self.base_url}/?p={wp_id}"},
            "modified": wp_time(post.updated),
            "modified_gmt": wp_time(post.updated, gmt=True),
            "slug": slugify(post.slug),
            "status": "publish",
            "type": "post",
            "link": self.post_url(post),
            "title": {"rendered": rendered_title(post.title)},
            "content": {"rendered": post.body_html, "protected": False},
            "excerpt": {"rendered": f"<p>{excerpt(post)}</p>\n", "protected": False},
            "author": self.author_id,
            "featured_media": 0,
            "comment_status": "open",
            "ping_status": "open",
            "sticky": False,
            "template": "",
            "format": "standard",
            "meta": {"footnotes": ""},
            "categories": cats,
            "tags": tags,
            "_links": {
                "self": [{"href": f"{api}/posts/{wp_id}"}],
                "collection": [{"href": f"{api}/posts"}],
                "about": [{"href": f"{api}/types/post"}],
                "author": [{"embeddable": True, "href": f"{api}/users/{self.author_id}"}],
                "replies": [{"embeddable": True, "href": f"{api}/comments?post={wp_id}"}],
                "version-history": [{"count": 1, "href": f"{api}/posts/{wp_id}/revisions"}],
                "wp:attachment": [{"href": f"{api}/media?parent={wp_id}"}],
                "wp:term": [
                    {"taxonomy": "category", "embeddable": True,
                     "href": f"{api}/categories?post={wp_id}"},
                    {"taxonomy": "post_tag", "embeddable": True,
                     "href": f"{api}/tags?post={wp_id}"}],
                "curies": [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}],
            },
        }
        if embed:
            obj["_embedded"] = {
                "author": [self.rest_author(post)],
                "wp:term": [[self.rest_term(c, "category") for c in self.categories(post)],
                            [self.rest_term(t, "post_tag") for t in self.tags(post)]],
            }
        return obj

    def rest_author(self, post: DemoPost) -> dict[str, object]:
        slug = slugify(post.author)
        digest = hashlib.md5(slug.encode()).hexdigest()  # noqa: S324 (a gravatar id)
        return {
            "id": self.author_id, "name": _html.escape(post.author, quote=False), "url": "",
            "description": "", "link": f"{self.base_url}/author/{slug}/", "slug": slug,
            "avatar_urls": {size: f"https://secure.gravatar.com/avatar/{digest}?s={size}&d=mm&r=g"
                            for size in ("24", "48", "96")},
            "_links": {"self": [{"href": f"{self.base_url}/wp-json/wp/v2/users/{self.author_id}"}],
                       "collection": [{"href": f"{self.base_url}/wp-json/wp/v2/users"}]},
        }

    def rest_term(self, name: str, taxonomy: str) -> dict[str, object]:
        kind = "category" if taxonomy == "category" else "tag"
        rest = "categories" if taxonomy == "category" else "tags"
        term_id = self.term_ids[name]
        return {
            "id": term_id, "link": f"{self.base_url}/{kind}/{slugify(name)}/",
            "name": _html.escape(name, quote=False), "slug": slugify(name),
            "taxonomy": taxonomy,
            "_links": {"self": [{"href": f"{self.base_url}/wp-json/wp/v2/{rest}/{term_id}"}],
                       "collection": [{"href": f"{self.base_url}/wp-json/wp/v2/{rest}"}]},
        }

    # -- RSS -----------------------------------------------------------------------------------

    def feed(self, request: MockRequest) -> MockResponse:
        """``/feed/?paged=N``: 10 items a page, newest first."""
        try:
            page = max(1, int(request.query.get("paged", "1") or 1))
        except ValueError:
            page = 1
        chunk = self.posts[(page - 1) * FEED_PAGE_SIZE:page * FEED_PAGE_SIZE]
        body = self.rss(chunk)
        headers = {"Content-Type": "application/rss+xml; charset=UTF-8",
                   "Link": f'<{self.base_url}/wp-json/>; rel="https://api.w.org/"'}
        if not chunk and page > 1:
            return MockResponse(404, body.encode("utf-8"), headers)
        newest = max((p.updated for p in self.posts), default=None)
        return with_validators(request, MockResponse(200, body.encode("utf-8"), headers),
                               newest.timestamp() if newest else None)

    def rss(self, posts: Sequence[DemoPost]) -> str:
        blog = self.blog
        items = []
        for post in posts:
            url = self.post_url(post)
            cats = "".join(f"\n\t\t<category>{_cdata(c)}</category>" for c in post.labels)
            full = (f"\n\t\t\t\t\t\t\t\t\t\t<content:encoded>{_cdata(post.body_html)}"
                    "</content:encoded>") if self.feed_full else ""
            items.append(
                f"\n\t<item>\n\t\t<title>{_esc(post.title)}</title>\n\t\t<link>{url}</link>"
                f"\n\t\t\t\t\t<comments>{url}#respond</comments>"
                f"\n\t\t\n\t\t<dc:creator>{_cdata(post.author)}</dc:creator>"
                f"\n\t\t<pubDate>{format_datetime(post.published.astimezone(UTC))}</pubDate>"
                + cats +
                f'\n\t\t<guid isPermaLink="false">{self.base_url}/?p={self.wp_id(post)}</guid>'
                f"\n\n\t\t\t\t\t<description>{_cdata(excerpt(post))}</description>" + full +
                f"\n\t\t\t\t\t<wfw:commentRss>{url}feed/</wfw:commentRss>"
                "\n\t\t\t<slash:comments>0</slash:comments>\n\t\t\n\t\t\n\t\t\t\n\t\t</item>")
        built = max((p.updated for p in self.posts), default=datetime(2020, 1, 1, tzinfo=UTC))
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
            '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
            '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n\t>\n\n<channel>\n'
            f"\t<title>{_esc(blog.title)}</title>\n"
            f'\t<atom:link href="{self.base_url}/feed/" rel="self" type="application/rss+xml" />'
            f"\n\t<link>{self.base_url}</link>\n"
            f"\t<description>Profesional, Modern, Terpercaya</description>\n"
            f"\t<lastBuildDate>{format_datetime(built.astimezone(UTC))}"
            "</lastBuildDate>\n\t<language>id</language>\n"
            "\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n"
            "\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n"
            f"\t<generator>https://wordpress.org/?v={WP_VERSION}</generator>\n"
            + "".join(items) + "\n\t</channel>\n</rss>\n")

    # -- sitemaps ------------------------------------------------------------------------------

    def sitemap_count(self) -> int:
        return max(1, math.ceil(len(self.posts) / self.sitemap_max_urls))

    def sitemap_index(self) -> MockResponse:
        names = [f"wp-sitemap-posts-post-{n}.xml" for n in range(1, self.sitemap_count() + 1)]
        names += ["wp-sitemap-posts-page-1.xml", "wp-sitemap-taxonomies-category-1.xml",
                  "wp-sitemap-taxonomies-post_tag-1.xml", "wp-sitemap-users-1.xml"]
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{self.base_url}/wp-sitemap-index.xsl" ?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<sitemap><loc>{self.base_url}/{n}</loc></sitemap>" for n in names)
            + "</sitemapindex>\n")
        return text(body, content_type="application/xml")

    def post_sitemap(self, number: int) -> MockResponse:
        by_id = sorted(self.posts, key=self.wp_id)
        chunk = by_id[(number - 1) * self.sitemap_max_urls:number * self.sitemap_max_urls]
        if not chunk:
            return self.page(self.not_found_page(), 404)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{self.base_url}/wp-sitemap.xsl" ?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{self.post_url(p)}</loc></url>" for p in chunk)
            + "</urlset>\n")
        return text(body, content_type="application/xml")

    # -- HTML ----------------------------------------------------------------------------------

    def home_pages(self) -> int:
        return max(1, math.ceil(len(self.posts) / 10))

    def head(self, title: str, post: DemoPost | None = None) -> str:
        base = self.base_url
        blog = _esc(self.blog.title)
        parts = [
            '<!DOCTYPE html>\n<html lang="id-ID">\n<head>\n<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="profile" href="https://gmpg.org/xfn/11">\n'
            "<meta name='robots' content='index, follow, max-image-preview:large' />\n"
            f"<title>{_esc(title)}</title>\n"
            "<link rel='dns-prefetch' href='//stats.wp.com' />\n"
            f'<link rel="alternate" type="application/rss+xml" title="{blog} &raquo; Feed" '
            f'href="{base}/feed/" />\n'
            f'<link rel="alternate" type="application/rss+xml" title="{blog} &raquo; Umpan '
            f'Komentar" href="{base}/comments/feed/" />\n'
            f"<link rel='stylesheet' id='wp-block-library-css' href='{base}/wp-includes/css/"
            f"dist/block-library/style.min.css?ver={WP_VERSION}' media='all' />\n"
            f"<script src=\"{base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1\" "
            "id=\"jquery-core-js\"></script>\n"
            f'<link rel="https://api.w.org/" href="{base}/wp-json/" />',
        ]
        if post is not None:
            wp_id = self.wp_id(post)
            url = self.post_url(post)
            parts.append(
                f'<link rel="alternate" type="application/json" '
                f'href="{base}/wp-json/wp/v2/posts/{wp_id}" />\n'
                f'<link rel="EditURI" type="application/rsd+xml" title="RSD" '
                f'href="{base}/xmlrpc.php?rsd" />\n'
                f'<meta name="generator" content="WordPress {WP_VERSION}" />\n'
                f'<link rel="canonical" href="{url}" />\n'
                f"<link rel='shortlink' href='{base}/?p={wp_id}' />\n"
                '<meta property="og:locale" content="id_ID" />\n'
                '<meta property="og:type" content="article" />\n'
                f'<meta property="og:title" content="{_esc(post.title)}" />\n'
                f'<meta property="og:url" content="{url}" />\n'
                f'<meta property="og:site_name" content="{blog}" />\n')
            if self.theme == "astra":
                parts.append(
                    f'<meta property="article:published_time" '
                    f'content="{post.published.isoformat(timespec="seconds")}" />\n'
                    f'<meta property="article:modified_time" '
                    f'content="{post.updated.isoformat(timespec="seconds")}" />\n')
            else:
                parts.append(
                    '<script type="application/ld+json">' + json.dumps({
                        "@context": "https://schema.org", "@type": "NewsArticle",
                        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                        "headline": post.title,
                        "datePublished": post.published.isoformat(timespec="seconds"),
                        "dateModified": post.updated.isoformat(timespec="seconds"),
                        "author": {"@type": "Person", "name": post.author},
                        "publisher": {"@type": "Organization", "name": self.blog.title},
                    }, ensure_ascii=False) + "</script>\n")
        else:
            parts.append(f'<meta name="generator" content="WordPress {WP_VERSION}" />\n')
        parts.append("<style id='wp-emoji-styles-inline-css'>img.wp-smiley{display:inline!"
                     "important}</style>\n</head>\n")
        return "\n".join(parts)

    def menu(self) -> str:
        items = [("Beranda", "/"), ("Profil", "/profil/"), ("Berita", "/category/berita/"),
                 ("Kamtibmas", "/category/kamtibmas/"), ("Pelayanan", "/pelayanan/"),
                 ("Kontak", "/kontak/")]
        return "".join(f'<li class="menu-item"><a href="{self.base_url}{href}">{label}</a></li>'
                       for label, href in items)

    def sidebar(self, current: DemoPost | None) -> str:
        recent = "".join(f'<li><a href="{self.post_url(p)}">{_esc(p.title)}</a></li>'
                         for p in self.posts[:5] if p is not current)
        cats = "".join(
            f'<li class="cat-item cat-item-{self.term_ids[c]}"><a href="{self.base_url}/category/'
            f'{slugify(c)}/">{_esc(c)}</a></li>'
            for c in sorted({lab for p in self.posts for lab in p.labels[:1]}))
        return (
            '<div class="widget-area secondary" id="secondary" role="complementary">'
            '<div class="sidebar-main">'
            '<aside id="search-2" class="widget widget_search"><form role="search" method="get" '
            f'class="search-form" action="{self.base_url}/"><label><span class="screen-reader-'
            'text">Cari untuk:</span><input type="search" class="search-field" placeholder="Cari '
            '&hellip;" value="" name="s" /></label><input type="submit" class="search-submit" '
            'value="Cari" /></form></aside>'
            '<aside id="recent-posts-2" class="widget widget_recent_entries">'
            f'<h2 class="widget-title">Pos-pos Terbaru</h2><nav><ul>{recent}</ul></nav></aside>'
            '<aside id="categories-2" class="widget widget_categories">'
            f'<h2 class="widget-title">Kategori</h2><nav><ul>{cats}</ul></nav></aside>'
            '<aside id="text-3" class="widget widget_text"><h2 class="widget-title">Layanan '
            'Pengaduan</h2><div class="textwidget"><p>Call Center Polri 110 &#8211; gratis, '
            '24 jam.</p></div></aside></div></div>')

    def content_html(self, post: DemoPost) -> str:
        """The post content as the theme prints it: "Baca Juga:" after the second paragraph
        (or at the end), Jetpack sharing and related posts appended."""
        others = [p for p in self.posts if p is not post][:3]
        baca = (f'<p><strong>Baca Juga:</strong> <a href="{self.post_url(others[0])}">'
                f"{_esc(others[0].title)}</a></p>") if others else ""
        body = post.body_html
        cut = _nth(body, "</p>", 2)
        body = body[:cut] + "\n" + baca + "\n" + body[cut:] if cut > 0 else body + "\n" + baca
        url = self.post_url(post)
        share = (
            '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
            'sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Bagikan ini:</h3>'
            '<div class="sd-content"><ul>'
            f'<li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-'
            f'facebook sd-button share-icon" href="{url}?share=facebook" target="_blank" '
            'title="Klik untuk membagikan di Facebook"><span>Facebook</span></a></li>'
            f'<li class="share-twitter"><a class="share-twitter sd-button share-icon" '
            f'href="{url}?share=twitter" title="Klik untuk berbagi pada X"><span>X</span></a>'
            '</li><li class="share-jetpack-whatsapp"><a class="share-jetpack-whatsapp sd-button '
            f'share-icon" href="{url}?share=jetpack-whatsapp" title="Klik untuk berbagi di '
            'WhatsApp"><span>WhatsApp</span></a></li><li class="share-end"></li></ul></div>'
            '</div></div>')
        related = "".join(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{i}" data-post-id='
            f'"{self.wp_id(p)}"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-'
            f'post-a" href="{self.post_url(p)}">{_esc(p.title)}</a></h4><p class="jp-relatedposts-'
            f'post-date">{tanggal(p.published)}</p><p class="jp-relatedposts-post-context">Dalam '
            f'&quot;{_esc(p.labels[0]) if p.labels else "Berita"}&quot;</p></div>'
            for i, p in enumerate(others))
        related = ('<div id=\'jp-relatedposts\' class=\'jp-relatedposts\' ><h3 class="jp-'
                   'relatedposts-headline"><em>Terkait</em></h3><div class="jp-relatedposts-items '
                   f'jp-relatedposts-items-visual">{related}</div></div>')
        return f"{body}\n{share}\n{related}"

    def views(self, post: DemoPost) -> int:
        return 100 + self.wp_id(post) * 37 % 2900

    def comment_form(self, post: DemoPost) -> str:
        return (
            '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
            '<h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan <small><a '
            'rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">'
            f'Batalkan balasan</a></small></h3><form action="{self.base_url}/wp-comments-post.php"'
            ' method="post" id="commentform" class="comment-form" novalidate><p class="comment-'
            'notes"><span id="email-notes">Alamat email Anda tidak akan dipublikasikan.</span> '
            '<span class="required-field-message">Ruas yang wajib ditandai <span class="required"'
            '>*</span></span></p><p class="comment-form-comment"><label for="comment">Komentar '
            '<span class="required">*</span></label><textarea id="comment" name="comment" '
            'cols="45" rows="8" maxlength="65525" required></textarea></p><p class="comment-form-'
            'author"><label for="author">Nama <span class="required">*</span></label><input '
            'id="author" name="author" type="text" value="" size="30" maxlength="245" /></p><p '
            'class="comment-form-email"><label for="email">Email <span class="required">*</span>'
            '</label><input id="email" name="email" type="email" value="" size="30" /></p><p '
            'class="form-submit"><input name="submit" type="submit" id="submit" class="submit" '
            f'value="Kirim Komentar" /><input type=\'hidden\' name=\'comment_post_ID\' value=\''
            f"{self.wp_id(post)}' id='comment_post_ID' /></p></form></div></div>")

    def post_nav(self, post: DemoPost) -> tuple[DemoPost | None, DemoPost | None]:
        index = self.posts.index(post)
        older = self.posts[index + 1] if index + 1 < len(self.posts) else None
        newer = self.posts[index - 1] if index > 0 else None
        return older, newer

    def article_page(self, post: DemoPost) -> str:
        if self.theme == "jnews":
            return self.jnews_article(post)
        return self.astra_article(post)

    def astra_article(self, post: DemoPost) -> str:
        wp_id = self.wp_id(post)
        older, newer = self.post_nav(post)
        cats = ", ".join(f'<a href="{self.base_url}/category/{slugify(c)}/" rel="category tag">'
                         f"{_esc(c)}</a>" for c in self.categories(post))
        tags = ", ".join(f'<a href="{self.base_url}/tag/{slugify(t)}/" rel="tag">{_esc(t)}</a>'
                         for t in self.tags(post))
        nav = ""
        if older:
            nav += (f'<div class="nav-previous"><a href="{self.post_url(older)}" rel="prev">'
                    '<span class="ast-left-arrow">&larr;</span> Pos Sebelumnya</a></div>')
        if newer:
            nav += (f'<div class="nav-next"><a href="{self.post_url(newer)}" rel="next">'
                    'Pos Berikutnya <span class="ast-right-arrow">&rarr;</span></a></div>')
        term_classes = " ".join([f"category-{slugify(c)}" for c in self.categories(post)]
                                + [f"tag-{slugify(t)}" for t in self.tags(post)])
        author_slug = slugify(post.author)
        return (
            self.head(f"{post.title} \u2013 {self.blog.title}", post)
            + f'<body itemtype="https://schema.org/Blog" itemscope="itemscope" class="post-'
            f"template-default single single-post postid-{wp_id} single-format-standard wp-"
            "custom-logo ast-desktop ast-separate-container ast-right-sidebar astra-4.6.4 ast-"
            'blog-single-style-1 ast-single-post ast-inherit-site-logo-transparent">\n'
            '<a class="skip-link screen-reader-text" href="#content">Lewati ke konten</a>\n'
            '<div class="hfeed site" id="page">\n<header class="site-header header-main-layout-1'
            ' ast-primary-menu-enabled" id="masthead" itemtype="https://schema.org/WPHeader" '
            'itemscope="itemscope"><div class="main-header-bar"><div class="ast-container">'
            f'<div class="site-branding"><p class="site-title" itemprop="name"><a href="'
            f'{self.base_url}/" rel="home">{_esc(self.blog.title)}</a></p><p class="site-'
            'description" itemprop="description">Profesional, Modern, Terpercaya</p></div>'
            '<nav class="main-header-bar-navigation" aria-label="Navigasi Situs"><ul id="primary-'
            f'menu" class="main-header-menu ast-menu-shadow ast-nav-menu">{self.menu()}</ul>'
            "</nav></div></div></header>\n"
            '<div id="content" class="site-content"><div class="ast-container">\n'
            '<div id="primary" class="content-area primary"><main id="main" class="site-main">'
            f'<article class="post-{wp_id} post type-post status-publish format-standard hentry '
            f'{term_classes} ast-article-single" id="post-{wp_id}" itemtype="https://schema.org/'
            'CreativeWork" itemscope="itemscope"><div class="ast-post-format- single-layout-1">'
            '<header class="entry-header"><h1 class="entry-title" itemprop="headline">'
            f'{_esc(post.title)}</h1><div class="entry-meta"><span class="cat-links">{cats}'
            '</span> / <span class="posted-on"><span class="published" itemprop="datePublished">'
            f' {tanggal(post.published)}</span><span class="updated" itemprop="dateModified"> '
            f'{tanggal(post.updated)}</span></span> / Oleh <span class="posted-by vcard author" '
            'itemtype="https://schema.org/Person" itemscope="itemscope" itemprop="author"><a '
            f'title="Lihat semua pos oleh {_esc(post.author)}" href="{self.base_url}/author/'
            f'{author_slug}/" rel="author" class="url fn n" itemprop="url"><span class="author-'
            f'name" itemprop="name">{_esc(post.author)}</span></a></span></div></header>\n'
            '<div class="entry-content clear" itemprop="text">\n'
            f'<div class="post-views content-post post-{wp_id} entry-meta"><span class="post-'
            'views-icon dashicons dashicons-chart-bar"></span> <span class="post-views-count">'
            f"{self.views(post)}</span> <span class=\"post-views-label\">Dilihat</span></div>\n"
            f"{self.content_html(post)}\n</div>\n"
            f'<footer class="entry-footer"><span class="tags-links">Tag: {tags}</span></footer>'
            "</div></article>\n"
            '<nav class="navigation post-navigation" aria-label="Pos"><h2 class="screen-reader-'
            f'text">Navigasi pos</h2><div class="nav-links">{nav}</div></nav>\n'
            f"{self.comment_form(post)}\n</main></div>\n{self.sidebar(post)}\n</div></div>\n"
            '<footer class="site-footer" id="colophon"><div class="ast-small-footer">Hak Cipta '
            f"&copy; {post.published.year} {_esc(self.blog.title)} | Ditenagai oleh Astra "
            "WordPress Theme</div></footer></div>\n"
            f"<script src='{self.base_url}/wp-content/plugins/jetpack/_inc/build/sharedaddy/"
            "sharing.min.js?ver=13.1' id='sharing-js-js'></script>\n</body>\n</html>\n")

    def jnews_article(self, post: DemoPost) -> str:
        wp_id = self.wp_id(post)
        url = self.post_url(post)
        older, newer = self.post_nav(post)
        cats = "".join(f'<a href="{self.base_url}/category/{slugify(c)}/" rel="category tag">'
                       f"{_esc(c)}</a>" for c in self.categories(post))
        tags = "".join(f'<a href="{self.base_url}/tag/{slugify(t)}/" rel="tag">{_esc(t)}</a>'
                       for t in self.tags(post))
        share_links = (
            f'<a href="http://www.facebook.com/sharer.php?u={url}" class="jeg_btn-facebook '
            'expanded"><i class="fa fa-facebook-official"></i><span>Bagikan ke Facebook</span></a>'
            f'<a href="https://twitter.com/intent/tweet?url={url}" class="jeg_btn-twitter '
            'expanded"><i class="fa fa-twitter"></i><span>Bagikan ke Twitter</span></a>'
            f'<a href="whatsapp://send?text={url}" class="jeg_btn-whatsapp"><i class="fa '
            'fa-whatsapp"></i></a>')
        prevnext = ""
        if older:
            prevnext += (f'<a href="{self.post_url(older)}" class="post prev-post"><span class='
                         f'"caption">Sebelumnya</span><h3 class="post-title">{_esc(older.title)}'
                         "</h3></a>")
        if newer:
            prevnext += (f'<a href="{self.post_url(newer)}" class="post next-post"><span class='
                         f'"caption">Selanjutnya</span><h3 class="post-title">{_esc(newer.title)}'
                         "</h3></a>")
        related = "".join(
            f'<article class="jeg_post jeg_pl_md_box"><div class="jeg_postblock_content"><h3 '
            f'class="jeg_post_title"><a href="{self.post_url(p)}">{_esc(p.title)}</a></h3></div>'
            "</article>" for p in self.posts[:4] if p is not post)
        return (
            self.head(f"{post.title} - {self.blog.title}", post)
            + f'<body class="post-template-default single single-post postid-{wp_id} single-'
            'format-standard jeg_toggle_light jnews jsc_normal">\n<div class="jeg_ad '
            'jeg_ad_top jnews_header_top_ads"></div>\n<div class="jeg_viewport">\n'
            '<div class="jeg_header_wrapper"><div class="jeg_header normal"><div class='
            '"jeg_midbar jeg_container"><div class="jeg_logo jeg_desktop_logo"><h1 class='
            f'"site-title"><a href="{self.base_url}/">{_esc(self.blog.title)}</a></h1></div>'
            '</div><div class="jeg_bottombar jeg_navbar"><div class="jeg_nav_item jeg_main_menu'
            f'_wrapper"><ul class="jeg_menu jeg_main_menu jeg_menu_style_1">{self.menu()}</ul>'
            '</div></div></div></div>\n'
            '<div class="jeg_main"><div class="jeg_container"><div class="jeg_content jeg_'
            'singlepage"><div class="container">\n<div class="jeg_breadcrumbs jeg_breadcrumb_'
            f'container"><div id="breadcrumbs"><span><a href="{self.base_url}">Beranda</a></span>'
            '<i class="fa fa-angle-right"></i><span>'
            + "".join(f'<a href="{self.base_url}/category/{slugify(c)}/">{_esc(c)}</a>'
                      for c in self.categories(post))
            + '</span><i class="fa fa-angle-right"></i><span class="breadcrumb_last_link">'
            f'{_esc(post.title)}</span></div></div>\n'
            '<div class="row"><div class="jeg_main_content col-md-8"><div class="jeg_inner_'
            'content">\n<div class="entry-header"><div class="jeg_meta_category"><span><span '
            f'class="meta_text">dalam</span> {cats}</span></div>'
            f'<h1 class="jeg_post_title">{_esc(post.title)}</h1>'
            '<div class="jeg_meta_container"><div class="jeg_post_meta jeg_post_meta_1"><div '
            'class="meta_left"><div class="jeg_meta_author"><span class="meta_text">oleh</span> '
            f'<a href="{self.base_url}/author/{slugify(post.author)}/">{_esc(post.author)}</a>'
            f'</div><div class="jeg_meta_date"><a href="{url}">{HARI[post.published.weekday()]}, '
            f'{tanggal(post.published)}</a></div></div><div class="meta_right"><div class="jeg_'
            f'meta_views"><i class="fa fa-eye"></i> <span>{self.views(post)}</span> Dilihat'
            '</div><div class="jeg_meta_comment"><a href="#comments"><i class="fa fa-comment-o">'
            "</i> 0</a></div></div></div></div></div>\n"
            '<div class="jeg_share_top_container"><div class="jeg_share_button clearfix"><div '
            'class="jeg_share_stats"><div class="jeg_share_count"><div class="counts">0</div>'
            '<span class="sharetext">BAGIKAN</span></div></div><div class="jeg_sharelist">'
            f"{share_links}</div></div></div>\n"
            '<div class="jeg_ad jeg_article jnews_content_top_ads "><div class="ads-wrapper">'
            '</div></div>\n<div class="entry-content no-share"><div class="jeg_share_button '
            'share-float jeg_sticky_share clearfix share-monocrhome"><div class="jeg_share_float'
            f'_container"><div class="jeg_sharelist">{share_links}</div></div></div>\n'
            f'<div class="content-inner ">{self.content_html(post)}</div>\n</div>\n'
            '<div class="jeg_share_bottom_container"></div>\n'
            f'<div class="jeg_post_tags"><span>Tags:</span> {tags}</div>\n'
            '<div class="jnews_prev_next_container"><div class="jeg_prevnext_post">'
            f"{prevnext}</div></div>\n"
            '<div class="jnews_related_post_container"><div class="jeg_postblock_22 jeg_'
            'postblock"><div class="jeg_block_heading"><h3 class="jeg_block_title"><span>Berita '
            f'Terkait</span></h3></div><div class="jeg_posts_wrap">{related}</div></div></div>\n'
            f'<div class="jnews_comment_container">{self.comment_form(post)}</div>\n'
            '</div></div>\n<div class="jeg_sidebar col-md-4">'
            f"{self.sidebar(post)}</div></div>\n</div></div></div></div>\n"
            '<div class="footer-holder" id="footer"><div class="jeg_footer"><div class="jeg_'
            f'footer_copyright"><p>&copy; {post.published.year} {_esc(self.blog.title)} - '
            "Ditenagai oleh WordPress &amp; JNews.</p></div></div></div>\n</div>\n"
            "</body>\n</html>\n")

    def home_page(self, page: int) -> str:
        posts = self.posts[(page - 1) * 10:page * 10]
        cards = "".join(
            f'<article class="post-{self.wp_id(p)} post type-post status-publish ast-article-'
            f'post" id="post-{self.wp_id(p)}"><h2 class="entry-title"><a href="'
            f'{self.post_url(p)}" rel="bookmark">{_esc(p.title)}</a></h2><div class="entry-meta">'
            f'<span class="posted-on">{tanggal(p.published)}</span></div><div class="ast-excerpt-'
            f'container"><p>{excerpt(p)}</p></div><p class="read-more"><a href="'
            f'{self.post_url(p)}">Baca Selengkapnya &raquo;</a></p></article>' for p in posts)
        return (self.head(f"{self.blog.title} \u2013 Profesional, Modern, Terpercaya")
                + '<body class="home blog wp-custom-logo ast-desktop ast-separate-container">'
                f'<header id="masthead"><ul class="main-header-menu">{self.menu()}</ul></header>'
                f'<main id="main" class="site-main">{cards}</main>{self.sidebar(None)}'
                "</body></html>\n")

    @staticmethod
    def not_found_page() -> str:
        return ('<!DOCTYPE html><html lang="id-ID"><head><title>Halaman tidak ditemukan</title>'
                '</head><body class="error404"><h1 class="page-title">Oops! Halaman itu tidak '
                "dapat ditemukan.</h1></body></html>")


def excerpt(post: DemoPost, words: int = 55) -> str:
    """WordPress's automatic excerpt (HTML): the first 55 words and ``[&hellip;]``."""
    parts = post.body_text.split()
    return _esc(" ".join(parts[:words])) + (" [&hellip;]" if len(parts) > words else "")


def _nth(haystack: str, needle: str, n: int) -> int:
    """The index just after the ``n``-th occurrence of ``needle`` (-1 if there are fewer)."""
    at = -1
    for _ in range(n):
        at = haystack.find(needle, at + 1)
        if at < 0:
            return -1
    return at + len(needle)


#: The REST date filters (all exclusive, as in WordPress).
_FILTERS = {
    "after": lambda post, bound: post.published > bound,
    "before": lambda post, bound: post.published < bound,
    "modified_after": lambda post, bound: post.updated > bound,
    "modified_before": lambda post, bound: post.updated < bound,
}


def _json_error(status: int, code: str, message: str,
                params: dict[str, str] | None = None) -> MockResponse:
    data: dict[str, object] = {"status": status}
    if params:
        data["params"] = params
    body = json.dumps({"code": code, "message": message, "data": data}, ensure_ascii=False)
    return MockResponse(status, body.encode("utf-8"), dict(_JSON))
