"""Resolving the links and image addresses of a page against its URL.

`urljoin` parses both addresses on every call (~5 µs); a page's images and attachment links
are nearly all root-relative ("/uploads/…") or absolute on the page's own scheme, which
resolve by concatenation or not at all. Those take the shortcut; everything else (relative
paths, dot segments, queries, fragments, params, whitespace, brackets) goes to urljoin, so
the result is always urljoin's (None where urljoin raises).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

# Characters after which urljoin may change an address it is given (splits off a query,
# fragment or params; strips or drops whitespace and control characters; checks brackets).
_NOT_PLAIN = re.compile(r"[\x00-\x20\x7f;?#\[\]\\]")


def site_of(url: str) -> str:
    """A portal's site: its host name, lower case, "www." or not (portals link to themselves
    both ways)."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def resolve_url(base_url: str, ref: str) -> str | None:
    """`urljoin(base_url, ref)`, or None for an address urllib cannot read ("http://[x/…",
    unbalanced IPv6 brackets): one bad link must not stop the reading of a page."""
    try:
        return urljoin(base_url, ref)
    except ValueError:
        return None


def url_joiner(base_url: str) -> Callable[[str], str | None]:
    """`resolve_url(base_url, ref)` as a function of `ref`, for the many refs of one page."""
    try:
        base = urlsplit(base_url)
    except ValueError:
        return lambda ref: resolve_url(base_url, ref)
    origin = f"{base.scheme}://{base.netloc}"
    absolute = f"{base.scheme}://"

    def join(ref: str) -> str | None:
        if ref[:1] == "/":
            # Root-relative, without "//host" or a dot segment: the page's origin + ref.
            if base.netloc and ref[1:2] != "/" and "/." not in ref and not _NOT_PLAIN.search(ref):
                return origin + ref
        elif (
            ref.startswith(absolute)
            and ref[len(absolute) : len(absolute) + 1] not in ("", "/")
            and not _NOT_PLAIN.search(ref)
        ):
            return ref  # absolute, same scheme, a host: urljoin gives it back as it is
        return resolve_url(base_url, ref)

    return join


# An address a link's script goes to: `location.href = '…'`, `location.assign('…')`,
# `window.open('…')`, SharePoint's `RefreshPageTo(event, '…')`.
_SCRIPTED_ADDRESS = re.compile(
    r"""(?:RefreshPageTo\s*\(\s*event\s*,|location(?:\.href)?\s*=|location\.assign\s*\("""
    r"""|window\.open\s*\()\s*(['"])([^'"]+)\1"""
)


def scripted_address(script: str) -> str | None:
    """The address an onclick script opens, if it names one."""
    found = _SCRIPTED_ADDRESS.search(script)
    if found is None:
        return None
    # (SharePoint 2013 escapes the address for a script: "\u002ftintuc\u002fdefault.aspx".)
    return found.group(2).replace("\\u002f", "/").replace("\\u0026", "&")
