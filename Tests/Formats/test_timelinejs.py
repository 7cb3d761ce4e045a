"""timeline.json: TimelineJS3's JSON format
(https://timeline.knightlab.com/docs/json-format.html), field by field."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import jsonschema

from formats_support import SMALL_STORY_EXPECTED, displayed_date, displayed_datetime, shows_key_badge

_digits = {"type": "string", "pattern": "^[0-9]+$"}
_date = {
    "type": "object",
    "required": ["year"],
    "properties": {k: _digits for k in ("year", "month", "day", "hour", "minute", "second", "millisecond")}
    | {"display_date": {"type": "string"}, "format": {"type": "string"}},
    "additionalProperties": False,
}
_text = {"type": "object", "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
         "additionalProperties": False}
_slide_fields = {"text": _text, "media": {"type": "object"}, "group": {"type": "string"},
                 "display_date": {"type": "string"}, "background": {"type": "object"},
                 "autolink": {"type": "boolean"}, "unique_id": {"type": "string", "minLength": 1}}
TIMELINEJS = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": _slide_fields, "additionalProperties": False},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "properties": {"start_date": _date, "end_date": _date} | _slide_fields,
                "additionalProperties": False,
            },
        },
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags = "", []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)

    def handle_data(self, data):
        self.text += data


def as_html(fragment: str) -> tuple[str, list]:
    """What a browser shows for `fragment` set as innerHTML (TimelineJS3 sets
    headline and text that way): its text, and the elements it would create."""
    parser = _HTMLText()
    parser.feed(fragment)
    parser.close()
    return parser.text, parser.tags


def load(site) -> dict:
    return json.loads(site.text("timeline.json"))


def test_matches_the_timelinejs3_format(site):
    jsonschema.validate(load(site), TIMELINEJS)


def test_title_slide(site):
    title = load(site)["title"]
    assert as_html(title["text"]["headline"]) == (site.story.title, [])
    assert as_html(title["text"]["text"]) == (site.story.settings["description"], [])


def test_headlines_show_the_titles_as_text(site):
    """TimelineJS3 puts text.headline into the page as HTML (Slide/Text:
    `this._el.headline.innerHTML = this.data.headline`), so a title is text
    only once HTML-escaped: `<b>aides</b>` in a title must show as written,
    not turn bold (nor `<img onerror=…>` run)."""
    for slide, event in zip(load(site)["events"], site.story.events):
        text, tags = as_html(slide["text"]["headline"])
        assert tags == [], f"{event.slug}: the headline creates elements {tags}"
        assert text == event.title, event.slug


def test_one_event_per_published_event_in_chronological_order(site):
    events = load(site)["events"]
    assert [e["unique_id"] for e in events] == [e.slug for e in site.story.events]
    assert len({e["unique_id"] for e in events}) == len(events)


def test_event_fields(site):
    for slide, event in zip(load(site)["events"], site.story.events):
        assert slide["start_date"] == event.start.timelinejs(), event.slug
        if event.end:
            assert slide["end_date"] == event.end.timelinejs(), event.slug
        else:
            assert "end_date" not in slide
        assert slide["display_date"] == event.display
        page = site.output / "events" / event.slug / "index.html"
        assert slide["display_date"] == displayed_date(page)
        assert displayed_datetime(page) == event.start_iso, event.slug
        assert shows_key_badge(page) == event.key, event.slug
        assert slide["text"]["text"].startswith("<p>")
        if event.tags:
            assert slide["group"] == event.tags[0]
        else:
            assert "group" not in slide
        assert slide["unique_id"] == event.slug
        for key in ("start_date", "end_date"):
            for part, value in slide.get(key, {}).items():
                assert isinstance(value, str) and value.isdigit(), (event.slug, key, part, value)


def test_date_precision_by_hand(small):
    slides = {s["unique_id"]: s for s in load(small)["events"]}
    assert set(slides) == {x["slug"] for x in SMALL_STORY_EXPECTED}
    assert slides["earlier-contacts"]["start_date"] == {"year": "2024"}
    assert slides["plan-drafted"]["start_date"] == {"year": "2025", "month": "11"}
    assert slides["plan-drafted"]["display_date"] == "c. November 2025"
    assert slides["geneva-meeting"]["start_date"] == {"year": "2025", "month": "11", "day": "23"}
    assert slides["deal-claims"]["end_date"] == {"year": "2025", "month": "11", "day": "25"}
    assert slides["new-year-talks"]["start_date"] == {"year": "2025", "month": "12", "day": "30"}
    assert slides["new-year-talks"]["end_date"] == {"year": "2026", "month": "1", "day": "2"}
    assert slides["new-year-talks"]["display_date"] == "30 December 2025 – 2 January 2026"
    assert "group" not in slides["spring-review"]
    for x in SMALL_STORY_EXPECTED:
        slide = slides[x["slug"]]
        assert slide["start_date"] == x["start"]
        assert slide.get("end_date") == x["end"]
        assert slide["display_date"] == x["display"]
        assert slide.get("group") == (x["tags"][0] if x["tags"] else None)


def test_times_by_hand(small, builder):
    """hour and minute on the clocks where it happened, as strings without
    leading zeros; only dates with times have them."""
    slides = {s["unique_id"]: s for s in load(small)["events"]}
    assert slides["new-york-briefing"]["start_date"] == {"year": "2025", "month": "11", "day": "26",
                                                         "hour": "9", "minute": "30"}
    assert slides["new-york-briefing"]["display_date"] == "26 November 2025, 09:30 New York time"
    assert slides["geneva-call"]["start_date"] == {"year": "2025", "month": "11", "day": "26",
                                                   "hour": "15", "minute": "30"}
    assert slides["geneva-call"]["display_date"] == "26 November 2025, 15:30 UTC+1"
    assert slides["overnight-session"]["start_date"]["hour"] == "22"
    assert slides["overnight-session"]["end_date"] == {"year": "2025", "month": "11", "day": "29",
                                                       "hour": "2", "minute": "30"}
    for slug, slide in slides.items():
        timed = small.story.event(slug).has_time
        assert ("hour" in slide["start_date"]) == small.story.event(slug).start.has_time, slug
        if not timed:
            assert "minute" not in slide["start_date"] and "hour" not in slide.get("end_date", {}), slug
    shipped = {s["unique_id"]: s for s in load(builder.get("shipped"))["events"]}
    moscow = shipped["moscow-meeting"]
    assert moscow["start_date"] == {"year": "2025", "month": "12", "day": "2", "hour": "20", "minute": "0"}
    assert moscow["end_date"] == {"year": "2025", "month": "12", "day": "3"}
    assert moscow["display_date"] == "c. 2 December 2025, 20:00 Moscow time – 3 December 2025"
