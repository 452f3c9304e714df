"""One site's batch: what ``enqueue`` decided and every worker session of the site must share.

Stored in the hash ``pn:<site>:run``. Callbacks depend on the window (``since``, ``until``,
``incremental``, ``full``, ``limit``), so a worker's spider gets exactly the values the
spider that ``enqueue`` built computed from the watermark; the site row travels along because
workers cannot read user-added sites from the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crawler.distributed.common import text
from crawler.registry import Site


@dataclass
class Batch:
    """The run id, site and crawl window of one site's batch."""

    run_id: str
    site: Site
    spider: str
    since: datetime | None = None
    until: datetime | None = None
    incremental: bool = False
    full: bool = False
    limit: int | None = None
    enqueued_at: float = 0.0

    def to_redis(self) -> dict[str, str]:
        return {
            "run_id": self.run_id,
            "site": json.dumps(self.site.to_dict(), ensure_ascii=False, sort_keys=True),
            "spider": self.spider,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "incremental": "1" if self.incremental else "0",
            "full": "1" if self.full else "0",
            "limit": str(self.limit or ""),
            "enqueued_at": repr(self.enqueued_at),
        }

    @classmethod
    def from_redis(cls, fields: dict[Any, Any]) -> Batch:
        """The batch from its hash (KeyError/ValueError when it is incomplete)."""
        values = {text(k): text(v) for k, v in fields.items()}
        site = json.loads(values["site"] or "{}")
        return cls(
            run_id=str(values["run_id"]),
            site=Site(**site),
            spider=str(values["spider"]),
            since=datetime.fromisoformat(values["since"]) if values.get("since") else None,
            until=datetime.fromisoformat(values["until"]) if values.get("until") else None,
            incremental=values.get("incremental") == "1",
            full=values.get("full") == "1",
            limit=int(values["limit"]) if values.get("limit") else None,
            enqueued_at=float(values.get("enqueued_at") or 0),
        )

    def window(self) -> dict[str, Any]:
        """The spider attributes the window sets."""
        return {"since": self.since, "until": self.until, "incremental": self.incremental,
                "full": self.full, "limit": self.limit}
