"""``police-news export``: the articles as a dataset file, with its data package and card."""

from __future__ import annotations

import shlex
import sqlite3
from datetime import datetime
from pathlib import Path

import click

from crawler.cli.common import CliState, die, pass_state
from crawler.datapackage import check_package_dir, write_package
from crawler.dates import parse_date_arg
from crawler.export import (
    FORMATS,
    SUFFIXES,
    ExportError,
    ExportFilter,
    export_fields,
    open_readonly,
)
from crawler.export import export as run_export
from crawler.registry import KINDS
from crawler.store import DEFAULT_DB, utc_now

DEFAULT_DIR = Path("output") / "dataset"


def _date(option: str, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_date_arg(value)
    except ValueError as exc:
        die(f"{option}: {exc}")


def _format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is None:
        return "parquet"
    guessed = SUFFIXES.get(output.suffix.lower())
    if guessed is None:
        die(f"cannot tell the format from {output.name!r}: pass --format "
            f"({', '.join(FORMATS)}) or end the name with .jsonl, .csv or .parquet")
    return guessed


def _command_line(state: CliState, fmt: str, output: Path, options: dict[str, object]) -> str:
    """The export as a command line (for the dataset card), options in a fixed order."""
    words = ["police-news"]
    if state.db_path != DEFAULT_DB:
        words += ["--db", str(state.db_path)]
    words += ["export", "--format", fmt, "-o", str(output)]
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            words.append(flag)
        elif isinstance(value, tuple):
            for item in value:
                words += [flag, str(item)]
        elif value not in (None, False):
            words += [flag, str(value)]
    return shlex.join(words)


def _check_sites(conn: sqlite3.Connection, sites: tuple[str, ...]) -> None:
    for site_id in sites:
        known = conn.execute("SELECT 1 FROM sites WHERE id = ? UNION ALL SELECT 1 FROM articles "
                             "WHERE site_id = ? LIMIT 1", (site_id, site_id)).fetchone()
        if known is None:
            die(f"--site {site_id!r}: no such site in the database "
                "(`police-news sites list` shows the ids)")


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="File format [default: from the -o suffix, else parquet].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; datapackage.json and README.md go beside it "
                   f"[default: {DEFAULT_DIR}/articles.FORMAT].")
@click.option("--since", metavar="DATE", help="Published at or after DATE (2024-01-01, 7d, ISO).")
@click.option("--until", metavar="DATE", help="Published before DATE.")
@click.option("--site", "sites", metavar="ID", multiple=True, help="Only this site (repeatable).")
@click.option("--polda", metavar="NAME", help="Only this Polda ('Polda Lampung' or 'Lampung').")
@click.option("--unit", metavar="NAME", help="Only this unit ('Polres Metro').")
@click.option("--kind", type=click.Choice(KINDS), help="Only sites of this kind.")
@click.option("--query", metavar="TEXT",
              help='Only articles whose title or text has every word ("…" for a phrase).')
@click.option("--include-duplicates/--origin-only", default=True, show_default=True,
              help="Keep copies of a story other sites republished, or only its origin.")
@click.option("--include-quarantined", is_flag=True, help="Also rows held back as suspect.")
@click.option("--with-html", is_flag=True, help="Add the sanitized body HTML column.")
@pass_state
def export(state: CliState, fmt: str | None, output: Path | None, since: str | None,
           until: str | None, sites: tuple[str, ...], polda: str | None, unit: str | None,
           kind: str | None, query: str | None, include_duplicates: bool,
           include_quarantined: bool, with_html: bool) -> None:
    """Write the articles to a JSONL, CSV or Parquet file, with a Frictionless
    datapackage.json and a dataset card (README.md) beside it.

    \b
    Examples:
      police-news export -o output/dataset/articles.parquet
      police-news export --format csv -o lampung/articles.csv --polda Lampung --since 2024-01-01
      police-news export -o narkoba.jsonl --query "sabu" --origin-only
    """
    fmt = _format(fmt, output)
    output = output or DEFAULT_DIR / f"articles.{fmt}"
    start, end = _date("--since", since), _date("--until", until)
    if start is not None and end is not None and end <= start:
        die(f"--until {until} is not after --since {since}")
    selection = ExportFilter(
        since=start, until=end, sites=tuple(sites),
        polda=polda, unit=unit, kind=kind, query=query, include_duplicates=include_duplicates,
        include_quarantined=include_quarantined)
    command = _command_line(state, fmt, output, {
        "since": since, "until": until, "site": tuple(sites), "polda": polda, "unit": unit,
        "kind": kind, "query": query, "origin_only": not include_duplicates,
        "include_quarantined": include_quarantined, "with_html": with_html})
    try:
        check_package_dir(output)
        conn = open_readonly(state.db_path)
    except ExportError as exc:
        die(str(exc))
    try:
        _check_sites(conn, selection.sites)
        created = utc_now()
        stats = run_export(conn, output, fmt, selection, with_html=with_html)
        package, card = write_package(conn, output, fmt, export_fields(with_html), stats,
                                      selection.describe(), command, created)
    except ExportError as exc:
        die(str(exc))
    finally:
        conn.close()
    click.echo(f"Wrote {stats.rows} article(s) to {output} ({fmt}); "
               f"described in {package} and {card}.")
    if stats.rows == 0:
        click.echo("No article matched: the file has the columns but no rows.", err=True)
