"""Consistency checks for the bundled site registry data (crawler/sites/*.toml).

Pure data tests: they read the TOML files with the stdlib ``tomllib`` and need no project
imports. When the shared research table is checked out next to the repo
(``../shared/research/sites.tsv``), every researched site must be in the registry exactly once.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SITES_DIR = REPO_ROOT / "crawler" / "sites"
RESEARCH_TSV = REPO_ROOT.parent / "shared" / "research" / "sites.tsv"

EXPECTED_FILES = {"blogger", "wordpress", "odoo", "lampung", "newscms", "generic"}
EXPECTED_TOTAL = 90
KEYS = [
    "id",
    "name",
    "url",
    "platform",
    "unit_level",
    "unit_name",
    "polda",
    "province",
    "timezone",
    "kind",
    "status",
    "status_reason",
    "notes",
    "example_url",
]
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{2,39}$")
UNIT_LEVELS = {"mabes", "polda", "polres", "polsek", "satker", "other"}
KINDS = {"official", "reprint", "spam"}
STATUSES = {"active", "unavailable", "disabled"}
TIMEZONES = {"WIB", "WITA", "WIT"}


def _load() -> list[tuple[str, dict]]:
    rows: list[tuple[str, dict]] = []
    for path in sorted(SITES_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        assert set(data) <= {"site"}, f"{path.name}: unexpected top-level keys {set(data)}"
        for site in data.get("site", []):
            rows.append((path.stem, site))
    return rows


ROWS = _load()
BY_ID = {site["id"]: site for _, site in ROWS}
BY_URL = {site["url"]: site for _, site in ROWS}


def _ids(rows):
    return [site.get("id", "?") for _, site in rows]


def test_files_present():
    assert {p.stem for p in SITES_DIR.glob("*.toml")} == EXPECTED_FILES


def test_total_rows():
    assert len(ROWS) == EXPECTED_TOTAL


def test_ids_unique_and_well_formed():
    dupes = [i for i, n in Counter(_ids(ROWS)).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    bad = [i for i in _ids(ROWS) if not ID_RE.match(i)]
    assert not bad, f"malformed ids: {bad}"


def test_urls_unique():
    dupes = [u for u, n in Counter(site["url"] for _, site in ROWS).items() if n > 1]
    assert not dupes, f"duplicate urls: {dupes}"


@pytest.mark.parametrize(("stem", "site"), ROWS, ids=_ids(ROWS))
def test_row_schema(stem, site):
    assert list(site) == KEYS, "keys missing, extra or out of order"
    for key in KEYS:
        assert isinstance(site[key], str), f"{key} must be a string"
        assert "\t" not in site[key] and "\n" not in site[key], f"{key} has a tab/newline"
    assert site["platform"] == stem
    assert site["unit_level"] in UNIT_LEVELS
    assert site["kind"] in KINDS
    assert site["status"] in STATUSES
    assert site["timezone"] in TIMEZONES
    assert site["name"].strip()

    url = site["url"]
    assert url.startswith(("http://", "https://"))
    assert not url.endswith("/")
    assert "/" not in url.split("://", 1)[1], "url must be scheme + host only"
    if site["example_url"]:
        assert site["example_url"].startswith(("http://", "https://"))

    if site["status"] == "active":
        assert site["status_reason"] == ""
    else:
        assert site["status_reason"].strip(), "status_reason required when not active"
    if site["kind"] == "spam":
        assert site["status"] == "disabled"
    if site["unit_level"] == "polda":
        assert site["unit_name"] == site["polda"]
    assert (
        site["polda"] == "" or site["polda"] == "Mabes Polri" or site["polda"].startswith("Polda ")
    )


def test_research_tsv_covered_exactly_once():
    if not RESEARCH_TSV.is_file():
        pytest.skip(f"shared research table not available at {RESEARCH_TSV}")
    with RESEARCH_TSV.open(encoding="utf-8", newline="") as fh:
        tsv = list(csv.DictReader(fh, delimiter="\t"))
    assert len(tsv) == EXPECTED_TOTAL
    registry_urls = Counter(site["url"] for _, site in ROWS)
    tsv_urls = [row["url"] for row in tsv]
    missing = [u for u in tsv_urls if registry_urls[u] == 0]
    repeated = [u for u in tsv_urls if registry_urls[u] > 1]
    extra = sorted(set(registry_urls) - set(tsv_urls))
    assert not missing, f"tsv urls missing from registry: {missing}"
    assert not repeated, f"tsv urls listed more than once: {repeated}"
    assert not extra, f"registry urls not in tsv: {extra}"


def test_spot_check_humaspolresmetro():
    site = BY_ID["humaspolresmetro"]
    assert site["url"] == "https://www.humaspolresmetro.com"
    assert site["platform"] == "blogger"
    assert site["kind"] == "official"
    assert site["unit_level"] == "polres"
    assert site["unit_name"] == "Polres Metro"
    assert site["polda"] == "Polda Lampung"
    assert site["timezone"] == "WIB"
    assert site["status"] == "active"


def test_spot_check_tribratanews_polri():
    site = BY_URL["https://tribratanews.polri.go.id"]
    assert site["platform"] == "odoo"
    assert site["unit_level"] == "mabes"
    assert site["polda"] == "Mabes Polri"
    assert site["kind"] == "official"


def test_spot_check_majalengka_spam():
    site = BY_URL["https://tribratanewspolresmajalengka.com"]
    assert site["kind"] == "spam"
    assert site["status"] == "disabled"
    assert "gambling" in site["status_reason"]


def test_spot_check_legacy_unavailable():
    for url in ("http://humaspoldajatim.blogspot.com", "https://ntt.tribratanews.com"):
        assert BY_URL[url]["status"] == "unavailable", url


def test_spot_check_timezones():
    gowa = BY_URL["https://polresgowa.com"]
    assert gowa["province"] == "Sulawesi Selatan"
    assert gowa["timezone"] == "WITA"
    papua = BY_URL["https://www.seputarpapua.info"]
    assert papua["province"] == "Papua"
    assert papua["timezone"] == "WIT"


def test_timezone_follows_province():
    for _, site in ROWS:
        prov = site["province"]
        if prov.startswith("Papua") or prov.startswith("Maluku"):
            want = "WIT"
        elif prov.startswith("Sulawesi") or prov in {
            "Bali",
            "Nusa Tenggara Barat",
            "Nusa Tenggara Timur",
            "Kalimantan Selatan",
            "Kalimantan Timur",
            "Kalimantan Utara",
            "Gorontalo",
        }:
            want = "WITA"
        else:
            want = "WIB"
        assert site["timezone"] == want, (site["id"], prov)
