"""The CLI as a user runs it (subprocess): help, sites, bad input, scrapy commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, cli


def test_help_explains_every_command() -> None:
    result = cli("--help")
    assert result.returncode == 0
    for command in ("crawl", "sites", "status", "demo", "recheck", "export", "serve", "docs"):
        assert command in result.stdout
    assert "Exit codes" in result.stdout
    crawl_help = cli("crawl", "--help").stdout
    for option in ("--site", "--since", "--until", "--all", "--limit", "watermark"):
        assert option in crawl_help


def test_sites_list_json_has_the_registry(tmp_path) -> None:
    result = cli("sites", "list", "--json", db=tmp_path / "x.db")
    assert result.returncode == 0, result.stderr
    sites = json.loads(result.stdout)
    assert len(sites) == 90
    metro = next(s for s in sites if s["id"] == "humaspolresmetro")
    assert {k: metro[k] for k in ("url", "platform", "kind", "status")} == {
        "url": "https://www.humaspolresmetro.com", "platform": "blogger", "kind": "official",
        "status": "active"}
    blogger = json.loads(cli("sites", "list", "--json", "--platform", "blogger",
                             db=tmp_path / "x.db").stdout)
    assert blogger and all(s["platform"] == "blogger" for s in blogger)


def test_sites_add_then_list_shows_both(tmp_path) -> None:
    db = tmp_path / "x.db"
    added = cli("sites", "add", "https://kabar-polres.example.id/", "--id", "kabar-polres",
                "--platform", "blogger", "--name", "Kabar Polres", "--province", "Bali", db=db)
    assert added.returncode == 0, added.stderr
    assert "Added kabar-polres (blogger) https://kabar-polres.example.id" in added.stdout
    sites = {s["id"]: s for s in json.loads(cli("sites", "list", "--json", db=db).stdout)}
    assert sites["kabar-polres"]["source"] == "user"
    assert sites["kabar-polres"]["timezone"] == "WITA"
    assert sites["humaspolresmetro"]["source"] == "registry"
    again = cli("sites", "add", "https://other.example.id", "--id", "kabar-polres",
                "--platform", "blogger", db=db)
    assert again.returncode == 2
    assert "already used" in again.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["sites", "add", "ftp://polres.example.id", "--id", "x-site", "--platform", "blogger"],
     "must start with http"),
    (["sites", "add", "https://polres example.id", "--id", "x-site", "--platform", "blogger"],
     "no valid host"),
    (["sites", "add", "https://polres.example.id", "--id", "X!", "--platform", "blogger"],
     "field 'id'"),
    (["crawl", "--site", "no-such-site"], "unknown site 'no-such-site'"),
    (["crawl", "--site", "humaspolresmetro", "--since", "kemarin lusa"],
     "--since: 'kemarin lusa' is not a date"),
    (["crawl", "--site", "humaspolresmetro", "--until", "2024-02-30"], "--until:"),
    (["crawl", "--since", "2024-05-01", "--until", "2024-01-01"], "must be before"),
    (["crawl", "--site", "tribratanewspolresmajalengka"], "is disabled"),
    (["crawl", "-s", "NOEQUALS"], "is not NAME=VALUE"),
])
def test_bad_input_gives_one_clear_line_and_exit_2(tmp_path, args, message) -> None:
    result = cli(*args, db=tmp_path / "x.db")
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("error:") == 1


def test_status_without_database_says_what_to_do(tmp_path) -> None:
    result = cli("status", db=tmp_path / "missing.db")
    assert result.returncode == 2
    assert "no database" in result.stderr and "police-news crawl" in result.stderr


def test_scrapy_list_shows_the_platform_spiders() -> None:
    result = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "blogger" in result.stdout.split()


def test_console_script_and_module_agree() -> None:
    script = subprocess.run([str(Path(sys.executable).parent / "police-news"), "--version"],
                            capture_output=True, text=True, timeout=60)
    module = cli("--version")
    assert script.returncode == module.returncode == 0
    assert script.stdout == module.stdout
    assert module.stdout.startswith("police-news, version ")
