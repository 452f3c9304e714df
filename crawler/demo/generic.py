"""A fake news portal on a CMS nobody identified, for the generic spider.

It looks like the Indonesian regional portals that reprint police releases: a top bar, a logo
and a menu of categories, a "Breaking News" ticker, breadcrumbs, a meta line ("Penulis: … |
Jumat, 20 November 2026 09:00 WIB | 312 kali dibaca"), a share bar, the photo with its
caption, the article text with a "Baca Juga:" box after its second paragraph, tags, "Berita
Terkait", a comment box, a "Terpopuler" sidebar with an ad, and a footer (Tentang Kami,
Redaksi, Pedoman Media Siber, Kontak). Article pages are ``/berita/<slug>``; their head has
``og:type=article``, ``article:published_time`` with the portal's offset and a JSON-LD
``NewsArticle``. The body's paragraphs are those of :attr:`DemoPost.body_text`, so
``div.isi-berita`` without ``.baca-juga`` cleans to exactly that text.

How the site can be discovered depends on ``discovery``:

* ``"rss"``: the home page announces ``/rss.xml`` (the 20 newest items, RFC 822 dates);
  robots.txt names ``/sitemap_index.xml`` (monthly post sitemaps with ``lastmod`` plus a
  sitemap of static and category pages).
* ``"sitemap"``: no feed anywhere; robots.txt names no sitemap, but ``/sitemap.xml`` (the same
  index) and ``/news-sitemap.xml`` (Google News, the last two days) answer.
* ``"links"``: neither feeds nor sitemaps; the home page lists the newest posts and
  ``/indeks?page=N`` the rest, 20 a page, linked by "Selanjutnya »".

Every other path is a 404.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from email.utils import format_datetime

from crawler.demo._pages import (
    HtmlNewsSite,
    esc,
    long_date,
    page_number,
    paragraphs_html,
    slugify,
)
from crawler.demo.content import BULAN, HARI, DemoBlog, DemoPost
from crawler.demo.mockweb import MockRequest, MockResponse, html, text, with_validators

DISCOVERY_MODES = ("rss", "sitemap", "links")
FEED_SIZE = 20
_IMG_SRC = re.compile(r'<img [^>]*src="([^"]+)"')
_CATEGORIES = (("kamtibmas", "Kamtibmas"), ("hukum", "Hukum & Kriminal"),
               ("lalu-lintas", "Lalu Lintas"), ("polri-presisi", "Polri Presisi"),
               ("daerah", "Daerah"))
_STATIC_PAGES = (("tentang-kami", "Tentang Kami"), ("redaksi", "Redaksi"),
                 ("pedoman-media-siber", "Pedoman Media Siber"), ("kontak", "Kontak"))


_e = esc


class GenericNewsSite(HtmlNewsSite):
    """One fake portal serving a :class:`DemoBlog` (see the module docstring)."""

    page_size = 20

    def __init__(self, blog: DemoBlog, base_url: str, *, discovery: str = "rss",
                 name: str | None = None) -> None:
        if discovery not in DISCOVERY_MODES:
            raise ValueError(f"discovery must be one of {', '.join(DISCOVERY_MODES)}")
        self.discovery = discovery
        self.name = name or f"Warta {blog.unit.split(' ', 1)[-1]}"
        super().__init__(blog, base_url)

    # -- content -------------------------------------------------------------------------------

    def post_path(self, post: DemoPost) -> str:
        return f"/berita/{self.slug(post)}"

    # -- serving -------------------------------------------------------------------------------

    def route(self, request: MockRequest) -> MockResponse | None:
        path = request.path.rstrip("/") or "/"
        if path == "/":
            return html(self.home_page())
        if path == "/indeks" and self.discovery == "links":
            number = page_number(request.query.get("page"))
            return html(self.index_page(number)) if number else None
        return self._feeds_and_sitemaps(request, path)

    def _feeds_and_sitemaps(self, request: MockRequest, path: str) -> MockResponse | None:
        if self.discovery == "rss" and path == "/rss.xml":
            return with_validators(request, text(self.rss(), content_type="application/rss+xml"))
        sitemap_index = {"rss": "/sitemap_index.xml", "sitemap": "/sitemap.xml"}
        if path == sitemap_index.get(self.discovery):
            return text(self.sitemap_index(), content_type="application/xml")
        if self.discovery == "sitemap" and path == "/news-sitemap.xml":
            return text(self.news_sitemap(), content_type="application/xml")
        if self.discovery in ("rss", "sitemap"):
            month = re.fullmatch(r"/sitemap-berita-(\d{4})-(\d{2})\.xml", path)
            if month:
                return text(self.month_sitemap(int(month[1]), int(month[2])),
                            content_type="application/xml")
            if path == "/sitemap-halaman.xml":
                return text(self.pages_sitemap(), content_type="application/xml")
        return None

    def robots_txt(self) -> str:
        lines = ["User-agent: *", "Disallow: /wp-admin/", "Disallow: /cari", "Allow: /", ""]
        if self.discovery == "rss":
            lines.append(f"Sitemap: {self.base_url}/sitemap_index.xml")
        return "\n".join(lines) + "\n"

    # -- feeds and sitemaps --------------------------------------------------------------------

    def rss(self) -> str:
        items = []
        for post in self.posts[:FEED_SIZE]:
            url = self.post_url(post)
            items.append(
                f"<item><title>{_e(post.title)}</title><link>{_e(url)}</link>"
                f"<guid isPermaLink=\"true\">{_e(url)}</guid>"
                f"<pubDate>{format_datetime(post.published)}</pubDate>"
                f"<dc:creator><![CDATA[{post.author}]]></dc:creator>"
                + "".join(f"<category><![CDATA[{label}]]></category>" for label in post.labels)
                + f"<description><![CDATA[{_snippet(post)}]]></description></item>")
        newest = format_datetime(self.posts[0].published) if self.posts else ""
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>"
                f"<title>{_e(self.name)}</title><link>{self.base_url}/</link>"
                f"<atom:link href=\"{self.base_url}/rss.xml\" rel=\"self\" "
                "type=\"application/rss+xml\"/>"
                f"<description>Berita terkini {_e(self.blog.unit)}</description>"
                f"<language>id</language><lastBuildDate>{newest}</lastBuildDate>"
                + "".join(items) + "</channel></rss>")

    def _months(self) -> list[tuple[int, int]]:
        return list(dict.fromkeys((p.published.year, p.published.month) for p in self.posts))

    def sitemap_index(self) -> str:
        entries = []
        for year, month in self._months():
            newest = max(p.updated for p in self.posts
                         if (p.published.year, p.published.month) == (year, month))
            entries.append(f"<sitemap><loc>{self.base_url}/sitemap-berita-{year}-{month:02d}.xml"
                           f"</loc><lastmod>{newest.isoformat(timespec='seconds')}</lastmod>"
                           "</sitemap>")
        entries.append(f"<sitemap><loc>{self.base_url}/sitemap-halaman.xml</loc></sitemap>")
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex "
                "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + "".join(entries)
                + "</sitemapindex>")

    def month_sitemap(self, year: int, month: int) -> str:
        posts = [p for p in self.posts if (p.published.year, p.published.month) == (year, month)]
        return _urlset(f"<url><loc>{self.post_url(p)}</loc><lastmod>"
                       f"{p.updated.isoformat(timespec='seconds')}</lastmod>"
                       "<changefreq>monthly</changefreq></url>" for p in posts)

    def pages_sitemap(self) -> str:
        paths = ["/", *(f"/kategori/{slug}" for slug, _ in _CATEGORIES),
                 *(f"/{slug}" for slug, _ in _STATIC_PAGES)]
        return _urlset(f"<url><loc>{self.base_url}{path}</loc></url>" for path in paths)

    def news_sitemap(self) -> str:
        """Google News sitemap: posts of the two days before the newest one."""
        if not self.posts:
            return _urlset(())
        cutoff = self.posts[0].published - timedelta(days=2)
        entries = (
            f"<url><loc>{self.post_url(p)}</loc><news:news><news:publication>"
            f"<news:name>{_e(self.name)}</news:name><news:language>id</news:language>"
            f"</news:publication><news:publication_date>"
            f"{p.published.isoformat(timespec='seconds')}</news:publication_date>"
            f"<news:title>{_e(p.title)}</news:title></news:news></url>"
            for p in self.posts if p.published >= cutoff)
        return _urlset(entries, news=True)

    # -- pages ---------------------------------------------------------------------------------

    def home_page(self) -> str:
        posts = self.page(1)
        head = (f'<link rel="alternate" type="application/rss+xml" title="{_e(self.name)} '
                f'&raquo; RSS" href="{self.base_url}/rss.xml">' if self.discovery == "rss"
                else "")
        lead = ""
        if posts:
            first = posts[0]
            lead = (f'<section class="headline"><a href="{self.post_path(first)}">'
                    f'<img src="{_e(self._image(first))}" alt="{_e(first.title)}"></a>'
                    f'<h2><a href="{self.post_path(first)}">{_e(first.title)}</a></h2>'
                    f"<p>{_e(_snippet(first))}</p></section>")
        more = ('<div class="pagination"><a class="next" href="/indeks?page=2">Selanjutnya '
                "&raquo;</a></div>" if self.discovery == "links" and
                self.page_count > 1 else "")
        main = (lead + '<section class="berita-terbaru"><h3 class="judul-blok">Berita Terbaru'
                "</h3>" + self._teasers(posts[1:]) + more + "</section>")
        return self._document(self.name, "website", head, main)

    def index_page(self, page: int) -> str:
        posts = self.page(page)
        pager = []
        if page > 1:
            pager.append(f'<a class="prev" href="/indeks?page={page - 1}">&laquo; Sebelumnya</a>')
        for number in range(1, self.page_count + 1):
            pager.append(f'<a class="page-number" href="/indeks?page={number}">{number}</a>'
                         if number != page else f'<span class="current">{number}</span>')
        if page < self.page_count:
            pager.append(f'<a class="next" href="/indeks?page={page + 1}">Selanjutnya &raquo;</a>')
        main = ('<section class="indeks"><h1 class="judul-blok">Indeks Berita</h1>'
                + (self._teasers(posts) if posts else "<p>Tidak ada berita.</p>")
                + f'<div class="pagination">{" ".join(pager)}</div></section>')
        return self._document(f"Indeks Berita - Halaman {page}", "website", "", main)

    def article_page(self, post: DemoPost) -> str:
        url = self.post_url(post)
        category, category_name = self._category(post)
        others = [p for p in self.posts if p.post_id != post.post_id]
        related = [p for p in others if set(p.labels) & set(post.labels)][:4] or others[:4]
        head = "\n".join((
            f'<link rel="canonical" href="{url}">',
            f'<meta name="description" content="{_e(_snippet(post))}">',
            f'<meta name="keywords" content="{_e(", ".join(post.labels))}">',
            f'<meta property="og:title" content="{_e(post.title)}">',
            f'<meta property="og:url" content="{url}">',
            f'<meta property="og:image" content="{_e(self._image(post))}">',
            f'<meta property="article:published_time" '
            f'content="{post.published.isoformat(timespec="seconds")}">',
            f'<meta property="article:modified_time" '
            f'content="{post.updated.isoformat(timespec="seconds")}">',
            f'<meta property="article:section" content="{_e(category_name)}">',
            *(f'<meta property="article:tag" content="{_e(label)}">' for label in post.labels),
            '<script type="application/ld+json">' + json.dumps({
                "@context": "https://schema.org", "@type": "NewsArticle",
                "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                "headline": post.title, "image": [self._image(post)],
                "datePublished": post.published.isoformat(timespec="seconds"),
                "dateModified": post.updated.isoformat(timespec="seconds"),
                "author": {"@type": "Person", "name": post.author},
                "publisher": {"@type": "Organization", "name": self.name,
                              "logo": {"@type": "ImageObject",
                                       "url": f"{self.base_url}/assets/img/logo.png"}},
            }, ensure_ascii=False) + "</script>",
        ))
        baca = next((p for p in others if p.published < post.published), None) or \
            (others[0] if others else None)
        main = "\n".join((
            '<ol class="breadcrumbs"><li><a href="/">Beranda</a></li>'
            f'<li><a href="/kategori/{category}">{_e(category_name)}</a></li></ol>',
            '<article class="detail-berita">',
            f'<h1 class="judul-berita">{_e(post.title)}</h1>',
            f'<div class="meta-berita"><span class="penulis">Penulis: '
            f'<a href="/penulis/{slugify(post.author)}">{_e(post.author)}</a></span> | '
            f'<span class="tanggal">{long_date(post.published)}</span> | '
            f'<span class="dilihat">{100 + int(post.post_id[-3:])} kali dibaca</span></div>',
            self._share_bar(url, post.title),
            f'<figure class="foto-utama"><img src="{_e(self._image(post))}" '
            f'alt="{_e(post.title)}"><figcaption>Foto: Dok. Humas {_e(post.unit)}</figcaption>'
            "</figure>",
            f'<div class="isi-berita">{self._body(post, baca)}</div>',
            '<div class="tags"><span>Tags:</span> ' + " ".join(
                f'<a href="/tag/{slugify(label)}" rel="tag">{_e(label)}</a>'
                for label in post.labels) + "</div>",
            self._share_bar(url, post.title),
            "</article>",
            '<section class="berita-terkait"><h3>Berita Terkait</h3><ul>' + "".join(
                f'<li><a href="{self.post_path(p)}">{_e(p.title)}</a> '
                f'<span class="tgl">{long_date(p.published)}</span></li>' for p in related)
            + "</ul></section>",
            '<section class="komentar"><h3>Komentar</h3><div class="fb-comments" '
            f'data-href="{url}" data-numposts="5"></div><p class="info-komentar">Tulis komentar '
            "anda dengan bijak. Komentar sepenuhnya menjadi tanggung jawab penulis.</p></section>",
        ))
        return self._document(f"{post.title} - {self.name}", "article", head, main)

    # -- pieces --------------------------------------------------------------------------------

    def _body(self, post: DemoPost, baca: DemoPost | None) -> str:
        parts = paragraphs_html(post)
        if baca is not None:
            parts.insert(2,
                         f'<div class="baca-juga"><strong>Baca Juga:</strong> '
                         f'<a href="{self.post_path(baca)}">{_e(baca.title)}</a></div>')
        return "\n".join(parts)

    def _teasers(self, posts: Sequence[DemoPost]) -> str:
        return '<ul class="daftar-berita">' + "".join(
            f'<li class="item-berita"><a class="thumb" href="{self.post_path(p)}">'
            f'<img src="{_e(self._image(p))}" alt="{_e(p.title)}"></a>'
            f'<div class="info"><span class="kategori">{_e(self._category(p)[1])}</span>'
            f'<h2><a href="{self.post_path(p)}">{_e(p.title)}</a></h2>'
            f'<span class="tgl">{long_date(p.published)}</span>'
            f"<p>{_e(_snippet(p, 120))}</p></div></li>" for p in posts) + "</ul>"

    def _share_bar(self, url: str, title: str) -> str:
        return ('<div class="share-bar"><span>Bagikan:</span> '
                f'<a href="https://www.facebook.com/sharer/sharer.php?u={_e(url)}">Facebook</a> '
                f'<a href="https://twitter.com/intent/tweet?url={_e(url)}">Twitter</a> '
                f'<a href="https://api.whatsapp.com/send?text={_e(title)}%20{_e(url)}">'
                "WhatsApp</a> "
                f'<a href="https://t.me/share/url?url={_e(url)}">Telegram</a> '
                '<a href="#" class="salin">Salin Link</a></div>')

    def _category(self, post: DemoPost) -> tuple[str, str]:
        return _CATEGORIES[int(post.post_id[-2:]) % len(_CATEGORIES)]

    def _image(self, post: DemoPost) -> str:
        found = _IMG_SRC.search(post.body_html)
        return found.group(1) if found else \
            f"{self.base_url}/uploads/{post.published:%Y/%m}/{self.slug(post)}.jpg"

    def _document(self, title: str, og_type: str, head: str, main: str) -> str:
        ticker = " &bull; ".join(f'<a href="{self.post_path(p)}">{_e(p.title)}</a>'
                                 for p in self.posts[:3])
        popular = "".join(f'<li><a href="{self.post_path(p)}">{_e(p.title)}</a></li>'
                          for p in self.posts[3:8])
        menu = "".join(f'<li><a href="/kategori/{slug}">{_e(name)}</a></li>'
                       for slug, name in _CATEGORIES)
        footer = "".join(f'<li><a href="/{slug}">{_e(name)}</a></li>'
                         for slug, name in _STATIC_PAGES)
        today = self.posts[0].published if self.posts else datetime(2026, 1, 1)
        return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<meta property="og:type" content="{og_type}">
<meta property="og:site_name" content="{_e(self.name)}">
{head}
<link rel="stylesheet" href="/assets/css/style.css?v=3.2">
<link rel="icon" href="/assets/img/favicon.png">
</head>
<body class="{og_type}">
<div class="topbar"><span class="hari-ini">{HARI[today.weekday()]}, {today.day} \
{BULAN[today.month - 1]} {today.year}</span> <a href="/login">Masuk</a></div>
<header class="site-header">
<a class="logo" href="/"><img src="/assets/img/logo.png" alt="{_e(self.name)}"></a>
<nav class="main-menu"><ul><li><a href="/">Beranda</a></li>{menu}\
<li><a href="/indeks">Indeks</a></li><li><a href="/video">Video</a></li></ul></nav>
<form class="cari" action="/cari"><input name="q" placeholder="Cari berita..."></form>
<div class="breaking-news"><span class="label">Breaking News</span> {ticker}</div>
</header>
<main class="container"><div class="row">
<div class="col-utama">
{main}
</div>
<aside class="sidebar">
<div class="widget populer"><h3>Terpopuler</h3><ol>{popular}</ol></div>
<div class="widget iklan"><a href="/pasang-iklan"><img src="/assets/img/iklan-300x250.jpg" \
alt="Iklan"></a><span>Advertisement</span></div>
</aside>
</div></main>
<footer class="site-footer"><ul>{footer}</ul>
<p>&copy; {today.year} {_e(self.name)}. Hak cipta dilindungi undang-undang.</p></footer>
<script src="/assets/js/app.js?v=3.2"></script>
</body>
</html>
"""


def _urlset(entries: Iterable[str], news: bool = False) -> str:
    namespace = (' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else "")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
            f"xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"{namespace}>"
            + "".join(entries) + "</urlset>")


def _snippet(post: DemoPost, size: int = 200) -> str:
    words = " ".join(post.body_text.split())
    return words if len(words) <= size else words[:size].rsplit(" ", 1)[0] + " ..."

