"""What every CLI command shares: exit codes, the database option, readable failures."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from crawler.store import resolve_db_path

#: Exit codes (documented in the README).
EXIT_OK = 0
EXIT_ERROR = 1          # something unexpected; a bug report is welcome
EXIT_USAGE = 2          # the command line or its input is wrong: the user must act
EXIT_SITES_FAILED = 3   # the crawl ran, but one or more sites failed (see `police-news status`)
EXIT_LOCKED = 4         # another crawl holds the database's lock


class CliState:
    """Options given before the command (``police-news --db X -v crawl``)."""

    def __init__(self, db: str | None, verbose: int) -> None:
        self.db_path: Path = resolve_db_path(db)
        self.verbose = verbose


def die(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print one readable error line and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


pass_state = click.make_pass_decorator(CliState)
