"""Two processes opening an archive made by an older vnnews at the same instant (the nightly
crawl and `vnnews serve`, a crawl and `vnnews export`): one migrates, the other waits for it,
and neither fails ("duplicate column name", "database is locked")."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sqlite_utils import Database

from archive import schema

ROOT = Path(__file__).resolve().parents[1]
OPEN_AT = """
import sys, time
from archive import Archive
start = float(sys.argv[2])
while time.time() < start:
    pass
Archive(sys.argv[1]).close()
print("ok")
"""


def test_two_processes_migrate_an_old_archive_at_once(tmp_path: Path) -> None:
    for trial in range(4):
        db_path = tmp_path / f"old-{trial}.db"
        old = Database(db_path)
        old.enable_wal()
        schema.migrations.apply(old, stop_before="record_where_a_portal_moved")
        old.close()
        start = str(time.time() + 1.0)
        jobs = [
            subprocess.Popen([sys.executable, "-c", OPEN_AT, str(db_path), start], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]  # fmt: skip
        results = [job.communicate(timeout=120) for job in jobs]
        assert [job.returncode for job in jobs] == [0, 0], [err[-500:] for _, err in results]
        assert not schema.migrations.pending(Database(db_path))
