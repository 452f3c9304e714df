"""The ``police-news`` command line.

Each command lives in a module of its own and is registered here. Errors a user can fix
print one ``error: …`` line and exit non-zero (codes in :mod:`crawler.cli.common`).
"""

from __future__ import annotations

import click

from crawler import __version__
from crawler.cli.archive import archive_export, archive_prune, reextract
from crawler.cli.common import CliState
from crawler.cli.crawl import crawl
from crawler.cli.demo import demo
from crawler.cli.distributed import enqueue, ingest
from crawler.cli.docs import docs
from crawler.cli.dupes import dupes, sites_unflag
from crawler.cli.export import export
from crawler.cli.recheck import recheck
from crawler.cli.serve import serve
from crawler.cli.sites import sites
from crawler.cli.status import status


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", metavar="PATH", envvar="POLICE_NEWS_DB", show_envvar=True,
              help="SQLite database to use [default: output/police_news.db].")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(__version__, prog_name="police-news")
@click.pass_context
def main(ctx: click.Context, db: str | None, verbose: int) -> None:
    """Crawl the news Indonesian police units publish into one SQLite database.

    \b
    Typical use:
      police-news demo                     offline demo: serve sample blogs on loopback, crawl them
      police-news sites list               the sites the crawler knows
      police-news crawl                    crawl every active site (incremental after the first run)
      police-news crawl --site ID --since 2024-01-01
      police-news status                   per site: last run, result, articles, newest article
      police-news export -o output/dataset/articles.parquet   a dataset file + datapackage.json
      police-news serve                    browse in Datasette at http://127.0.0.1:8001

    Exit codes: 0 ok, 1 unexpected error, 2 usage error, 3 some sites failed, 4 database locked.
    """
    ctx.obj = CliState(db, verbose)


for command in (
    crawl,
    sites,
    status,
    demo,
    recheck,
    export,
    serve,
    reextract,
    archive_export,
    archive_prune,
    docs,
    enqueue,
    ingest,
    dupes,
):
    main.add_command(command)
sites.add_command(sites_unflag)
