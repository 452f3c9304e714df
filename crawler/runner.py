"""Run crawls of many sites, one Scrapy crawler per site, in one or several processes.

Each site gets its own crawler (its own stats, its own ``crawl_runs`` row), all sharing one
reactor, so a failing site never stops the others, and per-host politeness applies site by
site. The CLI and the demo call :func:`run_sites`.

Parsing, cleaning and storing articles is CPU work, and one Scrapy process uses one core.
With ``CrawlOptions.jobs`` above 1 the sites are split into that many groups of similar
expected work (:func:`partition_sites`: by the size of each site's last run; sites on one
host always in the same group, so per-host politeness still holds); the first group is
crawled in this process, each other one by a child process. All write to the same database
(WAL, one short ``BEGIN IMMEDIATE`` transaction per batch, a busy timeout) under the same run
id, and the children die with their parent (``PR_SET_PDEATHSIG``), so a killed crawl
leaves no orphan writing on.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.platforms.base import PlatformSpider
from crawler.registry import Site
from crawler.urls import host_of


@dataclass
class CrawlOptions:
    """What a crawl fetches and how."""

    since: datetime | None = None
    until: datetime | None = None
    full: bool = False
    limit: int | None = None
    #: Scrapy setting overrides (``-s NAME=VALUE``).
    settings: Mapping[str, Any] = field(default_factory=dict)
    log_level: str = "WARNING"
    progress_interval: float = 10.0
    #: Crawl processes (1: everything in this process). See :func:`partition_sites`.
    jobs: int = 1


logger = logging.getLogger(__name__)


def project_settings(db_path: Path, overrides: Mapping[str, Any] | None = None) -> Settings:
    """The project's Scrapy settings, with the database path and any overrides."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("POLICE_NEWS_DB", str(db_path), priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def spider_classes() -> dict[str, type[PlatformSpider]]:
    """Platform name → spider class, for every platform that has a spider."""
    loader = SpiderLoader.from_settings(project_settings(Path("unused.db")))
    classes: dict[str, type[PlatformSpider]] = {}
    for name in loader.list():
        cls = loader.load(name)
        if issubclass(cls, PlatformSpider) and cls.platform:
            classes[cls.platform] = cls
    return classes


def new_run_id() -> str:
    """An id for one invocation: its start time, sortable."""
    return time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() % 1_000_000:06d}"


def run_sites(sites: Iterable[Site], db_path: Path, options: CrawlOptions,
              run_id: str | None = None,
              spider_cls: type[PlatformSpider] | None = None) -> str:
    """Crawl ``sites`` into the database at ``db_path``; returns the run id.

    Each site gets its platform's spider, or ``spider_cls`` for all (e.g. the re-check
    spider). Blocks until every site is done. Results are in ``crawl_runs`` under the
    returned id.
    """
    run_id = run_id or new_run_id()
    sites = list(sites)
    groups = partition_sites(sites, options.jobs, _recent_work(db_path, sites)) \
        if options.jobs > 1 else [sites]
    if len(groups) == 1:
        _crawl_here(sites, db_path, options, run_id, spider_cls)
        return run_id
    # The first group is crawled here, the others each by a child process.
    single = replace(options, jobs=1)
    children = _start_children(groups[1:], db_path, single, run_id, spider_cls)
    try:
        _crawl_here(groups[0], db_path, single, run_id, spider_cls)
    finally:
        _wait_for(children, groups[1:])
    return run_id


def _crawl_here(sites: list[Site], db_path: Path, options: CrawlOptions, run_id: str,
                spider_cls: type[PlatformSpider] | None) -> None:
    """All of ``sites`` in this process: one Scrapy crawler each, one reactor."""
    settings = project_settings(db_path, {
        "POLICE_NEWS_RUN_ID": run_id,
        "LOG_LEVEL": options.log_level,
        "POLICE_NEWS_PROGRESS_INTERVAL": options.progress_interval,
        **options.settings,
    })
    classes = spider_classes()
    process = CrawlerProcess(settings)
    for site in sites:
        process.crawl(spider_cls or classes[site.platform], site=site, since=options.since,
                      until=options.until, full=options.full, limit=options.limit)
    process.start()


def default_jobs() -> int:
    """Crawl processes when the user does not say: one per core, at most 4."""
    return max(1, min(os.cpu_count() or 1, 4))


def partition_sites(sites: Sequence[Site], jobs: int,
                    work: Mapping[str, float] | None = None) -> list[list[Site]]:
    """Split ``sites`` into at most ``jobs`` groups of similar expected ``work`` (site id →
    cost; unknown sites cost the mean of the known ones). Sites on the same host stay in one
    group, so no host is fetched by two processes at once. Largest first onto the lightest
    group (LPT); the order of sites inside a group is the input order."""
    by_host: dict[str, list[Site]] = defaultdict(list)
    for site in sites:
        by_host[host_of(site.url) or site.id].append(site)
    if jobs <= 1 or len(by_host) <= 1:
        return [list(sites)] if sites else []
    work = work or {}
    known = [w for w in work.values() if w > 0]
    default = sum(known) / len(known) if known else 1.0
    costed = sorted(((sum(work.get(s.id) or default for s in host_sites), host_sites)
                     for host_sites in by_host.values()), key=lambda pair: -pair[0])
    loads = [0.0] * min(jobs, len(costed))
    groups: list[list[Site]] = [[] for _ in loads]
    for cost, host_sites in costed:
        lightest = loads.index(min(loads))
        groups[lightest].extend(host_sites)
        loads[lightest] += cost
    order = {site.id: n for n, site in enumerate(sites)}
    return [sorted(group, key=lambda s: order[s.id]) for group in groups if group]


def _recent_work(db_path: Path, sites: Sequence[Site]) -> dict[str, float]:
    """Requests + items of each site's last finished run: what its next run may cost."""
    if not db_path.exists() or len(sites) < 2:
        return {}
    from crawler.store import Store

    with Store(db_path) as store:
        rows = store.conn.execute(
            "SELECT site_id, requests + items AS work FROM crawl_runs WHERE id IN "
            "(SELECT max(id) FROM crawl_runs WHERE finished_at IS NOT NULL GROUP BY site_id)"
        ).fetchall()
    return {row["site_id"]: float(row["work"]) for row in rows}


def _start_children(groups: list[list[Site]], db_path: Path, options: CrawlOptions,
                    run_id: str, spider_cls: type[PlatformSpider] | None
                    ) -> list[multiprocessing.process.BaseProcess]:
    """One child process a group, started."""
    context = multiprocessing.get_context("spawn")  # no inherited reactor or open database
    children = [context.Process(target=_child_main, name=f"police-news crawl {n + 2}",
                                args=(os.getpid(), group, db_path, options, run_id,
                                      spider_cls))
                for n, group in enumerate(groups)]
    for child in children:
        child.start()
    return children


def _wait_for(children: list[multiprocessing.process.BaseProcess],
              groups: list[list[Site]]) -> None:
    """Join the children (after Ctrl-C too: it reached them as well, and they close cleanly).
    A child that died leaves its sites' ``crawl_runs`` rows unfinished, which the summary
    reports as failed; it is also logged."""
    for child in children:
        child.join()
    for child, group in zip(children, groups, strict=True):
        if child.exitcode:
            logger.error("the crawl process of %s ended with exit code %s",
                         ", ".join(s.id for s in group), child.exitcode)


def _child_main(parent: int, sites: list[Site], db_path: Path, options: CrawlOptions,
                run_id: str, spider_cls: type[PlatformSpider] | None) -> None:
    _die_with_parent(parent)
    run_sites(sites, db_path, options, run_id, spider_cls)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGTERM this process when its parent dies (kill -9 of the CLI included),
    so no orphan goes on crawling after the crawl lock is gone. No-op elsewhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before prctl took effect: we were re-parented
        os.kill(os.getpid(), signal.SIGTERM)
