"""Scrapy 2.19's downloader, holding ``CONCURRENT_REQUESTS_PER_DOMAIN`` without a delay.

Scrapy 2.19 starts each download of a slot in an asyncio task and marks the request as
"transferring" only when that task first runs; the loop that hands out queued requests checks
``free_transfer_slots()`` before any of those tasks ran, so with ``DOWNLOAD_DELAY = 0`` it
sends the whole slot queue at once (measured on loopback: 9 requests in flight to one host
with ``CONCURRENT_REQUESTS_PER_DOMAIN = 2``). With a delay the loop stops after one request,
which is why the polite defaults never showed it.

:class:`PoliteDownloader` marks the request as transferring when the task is *created*, so
the per-host limit holds whatever the delay. Workers use it (``DOWNLOADER``); it is a drop-in
for local crawls too.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from scrapy.core.downloader import Downloader, Slot
from scrapy.http import Request, Response
from twisted.internet.defer import Deferred


class PoliteDownloader(Downloader):
    """Scrapy's downloader with the per-slot concurrency limit enforced (see above)."""

    def _wait_for_download(self, slot: Slot, request: Request,  # type: ignore[override]
                           queue_dfd: Deferred[Response]) -> Coroutine[Any, Any, None]:
        # Not a coroutine function on purpose: this line runs when the task is created, inside
        # the loop that checks free_transfer_slots(). The download removes it when done.
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)
