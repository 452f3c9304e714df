"""`crawl --jobs N`: sites split between crawl processes, same result as one process."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.demo.blogger import BloggerBlogSite
from crawler.demo.content import make_blog
from crawler.demo.mockweb import MockWeb
from crawler.registry import Site
from crawler.runner import partition_sites
from tests.helpers import cli

WIB = timezone(timedelta(hours=7))
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0"]
ROOT = Path(__file__).resolve().parent.parent


def site(site_id: str, url: str) -> Site:
    return Site(id=site_id, name=site_id, url=url, platform="blogger")


def ids(groups: list[list[Site]]) -> list[list[str]]:
    return [[s.id for s in group] for group in groups]


def test_one_job_keeps_every_site_in_one_group() -> None:
    sites = [site("a", "http://a.example"), site("b", "http://b.example")]
    assert ids(partition_sites(sites, 1)) == [["a", "b"]]
    assert partition_sites([], 4) == []


def test_sites_on_one_host_stay_together() -> None:
    sites = [site("a1", "http://A.example/blog1"), site("b", "http://b.example"),
             site("a2", "http://a.example/blog2"), site("c", "http://c.example")]
    groups = ids(partition_sites(sites, 2))
    assert len(groups) == 2
    together = next(g for g in groups if "a1" in g)
    assert "a2" in together  # the host name is compared without case
    assert sorted(sum(groups, [])) == ["a1", "a2", "b", "c"]


def test_groups_are_balanced_by_expected_work_and_keep_input_order() -> None:
    sites = [site(n, f"http://{n}.example") for n in "abcdef"]
    work = {"a": 100, "b": 10, "c": 10, "d": 10, "e": 10, "f": 60}
    groups = ids(partition_sites(sites, 2, work))
    assert groups == [["a"], ["b", "c", "d", "e", "f"]]  # 100 against 100
    # Unknown sites count as the mean of the known ones.
    groups = ids(partition_sites(sites, 3, {"a": 90, "b": 30}))  # the others: 60 each
    assert groups == [["a", "b"], ["c", "e"], ["d", "f"]]


def test_never_more_groups_than_hosts() -> None:
    sites = [site("a", "http://x.example/1"), site("b", "http://x.example/2"),
             site("c", "http://y.example")]
    assert ids(partition_sites(sites, 8)) == [["a", "b"], ["c"]]


@pytest.fixture
def web():
    web = MockWeb()
    blogs = {}
    for n in range(4):
        name = f"blog{n}"
        base = web.bind(name)
        blog = make_blog(f"Polres Uji {n}", "Polda Jatim", "Jawa Timur", 60, seed=500 + n,
                         newest=datetime(2026, 11, 1, 10, tzinfo=WIB))
        blogs[name] = BloggerBlogSite(blog, base, page_cap=10)
        web.add(name, blogs[name])
    web.start()
    yield web, blogs
    web.stop()


def add_sites(db: Path, blogs: dict[str, BloggerBlogSite]) -> list[str]:
    args = []
    for name, blog in blogs.items():
        assert cli("sites", "add", blog.base_url, "--id", name, "--platform", "blogger",
                   db=db).returncode == 0
        args += ["--site", name]
    return args


def contents(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT canonical_url, site_id, title, published_at, content_hash, "
                            "unit_name, body_text FROM articles ORDER BY canonical_url").fetchall()


@pytest.mark.slow
def test_two_processes_store_what_one_stores(tmp_path, web) -> None:
    _, blogs = web
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    args = add_sites(one, blogs)
    add_sites(two, blogs)
    assert cli("crawl", *args, "--jobs", "1", "--no-progress", *FAST, db=one).returncode == 0
    result = cli("crawl", *args, "--jobs", "2", "--no-progress", *FAST, db=two)
    assert result.returncode == 0, result.stderr
    assert "4 site(s): 4 ok, 0 failed; 240 new" in result.stdout
    assert len(contents(two)) == 240
    assert contents(two) == contents(one)
    with sqlite3.connect(two) as conn:
        pids = {row[0] for row in conn.execute("SELECT pid FROM crawl_runs")}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(pids) == 2  # two sites crawled in the command's process, two in a child


def child_pids(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_killing_the_parent_stops_the_children_and_a_rerun_completes(tmp_path, web) -> None:
    mock, blogs = web
    db = tmp_path / "news.db"
    args = add_sites(db, blogs)
    slow = ["-s", "DOWNLOAD_DELAY=0.3", "-s", "AUTOTHROTTLE_ENABLED=False"]
    proc = subprocess.Popen([sys.executable, "-m", "crawler", "--db", str(db), "crawl", *args,
                             "--jobs", "2", "--no-progress", *slow], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    children: list[int] = []
    while time.monotonic() < deadline and not children:  # the second group's process
        children = child_pids(proc.pid)
        time.sleep(0.1)
    time.sleep(3)  # the children have started fetching
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(alive(c) for c in children):
        time.sleep(0.2)
    assert children and not any(alive(c) for c in children), "orphan crawl processes"

    result = cli("crawl", *args, "--no-progress", *FAST, db=db)
    assert result.returncode == 0, result.stderr
    assert len(contents(db)) == 240
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT canonical_url) FROM articles"
                            ).fetchone()[0] == 240
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
