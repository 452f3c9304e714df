"""A fake Odoo ``website_blog`` portal, like tribratanews.polri.go.id.

Posts are spread over three blogs (``nasional-3``, ``hukum-4``, ``keamanan-6``) and get
global, monotonic post ids (the oldest ``FIRST_POST_ID``, then every third number, as if
other records were created in between); a post added later gets the next id, whatever its
date. It serves what the crawler depends on:

* ``/blog`` and ``/blog/page/N``: 12 posts a page, newest first, in ``#o_wblog_posts_loop``
  (``article.o_wblog_post`` cards: cover, blog link, title link, teaser, ``o_tag`` badges,
  date), Odoo's pager (``ul.pagination``, "Next" disabled on the last page), a sidebar with
  popular posts and archives; ETag / 304 on every listing page;
* ``/blog/<blog>-<id>/<slug>-<postid>``: the post page of ``website_blog.blog_post_complete``:
  cover with ``h1#o_wblog_post_name`` in ``#o_wblog_post_top``, breadcrumb, body in
  ``div.o_wblog_post_content_field`` (the editor's ``<p>``s: the dateline lead
  "Tribratanews.polri.go.id - <Place>." first, the desk's initials last, an empty
  ``.oe_structure`` drop zone), tags, share links, the "Read Next" footer (another
  ``#o_wblog_post_name``) and the comments section; ``article:published_time`` and
  ``article:modified_time`` are naive UTC, as Odoo renders them;
* ``/`` (the home page: the newest posts in a blog snippet), ``/sitemap.xml`` and
  ``/robots.txt``; a 404 page for anything else.

:meth:`OdooBlogSite.expected_body` is the text a correct crawler stores for a post.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from crawler.demo._pages import (
    HtmlNewsSite,
    esc,
    long_date,
    paragraphs_html,
    place_of,
    slugify,
)
from crawler.demo.content import BULAN, DemoBlog, DemoPost
from crawler.demo.mockweb import MockRequest, MockResponse, html, text, with_validators

FIRST_POST_ID = 85_924
BLOGS = (("nasional", 3, "Nasional"), ("hukum", 4, "Hukum"), ("keamanan", 6, "Keamanan"))
#: The desk's initials at the end of every post.
INITIALS = "(pt/hn/nm)"


def odoo_utc(value: datetime) -> str:
    """An Odoo datetime as QWeb prints it: naive, in UTC."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def short_date(value: datetime) -> str:
    """Babel's medium date in Indonesian: '28 Mar 2025'."""
    return f"{value.day} {BULAN[value.month - 1][:3]} {value.year}"


class OdooBlogSite(HtmlNewsSite):
    """One fake Odoo blog portal (see the module docstring)."""

    page_size = 12

    def __init__(self, blog: DemoBlog, base_url: str, *,
                 site_name: str = "Tribratanews Polri") -> None:
        self.site_name = site_name
        super().__init__(blog, base_url)

    # -- content -------------------------------------------------------------------------

    def set_posts(self, posts: Sequence[DemoPost]) -> None:
        """Replace the posts; a post keeps its id, a new one gets the next free id."""
        self.ids: dict[str, int] = getattr(self, "ids", {})
        for post in sorted(posts, key=lambda p: p.published):
            if post.post_id not in self.ids:
                self.ids[post.post_id] = max(self.ids.values(), default=FIRST_POST_ID - 3) + 3
        super().set_posts(posts)

    def blog_of(self, post: DemoPost) -> tuple[str, int, str]:
        return BLOGS[int(post.post_id) % len(BLOGS)]

    def post_path(self, post: DemoPost) -> str:
        slug, blog_id, _ = self.blog_of(post)
        return f"/blog/{slug}-{blog_id}/{slugify(post.title)}-{self.ids[post.post_id]}"

    def expected_body(self, post: DemoPost) -> str:
        """The article text a crawler should store: lead + paragraphs + initials."""
        return (f"Tribratanews.polri.go.id - {place_of(post)}. {post.body_text}\n\n"
                f"{INITIALS}")

    # -- serving -------------------------------------------------------------------------

    def robots_txt(self) -> str:
        return (f"User-agent: *\nDisallow: /web/\nDisallow: /my/\n\n"
                f"Sitemap: {self.base_url}/sitemap.xml\n")

    def route(self, request: MockRequest) -> MockResponse | None:
        path = request.path.rstrip("/") or "/"
        number = 1 if path == "/blog" else None
        if path.startswith("/blog/page/") and path[11:].isdigit():
            number = int(path[11:])
        if number is not None and 1 <= number <= self.page_count:
            return with_validators(request, html(self.listing_page(number)))
        if path == "/":
            return with_validators(request, html(self.home_page()))
        if path == "/sitemap.xml":
            return with_validators(request, text(self.sitemap(), content_type="application/xml"))
        return None

    def sitemap(self) -> str:
        urls = [f"<url><loc>{self.base_url}/blog</loc></url>"]
        urls += [f"<url><loc>{esc(self.post_url(p))}</loc>"
                 f"<lastmod>{p.updated.astimezone(UTC):%Y-%m-%d}</lastmod></url>"
                 for p in self.posts]
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + "".join(urls) + "</urlset>")

    # -- pages ---------------------------------------------------------------------------

    def _document(self, title: str, head: str, main: str, main_object: str) -> str:
        menu = "".join(f'<li class="nav-item"><a role="menuitem" href="/blog/{slug}-{i}" '
                       f'class="nav-link">{name}</a></li>' for slug, i, name in BLOGS)
        return (
            '<!DOCTYPE html>\n<html lang="id-ID" data-website-id="1" '
            f'data-main-object="{main_object}" data-oe-company-name="Divhumas Polri">\n<head>\n'
            '<meta charset="utf-8"/>\n<meta http-equiv="X-UA-Compatible" content="IE=edge"/>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
            '<meta name="generator" content="Odoo"/>\n'
            f"{head}<title>{esc(title)}</title>\n"
            '<link type="image/x-icon" rel="shortcut icon" '
            'href="/web/image/website/1/favicon?unique=5f3c2a1"/>\n'
            '<link type="text/css" rel="stylesheet" '
            'href="/web/assets/1874-9b1d2f0/1/web.assets_frontend.min.css"/>\n'
            '<script type="text/javascript">var odoo = {csrf_token: "a1b2c3d4e5", '
            'debug: ""};</script>\n'
            '<script defer="defer" type="text/javascript" '
            'src="/web/assets/1875-4c2e8a7/1/web.assets_frontend_lazy.min.js"></script>\n'
            "</head>\n<body>\n"
            '<div id="wrapwrap" class="   ">\n'
            '<header id="top" data-anchor="true" data-name="Header" class="o_header_standard">'
            '<nav data-name="Navbar" class="navbar navbar-expand-lg navbar-light shadow-sm">'
            '<div class="container"><a href="/" class="navbar-brand logo">'
            f'<span role="img" aria-label="Logo of {esc(self.site_name)}" '
            f'title="{esc(self.site_name)}"><img src="/web/image/website/1/logo/'
            'Tribratanews?unique=5f3c2a1" class="img img-fluid" alt="Tribratanews Polri" '
            'loading="lazy"/></span></a>'
            '<ul class="nav navbar-nav ms-auto text-end o_menu_loading" role="menu">'
            '<li class="nav-item"><a role="menuitem" href="/" class="nav-link">Beranda</a></li>'
            f"{menu}"
            '<li class="nav-item"><a role="menuitem" href="/contactus" class="nav-link">'
            "Hubungi Kami</a></li></ul></div></nav></header>\n"
            f'<main>\n<div id="wrap" class="js_blog website_blog">\n{main}\n</div>\n</main>\n'
            '<footer id="bottom" data-anchor="true" data-name="Footer" class="o_footer">'
            '<div id="footer" class="oe_structure oe_structure_solo">'
            '<section class="s_text_block pt40 pb16" data-snippet="s_text_block">'
            '<div class="container"><div class="row"><div class="col-lg-4 pt24 pb24">'
            "<h5>Divisi Humas Polri</h5><p>Jl. Trunojoyo No. 3, Kebayoran Baru, Jakarta "
            "Selatan</p></div><div class=\"col-lg-4 pt24 pb24\"><h5>Ikuti Kami</h5><p>"
            '<a href="https://www.facebook.com/DivHumasPolri">Facebook</a> · '
            '<a href="https://x.com/DivHumas_Polri">X</a> · '
            '<a href="https://www.instagram.com/divisihumaspolri">Instagram</a></p></div>'
            "</div></div></section></div>"
            '<div class="o_footer_copyright"><div class="container py-3">'
            '<span class="o_footer_copyright_name">Hak Cipta &copy; Divisi Humas Polri</span>'
            '<div class="o_brand_promotion">Dipersembahkan oleh '
            '<a target="_blank" class="badge text-bg-light" href="http://www.odoo.com">Odoo'
            "</a></div></div></div></footer>\n"
            "</div>\n</body>\n</html>\n"
        )

    def _card(self, post: DemoPost) -> str:
        slug, blog_id, name = self.blog_of(post)
        path = self.post_path(post)
        pid = self.ids[post.post_id]
        tags = "".join(f'<a href="/blog/tag/{slugify(label)}-{10 + i}" class="badge mb-2 me-1 '
                       f'text-truncate o_tag post_link" rel="nofollow">{esc(label)}</a>'
                       for i, label in enumerate(post.labels))
        teaser = esc(post.body_text[:180].rsplit(" ", 1)[0]) + "..."
        return (
            '<div class="col-12 col-md-6 col-lg-4 pb-4">'
            '<article class="o_wblog_post position-relative" name="blog_post">'
            f'<a href="{path}" class="text-decoration-none d-block mb-2">'
            '<div class="o_record_cover_container d-flex flex-column h-100 o_colored_level '
            'o_cc o_cc3 cover_auto o_list_cover mb-3"><div class="o_record_cover_component '
            f'o_record_cover_image" style="background-image: url(/web/image/blog.post/{pid}/'
            'image);"></div></div></a>'
            f'<a href="/blog/{slug}-{blog_id}" class="d-block small fw-bold">{name}</a>'
            f'<a href="{path}" class="d-block text-reset text-decoration-none '
            f'o_blog_post_title my-0 h5">{esc(post.title)}</a>'
            '<div class="mt-2 mb-3 o_wblog_normalize_font"><div class="o_wblog_post_teaser '
            f'mb-1 overflow-hidden"><div class="o_wblog_read_text">{teaser}</div></div></div>'
            '<div class="o_wblog_post_short_tag_section d-flex align-items-center flex-wrap '
            f'pt-2">{tags}</div>'
            '<div class="d-flex small flex-wrap mb-1 mt-auto pt-2"><span class="text-nowrap">'
            '<i class="fa fa-calendar-o text-muted me-1" role="img" aria-label="Post date">'
            f'</i><time datetime="{post.published.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">'
            f"{short_date(post.published)}</time></span></div>"
            "</article></div>"
        )

    def _pager(self, number: int) -> str:
        def link(label: str, target: int | None, css: str = "") -> str:
            href = ("/blog" if target == 1 else f"/blog/page/{target}") if target else None
            anchor = (f'<a href="{href}" class="page-link post_link">{label}</a>' if href
                      else f'<a class="page-link post_link">{label}</a>')
            return f'<li class="page-item {css}">{anchor}</li>'

        last = self.page_count
        items = [link("Sebelumnya", number - 1 if number > 1 else None,
                      "" if number > 1 else "disabled")]
        for target in range(max(1, number - 2), min(last, number + 2) + 1):
            items.append(link(str(target), target, "active" if target == number else ""))
        items.append(link("Berikutnya", number + 1 if number < last else None,
                          "" if number < last else "disabled"))
        return f'<ul class="pagination m-0 mt-4 justify-content-center">{"".join(items)}</ul>'

    def _sidebar(self) -> str:
        popular = "".join(f'<li><a href="{self.post_path(p)}">{esc(p.title)}</a></li>'
                          for p in self.posts[3:8])
        months = sorted({(p.published.year, p.published.month) for p in self.posts},
                        reverse=True)[:6]
        archives = "".join(f'<li><a href="/blog?date_begin={y}-{m:02d}-01">{BULAN[m - 1]} {y}'
                           "</a></li>" for y, m in months)
        return ('<div id="o_wblog_sidebar" class="col-12 col-lg-3 ps-lg-4 pt-4 pt-lg-0">'
                '<div class="o_wblog_sidebar_block pb-5"><h6 class="text-uppercase pb-2 mb-4 '
                f'border-bottom fw-bold">Berita Populer</h6><ul class="list-unstyled">{popular}'
                '</ul></div><div class="o_wblog_sidebar_block pb-5"><h6 class="text-uppercase '
                'pb-2 mb-4 border-bottom fw-bold">Arsip</h6><ul class="list-unstyled">'
                f"{archives}</ul></div></div>")

    def home_page(self) -> str:
        """``/``: the website's home page, with the newest posts in a blog snippet."""
        cards = "".join(
            f'<div class="s_blog_post col-lg-4"><a href="{self.post_path(p)}">'
            f'<h5 class="s_blog_posts_post_title">{esc(p.title)}</h5></a>'
            f"<small>{short_date(p.published)}</small></div>" for p in self.posts[:6])
        main = (
            '<div class="oe_structure oe_empty"><section class="s_cover parallax '
            'o_colored_level" data-snippet="s_cover"><div class="container">'
            f"<h1>{esc(self.site_name)}</h1><p>Portal berita resmi Divisi Humas Polri</p>"
            '</div></section><section class="s_dynamic_snippet_blog_posts o_colored_level" '
            'data-snippet="s_blog_posts"><div class="container"><h3>Berita Terbaru</h3>'
            f'<div class="row">{cards}</div><a href="/blog" class="btn btn-primary">'
            "Semua Berita</a></div></section></div>")
        return self._document(self.site_name, "", main, "website.page(1,)")

    def listing_page(self, number: int) -> str:
        """``/blog/page/<number>``: 12 cards, the pager, the sidebar."""
        cards = "".join(self._card(p) for p in self.page(number))
        canonical = self.base_url + ("/blog" if number == 1 else f"/blog/page/{number}")
        head = (f'<link rel="canonical" href="{canonical}"/>\n'
                '<meta property="og:type" content="website"/>\n'
                f'<meta property="og:title" content="Blog | {esc(self.site_name)}"/>\n')
        main = (
            '<section id="o_wblog_index_content"><div class="container py-4">'
            '<div class="row justify-content-between">'
            '<div id="o_wblog_posts_loop_container" class="col col-lg-9">'
            f'<div id="o_wblog_posts_loop"><div class="row">{cards}</div>'
            f'<div class="row justify-content-center">{self._pager(number)}</div></div></div>'
            f"{self._sidebar()}</div></div></section>"
            '<div class="oe_structure oe_empty" id="oe_structure_blog_index_footer"></div>'
        )
        return self._document(f"Blog | {self.site_name}", head, main, "blog.blog()")

    def article_page(self, post: DemoPost) -> str:
        slug, blog_id, name = self.blog_of(post)
        pid = self.ids[post.post_id]
        url = self.post_url(post)
        paragraphs = paragraphs_html(post)
        paragraphs[0] = paragraphs[0].replace(
            "<p>", f"<p>Tribratanews.polri.go.id - {esc(place_of(post))}. ", 1)
        body = ("".join(f"{p}<p><br></p>" for p in paragraphs)
                + f'<p style="text-align: right;">{INITIALS}</p>'
                '<div class="oe_structure oe_empty"></div>')
        tag_meta = "".join(f'<meta property="article:tag" content="{esc(label)}"/>\n'
                           for label in post.labels)
        tags = "".join(f'<a class="badge text-primary border me-1 post_link" '
                       f'href="/blog/tag/{slugify(label)}-{10 + i}">{esc(label)}</a>'
                       for i, label in enumerate(post.labels))
        head = (
            '<meta property="og:type" content="article"/>\n'
            f'<meta property="og:title" content="{esc(post.title)}"/>\n'
            f'<meta property="og:site_name" content="{esc(self.site_name)}"/>\n'
            f'<meta property="og:url" content="{esc(url)}"/>\n'
            f'<meta property="og:image" content="{self.base_url}/web/image/blog.post/{pid}/'
            'image"/>\n'
            f'<meta property="article:published_time" content="{odoo_utc(post.published)}"/>\n'
            f'<meta property="article:modified_time" content="{odoo_utc(post.updated)}"/>\n'
            f"{tag_meta}"
            '<meta name="twitter:card" content="summary_large_image"/>\n'
            f'<link rel="canonical" href="{esc(url)}"/>\n'
        )
        older, _ = self.neighbours(post)
        read_next = ""
        if older is not None:
            read_next = (
                '<section id="o_wblog_post_footer"><div class="mt-5">'
                '<div id="o_wblog_next_container" class="d-flex flex-column">'
                f'<a id="o_wblog_next_post_info" class="d-none" data-size="o_half_screen_height"'
                f' data-url="{self.post_path(older)}?anim"></a>'
                f'<a class="o_wblog_next_loader o_ripple_item" href="{self.post_path(older)}">'
                '<div class="o_record_cover_container d-flex flex-column h-100 o_colored_level '
                'o_cc o_cc3 cover_auto o_wblog_post_page_cover"><div class="container '
                'text-center position-relative h-100 d-flex flex-column flex-grow-1 '
                'justify-content-around"><div class="o_wblog_post_title">'
                f'<div id="o_wblog_post_name" class="h1">{esc(older.title)}</div></div>'
                '<div class="o_wblog_toggle">Baca Selanjutnya <i class="fa fa-long-arrow-right">'
                "</i></div></div></div></a></div></div></section>"
            )
        main = (
            '<section id="o_wblog_post_top"><div id="title" class="blog_header">'
            '<div class="o_record_cover_container d-flex flex-column h-100 o_colored_level '
            'o_cc o_cc3 cover_auto o_wblog_post_page_cover">'
            '<div class="o_record_cover_component o_record_cover_image" style="background-'
            f'image: url(/web/image/blog.post/{pid}/image);"></div>'
            '<div class="o_record_cover_component o_record_cover_filter oe_black" '
            'style="opacity: 0.2;"></div>'
            '<div class="container text-center position-relative h-100 d-flex flex-column '
            'flex-grow-1 justify-content-around"><div class="o_wblog_post_title">'
            f'<h1 id="o_wblog_post_name" class="o_editable_no_shadow" data-blog-id="{pid}">'
            f"{esc(post.title)}</h1>"
            '<div id="o_wblog_post_subtitle" class="o_editable_no_shadow"></div></div>'
            '<a id="o_wblog_post_content_jump" href="#o_wblog_post_main" class="'
            'css_editable_mode_hidden"><i class="fa fa-angle-down fa-3x text-white" '
            'aria-label="Ke konten blog" title="Ke konten blog"></i></a>'
            "</div></div></div></section>"
            '<section id="o_wblog_post_main" class="container pt-4 pb-5">'
            '<div class="o_container_small">'
            '<nav aria-label="breadcrumb"><ol class="breadcrumb">'
            '<li class="breadcrumb-item"><a href="/blog">Semua Blog</a></li>'
            f'<li class="breadcrumb-item"><a href="/blog/{slug}-{blog_id}">{name}</a></li>'
            f'<li class="breadcrumb-item active"><span>{esc(post.title)}</span></li></ol></nav>'
            '<div class="d-flex flex-column flex-lg-row">'
            '<div id="o_wblog_post_content" class="justify-content-lg-between">'
            '<div class="text-muted mb-2"><i class="fa fa-clock-o fa-fw"></i>'
            f'<span class="text-muted">{long_date(post.published, clock=False)}</span></div>'
            '<div data-editor-message="MULAI MENULIS DI SINI..." '
            f'class="o_wblog_post_content_field o_wblog_read_text">{body}</div>'
            '<div class="css_editable_mode_hidden text-muted">'
            f'<div>dalam <a href="/blog/{slug}-{blog_id}"><b>{name}</b></a></div>'
            f"<div>#{tags}</div></div></div></div>"
            '<div class="o_wblog_social_links d-flex flex-wrap mx-n1">'
            '<h6 class="w-100">Bagikan postingan ini</h6>'
            f'<a class="o_facebook" href="https://www.facebook.com/sharer/sharer.php?u={url}">'
            'Facebook</a><a class="o_twitter" href="https://x.com/intent/tweet?url='
            f'{url}">X</a><a class="o_whatsapp" href="https://wa.me/?text={url}">WhatsApp</a>'
            "</div></div></section>"
            f"{read_next}"
            '<section id="o_wblog_post_comments" class="container pt-4 pb-5">'
            '<div class="small mb-4"><a href="/web/login?redirect='
            f'{self.post_path(post)}"><b>Masuk</b></a> untuk meninggalkan komentar</div>'
            "</section>"
        )
        return self._document(f"{post.title} | {self.site_name}", head, main,
                              f"blog.post({pid},)")
