"""What archiving every response costs: the same crawl with and without the WARC archive.

Serves three Blogger blogs like the offline demo's on loopback (``--scale`` 4: 1,440 posts, 160
of them on a summary-only blog whose post pages are fetched one by one), then crawls them
several times in fresh processes on fresh databases, alternating archive on and off, with
politeness delays off and 16 requests per host so the crawler, not the network, is the limit
(the worst case for any per-response overhead). Only the crawl itself is timed (inside the
worker, around ``run_sites``), not interpreter start-up.

Two scenarios: "feeds" (the demo as served) and "pages" (every blog switched to summary-only,
so every article is its own HTML response: the most records per article, the worst case). For
each it prints articles/s per repetition, the medians, the overhead in crawl time and in the
crawler's CPU time (steadier on a busy machine; budget: ≤ 15 %), and the archive's size in
bytes per stored article and per response.

    .venv/bin/python bench/archive.py [--scale 4] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not bench/ itself: bench/incremental.py would shadow Twisted's `incremental` dependency.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from crawler.archive import archive_usage  # noqa: E402
from crawler.demo.blogger import BloggerBlogSite  # noqa: E402
from crawler.demo.catalog import DEMO_NEWEST  # noqa: E402
from crawler.demo.content import make_blog  # noqa: E402
from crawler.demo.mockweb import MockWeb  # noqa: E402
from crawler.registry import Site  # noqa: E402
from crawler.runner import CrawlOptions, run_sites  # noqa: E402
from crawler.store import Store  # noqa: E402

UNTHROTTLED = {"DOWNLOAD_DELAY": 0, "RANDOMIZE_DOWNLOAD_DELAY": False,
               "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 16}


#: (site id, unit, Polda, province, posts at scale 1, summary-only feed)
BLOGS = (
    ("bench-polresmetro", "Polres Metro", "Polda Lampung", "Lampung", 180, False),
    ("bench-polresnganjuk", "Polres Nganjuk", "Polda Jatim", "Jawa Timur", 140, False),
    ("bench-polressanggau", "Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", 40, True),
)


def build_web(web: MockWeb, scale: float) -> tuple[list[Site], list[BloggerBlogSite]]:
    """Three Blogger blogs like the demo's (full feeds, one summary-only), ``scale`` × posts."""
    sites, served = [], []
    for n, (site_id, unit, polda, province, posts, summary_only) in enumerate(BLOGS):
        base_url = web.bind(site_id)
        blog = make_blog(unit, polda, province, max(1, round(posts * scale)), seed=40 + n,
                         newest=DEMO_NEWEST, title=f"Humas {unit}")
        site = BloggerBlogSite(blog, base_url, page_cap=50, summary_only=summary_only)
        web.add(site_id, site)
        served.append(site)
        sites.append(Site(id=site_id, name=f"Humas {unit}", url=base_url, platform="blogger",
                          unit_level="polres", unit_name=unit, polda=polda, province=province,
                          source="demo"))
    return sites, served


def worker(db: Path, archive: bool) -> None:
    """Crawl the sites stored in ``db`` (one process, one reactor) and print the timing."""
    with Store(db) as store:
        sites = store.stored_sites(("demo",))
    settings = {**UNTHROTTLED, "POLICE_NEWS_ARCHIVE": archive,
                "POLICE_NEWS_ARCHIVE_DIR": str(db.parent / "archive")}
    started, cpu = time.perf_counter(), time.process_time()
    run_sites(sites, db, CrawlOptions(full=True, settings=settings, log_level="ERROR",
                                      progress_interval=0))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    with Store(db) as store:
        articles = store.article_count()
        responses = sum(r["responses"] for r in store.conn.execute(
            "SELECT responses FROM crawl_runs").fetchall())
    print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "articles": articles,
                      "responses": responses}))


def one_run(sites: list[Site], workdir: Path, archive: bool) -> dict[str, float]:
    """One crawl in a fresh process on a fresh database."""
    workdir.mkdir(parents=True)
    db = workdir / "news.db"
    with Store(db) as store:
        for site in sites:
            store.add_site(site, detected_by="demo")
    done = subprocess.run([sys.executable, __file__, "--worker", str(db),
                           "--archive" if archive else "--no-archive"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    files, size = archive_usage(workdir / "archive")
    result.update(files=files, archive_bytes=size,
                  rate=result["articles"] / result["seconds"])
    return result


def measure(sites: list[Site], workdir: Path, repeat: int) -> dict[str, list[dict[str, float]]]:
    """``repeat`` crawls with the archive and ``repeat`` without, alternating."""
    runs: dict[str, list[dict[str, float]]] = {"off": [], "on": []}
    for n in range(repeat):
        # Alternate which goes first, so drift (warm caches, CPU boost) evens out.
        for mode in (("off", "on") if n % 2 == 0 else ("on", "off")):
            runs[mode].append(one_run(sites, workdir / f"{mode}-{n}", mode == "on"))
    return runs


def summarise(runs: dict[str, list[dict[str, float]]]) -> dict[str, object]:
    """Medians, overheads and archive size of one scenario."""

    def median(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[mode])

    archived = runs["on"][0]
    articles = archived["articles"]
    return {
        "articles": articles,
        "responses": archived["responses"],
        "articles_per_s_without_archive": [round(r["rate"], 1) for r in runs["off"]],
        "articles_per_s_with_archive": [round(r["rate"], 1) for r in runs["on"]],
        "median_without": round(median("off", "rate"), 1),
        "median_with": round(median("on", "rate"), 1),
        "overhead_percent": round((median("off", "rate") / median("on", "rate") - 1) * 100, 1),
        "cpu_ms_per_article_without": round(median("off", "cpu_seconds") / articles * 1000, 3),
        "cpu_ms_per_article_with": round(median("on", "cpu_seconds") / articles * 1000, 3),
        "cpu_overhead_percent": round(
            (median("on", "cpu_seconds") / median("off", "cpu_seconds") - 1) * 100, 1),
        "archive_bytes": archived["archive_bytes"],
        "bytes_per_article": round(archived["archive_bytes"] / articles),
        "bytes_per_response": round(archived["archive_bytes"] / archived["responses"]),
    }


def report(name: str, summary: dict[str, object]) -> None:
    print(f"{name}: {summary['articles']} articles, {summary['responses']} responses per crawl")
    for mode, label in (("without", "without archive"), ("with", "with archive   ")):
        print(f"  {label}: {summary[f'articles_per_s_{mode}_archive']} articles/s "
              f"(median {summary[f'median_{mode}']}), "
              f"{summary[f'cpu_ms_per_article_{mode}']} CPU ms per article")
    print(f"  overhead: {summary['overhead_percent']:+.1f} % crawl time, "
          f"{summary['cpu_overhead_percent']:+.1f} % crawler CPU time (budget ≤ 15 %)")
    print(f"  archive: {summary['archive_bytes']:,} bytes, "
          f"{summary['bytes_per_article']:,} bytes per article, "
          f"{summary['bytes_per_response']:,} bytes per response\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--archive", dest="archive", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-archive", dest="archive", action="store_false",
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.archive)
        return

    web = MockWeb()
    sites, served = build_web(web, args.scale)
    web.start()
    results: dict[str, dict[str, object]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="police-news-bench-") as tmp:
            results["feeds"] = summarise(measure(sites, Path(tmp) / "feeds", args.repeat))
            for blog in served:  # every post page fetched: one response per article
                blog.summary_only = True
            results["pages"] = summarise(measure(sites, Path(tmp) / "pages", args.repeat))
    finally:
        web.stop()
    if args.json:
        print(json.dumps({"scale": args.scale, "repeat": args.repeat, **results}, indent=2))
        return
    print(f"Three loopback Blogger blogs at scale {args.scale}, {args.repeat} crawls with and "
          "without the archive per scenario\n")
    report("feeds (full feeds, one summary-only blog, as in the demo)", results["feeds"])
    report("pages (every blog summary-only: one post page per article)", results["pages"])


if __name__ == "__main__":
    main()
