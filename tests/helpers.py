"""Test helpers: responses from fixture files, spiders without a reactor, CLI runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from crawler.registry import Site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def fixture_response(name: str, url: str, *, meta: dict[str, Any] | None = None,
                     status: int = 200, headers: dict[str, str] | None = None) -> TextResponse:
    """A response whose body is ``tests/fixtures/<name>``, as if fetched from ``url``."""
    body = (FIXTURES / name).read_bytes()
    cls = HtmlResponse if name.endswith(".html") else TextResponse
    request = Request(url, meta=meta or {})
    return cls(url, body=body, encoding="utf-8", request=request, status=status,
               headers=headers or {})


def make_spider(spider_cls: type, site: Site, tmp_db: Path | None = None,
                settings: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """A spider bound to a crawler (stats, settings) but no running engine."""
    settings = {"POLICE_NEWS_DB": str(tmp_db) if tmp_db else ":memory:", **(settings or {})}
    crawler = get_crawler(spider_cls, settings_dict=settings)
    crawler.spider = spider_cls.from_crawler(crawler, site=site, **kwargs)
    return crawler.spider


def split_results(results: Iterable[Any]) -> tuple[list[Any], list[Request]]:
    """Items and requests a callback yielded, in order."""
    items, requests = [], []
    for result in results or ():
        (requests if isinstance(result, Request) else items).append(result)
    return items, requests


def cli(*args: str, db: Path | None = None, timeout: float = 240,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``police-news ARGS`` as a user would (a subprocess), capturing its output."""
    full_env = {**os.environ, **(env or {})}
    if db is not None:
        full_env["POLICE_NEWS_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def load_json(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))
