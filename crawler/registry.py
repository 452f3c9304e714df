"""The site registry: which sites exist, on which platform, published by which unit.

Sites are data, not classes. The package ships ``crawler/sites/<platform>.toml`` (one
``[[site]]`` table a site); users add their own with ``police-news sites add``, which stores
them in the database. Every row is validated on load, and a bad row raises
:class:`RegistryError` naming the file, the row and the field.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import tzinfo
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from crawler.dates import TIMEZONES

PLATFORMS = ("blogger", "wordpress", "odoo", "newscms", "lampung", "generic")
UNIT_LEVELS = ("mabes", "polda", "polres", "polsek", "satker", "other")
KINDS = ("official", "reprint", "spam")
STATUSES = ("active", "unavailable", "disabled")
#: The package registry files (read through importlib.resources, so they are found inside an
#: egg too, e.g. when Scrapyd runs the project).
SITES_DIR: Traversable = files("crawler") / "sites"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{2,39}$")

_REQUIRED = ("id", "name", "url", "platform")
_DEFAULTS: dict[str, Any] = {
    "unit_level": "other", "unit_name": "", "polda": "", "province": "", "timezone": "WIB",
    "kind": "official", "status": "active", "status_reason": "", "notes": "", "example_url": "",
}
_CHOICES = {
    "platform": PLATFORMS, "unit_level": UNIT_LEVELS, "kind": KINDS, "status": STATUSES,
    "timezone": tuple(TIMEZONES),
}


class RegistryError(ValueError):
    """A registry row that cannot be used; the message names where and why."""


@dataclass(frozen=True)
class Site:
    """One site: where it is, what runs it, who publishes on it, and whether to crawl it."""

    id: str
    name: str
    url: str
    platform: str
    unit_level: str = "other"
    unit_name: str = ""
    polda: str = ""
    province: str = ""
    timezone: str = "WIB"
    kind: str = "official"
    status: str = "active"
    status_reason: str = ""
    notes: str = ""
    example_url: str = ""
    #: Per-site overrides (selectors, feed URL, …) from the ``[site.options]`` table.
    options: Mapping[str, Any] = field(default_factory=dict)
    #: Where the row comes from: ``registry`` (package file), ``user`` or ``demo`` (database).
    source: str = "registry"

    @property
    def tz(self) -> tzinfo:
        """The site's local time zone (WIB, WITA or WIT)."""
        return TIMEZONES[self.timezone]

    @property
    def crawlable(self) -> bool:
        """True when a default crawl includes this site."""
        return self.status == "active"

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (for ``sites list --json`` and the database)."""
        data = asdict(self)
        data["options"] = dict(self.options)
        return data


def site_from_row(row: Mapping[str, Any], where: str, source: str = "registry") -> Site:
    """Validate one row and build a :class:`Site`; ``where`` names the row in messages."""
    known = set(_REQUIRED) | set(_DEFAULTS) | {"options"}
    for key in row:
        if key not in known:
            raise RegistryError(f"{where}: unknown field {key!r} "
                                f"(known: {', '.join(sorted(known))})")
    for key in _REQUIRED:
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise RegistryError(f"{where}: field {key!r} is required and must be a non-empty text")
    values = {**_DEFAULTS, **{k: v for k, v in row.items() if k != "options"}}
    for key, value in values.items():
        if not isinstance(value, str):
            raise RegistryError(f"{where}: field {key!r} must be text, not {type(value).__name__}")
    if not ID_RE.match(values["id"]):
        raise RegistryError(f"{where}: field 'id' {values['id']!r} must be 3-40 characters of "
                            "a-z, 0-9 and '-', starting with a letter or digit")
    for key, allowed in _CHOICES.items():
        if values[key] not in allowed:
            raise RegistryError(f"{where}: field {key!r} is {values[key]!r}; "
                                f"allowed: {', '.join(allowed)}")
    if not values["url"].startswith(("http://", "https://")) or values["url"].endswith("/"):
        raise RegistryError(f"{where}: field 'url' {values['url']!r} must be http(s)://host "
                            "without a trailing slash")
    if values["status"] != "active" and not values["status_reason"].strip():
        raise RegistryError(f"{where}: field 'status_reason' is required when status is "
                            f"{values['status']!r}")
    options = row.get("options", {})
    if not isinstance(options, Mapping):
        raise RegistryError(f"{where}: field 'options' must be a table")
    return Site(**values, options=dict(options), source=source)


def load_registry(paths: Iterable[Path | Traversable] | None = None) -> dict[str, Site]:
    """All sites of the package registry files (or of ``paths``), keyed by id."""
    if paths is None:
        paths = sorted((p for p in SITES_DIR.iterdir() if p.name.endswith(".toml")),
                       key=lambda p: p.name)
    sites: dict[str, Site] = {}
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise RegistryError(f"{path}: not valid TOML: {exc}") from None
        rows = data.get("site", [])
        if not isinstance(rows, list):
            raise RegistryError(f"{path}: expected [[site]] tables")
        for number, row in enumerate(rows, start=1):
            where = f"{path.name} row {number} ({row.get('id', '?')})"
            site = site_from_row(row, where)
            if site.id in sites:
                raise RegistryError(f"{where}: id {site.id!r} is already used by another row")
            sites[site.id] = site
    return sites
