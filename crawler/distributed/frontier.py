"""The shared crawl frontier: one request queue, dupefilter and lease per site, in Redis.

Keys of a site's batch (``<site>`` is the site id; see :class:`~.common.SiteKeys`):

``pn:<site>:requests``
    sorted set of queued requests (``Request.to_dict()`` as JSON), by priority, then first in
    first out (the score is ``sequence - priority × 10⁹``).
``pn:<site>:dupefilter``
    fingerprints of every request queued this batch (scrapy-redis's fingerprint: method,
    canonical URL, body). ``SCHEDULER_PERSIST`` is on: the set outlives worker sessions and
    is deleted when the batch ends (or a new batch of the site is enqueued).
``pn:<site>:inflight``
    requests a worker took and has not fully processed: ``pop`` moves a request here, and it
    is deleted only once its callback's output is through (its items in the item stream, its
    new requests queued), or once a retry or redirect that replaces it is queued.
``pn:lease:<site>``
    the worker crawling the site (``SET NX PX``, renewed every second). A worker that takes a
    site whose lease is free first moves the site's in-flight requests back to the queue:
    they belonged to a worker that died (or stopped) before finishing them.

Every step that must not be split by a crash is one Lua script: *seen-check + queue* (a request
is never marked seen without being queued), *pop + in-flight*, *take lease + requeue orphans*,
*run end + clean-up*. So a worker killed at any instruction loses no request; at worst a request
it was working on is done again by the next worker (at-least-once), and the writer's upserts
make that harmless.

The Scrapy side: :class:`FrontierScheduler` (a thin subclass of scrapy-redis's scheduler, keyed
by site instead of spider name, atomic, without the calls Scrapy 2.19 deprecates) and
:class:`FrontierEngine`, which tells the scheduler when a request is completely done.
"""

from __future__ import annotations

import logging
from typing import Any

import redis
from scrapy.core.engine import ExecutionEngine
from scrapy.crawler import Crawler
from scrapy.http import Request
from scrapy.spiders import Spider
from scrapy.utils.request import request_from_dict
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from crawler.distributed import common
from crawler.distributed.common import ACTIVE, STREAM, SiteKeys

logger = logging.getLogger(__name__)

_PUSH = """
if ARGV[4] ~= '1' and redis.call('SADD', KEYS[2], ARGV[3]) == 0 then return 0 end
local seq = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[1], seq - tonumber(ARGV[2]) * 1000000000, ARGV[1])
return 1
"""
_POP = """
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return -1 end
local top = redis.call('ZRANGE', KEYS[1], 0, 0)
if #top == 0 then return 0 end
redis.call('ZREM', KEYS[1], top[1])
local id = tostring(redis.call('INCR', KEYS[4]))
redis.call('HSET', KEYS[2], id, top[1])
return {id, top[1]}
"""
_ACQUIRE = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end
local orphans = redis.call('HVALS', KEYS[2])
for _, data in ipairs(orphans) do redis.call('ZADD', KEYS[3], 0, data) end
redis.call('DEL', KEYS[2])
return #orphans
"""
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_FINISH = """
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 0 end
if ARGV[3] == '1' and (redis.call('ZCARD', KEYS[1]) > 0 or redis.call('HLEN', KEYS[2]) > 0)
then return 0 end
local fields = {}
for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('XADD', KEYS[5], '*', unpack(fields))
redis.call('SREM', KEYS[4], ARGV[2])
for i = 6, #KEYS do redis.call('DEL', KEYS[i]) end
redis.call('DEL', KEYS[3])
return 1
"""

#: :meth:`SiteFrontier.pop`'s answer when the worker no longer holds the site's lease.
LEASE_LOST = object()


class SiteFrontier:
    """One site's queue, in-flight set, dupefilter and lease (the Lua scripts above)."""

    def __init__(self, server: redis.Redis, site_id: str) -> None:
        self.server = server
        self.site_id = site_id
        self.keys = SiteKeys(site_id)
        self._push = server.register_script(_PUSH)
        self._pop = server.register_script(_POP)
        self._acquire = server.register_script(_ACQUIRE)
        self._renew = server.register_script(_RENEW)
        self._release = server.register_script(_RELEASE)
        self._finish = server.register_script(_FINISH)

    # -- requests -------------------------------------------------------------------------------

    def push(self, data: bytes, priority: int, fingerprint: str, dont_filter: bool,
             client: Any = None) -> bool:
        """Queue a serialised request unless its fingerprint was seen (``dont_filter`` aside).

        With a pipeline as ``client`` the answer comes from the pipeline's ``execute()``.
        """
        keys = [self.keys.requests, self.keys.dupefilter, self.keys.seq]
        args = [data, int(priority), fingerprint, "1" if dont_filter else "0"]
        return bool(self._push(keys=keys, args=args, client=client))

    def pop(self, worker: str) -> tuple[str, bytes] | object | None:
        """The next request as (in-flight id, data), recorded as in flight; None when the
        queue is empty; :data:`LEASE_LOST` when ``worker`` does not hold the lease."""
        answer = self._pop(keys=[self.keys.requests, self.keys.inflight, self.keys.lease,
                                 self.keys.seq], args=[worker])
        if answer == -1:
            return LEASE_LOST
        if not answer:
            return None
        ident, data = answer
        return common.text(ident), data

    def done(self, ident: str, checkpoint: tuple[str, str, str] | None = None) -> None:
        """A request's processing is complete: forget it — together with ``checkpoint``
        (hash key, field, value: the session's statistics) when they changed, so what the
        request did to the run's errors and cursor is recorded before it counts as done."""
        if checkpoint is None:
            self.server.hdel(self.keys.inflight, ident)
            return
        pipe = self.server.pipeline(transaction=True)
        pipe.hset(*checkpoint)
        pipe.hdel(self.keys.inflight, ident)
        pipe.execute()

    def queued(self) -> int:
        return int(self.server.zcard(self.keys.requests))

    def in_flight(self) -> int:
        return int(self.server.hlen(self.keys.inflight))

    # -- the lease ------------------------------------------------------------------------------

    def acquire(self, worker: str, ttl_ms: int) -> int | None:
        """Take the site's lease; returns how many orphaned in-flight requests went back to the
        queue, or None when another worker holds it."""
        moved = int(self._acquire(keys=[self.keys.lease, self.keys.inflight,
                                        self.keys.requests], args=[worker, ttl_ms]))
        return None if moved < 0 else moved

    def renew(self, worker: str, ttl_ms: int, client: Any = None) -> Any:
        """Extend the lease; false when ``worker`` lost it (with a pipeline: on execute)."""
        return self._renew(keys=[self.keys.lease], args=[worker, ttl_ms], client=client)

    def release(self, worker: str) -> None:
        self._release(keys=[self.keys.lease], args=[worker])

    def holder(self) -> str | None:
        return common.text(self.server.get(self.keys.lease))

    # -- the end of a batch ---------------------------------------------------------------------

    def finish(self, worker: str, message: dict[str, str], *, abandon: bool = False) -> bool:
        """If the queue and in-flight set are empty and ``worker`` holds the lease: add
        ``message`` (the run's end) to the item stream and delete the batch, in one step.
        False when there is still work (another session carries on). ``abandon`` ends the
        batch whatever is left (a site no worker can crawl)."""
        keys = [self.keys.requests, self.keys.inflight, self.keys.lease, ACTIVE, STREAM,
                *self.keys.batch_keys()]
        args = [worker, self.site_id, "0" if abandon else "1",
                *(x for pair in message.items() for x in pair)]
        return bool(self._finish(keys=keys, args=args))


def request_dict(request: Request, spider: Spider) -> dict[str, Any]:
    """``request.to_dict(spider=spider)``, without Scrapy's scan of every spider attribute per
    request (it looks the callback up by name first; that scan also evaluates properties)."""
    callbacks = {}
    for name in ("callback", "errback"):
        func = getattr(request, name)
        found = getattr(spider, getattr(func, "__name__", ""), None)
        if callable(func) and getattr(found, "__func__", None) is getattr(func, "__func__", 0):
            callbacks[name] = func.__name__
    if len(callbacks) == sum(callable(getattr(request, n)) for n in ("callback", "errback")):
        plain = request.replace(callback=None, errback=None)
        data = plain.to_dict()
        data.update(callbacks)
        return data
    return request.to_dict(spider=spider)


class SiteDupeFilter(RFPDupeFilter):
    """scrapy-redis's fingerprints, kept per site (``pn:<site>:dupefilter``) for the whole
    batch. The frontier's push script does the seen-check itself, atomically with queueing."""

    @classmethod
    def from_spider(cls, spider: Spider) -> SiteDupeFilter:
        client = common.shared_client(spider.settings["POLICE_NEWS_REDIS_URL"])
        return cls(client, key=SiteKeys(spider.site.id).dupefilter,
                   debug=spider.settings.getbool("DUPEFILTER_DEBUG"))

    def close(self, reason: str = "") -> None:
        """Keep the fingerprints: later sessions of the batch need them."""


class SiteRequestQueue(PriorityQueue):
    """scrapy-redis's priority queue on ``pn:<site>:requests``, with JSON instead of pickle, and
    reliable: :meth:`pop` records what it hands out in the site's in-flight set."""

    def __init__(self, server: redis.Redis, spider: Spider, frontier: SiteFrontier,
                 worker: str) -> None:
        super().__init__(server, spider, frontier.keys.requests, serializer=common)
        self.frontier = frontier
        self.worker = worker

    def push_request(self, request: Request, fingerprint: str) -> bool:
        data = self._encode_request(request)
        return self.frontier.push(data, request.priority, fingerprint, request.dont_filter)

    def pop_request(self) -> tuple[str, Request] | object | None:
        """(in-flight id, request), None, or :data:`LEASE_LOST`; an entry that cannot be
        decoded is dropped with an error logged."""
        while True:
            got = self.frontier.pop(self.worker)
            if got is None or got is LEASE_LOST:
                return got
            ident, data = got  # type: ignore[misc]
            try:
                return ident, self._decode_request(data)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                self.frontier.done(ident)
                logger.error("%s: dropped a queued request that cannot be read (%s): %.200r",
                             self.frontier.site_id, exc, data)

    def _encode_request(self, request: Request) -> bytes:
        return self.serializer.dumps(request_dict(request, self.spider))

    def _decode_request(self, encoded_request: bytes) -> Request:
        return request_from_dict(self.serializer.loads(encoded_request), spider=self.spider)


class FrontierScheduler(Scheduler):
    """The scheduler of a worker's crawler: the site's shared queue in Redis.

    A thin subclass of ``scrapy_redis.scheduler.Scheduler``: keys per site (not per spider
    name), the dupefilter check and the push in one atomic step, reliable pops, stats without
    the ``spider`` argument Scrapy 2.19 deprecates, and no blocking pops or idle timers (the
    worker decides when a site is done: its queue and in-flight set are empty).
    """

    def __init__(self, server: redis.Redis, crawler: Crawler) -> None:
        super().__init__(server, persist=True, serializer=common)
        self.crawler = crawler
        self.stats = crawler.stats
        self.worker = str(crawler.settings.get("POLICE_NEWS_WORKER_ID") or "")
        self.inflight: dict[Request, str] = {}
        #: Set when the session stops early: in-flight records are then left for the next
        #: worker to redo (a request cancelled by a shutdown must not count as done).
        self.frozen = False
        self.lease_lost = False
        #: Requests queued for the site, counted here: while this worker holds the site's lease
        #: nobody else adds or takes any, so the engine's frequent questions cost no round trip.
        self.pending = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        return cls(common.shared_client(crawler.settings["POLICE_NEWS_REDIS_URL"]), crawler)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.frontier = SiteFrontier(self.server, spider.site.id)
        self.queue = SiteRequestQueue(self.server, spider, self.frontier, self.worker)
        self.df = SiteDupeFilter.from_spider(spider)
        self.pending = self.frontier.queued()

    def close(self, reason: str) -> None:
        """Nothing to flush: the batch outlives this session (``SCHEDULER_PERSIST``)."""

    def enqueue_request(self, request: Request) -> bool:
        try:
            queued = self.queue.push_request(request, self.df.request_fingerprint(request))
        except TypeError as exc:
            self.spider.fail(f"could not queue {request.url} ({exc})")
            return False
        if queued:
            self.pending += 1
            self.stats.inc_value("scheduler/enqueued/redis")
        else:
            self.df.log(request, self.spider)
        return queued

    def next_request(self) -> Request | None:
        if self.pending <= 0:
            return None
        got = self.queue.pop_request()
        if got is LEASE_LOST:
            self.lease_lost = True
            return None
        if got is None:
            self.pending = 0
            return None
        self.pending -= 1
        ident, request = got  # type: ignore[misc]
        self.inflight[request] = ident
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        if self.pending > 0:
            return True
        self.pending = self.frontier.queued()  # ask Redis before the crawl may end
        return self.pending > 0

    def request_done(self, request: Request) -> None:
        """Called by :class:`FrontierEngine` once everything a request led to is done."""
        ident = self.inflight.pop(request, None)
        if ident is not None and not self.frozen:
            checkpoint = getattr(self.crawler, "checkpoint", None)
            self.frontier.done(ident, checkpoint() if checkpoint is not None else None)

    def freeze(self) -> None:
        """Stop marking requests done (the session is being stopped before the end)."""
        self.frozen = True


class FrontierEngine(ExecutionEngine):
    """Scrapy's engine, telling a :class:`FrontierScheduler` when a request it handed out is
    completely processed: after the callback's (or errback's) items went through the item
    pipelines and its new requests were queued — or, for a retry or redirect, once the
    replacing request was queued. ``_remove_request`` is the one place every such path ends."""

    def _remove_request(self, _: Any, request: Request) -> None:
        scheduler = self._slot.scheduler if self._slot is not None else None
        done = getattr(scheduler, "request_done", None)
        if done is not None:
            try:
                done(request)
            except redis.RedisError as exc:  # the request will be redone by the next holder
                logger.warning("could not mark %s done in Redis (%s)", request.url, exc)
        super()._remove_request(_, request)
