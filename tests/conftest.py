from collections.abc import Iterator
from pathlib import Path

import pytest

from archive import Archive


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    # A parent directory that does not exist yet: Archive must create it.
    return tmp_path / "data" / "archive.db"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    arch = Archive(archive_path)
    try:
        yield arch
    finally:
        arch.close()
