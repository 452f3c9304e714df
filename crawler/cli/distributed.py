"""The distributed crawl's commands: ``enqueue``, ``ingest``, the worker mode of ``crawl``
(``crawl --redis URL``) and ``status --redis URL`` (see docs/distributed.md)."""

from __future__ import annotations

import signal
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import click

from crawler.cli.common import EXIT_ERROR, EXIT_LOCKED, EXIT_USAGE, CliState, die, pass_state
from crawler.cli.crawl import (
    parse_overrides,
    parse_window,
    runnable_sites,
    select_sites,
    selection_options,
)
from crawler.cli.report import print_run_summary, table
from crawler.lock import CrawlLock, LockedError

if TYPE_CHECKING:
    import redis

# Redis and the distributed modules are imported when a command runs, not at CLI start-up.

REDIS_HELP = "Redis server holding the shared frontier, e.g. redis://10.0.0.5:6379/0."


def redis_client(url: str) -> redis.Redis:
    """A connected client, or one ``error:`` line and exit 2."""
    from crawler.distributed.common import RedisUrlError, connect

    try:
        return connect(url)
    except RedisUrlError as exc:
        die(str(exc), EXIT_USAGE)


@click.command()
@click.option("--redis", "redis_url", required=True, metavar="URL", help=REDIS_HELP)
@selection_options("queue")
@pass_state
def enqueue(state: CliState, redis_url: str, site_ids: tuple[str, ...],
            platforms: tuple[str, ...], since: str | None, until: str | None, full: bool,
            limit: int | None, include_disabled: bool, overrides: tuple[str, ...]) -> None:
    """Queue sites for the workers: each site's first requests, from the database's watermarks.

    Run it where the database is. Each site gets the requests a local `police-news crawl`
    would start with, and a snapshot of what its crawl may ask about stored articles; the
    workers (`police-news crawl --redis URL`) do the rest and `police-news ingest` writes the
    results. A site whose previous batch is still open is not queued again.
    """
    import redis

    from crawler.distributed.enqueue import enqueue_sites

    start, end = parse_window(since, until)
    settings = parse_overrides(overrides)
    client = redis_client(redis_url)
    chosen = select_sites(state, site_ids, platforms, include_disabled)
    if not chosen:
        die("no site matches: `police-news sites list` shows what is known")
    runnable = runnable_sites(chosen, named=bool(site_ids))
    try:
        results = enqueue_sites(client, state.db_path, runnable, since=start, until=end,
                                full=full, limit=limit, overrides=settings)
    except redis.RedisError as exc:
        die(f"Redis failed while queueing ({exc}); run enqueue again", EXIT_ERROR)
    rows = [(r.site_id, r.run_id or "", r.requests if not r.skipped else "",
             r.since.isoformat() if r.since else ("" if r.skipped else "the beginning"),
             r.skipped) for r in results]
    click.echo(table(rows, ("site", "run", "requests", "since", "note")))
    queued = [r for r in results if not r.skipped]
    click.echo(f"\n{len(queued)} site(s) queued, {len(results) - len(queued)} left alone. "
               "Workers: `police-news crawl --redis URL`; writer: `police-news ingest --redis "
               "URL`.")


@click.command()
@click.option("--redis", "redis_url", required=True, metavar="URL", help=REDIS_HELP)
@click.option("--idle-exit", type=click.FloatRange(min=0), metavar="SECONDS",
              help="Exit 0 once the frontier and the item stream stayed empty this long.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=500, show_default=True,
              help="Stream entries written per SQLite transaction.")
@pass_state
def ingest(state: CliState, redis_url: str, idle_exit: float | None, batch_size: int) -> None:
    """Write the workers' articles and run results into the database (the one writer).

    Entries are acknowledged only after their transaction commits, so stopping or killing
    this process at any moment loses nothing; started again, it carries on where it stopped.
    It holds the database's crawl lock while it runs.
    """
    import redis

    from crawler.distributed.writer import IngestStore, Writer

    client = redis_client(redis_url)
    lock = CrawlLock(state.db_path, purpose="ingest")
    try:
        lock.acquire()
    except LockedError as exc:
        die(str(exc), EXIT_LOCKED)
    stopping: list[int] = []

    def stop(signum: int, _: Any) -> None:
        stopping.append(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    click.echo(f"Writing items from {redis_url} into {state.db_path} …", err=True)
    store = IngestStore(state.db_path)
    try:
        totals = Writer(client, store, batch_size=batch_size).run(idle_exit,
                                                                  lambda: bool(stopping))
        runs = [dict(row) for row in store.conn.execute(
            f"SELECT * FROM crawl_runs WHERE id IN ({','.join('?' * len(totals.finished_runs))})"
            " ORDER BY site_id", totals.finished_runs)] if totals.finished_runs else []
    except redis.RedisError as exc:
        die(f"lost Redis ({exc}); nothing unwritten is lost: start `police-news ingest` "
            "again", EXIT_ERROR)
    finally:
        store.close()
        lock.release()
    if runs:
        print_run_summary(runs, state.db_path)
    dead = f"; {totals.dead} unreadable entr(y/ies) kept in pn:items:dead" if totals.dead else ""
    click.echo(f"{totals.entries} stream entr{'y' if totals.entries == 1 else 'ies'} written: "
               f"{totals.articles} articles ({totals.new} new, {totals.updated} updated), "
               f"{len(totals.finished_runs)} site run(s) finished{dead}.")


def run_worker_command(state: CliState, redis_url: str, *, site_ids: Sequence[str],
                       idle_exit: float | None, settings: Mapping[str, Any], progress: bool,
                       local_only: Mapping[str, Any]) -> None:
    """``police-news crawl --redis URL``: run a worker (never returns)."""
    from crawler.distributed.common import RedisUrlError
    from crawler.distributed.worker import WorkerOptions, run_worker

    given = [name for name, value in local_only.items() if value]
    if given:
        die(f"{', '.join(given)} belong{'s' if len(given) == 1 else ''} to `police-news "
            "enqueue` when crawling with --redis (workers crawl each site's batch as queued)")
    options = WorkerOptions(redis_url=redis_url, db_path=state.db_path,
                            sites=frozenset(site_ids), idle_exit=idle_exit,
                            settings=dict(settings),
                            log_level=("WARNING", "INFO", "DEBUG")[min(state.verbose, 2)],
                            progress_interval=10.0 if progress else 0.0)
    try:
        code = run_worker(options)
    except RedisUrlError as exc:
        die(str(exc), EXIT_USAGE)
    sys.exit(code)


def print_cluster_status(redis_url: str, as_json: bool) -> None:
    """``police-news status --redis URL``: queue depths, pending items, recent workers."""
    import json

    from crawler.distributed.cluster import cluster_status

    client = redis_client(redis_url)
    status = cluster_status(client)
    if as_json:
        click.echo(json.dumps(status, ensure_ascii=False, indent=2))
        return
    click.echo(f"Frontier: {len(status['sites'])} site(s) with an open batch, "
               f"{status['queued']} request(s) queued, {status['in_flight']} in flight; "
               f"{status['items_pending']} item(s) waiting for the writer"
               + (f" ({status['items_being_written']} being written)"
                  if status["items_being_written"] else "") + ".")
    if status["sites"]:
        click.echo("\n" + table([(s["site"], s["run_id"] or "", s["queued"], s["in_flight"],
                                  s["crawled_by"] or "(nobody)") for s in status["sites"]],
                                ("site", "run", "queued", "in flight", "crawled by")))
    workers = status["workers"]
    click.echo(f"\n{len(workers)} worker(s) seen in the last minute.")
    if workers:
        click.echo(table([(w["worker"], f"{w['seen_s_ago']:g} s ago", ", ".join(w["sites"]))
                          for w in workers], ("worker", "last seen", "crawling")))
    writer = status["writer"]
    click.echo("\nWriter: " + (f"pid {writer['pid']} on {writer['host']} writing {writer['db']}, "
                               f"seen {writer['seen_s_ago']:g} s ago" if writer
                               else "not running (items wait in the stream until "
                                    "`police-news ingest` runs)"))
    if status["dead_letters"]:
        click.echo(f"\n{status['dead_letters']} stream entr(y/ies) could not be written: "
                   "see `redis-cli XRANGE pn:items:dead - +`.")
