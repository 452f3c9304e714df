"""A fake Polda Lampung "detail-post" site, like tribratanews-resmetro.lampung.polri.go.id.

It serves what the crawler depends on:

* ``/berita?page=N``: the news index, 12 posts a page, newest first, in ``.list-berita``
  (``.item-berita`` cards: thumbnail from ``/berkas/post-images/YYYY-MM/<slug>.jpg``, title
  link, date without time, teaser), a Laravel pager (``rel="next"`` / ``rel="prev"``, the next
  arrow disabled on the last page) and a "Berita Terpopuler" sidebar; ETag / 304 on every page;
* ``/detail-post/<slug>``: the article: ``<title>`` and ``og:title`` ending
  "- Website Resmi Polri", ``h1.post-title``, a meta line with the visible date
  "Senin, 12 Agustus 2024 09:15 WIB", the featured image, the body in ``div.post-content``
  (some bodies start with a bare line naming the site, every body ends "(*)"), tags, a share
  bar and the sidebar. There is no machine-readable date.
* ``/`` (the home page: the newest six), ``/robots.txt``; a 404 page for anything else.

No feed and no sitemap, as on the real sites. :meth:`LampungSite.expected_body` is the text a
correct crawler stores for a post.
"""

from __future__ import annotations

from crawler.demo._pages import HtmlNewsSite, esc, long_date, page_number, slugify
from crawler.demo.content import DemoBlog, DemoPost
from crawler.demo.mockweb import MockRequest, MockResponse, html, with_validators

#: Bare first lines some editors leave at the top of a body (stripped by the crawler).
SITE_LINES = ("https://tribratanews.lampung.polri.go.id.", "Tribratanews lampung polri go id")
SUFFIX = " - Website Resmi Polri"


class LampungSite(HtmlNewsSite):
    """One fake detail-post site (see the module docstring)."""

    page_size = 12

    def __init__(self, blog: DemoBlog, base_url: str, *, name: str | None = None) -> None:
        self.name = name or f"Tribratanews {blog.unit}"
        super().__init__(blog, base_url)

    def post_path(self, post: DemoPost) -> str:
        return f"/detail-post/{self.slug(post)}"

    def image_path(self, post: DemoPost) -> str:
        return f"/berkas/post-images/{post.published:%Y-%m}/{self.slug(post)}.jpg"

    def site_line(self, post: DemoPost) -> str | None:
        """The bare site line this post's body starts with, if any (one post in three)."""
        number = int(post.post_id) % 6
        return SITE_LINES[number // 3] if number % 3 == 0 else None

    def expected_body(self, post: DemoPost) -> str:
        """The article text a crawler should store: the body, the "(*)" end mark kept."""
        return f"{post.body_text}\n\n(*)"

    # -- serving -------------------------------------------------------------------------

    def route(self, request: MockRequest) -> MockResponse | None:
        if request.path == "/berita":
            number = page_number(request.query.get("page"))
            if number is not None and number <= self.page_count:
                return with_validators(request, html(self.listing_page(number)))
        if request.path == "/":
            return with_validators(request, html(self.home_page()))
        return None

    # -- pages ---------------------------------------------------------------------------

    def _document(self, title: str, head: str, main: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="csrf-token" content="Xk2pQ7vLr0aT9sWq1mZc">\n'
            f"<title>{esc(title)}</title>\n{head}"
            '<link rel="icon" href="/assets/img/logo-polri.png">\n'
            '<link rel="stylesheet" href="/assets/vendor/bootstrap/css/bootstrap.min.css">\n'
            '<link rel="stylesheet" href="/assets/css/style.css?v=2.3">\n'
            "</head>\n<body>\n"
            '<div class="topbar"><div class="container"><span><i class="fa fa-phone"></i> '
            "Call Center 110</span> <span>"
            f"{esc(long_date(self.posts[0].published, clock=False)) if self.posts else ''}"
            "</span></div></div>\n"
            '<header class="header"><div class="container"><a class="logo" href="/">'
            f'<img src="/assets/img/logo-polri.png" alt="{esc(self.name)}"> '
            f"<span>{esc(self.name)}</span></a>"
            '<nav class="main-menu"><ul><li><a href="/">Beranda</a></li>'
            '<li><a href="/berita?page=1">Berita</a></li><li><a href="/profil">Profil</a></li>'
            '<li><a href="/galeri">Galeri</a></li><li><a href="/kontak">Kontak</a></li>'
            "</ul></nav></div></header>\n"
            f'<main class="main-content"><div class="container"><div class="row">{main}'
            f"{self._sidebar()}</div></div></main>\n"
            '<footer class="footer"><div class="container"><div class="row">'
            f'<div class="col-md-6"><h5>{esc(self.name)}</h5><p>{esc(self.blog.polda)}, '
            f"{esc(self.blog.province)}</p></div>"
            '<div class="col-md-6"><h5>Media Sosial</h5><a href="https://www.instagram.com/'
            'humaspoldalampung">Instagram</a> <a href="https://www.facebook.com/'
            'humaspoldalampung">Facebook</a></div></div>'
            '<div class="copyright">&copy; Bidhumas Polda Lampung. All Rights Reserved.</div>'
            "</div></footer>\n"
            '<script src="/assets/vendor/jquery/jquery.min.js"></script>\n'
            "</body>\n</html>\n"
        )

    def _sidebar(self) -> str:
        popular = "".join(
            f'<li><a href="{self.post_path(p)}">{esc(p.title)}</a>'
            f'<span class="tanggal">{long_date(p.published, clock=False)}</span></li>'
            for p in self.posts[2:7])
        return ('<div class="col-lg-4"><aside class="sidebar"><div class="widget">'
                f'<h4 class="widget-title">Berita Terpopuler</h4><ul>{popular}</ul></div>'
                '<div class="widget"><h4 class="widget-title">Layanan</h4><ul>'
                '<li><a href="https://skck.polri.go.id">SKCK Online</a></li>'
                '<li><a href="https://dumas.presisi.polri.go.id">Dumas Presisi</a></li>'
                "</ul></div></aside></div>")

    def _card(self, post: DemoPost) -> str:
        path = self.post_path(post)
        teaser = esc(post.body_text[:160].rsplit(" ", 1)[0]) + " ..."
        return (f'<div class="item-berita row"><div class="col-md-4"><a href="{path}">'
                f'<img src="{self.image_path(post)}" alt="{esc(post.title)}" loading="lazy">'
                '</a></div><div class="col-md-8"><h3 class="judul">'
                f'<a href="{path}">{esc(post.title)}</a></h3>'
                f'<span class="tanggal"><i class="far fa-calendar-alt"></i> '
                f"{long_date(post.published, clock=False)}</span><p>{teaser}</p>"
                f'<a class="btn-selengkapnya" href="{path}">Selengkapnya</a></div></div>')

    def _pager(self, number: int) -> str:
        base = f"{self.base_url}/berita?page="
        last = self.page_count
        items = [f'<li class="page-item"><a class="page-link" href="{base}{number - 1}" '
                 'rel="prev" aria-label="&laquo; Sebelumnya">&lsaquo;</a></li>' if number > 1
                 else '<li class="page-item disabled" aria-disabled="true" aria-label="'
                      '&laquo; Sebelumnya"><span class="page-link">&lsaquo;</span></li>']
        for target in range(max(1, number - 3), min(last, number + 3) + 1):
            items.append(f'<li class="page-item active" aria-current="page"><span '
                         f'class="page-link">{target}</span></li>' if target == number else
                         f'<li class="page-item"><a class="page-link" href="{base}{target}">'
                         f"{target}</a></li>")
        items.append(f'<li class="page-item"><a class="page-link" href="{base}{number + 1}" '
                     'rel="next" aria-label="Berikutnya &raquo;">&rsaquo;</a></li>'
                     if number < last else
                     '<li class="page-item disabled" aria-disabled="true" aria-label="'
                     'Berikutnya &raquo;"><span class="page-link">&rsaquo;</span></li>')
        return f'<nav><ul class="pagination">{"".join(items)}</ul></nav>'

    def listing_page(self, number: int) -> str:
        """``/berita?page=<number>``."""
        cards = "".join(self._card(p) for p in self.page(number))
        main = ('<div class="col-lg-8"><h2 class="section-title">Berita Terkini</h2>'
                f'<div class="list-berita">{cards}</div>{self._pager(number)}</div>')
        return self._document(f"Berita{SUFFIX}", "", main)

    def home_page(self) -> str:
        cards = "".join(self._card(p) for p in self.posts[:6])
        main = ('<div class="col-lg-8"><h2 class="section-title">Berita Terbaru</h2>'
                f'<div class="berita-terbaru">{cards}</div>'
                '<a class="btn" href="/berita?page=1">Indeks Berita</a></div>')
        return self._document(f"Beranda{SUFFIX}", "", main)

    def article_page(self, post: DemoPost) -> str:
        url = self.post_url(post)
        lead = self.site_line(post)
        body = (f"<p>{esc(lead)}</p>" if lead else "") + self.relinked_body(post) + "<p>(*)</p>"
        tags = "".join(f'<a href="/tag/{slugify(label)}">{esc(label)}</a>'
                       for label in post.labels)
        head = (f'<meta name="description" content="{esc(post.body_text[:150])}">\n'
                f'<meta property="og:title" content="{esc(post.title)}{SUFFIX}">\n'
                f'<meta property="og:url" content="{esc(url)}">\n'
                f'<meta property="og:image" content="{self.base_url}{self.image_path(post)}">\n'
                '<meta property="og:type" content="article">\n')
        main = (
            '<div class="col-lg-8"><article class="detail-post">'
            '<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item">'
            '<a href="/">Beranda</a></li><li class="breadcrumb-item"><a href="/berita?page=1">'
            'Berita</a></li><li class="breadcrumb-item active">Detail</li></ol></nav>'
            f'<h1 class="post-title">{esc(post.title)}</h1>'
            '<div class="post-meta"><span class="post-date"><i class="far fa-calendar-alt">'
            f"</i> {long_date(post.published)}</span> "
            f'<span class="post-author"><i class="far fa-user"></i> {esc(post.author)}</span> '
            f'<span class="post-views"><i class="far fa-eye"></i> '
            f"{int(post.post_id) % 900 + 40} kali dilihat</span></div>"
            f'<figure class="post-image"><img src="{self.image_path(post)}" '
            f'alt="{esc(post.title)}"></figure>'
            f'<div class="post-content">{body}</div>'
            f'<div class="post-tags"><span>Tags:</span> {tags}</div>'
            '<div class="share-post"><span>Bagikan:</span> '
            f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a> '
            f'<a href="https://twitter.com/intent/tweet?url={url}">Twitter</a> '
            f'<a href="https://api.whatsapp.com/send?text={url}">WhatsApp</a></div>'
            "</article></div>"
        )
        return self._document(f"{post.title}{SUFFIX}", head, main)
