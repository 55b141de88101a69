"""Run Datasette over an archive file with the project's metadata and plugins.

Datasette names a database after its file stem, and the metadata (the search index of the
articles table, the canned queries) is keyed by that name: datasette_metadata.json covers
`archive` and `demo`, and an archive of any other name gets the same configuration in a
temporary metadata file that lives as long as the server. Datasette runs as a child process;
SIGTERM and SIGHUP sent to `vnnews serve` are passed on to it, so that a supervisor (or
`kill`) stopping the command stops the server and frees its port.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import NoReturn

from archive.metadata import DATABASE_NAMES, METADATA_PATH, build_metadata
from archive.upgrade import upgrade_for_serving

_PACKAGE_DIR = Path(__file__).resolve().parent
# Loaded with --plugins-dir: Datasette 0.65 has no option to load a plugin by module name.
PLUGINS_DIR = _PACKAGE_DIR / "datasette_plugins"
# Pages of Datasette's that the archive words its own way (a canned query's <title>).
TEMPLATES_DIR = _PACKAGE_DIR / "datasette_templates"
# Ctrl-C in a terminal reaches Datasette itself (same process group); these may not.
FORWARDED_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
# How long Datasette may take to stop after Ctrl-C before it is told to terminate.
STOP_SECONDS = 5


def metadata_path() -> Path:
    if not METADATA_PATH.is_file():
        raise FileNotFoundError(
            f"Datasette metadata not found at {METADATA_PATH}; "
            "regenerate it with `python -m archive.metadata`"
        )
    return METADATA_PATH


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives the database: its file stem (URLs are /<name>/…)."""
    return Path(db_path).stem


def existing_database(db_path: str | Path) -> Path:
    db = Path(db_path)
    if not db.is_file():
        # Datasette would otherwise fail obscurely, or with --create make an empty archive.
        demo = db.parent / "demo.db"
        hint = f" (or serve the demo's: --db {demo})" if demo.is_file() and db != demo else ""
        raise FileNotFoundError(f"archive database {db} does not exist; run a crawl first{hint}")
    return db


@contextmanager
def metadata_for(db_path: str | Path) -> Iterator[Path]:
    """A metadata file that configures the database `db_path` will be served as."""
    name = database_name(db_path)
    # (The checkout's file, when there is one: an installed package has no repo root.)
    if name in DATABASE_NAMES and METADATA_PATH.is_file():
        yield METADATA_PATH
        return
    with tempfile.TemporaryDirectory(prefix="vnnews-serve-") as tmp:
        path = Path(tmp) / "metadata.json"
        path.write_text(json.dumps(build_metadata((name,)), ensure_ascii=False), "utf-8")
        yield path


def datasette_command(
    db_path: str | Path,
    port: int = 8001,
    host: str = "127.0.0.1",
    metadata: Path | None = None,
) -> list[str]:
    """The `datasette serve` command line; the database is named after the file stem, and
    `metadata` must configure that name (default: datasette_metadata.json)."""
    db = existing_database(db_path)
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db),
        "--metadata",
        str(metadata or metadata_path()),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--template-dir",
        str(TEMPLATES_DIR),
        "--port",
        str(port),
        "--host",
        host,
    ]


def run_forwarding_signals(command: list[str]) -> int:
    """Run `command` to its end and return its status; SIGTERM and SIGHUP are passed on to
    it, Ctrl-C waits for it to stop (130)."""
    children: list[subprocess.Popen[bytes]] = []

    def forward(signum: int, _frame: FrameType | None) -> None:
        for child in children:
            child.send_signal(signum)

    # Installed before the child starts, so that no signal can leave it running alone.
    previous = {signum: signal.signal(signum, forward) for signum in FORWARDED_SIGNALS}
    try:
        children.append(subprocess.Popen(command))
        try:
            return children[0].wait()
        except KeyboardInterrupt:
            # A terminal's Ctrl-C reached Datasette too; `kill -INT` reached only us.
            try:
                children[0].wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                children[0].terminate()
                children[0].wait()
            return 130
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def serve(
    db_path: str | Path, port: int = 8001, host: str = "127.0.0.1", open_browser: bool = False
) -> NoReturn:
    """Run Datasette in the foreground until it exits, Ctrl-C or SIGTERM; exits with its
    status."""
    existing_database(db_path)
    # Datasette does not migrate: an archive of an older vnnews is brought up to date first.
    upgrade_for_serving(db_path, say=lambda message: print(message, file=sys.stderr, flush=True))
    with metadata_for(db_path) as metadata:
        command = datasette_command(db_path, port=port, host=host, metadata=metadata)
        if open_browser:
            command.append("--open")
        returncode = run_forwarding_signals(command)
    raise SystemExit(returncode)
