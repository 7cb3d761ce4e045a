"""sitemap.xml (sitemaps.org 0.9) and robots.txt."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from formats_support import SITEMAP_XSD, html_pages, instant, w3c, xmllint

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def entries(site) -> dict[str, str | None]:
    """loc -> lastmod (None when absent), in file order."""
    root = ET.fromstring(site.bytes("sitemap.xml"))
    assert root.tag == f"{NS}urlset"
    result = {}
    for url in root:
        assert url.tag == f"{NS}url"
        assert [child.tag for child in url] in ([f"{NS}loc"], [f"{NS}loc", f"{NS}lastmod"])
        loc = url.findtext(f"{NS}loc")
        assert loc not in result, f"{loc} listed twice"
        result[loc] = url.findtext(f"{NS}lastmod")
    return result


def test_well_formed(based_site):
    result = xmllint("--noout", str(based_site.path("sitemap.xml")))
    assert result.returncode == 0, result.stderr


def test_valid_against_the_sitemaps_schema(based_site):
    result = xmllint("--noout", "--schema", str(SITEMAP_XSD), str(based_site.path("sitemap.xml")))
    assert result.returncode == 0, result.stderr


def test_every_loc_is_a_built_page(based_site):
    for loc in entries(based_site):
        assert loc.startswith(based_site.base), loc
        folder = loc[len(based_site.base):]
        assert folder == "" or folder.endswith("/"), loc
        assert (based_site.output / folder / "index.html").is_file(), f"{loc} has no index.html"


def test_every_page_but_404_is_listed(based_site):
    listed = set(entries(based_site))
    pages = html_pages(based_site.output)
    assert "404.html" in pages
    for page in pages:
        if page == "404.html":
            assert based_site.base + "404.html" not in listed
            continue
        assert page.endswith("index.html"), page
        assert based_site.base + page[: -len("index.html")] in listed, f"{page} is not in the sitemap"
    assert len(listed) == len(pages) - 1


def test_lastmod_values(based_site):
    lastmods = entries(based_site)
    """A W3C datetime: the day alone at midnight UTC, else the full moment in UTC."""
    for loc, lastmod in lastmods.items():
        if lastmod is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?", lastmod), (loc, lastmod)
            assert not lastmod.endswith("T00:00:00Z"), (loc, lastmod)
    story, base = based_site.story, based_site.base
    newest = w3c(story.newest)
    for section in ["", "key-moments/", "articles/", "people/", "places/", "documents/", "tags/"]:
        assert lastmods[base + section] == newest, section
    for event in story.events:
        assert lastmods[base + f"events/{event.slug}/"] == w3c(event.updated), event.slug
    for slug, (_, published) in story.articles.items():
        citing = [e.updated for e in story.events if slug in e.cited]
        assert lastmods[base + f"articles/{slug}/"] == w3c(max([instant(published)] + citing)), slug
    for slug in story.places:
        here = [e.updated for e in story.events if e.place == slug]
        assert lastmods[base + f"places/{slug}/"] == (w3c(max(here)) if here else None), slug
    for tag in {t for e in story.events for t in e.tags}:
        tagged = [e.updated for e in story.events if tag in e.tags]
        assert lastmods[base + f"tags/{tag}/"] == w3c(max(tagged)), tag


def test_small_story_lastmods_by_hand(small):
    lastmods = entries(small)
    base = "https://example.org/talks/"
    assert lastmods[base] == "2026-03-31"
    assert lastmods[base + "events/kyiv-escaping/"] == "2025-12-05"
    assert lastmods[base + "events/new-year-talks/"] == "2026-01-02"
    assert lastmods[base + "articles/kyiv-dispatch/"] == "2025-12-05"
    assert lastmods[base + "places/kyiv/"] == "2026-01-02"
    assert lastmods[base + "tags/talks/"] == "2026-01-02"
    assert base + "events/secret-draft/" not in lastmods
    assert lastmods[base + "events/new-york-briefing/"] == "2025-11-26T14:30:00Z"  # 09:30 in New York
    assert lastmods[base + "events/overnight-session/"] == "2025-11-29T02:30:00Z"  # its end moment
    assert lastmods[base + "key-moments/"] == "2026-03-31"


def test_key_moments_page_is_listed(based_site):
    assert (based_site.output / "key-moments" / "index.html").is_file()
    assert based_site.base + "key-moments/" in entries(based_site)


def test_robots_txt_names_the_sitemap(based_site):
    assert based_site.text("robots.txt") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {based_site.base}sitemap.xml\n")


def test_key_moments_page_lists_the_key_events_in_order(site):
    """key-moments/index.html is always written; it lists the `key: true`
    events, in the order HTML lists use (site.yml's `order`)."""
    text = site.text("key-moments/index.html")
    linked = re.findall(r'<h2 class="event-title"><a href="\.\./events/([^/"]+)/index\.html">', text)
    assert linked == [e.slug for e in site.story.html_events if e.key]
    assert linked, "the fixtures should have key moments"
