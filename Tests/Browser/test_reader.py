"""The site as a reader's browser shows it: layout at two sizes, a quiet
console, and the chronology's filters driven through the real form."""

from __future__ import annotations

import re
import struct
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from support import (DESKTOP, PHONE, PUBLIC, SCREENSHOTS, console_problems, expected_events,
                     set_viewport, status_text, wait_for)

# Up to this many events the time axis draws one mark per event, above it a
# histogram (TimeAxis.rowLimit; docs/templates.md, "axis").
AXIS_ROW_LIMIT = 40
SELECTS = ("person", "place", "document", "tag", "status")
FIELDS = ("q",) + SELECTS


# ---------------------------------------------------------------- helpers


def png_size(path):
    """(width, height) from a PNG's IHDR chunk; fails if it is not a PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def visible_events(driver):
    """The ids of the li.event elements the browser actually renders."""
    return set(driver.execute_script(
        "return Array.from(document.querySelectorAll('li.event'))"
        ".filter((li) => li.checkVisibility()).map((li) => li.id);"))


def form_values(driver):
    return driver.execute_script(
        "const f = document.getElementById('filters');"
        "return Object.fromEntries(arguments[0].map((n) => [n, f.elements.namedItem(n).value]));",
        list(FIELDS))


def query_state(driver):
    """The filter state in the address bar, as a dict of the fields set."""
    query = urllib.parse.urlsplit(driver.current_url).query
    return dict(urllib.parse.parse_qsl(query))


def status_line(driver):
    return driver.find_element(By.ID, "filter-status").text.strip()


def load_index(driver, site, query="", wait_index=True):
    driver.get(site.page("index.html") + (("?" + query) if query else ""))
    wait_for(driver, lambda d: d.find_element(By.ID, "filters").is_displayed(),
             message="filter.js did not show the form")
    if wait_index:
        wait_for(driver, lambda d: d.find_element(By.ID, "filters").get_attribute("data-search") == "index",
                 message="filter.js did not load search.json")


def choose(driver, name, value):
    Select(driver.find_element(By.NAME, name)).select_by_value(value)


def type_words(driver, words):
    field = driver.find_element(By.NAME, "q")
    field.clear()
    field.send_keys(words)
    # The address follows after the typing pause (replaceState, debounced).
    wait_for(driver, lambda d: query_state(d).get("q", "") == words.strip(),
             message=f"the URL did not take q={words!r}")


def assert_shows(driver, index, **state):
    """The page shows exactly the events search.json says match, says how many,
    and hides the months and years left empty."""
    expected = expected_events(index, **state)
    total = len(index["events"])
    active = any(state.values())
    wait_for(driver, lambda d: visible_events(d) == expected, timeout=3,
             message=f"for {state}: visible {sorted(visible_events(driver))}, expected {sorted(expected)}")
    assert status_line(driver) == status_text(len(expected), total, active)
    sections = driver.execute_script(
        "return Array.from(document.querySelectorAll('section.month, section.year')).map((s) => "
        "[s.id, s.checkVisibility(), Array.from(s.querySelectorAll('li.event')).some((li) => li.checkVisibility())]);")
    for section_id, shown, has_visible_event in sections:
        assert shown == has_visible_event, f"section #{section_id} shown={shown} for {state}"
    assert_axis(driver, index, expected, state)


def assert_axis(driver, index, expected, state):
    """The time axis. Up to AXIS_ROW_LIMIT events it has one mark per event,
    and the filter fades the marks of the events filtered out. Above that it
    is a histogram whose bars count events per day, month or year: they name
    no event, so filter.js leaves them alone, and they keep counting every
    event whatever the filter shows."""
    total = len(index["events"])
    axis = driver.execute_script(
        "const svg = document.querySelector('figure.axis svg');"
        "return {histogram: Boolean(svg && svg.classList.contains('axis-histogram')),"
        "  marks: Array.from(document.querySelectorAll('.axis a[data-event]')).map((a) => "
        "    [a.getAttribute('data-event'), !a.classList.contains('mark-filtered-out')]),"
        "  bars: Array.from(document.querySelectorAll('.axis a.bar')).map((a) => "
        "    [a.querySelector('title').textContent, a.getAttribute('class'), a.checkVisibility()])};")
    if total <= AXIS_ROW_LIMIT:
        # The marks follow the filter: those of the events filtered out fade, the rest stay.
        assert not axis["histogram"] and not axis["bars"], f"{total} events should get one mark each, not bars"
        marks = axis["marks"]
        assert len(marks) == total
        assert {slug for slug, lit in marks if lit} == {e.removeprefix("event-") for e in expected}, (
            f"axis marks lit for {state}")
    else:
        assert axis["histogram"] and not axis["marks"], f"{total} events should be drawn as a histogram"
        counts = []
        for title, classes, visible in axis["bars"]:
            match = re.search(r": (\d+) events?$", title)
            assert match, f"a histogram bar's title does not say how many events: {title!r}"
            counts.append(int(match.group(1)))
            assert classes == "bar" and visible, f"the bar {title!r} changed with the filter {state}"
        assert sum(counts) == total, f"the histogram counts {sum(counts)} events, search.json has {total}"


def assert_quiet(driver, where):
    problems = console_problems(driver)
    assert not problems, f"console errors or warnings on {where}:\n" + "\n".join(
        f"  {p['level']}: {p['message']}" for p in problems)


# ------------------------------------------------------------- layout


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop-1280x900", "phone-390x844"])
def test_screenshot_of_the_index(browser, shipped, size):
    width, height = size
    set_viewport(browser, width, height)
    load_index(browser, shipped)
    # The viewport is exactly that wide; on the desktop a classic scrollbar
    # takes its share of it, on a phone scrollbars overlay the page.
    assert browser.execute_script("return window.innerWidth;") == width
    client_width = browser.execute_script("return document.documentElement.clientWidth;")
    assert width - 20 <= client_width <= width
    if width < 600:
        assert client_width == width
    path = SCREENSHOTS / f"index-{width}x{height}.png"
    path.unlink(missing_ok=True)
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000, f"{path} is suspiciously small"
    assert png_size(path) == (width, height)
    assert_quiet(browser, f"index.html at {width}×{height}")


@pytest.mark.parametrize("page", ["index.html", "events/moscow-meeting/index.html",
                                  "people/vladimir-putin/index.html", "key-moments/index.html"])
def test_no_horizontal_overflow_on_a_phone(browser, shipped, page):
    set_viewport(browser, *PHONE)
    browser.get(shipped.page(page))
    metrics = browser.execute_script(
        "const e = document.documentElement;"
        "return {scroll: e.scrollWidth, client: e.clientWidth, body: document.body.scrollWidth};")
    assert metrics["client"] == PHONE[0]
    too_wide = browser.execute_script(
        "return Array.from(document.querySelectorAll('body *')).filter((el) => {"
        "  const r = el.getBoundingClientRect(); return r.width > 0 && r.right > document.documentElement.clientWidth + 1;"
        "}).slice(0, 10).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +"
        "  (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +"
        "  ' right=' + Math.round(el.getBoundingClientRect().right));")
    assert metrics["scroll"] <= metrics["client"] + 1, (
        f"{page} overflows a {PHONE[0]} px screen: scrollWidth {metrics['scroll']} > clientWidth "
        f"{metrics['client']}; widest elements: {too_wide}")
    assert metrics["body"] <= metrics["client"] + 1


# ------------------------------------------------------------- console


@pytest.mark.parametrize("site_name,page", [
    ("shipped", "index.html"),
    ("shipped", "events/moscow-meeting/index.html"),
    ("shipped", "people/vladimir-putin/index.html"),
    ("shipped", "key-moments/index.html"),
    ("small", "index.html"),
    ("small", "events/geneva-meeting/index.html"),
    ("small", "people/boris-envoy/index.html"),
    ("small", "key-moments/index.html"),
])
def test_console_is_quiet(browser, sites, site_name, page):
    site = sites[site_name]
    browser.get(site.page(page))
    if page == "index.html":
        wait_for(browser, lambda d: d.find_element(By.ID, "filters").get_attribute("data-search") == "index")
    assert_quiet(browser, f"{site_name} {page}")


# ------------------------------------------------------------- filters


SHIPPED_CASES = [
    {"person": "vladimir-putin"},
    {"place": "kyiv"},
    {"tag": "talks"},
    {"status": "reported"},
    {"document": "20-point-plan"},
    {"q": "territory"},
    {"q": "TÉRRITORY  Ukraine"},  # case, accents and two words with two spaces between
    {"q": "moscow's"},            # matches Moscow’s (a typographic apostrophe)
    {"q": "micheal"},             # matches Micheál without the accent
    {"person": "steve-witkoff", "tag": "talks", "q": "moscow"},
    {"person": "yuri-ushakov", "place": "moscow", "status": "confirmed"},
    {"person": "yuri-ushakov", "status": "reported"},
    {"document": "28-point-plan", "tag": "plan", "status": "confirmed"},
    {"q": "no-such-word-anywhere"},
]


@pytest.mark.parametrize("case", SHIPPED_CASES, ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_filter_through_the_form(browser, shipped, case):
    index = shipped.search_index()
    state = {name: case.get(name, "") for name in FIELDS}
    if case != {"q": "no-such-word-anywhere"}:
        assert expected_events(index, **state), f"{case} should match something in the shipped story"
    load_index(browser, shipped)
    assert_shows(browser, index)
    for name in SELECTS:
        if state[name]:
            choose(browser, name, state[name])
    if state["q"]:
        type_words(browser, state["q"])
    assert_shows(browser, index, **state)
    assert query_state(browser) == {k: v for k, v in state.items() if v}
    assert form_values(browser) == state
    assert_quiet(browser, f"index.html filtered by {case}")


def test_back_and_forward_restore_the_filters(browser, shipped):
    index = shipped.search_index()
    load_index(browser, shipped)
    start = browser.execute_script("return history.length;")

    choose(browser, "person", "volodymyr-zelenskyy")
    assert query_state(browser) == {"person": "volodymyr-zelenskyy"}
    assert_shows(browser, index, person="volodymyr-zelenskyy")

    choose(browser, "tag", "plan")
    assert query_state(browser) == {"person": "volodymyr-zelenskyy", "tag": "plan"}
    assert_shows(browser, index, person="volodymyr-zelenskyy", tag="plan")
    assert browser.execute_script("return history.length;") == start + 2

    # Typing replaces the current entry instead of adding one per letter.
    type_words(browser, "plan")
    assert_shows(browser, index, person="volodymyr-zelenskyy", tag="plan", q="plan")
    assert browser.execute_script("return history.length;") == start + 2

    browser.back()
    wait_for(browser, lambda d: query_state(d) == {"person": "volodymyr-zelenskyy"})
    assert_shows(browser, index, person="volodymyr-zelenskyy")
    assert form_values(browser) == {"q": "", "person": "volodymyr-zelenskyy", "place": "",
                                    "document": "", "tag": "", "status": ""}

    browser.back()
    wait_for(browser, lambda d: query_state(d) == {})
    assert_shows(browser, index)
    assert form_values(browser) == dict.fromkeys(FIELDS, "")

    browser.forward()
    wait_for(browser, lambda d: query_state(d) == {"person": "volodymyr-zelenskyy"})
    assert_shows(browser, index, person="volodymyr-zelenskyy")
    assert form_values(browser)["person"] == "volodymyr-zelenskyy"
    assert_quiet(browser, "index.html after Back and Forward")


def test_a_link_with_filters_is_applied_on_load(browser, shipped):
    index = shipped.search_index()
    state = {"q": "moscow", "person": "steve-witkoff", "place": "", "document": "",
             "tag": "talks", "status": "confirmed"}
    load_index(browser, shipped, urllib.parse.urlencode({k: v for k, v in state.items() if v}))
    assert form_values(browser) == state
    assert_shows(browser, index, **state)
    assert_quiet(browser, "index.html opened with filters")


def test_unknown_values_in_the_link_are_ignored(browser, shipped):
    index = shipped.search_index()
    load_index(browser, shipped, "person=nobody-at-all&tag=talks&status=rumoured&place=&document=x")
    values = form_values(browser)
    assert values["person"] == "" and values["status"] == "" and values["document"] == ""
    assert values["tag"] == "talks"
    assert_shows(browser, index, tag="talks")
    assert_quiet(browser, "index.html opened with unknown filter values")


def test_reset_shows_everything_again(browser, shipped):
    index = shipped.search_index()
    load_index(browser, shipped, "person=vladimir-putin&q=putin")
    assert_shows(browser, index, person="vladimir-putin", q="putin")
    start = browser.execute_script("return history.length;")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=reset]").click()
    wait_for(browser, lambda d: urllib.parse.urlsplit(d.current_url).query == "")
    assert urllib.parse.urlsplit(browser.current_url).path.endswith("/index.html")
    assert browser.execute_script("return history.length;") == start + 1
    assert form_values(browser) == dict.fromkeys(FIELDS, "")
    assert_shows(browser, index)
    assert visible_events(browser) == {"event-" + e["slug"] for e in index["events"]}
    browser.back()
    wait_for(browser, lambda d: query_state(d) == {"person": "vladimir-putin", "q": "putin"})
    assert_shows(browser, index, person="vladimir-putin", q="putin")
    assert_quiet(browser, "index.html after reset")


def test_enter_in_the_text_box_filters_without_leaving_the_page(browser, shipped):
    index = shipped.search_index()
    load_index(browser, shipped)
    browser.execute_script("window.__samePage = true;")
    field = browser.find_element(By.NAME, "q")
    field.send_keys("geneva", Keys.ENTER)
    wait_for(browser, lambda d: query_state(d) == {"q": "geneva"})
    assert browser.execute_script("return window.__samePage === true;"), "Enter reloaded the page"
    assert_shows(browser, index, q="geneva")
    assert_quiet(browser, "index.html after Enter")


def test_filters_on_the_small_story_hide_empty_years(browser, small):
    index = small.search_index()
    load_index(browser, small)
    assert_shows(browser, index)
    choose(browser, "tag", "talks")
    assert_shows(browser, index, tag="talks")
    assert not browser.find_element(By.ID, "y2024").is_displayed()
    choose(browser, "person", "boris-envoy")
    assert_shows(browser, index, tag="talks", person="boris-envoy")
    choose(browser, "tag", "")
    assert_shows(browser, index, person="boris-envoy")
    assert browser.find_element(By.ID, "y2024").is_displayed()
    assert_quiet(browser, "small-story index.html")


# ------------------------------------------------------------- without JavaScript


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.filters_form = set(), None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.hrefs.add(attributes["href"])
        if tag == "form" and attributes.get("id") == "filters":
            self.filters_form = attributes


def _fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def test_without_javascript_the_form_is_hidden_and_pages_link_instead(shipped):
    index_page = _Links()
    index_page.feed(_fetch(shipped.page("index.html")))
    assert index_page.filters_form is not None, "index.html has no form#filters"
    assert "hidden" in index_page.filters_form, "form#filters must be hidden until filter.js runs"
    for listing in ("people", "places", "documents", "tags"):
        assert f"{listing}/index.html" in index_page.hrefs, f"index.html does not link to {listing}/"

    index = shipped.search_index()
    wanted = {
        "people": {slug for e in index["events"] for slug in e["people"]},
        "places": {e["place"] for e in index["events"] if e["place"]},
        "documents": {slug for e in index["events"] for slug in e["documents"]},
        "tags": {tag for e in index["events"] for tag in e["tags"]},
    }
    for listing, slugs in wanted.items():
        page = _Links()
        page.feed(_fetch(shipped.page(f"{listing}/index.html")))
        targets = {urllib.parse.urljoin(f"{listing}/index.html", href) for href in page.hrefs}
        missing = sorted(s for s in slugs if f"{listing}/{s}/index.html" not in targets)
        assert not missing, f"{listing}/index.html has no link to {missing}"
        for slug in slugs:
            _fetch(shipped.page(f"{listing}/{slug}/index.html"))


# ------------------------------------------------------------- from the disk


def test_filters_work_from_the_disk_without_search_json(browser, shipped):
    index = shipped.search_index()
    url = (PUBLIC / "index.html").as_uri()
    browser.get(url + "?person=vladimir-putin")
    form = browser.find_element(By.ID, "filters")
    wait_for(browser, lambda d: form.is_displayed(), message="filter.js did not run from file://")
    assert form.get_attribute("data-search") == "page"
    assert_shows(browser, index, person="vladimir-putin")
    assert form_values(browser)["person"] == "vladimir-putin"

    choose(browser, "tag", "talks")
    assert_shows(browser, index, person="vladimir-putin", tag="talks")
    assert query_state(browser) == {"person": "vladimir-putin", "tag": "talks"}
    browser.back()
    wait_for(browser, lambda d: query_state(d) == {"person": "vladimir-putin"})
    assert_shows(browser, index, person="vladimir-putin")
    choose(browser, "tag", "talks")
    choose(browser, "person", "")
    # Words fall back to the page's own text: a word in a title works.
    field = browser.find_element(By.NAME, "q")
    field.send_keys("geneva")
    wait_for(browser, lambda d: visible_events(d) == expected_events(index, tag="talks", q="geneva"),
             message="free text did not filter from the disk")
    assert_quiet(browser, "index.html from file://")
