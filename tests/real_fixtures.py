"""Where the real portal pages live (../shared/fixtures, beside every checkout and in CI).

They are evidence, never copied into the project; tests that need them skip, saying why,
only where that folder is absent (a user's clone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
REAL_HTML = SHARED / "real-html"

requires_real_fixtures = pytest.mark.skipif(
    not REAL_HTML.is_dir(),
    reason=f"real portal pages not found at {REAL_HTML} (they sit beside the checkout in CI)",
)


def real_page(name: str) -> bytes:
    return (REAL_HTML / name).read_bytes()
