"""Benchmark ``police-news export`` against naive exports of the same database.

For each size (``--articles``, default 50,000 and 200,000) the script builds (or reuses) a
synthetic police-news database of that many articles with ~3 KB bodies, then runs, each in a
child process of its own:

* ours: ``police-news export --format F`` for JSONL, CSV and Parquet (data package, card and
  SHA-256 included);
* naive: ``sqlite-utils rows DB articles --nl`` / ``--csv`` (same columns and order), and
  pandas ``read_sql`` → ``to_parquet``.

Each measurement is one child started by a small launcher process of its own, which times it
(wall and CPU: on a busy machine CPU time is the steadier figure) and reads its peak RSS with
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (one child per launcher, so that is exactly the
child's; the launcher's own ~10 MB is the floor). It prints one table per size with the ratios
naive / ours, and a last table showing that our peak RSS does not grow with the number of
articles. ``--repeat N`` keeps the fastest of N runs.

Run by hand (not part of the test suite)::

    .venv/bin/python bench/export.py                    # 50k and 200k articles
    .venv/bin/python bench/export.py --articles 20000   # one smaller size
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.dates import to_iso, to_utc_iso  # noqa: E402
from crawler.demo.content import make_blog  # noqa: E402
from crawler.export import FIELDS  # noqa: E402
from crawler.store import ARTICLE_FIELDS, Store  # noqa: E402

#: Bump when the synthetic data changes, so cached databases are rebuilt.
GENERATOR = "1"
UNITS = (
    ("Polres Metro", "Polda Lampung", "Lampung", 7),
    ("Polres Nganjuk", "Polda Jatim", "Jawa Timur", 7),
    ("Polres Gowa", "Polda Sulsel", "Sulawesi Selatan", 8),
    ("Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", 7),
    ("Polres Jayapura", "Polda Papua", "Papua", 9),
    ("Polresta Denpasar", "Polda Bali", "Bali", 8),
)
#: The columns the naive baselines read: what our export reads from ``articles``.
BASE_COLUMNS = list(dict.fromkeys(f.sql[2:] for f in FIELDS
                                  if f.sql.startswith("a.") and f.name != "body_html"))


@dataclass
class Measure:
    """One child process: what it was, how long it took, its peak RSS."""

    size: int
    fmt: str
    tool: str
    seconds: float
    cpu: float
    rss_mb: float
    out_mb: float


def html(text: str) -> str:
    """The body as the store keeps it: sanitized paragraphs."""
    return "<p>" + text.replace("\n\n", "</p>\n<p>") + "</p>"


def build_db(path: Path, n: int, seed: int = 7) -> float:
    """Fill a police-news database with ``n`` synthetic articles; returns seconds taken."""
    start = time.perf_counter()
    rng = random.Random(seed)
    newest = datetime(2026, 11, 1, 12, tzinfo=UTC)
    pool = []
    for i, (unit, polda, province, offset) in enumerate(UNITS):
        blog = make_blog(unit, polda, province, 150, seed=100 + i, newest=newest,
                         utc_offset_hours=offset)
        site_id = unit.lower().replace(" ", "-")
        pool.extend((site_id, post) for post in blog.posts)
    now = "2026-11-02T00:00:00Z"
    with Store(path) as store:
        conn = store.conn
        # Index once at the end, not row by row: set the store's FTS triggers aside.
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'articles'").fetchall()
        columns = [*ARTICLE_FIELDS, "first_seen_at", "last_seen_at", "cluster_id", "is_origin"]
        sql = (f"INSERT INTO articles ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        batch = []
        with store.transaction():
            for name, _ in triggers:
                conn.execute(f'DROP TRIGGER "{name}"')
            for k in range(n):
                site_id, post = pool[rng.randrange(len(pool))]
                extra = [pool[rng.randrange(len(pool))][1].body_text for _ in range(3)]
                body = "\n\n".join([post.body_text, *extra])[:3200]
                published = post.published - timedelta(minutes=k * 7)
                url = f"https://{site_id}.example.id/{published:%Y/%m}/berita-{k}.html"
                cluster = k // 4 if k % 10 < 4 else None
                batch.append((
                    url, url, site_id, "blogger", str(k), post.title, to_iso(published),
                    to_utc_iso(published), to_iso(post.updated - timedelta(minutes=k * 7)),
                    published.date().isoformat(), post.author,
                    json.dumps(post.labels), body, html(body), "[]", "id", "polres",
                    post.unit, post.polda, "[]", f"{k:064x}", "2026.11.1", now, now, now,
                    cluster, None if cluster is None else int(k % 4 == 0)))
                if len(batch) == 10_000:
                    conn.executemany(sql, batch)
                    batch.clear()
            conn.executemany(sql, batch)
            conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            for _, trigger_sql in triggers:
                conn.execute(trigger_sql)
    return time.perf_counter() - start


def ensure_db(workdir: Path, n: int) -> Path:
    """A cached benchmark database of ``n`` articles (built when missing)."""
    path = workdir / f"bench-export-{n}-g{GENERATOR}.db"
    if path.exists():
        print(f"using {path} ({n:,} articles)", flush=True)
        return path
    print(f"building {path} ({n:,} articles) …", flush=True)
    tmp = path.with_suffix(".tmp.db")
    for leftover in workdir.glob(tmp.name + "*"):
        leftover.unlink()
    seconds = build_db(tmp, n)
    tmp.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    print(f"  built in {seconds:.1f}s, {path.stat().st_size / 2**20:,.0f} MB", flush=True)
    return path


#: Runs one command and reports its wall time and peak RSS. A fresh, small process of its own,
#: so the child's ``ru_maxrss`` is not inflated by this script's memory (Linux keeps the
#: high-water mark across fork and exec) and RUSAGE_CHILDREN covers exactly one child.
LAUNCHER = """
import resource, subprocess, sys, time
out = open(sys.argv[1], "wb") if sys.argv[1] != "-" else subprocess.DEVNULL
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
if done.returncode:
    sys.exit(f"{done.returncode}: {done.stderr.decode()[-800:]}")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def measure(args: list[str], stdout_path: Path | None = None) -> tuple[float, float, float]:
    """Run one child; (wall seconds, CPU seconds, its peak RSS in MB)."""
    done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, str(stdout_path or "-"), *args],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    seconds, cpu, max_kb = done.stdout.split()
    return float(seconds), float(cpu), int(max_kb) / 1024


def measure_best(repeat: int, args: list[str],
                 stdout_path: Path | None = None) -> tuple[float, float, float]:
    """The fastest of ``repeat`` runs (wall and CPU), and the highest peak RSS."""
    runs = [measure(args, stdout_path) for _ in range(repeat)]
    return (min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs))


PANDAS = """
import sqlite3, sys
import pandas as pd
conn = sqlite3.connect(sys.argv[1])
frame = pd.read_sql(sys.argv[3], conn)
frame.to_parquet(sys.argv[2], index=False)
"""


def run_size(db: Path, n: int, outdir: Path, repeat: int = 1) -> list[Measure]:
    """Every measurement for one database."""
    python = sys.executable
    sqlite_utils = str(Path(python).with_name("sqlite-utils"))
    cols = [a for c in BASE_COLUMNS for a in ("-c", c)]
    order = ["--order", "published_utc, id", "--where", "coalesce(quarantined, 0) = 0"]
    select = (f"SELECT {', '.join(BASE_COLUMNS)} FROM articles "
              "WHERE coalesce(quarantined, 0) = 0 ORDER BY published_utc, id")
    results = []
    for fmt in ("jsonl", "csv", "parquet"):
        folder = outdir / f"ours-{n}-{fmt}"
        shutil.rmtree(folder, ignore_errors=True)
        out = folder / f"articles.{fmt}"
        seconds, cpu, rss = measure_best(repeat, [python, "-m", "crawler", "--db", str(db),
                                                  "export", "--format", fmt, "-o", str(out)])
        results.append(Measure(n, fmt, "police-news export", seconds, cpu, rss,
                               out.stat().st_size / 2**20))
        naive = outdir / f"naive-{n}.{fmt}"
        if fmt == "parquet":
            tool = "pandas read_sql → to_parquet"
            seconds, cpu, rss = measure_best(repeat, [python, "-c", PANDAS, str(db), str(naive),
                                                      select])
        else:
            flag = "--nl" if fmt == "jsonl" else "--csv"
            tool = f"sqlite-utils rows {flag}"
            seconds, cpu, rss = measure_best(repeat, [sqlite_utils, "rows", str(db), "articles",
                                                      flag, *cols, *order], stdout_path=naive)
        results.append(Measure(n, fmt, tool, seconds, cpu, rss, naive.stat().st_size / 2**20))
    return results


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain-text table, numbers right-aligned."""
    cells = [headers, *rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for k, row in enumerate(cells):
        print("  ".join(v.rjust(w) if i >= 2 else v.ljust(w)
                        for i, (v, w) in enumerate(zip(row, widths, strict=True))).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))


def report(results: list[Measure]) -> None:
    """One table per size (with naive/ours ratios) and the RSS-by-size table."""
    for n in sorted({m.size for m in results}):
        print(f"\n{n:,} articles")
        rows = []
        for fmt in ("jsonl", "csv", "parquet"):
            ours, naive = [m for m in results if m.size == n and m.fmt == fmt]
            for m in (ours, naive):
                rows.append([fmt, m.tool, f"{m.seconds:.2f}", f"{m.cpu:.2f}", f"{m.rss_mb:,.0f}",
                             f"{m.out_mb:,.1f}", f"{m.seconds / ours.seconds:.2f}×",
                             f"{m.cpu / ours.cpu:.2f}×", f"{m.rss_mb / ours.rss_mb:.2f}×"])
        print_table(rows, ["format", "tool", "wall s", "CPU s", "peak RSS MB", "file MB",
                           "wall / ours", "CPU / ours", "RSS / ours"])
    sizes = sorted({m.size for m in results})
    if len(sizes) > 1:
        print("\nPeak RSS (MB) by database size")
        rows = []
        for fmt in ("jsonl", "csv", "parquet"):
            for tool in dict.fromkeys(m.tool for m in results if m.fmt == fmt):
                rss = [next(m.rss_mb for m in results
                            if m.size == n and m.tool == tool and m.fmt == fmt)
                       for n in sizes]
                rows.append([fmt, tool, *(f"{r:,.0f}" for r in rss),
                             f"{rss[-1] / rss[0]:.2f}×"])
        print_table(rows, ["format", "tool", *(f"{n:,}" for n in sizes),
                           f"{sizes[-1] // sizes[0]}× rows →"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="50000,200000",
                        help="comma-separated database sizes [default: 50000,200000]")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per measurement; the fastest is shown [default: 1]")
    parser.add_argument("--workdir", type=Path, default=ROOT / "output" / "bench",
                        help="where the cached databases go [default: output/bench]")
    options = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in options.articles.split(",") if s.strip()]
    options.workdir.mkdir(parents=True, exist_ok=True)
    results: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="bench-export-", dir=options.workdir) as tmp:
        for n in sizes:
            db = ensure_db(options.workdir, n)
            results += run_size(db, n, Path(tmp), max(1, options.repeat))
    report(results)


if __name__ == "__main__":
    main()
