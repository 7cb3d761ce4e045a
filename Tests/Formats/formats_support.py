"""What the machine-readable formats should say, worked out from the notes
themselves, without looking at what the generator wrote.

`Story.load(folder)` reads a Content/ folder with PyYAML and computes, per
published event: its dates (first day, last day, exclusive iCalendar end),
the date as the site displays it, the "content date" (the latest of the
event's last day and the publication dates of the articles it cites), its
place, tags and the reading order. The tests compare every format with these
values; `SMALL_STORY_EXPECTED` pins the same values by hand for the fixture
plus the notes written by conftest.py, so the model itself is checked too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TIMELINE = REPO / ".build" / "debug" / "timeline"
TEMPLATES = REPO / "Templates"
SHIPPED_CONTENT = REPO / "Content"
SMALL_STORY = REPO / "Tests" / "EndToEndTests" / "Fixtures" / "small-story"
SITEMAP_XSD = HERE / "sitemap.xsd"

OVERRIDE_BASE = "https://news.example.com/x/"

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
EN_DASH = "\u2013"

# ------------------------------------------------------------------ the notes written into the copy of small-story
#
# Times: a moment in New York (offset from the event's zone, EST), a call at
# the same instant written with a bare offset whose `order: 1` puts it after
# the briefing although its title sorts first, and a UTC range of moments
# across midnight.
#
# One event whose title, body and place carry every character that needs
# escaping somewhere: & < > " ; , \ a newline, Cyrillic, and a title longer
# than 75 octets whose folding point falls inside a two-byte character.
# One range across a year end, one month-precision event in another year at a
# place whose latitude is tiny (1e-05: formats must still write a plain
# decimal), and an article published after the event it reports, so the
# content date is the article's.

ESCAPING_TITLE = ('Envoys & <b>aides</b> says "enough"; talks, day one \\ two: '
                  'переговори у Києві тривали довго ✓')
KYIV_NAME = 'Київ & <Kyiv> "centre"; north, south \\ west'
DISPATCH_TITLE = 'Dispatch: “Київ” & <allies>; talks, again \\ more'

EXTRA_NOTES = {
    "places/kyiv.md": """---
name: 'Київ & <Kyiv> "centre"; north, south \\ west'
country: Україна
coordinates: [50.4501, 30.5234]
---
The capital.
""",
    "places/equator-monument.md": """---
name: Equator Monument
country: Indonesia
coordinates: [0.00001, 109.3225]
---
On the equator.
""",
    "articles/kyiv-dispatch.md": """---
title: 'Dispatch: “Київ” & <allies>; talks, again \\ more'
published: 2025-12-05
outlet: Kyiv Desk
---
Officials said the talks in Kyiv were "difficult but honest".
""",
    "events/kyiv-escaping.md": """---
title: 'Envoys & <b>aides</b> says "enough"; talks, day one \\ two: переговори у Києві тривали довго ✓'
date: 2025-11-27
place: kyiv
sources: [kyiv-dispatch]
tags: [escaping-test, talks]
status: confirmed
---
Aides & envoys wrote `<b>` tags, "quoted" words; commas, semicolons \\ backslashes in Київ
and a second line.

Another paragraph.
""",
    "events/new-year-talks.md": """---
title: Talks across the new year
date: 2025-12-30/2026-01-02
place: kyiv
tags: [talks]
---
Talks ran over the new year.
""",
    "events/new-york-briefing.md": """---
title: Briefing in New York
date: "2025-11-26T09:30"
timezone: America/New_York
tags: [talks]
key: true
---
Briefed at half past nine.
""",
    "events/geneva-call.md": """---
title: A call from Geneva
date: "2025-11-26T15:30+01:00"
order: 1
---
Called at the same instant as the briefing.
""",
    "events/overnight-session.md": """---
title: Overnight session
date: "2025-11-28T22:00Z/2025-11-29T02:30Z"
---
Talks ran past midnight.
""",
    "events/spring-review.md": """---
title: Spring review
date: 2026-03
place: equator-monument
---
Reviewed in March.
""",
}


def write_extra_notes(folder: Path, reverse: bool = False) -> None:
    items = sorted(EXTRA_NOTES.items(), reverse=reverse)
    for relative, text in items:
        (folder / relative).write_text(text, encoding="utf-8")


# Every published event of small-story + EXTRA_NOTES, by hand, oldest first.
# (slug, title, display, start_date, end_date, content date, published,
#  DTSTART, DTEND, LOCATION, GEO, tags, summary). Content date and published
# are days (meaning their midnight UTC) or UTC instants; DTSTART and DTEND
# are dates for day events, UTC instants for dates with times (DTEND None
# for a single moment).
D = dt.date


def T(*parts) -> dt.datetime:
    """An instant in UTC."""
    return dt.datetime(*parts, tzinfo=dt.timezone.utc)


SMALL_STORY_EXPECTED = [
    dict(slug="earlier-contacts", title="Earlier contacts", display="2024",
         start={"year": "2024"}, end=None, updated=D(2024, 12, 31), published=D(2024, 1, 1),
         dtstart=D(2024, 1, 1), dtend=D(2025, 1, 1), location=None, geo=None, tags=["diplomacy"],
         summary="Contacts throughout the year.", precision="year"),
    dict(slug="plan-drafted", title="First draft written", display="c. November 2025",
         start={"year": "2025", "month": "11"}, end=None, updated=D(2025, 11, 30), published=D(2025, 11, 1),
         dtstart=D(2025, 11, 1), dtend=D(2025, 12, 1), location=None, geo=None, tags=["plan"],
         summary="Drafted during the month.", precision="month"),
    dict(slug="geneva-meeting", title="Envoys meet in Geneva", display="23 November 2025",
         start={"year": "2025", "month": "11", "day": "23"}, end=None,
         updated=D(2025, 11, 24), published=D(2025, 11, 24),  # wire-report, published the day after
         dtstart=D(2025, 11, 23), dtend=D(2025, 11, 24), location="Geneva, Switzerland",
         geo=(46.2044, 6.1432), tags=["talks", "diplomacy"],
         summary="Anna Envoy met Boris Envoy to discuss the second draft.", precision="day"),
    dict(slug="deal-claims", title="Conflicting claims about a deal", display="24–25 November 2025",
         start={"year": "2025", "month": "11", "day": "24"}, end={"year": "2025", "month": "11", "day": "25"},
         updated=D(2025, 11, 25), published=D(2025, 11, 24),
         dtstart=D(2025, 11, 24), dtend=D(2025, 11, 26), location=None, geo=None, tags=["media-report"],
         summary="The two papers disagree; see the meeting’s quotes.", precision="day"),
    dict(slug="new-york-briefing", title="Briefing in New York", display="26 November 2025, 09:30 New York time",
         start={"year": "2025", "month": "11", "day": "26", "hour": "9", "minute": "30"}, end=None,
         updated=T(2025, 11, 26, 14, 30), published=T(2025, 11, 26, 14, 30),  # 09:30 EST (UTC-5)
         dtstart=T(2025, 11, 26, 14, 30), dtend=None, location=None, geo=None, tags=["talks"],
         summary="Briefed at half past nine.", precision="day"),
    dict(slug="geneva-call", title="A call from Geneva", display="26 November 2025, 15:30 UTC+1",
         start={"year": "2025", "month": "11", "day": "26", "hour": "15", "minute": "30"}, end=None,
         updated=T(2025, 11, 26, 14, 30), published=T(2025, 11, 26, 14, 30),
         dtstart=T(2025, 11, 26, 14, 30), dtend=None, location=None, geo=None, tags=[],
         summary="Called at the same instant as the briefing.", precision="day"),
    dict(slug="kyiv-escaping", title=ESCAPING_TITLE, display="27 November 2025",
         start={"year": "2025", "month": "11", "day": "27"}, end=None,
         updated=D(2025, 12, 5), published=D(2025, 12, 5),  # the dispatch came out on 5 December
         dtstart=D(2025, 11, 27), dtend=D(2025, 11, 28), location=KYIV_NAME + ", Україна",
         geo=(50.4501, 30.5234), tags=["escaping-test", "talks"],
         summary=("Aides & envoys wrote <b> tags, “quoted” words; commas, semicolons \\ "
                  "backslashes in Київ and a second line."), precision="day"),
    dict(slug="overnight-session", title="Overnight session",
         display="28 November 2025, 22:00 – 29 November 2025, 02:30 UTC",
         start={"year": "2025", "month": "11", "day": "28", "hour": "22", "minute": "0"},
         end={"year": "2025", "month": "11", "day": "29", "hour": "2", "minute": "30"},
         updated=T(2025, 11, 29, 2, 30), published=T(2025, 11, 28, 22, 0),
         dtstart=T(2025, 11, 28, 22, 0), dtend=T(2025, 11, 29, 2, 30), location=None, geo=None, tags=[],
         summary="Talks ran past midnight.", precision="day"),
    dict(slug="new-year-talks", title="Talks across the new year", display="30 December 2025 – 2 January 2026",
         start={"year": "2025", "month": "12", "day": "30"}, end={"year": "2026", "month": "1", "day": "2"},
         updated=D(2026, 1, 2), published=D(2025, 12, 30),
         dtstart=D(2025, 12, 30), dtend=D(2026, 1, 3), location=KYIV_NAME + ", Україна",
         geo=(50.4501, 30.5234), tags=["talks"], summary="Talks ran over the new year.", precision="day"),
    dict(slug="spring-review", title="Spring review", display="March 2026",
         start={"year": "2026", "month": "3"}, end=None, updated=D(2026, 3, 31), published=D(2026, 3, 1),
         dtstart=D(2026, 3, 1), dtend=D(2026, 4, 1), location="Equator Monument, Indonesia",
         geo=(0.00001, 109.3225), tags=[], summary="Reviewed in March.", precision="month"),
]
SMALL_STORY_DRAFTS = ["secret-draft"]


# ------------------------------------------------------------------ the model
#
# Times and zones, worked out with zoneinfo: a date may carry a time of day
# (`2025-12-02T18:00+03:00`, `…T15:00Z`, or `…T18:00` taking its offset from
# the event's `timezone`, else site.yml's). Every instant below is an aware
# datetime in UTC.

UTC = dt.timezone.utc

# How an English page names a zone: CLDR's generic location name with "time"
# in lower case. Written out by hand for the zones the stories use; a story
# using another zone must add it here.
ZONE_NAMES_EN = {
    "UTC": "UTC",
    "Etc/UTC": "UTC",
    "Europe/Moscow": "Moscow time",
    "Europe/Kyiv": "Ukraine time",
    "America/New_York": "New York time",
}


def zone(name: str) -> ZoneInfo:
    return ZoneInfo("UTC" if name in ("UTC", "Etc/UTC") else name)


def zone_label(name: str, language: str) -> str:
    assert language == "en" or language.startswith("en-"), f"no zone names for language {language!r}"
    assert name in ZONE_NAMES_EN, f"add the English name of {name} to ZONE_NAMES_EN"
    return ZONE_NAMES_EN[name]


def iso_offset(minutes: int) -> str:
    """`Z`, `+03:00`, `-05:30`."""
    if minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def offset_label(minutes: int) -> str:
    """`UTC`, `UTC+3`, `UTC-5:30`: how a page names a bare offset."""
    if minutes == 0:
        return "UTC"
    sign = "-" if minutes < 0 else "+"
    rest = abs(minutes) % 60
    return f"UTC{sign}{abs(minutes) // 60}" + (f":{rest:02d}" if rest else "")


def midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), UTC)


def midnight_in(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """The instant a day begins in `tz`, in UTC."""
    return dt.datetime.combine(day, dt.time(0), tz).astimezone(UTC)


def instant(value) -> dt.datetime:
    """A day as its midnight in UTC; an instant as itself, in UTC."""
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, value
        return value.astimezone(UTC)
    return midnight_utc(value)


@dataclass(frozen=True)
class PDate:
    """One end of a date: a year, month or day, and on a day possibly a time
    of day (hour, minute on the local clock) and its offset from UTC in
    minutes, written or resolved from a zone."""
    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None

    @staticmethod
    def parse(text: str) -> "PDate":
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?)?)?", text)
        assert m, f"not a date: {text!r}"
        y, mo, d, h, mi = (int(g) if g else None for g in m.groups()[:5])
        if mo is not None:
            assert 1 <= mo <= 12, text
        if d is not None:
            assert 1 <= d <= calendar.monthrange(y, mo)[1], text
        offset = None
        if h is not None:
            assert h <= 23 and mi <= 59, text
            written = m.group(6)
            if written == "Z":
                offset = 0
            elif written:
                sign = -1 if written[0] == "-" else 1
                offset = sign * (int(written[1:3]) * 60 + int(written[4:6]))
        return PDate(y, mo, d, h, mi, offset)

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def day_only(self) -> "PDate":
        return PDate(self.year, self.month, self.day)

    @property
    def precision(self) -> str:
        """Of the day part: the time of day is not a precision of its own here."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def rank(self) -> int:
        """Year, month, day, then a time: coarser sorts first at the same start."""
        return 3 if self.has_time else ["year", "month", "day"].index(self.precision)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def clock(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    @property
    def iso(self) -> str:
        """`2025-11`, `2025-12-02`, `2025-12-02T20:00+03:00`, `2025-11-28T22:00Z`."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        if self.has_time:
            text += "T" + self.clock + ("" if self.offset is None else iso_offset(self.offset))
        return text

    @property
    def instant(self) -> dt.datetime | None:
        """The UTC instant of a time whose offset is known."""
        if not self.has_time or self.offset is None:
            return None
        local = dt.datetime(self.year, self.month, self.day, self.hour, self.minute)
        return (local - dt.timedelta(minutes=self.offset)).replace(tzinfo=UTC)

    def resolved(self, tz: ZoneInfo) -> "PDate":
        """The offset `tz` has at this wall-clock time; a written offset must agree."""
        if not self.has_time:
            return self
        local = dt.datetime(self.year, self.month, self.day, self.hour, self.minute)
        if self.offset is not None:
            actual = self.instant.astimezone(tz).utcoffset()
            assert actual == dt.timedelta(minutes=self.offset), f"{self.iso} disagrees with {tz.key}"
            return self
        aware = local.replace(tzinfo=tz)
        assert aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local, f"{self.iso} is skipped in {tz.key}"
        minutes = int(aware.utcoffset().total_seconds()) // 60
        return PDate(self.year, self.month, self.day, self.hour, self.minute, minutes)

    def display(self) -> str:
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def point(self) -> str:
        """The day, and after a comma the local time when there is one."""
        return self.display() + (", " + self.clock if self.has_time else "")

    def timelinejs(self) -> dict:
        parts = {"year": str(self.year)}
        if self.month:
            parts["month"] = str(self.month)
        if self.day:
            parts["day"] = str(self.day)
        if self.has_time:
            parts["hour"] = str(self.hour)
            parts["minute"] = str(self.minute)
        return parts


def display_range(a: PDate, b: PDate) -> str:
    if a.day and b.day and a.year == b.year:
        if a.month == b.month:
            return f"{a.day}{EN_DASH}{b.day} {MONTHS[a.month - 1]} {a.year}"
        return f"{a.day} {MONTHS[a.month - 1]} {EN_DASH} {b.day} {MONTHS[b.month - 1]} {a.year}"
    if a.precision == b.precision == "month" and a.year == b.year:
        return f"{MONTHS[a.month - 1]}{EN_DASH}{MONTHS[b.month - 1]} {a.year}"
    if a.precision == b.precision == "year":
        return f"{a.year}{EN_DASH}{b.year}"
    return f"{a.display()} {EN_DASH} {b.display()}"


def display_with_times(a: PDate, b: PDate | None, label: str | None) -> str:
    """`2 December 2025, 18:00 Moscow time`; `23 November 2025, 10:00–19:00
    UTC`; `28 November 2025, 22:00 – 29 November 2025, 02:30 UTC`; the zone
    named once, after the last time."""
    zone_text = " " + label if label else ""
    if b is None:
        return a.point() + zone_text
    if a.day_only == b.day_only and a.has_time and b.has_time:
        return f"{a.display()}, {a.clock}{EN_DASH}{b.clock}{zone_text}"
    first = a.point() + ("" if b.has_time else zone_text)
    return f"{first} {EN_DASH} {b.point()}" + (zone_text if b.has_time else "")


@dataclass
class Event:
    slug: str
    title: str
    start: PDate
    end: PDate | None
    approximate: bool
    place: str | None
    tags: list
    status: str
    draft: bool
    cited: list  # article slugs: sources, quotes' sources, disputes' claims' and findings' sources
    timezone: str | None = None  # the event's own IANA zone
    order: int = 0
    key: bool = False
    day_zone: ZoneInfo = field(default_factory=lambda: zone("UTC"))  # site.yml's, for days
    zone_label: str | None = None  # how the page names the zone of its times
    updated: dt.datetime = None
    published: dt.datetime = None

    @property
    def has_time(self) -> bool:
        return self.start.has_time or bool(self.end and self.end.has_time)

    @property
    def first_day(self) -> dt.date:
        return self.start.first_day

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day

    @property
    def dtend(self) -> dt.date:
        """The day after the last day (iCalendar's exclusive end of a day event)."""
        return self.last_day + dt.timedelta(days=1)

    @property
    def start_instant(self) -> dt.datetime:
        """Where the event sorts: its start moment, else the start of its first day in the site's zone."""
        return self.start.instant or midnight_in(self.first_day, self.day_zone)

    @property
    def end_instant(self) -> dt.datetime | None:
        if self.end is None:
            return None
        return self.end.instant or midnight_in(self.end.first_day, self.day_zone)

    @property
    def last_moment(self) -> dt.datetime:
        """Its end moment, or its start moment if a single moment, else midnight UTC of its last day."""
        if self.end is not None and self.end.has_time:
            return self.end.instant
        if self.end is None and self.start.has_time:
            return self.start.instant
        return midnight_utc(self.last_day)

    @property
    def ical_start(self):
        """DTSTART: the first day (a DATE), or the UTC start instant when the date has a time."""
        return self.start_instant if self.has_time else self.first_day

    @property
    def ical_end(self):
        """DTEND: the exclusive day after (DATE); with times the end instant, a
        day end reaching 00:00 of the next day in the site's zone; None for one moment."""
        if not self.has_time:
            return self.dtend
        if self.end is None:
            return None
        return self.end.instant or midnight_in(self.end.last_day + dt.timedelta(days=1), self.day_zone)

    @property
    def start_iso(self) -> str:
        return self.start.iso

    @property
    def end_iso(self) -> str | None:
        return self.end.iso if self.end else None

    @property
    def display(self) -> str:
        if self.has_time:
            text = display_with_times(self.start, self.end, self.zone_label)
        else:
            text = display_range(self.start, self.end) if self.end else self.start.display()
        return "c. " + text if self.approximate else text

    def reading_key(self):
        """Start instant, precision, `order`, end instant (none first), end
        precision, approximate, then title (as UTF-8 bytes) and slug."""
        end = (1, self.end_instant, self.end.rank) if self.end else (0,)
        return (self.start_instant, self.start.rank, self.order, end, self.approximate, self.title.encode(),
                self.slug)


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert text.startswith("---\n"), path
    head, _, _ = text[4:].partition("\n---\n")
    return yaml.safe_load(head) or {}


def _date_text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _bool(value) -> bool:
    assert value is None or isinstance(value, bool), value
    return bool(value)


@dataclass
class Story:
    folder: Path
    settings: dict
    articles: dict = field(default_factory=dict)  # slug -> (title, published date)
    article_fields: dict = field(default_factory=dict)  # slug -> {excerpt, archived, language}
    places: dict = field(default_factory=dict)  # slug -> front matter
    events: list = field(default_factory=list)  # published, in reading order (oldest first)
    drafts: list = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.settings["title"]

    @property
    def base_url(self) -> str | None:
        base = self.settings.get("base_url")
        return None if base is None else str(base).rstrip("/") + "/"

    @property
    def language(self) -> str:
        return str(self.settings.get("language", "en"))

    @property
    def timezone(self) -> str | None:
        return self.settings.get("timezone")

    @property
    def day_zone(self) -> ZoneInfo:
        return zone(self.timezone or "UTC")

    @property
    def order(self) -> str:
        return self.settings.get("order", "oldest")

    @property
    def html_events(self) -> list:
        """Events as HTML lists show them: `order: newest` turns them around."""
        return list(reversed(self.events)) if self.order == "newest" else list(self.events)

    @property
    def key_events(self) -> list:
        return [e for e in self.events if e.key]

    @property
    def newest(self) -> dt.datetime:
        return max(e.updated for e in self.events)

    def event(self, slug) -> Event:
        return next(e for e in self.events if e.slug == slug)

    def location(self, event: Event) -> str | None:
        if not event.place:
            return None
        place = self.places[event.place]
        return ", ".join(str(p) for p in (place["name"], place.get("country")) if p)

    def geo(self, event: Event):
        if not event.place or "coordinates" not in self.places[event.place]:
            return None
        lat, lon = self.places[event.place]["coordinates"]
        return (float(lat), float(lon))

    def _place_in_time(self, event: Event) -> None:
        """Gives every time an offset, from the event's zone, else the site's,
        and names the zone as the page does."""
        own = event.timezone
        if own:
            event.start = event.start.resolved(zone(own))
            event.end = event.end.resolved(zone(own)) if event.end else None
        lacks = [p for p in (event.start, event.end) if p and p.has_time and p.offset is None]
        shown_in = own
        if lacks:
            assert self.timezone, f"{event.slug}: a time without an offset needs a timezone"
            event.start = event.start.resolved(zone(self.timezone))
            event.end = event.end.resolved(zone(self.timezone)) if event.end else None
            shown_in = self.timezone
        if not event.has_time:
            return
        if event.end is not None:
            assert event.end.last_day >= event.start.first_day, f"{event.slug}: the range runs backwards"
            if event.start.has_time and event.end.has_time:
                assert event.end.instant >= event.start.instant, f"{event.slug}: the range runs backwards"
        if shown_in:
            event.zone_label = zone_label(shown_in, self.language)
        else:
            written = event.start if event.start.has_time else event.end
            event.zone_label = offset_label(written.offset)

    @staticmethod
    def load(folder: Path) -> "Story":
        folder = Path(folder)
        settings = yaml.safe_load((folder / "site.yml").read_text(encoding="utf-8"))
        story = Story(folder, settings)
        assert story.order in ("oldest", "newest"), story.order
        for path in sorted((folder / "articles").glob("*.md")):
            fm = _front_matter(path)
            story.articles[path.stem] = (fm["title"], dt.date.fromisoformat(_date_text(fm["published"])))
            story.article_fields[path.stem] = dict(excerpt=_bool(fm.get("excerpt")), archived=fm.get("archived"),
                                                   language=fm.get("language"))
        for path in sorted((folder / "places").glob("*.md")):
            story.places[path.stem] = _front_matter(path)
        for path in sorted((folder / "events").glob("*.md")):
            fm = _front_matter(path)
            parts = _date_text(fm["date"]).split("/")
            assert len(parts) in (1, 2), fm["date"]
            start = PDate.parse(parts[0])
            end = PDate.parse(parts[1]) if len(parts) == 2 else None
            if end == start:
                end = None
            cited = list(fm.get("sources") or [])
            cited += [q["source"] for q in fm.get("quotes") or []]
            for d in fm.get("disputes") or []:
                cited += [c["source"] for c in d["claims"]]
                cited += list((d.get("finding") or {}).get("sources") or [])
            order = fm.get("order", 0)
            assert isinstance(order, int) and not isinstance(order, bool), f"{path.stem}: order {order!r}"
            event = Event(path.stem, fm["title"], start, end, _bool(fm.get("approximate")), fm.get("place"),
                          list(fm.get("tags") or []), fm.get("status", "reported"), _bool(fm.get("draft")), cited,
                          timezone=fm.get("timezone"), order=order, key=_bool(fm.get("key")),
                          day_zone=story.day_zone)
            story._place_in_time(event)
            publications = [midnight_utc(story.articles[slug][1]) for slug in set(cited)]
            event.updated = max(publications + [event.last_moment])
            event.published = min(publications) if publications else (event.start.instant
                                                                       or midnight_utc(event.first_day))
            (story.drafts if event.draft else story.events).append(event)
        story.events.sort(key=Event.reading_key)
        return story


# ------------------------------------------------------------------ helpers


def ical_text_escape(value: str) -> str:
    """RFC 5545 3.3.11 TEXT escaping, written here from the RFC."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def rfc3339(value) -> str:
    """RFC 3339 in UTC to the second, as the feeds write it: a day at its midnight."""
    return instant(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc3339_midnight(day: dt.date) -> str:
    return rfc3339(day)


def w3c(value) -> str:
    """The sitemap's lastmod: the day alone when it is midnight UTC, else the full moment."""
    moment = instant(value)
    return moment.date().isoformat() if moment.time() == dt.time(0) else rfc3339(moment)


def html_pages(output: Path) -> list[str]:
    """Every built HTML page, as a path relative to the output folder."""
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")
                  if not p.relative_to(output).as_posix().startswith("assets/"))


def _event_meta_time(page: Path):
    text = page.read_text(encoding="utf-8")
    # The first <time> of the header line, after the "Key moment" badge if there is one.
    m = re.search(r'<p class="event-meta">(?:<span class="key">[^<]*</span> · )?<time datetime="([^"]*)">(.*?)</time>',
                  text, re.S)
    assert m, f"no displayed date in {page}"
    return m


def displayed_date(page: Path) -> str:
    """The date an event page shows in its header (`p.event-meta > time`)."""
    import html
    return html.unescape(_event_meta_time(page).group(2))


def displayed_datetime(page: Path) -> str:
    """The `datetime` attribute of that `<time>`."""
    import html
    return html.unescape(_event_meta_time(page).group(1))


def shows_key_badge(page: Path) -> bool:
    return '<p class="event-meta"><span class="key">' in page.read_text(encoding="utf-8")


def xmllint(*args: str) -> subprocess.CompletedProcess:
    import pytest
    exe = shutil.which("xmllint")
    if exe is None:
        pytest.fail("xmllint is missing: apt-get install libxml2-utils")
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)
