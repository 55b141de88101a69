"""The archive lock: one crawl per archive across processes, freed even by a SIGKILLed holder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.lock import ArchiveLocked, archive_lock, lock_path_for, read_holder

ROOT = Path(__file__).resolve().parents[1]

# A second process that takes the lock, says so, and holds it until its stdin closes.
HOLDER = """
import sys
from scraper.lock import archive_lock
with archive_lock(sys.argv[1]):
    print("locked", flush=True)
    sys.stdin.readline()
print("released", flush=True)
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "archive.db"


@pytest.fixture
def holder(db: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def release(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.close()


def test_lock_file_beside_the_database_holds_the_holder(db: Path) -> None:
    with archive_lock(db) as lock_path:
        assert lock_path == lock_path_for(db) == db.parent / "archive.db.lock"
        holder = read_holder(lock_path)
        assert holder["pid"] == os.getpid()
        assert holder["since"].endswith("Z")
    # Emptied on release so a later reader never blames a finished process.
    assert read_holder(lock_path_for(db)) == {}


def test_released_on_exit_and_on_exception(db: Path) -> None:
    with archive_lock(db):
        pass
    with pytest.raises(ValueError), archive_lock(db):
        raise ValueError("crawl failed")
    with archive_lock(db):
        pass


def test_second_process_is_refused_with_a_helpful_message(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(ArchiveLocked) as caught, archive_lock(db):
        pytest.fail("entered a lock held by another process")
    error = caught.value
    assert error.pid == holder.pid
    assert error.since
    message = str(error)
    assert f"process {holder.pid}" in message
    assert f"since {error.since}" in message
    assert "--wait" in message
    assert str(lock_path_for(db)) in message


def test_two_locks_in_one_process_also_exclude_each_other(db: Path) -> None:
    # flock belongs to the open file, not the process: a second `vnnews crawl` started from
    # the same Python (tests, a scheduler in-process) is refused too.
    with archive_lock(db), pytest.raises(ArchiveLocked), archive_lock(db):
        pass


def test_wait_succeeds_after_release(db: Path, holder: subprocess.Popen[str]) -> None:
    announced: list[ArchiveLocked] = []
    timer = threading.Timer(0.4, release, args=(holder,))
    started = time.monotonic()
    timer.start()
    try:
        with archive_lock(db, wait=True, timeout=20, poll_interval=0.05, on_wait=announced.append):
            assert read_holder(lock_path_for(db))["pid"] == os.getpid()
    finally:
        timer.cancel()
    assert time.monotonic() - started >= 0.3
    assert len(announced) == 1
    assert announced[0].pid == holder.pid


def test_wait_gives_up_after_the_timeout(db: Path, holder: subprocess.Popen[str]) -> None:
    started = time.monotonic()
    with (
        pytest.raises(ArchiveLocked) as caught,
        archive_lock(db, wait=True, timeout=0.3, poll_interval=0.05),
    ):
        pytest.fail("entered a held lock")
    assert 0.3 <= time.monotonic() - started < 5
    assert caught.value.pid == holder.pid
    assert "after waiting" in str(caught.value)


def test_sigkilled_holder_frees_the_lock(db: Path, holder: subprocess.Popen[str]) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    assert holder.wait(timeout=10) == -signal.SIGKILL
    # The dead holder never cleaned up its file, yet the kernel dropped its flock.
    assert read_holder(lock_path_for(db))["pid"] == holder.pid
    with archive_lock(db):
        assert read_holder(lock_path_for(db))["pid"] == os.getpid()


@pytest.mark.parametrize("command", ["reindex", "reextract"])
def test_maintenance_commands_wait_for_a_running_crawl(
    db: Path, holder: subprocess.Popen[str], command: str
) -> None:
    """They rewrite the archive in long transactions: a crawl writing beside them would give
    up on "database is locked"."""
    from archive import Archive

    Archive(db).close()
    job = subprocess.Popen(
        [sys.executable, "-m", "scraper.cli", command, "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    still_waiting = job.poll() is None
    release(holder)
    _, err = job.communicate(timeout=60)
    assert still_waiting
    assert job.returncode == 0, err
    assert f"waiting: archive {db} is locked by process {holder.pid}" in err


def test_the_holder_s_long_command_is_cut_between_words(db: Path) -> None:
    argv = ["vnnews", "crawl", *(f"https://phuong-{i}.example.gov.vn/tin-tuc" for i in range(12))]
    # (The database's path read before the holder's command line is set to a long one.)
    script = HOLDER.replace("import sys", f"import sys\ndb = sys.argv[1]\nsys.argv = {argv!r}")
    script = script.replace("archive_lock(sys.argv[1])", "archive_lock(db)")
    process = subprocess.Popen([sys.executable, "-c", script, str(db)], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        command = read_holder(lock_path_for(db))["command"]
    finally:
        process.kill()
        process.wait(timeout=10)
    assert command.endswith("/tin-tuc …") and len(command) <= 202


def test_one_who_waits_is_not_told_to_wait(db: Path, holder: subprocess.Popen[str]) -> None:
    announced: list[ArchiveLocked] = []
    timer = threading.Timer(0.3, release, args=(holder,))
    timer.start()
    try:
        with archive_lock(db, wait=True, timeout=20, poll_interval=0.05, on_wait=announced.append):
            pass
    finally:
        timer.cancel()
    assert "--wait" not in str(announced[0])
    assert "waiting until it has finished" in str(announced[0])
