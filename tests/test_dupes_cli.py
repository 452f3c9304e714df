"""``police-news dupes``: the biggest clusters of syndicated copies, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.store import Store
from tests.helpers import cli
from tests.test_dedupe import (
    OFFICIAL,
    REPRINT_DATELINE,
    REPRINT_REWORDED,
    REPRINT_VERBATIM,
    SAME_TOPIC,
    SITES,
    item,
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "police_news.db"
    with Store(path) as store:
        for site in SITES:
            store.add_site(site)
        store.save_articles([
            item("portal-x", "operasi-patuh", REPRINT_VERBATIM, "2024-07-20T08:00:00+07:00"),
            item("humas-polres-lamtim", "operasi-patuh-lamtim", SAME_TOPIC,
                 "2024-07-19T10:00:00+07:00", title="Satlantas Polres Lampung Timur Gelar "
                 "Operasi Patuh Krakatau 2024"),
            item("humas-polres-metro", "operasi-patuh-krakatau", OFFICIAL,
                 "2024-07-19T09:30:00+07:00", title="Satlantas Polres Metro Gelar Operasi "
                 "Patuh Krakatau 2024, 312 Pengendara Ditindak di Hari Pertama"),
            item("lampost", "satlantas-metro", REPRINT_DATELINE, "2024-07-19T11:02:00+07:00"),
            item("kupastuntas", "312-pengendara", REPRINT_REWORDED,
                 "2024-07-19T10:15:00+07:00"),
        ])
    return path


def test_dupes_clusters_new_articles_then_lists_the_biggest(db: Path) -> None:
    stored_only = cli("dupes", "--no-update", db=db)
    assert stored_only.returncode == 0, stored_only.stderr
    assert stored_only.stdout == "No cluster of 2 or more copies.\n"

    result = cli("dupes", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Clustered: 5 article(s) signed, 4 joined 1 cluster(s) of "
                                    "copies; 5 row(s) updated in ")
    assert result.stdout.splitlines() == [
        "cluster  size  origin site         published                  origin title" + " " * 50
        + "members (sites)",
        "-------  ----  ------------------  -------------------------  " + "-" * 60 + "  "
        + "-" * 50,
        "1        4     humas-polres-metro  2024-07-19T09:30:00+07:00  Satlantas Polres Metro "
        "Gelar Operasi Patuh Krakatau 2024, 3…  humas-polres-metro, kupastuntas, lampost, "
        "portal-x",
    ]
    again = cli("dupes", "--min-size", "1", "--limit", "5", db=db)
    assert again.stderr == ""  # nothing new to cluster
    assert [line.split()[:2] for line in again.stdout.splitlines()[2:]] == [["1", "4"],
                                                                            ["2", "1"]]


def test_dupes_json(db: Path) -> None:
    result = cli("dupes", "--json", db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{
        "cluster_id": 1,
        "size": 4,
        "origin": {
            "id": 3, "site_id": "humas-polres-metro",
            "title": "Satlantas Polres Metro Gelar Operasi Patuh Krakatau 2024, 312 Pengendara "
                     "Ditindak di Hari Pertama",
            "published_at": "2024-07-19T09:30:00+07:00",
            "url": "https://humas-polres-metro.example.id/2024/07/operasi-patuh-krakatau.html",
        },
        "members": [
            {"id": 3, "site_id": "humas-polres-metro",
             "published_at": "2024-07-19T09:30:00+07:00"},
            {"id": 5, "site_id": "kupastuntas", "published_at": "2024-07-19T10:15:00+07:00"},
            {"id": 4, "site_id": "lampost", "published_at": "2024-07-19T11:02:00+07:00"},
            {"id": 1, "site_id": "portal-x", "published_at": "2024-07-20T08:00:00+07:00"},
        ],
    }]
    assert json.loads(cli("dupes", "--json", "--min-size", "5", db=db).stdout) == []


def test_dupes_errors_are_one_line(db: Path, tmp_path: Path) -> None:
    missing = cli("dupes", db=tmp_path / "nope.db")
    assert missing.returncode == 2
    assert missing.stderr == (f"error: no database at {tmp_path / 'nope.db'}: run `police-news "
                              "crawl` (or `police-news demo`) first, or pass --db\n")
    assert not (tmp_path / "nope.db").exists()
    bad = cli("dupes", "--limit", "0", db=db)
    assert bad.returncode == 2
    assert "Invalid value for '--limit'" in bad.stderr
