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
#  DTSTART, DTEND, LOCATION, GEO, tags, summary)
D = dt.date
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
    dict(slug="kyiv-escaping", title=ESCAPING_TITLE, display="27 November 2025",
         start={"year": "2025", "month": "11", "day": "27"}, end=None,
         updated=D(2025, 12, 5), published=D(2025, 12, 5),  # the dispatch came out on 5 December
         dtstart=D(2025, 11, 27), dtend=D(2025, 11, 28), location=KYIV_NAME + ", Україна",
         geo=(50.4501, 30.5234), tags=["escaping-test", "talks"],
         summary=("Aides & envoys wrote <b> tags, “quoted” words; commas, semicolons \\ "
                  "backslashes in Київ and a second line."), precision="day"),
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


@dataclass(frozen=True)
class PDate:
    year: int
    month: int | None = None
    day: int | None = None

    @staticmethod
    def parse(text: str) -> "PDate":
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
        assert m, f"not a date: {text!r}"
        y, mo, d = (int(g) if g else None for g in m.groups())
        return PDate(y, mo, d)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def display(self) -> str:
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def timelinejs(self) -> dict:
        parts = {"year": str(self.year)}
        if self.month:
            parts["month"] = str(self.month)
        if self.day:
            parts["day"] = str(self.day)
        return parts

    def sort_key(self):
        return (self.first_day, ["year", "month", "day"].index(self.precision))


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
    cited: list  # article slugs: sources, quotes' sources, disputes' sources
    updated: dt.date = None
    published: dt.date = None

    @property
    def first_day(self) -> dt.date:
        return self.start.first_day

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day

    @property
    def dtend(self) -> dt.date:
        return self.last_day + dt.timedelta(days=1)

    @property
    def display(self) -> str:
        text = display_range(self.start, self.end) if self.end else self.start.display()
        return "c. " + text if self.approximate else text

    def reading_key(self):
        end_key = (1,) + self.end.sort_key() if self.end else (0,)
        return (self.start.sort_key(), end_key, self.approximate, self.title.encode(), self.slug)


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert text.startswith("---\n"), path
    head, _, _ = text[4:].partition("\n---\n")
    return yaml.safe_load(head) or {}


def _date_text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@dataclass
class Story:
    folder: Path
    settings: dict
    articles: dict = field(default_factory=dict)  # slug -> (title, published date)
    places: dict = field(default_factory=dict)  # slug -> front matter
    events: list = field(default_factory=list)  # published, oldest first
    drafts: list = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.settings["title"]

    @property
    def base_url(self) -> str | None:
        base = self.settings.get("base_url")
        return None if base is None else str(base).rstrip("/") + "/"

    @property
    def newest(self) -> dt.date:
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

    @staticmethod
    def load(folder: Path) -> "Story":
        folder = Path(folder)
        settings = yaml.safe_load((folder / "site.yml").read_text(encoding="utf-8"))
        story = Story(folder, settings)
        for path in sorted((folder / "articles").glob("*.md")):
            fm = _front_matter(path)
            story.articles[path.stem] = (fm["title"], dt.date.fromisoformat(_date_text(fm["published"])))
        for path in sorted((folder / "places").glob("*.md")):
            story.places[path.stem] = _front_matter(path)
        for path in sorted((folder / "events").glob("*.md")):
            fm = _front_matter(path)
            parts = _date_text(fm["date"]).split("/")
            start = PDate.parse(parts[0])
            end = PDate.parse(parts[1]) if len(parts) == 2 and parts[1] != parts[0] else None
            cited = list(fm.get("sources") or [])
            cited += [q["source"] for q in fm.get("quotes") or []]
            cited += [c["source"] for d in fm.get("disputes") or [] for c in d["claims"]]
            event = Event(path.stem, fm["title"], start, end, bool(fm.get("approximate")), fm.get("place"),
                          list(fm.get("tags") or []), fm.get("status", "reported"), bool(fm.get("draft")), cited)
            publications = [story.articles[slug][1] for slug in set(cited)]
            event.updated = max(publications + [event.last_day])
            event.published = min(publications) if publications else event.first_day
            (story.drafts if event.draft else story.events).append(event)
        story.events.sort(key=Event.reading_key)
        return story


# ------------------------------------------------------------------ helpers


def ical_text_escape(value: str) -> str:
    """RFC 5545 3.3.11 TEXT escaping, written here from the RFC."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def rfc3339_midnight(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def html_pages(output: Path) -> list[str]:
    """Every built HTML page, as a path relative to the output folder."""
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")
                  if not p.relative_to(output).as_posix().startswith("assets/"))


def displayed_date(page: Path) -> str:
    """The date an event page shows in its header (`p.event-meta > time`)."""
    import html
    text = page.read_text(encoding="utf-8")
    m = re.search(r'<p class="event-meta"><time datetime="[^"]*">(.*?)</time>', text, re.S)
    assert m, f"no displayed date in {page}"
    return html.unescape(m.group(1))


def xmllint(*args: str) -> subprocess.CompletedProcess:
    import pytest
    exe = shutil.which("xmllint")
    if exe is None:
        pytest.fail("xmllint is missing: apt-get install libxml2-utils")
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)
