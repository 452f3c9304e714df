"""``police-news serve``: browse the database in Datasette (search, facets, canned queries)."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import click

from crawler.cli.common import CliState, die, pass_state
from crawler.datasette_metadata import SETTINGS, build_metadata, ensure_view
from crawler.export import ExportError, open_readonly


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                die(f"port {port} on {host} is in use: pass another --port")
            die(f"cannot listen on {host}:{port} ({exc.strerror})")


def _datasette_name(path: Path) -> str:
    # Datasette names a database after its file name without the suffix.
    return path.stem


@click.command()
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="TCP port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 shares the database with your network).")
@pass_state
def serve(state: CliState, port: int, host: str) -> None:
    """Browse the database in Datasette: full-text search, facets by Polda, site, unit and
    month, and canned queries (latest article per Polda, biggest duplicate clusters).

    Datasette only reads the database, so crawls can run meanwhile. It adds one view,
    articles_view (the articles to read, with a month column to facet on).
    """
    try:
        open_readonly(state.db_path).close()
    except ExportError as exc:
        die(str(exc))
    try:
        import uvicorn
        from datasette.app import Datasette
        from datasette.utils import StartupError
    except ImportError:
        die("Datasette is not installed: pip install 'police-news[datasets]'")
    _check_port(host, port)
    with_view = ensure_view(state.db_path)
    name = _datasette_name(state.db_path)
    try:
        ds = Datasette([str(state.db_path)], metadata=build_metadata(name, with_view),
                       settings=SETTINGS)
    except StartupError as exc:
        die(f"Datasette cannot start: {exc}")
    if not with_view:
        click.echo(f"note: {state.db_path} is read-only, so articles_view (facets by month) "
                   "is missing", err=True)
    click.echo(f"Serving {state.db_path} at http://{host}:{port}/{name} (Ctrl+C stops)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
