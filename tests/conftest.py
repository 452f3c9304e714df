"""Shared fixtures: loopback servers for end-to-end tests."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from werkzeug import Request as WRequest
from werkzeug import Response as WResponse

from crawler.demo.mockweb import MockRequest, MockSite


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver on 127.0.0.1 (IPv4 loopback only); "localhost" is then a second host."""
    return ("127.0.0.1", 0)


def mount(httpserver, site_for_host: Callable[[str], MockSite]) -> None:
    """Let pytest-httpserver answer every request with a fake site chosen by Host header."""

    def handler(request: WRequest) -> WResponse:
        mock = MockRequest("GET", request.path, dict(request.args),
                           {k.lower(): v for k, v in request.headers.items()})
        answer = site_for_host(request.host).handle(mock)
        if answer.delay:
            time.sleep(answer.delay)
        return WResponse(answer.body, status=answer.status, headers=answer.headers)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
