"""Faults for the mock web: wrap a fake site so some of its answers go wrong on purpose.

``FaultySite(site, [Rule(r"/feeds/", http_error(503, retry_after=1), times=1), …])`` answers
the first matching request(s) with the fault and everything else normally. The fault suite
(tests/test_faults.py) and the reliability benchmark are built from these.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from crawler.demo.mockweb import MockRequest, MockResponse, MockSite, SiteWrapper, html, text

FaultFn = Callable[[MockRequest, MockSite], MockResponse]


@dataclass
class Rule:
    """Apply ``fault`` to requests whose path (and query) matches ``pattern``, ``times`` times
    (None: always), each time with probability ``rate`` (a fault *rate*, e.g. 0.05)."""

    pattern: str
    fault: FaultFn
    times: int | None = None
    rate: float = 1.0
    hits: int = field(default=0, init=False)

    def wants(self, request: MockRequest, rng: random.Random) -> bool:
        target = request.path + ("?" + "&".join(f"{k}={v}" for k, v in request.query.items())
                                 if request.query else "")
        if not re.search(self.pattern, target):
            return False
        if self.times is not None and self.hits >= self.times:
            return False
        if self.rate < 1.0 and rng.random() >= self.rate:
            return False
        self.hits += 1
        return True


class FaultySite(SiteWrapper):
    """A fake site whose matching requests get faults, and every answer an optional latency
    (seconds), reproducibly for a given ``seed``."""

    def __init__(self, inner: MockSite, rules: Sequence[Rule], *, latency: float = 0.0,
                 seed: int = 0) -> None:
        super().__init__(inner)
        self.rules = list(rules)
        self.latency = latency
        self.rng = random.Random(seed)

    def handle(self, request: MockRequest) -> MockResponse:
        answer = next((rule.fault(request, self.inner) for rule in self.rules
                       if rule.wants(request, self.rng)), None) or self.inner.handle(request)
        answer.delay += self.latency
        return answer


def http_error(status: int, retry_after: int | None = None) -> FaultFn:
    """An HTTP error answer, optionally with Retry-After (seconds)."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        answer = text(f"error {status}", status)
        if retry_after is not None:
            answer.headers["Retry-After"] = str(retry_after)
        return answer
    return fault


def hang(seconds: float) -> FaultFn:
    """Answer only after ``seconds`` (a timeout for any sane client)."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        return MockResponse(200, b"{}", {"Content-Type": "application/json"}, delay=seconds)
    return fault


def abort(how: str) -> FaultFn:
    """``"reset"`` the connection, or ``"truncate"`` the real answer halfway."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        answer = site.handle(request)
        answer.abort = how
        return answer
    return fault


def huge(megabytes: int) -> FaultFn:
    """A page of ``megabytes`` MB (a size limit must cut it)."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        filler = b"<p>" + b"x" * 1000 + b"</p>\n"
        return MockResponse(200, b"<html><body>" + filler * (megabytes * 1024) + b"</body></html>",
                            {"Content-Type": "text/html; charset=UTF-8"})
    return fault


def redirect_loop() -> FaultFn:
    """Redirect to itself with a counter, forever."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        hop = int(request.query.get("hop", "0")) + 1
        return MockResponse(302, b"", {"Location": f"{request.path}?hop={hop}"})
    return fault


def robots_disallow_all() -> FaultFn:
    """A robots.txt that forbids everything."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        return text("User-agent: *\nDisallow: /\n")
    return fault


def wrong_charset(real: str = "windows-1252", declared: str = "UTF-8") -> FaultFn:
    """The real page encoded in ``real`` but declared as ``declared``."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        answer = site.handle(request)
        body = answer.body.decode("utf-8").encode(real, errors="replace")
        body = body.replace(b"charset=UTF-8", f"charset={declared}".encode())
        answer.body = body
        answer.headers["Content-Type"] = f"text/html; charset={declared}"
        return answer
    return fault


def replace_body(content: bytes, content_type: str) -> FaultFn:
    """Any fixed answer (malformed JSON, an XML bomb, …)."""
    def fault(request: MockRequest, site: MockSite) -> MockResponse:
        return MockResponse(200, content, {"Content-Type": content_type})
    return fault


def not_a_feed() -> FaultFn:
    """A gambling landing page where the feed should be (a hijacked domain)."""
    return lambda request, site: html(
        "<html><head><title>SLOT GACOR MAXWIN</title></head><body>Daftar slot gacor hari ini"
        "</body></html>")
