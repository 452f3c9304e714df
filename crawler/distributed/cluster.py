"""What the cluster is doing, read from Redis: open batches, queue depths, workers, the writer.

``police-news status --redis URL`` prints this; it needs no database, so it works on any
machine that reaches Redis.
"""

from __future__ import annotations

import json
import time
from typing import Any

import redis

from crawler.distributed.common import (
    ACTIVE,
    DEAD_LETTERS,
    GROUP,
    STREAM,
    WORKERS,
    WRITER,
    SiteKeys,
    text,
)

#: A worker whose last heartbeat is older than this is not listed.
RECENT_S = 60.0


def cluster_status(client: redis.Redis, now: float | None = None) -> dict[str, Any]:
    """Open batches per site, totals, the item stream, recent workers and the writer."""
    now = time.time() if now is None else now
    site_ids = sorted(str(text(s)) for s in client.smembers(ACTIVE))
    pipe = client.pipeline(transaction=False)
    for site_id in site_ids:
        keys = SiteKeys(site_id)
        pipe.hget(keys.run, "run_id")
        pipe.zcard(keys.requests)
        pipe.hlen(keys.inflight)
        pipe.get(keys.lease)
    answers = pipe.execute()
    sites = []
    for n, site_id in enumerate(site_ids):
        run_id, queued, in_flight, holder = answers[4 * n:4 * n + 4]
        sites.append({"site": site_id, "run_id": text(run_id), "queued": int(queued),
                      "in_flight": int(in_flight), "crawled_by": text(holder)})
    delivered = 0
    if client.exists(STREAM):
        try:
            delivered = int(client.xpending(STREAM, GROUP)["pending"])
        except redis.ResponseError:  # no consumer group yet
            delivered = 0
    workers = []
    for worker_id, seen in client.zrangebyscore(WORKERS, now - RECENT_S, "+inf",
                                                withscores=True):
        info = {text(k): text(v) for k, v in client.hgetall(f"pn:worker:{text(worker_id)}")
                .items()}
        workers.append({"worker": text(worker_id), "seen_s_ago": round(now - seen, 1),
                        "sites": [s for s in (info.get("sites") or "").split(",") if s]})
    writer = client.get(WRITER)
    writer_info = json.loads(writer) if writer else None
    if writer_info:
        writer_info["seen_s_ago"] = round(now - float(writer_info.pop("at", now)), 1)
    return {
        "sites": sites,
        "queued": sum(s["queued"] for s in sites),
        "in_flight": sum(s["in_flight"] for s in sites),
        "items_pending": int(client.xlen(STREAM)),
        "items_being_written": delivered,
        "dead_letters": int(client.xlen(DEAD_LETTERS)),
        "workers": workers,
        "writer": writer_info,
    }


def frontier_is_empty(client: redis.Redis) -> bool:
    """No site has an open batch and no item waits for the writer."""
    return not client.scard(ACTIVE) and not client.xlen(STREAM)
