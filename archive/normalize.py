"""Unicode normalisation of everything the archive stores.

Vietnamese has two spellings of most accented letters (precomposed and combining marks), and
portals publish both; storing NFC only makes equal text compare, hash and search alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any


def nfc(value: Any) -> Any:
    """NFC-normalise every string in `value`, recursing into lists and dicts."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return [nfc(v) for v in value]
    if isinstance(value, Mapping):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value
