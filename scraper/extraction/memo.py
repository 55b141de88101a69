"""What one extraction asks of a page's tree again and again, worked out once per document.

Adapters look elements up by class many times per page (each CSS selector used to be an XPath
walk over the whole tree, ~0.1 ms each, the biggest single cost of extracting a small page)
and read the text of the same elements repeatedly. A `TreeMemo` answers both from one pass.

It belongs to the Document that owns the tree and dies with it: the registry below maps a
tree's root element to that memo weakly, so nothing outlives the page and nothing is shared
between pages. Code that changes the tree after parsing must do it through the Document
(`Document.drop`), which keeps the memo true to the tree.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Callable
from functools import cache
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

# XPath's normalize-space(), which CSS class matching uses, splits on these only (str.split()
# would also split on \x0b, \x0c, \xa0, …).
_XML_SPACES = str.maketrans("\t\n\r", "   ")
_XPATH_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_.-]*")
_PI = etree._ProcessingInstruction


@cache
def _attribute_values(name: str) -> etree.XPath:
    return etree.XPath(f"//@{name}", smart_strings=False)


@cache
def _attribute_path(name: str) -> etree.XPath:
    # Attribute nodes have no predicate to test: libxml2 lists them several times faster than
    # it filters elements with [@name] (or than Python tests each element).
    return etree.XPath(f"//@{name}")


def class_tokens(value: str) -> list[str]:
    """The whitespace-separated tokens of a class (or rel, …) attribute, as XPath sees them."""
    if value.isascii() and value.isprintable():  # no whitespace but the plain space
        return value.split()
    return [token for token in value.translate(_XML_SPACES).split(" ") if token]


class TreeMemo:
    """Indexes of one tree (built on first use) and the element texts read so far."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.texts: dict[HtmlElement, str] = {}
        # Other answers about the page that several readers need (named by the asker).
        self.facts: dict[str, Any] = {}
        self.mentioned: dict[str, bool] = {}  # Document.mentions
        self._valued: dict[str, list[tuple[HtmlElement, str]]] = {}
        self._values: dict[str, list[str]] = {}
        self._classes: dict[str, list[HtmlElement]] = {}
        self._class_joined: tuple[str, list[int]] | None = None
        # Filled by `_scan`, the one pass over the tree.
        self._nodes: list[Any] = []
        self._positions: dict[Any, int] = {}
        self._scanned = False

    def forget(self, gone: set[Any]) -> None:
        """The nodes in `gone` were taken out of the tree: out of the indexes too, and every
        text or answer that may have held them is worked out again when asked."""
        self._nodes = [node for node in self._nodes if node not in gone]
        self._positions = {node: i for i, node in enumerate(self._nodes)}
        self._valued = {
            name: [row for row in rows if row[0] not in gone] for name, rows in self._valued.items()
        }
        self._values = {}
        self._classes = {
            token: [el for el in found if el not in gone] for token, found in self._classes.items()
        }
        self._class_joined = None
        self.texts, self.facts = {}, {}

    def _scan(self) -> None:
        """Every node in document order with its rank, and the elements with a class: the
        one walk of the tree in Python that most selectors need (~0.5 µs a node).

        Holding every node keeps its Python proxy alive too: lxml then hands the same
        objects to every later walk of the page instead of building new ones."""
        if self._scanned:
            return
        self._scanned = True
        nodes = self._nodes = list(self.root.iter())
        self._positions = dict(zip(nodes, range(len(nodes)), strict=True))
        # From that list, not a second walk. A comment's or entity's get() gives None; a
        # processing instruction's reads pseudo-attributes in its text: elements only. (Its
        # class is tested rather than its tag, which lxml builds as a new string at each
        # read; and the name is given as bytes, which lxml would otherwise encode per call.)
        classed = [
            (el, v)
            for el in nodes
            if (v := el.get(b"class")) is not None and not isinstance(el, _PI)
        ]
        self._valued.setdefault("class", classed)

    def position(self, node: Any) -> int | None:
        """Rank of a node in document order (None: not in the tree)."""
        self._scan()
        return self._positions.get(node)

    def under(self, scope: HtmlElement, elements: list[HtmlElement]) -> list[HtmlElement]:
        """Those of `elements` that are `scope` or under it: its subtree is the run of ranks
        from its own to that of the last node under it."""
        last = scope
        while len(last):
            last = last[-1]
        ranks = self._positions
        first, end = ranks[scope], ranks[last]
        return [el for el in elements if first <= ranks[el] <= end]

    def valued(self, name: str) -> list[tuple[HtmlElement, str]]:
        """(element, value) of every element carrying attribute `name` (lower case, as the
        HTML parser stores it), in document order."""
        if name == "class":
            self._scan()
        found = self._valued.get(name)
        if found is None:
            if _XPATH_NAME.fullmatch(name):  # ids, itemprop…: a few elements, found in C
                rows = ((v.getparent(), str(v)) for v in _attribute_path(name)(self.root))
            else:
                rows = ((el, el.get(name)) for el in self.root.iter(etree.Element))
            found = self._valued[name] = [(el, value) for el, value in rows if value is not None]
        return found

    def is_indexed(self, name: str) -> bool:
        """Whether the elements with attribute `name` are listed already (class always is)."""
        return name == "class" or name in self._valued

    def has_value(self, name: str, test: Callable[[str | None], bool]) -> bool:
        """Whether some element's attribute `name` passes `test`: answered from the bare
        values (plain strings listed by libxml2), cheaper than `valued`'s rows when, as
        usual, none does."""
        if name in self._valued or name == "class" or not _XPATH_NAME.fullmatch(name):
            return any(test(value) for _, value in self.valued(name))
        values = self._values.get(name)
        if values is None:
            values = self._values[name] = _attribute_values(name)(self.root)
        return any(map(test, values))

    def attributed(self) -> list[tuple[HtmlElement, str | None, str | None]]:
        """(element, class, id) of every element with a class or an id, in document order."""
        rows = self.facts.get("attributed")
        if rows is None:
            found = {element: [value, None] for element, value in self.valued("class")}
            for element, ident in self.valued("id"):
                found.setdefault(element, [None, None])[1] = ident
            rows = self.facts["attributed"] = sorted(
                ((element, c, i) for element, (c, i) in found.items()),
                key=lambda row: self._positions[row[0]],
            )
        return rows

    def with_class(self, token: str) -> list[HtmlElement]:
        found = self._classes.get(token)
        if found is None:
            found = self._classes[token] = []
            # Pages ask for ten classes or so: each is looked for in all class values at
            # once (joined by "\n", which no token holds), and only the values where it
            # occurs are split into tokens.
            rows = self.valued("class")
            joined, starts = self._class_text()
            at = joined.find(token)
            while at != -1:
                row = bisect_right(starts, at) - 1
                element, value = rows[row]
                if token in class_tokens(value):
                    found.append(element)
                at = joined.find(token, starts[row + 1]) if row + 1 < len(rows) else -1
        return found

    def class_text(self) -> str:
        """Every class value of the page, in document order, joined by "\n" (no token holds
        one): a search over it tells whether any class holds a word."""
        return self._class_text()[0]

    def _class_text(self) -> tuple[str, list[int]]:
        if self._class_joined is None:
            values = [value for _, value in self.valued("class")]
            starts, offset = [], 0
            for value in values:
                starts.append(offset)
                offset += len(value) + 1
            self._class_joined = ("\n".join(values), starts)
        return self._class_joined

    def in_document_order(self, groups: list[list[HtmlElement]]) -> list[HtmlElement]:
        """The elements of several lists, each in document order, merged in document order."""
        merged = set().union(*groups)
        longest = max(groups, key=len)
        if len(longest) == len(merged):
            return list(longest)  # "p.sapo, .sapo": the same elements twice, nothing to sort
        self._scan()
        return sorted(merged, key=self._positions.__getitem__)


# id(root) -> the memo, weakly (a WeakValueDictionary's get is Python code: every lookup of an
# element's text goes through here).
_MEMOS: dict[int, weakref.ref[TreeMemo]] = {}


# The memo registered last: pages are extracted one at a time, and finding an element among
# its nodes (a dict lookup) costs a fraction of finding the element's root through lxml.
_latest: weakref.ref[TreeMemo] | None = None


def register(root: HtmlElement) -> TreeMemo:
    """A new memo for the tree under `root`; the caller keeps it alive (a Document does)."""
    global _latest
    memo = TreeMemo(root)
    key = id(root)

    def forget(ref: weakref.ref[TreeMemo]) -> None:
        if _MEMOS.get(key) is ref:  # not a newer memo of the same tree
            del _MEMOS[key]

    _MEMOS[key] = _latest = weakref.ref(memo, forget)
    return memo


def memo_of(element: HtmlElement) -> TreeMemo | None:
    """The memo of the document holding `element`; None for trees no Document owns."""
    latest = _latest() if _latest is not None else None
    # Its node list holds the proxies of its tree's nodes (and is updated when nodes are
    # dropped through the Document): an element found there is one of that tree's nodes.
    if latest is not None and element in latest._positions:
        return latest
    root = element.getroottree().getroot()
    ref = _MEMOS.get(id(root))
    memo = ref() if ref is not None else None
    # The memo holds its root, so while it lives no other object can have that id.
    return memo if memo is not None and memo.root is root else None


def ancestor_verdict(
    element: HtmlElement, key: str, verdict: Callable[[HtmlElement], bool | None]
) -> bool:
    """Walk up from `element` until `verdict` decides (True or False; None: ask the parent);
    False at the top. Many elements of a page share their ancestors: what is learnt about
    each node on the way is kept in the page's memo under `key`."""
    memo = memo_of(element)
    known: dict[HtmlElement, bool] = memo.facts.setdefault(key, {}) if memo else {}
    on_the_way: list[HtmlElement] = []
    node: HtmlElement | None = element
    result = False
    while node is not None:
        if node in known:
            result = known[node]
            break
        decided = verdict(node)
        if decided is not None:
            result = decided
            break
        on_the_way.append(node)
        node = node.getparent()
    for node in on_the_way:
        known[node] = result
    return result
