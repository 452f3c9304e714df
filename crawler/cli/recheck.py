"""``police-news recheck``: find stored articles that disappeared upstream."""

from __future__ import annotations

import click

from crawler.cli.common import EXIT_LOCKED, EXIT_SITES_FAILED, CliState, die, pass_state
from crawler.cli.crawl import parse_overrides, select_sites
from crawler.cli.report import table
from crawler.lock import CrawlLock, LockedError
from crawler.recheck import RecheckSpider
from crawler.runner import CrawlOptions, run_sites
from crawler.store import Store


@click.command()
@click.option("--site", "site_ids", multiple=True, metavar="ID",
              help="Re-check this site (repeatable). Default: every active site.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True,
              metavar="N", help="Articles per site, the ones seen longest ago first.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting (repeatable).")
@pass_state
def recheck(state: CliState, site_ids: tuple[str, ...], limit: int,
            overrides: tuple[str, ...]) -> None:
    """Ask the sites again for stored articles: 404/410 marks them removed.

    Removed articles are never deleted: ``removed_at`` is set (and cleared again if the page
    comes back). Use it now and then, e.g. weekly from cron.
    """
    settings = parse_overrides(overrides)
    chosen = select_sites(state, site_ids, (), include_disabled=bool(site_ids))
    with Store(state.db_path) as store:
        chosen = [s for s in chosen if store.article_count(s.id)]
    if not chosen:
        die("no stored articles to re-check for these sites")
    try:
        with CrawlLock(state.db_path, purpose="recheck"):
            run_id = run_sites(chosen, state.db_path,
                               CrawlOptions(limit=limit, settings=settings,
                                            progress_interval=0),
                               spider_cls=RecheckSpider)
    except LockedError as exc:
        die(str(exc), EXIT_LOCKED)
    with Store(state.db_path) as store:
        runs = store.runs(run_id)
        removed = dict(store.conn.execute(
            "SELECT site_id, count(*) FROM articles WHERE removed_at IS NOT NULL "
            "GROUP BY site_id").fetchall())
    rows = [(r["site_id"], r["status"], r["responses"], removed.get(r["site_id"], 0),
             r["errors"], (r["error"] or "")[:60]) for r in runs]
    click.echo(table(rows, ("site", "result", "checked", "removed (all time)", "errors",
                            "cause")))
    if any(r["status"] != "ok" for r in runs):
        raise SystemExit(EXIT_SITES_FAILED)
