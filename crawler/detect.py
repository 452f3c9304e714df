"""Which platform a site runs on, from a handful of requests."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from crawler.settings import USER_AGENT


@dataclass(frozen=True)
class Detection:
    """The platform found and the evidence for it."""

    platform: str
    evidence: str


def _get(url: str, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read(512 * 1024)
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers or {}), b""
    except (urllib.error.URLError, OSError, ValueError):
        return 0, {}, b""


def detect_platform(url: str) -> Detection:
    """Probe the site at ``url``: Blogger feed, WordPress REST/markers, else generic."""
    status, _, body = _get(f"{url}/feeds/posts/default?alt=json&max-results=1")
    if status == 200:
        try:
            if isinstance(json.loads(body).get("feed"), dict):
                return Detection("blogger", "/feeds/posts/default?alt=json answers a Blogger feed")
        except (ValueError, AttributeError):
            pass
    status, headers, page = _get(url + "/")
    if status == 0:
        return Detection("generic", f"{url} did not answer; platform unknown, using generic")
    lowered = page.lower()
    link = " ".join(v for k, v in headers.items() if k.lower() == "link")
    if "api.w.org" in link or b"/wp-content/" in lowered or b"wp-json" in lowered:
        return Detection("wordpress", "WordPress markers (api.w.org link or /wp-content/)")
    if b"content='blogger'" in lowered or b'content="blogger"' in lowered:
        return Detection("blogger", "generator meta says blogger")
    return Detection("generic", "no known platform marker found; using the generic spider")
