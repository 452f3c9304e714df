"""The distributed crawl, measured: does a second worker help, and can one writer keep up?

Serves generic news portals on loopback (the generic spider reads every article page with
trafilatura: CPU-bound work, the case where more workers should help), starts a throwaway
redis-server, and for 1 and then 2 workers (``police-news crawl --redis`` processes):

1. starts the workers and waits until each has sent a heartbeat (so they share the sites),
2. queues every portal (``enqueue``, in this process, on a fresh database),
3. times the crawl from the moment the sites are queued until every site's run has ended
   (no writer runs meanwhile: the items wait in the stream, and the workers have the CPU),
4. times the writer on that pre-filled stream (``Writer`` in this process, one transaction per
   500 entries), and checks that exactly the expected articles were stored.

Each worker count runs ``--repeat`` times and the fastest run counts (other processes on the
machine only ever slow a run down); CPU seconds are printed too, as they are steadier.

It also fills a scratch queue with 100,000 serialised article requests (and their
fingerprints) and reads Redis's ``used_memory`` before and after.

Printed: articles/s with 1 and 2 workers and their ratio (target ≥ 1.5 on 2 cores), requests
per stored article, Redis memory per 100k queued requests, and the writer's items/s (target
≥ 2,000). Last, how parallel the machine is at the moment (two pure-Python CPU loops against
one): on a machine other jobs are using, that — not the crawler — caps the speed-up.
``--json`` prints one object instead.

    .venv/bin/python bench/distributed.py [--sites 8] [--posts 120] [--repeat 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not bench/ itself: a bench module could shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402
from scrapy import Request  # noqa: E402

from crawler.demo.content import make_blog  # noqa: E402
from crawler.demo.generic import GenericNewsSite  # noqa: E402
from crawler.demo.mockweb import MockRequest, MockResponse, MockWeb  # noqa: E402
from crawler.distributed.common import ACTIVE, STREAM, WORKERS, SiteKeys, dumps  # noqa: E402
from crawler.distributed.enqueue import enqueue_sites  # noqa: E402
from crawler.distributed.frontier import SiteDupeFilter, SiteFrontier  # noqa: E402
from crawler.distributed.localredis import LocalRedis, redis_server_path  # noqa: E402
from crawler.distributed.writer import IngestStore, Writer  # noqa: E402
from crawler.registry import Site  # noqa: E402
from crawler.store import Store  # noqa: E402

WITA = timezone(timedelta(hours=8))
NEWEST = datetime(2026, 11, 20, 16, 45, tzinfo=WITA)
WORKER_SETTINGS = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                   "--no-archive", "--no-progress"]


class Cached:
    """A fake site whose answers are rendered once: the mock web should cost the benchmark
    machine as little CPU as possible (the crawler is what is measured)."""

    def __init__(self, inner: GenericNewsSite) -> None:
        self.inner = inner
        self.base_url = inner.base_url
        self.answers: dict[tuple[str, tuple], MockResponse] = {}

    def handle(self, request: MockRequest) -> MockResponse:
        if request.headers.get("if-none-match"):
            return self.inner.handle(request)
        key = (request.path, tuple(sorted(request.query.items())))
        answer = self.answers.get(key)
        if answer is None:
            answer = self.answers[key] = self.inner.handle(request)
        return answer


def build_web(web: MockWeb, sites: int, posts: int) -> tuple[list[Site], int]:
    """``sites`` generic portals (sitemap discovery), ``posts`` articles each."""
    rows = []
    for n in range(sites):
        blog = make_blog(f"Polres Bench {n}", "Polda Sulsel", "Sulawesi Selatan", posts,
                         seed=900 + n, newest=NEWEST, utc_offset_hours=8)
        fake = GenericNewsSite(blog, web.bind(f"portal-{n}"), discovery="sitemap")
        web.add(f"portal-{n}", Cached(fake))
        rows.append(Site(id=f"bench-portal-{n}", name=f"Portal {n}", url=fake.base_url,
                         platform="generic", unit_level="polres", unit_name=blog.unit,
                         polda=blog.polda, timezone="WITA", source="user"))
    return rows, sites * posts


def new_db(path: Path, sites: list[Site]) -> Path:
    with Store(path) as store:
        for site in sites:
            store.add_site(site)
    return path


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.02)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def crawl_with(workers: int, url: str, sites: list[Site], web: MockWeb, tmp: Path,
               expected: int) -> dict[str, float]:
    """One measured run with ``workers`` worker processes, then the writer on its stream."""
    client = redis.Redis.from_url(url)
    client.flushdb()
    db = new_db(Path(tempfile.mkstemp(suffix=".db", prefix=f"w{workers}-", dir=tmp)[1]), sites)
    logs = [(tmp / f"worker-{workers}-{n}.log").open("wb") for n in range(workers)]
    processes = [subprocess.Popen(
        [sys.executable, "-m", "crawler", "--db", str(tmp / "unused.db"), "crawl", "--redis",
         url, *WORKER_SETTINGS], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        for log in logs]
    try:
        wait_until(lambda: client.zcard(WORKERS) >= workers, 60, "the workers to start")
        mark = len(web.log)
        cpu_before = sum(cpu_seconds(p.pid) for p in processes)
        enqueue_sites(client, db, sites)
        started = time.perf_counter()
        wait_until(lambda: not client.scard(ACTIVE), 600, "the crawl to end")
        elapsed = time.perf_counter() - started
        worker_cpu = sum(cpu_seconds(p.pid) for p in processes) - cpu_before
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(30)
        for log in logs:
            log.close()
    requests = len(web.log) - mark
    articles = sum(1 for _, fields in client.xrange(STREAM) if fields[b"type"] == b"article")
    entries = client.xlen(STREAM)
    with IngestStore(db) as store:
        writer = Writer(client, store, batch_size=500)
        writer.claim_orphans()
        began, cpu = time.perf_counter(), time.process_time()
        while batch := writer.read(block_ms=1):
            writer.apply(batch)
        written, writer_cpu = time.perf_counter() - began, time.process_time() - cpu
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    ok = conn.execute("SELECT count(*) FROM crawl_runs WHERE status = 'ok'").fetchone()[0]
    conn.close()
    if stored != expected or articles != expected or ok != len(sites):
        raise SystemExit(f"{workers} worker(s): expected {expected} articles, the stream had "
                         f"{articles}, the database has {stored}; {ok}/{len(sites)} runs ok "
                         f"(logs in {tmp})")
    return {"seconds": elapsed, "articles_per_s": articles / elapsed, "requests": requests,
            "stored": stored, "entries": entries, "writer_s": written,
            "writer_items_per_s": entries / written,
            "writer_items_per_cpu_s": entries / max(writer_cpu, 1e-9),
            "articles_per_worker_cpu_s": articles / max(worker_cpu, 1e-9)}


_SPIN = "n = 0\nfor i in range(25_000_000):\n    n += i * i\n"


def machine_parallelism() -> float:
    """How many times the work of one CPU-bound process two processes get done right now
    (2.0 on an idle 2-core machine): the ceiling for the 2-worker speed-up."""
    def run(count: int) -> float:
        began = time.perf_counter()
        spinners = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(count)]
        for spinner in spinners:
            spinner.wait()
        return time.perf_counter() - began

    one = min(run(1) for _ in range(2))
    return 2 * one / min(run(2) for _ in range(2))


def queue_memory(url: str, count: int = 100_000) -> float:
    """Bytes of Redis memory ``count`` queued article requests take (queue + fingerprints)."""
    client = redis.Redis.from_url(url)
    client.flushdb()
    frontier = SiteFrontier(client, "bench-memory")
    dupefilter = SiteDupeFilter(client, key=SiteKeys("bench-memory").dupefilter)
    before = int(client.info("memory")["used_memory"])
    pipe = client.pipeline(transaction=False)
    for n in range(count):
        request = Request(f"https://tribratanews.polda-contoh.polri.go.id/berita/"
                          f"polres-contoh-gelar-apel-kesiapsiagaan-personel-{n}",
                          meta={"page": n // 20 + 1})
        data = request.to_dict()
        data.update(callback="parse_article", errback="on_error")
        frontier.push(dumps(data), 0, dupefilter.request_fingerprint(request), False,
                      client=pipe)
        if n % 5000 == 4999:
            pipe.execute()
    pipe.execute()
    after = int(client.info("memory")["used_memory"])
    if frontier.queued() != count:
        raise SystemExit(f"queued {frontier.queued()} of {count} requests")
    client.flushdb()
    return (after - before) * 100_000 / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=8, help="generic portals (default 8)")
    parser.add_argument("--posts", type=int, default=120, help="articles per portal")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs per worker count; the fastest is kept (default 2)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if redis_server_path() is None:
        raise SystemExit("redis-server is not installed: run scripts/install-redis.sh")
    web = MockWeb()
    sites, expected = build_web(web, args.sites, args.posts)
    for server in web.servers:
        server.handle_error = lambda request, address: None
        # Headers and body go out in two writes: without this, Nagle's algorithm and delayed
        # ACKs add ~40 ms to every loopback response and the crawl measures waiting, not work.
        server.RequestHandlerClass.disable_nagle_algorithm = True
    web.start()
    try:
        with LocalRedis() as local, tempfile.TemporaryDirectory() as tmp:
            one, two = (max((crawl_with(workers, local.url, sites, web, Path(tmp), expected)
                             for _ in range(max(1, args.repeat))),
                            key=lambda run: run["articles_per_s"])
                        for workers in (1, 2))
            memory = queue_memory(local.url)
        parallelism = machine_parallelism()
    finally:
        web.stop()
    result = {
        "sites": args.sites, "expected": expected, "stored": two["stored"],
        "w1_articles_per_s": round(one["articles_per_s"], 1),
        "w2_articles_per_s": round(two["articles_per_s"], 1),
        "speedup": round(two["articles_per_s"] / one["articles_per_s"], 2),
        "w1_seconds": round(one["seconds"], 2), "w2_seconds": round(two["seconds"], 2),
        "requests_per_article": round(two["requests"] / two["stored"], 3),
        "redis_mb_per_100k_requests": round(memory / 2**20, 1),
        "writer_items_per_s": round(min(one["writer_items_per_s"],
                                        two["writer_items_per_s"]), 0),
        "writer_items_per_cpu_s": round(min(one["writer_items_per_cpu_s"],
                                            two["writer_items_per_cpu_s"]), 0),
        "w1_articles_per_worker_cpu_s": round(one["articles_per_worker_cpu_s"], 1),
        "w2_articles_per_worker_cpu_s": round(two["articles_per_worker_cpu_s"], 1),
        "cpus": os.cpu_count(), "load_average": round(os.getloadavg()[0], 2),
        "machine_parallelism": round(parallelism, 2),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.sites} generic portals, {expected} articles (trafilatura on every page), "
          f"{os.cpu_count()} CPUs")
    print(f"  1 worker : {result['w1_articles_per_s']:8.1f} articles/s "
          f"({result['w1_seconds']} s)")
    print(f"  2 workers: {result['w2_articles_per_s']:8.1f} articles/s "
          f"({result['w2_seconds']} s)  ->  {result['speedup']}x (target >= 1.5x)")
    print(f"  requests per stored article: {result['requests_per_article']}")
    print(f"  Redis memory per 100k queued requests: {result['redis_mb_per_100k_requests']} MB")
    print(f"  worker CPU: {result['w1_articles_per_worker_cpu_s']} (1 worker), "
          f"{result['w2_articles_per_worker_cpu_s']} (2 workers) articles per CPU second")
    print(f"  writer: {result['writer_items_per_s']:.0f} items/s on a pre-filled stream "
          f"(target >= 2000; {result['writer_items_per_cpu_s']:.0f} per CPU second); "
          f"stored {result['stored']} of {expected}")
    print(f"  machine: two CPU-bound processes get {result['machine_parallelism']}x the work "
          f"of one done right now (2.0 when idle; load average {result['load_average']}): the "
          "ceiling for the 2-worker speed-up")


if __name__ == "__main__":
    main()
