"""Many machines, one crawl: a shared frontier in Redis, one writer into SQLite.

* :mod:`.enqueue` (``police-news enqueue``) seeds each site's queue with its entry requests,
  computed from the database exactly as a local incremental crawl would, plus a snapshot of
  what the crawl may ask about stored data (:mod:`.redis_state`).
* :mod:`.worker` (``police-news crawl --redis URL``) runs crawlers for the sites it leases,
  taking requests from the shared frontier (:mod:`.frontier`) and sending items to the item
  stream (:mod:`.stream`). Workers never open the SQLite file.
* :mod:`.writer` (``police-news ingest --redis URL``) applies the item stream to SQLite
  through the same store code as a local crawl, acknowledging entries only after they commit.

See docs/distributed.md for the data flow, operations and failure behaviour.
"""

from crawler.distributed.redis_state import RedisState

__all__ = ["RedisState"]
