"""Helpers shared by the browser suite: where things are, the browser's
viewport and console, and the filter's expected results worked out in Python
from search.json alone (independently of filter.js)."""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
# The committed site; TIMELINE_BROWSER_PUBLIC may name another build of Content/.
PUBLIC = Path(os.environ.get("TIMELINE_BROWSER_PUBLIC") or REPO / "Public").resolve()
TEMPLATES = REPO / "Templates"
SMALL_STORY = REPO / "Tests" / "EndToEndTests" / "Fixtures" / "small-story"
TIMELINE = REPO / ".build" / "debug" / "timeline"
CHROMEDRIVER = "/usr/bin/chromedriver"

DESKTOP = (1280, 900)
PHONE = (390, 844)


@dataclass(frozen=True)
class Site:
    name: str
    root: Path  # the folder on disk
    url: str  # where it is served, ending in "/"

    def page(self, path: str = "index.html") -> str:
        return self.url + path

    def search_index(self) -> dict:
        return json.loads((self.root / "search.json").read_text(encoding="utf-8"))

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


# ------------------------------------------------------------ the browser


def _chromium_binary():
    # Debian's /usr/bin/chromium is a shell wrapper around this binary.
    for candidate in ("/usr/lib/chromium/chromium", "/usr/bin/chromium"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def new_chromium(logs=("browser",), prefs=None):
    """A headless Chromium at the desktop size whose chromedriver keeps the
    logs named ("browser": the console; "performance": DevTools events,
    the Network ones among them), with Chromium preferences `prefs`. The
    session's browser is one; tests needing other logs or preferences make
    their own and quit it."""
    options = webdriver.ChromeOptions()
    binary = _chromium_binary()
    if binary:
        options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                     "--lang=en-US", f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", dict.fromkeys(logs, "ALL"))
    if prefs:
        options.add_experimental_option("prefs", prefs)
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(30)
    return browser


def set_viewport(driver, width: int, height: int) -> None:
    """Emulates a viewport of exactly width × height CSS pixels; below 600 px
    as a phone (overlay scrollbars, the viewport meta honoured)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def console_problems(driver) -> list[dict]:
    """The console's errors and warnings since the last call (reading the log
    empties it). A missing favicon is not counted."""
    problems = []
    for entry in driver.get_log("browser"):
        if entry.get("level") not in ("SEVERE", "WARNING"):
            continue
        if "favicon.ico" in entry.get("message", ""):
            continue
        problems.append(entry)
    return problems


def wait_for(driver, condition, timeout: float = 5, message: str = ""):
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition, message)


# ------------------------------------------------- expected results, in Python


def fold(text: str) -> str:
    """Case- and accent-insensitive form: NFD, combining marks removed,
    typographic quotes and apostrophes made plain, lower case."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    for fancy, plain in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        stripped = stripped.replace(fancy, plain)
    return stripped.lower()


def expected_events(index: dict, person="", place="", document="", tag="", status="", q="") -> set[str]:
    """The ids (event-SLUG) of the events a filter should show."""
    words = fold(q).split()
    chosen = set()
    for event in index["events"]:
        if person and person not in event["people"]:
            continue
        if place and event["place"] != place:
            continue
        if document and document not in event["documents"]:
            continue
        if tag and tag not in event["tags"]:
            continue
        if status and event["status"] != status:
            continue
        if not all(word in fold(event["text"]) for word in words):
            continue
        chosen.add("event-" + event["slug"])
    return chosen


def status_text(shown: int, total: int, active: bool) -> str:
    """What #filter-status should say."""
    if not active:
        return "Showing 1 event." if total == 1 else f"Showing all {total} events."
    noun = "event" if total == 1 else "events"
    verb = "matches" if shown == 1 else "match"
    return f"{shown} of {total} {noun} {verb}."
