"""Run Datasette over an archive file with the project's metadata and render plugin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import NoReturn

_PACKAGE_DIR = Path(__file__).resolve().parent
# datasette_metadata.json lives at the repo root, next to the archive package.
METADATA_PATH = _PACKAGE_DIR.parent / "datasette_metadata.json"
# Loaded with --plugins-dir: Datasette 0.65 has no option to load a plugin by module name.
PLUGINS_DIR = _PACKAGE_DIR / "datasette_plugins"


def metadata_path() -> Path:
    if not METADATA_PATH.is_file():
        raise FileNotFoundError(
            f"Datasette metadata not found at {METADATA_PATH}; "
            "regenerate it with `python -m archive.metadata`"
        )
    return METADATA_PATH


def datasette_command(db_path: str | Path, port: int = 8001, host: str = "127.0.0.1") -> list[str]:
    """The `datasette serve` command line; the database is named after the file stem."""
    db = Path(db_path)
    if not db.is_file():
        # Datasette would otherwise fail obscurely, or with --create make an empty archive.
        raise FileNotFoundError(f"archive database {db} does not exist; run a crawl first")
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db),
        "--metadata",
        str(metadata_path()),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--port",
        str(port),
        "--host",
        host,
    ]


def serve(
    db_path: str | Path, port: int = 8001, host: str = "127.0.0.1", open_browser: bool = False
) -> NoReturn:
    """Run Datasette in the foreground until it exits or Ctrl-C; exits with its status."""
    command = datasette_command(db_path, port=port, host=host)
    if open_browser:
        command.append("--open")
    try:
        returncode = subprocess.call(command)
    except KeyboardInterrupt:
        # Ctrl-C reaches Datasette too (same process group); report the usual 130.
        returncode = 130
    raise SystemExit(returncode)
