"""The expectation model (support.Story) against the values worked out by hand
for the small story, so every other test stands on checked ground."""

from formats_support import SMALL_STORY_DRAFTS, SMALL_STORY_EXPECTED, PDate, display_range


def test_model_matches_hand_computed_values(small):
    story = small.story
    assert [e.slug for e in story.events] == [x["slug"] for x in SMALL_STORY_EXPECTED]
    assert [e.slug for e in story.drafts] == SMALL_STORY_DRAFTS
    for event, hand in zip(story.events, SMALL_STORY_EXPECTED):
        assert event.title == hand["title"]
        assert event.display == hand["display"]
        assert event.start.timelinejs() == hand["start"]
        assert (event.end.timelinejs() if event.end else None) == hand["end"]
        assert event.updated == hand["updated"], event.slug
        assert event.published == hand["published"], event.slug
        assert event.first_day == hand["dtstart"]
        assert event.dtend == hand["dtend"], event.slug
        assert story.location(event) == hand["location"]
        assert story.geo(event) == hand["geo"]
        assert event.tags == hand["tags"]
        assert event.start.precision == hand["precision"]


def test_display_forms():
    assert display_range(PDate(2025, 11, 29), PDate(2025, 12, 2)) == "29 November – 2 December 2025"
    assert display_range(PDate(2025, 11), PDate(2025, 12)) == "November–December 2025"
    assert display_range(PDate(2024), PDate(2025)) == "2024–2025"
