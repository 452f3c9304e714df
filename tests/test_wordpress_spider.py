"""WordPress platform spider: saved REST pages, feeds, sitemaps and pages → requests and items."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from twisted.python.failure import Failure

from crawler.items import ArticleItem
from crawler.pipelines import CleanPipeline, DatesUnitsPipeline, DedupePipeline, ValidatePipeline
from crawler.platforms.base import STAT_CURSOR, STAT_ERRORS, STAT_FIRST_ERROR
from crawler.platforms.wordpress import WordPressSpider, post_sitemaps
from crawler.registry import Site
from tests.helpers import SHARED, fixture_response, load_json, make_spider, split_results

BASE = "https://humaspolresbanjarnegara.com"
SITE = Site(id="humaspolresbanjarnegara", name="Humas Polres Banjarnegara", url=BASE,
            platform="wordpress", unit_level="polres", unit_name="Polres Banjarnegara",
            polda="Polda Jateng", province="Jawa Tengah")


def rest_url(page: int) -> str:
    return f"{BASE}/wp-json/wp/v2/posts?per_page=100&page={page}&orderby=date&order=desc&_embed=1"


REST_URL = rest_url(1)
WIB = timezone(timedelta(hours=7))
SOSIALISASI = f"{BASE}/2024/05/14/sat-lantas-polres-banjarnegara-sosialisasi-keselamatan-di-sma" \
              "-negeri-1-bawang/"
PATROLI = f"{BASE}/2024/05/14/patroli-subuh-polsek-wanadadi/"
CURHAT = f"{BASE}/2024/05/10/polres-banjarnegara-gelar-jumat-curhat/"

EXPECTED = [
    {
        "url": SOSIALISASI,
        "title": "Sat Lantas Polres Banjarnegara Sosialisasi Keselamatan di SMA Negeri 1 Bawang "
                 "\u2013 \u201cPelajar Pelopor\u201d & Tertib",
        "published_at": "2024-05-14T15:30:12+07:00",
        "updated_at": "2024-05-14T16:02:40+07:00",
        "author": "Humas Polres Banjarnegara",
        "tags": ["Berita", "Sat Lantas", "Keselamatan", "Pelajar & Remaja"],
        "platform_id": "18234",
        "body_text": (
            "BANJARNEGARA \u2013 Satuan Lalu Lintas Polres Banjarnegara menggelar sosialisasi "
            "keselamatan berlalu lintas kepada ratusan pelajar SMA Negeri 1 Bawang, Selasa "
            "(14/5/2024).\n\nKasat Lantas Polres Banjarnegara AKP Ady Wibowo, S.I.K. mengatakan "
            "para pelajar diajak menjadi pelopor keselamatan dengan selalu memakai helm dan tidak "
            "membawa kendaraan sebelum memiliki SIM.\n\n\u201cKeselamatan adalah kebutuhan, bukan "
            "sekadar kewajiban,\u201d ujarnya."),
    },
    {
        "url": PATROLI,
        "title": "Patroli Subuh, Polsek Wanadadi Sambangi Pasar Tradisional",
        # date_gmt 2024-05-13T23:15:00 is the next morning in Banjarnegara.
        "published_at": "2024-05-14T06:15:00+07:00",
        "updated_at": "2024-05-14T06:15:00+07:00",
        "author": "Humas Polres Banjarnegara",
        "tags": ["Berita"],
        "platform_id": "18231",
        "body_text": (
            "Polsek Wanadadi melaksanakan patroli subuh di Pasar Wanadadi, Selasa (14/5/2024) "
            "pagi, untuk mencegah gangguan kamtibmas saat pedagang mulai berjualan.\n\nKapolsek "
            "Wanadadi AKP Sutarno mengimbau pedagang agar menyimpan uang hasil dagangan dengan "
            "aman."),
    },
]
FIELDS = ("url", "title", "published_at", "updated_at", "author", "tags", "platform_id")


@pytest.fixture
def spider(tmp_path):
    return make_spider(WordPressSpider, SITE, tmp_path / "t.db")


def rest_response(name: str = "wordpress/rest_posts_page1.json", url: str = REST_URL, *,
                  page: int = 1, status: int = 200, headers: dict[str, str] | None = None):
    if headers is None:
        headers = load_json("wordpress/rest_posts_page1.headers.json")
    return fixture_response(name, url, meta={"page": page}, status=status, headers=headers)


def through_pipelines(spider: WordPressSpider, item: ArticleItem) -> ArticleItem:
    for stage in (ValidatePipeline, CleanPipeline, DatesUnitsPipeline, DedupePipeline):
        item = stage.from_crawler(spider.crawler).process_item(item)
    return item


def cursor(spider: WordPressSpider) -> dict:
    return spider.crawler.stats.get_value(STAT_CURSOR) or {}


def errors(spider: WordPressSpider) -> tuple[int | None, str | None]:
    stats = spider.crawler.stats
    return stats.get_value(STAT_ERRORS), stats.get_value(STAT_FIRST_ERROR)


# -- the mode ---------------------------------------------------------------------------------


def test_first_request_probes_rest_within_the_window_in_the_site_zone(tmp_path) -> None:
    since = datetime(2024, 5, 1, 17, 0, tzinfo=UTC)
    spider = make_spider(WordPressSpider, SITE, tmp_path / "t.db", since=since,
                         until="2024-06-01")
    (request,) = list(spider.entry_requests())
    parts = urlsplit(request.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{BASE}/wp-json/wp/v2/posts"
    assert {k: v[0] for k, v in parse_qs(parts.query).items()} == {
        "per_page": "100", "page": "1", "orderby": "date", "order": "desc", "_embed": "1",
        "after": "2024-05-02T00:00:00+07:00", "before": "2024-06-01T00:00:00+07:00"}
    assert request.callback == spider.parse_rest
    assert request.meta["conditional_get"] is True
    assert set(cursor(spider)) == {"rest_probed_at"}


@pytest.mark.parametrize(("stored", "days_ago", "expected"), [
    ({}, None, "rest"),
    ({"mode": "rest"}, 1, "rest"),
    ({"mode": "feed"}, 2, "feed"),
    ({"mode": "sitemap"}, 6.9, "sitemap"),
    ({"mode": "feed"}, 7.1, "rest"),
    ({"mode": "sitemap"}, None, "rest"),
])
def test_a_site_without_rest_is_reprobed_after_seven_days(spider, stored, days_ago,
                                                          expected) -> None:
    state = dict(stored)
    if days_ago is not None:
        state["rest_probed_at"] = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
    assert spider.start_mode(state) == expected


def test_stored_fallback_mode_starts_there(tmp_path, monkeypatch) -> None:
    probed = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    for mode, url in (("feed", f"{BASE}/feed/"), ("sitemap", f"{BASE}/wp-sitemap.xml")):
        spider = make_spider(WordPressSpider, SITE, tmp_path / f"{mode}.db")
        monkeypatch.setattr(spider, "stored_cursor",
                            lambda m=mode: {"mode": m, "rest_probed_at": probed})
        (request,) = list(spider.entry_requests())
        assert request.url == url
        assert "rest_probed_at" not in cursor(spider)


# -- REST -------------------------------------------------------------------------------------


def test_rest_page_gives_whole_articles_and_the_next_page(spider) -> None:
    items, requests = split_results(spider.parse_rest(rest_response()))
    # The password-protected post (18229) is skipped, not an error.
    assert [item.platform_id for item in items] == ["18234", "18231"]
    for item, expected in zip(items, EXPECTED, strict=True):
        for key in FIELDS:
            assert getattr(item, key) == expected[key], key
    assert items[0].images == [f"{BASE}/wp-content/uploads/2024/05/sosialisasi-sma1-bawang.jpg"]
    (nxt,) = requests
    assert nxt.url == rest_url(2)
    assert nxt.meta["page"] == 2 and "conditional_get" not in nxt.meta
    assert cursor(spider) == {"mode": "rest"}
    assert errors(spider) == (None, None)


def test_rest_bodies_are_cleaned_by_the_pipelines(spider) -> None:
    items, _ = split_results(spider.parse_rest(rest_response()))
    cleaned = [through_pipelines(spider, item) for item in items]
    # The issuing unit comes from the dateline: the Polsek's own release is the Polsek's.
    units = [("Polres Banjarnegara", "Polda Jateng"), ("Polsek Wanadadi", "Polda Jateng")]
    for item, expected, unit in zip(cleaned, EXPECTED, units, strict=True):
        assert item.body_text == expected["body_text"]
        assert item.canonical_url == expected["url"]
        assert item.event_date == "2024-05-14"
        assert (item.unit_name, item.polda) == unit
    assert "Baca Juga" not in cleaned[0].body_text
    assert "Bagikan" not in cleaned[1].body_text and "WhatsApp" not in cleaned[1].body_text


def test_rest_times_are_put_in_the_site_zone(tmp_path) -> None:
    wita = replace(SITE, id="humas-wita", timezone="WITA")
    spider = make_spider(WordPressSpider, wita, tmp_path / "t.db")
    items, _ = split_results(spider.parse_rest(rest_response()))
    assert [i.published_at for i in items] == ["2024-05-14T16:30:12+08:00",
                                               "2024-05-14T07:15:00+08:00"]


def test_last_rest_page_ends_paging(spider) -> None:
    headers = {"X-WP-Total": "205", "X-WP-TotalPages": "3"}
    url = rest_url(3)
    items, requests = split_results(spider.parse_rest(rest_response(url=url, page=3,
                                                                    headers=headers)))
    assert len(items) == 2 and requests == []


def test_without_total_header_the_link_next_is_followed(spider) -> None:
    link = (f'<{BASE}/wp-json/wp/v2/posts?rest_route=%2Fwp%2Fv2%2Fposts&page=2&per_page=100>; '
            'rel="next"')
    _, requests = split_results(spider.parse_rest(rest_response(headers={"Link": link})))
    assert [r.url for r in requests] == [
        f"{BASE}/wp-json/wp/v2/posts?rest_route=%2Fwp%2Fv2%2Fposts&page=2&per_page=100"]


def test_without_any_paging_header_the_next_number_is_tried_until_empty(spider) -> None:
    _, requests = split_results(spider.parse_rest(rest_response(headers={})))
    assert [r.url for r in requests] == [rest_url(2)]
    empty = fixture_response("wordpress/rest_posts_page1.json", requests[0].url,
                             meta={"page": 2})
    empty = empty.replace(body=b"[]")
    assert split_results(spider.parse_rest(empty)) == ([], [])


def test_rest_page_past_the_end_is_not_an_error(spider) -> None:
    response = rest_response("wordpress/rest_invalid_page.json",
                             rest_url(4), page=4, status=400,
                             headers={"Content-Type": "application/json; charset=UTF-8"})
    assert split_results(spider.parse_rest(response)) == ([], [])
    assert errors(spider) == (None, None)


def test_broken_later_rest_page_is_an_error(spider) -> None:
    response = rest_response("wordpress/rest_401.json", rest_url(2),
                             page=2, headers={})
    response = response.replace(body=b'[{"id": 1, "title"')
    assert split_results(spider.parse_rest(response)) == ([], [])
    count, first = errors(spider)
    assert count == 1
    assert first.startswith("REST page is not valid JSON (")
    assert first.endswith(f") at {rest_url(2)}")


def test_rest_filter_ignored_by_an_old_server_stops_paging(tmp_path) -> None:
    since = datetime(2024, 5, 20, tzinfo=WIB)
    spider = make_spider(WordPressSpider, SITE, tmp_path / "t.db", since=since)
    assert split_results(spider.parse_rest(rest_response())) == ([], [])


@pytest.mark.parametrize(("fixture", "status", "content_type", "reason"), [
    ("wordpress/rest_401.json", 401, "application/json", "answered HTTP 401 rest_not_logged_in"),
    ("wordpress/rest_401.json", 403, "application/json", "answered HTTP 403 rest_not_logged_in"),
    ("wordpress/article_newspaper.html", 404, "text/html", "answered HTTP 404"),
    ("wordpress/article_newspaper.html", 200, "text/html; charset=UTF-8",
     "answered text/html; charset=UTF-8, not JSON"),
    ("wordpress/rest_401.json", 200, "application/json",
     "answered JSON without a list of posts (rest_not_logged_in)"),
])
def test_rest_off_falls_back_to_the_feed_without_an_error(spider, caplog, fixture, status,
                                                          content_type, reason) -> None:
    response = fixture_response(fixture, REST_URL, meta={"page": 1}, status=status,
                                headers={"Content-Type": content_type})
    with caplog.at_level("INFO"):
        items, requests = split_results(spider.parse_rest(response))
    assert items == []
    assert [(r.url, r.callback) for r in requests] == [(f"{BASE}/feed/", spider.parse_feed)]
    assert errors(spider) == (None, None)
    assert "mode" not in cursor(spider)
    assert f"humaspolresbanjarnegara: REST API unavailable ({reason}); mode feed" in caplog.text


def test_rest_forbidden_by_robots_falls_back_to_the_feed(spider) -> None:
    (probe,) = list(spider.entry_requests())
    failure = Failure(IgnoreRequest("Forbidden by robots.txt"))
    failure.request = probe
    requests = list(probe.errback(failure))
    assert [r.url for r in requests] == [f"{BASE}/feed/"]
    assert errors(spider) == (None, None)


def test_rest_server_error_is_an_error_not_a_fallback(spider) -> None:
    from scrapy.spidermiddlewares.httperror import HttpError

    (probe,) = list(spider.entry_requests())
    response = fixture_response("wordpress/rest_401.json", REST_URL, status=500)
    failure = Failure(HttpError(response))
    failure.request = probe
    assert list(probe.errback(failure)) == []
    count, first = errors(spider)
    assert count == 1 and first.startswith("HTTP 500") and first.endswith(REST_URL)


def test_real_rest_page_with_embed(spider) -> None:
    """A real WordPress 6.x answer (blog.dini.de, 50 posts, ``_embed``)."""
    data = SHARED / "research/data/rogue-scholar-api/wordpress"
    body = data / "dini_wp-v2-posts_page1_per_page50_embed.json"
    if not body.exists():
        pytest.skip(f"shared research data not present at {body}")
    recorded = json.loads((data / (body.name + ".headers.json")).read_text())["headers"]
    headers = {k: v[0] for k, v in recorded.items() if k in ("Content-Type", "Link",
                                                             "X-WP-Total", "X-WP-TotalPages")}
    url = f"{BASE}/wp-json/wp/v2/posts?per_page=50&page=1&_embed=1"
    response = fixture_response("wordpress/rest_401.json", url, meta={"page": 1},
                                headers=headers).replace(body=body.read_bytes())
    items, requests = split_results(spider.parse_rest(response))
    assert len(items) == 50
    first = items[0]
    assert first.url == "https://blog.dini.de/EPub_FIS/2024/10/07/kdsf-2-0/"
    assert first.title == ("Zur\u00fcck in die Zukunft \u2013 Der KDSF 2.0 und das "
                           "Grundsatzpapier der KFiD")
    assert first.published_at == "2024-10-07T13:33:35+07:00"  # 06:33:35 UTC, in WIB
    assert first.author == "Sebastian Herwig"
    assert first.tags == ["Forschungsinformationen & Systeme", "Identitfier",
                          "Kerndatensatz Forschung"]
    assert first.platform_id == "3561"
    assert requests[0].url == f"{BASE}/wp-json/wp/v2/posts?per_page=100&page=2&orderby=date" \
                              "&order=desc&_embed=1"


# -- RSS --------------------------------------------------------------------------------------


def feed(name: str, page: int = 1, status: int = 200, url: str | None = None):
    url = url or (f"{BASE}/feed/" if page == 1 else f"{BASE}/feed/?paged={page}")
    return fixture_response(name, url, meta={"page": page}, status=status,
                            headers={"Content-Type": "application/rss+xml; charset=UTF-8"})


def test_full_feed_items_are_articles(spider) -> None:
    items, requests = split_results(spider.parse_feed(feed("wordpress/feed_page1.xml")))
    assert [i.url for i in items] == [SOSIALISASI, PATROLI, CURHAT]
    for item, expected in zip(items[:2], EXPECTED, strict=True):
        for key in ("url", "title", "published_at", "author", "tags", "platform_id"):
            assert getattr(item, key) == expected[key], key
        assert item.updated_at is None
        assert through_pipelines(spider, item).body_text == expected["body_text"]
    assert items[2].published_at == "2024-05-10T09:05:00+07:00"
    assert [r.url for r in requests] == [f"{BASE}/feed/?paged=2"]
    assert cursor(spider) == {"mode": "feed"}


def test_feed_stops_at_the_first_page_reaching_since(tmp_path) -> None:
    since = datetime(2024, 5, 12, tzinfo=WIB)
    spider = make_spider(WordPressSpider, SITE, tmp_path / "t.db", since=since)
    items, requests = split_results(spider.parse_feed(feed("wordpress/feed_page1.xml")))
    assert [i.platform_id for i in items] == ["18234", "18231"]
    assert requests == []  # the page reached 10 May: the next ones are older still
    older = make_spider(WordPressSpider, SITE, tmp_path / "t2.db",
                        since=datetime(2024, 5, 15, tzinfo=WIB))
    assert split_results(older.parse_feed(feed("wordpress/feed_page1.xml", page=3))) == ([], [])


def test_limit_stops_feed_paging(tmp_path) -> None:
    spider = make_spider(WordPressSpider, SITE, tmp_path / "t.db", limit=2)
    items, requests = split_results(spider.parse_feed(feed("wordpress/feed_page1.xml")))
    assert len(items) == 2 and requests == []


@pytest.mark.parametrize(("fixture", "status", "reason"), [
    ("wordpress/feed_excerpt.xml", 200, "it carries excerpts only"),
    ("wordpress/article_newspaper.html", 404, "answered HTTP 404"),
    ("wordpress/rest_401.json", 200, "answered application/rss+xml; charset=UTF-8, not an RSS "
                                     "feed"),
])
def test_no_full_feed_sends_the_crawl_to_the_sitemaps(spider, caplog, fixture, status,
                                                      reason) -> None:
    with caplog.at_level("INFO"):
        items, requests = split_results(spider.parse_feed(feed(fixture, status=status)))
    assert items == []
    assert [(r.url, r.callback) for r in requests] == [
        (f"{BASE}/wp-sitemap.xml", spider.parse_sitemap_index)]
    assert errors(spider) == (None, None)
    assert f"RSS feed unavailable ({reason}); mode sitemap" in caplog.text


def test_feed_page_past_the_end_is_not_an_error(spider) -> None:
    assert split_results(spider.parse_feed(feed("wordpress/feed_excerpt.xml", page=24,
                                                status=404))) == ([], [])
    assert errors(spider) == (None, None)


def test_feed_entities_are_never_expanded(spider) -> None:
    items, _ = split_results(spider.parse_feed(feed(
        "wordpress/feed_xxe.xml", url="https://contoh-wp.example.id/feed/")))
    assert len(items) == 1
    assert "root:" not in items[0].title and "lollol" not in items[0].title
    assert "root:" not in items[0].body_html
    assert items[0].platform_id == "7"


# -- sitemaps ---------------------------------------------------------------------------------


def sitemap(name: str, url: str, status: int = 200, meta: dict | None = None):
    return fixture_response(name, url, meta=meta or {}, status=status,
                            headers={"Content-Type": "application/xml; charset=UTF-8"})


def test_sitemap_index_reads_the_newest_post_sitemap_first(spider) -> None:
    _, requests = split_results(spider.parse_sitemap_index(
        sitemap("wordpress/wp-sitemap.xml", f"{BASE}/wp-sitemap.xml")))
    (request,) = requests
    assert request.url == f"{BASE}/wp-sitemap-posts-post-3.xml"
    assert request.meta["older"] == [f"{BASE}/wp-sitemap-posts-post-2.xml",
                                     f"{BASE}/wp-sitemap-posts-post-1.xml"]
    assert cursor(spider) == {"mode": "sitemap"}


def test_post_sitemap_fetches_unknown_pages_then_the_older_sitemap(spider) -> None:
    response = sitemap("wordpress/wp-sitemap-posts-post-3.xml",
                       f"{BASE}/wp-sitemap-posts-post-3.xml",
                       meta={"older": [f"{BASE}/wp-sitemap-posts-post-2.xml"]})
    _, requests = split_results(spider.parse_post_sitemap(response))
    assert [(r.url, r.callback) for r in requests] == [
        (CURHAT, spider.parse_article), (PATROLI, spider.parse_article),
        (SOSIALISASI, spider.parse_article),
        (f"{BASE}/wp-sitemap-posts-post-2.xml", spider.parse_post_sitemap)]


def test_post_sitemap_of_known_pages_stops(spider, monkeypatch) -> None:
    monkeypatch.setattr(spider, "known", lambda urls: set(urls))
    response = sitemap("wordpress/wp-sitemap-posts-post-3.xml",
                       f"{BASE}/wp-sitemap-posts-post-3.xml",
                       meta={"older": [f"{BASE}/wp-sitemap-posts-post-2.xml"]})
    assert split_results(spider.parse_post_sitemap(response)) == ([], [])


def test_sitemap_candidates_are_tried_in_turn(spider) -> None:
    (first,) = list(spider.sitemap_requests())
    assert first.url == f"{BASE}/wp-sitemap.xml"
    missing = sitemap("wordpress/article_newspaper.html", first.url, status=404,
                      meta=first.meta)
    (second,) = split_results(spider.parse_sitemap_index(missing))[1]
    assert second.url == f"{BASE}/sitemap_index.xml"
    (third,) = split_results(spider.parse_sitemap_index(
        sitemap("wordpress/article_newspaper.html", second.url, status=404,
                meta=second.meta)))[1]
    assert third.url == f"{BASE}/sitemap.xml"
    assert split_results(spider.parse_sitemap_index(
        sitemap("wordpress/article_newspaper.html", third.url, status=404,
                meta=third.meta))) == ([], [])
    assert errors(spider) == (1, "no REST API, full RSS feed or sitemap answers, so the posts "
                                 f"cannot be listed (HTTP 404 at {BASE}/sitemap.xml)")


def test_post_sitemaps_of_core_yoast_and_rank_math_newest_first() -> None:
    assert post_sitemaps([
        f"{BASE}/wp-sitemap-posts-post-1.xml", f"{BASE}/wp-sitemap-posts-page-1.xml",
        f"{BASE}/wp-sitemap-posts-post-12.xml", f"{BASE}/wp-sitemap-posts-post-2.xml",
        f"{BASE}/wp-sitemap-taxonomies-category-1.xml", f"{BASE}/wp-sitemap-users-1.xml",
    ]) == [f"{BASE}/wp-sitemap-posts-post-12.xml", f"{BASE}/wp-sitemap-posts-post-2.xml",
           f"{BASE}/wp-sitemap-posts-post-1.xml"]
    assert post_sitemaps([f"{BASE}/sitemap-pt-post-2023-12.xml", f"{BASE}/sitemap-misc.xml",
                          f"{BASE}/sitemap-pt-post-2024-05.xml",
                          f"{BASE}/sitemap-pt-page-2024-01.xml"]) == [
        f"{BASE}/sitemap-pt-post-2024-05.xml", f"{BASE}/sitemap-pt-post-2023-12.xml"]
    assert post_sitemaps([f"{BASE}/post-sitemap.xml", f"{BASE}/page-sitemap.xml",
                          f"{BASE}/post-sitemap2.xml", f"{BASE}/category-sitemap.xml",
                          f"{BASE}/author-sitemap.xml"]) == [
        f"{BASE}/post-sitemap2.xml", f"{BASE}/post-sitemap.xml"]


# -- article pages ----------------------------------------------------------------------------


def test_article_page_in_a_tagdiv_newspaper_theme(spider) -> None:
    page = fixture_response("wordpress/article_newspaper.html", SOSIALISASI)
    (item,) = split_results(spider.parse_article(page))[0]
    item = through_pipelines(spider, item)
    expected = EXPECTED[0]
    for key in ("url", "title", "published_at", "author", "tags", "platform_id"):
        assert getattr(item, key) == expected[key], key
    assert item.canonical_url == SOSIALISASI
    assert item.body_text == expected["body_text"]
    for chrome in ("Advertisement", "Bagikan", "WhatsApp", "Baca Juga", "TAGS",
                   "Artikel sebelumnya", "Tinggalkan Balasan", "Alamat email", "Dilihat",
                   "Pos-pos Terbaru", "TENTANG KAMI"):
        assert chrome not in item.body_text, chrome
    assert f"{BASE}/wp-content/uploads/2024/05/sosialisasi-sma1-bawang-696x392.jpg" in item.images


def test_real_wordpress_pages_give_their_publication_day(spider) -> None:
    """15 real WordPress pages (htmldate's evaluation set) with their known publication day."""
    from scrapy.http import HtmlResponse

    data = SHARED / "research/data/htmldate"
    if not (data / "ground-truth.json").exists():
        pytest.skip(f"shared research data not present at {data}")
    truth = {url: row for url, row in json.loads((data / "ground-truth.json").read_text()).items()
             if row["file"].startswith("wordpress/")}
    wrong = []
    for url, row in truth.items():
        page = HtmlResponse(url, body=(data / row["file"]).read_bytes(), request=Request(url))
        fields = spider.extract_article(page)
        assert fields["body_html"] and fields["title"], row["file"]
        if (fields["published_at"] or "")[:10] != row["date"]:
            wrong.append(row["file"])
    assert len(truth) == 15
    # Known misses: no machine-readable date (krimiblog, a listing page), related-post times
    # before the article's (limespace, dubisthalle), a UTC date one day off (1523780090).
    assert len(wrong) <= 5, wrong


def test_site_of_another_platform_is_refused(tmp_path) -> None:
    blogger = Site(id="some-blog", name="B", url="https://b.blogspot.com", platform="blogger")
    with pytest.raises(ValueError, match="is a blogger site, not wordpress"):
        make_spider(WordPressSpider, blogger, tmp_path / "t.db")


def test_requests_carry_the_errback(spider) -> None:
    (probe,) = list(spider.entry_requests())
    assert isinstance(probe, Request) and probe.errback == spider.probe_error
    assert 401 in probe.meta["handle_httpstatus_list"]
    assert 500 not in probe.meta["handle_httpstatus_list"]


def test_incremental_run_asks_for_edits_too(tmp_path) -> None:
    spider = make_spider(WordPressSpider, SITE, tmp_path / "t.db",
                         since=datetime(2024, 5, 14, 16, 0, tzinfo=WIB))
    spider.incremental = True  # the window came from the watermark
    (request,) = list(spider.entry_requests())
    query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
    assert (query["orderby"], query["modified_after"]) == ("modified",
                                                            "2024-05-14T16:00:00+07:00")
    assert "after" not in query
    items, requests = split_results(spider.parse_rest(rest_response()))
    # 18234 was edited at 16:02:40; 18231 was not touched since 06:15, so the page (by
    # modification time, newest first) reached the window's start: no page 2.
    assert [i.platform_id for i in items] == ["18234"]
    assert requests == []


def test_a_guessed_plain_sitemap_is_not_read_as_posts(spider) -> None:
    (first,) = list(spider.sitemap_requests())
    guessed = sitemap("wordpress/wp-sitemap-posts-post-3.xml", f"{BASE}/sitemap.xml",
                      meta={**first.meta, "candidates": []})
    assert split_results(spider.parse_sitemap_index(guessed)) == ([], [])
    assert errors(spider)[0] == 1


def test_the_site_options_may_name_a_post_sitemap(tmp_path) -> None:
    url = f"{BASE}/wp-sitemap-posts-post-3.xml"
    site = replace(SITE, options={"sitemap_url": url})
    spider = make_spider(WordPressSpider, site, tmp_path / "t.db")
    (first,) = list(spider.sitemap_requests())
    assert first.url == url
    _, requests = split_results(spider.parse_sitemap_index(
        sitemap("wordpress/wp-sitemap-posts-post-3.xml", url, meta=first.meta)))
    assert [r.url for r in requests] == [CURHAT, PATROLI, SOSIALISASI]


def test_limit_asks_for_smaller_rest_pages(tmp_path) -> None:
    spider = make_spider(WordPressSpider, SITE, tmp_path / "t.db", limit=5)
    (request,) = list(spider.entry_requests())
    assert parse_qs(urlsplit(request.url).query)["per_page"] == ["5"]


# -- the fake WordPress site (crawler.demo.wordpress) -------------------------------------------


@pytest.fixture(scope="module")
def blog_35():
    from crawler.demo.content import make_blog

    return make_blog("Polres Banjarnegara", "Polda Jateng", "Jawa Tengah", 35, seed=3,
                     newest=datetime(2026, 11, 20, 9, 0, tzinfo=WIB))


def drive(spider: WordPressSpider, site) -> tuple[list[ArticleItem], list[str]]:
    """Run the spider's requests against the fake site in process (no network, no reactor):
    the items made and the paths asked, in order."""
    from scrapy.http import HtmlResponse, TextResponse
    from scrapy.spidermiddlewares.httperror import HttpError

    from crawler.demo.mockweb import MockRequest

    queue, items, asked = list(spider.entry_requests()), [], []
    while queue:
        request = queue.pop(0)
        parts = urlsplit(request.url)
        asked.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        answer = site.handle(MockRequest("GET", parts.path, {k: v[0] for k, v in parse_qs(
            parts.query, keep_blank_values=True).items()}, {}))
        is_html = answer.headers.get("Content-Type", "").startswith("text/html")
        response = (HtmlResponse if is_html else TextResponse)(
            request.url, status=answer.status, body=answer.body, headers=answer.headers,
            request=request, encoding="utf-8")
        if answer.status != 200 and answer.status not in request.meta.get(
                "handle_httpstatus_list", []):
            failure = Failure(HttpError(response))
            failure.request = request
            results = request.errback(failure) or []
        else:
            results = request.callback(response) or []
        for result in results:
            (queue if isinstance(result, Request) else items).append(result)
    return items, asked


def test_fake_rest_pages_like_wordpress(blog_35) -> None:
    from crawler.demo.mockweb import MockRequest
    from crawler.demo.wordpress import WordPressSite

    site = WordPressSite(blog_35, BASE, per_page_cap=20)
    answer = site.handle(MockRequest("GET", "/wp-json/wp/v2/posts", {
        "per_page": "100", "page": "1", "_embed": "1"}, {}))
    assert (answer.headers["X-WP-Total"], answer.headers["X-WP-TotalPages"]) == ("35", "2")
    assert answer.headers["Link"] == (f'<{BASE}/wp-json/wp/v2/posts?per_page=100&page=2&_embed=1>;'
                                      ' rel="next"')
    posts = json.loads(answer.body)
    newest = blog_35.posts[0]
    assert (posts[0]["date"], posts[0]["date_gmt"]) == (
        newest.published.strftime("%Y-%m-%dT%H:%M:%S"), "2026-11-20T02:00:00")
    assert posts[0]["_embedded"]["author"][0]["name"] == newest.author
    assert [t["taxonomy"] for group in posts[0]["_embedded"]["wp:term"] for t in group] == \
        ["category"] + ["post_tag"] * (len(newest.labels) - 1)
    past = site.handle(MockRequest("GET", "/wp-json/wp/v2/posts", {"page": "9"}, {}))
    assert past.status == 400
    assert json.loads(past.body)["code"] == "rest_post_invalid_page_number"
    too_many = site.handle(MockRequest("GET", "/wp-json/wp/v2/posts", {"per_page": "101"}, {}))
    assert (too_many.status, json.loads(too_many.body)["code"]) == (400, "rest_invalid_param")
    etag = answer.headers["ETag"]
    again = site.handle(MockRequest("GET", "/wp-json/wp/v2/posts", {
        "per_page": "100", "page": "1", "_embed": "1"}, {"if-none-match": etag}))
    assert again.status == 304


def test_spider_reads_a_host_capped_rest_api_completely(tmp_path, blog_35) -> None:
    from crawler.demo.wordpress import WordPressSite

    site = WordPressSite(blog_35, BASE, per_page_cap=10)
    spider = make_spider(WordPressSpider, SITE, tmp_path / "t.db")
    items, asked = drive(spider, site)
    assert [i.url for i in items] == [site.post_url(p) for p in blog_35.posts]
    assert [i.published_at for i in items] == [p.published.isoformat() for p in blog_35.posts]
    assert [parse_qs(urlsplit(a).query)["page"][0] for a in asked] == ["1", "2", "3", "4"]


def test_spider_limit_on_every_channel(tmp_path, blog_35) -> None:
    from crawler.demo.wordpress import WordPressSite

    for n, (rest, full) in enumerate((("open", True), ("401", True), ("403", False))):
        site = WordPressSite(blog_35, BASE, rest=rest, feed_full=full)
        spider = make_spider(WordPressSpider, SITE, tmp_path / f"{n}.db", limit=12)
        items, asked = drive(spider, site)
        made = [i.url for i in items]
        assert len(made) == 12, (rest, full, asked)
        if full:
            assert made == [site.post_url(p) for p in blog_35.posts[:12]]


def test_fake_feed_and_sitemaps_like_wordpress(blog_35) -> None:
    from crawler.demo.mockweb import MockRequest
    from crawler.demo.wordpress import WordPressSite

    site = WordPressSite(blog_35, BASE, sitemap_max_urls=20)
    page4 = site.handle(MockRequest("GET", "/feed/", {"paged": "4"}, {}))
    assert page4.status == 200 and page4.body.count(b"<item>") == 5
    past = site.handle(MockRequest("GET", "/feed/", {"paged": "5"}, {}))
    assert past.status == 404 and b"<channel>" in past.body and b"<item>" not in past.body
    second = site.handle(MockRequest("GET", "/wp-sitemap-posts-post-2.xml", {}, {})).body
    locs = second.decode().split("<loc>")[1:]
    assert [loc.split("</loc>")[0] for loc in locs] == [
        site.post_url(p) for p in reversed(blog_35.posts[:15])]  # ID ascending: newest last
    robots = site.handle(MockRequest("GET", "/robots.txt", {}, {})).body.decode()
    assert f"Sitemap: {BASE}/wp-sitemap.xml" in robots


def test_site_options_name_plain_permalink_entry_points(tmp_path) -> None:
    site = replace(SITE, options={"rest_url": f"{BASE}/?rest_route=/wp/v2/posts",
                                  "feed_url": f"{BASE}/?feed=rss2"})
    spider = make_spider(WordPressSpider, site, tmp_path / "t.db")
    (request,) = list(spider.entry_requests())
    assert request.url == (f"{BASE}/?rest_route=/wp/v2/posts&per_page=100&page=1&orderby=date"
                           "&order=desc&_embed=1")
    assert spider.feed_request(3).url == f"{BASE}/?feed=rss2&paged=3"
