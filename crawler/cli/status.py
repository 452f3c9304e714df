"""``police-news status``: the health of every site, from the data."""

from __future__ import annotations

import json

import click

from crawler.cli.common import CliState, die, pass_state
from crawler.cli.report import table
from crawler.store import Store


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (for monitoring).")
@pass_state
def status(state: CliState, as_json: bool) -> None:
    """Per site: last run, its result and cause, article counts, newest article."""
    if not state.db_path.exists():
        die(f"no database at {state.db_path}: run `police-news crawl` (or `police-news demo`) "
            "first, or pass --db")
    with Store(state.db_path) as store:
        summaries = store.site_summaries()
    if as_json:
        click.echo(json.dumps(summaries, ensure_ascii=False, indent=2))
        return
    if not summaries:
        click.echo("No crawl has run yet.")
        return
    rows = [(s["site"], s["last_run"], s["last_status"], s["articles"], s["articles_7d"],
             s["newest_article"] or "", (s["last_error"] or "")[:60]) for s in summaries]
    click.echo(table(rows, ("site", "last run", "result", "articles", "7 days", "newest",
                            "last error")))
