"""Datasette configuration of the meetings tables (part of datasette_metadata.json)."""

from __future__ import annotations

from typing import Any

MEETING_COLUMNS = {
    "id": "Meeting number.",
    "article_url": "The article that reports the meeting.",
    "kind": "Kind of meeting (fixed vocabulary): ky_hop_hdnd, tiep_xuc_cu_tri, hoi_nghi, "
    "hop_giao_ban, doi_thoai, hoi_nghi_nhan_dan, so_ket, tong_ket, bau_cu_to_truong…",
    "kind_label": "The kind in English (People's Council session, voters' meeting…).",
    "session_type": "For council sessions: thường lệ (regular) or chuyên đề (thematic).",
    "meeting_date": "Day of the meeting as the text gives it (ISO date); empty when it "
    "cannot be determined (never guessed).",
    "part_of_day": "sáng, trưa, chiều or tối, when the text says.",
    "venue": "Where it was held, as written ('Hội trường UBND phường …').",
    "bodies": "JSON list of the organising bodies (HĐND, UBND, Ủy ban MTTQ, Đảng ủy…).",
}
PEOPLE_COLUMNS = {
    "id": "Mention number.",
    "meeting_id": "The meeting (meetings.id).",
    "article_url": "The article that names the person.",
    "name": "Name as written.",
    "position": "Position as written ('Phó Chủ tịch HĐND quận').",
}
MEETING_LIST_COLUMNS = {
    **{k: MEETING_COLUMNS[k] for k in ("id", "meeting_date", "part_of_day", "kind")},
    **{k: MEETING_COLUMNS[k] for k in ("kind_label", "session_type", "venue", "bodies")},
    "portal_id": "Portal the article comes from.",
    "title": "Headline of the article.",
    "url": "Address of the article.",
    "published_at": "When the article was published.",
}

MEETINGS_OF_PORTAL_SQL = """select m.meeting_date, m.part_of_day, m.kind_label, m.venue, m.bodies,
  a.title, a.url
from meetings m join articles a on a.url = m.article_url
where a.portal_id = :portal
  and coalesce(m.meeting_date, substr(a.published_at, 1, 10))
    between coalesce(nullif(:since, ''), '0000') and coalesce(nullif(:until, ''), '9999')
order by 1 desc
limit 500"""

PERSON_SQL = """select p.name, p.position, m.kind_label, m.meeting_date, a.title, a.url,
  a.portal_id
from people_mentions p
  join meetings m on m.id = p.meeting_id
  join articles a on a.url = p.article_url
where vnnews_fold(p.name) like '%' || vnnews_fold(:name) || '%'
order by a.published_at desc
limit 500"""


def meeting_tables() -> dict[str, Any]:
    return {
        "meetings": {
            "description": "Meetings the articles report: kind, day, venue, organising "
            "bodies (one article may report several).",
            "facets": ["kind", {"array": "bodies"}, "part_of_day"],
            "columns": MEETING_COLUMNS,
        },
        "people_mentions": {
            "description": "Officials named at a meeting, with the position given.",
            "facets": ["position"],
            "label_column": "name",
            "columns": PEOPLE_COLUMNS,
        },
        "meeting_list": {
            "description": "Meetings with their article and portal: facet by kind, body and "
            "portal.",
            "sort_desc": "meeting_date",
            "facets": ["kind", {"array": "bodies"}, "portal_id"],
            "label_column": "title",
            "columns": MEETING_LIST_COLUMNS,
        },
    }


MEETING_QUERIES = {
    "meetings_of_portal": {
        "title": "Meetings of a portal in a period",
        "description": "Give a portal id and optionally since/until (YYYY-MM-DD): its "
        "meetings, newest first (undated meetings by their article's date).",
        "sql": MEETINGS_OF_PORTAL_SQL,
    },
    "person_mentions": {
        "title": "Articles that mention a person",
        "description": "Part of a name, with or without accents, in any case ('luong mau "
        "hung' finds Lương Mậu Hùng): the meetings and articles that name them, with the "
        "position given.",
        "sql": PERSON_SQL,
    },
}


# An iCalendar feed of meetings (datasette-ics): subscribe to a portal's meetings. Meetings
# without a date are left out; the part of day becomes an indicative start time.
MEETINGS_CALENDAR_SQL = """select
  'vnnews-meeting-' || m.id as event_uid,
  m.kind_label || ': ' || a.title as event_name,
  m.meeting_date || case m.part_of_day
    when 'sáng' then 'T08:00:00+07:00' when 'trưa' then 'T11:30:00+07:00'
    when 'chiều' then 'T14:00:00+07:00' when 'tối' then 'T19:00:00+07:00'
    else 'T00:00:00+07:00' end as event_dtstart,
  trim(coalesce(m.venue, '') || char(10) || a.url) as event_description
from meetings m join articles a on a.url = m.article_url
where m.meeting_date is not null
  and (coalesce(:portal, '') = '' or a.portal_id = :portal)
order by m.meeting_date desc
limit 1000"""

MEETING_QUERIES["meetings_calendar"] = {
    "title": "Calendar of meetings",
    "description": "Meetings with a known date, optionally of one portal (its id). Subscribe "
    "in a calendar app at meetings_calendar.ics?portal=ID. Start times stand for the part of "
    "day the article gives (sáng 08:00, chiều 14:00, tối 19:00).",
    "sql": MEETINGS_CALENDAR_SQL,
}
