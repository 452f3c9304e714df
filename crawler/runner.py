"""Run crawls of many sites in one process, one Scrapy crawler per site.

Each site gets its own crawler (its own stats, its own ``crawl_runs`` row), all sharing one
reactor, so a failing site never stops the others, and per-host politeness applies site by
site. The CLI and the demo call :func:`run_sites`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.platforms.base import PlatformSpider
from crawler.registry import Site


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
    return run_id
