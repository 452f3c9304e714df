"""Incremental crawling, measured: what a scheduled re-run costs, against a full re-crawl.

Serves the offline demo's blogs on loopback, then runs `police-news crawl` four times on one
database and counts, per site, the requests the sites answered (robots.txt excluded):

1. full        the first crawl (everything)
2. nothing-new the same sites again, nothing changed
3. changed     after 5 new and 2 edited posts per site
4. naive       a full re-crawl (`--all`), what a crawler without watermarks does every run

It prints requests per site for each run, the new/updated counts and the versions kept,
and the ratio of the incremental runs' requests to the naive re-crawl's.

    .venv/bin/python bench/incremental_runs.py [--scale 1.0] [--json]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.demo.blogger import BloggerBlogSite  # noqa: E402
from crawler.demo.catalog import build_demo_web  # noqa: E402
from crawler.demo.content import make_blog  # noqa: E402
from crawler.demo.mockweb import MockWeb  # noqa: E402
from crawler.store import Store  # noqa: E402

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0",
        "-s", "DOWNLOAD_DELAY_JITTER=0"]


def crawl(db: Path, site_ids: list[str], *extra: str) -> dict[str, dict[str, int]]:
    """One `police-news crawl` run; returns crawl_runs counts per site."""
    args = [a for s in site_ids for a in ("--site", s)]
    result = subprocess.run([sys.executable, "-m", "crawler", "--db", str(db), "crawl", *args,
                             "--no-progress", *FAST, *extra], cwd=ROOT, capture_output=True,
                            text=True)
    if result.returncode != 0:
        raise SystemExit(f"crawl failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    conn = sqlite3.connect(db)
    run_id = conn.execute("SELECT run_id FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0]
    rows = conn.execute("SELECT site_id, new, updated FROM crawl_runs WHERE run_id = ?",
                        (run_id,)).fetchall()
    conn.close()
    return {site: {"new": new, "updated": updated} for site, new, updated in rows}


def change_sites(sites: dict[str, BloggerBlogSite]) -> None:
    """Five new posts and two edited ones on every site."""
    for n, site in enumerate(sites.values()):
        posts = list(site.posts)
        newest = posts[0].published
        fresh = make_blog(site.blog.unit, site.blog.polda, site.blog.province, 5,
                          seed=900 + n, newest=newest + timedelta(days=1), mean_gap_hours=2)
        added = [replace(p, slug=f"{p.slug}-{n}b", post_id=f"9{n}{p.post_id[2:]}")
                 for p in fresh.posts]
        for index in (3, len(posts) // 2):
            old = posts[index]
            posts[index] = replace(old, updated=newest + timedelta(hours=3),
                                   body_html=old.body_html + "<p>Ralat: jumlah peserta 120.</p>",
                                   body_text=old.body_text + "\n\nRalat: jumlah peserta 120.")
        site.set_posts([*added, *posts])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="posts per demo blog × scale")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    options = parser.parse_args()

    web = MockWeb()
    demo_sites, served = build_demo_web(web, fixed_ports=False, scale=options.scale)
    web.start()
    results: dict[str, dict[str, dict[str, int]]] = {}
    requests: dict[str, Counter[str]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            with Store(db) as store:
                for site in demo_sites:
                    store.add_site(site)
            ids = [s.id for s in demo_sites]
            for label, before, extra in (("full", None, ()), ("nothing-new", None, ()),
                                         ("changed", change_sites, ()),
                                         ("naive", None, ("--all",))):
                if before is not None:
                    before(served)
                mark = len(web.log)
                results[label] = crawl(db, ids, *extra)
                requests[label] = Counter(
                    r.site if r.site != "blogger-hub" else "demo-humaspolresmetro"
                    for r in web.log[mark:] if not r.path.startswith("/robots.txt"))
            conn = sqlite3.connect(db)
            versions = dict(conn.execute(
                "SELECT a.site_id, count(*) FROM article_versions v JOIN articles a "
                "ON a.id = v.article_id GROUP BY a.site_id").fetchall())
            stored = dict(conn.execute("SELECT site_id, count(*) FROM articles GROUP BY site_id"))
            conn.close()
    finally:
        web.stop()

    report = {label: {site: {"requests": requests[label][site], **counts}
                      for site, counts in runs.items()} for label, runs in results.items()}
    for site in report["changed"]:
        report["changed"][site]["versions"] = versions.get(site, 0)
    naive_total = sum(requests["naive"].values())
    summary = {label: {"requests": sum(requests[label].values()),
                       "ratio_to_naive": round(sum(requests[label].values()) / naive_total, 3)}
               for label in results}
    if options.json:
        print(json.dumps({"runs": report, "summary": summary, "stored": stored}, indent=2))
        return
    print("requests per site (robots.txt excluded); new / updated articles; versions kept\n")
    print(f"{'site':<26}" + "".join(f"{label:>22}" for label in results))
    for site in sorted(stored):
        cells = []
        for label in results:
            row = report[label].get(site, {})
            cells.append(f"{row.get('requests', 0):>5} req {row.get('new', 0):>4}n "
                         f"{row.get('updated', 0):>3}u")
        print(f"{site:<26}" + "".join(f"{c:>22}" for c in cells))
    print()
    for label, numbers in summary.items():
        print(f"{label:<12} {numbers['requests']:>5} requests   "
              f"{numbers['ratio_to_naive']:.3f} × a naive full re-crawl")
    print(f"\nversions kept after the edits: {versions}")
    print(f"articles stored: {stored}")


if __name__ == "__main__":
    main()
