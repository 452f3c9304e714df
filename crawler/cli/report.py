"""Tables the CLI prints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from crawler.archive import archive_summary


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    """A plain-text table with left-aligned columns."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_run_summary(runs: Sequence[Mapping[str, Any]], db_path: Path,
                      archive_dir: Path | None = None) -> int:
    """Print one line per site of a crawl and the totals; returns how many sites failed."""
    rows = [(r["site_id"], r["status"], r["new"], r["updated"], r["unchanged"], r["requests"],
             r["errors"], f"{r['duration_s'] or 0:.1f}s", _short(r["error"])) for r in runs]
    click.echo(table(rows, ("site", "result", "new", "updated", "same", "requests", "errors",
                            "time", "cause")))
    failed = sum(1 for r in runs if r["status"] != "ok")
    click.echo(f"\n{len(runs)} site(s): {len(runs) - failed} ok, {failed} failed; "
               f"{sum(r['new'] for r in runs)} new, {sum(r['updated'] for r in runs)} updated "
               f"articles. Database: {db_path}")
    archive = archive_summary(db_path, archive_dir)
    if archive:
        click.echo(archive)
    if failed:
        click.echo("Failed sites keep their watermark and are retried next run; "
                   "`police-news status` shows the causes.")
    return failed


def _short(text: str | None, width: int = 70) -> str:
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"
