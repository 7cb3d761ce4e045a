"""The "Key moments" digest at the top of the chronology, and its page of its
own, as a reader's browser shows them: where the block sits, what it lists and
in which order, that nothing in it runs off a phone's screen, that the keyboard
reaches it, and that the page needs no script. Its validity and accessibility
are judged with the other pages (test_validity, test_accessibility)."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import DESKTOP, PHONE, REPO, set_viewport, wait_for
from test_reader import assert_quiet, load_index

SIZES = [(PHONE[0], PHONE[1]), (DESKTOP[0], DESKTOP[1])]
SIZE_IDS = ["phone-390", "desktop-1280"]
# The Tab presses allowed to get from the top of the index past the digest to
# the event list (skip link, navigation, digest, the axis's marks or bars,
# browse links, form).
MAX_TABS = 300


def key_slugs_in_content() -> set[str]:
    """The events the shipped story marks `key: true`, read from Content/."""
    slugs = set()
    for path in sorted((REPO / "Content" / "events").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---", 2)[1]
        if re.search(r"^key:\s*true\s*$", front, re.MULTILINE):
            slugs.add(path.stem)
    return slugs


def key_moments_in_order(site) -> list[str]:
    """The addresses of the key events, in the chronology's order: the events
    Content/ marks `key: true`, ordered as search.json lists the chronology."""
    keys = key_slugs_in_content()
    assert keys, "the shipped story marks no event `key: true`"
    events = site.search_index()["events"]
    days = [event["start"][:10] for event in events]
    assert days == sorted(days), "search.json does not list the events in date order"
    listed = [event["slug"] for event in events]
    assert keys <= set(listed), f"key events missing from search.json: {sorted(keys - set(listed))}"
    return [site.page(event["url"]) for event in events if event["slug"] in keys]


def event_slug(href: str) -> str:
    match = re.search(r"/events/([^/]+)/index\.html$", href)
    assert match, f"{href} is not an event page"
    return match.group(1)


def digest(driver) -> list[dict]:
    """The digest's items as rendered: link text and address, the date."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('section.key-moments ol.key-moment-list > li'))"
        ".map((li) => { const a = li.querySelector('a'), t = li.querySelector('time');"
        "  return {title: a && a.textContent.trim(), href: a && a.href,"
        "          datetime: t && t.getAttribute('datetime'), visible: li.checkVisibility()}; });")


def key_events_in_the_list(driver) -> list[str]:
    """The addresses of the event list's key events, in the list's order."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('ol.events > li.event'))"
        ".filter((li) => li.querySelector('.event-meta .key'))"
        ".map((li) => li.querySelector('.event-title a').href);")


@pytest.fixture
def no_script(browser):
    """The session's browser with page scripts switched off (as a reader who
    disabled JavaScript); switched on again afterwards."""
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        yield browser
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# ------------------------------------------------------------- on the index


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_digest_sits_above_the_axis_and_the_events(browser, shipped, size):
    set_viewport(browser, *size)
    load_index(browser, shipped)
    block = browser.find_element(By.CSS_SELECTOR, "section.key-moments")
    assert block.is_displayed(), f"the key-moments block is not shown at {size[0]} px"
    assert block.find_element(By.ID, "key-moments-h").text.strip() == "Key moments"
    assert block.get_attribute("aria-labelledby") == "key-moments-h"
    boxes = browser.execute_script(
        "const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();"
        "  return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,"
        "          width: r.width, height: r.height}; };"
        "return {block: box(document.querySelector('section.key-moments')),"
        "        axis: box(document.querySelector('figure.axis')),"
        "        filters: box(document.getElementById('filters')),"
        "        events: box(document.querySelector('ol.events')),"
        "        first: box(document.querySelector('ol.events > li.event'))};")
    assert all(boxes.values()), f"missing parts of the index: {boxes}"
    block_box = boxes["block"]
    assert block_box["width"] > 0 and block_box["height"] > 0
    for part in ("axis", "filters", "events", "first"):
        assert block_box["bottom"] <= boxes[part]["top"] + 0.5, (
            f"at {size[0]} px the key-moments block (bottom {block_box['bottom']:.1f}) is not above "
            f"the {part} (top {boxes[part]['top']:.1f})")
    assert_quiet(browser, f"index.html at {size[0]} px")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_digest_lists_the_key_events_in_chronology_order(browser, shipped, size):
    set_viewport(browser, *size)
    load_index(browser, shipped)
    items = digest(browser)
    expected = key_moments_in_order(shipped)
    assert len(items) == len(expected), (
        f"the shipped story has {len(expected)} key moments, the block lists {len(items)}")
    assert all(item["visible"] and item["title"] and item["href"] for item in items), items
    assert {event_slug(item["href"]) for item in items} == key_slugs_in_content()
    assert [item["href"] for item in items] == expected, "the key moments are not in the chronology's order"
    # In the order of the chronology: as the event list below orders them ...
    assert [item["href"] for item in items] == key_events_in_the_list(browser)
    # ... which is the order of their dates.
    days = [item["datetime"][:10] for item in items]
    assert days == sorted(days), f"key moments out of date order: {days}"
    # The titles are the events' own.
    titles = browser.execute_script(
        "return Object.fromEntries(Array.from(document.querySelectorAll('ol.events .event-title a'))"
        ".map((a) => [a.href, a.textContent.trim()]));")
    assert [item["title"] for item in items] == [titles[item["href"]] for item in items]
    more = browser.find_element(By.CSS_SELECTOR, "section.key-moments p.more a")
    assert more.get_attribute("href") == shipped.page("key-moments/index.html")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_nothing_in_the_digest_overflows(browser, shipped, size):
    width, _ = size
    set_viewport(browser, *size)
    load_index(browser, shipped)
    metrics = browser.execute_script(
        "const e = document.documentElement, b = document.querySelector('section.key-moments');"
        "const edge = b.getBoundingClientRect();"
        "const out = Array.from(b.querySelectorAll('*')).filter((el) => {"
        "  const r = el.getBoundingClientRect();"
        "  return r.width > 0 && (r.right > edge.right + 1 || r.left < edge.left - 1); })"
        "  .slice(0, 10).map((el) => el.tagName.toLowerCase() +"
        "    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +"
        "    ' left=' + Math.round(el.getBoundingClientRect().left) + ' right=' + Math.round(el.getBoundingClientRect().right));"
        "return {doc_scroll: e.scrollWidth, doc_client: e.clientWidth, inner: innerWidth,"
        "        block_scroll: b.scrollWidth, block_client: b.clientWidth,"
        "        block_right: edge.right, out: out};")
    # A phone zooms out to fit what is too wide, so innerWidth would grow.
    assert metrics["inner"] == width, f"the layout viewport grew to {metrics['inner']} px"
    assert metrics["doc_scroll"] <= metrics["doc_client"], (
        f"the index at {width} px scrolls sideways: {metrics}")
    assert metrics["block_scroll"] <= metrics["block_client"], (
        f"the key-moments block at {width} px is wider inside than out: {metrics}")
    assert metrics["block_right"] <= metrics["doc_client"] + 0.5, metrics
    assert not metrics["out"], f"at {width} px these stick out of the key-moments block: {metrics['out']}"


def _focused(driver) -> dict:
    return driver.execute_script(
        "const el = document.activeElement;"
        "const items = Array.from(document.querySelectorAll('.key-moment-list > li > a'));"
        "const events = Array.from(document.querySelectorAll('ol.events > li.event a'));"
        "const r = el.getBoundingClientRect();"
        "return {key: items.indexOf(el), event: events.indexOf(el), tag: el.tagName.toLowerCase(),"
        "        href: el.getAttribute('href'),"
        # Within 1 px: scrolled into view, an element can end a fraction of
        # a pixel past the edge (layout in 1/64 px).
        "        in_view: r.width > 0 && r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1"
        "                 && r.left >= -1 && r.right <= document.documentElement.clientWidth + 1};")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_keyboard_reaches_every_key_moment_before_the_event_list(browser, shipped, size):
    set_viewport(browser, *size)
    load_index(browser, shipped)
    count = len(digest(browser))
    assert count == len(key_moments_in_order(shipped))
    browser.execute_script("document.activeElement && document.activeElement.blur(); scrollTo(0, 0);")
    reached, first_event_at = [], None
    for press in range(1, MAX_TABS + 1):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        focus = _focused(browser)
        if focus["key"] >= 0:
            assert focus["in_view"], f"key moment {focus['key']} has focus but is off screen at {size[0]} px"
            reached.append((press, focus["key"]))
        if focus["event"] >= 0:
            first_event_at = press
            break
    assert first_event_at is not None, f"{MAX_TABS} Tab presses did not reach the event list"
    assert [key for _, key in reached] == list(range(count)), (
        f"Tab reached key moments {reached} (press, item) before the first event link "
        f"(press {first_event_at}); expected each of the {count} once, in order")
    assert reached[0][0] < first_event_at
    # Enter on a focused key moment opens its event.
    browser.execute_script("document.activeElement.blur();")
    first = browser.find_element(By.CSS_SELECTOR, ".key-moment-list > li > a")
    title, href = first.text.strip(), first.get_attribute("href")
    browser.execute_script("arguments[0].focus();", first)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_for(browser, lambda d: d.current_url == href, message=f"Enter did not open {href}")
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == title


# ------------------------------------------------------------- without script


def test_the_key_moments_page_works_without_javascript(no_script, shipped):
    browser = no_script
    # Scripts are really off: filter.js does not show the index's form ...
    browser.get(shipped.page("index.html"))
    assert not browser.find_element(By.ID, "filters").is_displayed(), "filter.js ran: scripts are on"
    # ... while the digest, plain HTML, is there, and links to its page.
    assert browser.find_element(By.CSS_SELECTOR, "section.key-moments").is_displayed()
    from_index = [item["href"] for item in digest(browser)]
    assert from_index == key_moments_in_order(shipped)
    browser.find_element(By.CSS_SELECTOR, "section.key-moments p.more a").click()
    wait_for(browser, lambda d: d.current_url == shipped.page("key-moments/index.html"),
             message="the digest's link did not open key-moments/index.html")

    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == "Key moments"
    events = browser.find_elements(By.CSS_SELECTOR, "main ol.events > li.event")
    assert len(events) == len(from_index) and all(e.is_displayed() for e in events)
    links = [e.find_element(By.CSS_SELECTOR, "h2.event-title a") for e in events]
    assert [a.get_attribute("href") for a in links] == from_index, "the page and the digest disagree"
    for event in events:
        assert event.find_element(By.CSS_SELECTOR, ".event-meta .key").text.strip() == "Key moment"
        assert event.find_element(By.CSS_SELECTOR, ".event-meta time").get_attribute("datetime")
    # The way back and the way on work without script too.
    targets = [(a.text.strip(), a.get_attribute("href")) for a in links]
    for title, href in targets:
        browser.get(href)
        assert browser.find_element(By.TAG_NAME, "h1").text.strip() == title, href
    browser.get(shipped.page("key-moments/index.html"))
    browser.find_element(By.CSS_SELECTOR, ".site-title").click()
    wait_for(browser, lambda d: d.current_url == shipped.page("index.html"))
    assert_quiet(browser, "key-moments/index.html without JavaScript")
