"""`police-news demo`: the offline demo crawls its sample blogs completely."""

from __future__ import annotations

import sqlite3

import pytest

from tests.helpers import cli

pytestmark = pytest.mark.slow


def test_demo_crawls_every_sample_post_once(tmp_path) -> None:
    db = tmp_path / "demo.db"
    first = cli("demo", db=db)
    assert first.returncode == 0, first.stderr
    assert "9 site(s): 9 ok, 0 failed; 1045 new" in first.stdout
    conn = sqlite3.connect(db)
    counts = dict(conn.execute("SELECT site_id, count(*) FROM articles GROUP BY site_id"))
    assert counts == {"demo-humaspolresmetro": 180, "demo-humaspolresnganjuk": 140,
                      "demo-polressanggau": 40, "demo-polresgowa": 150,
                      "demo-humaspolresbanjarnegara": 110, "demo-tribratanews-polri": 120,
                      "demo-tribratanews-resmetro": 105, "demo-sumbawa-newscms": 100,
                      "demo-portal-poso": 100}
    platforms = {r[0] for r in conn.execute("SELECT DISTINCT platform FROM articles")}
    assert platforms == {"blogger", "wordpress", "odoo", "lampung", "newscms", "generic"}
    leaks = conn.execute(
        "SELECT count(*) FROM articles WHERE body_text LIKE '%Postingan populer%' "
        "OR body_text LIKE '%Posting Komentar%' OR body_text LIKE '%Baca juga%' "
        "OR body_text LIKE '%Diberdayakan oleh%' OR body_html LIKE '%<script%'").fetchone()[0]
    assert leaks == 0
    offsets = dict(conn.execute("SELECT site_id, group_concat(DISTINCT substr(published_at, -6)) "
                                "FROM articles GROUP BY site_id"))
    for wita in ("demo-polresgowa", "demo-sumbawa-newscms", "demo-portal-poso"):
        assert offsets.pop(wita) == "+08:00"  # Sulawesi, NTB: WITA
    assert set(offsets.values()) == {"+07:00"}
    conn.close()
    again = cli("demo", db=db)
    assert again.returncode == 0, again.stderr
    assert "1045 new" not in again.stdout and "0 new, 0 updated" in again.stdout


def test_cached_site_renders_each_answer_once_and_hands_out_copies() -> None:
    from crawler.demo.mockweb import CachedSite, MockRequest, MockResponse

    class Counting:
        base_url = "http://127.0.0.1:1"
        calls = 0

        def handle(self, request: MockRequest) -> MockResponse:
            Counting.calls += 1
            return MockResponse(200, f"{request.path}?{request.query}".encode(),
                                {"ETag": '"v1"'})

    site = CachedSite(Counting())
    first = site.handle(MockRequest("GET", "/feed", {"page": "2"}, {}))
    first.delay += 5  # a wrapper changing its copy
    first.headers["X"] = "y"
    again = site.handle(MockRequest("GET", "/feed", {"page": "2"}, {}))
    assert Counting.calls == 1
    assert (again.body, again.delay, again.headers) == (b"/feed?{'page': '2'}", 0.0,
                                                         {"ETag": '"v1"'})
    site.handle(MockRequest("GET", "/feed", {"page": "3"}, {}))
    site.handle(MockRequest("GET", "/feed", {"page": "2"}, {"if-none-match": '"v1"'}))
    assert Counting.calls == 3  # another query, a conditional request: rendered anew
