"""``police-news ingest --redis URL``: the one process that writes the workers' items to SQLite.

It reads the item stream with ``XREADGROUP`` (group ``writers``, consumer ``writer``) — after a
restart its own unacknowledged entries first, then those any other consumer left — and applies
each batch of up to ``batch_size`` entries in **one** SQLite transaction through the same
:class:`~crawler.store.Store` methods a local crawl uses (``start_run``, ``save_articles``,
``finish_run``, ``save_validators``). Only after ``COMMIT`` are the entries acknowledged and
deleted from the stream. A writer killed at any moment therefore loses nothing (uncommitted
entries are read again) and replays are harmless:

* ``run_start``: the ``crawl_runs`` row of a (run id, site) is looked up first and opened only
  if missing;
* ``article``: an upsert on the canonical URL — a replayed article is "unchanged";
* the run's ``new``/``updated`` counts are added (``new = new + ?``) in the same transaction
  as the articles they count, so a replay adds 0;
* ``run_end``: skipped when the row is already finished.

The writer holds the database's crawl lock while it runs, so a local ``police-news crawl`` and a
second writer cannot write the same file at the same time. An entry that cannot be applied at
all (malformed data) is moved to ``pn:items:dead`` with the reason, so it cannot block the
stream; a database error (disk full, locked) stops the writer with the entries unacknowledged.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import redis

from crawler.distributed.common import ACTIVE, DEAD_LETTERS, GROUP, STREAM, WRITER, ensure_group
from crawler.distributed.stream import Message, decode
from crawler.registry import Site
from crawler.store import Store

logger = logging.getLogger(__name__)

CONSUMER = "writer"
#: Errors of one entry's data (it goes to the dead letters); anything else stops the writer.
_BAD_DATA = (ValueError, KeyError, TypeError, AttributeError, sqlite3.IntegrityError)


class IngestStore(Store):
    """The store with transactions that nest: a batch of stream entries (run rows, articles,
    counts) is applied in one transaction through the methods a local crawl uses."""

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.conn.in_transaction:
            yield self.conn
            return
        with Store.transaction(self) as conn:
            yield conn


@dataclass
class IngestTotals:
    """What one ``ingest`` did."""

    entries: int = 0
    articles: int = 0
    new: int = 0
    updated: int = 0
    dead: int = 0
    #: ``crawl_runs`` rows this writer closed, in order.
    finished_runs: list[int] = field(default_factory=list)


class Writer:
    """Reads the item stream and applies it to the store (see the module docstring)."""

    def __init__(self, client: redis.Redis, store: IngestStore, *, batch_size: int = 500,
                 consumer: str = CONSUMER) -> None:
        self.client = client
        self.store = store
        self.batch_size = batch_size
        self.consumer = consumer
        self.totals = IngestTotals()
        self._rows: dict[tuple[str, str], int] = {}
        self._synced: set[str] = set()
        self._backlog = True

    # -- the loop ---------------------------------------------------------------------------------

    def run(self, idle_exit: float | None = None,
            should_stop: Callable[[], bool] = lambda: False) -> IngestTotals:
        """Ingest until ``should_stop()`` or, with ``idle_exit``, until the stream and the
        frontier stayed empty that many seconds."""
        ensure_group(self.client)
        self.claim_orphans()
        quiet_since: float | None = None
        while not should_stop():
            self.heartbeat()
            entries = self.read(block_ms=500)
            if entries:
                self.apply(entries)
                quiet_since = None
                continue
            if idle_exit is None:
                continue
            now = time.time()
            if self.client.xlen(STREAM) or self.client.scard(ACTIVE):
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= idle_exit:
                break
        self.client.delete(WRITER)
        return self.totals

    def heartbeat(self) -> None:
        self.client.set(WRITER, json.dumps({"host": socket.gethostname(), "pid": os.getpid(),
                                            "db": str(self.store.path), "at": time.time()}),
                        ex=30)

    def claim_orphans(self) -> None:
        """Take over entries delivered to any other consumer and never acknowledged (this
        writer holds the database lock: it is the only one)."""
        start = "0-0"
        while True:
            answer = self.client.xautoclaim(STREAM, GROUP, self.consumer, min_idle_time=0,
                                            start_id=start, count=1000)
            start = answer[0] if answer else "0-0"
            if start in (b"0-0", "0-0"):
                return

    def read(self, block_ms: int) -> list[tuple[bytes, dict[bytes, bytes] | None]]:
        """This consumer's unacknowledged entries first (after a restart), then new ones."""
        if self._backlog:
            answer = self.client.xreadgroup(GROUP, self.consumer, {STREAM: "0"},
                                            count=self.batch_size)
            entries = answer[0][1] if answer else []
            if entries:
                return entries
            self._backlog = False
        answer = self.client.xreadgroup(GROUP, self.consumer, {STREAM: ">"},
                                        count=self.batch_size, block=block_ms)
        return answer[0][1] if answer else []

    # -- applying ---------------------------------------------------------------------------------

    def apply(self, entries: list[tuple[bytes, dict[bytes, bytes] | None]]) -> None:
        """Apply entries in one transaction, then acknowledge them; entries that cannot be
        applied on their own go to the dead letters."""
        rows = dict(self._rows)
        try:
            self._apply(entries)
        except _BAD_DATA as exc:
            self._rows = rows  # row ids opened by the rolled-back transaction are gone
            if len(entries) == 1:
                self._dead_letter(entries[0], exc)
            else:
                for entry in entries:
                    self.apply([entry])
            return
        except BaseException:
            self._rows = rows
            raise
        self._acknowledge([entry_id for entry_id, _ in entries])

    def _apply(self, entries: list[tuple[bytes, dict[bytes, bytes] | None]]) -> None:
        messages = [decode(fields) for _, fields in entries if fields]
        self._sync_sites(messages)
        group: list[dict[str, Any]] = []
        group_key: tuple[str, str] | None = None
        counted = IngestTotals()
        with self.store.transaction():
            for message in messages:
                key = (message.run_id, message.site_id)
                if message.kind == "article":
                    if group and key != group_key:
                        self._save(group_key, group, counted)
                        group = []
                    group_key = key
                    group.append(message.data)
                    continue
                if group:
                    self._save(group_key, group, counted)
                    group = []
                if message.kind == "run_start":
                    self._row(message)
                elif message.kind == "run_end":
                    self._finish(message, counted)
                else:
                    raise ValueError(f"unknown entry type {message.kind!r}")
            if group:
                self._save(group_key, group, counted)
        self.totals.entries += len(entries)
        self.totals.articles += counted.articles
        self.totals.new += counted.new
        self.totals.updated += counted.updated
        self.totals.finished_runs.extend(counted.finished_runs)

    def _sync_sites(self, messages: list[Message]) -> None:
        """Registry rows into ``sites`` (as the store pipeline does), before the batch's
        transaction: sqlite-utils commits on its own."""
        rows = {}
        for message in messages:
            site = message.data.get("site") if message.kind == "run_start" else None
            if site and site.get("source") == "registry" and site["id"] not in self._synced:
                rows[site["id"]] = Site(**site)
        if rows:
            self.store.sync_sites(list(rows.values()))
            self._synced.update(rows)

    def _row(self, message: Message) -> int:
        """The ``crawl_runs`` row of the message's run and site, opened when missing. A row an
        earlier writer opened is adopted (its pid is this writer's now), so a restart's
        'interrupted' marking does not stick to a run that is still going on."""
        key = (message.run_id, message.site_id)
        row_id = self._rows.get(key)
        if row_id is not None:
            return row_id
        conn = self.store.conn
        found = conn.execute("SELECT id, status, finished_at FROM crawl_runs WHERE run_id = ? "
                             "AND site_id = ? ORDER BY id LIMIT 1", key).fetchone()
        if found is None:
            data = message.data
            spider = data.get("spider") or data.get("platform") or "?"
            row_id = self.store.start_run(message.run_id, message.site_id, spider,
                                          data.get("since"), data.get("until"))
        else:
            row_id = found["id"]
            if found["finished_at"] is None:  # opened by an earlier writer process: adopt it
                conn.execute("UPDATE crawl_runs SET status = 'running', finish_reason = NULL, "
                             "pid = ? WHERE id = ?", (os.getpid(), row_id))
        self._rows[key] = row_id
        return row_id

    def _save(self, key: tuple[str, str] | None, items: list[dict[str, Any]],
              counted: IngestTotals) -> None:
        assert key is not None
        row_id = self._row(Message("article", key[0], key[1], {"platform": items[0].get(
            "platform")}))
        result = self.store.save_articles(items)
        self.store.conn.execute("UPDATE crawl_runs SET new = new + ?, updated = updated + ? "
                                "WHERE id = ?", (result.new, result.updated, row_id))
        counted.articles += len(items)
        counted.new += result.new
        counted.updated += result.updated

    def _finish(self, message: Message, counted: IngestTotals) -> None:
        row_id = self._row(message)
        row = self.store.conn.execute("SELECT finished_at, new, updated FROM crawl_runs "
                                      "WHERE id = ?", (row_id,)).fetchone()
        if row["finished_at"] is not None:
            return  # a replay
        data = message.data
        counts = dict(data["counts"])
        counts.update(new=row["new"], updated=row["updated"],
                      unchanged=max(0, int(counts.get("items", 0)) - row["new"]
                                    - row["updated"]))
        self.store.finish_run(row_id, status=data["status"], finish_reason=data["finish_reason"],
                              counts=counts, error=data.get("error"),
                              http_status=data.get("http_status") or {},
                              robots=data.get("robots") or {},
                              duration_s=float(data.get("duration_s") or 0),
                              cursor=data.get("cursor") or None)
        if data["status"] == "ok" and data.get("validators"):
            self.store.save_validators([tuple(v) for v in data["validators"]])
        counted.finished_runs.append(row_id)
        self._rows.pop((message.run_id, message.site_id), None)

    def _acknowledge(self, ids: list[bytes]) -> None:
        pipe = self.client.pipeline(transaction=False)
        pipe.xack(STREAM, GROUP, *ids)
        pipe.xdel(STREAM, *ids)
        pipe.execute()

    def _dead_letter(self, entry: tuple[bytes, dict[bytes, bytes] | None],
                     exc: BaseException) -> None:
        entry_id, fields = entry
        logger.error("stream entry %s cannot be applied (%s); moved to %s", entry_id, exc,
                     DEAD_LETTERS)
        self.client.xadd(DEAD_LETTERS, {"entry": entry_id, "error": f"{type(exc).__name__}: "
                                        f"{exc}", **(fields or {})})
        self.totals.dead += 1
        self._acknowledge([entry_id])
