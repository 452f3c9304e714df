"""``police-news demo``: the whole pipeline, offline, in one command."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from crawler.cli.common import EXIT_LOCKED, EXIT_SITES_FAILED, CliState, die, pass_state
from crawler.cli.crawl import cluster_after_crawl
from crawler.cli.report import print_run_summary
from crawler.lock import CrawlLock, LockedError
from crawler.runner import CrawlOptions, run_sites
from crawler.store import Store

#: Loopback needs no politeness delay; everything else stays as in a real crawl.
LOOPBACK_SETTINGS = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_START_DELAY": 0,
                     "DOWNLOAD_DELAY_JITTER": 0}


@click.command()
@click.option("--serve", is_flag=True,
              help="Keep serving the sample sites after the crawl (Ctrl-C stops).")
@pass_state
def demo(state: CliState, serve: bool) -> None:
    """Serve sample police humas blogs on 127.0.0.1 and crawl them into the database.

    Realistic sample sites of every supported platform (see crawler/demo/catalog.py: Blogger
    blogs with multi-page feeds, a custom domain that pages through another host and a
    summary-only feed; WordPress with its REST API open and with it closed; …) are generated,
    served on loopback and crawled exactly like real sites. Nothing leaves this machine.
    """
    from crawler.demo.catalog import build_demo_web  # the demo's data is built only when asked
    from crawler.demo.mockweb import MockWeb

    failed = 0
    web = MockWeb()
    sites, _ = build_demo_web(web)
    web.start()
    try:
        with Store(state.db_path) as store:
            for site in sites:
                store.add_site(site, detected_by="demo")
        click.echo("Serving the demo sites on loopback:")
        for site in sites:
            click.echo(f"  {site.id:<26} {site.url}  ({site.name})")
        level = ("WARNING", "INFO", "DEBUG")[min(state.verbose, 2)]
        started = time.monotonic()
        try:
            with CrawlLock(state.db_path, purpose="demo"):
                run_id = run_sites(sites, state.db_path,
                                   CrawlOptions(settings=LOOPBACK_SETTINGS, log_level=level))
                copies = cluster_after_crawl(state.db_path)
        except LockedError as exc:
            die(str(exc), EXIT_LOCKED)
        with Store(state.db_path) as store:
            runs = store.runs(run_id)
            total = store.article_count()
        click.echo("")
        failed = print_run_summary(runs, state.db_path)
        if copies:
            click.echo(copies)
        click.echo(f"\n{total} articles in {state.db_path} "
                   f"({time.monotonic() - started:.1f}s, {len(web.log)} requests served).")
        tool = Path(sys.executable).parent
        click.echo("Look at the result:\n"
                   f"  {tool / 'police-news'} --db {state.db_path} status\n"
                   f"  {tool / 'sqlite-utils'} {state.db_path} \"select published_at, site_id, "
                   "title from articles order by published_utc desc limit 10\" --table\n"
                   f"  {tool / 'sqlite-utils'} search {state.db_path} articles narkoba "
                   "-c title -c published_at --limit 5 --table")
        if serve:
            click.echo("\nServing until Ctrl-C …")
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        web.stop()
    if failed:
        raise SystemExit(EXIT_SITES_FAILED)
