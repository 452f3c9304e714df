"""``police-news sites``: list the known sites, add and remove your own."""

from __future__ import annotations

import json

import click

from crawler.cli.common import EXIT_ERROR, CliState, die, pass_state
from crawler.cli.report import table
from crawler.platforms.base import known_sites
from crawler.registry import (
    KINDS,
    PLATFORMS,
    STATUSES,
    UNIT_LEVELS,
    RegistryError,
    Site,
    site_from_row,
)
from crawler.store import Store
from crawler.urls import BadURLError, check_site_url


@click.group()
def sites() -> None:
    """List the known sites; add and remove your own."""


@sites.command("list")
@click.option("--json", "as_json", is_flag=True,
              help="Print a JSON list of objects (id, url, platform, kind, status, …).")
@click.option("--platform", type=click.Choice(PLATFORMS), help="Only this platform.")
@click.option("--polda", metavar="NAME", help="Only this Polda (e.g. 'Polda Lampung', 'lampung').")
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind.")
@click.option("--status", "status_", type=click.Choice(STATUSES), help="Only this status.")
@pass_state
def list_sites(state: CliState, as_json: bool, platform: str | None, polda: str | None,
               kind: str | None, status_: str | None) -> None:
    """The package registry plus the sites added to the database."""
    try:
        found = list(known_sites(str(state.db_path)).values())
    except RegistryError as exc:
        die(f"the site registry is broken: {exc}", EXIT_ERROR)
    wanted = (polda or "").lower().removeprefix("polda ").strip()
    found = [s for s in found
             if (platform is None or s.platform == platform)
             and (kind is None or s.kind == kind)
             and (status_ is None or s.status == status_)
             and (not wanted or s.polda.lower().removeprefix("polda ").strip() == wanted)]
    found.sort(key=lambda s: (s.source != "registry", s.polda, s.id))
    if as_json:
        click.echo(json.dumps([s.to_dict() for s in found], ensure_ascii=False, indent=2))
        return
    click.echo(table([(s.id, s.platform, s.kind, s.status, s.polda, s.unit_name, s.url,
                       s.source) for s in found],
                     ("id", "platform", "kind", "status", "polda", "unit", "url", "source")))
    click.echo(f"\n{len(found)} site(s)")


@sites.command("add")
@click.argument("url")
@click.option("--id", "site_id", required=True, help="Short id: a-z, 0-9 and '-' (3-40 chars).")
@click.option("--platform", type=click.Choice(PLATFORMS),
              help="The platform; detected from the site when left out.")
@click.option("--name", help="Display name [default: the host].")
@click.option("--unit", "unit_name", default="", help="Issuing unit, e.g. 'Polres Metro'.")
@click.option("--unit-level", type=click.Choice(UNIT_LEVELS), default="other", show_default=True)
@click.option("--polda", default="", help="e.g. 'Polda Lampung'.")
@click.option("--province", default="", help="e.g. 'Lampung' (sets WIB/WITA/WIT).")
@click.option("--kind", type=click.Choice(KINDS), default="reprint", show_default=True)
@pass_state
def add_site(state: CliState, url: str, site_id: str, platform: str | None, name: str | None,
             unit_name: str, unit_level: str, polda: str, province: str, kind: str) -> None:
    """Add a site at URL to the database (the package registry is not changed)."""
    from crawler.dates import timezone_name, tz_for_province
    from crawler.detect import detect_platform

    try:
        url = check_site_url(url)
    except BadURLError as exc:
        die(str(exc))
    existing = known_sites(str(state.db_path))
    if site_id in existing:
        die(f"id {site_id!r} is already used by {existing[site_id].url}; choose another --id")
    detected_by = "given with --platform"
    if platform is None:
        detection = detect_platform(url)
        platform, detected_by = detection.platform, detection.evidence
        click.echo(f"Detected platform: {platform} ({detected_by})")
    row = {"id": site_id, "name": name or url.split("://", 1)[1], "url": url,
           "platform": platform, "unit_level": unit_level, "unit_name": unit_name,
           "polda": polda, "province": province, "kind": kind,
           "timezone": timezone_name(tz_for_province(province)) or "WIB"}
    try:
        site: Site = site_from_row(row, "sites add", source="user")
    except RegistryError as exc:
        die(str(exc).removeprefix("sites add: "))
    with Store(state.db_path) as store:
        store.add_site(site, detected_by=detected_by)
    click.echo(f"Added {site.id} ({site.platform}) {site.url} to {state.db_path}")


@sites.command("remove")
@click.argument("site_id")
@pass_state
def remove_site(state: CliState, site_id: str) -> None:
    """Forget a site you added (its stored articles stay)."""
    with Store(state.db_path) as store:
        if not store.remove_site(site_id):
            die(f"{site_id!r} is not a site added to {state.db_path} "
                "(registry sites cannot be removed; their status can be changed in the registry)")
    click.echo(f"Removed {site_id}")


@sites.command("detect")
@click.argument("url")
def detect_site(url: str) -> None:
    """Report which platform the site at URL runs on (stores nothing)."""
    from crawler.detect import detect_platform

    try:
        url = check_site_url(url)
    except BadURLError as exc:
        die(str(exc))
    detection = detect_platform(url)
    click.echo(f"{url}: {detection.platform} ({detection.evidence})")
