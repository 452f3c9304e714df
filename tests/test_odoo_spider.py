"""Odoo website_blog spider: saved listing and post pages → requests and items."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime, timedelta, timezone

import pytest

from crawler.items import ArticleItem
from crawler.pipelines import CleanPipeline, DatesUnitsPipeline, DedupePipeline, ValidatePipeline
from crawler.platforms.base import STAT_CURSOR, STAT_ERRORS, STAT_FIRST_ERROR
from crawler.platforms.odoo import OdooSpider, odoo_time, post_id
from crawler.registry import Site
from crawler.store import Store
from crawler.urls import canonicalize_url
from tests.helpers import fixture_response, make_spider, split_results

SITE = Site(id="tribratanews-polri", name="Tribratanews Polri (Divhumas)",
            url="https://tribratanews.polri.go.id", platform="odoo", unit_level="mabes",
            unit_name="Divhumas Polri", polda="Mabes Polri", province="Nasional")
HOST = "https://tribratanews.polri.go.id"
LISTING_URL = f"{HOST}/blog/page/2"
POST_URL = (f"{HOST}./blog/keamanan-6/kapolda-sumut-cek-pos-pelayanan-dan-pengamanan-terpadu-"
            "idulfitri-di-wilayah-tanah-karo-85924")
ARTICLES = [
    f"{HOST}./blog/keamanan-6/kapolda-sumut-cek-pos-pelayanan-dan-pengamanan-terpadu-idulfitri-"
    "di-wilayah-tanah-karo-85924",
    f"{HOST}/blog/nasional-3/polri-siapkan-2-935-pos-pengamanan-mudik-lebaran-85921",
    f"{HOST}/blog/hukum-4/ditresnarkoba-polda-lampung-gagalkan-peredaran-12-kg-sabu-di-bakauheni-"
    "85917",
    f"{HOST}/blog/keamanan-6/jelang-idulfitri-polres-gowa-patroli-skala-besar-di-jalan-poros-"
    "malino-85912",
]
BODY = (
    "Tribratanews.polri.go.id - Karo. Kapolda Sumatera Utara Irjen Pol. Whisnu Hermawan "
    "Februanto meninjau Pos Pelayanan dan Pos Pengamanan Terpadu Operasi Ketupat Toba 2025 di "
    "wilayah Kabupaten Karo, Jumat (28/3/25).\n\n"
    "Dalam kunjungan tersebut, Kapolda memastikan seluruh personel siaga memberikan pelayanan "
    "kepada pemudik yang melintas di jalur Medan - Berastagi.\n\n"
    "\"Kami ingin masyarakat yang mudik merasa aman dan nyaman. Personel harus humanis dan "
    "responsif,\" ujar Kapolda.\n\n"
    "(pt/hn/nm)"
)


@pytest.fixture
def spider(tmp_path):
    return make_spider(OdooSpider, SITE, tmp_path / "t.db")


def listing(spider: OdooSpider, **meta):
    return split_results(spider.parse_listing(fixture_response(
        "odoo/listing_page2.html", LISTING_URL, meta={"page": 2, **meta})))


def stored_already(spider: OdooSpider, monkeypatch, urls: list[str]) -> None:
    """Pretend ``urls`` were stored by an earlier, successful crawl."""
    stored = {canonicalize_url(u) for u in urls}
    for name in ("known", "settled"):
        monkeypatch.setattr(spider, name, lambda links: stored & {
            canonicalize_url(u) for u in links})


def through_pipelines(spider: OdooSpider, item: ArticleItem) -> ArticleItem:
    for stage in (ValidatePipeline, CleanPipeline, DatesUnitsPipeline, DedupePipeline):
        item = stage.from_crawler(spider.crawler).process_item(item)
    return item


def test_first_request_is_the_conditional_first_listing_page(spider) -> None:
    (request,) = list(spider.entry_requests())
    assert request.url == f"{HOST}/blog/page/1"
    assert request.meta == {"page": 1, "conditional_get": True}


def test_listing_gives_the_main_list_then_the_pagers_next_page(spider) -> None:
    items, requests = listing(spider)
    assert items == []
    # Not the sidebar's "Berita Populer" post, not blog or tag links; the dotted host kept.
    assert [r.url for r in requests[:-1]] == ARTICLES
    assert all(r.callback == spider.parse_article for r in requests[:-1])
    assert requests[-1].url == f"{HOST}/blog/page/3"
    assert requests[-1].callback == spider.parse_listing
    assert requests[-1].meta["page"] == 3
    assert spider.crawler.stats.get_value(STAT_CURSOR) == {"post_id": 85924}


def test_stop_at_seen_fetches_only_new_posts(spider, monkeypatch) -> None:
    stored_already(spider, monkeypatch, ARTICLES[1:])
    _, requests = listing(spider)
    assert [r.url for r in requests] == [ARTICLES[0], f"{HOST}/blog/page/3"]
    stored_already(spider, monkeypatch, ARTICLES)
    assert listing(spider) == ([], [])


def test_a_page_below_the_cursor_ends_paging_but_new_posts_are_fetched(spider,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr(spider, "stored_cursor", lambda: {"post_id": 85924})
    stored_already(spider, monkeypatch, ARTICLES[:2])
    _, requests = listing(spider)
    # 85917 and 85912 are not stored (e.g. drafts published late): fetched, but no page 3.
    assert [r.url for r in requests] == ARTICLES[2:]


def test_a_page_above_the_cursor_goes_on(tmp_path, monkeypatch) -> None:
    spider = make_spider(OdooSpider, SITE, tmp_path / "t.db")
    monkeypatch.setattr(spider, "stored_cursor", lambda: {"post_id": 85920})
    _, requests = listing(spider)
    assert requests[-1].url == f"{HOST}/blog/page/3"


def test_limited_run_leaves_the_cursor_alone(tmp_path) -> None:
    spider = make_spider(OdooSpider, SITE, tmp_path / "t.db", limit=2)
    _, requests = listing(spider)
    assert [r.url for r in requests] == [*ARTICLES, f"{HOST}/blog/page/3"]
    assert spider.crawler.stats.get_value(STAT_CURSOR) is None


def test_not_modified_listing_costs_nothing(spider) -> None:
    response = fixture_response("odoo/listing_page2.html", LISTING_URL, status=304,
                                meta={"not_modified": True})
    assert split_results(spider.parse_listing(response)) == ([], [])
    assert spider.crawler.stats.get_value(STAT_CURSOR) is None


def test_post_page_gives_the_exact_item(spider) -> None:
    (item,), requests = split_results(spider.parse_article(
        fixture_response("odoo/post_page.html", POST_URL)))
    assert requests == []
    assert item.url == POST_URL
    assert item.canonical_url == POST_URL.replace(".go.id./", ".go.id/")
    assert item.title == ("Kapolda Sumut Cek Pos Pelayanan dan Pengamanan Terpadu Idulfitri di "
                          "Wilayah Tanah Karo")
    # article:published_time is naive UTC: 03:15 UTC is 10:15 WIB.
    assert item.published_at == "2025-03-28T10:15:00+07:00"
    assert item.updated_at == "2025-03-28T11:02:17+07:00"
    assert item.tags == ["Polda Sumut", "Ops Ketupat 2025"]
    assert item.platform_id == "85924"
    assert (item.site_id, item.platform) == ("tribratanews-polri", "odoo")
    item = through_pipelines(spider, item)
    assert item.body_text == BODY
    assert item.published_at == "2025-03-28T10:15:00+07:00"
    assert item.event_date == "2025-03-28"
    for chrome in ("Polri Siapkan", "Baca Selanjutnya", "komentar", "Bagikan", "Semua Blog",
                   "Keamanan"):
        assert chrome not in item.body_text
    assert item.images == [f"{HOST}./web/image/418832-7d2c1e90/WhatsApp%20Image%202025-03-28.jpeg"]


def test_a_renamed_post_stays_one_article(spider, tmp_path) -> None:
    (item,), _ = split_results(spider.parse_article(
        fixture_response("odoo/post_page.html", POST_URL)))
    first = through_pipelines(spider, item)
    renamed_url = f"{HOST}/blog/keamanan-6/kapolda-sumut-tinjau-pos-terpadu-di-tanah-karo-85924"
    renamed = replace(first, url=renamed_url, canonical_url=canonicalize_url(renamed_url))
    with Store(tmp_path / "renamed.db") as store:
        assert store.save_articles([asdict(first)]).new == 1
        result = store.save_articles([asdict(renamed)])
        assert (result.new, result.unchanged) == (0, 1)
        assert store.article_count() == 1
        assert store.known_urls([first.canonical_url, renamed_url]) == {
            first.canonical_url, renamed_url}


def test_page_without_body_is_recorded_not_raised(spider) -> None:
    response = fixture_response("odoo/listing_page2.html", POST_URL)
    assert split_results(spider.parse_article(response)) == ([], [])
    assert spider.crawler.stats.get_value(STAT_ERRORS) == 1
    assert "no article body found" in spider.crawler.stats.get_value(STAT_FIRST_ERROR)


@pytest.mark.parametrize(("url", "expected"), [
    (ARTICLES[0], 85924),
    (f"{HOST}/blog/nasional-3/judul-99/?utm_source=x", 99),
    (f"{HOST}/blog/nasional-3/judul-berita-106038?page=2", 106038),
    (f"{HOST}/blog/nasional-3/page/2", None),
    (f"{HOST}/blog/nasional-3/tag/narkoba-12", None),
    (f"{HOST}/blog/nasional-3", None),
])
def test_post_id(url, expected) -> None:
    assert post_id(url) == expected


def test_odoo_times_are_utc_unless_they_say_otherwise() -> None:
    wita = timezone(timedelta(hours=8))
    assert odoo_time("2025-03-28 03:15:00", wita) == "2025-03-28T11:15:00+08:00"
    assert odoo_time("2025-03-28T10:15:00+07:00", wita) == "2025-03-28T11:15:00+08:00"
    assert odoo_time("", wita) is None and odoo_time(None, wita) is None
    assert odoo_time("kemarin", wita) is None


def test_posts_listed_before_the_window_are_skipped_and_end_paging(tmp_path) -> None:
    wib = timezone(timedelta(hours=7))
    # A day of slack: since 29 March 09:00 keeps posts listed from 28 March 09:00 on.
    spider = make_spider(OdooSpider, SITE, tmp_path / "a.db",
                         since=datetime(2025, 3, 29, 9, 0, tzinfo=wib))
    _, requests = listing(spider)
    assert [r.url for r in requests] == [*ARTICLES[:2], f"{HOST}/blog/page/3"]
    spider = make_spider(OdooSpider, SITE, tmp_path / "b.db",
                         since=datetime(2025, 3, 30, 0, 0, tzinfo=wib))
    assert listing(spider) == ([], [])
