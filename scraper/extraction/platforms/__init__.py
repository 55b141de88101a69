"""The platform adapters, most specific first; `generic` is the fallback for everything else."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from . import generic, haiphong2025, liferay6, liferay7, nukeviet, sharepoint, vccorp, wordpress
from .base import Platform

# Detection asks each in this order; the first whose fingerprint gives reasons wins.
PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        liferay6.PLATFORM,
        liferay7.PLATFORM,
        sharepoint.PLATFORM,
        vccorp.PLATFORM,
        nukeviet.PLATFORM,
        haiphong2025.PLATFORM,
        wordpress.PLATFORM,
        generic.PLATFORM,
    )
}


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
