"""What every distributed component shares: the Redis connection, key names, the codec.

All keys start with ``pn:`` so one Redis database can be inspected (``redis-cli --scan
--pattern 'pn:*'``) and cleared (``FLUSHDB``) without guessing. Per-site keys are named by
:class:`SiteKeys`; the cluster-wide ones are module constants.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import redis

#: The item stream: run events and articles, from the workers to the writer.
STREAM = "pn:items"
#: The consumer group the writer reads :data:`STREAM` with.
GROUP = "writers"
#: Entries the writer could not apply (bad data), kept for a human to look at.
DEAD_LETTERS = "pn:items:dead"
#: Sites with an open batch (enqueued and not yet finished).
ACTIVE = "pn:active"
#: Workers' heartbeats: sorted set, worker id → last time seen (Unix seconds).
WORKERS = "pn:workers"
#: The writer's heartbeat (a JSON value that expires).
WRITER = "pn:writer"

#: Timeouts for talking to Redis: fail with a readable message instead of hanging.
_CLIENT_OPTIONS: dict[str, Any] = {"socket_connect_timeout": 5, "socket_timeout": 30,
                                   "health_check_interval": 30}


class RedisUrlError(RuntimeError):
    """A ``--redis`` URL that is malformed or names a server that does not answer."""


@dataclass(frozen=True)
class SiteKeys:
    """The Redis keys of one site's batch (see :mod:`crawler.distributed.frontier`)."""

    site_id: str

    def _key(self, name: str) -> str:
        return f"pn:{self.site_id}:{name}"

    @property
    def run(self) -> str:
        return self._key("run")

    @property
    def requests(self) -> str:
        return self._key("requests")

    @property
    def seq(self) -> str:
        return self._key("seq")

    @property
    def inflight(self) -> str:
        return self._key("inflight")

    @property
    def dupefilter(self) -> str:
        return self._key("dupefilter")

    @property
    def sessions(self) -> str:
        return self._key("sessions")

    @property
    def state(self) -> str:
        return self._key("state")

    @property
    def urls(self) -> str:
        return self._key("urls")

    @property
    def validators(self) -> str:
        return self._key("validators")

    @property
    def lease(self) -> str:
        return f"pn:lease:{self.site_id}"

    def batch_keys(self) -> list[str]:
        """Every key a batch owns (all deleted when the batch ends or a new one starts)."""
        return [self.run, self.requests, self.seq, self.inflight, self.dupefilter,
                self.sessions, self.state, self.urls, self.validators]


def connect(url: str) -> redis.Redis:
    """A client for ``url`` (``redis://HOST:PORT/DB``) that answered a PING.

    Raises :class:`RedisUrlError` with one readable sentence when the URL is malformed or the
    server does not answer.
    """
    scheme = urlsplit(url).scheme
    if scheme not in ("redis", "rediss", "unix"):
        raise RedisUrlError(f"--redis {url!r} is not a Redis URL (expected "
                            "redis://HOST:PORT/DB, rediss://… or unix:///path/to/socket)")
    try:
        client = redis.Redis.from_url(url, **_CLIENT_OPTIONS)
    except ValueError as exc:
        raise RedisUrlError(f"--redis {url!r} is not a valid Redis URL ({exc})") from None
    try:
        client.ping()
    except redis.AuthenticationError as exc:
        raise RedisUrlError(f"Redis at {_where(url)} refused the credentials ({exc})") from None
    except redis.ResponseError as exc:
        raise RedisUrlError(f"Redis at {_where(url)} answered with an error ({exc})") from None
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        raise RedisUrlError(f"cannot reach Redis at {_where(url)} ({_reason(exc)}); is "
                            "redis-server running there?") from None
    return client


def _where(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.split(". ")[0].rstrip(".")


def ensure_group(client: redis.Redis) -> None:
    """Create the writer's consumer group (and the stream) unless they exist.

    The group starts at id ``0``: entries added before the group existed are read too.
    """
    try:
        client.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def now() -> float:
    return time.time()


def text(value: bytes | str | None) -> str | None:
    """A Redis reply as text (``None`` stays ``None``)."""
    if value is None:
        return None
    return value.decode("utf-8") if isinstance(value, bytes) else value


# -- the request codec ----------------------------------------------------------------------------
# Requests travel as JSON: readable with redis-cli, no pickle (so a Redis server cannot make a
# worker run code), and the same across Python versions. ``Request.to_dict()`` holds bytes
# (headers, body) and a dict with bytes keys (headers); they are tagged.


def dumps(obj: Any) -> bytes:
    """JSON of a ``Request.to_dict()`` (bytes and non-text dict keys tagged)."""
    return json.dumps(_pack(obj), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> Any:
    """The inverse of :func:`dumps`."""
    return json.loads(data, object_hook=_unpack)


def _pack(obj: Any) -> Any:
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    if isinstance(obj, bytes):
        return {"$b": obj.decode("latin-1")}
    if isinstance(obj, dict):
        if all(isinstance(k, str) for k in obj) and not ({"$b", "$d"} & obj.keys()):
            return {k: _pack(v) for k, v in obj.items()}
        return {"$d": [[_pack(k), _pack(v)] for k, v in obj.items()]}
    if isinstance(obj, (list, tuple)):
        return [_pack(v) for v in obj]
    raise TypeError(f"{type(obj).__name__} values cannot travel through the shared frontier "
                    "(request meta must be JSON: text, numbers, lists, dicts, bytes)")


def _unpack(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "$b" in obj:
            return obj["$b"].encode("latin-1")
        if "$d" in obj:
            return {_hashable(k): v for k, v in obj["$d"]}
    return obj


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


_clients: dict[str, redis.Redis] = {}


def shared_client(url: str) -> redis.Redis:
    """One client (one connection pool) per URL per process, for the crawl's components."""
    client = _clients.get(url)
    if client is None:
        client = _clients[url] = connect(url)
    return client
