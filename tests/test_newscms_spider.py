"""Network news CMS spider: saved sitemap, index and article pages → requests and items; the
mirror rule; the research seed page cleaned to its paragraphs."""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.demo.content import DemoBlog, DemoPost
from crawler.demo.newscms import NewsCmsSite
from crawler.items import ArticleItem
from crawler.pipelines import CleanPipeline, DatesUnitsPipeline, DedupePipeline, ValidatePipeline
from crawler.platforms.base import STAT_ERRORS, STAT_FIRST_ERROR
from crawler.platforms.newscms import NewsCmsSpider, channel_of, parent_rank
from crawler.registry import Site
from crawler.urls import canonicalize_url
from tests.helpers import SHARED, fixture_response, make_spider, split_results

SITE = Site(id="sumbawa-polres-id", name="Sumbawa channel on polres.id",
            url="https://sumbawa.polres.id", platform="newscms", unit_level="polres",
            unit_name="Polres Sumbawa", polda="Polda NTB", province="Nusa Tenggara Barat",
            timezone="WITA", kind="reprint")
BASE = SITE.url
SLUGS = [
    "kapolres-sumbawa-pimpin-apel-gabungan-persiapan-pengamanan-malam-takbiran",
    "pastikan-kondusif-polres-sumbawa-terjunkan-personel-amankan-gendang-sahur-di-labuhan-badas",
    "pasca-kejadian-di-lombok-barat-polres-sumbawa-lakukan-patroli-tempat-ibadah-hingga-rangkul-"
    "para-tokoh",
]
WITA = timezone(timedelta(hours=8))
WIB = timezone(timedelta(hours=7))
SEED = SHARED / "seeds" / "000_b143f4d7bb6418af.txt"


@pytest.fixture
def spider(tmp_path):
    return make_spider(NewsCmsSpider, SITE, tmp_path / "t.db")


def stored_already(spider: NewsCmsSpider, monkeypatch, urls: list[str]) -> None:
    """Pretend ``urls`` were stored by an earlier, successful crawl."""
    stored = {canonicalize_url(u) for u in urls}
    for name in ("known", "settled"):
        monkeypatch.setattr(spider, name, lambda links: stored & {
            canonicalize_url(u) for u in links})


def through_pipelines(spider: NewsCmsSpider, item: ArticleItem) -> ArticleItem:
    for stage in (ValidatePipeline, CleanPipeline, DatesUnitsPipeline, DedupePipeline):
        item = stage.from_crawler(spider.crawler).process_item(item)
    return item


def http_failure(url: str, status: int) -> Failure:
    request = Request(url)
    failure = Failure(HttpError(HtmlResponse(url, status=status, request=request)))
    failure.request = request  # type: ignore[attr-defined]
    return failure


# -- discovery ---------------------------------------------------------------------------------


def test_first_request_is_the_conditional_sitemap(spider) -> None:
    (request,) = list(spider.entry_requests())
    assert request.url == f"{BASE}/sitemap.xml"
    assert request.meta == {"conditional_get": True}
    assert request.callback == spider.parse_sitemap_or_index
    assert request.errback == spider.sitemap_failed


def test_sitemap_gives_article_urls_only(spider) -> None:
    items, requests = split_results(spider.parse_sitemap_or_index(
        fixture_response("newscms/sitemap.xml", f"{BASE}/sitemap.xml")))
    assert items == []
    assert [r.url for r in requests] == [f"{BASE}/{slug}" for slug in SLUGS]
    assert all(r.callback == spider.parse_article for r in requests)


def test_sitemap_skips_stored_and_out_of_window_articles(tmp_path, monkeypatch) -> None:
    since = datetime(2024, 4, 4, 0, 0, tzinfo=WITA)
    spider = make_spider(NewsCmsSpider, SITE, tmp_path / "t.db", since=since)
    stored_already(spider, monkeypatch, [f"{BASE}/{SLUGS[0]}"])
    _, requests = split_results(spider.parse_sitemap_or_index(
        fixture_response("newscms/sitemap.xml", f"{BASE}/sitemap.xml")))
    assert [r.url for r in requests] == [f"{BASE}/{SLUGS[1]}"]


def test_an_answer_that_is_no_sitemap_sends_us_to_the_index(spider) -> None:
    _, requests = split_results(spider.parse_sitemap_or_index(
        fixture_response("newscms/not_a_sitemap.html", f"{BASE}/sitemap.xml")))
    assert [(r.url, r.callback, r.meta) for r in requests] == [
        (f"{BASE}/indeks-berita?page=1", spider.parse_listing,
         {"page": 1, "conditional_get": True})]
    assert spider.crawler.stats.get_value(STAT_ERRORS) is None


@pytest.mark.parametrize("status", [403, 404, 410])
def test_a_missing_sitemap_sends_us_to_the_index(spider, status) -> None:
    _, requests = split_results(spider.sitemap_failed(http_failure(f"{BASE}/sitemap.xml",
                                                                   status)))
    assert [r.url for r in requests] == [f"{BASE}/indeks-berita?page=1"]
    assert spider.crawler.stats.get_value(STAT_ERRORS) is None


def test_a_broken_sitemap_is_recorded(spider) -> None:
    assert split_results(spider.sitemap_failed(http_failure(f"{BASE}/sitemap.xml", 500))) == (
        [], [])
    assert spider.crawler.stats.get_value(STAT_ERRORS) == 1
    message = spider.crawler.stats.get_value(STAT_FIRST_ERROR)
    assert "HTTP 500" in message and f"{BASE}/sitemap.xml" in message


def test_index_page_gives_its_articles_then_the_next_page(spider, monkeypatch) -> None:
    response = fixture_response("newscms/indeks_page1.html", f"{BASE}/indeks-berita?page=1",
                                meta={"page": 1})
    _, requests = split_results(spider.parse_listing(response))
    # Not the "Terpopuler" widget, not categories.
    assert [r.url for r in requests] == [f"{BASE}/{SLUGS[0]}", f"{BASE}/{SLUGS[1]}",
                                         f"{BASE}/indeks-berita?page=2"]
    stored_already(spider, monkeypatch, [f"{BASE}/{SLUGS[0]}", f"{BASE}/{SLUGS[1]}"])
    assert split_results(spider.parse_listing(response)) == ([], [])


# -- articles and mirrors ----------------------------------------------------------------------


def test_article_page_gives_the_exact_item(spider) -> None:
    url = f"{BASE}/{SLUGS[2]}"
    (item,), _ = split_results(spider.parse_article(fixture_response("newscms/article.html",
                                                                     url)))
    assert item.title == ("Pasca Kejadian di Lombok Barat, Polres Sumbawa Lakukan Patroli Tempat "
                          "Ibadah Hingga Rangkul Para Tokoh")
    assert item.published_at == "2024-04-03T16:05:00+08:00"
    assert item.updated_at == "2024-04-03T16:20:41+08:00"
    assert item.author == "Syafruddin Adi"
    assert item.tags == ["Sumbawa", "ntb"]
    # sumbawa.polres.id mirrors the channel of sumbawa.ngo.web.id, the preferred parent.
    assert item.canonical_url == f"https://sumbawa.ngo.web.id/{SLUGS[2]}"
    assert item.urls == [url]
    item = through_pipelines(spider, item)
    assert item.canonical_url == f"https://sumbawa.ngo.web.id/{SLUGS[2]}"
    assert item.published_at == "2024-04-03T16:05:00+08:00"
    assert item.body_text == (
        "Sumbawa Besar - Pasca kejadian di Lombok Barat, Polres Sumbawa meningkatkan patroli ke "
        "sejumlah tempat ibadah di wilayah Kabupaten Sumbawa, Rabu (3/4/2024).\n\n"
        "Kapolres Sumbawa AKBP Heru Muslimin melalui Kasi Humas AKP Sumardi mengatakan patroli "
        "dilakukan untuk memberikan rasa aman kepada umat yang sedang beribadah.\n\n"
        "Selain patroli, personel juga merangkul tokoh agama dan tokoh masyarakat agar tidak "
        "terprovokasi isu yang beredar di media sosial. (Adb)")


def test_the_same_article_on_both_parents_has_one_canonical_url(tmp_path) -> None:
    mirror = Site(**{**SITE.to_dict(), "id": "sumbawa-ngo", "url": "https://sumbawa.ngo.web.id"})
    items = []
    for site in (SITE, mirror):
        spider = make_spider(NewsCmsSpider, site, tmp_path / f"{site.id}.db")
        url = f"{site.url}/{SLUGS[2]}"
        (item,), _ = split_results(spider.parse_article(
            fixture_response("newscms/article.html", url)))
        items.append(through_pipelines(spider, item))
    assert {i.canonical_url for i in items} == {f"https://sumbawa.ngo.web.id/{SLUGS[2]}"}
    assert [i.urls for i in items] == [[f"{BASE}/{SLUGS[2]}"],
                                       [f"https://sumbawa.ngo.web.id/{SLUGS[2]}"]]
    assert items[0].content_hash == items[1].content_hash


@pytest.mark.parametrize(("url", "options", "expected"), [
    # Registry mirrors of the channel: the preferred parent wins.
    ("https://sumbawa.polres.id", {}, "https://sumbawa.ngo.web.id"),
    ("https://sumbawa.warta.co.id", {}, "https://sumbawa.ngo.web.id"),
    ("https://purwakarta.demokrat.co.id", {}, "https://purwakarta.ngo.web.id"),
    # A channel no other site carries is its own canonical copy.
    ("https://sumbawabarat.24jam.co.id", {}, "https://sumbawabarat.24jam.co.id"),
    # The site's option decides: a parent domain, or a base URL.
    ("https://sumbawa.polres.id", {"canonical_parent": "warta.co.id"},
     "https://sumbawa.warta.co.id"),
    ("http://127.0.0.1:8123", {"canonical_parent": "http://127.0.0.1:8124/"},
     "http://127.0.0.1:8124"),
    # An IP address has no channel.
    ("http://127.0.0.1:8123", {}, "http://127.0.0.1:8123"),
])
def test_canonical_parent(tmp_path, url, options, expected) -> None:
    site = Site(**{**SITE.to_dict(), "id": "channel-under-test", "url": url, "options": options})
    assert make_spider(NewsCmsSpider, site, tmp_path / "t.db").canonical_base == expected


def test_channel_and_parent_ranking() -> None:
    assert channel_of("https://sumbawa.ngo.web.id") == ("sumbawa", "ngo.web.id")
    assert channel_of("https://polres.id") is None
    assert channel_of("http://127.0.0.1:8000") is None
    assert channel_of("https://www.polres.id") is None
    ranked = sorted(["https://sumbawa.zeta.id", "https://sumbawa.polres.id",
                     "https://sumbawa.alpha.id", "https://sumbawa.ngo.web.id"], key=parent_rank)
    assert ranked == ["https://sumbawa.ngo.web.id", "https://sumbawa.polres.id",
                      "https://sumbawa.alpha.id", "https://sumbawa.zeta.id"]


# -- the research seed ---------------------------------------------------------------------------


def read_seed() -> tuple[str, list[str], list[str]]:
    """(title, article paragraphs, the page's tail lines from the author onwards)."""
    if not SEED.exists():
        pytest.skip(f"research seed {SEED} is not here (it lives outside the repository)")
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    title = lines[0]
    body = [line for line in lines[1:] if line != title]
    cut = body.index("Artikel Sebelumnya") - 2  # the author's name, printed twice, before it
    return title, body[:cut], body[cut:]


def seed_post(title: str, paragraphs: list[str]) -> DemoPost:
    clean = [" ".join(p.split()) for p in paragraphs]
    published = datetime(2024, 9, 27, 14, 20, tzinfo=WIB)
    return DemoPost(post_id="2409270001", title=title, slug="seed", published=published,
                    updated=published, author="Polres Purwakarta",
                    labels=("Polres Purwakarta", "Pilkada"),
                    body_html="".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
                    body_text="\n\n".join(clean), unit="Polres Purwakarta",
                    polda="Polda Jabar")


def seed_site(post: DemoPost, base: str) -> NewsCmsSite:
    blog = DemoBlog(blog_id="1", title="Purwakarta", unit="Polres Purwakarta",
                    polda="Polda Jabar", province="Jawa Barat", utc_offset_hours=7,
                    posts=(post,))
    return NewsCmsSite(blog, base, ["https://purwakarta.ngo.web.id"])


@pytest.mark.parametrize("page", ["cms-blocks", "tail-as-text"])
def test_the_seed_page_cleans_to_its_paragraphs(tmp_path, page) -> None:
    title, paragraphs, tail = read_seed()
    post = seed_post(title, paragraphs)
    site = Site(id="purwakarta-demokrat", name="Purwakarta channel (network)",
                url="https://purwakarta.demokrat.co.id", platform="newscms",
                unit_level="polres", unit_name="Polres Purwakarta", polda="Polda Jabar",
                province="Jawa Barat", kind="reprint")
    served = seed_site(post, site.url)
    document = served.article_page(post)
    if page == "tail-as-text":
        # A theme whose blocks the spider does not know: the seed's own tail, line by line,
        # inside the body container; only the text rules stand between it and the article.
        start = document.index('<div class="detail-author">')
        end = document.index('<div class="share">')
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in tail)
        document = document[:start] + lines + "</div>" + document[end:]
    url = served.post_url(post)
    spider = make_spider(NewsCmsSpider, site, tmp_path / "t.db")
    response = HtmlResponse(url, body=document.encode("utf-8"), encoding="utf-8",
                            request=Request(url))
    (item,), _ = split_results(spider.parse_article(response))
    item = through_pipelines(spider, item)
    assert item.title == "Wujudkan Pilkadal Aman, Nyaman Dan Damai, Polres Purwakarta " \
                         "Tingkatkan Koordinasi"
    assert item.body_text == post.body_text
    assert item.body_text.startswith("PURWAKARTA - Polres Purwakarta, Polda Jawa Barat")
    assert item.body_text.endswith("situasi kamtibmas yang aman dan kondusif, \" kata Kapolres.")
    for boilerplate in ("Artikel Sebelumnya", "Berita terkait", "Rekomendasi", "Nagari TV",
                        "Tags", "Ikuti Kami"):
        assert boilerplate not in item.body_text
    assert not item.body_text.endswith("Polres Purwakarta")
    assert item.canonical_url == "https://purwakarta.ngo.web.id/wujudkan-pilkadal-aman-nyaman-" \
                                 "dan-damai-polres-purwakarta-tingkatkan-koordinasi"
