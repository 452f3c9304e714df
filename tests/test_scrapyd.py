"""Scrapyd deployment: a real scrapyd on loopback runs a deployed police-news egg."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawler.demo.blogger import BloggerBlogSite
from crawler.demo.content import make_blog
from crawler.demo.mockweb import MockWeb
from tests.helpers import ROOT, cli

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(url: str, fields: dict[str, str], files: dict[str, Path] | None = None) -> dict:
    """POST a multipart form (what scrapyd-deploy sends) and decode the JSON answer."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for name, path in (files or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + path.read_bytes() + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def schedule(url: str, pairs: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(pairs).encode()
    with urllib.request.urlopen(url, data=data, timeout=30) as answer:
        return json.loads(answer.read())


@pytest.fixture
def scrapyd(tmp_path):
    if not (BIN / "scrapyd").exists():
        pytest.skip("scrapyd is not installed in this environment (pip install -e '.[test]')")
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\neggs_dir = {home}/eggs\nlogs_dir = {home}/logs\n"
        f"dbs_dir = {home}/dbs\nitems_dir =\nmax_proc = 1\npoll_interval = 0.5\n")
    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/daemonstatus.json", timeout=2) as answer:
                if json.loads(answer.read())["status"] == "ok":
                    break
        except OSError:
            pass
        assert time.monotonic() < deadline, "scrapyd did not start"
        time.sleep(0.2)
    yield base, home
    proc.terminate()
    proc.wait(timeout=10)


def test_deployed_egg_crawls_a_loopback_site_into_the_database(tmp_path, scrapyd) -> None:
    base, home = scrapyd
    web = MockWeb()
    url = web.bind("blog")
    blog = make_blog("Polres Tegal Kota", "Polda Jateng", "Jawa Tengah", 60, seed=21,
                     newest=datetime(2026, 10, 1, 9, tzinfo=timezone(timedelta(hours=7))))
    web.add("blog", BloggerBlogSite(blog, url, page_cap=25))
    web.start()
    try:
        db = tmp_path / "news.db"
        assert cli("sites", "add", url, "--id", "scrapyd-blog", "--platform", "blogger",
                   db=db).returncode == 0
        egg = tmp_path / "police_news.egg"
        build = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)],
                               cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert build.returncode == 0, build.stderr
        shutil.rmtree(ROOT / "build", ignore_errors=True)
        added = post(f"{base}/addversion.json", {"project": "police_news", "version": "1"},
                     {"egg": egg})
        assert added["status"] == "ok" and added["spiders"] >= 1, added
        job = schedule(f"{base}/schedule.json", [
            ("project", "police_news"), ("spider", "blogger"), ("site", "scrapyd-blog"),
            ("setting", f"POLICE_NEWS_DB={db}"), ("setting", "DOWNLOAD_DELAY=0"),
            ("setting", "AUTOTHROTTLE_START_DELAY=0")])
        assert job["status"] == "ok", job
        # Scrapyd's job state is not proof (see ecosystem notes): check the data itself.
        deadline = time.monotonic() + 90
        count = 0
        while time.monotonic() < deadline:
            try:
                conn = sqlite3.connect(db)
                count = conn.execute("SELECT count(*) FROM crawl_runs WHERE status = 'ok'"
                                     ).fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                count = 0
            if count:
                break
            time.sleep(0.5)
        logs = "\n".join(p.read_text() for p in (home / "logs").rglob("*.log"))
        assert count == 1, logs[-3000:]
        conn = sqlite3.connect(db)
        titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
        assert titles == {post.title for post in blog.posts}
    finally:
        web.stop()
