"""The expectation model (support.Story) against the values worked out by hand
for the small story, so every other test stands on checked ground."""

from formats_support import SMALL_STORY_DRAFTS, SMALL_STORY_EXPECTED, PDate, display_range, instant


def test_model_matches_hand_computed_values(small):
    story = small.story
    assert [e.slug for e in story.events] == [x["slug"] for x in SMALL_STORY_EXPECTED]
    assert [e.slug for e in story.drafts] == SMALL_STORY_DRAFTS
    for event, hand in zip(story.events, SMALL_STORY_EXPECTED):
        assert event.title == hand["title"]
        assert event.display == hand["display"]
        assert event.start.timelinejs() == hand["start"]
        assert (event.end.timelinejs() if event.end else None) == hand["end"]
        assert event.updated == instant(hand["updated"]), event.slug
        assert event.published == instant(hand["published"]), event.slug
        assert event.ical_start == hand["dtstart"], event.slug
        assert event.ical_end == hand["dtend"], event.slug
        assert story.location(event) == hand["location"]
        assert story.geo(event) == hand["geo"]
        assert event.tags == hand["tags"]
        assert event.start.precision == hand["precision"]


def test_display_forms():
    assert display_range(PDate(2025, 11, 29), PDate(2025, 12, 2)) == "29 November – 2 December 2025"
    assert display_range(PDate(2025, 11), PDate(2025, 12)) == "November–December 2025"
    assert display_range(PDate(2024), PDate(2025)) == "2024–2025"


def test_reading_order_by_instant_then_order(small):
    """The briefing (09:30 New York) and the call (15:30+01:00) are the same
    instant; `order: 1` puts the call second although its title sorts first."""
    slugs = [e.slug for e in small.story.events]
    assert slugs.index("new-york-briefing") + 1 == slugs.index("geneva-call")
    briefing, call = small.story.event("new-york-briefing"), small.story.event("geneva-call")
    assert briefing.start_instant == call.start_instant
    assert call.title < briefing.title and call.order == 1 and briefing.order == 0


def test_parsing_times_and_zones():
    import datetime as dt
    from zoneinfo import ZoneInfo
    utc = dt.timezone.utc
    assert PDate.parse("2025-12-02T18:00+03:00").instant == dt.datetime(2025, 12, 2, 15, 0, tzinfo=utc)
    assert PDate.parse("2025-12-02T15:00Z").instant == dt.datetime(2025, 12, 2, 15, 0, tzinfo=utc)
    assert PDate.parse("2025-12-02T18:00").instant is None  # no offset until a zone gives one
    moscow = PDate.parse("2025-12-02T18:00").resolved(ZoneInfo("Europe/Moscow"))
    assert moscow.offset == 180 and moscow.iso == "2025-12-02T18:00+03:00"
    summer = PDate.parse("2025-07-01T09:30").resolved(ZoneInfo("America/New_York"))
    assert summer.offset == -240 and summer.instant == dt.datetime(2025, 7, 1, 13, 30, tzinfo=utc)
    assert PDate.parse("2025-12-02T18:00+03:00").timelinejs() == {
        "year": "2025", "month": "12", "day": "2", "hour": "18", "minute": "0"}
