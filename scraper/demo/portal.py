"""The sample portal: a Liferay 6.2 "Cổng TTĐT" of an invented district, served from memory.

`SamplePortal()` holds the hand-written set (texts.py); `SamplePortal(articles=N)` generates N
articles from a seed for benchmarks, lazily: construction makes one small record per article and
`respond` writes an article's text only when its page is requested.

The markup reproduces the structure of real Liferay 6.2 pages (see shared/docs/PORTALS.md §2a):
the same nesting, class names, ids, URL forms, date lines and byline conventions, including the
traps (an editor account after the byline, a sidebar portlet linking to other sections, broken
article links). Which variant each article uses is recorded in `DemoArticle.markup`.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from functools import cached_property, lru_cache
from html.entities import codepoint2name
from typing import Literal, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from . import texts
from .texts import DISTRICT, PORTAL_NAME, STORIES, STUBS, WARDS, Story

Kind = Literal["ok", "http500", "http404", "not_article", "no_date"]
UrlForm = Literal["view_content", "asset_publisher", "struts"]
DatelineStyle = Literal["labelled_12h", "bare_12h", "labelled_24h_vi", "labelled_24h_en"]
LeadStyle = Literal["sapo", "body", "none"]
BylineStyle = Literal["strong", "texttacgia"]
Container = Literal["p", "div", "mixed"]
Wrapper = Literal["borderless", "section"]

VN_TZ = timezone(timedelta(hours=7))
SECTION = "tin-tuc-su-kien"
CATEGORIES = {
    SECTION: "Tin tức sự kiện",
    "thong-bao": "Thông báo",
    "cai-cach-hanh-chinh": "Cải cách hành chính",
}
GROUP_ID = 20182
INSTANCE_ID = "Hq7vLmR2xK9c"  # the asset publisher instance of /-/asset_publisher/ URLs
PAGER_QUERY = (
    "p_p_id=101&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-1"
    "&p_p_col_pos=1&p_p_col_count=2&_101_delta={delta}&_101_keywords=&_101_advancedSearch=false"
    "&_101_andOperator=true&p_r_p_564233524_resetCur=false&_101_cur={cur}"
)
STRUTS_QUERY = (
    "p_p_id=101&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-1"
    "&p_p_col_count=1&_101_struts_action=%2Fasset_publisher%2Fview_content"
    "&_101_assetEntryId={id}&_101_type=content&_101_urlTitle={slug}"
)
# View counts grow with an article's age, counted from the day the sample portal was "saved".
SNAPSHOT = datetime(2022, 8, 27, 9, 0, tzinfo=VN_TZ)


# --- What the portal serves, as data -----------------------------------------------------------


@dataclass(frozen=True)
class Markup:
    """Which markup variant an article page uses (see the module docstring of each renderer)."""

    dateline: DatelineStyle = "bare_12h"
    lead: LeadStyle = "sapo"  # sapo: <p class="sapo"><strong>; body: first bold-italic <p>
    byline: BylineStyle = "strong"
    container: Container = "p"  # <p> paragraphs, <div> paragraphs (+ spacers), or both
    wrapper: Wrapper = "borderless"  # "section": the portlet shows its own <h1> title
    entities: bool = False  # Latin-1 letters in the body written as &agrave;-style entities
    image_after: tuple[int, ...] = ()  # paragraph index each body image follows (-1: first)
    table_after: int | None = None
    related_after: int | None = None  # where a "Tin liên quan" link list is injected
    related_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DemoImage:
    src: str  # root-relative URL, as in the page
    caption: str | None


@dataclass(frozen=True)
class DemoAttachment:
    url: str  # root-relative URL of the document
    title: str  # the link text


@dataclass(frozen=True)
class DemoArticle:
    """The truth about one article, for checking what a crawler extracted.

    `kind` says how the page behaves: "ok"; "no_date" (an article page with no date line);
    "http500" / "http404" (listed, but the URL answers with that status); "not_article" (200, an
    error page). For the broken kinds only the listing fields (title, published_at, summary) mean
    anything. `body_paragraphs` holds the article's own text paragraphs in order, table rows
    included as "cell | cell" lines (the project's convention); the lead, image captions, the
    injected "Tin liên quan" list, attachment links, the byline and the editor account are not
    in it (they have their own fields).
    """

    asset_id: int
    path: str  # path + query, as served
    url_form: UrlForm
    kind: Kind
    category: str
    title: str
    slug: str
    published_at: str  # ISO 8601 with +07:00 (also shown on the listing for broken kinds)
    dateline_text: str | None  # the page's date line, whitespace folded; None when absent
    byline: str | None
    editor: str  # the CMS editor account printed after the byline (not the author)
    summary: str | None  # the lead (sapo or first bold-italic paragraph)
    body_paragraphs: list[str]
    images: tuple[DemoImage, ...] = ()
    attachments: tuple[DemoAttachment, ...] = ()
    table_rows: tuple[tuple[str, ...], ...] = ()
    thumbnail: str | None = None  # sapo image, also shown on the listing
    view_count: int = 0
    markup: Markup = field(default_factory=Markup)

    @property
    def image_captions(self) -> list[str]:
        return [img.caption for img in self.images if img.caption]

    @property
    def page(self) -> str:
        """The Liferay page (section) the article belongs to, e.g. "tin-tuc-su-kien"."""
        return _page_of(self.category)

    @property
    def has_page(self) -> bool:
        """True when the URL answers with an article page (kinds "ok" and "no_date")."""
        return self.kind in ("ok", "no_date")


class _Entry(NamedTuple):
    """What a listing shows of an article; cheap enough to hold for every generated article.

    The *_html fields are escaped once here so that a listing page is only string joins.
    """

    asset_id: int
    path: str
    title: str
    published: datetime
    kind: Kind
    href_abs: str
    href_rel: str
    title_html: str
    date_html: str
    summary_html: str
    thumb_html: str


def _make_entry(
    asset_id: int,
    path: str,
    title: str,
    published: datetime,
    kind: Kind,
    summary_html: str,
    thumbnail: str | None,
    views: int,
) -> _Entry:
    return _Entry(
        asset_id,
        path,
        title,
        published,
        kind,
        _attr(path),
        _attr(path.removeprefix("/vi/")),
        _esc(title),
        f"Ngày đăng {_day(published)} | {_time12(published)} &nbsp;|&nbsp;View count: {views}",
        summary_html,
        _attr(thumbnail) if thumbnail else "",
    )


def _page_of(category: str) -> str:
    return next(page for page, name in CATEGORIES.items() if name == category)


# --- Small text helpers ------------------------------------------------------------------------

_LATIN1_ENTITIES = [
    (chr(cp), f"&{name};")
    for cp, name in codepoint2name.items()
    if 0xC0 <= cp <= 0xFF and cp not in (0xD7, 0xF7)  # letters only, not × and ÷
]


def slugify(text: str) -> str:
    """Liferay-style URL title: ASCII, lower case, hyphens ("Đông Phú" → "dong-phu")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:150].rstrip("-")


def shorten(text: str, limit: int = 200) -> str:
    """Cut at a word boundary and add "...", as Liferay does for summaries and descriptions."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _entities(text: str) -> str:
    """Latin-1 letters as named entities, the rest raw: what the CMS's rich-text editor wrote.

    A chain of str.replace: on Vietnamese text it is ~6x faster than str.translate with a
    dict, and ~6x faster than the same replaces on UTF-8 bytes.
    """
    for char, entity in _LATIN1_ENTITIES:
        if char in text:
            text = text.replace(char, entity)
    return text


def _esc_entities(text: str) -> str:
    return _entities(_esc(text))


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _iso(when: datetime) -> str:
    return when.isoformat()


def _day(when: datetime) -> str:
    return when.strftime("%d/%m/%Y")


def _clock12(when: datetime, *, pad: bool) -> str:
    hour = when.hour % 12 or 12
    return f"{hour:02d}" if pad else str(hour)


def _time12(when: datetime, *, pad: bool = True) -> str:
    return f"{_clock12(when, pad=pad)}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"


def _views(asset_id: int, when: datetime) -> int:
    return 5 + max(0, (SNAPSHOT - when).days) * 3 + asset_id % 41


def _uuid(*parts: object) -> str:
    h = hashlib.blake2b("/".join(map(str, parts)).encode(), digest_size=16).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def article_path(page: str, form: UrlForm, asset_id: int, slug: str) -> str:
    if form == "view_content":
        return f"/vi/{page}/-/view_content/{asset_id}-{slug}.html"
    if form == "asset_publisher":
        return f"/vi/{page}/-/asset_publisher/{INSTANCE_ID}/content/{slug}"
    return f"/vi/{page}?" + STRUTS_QUERY.format(id=asset_id, slug=slug)


def listing_path(page: str, cur: int, delta: int) -> str:
    return f"/vi/{page}?" + PAGER_QUERY.format(delta=delta, cur=cur)


def dateline(style: DatelineStyle, when: datetime, views: int) -> tuple[str, str]:
    """(inner HTML of div.assetPublishDate, the same text with whitespace folded)."""
    if style == "labelled_12h":
        raw = (
            f"\n\t\t\tNgày đăng\n\t\t\t{_day(when)} | {_time12(when)}\n"
            f"\t\t&nbsp;|&nbsp;View count: {views}\n"
        )
    elif style == "bare_12h":  # newer items: no label, hour not zero-padded
        raw = f"\n\t\t\t{_day(when)} | {_time12(when, pad=False)}\n"
    else:
        label = "Lượt xem" if style == "labelled_24h_vi" else "View count"
        raw = f" Ngày đăng {_day(when)} | {when:%H:%M}  | {label}: {views} "
    text = " ".join(raw.replace("&nbsp;", " ").split())
    return raw, text


def _image_src(asset_id: int, n: int, when: datetime) -> str:
    stamp = int(when.timestamp() * 1000)
    return f"/documents/{GROUP_ID}/{asset_id}/IMG_{1000 + n}.jpg/{_uuid(asset_id, n)}?t={stamp}"


def _thumbnail_src(asset_id: int, when: datetime) -> str:
    return f"/image/journal/article?img_id={asset_id - 1}&t={int(when.timestamp() * 1000)}"


def _attachment_url(asset_id: int, filename: str) -> str:
    # Liferay serves a document both as /documents/<group>/<folder>/<title> and with a trailing
    # /<uuid>; editors pasting links into the body mostly used the short form.
    return f"/documents/{GROUP_ID}/{asset_id}/{filename}"


def _listing_summary(article: DemoArticle) -> str:
    if article.summary:
        return _esc(shorten(article.summary))
    if not article.body_paragraphs:
        return ""
    # No lead: the portal fell back to the body's start, entities and leading spaces included.
    first = shorten(article.body_paragraphs[0])
    return "&nbsp; &nbsp; " + (_esc_entities if article.markup.entities else _esc)(first)


def _entry(article: DemoArticle) -> _Entry:
    return _make_entry(
        article.asset_id,
        article.path,
        article.title,
        datetime.fromisoformat(article.published_at),
        article.kind,
        _listing_summary(article),
        article.thumbnail,
        article.view_count,
    )


# --- The hand-written set ----------------------------------------------------------------------


class _Spec(NamedTuple):
    key: str
    asset_id: int
    when: tuple[int, int, int, int, int]
    form: UrlForm
    kind: Kind
    markup: Markup = Markup()
    category: str = CATEGORIES[SECTION]
    thumbnail: bool = True


# Newest first. Every markup variant appears at least once; the reply of the task that built this
# lists where. Broken kinds use STUBS (text for the listing only).
_BUNDLED = (
    _Spec("an-thinh-cashless", 5412873, (2022, 8, 24, 16, 30), "view_content", "ok",
          Markup("labelled_12h", byline="texttacgia", container="div", entities=True,
                 image_after=(-1, 3))),
    _Spec("dong-phu-hdnd", 5411902, (2022, 8, 22, 9, 5), "struts", "ok",
          Markup("bare_12h", wrapper="section", image_after=(0,))),
    _Spec("kim-son-dan-van", 5410467, (2022, 8, 19, 14, 20), "view_content", "http500"),
    _Spec("flood-2022", 5409988, (2022, 8, 17, 20, 48), "asset_publisher", "ok",
          Markup("labelled_24h_vi", lead="body", entities=True, image_after=(0, 2))),
    _Spec("tan-lap-election", 5409120, (2022, 8, 15, 15, 34), "view_content", "ok",
          Markup("labelled_24h_en", table_after=2, image_after=(1,))),
    _Spec("vinh-khang-voters", 5408231, (2022, 8, 12, 10, 0), "asset_publisher", "ok",
          Markup("bare_12h", byline="texttacgia", container="div", wrapper="section",
                 image_after=(1,))),
    _Spec("thuong-lam-dengue", 5407765, (2022, 8, 10, 7, 45), "view_content", "ok",
          Markup("bare_12h", lead="body", byline="texttacgia", container="mixed", entities=True,
                 image_after=(1,))),
    _Spec("phu-my-reception-aug", 5406604, (2022, 8, 8, 11, 15), "struts", "http404"),
    _Spec("cchc-6-thang", 5405519, (2022, 8, 5, 14, 0), "view_content", "ok",
          Markup("labelled_12h", image_after=(3,))),
    _Spec("tdp-training", 5404470, (2022, 8, 3, 8, 30), "struts", "ok",
          Markup("labelled_24h_vi", byline="texttacgia", container="div", image_after=(2,))),
    _Spec("hung-long-fire-drill", 5401836, (2022, 7, 29, 14, 30), "asset_publisher", "ok",
          Markup("bare_12h", container="mixed", image_after=(0,))),
    _Spec("gratitude-27-7", 5399120, (2022, 7, 26, 9, 50), "view_content", "ok",
          Markup("bare_12h", wrapper="section", entities=True, image_after=(0,))),
    _Spec("food-safety-kitchens", 5396512, (2022, 7, 22, 16, 10), "view_content", "not_article"),
    _Spec("dong-phu-camera", 5395007, (2022, 7, 20, 10, 20), "struts", "no_date",
          Markup("bare_12h")),
    _Spec("phu-my-online-services", 5393380, (2022, 7, 18, 15, 0), "asset_publisher", "ok",
          Markup("labelled_12h", container="div", image_after=(0,), related_after=1,
                 related_ids=(5405519, 5412873))),
    _Spec("an-thinh-waste", 5390145, (2022, 7, 14, 9, 40), "view_content", "ok",
          Markup("labelled_24h_en", byline="texttacgia", image_after=(1,))),
    _Spec("rescue-training", 5386209, (2022, 7, 8, 13, 45), "struts", "ok",
          Markup("bare_12h", lead="body", byline="texttacgia", container="div",
                 image_after=(1,))),
    _Spec("kim-son-dialogue", 5381150, (2022, 6, 30, 8, 0), "view_content", "ok",
          Markup("labelled_24h_vi"), thumbnail=False),
    _Spec("school-enrolment", 5377026, (2022, 6, 24, 15, 20), "asset_publisher", "ok",
          Markup("labelled_12h", container="div"), thumbnail=False),
    _Spec("tan-lap-family-law", 5372218, (2022, 6, 16, 19, 30), "view_content", "ok",
          Markup("labelled_24h_vi", byline="texttacgia", container="mixed", entities=True,
                 image_after=(1,))),
    _Spec("hung-long-elderly", 5360077, (2022, 5, 27, 10, 30), "struts", "ok",
          Markup("bare_12h", lead="none", image_after=(0,))),
    _Spec("tet-security", 5291984, (2022, 1, 20, 16, 0), "view_content", "ok",
          Markup("labelled_12h", container="div", image_after=(0,))),
    _Spec("thuong-lam-unity-day", 5210733, (2021, 11, 15, 9, 0), "asset_publisher", "ok",
          Markup("bare_12h", entities=True, image_after=(2,))),
    _Spec("district-council-first-session", 5087412, (2021, 6, 25, 8, 15), "view_content", "ok",
          Markup("labelled_24h_en", byline="texttacgia", wrapper="section", entities=True,
                 image_after=(0,))),
    _Spec("vinh-khang-civic-street", 4962330, (2021, 3, 10, 14, 0), "struts", "ok",
          Markup("labelled_24h_vi", container="div"), thumbnail=False),
    _Spec("election-2016", 1024518, (2016, 2, 18, 11, 41), "view_content", "ok",
          Markup("labelled_12h", lead="body", wrapper="section", image_after=(0,))),
)  # fmt: skip

# Articles of other sections, linked only from the "Tin nổi bật" sidebar box.
_OTHER_SECTIONS = (
    _Spec("citizen-reception-sept", 5414020, (2022, 8, 26, 8, 0), "view_content", "ok",
          Markup("bare_12h"), category=CATEGORIES["thong-bao"], thumbnail=False),
    _Spec("teacher-recruitment", 5410990, (2022, 8, 20, 15, 0), "struts", "ok",
          Markup("labelled_12h"), category=CATEGORIES["thong-bao"]),
    _Spec("tthc-q2-results", 5395990, (2022, 7, 21, 10, 0), "asset_publisher", "ok",
          Markup("bare_12h", container="div"), category=CATEGORIES["cai-cach-hanh-chinh"]),
)  # fmt: skip


def _from_story(
    story: Story,
    *,
    asset_id: int,
    when: datetime,
    form: UrlForm,
    kind: Kind,
    markup: Markup,
    category: str,
    editor: str,
    thumbnail: bool,
    title: str | None = None,
    slug: str | None = None,
    paragraphs: Sequence[str] | None = None,
    lead: str | None = None,
    captions: Sequence[str] | None = None,
) -> DemoArticle:
    title = title or story.title
    slug = slug or slugify(title)
    paragraphs = list(story.paragraphs if paragraphs is None else paragraphs)
    lead = story.lead if lead is None else lead
    if markup.lead == "none":
        lead = None
    captions = story.captions if captions is None else captions
    if story.table and story.table_after is not None:
        at = story.table_after + 1
        paragraphs[at:at] = [" | ".join(row) for row in story.table]
    views = _views(asset_id, when)
    _, dateline_text = dateline(markup.dateline, when, views)
    return DemoArticle(
        asset_id=asset_id,
        path=article_path(_page_of(category), form, asset_id, slug),
        url_form=form,
        kind=kind,
        category=category,
        title=title,
        slug=slug,
        published_at=_iso(when),
        dateline_text=None if kind == "no_date" else dateline_text,
        byline=story.byline,
        editor=editor,
        summary=lead,
        body_paragraphs=paragraphs,
        images=tuple(
            DemoImage(_image_src(asset_id, n, when), caption) for n, caption in enumerate(captions)
        ),
        attachments=tuple(
            DemoAttachment(_attachment_url(asset_id, filename), title)
            for title, filename in story.attachments
        ),
        table_rows=story.table,
        thumbnail=_thumbnail_src(asset_id, when) if thumbnail else None,
        view_count=views,
        markup=markup,
    )


def _bundled_article(spec: _Spec, n: int) -> DemoArticle:
    when = datetime(*spec.when, tzinfo=VN_TZ)
    if spec.kind in ("http500", "http404", "not_article"):
        stub = STUBS[spec.key]
        slug = slugify(stub.title)
        return DemoArticle(
            asset_id=spec.asset_id,
            path=article_path(_page_of(spec.category), spec.form, spec.asset_id, slug),
            url_form=spec.form,
            kind=spec.kind,
            category=spec.category,
            title=stub.title,
            slug=slug,
            published_at=_iso(when),
            dateline_text=None,
            byline=None,
            editor="",
            summary=stub.summary,
            body_paragraphs=[],
            thumbnail=_thumbnail_src(spec.asset_id, when) if spec.thumbnail else None,
            view_count=_views(spec.asset_id, when),
        )
    story = STORIES[spec.key]
    markup = spec.markup
    if story.table_after is not None:
        markup = replace(markup, table_after=story.table_after)
    return _from_story(
        story,
        asset_id=spec.asset_id,
        when=when,
        form=spec.form,
        kind=spec.kind,
        markup=markup,
        category=spec.category,
        editor=texts.EDITORS[n % len(texts.EDITORS)],
        thumbnail=spec.thumbnail,
    )


# --- The generated set -------------------------------------------------------------------------

_FAULT_AT: dict[int, Kind] = {2: "http500", 9: "http404", 16: "not_article", 23: "no_date"}
_FORMS: tuple[UrlForm, ...] = ("view_content", "asset_publisher", "struts")
_DATELINES: tuple[DatelineStyle, ...] = (
    "labelled_12h",
    "bare_12h",
    "labelled_24h_vi",
    "labelled_24h_en",
)
_STORY_KEYS = tuple(k for k, s in STORIES.items() if s.ward)  # stories that travel to other wards


class _GenEntry(NamedTuple):
    asset_id: int
    when: datetime
    title: str
    slug: str
    ward: str
    lead: str
    form: UrlForm
    kind: Kind
    story: str | None  # the hand-written story this article re-tells, if any


def _swap_ward(text: str, old: str | None, new: str) -> str:
    return text.replace(old, new) if old else text


def _generate_entries(n: int, seed: int, faults: bool, taken_ids: set[int]) -> list[_GenEntry]:
    """Titles, dates and ids for n articles, newest first; deterministic for a given seed."""
    rng = random.Random(seed)
    when = datetime(2022, 8, 24, 16, 30, tzinfo=VN_TZ)
    asset_id = 9_000_000
    titles: set[str] = set()
    slugs: set[str] = set()
    entries: list[_GenEntry] = []
    for i in range(n):
        if i:
            when -= timedelta(minutes=rng.randint(120, 2600))
            if when.hour < 7:  # nobody publishes at night: move to the previous evening
                when = (when - timedelta(days=1)).replace(hour=rng.randint(15, 20))
            elif when.hour > 21:
                when = when.replace(hour=rng.randint(17, 21))
        asset_id -= rng.randint(3, 400)
        while asset_id in taken_ids:
            asset_id -= 1
        ward = WARDS[rng.randrange(len(WARDS))]
        story_key = _STORY_KEYS[(i // 4) % len(_STORY_KEYS)] if i % 4 == 2 else None
        title = ""
        if story_key:
            story = STORIES[story_key]
            title = _swap_ward(story.title, story.ward, ward)
            lead = _swap_ward(story.lead or story.paragraphs[0], story.ward, ward)
            lead = re.sub(r"\b\d{1,2}/\d{1,2}\b", f"{when.day}/{when.month}", lead, count=1)
        else:
            lead = texts.compose_lead(rng, ward, when.day, when.month, when.year)
        for _ in range(20):
            if title and title not in titles:
                break
            title = texts.compose_title(rng, ward, when.year, (when.month - 1) // 3 + 1)
        else:
            title = f"{title} (lần {i})"
        slug = slugify(title)
        while slug in slugs:  # Liferay de-duplicates URL titles the same way
            slug += "-1"
        titles.add(title)
        slugs.add(slug)
        kind: Kind = _FAULT_AT.get(i, "ok") if faults else "ok"
        form = _FORMS[(i + rng.randrange(2)) % 3]
        entries.append(_GenEntry(asset_id, when, title, slug, ward, lead, form, kind, story_key))
    return entries


def _generated_article(e: _GenEntry, seed: int, neighbours: Sequence[int]) -> DemoArticle:
    """The full article for one entry; seeded by its id so any page can be built on its own."""
    rng = random.Random(seed * 1_000_003 + e.asset_id)
    category = CATEGORIES[SECTION]
    if e.kind in ("http500", "http404", "not_article"):
        return DemoArticle(
            asset_id=e.asset_id,
            path=article_path(SECTION, e.form, e.asset_id, e.slug),
            url_form=e.form,
            kind=e.kind,
            category=category,
            title=e.title,
            slug=e.slug,
            published_at=_iso(e.when),
            dateline_text=None,
            byline=None,
            editor="",
            summary=e.lead,
            body_paragraphs=[],
            view_count=_views(e.asset_id, e.when),
        )
    year = e.when.year
    lead_style: LeadStyle = rng.choices(("sapo", "body", "none"), (14, 4, 2))[0]
    # Benchmark realism: 3-12 paragraphs of 60-250 words.
    counted: list[tuple[str, int]] = []
    story = STORIES[e.story] if e.story else None
    if story:
        # A story without a lead gave its first paragraph to the entry's lead.
        for text in story.paragraphs[0 if story.lead else 1 :]:
            text = _swap_ward(text, story.ward, e.ward)
            counted.append((text, len(text.split())))
    for _ in range(max(0, rng.randint(3, 12) - len(counted))):
        counted.append(texts.compose_paragraph_counted(rng, e.ward, year, rng.randint(60, 220)))
    if lead_style == "none":
        # Without a lead the news still opens with who/what/when: in the first paragraph.
        text, words = counted[0]
        lead_words = len(e.lead.split())
        if words + lead_words > 250:
            text, words = texts.compose_paragraph_counted(rng, e.ward, year, 60)
        counted[0] = (f"{e.lead} {text}", words + lead_words)
    paragraphs = []
    for text, words in counted:
        if words < 60:
            text += " " + texts.compose_paragraph(rng, e.ward, year, 60 - words)
        paragraphs.append(text)
    n_images = rng.choice((0, 1, 1, 2))
    positions = tuple(sorted(rng.sample(range(-1, len(paragraphs)), n_images)))
    photographer = rng.choice(texts.BYLINES[:10])
    captions = [texts.compose_caption(rng, e.ward, photographer) for _ in range(n_images)]
    byline = (
        None
        if rng.random() < 0.08
        else rng.choice(
            (*texts.BYLINES, f"UBND PHƯỜNG {e.ward.upper()}", f"HĐND PHƯỜNG {e.ward.upper()}")
        )
    )
    related = tuple(neighbours[:2]) if rng.random() < 0.05 and len(neighbours) >= 2 else ()
    attachments = ()
    if rng.random() < 0.15:
        number = rng.randint(20, 480)
        attachments = ((f"Kế hoạch số {number}/KH-UBND ngày {_day(e.when)}", f"KH-{number}.pdf"),)
    markup = Markup(
        dateline=rng.choice(_DATELINES),
        lead=lead_style,
        byline=rng.choice(("strong", "texttacgia")),
        container=rng.choice(("p", "div", "mixed")),
        wrapper=rng.choice(("borderless", "section")),
        entities=rng.random() < 0.25,
        image_after=positions,
        related_after=rng.randrange(len(paragraphs) - 1) if related else None,
        related_ids=related,
    )
    base = Story(key="", title=e.title, lead=e.lead, paragraphs=(), byline=byline,
                 attachments=attachments)  # fmt: skip
    return _from_story(
        base,
        asset_id=e.asset_id,
        when=e.when,
        form=e.form,
        kind=e.kind,
        markup=markup,
        category=category,
        editor=texts.EDITORS[e.asset_id % len(texts.EDITORS)],
        thumbnail=e.asset_id % 5 != 0,
        title=e.title,
        slug=e.slug,
        paragraphs=paragraphs,
        lead=e.lead,
        captions=captions,
    )


def _gen_listing_entry(e: _GenEntry) -> _Entry:
    path = article_path(SECTION, e.form, e.asset_id, e.slug)
    thumb = _thumbnail_src(e.asset_id, e.when) if e.asset_id % 5 != 0 else None
    return _make_entry(
        e.asset_id, path, e.title, e.when, e.kind, _esc(shorten(e.lead)), thumb,
        _views(e.asset_id, e.when),
    )  # fmt: skip


# --- The portal --------------------------------------------------------------------------------

Response = tuple[int, dict[str, str], bytes]


class SamplePortal:
    """A Liferay 6.2 district portal held in memory; `respond` answers any request path."""

    start_path = f"/vi/{SECTION}"
    section_category = CATEGORIES[SECTION]
    name = PORTAL_NAME

    def __init__(self, articles: int | None = None, *, seed: int = 2022, faults: bool = True):
        """`articles=None`: the hand-written set. An int N: N generated articles (seeded).

        `faults=False` drops the broken entries (500, 404, error page, missing date) from a
        generated set; the hand-written set always has them.
        """
        self.seed = seed
        self.other_articles: list[DemoArticle] = [
            _bundled_article(spec, n) for n, spec in enumerate(_OTHER_SECTIONS)
        ]
        self._bundled: list[DemoArticle] | None = None
        self._generated: list[_GenEntry] = []
        if articles is None:
            self._bundled = [_bundled_article(spec, n) for n, spec in enumerate(_BUNDLED)]
            self.page_size = 10
            self._entries = [_entry(a) for a in self._bundled]
        else:
            if articles < 0:
                raise ValueError("articles must be >= 0")
            taken = {a.asset_id for a in self.other_articles}
            self._generated = _generate_entries(articles, seed, faults, taken)
            for ward in WARDS:  # build the sentence pools now, not during the first requests
                texts.sentence_pool(ward)
            self.page_size = 20
            self._entries = [_gen_listing_entry(e) for e in self._generated]
        self._index = {e.asset_id: i for i, e in enumerate(self._entries)}
        self._by_slug = {_slug_of(e.path): i for i, e in enumerate(self._entries)}
        self._others = {a.asset_id: a for a in self.other_articles}
        self._others_by_slug = {a.slug: a for a in self.other_articles}
        # Generated articles are rebuilt on demand; a small cache covers a page and its links.
        self._article_at = lru_cache(maxsize=256)(self._build_article)
        self._render = _Renderer(self)

    # The catalogue ------------------------------------------------------------------------------

    @cached_property
    def articles(self) -> list[DemoArticle]:
        """The section's listed articles, newest first (built on first use in generated mode)."""
        if self._bundled is not None:
            return list(self._bundled)
        return [self._build_article(i) for i in range(len(self._entries))]

    @property
    def article_count(self) -> int:
        return len(self._entries)

    def article(self, index: int) -> DemoArticle:
        """The index-th listed article (newest first) without building the whole list."""
        return self._article_at(index)

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self._entries) // self.page_size))

    def listing_path(self, page: int) -> str:
        """Page 1 is start_path; later pages use Liferay's non-friendly query URL."""
        if page == 1:
            return self.start_path
        return listing_path(SECTION, page, self.page_size)

    def find(self, path_qs: str) -> DemoArticle | None:
        """The article a URL (any of the three forms) points to, listed or not."""
        found = _route(path_qs)
        if found[0] != "article":
            return None
        return self._lookup(found[2], found[3])

    def _build_article(self, index: int) -> DemoArticle:
        if self._bundled is not None:
            return self._bundled[index]
        neighbours = [e.asset_id for e in self._generated[index + 1 : index + 3]]
        return _generated_article(self._generated[index], self.seed, neighbours)

    def _lookup(self, asset_id: int | None, slug: str | None) -> DemoArticle | None:
        if asset_id is not None:
            if asset_id in self._index:
                return self.article(self._index[asset_id])
            return self._others.get(asset_id)
        if slug is not None:
            if slug in self._by_slug:
                return self.article(self._by_slug[slug])
            return self._others_by_slug.get(slug)
        return None

    def entries(self) -> list[_Entry]:
        return self._entries

    def position(self, asset_id: int, entries: Sequence[_Entry]) -> int:
        """Where an article sits in `entries` (its section's list); -1 if absent."""
        if entries is self._entries:
            return self._index.get(asset_id, -1)
        return next((i for i, e in enumerate(entries) if e.asset_id == asset_id), -1)

    def entry_of(self, asset_id: int) -> _Entry | None:
        i = self._index.get(asset_id)
        if i is not None:
            return self._entries[i]
        other = self._others.get(asset_id)
        return _entry(other) if other else None

    # Requests -----------------------------------------------------------------------------------

    def respond(self, path_qs: str) -> Response:
        """Status, headers and body for a request target (path with query, or a full URL)."""
        route, page, asset_id, slug, query = _route(path_qs)
        r = self._render
        if route == "robots":
            return _text(200, ROBOTS_TXT, "text/plain; charset=utf-8")
        if route == "home":
            return _page(200, r.home())
        if route == "listing":
            cur = _int(query.get("_101_cur"), 1)
            delta = min(max(_int(query.get("_101_delta"), self.page_size), 1), 200)
            return _page(200, r.listing(page, cur, delta))
        if route == "article":
            article = self._lookup(asset_id, slug)
            if article is None:
                return _page(404, r.not_found(path_qs))
            if article.kind == "http500":
                return _page(500, SERVER_ERROR_HTML)
            if article.kind == "http404":
                return _page(404, r.not_found(path_qs))
            if article.kind == "not_article":
                return _page(200, r.missing_asset(page))
            return _page(200, r.article(article))
        if route == "static":
            return _page(200, r.static(page))
        if route == "login":
            return _page(200, r.static("dang-nhap"))
        if route == "file":
            return self._file(page)
        if route == "css":
            return _text(200, THEME_CSS, "text/css; charset=utf-8")
        return _page(404, r.not_found(path_qs))

    def _file(self, path: str) -> Response:
        """Documents (attachments) and images. Images are a 1x1 placeholder."""
        m = re.fullmatch(r"/documents/\d+/(\d+)/([^/]+)(?:/[0-9a-f-]+)?", path)
        if m:
            article = self._lookup(int(m[1]), None)
            if article and article.has_page:
                for att in article.attachments:
                    if att.url.rsplit("/", 1)[1] == m[2]:
                        return _document(m[2], article.title)
            if m[2].lower().endswith((".jpg", ".png")):
                return _text(200, PLACEHOLDER_GIF, "image/gif")
            return _page(404, self._render.not_found(path))
        return _text(200, PLACEHOLDER_GIF, "image/gif")


def _slug_of(path: str) -> str:
    if "/content/" in path:
        return path.rsplit("/", 1)[1]
    return ""


def _int(values: list[str] | None, default: int) -> int:
    try:
        return int(values[0]) if values else default
    except ValueError:
        return default


# --- Routing -----------------------------------------------------------------------------------

_VIEW_CONTENT = re.compile(r"view_content/(\d+)(?:-[^/]*)?\.html")
_ASSET_PUBLISHER = re.compile(r"asset_publisher/[^/]+/content/([^/]+)")
STATIC_PAGES = {
    "gioi-thieu": "Giới thiệu",
    "co-cau-to-chuc": "Cơ cấu tổ chức",
    "chuc-nang-nhiem-vu": "Chức năng nhiệm vụ",
    "lien-he": "Liên hệ",
    "thu-tuc-hanh-chinh": "Thủ tục hành chính",
    "van-ban-chi-dao": "Văn bản chỉ đạo điều hành",
    "lich-cong-tac": "Lịch công tác",
    "dang-nhap": "Đăng nhập",
}

RouteResult = tuple[str, str, int | None, str | None, dict[str, list[str]]]


def _route(path_qs: str) -> RouteResult:
    """(route, page, asset id, url title, query) for a request target."""
    split = urlsplit(path_qs)
    path = unquote(split.path) or "/"
    query = parse_qs(split.query, keep_blank_values=True)
    if path == "/robots.txt":
        return "robots", "", None, None, query
    if path.startswith(("/documents/", "/image/")):
        return "file", path, None, None, query
    if path == "/songlam-theme/css/main.css":
        return "css", "", None, None, query
    if path.startswith("/songlam-theme/images/"):
        return "file", path, None, None, query
    if path in ("/c/portal/login", "/vi/c/portal/login"):
        return "login", "", None, None, query
    if path.startswith("/vi/") or path == "/vi":
        path = path[3:] or "/"
    if path in ("/", "/trang-chu", "/web/guest", "/web/guest/home"):
        return "home", "", None, None, query
    page, sep, tail = path[1:].partition("/-/")
    if sep and page in CATEGORIES:
        if m := _VIEW_CONTENT.fullmatch(tail):
            return "article", page, int(m[1]), None, query
        if m := _ASSET_PUBLISHER.fullmatch(tail):
            return "article", page, None, m[1], query
        return "none", page, None, None, query
    if page in CATEGORIES:
        if query.get("_101_struts_action") == ["/asset_publisher/view_content"]:
            asset_id = _int(query.get("_101_assetEntryId"), -1)
            return "article", page, asset_id, None, query
        return "listing", page, None, None, query
    if page in STATIC_PAGES:
        return "static", page, None, None, query
    return "none", page, None, None, query


def _page(status: int, body: str | bytes) -> Response:
    return _text(status, body, "text/html; charset=utf-8")


def _text(status: int, body: str | bytes, content_type: str) -> Response:
    data = body.encode("utf-8") if isinstance(body, str) else body
    headers = {
        "Content-Type": content_type,
        "Content-Length": str(len(data)),
        # What Liferay 6.2 CE sends with every response: part of the platform fingerprint.
        "Liferay-Portal": "Liferay Portal Community Edition 6.2 CE GA6 (Newton / Build 6205 / "
        "January 6, 2016)",
    }
    return status, headers, data


def _document(filename: str, title: str) -> Response:
    if filename.lower().endswith(".pdf"):
        return _text(200, _tiny_pdf(title), "application/pdf")
    # Word files on these portals are often RTF saved as .doc; Word opens it either way.
    rtf = "{\\rtf1\\ansi " + slugify(title).replace("-", " ") + "\\par}"
    return _text(200, rtf.encode("ascii"), "application/msword")


def _tiny_pdf(title: str) -> bytes:
    """A valid one-page PDF, so a crawler that fetches attachments gets a real document."""
    text = slugify(title).replace("-", " ")[:80]
    stream = f"BT /F1 12 Tf 50 750 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>"
        ),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


ROBOTS_TXT = "User-agent: *\nDisallow: /c/portal/login\nDisallow: /vi/c/portal/login\n"

PLACEHOLDER_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xdd\xdd\xdd\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)

SERVER_ERROR_HTML = (
    "<!DOCTYPE html><html><head><title>Apache Tomcat/7.0.62 - Error report</title></head>"
    "<body><h1>HTTP Status 500 - </h1><hr/><p><b>type</b> Exception report</p>"
    "<p><b>description</b> The server encountered an internal error that prevented it from "
    "fulfilling this request.</p><p><b>exception</b></p><pre>javax.servlet.ServletException: "
    "java.lang.NullPointerException</pre><hr/><h3>Apache Tomcat/7.0.62</h3></body></html>"
)

THEME_CSS = """body{margin:0;font:14px/1.5 Arial,sans-serif;color:#222}
#header{background:#b71c1c;color:#fff;padding:18px 24px}
#header .site-name{color:#fff;font-size:22px;font-weight:bold;text-decoration:none}
#navigation ul.navi{margin:0;padding:0 24px;background:#8e0000;list-style:none}
#navigation ul.navi>li{display:inline-block;position:relative}
#navigation ul.navi>li>a{display:block;padding:8px 12px;color:#fff;text-decoration:none}
#navigation .child-menu,.nav-search{display:none}
#main-content{padding:12px 24px;overflow:hidden}
.span9{float:left;width:72%}.span3{float:right;width:26%}
.asset-bounddary{border-bottom:1px solid #ddd;padding:8px 0;overflow:hidden}
.asset-image{float:left;margin-right:10px}.asset-image img{width:160px;height:100px;background:#ddd}
.asset-title{margin:0 0 4px;font-size:16px}.block_timer{color:#777;font-size:12px}
.asset-full-content-title{font-size:22px;font-weight:bold;margin:8px 0}
.sapo-wrapper img{width:250px;height:160px;background:#ddd}
.journal-content-article img{max-width:100%;background:#ddd;min-height:200px}
.dropdown-menu{display:none}.pager li{display:inline-block;margin-right:8px}
.portlet-title{font-size:15px;text-transform:uppercase;border-bottom:2px solid #b71c1c}
.list-news{list-style:none;padding:0}.news-item{overflow:hidden;margin-bottom:8px}
.news-image img{float:left;width:80px;height:56px;margin-right:8px;background:#ddd}
.news-item h3{font-size:14px;margin:0}
.footer-wrapper{clear:both;background:#eee;padding:12px 24px;font-size:12px}
"""


# --- Markup ------------------------------------------------------------------------------------


_JS_ESCAPES = [(c, f"\\x{ord(c):02x}") for c in "/?&=.:-"]


def _js_escape(text: str) -> str:
    # Liferay writes URLs into inline scripts with \x2f-style escapes. (A replace chain: on
    # short strings it is ~20x faster than str.translate with a dict.)
    for char, escaped in _JS_ESCAPES:
        text = text.replace(char, escaped)
    return text


_CSS_QS = "browserId=other&amp;themeId=songlam_WAR_songlamtheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6205"
_LIFERAY_JS = (
    "var Liferay={Browser:{acceptsGzip:function(){return true},getMajorVersion:function(){return 0"
    '},isIe:function(){return false},isMobile:function(){return false}},Data:{NAV_SELECTOR:"#navi'
    'gation",isCustomizationView:function(){return false},notices:[null]},ThemeDisplay:{getLayout'
    'Id:function(){return"@LAYOUT@"},getLayoutURL:function(){return"@LAYOUT_URL@"},getParentLayout'
    'Id:function(){return"0"},isPrivateLayout:function(){return"false"},isVirtualLayout:function()'
    '{return false},getBCP47LanguageId:function(){return"vi-VN"},getCompanyId:function(){return"1'
    '0155"},getCompanyGroupId:function(){return"10195"},getDefaultLanguageId:function(){return"vi_'
    'VN"},getLanguageId:function(){return"vi_VN"},getParentGroupId:function(){return"20182"},getPa'
    'thContext:function(){return""},getPathImage:function(){return"/image"},getPathJavaScript:func'
    'tion(){return"/html/js"},getPathMain:function(){return"/vi/c"},getPathThemeImages:function(){'
    'return"/songlam-theme/images"},getPathThemeRoot:function(){return"/songlam-theme"},getPlid:fu'
    'nction(){return"@PLID@"},getScopeGroupId:function(){return"20182"},getSiteGroupId:function(){'
    'return"20182"},getUserId:function(){return"10159"},getUserName:function(){return""},isSignedI'
    "n:function(){return false},isStateMaximized:function(){return false},isStatePopUp:function(){"
    "return false}},PropsValues:{NTLM_AUTH_ENABLED:false}};var themeDisplay=Liferay.ThemeDisplay;L"
    'iferay.AUI={getFilter:function(){return"min"}};Liferay.authToken="";Liferay.currentURL="@CURR'
    'ENT@";Liferay.currentURLEncoded="@CURRENT_ENC@";'
)
_LAYOUTS = {"": (1, 20190), SECTION: (23, 20231), "thong-bao": (24, 20233)}


_JS_PARTS = re.split(r"@([A-Z_]+)@", _LIFERAY_JS)  # literal, name, literal, name, ...


def _head(title: str, canonical: str, page: str, current: str, extra_meta: str = "") -> str:
    layout_id, plid = _LAYOUTS.get(page, (31, 20260))
    values = {
        "LAYOUT": str(layout_id),
        "LAYOUT_URL": f"/vi/{page}" if page else "/vi/trang-chu",
        "PLID": str(plid),
        "CURRENT": _js_escape(current),
        "CURRENT_ENC": _js_escape(current.replace("/", "%2F")),
    }
    js = "".join(values[part] if i % 2 else part for i, part in enumerate(_JS_PARTS))
    canonical = _attr(canonical)
    return (
        '<!DOCTYPE html> <html class="aui ltr" dir="ltr" lang="vi-VN"> <head> '
        f"<title>{_esc(title)}</title> "
        '<meta content="text/html; charset=UTF-8" http-equiv="content-type" /> '
        f"{extra_meta}"
        '<link href="/songlam-theme/images/favicon.ico" rel="Shortcut Icon" /> '
        f'<link href="{canonical}" rel="canonical" /> '
        f'<link href="{canonical}" hreflang="x-default" rel="alternate" /> '
        f'<link href="{canonical}" hreflang="vi-VN" rel="alternate" /> '
        f'<link class="lfr-css-file" href="/songlam-theme/css/aui.css?{_CSS_QS}&amp;t=1621993502000"'
        ' rel="stylesheet" type="text/css" /> '
        f'<link href="/html/css/main.css?{_CSS_QS}&amp;t=1621993441000" rel="stylesheet"'
        ' type="text/css" /> '
        f'<link href="/point-portal-ddlk-portlet/css/main.css?{_CSS_QS}&amp;t=1653961005000"'
        ' rel="stylesheet" type="text/css" /> '
        f'<link href="/html/portlet/asset_publisher/css/main.css?{_CSS_QS}&amp;t=1640935147000"'
        ' rel="stylesheet" type="text/css" /> '
        f'<link href="/portal-newspublisher-portlet/css/main.css?{_CSS_QS}&amp;t=1653961076000"'
        ' rel="stylesheet" type="text/css" /> '
        f'<script type="text/javascript">{js}</script> '
        '<script src="/html/js/barebone.jsp?browserId=other&amp;themeId=songlam_WAR_songlamtheme'
        '&amp;colorSchemeId=01&amp;minifierType=js&amp;languageId=vi_VN&amp;b=6205"'
        ' type="text/javascript"></script> '
        '<link class="lfr-css-file" href="/songlam-theme/css/main.css" rel="stylesheet"'
        ' type="text/css" /> </head> '
        '<body class=" yui3-skin-sam controls-visible signed-out public-page site"> '
        '<a href="#main-content" id="skip-to-content">Truy cập nội dung luôn</a> '
    )


_NAV_ITEMS = (
    ("trang-chu", "Trang chủ", ()),
    ("gioi-thieu", "Giới thiệu", (("co-cau-to-chuc", "Cơ cấu tổ chức"),
                                  ("chuc-nang-nhiem-vu", "Chức năng nhiệm vụ"))),
    (SECTION, "Tin tức sự kiện", (("thong-bao", "Thông báo"),
                                  ("cai-cach-hanh-chinh", "Cải cách hành chính"))),
    ("van-ban-chi-dao", "Văn bản chỉ đạo điều hành", ()),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính", ()),
    ("lien-he", "Liên hệ", ()),
)  # fmt: skip


@lru_cache(maxsize=32)
def _header(active: str) -> bytes:
    items = []
    for page, label, children in _NAV_ITEMS:
        kids = {c for c, _ in children}
        cls = " active" if active == page or active in kids else ""
        sub = ""
        if children:
            sub = (
                ' <ul class="child-menu"> '
                + " ".join(
                    f'<li class="{"selected" if c == active else ""}"> <a href="/vi/{c}" >{t}</a>'
                    " </li>"
                    for c, t in children
                )
                + " </ul>"
            )
        items.append(f'<li class="{cls}" > <a href="/vi/{page}" >{label}</a>{sub} </li>')
    return (
        '<div class="body"> <div id="header"> <div class="boder_top1"> <div id="contentheader"> '
        f'<a class="logo" href="/vi/trang-chu" title="{PORTAL_NAME}"><span class="site-name">'
        "CỔNG THÔNG TIN ĐIỆN TỬ QUẬN SÔNG LAM</span></a> "
        '<div class="egov_date"> <div id="point_portal_egov_date"></div> '
        '<div id="point_portal_egov_clock"></div> </div> </div> </div> </div> '
        '<div> <nav id="navigation" role="navigation"> <div id="menu"> '
        '<div class="center clearfix"> <ul class="navi"> '
        + " ".join(items)
        + ' </ul> <div class="nav-search"> <input type="text" name="search"'
        ' value="  ---Nhập từ tìm kiếm---  " class="txtTimKiem" id="txtTimKiem"/>'
        ' <input type="button" onclick="return Search_onclick();" class="search_button"'
        ' id="btn_search"> </div> </div> </div> </nav> </div> '
        # The unquoted attribute below is in the real theme too; parsers must cope.
        '<div class"after_main"></div> <div id="main"> '
        '<div class="songlam_main" id="main-content" role="main"> '
        '<div class="portlet-layout row-fluid"> '
        '<div class="portlet-column portlet-column-first span9" id="column-1"> '
        '<div class="portlet-dropzone portlet-column-content portlet-column-content-first"'
        ' id="layout-column_column-1"> '
    ).encode()


_FOOTER = (
    '<form action="#" id="hrefFm" method="post" name="hrefFm"> <span></span> </form> </div> '
    '<div class="footer-wrapper"> <div id="footer" class="clearfix"> '
    '<p class="vetrang"><a style="color: #0D03E6;" href="#">| Về đầu trang |</a>'
    '<a style="color: #0D03E6;" href="/c/portal/login"> Đăng nhập |</a> '
    '<div class="footleft"> <h3>CỔNG THÔNG TIN ĐIỆN TỬ QUẬN SÔNG LAM</h3> '
    "<p>Cơ quan chủ quản: Ủy ban nhân dân quận Sông Lam. Địa chỉ: Số 12 đường Hoàng Minh, "
    "phường An Thịnh, quận Sông Lam - Điện thoại: (024) 3000 1234</p> "
    # The real footers mix raw UTF-8 with numeric character references.
    "<p>B&#7897; ph&#7853;n ti&#7871;p nh&#7853;n v&agrave; tr&#7843; k&#7871;t qu&#7843;: "
    "(024) 3000 5678; Email: ubnd_songlam@example.invalid<br> Ghi rõ nguồn “Cổng thông tin "
    "điện tử quận Sông Lam” khi phát hành lại thông tin từ nguồn này.</p><br> </div> </div> "
    "</div> </div> "
    '<script type="text/javascript">Liferay.Util.addInputFocus();</script> '
)


def _site_map_portlet(instance: str, title: str, links: Sequence[tuple[str, str]]) -> str:
    lis = "".join(f'<li><a href="/vi/{p}" > {t}</a></li>' for p, t in links)
    return (
        '<div class="portlet-boundary portlet-boundary_85_ portlet-static portlet-static-end'
        f' portlet-site-map " id="p_p_id_85_INSTANCE_{instance}_" >'
        f' <span id="p_85_INSTANCE_{instance}"></span>'
        f' <section class="portlet" id="portlet_85_INSTANCE_{instance}">'
        ' <header class="portlet-topper"> <h1 class="portlet-title">'
        ' <span class="portlet-title-icon"> &nbsp; </span>'
        f' <span class="portlet-title-text">{title}</span> </h1>'
        f' <menu class="portlet-topper-toolbar" id="portlet-topper-toolbar_85_INSTANCE_{instance}"'
        ' type="toolbar"> </menu> </header> <div class="portlet-content">'
        ' <div class=" portlet-content-container" style=""> <div class="portlet-body">'
        f" <ul>{lis}</ul> </div> </div> </div> </section> </div> "
    )


_SIDEBAR_TAIL = (
    _site_map_portlet(
        "Pw3sKd8RtY1e",
        "Thủ tục hành chính",
        (
            ("thu-tuc-hanh-chinh", "Bộ thủ tục hành chính"),
            ("cai-cach-hanh-chinh", "Cải cách hành chính"),
        ),
    )
    + _site_map_portlet(
        "Zb6nVc2QxL0u",
        "Thông tin chỉ đạo điều hành",
        (("van-ban-chi-dao", "Văn bản chỉ đạo điều hành"), ("lich-cong-tac", "Lịch công tác")),
    )
    + '<div class="portlet-boundary portlet-boundary_2_WAR_portallienketportlet_ portlet-static'
    ' portlet-static-end weblink-client-portlet "'
    ' id="p_p_id_2_WAR_portallienketportlet_INSTANCE_Mf4rTg7WqE2s_" >'
    ' <span id="p_2_WAR_portallienketportlet_INSTANCE_Mf4rTg7WqE2s"></span>'
    ' <section class="portlet" id="portlet_2_WAR_portallienketportlet_INSTANCE_Mf4rTg7WqE2s">'
    ' <header class="portlet-topper"> <h1 class="portlet-title">'
    ' <span class="portlet-title-icon"> &nbsp; </span>'
    ' <span class="portlet-title-text">LIÊN KẾT WEBSITE</span> </h1> </header>'
    ' <div class="portlet-content"> <div class=" portlet-content-container" style="">'
    ' <div class="portlet-body"> <div class="weblink-client-wrapper"> <div class="control-group">'
    ' <select class="aui-field-select" onChange="openSelectedWeblink(this.value);" >'
    ' <option class="" value="#" > Chọn liên kết </option>'
    ' <option class="" value="https://chinhphu.vn/" > Cổng TTĐT Chính phủ </option>'
    ' <option class="" value="https://dichvucong.gov.vn/" > Cổng Dịch vụ công quốc gia </option>'
    " </select> </div> </div> </div> </div> </div> </section> </div> "
)

_COLUMN_BREAK = (
    "</div> </div> "
    '<div class="portlet-column portlet-column-last span3" id="column-2"> '
    '<div class="portlet-dropzone portlet-column-content portlet-column-content-last"'
    ' id="layout-column_column-2"> '
)
_COLUMNS_END = "</div> </div> </div> </div> "
# Pages are mostly chrome; encoding it once per process, not per request, halves render time.
_COLUMN_BREAK_B = _COLUMN_BREAK.encode()
_SIDEBAR_END_B = (_SIDEBAR_TAIL + _COLUMNS_END + _FOOTER).encode()
_PAGE_END_B = b"</body> </html>"


def _breadcrumb(label: str) -> str:
    return (
        '<div class="portlet-boundary portlet-boundary_ddlk_WAR_pointportalddlkportlet_ '
        " portlet-static portlet-static-end portlet-borderless ddlk-portlet "
        '" id="p_p_id_ddlk_WAR_pointportalddlkportlet_INSTANCE_Hn4kQ2vL8xRe_" >'
        ' <span id="p_ddlk_WAR_pointportalddlkportlet_INSTANCE_Hn4kQ2vL8xRe"></span>'
        ' <div class="portlet-borderless-container" style=""> <div class="portlet-body">'
        ' <div class="dd_chuyenmuc"> <span class="trangchu"><a href="/vi/trang-chu">Trang chủ</a>'
        f'</span> <span class="tintuc"><p>{label}</p></span> </div> </div> </div> </div> '
    )


def _portlet_101(inner: str, title: str | None) -> str:
    """The asset publisher portlet: borderless, or a <section> with its own <h1> title."""
    opening, closing = _portlet_101_frame(title)
    return f"{opening}{inner}{closing}"


@lru_cache(maxsize=16)
def _portlet_101_frame(title: str | None) -> tuple[str, str]:
    if title is None:
        return (
            (
                '<div class="portlet-boundary portlet-boundary_101_  portlet-static'
                ' portlet-static-end portlet-borderless portlet-asset-publisher " id="p_p_id_101_" >'
                ' <span id="p_101"></span> <div class="portlet-borderless-container" style="">'
                ' <div class="portlet-body"> '
            ),
            " </div> </div> </div> ",
        )
    return (
        (
            '<div class="portlet-boundary portlet-boundary_101_  portlet-static portlet-static-end'
            ' portlet-asset-publisher " id="p_p_id_101_" > <span id="p_101"></span>'
            ' <section class="portlet" id="portlet_101"> <header class="portlet-topper">'
            ' <h1 class="portlet-title"> <span class="portlet-title-icon"> &nbsp; </span>'
            f' <span class="portlet-title-text">{title}</span> </h1>'
            ' <menu class="portlet-topper-toolbar" id="portlet-topper-toolbar_101" type="toolbar">'
            ' </menu> </header> <div class="portlet-content">'
            ' <div class=" portlet-content-container" style=""> <div class="portlet-body"> '
        ),
        " </div> </div> </div> </section> </div> ",
    )


@lru_cache(maxsize=64)
def _page_options(page: str, pages: int, delta: int, relative: bool) -> bytes:
    """The page-number dropdown, identical on every page of a listing (ASCII, kept as bytes)."""
    first = listing_path(page, 1, delta)
    template = _attr(first.removeprefix("/vi/") if relative else first)[: -len("=1")] + "="
    return " ".join(
        '<li class="custom-paging" role="presentation">'
        f' <a href="{template}{k}" class=" taglib-icon" id="_101_kldx_column1_1_menu_{k}"'
        f' role="menuitem" > <span class="taglib-text-icon">{k}</span> </a> </li>'
        for k in range(1, pages + 1)
    ).encode()


_BYLINE_TEXTTACGIA = (
    '<p class="tintomtat textnoidung texttacgia" style="border: 0.0px;font-family: arial;'
    'outline-width: 0.0px;color: rgb(0,0,0);text-align: right;"> <b> <em style="border: 0.0px;'
    'font-family: inherit;outline: 0.0px;text-align: justify;">{}</em></b></p>'
)


class _Renderer:
    """Writes the portal's pages. One instance per portal; holds no per-request state."""

    def __init__(self, portal: SamplePortal) -> None:
        self.portal = portal

    # Shared chrome ------------------------------------------------------------------------------

    def _document(
        self,
        *,
        title: str,
        canonical: str,
        page: str,
        column1: str | bytes,
        column2: bytes = b"",
        meta: str = "",
        scripts: str = "",
    ) -> bytes:
        return b"".join(
            (
                _head(title, canonical, page, canonical, meta).encode(),
                _header(page),
                column1 if isinstance(column1, bytes) else column1.encode(),
                _COLUMN_BREAK_B,
                column2,
                _SIDEBAR_END_B,
                scripts.encode(),
                _PAGE_END_B,
            )
        )

    @cached_property
    def _hot_news(self) -> bytes:
        """The "Tin nổi bật" box: links to articles of OTHER sections, a trap for crawlers."""
        items = []
        for a in self.portal.other_articles:
            thumb = a.thumbnail or "/songlam-theme/images/no-image.jpg"
            items.append(
                f'<li class="news-item"> <a class="news-image" href="{_attr(a.path)}">'
                f'<img src="{_attr(thumb)}" alt="" /></a> <h3 class="asset-title">'
                f'<a href="{_attr(a.path)}">{_esc(a.title)}</a></h3> <span class="news-date">'
                f"({_day(datetime.fromisoformat(a.published_at))})</span> </li>"
            )
        instance = "T7nPq2LxWm4K"
        return (
            '<div class="portlet-boundary portlet-boundary_newspublisher_WAR_portalnewspublisher'
            'portlet_ portlet-static portlet-static-end newspublisher-portlet "'
            f' id="p_p_id_newspublisher_WAR_portalnewspublisherportlet_INSTANCE_{instance}_" >'
            f' <span id="p_newspublisher_WAR_portalnewspublisherportlet_INSTANCE_{instance}"></span>'
            ' <section class="portlet"'
            f' id="portlet_newspublisher_WAR_portalnewspublisherportlet_INSTANCE_{instance}">'
            ' <header class="portlet-topper"> <h1 class="portlet-title">'
            ' <span class="portlet-title-icon"> &nbsp; </span>'
            ' <span class="portlet-title-text">Tin nổi bật</span> </h1> </header>'
            ' <div class="portlet-content"> <div class=" portlet-content-container" style="">'
            ' <div class="portlet-body"> <div class="news-publisher hot-news">'
            f' <ul class="list-news"> {" ".join(items)} </ul> </div> </div> </div> </div>'
            " </section> </div> "
        ).encode()

    # Listing ------------------------------------------------------------------------------------

    def _category_entries(self, page: str) -> list[_Entry]:
        if page == SECTION:
            return self.portal.entries()
        name = CATEGORIES[page]
        return [_entry(a) for a in self.portal.other_articles if a.category == name]

    def listing(self, page: str, cur: int, delta: int) -> bytes:
        entries = self._category_entries(page)
        pages = max(1, -(-len(entries) // delta))
        cur = min(max(cur, 1), pages)  # Liferay's search container clamps the page number
        shown = entries[(cur - 1) * delta : cur * delta]
        # Real portals mix relative and root-relative hrefs; odd pages here use relative ones.
        relative = cur % 2 == 1
        items = " ".join(self._listing_item(e, relative) for e in shown)
        category = CATEGORIES[page]
        opening, closing = _portlet_101_frame(category)
        head = (
            f"{_breadcrumb(category)}{opening}"
            '<div class="lfr-meta-actions add-asset-selector"> </div>'
            f' <div class="subscribe-action"> </div> {items} '
        )
        pager = self._pager(page, cur, pages, delta, len(entries), relative)
        canonical = f"/vi/{page}" if cur == 1 else listing_path(page, cur, delta)
        return self._document(
            title=f"{category} - {PORTAL_NAME}",
            canonical=canonical,
            page=page,
            column1=b"".join((head.encode(), pager, closing.encode())),
            column2=self._hot_news,
            meta=f'<meta content="{_attr(category.lower())}" lang="vi-VN" name="keywords" /> ',
            # The theme relabels the "next" button in the browser; the HTML says "next".
            scripts='<script type="text/javascript">$("ul.pager.lfr-pagination-buttons'
            ' li:nth-child(3) a").text("Tiếp");</script> ',
        )

    @staticmethod
    def _listing_item(e: _Entry, relative: bool) -> str:
        href = e.href_rel if relative else e.href_abs
        if e.thumb_html:
            image = (
                f'<div class="asset-image"> <a href="{href}"><img src="{e.thumb_html}" alt=""/>'
                '</a> </div> <div class="asset-content-custom" >'
            )
        else:  # no picture: the text block takes the whole width
            image = '<div class="asset-content-custom" style="margin-left: 0" >'
        return (
            '<div class="asset-bounddary"> <div class="asset-abstract ">'
            ' <!-- <div class="asset_actions_custom_style"> </div> -->'
            f' <div class="asset-content normal-news"> {image}'
            f' <h3 class="asset-title"> <a href="{href}">{e.title_html}</a> </h3>'
            f' <div class="assetPublishDate block_timer"> {e.date_html} </div>'
            f' <div class="asset-summary"> {e.summary_html} </div> </div> </div>'
            ' <div class="asset-metadata"> </div> </div> </div>'
        )

    @staticmethod
    def _pager(page: str, cur: int, pages: int, delta: int, total: int, relative: bool) -> bytes:
        def href(k: int) -> str:
            path = listing_path(page, k, delta)
            return _attr(path.removeprefix("/vi/") if relative else path)

        def button(label: str, k: int, enabled: bool, extra: str = "") -> str:
            cls = ("" if enabled else "disabled") + extra
            target = href(k) if enabled else "javascript:;"
            return f'<li class="{cls}"> <a href="{target}" target="_self"> {label} </a> </li>'

        first = (cur - 1) * delta + 1 if total else 0
        last = min(cur * delta, total)
        selector = (
            '<div class="taglib-page-iterator" id="_101_ocerSearchContainerPageIterator">'
            ' <div class="clearfix lfr-pagination"> <div class="lfr-pagination-config">'
            ' <div class="lfr-pagination-page-selector">'
            ' <div class="btn-group lfr-icon-menu current-page-menu custom-paging">'
            '<a class="dropdown-toggle direction-down max-display-items-15 btn"'
            f' href="javascript:;" id="_101_kldx_column1_1_menu" title=" {cur} ">'
            f'<span class="lfr-icon-menu-text"> {cur} </span><i class="caret"></i> </a>'
            '<ul class="dropdown-menu lfr-menu-list direction-down"> '
        )
        buttons = (
            " </ul></div> </div>"
            ' <div class="lfr-pagination-delta-selector"> <div style="margin-right: 5px"> Trang'
            " </div> </div> </div>"
            f' <small class="search-results"> Hiển thị {first} - {last} of'
            f" {total:,} kết quả. </small>".replace(",", ".")
            + ' <ul class="pager lfr-pagination-buttons"> '
            + button("&larr; Đầu tiên", 1, cur > 1, " first")
            + " "
            + button("Trước", cur - 1, cur > 1)
            + " "
            + button("next", cur + 1, cur < pages)
            + " "
            + button("Cuối cùng &rarr;", pages, cur < pages, " last")
            + " </ul> </div> </div>"
        )
        options = _page_options(page, pages, delta, relative)
        return b"".join((selector.encode(), options, buttons.encode()))

    # Article ------------------------------------------------------------------------------------

    def article(self, a: DemoArticle) -> bytes:
        m = a.markup
        date_div = ""
        if a.kind != "no_date":
            raw, _ = dateline(m.dateline, datetime.fromisoformat(a.published_at), a.view_count)
            date_div = f'<div class="assetPublishDate block_timer">{raw}</div> '
        thumb = ""
        if a.thumbnail:
            thumb = (
                f'<img src="{_attr(a.thumbnail)}" alt="" class="pull-left" style="margin-right:'
                ' 5px; width: 250px; padding: 0 10px 10px 0;"> '
            )
        sapo = _esc(a.summary) if a.summary and m.lead == "sapo" else ""
        wrapper_open, wrapper_close = _portlet_101_frame(
            a.category if m.wrapper == "section" else None
        )
        head = (
            f"{_breadcrumb(a.category)}{wrapper_open}"
            f'<div> <div class="asset-full-content-title">{_esc(a.title)}</div> {date_div}'
            '<div class="asset-full-content  show-asset-title"> <!--\n -->'
            f' <div class="asset-content" id="_101_{a.asset_id}">'
            f' <div class="sapo-wrapper clearfix"> {thumb}<p class="sapo">'
            f' <strong>{sapo}</strong> </p> </div> <div class="journal-content-article">\n\t'
        )
        body = self._body(a)
        if m.entities:
            body = _entities(body)
        tail = (
            f' <p align="right" class="view-content-author"> <strong><em>{_esc(a.editor)}</em>'
            "</strong> </p> </div> </div> </div>"
            f" {self._controls(a)} {self._related(a)} </div>{wrapper_close}"
        )
        description = shorten(a.summary or (a.body_paragraphs or [""])[0])
        # Liferay double-escapes "&" in the description and writes quotes as &#034;.
        description = (
            description.replace("&", "&amp;amp;").replace("<", "&lt;").replace('"', "&#034;")
        )
        meta = (
            f'<meta content="{description}" lang="vi-VN" name="description" /> '
            f'<meta content="tin tức - sự kiện,{_attr(a.category.lower())}" lang="vi-VN"'
            ' name="keywords" /> '
        )
        return self._document(
            title=f"{a.title} - {a.category} - {PORTAL_NAME}",
            canonical=a.path,
            page=a.page,
            column1=f"{head}{body}{tail}",
            meta=meta,
        )

    def _body(self, a: DemoArticle) -> str:
        """The article's rich text: paragraphs, images, table, links, byline (not the editor)."""
        m = a.markup
        after: dict[int, list[DemoImage]] = {}
        for img, pos in zip(a.images, m.image_after, strict=False):
            after.setdefault(pos, []).append(img)
        blocks: list[str] = []
        if m.lead == "body" and a.summary:
            blocks.append(f"<p><strong><em>{_esc(a.summary)}</em></strong></p>")
        n = 0  # counts blocks so "mixed" alternates <p> and <div>

        def image(img: DemoImage) -> str:
            nonlocal n
            n += 1
            caption = _esc(img.caption or "")
            if m.container == "p" or (m.container == "mixed" and n % 2):
                return (
                    f'<p align="center"><img src="{_attr(img.src)}" style="width: 600px;'
                    f' height: 400px;" /></p> <p align="center"><em>{caption}</em></p>'
                )
            return (
                f'<div style="text-align: center;"> <img alt="" src="{_attr(img.src)}"'
                ' style="width: 700.0px;height: 466.0px;border-width: 1.0px;border-style: solid;'
                'border-color: rgb(203,204,206);" /></div> <div style="text-align: center;">'
                ' <span style="border: 0.0px;font-family: inherit;outline: 0.0px;color:'
                f' rgb(0,0,205);"> <em>{caption}</em></span></div>'
            )

        def paragraph(text: str) -> str:
            nonlocal n
            n += 1
            if m.container == "p":
                return f"<p>{_esc(text)}</p>"
            if m.container == "div":
                return f"<div>{_esc(text)}</div> <div>&nbsp;</div>"
            if n % 2:
                return f'<p style="text-align: justify;">{_esc(text)}</p>'
            return f"<div>{_esc(text)}</div>"

        blocks.extend(image(img) for img in after.get(-1, ()))
        table_rows = range(0)
        if m.table_after is not None and a.table_rows:
            table_rows = range(m.table_after + 1, m.table_after + 1 + len(a.table_rows))
        for idx, text in enumerate(a.body_paragraphs):
            if idx in table_rows:
                continue  # written by the table itself
            blocks.append(paragraph(text))
            blocks.extend(image(img) for img in after.get(idx, ()))
            if m.table_after == idx and a.table_rows:
                blocks.append(self._table(a.table_rows))
            if m.related_after == idx and m.related_ids:
                blocks.append(self._related_inline(m.related_ids))
        for att in a.attachments:
            url = _attr(att.url)
            blocks.append(
                f'<p><a href="{url}" target="_blank">{_esc(att.title)}</a> -'
                f' <a href="{url}" target="_blank">Tải về</a></p>'
            )
        body = " ".join(blocks)
        if m.container == "div":
            body = (
                '&nbsp; <div class="han6-content-detail" style="color: black;text-align: justify;">'
                f" {body} </div> &nbsp;"
            )
        elif m.container == "p":
            body += " <p>&nbsp;</p>"
        else:
            body += " <div>&nbsp;</div>"
        byline = ""
        if a.byline:
            if m.byline == "strong":
                byline = f' <p align="right"><strong>{_esc(a.byline)}</strong></p>'
            else:
                byline = " " + _BYLINE_TEXTTACGIA.format(_esc(a.byline))
        return body + byline

    @staticmethod
    def _table(rows: Sequence[Sequence[str]]) -> str:
        out = []
        for r, row in enumerate(rows):
            cells = "".join(
                f'<td style="width: 25%;"><strong>{_esc(c)}</strong></td>' if r == 0
                else f"<td>{_esc(c)}</td>"
                for c in row
            )  # fmt: skip
            out.append(f"<tr> {cells} </tr>")
        return (
            '<table border="1" cellpadding="0" cellspacing="0" style="width:100%;" width="100%">'
            f" <tbody> {' '.join(out)} </tbody> </table>"
        )

    def _related_inline(self, ids: Sequence[int]) -> str:
        links = []
        for asset_id in ids:
            e = self.portal.entry_of(asset_id)
            if e:
                links.append(f'<li><a href="{_attr(e.path)}">{_esc(e.title)}</a></li>')
        return f"<p><strong>Tin liên quan:</strong></p> <ul> {' '.join(links)} </ul>"

    @staticmethod
    def _controls(a: DemoArticle) -> str:
        return (
            '<div class="asset-control-detail"> <span class="print-action" >'
            ' <a href="javascript:_101_printPage_0();" class=" taglib-icon"'
            ' id="_101_rjus_column1_1" > <img id="rjus_column1_1"'
            ' src="/songlam-theme/images/spacer.png" alt="" /> <span class="taglib-text ">'
            'In bài viết</span> </a> </span> <span class="mailto-action" > <a href="mailto:"'
            ' class=" taglib-icon" id="_101_ctvk_column1_1" > <img id="ctvk_column1_1"'
            ' src="/songlam-theme/images/common/mail.png" alt="" /> <span class="taglib-text ">'
            "Gửi mail</span> </a> </span> </div>"
        )

    def _related(self, a: DemoArticle) -> str:
        """ "Các tin khác": the next five older articles of the section that have a page."""
        entries = self._category_entries(a.page)
        start = self.portal.position(a.asset_id, entries) + 1
        picked: list[_Entry] = []
        for k in range(min(len(entries), 50)):
            e = entries[(start + k) % len(entries)]
            if e.asset_id != a.asset_id and e.kind in ("ok", "no_date"):
                picked.append(e)
            if len(picked) == 5:
                break
        items = []
        for e in picked:
            href = e.path
            # From a view_content page, Liferay links siblings of the same form relatively.
            if a.url_form == "view_content" and "/-/view_content/" in e.path:
                href = e.path.rsplit("/", 1)[1]
            items.append(f'<li><a href="{_attr(href)}">{_esc(e.title)}</a></li>')
        return (
            '<div class="related_asset"> <div class="related_asset_title">Các tin khác</div>'
            f' <ul class="related_asset_list"> {" ".join(items)} </ul> </div>'
        )

    # Other pages --------------------------------------------------------------------------------

    def home(self) -> bytes:
        latest = self.portal.entries()[:5]
        items = " ".join(self._listing_item(e, relative=False) for e in latest)
        more = (
            f'<div class="asset-more"> <a href="{self.portal.start_path}">Xem tất cả &raquo;</a>'
            " </div>"
        )
        return self._document(
            title=f"Trang chủ - {PORTAL_NAME}",
            canonical="/vi/trang-chu",
            page="",
            column1=_portlet_101(items + " " + more, CATEGORIES[SECTION]),
            column2=self._hot_news,
        )

    def static(self, page: str) -> bytes:
        title = STATIC_PAGES[page]
        text = (
            f"Ủy ban nhân dân {DISTRICT}, số 12 đường Hoàng Minh, phường An Thịnh."
            if page == "lien-he"
            else "Nội dung đang được cập nhật."
        )
        body = (
            '<div class="portlet-boundary portlet-boundary_56_ portlet-static portlet-static-end'
            ' portlet-borderless portlet-journal-content " id="p_p_id_56_INSTANCE_Kc3xW9aQ1mZo_" >'
            ' <div class="portlet-borderless-container" style=""> <div class="portlet-body">'
            f' <div class="journal-content-article"> <h2>{title}</h2> <p>{text}</p> </div>'
            " </div> </div> </div> "
        )
        return self._document(
            title=f"{title} - {PORTAL_NAME}",
            canonical=f"/vi/{page}",
            page=page,
            column1=_breadcrumb(title) + body,
        )

    def missing_asset(self, page: str) -> bytes:
        """What Liferay shows (status 200) for an asset that was unpublished or deleted."""
        category = CATEGORIES.get(page, CATEGORIES[SECTION])
        inner = (
            '<div class="alert alert-error"> Không tìm thấy trang </div>'
            " <p>Nội dung bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ.</p>"
        )
        return self._document(
            title=f"{category} - {PORTAL_NAME}",
            canonical=f"/vi/{page or SECTION}",
            page=page or SECTION,
            column1=_breadcrumb(category) + _portlet_101(inner, None),
        )

    def not_found(self, path: str) -> bytes:
        inner = (
            '<div class="alert alert-error"> Không tìm thấy trang </div>'
            f" <p>Không tìm thấy tài nguyên được yêu cầu: {_esc(path)}</p>"
        )
        return self._document(
            title=f"Không tìm thấy trang - {PORTAL_NAME}",
            canonical="/vi/trang-chu",
            page="",
            column1=_portlet_101(inner, None),
        )
