"""Registry loading: validation messages name the file, the row and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.registry import RegistryError, load_registry

GOOD = """
[[site]]
id = "humas-contoh"
name = "Humas Contoh"
url = "https://humas-contoh.blogspot.com"
platform = "blogger"
"""


def write(tmp_path: Path, text: str, name: str = "blogger.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_package_registry_loads() -> None:
    sites = load_registry()
    assert len(sites) == 90
    metro = sites["humaspolresmetro"]
    assert (metro.platform, metro.unit_name, metro.polda, metro.timezone) == (
        "blogger", "Polres Metro", "Polda Lampung", "WIB")
    assert str(metro.tz.utcoffset(None)) == "7:00:00"


def test_defaults_fill_optional_fields(tmp_path) -> None:
    (site,) = load_registry([write(tmp_path, GOOD)]).values()
    assert (site.kind, site.status, site.timezone, site.source) == (
        "official", "active", "WIB", "registry")


@pytest.mark.parametrize(("row", "message"), [
    ('unit_level = "kodim"', "blogger.toml row 1 (humas-contoh): field 'unit_level' is 'kodim'"),
    ('status = "disabled"', "field 'status_reason' is required when status is 'disabled'"),
    ('timezone = "WITT"', "field 'timezone' is 'WITT'; allowed: WIB, WITA, WIT"),
    ('plaform = "blogger"', "unknown field 'plaform'"),
    ("kind = 3", "field 'kind' must be text, not int"),
])
def test_bad_rows_name_file_row_and_field(tmp_path, row, message) -> None:
    with pytest.raises(RegistryError) as info:
        load_registry([write(tmp_path, GOOD + row + "\n")])
    assert message in str(info.value)


def test_duplicate_ids_and_bad_toml_are_reported(tmp_path) -> None:
    with pytest.raises(RegistryError, match="id 'humas-contoh' is already used"):
        load_registry([write(tmp_path, GOOD + GOOD)])
    with pytest.raises(RegistryError, match="blogger.toml: not valid TOML"):
        load_registry([write(tmp_path, "[[site]\nid=")])
    with pytest.raises(RegistryError, match="url' 'https://x.id/' must be"):
        load_registry([write(tmp_path, GOOD.replace("https://humas-contoh.blogspot.com",
                                                    "https://x.id/"))])
