"""Unicode normalisation of everything the archive stores.

Vietnamese has two spellings of most accented letters (precomposed and combining marks), and
portals publish both; storing NFC only makes equal text compare, hash and search alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

# Every portal publishes in Vietnam's time; the archive stores its times there, with the offset.
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def nfc(value: Any) -> Any:
    """NFC-normalise every string in `value`, recursing into lists and dicts."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return [nfc(v) for v in value]
    if isinstance(value, Mapping):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def vietnam_time(value: str | None) -> str | None:
    """An ISO 8601 time as the archive stores it: in Vietnam's time, with its +07:00 offset and
    seconds ("2025-06-30T17:30:00Z" is "2025-07-01T00:30:00+07:00"; a time without offset is
    taken as Vietnam's). Day filters and text sorting rely on it. ValueError for other text."""
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"not an ISO 8601 time: {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds")
