"""URL handling: one canonical form per article, and checks on site URLs users type."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

#: Query parameters that never change what page is served.
_TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_[a-z]+|_ga|igshid|ref|amp|m)$", re.IGNORECASE
)
_HOST_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class BadURLError(ValueError):
    """A URL a user gave that cannot be a site's address; the message says why."""


@lru_cache(maxsize=8192)  # pure; the pipelines ask for one article's URL several times
def canonicalize_url(url: str) -> str:
    """The form an article is stored under.

    Lower-cases scheme and host, drops a trailing dot on the host
    (``tribratanews.polri.go.id.``), the default port, the fragment, tracking and view parameters
    (``utm_*``, ``fbclid``, Blogger's ``m=1``, ``amp``), a trailing ``/amp/`` path segment, and
    normalises percent-encoding. The path's case is kept (it matters on most servers).
    Idempotent: canonicalizing twice changes nothing.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # not a parseable URL: keep it as it is, validation reports it
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".").lower()
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%") or "/"
    if path.endswith("/amp/") or path.endswith("/amp"):
        path = path[: path.rfind("/amp")] + "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING_PARAMS.match(k)]
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def host_of(url: str) -> str:
    """The host of a URL, lower-cased, without a trailing dot or port."""
    return (urlsplit(url).hostname or "").rstrip(".").lower()


def check_site_url(url: str) -> str:
    """Validate a site address a user typed and return its normal form (scheme://host[:port]).

    Raises :class:`BadURLError` with one readable sentence when the URL cannot be a site.
    A bare host (``humaspolresmetro.com``) is taken as https.
    """
    raw = url.strip()
    if not raw:
        raise BadURLError("the site URL is empty")
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
    except ValueError as exc:
        raise BadURLError(f"{url!r} is not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadURLError(f"{url!r} is not a web address: it must start with http:// or https://")
    try:
        port = parts.port
    except ValueError:
        raise BadURLError(f"{url!r} has an invalid port") from None
    host = (parts.hostname or "").rstrip(".").lower()
    if not host or " " in raw or not (_HOST_RE.match(host) or _is_ip(host)):
        raise BadURLError(f"{url!r} has no valid host name (expected something like "
                          "https://humaspolresmetro.com)")
    if "." not in host and host != "localhost":
        raise BadURLError(f"{url!r}: host {host!r} has no domain (expected e.g. polresX.com)")
    netloc = host if port is None or _DEFAULT_PORTS.get(parts.scheme.lower()) == port \
        else f"{host}:{port}"
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), netloc, path, "", ""))


def _is_ip(host: str) -> bool:
    pieces = host.split(".")
    return len(pieces) == 4 and all(p.isdigit() and 0 <= int(p) <= 255 for p in pieces)
