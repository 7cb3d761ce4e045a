"""feed.json: JSON Feed 1.1 (https://jsonfeed.org/version/1.1), field by field,
and the same entries in the same order as the Atom feed."""

from __future__ import annotations

import datetime as dt
import json
import re

import feedparser
import jsonschema

from formats_support import SMALL_STORY_EXPECTED, rfc3339

RFC3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"

# The fields JSON Feed 1.1 defines; anything else must be an extension ("_…").
_author = {"type": "object", "properties": {"name": {"type": "string"}, "url": {"type": "string"},
                                            "avatar": {"type": "string"}},
           "patternProperties": {"^_": {}}, "additionalProperties": False}
JSON_FEED_1_1 = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "feed_url": {"type": "string", "pattern": "^https?://"},
        "description": {"type": "string"},
        "user_comment": {"type": "string"},
        "next_url": {"type": "string"},
        "icon": {"type": "string"},
        "favicon": {"type": "string"},
        "authors": {"type": "array", "items": _author},
        "language": {"type": "string"},
        "expired": {"type": "boolean"},
        "hubs": {"type": "array"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "external_url": {"type": "string"},
                    "title": {"type": "string"},
                    "content_html": {"type": "string"},
                    "content_text": {"type": "string"},
                    "summary": {"type": "string"},
                    "image": {"type": "string"},
                    "banner_image": {"type": "string"},
                    "date_published": {"type": "string", "pattern": RFC3339},
                    "date_modified": {"type": "string", "pattern": RFC3339},
                    "authors": {"type": "array", "items": _author},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "language": {"type": "string"},
                    "attachments": {"type": "array"},
                },
                "patternProperties": {"^_": {}},
                "additionalProperties": False,
            },
        },
    },
    "patternProperties": {"^_": {}},
    "additionalProperties": False,
}


def load(site) -> dict:
    return json.loads(site.text("feed.json"))


def test_valid_json_feed_1_1(site):
    jsonschema.validate(load(site), JSON_FEED_1_1)


def test_top_level_fields(site):
    feed = load(site)
    story = site.story
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == story.title
    if site.base:
        assert feed["home_page_url"] == site.base
        assert feed["feed_url"] == site.base + "feed.json"
    else:
        assert "home_page_url" not in feed and "feed_url" not in feed
    assert feed.get("description") == story.settings.get("description")
    assert feed["language"] == story.settings.get("language", "en")
    assert feed["authors"] == [{"name": story.settings.get("author", story.title)}]


def test_items_field_by_field(site):
    items = load(site)["items"]
    events = list(reversed(site.story.events))
    assert len(items) == len(events)
    for item, event in zip(items, events):
        if site.base:
            assert item["id"] == site.base + f"events/{event.slug}/"
            assert item["url"] == item["id"]
        else:
            assert item["id"] == f"tag:timeline.invalid,2000:talks-tensions/events/{event.slug}/"
            assert "url" not in item
        assert item["title"] == event.title
        assert item["content_html"].startswith("<p><strong>")
        assert item["date_published"] == rfc3339(event.published), event.slug
        assert item["date_modified"] == rfc3339(event.updated), event.slug
        for key in ("date_published", "date_modified"):
            assert re.match(RFC3339, item[key])
            parsed = dt.datetime.fromisoformat(item[key].replace("Z", "+00:00"))
            assert parsed.tzinfo is not None and parsed.utcoffset() == dt.timedelta(0)
        assert item["date_published"] <= item["date_modified"]
        if event.tags:
            assert item["tags"] == event.tags
        else:
            assert "tags" not in item


def test_same_entries_and_order_as_atom(site):
    items = load(site)["items"]
    atom = feedparser.parse(site.bytes("feed.xml")).entries
    assert [i["id"] for i in items] == [e.id for e in atom]
    assert [i["title"] for i in items] == [e.title for e in atom]
    assert [i["date_modified"] for i in items] == [e.updated for e in atom]
    assert [i.get("summary") for i in items] == [e.summary for e in atom]
    assert [i.get("url") for i in items] == [e.link if site.base else None for e in atom]


def test_small_story_values_by_hand(small):
    items = load(small)["items"]
    hand = list(reversed(SMALL_STORY_EXPECTED))
    assert [i["title"] for i in items] == [x["title"] for x in hand]
    assert [i["summary"] for i in items] == [x["summary"] for x in hand]
    assert [i["date_modified"] for i in items] == [rfc3339(x["updated"]) for x in hand]
    assert [i["date_published"] for i in items] == [rfc3339(x["published"]) for x in hand]
    assert [i.get("tags", []) for i in items] == [x["tags"] for x in hand]
    escaping = next(i for i in items if i["id"].endswith("/kyiv-escaping/"))
    assert escaping["content_html"] == (
        "<p><strong>27 November 2025</strong></p>\n"
        "<p>Aides &amp; envoys wrote <code>&lt;b&gt;</code> tags, “quoted” words; commas, semicolons \\ "
        "backslashes in Київ\nand a second line.</p>\n<p>Another paragraph.</p>\n")
    geneva = next(i for i in items if i["id"].endswith("/geneva-meeting/"))
    assert 'href="https://example.org/talks/people/anna-envoy/index.html"' in geneva["content_html"]


def test_times_by_hand(small):
    items = {i["id"].split("/events/")[1].rstrip("/"): i for i in load(small)["items"]}
    assert items["new-york-briefing"]["date_published"] == "2025-11-26T14:30:00Z"
    assert items["new-york-briefing"]["date_modified"] == "2025-11-26T14:30:00Z"
    assert items["geneva-call"]["date_modified"] == "2025-11-26T14:30:00Z"
    assert items["overnight-session"]["date_published"] == "2025-11-28T22:00:00Z"
    assert items["overnight-session"]["date_modified"] == "2025-11-29T02:30:00Z"
    slugs = list(items)
    assert slugs.index("overnight-session") < slugs.index("geneva-call") < slugs.index("new-york-briefing")
