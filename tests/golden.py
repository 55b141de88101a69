"""Golden files: for every fixture page, the fields extraction must give, as JSON.

A golden `NAME.json` sits beside its page `NAME.html` (constructed pages, in `tests/pages/`
and `tests/sites/<platform>/`), or names a real page of ../shared with `"shared_page"`
(`tests/golden_real/`). Its keys:

    url              the address the page was served at (links and URL rules depend on it)
    kind             "article" (default) or "listing"
    expected         fields compared exactly, e.g. {"title": …, "published_at": …}
    expected_sha256  real pages only: SHA-256 of NFC text fields (lists: items joined by
                     newlines), so that no text of the real pages is copied into the project
    expected_counts  {field: length}: how many images, article links… (real pages)
    body_tokens      real pages only: {sha1(token)[:10]: count} of the expected body, for the
                     token-F1 score of the extraction benchmark

Fields absent from a golden are not compared. `python -m tests.golden show PAGE.html --url U`
prints what the extractor gives today, to compare by eye with what the page says.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = ROOT.parent / "shared" / "fixtures"
GOLDEN_DIRS = (ROOT / "tests" / "pages", ROOT / "tests" / "sites", ROOT / "tests" / "golden_real")
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Golden:
    path: Path
    page: Path
    url: str
    kind: str
    expected: dict[str, Any]
    expected_sha256: dict[str, str]
    expected_counts: dict[str, int]
    body_tokens: dict[str, int] | None

    @property
    def name(self) -> str:
        return str(self.path.relative_to(ROOT))

    @property
    def is_real(self) -> bool:
        return SHARED_FIXTURES in self.page.parents


def load(path: Path) -> Golden:
    data = json.loads(path.read_text(encoding="utf-8"))
    shared = data.get("shared_page")
    page = SHARED_FIXTURES / shared if shared else path.with_suffix(".html")
    return Golden(
        path=path,
        page=page,
        url=data["url"],
        kind=data.get("kind", "article"),
        expected=data.get("expected", {}),
        expected_sha256=data.get("expected_sha256", {}),
        expected_counts=data.get("expected_counts", {}),
        body_tokens=data.get("body_tokens"),
    )


def all_goldens() -> list[Golden]:
    paths = sorted(p for d in GOLDEN_DIRS if d.is_dir() for p in d.rglob("*.json"))
    return [load(p) for p in paths if p.name != "site.json"]


def sha256(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def hashed_token_counts(text: str) -> dict[str, int]:
    """Token counts with each token replaced by a short hash: enough for F1, no text kept."""
    counts = Counter(hashlib.sha1(t.encode("utf-8")).hexdigest()[:10] for t in tokens(text))
    return dict(sorted(counts.items()))


def token_f1(got: dict[str, int] | Counter[str], expected: dict[str, int]) -> float:
    """Bag-of-tokens F1, the usual body-extraction score (as in trafilatura's evaluation)."""
    overlap = sum(min(count, expected.get(token, 0)) for token, count in got.items())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(got.values())
    recall = overlap / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def expected_body_tokens(golden: Golden) -> dict[str, int] | None:
    if golden.body_tokens is not None:
        return golden.body_tokens
    body = golden.expected.get("body")
    return hashed_token_counts(body) if isinstance(body, str) else None


def mismatches(golden: Golden, fields: dict[str, Any]) -> list[str]:
    """One readable line per field that differs from the golden."""
    problems = []
    for name, want in golden.expected.items():
        got = fields.get(name, "<missing>")
        if got != want:
            problems.append(f"{name}:\n    expected {want!r}\n    got      {got!r}")
    for name, want_hash in golden.expected_sha256.items():
        got = fields.get(name)
        if isinstance(got, list):  # lists of strings (authors, article_urls): one per line
            got = "\n".join(map(str, got))
        if not isinstance(got, str) or sha256(got) != want_hash:
            shown = got if not isinstance(got, str) or len(got) < 200 else got[:200] + "…"
            problems.append(f"{name} (by SHA-256): got {shown!r}")
    for name, want_count in golden.expected_counts.items():
        got = fields.get(name)
        if not isinstance(got, list) or len(got) != want_count:
            problems.append(f"{name}: expected {want_count} items, got {got!r}")
    return problems


def _show(argv: list[str]) -> None:
    from scraper.extraction import extract_article, parse_listing
    from scraper.extraction.model import NotAnArticle

    page, url = Path(argv[0]), argv[argv.index("--url") + 1]
    body = page.read_bytes()
    try:
        if "--listing" in argv:
            from dataclasses import asdict

            fields = asdict(parse_listing(body, url))
        else:
            fields = extract_article(body, url).to_dict()
    except NotAnArticle as exc:
        fields = {"error": str(exc)}
    print(json.dumps(fields, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "show":
        _show(sys.argv[2:])
    else:
        print("usage: python -m tests.golden show PAGE.html --url URL [--listing]")
