"""Meetings reported in an article: kind, date, part of day, venue, organising bodies, people.

Evidence: issue 6 and the real texts in ../shared/fixtures/real-text (Cầu Giấy, Tân Hưng, Hải
Phòng print view, Quảng Ngãi): a local-government meeting report opens with one sentence that
carries the meeting — "<Part of day> [ngày] d/m[/yyyy], tại <venue>, <bodies> [đã] tổ chức
<kind> …" — and later names officials as "đồng chí <Name> – <position>" (also "Đ/c", "ông",
"bà"). Dates elsewhere in the lead mostly cite documents ("Kế hoạch số 188/KH-UBND ngày
03/9/2019"), so a date counts only at the head of the meeting sentence or after a part of
day / "vào". Rules are plain regexes over NFC text; when unsure a field stays None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

# kind → (English label, pattern on lower-cased text). Order = priority on equal matches; a
# specific kind may be preceded by "hội nghị"/"buổi"/"cuộc", so "hội nghị sơ kết" is a review.
KINDS: dict[str, tuple[str, str]] = {
    "ky_hop_hdnd": ("People's Council session", r"kỳ họp(?: thứ [\w-]+)?(?: \(?[^.;]{0,40}hđnd)?"),
    "tiep_xuc_cu_tri": ("Voters' meeting", r"tiếp xúc(?: với)? cử tri"),
    "bau_cu_to_truong": ("Neighbourhood head election", r"bầu cử tổ trưởng|bầu tổ trưởng"),
    "doi_thoai": ("Dialogue", r"đối thoại"),
    "hoi_nghi_nhan_dan": ("Residents' meeting", r"hội nghị (?:đại biểu )?nhân dân"),
    "hop_giao_ban": ("Briefing", r"(?:họp )?giao ban"),
    "so_ket": ("Interim review", r"sơ kết"),
    "tong_ket": ("Annual review", r"tổng kết"),
    "hoi_nghi": ("Conference", r"hội nghị"),
    "hop": ("Meeting", r"(?:cuộc|buổi) họp|họp bàn|họp mặt"),
}
GENERIC_KINDS = frozenset({"hoi_nghi", "hop"})
KIND_LABELS: dict[str, str] = {kind: label for kind, (label, _) in KINDS.items()}
_PREFIX = r"(?:(?:hội nghị|buổi|cuộc) )?"
_KIND_RES = [(k, re.compile(_PREFIX + p if k != "hoi_nghi" else p)) for k, (_, p) in KINDS.items()]

# A sentence that reports a meeting holds one of these (lower-cased text).
_CUES = re.compile(
    r"tổ chức|diễn ra|khai mạc|bế mạc|tham dự|dự hội nghị|chủ trì|triệu tập|tiến hành|"
    r"thành công|đã họp|họp|đối thoại với|tiếp xúc(?: với)? cử tri"
)
_HOLDS = re.compile(r"\b(?:đã |phối hợp |long trọng )?(?:tổ chức|khai mạc|tiến hành|triệu tập)\b")
# Meetings reported by their own verb: "Tổ đại biểu HĐND quận tiếp xúc cử tri phường …",
# "UBND phường đối thoại với người dân …" (no "tổ chức" before them).
# (As a verb only: "các hội nghị tiếp xúc cử tri", "tổng hợp qua tiếp xúc cử tri" name
# other meetings.)
_MEETS = re.compile(
    r"(?<!hội nghị )(?<!buổi )(?<!cuộc )(?<!các )(?<!những )(?<!đợt )(?<!qua )(?<!sau )"
    r"(?<!trước )(?<!điểm )(?<!kết quả )(?<!khi )(?<!việc )"
    r"\b(?:đã )?(?:tiếp xúc(?: với)? cử tri|đối thoại với)\b"
)
# Titles of documents that are not reports even when they name a meeting.
_NOT_REPORT = re.compile(r"^(?:đề cương|kế hoạch|quyết định|thông báo|công văn|báo cáo|tài liệu)")
# How far after the verb the meeting noun may start ("tổ chức thành công Hội nghị …").
_HELD_REACH = 30
SESSION_TYPES = ("thường lệ", "chuyên đề")
PARTS_OF_DAY = ("sáng", "trưa", "chiều", "tối")

_POD = r"(sáng|trưa|chiều|tối)"
_DMY = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?!\s*[/.-]?\d)"
_DMY_WORDS = r"(\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?"
_DATE = rf"(?:{_DMY}|{_DMY_WORDS})"
# At the head of the sentence: "Chiều ngày 22/7/2022", "Ngày 23/7/2020", "Vào sáng 5/3".
_WEEKDAY = r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật),?\s+"
_HEAD_DATE = re.compile(
    rf"^(?:vào\s+)?(?:{_POD}\s+)?(?:{_WEEKDAY})?(?:ngày\s+|hôm\s+)?{_DATE}", re.IGNORECASE
)
# Inside the sentence, only after a part of day or "vào [ngày]".
_INNER_DATE = re.compile(
    rf"(?:{_POD}|vào(?: ngày)?)\s+(?:{_WEEKDAY})?(?:ngày\s+)?{_DATE}", re.IGNORECASE
)
_SAME_DAY = re.compile(rf"^{_POD} cùng ngày", re.IGNORECASE)
_POD_ONLY = re.compile(rf"^{_POD}\s+(?:nay|qua|hôm qua|cùng ngày)\b", re.IGNORECASE)
# A meeting reported with an inferred year lies within this window of the publication.
_YEAR_WINDOW = timedelta(days=31)

_VENUE_NOUNS = (
    r"hội trường|phòng họp|trụ sở|nhà văn hóa|nhà văn hoá|nhà sinh hoạt|điểm sinh hoạt|"
    r"tổ dân phố|thôn|khu dân cư|khu phố|tổ dân cư|sân|trường|trung tâm|ubnd|ủy ban|uỷ ban|"
    r"đình|chùa|nhà thờ|khách sạn|cung|công viên"
)
_VENUE = re.compile(
    rf"\btại\s+((?:{_VENUE_NOUNS})\b.*?)"
    r"(?=\s*[,;.:(]|\s+(?:đã|đồng chí|tổ chức|diễn ra|khai mạc|với|nhằm|để)\b|$)",
    re.IGNORECASE,
)

# Organising bodies: pattern → normalised name. Longer forms first (Thường trực HĐND ⊃ HĐND).
BODIES: tuple[tuple[str, str], ...] = (
    (r"thường trực (?:hđnd|hội đồng nhân dân)", "Thường trực HĐND"),
    (r"tổ đại biểu (?:hđnd|hội đồng nhân dân)", "Tổ đại biểu HĐND"),
    (r"đoàn (?:đbqh|đại biểu quốc hội)", "Đoàn ĐBQH"),
    (r"(?<!thường trực )(?<!tổ đại biểu )\b(?:hđnd|hội đồng nhân dân)", "HĐND"),
    (r"\bubnd|(?:ủy|uỷ) ?ban nhân dân|\bủy ban nhân dân", "UBND"),
    (r"ban công tác mặt trận", "Ban công tác Mặt trận"),
    (
        r"(?<!công tác )(?:ub\.? ?mttq|(?:ủy|uỷ) ?ban (?:mttq|mặt trận)|\bmttq|\bmặt trận tổ quốc)",
        "Ủy ban MTTQ",
    ),
    (r"đảng (?:ủy|uỷ)|\bđu\b", "Đảng ủy"),
    (r"(quận|huyện|thành|thị|tỉnh) (?:ủy|uỷ)\b", "{0} ủy"),
    (r"hội (?:liên hiệp )?phụ nữ|hội lhpn", "Hội LHPN"),
    (r"hội cựu chiến binh|hội ccb", "Hội CCB"),
    (r"đoàn thanh niên|đoàn tn\b", "Đoàn Thanh niên"),
    (r"hội nông dân", "Hội Nông dân"),
    (r"công an (?:phường|xã|quận|huyện)", "Công an"),
)
_BODY_RES = [(re.compile(p), name) for p, name in BODIES]

_UP = "A-ZÀ-ỸĐ"
_NAME_WORD = rf"[{_UP}][a-zà-ỹđ]+"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}"
# "đồng chí Nguyễn Văn A – Quận ủy viên, Phó Chủ tịch HĐND quận …"
_PERSON = re.compile(
    rf"(?:đồng chí|Đồng chí|đ/c|Đ/c|ông|Ông|bà|Bà)\s+({_NAME})\s*(?:[–—-]|,)\s*"
    r"(.+?)(?=\s*(?:[;(:\n]|\.(?:\s|$))|\s+(?:chủ trì|phát biểu|báo cáo|trình bày|cùng|cùng với|đã|về|tới|đến|"
    r"dự|tham dự|khai mạc|nhấn mạnh|cho biết|đề nghị|yêu cầu|trao|thay mặt|làm|và các|và đại|"
    r"đánh giá|ghi nhận|thông tin|hướng dẫn|phổ biến|quán triệt|thông báo|giới thiệu|"
    r"chỉ đạo|khẳng định|phát động|biểu dương|tiếp thu|giải trình|trả lời|chúc mừng|điều hành|kết luận)\b|$)"
)
# A position starts with one of these (keeps "ông Ba, người dân" out).
_POSITION_HEAD = re.compile(
    r"^(?:phó |nguyên )?(?:chủ tịch|bí thư|trưởng|giám đốc|quận ủy viên|huyện ủy viên|"
    r"thành ủy viên|tỉnh ủy viên|ủy viên|uỷ viên|uvtv|uvbtv|quv|huv|tuv|thường trực|đại biểu|"
    r"chánh|tổ trưởng|chỉ huy|công chức|cán bộ)",
    re.IGNORECASE,
)


@dataclass
class PersonMention:
    name: str
    position: str | None


@dataclass
class Meeting:
    kind: str
    kind_label_en: str
    session_type: str | None = None
    meeting_date: str | None = None
    part_of_day: str | None = None
    venue: str | None = None
    bodies: list[str] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)


def extract_meetings(title: str, body: str, published_at: str | None) -> list[Meeting]:
    """The meetings an article reports ([] when it reports none)."""
    title = unicodedata.normalize("NFC", title or "").strip()
    paragraphs = [p.strip() for p in unicodedata.normalize("NFC", body or "").split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if _NOT_REPORT.match(title.lower()):
        return []
    lead = [s for p in paragraphs[:3] for s in _sentences(p)]
    anchors = list(dict.fromkeys(s for s in lead if _held_kind(s)))
    if not anchors:  # "Tại Hội nghị …": the title or a lead sentence names the meeting
        cue = any(_CUES.search(s.lower()) for s in [title, *lead])
        named = [s for s in [title, *lead] if _kind(s)] if cue else []
        # (The one that says when, if one does: "Sáng 14/11, tổ đại biểu … tiếp xúc cử tri"
        # under a title that names the meeting without its day.)
        dated = [s for s in named if _date(s, published_at, None) != (None, None)]
        anchors = (dated or named)[:1]
    if not anchors:
        return []
    meetings: list[Meeting] = []
    used: list[str] = []
    first_date: str | None = None
    for i, sentence in enumerate(anchors):
        # "Tại Hội nghị …" says less than a title "Bí thư … đối thoại với nhân dân".
        held = _held_kind(sentence)
        kind = held or (_kind(sentence) if i else None) or _kind(title) or _kind(sentence)
        assert kind is not None
        if i == 0 and kind in GENERIC_KINDS:
            # "tổ chức hội nghị …" in the lead, "hội nghị tiếp xúc cử tri" in the title: the
            # title names the meeting more precisely.
            # (Not an election: a title about one is often about its plan, "triển khai kế
            # hoạch bầu cử …", while the meeting itself is a conference.)
            kind = next(
                (k for k in [_kind(title)] if k and k not in GENERIC_KINDS | {"bau_cu_to_truong"}),
                kind,
            )
        meeting_date, pod = _date(sentence, published_at, first_date)
        if i == 0 and meeting_date is None and pod is None:
            meeting_date, pod = _date(title, published_at, None)
        if i > 0 and (
            (meeting_date is None and pod is None)
            or any(
                (m.kind, m.meeting_date, m.part_of_day) == (kind, meeting_date, pod)
                for m in meetings
            )
        ):
            continue  # a second meeting must carry its own time, else it is the same one
        meeting = Meeting(kind, KIND_LABELS[kind], meeting_date=meeting_date, part_of_day=pod)
        meeting.session_type = _session_type(sentence) if kind == "ky_hop_hdnd" else None
        meeting.venue = _venue([sentence] + (lead if i == 0 else []))
        meeting.bodies = _bodies(sentence)
        meetings.append(meeting)
        used.append(sentence)
        first_date = first_date or meeting_date
    _attach_people(meetings, used, title, paragraphs)
    return meetings


def _sentences(paragraph: str) -> list[str]:
    # Split on ". " followed by a capital; abbreviations like "TP." are rare in leads.
    paragraph = re.sub(r"\s+", " ", paragraph)
    return [s.strip() for s in re.split(rf"(?<=[.!?])\s+(?=[{_UP}])", paragraph) if s.strip()]


def _held_kind(sentence: str) -> str | None:
    # "… tổ chức hội nghị sơ kết …": the meeting is the noun right after the verb (so "việc
    # tổ chức hoạt động của chợ" in the same sentence as "Tại Hội nghị" does not count).
    low = sentence.lower()
    for verb in _HOLDS.finditer(low):
        rest = low[verb.end() :].lstrip()
        kind = _kind(rest[:_HELD_REACH])
        if kind:
            return kind
    meets = _MEETS.search(low)
    return _kind(meets.group()) if meets is not None else None


def _kind(text: str) -> str | None:
    low = text.lower()
    found = [
        (m.start(), -len(m.group()), n, k)
        for n, (k, rx) in enumerate(_KIND_RES)
        for m in [rx.search(low)]
        if m
    ]
    return min(found)[3] if found else None


def _session_type(text: str) -> str | None:
    low = text.lower()
    return next((t for t in SESSION_TYPES if t in low), None)


def _date(
    sentence: str, published_at: str | None, same_day: str | None
) -> tuple[str | None, str | None]:
    same = _SAME_DAY.match(sentence)
    if same:
        return same_day, same.group(1).lower()
    match = _HEAD_DATE.match(sentence) or _INNER_DATE.search(sentence)
    if not match:
        pod = _POD_ONLY.match(sentence)
        return None, pod.group(1).lower() if pod else None
    pod = match.group(1).lower() if match.group(1) else None
    d, m, y = (match.group(2), match.group(3), match.group(4))
    if d is None:
        d, m, y = match.group(5), match.group(6), match.group(7)
    return _resolve(int(d), int(m), int(y) if y else None, published_at), pod


def _resolve(day: int, month: int, year: int | None, published_at: str | None) -> str | None:
    if year is not None:
        return _valid(year, month, day)
    if not published_at:
        return None
    try:
        published = date.fromisoformat(published_at[:10])
    except ValueError:
        return None
    # The report follows the meeting (or announces it shortly before): keep the only
    # candidate year within the window; December meetings reported in January fall back.
    near = [
        c
        for y in (published.year, published.year - 1)
        if (c := _valid(y, month, day)) and abs(date.fromisoformat(c) - published) <= _YEAR_WINDOW
    ]
    return near[0] if len(near) == 1 else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _venue(sentences: list[str]) -> str | None:
    for sentence in sentences:
        match = _VENUE.search(sentence)
        if match:
            return match.group(1).strip()
    return None


def _bodies(sentence: str) -> list[str]:
    # The organisers are the subject of "… [đã] tổ chức" (or of "… tiếp xúc cử tri", "…
    # đối thoại với"): the clause before the verb.
    low = sentence.lower()
    verb = next((v for v in _HOLDS.finditer(low) if _kind(low[v.end() :][: _HELD_REACH + 1])), None)
    meets = None if verb else _MEETS.search(low)  # (or the subject of "… tiếp xúc cử tri")
    verb = verb or meets
    if not verb:
        return []
    subject = low[: verb.start()]
    subject = subject[_VENUE.search(subject).end() :] if _VENUE.search(subject) else subject
    found: list[tuple[int, str]] = []
    for rx, name in _BODY_RES:
        for m in rx.finditer(subject):
            if meets is not None and _HOLDER_OF.search(subject, 0, m.start()):
                continue  # "Bí thư Đảng ủy xã đối thoại với …": a person, not the body
            label = name.format(*(g.capitalize() for g in m.groups())) if m.groups() else name
            if label not in (n for _, n in found):
                found.append((m.start(), label))
    return [n for _, n in sorted(found)]


# A post named right before a body: the subject is its holder ("Bí thư Đảng ủy xã …").
_HOLDER_OF = re.compile(r"(?:bí thư|chủ tịch|giám đốc|trưởng(?: ban)?|đồng chí)\s*$")


def _attach_people(
    meetings: list[Meeting], anchors: list[str], title: str, paragraphs: list[str]
) -> None:
    # Each meeting gets the people named from its own sentence to the next meeting's.
    if not meetings:
        return
    text = "\n".join([title, *paragraphs])
    starts = [text.find(a) for a in anchors]
    bounds = [0, *[s for s in starts[1:] if s > 0], len(text)]
    for meeting, start, end in zip(meetings, bounds, bounds[1:], strict=False):
        seen: set[str] = set()
        for m in _PERSON.finditer(text[start:end]):
            name, position = m.group(1), m.group(2).strip(" ,–-")
            if name in seen or not _POSITION_HEAD.match(position):
                continue
            seen.add(name)
            meeting.people.append(PersonMention(name, position))
