"""``police-news reextract``, ``archive-export`` and ``archive-prune``: working with the WARC
archive of every response the crawls received (see docs/archive.md)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from crawler.archive import export_wacz, human_bytes, prune_archive, resolve_archive_dir
from crawler.cli.common import EXIT_SITES_FAILED, CliState, die, pass_state
from crawler.cli.report import table
from crawler.dates import parse_date_arg
from crawler.platforms.base import known_sites
from crawler.reextract import reextract as run_reextract
from crawler.registry import RegistryError
from crawler.runner import spider_classes

_ARCHIVE_DIR = click.option(
    "--archive-dir", type=click.Path(file_okay=False, path_type=Path), metavar="PATH",
    help="The WARC directory [default: $POLICE_NEWS_ARCHIVE, else archive/ next to the "
         "database].")
_SINCE = click.option("--since", metavar="DATE",
                      help="Only responses fetched from DATE (YYYY-MM-DD, ISO 8601, or 7d).")
_SITES = click.option("--site", "site_ids", multiple=True, metavar="ID",
                      help="Only this site (repeatable). Default: every site in the archive.")


def _archive_dir(state: CliState, given: Path | None) -> Path:
    directory = resolve_archive_dir(given, state.db_path)
    if not directory.is_dir():
        die(f"no archive at {directory}: crawl with archiving on (the default) first, "
            "or pass --archive-dir")
    return directory


def _since(value: str | None) -> datetime | None:
    try:
        return parse_date_arg(value) if value else None
    except ValueError as exc:
        die(f"--since: {exc}")


@click.command()
@_SITES
@_SINCE
@click.option("--dry-run", is_flag=True, help="Only count what would change; write nothing.")
@_ARCHIVE_DIR
@pass_state
def reextract(state: CliState, site_ids: tuple[str, ...], since: str | None, dry_run: bool,
              archive_dir: Path | None) -> None:
    """Re-extract articles from the archived responses, without any network access.

    Each archived response goes back to the spider method that parsed it during the crawl,
    with today's parsers; the articles go through the same cleaning as in a crawl. Unchanged
    articles stay as they are; changed ones get a new version (the old one is kept) stamped
    with the current parser version. Exit code 3 when some response could not be re-extracted.
    """
    directory = _archive_dir(state, archive_dir)
    start = _since(since)
    try:
        sites = known_sites(str(state.db_path))
    except RegistryError as exc:
        die(f"the site registry is broken: {exc}", 1)
    unknown = [s for s in site_ids if s not in sites]
    if unknown:
        die(f"unknown site(s) {', '.join(map(repr, unknown))}: `police-news sites list` "
            "shows the known ids")
    results = run_reextract(state.db_path, directory, sites, spider_classes(),
                            site_ids=site_ids, since=start, dry_run=dry_run)
    if not results:
        click.echo(f"No archived response to re-extract in {directory}.")
        return
    rows = [(r.site_id, r.records, r.unchanged, r.changed, r.new, r.dropped, r.failed,
             (r.first_problem or "")[:70]) for r in results]
    click.echo(table(rows, ("site", "responses", "unchanged", "changed", "new", "dropped",
                            "failed", "first problem")))
    failed = sum(r.failed for r in results)
    verb = "would change" if dry_run else "changed"
    click.echo(f"\n{len(results)} site(s): {sum(r.unchanged for r in results)} unchanged, "
               f"{sum(r.changed for r in results)} {verb}, {sum(r.new for r in results)} new, "
               f"{failed} failed." + (" Dry run: nothing was written." if dry_run else ""))
    if failed:
        raise SystemExit(EXIT_SITES_FAILED)


@click.command("archive-export")
@click.option("--wacz", "wacz_path", required=True, metavar="PATH",
              type=click.Path(dir_okay=False, path_type=Path),
              help="The WACZ file to write (replay it in ReplayWeb.page or pywb).")
@_SITES
@_SINCE
@_ARCHIVE_DIR
@pass_state
def archive_export(state: CliState, wacz_path: Path, site_ids: tuple[str, ...],
                   since: str | None, archive_dir: Path | None) -> None:
    """Package archived responses as a WACZ web archive (WARC, index, pages, datapackage)."""
    directory = _archive_dir(state, archive_dir)
    try:
        result = export_wacz(directory, wacz_path,
                             state.db_path if state.db_path.exists() else None,
                             sites=site_ids, since=_since(since))
    except ValueError as exc:
        die(str(exc))
    click.echo(f"Wrote {wacz_path}: {result.responses} responses ({result.records} records), "
               f"{result.pages} pages, {human_bytes(result.size)}.")


@click.command("archive-prune")
@click.option("--keep-latest", is_flag=True,
              help="Keep only the responses stored articles were read from (required).")
@click.option("--dry-run", is_flag=True, help="Only say how much would be freed.")
@_ARCHIVE_DIR
@pass_state
def archive_prune(state: CliState, keep_latest: bool, dry_run: bool,
                  archive_dir: Path | None) -> None:
    """Free disk space: drop every archived response no stored article was read from.

    What stays: for each article, the response its stored content came from (with its
    request record), so re-extraction and replay of the current articles keep working.
    Feed pages that produced no article, robots.txt, errors and older captures go.
    """
    if not keep_latest:
        die("say what to keep: --keep-latest (the responses stored articles were read from)")
    directory = _archive_dir(state, archive_dir)
    if not state.db_path.exists():
        die(f"no database at {state.db_path}: pass --db")
    try:
        result = prune_archive(directory, state.db_path, dry_run=dry_run)
    except ValueError as exc:
        die(str(exc))
    verb = "would keep" if dry_run else "kept"
    click.echo(f"Archive {directory}: {human_bytes(result.bytes_before)} in "
               f"{result.files_before} file(s) before, {human_bytes(result.bytes_after)} in "
               f"{result.files_after} after; {verb} {result.records_kept} records, dropped "
               f"{result.records_dropped}.")
    if result.skipped:
        click.echo(f"Left alone (a crawl is still writing them): {', '.join(result.skipped)}")
    if dry_run:
        click.echo("Dry run: nothing was changed.")
