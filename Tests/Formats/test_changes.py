"""changes.xml: every correction and update of the site, newest first, as Atom
1.0, read by feedparser and checked against the notes' own front matter."""

from __future__ import annotations

import calendar
import datetime as dt

import feedparser

from formats_support import _front_matter, xmllint


def parse(site):
    feed = feedparser.parse(site.bytes("changes.xml"))
    assert feed.bozo == 0, f"feedparser rejects {site.name}/changes.xml: {feed.get('bozo_exception')!r}"
    assert feed.version == "atom10"
    return feed


def moment(value) -> dt.datetime:
    """A correction's date as written: a day is midnight UTC (the shipped and
    small sites set no timezone), a moment is its instant."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    text = str(value)
    if "T" not in text:
        return dt.datetime.fromisoformat(text).replace(tzinfo=dt.timezone.utc)
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.timezone.utc)


def expected_entries(site) -> list[tuple[dt.datetime, str, str, str]]:
    """(when, kind, event slug, text) of every change the content holds."""
    entries = []
    for path in sorted((site.content / "events").glob("*.md")):
        front = _front_matter(path)
        if front.get("draft"):
            continue
        for kind, field in (("correction", "corrections"), ("update", "updates")):
            for note in front.get(field) or []:
                entries.append((moment(note["date"]), kind, path.stem, note["text"]))
    return entries


def test_well_formed_and_parsed(site):
    xmllint(site.path("changes.xml"))
    feed = parse(site)
    assert feed.feed.title.endswith(": corrections and updates")


def test_every_change_once_newest_first(site):
    feed = parse(site)
    expected = expected_entries(site)
    got = [
        (dt.datetime.fromtimestamp(calendar.timegm(e.updated_parsed), dt.timezone.utc), e.tags[0].term,
         e.link.rstrip("/").split("/")[-1], e.content[0].value.split(": ", 1)[1])
        for e in feed.entries
    ]
    assert sorted(got, key=lambda g: (g[2], g[1], g[3])) == sorted(expected, key=lambda g: (g[2], g[1], g[3]))
    instants = [g[0] for g in got]
    assert instants == sorted(instants, reverse=True), "newest first"
    assert len({e.id for e in feed.entries}) == len(feed.entries), "ids are unique"
    for entry in feed.entries:
        label = entry.tags[0].term.capitalize()
        assert entry.title.startswith(label + ": ")
        assert entry.content[0].value.startswith(label + ", ")


def test_the_shipped_story_corrects_in_the_open(builder):
    site = builder.get("shipped")
    feed = parse(site)
    # What the notes say, read with PyYAML: every correction and update is an entry.
    written = []
    for note in sorted((site.content / "events").glob("*.md")):
        front = _front_matter(note)
        for kind in ("corrections", "updates"):
            written += [(kind[:-1], note.stem)] * len(front.get(kind) or [])
    assert len(written) >= 2
    assert sorted(e.tags[0].term for e in feed.entries) == sorted(k for k, _ in written)
    slugs = {e.link.rstrip("/").split("/")[-1] for e in feed.entries}
    assert slugs == {slug for _, slug in written}
    for entry in feed.entries:
        assert entry.link.startswith(site.base), entry.link
        assert (site.output / entry.link[len(site.base):] / "index.html").exists()
    # The page of changes lists the same entries.
    page = site.text("changes/index.html")
    assert page.count('<li class="change change-') == len(feed.entries)
