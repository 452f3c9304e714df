"""``police-news status``: the health of every site, from the data."""

from __future__ import annotations

import json

import click

from crawler.archive import archive_summary
from crawler.cli.common import CliState, die, pass_state
from crawler.cli.report import table
from crawler.spam import flag_report, flagged_sites
from crawler.store import Store


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (for monitoring).")
@click.option("--redis", "redis_url", metavar="URL",
              help="Show the distributed crawl instead: queue depth, items waiting for the "
                   "writer, workers seen recently (no database needed).")
@pass_state
def status(state: CliState, as_json: bool, redis_url: str | None) -> None:
    """Per site: last run, its result and cause, article counts, newest article."""
    if redis_url is not None:
        from crawler.cli.distributed import print_cluster_status

        print_cluster_status(redis_url, as_json)
        return
    if not state.db_path.exists():
        die(f"no database at {state.db_path}: run `police-news crawl` (or `police-news demo`) "
            "first, or pass --db")
    with Store(state.db_path) as store:
        summaries = store.site_summaries()
        flags = flagged_sites(store)
    for summary in summaries:
        summary["spam_flag"] = flags.get(summary["site"])  # None, or reason/evidence/since
    if as_json:
        click.echo(json.dumps(summaries, ensure_ascii=False, indent=2))
        return
    if not summaries:
        click.echo("No crawl has run yet.")
        return
    rows = [(s["site"], s["last_run"], s["last_status"], s["last_success"] or "never",
             s["articles"], s["articles_7d"], s["articles_30d"], s["newest_article"] or "",
             "STALE" if s["stale"] else "", (s["last_error"] or "")[:60]) for s in summaries]
    click.echo(table(rows, ("site", "last run", "result", "last success", "articles", "7d",
                            "30d", "newest", "stale", "last error")))
    archive = archive_summary(state.db_path)
    if archive:
        click.echo(f"\n{archive}")
    stale = [s["site"] for s in summaries if s["stale"]]
    if stale:
        click.echo(f"\n{len(stale)} stale site(s) — no new article for much longer than their "
                   f"usual cadence: {', '.join(stale)}")
    if flags:
        click.echo(f"\n{flag_report(flags)}")
