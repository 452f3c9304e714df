"""Generic platform: discovery (feeds, sitemaps, links), trafilatura extraction, end to end."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError
from twisted.python.failure import Failure

from crawler.demo.content import make_blog
from crawler.demo.generic import GenericNewsSite
from crawler.demo.mockweb import MockWeb
from crawler.extract.article import extract_article
from crawler.items import ArticleItem
from crawler.pipelines import CleanPipeline, DatesUnitsPipeline, DedupePipeline, ValidatePipeline
from crawler.platforms.base import STAT_CURSOR, STAT_ERRORS, STAT_FIRST_ERROR
from crawler.platforms.generic import (
    STAT_SKIPPED,
    FeedEntry,
    GenericSpider,
    feed_entries,
    feed_links,
    looks_like_article_url,
    next_page_link,
    read_xml,
    robots_sitemaps,
    sitemap_entries,
)
from crawler.registry import Site
from crawler.store import Store
from tests.helpers import FIXTURES, cli, fixture_response, make_spider, split_results

BASE = "https://polresposo.example.id"
SITE = Site(id="polresposo", name="Polres Poso", url=BASE, platform="generic",
            unit_level="polres", unit_name="Polres Poso", polda="Polda Sulteng",
            province="Sulawesi Tengah", timezone="WITA")
WITA = timezone(timedelta(hours=8))
PATROLI = f"{BASE}/berita/polres-poso-gelar-patroli-skala-besar-jelang-pergantian-tahun/"
LILIN = f"{BASE}/berita/ops-lilin-tinombala-2024-resmi-dimulai/"
HELM = f"{BASE}/berita/satlantas-polres-poso-bagikan-helm-gratis-kepada-pelajar/"
PATROLI_TEXT = (
    "POSO – Polres Poso menggelar patroli skala besar menjelang malam pergantian tahun 2024 ke "
    "2025, Senin (30/12/2024) malam. Patroli diikuti 150 personel gabungan Polres Poso, Kodim "
    "1307 Poso dan Satpol PP Kabupaten Poso.\n\nKapolres Poso AKBP Arik Kristianto mengatakan "
    "patroli menyasar pusat keramaian, tempat ibadah, objek wisata Danau Poso dan jalur Trans "
    "Sulawesi yang ramai dilalui kendaraan pada akhir tahun.\n\n“Kami ingin memastikan "
    "masyarakat dapat merayakan pergantian tahun dengan aman dan nyaman. Personel kami "
    "tempatkan di titik rawan sejak sore hingga dini hari,” ujar Kapolres.\n\nIa juga "
    "mengimbau warga untuk tidak menyalakan petasan dan tidak melakukan konvoi kendaraan yang "
    "dapat membahayakan pengguna jalan lainnya.\n\n(Humas Polres Poso)")
#: The demo portal's chrome: none of it may end up in an article's text.
BOILERPLATE = ("Baca Juga:", "Berita Terkait", "Bagikan:", "WhatsApp", "Salin Link", "Terpopuler",
               "Hak cipta dilindungi", "Penulis:", "kali dibaca", "Breaking News", "Beranda",
               "Foto: Dok.", "Tulis komentar", "Tags:", "Selanjutnya »", "Advertisement",
               "Pedoman Media Siber")


@pytest.fixture
def spider(tmp_path):
    return make_spider(GenericSpider, SITE, tmp_path / "t.db")


def with_site(tmp_path: Path, **options: object) -> GenericSpider:
    site = Site(**{**SITE.to_dict(), "options": options, "source": "registry"})
    return make_spider(GenericSpider, site, tmp_path / "t.db")


def cursor(spider: GenericSpider) -> dict:
    return spider.crawler.stats.get_value(STAT_CURSOR) or {}


def errors(spider: GenericSpider) -> tuple[int, str | None]:
    stats = spider.crawler.stats
    return stats.get_value(STAT_ERRORS, 0), stats.get_value(STAT_FIRST_ERROR)


def xml_response(name: str, url: str, **meta: object) -> TextResponse:
    return fixture_response(name, url, meta=dict(meta))


def not_found(request: Request) -> Failure:
    """The failure a probe's errback gets when the server answers 404."""
    failure = Failure(HttpError(HtmlResponse(request.url, status=404, body=b"<h1>404</h1>",
                                             request=request)))
    failure.request = request
    return failure


def through_pipelines(spider: GenericSpider, item: ArticleItem) -> ArticleItem:
    for stage in (ValidatePipeline, CleanPipeline, DatesUnitsPipeline, DedupePipeline):
        item = stage.from_crawler(spider.crawler).process_item(item)
    return item


# -- pure helpers -------------------------------------------------------------------------------


def test_rss_atom_and_rdf_feeds_give_links_and_dates() -> None:
    rss = feed_entries((FIXTURES / "generic/feed.rss.xml").read_bytes())
    assert rss == [
        FeedEntry(PATROLI, datetime(2024, 12, 30, 21, 15, tzinfo=WITA)),
        FeedEntry(LILIN, datetime(2024, 12, 21, 9, 0, tzinfo=WITA)),
        FeedEntry(HELM, datetime(2024, 12, 18, 10, 30, tzinfo=WITA)),
    ]
    atom = feed_entries((FIXTURES / "generic/feed.atom.xml").read_bytes())
    assert atom == [
        FeedEntry("https://kabargowa.example.id/hukum/sat-resnarkoba-polres-gowa-ungkap-"
                  "peredaran-sabu", datetime(2024, 3, 7, 20, 59, 53, tzinfo=WITA)),
        FeedEntry("https://kabargowa.example.id/daerah/bhabinkamtibmas-desa-malino-sambangi-"
                  "petani-sayur", datetime(2024, 3, 5, 11, 0, tzinfo=WITA)),
    ]
    rdf = feed_entries((FIXTURES / "generic/feed_rdf.xml").read_bytes())
    assert rdf == [FeedEntry("https://tribratanews.example.id/berita/polda-gelar-vaksinasi-"
                             "massal-di-mataram", datetime(2021, 8, 14, 10, 5, tzinfo=WITA))]


def test_html_and_sitemaps_are_not_feeds_and_entities_are_never_expanded() -> None:
    assert feed_entries((FIXTURES / "generic/home.html").read_bytes()) is None
    assert feed_entries((FIXTURES / "generic/post_sitemap.xml").read_bytes()) is None
    assert feed_entries(b"") is None
    (entry,) = feed_entries((FIXTURES / "generic/feed_xxe.xml").read_bytes())
    assert "etc" not in entry.url and "hostname" not in entry.url
    assert entry.url.startswith(f"{BASE}/berita/entitas-")


def test_sitemap_index_urlset_and_news_sitemap_entries() -> None:
    children, pages = sitemap_entries(read_xml((FIXTURES / "generic/sitemap_index.xml")
                                               .read_bytes()))
    assert pages == []
    assert children == [
        FeedEntry(f"{BASE}/post-sitemap2.xml", datetime(2024, 12, 31, 8, 2, 11, tzinfo=WITA)),
        FeedEntry(f"{BASE}/post-sitemap1.xml", datetime(2024, 6, 30, 17, 45, tzinfo=WITA)),
        FeedEntry(f"{BASE}/page-sitemap.xml", None),
    ]
    children, pages = sitemap_entries(read_xml((FIXTURES / "generic/post_sitemap.xml")
                                               .read_bytes()))
    assert children == []
    assert [p.url for p in pages] == [f"{BASE}/", PATROLI, LILIN, HELM,
                                      f"{BASE}/kategori/kamtibmas/", f"{BASE}/pedoman-media-siber/"]
    assert pages[2].published == datetime(2024, 12, 21, 9, 40, tzinfo=WITA)
    assert pages[5].published is None
    # Google News: the publication date, not lastmod.
    _, news = sitemap_entries(read_xml((FIXTURES / "generic/news_sitemap.xml").read_bytes()))
    assert news == [
        FeedEntry(PATROLI, datetime(2024, 12, 30, 21, 15, tzinfo=WITA)),
        FeedEntry(f"{BASE}/berita/kapolres-poso-cek-kesiapan-pos-pengamanan-nataru/",
                  datetime(2024, 12, 29, 16, 0, tzinfo=WITA)),
    ]


def test_gzipped_sitemaps_are_read() -> None:
    import gzip

    root = read_xml(gzip.compress((FIXTURES / "generic/news_sitemap.xml").read_bytes()))
    assert len(sitemap_entries(root)[1]) == 2


def test_robots_txt_sitemap_lines_any_case_absolute_only() -> None:
    assert robots_sitemaps((FIXTURES / "generic/robots.txt").read_text()) == [
        f"{BASE}/sitemap_index.xml", f"{BASE}/news-sitemap.xml"]
    assert robots_sitemaps("User-agent: *\nDisallow: /\n") == []


def test_feed_autodiscovery_skips_comment_feeds_and_other_alternates() -> None:
    home = fixture_response("generic/home.html", f"{BASE}/")
    assert feed_links(home) == [f"{BASE}/feed/", f"{BASE}/atom.xml"]


@pytest.mark.parametrize(("path", "expected"), [
    ("/berita/polres-poso-gelar-patroli/", True),
    ("/2024/12/satlantas-bagikan-helm.html", True),       # Blogger: date + two words
    ("/read/204518/kapolres-poso", True),                   # id + two words
    ("/berita/123456", True),
    ("/?p=4512", True),                                     # WordPress shortlink
    ("/index.php/berita/kapolres-poso-pimpin-apel", True),
    ("/layanan/sim-keliling", False),                       # two words, no date or id
    ("/2024/12/", False),                                   # a date archive
    ("/2024", False),
    ("/kategori/berita/", False),
    ("/tag/polres-poso/", False),
    ("/author/humas-polres-poso/", False),
    ("/tentang-kami/", False),
    ("/pedoman-media-siber/", False),                       # static page, slug-shaped
    ("/berita/page/2/", False),
    ("/?s=patroli", False),
    ("/berita/kapolres-poso-pimpin-apel?page=2", False),
    ("/media/2024/12/brosur-ops-lilin-tinombala.pdf", False),
    ("/", False),
])
def test_article_url_heuristic(path: str, expected: bool) -> None:
    assert looks_like_article_url(BASE + path, BASE) is expected


def test_article_urls_must_be_on_the_site() -> None:
    assert looks_like_article_url("https://www.polresposo.example.id/berita/a-b-c", BASE)
    assert not looks_like_article_url("https://humas.polri.go.id/berita/kapolri-tinjau-pos", BASE)
    assert not looks_like_article_url("mailto:humas@polresposo.example.id", BASE)


def test_next_page_link_from_rel_next_or_pager_text() -> None:
    tag_page = fixture_response("generic/tag_page.html", f"{BASE}/tag/kamtibmas/")
    assert next_page_link(tag_page) == f"{BASE}/tag/kamtibmas/page/2/"
    home = fixture_response("generic/home.html", f"{BASE}/")
    assert next_page_link(home) == f"{BASE}/berita/page/2/"
    last = HtmlResponse(f"{BASE}/indeks?page=6", body=b'<a href="/indeks?page=5">'
                        b"&laquo; Sebelumnya</a> <span>6</span>", encoding="utf-8")
    assert next_page_link(last) is None


# -- extraction ---------------------------------------------------------------------------------


def test_trafilatura_article_with_offset_dates(spider) -> None:
    response = fixture_response("generic/article.html", PATROLI)
    (item,) = split_results(spider.parse_article(response))[0]
    assert item.url == PATROLI
    assert item.canonical_url == PATROLI
    assert item.title == "Polres Poso Gelar Patroli Skala Besar Jelang Pergantian Tahun"
    assert item.published_at == "2024-12-30T21:15:00+08:00"
    assert item.updated_at == "2024-12-31T08:02:11+08:00"
    assert item.author == "Humas Polres Poso"
    assert item.tags == ["Kamtibmas", "Polres Poso"]
    assert item.language == "id"
    item = through_pipelines(spider, item)
    assert item.body_text == PATROLI_TEXT
    assert item.images == [f"{BASE}/media/2024/12/patroli-skala-besar.jpg"]
    assert item.event_date == "2024-12-30"
    assert errors(spider) == (0, None)


def test_json_ld_offset_beats_a_bogus_z_and_naive_dates_get_the_site_zone(spider) -> None:
    dated = extract_article((FIXTURES / "generic/article_dates.html").read_text(), BASE + "/x")
    # <meta name="pubdate" content="2024-03-07T20-59-53Z"> is local time with a bogus Z.
    assert dated.published == "2024-03-07T20:59:53+08:00"
    assert dated.author == "Andi Rahmat"
    naive = fixture_response("generic/article_naive.html",
                             f"{BASE}/berita/bhabinkamtibmas-desa-malino-sambangi-petani-sayur")
    (item,) = split_results(spider.parse_article(naive))[0]
    assert item.title == "Bhabinkamtibmas Desa Malino Sambangi Petani Sayur"
    assert item.published_at == "2024-05-02T10:30:00+08:00"  # WITA, the site's zone
    assert item.language == "id"


def test_a_listing_page_is_skipped_not_an_error(spider) -> None:
    response = fixture_response("generic/tag_page.html", f"{BASE}/tag/kamtibmas/")
    assert split_results(spider.parse_article(response)) == ([], [])
    short_url = f"{BASE}/berita/pengumuman-libur-pelayanan-skck"
    short = HtmlResponse(short_url, encoding="utf-8", request=Request(short_url),
                         body=b"<html><body><h1>Pengumuman</h1><p>Pelayanan SKCK libur pada "
                              b"tanggal merah.</p></body></html>")
    assert split_results(spider.parse_article(short)) == ([], [])
    pdf_url = f"{BASE}/berita/brosur-ops-lilin-tinombala-2024"
    pdf = Response(pdf_url, body=b"%PDF-1.7", request=Request(pdf_url))
    assert split_results(spider.parse_article(pdf)) == ([], [])
    assert spider.crawler.stats.get_value(STAT_SKIPPED) == 3
    assert errors(spider) == (0, None)


def test_site_selectors_replace_trafilatura(tmp_path) -> None:
    spider = with_site(tmp_path, selectors={"title": "h1.post-title::text",
                                            "body": "div.post-content",
                                            "drop": ["p:has(> strong)"]})
    (item,) = split_results(spider.parse_article(
        fixture_response("generic/article.html", PATROLI)))[0]
    assert item.title == "Polres Poso Gelar Patroli Skala Besar Jelang Pergantian Tahun"
    assert item.published_at == "2024-12-30T21:15:00+08:00"
    assert through_pipelines(spider, item).body_text == PATROLI_TEXT
    missing = fixture_response("generic/article_naive.html", f"{BASE}/berita/a-b-c")
    assert split_results(spider.parse_article(missing)) == ([], [])
    assert errors(spider) == (0, None)


# -- discovery ----------------------------------------------------------------------------------


def test_first_run_starts_at_the_home_page(spider) -> None:
    (request,) = spider.entry_requests()
    assert request.url == f"{BASE}/"
    assert request.callback == spider.parse_home


def test_home_page_probes_announced_feeds_first_then_usual_paths(spider) -> None:
    (probe,) = split_results(spider.parse_home(fixture_response("generic/home.html",
                                                                f"{BASE}/")))[1]
    assert probe.url == f"{BASE}/feed/"
    assert probe.callback == spider.parse_feed
    assert probe.errback == spider.probe_failed
    assert probe.meta["candidates"] == [f"{BASE}/atom.xml", f"{BASE}/feed", f"{BASE}/rss",
                                        f"{BASE}/rss.xml"]
    # The feed is missing (404): the next candidate, which is not a feed: the next one.
    (second,) = spider.probe_failed(not_found(probe))
    assert second.url == f"{BASE}/atom.xml"
    html = fixture_response("generic/home.html", second.url, meta=second.meta)
    (third,) = spider.parse_feed(html)
    assert third.url == f"{BASE}/feed"
    assert third.meta["candidates"] == [f"{BASE}/rss", f"{BASE}/rss.xml"]
    assert errors(spider) == (0, None)


def test_feed_covering_the_window_is_the_whole_run(tmp_path) -> None:
    spider = make_spider(GenericSpider, SITE, tmp_path / "t.db",
                         since=datetime(2024, 12, 20, tzinfo=WITA))
    items, requests = split_results(spider.parse_feed(
        xml_response("generic/feed.rss.xml", f"{BASE}/feed/", candidates=[])))
    assert items == []
    assert [r.url for r in requests] == [PATROLI, LILIN]  # HELM is older than since
    assert all(r.callback == spider.parse_article for r in requests)
    assert cursor(spider) == {"discovery": "feed", "feed_url": f"{BASE}/feed/"}


def test_feed_not_reaching_back_is_followed_by_the_sitemaps(spider) -> None:
    _, requests = split_results(spider.parse_feed(
        xml_response("generic/feed.rss.xml", f"{BASE}/feed/", candidates=[])))
    assert [r.url for r in requests] == [PATROLI, LILIN, HELM, f"{BASE}/robots.txt"]
    robots = fixture_response("generic/robots.txt", f"{BASE}/robots.txt")
    sitemaps = list(spider.parse_robots(robots))
    assert [r.url for r in sitemaps] == [f"{BASE}/sitemap_index.xml", f"{BASE}/news-sitemap.xml"]
    # The first named sitemap answers: remembered beside the feed.
    index = xml_response("generic/sitemap_index.xml", sitemaps[0].url, **sitemaps[0].meta)
    children = list(spider.parse_sitemap(index))
    assert [r.url for r in children] == [f"{BASE}/post-sitemap2.xml", f"{BASE}/post-sitemap1.xml",
                                        f"{BASE}/page-sitemap.xml"]
    assert cursor(spider) == {"discovery": "feed", "feed_url": f"{BASE}/feed/",
                              "sitemaps": [f"{BASE}/sitemap_index.xml"]}
    # The other one is missing: no error, and no fallback to links (one sitemap answered).
    assert list(spider.probe_failed(not_found(sitemaps[1]))) == []
    assert errors(spider) == (0, None)


def test_sitemaps_skip_old_children_non_articles_and_known_urls(tmp_path) -> None:
    spider = make_spider(GenericSpider, SITE, tmp_path / "t.db",
                         since=datetime(2024, 12, 20, tzinfo=WITA))
    index = xml_response("generic/sitemap_index.xml", f"{BASE}/sitemap_index.xml", named=True)
    # post-sitemap1 (lastmod June) cannot hold anything newer than since.
    assert [r.url for r in spider.parse_sitemap(index)] == [f"{BASE}/post-sitemap2.xml",
                                                           f"{BASE}/page-sitemap.xml"]
    posts = xml_response("generic/post_sitemap.xml", f"{BASE}/post-sitemap2.xml", child=True)
    assert [r.url for r in spider.parse_sitemap(posts)] == [PATROLI, LILIN]
    with Store(tmp_path / "t.db") as store:
        store.save_articles([{"url": PATROLI, "canonical_url": PATROLI, "site_id": SITE.id,
                              "platform": "generic", "title": "x", "body_text": "x",
                              "body_html": "<p>x</p>", "content_hash": "h",
                              "parser_version": "test", "fetched_at": "2024-12-31T00:00:00Z"}])
    assert [r.url for r in spider.parse_sitemap(posts)] == [LILIN]


def test_a_child_sitemap_that_is_broken_is_an_error(spider) -> None:
    bad = HtmlResponse(f"{BASE}/post-sitemap2.xml", body=b"<html>Maintenance</html>",
                       encoding="utf-8",
                       request=Request(f"{BASE}/post-sitemap2.xml", meta={"child": True}))
    assert list(spider.parse_sitemap(bad)) == []
    assert errors(spider) == (1, f"sitemap {BASE}/post-sitemap2.xml (named by a sitemap index) "
                                 "is not a sitemap")


def test_no_feed_no_sitemap_falls_back_to_home_page_links(spider) -> None:
    home = fixture_response("generic/home.html", f"{BASE}/", meta={"probe": True, "page": 1})
    list(spider.parse_home(home))
    # Every sitemap path is missing: the home page's article links, then its pager.
    last = spider.probe([f"{BASE}/news-sitemap.xml"], spider.parse_sitemap)
    requests = list(spider.probe_failed(not_found(last)))
    assert [r.url for r in requests] == [
        PATROLI, LILIN, f"{BASE}/2024/12/satlantas-bagikan-helm.html",
        f"{BASE}/read/204518/kapolres-poso-pimpin-apel", f"{BASE}/berita/page/2/"]
    assert requests[-1].callback == spider.parse_listing
    assert requests[-1].meta["page"] == 2
    assert cursor(spider) == {"discovery": "links", "feed_url": None, "sitemaps": None}
    assert errors(spider) == (0, None)


def test_remembered_channels_are_used_directly(spider, monkeypatch) -> None:
    monkeypatch.setattr(spider, "stored_cursor",
                        lambda: {"discovery": "feed", "feed_url": f"{BASE}/feed/"})
    (request,) = spider.entry_requests()
    assert (request.url, request.meta["remembered"]) == (f"{BASE}/feed/", True)
    assert request.meta["conditional_get"] is True
    # The remembered feed is gone: discovery starts again at the home page.
    (again,) = spider.probe_failed(not_found(request))
    assert again.url == f"{BASE}/"
    assert again.meta["probe"] is True
    monkeypatch.setattr(spider, "stored_cursor", lambda: {"discovery": "links"})
    (home,) = spider.entry_requests()
    assert (home.url, home.meta["probe"]) == (f"{BASE}/", False)


def test_a_configured_feed_that_fails_is_an_error(tmp_path) -> None:
    spider = with_site(tmp_path, feed_url=f"{BASE}/rss/berita.xml")
    (request,) = spider.entry_requests()
    assert request.url == f"{BASE}/rss/berita.xml"
    assert list(spider.probe_failed(not_found(request))) == []
    assert errors(spider) == (1, f"the feed {BASE}/rss/berita.xml configured for the site "
                                 "(options.feed_url) did not answer with a usable feed")


def test_refused_connection_on_a_probe_moves_on(spider) -> None:
    request = spider.probe([f"{BASE}/rss.xml"], spider.parse_feed)
    failure = Failure(ConnectionRefusedError())
    failure.request = request
    (robots,) = spider.probe_failed(failure)
    assert robots.url == f"{BASE}/robots.txt"
    assert errors(spider) == (0, None)


# -- end to end ---------------------------------------------------------------------------------

FAST = ["--no-progress", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0"]
WORD = re.compile(r"\w+")


def token_f1(got: str, want: str) -> float:
    """F1 of the two texts' word sets (case-insensitive)."""
    a, b = set(WORD.findall(got.lower())), set(WORD.findall(want.lower()))
    common = len(a & b)
    return 0.0 if not common else 2 * common / (len(a) + len(b))


@pytest.fixture(scope="module")
def portal_blog():
    return make_blog("Polres Gowa", "Polda Sulsel", "Sulawesi Selatan", 110, seed=21,
                     newest=datetime(2026, 11, 20, 9, 0, tzinfo=WITA), utc_offset_hours=8,
                     title="Warta Gowa")


@pytest.fixture
def web():
    web = MockWeb()
    yield web
    web.stop()


def serve(web: MockWeb, blog, discovery: str) -> GenericNewsSite:
    url = web.bind("portal")
    site = GenericNewsSite(blog, url, discovery=discovery)
    web.add("portal", site)
    web.start()
    return site


def stored(db: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return {row["url"]: dict(row) for row in conn.execute("SELECT * FROM articles")}
    finally:
        conn.close()


def stored_cursor(db: Path, site_id: str) -> dict:
    conn = sqlite3.connect(db)
    try:
        return json.loads(conn.execute("SELECT cursor FROM site_state WHERE site_id = ?",
                                       (site_id,)).fetchone()[0])
    finally:
        conn.close()


def add(db: Path, url: str, **options: object) -> None:
    """The portal as a site a user added (what `police-news sites add` stores)."""
    with Store(db) as store:
        store.add_site(Site(id="warta-gowa", name="Warta Gowa", url=url, platform="generic",
                            unit_level="polres", unit_name="Polres Gowa", polda="Polda Sulsel",
                            province="Sulawesi Selatan", timezone="WITA", kind="reprint",
                            options=options, source="user"))


@pytest.mark.slow
@pytest.mark.parametrize(("discovery", "cursor_keys"), [
    ("rss", {"discovery": "feed", "feed_url": "/rss.xml", "sitemaps": ["/sitemap_index.xml"]}),
    ("sitemap", {"discovery": "sitemap", "feed_url": None, "sitemaps": ["/sitemap.xml"]}),
    ("links", {"discovery": "links", "feed_url": None, "sitemaps": None}),
])
def test_crawl_an_unknown_cms_end_to_end(tmp_path, web, portal_blog, discovery,
                                         cursor_keys) -> None:
    site = serve(web, portal_blog, discovery)
    db = tmp_path / "news.db"
    add(db, site.base_url)
    first = cli("crawl", "--site", "warta-gowa", *FAST, db=db)
    assert first.returncode == 0, first.stderr + first.stdout
    assert "110 new" in first.stdout
    rows = stored(db)
    assert len(rows) == 110
    for post in portal_blog.posts:
        row = rows[site.post_url(post)]
        assert row["title"] == post.title
        assert row["published_at"] == post.published.isoformat()
        assert row["author"] == post.author
        assert token_f1(row["body_text"], post.body_text) >= 0.95, post.title
        assert [p for p in BOILERPLATE if p in row["body_text"]] == [], post.title
    expected = {k: ([site.base_url + p for p in v] if isinstance(v, list) else
                    site.base_url + v if isinstance(v, str) and v.startswith("/") else v)
                for k, v in cursor_keys.items()}
    assert stored_cursor(db, "warta-gowa") == expected

    # Nothing new: the remembered channel, and no article page is fetched again.
    mark = len(web.log)
    second = cli("crawl", "--site", "warta-gowa", *FAST, db=db)
    assert second.returncode == 0, second.stderr
    assert "0 new, 0 updated" in second.stdout
    paths = [r.path for r in web.log[mark:] if r.path != "/robots.txt"]
    assert not [p for p in paths if p.startswith("/berita/")]
    assert len(paths) <= 4, paths


@pytest.mark.slow
def test_new_posts_come_from_the_feed_alone(tmp_path, web, portal_blog) -> None:
    older = list(portal_blog.posts[3:])
    site = serve(web, portal_blog, "rss")
    site.set_posts(older)
    db = tmp_path / "news.db"
    add(db, site.base_url)
    assert cli("crawl", "--site", "warta-gowa", *FAST, db=db).returncode == 0
    site.set_posts(portal_blog.posts)  # three new posts appear
    mark = len(web.log)
    second = cli("crawl", "--site", "warta-gowa", *FAST, db=db)
    assert second.returncode == 0, second.stderr
    assert "3 new" in second.stdout
    paths = sorted(r.path for r in web.log[mark:] if r.path != "/robots.txt")
    assert paths == sorted(["/rss.xml", *(site.post_path(p) for p in portal_blog.posts[:3])])
    assert len(stored(db)) == 110


@pytest.mark.slow
def test_site_selectors_give_exact_bodies(tmp_path, web, portal_blog) -> None:
    site = serve(web, portal_blog, "rss")
    db = tmp_path / "news.db"
    add(db, site.base_url, selectors={"title": "h1.judul-berita::text", "body": "div.isi-berita",
                                      "drop": [".baca-juga"]})
    result = cli("crawl", "--site", "warta-gowa", *FAST, db=db)
    assert result.returncode == 0, result.stderr + result.stdout
    rows = stored(db)
    assert len(rows) == 110
    for post in portal_blog.posts:
        row = rows[site.post_url(post)]
        assert (row["title"], row["body_text"]) == (post.title, post.body_text)
        assert row["published_at"] == post.published.isoformat()
