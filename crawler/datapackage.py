"""Describe an export: a Frictionless ``datapackage.json`` and a dataset card ``README.md``.

Both are written beside the exported file. The data package lists one resource per exported
file in that directory (exporting CSV and then Parquet into one directory gives a package with
two resources); a file exported again replaces its resource. Each resource carries its path,
format, media type, schema (:data:`crawler.export.FIELDS`: types and descriptions), size, row
count and SHA-256, and the package carries the time range, the sites the rows come from (with
URL, kind and a licence note) and when it was created.

The card says what the data is, how it was produced (command line, police-news and parser
versions), counts by Polda, by site and by month, the fields, the limits and the licence note.

Neither file overwrites something police-news did not write: :func:`check_package_dir` refuses
a directory whose ``README.md`` or ``datapackage.json`` came from elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from crawler import __version__
from crawler.export import ExportError, ExportStats, Field

PACKAGE_FILE = "datapackage.json"
CARD_FILE = "README.md"
CARD_MARK = "<!-- police-news dataset card: written by `police-news export` -->"
LICENCE_NOTE = "public police press releases; check each site's terms before republishing"
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv",
               "parquet": "application/vnd.apache.parquet"}
_PACKAGE_NAME = "police-news-articles"
_TITLE = "Indonesian police press releases (police-news)"
_DESCRIPTION = ("News and press releases published by Indonesian police units (Mabes Polri, "
                "Polda, Polres, Polsek) on their own websites, collected by the police-news "
                "crawler: one row per article, with its text, dates, issuing unit and "
                "provenance.")
LIMITS = (
    "Only what the sites published and the crawler reached: a unit without a website, or a "
    "site that was down during crawls, is missing; counts are not a measure of police activity.",
    "Texts are as published: they are press releases written by the police about their own "
    "work, not verified reporting.",
    "`body_text` is extracted from HTML with boilerplate removed; rare extraction errors are "
    "possible (see `parser_version`).",
    "Publication times are those the sites state; `published_utc` is empty when a site gave "
    "none. `event_date` is the first date found in the text, which is usually but not always "
    "the day of the event.",
    "The same story is often republished by several units or reprint sites: `cluster_id` "
    "groups copies once deduplication has run; empty `cluster_id`/`is_origin` means not "
    "clustered yet.",
    "Rows held back as suspect (`quarantined`) are left out unless the export said "
    "--include-quarantined.",
    "Names of officials, suspects and victims appear in the texts as published; handle them "
    "with care.",
)


def package_paths(data_path: Path) -> tuple[Path, Path]:
    """Where the data package and the card of an export go (beside the data file)."""
    return data_path.parent / PACKAGE_FILE, data_path.parent / CARD_FILE


def _ours_package(path: Path) -> dict[str, Any] | None:
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return package if isinstance(package, dict) and "police_news" in package else None


def check_package_dir(data_path: Path) -> None:
    """Refuse to export where a ``datapackage.json`` or ``README.md`` police-news did not write
    would be overwritten."""
    package_path, card_path = package_paths(data_path)
    if package_path.exists() and _ours_package(package_path) is None:
        raise ExportError(f"{package_path} exists and was not written by police-news export; "
                          "export into another directory")
    if card_path.exists():
        with card_path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline().strip()
        if first != CARD_MARK:
            raise ExportError(f"{card_path} exists and was not written by police-news export; "
                              "export into another directory")


def file_digest(path: Path) -> tuple[int, str]:
    """(size in bytes, SHA-256 hex) of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def site_sources(conn: sqlite3.Connection, site_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The sites of an export as Frictionless ``sources``: title, URL, kind, licence note."""
    sources = []
    for site_id in sorted(site_ids):
        row = conn.execute("SELECT name, url, kind, platform, unit_name, polda FROM sites "
                           "WHERE id = ?", (site_id,)).fetchone()
        name, url, kind, platform, unit, polda = row or (site_id, None, None, None, None, None)
        source = {"title": name, "path": url, "site_id": site_id, "kind": kind,
                  "platform": platform, "unit_name": unit or None, "polda": polda or None,
                  "licence": LICENCE_NOTE}
        sources.append({k: v for k, v in source.items() if v is not None})
    return sources


def schema(fields: Sequence[Field]) -> dict[str, Any]:
    """The Frictionless Table Schema of an export."""
    described = []
    for f in fields:
        entry: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
        if f.type == "datetime":
            entry["format"] = "%Y-%m-%dT%H:%M:%SZ"
        described.append(entry)
    return {"fields": described, "primaryKey": ["id"]}


def resource(data_path: Path, fmt: str, fields: Sequence[Field], stats: ExportStats,
             filters: Mapping[str, Any], command: str, created: str) -> dict[str, Any]:
    """The data-package entry of one exported file."""
    size, sha256 = file_digest(data_path)
    entry: dict[str, Any] = {
        "name": re.sub(r"[^a-z0-9._-]+", "-", f"{data_path.stem}-{fmt}".lower()),
        "path": data_path.name,
        "profile": "tabular-data-resource",
        "format": fmt,
        "mediatype": MEDIA_TYPES[fmt],
    }
    if fmt != "parquet":
        entry["encoding"] = "utf-8"
    entry.update({
        "bytes": size,
        "hash": f"sha256:{sha256}",
        "schema": schema(fields),
        "police_news": {
            "rows": stats.rows,
            "published_utc": {"start": stats.first_published, "end": stats.last_published},
            "filters": dict(filters),
            "command": command,
            "police_news_version": __version__,
            "parser_versions": dict(sorted(stats.parser_versions.items())),
            "created": created,
        },
    })
    return entry


def build_package(new: dict[str, Any], sources: list[dict[str, Any]], created: str,
                  previous: dict[str, Any] | None = None,
                  directory: Path | None = None) -> dict[str, Any]:
    """The whole package: ``new`` plus the resources of ``previous`` whose files still exist
    in ``directory`` (a re-exported file replaces its old entry), and the sources of all."""
    resources = [new]
    if previous and directory is not None:
        for old in previous.get("resources", []):
            path = old.get("path")
            if path and path != new["path"] and (directory / path).is_file():
                resources.append(old)
    resources.sort(key=lambda r: r["path"])
    if len(resources) > 1 and previous:
        known = {s.get("site_id") for s in sources}
        sources = sorted([*sources, *(s for s in previous.get("sources", [])
                                      if s.get("site_id") not in known)],
                         key=lambda s: s.get("site_id", ""))
    return {
        "profile": "tabular-data-package",
        "name": _PACKAGE_NAME,
        "title": _TITLE,
        "description": _DESCRIPTION,
        "version": created[:10],
        "created": created,
        "licenses": [{"name": "notspecified", "title": LICENCE_NOTE}],
        "sources": sources,
        "keywords": ["Indonesia", "police", "Polri", "press releases", "news", "Indonesian"],
        "resources": resources,
        "police_news": {
            "published_utc": _span(r["police_news"]["published_utc"] for r in resources),
            "police_news_version": __version__,
        },
    }


def _span(spans: Iterable[Mapping[str, str | None]]) -> dict[str, str | None]:
    spans = list(spans)
    starts = [s["start"] for s in spans if s.get("start")]
    ends = [s["end"] for s in spans if s.get("end")]
    return {"start": min(starts, default=None), "end": max(ends, default=None)}


# -- the card ---------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _size(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB"):
        if n < 1024 or unit == "MiB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def _counts(counter: Counter[str], by_key: bool = False) -> list[tuple[str, int]]:
    if by_key:
        return sorted(counter.items())
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def render_card(package: Mapping[str, Any], new: Mapping[str, Any], stats: ExportStats,
                fields: Sequence[Field]) -> str:
    """The dataset card (Markdown) for ``package``, with the counts of the file ``new``."""
    info = new["police_news"]
    sources = package["sources"]
    span = info["published_utc"]
    lines = [CARD_MARK, "", f"# {_TITLE}", "", _DESCRIPTION, ""]
    poldas = [p for p in stats.by_polda if p != "(unknown)"]
    lines.append(
        f"`{new['path']}` holds **{stats.rows}** articles from **{len(stats.by_site)}** "
        f"site(s) of **{len(poldas)}** Polda, published from {span['start'] or '–'} to "
        f"{span['end'] or '–'} (UTC)."
    )
    lines += ["", "## Files", ""]
    lines += _table(("file", "format", "rows", "size", "sha256"), (
        (f"`{r['path']}`", r["format"], r["police_news"]["rows"], _size(r["bytes"]),
         f"`{r['hash'].removeprefix('sha256:')}`") for r in package["resources"]))
    lines += ["", "`datapackage.json` describes every file (Frictionless Data Package: schema, "
              "sizes, hashes, sources).", "", "## How it was produced", ""]
    versions = ", ".join(f"{v} ({n} rows)" for v, n in sorted(info["parser_versions"].items()))
    filters = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}"
                        for k, v in info["filters"].items())
    lines += [
        f"* Command: `{info['command']}`",
        f"* police-news {info['police_news_version']}, exported {info['created']}",
        f"* Parser versions: {versions or '–'}",
        f"* Filters: {filters}",
        "* Crawled from the sites' own feeds, APIs and pages (see `sources` in "
        "`datapackage.json`); rows in order of publication time (UTC), then id.",
    ]
    lines += ["", f"## Articles by Polda (in `{new['path']}`)", ""]
    lines += _table(("Polda", "articles"), _counts(stats.by_polda))
    names = {s["site_id"]: s for s in sources}
    lines += ["", "## Articles by site", ""]
    lines += _table(("site", "name", "kind", "URL", "articles"), (
        (f"`{site}`", names.get(site, {}).get("title", ""), names.get(site, {}).get("kind", ""),
         names.get(site, {}).get("path", ""), n) for site, n in _counts(stats.by_site)))
    lines += ["", "## Articles by month of publication (UTC)", ""]
    lines += _table(("month", "articles"), _counts(stats.by_month, by_key=True))
    lines += ["", "## Fields", ""]
    lines += _table(("field", "type", "description"),
                    ((f"`{f.name}`", f.type, f.description) for f in fields))
    lines += ["", "Times are UTC (`…Z`) except `published_at`/`updated_at`, which keep the "
              "site's own offset. In CSV, lists are JSON text and a text cell starting with "
              "`=`, `+`, `-`, `@`, a tab or a carriage return has a `'` in front (so "
              "spreadsheets do not run it as a formula).", "", "## Limits", ""]
    lines += [f"* {limit}" for limit in LIMITS]
    lines += ["", "## Licence", "", f"{LICENCE_NOTE[0].upper()}{LICENCE_NOTE[1:]}. The texts "
              "belong to the police units that published them; police-news adds no rights. "
              "Cite the `source_url` of every article you quote.", ""]
    return "\n".join(lines)


def write_package(conn: sqlite3.Connection, data_path: Path, fmt: str, fields: Sequence[Field],
                  stats: ExportStats, filters: Mapping[str, Any], command: str,
                  created: str) -> tuple[Path, Path]:
    """Write (or update) ``datapackage.json`` and ``README.md`` beside ``data_path``."""
    package_path, card_path = package_paths(data_path)
    new = resource(data_path, fmt, fields, stats, filters, command, created)
    package = build_package(new, site_sources(conn, stats.by_site), created,
                            _ours_package(package_path) if package_path.exists() else None,
                            data_path.parent)
    package_path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
    card_path.write_text(render_card(package, new, stats, fields), encoding="utf-8")
    return package_path, card_path
