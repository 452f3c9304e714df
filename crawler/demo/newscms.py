"""A fake channel of the shared "network" news CMS (``<channel>.<parent-domain>``).

The same channel is served under several parent domains: build one :class:`NewsCmsSite` per
parent from the same :class:`~crawler.demo.content.DemoBlog`, each with the others' base URLs
as ``mirrors``. Articles and slugs are the same everywhere; what differs by parent is the
network chrome (the "Rekomendasi berita" list, the network links in the footer), as on the
real mirrors. It serves:

* ``/sitemap.xml`` (when ``sitemap`` is on): a ``urlset`` of the home page and every article,
  newest first, ``lastmod`` with the channel's offset; ETag / 304;
* ``/indeks-berita?page=N``: the news index, 15 a page, newest first, in ``.indeks-list``
  (``.indeks-item`` entries), pager with ``a.next``; ETag / 304; ``/`` the newest ten;
* ``/<slug>``: the article: ``h1.detail-title``, a meta line (author, "Jumat, 27 September 2024
  - 10:12 WIB"), the photo with a caption, and inside ``div.detail-content`` the body followed
  by the blocks this CMS appends to it: the author box (the name printed twice), "Artikel
  Sebelumnya / Artikel Berikutnya", "Berita terkait", "Rekomendasi berita", "Tags", "Ikuti
  Kami"; side widgets ("Terpopuler", an ad) beside it. ``article:published_time`` carries the
  offset; ``link rel=canonical`` is the page's own URL (each parent calls itself canonical);
* ``/robots.txt`` (naming the sitemap when there is one); a 404 page for anything else.

:meth:`NewsCmsSite.expected_body` is the text a correct crawler stores for a post.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from crawler.demo._pages import HtmlNewsSite, esc, long_date, page_number, slugify
from crawler.demo.content import DemoBlog, DemoPost
from crawler.demo.mockweb import MockRequest, MockResponse, html, text, with_validators

#: The network-wide recommendations (the same on every channel, ordered per parent).
NETWORK_RECOMMENDED = (
    ("Nagari TV, TVnya Nagari!", "https://nagaritv.ngo.web.id/nagari-tv-tvnya-nagari"),
    ("TV Parlemen Live Streaming", "https://tvparlemen.ngo.web.id/tv-parlemen-live-streaming"),
    ("Polri TV: Transparan - Informatif - Terpercaya",
     "https://polritv.ngo.web.id/polri-tv-transparan-informatif-terpercaya"),
    ("Mengenal Lebih Dekat Koperasi", "https://ekonomi.ngo.web.id/mengenal-lebih-dekat-koperasi"),
    ("Hendri Kampai: Revolusi Penulisan Rilis Berita dengan Bantuan Artificial Intelligence (AI)",
     "https://opini.ngo.web.id/hendri-kampai-revolusi-penulisan-rilis-berita"),
)


def short_title(title: str, limit: int = 40) -> str:
    """A title cut at a word for the prev/next block: 'Sambut Pilkada 2024, TNI-Polri…'."""
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "..."


class NewsCmsSite(HtmlNewsSite):
    """One parent domain's copy of a network channel (see the module docstring)."""

    page_size = 15

    def __init__(self, blog: DemoBlog, base_url: str, mirrors: Sequence[str] = (), *,
                 sitemap: bool = True, channel: str | None = None) -> None:
        self.mirrors = list(mirrors)
        self.has_sitemap = sitemap
        self.channel = channel or blog.unit.split(" ", 1)[-1]
        super().__init__(blog, base_url)

    def post_path(self, post: DemoPost) -> str:
        return f"/{self.slug(post)}"

    def expected_body(self, post: DemoPost) -> str:
        """The article text a crawler should store: the body without the appended blocks."""
        return post.body_text

    # -- serving -------------------------------------------------------------------------

    def robots_txt(self) -> str:
        sitemap = f"\nSitemap: {self.base_url}/sitemap.xml\n" if self.has_sitemap else ""
        return f"User-agent: *\nDisallow: /admin/\nDisallow: /cari\n{sitemap}"

    def route(self, request: MockRequest) -> MockResponse | None:
        if request.path == "/sitemap.xml" and self.has_sitemap:
            return with_validators(request, text(self.sitemap(), content_type="application/xml"))
        if request.path == "/indeks-berita":
            number = page_number(request.query.get("page"))
            if number is not None and number <= self.page_count:
                return with_validators(request, html(self.index_page(number)))
        if request.path == "/":
            return with_validators(request, html(self.home_page()))
        return None

    def sitemap(self) -> str:
        newest = self.posts[0].updated.isoformat() if self.posts else ""
        urls = [f"<url><loc>{self.base_url}/</loc><lastmod>{newest}</lastmod>"
                "<changefreq>hourly</changefreq><priority>1.0</priority></url>"]
        urls += [f"<url><loc>{esc(self.post_url(p))}</loc><lastmod>{p.updated.isoformat()}"
                 "</lastmod><changefreq>weekly</changefreq><priority>0.8</priority></url>"
                 for p in self.posts]
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                + "\n".join(urls) + "\n</urlset>\n")

    # -- pages ---------------------------------------------------------------------------

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc

    def _recommended(self) -> list[tuple[str, str]]:
        """The network list, rotated by this parent's place among the mirrors."""
        shift = sorted([self.base_url, *self.mirrors]).index(self.base_url)
        items = list(NETWORK_RECOMMENDED)
        return items[shift % len(items):] + items[:shift % len(items)]

    def _document(self, title: str, head: str, main: str) -> str:
        network = "".join(f'<li><a href="{esc(url)}/">{esc(urlsplit(url).netloc)}</a></li>'
                          for url in self.mirrors)
        popular = "".join(f'<li><a href="{self.post_path(p)}">{esc(p.title)}</a></li>'
                          for p in self.posts[1:6])
        return (
            '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"<title>{esc(title)}</title>\n{head}"
            '<link rel="stylesheet" href="/themes/network/css/app.css?v=5.1.2">\n'
            '<script async src="https://pagead2.googlesyndication.com/pagead/js/'
            'adsbygoogle.js"></script>\n</head>\n<body class="channel">\n'
            '<header class="site-header"><div class="container">'
            f'<a class="brand" href="/">{esc(self.channel)} <small>{esc(self.host)}</small></a>'
            '<nav class="menu"><a href="/">Home</a> <a href="/indeks-berita?page=1">Indeks</a> '
            '<a href="/kategori/polri">Polri</a> <a href="/kategori/daerah">Daerah</a></nav>'
            "</div></header>\n"
            '<div class="container"><div class="row">'
            f'<main class="col-md-8">{main}</main>'
            '<aside class="col-md-4 sidebar"><div class="widget widget-popular">'
            f'<h3 class="widget-title">Terpopuler</h3><ol>{popular}</ol></div>'
            '<div class="widget widget-ads"><ins class="adsbygoogle" '
            'data-ad-client="ca-pub-0000000000000000"></ins><span>Advertisement</span></div>'
            "</aside></div></div>\n"
            '<footer class="site-footer"><div class="container">'
            f'<div class="network"><h4>Jaringan</h4><ul>{network}</ul></div>'
            '<div class="follow-us"><h4>Ikuti Kami</h4><a href="https://facebook.com/">'
            'Facebook</a> <a href="https://instagram.com/">Instagram</a> '
            '<a href="https://youtube.com/">YouTube</a></div>'
            f"<p>&copy; {esc(self.host)} &middot; Pedoman Media Siber &middot; Redaksi</p>"
            "</div></footer>\n</body>\n</html>\n"
        )

    def _entry(self, post: DemoPost) -> str:
        path = self.post_path(post)
        return (f'<div class="indeks-item"><a class="thumb" href="{path}"><img src="/uploads/'
                f'{post.published:%Y/%m}/{self.slug(post)[:30]}.jpg" alt=""></a>'
                f'<h2><a href="{path}">{esc(post.title)}</a></h2>'
                f'<span class="date">{long_date(post.published)}</span></div>')

    def index_page(self, number: int) -> str:
        """``/indeks-berita?page=<number>``."""
        entries = "".join(self._entry(p) for p in self.page(number))
        pager = []
        if number > 1:
            pager.append(f'<li><a class="prev" href="/indeks-berita?page={number - 1}">'
                         "&laquo; Sebelumnya</a></li>")
        pager.append(f'<li class="active"><span>{number}</span></li>')
        if number < self.page_count:
            pager.append(f'<li><a class="next" href="/indeks-berita?page={number + 1}">'
                         "Selanjutnya &raquo;</a></li>")
        main = ('<h1 class="page-title">Indeks Berita</h1>'
                f'<div class="indeks-list">{entries}</div>'
                f'<ul class="pagination">{"".join(pager)}</ul>')
        return self._document(f"Indeks Berita - {self.channel}", "", main)

    def home_page(self) -> str:
        entries = "".join(self._entry(p) for p in self.posts[:10])
        main = f'<div class="headline-list">{entries}</div>'
        return self._document(f"{self.channel} - Berita Terkini", "", main)

    def article_page(self, post: DemoPost) -> str:
        url = self.post_url(post)
        older, newer = self.neighbours(post)
        related = [p for p in self.posts if p is not post and set(p.labels[1:]) &
                   set(post.labels[1:])][:3]
        tags = [self.channel, *post.labels[1:2]]
        nav = ""
        if older is not None:
            nav += ('<div class="prev"><span>Artikel Sebelumnya</span>'
                    f'<a href="{self.post_path(older)}">{esc(short_title(older.title))}</a></div>')
        if newer is not None:
            nav += ('<div class="next"><span>Artikel Berikutnya</span>'
                    f'<a href="{self.post_path(newer)}">{esc(short_title(newer.title))}</a></div>')
        related_items = "".join(f'<li><a href="{self.post_path(p)}">{esc(p.title)}</a></li>'
                                for p in related)
        recommended = "".join(f'<li><a href="{esc(href)}">{esc(title)}</a></li>'
                              for title, href in self._recommended())
        tag_links = "".join(f'<a href="/tag/{slugify(t)}">{esc(t)}</a>' for t in tags)
        tag_meta = "".join(f'<meta property="article:tag" content="{esc(t)}">\n' for t in tags)
        head = (f'<meta name="description" content="{esc(post.body_text[:155])}">\n'
                f'<link rel="canonical" href="{esc(url)}">\n'
                '<meta property="og:type" content="article">\n'
                f'<meta property="og:title" content="{esc(post.title)}">\n'
                f'<meta property="og:url" content="{esc(url)}">\n'
                f'<meta property="og:site_name" content="{esc(self.channel)}">\n'
                f'<meta property="article:published_time" '
                f'content="{post.published.isoformat()}">\n'
                f'<meta property="article:modified_time" content="{post.updated.isoformat()}">\n'
                f"{tag_meta}")
        main = (
            '<article class="detail">'
            f'<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/kategori/polri">'
            "Polri</a></div>"
            f'<h1 class="detail-title">{esc(post.title)}</h1>'
            f'<div class="detail-meta"><span class="author">{esc(post.author)}</span> '
            f'<span class="date">{long_date(post.published)}</span></div>'
            f'<figure class="detail-image"><img src="/uploads/{post.published:%Y/%m}/'
            f'{self.slug(post)[:30]}.jpg" alt="{esc(post.title)}"><figcaption>'
            f"Foto: {esc(post.author)}</figcaption></figure>"
            '<div class="detail-content">'
            f"{self.relinked_body(post)}"
            '<div class="detail-author"><a href="/penulis/'
            f'{slugify(post.author)}"><span class="name">{esc(post.author)}</span></a>'
            f'<p class="bio">{esc(post.author)}</p></div>'
            f'<div class="prev-next">{nav}</div>'
            '<div class="related-news"><h3>Berita terkait</h3>'
            f"<ul>{related_items}</ul></div>"
            '<div class="recommend"><h3>Rekomendasi berita</h3>'
            f"<ul>{recommended}</ul></div>"
            f'<div class="detail-tags"><h4>Tags</h4>{tag_links}</div>'
            "</div>"
            '<div class="share"><a href="https://www.facebook.com/sharer.php?u='
            f'{url}">Facebook</a> <a href="https://api.whatsapp.com/send?text={url}">WhatsApp'
            "</a></div></article>"
        )
        return self._document(f"{post.title} - {self.channel}", head, main)
