"""Broken sites fail alone and visibly: other sites are crawled, nothing stored is lost."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from crawler.demo.blogger import BloggerBlogSite
from crawler.demo.content import make_blog
from crawler.demo.mockweb import MockWeb
from tests.helpers import cli

pytestmark = pytest.mark.slow

WIB = timezone(timedelta(hours=7))
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "DOWNLOAD_TIMEOUT=2",
        "-s", "RETRY_TIMES=1"]
FAULTS = {"good": None, "error500": "500", "malformed": "malformed", "timeout": "timeout",
          "notblogger": "html"}


@pytest.fixture
def web():
    web = MockWeb()
    sites = {}
    for n, (name, fault) in enumerate(FAULTS.items()):
        base = web.bind(name)
        blog = make_blog("Polres Nganjuk", "Polda Jatim", "Jawa Timur", 30, seed=100 + n,
                         newest=datetime(2026, 11, 1, 10, tzinfo=WIB))
        sites[name] = BloggerBlogSite(blog, base, page_cap=10, fault=fault)
        web.add(name, sites[name])
    web.start()
    yield web, sites
    web.stop()


def test_each_failure_is_reported_and_the_rest_is_crawled(tmp_path, web) -> None:
    mock, sites = web
    db = tmp_path / "news.db"
    for name, site in sites.items():
        assert cli("sites", "add", site.base_url, "--id", f"blog-{name}", "--platform",
                   "blogger", db=db).returncode == 0
    # A good first crawl of the good blog, so there is something that must not be lost.
    assert cli("crawl", "--site", "blog-good", "--no-progress", *FAST, db=db).returncode == 0
    before = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert before == 30

    args = [a for name in sites for a in ("--site", f"blog-{name}")]
    result = cli("crawl", *args, "--no-progress", *FAST, db=db)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()
             if line.startswith("blog-")}
    assert lines["blog-good"].split()[1] == "ok"
    assert "HTTP 500" in lines["blog-error500"]
    assert "not valid JSON" in lines["blog-malformed"]
    assert "timed out" in lines["blog-timeout"]
    assert "did not answer with a Blogger feed" in lines["blog-notblogger"]
    assert "5 site(s): 1 ok, 4 failed" in result.stdout

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    status = {s["site"]: s for s in json.loads(cli("status", "--json", db=db).stdout)}
    assert status["blog-good"]["last_status"] == "ok"
    assert status["blog-good"]["articles"] == 30
    assert status["blog-error500"]["last_status"] == "failed"
    assert "HTTP 500" in status["blog-error500"]["last_error"]
    assert status["blog-timeout"]["last_error"].startswith("timed out")
