"""CSS selectors, answered from the document's class/id index (memo.py).

Adapters keep their selectors as data and call `select(element, css)`. lxml's cssselect turns a
selector into an XPath that tests every element of the tree (~0.1 ms per selector on a 15 KB
page, five to ten selectors a page); here the usual forms — type, .class, #id, [attr] tests,
:not() of those, descendant combinators, groups — start from the few elements the document's
index lists for a class, id or attribute, with the very semantics of lxml's HTML translator
(lower-case tag and attribute names, case-sensitive values, class tokens split as XPath's
normalize-space() does). Anything else, and trees no Document owns, go through XPath.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import Any

import cssselect
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from .memo import TreeMemo, class_tokens, memo_of

_Test = Callable[[str | None], bool]


@cache
def compiled(css: str) -> CSSSelector:
    # translator="html": case-insensitive tag names, as element.cssselect does for HTML.
    return CSSSelector(css, translator="html")


def select(element: HtmlElement, css: str) -> list[HtmlElement]:
    """Elements under (or at) `element` matching `css`, in document order."""
    alternatives = _parsed(css)
    memo = memo_of(element) if alternatives is not None else None
    if alternatives is None or memo is None or memo.position(element) is None:
        return compiled(css)(element)  # (an element taken out of the tree: not indexed)
    found = [r for r in (_chain_query(memo, element, chain) for chain in alternatives) if r]
    if len(found) <= 1:
        return found[0] if found else []
    return memo.in_document_order(found)


def select_first(element: HtmlElement, css: str) -> HtmlElement | None:
    found = select(element, css)
    return found[0] if found else None


# --- selectors as data --------------------------------------------------------------------


@dataclass(frozen=True)
class _Compound:
    """One compound selector: `tag.class#id[attr…]:not(…)`."""

    tag: str | None
    classes: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    attributes: tuple[tuple[str, _Test], ...] = ()
    negations: tuple[_Compound, ...] = ()

    def matches(self, element: HtmlElement) -> bool:
        tag = element.tag
        if self.tag is not None:
            if tag != self.tag:
                return False
        elif not isinstance(tag, str):
            return False  # a comment or processing instruction
        if self.classes:
            value = element.get("class")
            if value is None:
                return False
            tokens = class_tokens(value)
            for name in self.classes:
                if name not in tokens:
                    return False
        for ident in self.ids:
            if element.get("id") != ident:
                return False
        for name, test in self.attributes:
            if not test(element.get(name)):
                return False
        return not self.negations or not any(n.matches(element) for n in self.negations)

    def find(self, memo: TreeMemo, scope: HtmlElement) -> list[HtmlElement]:
        """The matches under (or at) `scope`, in document order."""
        source, key, rest = self._plan
        if source == "tag":
            found: Iterable[HtmlElement] = scope.iter(key)
        elif source == "any":
            found = scope.iter(etree.Element)
        elif source == "class":
            found = memo.with_class(key)
        else:
            name, test = key
            if scope is not memo.root and not memo.is_indexed(name):
                # Under an element ("#jp-relatedposts" in a post's content): reading the
                # attribute of its elements costs a fraction of listing it for the whole page.
                found = [el for el in scope.iter(etree.Element) if test(el.get(name))]
                return [el for el in found if rest.matches(el)] if rest is not None else found
            if not memo.has_value(name, test):
                return []  # ("[id*=siteMapPath]" on a page without one: no rows to build)
            found = [el for el, value in memo.valued(name) if test(value)]
        matches = [el for el in found if rest.matches(el)] if rest is not None else list(found)
        if source in ("tag", "any") or scope is memo.root:
            return matches
        return memo.under(scope, matches)

    @cached_property
    def _plan(self) -> tuple[str, Any, _Compound | None]:
        """Where the candidates come from (the most selective source the memo indexes), and
        what is left to test on them (None: nothing)."""
        if self.ids:
            ident = self.ids[0]
            test: _Test = lambda got: got == ident
            return "attribute", ("id", test), self._rest(ids=self.ids[1:])
        if self.classes:
            return "class", self.classes[0], self._rest(classes=self.classes[1:])
        # Class values are indexed already; other attributes cost an XPath walk, and a tag
        # ("meta", "time", "a") is found faster by lxml's own iteration.
        for i, (name, test) in enumerate(self.attributes):
            if name == "class" or self.tag is None:
                others = self.attributes[:i] + self.attributes[i + 1 :]
                return "attribute", (name, test), self._rest(attributes=others)
        if self.tag is not None:
            return "tag", self.tag, self._rest(tag=None)
        return "any", None, self._rest()

    def _rest(self, **changes: Any) -> _Compound | None:
        rest = replace(self, **changes)
        return None if rest == _Compound(tag=None) else rest


class _Unsupported(Exception):
    pass


@cache
def _parsed(css: str) -> tuple[tuple[_Compound, ...], ...] | None:
    """The selector group as chains of compounds joined by descendant combinators; None when
    it uses something else (child combinators, pseudo-classes, namespaces)."""
    try:
        return tuple(_chain(selector) for selector in cssselect.parse(css))
    except (_Unsupported, cssselect.SelectorError):
        return None


def _chain(selector: cssselect.Selector) -> tuple[_Compound, ...]:
    if selector.pseudo_element is not None:
        raise _Unsupported
    chain: list[_Compound] = []
    tree = selector.parsed_tree
    while isinstance(tree, cssselect.parser.CombinedSelector):
        if tree.combinator != " ":
            raise _Unsupported
        chain.insert(0, _compound(tree.subselector))
        tree = tree.selector
    return (_compound(tree), *chain)


def _compound(tree: object) -> _Compound:
    parts: dict[str, list] = {"classes": [], "ids": [], "attributes": [], "negations": []}
    while not isinstance(tree, cssselect.parser.Element):
        if isinstance(tree, cssselect.parser.Class):
            parts["classes"].append(tree.class_name)
        elif isinstance(tree, cssselect.parser.Hash):
            parts["ids"].append(tree.id)
        elif isinstance(tree, cssselect.parser.Attrib):
            if tree.namespace is not None or getattr(tree, "flag", None):
                raise _Unsupported
            value = tree.value.value if tree.value is not None else None
            parts["attributes"].append((tree.attrib.lower(), _attribute_test(tree.operator, value)))
        elif isinstance(tree, cssselect.parser.Negation):
            parts["negations"].append(_compound(tree.subselector))
        else:
            raise _Unsupported
        tree = tree.selector
    if tree.namespace is not None:
        raise _Unsupported
    classes = parts["classes"]
    if any(not name or any(c in name for c in " \t\r\n\f") for name in classes):
        # cssselect's translation of a class with whitespace in it: matches nothing.
        parts["attributes"].append(("class", lambda _value: False))
        classes = []
    return _Compound(
        tag=tree.element.lower() if tree.element else None,
        classes=tuple(reversed(classes)),
        ids=tuple(parts["ids"]),
        attributes=tuple(reversed(parts["attributes"])),
        negations=tuple(parts["negations"]),
    )


def _attribute_test(operator: str, value: str | None) -> _Test:
    """The test cssselect's XPath makes of an attribute value (None: attribute absent)."""
    if operator == "exists":
        return lambda got: got is not None
    assert value is not None
    tests: dict[str, _Test] = {
        "=": lambda got: got == value,
        "~=": lambda got: (
            got is not None
            and bool(value)
            and not any(c in value for c in " \t\r\n\f")
            and value in class_tokens(got)
        ),
        "|=": lambda got: got is not None and (got == value or got.startswith(value + "-")),
        "^=": lambda got: got is not None and bool(value) and got.startswith(value),
        "$=": lambda got: got is not None and bool(value) and got.endswith(value),
        "*=": lambda got: got is not None and bool(value) and value in got,
    }
    if operator not in tests:
        # "!=" also matches elements without the attribute: no index lists those.
        raise _Unsupported
    return tests[operator]


# --- matching -----------------------------------------------------------------------------


def _chain_query(
    memo: TreeMemo, scope: HtmlElement, chain: tuple[_Compound, ...]
) -> list[HtmlElement]:
    """Matches of one chain under `scope` (descendant-or-self, like cssselect's XPath)."""
    subject = chain[-1]
    if len(chain) == 1:
        return subject.find(memo, scope)
    if not (subject.ids or subject.classes):
        # "h2 a", ".breadcrumb li": the links of a few headings, not every link's ancestors.
        return _top_down(memo, scope, chain)
    return [
        el for el in subject.find(memo, memo.root) if _ancestors_match(el, scope, chain[:-1], memo)
    ]


def _ancestors_match(
    element: HtmlElement, scope: HtmlElement, chain: tuple[_Compound, ...], memo: TreeMemo
) -> bool:
    """Whether ancestors of `element`, up to `scope` included, match `chain` in order.

    With descendant combinators only, matching each compound at the nearest possible
    ancestor never misses a match that another choice would find."""
    remaining = len(chain)
    for ancestor in element.iterancestors():
        if remaining and chain[remaining - 1].matches(ancestor):
            remaining -= 1
        if ancestor is scope:
            return remaining == 0
    return False


def _top_down(
    memo: TreeMemo, scope: HtmlElement, chain: tuple[_Compound, ...]
) -> list[HtmlElement]:
    """For a subject with no class, id or attribute (".breadcrumb li"): descend from the
    matches of the first compounds rather than test every <li> of the page."""
    level = _chain_query(memo, scope, chain[:1])
    for compound in chain[1:]:
        groups = []
        for top in level:
            descendants = top.iterdescendants(compound.tag or etree.Element)
            group = [el for el in descendants if compound.matches(el)]
            if group:
                groups.append(group)
        if len(groups) <= 1:
            level = groups[0] if groups else []
        else:  # nested tops find the same elements, and out of order
            level = memo.in_document_order(groups)
    return level
