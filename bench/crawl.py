"""Crawl speed and memory against a naive baseline, on a loopback mock web.

One run serves a mock web of every platform (Blogger full and summary feeds, WordPress with
REST on and off, Odoo, Polda Lampung, the news CMS, a generic portal) and measures, each in
its own process (wall time, CPU seconds and peak RSS from ``os.wait4``):

* ``full``         police-news crawl of every site, empty database
* ``incremental``  the same again, nothing new
* ``baseline``     a plain Scrapy CrawlSpider following every link with trafilatura on every
                   page (bench/naive_spider.py) — what a user would otherwise run

then throughput per platform family (feed/API articles/s, HTML pages/s parsed by platform
selectors, generic pages/s next to trafilatura's own rate on the same pages), and with
``--scale`` the growth of time and memory at 10k, 50k and 200k articles.

    .venv/bin/python bench/crawl.py                    # tables
    .venv/bin/python bench/crawl.py --json             # one JSON object
    .venv/bin/python bench/crawl.py --scale 10000,50000,200000
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.demo.catalog import (  # noqa: E402
    MIXED_PLATFORMS,
    DemoBlogSpec,
    build_demo_web,
    mixed_specs,
)
from crawler.demo.faults import FaultySite, Rule, http_error  # noqa: E402
from crawler.demo.mockweb import CachedSite, MockWeb  # noqa: E402
from crawler.registry import Site  # noqa: E402
from crawler.store import Store  # noqa: E402

#: Politeness as the baseline has it (bench/naive_spider.py): robots.txt and at most 2 requests
#: at a time per host, no delay, no AutoThrottle. AutoThrottle sets the delay from the measured
#: latency, and on a CPU-bound loopback crawl that "latency" is the crawler's own busy time.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "DOWNLOAD_DELAY_JITTER=0"]
FEED_API = ["blogger", "wordpress"]
HTML_SELECTORS = ["blogger-summary", "odoo", "lampung", "newscms"]
GENERIC = ["generic"]


@dataclass
class Measured:
    """One measured process (and the crawl processes it started)."""

    seconds: float
    cpu_seconds: float
    #: Peak resident memory of the process and its children together, in MB.
    peak_rss_mb: float
    returncode: int
    output: str


def _process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, ()))
    return tree


def _memory_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of one process in KiB; (0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            text = status.read()
        return (int(text.split("VmRSS:")[1].split()[0]),
                int(text.split("VmHWM:")[1].split()[0]))
    except (OSError, IndexError, ValueError):
        return 0, 0


def measure(args: list[str], cwd: Path = ROOT) -> Measured:
    """Run a command; wall time, CPU seconds (``os.wait4``: the process and the children it
    waited for) and peak memory, sampled from /proc every 0.05 s: the larger of the summed
    RSS of the whole process tree and the high-water mark of any one process in it.

    Not ``ru_maxrss``: for a child forked from this process, Linux counts the RSS it
    inherited from this process before ``exec`` (here: the whole mock web) in it.
    """
    started = time.perf_counter()
    peak_sum = peak_one = 0
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        while True:
            waited, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if waited:
                break
            memory = [_memory_kb(pid) for pid in _process_tree(proc.pid)]
            peak_sum = max(peak_sum, sum(rss for rss, _ in memory))
            peak_one = max([peak_one, *(hwm for _, hwm in memory)])
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    return Measured(seconds, usage.ru_utime + usage.ru_stime, max(peak_sum, peak_one) / 1024,
                    proc.returncode, output)


def register(db: Path, sites: Sequence[Site]) -> None:
    """Add ``sites`` to the database at ``db`` (created if missing)."""
    with Store(db) as store:
        for site in sites:
            store.add_site(site)


def crawl_command(db: Path, sites: Sequence[Site], *extra: str) -> list[str]:
    """``police-news crawl`` of ``sites`` into ``db`` with the bench's politeness (FAST)."""
    args = [a for s in sites for a in ("--site", s.id)]
    return [sys.executable, "-m", "crawler", "--db", str(db), "crawl", *args, "--no-progress",
            *FAST, *extra]


def trafilatura_alone(pages: Sequence[str]) -> float:
    """Pages per second of ``trafilatura.extract`` on ``pages`` in this process: after one
    untimed call (the first loads stop lists and such), the better of two passes."""
    import trafilatura

    trafilatura.extract(pages[0])
    passes = []
    for _ in range(2):
        started = time.perf_counter()
        for page in pages:
            trafilatura.extract(page)
        passes.append(time.perf_counter() - started)
    return len(pages) / min(passes)


class Bench:
    """A mock web and a database for a series of measured runs."""

    def __init__(self, specs: tuple[DemoBlogSpec, ...], tmp: Path, *, latency_ms: float = 0.0,
                 error_rate: float = 0.0, cached: bool = False) -> None:
        self.web = MockWeb()
        self.sites, self.served = build_demo_web(self.web, fixed_ports=False, specs=specs)
        if cached:  # pages rendered once (see warm()), as a web server's cache serves them
            for name, site in self.web.sites.items():
                self.web.sites[name] = CachedSite(site)
        if latency_ms or error_rate:  # every answer delayed; a share of them a 503 (retried)
            for name, site in self.web.sites.items():
                rules = [Rule(r"^/(?!robots\.txt)", http_error(503), rate=error_rate)] \
                    if error_rate else []
                self.web.sites[name] = FaultySite(site, rules, latency=latency_ms / 1000,
                                                  seed=hash(name) & 0xFFFF)
        self.web.start()
        self.db = tmp / "bench.db"
        register(self.db, self.sites)
        self.expected = sum(len(s.posts) for s in self.served.values())

    def stop(self) -> None:
        self.web.stop()

    def warm(self) -> None:
        """Have every page of a crawl rendered once (an unmeasured crawl into a scratch
        database), so that with ``cached=True`` the measured crawls cost the crawler's CPU
        and not the fake sites'."""
        scratch = self.db.with_name("warm-up.db")
        register(scratch, self.sites)
        run = measure(crawl_command(scratch, self.sites, "--no-archive", "--no-cluster"))
        if run.returncode != 0:
            raise SystemExit(f"warm-up crawl failed ({run.returncode}):\n{run.output}")

    def requests_since(self, mark: int) -> int:
        return sum(1 for r in self.web.log[mark:] if not r.path.startswith("/robots.txt"))

    def stored(self) -> int:
        with sqlite3.connect(self.db) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def crawl_seconds(self) -> float:
        """Time the last run spent crawling (its slowest site; sites run side by side)."""
        with sqlite3.connect(self.db) as conn:
            run = conn.execute("SELECT run_id FROM crawl_runs ORDER BY id DESC LIMIT 1"
                               ).fetchone()[0]
            return conn.execute("SELECT max(duration_s) FROM crawl_runs WHERE run_id = ?",
                                (run,)).fetchone()[0] or 0.0

    def police_news(self, *extra: str) -> dict[str, float]:
        mark = len(self.web.log)
        before = self.stored()
        run = measure(crawl_command(self.db, self.sites, *extra))
        if run.returncode != 0:
            raise SystemExit(f"police-news crawl failed ({run.returncode}):\n{run.output}")
        stored = self.stored()
        crawl_s = self.crawl_seconds()
        return self._row(run, self.requests_since(mark), stored, stored - before, crawl_s)

    def baseline(self) -> dict[str, float]:
        mark = len(self.web.log)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "items.jsonl"
            homes = ",".join(s.url + "/" for s in self.sites)
            run = measure([sys.executable, "-m", "scrapy", "runspider",
                           str(ROOT / "bench" / "naive_spider.py"), "-a", f"start_urls={homes}",
                           "-o", f"{out}:jsonlines"], cwd=Path(tmp))
            items = len(out.read_text().splitlines()) if out.exists() else 0
        return self._row(run, self.requests_since(mark), items, items, run.seconds)

    @staticmethod
    def _row(run: Measured, requests: int, stored: int, new: int,
             crawl_s: float) -> dict[str, float]:
        return {
            "requests": requests, "stored": stored,
            "requests_per_article": round(requests / stored, 3) if stored else None,
            "seconds": round(run.seconds, 2), "crawl_seconds": round(crawl_s, 2),
            "articles_per_s": round(new / crawl_s, 1) if crawl_s and new else 0.0,
            "cpu_seconds": round(run.cpu_seconds, 2), "peak_rss_mb": round(run.peak_rss_mb, 1),
        }


def trafilatura_rate(bench: Bench, limit: int = 200) -> float:
    """trafilatura.extract alone, pages/s, on the generic site's article pages."""
    from crawler.demo.mockweb import MockRequest

    pages = []
    for site in bench.served.values():
        for post in site.posts[:limit]:
            path = site.post_path(post)
            pages.append(site.handle(MockRequest("GET", path, {}, {})).body.decode())
    return trafilatura_alone(pages)


def family(variants: list[str], sites: int, articles: int, *extra: str,
           cached: bool = True) -> dict[str, float]:
    """A full crawl of ``sites`` sites of each variant, ``articles`` each; pages served from
    the mock web's cache after a warm-up crawl unless ``cached`` is False."""
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(mixed_specs(variants, sites, articles), Path(tmp), cached=cached)
        try:
            if cached:
                bench.warm()
            row = bench.police_news(*extra)
            if variants == GENERIC:
                row["trafilatura_alone_pages_per_s"] = round(trafilatura_rate(bench), 1)
            return row
        finally:
            bench.stop()


def generic_real(sites: int = 2, *extra: str) -> dict[str, float] | None:
    """The generic crawl on the 181 real AEB pages (bench/aeb_site.py), split over ``sites``
    portals, against ``trafilatura.extract`` alone on the same pages in this process.
    None when ../shared is not there."""
    from bench.aeb_site import AebSite, aeb_pages

    pages = aeb_pages()
    if not pages:
        return None
    ids = sorted(pages)
    with tempfile.TemporaryDirectory() as tmp:
        web, registered = MockWeb(), []
        for n in range(sites):
            name = f"aeb-portal-{n + 1}"
            base = web.bind(name)
            web.add(name, AebSite(base, {i: pages[i] for i in ids[n::sites]}))
            registered.append(Site(id=name, name=f"AEB portal {n + 1}", url=base,
                                   platform="generic", kind="reprint", source="user"))
        web.start()
        db = Path(tmp) / "bench.db"
        try:
            register(db, registered)
            run = measure(crawl_command(db, registered, "--no-cluster", *extra))
            fetched = sum(1 for r in web.log if r.path.startswith("/berita/"))
        finally:
            web.stop()
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            crawl_s = conn.execute("SELECT max(duration_s) FROM crawl_runs").fetchone()[0] or 0
    if run.returncode not in (0, 3):
        raise SystemExit(f"police-news crawl failed ({run.returncode}):\n{run.output}")
    alone = trafilatura_alone([page.decode("utf-8", "replace") for page in pages.values()])
    ours = fetched / crawl_s if crawl_s else 0.0
    return {"pages": fetched, "stored": stored, "crawl_seconds": round(crawl_s, 2),
            "pages_per_s": round(ours, 1), "cpu_seconds": round(run.cpu_seconds, 2),
            "peak_rss_mb": round(run.peak_rss_mb, 1),
            "trafilatura_alone_pages_per_s": round(alone, 1),
            "ratio_to_trafilatura_alone": round(ours / alone, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites-per-platform", type=int, default=2)
    parser.add_argument("--articles", type=int, default=300, help="articles per site")
    parser.add_argument("--scale", default="", help="comma-separated article totals, e.g. "
                        "10000,50000,200000 (Blogger feed sites, 10 of them)")
    parser.add_argument("--latency", type=float, default=0.0, metavar="MS",
                        help="delay every answer of the mock web by MS milliseconds")
    parser.add_argument("--error-rate", type=float, default=0.0, metavar="P",
                        help="answer this share of requests with a 503 (retried by both crawlers)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    options = parser.parse_args()

    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(mixed_specs(list(MIXED_PLATFORMS), options.sites_per_platform,
                                  options.articles), Path(tmp), latency_ms=options.latency,
                      error_rate=options.error_rate)
        try:
            report["expected"] = bench.expected
            report["full"] = bench.police_news()
            report["incremental"] = bench.police_news()
            report["baseline"] = bench.baseline()
        finally:
            bench.stop()
    full, base = report["full"], report["baseline"]
    report["ratios_to_baseline"] = {
        "requests": round(full["requests"] / base["requests"], 3) if base["requests"] else None,
        "articles_per_s": round(full["articles_per_s"] / base["articles_per_s"], 2)
        if base["articles_per_s"] else None,
        "peak_rss": round(full["peak_rss_mb"] / base["peak_rss_mb"], 2),
        "cpu_seconds": round(full["cpu_seconds"] / base["cpu_seconds"], 2),
    }
    one = ("--jobs", "1")
    report["families"] = {
        "feed_api": family(FEED_API, 2, max(options.articles, 1000)),
        "feed_api_one_process": family(FEED_API, 2, max(options.articles, 1000), *one),
        "html_selectors": family(HTML_SELECTORS, 1, options.articles),
        "html_selectors_one_process": family(HTML_SELECTORS, 1, options.articles, *one),
        "generic_synthetic": family(GENERIC, 2, options.articles),
        "generic_real_pages": generic_real(2),
        "generic_real_pages_one_process": generic_real(2, *one),
    }
    if options.scale:
        report["scale"] = {}
        for total in (int(n) for n in options.scale.split(",")):
            for label, jobs in ((f"{total}", ()), (f"{total} one process", one)):
                # The crawl alone: clustering the copies afterwards is measured by `dupes`.
                report["scale"][label] = family(["blogger"], 10, total // 10, "--no-cluster",
                                                *jobs, cached=False)
    if options.json:
        print(json.dumps(report, indent=2))
        return
    print_report(report)


def print_report(report: dict[str, object]) -> None:
    columns = ("requests", "stored", "requests_per_article", "articles_per_s", "crawl_seconds",
               "seconds", "cpu_seconds", "peak_rss_mb")
    print(f"mock web: {report['expected']} articles on "
          f"{len(MIXED_PLATFORMS)} platform variants\n")
    print(f"{'run':<14}" + "".join(f"{c:>21}" for c in columns))
    for label in ("full", "incremental", "baseline"):
        row = report[label]
        print(f"{label:<14}" + "".join(f"{row[c]!s:>21}" for c in columns))
    print("\npolice-news full crawl ÷ naive baseline:",
          ", ".join(f"{k} {v}×" for k, v in report["ratios_to_baseline"].items()))
    print("\nthroughput by platform family (per second of crawl time; default: one crawl "
          "process per core, 'one_process': --jobs 1):")
    for name, row in report["families"].items():
        if row is None:
            print(f"  {name:<32} skipped: ../shared/research/data is not there")
            continue
        if "pages_per_s" in row:
            print(f"  {name:<32} {row['pages_per_s']:>8} pages/s     trafilatura.extract alone, "
                  f"one process: {row['trafilatura_alone_pages_per_s']} pages/s "
                  f"(ratio {row['ratio_to_trafilatura_alone']})  {row['peak_rss_mb']} MB peak")
            continue
        alone = row.get("trafilatura_alone_pages_per_s")
        print(f"  {name:<32} {row['articles_per_s']:>8} articles/s  "
              f"{row['requests_per_article']} requests/article  {row['peak_rss_mb']} MB peak"
              + (f"  (trafilatura alone: {alone} pages/s)" if alone else ""))
    if "scale" in report:
        print("\nscale (Blogger feeds, 10 sites):")
        for total, row in report["scale"].items():
            per_k = row["crawl_seconds"] / (int(total.split()[0]) / 1000)
            print(f"  {total:>19} articles  {row['crawl_seconds']:>7}s crawl  "
                  f"{per_k:.3f}s per 1k  {row['peak_rss_mb']} MB peak RSS")


if __name__ == "__main__":
    main()
