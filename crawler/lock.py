"""One crawl per database at a time: an advisory lock file beside the database.

The lock is an ``fcntl.flock`` on ``<db>.lock``, so the kernel releases it when the holder
dies, however it dies (``kill -9`` included): a lock left behind by a killed crawl is never
stale. The file also records the holder's pid, command and start time, for the message the
next crawl prints, and to say that it took over after a crash.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from pathlib import Path
from types import TracebackType


class LockedError(RuntimeError):
    """Another process holds the database's crawl lock; the message says which."""


class CrawlLock:
    """Hold ``<db>.lock`` for the duration of a ``with`` block."""

    def __init__(self, db_path: Path, purpose: str = "crawl") -> None:
        self.path = Path(f"{db_path}.lock")
        self.purpose = purpose
        self.previous: dict[str, object] = {}
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockedError` at once (never waits)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read(fd)
            os.close(fd)
            raise LockedError(
                f"another {holder.get('purpose', 'crawl')} (pid {holder.get('pid', '?')}, "
                f"started {holder.get('started', '?')}) is using {self.path.name[:-5]}; "
                "wait for it to finish or stop it") from None
        self.previous = _read(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({
            "pid": os.getpid(), "purpose": self.purpose,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "command": " ".join(sys.argv[:6]),
        }).encode(), 0)
        os.fsync(fd)
        self._fd = fd

    @property
    def took_over(self) -> bool:
        """True when the last holder died without releasing (a crash or kill -9)."""
        pid = self.previous.get("pid")
        return isinstance(pid, int) and pid != os.getpid() and not self.previous.get("released")

    def release(self) -> None:
        """Mark the lock released and unlock it."""
        if self._fd is None:
            return
        holder = _read(self._fd)
        holder["released"] = True
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, json.dumps(holder).encode(), 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> CrawlLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def _read(fd: int) -> dict[str, object]:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
