"""feed.xml: Atom 1.0 (RFC 4287), read by feedparser and by ElementTree."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import xml.etree.ElementTree as ET

import feedparser

from formats_support import SMALL_STORY_EXPECTED, instant, rfc3339, xmllint

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(site):
    # From bytes, so feedparser resolves nothing against a file path.
    feed = feedparser.parse(site.bytes("feed.xml"))
    assert feed.bozo == 0, f"feedparser rejects {site.name}/feed.xml: {feed.get('bozo_exception')!r}"
    assert feed.version == "atom10"
    return feed


def as_instant(struct_time) -> dt.datetime:
    return dt.datetime.fromtimestamp(calendar.timegm(struct_time), dt.timezone.utc)


def expected_id(site, event) -> str:
    if site.base:
        return site.base + f"events/{event.slug}/"
    return f"tag:timeline.invalid,2000:talks-tensions/events/{event.slug}/"


def test_well_formed_for_xmllint(site):
    result = xmllint("--noout", str(site.path("feed.xml")))
    assert result.returncode == 0, result.stderr


def test_feedparser_accepts_it(site):
    parse(site)


def test_feed_metadata(site):
    feed = parse(site).feed
    story = site.story
    assert feed.title == story.title
    assert feed.get("subtitle") == story.settings.get("description")
    assert as_instant(feed.updated_parsed) == story.newest
    assert feed.updated == rfc3339(story.newest)
    links = {link.rel: link.href for link in feed.links}
    if site.base:
        assert feed.id == site.base
        assert links == {"alternate": site.base, "self": site.base + "feed.xml"}
    else:
        assert feed.id == "tag:timeline.invalid,2000:talks-tensions/"
        assert links == {"alternate": "./", "self": "feed.xml"}
    assert feed.author == story.settings.get("author", story.title)


def test_entries_newest_first_by_event_date(site):
    """Newest first by start instant (a day at its first second in the site's
    zone), whatever site.yml's `order` says: it turns HTML lists only."""
    entries = parse(site).entries
    events = list(reversed(site.story.events))
    assert [e.id for e in entries] == [expected_id(site, ev) for ev in events]
    starts = [ev.start_instant for ev in events]
    assert starts == sorted(starts, reverse=True)


def test_feed_updated_is_max_of_entries(site):
    feed = parse(site)
    assert feed.feed.updated_parsed == max(e.updated_parsed for e in feed.entries)


def test_every_event_is_an_entry_with_its_fields(site):
    entries = {e.id: e for e in parse(site).entries}
    assert len(entries) == len(site.story.events)
    for event in site.story.events:
        entry = entries[expected_id(site, event)]
        assert entry.title == event.title
        assert entry.title_detail.type == "text/plain"
        assert entry.link == site.url(f"events/{event.slug}/")
        if site.base:
            assert entry.link.startswith(("https://", "http://"))
        assert as_instant(entry.updated_parsed) == event.updated, event.slug
        assert entry.updated == rfc3339(event.updated)
        assert as_instant(entry.published_parsed) == event.published, event.slug
        assert entry.published == rfc3339(event.published)
        assert event.published <= event.updated
        assert entry.summary, f"{event.slug} has no summary"
        assert entry.summary_detail.type == "text/plain"
        assert len(entry.content) == 1 and entry.content[0].type == "text/html"
        assert entry.content[0].value.startswith(f"<p><strong>{html.escape(event.display, quote=False)}</strong></p>\n<p>")
        assert [t.term for t in entry.get("tags", [])] == event.tags


def test_drafts_are_left_out(small):
    ids = [e.id for e in parse(small).entries]
    assert not [i for i in ids if "secret-draft" in i]


def test_small_story_values_by_hand(small):
    entries = parse(small).entries
    hand = list(reversed(SMALL_STORY_EXPECTED))
    assert [e.title for e in entries] == [x["title"] for x in hand]
    for entry, x in zip(entries, hand):
        assert entry.summary == x["summary"]
        assert entry.updated == rfc3339(x["updated"])
        assert as_instant(entry.updated_parsed) == instant(x["updated"])
        assert as_instant(entry.published_parsed) == instant(x["published"])


def test_escaping_survives(small):
    """Title, summary and content of the event full of special characters, read
    both by feedparser and by a plain XML parser."""
    x = next(x for x in SMALL_STORY_EXPECTED if x["slug"] == "kyiv-escaping")
    entry = next(e for e in parse(small).entries if e.id.endswith("/events/kyiv-escaping/"))
    assert entry.title == x["title"]
    assert entry.summary == x["summary"]
    content = ("<p><strong>27 November 2025</strong></p>\n"
               "<p>Aides &amp; envoys wrote <code>&lt;b&gt;</code> tags, “quoted” words; commas, semicolons \\ "
               "backslashes in Київ\nand a second line.</p>\n<p>Another paragraph.</p>\n")
    assert entry.content[0].value == content.rstrip("\n")  # feedparser strips the final newline

    root = ET.fromstring(small.bytes("feed.xml"))
    (node,) = [e for e in root.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith("/kyiv-escaping/")]
    assert node.findtext(f"{ATOM}title") == x["title"]
    assert list(node.find(f"{ATOM}title")) == [], "the title's <b> must be text, not an element"
    assert node.findtext(f"{ATOM}summary") == x["summary"]
    assert node.findtext(f"{ATOM}content") == content
    assert root.findtext(f"{ATOM}title") == "Talks & Tensions"


def test_times_by_hand(small):
    """A moment is updated and published at its instant in UTC; a range of
    moments is updated at its end moment; entries at the same instant keep
    the reading order (`order`), newest first."""
    entries = parse(small).entries
    by_slug = {e.id.split("/events/")[1].rstrip("/"): e for e in entries}
    briefing = by_slug["new-york-briefing"]
    assert briefing.updated == "2025-11-26T14:30:00Z" and briefing.published == "2025-11-26T14:30:00Z"
    assert as_instant(briefing.updated_parsed) == dt.datetime(2025, 11, 26, 14, 30, tzinfo=dt.timezone.utc)
    assert by_slug["geneva-call"].updated == "2025-11-26T14:30:00Z"
    overnight = by_slug["overnight-session"]
    assert overnight.updated == "2025-11-29T02:30:00Z" and overnight.published == "2025-11-28T22:00:00Z"
    assert briefing.content[0].value.startswith("<p><strong>26 November 2025, 09:30 New York time</strong></p>")
    slugs = list(by_slug)
    assert slugs.index("overnight-session") < slugs.index("geneva-call") < slugs.index("new-york-briefing")
    assert slugs.index("new-york-briefing") + 1 == slugs.index("deal-claims")
