"""JSON-LD on event pages (schema.org Event): startDate and endDate are the
dates as written, a moment in full with its offset."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser


class _LDScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inside, self.scripts = False, []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.scripts[-1] += data


def event_ld(site, slug) -> dict:
    parser = _LDScripts()
    parser.feed((site.output / "events" / slug / "index.html").read_text(encoding="utf-8"))
    parser.close()
    found = [d for d in map(json.loads, parser.scripts) if d.get("@type") == "Event"]
    assert len(found) == 1, f"{slug}: {len(found)} Event objects"
    return found[0]


def test_start_and_end_dates(site):
    for event in site.story.events:
        ld = event_ld(site, event.slug)
        assert ld["name"] == event.title
        assert ld["startDate"] == event.start_iso, event.slug
        assert ld.get("endDate") == event.end_iso, event.slug
        if event.start.has_time:
            moment = dt.datetime.fromisoformat(ld["startDate"])
            assert moment.tzinfo is not None and moment == event.start_instant, event.slug


def test_moments_by_hand(small, builder):
    assert event_ld(builder.get("shipped"), "moscow-meeting")["startDate"] == "2025-12-02T20:00+03:00"
    assert event_ld(builder.get("shipped"), "moscow-meeting")["endDate"] == "2025-12-03"
    assert event_ld(small, "new-york-briefing")["startDate"] == "2025-11-26T09:30-05:00"
    assert event_ld(small, "geneva-call")["startDate"] == "2025-11-26T15:30+01:00"
    overnight = event_ld(small, "overnight-session")
    assert (overnight["startDate"], overnight["endDate"]) == ("2025-11-28T22:00Z", "2025-11-29T02:30Z")
    assert event_ld(small, "geneva-meeting")["startDate"] == "2025-11-23"
