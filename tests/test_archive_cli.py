"""``archive-export``, ``archive-prune`` and the archive lines of ``crawl`` and ``status``.

Two crawls of two loopback Blogger blogs (the second one incremental: it fetches the feeds
again, which stores nothing new) into an archive directory given with ``--archive-dir``; the
tests then work on private copies.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.archive import human_bytes, iter_records, warc_files
from crawler.store import Store
from tests.helpers import cli
from tests.test_archive import Blogs, add_sites, all_records, crawl, serve_blogs, sources

pytestmark = pytest.mark.slow


@dataclass
class Crawled:
    root: Path
    blogs: Blogs
    first: str
    second: str


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Crawled:
    root = tmp_path_factory.mktemp("crawled")
    db, warcs = root / "news.db", root / "warcs"
    blogs = serve_blogs(full_posts=40, summary_posts=12)
    try:
        add_sites(db, blogs)
        first = crawl(db, "--archive-dir", str(warcs))
        second = crawl(db, "--archive-dir", str(warcs))
    finally:
        blogs.stop()
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    return Crawled(root, blogs, first.stdout, second.stdout)


@pytest.fixture
def work(crawled, tmp_path) -> Path:
    shutil.copytree(crawled.root, tmp_path / "copy")
    return tmp_path / "copy"


def warc_responses(wacz: Path) -> list[str]:
    """Target URIs of the response records in a WACZ's WARC files, read with warcio."""
    uris = []
    with zipfile.ZipFile(wacz) as package:
        for name in package.namelist():
            if name.startswith("archive/") and name.endswith(".warc.gz"):
                with package.open(name) as fh:
                    uris += [r.rec_headers.get_header("WARC-Target-URI")
                             for r in ArchiveIterator(fh) if r.rec_type == "response"]
    return uris


def test_crawl_archives_where_told_and_reports_the_size(crawled) -> None:
    assert not (crawled.root / "archive").exists()
    files = warc_files(crawled.root / "warcs")
    assert len(files) == 2  # one per crawl process
    line = next(x for x in crawled.first.splitlines() if x.startswith("Archive: "))
    assert f"in 1 WARC file(s) under {crawled.root / 'warcs'}, " in line
    assert line.endswith(" per stored article.")
    assert f", {human_bytes(files[0].stat().st_size / 52)} per stored article." in line


def test_export_wacz_validates_and_holds_every_source(crawled, work, tmp_path) -> None:
    out = tmp_path / "export" / "police-news.wacz"
    result = cli("archive-export", "--wacz", str(out), "--archive-dir", str(work / "warcs"),
                 db=work / "news.db")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {out}: ")

    check = subprocess.run([sys.executable, "-m", "wacz", "validate", "-f", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Validation succeeded, the passed WACZ is valid" in check.stdout

    uris = warc_responses(out)
    stored = sources(work / "news.db")
    assert len(stored) == 52
    assert {row["source_url"] for row in stored} <= set(uris)
    with zipfile.ZipFile(out) as package:
        names = set(package.namelist())
        pages = [json.loads(line) for line in package.read("pages/pages.jsonl").splitlines()]
    assert {"datapackage.json", "datapackage-digest.json", "indexes/index.cdx.gz",
            "pages/pages.jsonl"} <= names
    titles = {page["url"]: page["title"] for page in pages[1:]}
    summary = crawled.blogs.summary
    for post in summary.blog.posts:
        assert titles[summary.post_url(post)] == post.title
    feed_titles = [t for u, t in titles.items() if "/feeds/" in u]
    assert sorted(t.split(" articles: ")[0] for t in feed_titles) == ["15", "25"]


def test_export_filters_by_site_and_date(crawled, work, tmp_path) -> None:
    out = tmp_path / "summary.wacz"
    result = cli("archive-export", "--wacz", str(out), "--site", "loopback-summary",
                 "--archive-dir", str(work / "warcs"), db=work / "news.db")
    assert result.returncode == 0, result.stderr
    uris = warc_responses(out)
    assert uris and all(u.startswith(crawled.blogs.summary.base_url) for u in uris)
    assert sum(u.endswith(".html") for u in uris) == 12

    none = cli("archive-export", "--wacz", str(tmp_path / "none.wacz"), "--since", "2099-01-01",
               "--archive-dir", str(work / "warcs"), db=work / "news.db")
    assert none.returncode == 2
    assert "error: no archived response in" in none.stderr


def test_prune_keeps_only_what_articles_point_at(work) -> None:
    db, warcs = work / "news.db", work / "warcs"
    before = {p.name: p.read_bytes() for p in warc_files(warcs)}
    dry = cli("archive-prune", "--keep-latest", "--dry-run", "--archive-dir", str(warcs), db=db)
    assert dry.returncode == 0, dry.stderr
    assert "Dry run: nothing was changed." in dry.stdout
    assert {p.name: p.read_bytes() for p in warc_files(warcs)} == before

    result = cli("archive-prune", "--keep-latest", "--archive-dir", str(warcs), db=db)
    assert result.returncode == 0, result.stderr
    size_before = sum(len(b) for b in before.values())
    size_after = sum(p.stat().st_size for p in warc_files(warcs))
    assert size_after < size_before
    assert "before," in result.stdout and "after; kept" in result.stdout

    records = all_records(warcs)
    responses = {r.record_id: r for r in records if r.type == "response"}
    rows = sources(db)
    assert set(responses) == {row["warc_record_id"] for row in rows}
    for row in rows:
        record = responses[row["warc_record_id"]]
        assert (record.uri, record.path.name, record.offset, record.length) == (
            row["source_url"], row["warc_file"], row["warc_offset"], row["warc_length"])
    assert not any(r.uri.endswith("robots.txt") for r in records)
    kept_requests = {r.concurrent_to for r in records if r.type == "request"}
    assert kept_requests == set(responses)
    # The second crawl only re-read feeds: its file had nothing an article points at.
    assert len(warc_files(warcs)) == 1
    for path in warc_files(warcs):
        assert next(iter_records(path)).type == "warcinfo"

    again = cli("reextract", "--archive-dir", str(warcs), db=db)
    assert again.returncode == 0, again.stderr
    assert "52 unchanged, 0 changed, 0 new, 0 failed" in again.stdout


def test_prune_refuses_a_database_that_points_nowhere(work, tmp_path) -> None:
    empty = tmp_path / "empty.db"
    Store(empty).close()
    result = cli("archive-prune", "--keep-latest", "--archive-dir", str(work / "warcs"),
                 db=empty)
    assert result.returncode == 2
    assert "would delete everything" in result.stderr
    assert len(warc_files(work / "warcs")) == 2
    assert cli("archive-prune", "--archive-dir", str(work / "warcs"),
               db=work / "news.db").returncode == 2


def test_status_shows_the_archive_total_and_json_stays_a_list(work) -> None:
    human = cli("status", env={"POLICE_NEWS_ARCHIVE": str(work / "warcs")}, db=work / "news.db")
    assert human.returncode == 0, human.stderr
    assert f"in 2 WARC file(s) under {work / 'warcs'}" in human.stdout
    as_json = cli("status", "--json", env={"POLICE_NEWS_ARCHIVE": str(work / "warcs")},
                  db=work / "news.db")
    assert isinstance(json.loads(as_json.stdout), list)
