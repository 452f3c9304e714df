"""``police-news export`` as a user runs it (subprocess): files, filters, readable failures."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import cli
from tests.test_export import FORMULA_TITLE, build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export-cli") / "police_news.db"
    build_db(path)
    return path


def _count(db: Path, where: str = "quarantined = 0") -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM articles WHERE {where}").fetchone()[0]


def test_help_lists_export_and_serve() -> None:
    assert {"export", "serve"} <= set(cli("--help").stdout.split())
    text = cli("export", "--help").stdout
    for option in ("--format", "--since", "--until", "--site", "--polda", "--unit", "--kind",
                   "--query", "--origin-only", "--include-quarantined", "datapackage.json"):
        assert option in text


def test_parquet_export_with_package_and_card(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "dataset" / "articles.parquet"
    result = cli("export", "-o", str(out), db=db)
    assert result.returncode == 0, result.stderr
    expected = _count(db)
    assert result.stdout.strip() == (
        f"Wrote {expected} article(s) to {out} (parquet); described in "
        f"{out.parent / 'datapackage.json'} and {out.parent / 'README.md'}.")
    assert pq.ParquetFile(out).metadata.num_rows == expected == 92
    package = json.loads((out.parent / "datapackage.json").read_text())
    assert package["resources"][0]["police_news"]["rows"] == expected
    assert package["resources"][0]["police_news"]["command"] == (
        f"police-news --db {db} export --format parquet -o {out}")
    card = (out.parent / "README.md").read_text()
    assert f"* Command: `police-news --db {db} export --format parquet -o {out}`" in card
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "README.md", "articles.parquet", "datapackage.json"]


def test_filtered_csv_export_matches_the_database(db: Path, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "lampung.csv"
    result = cli("export", "-o", str(out), "--polda", "Lampung", "--since", "2024-05-20",
                 "--until", "2024-05-30T12:00:00+07:00", "--origin-only", db=db)
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = _count(db, "polda = 'Polda Lampung' AND quarantined = 0 AND "
                          "coalesce(is_origin, 1) = 1 AND published_utc >= '2024-05-19T17:00:00Z' "
                          "AND published_utc < '2024-05-30T05:00:00Z'")
    assert len(rows) == expected > 0
    assert {r["site_id"] for r in rows} == {"humas-metro"}
    assert all("2024-05-19T17:00:00Z" <= r["published_utc"] < "2024-05-30T05:00:00Z"
               for r in rows)
    formula = [r["title"] for r in rows if FORMULA_TITLE in r["title"]]
    assert formula in ([], ["'" + FORMULA_TITLE])


def test_query_with_operators_and_punctuation_is_text(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sabu.jsonl"
    result = cli("export", "-o", str(out), "--query", 'sabu" OR "; DROP TABLE articles; -- *',
                 db=db)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    # Every word must appear: 'sabu', 'OR', 'DROP', 'TABLE', 'articles' — no article has all.
    assert rows == []
    assert "No article matched" in result.stderr
    assert _count(db, "1") == 93
    sabu = cli("export", "-o", str(tmp_path / "s.jsonl"), "--query", "sabu*", db=db)
    assert sabu.returncode == 0, sabu.stderr
    found = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert found and all("sabu" in (r["title"] + r["body_text"]).lower() for r in found)


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "kemarin"], "error: --since: 'kemarin' is not a date: use YYYY-MM-DD"),
    (["--until", "2024-02-30"], "error: --until: '2024-02-30' is not a date"),
    (["--since", "2024-05-02", "--until", "2024-05-01"],
     "error: --until 2024-05-01 is not after --since 2024-05-02"),
    (["--site", "tidak-ada"], "error: --site 'tidak-ada': no such site in the database"),
    (["--query", "*:-"], "error: --query '*:-' has no word to search for"),
    (["-o", "articles.xlsx"], "error: cannot tell the format from 'articles.xlsx'"),
    (["--format", "xml"], "Invalid value for '--format'"),
])
def test_bad_options_give_one_error_line(db: Path, tmp_path: Path, args: list[str],
                                         message: str) -> None:
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "a.jsonl")]
    result = cli("export", *args, db=db)
    assert result.returncode == 2
    assert message in result.stderr
    if message.startswith("error:"):
        assert result.stderr.count("\n") == 1
    assert not (tmp_path / "a.jsonl").exists()


def test_missing_database_and_foreign_readme_are_refused(db: Path, tmp_path: Path) -> None:
    missing = cli("export", "-o", str(tmp_path / "a.csv"), db=tmp_path / "nope.db")
    assert missing.returncode == 2
    assert missing.stderr == (f"error: no database at {tmp_path / 'nope.db'}: run `police-news "
                              "crawl` (or `police-news demo`) first, or pass --db\n")
    assert not (tmp_path / "nope.db").exists()
    (tmp_path / "README.md").write_text("# Proyek saya\n")
    foreign = cli("export", "-o", str(tmp_path / "a.csv"), db=db)
    assert foreign.returncode == 2
    assert "README.md exists and was not written by police-news export" in foreign.stderr
    assert (tmp_path / "README.md").read_text() == "# Proyek saya\n"
    assert not (tmp_path / "a.csv").exists()


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = cli("serve", "--port", "1", db=tmp_path / "nope.db")
    assert result.returncode == 2
    assert result.stderr == (f"error: no database at {tmp_path / 'nope.db'}: run `police-news "
                             "crawl` (or `police-news demo`) first, or pass --db\n")


@pytest.mark.slow
def test_bench_smoke(tmp_path: Path) -> None:
    """bench/export.py runs end to end on a tiny database and prints its tables."""
    import subprocess
    import sys

    from tests.helpers import ROOT

    result = subprocess.run([sys.executable, "bench/export.py", "--articles", "1000,2000",
                             "--workdir", str(tmp_path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for line in ("1,000 articles", "2,000 articles", "Peak RSS (MB) by database size"):
        assert line in out
    for tool in ("police-news export", "sqlite-utils rows --nl", "sqlite-utils rows --csv",
                 "pandas read_sql → to_parquet"):
        # one row per size, and one in the RSS-by-size table (three formats for ours)
        assert out.count(tool) == (9 if tool == "police-news export" else 3)
    assert sorted(p.name for p in tmp_path.glob("*.db")) == [
        "bench-export-1000-g1.db", "bench-export-2000-g1.db"]


def test_serve_refuses_a_port_in_use(db: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = cli("serve", "--port", str(port), db=db)
    assert result.returncode == 2
    assert result.stderr == f"error: port {port} on 127.0.0.1 is in use: pass another --port\n"
