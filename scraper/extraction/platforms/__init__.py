"""The platform adapters, most specific first; `generic` is the fallback for everything else."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from . import generic, liferay6
from .base import Platform

PLATFORMS: dict[str, Platform] = {p.name: p for p in (liferay6.PLATFORM, generic.PLATFORM)}


@dataclass(frozen=True)
class Detection:
    platform: Platform
    reasons: list[str]


def get_platform(name: str) -> Platform:
    try:
        return PLATFORMS[name]
    except KeyError:
        known = ", ".join(PLATFORMS)
        raise ValueError(f"unknown platform {name!r} (known: {known})") from None


def detect(doc: Document) -> Detection:
    for platform in PLATFORMS.values():
        if platform is generic.PLATFORM:
            continue
        reasons = platform.fingerprint(doc)
        if reasons:
            return Detection(platform, reasons)
    return Detection(generic.PLATFORM, generic.fingerprint(doc))
