"""A real Datasette server over an archive file, started as `vnnews serve` starts it."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from archive.serve import datasette_command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def datasette(db_path: Path) -> Iterator[httpx.Client]:
    """Serve `db_path` on a free loopback port; yields a client, stops the server after."""
    port = free_port()
    log_path = db_path.with_suffix(".datasette.log")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            datasette_command(db_path, port=port), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            deadline = time.monotonic() + 30
            while True:
                if process.poll() is not None:
                    pytest.fail(f"Datasette exited early:\n{log_path.read_text()}")
                try:
                    if client.get("/-/versions.json").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"Datasette did not start:\n{log_path.read_text()}")
                time.sleep(0.1)
            yield client
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
