"""Exports: selection, safe full-text queries, the three writers, round trips through pandas,
DuckDB and Hugging Face ``datasets``, the data package and the dataset card.

The database is filled from the demo content generator (realistic Indonesian press releases)
through ``Store.save_articles``, like the crawler's store pipeline does, plus a reprint site
with copies clustered as duplicates, one quarantined row, one undated row and one row whose
text would run as a spreadsheet formula.
"""

from __future__ import annotations

import base64
import csv
import json
import sqlite3
from dataclasses import asdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from crawler.datapackage import CARD_MARK, LICENCE_NOTE, check_package_dir, write_package
from crawler.dates import to_iso
from crawler.demo.content import DemoPost, make_blog, post_path
from crawler.export import (
    FIELD_NAMES,
    ExportError,
    ExportFilter,
    count_rows,
    csv_cell,
    export,
    export_fields,
    fts_match,
    open_readonly,
    utc_text,
)
from crawler.items import ArticleItem
from crawler.registry import Site
from crawler.store import Store

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
NEWEST = datetime(2024, 5, 30, 16, 0, tzinfo=WIB)

#: (site id, host, unit, polda, province, UTC offset, posts at scale 1, seed)
BLOGS = (
    ("humas-metro", "humas-metro.example.id", "Polres Metro", "Polda Lampung", "Lampung", 7,
     40, 21),
    ("humas-nganjuk", "humas-nganjuk.example.id", "Polres Nganjuk", "Polda Jatim",
     "Jawa Timur", 7, 30, 22),
    ("humas-gowa", "humas-gowa.example.id", "Polres Gowa", "Polda Sulsel", "Sulawesi Selatan", 8,
     20, 23),
)
REPRINT = ("warta-bhayangkara", "warta-bhayangkara.example.id")
FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"Klik\") Polres Metro Bagikan Takjil"


def _item(post: DemoPost, site_id: str, host: str, level: str = "polres",
          fetched: str = "2024-06-01T00:00:00Z") -> dict[str, Any]:
    url = f"https://{host}{post_path(post)}"
    item = ArticleItem(
        url=url, canonical_url=url, site_id=site_id, title=post.title, platform="blogger",
        published_at=to_iso(post.published), updated_at=to_iso(post.updated),
        author=post.author, tags=list(post.labels), body_html=post.body_html,
        body_text=post.body_text, platform_id=post.post_id, fetched_at=fetched,
        parser_version="2026.11.1", unit_level=level, unit_name=post.unit, polda=post.polda,
        event_date=(post.published - timedelta(days=1)).date().isoformat(),
        images=[f"https://{host}/img/{post.post_id}.jpg"])
    item.content_hash = item.compute_hash()
    return asdict(item)


def build_db(path: Path, scale: int = 1) -> dict[str, list[DemoPost]]:
    """A police-news database of demo articles; returns the posts of each site."""
    posts: dict[str, list[DemoPost]] = {}
    with Store(path) as store:
        for site_id, host, unit, polda, province, offset, n, seed in BLOGS:
            blog = make_blog(unit, polda, province, n * scale, seed=seed,
                             newest=NEWEST.astimezone(timezone(timedelta(hours=offset))),
                             utc_offset_hours=offset)
            store.add_site(Site(id=site_id, name=f"Humas {unit}", url=f"https://{host}",
                                platform="blogger", unit_level="polres", unit_name=unit,
                                polda=polda, province=province,
                                timezone={7: "WIB", 8: "WITA"}[offset], source="user"))
            store.save_articles([_item(p, site_id, host) for p in blog.posts])
            posts[site_id] = list(blog.posts)
        # A reprint site republishing three Metro stories: one cluster each with the origin.
        store.add_site(Site(id=REPRINT[0], name="Warta Bhayangkara", url=f"https://{REPRINT[1]}",
                            platform="blogger", kind="reprint", source="user"))
        copies = posts["humas-metro"][:3]
        store.save_articles([_item(p, REPRINT[0], REPRINT[1], level="other",
                                   fetched="2024-06-02T03:04:05Z") for p in copies])
        posts[REPRINT[0]] = copies
        conn = store.conn
        for cluster, post in enumerate(copies, start=1):
            conn.execute("UPDATE articles SET cluster_id = ?, is_origin = (site_id = ?) "
                         "WHERE platform_id = ?", (cluster, "humas-metro", post.post_id))
        # Quarantine one Nganjuk article; make one Gowa article undated; one formula title.
        conn.execute("UPDATE articles SET quarantined = 1 WHERE platform_id = ?",
                     (posts["humas-nganjuk"][1].post_id,))
        conn.execute("UPDATE articles SET published_at = NULL, published_utc = NULL "
                     "WHERE platform_id = ?", (posts["humas-gowa"][-1].post_id,))
        conn.execute("UPDATE articles SET title = ?, author = '@humasmetro' "
                     "WHERE platform_id = ? AND site_id = 'humas-metro'",
                     (FORMULA_TITLE, posts["humas-metro"][5].post_id))
    return posts


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[DemoPost]]]:
    path = tmp_path_factory.mktemp("export") / "police_news.db"
    return path, build_db(path)


@pytest.fixture
def conn(db: tuple[Path, Any]) -> sqlite3.Connection:
    connection = open_readonly(db[0])
    yield connection
    connection.close()


def _ids(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[int]:
    return [r[0] for r in conn.execute(sql, params)]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- selection --------------------------------------------------------------------------------


def test_default_selection_is_everything_but_quarantined_in_time_order(conn) -> None:
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == 93
    assert count_rows(conn, ExportFilter()) == 92
    assert count_rows(conn, ExportFilter(include_quarantined=True)) == 93
    assert count_rows(conn, ExportFilter(include_duplicates=False)) == 89  # 3 copies out


def test_filters_by_time_site_polda_unit_and_kind(conn, db) -> None:
    posts = db[1]
    gowa_wita = ExportFilter(polda="sulsel")  # 'Polda ' prefix and case are optional
    assert count_rows(conn, gowa_wita) == 20
    assert count_rows(conn, ExportFilter(polda="Polda Sulsel")) == 20
    assert count_rows(conn, ExportFilter(unit="polres nganjuk")) == 29  # one quarantined
    assert count_rows(conn, ExportFilter(kind="reprint")) == 3
    assert count_rows(conn, ExportFilter(sites=("humas-metro", "humas-gowa"))) == 60
    newest = posts["humas-metro"][0].published
    since = ExportFilter(sites=("humas-metro",), since=newest)
    assert count_rows(conn, since) == 1
    until = ExportFilter(sites=("humas-metro",), until=newest)  # until is exclusive
    assert count_rows(conn, until) == 39


def test_fts_match_quotes_every_word_so_operators_are_text() -> None:
    assert fts_match("sabu") == '"sabu"'
    assert fts_match('narkoba "Polres Metro" OR NOT') == '"narkoba" "Polres Metro" "OR" "NOT"'
    assert fts_match("ab*; DROP TABLE articles; --") == '"ab" "DROP" "TABLE" "articles"'
    assert fts_match('title:sabu NEAR(a b) ^c -d "unclosed') == (
        '"title" "sabu" "NEAR" "a" "b" "c" "d" "unclosed"')
    with pytest.raises(ExportError, match="has no word"):
        fts_match('*:- "" ;')


@pytest.mark.parametrize("text", [
    'sabu" OR "a', "sabu AND", "OR", "NOT sabu", "NEAR(sabu", "sabu*", "-sabu", "body_text:sabu",
    "'; DROP TABLE articles; --", '"""', "sabu:", "(sabu", "^sabu", "sabu+narkoba",
])
def test_hostile_query_text_neither_fails_nor_injects(conn, text: str) -> None:
    selection = ExportFilter(query=text)
    try:
        n = count_rows(conn, selection)
    except ExportError:
        assert not any(ch.isalnum() for ch in text)
        return
    assert n >= 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 93


def test_query_finds_the_articles_the_index_finds(conn) -> None:
    expected = _ids(conn, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'sabu' "
                          "AND rowid IN (SELECT id FROM articles WHERE quarantined = 0)")
    assert expected
    assert count_rows(conn, ExportFilter(query="Sabu")) == len(expected)
    # Every word must appear; a quoted part is a phrase.
    both = _ids(conn, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH "
                      "'\"sabu\" \"tersangka\"' AND rowid IN (SELECT id FROM articles "
                      "WHERE quarantined = 0)")
    assert count_rows(conn, ExportFilter(query="sabu tersangka")) == len(both)
    phrase = _ids(conn, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH "
                        "'\"polres metro\"'")
    assert count_rows(conn, ExportFilter(query='"Polres Metro"', include_quarantined=True)) \
        == len(phrase)


# -- writers ----------------------------------------------------------------------------------


def test_jsonl_round_trip_keeps_every_value(conn, db, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    stats = export(conn, out, "jsonl", ExportFilter())
    rows = _jsonl(out)
    assert stats.rows == len(rows) == 92
    assert list(rows[0]) == [n for n in FIELD_NAMES if n != "body_html"]
    # Deterministic order: undated first, then by UTC publication time, then id.
    assert rows[0]["published_utc"] is None and rows[0]["site_id"] == "humas-gowa"
    keys = [(r["published_utc"], r["id"]) for r in rows[1:]]
    assert keys == sorted(keys)
    post = db[1]["humas-gowa"][0]  # a WITA site: the offset is kept, the UTC time derived
    row = next(r for r in rows if r["platform_id"] == post.post_id)
    assert row["title"] == post.title
    assert row["body_text"] == post.body_text
    assert row["published_at"] == to_iso(post.published)
    assert row["published_at"].endswith("+08:00")
    assert row["published_utc"] == post.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert row["updated_utc"] == post.updated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert row["tags"] == list(post.labels)
    assert row["images"] == [f"https://humas-gowa.example.id/img/{post.post_id}.jpg"]
    assert row["officials"] == []
    assert row["source_url"] == f"https://humas-gowa.example.id{post_path(post)}"
    assert (row["site_kind"], row["platform"], row["parser_version"], row["fetched_at"]) == (
        "official", "blogger", "2026.11.1", "2024-06-01T00:00:00Z")
    assert (row["unit_name"], row["polda"], row["site_name"]) == (
        "Polres Gowa", "Polda Sulsel", "Humas Polres Gowa")
    assert (row["cluster_id"], row["is_origin"], row["quarantined"]) == (None, None, False)
    copy = next(r for r in rows if r["site_id"] == REPRINT[0])
    assert (copy["site_kind"], copy["is_origin"], copy["fetched_at"]) == (
        "reprint", False, "2024-06-02T03:04:05Z")


def test_csv_round_trip_and_formula_guard(conn, db, tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    export(conn, out, "csv", ExportFilter(sites=("humas-metro",)))
    raw = out.read_bytes()
    assert raw.startswith(b"id,title,published_utc,")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 40
    evil = next(r for r in rows if r["platform_id"] == db[1]["humas-metro"][5].post_id)
    assert evil["title"] == "'" + FORMULA_TITLE
    assert evil["author"] == "'@humasmetro"
    post = db[1]["humas-metro"][0]
    newest = next(r for r in rows if r["platform_id"] == post.post_id)
    assert newest["title"] == post.title
    assert newest["body_text"] == post.body_text  # newlines survive CSV quoting
    assert json.loads(newest["tags"]) == list(post.labels)
    assert newest["published_at"] == "2024-05-30T16:00:00+07:00"
    assert newest["published_utc"] == "2024-05-30T09:00:00Z"
    assert (newest["cluster_id"], newest["is_origin"], newest["quarantined"]) == (
        "1", "true", "false")


@pytest.mark.parametrize(("stored", "utc"), [
    ("2024-05-30T16:00:00+07:00", "2024-05-30T09:00:00Z"),
    ("2024-05-30T16:00:00.999+08:00", "2024-05-30T08:00:00Z"),
    ("2024-01-01T03:00:00-05:00", "2024-01-01T08:00:00Z"),
    ("2024-05-30T16:00:00Z", "2024-05-30T16:00:00Z"),
    ("2024-05-30 16:00:00", "2024-05-30T09:00:00Z"),  # naive: WIB
    ("2023-11-02T20-59-53Z", "2023-11-02T13:59:53Z"),  # detik's local time with a bogus Z
    ("", None), (None, None), ("kemarin", None),
])
def test_utc_text(stored: str | None, utc: str | None) -> None:
    assert utc_text(stored) == utc


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-Polres", "'-Polres"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Polres = Polri", "Polres = Polri"), (None, ""),
    (True, "true"), (False, "false"), (3, "3"), (["a", "b"], '["a", "b"]'), ([], "[]"),
])
def test_csv_cells(value: Any, cell: str) -> None:
    assert csv_cell(value) == cell


def test_parquet_schema_row_groups_and_values(conn, db, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "articles.parquet"
    stats = export(conn, out, "parquet", ExportFilter(), row_group_size=25)
    meta = pq.ParquetFile(out).metadata
    assert (meta.num_rows, meta.num_row_groups) == (92, 4)
    assert stats.rows == conn.execute("SELECT count(*) FROM articles WHERE quarantined = 0"
                                      ).fetchone()[0]
    table = pq.read_table(out)
    # The Arrow schema as written (Parquet itself has no seconds unit: it stores whole seconds
    # as milliseconds, and pyarrow 26 reads them back as timestamp[ms, tz=UTC]).
    schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(meta.metadata[b"ARROW:schema"])))
    assert schema.field("published_utc").type == pa.timestamp("s", tz="UTC")
    assert schema.field("fetched_at").type == pa.timestamp("s", tz="UTC")
    assert schema.field("updated_utc").type == pa.timestamp("s", tz="UTC")
    assert table.schema.field("published_utc").type == pa.timestamp("ms", tz="UTC")
    assert schema.field("published_at").type == pa.string()
    assert schema.field("tags").type == pa.list_(pa.string())
    assert schema.field("officials").type == pa.list_(pa.string())
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("is_origin").type == pa.bool_()
    assert schema.field("id").metadata[b"description"].startswith(b"Row id")
    post = db[1]["humas-nganjuk"][0]
    row = next(r for r in table.to_pylist() if r["platform_id"] == post.post_id)
    assert row["published_utc"] == post.published.astimezone(UTC).replace(microsecond=0)
    assert row["published_at"] == to_iso(post.published)
    assert row["tags"] == list(post.labels)
    assert row["body_text"] == post.body_text
    assert row["fetched_at"] == datetime(2024, 6, 1, tzinfo=UTC)
    assert row["event_date"] == (post.published - timedelta(days=1)).date()


def test_parquet_loads_in_pandas_duckdb_and_datasets(conn, db, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb
    import pandas as pd

    out = tmp_path / "articles.parquet"
    selection = ExportFilter(polda="Lampung", since=datetime(2024, 5, 1, tzinfo=WIB))
    stats = export(conn, out, "parquet", selection)
    expected = conn.execute(
        "SELECT count(*) FROM articles WHERE polda = 'Polda Lampung' AND quarantined = 0 "
        "AND published_utc >= '2024-04-30T17:00:00Z'").fetchone()[0]
    assert stats.rows == expected > 3
    newest = db[1]["humas-metro"][0]

    frame = pd.read_parquet(out)
    assert len(frame) == expected
    first = frame[frame["platform_id"] == newest.post_id]
    assert first["title"].tolist() == [newest.title, newest.title]  # origin and reprint
    assert str(frame["published_utc"].dtype) == "datetime64[ms, UTC]"
    assert list(frame.iloc[-1]["tags"]) == list(newest.labels)

    with duckdb.connect() as duck:
        found = duck.execute("SELECT count(*), max(published_utc), count(*) FILTER "
                             "(WHERE site_kind = 'reprint') FROM read_parquet(?)",
                             [str(out)]).fetchall()[0]
    assert found[0] == expected and found[2] == 3
    assert found[1] == newest.published.astimezone(UTC)

    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    loaded = load_dataset("parquet", data_files=str(out), split="train",
                          cache_dir=str(tmp_path / "hf-cache"))
    assert loaded.num_rows == expected
    sample = loaded[len(loaded) - 1]
    assert sample["platform_id"] == newest.post_id
    assert sample["body_text"] == newest.body_text
    assert sample["tags"] == list(newest.labels)
    assert loaded.features["published_utc"].dtype == "timestamp[ms, tz=UTC]"


def test_empty_export_still_has_the_columns(conn, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    selection = ExportFilter(query="kata-yang-tidak-ada-sama-sekali")
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"empty.{fmt}"
        assert export(conn, out, fmt, selection).rows == 0
    assert (tmp_path / "empty.jsonl").read_text() == ""
    assert (tmp_path / "empty.csv").read_text().startswith("id,title,published_utc")
    table = pq.read_table(tmp_path / "empty.parquet")
    assert table.num_rows == 0 and "source_url" in table.column_names


def test_with_html_adds_the_body_html_column(conn, db, tmp_path: Path) -> None:
    out = tmp_path / "html.jsonl"
    export(conn, out, "jsonl", ExportFilter(sites=("humas-gowa",)), with_html=True)
    rows = _jsonl(out)
    post = db[1]["humas-gowa"][0]
    row = next(r for r in rows if r["platform_id"] == post.post_id)
    assert row["body_html"] == post.body_html
    assert list(row) == list(FIELD_NAMES)


def test_failed_export_leaves_no_file(conn, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import crawler.export as module

    def broken(rows, fields, out):
        next(rows)
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "write_jsonl", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        export(conn, tmp_path / "a.jsonl", "jsonl", ExportFilter())
    assert list(tmp_path.iterdir()) == []


def test_memory_stays_flat_with_a_server_side_cursor(conn, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows are pulled in fetchmany batches, never with fetchall."""
    import crawler.export as module

    pulled: list[int] = []
    real = module.iter_rows

    def spy(connection, fields, selection, fetch_size=module.FETCH_SIZE):
        for n, row in enumerate(real(connection, fields, selection, fetch_size=7), start=1):
            pulled.append(n)
            yield row

    monkeypatch.setattr(module, "iter_rows", spy)
    export(conn, tmp_path / "a.jsonl", "jsonl", ExportFilter())
    assert pulled[-1] == 92


# -- data package and card --------------------------------------------------------------------


def test_datapackage_and_card_describe_the_export(conn, db, tmp_path: Path) -> None:
    import hashlib

    out = tmp_path / "articles.csv"
    selection = ExportFilter(include_duplicates=False)
    stats = export(conn, out, "csv", selection)
    package_path, card_path = write_package(
        conn, out, "csv", export_fields(), stats, selection.describe(),
        "police-news export --format csv -o articles.csv --origin-only", "2024-06-03T00:00:00Z")
    package = json.loads(package_path.read_text())
    (resource,) = package["resources"]
    assert resource["path"] == "articles.csv"
    assert (resource["format"], resource["mediatype"], resource["encoding"]) == (
        "csv", "text/csv", "utf-8")
    assert resource["bytes"] == out.stat().st_size
    assert resource["hash"] == "sha256:" + hashlib.sha256(out.read_bytes()).hexdigest()
    assert resource["police_news"]["rows"] == 89
    assert resource["police_news"]["published_utc"] == {
        "start": stats.first_published, "end": "2024-05-30T09:00:00Z"}
    assert resource["police_news"]["filters"] == {
        "include_duplicates": False, "include_quarantined": False}
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert fields["published_utc"]["type"] == "datetime"
    assert fields["tags"]["type"] == "array"
    assert fields["source_url"]["description"].startswith("Provenance")
    assert package["created"] == "2024-06-03T00:00:00Z"
    assert package["licenses"][0]["title"] == LICENCE_NOTE
    sources = {s["site_id"]: s for s in package["sources"]}
    assert set(sources) == {"humas-metro", "humas-nganjuk", "humas-gowa"}  # reprints dropped
    assert sources["humas-gowa"] == {
        "title": "Humas Polres Gowa", "path": "https://humas-gowa.example.id",
        "site_id": "humas-gowa", "kind": "official", "platform": "blogger",
        "unit_name": "Polres Gowa", "polda": "Polda Sulsel", "licence": LICENCE_NOTE}
    card = card_path.read_text()
    assert card.startswith(CARD_MARK)
    assert "`articles.csv` holds **89** articles from **3** site(s) of **3** Polda" in card
    assert "* Command: `police-news export --format csv -o articles.csv --origin-only`" in card
    assert "* Parser versions: 2026.11.1 (89 rows)" in card
    assert "| Polda Lampung | 40 |" in card
    assert "| `humas-gowa` | Humas Polres Gowa | official | https://humas-gowa.example.id | 20 |" \
        in card
    assert "| 2024-05 |" in card
    assert "| `source_url` | string | Provenance: the URL the article was fetched from. |" in card
    assert "## Limits" in card and LICENCE_NOTE[1:] in card


def test_frictionless_validates_the_csv_and_jsonl_packages(conn, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    for fmt in ("csv", "jsonl"):
        folder = tmp_path / fmt
        out = folder / f"articles.{fmt}"
        stats = export(conn, out, fmt, ExportFilter(sites=("humas-gowa",)))
        package_path, _ = write_package(conn, out, fmt, export_fields(), stats, {},
                                        "police-news export", "2024-06-03T00:00:00Z")
        report = frictionless.validate(str(package_path))
        assert report.valid, report.flatten(["type", "note"])[:5]


def test_a_second_format_joins_the_package_and_foreign_files_are_kept(conn,
                                                                      tmp_path: Path) -> None:
    for fmt in ("parquet", "jsonl", "parquet"):
        out = tmp_path / f"articles.{fmt}"
        stats = export(conn, out, fmt, ExportFilter())
        write_package(conn, out, fmt, export_fields(), stats, {}, "x", "2024-06-03T00:00:00Z")
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert [r["path"] for r in package["resources"]] == ["articles.jsonl", "articles.parquet"]
    assert package["resources"][1]["mediatype"] == "application/vnd.apache.parquet"
    check_package_dir(tmp_path / "articles.csv")  # ours: fine to update

    foreign = tmp_path / "project"
    foreign.mkdir()
    (foreign / "README.md").write_text("# My project\n")
    with pytest.raises(ExportError, match="README.md exists and was not written by police-news"):
        check_package_dir(foreign / "articles.csv")
