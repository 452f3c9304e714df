"""``police-news crawl``: fetch new and changed articles from the sites."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from crawler.cli.common import (
    EXIT_LOCKED,
    EXIT_SITES_FAILED,
    EXIT_USAGE,
    CliState,
    die,
    pass_state,
)
from crawler.cli.report import print_run_summary
from crawler.dates import parse_date_arg
from crawler.lock import CrawlLock, LockedError
from crawler.platforms.base import known_sites
from crawler.registry import PLATFORMS, RegistryError, Site
from crawler.runner import CrawlOptions, default_jobs, run_sites, spider_classes
from crawler.store import Store


def cluster_after_crawl(db_path: Path) -> str:
    """Link the new articles to their syndicated copies; a line for the summary ('' if none)."""
    from crawler.dedupe import cluster_new  # numpy + datasketch only after a crawl

    with Store(db_path) as store:
        copies = cluster_new(store)
    return f"Near-duplicates: {copies.summary()}" if copies.signed else ""


def parse_overrides(pairs: Sequence[str]) -> dict[str, str]:
    """``NAME=VALUE`` pairs of ``-s`` options; a malformed one is a usage error."""
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            die(f"-s {pair!r} is not NAME=VALUE (e.g. -s DOWNLOAD_DELAY=5)")
        overrides[name.strip()] = value
    return overrides


def parse_window(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """--since/--until as datetimes; a bad value is a usage error naming the option."""
    values = []
    for option, raw in (("--since", since), ("--until", until)):
        try:
            values.append(parse_date_arg(raw) if raw else None)
        except ValueError as exc:
            die(f"{option}: {exc}")
    start, end = values
    if start and end and start >= end:
        die(f"--since ({since}) must be before --until ({until})")
    return start, end


def select_sites(state: CliState, site_ids: Sequence[str], platforms: Sequence[str],
                 include_disabled: bool) -> list[Site]:
    """The sites to crawl: named ones, else every active (non-demo) site."""
    try:
        known = known_sites(str(state.db_path))
    except RegistryError as exc:
        die(f"the site registry is broken: {exc}", 1)
    if site_ids:
        unknown = [s for s in site_ids if s not in known]
        if unknown:
            die(f"unknown site{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}: "
                "`police-news sites list` shows the known ids, "
                "`police-news sites add URL --id ID` adds one")
        chosen = [known[s] for s in dict.fromkeys(site_ids)]
        blocked = [s for s in chosen if not s.crawlable and not include_disabled]
        if blocked:
            die("; ".join(f"site {s.id!r} is {s.status} ({s.status_reason})" for s in blocked)
                + ": pass --include-disabled to crawl it anyway")
    else:
        chosen = [s for s in known.values()
                  if (s.crawlable or include_disabled) and s.source != "demo"]
    if platforms:
        chosen = [s for s in chosen if s.platform in platforms]
    return chosen


def runnable_sites(chosen: Sequence[Site], named: bool) -> list[Site]:
    """The chosen sites whose platform has a spider. Named sites without one are a usage
    error; from a default selection they are skipped with a warning."""
    classes = spider_classes()
    unsupported = [s for s in chosen if s.platform not in classes]
    if unsupported and named:
        die("; ".join(f"site {s.id!r} runs on {s.platform}, which has no spider yet"
                      for s in unsupported), EXIT_USAGE)
    if unsupported:
        click.echo(f"warning: skipping {len(unsupported)} site(s) whose platform has no spider "
                   f"yet: {', '.join(s.id for s in unsupported)}", err=True)
    return [s for s in chosen if s.platform in classes]


F = TypeVar("F", bound=Callable[..., Any])


def selection_options(verb: str) -> Callable[[F], F]:
    """The options that choose what a crawl (or a distributed batch) covers: --site,
    --platform, --since, --until, --all, --limit, --include-disabled and -s."""
    options = (
        click.option("--site", "site_ids", multiple=True, metavar="ID",
                     help=f"{verb.capitalize()} this site (repeatable). Default: every "
                          "active site."),
        click.option("--platform", "platforms", multiple=True, type=click.Choice(PLATFORMS),
                     help="Only sites on this platform (repeatable)."),
        click.option("--since", metavar="DATE",
                     help="Only articles published from DATE (YYYY-MM-DD, ISO 8601, or a span "
                          "like 7d). Default: each site's watermark minus the overlap window."),
        click.option("--until", metavar="DATE", help="Only articles published before DATE."),
        click.option("--all", "full", is_flag=True,
                     help="Ignore the watermarks: fetch each site's whole history again."),
        click.option("--limit", type=click.IntRange(min=1), metavar="N",
                     help="At most N articles per site (for trying a site out)."),
        click.option("--include-disabled", is_flag=True,
                     help=f"Also {verb} sites whose status is unavailable or disabled."),
        click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
                     help="Override a Scrapy setting, e.g. -s DOWNLOAD_DELAY=5 (repeatable)."),
    )

    def apply(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return apply


@click.command()
@selection_options("crawl")
@click.option("--cluster/--no-cluster", default=True, show_default=True,
              help="After the crawl, group the new articles with their syndicated copies "
                   "(see `police-news dupes`; --no-cluster leaves it to the next run).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="A progress line per site every 10 seconds on stderr.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Crawl in N processes, the sites split between them (sites on one host "
                   "always in the same one). Parsing and storing is CPU work: more processes "
                   "use more cores, each ~150 MB. [default: one per core, at most 4]")
@click.option("--archive-dir", type=click.Path(file_okay=False, path_type=Path), metavar="PATH",
              help="Keep the WARC archive of every response here [default: $POLICE_NEWS_ARCHIVE, "
                   "else archive/ next to the database].")
@click.option("--no-archive", is_flag=True,
              help="Do not archive the responses (re-extraction then has nothing to work on).")
@click.option("--redis", "redis_url", metavar="URL",
              help="Run as a worker of a distributed crawl: take sites queued by `police-news "
                   "enqueue` from this Redis (see docs/distributed.md).")
@click.option("--idle-exit", type=click.FloatRange(min=0), metavar="SECONDS",
              help="With --redis: exit 0 once there was nothing to crawl for this long.")
@pass_state
def crawl(state: CliState, site_ids: tuple[str, ...], platforms: tuple[str, ...],
          since: str | None, until: str | None, full: bool, limit: int | None,
          include_disabled: bool, overrides: tuple[str, ...], progress: bool, cluster: bool,
          jobs: int | None, archive_dir: Path | None, no_archive: bool, redis_url: str | None,
          idle_exit: float | None) -> None:
    """Fetch new and changed articles into the database.

    Each site is crawled from its own watermark (the newest article its last successful crawl
    stored) minus an overlap window, so running this every hour fetches only what is new.
    A site that fails does not stop the others; the summary at the end says which failed and
    why, and the exit code is 3 when any did.
    """
    start, end = parse_window(since, until)
    settings: dict[str, object] = {**parse_overrides(overrides)}
    if archive_dir is not None:
        settings["POLICE_NEWS_ARCHIVE_DIR"] = str(archive_dir)
    if no_archive:
        settings["POLICE_NEWS_ARCHIVE"] = False
    if redis_url is not None:
        from crawler.cli.distributed import run_worker_command

        run_worker_command(state, redis_url, site_ids=site_ids, idle_exit=idle_exit,
                           settings=settings, progress=progress, local_only={
                               "--platform": platforms, "--since": since, "--until": until,
                               "--all": full, "--limit": limit, "--jobs": jobs,
                               "--include-disabled": include_disabled})
    if idle_exit is not None:
        die("--idle-exit is for workers: use it with --redis URL")
    chosen = select_sites(state, site_ids, platforms, include_disabled)
    if not chosen:
        die("no site matches: `police-news sites list` shows what is known")
    runnable = runnable_sites(chosen, named=bool(site_ids))
    unsupported = len(runnable) < len(chosen)
    level = ("WARNING", "INFO", "DEBUG")[min(state.verbose, 2)]
    lock = CrawlLock(state.db_path)
    try:
        lock.acquire()
    except LockedError as exc:
        die(str(exc), EXIT_LOCKED)
    try:
        if lock.took_over:
            click.echo(f"note: the previous crawl (pid {lock.previous.get('pid')}) ended without "
                       "finishing; its unfinished sites are crawled again from their "
                       "watermarks", err=True)
        click.echo(f"Crawling {len(runnable)} site(s) into {state.db_path} …", err=True)
        run_id = run_sites(runnable, state.db_path,
                           CrawlOptions(since=start, until=end, full=full, limit=limit,
                                        settings=settings, log_level=level,
                                        progress_interval=10.0 if progress else 0,
                                        jobs=jobs or default_jobs()))
        copies = cluster_after_crawl(state.db_path) if cluster else ""
    finally:
        lock.release()
    with Store(state.db_path) as store:
        runs = store.runs(run_id)
    failed = print_run_summary(runs, state.db_path, archive_dir)
    if copies:
        click.echo(copies)
    if failed or unsupported:
        raise SystemExit(EXIT_SITES_FAILED)
