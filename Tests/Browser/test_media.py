"""Media as a reader's browser shows it, on the small story (which carries a
photo, a PNG portrait, a YouTube video and Bluesky, Mastodon and
DocumentCloud posts): the picture the browser picks from the srcset for its
box, boxes that keep their shape while images load, thumbnails loaded lazily,
nothing fetched from another site until the reader presses a card's button,
the cards as plain links without script, and nothing running off a phone's
screen. Validity and accessibility of these pages are judged with the others
(test_validity, test_accessibility: MEDIA_PAGES)."""

from __future__ import annotations

import base64
import json
import math
import re
import urllib.parse

import pytest
from PIL import Image
from selenium.webdriver.common.by import By

from support import (DESKTOP, PHONE, SCREENSHOTS, console_problems, new_chromium, set_viewport,
                     wait_for)
from test_key_moments import no_script  # noqa: F401 - a fixture
from test_reader import assert_quiet

SIZES = [PHONE, DESKTOP]
SIZE_IDS = ["phone-390", "desktop-1280"]

# The small story's pages with media, and the card each carries: its figure,
# the original it links to and where its player or post is loaded from.
MEDIA_PAGES = ["events/plan-drafted/index.html", "people/anna-envoy/index.html",
               "places/geneva/index.html", "documents/draft-two/index.html"]
CARDS = {
    "events/plan-drafted/index.html": (
        "figure.media-video", "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "https://www.youtube-nocookie.com/embed/"),
    "people/anna-envoy/index.html": (
        "figure.media-post", "https://bsky.app/profile/wire.example.org/post/3lbf3etdjxc24",
        "https://embed.bsky.app/embed/"),
    "places/geneva/index.html": (
        "figure.media-post", "https://mastodon.social/@wireservice/113456789012345678",
        "https://mastodon.social/@wireservice/113456789012345678/embed"),
    "documents/draft-two/index.html": (
        "figure.media-document", "https://www.documentcloud.org/documents/20059068-the-second-draft",
        "https://embed.documentcloud.org/documents/20059068-the-second-draft/"),
}
EVENT = "events/plan-drafted/index.html"
EVENT_ALT = "Delegations seated at a long table under a bright window"


# ---------------------------------------------------------------- helpers


def srcset_candidates(srcset: str) -> list[tuple[str, int]]:
    """[(address, width)] from a srcset of `URL Nw` candidates, narrowest first."""
    candidates = []
    for part in srcset.split(","):
        url, descriptor = part.split()
        assert re.fullmatch(r"\d+w", descriptor), f"{descriptor!r} in {srcset!r} is not a width"
        candidates.append((url, int(descriptor[:-1])))
    return sorted(candidates, key=lambda c: c[1])


def expected_candidate(candidates: list[tuple[str, int]], needed: float) -> tuple[str, int]:
    """The candidate a browser should take for a box needing `needed` device
    pixels: the narrowest at least that wide, else the widest."""
    for candidate in candidates:
        if candidate[1] >= needed:
            return candidate
    return candidates[-1]


def picture_state(driver, selector: str) -> dict:
    return driver.execute_script(
        "const img = document.querySelector(arguments[0]);"
        "const source = img.closest('picture').querySelector('source[type=\"image/webp\"]');"
        "const box = img.getBoundingClientRect();"
        "return {currentSrc: img.currentSrc, complete: img.complete, naturalWidth: img.naturalWidth,"
        "  clientWidth: img.clientWidth, boxWidth: box.width, boxHeight: box.height,"
        "  width: +img.getAttribute('width'), height: +img.getAttribute('height'),"
        "  webpSrcset: source && source.getAttribute('srcset'), base: document.baseURI,"
        "  dpr: window.devicePixelRatio, loading: img.getAttribute('loading'), alt: img.getAttribute('alt')};",
        selector)


def decoded_width(driver, url: str) -> int:
    """The width in pixels of the file at `url` as the browser decodes it
    (img.naturalWidth under srcset is corrected by the candidate's density,
    so a plain Image() of the same address gives the file's own width)."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; const image = new Image();"
        "image.onload = () => done(image.naturalWidth); image.onerror = () => done(-1);"
        "image.src = arguments[0];", url)


def local_file(site, url: str):
    path = urllib.parse.urlsplit(url).path
    return site.root / urllib.parse.unquote(path.removeprefix(urllib.parse.urlsplit(site.url).path))


def wait_for_image(driver, selector: str):
    wait_for(driver, lambda d: d.execute_script(
        "const i = document.querySelector(arguments[0]);"
        "return i && i.complete && i.naturalWidth > 0 && !!i.currentSrc;", selector),
        message=f"{selector} did not load")


def layout_shift(driver) -> float:
    """The page's cumulative layout shift so far (buffered layout-shift entries)."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; let total = 0;"
        "new PerformanceObserver((list) => {"
        "  for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;"
        "}).observe({type: 'layout-shift', buffered: true});"
        "setTimeout(() => done(total), 100);")


def full_page_screenshot(driver, path) -> None:
    """The whole page, not only the viewport (CDP's captureBeyondViewport)."""
    path.unlink(missing_ok=True)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 5_000, f"{path} is suspiciously small"


def horizontal_overflow(driver) -> tuple[dict, list[str]]:
    metrics = driver.execute_script(
        "const e = document.documentElement;"
        "return {scroll: e.scrollWidth, client: e.clientWidth, body: document.body.scrollWidth};")
    too_wide = driver.execute_script(
        "return Array.from(document.querySelectorAll('body *')).filter((el) => {"
        "  const r = el.getBoundingClientRect(); return r.width > 0 && r.right > document.documentElement.clientWidth + 1;"
        "}).slice(0, 10).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +"
        "  (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +"
        "  ' right=' + Math.round(el.getBoundingClientRect().right));")
    return metrics, too_wide


# ------------------------------------------------------------- pictures


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_browser_picks_the_webp_its_box_needs(browser, small, size):
    set_viewport(browser, *size)
    # A cached wider file must not stand in for the one this size needs.
    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    browser.get(small.page(EVENT))
    selector = "main figure.media-image img"
    wait_for_image(browser, selector)
    state = picture_state(browser, selector)

    candidates = [(urllib.parse.urljoin(state["base"], url), width)
                  for url, width in srcset_candidates(state["webpSrcset"])]
    assert [w for _, w in candidates] == [480, 960, 1200], "the 1200 px photo in 480, 960 and its own width"
    needed = state["clientWidth"] * state["dpr"]
    url, width = expected_candidate(candidates, needed)
    assert state["currentSrc"] == url, (
        f"at {size[0]} px the box is {state['clientWidth']} px × DPR {state['dpr']} = {needed} px: "
        f"expected {url} ({width}w), the browser took {state['currentSrc']}")
    assert state["currentSrc"].endswith(f"-{width}.webp")

    # The file is a WebP of that width, as the browser decodes it and on disk.
    assert decoded_width(browser, state["currentSrc"]) == width
    with Image.open(local_file(small, state["currentSrc"])) as image:
        assert (image.format, image.width) == ("WEBP", width)
    # img.naturalWidth is the density-corrected width (file width ÷ the
    # candidate's density for `sizes`): never wider than the file.
    assert 0 < state["naturalWidth"] <= width

    # The box has the shape width × height give it, so nothing moves as it loads.
    assert (state["width"], state["height"]) == (1200, 800)
    assert math.isclose(state["boxHeight"], state["boxWidth"] * state["height"] / state["width"], abs_tol=1), (
        f"box {state['boxWidth']}×{state['boxHeight']} is not {state['width']}:{state['height']}")
    assert state["boxWidth"] <= size[0]
    assert layout_shift(browser) < 0.01, "the page shifted while its media loaded"

    assert state["loading"] == "eager", "the page's first picture is not lazy"
    assert state["alt"] == EVENT_ALT
    full_page_screenshot(browser, SCREENSHOTS / f"media-event-{size[0]}x{size[1]}.png")
    assert_quiet(browser, f"{EVENT} at {size[0]} px")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_list_thumbnail_loads_lazily_with_its_alt(browser, small, size):
    set_viewport(browser, *size)
    browser.get(small.page("index.html"))
    thumbnails = browser.find_elements(By.CSS_SELECTOR, "picture.thumbnail img")
    assert len(thumbnails) == 1, "the small story has one event with a picture"
    img = thumbnails[0]
    assert img.get_attribute("loading") == "lazy"
    assert browser.execute_script("return arguments[0].loading;", img) == "lazy"
    assert img.get_attribute("alt") == EVENT_ALT
    item = img.find_element(By.XPATH, "./ancestor::li[contains(@class, 'event')]")
    assert item.get_attribute("id") == "event-plan-drafted"
    # Scrolled to, it loads the 480 px WebP and keeps its width:height.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", img)
    wait_for(browser, lambda d: d.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth > 0;", img), message="the thumbnail did not load")
    current = browser.execute_script("return arguments[0].currentSrc;", img)
    assert current.endswith("-480.webp"), current
    box = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", img)
    assert math.isclose(box[1], box[0] * 320 / 480, abs_tol=1), f"thumbnail box {box} is not 3:2"
    assert box[0] < size[0] / 2, "a thumbnail should stay small"
    assert_quiet(browser, f"index.html at {size[0]} px")


@pytest.mark.parametrize("page", [
    EVENT,
    "people/anna-envoy/index.html",
    "places/geneva/index.html",
    "documents/draft-two/index.html",
])
def test_only_the_first_picture_of_a_page_loads_eagerly(browser, small, page):
    browser.get(small.page(page))
    loading = browser.execute_script(
        "return Array.from(document.querySelectorAll('main picture img')).map((i) => i.getAttribute('loading'));")
    assert loading, f"{page} has no picture"
    assert loading == ["eager"] + ["lazy"] * (len(loading) - 1), f"{page}: loading={loading}"


def test_the_portrait_keeps_its_shape_beside_the_name(browser, small):
    browser.get(small.page("people/anna-envoy/index.html"))
    selector = "header.with-portrait .portrait img"
    wait_for_image(browser, selector)
    state = picture_state(browser, selector)
    assert (state["width"], state["height"]) == (400, 500)
    assert state["alt"] == "Anna Envoy, head and shoulders"
    assert state["currentSrc"].endswith("-400.webp")
    assert math.isclose(state["boxHeight"], state["boxWidth"] * 500 / 400, abs_tol=1)
    # Floated at the right beside the name: the heading's text (a Range; the
    # h1's own box runs under the float) ends before the portrait starts, on
    # the same rows.
    portrait, heading = browser.execute_script(
        "const p = document.querySelector('header.with-portrait .portrait').getBoundingClientRect();"
        "const range = document.createRange();"
        "range.selectNodeContents(document.querySelector('header.with-portrait h1'));"
        "const h = range.getBoundingClientRect();"
        "return [[p.left, p.top, p.right, p.bottom], [h.left, h.top, h.right, h.bottom]];")
    assert heading[2] <= portrait[0], f"the name runs under the portrait: {heading} vs {portrait}"
    assert portrait[1] < heading[3] and heading[1] < portrait[3], "the portrait is not beside the name"
    assert_quiet(browser, "people/anna-envoy/index.html")


# ------------------------------------------------------------- privacy


@pytest.fixture(scope="module")
def network_browser():
    """A browser of its own whose chromedriver records DevTools' Network events
    (the performance log), to see every address a page asks for."""
    browser = new_chromium(logs=("browser", "performance"))
    yield browser
    browser.quit()


def requests_since_last_call(driver) -> list[str]:
    """The addresses requested (Network.requestWillBeSent, in every frame)
    since the last call; reading the performance log empties it."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def foreign(urls: list[str]) -> list[str]:
    return [u for u in urls if urllib.parse.urlsplit(u).hostname != "127.0.0.1" and not u.startswith("data:")]


def open_and_settle(driver, url: str) -> None:
    """Opens `url`, waits for its load event and every image it shows, and
    scrolls to the bottom so that lazy images ask for their files too."""
    driver.get(url)
    wait_for(driver, lambda d: d.execute_script("return document.readyState;") == "complete")
    driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight);")
    wait_for(driver, lambda d: d.execute_script(
        "return Array.from(document.images).every((i) => i.complete);"), message="images still loading")


@pytest.mark.parametrize("page", list(CARDS), ids=lambda p: p.split("/")[0])
def test_nothing_is_fetched_from_another_site_until_the_button_is_pressed(network_browser, small, page):
    browser = network_browser
    figure_selector, original, embed_prefix = CARDS[page]
    requests_since_last_call(browser)
    console_problems(browser)
    open_and_settle(browser, small.page(page))
    before = requests_since_last_call(browser)
    assert small.page(page) in before, "the performance log recorded nothing: is the Network domain logged?"
    assert not foreign(before), f"{page} asked another site before the reader did: {foreign(before)}"

    figure = browser.find_element(By.CSS_SELECTOR, figure_selector)
    button = figure.find_element(By.CSS_SELECTOR, ".embed-load button")
    assert button.is_displayed(), "media.js did not show the card's button"
    assert figure.find_element(By.CSS_SELECTOR, ".embed-link a").get_attribute("href") == original
    # The reader presses it: the card gives way to the host's player.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()
    frame = wait_for(browser, lambda d: figure.find_elements(By.CSS_SELECTOR, "iframe.embed-frame"),
                     message="the card was not replaced by an iframe")[0]
    assert not figure.find_elements(By.CSS_SELECTOR, ".embed-card"), "the card is still there"
    src = frame.get_attribute("src")
    assert src.startswith(embed_prefix), src
    assert src == figure.get_attribute("data-embed")
    assert frame.get_attribute("title") == figure.get_attribute("data-embed-title")
    assert browser.execute_script("return document.activeElement === arguments[0];", frame), \
        "focus did not move to the player"
    if page == EVENT:
        assert src.startswith("https://www.youtube-nocookie.com/embed/")
        assert "youtube.com/" not in src.replace("youtube-nocookie.com/", "")
    # Only now is the host asked (the network is offline here, so the frame
    # itself fails to load: that is expected).
    host = urllib.parse.urlsplit(embed_prefix).hostname
    after: list[str] = []

    def host_asked(driver):
        after.extend(requests_since_last_call(driver))
        return any(urllib.parse.urlsplit(u).hostname == host for u in after)
    wait_for(browser, host_asked, timeout=10, message=f"no request to {host} after the click")
    assert {urllib.parse.urlsplit(u).hostname for u in foreign(after)} == {host}, foreign(after)
    if page == EVENT:
        full_page_screenshot(browser, SCREENSHOTS / "media-event-after-click-1280x900.png")
    assert_quiet(browser, f"{page} after pressing the card's button")


# ------------------------------------------------------------- without script


@pytest.mark.parametrize("page", list(CARDS), ids=lambda p: p.split("/")[0])
def test_without_javascript_each_card_is_a_plain_link(no_script, small, page):  # noqa: F811
    browser = no_script
    figure_selector, original, _ = CARDS[page]
    browser.get(small.page(page))
    assert not browser.find_elements(By.CSS_SELECTOR, "iframe"), "an iframe without script"
    figure = browser.find_element(By.CSS_SELECTOR, figure_selector)
    load = figure.find_element(By.CSS_SELECTOR, ".embed-load")
    assert load.get_attribute("hidden") is not None, "media.js ran: scripts are on"
    assert not load.is_displayed() and not load.find_element(By.TAG_NAME, "button").is_displayed()
    link = figure.find_element(By.CSS_SELECTOR, ".embed-card a")
    assert link.is_displayed() and link.text.strip()
    assert link.get_attribute("href") == original
    # The pictures need no script either.
    for img in browser.find_elements(By.CSS_SELECTOR, "main figure.media-image img"):
        browser.execute_script("arguments[0].scrollIntoView();", img)
    wait_for(browser, lambda d: d.execute_script(
        "return Array.from(document.querySelectorAll('main figure.media-image img'))"
        ".every((i) => i.complete && i.naturalWidth > 0);"), message="a picture did not load without script")
    if page == EVENT:
        browser.execute_script("window.scrollTo(0, 0);")
        full_page_screenshot(browser, SCREENSHOTS / "media-event-no-script-1280x900.png")
    assert_quiet(browser, f"{page} without JavaScript")


# ------------------------------------------------------------- on a phone


@pytest.mark.parametrize("page", MEDIA_PAGES, ids=lambda p: p.split("/")[0])
def test_media_pages_do_not_overflow_a_phone(browser, small, page):
    set_viewport(browser, *PHONE)
    browser.get(small.page(page))
    metrics, too_wide = horizontal_overflow(browser)
    assert metrics["client"] == PHONE[0]
    assert metrics["scroll"] <= metrics["client"] + 1, (
        f"{page} overflows a {PHONE[0]} px screen: scrollWidth {metrics['scroll']} > clientWidth "
        f"{metrics['client']}; widest elements: {too_wide}")
    assert metrics["body"] <= metrics["client"] + 1
    # And after a card's player has replaced it.
    button = browser.find_elements(By.CSS_SELECTOR, ".embed-load button")
    if button:
        browser.execute_script("arguments[0].click();", button[0])
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "iframe.embed-frame"))
        metrics, too_wide = horizontal_overflow(browser)
        assert metrics["scroll"] <= metrics["client"] + 1, f"{page} overflows with the player: {too_wide}"
    if page == "people/anna-envoy/index.html":
        full_page_screenshot(browser, SCREENSHOTS / f"media-person-{PHONE[0]}x{PHONE[1]}.png")
