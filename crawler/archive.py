"""Every response a crawl receives, kept as a standard web archive (gzip WARC).

Writing: :class:`WarcArchiveMiddleware` (a downloader middleware, on by default) writes each
response as it came off the wire — feeds, API pages, article pages, robots.txt, sitemaps,
redirects and error pages — as a ``response`` record (status line, headers, body) followed by
a ``request`` record (the request headers), with `warcio`_. Files are
``police-news-<UTC stamp>-<pid>-<n>.warc.gz`` in the archive directory, one gzip member per
record, a ``warcinfo`` record first, a new file every ``POLICE_NEWS_ARCHIVE_ROTATE_MB``. Every
record is flushed as soon as it is written, so a crawl killed with ``kill -9`` leaves at most
its last record incomplete, and :func:`iter_records` skips that one.

The response record carries what re-extraction needs (:mod:`crawler.reextract`):

* ``WARC-Police-News-Site``: the site id;
* ``WARC-Police-News-Callback``: the name of the spider method the response went to;
* ``WARC-Police-News-Meta``: JSON of the request's own ``meta`` keys (``entry``, ``page``, …;
  Scrapy's bookkeeping keys are left out); ``WARC-Police-News-Cb-Kwargs`` likewise when the
  request had ``cb_kwargs``.

Where the record landed (``warc_file``, ``warc_offset``, ``warc_length``, ``warc_record_id``,
``payload_digest``) goes into ``request.meta["warc"]``; the spider copies it into
``ArticleItem.source`` and the store into ``article_sources``.

Reading: :func:`warc_files`, :func:`iter_records` (headers, offsets) and :func:`load_payload`
(the body, content-encoding undone). :func:`export_wacz` packages records as a WACZ with the
`wacz`_ library; :func:`prune_archive` keeps only what ``article_sources`` points at.

.. _warcio: https://github.com/webrecorder/warcio
.. _wacz: https://github.com/webrecorder/py-wacz
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import logging
import os
import sqlite3
import tempfile
import threading
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.httpobj import urlparse_cached
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import iso_date_to_datetime
from warcio.warcwriter import GzippingWrapper, WARCWriter

from crawler import __version__
from crawler.store import Store, pid_alive, resolve_db_path

logger = logging.getLogger(__name__)

#: Custom WARC headers on response records.
HEADER_SITE = "WARC-Police-News-Site"
HEADER_CALLBACK = "WARC-Police-News-Callback"
HEADER_META = "WARC-Police-News-Meta"
HEADER_CB_KWARGS = "WARC-Police-News-Cb-Kwargs"

FILE_PREFIX = "police-news-"
FILE_SUFFIX = ".warc.gz"
STAT_RECORDS = "police_news/archive_records"
STAT_BYTES = "police_news/archive_bytes"

#: ``request.meta`` keys that are Scrapy's (or the middlewares') bookkeeping, not the spider's.
#: ``handle_httpstatus_*`` stay: they decide which responses a callback saw.
SCRAPY_META_KEYS = frozenset({
    "allow_offsite", "autothrottle_dont_adjust_delay", "bindaddress", "cookiejar", "depth",
    "dont_cache", "dont_merge_cookies", "dont_obey_robotstxt", "dont_proxy", "dont_redirect",
    "dont_retry", "download_fail_on_dataloss", "download_latency", "download_maxsize",
    "download_slot", "download_timeout", "download_warnsize", "ftp_local_filename",
    "ftp_password", "ftp_user", "is_start_request", "max_retry_times", "proxy",
    "redirect_reasons", "redirect_times", "redirect_ttl", "redirect_urls", "referrer_policy",
    "retry_times", "not_modified", "warc",
})
#: HTTP headers not kept on a response record: the body is stored de-chunked.
_DROP_RESPONSE_HEADERS = (b"Transfer-Encoding",)


def resolve_archive_dir(setting: str | os.PathLike[str] | None = None,
                        db_path: str | os.PathLike[str] | None = None) -> Path:
    """The archive directory: ``setting``, else ``$POLICE_NEWS_ARCHIVE``, else ``archive/``
    next to the database (``output/archive`` for the default ``output/police_news.db``)."""
    chosen = setting or os.environ.get("POLICE_NEWS_ARCHIVE")
    if chosen:
        return Path(chosen)
    return resolve_db_path(db_path).parent / "archive"


# -- writing ----------------------------------------------------------------------------------

_file_numbers = itertools.count()

#: gzip level of the WARC records: 3 makes archiving a 20 KB page about a third cheaper than
#: warcio's 9, for files about 8 % larger (bench/archive.py measures the effect on a crawl).
GZIP_LEVEL = 3


class _GzipMember(GzippingWrapper):
    """warcio's gzip-member writer, at :data:`GZIP_LEVEL`."""

    def __init__(self, out: BinaryIO, level: int) -> None:
        self.out = out
        self.compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS + 16)


class ArchiveWarcWriter(WARCWriter):
    """warcio's :class:`WARCWriter` writing one gzip member per record at ``level``."""

    def __init__(self, filebuf: BinaryIO, level: int = GZIP_LEVEL, **kwargs: Any) -> None:
        super().__init__(filebuf, gzip=False, **kwargs)
        self.level = level

    def _write_warc_record(self, out: BinaryIO, record: Any) -> None:
        super()._write_warc_record(_GzipMember(out, self.level), record)


def new_file_name(directory: Path) -> str:
    """A fresh ``police-news-<UTC stamp>-<pid>-<n>.warc.gz`` name in ``directory``."""
    while True:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        name = f"{FILE_PREFIX}{stamp}-{os.getpid()}-{next(_file_numbers):05d}{FILE_SUFFIX}"
        if not (directory / name).exists():
            return name


class RotatingWarcWriter:
    """Appends records to gzip WARC files in one directory, starting a new file (with its own
    ``warcinfo`` record) once the current one reaches ``rotate_bytes``.

    Every record is flushed to the operating system as soon as it is written. Files are opened
    lazily (a crawl that receives nothing writes nothing) and never reopened for appending.
    """

    def __init__(self, directory: Path, rotate_bytes: int, info: Mapping[str, str]) -> None:
        self.directory = directory
        self.rotate_bytes = rotate_bytes
        self.info = dict(info)
        self.path: Path | None = None
        self._fh: BinaryIO | None = None
        self._writer: ArchiveWarcWriter | None = None
        self._lock = threading.Lock()

    def _open(self) -> ArchiveWarcWriter:
        if self._writer is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            name = new_file_name(self.directory)
            self.path = self.directory / name
            self._fh = self.path.open("xb")
            self._writer = ArchiveWarcWriter(self._fh, warc_version="1.1")
            self._writer.write_record(self._writer.create_warcinfo_record(name, self.info))
        return self._writer

    def write_exchange(self, request: Request, response: Response,
                       extra_headers: Mapping[str, str]) -> dict[str, Any]:
        """Write the response record and its request record; returns where the response record
        is (the ``request.meta["warc"]`` dict)."""
        with self._lock:
            writer = self._open()
            assert self._fh is not None and self.path is not None
            response_record = writer.create_warc_record(
                request.url, "response", payload=io.BytesIO(response.body),
                length=len(response.body), http_headers=_response_head(response),
                warc_headers_dict=_response_warc_headers(response, extra_headers))
            headers = response_record.rec_headers
            request_record = writer.create_warc_record(
                request.url, "request", payload=io.BytesIO(request.body or b""),
                length=len(request.body or b""), http_headers=_request_head(request),
                warc_headers_dict={
                    "WARC-Date": headers.get_header("WARC-Date"),
                    "WARC-Concurrent-To": headers.get_header("WARC-Record-ID"),
                })
            offset = self._fh.tell()
            try:
                writer.write_record(response_record)
                length = self._fh.tell() - offset
                writer.write_record(request_record)
            except BaseException:
                # A record cut short (disk full) must stay the file's last: start a new one.
                self._close()
                raise
            location = {
                "warc_file": self.path.name,
                "warc_offset": offset,
                "warc_length": length,
                "warc_record_id": headers.get_header("WARC-Record-ID"),
                "payload_digest": headers.get_header("WARC-Payload-Digest"),
            }
            if self._fh.tell() >= self.rotate_bytes:
                self._close()
            return location

    def _close(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
        self._fh = self._writer = None
        self.path = None

    def close(self) -> None:
        """Close the current file (the next record starts a new one)."""
        with self._lock:
            self._close()


@dataclass
class _Shared:
    writer: RotatingWarcWriter
    users: int = 0


_shared: dict[tuple[Path, int], _Shared] = {}
_shared_lock = threading.Lock()


def acquire_writer(directory: Path, rotate_bytes: int,
                   info: Mapping[str, str]) -> RotatingWarcWriter:
    """The process's writer for ``directory``: the crawlers of one run (one per site) share
    one file instead of opening one each."""
    key = (directory.resolve(), rotate_bytes)
    with _shared_lock:
        shared = _shared.get(key)
        if shared is None:
            shared = _shared[key] = _Shared(RotatingWarcWriter(directory, rotate_bytes, info))
        shared.users += 1
        return shared.writer


def release_writer(writer: RotatingWarcWriter) -> None:
    """One crawler is done with ``writer``; the last one closes its file."""
    with _shared_lock:
        for key, shared in list(_shared.items()):
            if shared.writer is writer:
                shared.users -= 1
                if shared.users <= 0:
                    writer.close()
                    del _shared[key]
                return


class WarcArchiveMiddleware:
    """Archives every response the crawl receives, as received, into gzip WARC files.

    Settings: ``POLICE_NEWS_ARCHIVE`` (default True; ``police-news crawl --no-archive`` turns
    it off), ``POLICE_NEWS_ARCHIVE_DIR`` (default ``$POLICE_NEWS_ARCHIVE``, else ``archive/``
    next to the database), ``POLICE_NEWS_ARCHIVE_ROTATE_MB`` (default 100). It sits next to
    the downloader (priority 950), so it sees bodies before decompression and redirects
    before they are followed. A failed write is recorded against the site (the run is then
    not ``ok``, and the next run fetches — and archives — the same responses again).
    """

    def __init__(self, crawler: Crawler, writer: RotatingWarcWriter) -> None:
        self.crawler = crawler
        self.writer = writer

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchiveMiddleware:
        settings = crawler.settings
        if not settings.getbool("POLICE_NEWS_ARCHIVE", True):
            raise NotConfigured("archiving is off (POLICE_NEWS_ARCHIVE)")
        directory = resolve_archive_dir(settings.get("POLICE_NEWS_ARCHIVE_DIR"),
                                        settings.get("POLICE_NEWS_DB"))
        rotate = max(1, int(settings.getfloat("POLICE_NEWS_ARCHIVE_ROTATE_MB", 100) * 2**20))
        info = {
            "software": f"police-news/{__version__} (warcio, Scrapy)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
                          "warc-format/warc-1.1/",
            "isPartOf": "police-news",
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": str(settings.get("USER_AGENT") or ""),
        }
        middleware = cls(crawler, acquire_writer(directory, rotate, info))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Request, response: Response) -> Response:
        spider = self.crawler.spider
        try:
            location = self.writer.write_exchange(request, response,
                                                  record_headers(spider, request))
        except Exception as exc:  # disk full, a bug: the crawl goes on, the run is not "ok"
            request.meta.pop("warc", None)  # not a redirect's record, copied along
            message = f"could not archive {request.url} ({type(exc).__name__}: {exc})"
            if hasattr(spider, "fail"):
                spider.fail(message)
            else:
                logger.error(message)
            return response
        request.meta["warc"] = location
        stats = self.crawler.stats
        stats.inc_value(STAT_RECORDS)
        stats.inc_value(STAT_BYTES, location["warc_length"])
        return response

    def spider_closed(self, spider: Any) -> None:
        release_writer(self.writer)


def record_headers(spider: Any, request: Request) -> dict[str, str]:
    """The police-news WARC headers for a response to ``request``."""
    headers: dict[str, str] = {}
    site = getattr(getattr(spider, "site", None), "id", None)
    if site:
        headers[HEADER_SITE] = site
    callback = getattr(request.callback, "__name__", None)
    if callback and request.callback is not NO_CALLBACK:  # NO_CALLBACK: robots.txt and co.
        headers[HEADER_CALLBACK] = callback
    headers[HEADER_META] = json.dumps(spider_meta(request.meta), ensure_ascii=True,
                                      sort_keys=True, separators=(",", ":"))
    if request.cb_kwargs:
        headers[HEADER_CB_KWARGS] = json.dumps(_serialisable(request.cb_kwargs),
                                               ensure_ascii=True, sort_keys=True,
                                               separators=(",", ":"))
    return headers


def spider_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-serialisable ``meta`` keys a spider set (Scrapy's own keys left out)."""
    return _serialisable({k: v for k, v in meta.items()
                          if k not in SCRAPY_META_KEYS and not k.startswith("_")})


def _serialisable(values: Mapping[str, Any]) -> dict[str, Any]:
    kept = {}
    for key, value in values.items():
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            continue
        kept[key] = value
    return kept


def _response_head(response: Response) -> StatusAndHeaders:
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    headers = [(name.decode("latin-1"), value.decode("latin-1"))
               for name, values in response.headers.items()
               if name not in _DROP_RESPONSE_HEADERS for value in values]
    return StatusAndHeaders(f"{response.status} {reason}".strip(), headers,
                            protocol=response.protocol or "HTTP/1.1")


def _request_head(request: Request) -> StatusAndHeaders:
    parts = urlparse_cached(request)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [(name.decode("latin-1"), value.decode("latin-1"))
               for name, values in request.headers.items() for value in values]
    if not any(name.lower() == "host" for name, _ in headers):
        headers.insert(0, ("Host", parts.netloc))
    return StatusAndHeaders(f"{request.method} {target} HTTP/1.1", headers,
                            is_http_request=True)


def _response_warc_headers(response: Response, extra: Mapping[str, str]) -> dict[str, str]:
    headers = dict(extra)
    if response.ip_address is not None:
        headers["WARC-IP-Address"] = str(response.ip_address)
    return headers


# -- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArchivedRecord:
    """One complete WARC record: its place in a file and its headers (not its body)."""

    path: Path
    offset: int
    length: int
    type: str
    record_id: str
    uri: str
    date: str
    status: int | None = None
    content_type: str = ""
    payload_digest: str | None = None
    concurrent_to: str | None = None
    site: str | None = None
    callback: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    cb_kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def fetched_at(self) -> datetime:
        """``WARC-Date`` as an aware UTC datetime."""
        return iso_date_to_datetime(self.date).replace(tzinfo=UTC)

    def location(self) -> dict[str, Any]:
        """Where the record is, as ``request.meta["warc"]`` / ``article_sources`` hold it."""
        return {"warc_file": self.path.name, "warc_offset": self.offset,
                "warc_length": self.length, "warc_record_id": self.record_id,
                "payload_digest": self.payload_digest}


def warc_files(directory: Path) -> list[Path]:
    """The gzip WARC files (``*.warc.gz``) in an archive directory, oldest name first."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_file() and p.name.endswith(FILE_SUFFIX))


def iter_records(path: Path) -> Iterator[ArchivedRecord]:
    """The complete records of one WARC file, in file order.

    A last record cut short (the crawl was killed while writing it) is skipped with a warning:
    every earlier record is intact, since each one is its own gzip member, flushed whole.
    """
    size = path.stat().st_size
    gzipped = _is_gzip(path)
    with path.open("rb") as fh:
        iterator = ArchiveIterator(fh)
        while True:
            try:
                record = next(iterator)
                described = _describe(record, path)
                iterator.read_to_end()
                offset, length = iterator.get_record_offset(), iterator.get_record_length()
            except StopIteration:
                return
            except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as exc:
                logger.warning("%s: skipping an unreadable tail (%s)", path, exc)
                return
            if offset + length >= size and gzipped and not _member_complete(fh, offset, length):
                logger.warning("%s: skipping the incomplete last record at byte %d "
                               "(the crawl writing it was interrupted)", path, offset)
                return
            yield ArchivedRecord(offset=offset, length=length, **described)


def _describe(record: Any, path: Path) -> dict[str, Any]:
    head = record.rec_headers
    http = record.http_headers
    status = None
    content_type = ""
    if http is not None and record.rec_type in ("response", "revisit"):
        with contextlib.suppress(ValueError, TypeError):
            status = int(http.get_statuscode())
        content_type = http.get_header("Content-Type") or ""
    return {
        "path": path,
        "type": record.rec_type,
        "record_id": head.get_header("WARC-Record-ID") or "",
        "uri": head.get_header("WARC-Target-URI") or "",
        "date": head.get_header("WARC-Date") or "",
        "status": status,
        "content_type": content_type,
        "payload_digest": head.get_header("WARC-Payload-Digest"),
        "concurrent_to": head.get_header("WARC-Concurrent-To"),
        "site": head.get_header(HEADER_SITE),
        "callback": head.get_header(HEADER_CALLBACK),
        "meta": _json_header(head.get_header(HEADER_META)),
        "cb_kwargs": _json_header(head.get_header(HEADER_CB_KWARGS)),
    }


def _json_header(value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    try:
        parsed = json.loads(value)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _member_complete(fh: BinaryIO, offset: int, length: int) -> bool:
    """Whether the gzip member at ``offset`` ends properly (trailer included)."""
    position = fh.tell()
    try:
        fh.seek(offset)
        data = fh.read(length)
    finally:
        fh.seek(position)
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        decompressor.decompress(data)
    except zlib.error:
        return False
    return decompressor.eof


@dataclass(frozen=True)
class Payload:
    """A response record's HTTP part: status, headers and body (content-encoding undone)."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    protocol: str


def load_payload(path: Path, offset: int) -> Payload:
    """The HTTP response stored in the record at ``offset`` of ``path``."""
    with path.open("rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        http = record.http_headers
        body = record.content_stream().read()
        return Payload(int(http.get_statuscode()), list(http.headers), body,
                       http.protocol or "HTTP/1.1")


def copy_members(source: Path, spans: Iterable[tuple[int, int]], out: BinaryIO) -> list[int]:
    """Copy records (``(offset, length)`` spans of gzip members) byte for byte to ``out``;
    returns the offset each one got in ``out``."""
    offsets = []
    with source.open("rb") as fh:
        for offset, length in spans:
            fh.seek(offset)
            offsets.append(out.tell())
            out.write(fh.read(length))
    return offsets


def archive_usage(directory: Path) -> tuple[int, int]:
    """(number of WARC files, their total size in bytes)."""
    files = warc_files(directory)
    return len(files), sum(p.stat().st_size for p in files)


def human_bytes(size: float) -> str:
    """``1536`` → ``1.5 KB``."""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def archive_summary(db_path: Path, directory: Path | None = None) -> str | None:
    """One line: the archive's size and bytes per stored article (None without an archive)."""
    directory = directory or resolve_archive_dir(None, db_path)
    files, size = archive_usage(directory)
    if not files:
        return None
    articles = 0
    if db_path.exists():
        with Store(db_path) as store:
            articles = store.article_count()
    per = f", {human_bytes(size / articles)} per stored article" if articles else ""
    return f"Archive: {human_bytes(size)} in {files} WARC file(s) under {directory}{per}."


# -- selecting, exporting, pruning --------------------------------------------------------------


def select_records(directory: Path, *, sites: Sequence[str] = (),
                   since: datetime | None = None) -> list[ArchivedRecord]:
    """Response records (and their request records) of ``sites`` fetched at or after
    ``since``, in archive order."""
    wanted = set(sites)
    chosen: list[ArchivedRecord] = []
    kept_ids: set[str] = set()
    for path in warc_files(directory):
        for record in iter_records(path):
            if record.type == "response":
                if wanted and record.site not in wanted:
                    continue
                if since is not None and record.fetched_at < since:
                    continue
                kept_ids.add(record.record_id)
                chosen.append(record)
            elif record.type == "request" and record.concurrent_to in kept_ids:
                chosen.append(record)
    return chosen


def write_selection(records: Sequence[ArchivedRecord], out_path: Path) -> None:
    """A new gzip WARC at ``out_path``: a ``warcinfo`` record, then ``records`` copied
    byte for byte."""
    with out_path.open("xb") as out:
        writer = ArchiveWarcWriter(out, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(out_path.name, {
            "software": f"police-news/{__version__} archive-export (warcio)",
            "format": "WARC File Format 1.1",
            "isPartOf": "police-news",
        }))
        for path, group in itertools.groupby(records, key=lambda r: r.path):
            copy_members(path, [(r.offset, r.length) for r in group], out)


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_wacz` packaged."""

    records: int
    responses: int
    pages: int
    size: int


def export_wacz(directory: Path, out_path: Path, db_path: Path | None = None, *,
                sites: Sequence[str] = (), since: datetime | None = None) -> ExportResult:
    """Package the matching records as a WACZ (WARC, CDXJ index, pages list, datapackage).

    The pages list names the response each stored article was read from (title = the
    article's title, or how many articles a feed page carried); without a database, every
    HTML page is listed. ``wacz create`` builds the package, so ``wacz validate`` accepts it.
    """
    from wacz.main import main as wacz_main

    records = select_records(directory, sites=sites, since=since)
    responses = [r for r in records if r.type == "response"]
    if not responses:
        raise ValueError(f"no archived response in {directory} matches")
    pages = _pages(responses, db_path)
    with tempfile.TemporaryDirectory(prefix="police-news-wacz-") as tmp:
        warc = Path(tmp) / f"{out_path.stem}{FILE_SUFFIX}"
        write_selection(records, warc)
        args = ["create", "-f", str(warc), "-o", str(out_path)]
        if pages:
            pages_file = Path(tmp) / "pages.jsonl"
            pages_file.write_text(
                "\n".join(json.dumps(p, ensure_ascii=False) for p in
                          [{"format": "json-pages-1.0", "id": "pages",
                            "title": "police-news sources"}, *pages]) + "\n",
                encoding="utf-8")
            args += ["-p", str(pages_file)]
        else:
            args += ["--detect-pages"]
        out_path.parent.mkdir(parents=True, exist_ok=True)
        if out_path.exists():
            out_path.unlink()
        chatter = io.StringIO()
        with contextlib.redirect_stdout(chatter):
            code = wacz_main(args)
        if code:
            raise RuntimeError(f"wacz create failed: {chatter.getvalue().strip()}")
    return ExportResult(len(records), len(responses), len(pages), out_path.stat().st_size)


def _pages(responses: Sequence[ArchivedRecord], db_path: Path | None) -> list[dict[str, Any]]:
    """Page entries for the responses stored articles came from (the newest capture each)."""
    if db_path is None or not db_path.exists():
        return []
    by_id = {r.record_id: r for r in responses}
    titles: dict[str, list[str]] = {}
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT s.warc_record_id, a.title FROM article_sources s "
                            "JOIN articles a ON a.id = s.article_id "
                            "WHERE s.warc_record_id IS NOT NULL ORDER BY a.published_utc DESC")
        for record_id, title in rows:
            if record_id in by_id:
                titles.setdefault(record_id, []).append(title)
    finally:
        conn.close()
    pages = []
    for record_id, names in titles.items():
        record = by_id[record_id]
        title = names[0] if len(names) == 1 else f"{len(names)} articles: {names[0]} …"
        pages.append({"url": record.uri, "ts": record.date, "title": title})
    return pages


@dataclass
class PruneResult:
    """What :func:`prune_archive` did (or would do)."""

    bytes_before: int = 0
    bytes_after: int = 0
    files_before: int = 0
    files_after: int = 0
    records_kept: int = 0
    records_dropped: int = 0
    moved: list[tuple[str, int, int, str]] = field(default_factory=list)
    #: Files left alone because the crawl that writes them is still running.
    skipped: list[str] = field(default_factory=list)


def prune_archive(directory: Path, db_path: Path, *, dry_run: bool = False) -> PruneResult:
    """Keep only the response records ``article_sources`` points at (with their request
    records and each file's ``warcinfo``); rewrite the files and the offsets.

    Each file is rewritten beside itself, the new offsets are committed to the database, then
    the new file replaces the old one; a file left with nothing referenced is deleted.
    Records are found by ``WARC-Record-ID``, so running it again is harmless.
    """
    result = PruneResult()
    with Store(db_path) as store:
        referenced = {row[0] for row in store.conn.execute(
            "SELECT DISTINCT warc_record_id FROM article_sources "
            "WHERE warc_record_id IS NOT NULL")}
        if not referenced and warc_files(directory):
            raise ValueError(f"no article in {db_path} points into an archive: pruning "
                             f"{directory} against it would delete everything (wrong --db?)")
        for path in warc_files(directory):
            size = path.stat().st_size
            result.files_before += 1
            result.bytes_before += size
            if _being_written(path):
                result.files_after += 1
                result.bytes_after += size
                result.skipped.append(path.name)
                continue
            records = list(iter_records(path))
            keep_ids = {r.record_id for r in records
                        if r.type == "response" and r.record_id in referenced}
            kept = [r for r in records if r.record_id in keep_ids
                    or (r.type == "request" and r.concurrent_to in keep_ids)
                    or (r.type == "warcinfo" and keep_ids)]
            result.records_kept += len(kept)
            result.records_dropped += len(records) - len(kept)
            kept_size = sum(r.length for r in kept)
            if kept_size == size:
                result.files_after += 1
                result.bytes_after += size
                continue
            if dry_run:
                result.files_after += 1 if kept else 0
                result.bytes_after += kept_size
                continue
            _rewrite(store, path, kept, keep_ids, result)
    return result


def _rewrite(store: Store, path: Path, kept: Sequence[ArchivedRecord], keep_ids: set[str],
             result: PruneResult) -> None:
    if not kept:
        path.unlink()
        return
    temporary = path.with_name(path.name + ".pruning")
    with temporary.open("wb") as out:
        offsets = copy_members(path, [(r.offset, r.length) for r in kept], out)
        out.flush()
        os.fsync(out.fileno())
    moved = [(path.name, offset, record.length, record.record_id)
             for record, offset in zip(kept, offsets, strict=True)
             if record.record_id in keep_ids]
    store.move_sources(moved)
    os.replace(temporary, path)
    result.moved.extend(moved)
    result.files_after += 1
    result.bytes_after += path.stat().st_size


def _being_written(path: Path) -> bool:
    """Whether the process named in ``police-news-<stamp>-<pid>-<n>.warc.gz`` still runs."""
    parts = path.name.removeprefix(FILE_PREFIX).split("-")
    if not path.name.startswith(FILE_PREFIX) or len(parts) < 3 or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return any(shared.writer.path == path for shared in _shared.values())
    return pid_alive(pid)
