"""One crawl at a time per archive: an advisory lock on `<db>.lock`, next to the database.
`vnnews reindex` and `vnnews reextract` take it too (waiting for a running crawl): each
rewrites the archive in long transactions that would make a crawl's writes give up.

A nightly timer, a cron line and a person typing `vnnews crawl` can all aim at the same
archive. SQLite would serialise their writes, but two crawls would fetch every page twice,
fight over section state (resume points, incremental stops) and double the load on the
portals. So `vnnews crawl` takes this lock first.

Why flock(2) and not a pid file: the kernel drops a flock when the last descriptor of the
open file goes away, so a crawl that is SIGKILLed, OOM-killed or loses its machine power never
leaves a stale lock behind — no pid liveness guessing. The file's content (holder pid, start
time, command) is only there to write a helpful message. flock is not reliable on some network
file systems (old NFS): keep the archive on a local disk.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOCK_SUFFIX = ".lock"
POLL_INTERVAL = 0.5  # seconds between two tries while waiting


class ArchiveLocked(RuntimeError):
    """Another process holds the archive's lock (and we did not, or could no longer, wait)."""

    def __init__(
        self,
        db_path: Path,
        holder: dict[str, Any],
        *,
        waited: float | None = None,
        waiting: bool = False,
    ):
        self.db_path = db_path
        self.lock_path = lock_path_for(db_path)
        self.pid: int | None = holder.get("pid")
        self.since: str | None = holder.get("since")
        self.command: str | None = holder.get("command")
        self.waited = waited
        self.waiting = waiting  # (said to one who waits: no advice to wait)
        super().__init__(self._message())

    def _message(self) -> str:
        who = f"process {self.pid}" if self.pid else "another process"
        if self.command:
            who += f" ({self.command})"
        since = f" since {self.since}" if self.since else ""
        text = (
            f"archive {self.db_path} is locked by {who}{since}: another vnnews job is writing to it"
        )
        if self.waited is not None:
            return f"{text}; still locked after waiting {self.waited:.0f} s (lock {self.lock_path})"
        if self.waiting:
            return f"{text}; waiting until it has finished (lock {self.lock_path})"
        return (
            f"{text}. Run again with --wait to start when it has finished "
            f"(lock {self.lock_path}; it is freed as soon as that process ends)"
        )


def lock_path_for(db_path: Path | str) -> Path:
    """`data/archive.db` → `data/archive.db.lock` (beside the database, same file system)."""
    return Path(f"{db_path}{LOCK_SUFFIX}")


def read_holder(lock_path: Path) -> dict[str, Any]:
    """What the holder wrote in the lock file; {} if empty, unreadable or half-written."""
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@contextlib.contextmanager
def archive_lock(
    db_path: Path | str,
    *,
    wait: bool = False,
    timeout: float | None = None,
    poll_interval: float = POLL_INTERVAL,
    on_wait: Callable[[ArchiveLocked], None] | None = None,
) -> Iterator[Path]:
    """Hold the archive's crawl lock for the duration of the `with` block; yields the lock path.

    Busy and `wait` false: raise ArchiveLocked at once. `wait` true: poll every
    `poll_interval` seconds until the lock is free, or raise ArchiveLocked after `timeout`
    seconds (None: wait forever). `on_wait` is called once, with the would-be error, when we
    start waiting (so the CLI can say whom it is waiting for).
    """
    db_path = Path(db_path)
    lock_path = lock_path_for(db_path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    # O_CLOEXEC (Python's default) matters: a child that inherited the descriptor would keep
    # the flock alive after we exit.
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, db_path, lock_path, wait, timeout, poll_interval, on_wait)
        _write_holder(fd)
        try:
            yield lock_path
        finally:
            # Empty the file before unlocking, so nobody reads our stale pid; the file itself
            # stays: unlinking a flock file races with a process that has just opened it.
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(
    fd: int,
    db_path: Path,
    lock_path: Path,
    wait: bool,
    timeout: float | None,
    poll_interval: float,
    on_wait: Callable[[ArchiveLocked], None] | None,
) -> None:
    started = time.monotonic()
    announced = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        waited = time.monotonic() - started
        if not wait:
            raise ArchiveLocked(db_path, read_holder(lock_path))
        if timeout is not None and waited >= timeout:
            raise ArchiveLocked(db_path, read_holder(lock_path), waited=waited)
        if on_wait is not None and not announced:
            on_wait(ArchiveLocked(db_path, read_holder(lock_path), waiting=True))
            announced = True
        # Polling rather than a blocking flock: a blocking call cannot honour the timeout
        # without signals, and a crawl is long enough that half a second does not matter.
        pause = poll_interval if timeout is None else min(poll_interval, timeout - waited)
        time.sleep(max(pause, 0.01))


def _write_holder(fd: int) -> None:
    holder = {
        "pid": os.getpid(),
        "since": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "host": socket.gethostname(),
        "command": _shortened(" ".join([Path(sys.argv[0]).name, *sys.argv[1:]]))
        if sys.argv
        else "",
    }
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(holder).encode("utf-8"), 0)


MAX_COMMAND_CHARS = 200


def _shortened(command: str) -> str:
    """The command as the lock's message shows it: whole words, "…" where it is cut."""
    if len(command) <= MAX_COMMAND_CHARS:
        return command
    return command[:MAX_COMMAND_CHARS].rsplit(" ", 1)[0] + " …"


@contextlib.contextmanager
def waiting_for_lock(db_path: Path | str, say: Callable[[str], None]) -> Iterator[Path]:
    """The lock, for a maintenance job: waited for (`say` tells whom for, once)."""
    with archive_lock(db_path, wait=True, on_wait=lambda busy: say(f"waiting: {busy}")) as path:
        yield path
