"""One crawl per database: refusal while held, takeover after a kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.lock import CrawlLock, LockedError
from tests.helpers import ROOT, cli

HOLD = ("import sys, time\nfrom pathlib import Path\nfrom crawler.lock import CrawlLock\n"
        "lock = CrawlLock(Path(sys.argv[1])); lock.acquire(); print('held', flush=True)\n"
        "time.sleep(120)\n")


def hold_lock(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_second_crawl_is_refused_with_exit_4(tmp_path) -> None:
    db = tmp_path / "news.db"
    holder = hold_lock(db)
    try:
        result = cli("crawl", "--site", "humaspolresmetro", db=db, timeout=60)
        assert result.returncode == 4, result.stderr
        assert f"(pid {holder.pid}," in result.stderr
        assert "is using news.db" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_killed_process_is_taken_over(tmp_path) -> None:
    db = tmp_path / "news.db"
    holder = hold_lock(db)
    with pytest.raises(LockedError):
        CrawlLock(db).acquire()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    lock = CrawlLock(db)
    deadline = time.monotonic() + 5
    while True:
        try:
            lock.acquire()
            break
        except LockedError:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert lock.took_over is True
    assert lock.previous["pid"] == holder.pid
    lock.release()
    again = CrawlLock(db)
    again.acquire()
    assert again.took_over is False
    again.release()
