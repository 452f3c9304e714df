"""A small loopback web: several fake sites, one port each, every request counted.

The offline demo, the end-to-end tests and the benchmarks serve their sites with this. It
binds loopback addresses only: by default each site gets its own (127.0.0.1, 127.0.0.2, …,
all on ``lo``), so that, as on the real web, every site is a different host with its own
politeness slot and robots.txt. Each site is an object with a ``handle(request)`` method (see
:class:`MockSite`); :class:`MockWeb` gives each its own port and threads, records every
request (host, path, status) and the highest number of requests it ever served at once per
site, and can be started in a thread or as a process (``python -m crawler.demo.server``).
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import parse_qsl, urlsplit


@dataclass
class MockRequest:
    """What a fake site sees of a request."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class MockResponse:
    """What a fake site answers."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait before answering (to simulate slow or hanging servers).
    delay: float = 0.0
    #: Misbehave on the wire: ``"reset"`` closes the connection without answering,
    #: ``"truncate"`` announces the full length but sends half the body, then closes.
    abort: str | None = None


class MockSite(Protocol):
    """A fake site: answers requests for paths below its base URL."""

    base_url: str

    def handle(self, request: MockRequest) -> MockResponse: ...


class SiteWrapper:
    """A fake site wrapping another: it answers through ``inner`` and passes on everything
    else it is asked (``base_url``, ``posts``, ``post_path``, …)."""

    def __init__(self, inner: MockSite) -> None:
        self.inner = inner

    @property
    def base_url(self) -> str:
        return self.inner.base_url

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def handle(self, request: MockRequest) -> MockResponse:
        return self.inner.handle(request)


class CachedSite(SiteWrapper):
    """A fake site whose answers are rendered once, then served from memory.

    Rendering a page in Python costs about as much CPU as parsing it; a benchmark that wants
    the crawler's cost, not the fake site's, serves through this after a warm-up pass, as a
    real web server serves pages from its cache. The key is the path, the query and the
    conditional-GET headers; every hit is a copy (wrappers such as ``FaultySite`` change
    answers). Only for sites whose answers depend on nothing else.
    """

    def __init__(self, inner: MockSite) -> None:
        super().__init__(inner)
        self.cache: dict[tuple[object, ...], MockResponse] = {}

    def handle(self, request: MockRequest) -> MockResponse:
        key = (request.path, tuple(sorted(request.query.items())),
               request.headers.get("if-none-match"), request.headers.get("if-modified-since"))
        answer = self.cache.get(key)
        if answer is None:
            answer = self.cache[key] = self.inner.handle(request)
        return replace(answer, headers=dict(answer.headers))


def html(body: str, status: int = 200) -> MockResponse:
    """An HTML answer."""
    return MockResponse(status, body.encode("utf-8"), {"Content-Type": "text/html; charset=UTF-8"})


def text(body: str, status: int = 200, content_type: str = "text/plain") -> MockResponse:
    """A text answer of any content type."""
    return MockResponse(status, body.encode("utf-8"),
                        {"Content-Type": f"{content_type}; charset=UTF-8"})


def not_found() -> MockResponse:
    return html("<html><body><h1>404 Not Found</h1></body></html>", 404)


def with_validators(request: MockRequest, response: MockResponse,
                    last_modified: float | None = None) -> MockResponse:
    """Adds an ETag (and Last-Modified) to a 200 answer and turns it into a 304 when the
    request's If-None-Match matches, like real feed servers do."""
    if response.status != 200:
        return response
    etag = '"' + hashlib.sha1(response.body).hexdigest()[:16] + '"'
    response.headers["ETag"] = etag
    if last_modified is not None:
        response.headers["Last-Modified"] = formatdate(last_modified, usegmt=True)
    if request.headers.get("if-none-match") == etag:
        return MockResponse(304, b"", {"ETag": etag})
    return response


@dataclass
class RequestRecord:
    """One request the mock web served."""

    site: str
    path: str
    status: int
    at: float


class MockWeb:
    """Serves fake sites on loopback, one address and port each, and counts what it served.

    ``distinct_hosts=False`` puts every site on ``host`` (one host, many ports).
    """

    def __init__(self, host: str = "127.0.0.1", distinct_hosts: bool = True) -> None:
        self.host = host
        self.distinct_hosts = distinct_hosts
        self.sites: dict[str, MockSite] = {}
        self.servers: list[ThreadingHTTPServer] = []
        self.threads: list[threading.Thread] = []
        self.log: list[RequestRecord] = []
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self._lock = threading.Lock()

    def next_host(self) -> str:
        """The loopback address the next bound site gets."""
        if not self.distinct_hosts:
            return self.host
        n = len(self.servers) + 1
        return f"127.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"

    def bind(self, name: str, port: int = 0) -> str:
        """Reserve an address and port for a site called ``name``; returns its base URL."""
        host = self.next_host()
        server = ThreadingHTTPServer((host, port), self._handler_for(name))
        server.daemon_threads = True
        self.servers.append(server)
        return f"http://{host}:{server.server_address[1]}"

    def add(self, name: str, site: MockSite) -> None:
        """Serve ``site`` on the port bound for ``name``."""
        self.sites[name] = site

    def start(self) -> None:
        """Serve every bound port in background threads."""
        for server in self.servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                      daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> None:
        """Stop serving and close the ports."""
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def requests_for(self, name: str) -> list[RequestRecord]:
        """Requests one site answered (robots.txt included)."""
        with self._lock:
            return [r for r in self.log if r.site == name]

    def _record(self, name: str, path: str, status: int) -> None:
        with self._lock:
            self.log.append(RequestRecord(name, path, status, time.time()))

    def _enter(self, name: str) -> None:
        with self._lock:
            self.in_flight[name] += 1
            self.max_in_flight[name] = max(self.max_in_flight[name], self.in_flight[name])

    def _leave(self, name: str) -> None:
        with self._lock:
            self.in_flight[name] -= 1

    def _handler_for(self, name: str) -> type[BaseHTTPRequestHandler]:
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "mockweb/1"

            def do_GET(self) -> None:  # noqa: N802 (http.server naming)
                web._enter(name)
                try:
                    self._answer()
                finally:
                    web._leave(name)

            def _answer(self) -> None:
                parts = urlsplit(self.path)
                request = MockRequest("GET", parts.path,
                                      dict(parse_qsl(parts.query, keep_blank_values=True)),
                                      {k.lower(): v for k, v in self.headers.items()})
                site = web.sites.get(name)
                try:
                    response = site.handle(request) if site else not_found()
                except Exception as exc:  # a broken fake site answers 500, visibly
                    response = text(f"mock site error: {exc!r}", 500)
                if response.delay:
                    time.sleep(response.delay)
                web._record(name, self.path, response.status)
                if response.abort == "reset":
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                                   struct.pack("ii", 1, 0))
                    return
                self.send_response(response.status)
                for key, value in response.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                body = response.body
                if response.abort == "truncate":
                    body = body[: len(body) // 2]
                    self.close_connection = True
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        return Handler
