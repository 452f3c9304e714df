"""``police-news dupes``: the releases most syndicated across sites; ``sites unflag``."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from crawler.cli.common import CliState, die, pass_state
from crawler.cli.report import table
from crawler.lock import CrawlLock, LockedError
from crawler.store import Store


def _need_db(state: CliState) -> None:
    if not state.db_path.exists():
        die(f"no database at {state.db_path}: run `police-news crawl` (or `police-news demo`) "
            "first, or pass --db")


@click.command()
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              metavar="N", help="Show the N biggest clusters.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              metavar="N", help="Only clusters of at least N articles.")
@click.option("--json", "as_json", is_flag=True,
              help="Print a JSON list (cluster_id, size, origin, members).")
@click.option("--update/--no-update", default=True, show_default=True,
              help="First cluster the articles stored since the last clustering.")
@pass_state
def dupes(state: CliState, limit: int, min_size: int, as_json: bool, update: bool) -> None:
    """The biggest clusters of copies of one release across sites.

    Copies are near-duplicate bodies (MinHash over word shingles, Jaccard >= 0.7, published
    within 30 days); the origin is the earliest copy, an official site's at equal time.
    """
    from crawler.dedupe import biggest_clusters, cluster_new

    _need_db(state)
    with Store(state.db_path) as store:
        if update:
            try:
                with CrawlLock(state.db_path, purpose="dupes"):
                    stats = cluster_new(store)
                if stats.signed:
                    click.echo(f"Clustered: {stats.summary()}", err=True)
            except LockedError as exc:
                click.echo(f"note: not clustering new articles now ({exc})", err=True)
        clusters = biggest_clusters(store, limit, min_size)
    if as_json:
        click.echo(json.dumps([asdict(c) for c in clusters], ensure_ascii=False, indent=2))
        return
    if not clusters:
        click.echo(f"No cluster of {min_size} or more copies.")
        return
    rows = [(c.cluster_id, c.size, c.origin["site_id"], c.origin["published_at"] or "",
             _short(c.origin["title"]), ", ".join(m["site_id"] for m in c.members))
            for c in clusters]
    click.echo(table(rows, ("cluster", "size", "origin site", "published", "origin title",
                            "members (sites)")))


@click.command("unflag")
@click.argument("site_id")
@pass_state
def sites_unflag(state: CliState, site_id: str) -> None:
    """Clear a site's spam flag after checking it (its non-spam articles are released)."""
    from crawler.spam import unflag_site

    _need_db(state)
    with Store(state.db_path) as store:
        released = unflag_site(store, site_id)
    if released is None:
        die(f"site {site_id!r} is not flagged as spam (`police-news status` lists flagged sites)")
    click.echo(f"Unflagged {site_id}: {released} quarantined article(s) released; articles that "
               "are spam themselves stay quarantined")


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
