"""Blogger platform spider: saved feed pages and post pages → requests and items."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from crawler.items import ArticleItem
from crawler.pipelines import CleanPipeline, DatesUnitsPipeline, DedupePipeline, ValidatePipeline
from crawler.platforms.base import STAT_ERRORS, STAT_FIRST_ERROR
from crawler.platforms.blogger import BloggerSpider
from crawler.registry import Site
from tests.helpers import fixture_response, make_spider, split_results

SITE = Site(id="humaspolresmetro", name="Humas Polres Metro",
            url="https://www.humaspolresmetro.com", platform="blogger", unit_level="polres",
            unit_name="Polres Metro", polda="Polda Lampung", province="Lampung")
FEED_URL = "https://www.humaspolresmetro.com/feeds/posts/default?alt=json&orderby=published"
WIB = timezone(timedelta(hours=7))

EXPECTED = [
    {
        "url": "https://www.humaspolresmetro.com/2023/11/kapolres-metro-silaturahmi-ke-kantor.html",
        "title": "Kapolres Metro Silaturahmi Ke Kantor KPU Kota Metro Dalam Rangka Ciptakan "
                 "Pemilu Damai",
        "published_at": "2023-11-17T14:05:00+07:00",
        "updated_at": "2023-11-17T14:12:31+07:00",
        "platform_id": "2294417790265185934",
        "tags": ["Polres Metro", "Pemilu 2024"],
        "body_text": (
            "Polres Metro Polda Lampung - Jalin sinergitas untuk menyukseskan pemilu 2024 "
            "mendatang, Kapolres Metro AKBP Heri Sulistyo Nugroho, S.I.K., M.I.K. melakukan "
            "kunjungan kerja ke kantor Komisi Pemilihan Umum (KPU) Kota Metro, Jumat (17/11/2023)."
            "\n\nKedatangan Kapolres beserta jajarannya disambut hangat oleh Komisioner KPU Kota "
            "Metro beserta seluruh PPK se-Kota Metro.\n\n“Polres Metro siap membantu KPU Kota "
            "Metro untuk menyukseskan dan mengamankan Pemilu Tahun 2024,” ungkapnya."),
        "event_date": "2023-11-17",
    },
    {
        "url": "https://www.humaspolresmetro.com/2023/11/sat-resnarkoba-polres-metro-amankan.html",
        "title": "Sat Resnarkoba Polres Metro Amankan Dua Pelaku Penyalahguna Sabu",
        "published_at": "2023-11-16T20:40:00+07:00",
        "updated_at": "2023-11-16T20:40:00+07:00",
        "platform_id": "5541120987345511203",
        "tags": ["Polres Metro", "Narkoba"],
        "body_text": (
            "Polres Metro Polda Lampung - Satuan Reserse Narkoba Polres Metro mengamankan dua "
            "pelaku penyalahguna narkotika jenis sabu di Kecamatan Metro Timur, Kamis (16/11/2023)"
            " malam.\n\nKasat Resnarkoba AKP Made Indra Wijaya mengatakan barang bukti berupa 2 "
            "paket sabu seberat 1,2 gram diamankan dari tangan pelaku."),
        "event_date": "2023-11-16",
    },
    {
        "url": "https://www.humaspolresmetro.com/2023/11/bhabinkamtibmas-polsek-metro-pusat.html",
        "title": "Bhabinkamtibmas Polsek Metro Pusat Sambangi Warga Hadirkan Rasa Aman",
        "published_at": "2023-11-15T08:10:00+07:00",
        "updated_at": "2023-11-15T09:02:44+07:00",
        "platform_id": "8812034471209983316",
        "tags": [],
        "body_text": (
            "Polres Metro Polda Lampung - Bhabinkamtibmas Polsek Metro Pusat Aipda Sugeng "
            "melaksanakan sambang warga di Kelurahan Hadimulyo Barat, Rabu (15/11/2023) pagi."
            "\n\nKegiatan tersebut bertujuan menjalin silaturahmi dan menyampaikan pesan "
            "kamtibmas kepada warga."),
        "event_date": "2023-11-15",
    },
]


@pytest.fixture
def spider(tmp_path):
    return make_spider(BloggerSpider, SITE, tmp_path / "t.db")


def through_pipelines(spider: BloggerSpider, item: ArticleItem) -> ArticleItem:
    for stage in (ValidatePipeline, CleanPipeline, DatesUnitsPipeline, DedupePipeline):
        item = stage.from_crawler(spider.crawler).process_item(item)
    return item


def test_entry_request_asks_for_json_newest_first_from_the_window(tmp_path) -> None:
    since = datetime(2024, 5, 1, 0, 0, tzinfo=WIB)
    spider = make_spider(BloggerSpider, SITE, tmp_path / "t.db", since=since)
    (request,) = list(spider.entry_requests())
    parts = urlsplit(request.url)
    assert parts.netloc == "www.humaspolresmetro.com"
    assert parts.path == "/feeds/posts/default"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {"alt": "json", "orderby": "published", "max-results": "150",
                     "published-min": "2024-05-01T00:00:00+07:00"}
    assert request.meta["conditional_get"] is True


def test_full_feed_gives_items_without_fetching_post_pages(spider) -> None:
    items, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_full.json", FEED_URL)))
    assert len(items) == 3
    # The next page is on www.blogger.com (another host), with alt=json kept.
    assert len(requests) == 1
    nxt = urlsplit(requests[0].url)
    assert nxt.netloc == "www.blogger.com"
    assert nxt.path == "/feeds/7083264159412304412/posts/default"
    assert parse_qs(nxt.query)["alt"] == ["json"]
    assert parse_qs(nxt.query)["start-index"] == ["4"]
    for item, expected in zip(items, EXPECTED, strict=True):
        assert item.author == "Humas Polres Metro"
        for key in ("url", "title", "published_at", "updated_at", "platform_id", "tags"):
            assert getattr(item, key) == expected[key], key


def test_pipelines_clean_bodies_and_keep_the_site_offset(spider) -> None:
    items, _ = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_full.json", FEED_URL)))
    cleaned = [through_pipelines(spider, item) for item in items]
    for item, expected in zip(cleaned, EXPECTED, strict=True):
        assert item.body_text == expected["body_text"]
        assert item.event_date == expected["event_date"]
        assert item.published_at == expected["published_at"]
        assert (item.unit_name, item.polda) == ("Polres Metro", "Polda Lampung")
        assert item.canonical_url == expected["url"]
        assert len(item.content_hash) == 64
    first = cleaned[0]
    assert "<script" not in first.body_html and "alert(1)" not in first.body_html
    assert "Baca juga" not in first.body_text
    assert "https://blogger.googleusercontent.com/img/b/R29vZ2xl/s320/kpu.jpg" in first.images


def test_atom_feed_gives_the_same_items(spider) -> None:
    items, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_full.atom.xml", "https://www.humaspolresmetro.com/feeds/posts/default")))
    assert [i.url for i in items] == [e["url"] for e in EXPECTED]
    assert [i.published_at for i in items] == [e["published_at"] for e in EXPECTED]
    assert [i.tags for i in items] == [e["tags"] for e in EXPECTED]
    assert "start-index=4" in requests[0].url and "alt=json" in requests[0].url


def test_summary_feed_fetches_each_post_page(spider) -> None:
    items, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_summary.json", FEED_URL)))
    assert items == []
    assert [r.url for r in requests] == [e["url"] for e in EXPECTED]
    assert all(r.callback == spider.parse_post_page for r in requests)


def test_post_page_body_is_cleaned_of_blogger_chrome(spider) -> None:
    _, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_summary.json", FEED_URL)))
    page = fixture_response("blogger/post_page.html", EXPECTED[1]["url"],
                            meta=requests[1].meta)
    (item,) = split_results(spider.parse_post_page(page))[0]
    item = through_pipelines(spider, item)
    assert item.title == EXPECTED[1]["title"]
    assert item.published_at == "2023-11-16T20:40:00+07:00"
    assert item.body_text == EXPECTED[1]["body_text"] + (
        "\n\nKedua pelaku kini menjalani pemeriksaan di Mapolres Metro guna pengembangan lebih "
        "lanjut.")
    for chrome in ("Komentar", "Postingan populer", "Diposting oleh", "Label", "Diberdayakan",
                   "Facebook", "Posting Lama"):
        assert chrome not in item.body_text


def test_empty_page_ends_paging(spider) -> None:
    items, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_empty.json", FEED_URL)))
    assert (items, requests) == ([], [])
    assert spider.crawler.stats.get_value(STAT_ERRORS) is None


@pytest.mark.parametrize(("fixture", "content_type", "message"), [
    ("blogger/feed_malformed.json", "application/json", "is not valid JSON"),
    ("blogger/post_page.html", "text/html", "did not answer with a Blogger feed"),
])
def test_bad_feeds_are_recorded_not_raised(spider, fixture, content_type, message) -> None:
    response = fixture_response(fixture, FEED_URL, headers={"Content-Type": content_type})
    assert split_results(spider.parse_feed(response)) == ([], [])
    assert spider.crawler.stats.get_value(STAT_ERRORS) == 1
    assert message in spider.crawler.stats.get_value(STAT_FIRST_ERROR)


def test_xml_entities_are_never_expanded(spider) -> None:
    items, _ = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_xxe.atom.xml", "https://contoh.blogspot.com/feeds/posts/default")))
    assert len(items) == 1
    assert "root:" not in items[0].title and "lollol" not in items[0].title
    assert "root:" not in items[0].body_html


def test_window_and_limit_stop_early(tmp_path) -> None:
    since = datetime(2023, 11, 16, 0, 0, tzinfo=WIB)
    spider = make_spider(BloggerSpider, SITE, tmp_path / "t.db", since=since)
    items, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_full.json", FEED_URL)))
    assert [i.platform_id for i in items] == ["2294417790265185934", "5541120987345511203"]
    limited = make_spider(BloggerSpider, SITE, tmp_path / "t2.db", limit=2)
    items, requests = split_results(limited.parse_feed(fixture_response(
        "blogger/feed_full.json", FEED_URL)))
    assert len(items) == 2 and requests == []


def test_not_modified_answer_costs_nothing(spider) -> None:
    response = fixture_response("blogger/feed_empty.json", FEED_URL, status=304,
                                meta={"not_modified": True})
    assert split_results(spider.parse_feed(response)) == ([], [])


def test_site_of_another_platform_is_refused(tmp_path) -> None:
    wordpress = Site(id="some-wp", name="WP", url="https://wp.example.id", platform="wordpress")
    with pytest.raises(ValueError, match="is a wordpress site, not blogger"):
        make_spider(BloggerSpider, wordpress, tmp_path / "t.db")


def test_incremental_window_asks_for_updated_posts(tmp_path) -> None:
    spider = make_spider(BloggerSpider, SITE, tmp_path / "t.db")
    spider.since = datetime(2023, 11, 16, 0, 0, tzinfo=WIB)
    spider.incremental = True
    (request,) = list(spider.entry_requests())
    query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
    assert query["orderby"] == "updated"
    assert query["updated-min"] == "2023-11-16T00:00:00+07:00"
    assert "published-min" not in query
    # Entries are kept by their update time: the post published on the 15th but edited later
    # than the window start is kept.
    items, _ = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_full.json", FEED_URL)))
    assert [i.platform_id for i in items] == ["2294417790265185934", "5541120987345511203"]


def test_summary_entries_already_stored_unchanged_are_not_fetched(tmp_path) -> None:
    from dataclasses import asdict

    from crawler.store import Store

    db = tmp_path / "t.db"
    stored = ArticleItem(url=EXPECTED[1]["url"], canonical_url=EXPECTED[1]["url"],
                         site_id=SITE.id, title=EXPECTED[1]["title"], platform="blogger",
                         published_at=EXPECTED[1]["published_at"],
                         updated_at=EXPECTED[1]["updated_at"], body_text="isi",
                         fetched_at="2023-11-17T00:00:00Z", parser_version="t")
    stored.content_hash = stored.compute_hash()
    with Store(db) as store:
        store.save_articles([asdict(stored)])
    spider = make_spider(BloggerSpider, SITE, db)
    _, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_summary.json", FEED_URL)))
    assert [r.url for r in requests] == [EXPECTED[0]["url"], EXPECTED[2]["url"]]
    spider.full = True
    _, requests = split_results(spider.parse_feed(fixture_response(
        "blogger/feed_summary.json", FEED_URL)))
    assert len(requests) == 3


def test_window_is_the_watermark_minus_the_overlap(tmp_path) -> None:
    from crawler.store import Store

    db = tmp_path / "t.db"
    stored = ArticleItem(url=EXPECTED[0]["url"], canonical_url=EXPECTED[0]["url"],
                         site_id=SITE.id, title="t", platform="blogger", body_text="isi",
                         published_at="2024-05-10T10:00:00+07:00",
                         fetched_at="2024-05-10T00:00:00Z", parser_version="t")
    stored.content_hash = stored.compute_hash()
    with Store(db) as store:
        from dataclasses import asdict

        store.save_articles([asdict(stored)])
        run = store.start_run("r", SITE.id, "blogger", None, None)
        store.finish_run(run, status="ok", finish_reason="finished", counts={}, error=None,
                         http_status={}, robots={}, duration_s=1)
    spider = make_spider(BloggerSpider, SITE, db)
    spider.resolve_window()
    assert spider.incremental is True
    assert spider.since.isoformat() == "2024-05-08T03:00:00+00:00"  # 2 days before 03:00Z
    half_day = make_spider(BloggerSpider, SITE, db, settings={"POLICE_NEWS_OVERLAP_DAYS": 0.5})
    half_day.resolve_window()
    assert half_day.since.isoformat() == "2024-05-09T15:00:00+00:00"
    explicit = make_spider(BloggerSpider, SITE, db, since="2024-01-01")
    explicit.resolve_window()
    assert explicit.incremental is False and explicit.since.isoformat().startswith("2024-01-01")
    full = make_spider(BloggerSpider, SITE, db, full="1")
    full.resolve_window()
    assert full.since is None
