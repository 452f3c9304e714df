"""``police-news serve``: Datasette's metadata, facets, search and canned queries, in process
and in a real headless Chromium against the command started as a subprocess.

The browser test needs Debian's ``chromium`` and ``chromium-driver`` (``make test`` installs
them through ``scripts/install-system-deps.sh``); it is skipped, saying so, when they are
missing.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from crawler.datasette_metadata import (
    SETTINGS,
    VIEW_COLUMNS,
    VIEW_NAME,
    VIEW_SQL,
    build_metadata,
    ensure_view,
)
from tests.helpers import ROOT
from tests.test_export import build_db

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,1400",
)


@pytest.fixture(scope="module")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A database of 363 demo articles (three police blogs and a reprint site)."""
    path = tmp_path_factory.mktemp("serve") / "police_news.db"
    posts = build_db(path, scale=4)
    assert ensure_view(path)
    return path, posts


def _get(ds: Any, path: str) -> Any:
    async def fetch() -> Any:
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()
    return asyncio.run(fetch())


@pytest.fixture(scope="module")
def datasette(served_db: tuple[Path, Any]) -> Any:
    from datasette.app import Datasette

    path = served_db[0]
    return Datasette([str(path)], metadata=build_metadata("police_news"), settings=SETTINGS)


def test_view_is_created_once_and_refreshed_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "police_news.db"
    build_db(path)
    assert ensure_view(path) and ensure_view(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"DROP VIEW {VIEW_NAME}")
        conn.execute(f"CREATE VIEW {VIEW_NAME} AS SELECT 1 AS id")
    assert ensure_view(path)
    with sqlite3.connect(path) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (VIEW_NAME,)
                              ).fetchone()
        months = conn.execute(f"SELECT DISTINCT month FROM {VIEW_NAME} ORDER BY month"
                              ).fetchall()
        quarantined = conn.execute("SELECT count(*) FROM articles WHERE quarantined = 1 AND id "
                                   f"IN (SELECT id FROM {VIEW_NAME})").fetchone()[0]
    assert sql == VIEW_SQL
    with sqlite3.connect(path) as conn:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({VIEW_NAME})")]
    assert columns == list(VIEW_COLUMNS)
    assert all(VIEW_COLUMNS.values())
    assert [m[0] for m in months] == [None, "2024-04", "2024-05"]
    assert quarantined == 0


def test_metadata_describes_tables_facets_and_licence(datasette: Any) -> None:
    meta = _get(datasette, "/-/metadata.json")
    assert meta["license"] == ("Public police press releases; check each site's terms before "
                               "republishing")
    tables = meta["databases"]["police_news"]["tables"]
    assert set(tables["articles"]["columns"]) >= {"title", "published_at", "url", "polda",
                                                  "cluster_id", "is_origin", "quarantined"}
    assert tables["sites"]["columns"]["kind"].startswith("official")
    assert tables["crawl_runs"]["columns"]["status"] == "running, ok, failed or interrupted."
    assert tables[VIEW_NAME]["facets"] == ["polda", "site_id", "unit_name", "month"]


def test_view_facets_by_polda_site_unit_and_month(datasette: Any) -> None:
    data = _get(datasette, f"/police_news/{VIEW_NAME}.json?_size=0")
    facets = {name: {r["value"]: r["count"] for r in facet["results"]}
              for name, facet in data["facet_results"].items()}
    assert data["filtered_table_rows_count"] == 362  # the quarantined row is left out
    assert facets["polda"] == {"Polda Lampung": 163, "Polda Jatim": 119, "Polda Sulsel": 80}
    assert facets["site_id"] == {"humas-metro": 160, "humas-nganjuk": 119, "humas-gowa": 80,
                                 "warta-bhayangkara": 3}
    assert facets["unit_name"]["Polres Gowa"] == 80
    assert sum(facets["month"].values()) == 361  # one article has no publication time


def test_search_on_the_view_uses_the_articles_index(datasette: Any, served_db) -> None:
    rows = _get(datasette, f"/police_news/{VIEW_NAME}.json?_search=sabu&_shape=array&_size=max")
    path = served_db[0]
    with sqlite3.connect(path) as conn:
        expected = {r[0] for r in conn.execute(
            "SELECT a.title FROM articles a JOIN articles_fts f ON f.rowid = a.id "
            "WHERE articles_fts MATCH 'sabu' AND a.quarantined = 0")}
    assert expected and {r["title"] for r in rows} == expected


def test_canned_queries(datasette: Any, served_db) -> None:
    posts = served_db[1]
    latest = _get(datasette, "/police_news/latest_per_polda.json?_shape=array")
    assert [(r["polda"], r["title"], r["site_id"]) for r in latest] == [
        ("Polda Jatim", posts["humas-nganjuk"][0].title, "humas-nganjuk"),
        ("Polda Lampung", posts["humas-metro"][0].title, "humas-metro"),
        ("Polda Sulsel", posts["humas-gowa"][0].title, "humas-gowa"),
    ]
    clusters = _get(datasette, "/police_news/biggest_duplicate_clusters.json?_shape=array")
    assert [(c["cluster_id"], c["articles"], c["sites"], c["origin_title"]) for c in clusters] \
        == [(n, 2, 2, post.title) for n, post in enumerate(posts["humas-metro"][:3], start=1)]


# -- the real thing: police-news serve in a browser ---------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"police-news serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"police-news serve did not answer {url} within {timeout}s")


def _rare_title_word(db: Path, title: str) -> str:
    """The word of ``title`` found in the fewest articles (so the page shows all hits)."""
    words = {w.strip(",.:;\"'()").lower() for w in title.split()}
    with sqlite3.connect(db) as conn:
        counted = sorted((conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts "
                                       "MATCH ?", (f'"{w}"',)).fetchone()[0], w)
                         for w in words if len(w) >= 5 and w.isalpha())
    return counted[0][1]


@pytest.fixture
def server(served_db: tuple[Path, Any], tmp_path: Path) -> str:
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler", "--db", str(served_db[0]), "serve", "--port",
         str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/-/versions.json", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.mark.slow
@pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                    reason="needs /usr/bin/chromium and /usr/bin/chromedriver "
                           "(bash scripts/install-system-deps.sh installs them)")
def test_search_in_headless_chromium(served_db, server: str, tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    db, posts = served_db
    known = posts["humas-gowa"][7]
    word = _rare_title_word(db, known.title)

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(tmp_path / "driver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_page_load_timeout(20)
        driver.get(f"{server}/police_news/{VIEW_NAME}")
        assert "Polda Sulsel" in driver.find_element(By.ID, "facet-polda").text
        assert "2024-05" in driver.find_element(By.ID, "facet-month").text
        box = driver.find_element(By.ID, "_search")
        box.send_keys(word, Keys.ENTER)
        WebDriverWait(driver, 10).until(expected_conditions.url_contains("_search="))
        table = WebDriverWait(driver, 10).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.rows-and-"
                                                                              "columns")))
        titles = [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "td.col-title")]
        assert known.title in titles
        heading = driver.find_element(By.CSS_SELECTOR, "h3").text
        assert heading.startswith(f"{len(titles)} row") and f'search matches "{word}"' in heading
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(
            By.ID, "_search"))
        shot = tmp_path / "search.png"
        assert driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000

        driver.get(f"{server}/police_news/latest_per_polda")
        page = driver.find_element(By.TAG_NAME, "body").text
        assert posts["humas-gowa"][0].title in page
        assert "Latest article of each Polda" in page
        driver.save_screenshot(str(tmp_path / "latest.png"))
    finally:
        driver.quit()
    assert (tmp_path / "latest.png").stat().st_size > 10_000
