"""Polda Lampung detail-post spider: saved news index and article pages → requests and items."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from crawler.items import ArticleItem
from crawler.pipelines import CleanPipeline, DatesUnitsPipeline, DedupePipeline, ValidatePipeline
from crawler.platforms.base import STAT_ERRORS, STAT_FIRST_ERROR
from crawler.platforms.lampung import LampungSpider, drop_site_line
from crawler.registry import Site
from crawler.urls import canonicalize_url
from tests.helpers import fixture_response, make_spider, split_results

SITE = Site(id="tribratanews-resmetro-lampung", name="Tribratanews Polres Metro",
            url="https://tribratanews-resmetro.lampung.polri.go.id", platform="lampung",
            unit_level="polres", unit_name="Polres Metro", polda="Polda Lampung",
            province="Lampung")
BASE = SITE.url
ARTICLES = [
    f"{BASE}/detail-post/sat-lantas-polres-metro-gelar-operasi-patuh-krakatau-2024-di-jalan-ah-"
    "nasution",
    f"{BASE}/detail-post/wujudkan-pelayanan-polri-yang-lebih-humanis-dan-profesional-polres-"
    "metro-sosialisasikan-perkap-nomor-2-tahun-2004",
    f"{BASE}/detail-post/jumat-curhat-kapolsek-metro-pusat-berdialog-dengan-warga-hadimulyo-barat",
]


@pytest.fixture
def spider(tmp_path):
    return make_spider(LampungSpider, SITE, tmp_path / "t.db")


def page(spider: LampungSpider, name: str = "berita_page2.html", number: int = 2):
    return split_results(spider.parse_listing(fixture_response(
        f"lampung/{name}", f"{BASE}/berita?page={number}", meta={"page": number})))


def stored_already(spider: LampungSpider, monkeypatch, urls: list[str]) -> None:
    """Pretend ``urls`` were stored by an earlier, successful crawl."""
    stored = {canonicalize_url(u) for u in urls}
    for name in ("known", "settled"):
        monkeypatch.setattr(spider, name, lambda links: stored & {
            canonicalize_url(u) for u in links})


def through_pipelines(spider: LampungSpider, item: ArticleItem) -> ArticleItem:
    for stage in (ValidatePipeline, CleanPipeline, DatesUnitsPipeline, DedupePipeline):
        item = stage.from_crawler(spider.crawler).process_item(item)
    return item


def test_first_request_is_the_conditional_first_index_page(spider) -> None:
    (request,) = list(spider.entry_requests())
    assert request.url == f"{BASE}/berita?page=1"
    assert request.meta == {"page": 1, "conditional_get": True}


def test_index_page_gives_its_articles_then_the_next_page(spider) -> None:
    items, requests = page(spider)
    assert items == []
    # The sidebar's "Berita Terpopuler" link is not part of the list.
    assert [r.url for r in requests] == [*ARTICLES, f"{BASE}/berita?page=3"]
    assert [r.callback for r in requests] == [spider.parse_article] * 3 + [spider.parse_listing]
    assert requests[-1].meta["page"] == 3


def test_last_index_page_ends_paging(spider) -> None:
    _, requests = page(spider, "berita_last.html", 9)
    assert [r.url for r in requests] == [
        f"{BASE}/detail-post/polres-metro-resmikan-pos-kamling-percontohan-di-yosomulyo"]


def test_stop_at_seen(spider, monkeypatch) -> None:
    stored_already(spider, monkeypatch, ARTICLES[1:])
    _, requests = page(spider)
    assert [r.url for r in requests] == [ARTICLES[0], f"{BASE}/berita?page=3"]
    stored_already(spider, monkeypatch, ARTICLES)
    assert page(spider) == ([], [])


def test_full_crawl_ignores_what_is_stored(tmp_path, monkeypatch) -> None:
    spider = make_spider(LampungSpider, SITE, tmp_path / "t.db", full=1)
    _, requests = page(spider)
    assert len(requests) == 4


def test_article_page_gives_the_exact_item(spider) -> None:
    (item,), _ = split_results(spider.parse_article(
        fixture_response("lampung/detail_post.html", ARTICLES[0])))
    assert item.title == ("Sat Lantas Polres Metro Gelar Operasi Patuh Krakatau 2024 di Jalan AH "
                          "Nasution")
    assert item.published_at is None  # no machine-readable date on this CMS …
    assert item.date_text == "Senin, 12 Agustus 2024 09:15 WIB"  # … only the visible line
    assert item.author == "Humas Polres Metro"
    assert item.tags == ["Operasi Patuh", "Lalu Lintas"]
    assert item.platform_id is None
    item = through_pipelines(spider, item)
    assert item.published_at == "2024-08-12T09:15:00+07:00"
    assert item.event_date == "2024-08-12"
    assert item.canonical_url == ARTICLES[0]
    assert item.body_text == (
        "Metro - Satuan Lalu Lintas Polres Metro menggelar Operasi Patuh Krakatau 2024 di Jalan "
        "AH Nasution, Kelurahan Yosodadi, Kecamatan Metro Timur, Senin (12/8/2024) pagi.\n\n"
        "Kasat Lantas Polres Metro AKP Dwi Pratiwi mengatakan, operasi digelar selama 14 hari "
        "dengan sasaran pelanggaran yang berpotensi menimbulkan kecelakaan.\n\n"
        "\"Kami mengutamakan langkah preemtif dan preventif, penindakan dilakukan secara "
        "humanis,\" ujarnya.\n\n"
        "(*)")


def test_title_suffix_and_bare_site_line_go_wherever_they_are(spider) -> None:
    url = (f"{BASE}/detail-post/jumat-curhat-kapolsek-terbanggi-besar-berdialog-dengan-"
           "masyarakat-di-balai-kampung-bumi-mas")
    (item,), _ = split_results(spider.parse_article(
        fixture_response("lampung/detail_post_no_heading.html", url)))
    item = through_pipelines(spider, item)
    assert item.title == ("Jumat Curhat, Kapolsek Terbanggi Besar Berdialog dengan Masyarakat di "
                          "Balai Kampung Bumi Mas")
    assert item.published_at == "2023-09-29T14:30:00+07:00"
    assert item.body_text == (
        "Lampung Tengah - Kapolsek Terbanggi Besar Kompol Tri Wahyudi menggelar Jumat Curhat "
        "bersama masyarakat di Balai Kampung Bumi Mas, Jum'at (29/9/23).\n\n"
        "Dalam kegiatan tersebut warga menyampaikan keluhan soal balap liar pada malam hari."
        "\n\n(*)")


def test_page_without_body_is_recorded_not_raised(spider) -> None:
    response = fixture_response("lampung/berita_page2.html", ARTICLES[0])
    assert split_results(spider.parse_article(response)) == ([], [])
    assert spider.crawler.stats.get_value(STAT_ERRORS) == 1
    assert "no article body found" in spider.crawler.stats.get_value(STAT_FIRST_ERROR)


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>https://tribratanews.lampung.polri.go.id.</p><p>Metro - Isi.</p>",
     "<p></p><p>Metro - Isi.</p>"),
    ("<p>https://tribratanews-reslampungtengah.lampung.polri.go.id/<br>Gunung Sugih - Isi.</p>",
     "<p>Gunung Sugih - Isi.</p>"),
    ("<div><!-- x --><style>p{}</style>Tribratanews lampung polri go id<br>Isi.</div>",
     "<div><!-- x --><style>p{}</style>Isi.</div>"),
    # Only a first line that is nothing but the site's name goes.
    ("<p>Metro - Isi dari tribratanews.lampung.polri.go.id.</p>",
     "<p>Metro - Isi dari tribratanews.lampung.polri.go.id.</p>"),
    ("<p>Isi.</p><p>https://tribratanews.lampung.polri.go.id.</p>",
     "<p>Isi.</p><p>https://tribratanews.lampung.polri.go.id.</p>"),
    ("", ""),
])
def test_drop_site_line(body, expected) -> None:
    assert drop_site_line(body) == expected


def test_site_options_override_the_listing_selectors(tmp_path) -> None:
    site = Site(**{**SITE.to_dict(), "options": {"selectors": {
        "listing_links": "aside.sidebar", "next_page": 'a[rel="prev"]::attr(href)'}}})
    spider = make_spider(LampungSpider, site, tmp_path / "t.db")
    _, requests = page(spider)
    assert [r.url for r in requests] == [
        f"{BASE}/detail-post/polres-metro-amankan-dua-pelaku-curanmor-di-metro-timur",
        f"{BASE}/berita?page=1"]


def test_without_the_main_list_every_article_link_counts(tmp_path) -> None:
    site = Site(**{**SITE.to_dict(), "options": {"selectors": {"listing_links": ".daftar"}}})
    spider = make_spider(LampungSpider, site, tmp_path / "t.db")
    _, requests = page(spider)
    assert [r.url for r in requests] == [
        *ARTICLES, f"{BASE}/detail-post/polres-metro-amankan-dua-pelaku-curanmor-di-metro-timur",
        f"{BASE}/berita?page=3"]


def test_paging_stops_at_listing_pages_max(spider, monkeypatch) -> None:
    monkeypatch.setattr(spider, "listing_pages_max", 2)
    _, requests = page(spider)
    assert [r.url for r in requests] == ARTICLES


def test_articles_listed_before_the_window_are_skipped(tmp_path) -> None:
    since = datetime(2024, 8, 11, 10, 0, tzinfo=timezone(timedelta(hours=7)))
    spider = make_spider(LampungSpider, SITE, tmp_path / "t.db", since=since)
    _, requests = page(spider)
    # 12 August is kept; 10 August (midnight: the list shows no time) and 9 August are not.
    assert [r.url for r in requests] == [ARTICLES[0], f"{BASE}/berita?page=3"]
