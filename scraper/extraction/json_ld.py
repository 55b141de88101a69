"""Schema.org JSON-LD (`<script type="application/ld+json">`): the publish time a CMS declares
for the page, and the article itself where the page shows none (an app's shell that its
scripts fill in). Only fallbacks, like <meta> times: the page's own dateline and text come
first."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .document import Document

ARTICLE_TYPES = frozenset(
    {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}
)
# Yoast and others put the time on the page's WebPage node only.
PAGE_TYPES = frozenset({"WebPage", "ItemPage"})


def published_times(doc: Document) -> list[str]:
    """`datePublished` of the page's article nodes, then of its web-page nodes."""
    found = doc.memo.facts.get("json_ld.published")
    if found is None:
        nodes = list(_nodes(doc)) if doc.mentions("ld+json") else []
        found = doc.memo.facts["json_ld.published"] = [
            node["datePublished"]
            for types in (ARTICLE_TYPES, PAGE_TYPES)
            for node in nodes
            if _types(node) & types and isinstance(node.get("datePublished"), str)
        ]
    return list(found)


def _nodes(doc: Document) -> Iterator[dict[str, Any]]:
    for script in doc.tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # broken JSON (a template's stray comma, runaway nesting): nothing declared
        yield from _flatten(data)


# How deep declarations are looked for: lists of graphs of lists, as generators write them.
MAX_DEPTH = 8


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    declared = node.get("@type")
    if isinstance(declared, str):
        return {declared}
    return {t for t in declared if isinstance(t, str)} if isinstance(declared, list) else set()


@dataclass(frozen=True)
class DeclaredArticle:
    headline: str | None
    body: str
    published: str | None
    author: str | None


def declared_article(doc: Document) -> DeclaredArticle | None:
    """The page's article node that declares its text (`articleBody`), if any."""
    if not doc.mentions("articleBody"):
        return None
    for node in _nodes(doc):
        body = node.get("articleBody")
        if _types(node) & ARTICLE_TYPES and isinstance(body, str) and body.strip():
            headline = node.get("headline") or node.get("name")
            published = node.get("datePublished")
            return DeclaredArticle(
                headline=headline if isinstance(headline, str) else None,
                body=body,
                published=published if isinstance(published, str) else None,
                author=_author_name(node.get("author")),
            )
    return None


def _author_name(author: Any) -> str | None:
    """The first author's name: "Minh Khôi", {"@type": "Person", "name": …}, or a list."""
    if isinstance(author, list):
        names = [name for item in author if (name := _author_name(item))]
        return ", ".join(names) or None
    if isinstance(author, dict):
        author = author.get("name")
    return (author.strip() or None) if isinstance(author, str) else None
