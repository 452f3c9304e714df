"""A generic portal on the loopback mock web serving the real pages of the Article Extraction
Benchmark, so the generic crawl is timed on the pages trafilatura's own rate is known on.

The 181 pages are read from ``../shared/research/data/article-extraction-benchmark`` at run
time (never copied into this repository). Each site answers ``robots.txt`` (naming its
sitemap), ``sitemap.xml`` (every page, with a ``lastmod``) and the pages themselves, from
memory, so serving costs the benchmark next to nothing.
"""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from crawler.demo.mockweb import MockRequest, MockResponse, html, not_found, text

AEB_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "research" / "data" / \
    "article-extraction-benchmark"


def aeb_pages(directory: Path = AEB_DIR) -> dict[str, bytes]:
    """Page id → the page's HTML bytes (UTF-8); empty when the data is not there."""
    html_dir = directory / "html"
    if not html_dir.is_dir():
        return {}
    return {path.name.split(".")[0]: gzip.decompress(path.read_bytes())
            for path in sorted(html_dir.glob("*.html.gz"))}


class AebSite:
    """Serves ``pages`` under ``/berita/2026/11/<id>-aeb-page.html``, with a home page
    linking them and a sitemap."""

    def __init__(self, base_url: str, pages: dict[str, bytes],
                 newest: datetime = datetime(2026, 11, 1, 9, tzinfo=UTC)) -> None:
        self.base_url = base_url
        self.pages = pages
        self.paths = {f"/berita/2026/11/{page_id[:16]}-aeb-page.html": page_id
                      for page_id in pages}
        entries = "".join(
            f"<url><loc>{escape(base_url + path)}</loc>"
            f"<lastmod>{(newest - timedelta(hours=n)).isoformat()}</lastmod></url>"
            for n, path in enumerate(self.paths))
        self.sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                        f'"http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>')

    def handle(self, request: MockRequest) -> MockResponse:
        if request.path == "/robots.txt":
            return text(f"User-agent: *\nAllow: /\nSitemap: {self.base_url}/sitemap.xml\n")
        if request.path == "/":
            links = "".join(f'<li><a href="{path}">{page_id}</a></li>'
                            for path, page_id in self.paths.items())
            return html(f"<html><head><title>AEB portal</title></head><body><ul>{links}</ul>"
                        "</body></html>")
        if request.path == "/sitemap.xml":
            return text(self.sitemap, content_type="application/xml")
        page_id = self.paths.get(request.path)
        if page_id is None:
            return not_found()
        return MockResponse(200, self.pages[page_id],
                            {"Content-Type": "text/html; charset=utf-8"})
