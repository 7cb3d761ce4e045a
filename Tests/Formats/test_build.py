"""What the build says and writes with and without base_url, --base-url
overriding site.yml, and byte-identical output for the same input."""

from __future__ import annotations

import json
import re

import feedparser
import icalendar

from formats_support import OVERRIDE_BASE

FORMATS = ["feed.xml", "feed.json", "timeline.ics", "timeline.json", "sitemap.xml", "robots.txt"]
# URLs that name specifications, not the site.
SPEC_URLS = {"http://www.w3.org/2005/Atom", "https://jsonfeed.org/version/1.1",
             "http://www.sitemaps.org/schemas/sitemap/0.9"}


def absolute_urls(site, name: str) -> list[str]:
    text = site.text(name)
    if name == "timeline.ics":  # unfold, then undo TEXT escaping
        text = text.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    if name.endswith(".json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return re.findall(r"https?://[^\s\"'<>\\]+", text)


def test_build_with_base_url_prints_no_warning(based_site):
    assert based_site.stderr == ""


def test_build_without_base_url_warns_once_and_succeeds(nobase):
    assert nobase.returncode == 0
    settings = f"{nobase.content}/site.yml"
    assert nobase.stderr.splitlines() == [
        f"{settings}: warning: base_url is not set: sitemap.xml is left out, feeds link relative to their "
        "own address and pages have no canonical URL (set base_url in site.yml or pass --base-url)"]


def test_without_base_url_no_sitemap_and_robots_without_it(nobase):
    assert not nobase.path("sitemap.xml").exists()
    assert nobase.text("robots.txt") == "User-agent: *\nAllow: /\n"


def test_without_base_url_feeds_are_still_valid(nobase):
    atom = feedparser.parse(nobase.bytes("feed.xml"))
    assert atom.bozo == 0 and len(atom.entries) == len(nobase.story.events)
    feed = json.loads(nobase.text("feed.json"))
    assert len(feed["items"]) == len(nobase.story.events)
    cal = icalendar.Calendar.from_ical(nobase.bytes("timeline.ics"))
    assert len(cal.walk("VEVENT")) == len(nobase.story.events)
    for name in FORMATS[:4]:
        assert absolute_urls(nobase, name) == [u for u in absolute_urls(nobase, name) if u in SPEC_URLS], name


def test_base_url_option_overrides_site_yml_everywhere(override):
    assert override.story.base_url == "https://example.org/talks/"  # what site.yml says
    for name in FORMATS:
        urls = [u for u in absolute_urls(override, name) if u not in SPEC_URLS]
        assert urls, f"{name} has no absolute URL"
        wrong = [u for u in urls if not u.startswith(OVERRIDE_BASE)]
        assert not wrong, f"{name}: {wrong}"
        assert "example.org/talks" not in override.text(name), name


def test_base_url_option_sets_ids_links_and_locations(override):
    atom = feedparser.parse(override.bytes("feed.xml"))
    assert atom.feed.id == OVERRIDE_BASE
    assert {link.rel: link.href for link in atom.feed.links} == {"alternate": OVERRIDE_BASE,
                                                                  "self": OVERRIDE_BASE + "feed.xml"}
    assert [e.link for e in atom.entries] == [OVERRIDE_BASE + f"events/{e.slug}/"
                                              for e in reversed(override.story.events)]
    feed = json.loads(override.text("feed.json"))
    assert feed["home_page_url"] == OVERRIDE_BASE and feed["feed_url"] == OVERRIDE_BASE + "feed.json"
    cal = icalendar.Calendar.from_ical(override.bytes("timeline.ics"))
    assert [str(e["URL"]) for e in cal.walk("VEVENT")] == [OVERRIDE_BASE + f"events/{e.slug}/"
                                                           for e in override.story.events]
    assert override.text("robots.txt").endswith(f"\nSitemap: {OVERRIDE_BASE}sitemap.xml\n")


def test_same_input_gives_byte_identical_files(small, small_again):
    """Built from two copies in different folders, notes written in a
    different order, under another time zone and locale."""
    assert small.content != small_again.content
    for name in FORMATS + ["search.json"]:
        assert small.bytes(name) == small_again.bytes(name), f"{name} differs between two builds"
