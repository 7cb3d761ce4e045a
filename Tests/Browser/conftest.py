"""Fixtures for the browser suite: the sites, their HTTP servers and one
headless Chromium for the whole session.

Two sites are judged:

- "shipped": the committed Public/ (the story the project ships), served as is;
- "small": the small-story end-to-end fixture, built here with the debug
  binary into a temporary folder.

Each is served by Python's http.server on 127.0.0.1, on a free port, from a
thread, for the whole session.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading

import pytest

from support import (DESKTOP, PUBLIC, REPO, SCREENSHOTS, SMALL_STORY, TEMPLATES, TIMELINE, Site,
                     console_problems, new_chromium, set_viewport)


# ---------------------------------------------------------------- the sites


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def _serve(root):
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"http {root}", daemon=True)
    thread.start()
    return server, thread


def _timeline_binary():
    if not TIMELINE.exists():
        subprocess.run(["swift", "build", "--product", "timeline"], cwd=REPO, check=True)
    return TIMELINE


@pytest.fixture(scope="session")
def built_small_story(tmp_path_factory):
    output = tmp_path_factory.mktemp("sites") / "small-story"
    result = subprocess.run(
        [str(_timeline_binary()), "build", "--content", str(SMALL_STORY),
         "--templates", str(TEMPLATES), "--output", str(output), "--quiet"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"timeline build failed:\n{result.stdout}\n{result.stderr}"
    return output


@pytest.fixture(scope="session")
def sites(built_small_story):
    assert (PUBLIC / "index.html").exists(), "the committed Public/ has no index.html"
    servers, result = [], {}
    for name, root in (("shipped", PUBLIC), ("small", built_small_story)):
        server, thread = _serve(root)
        servers.append((server, thread))
        host, port = server.server_address[:2]
        result[name] = Site(name, root, f"http://{host}:{port}/")
    yield result
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def shipped(sites) -> Site:
    return sites["shipped"]


@pytest.fixture(scope="session")
def small(sites) -> Site:
    return sites["small"]


# -------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def driver():
    browser = new_chromium()
    yield browser
    browser.quit()


@pytest.fixture
def browser(driver):
    """The session's browser at the desktop size in light mode, its console
    emptied and its session history cleared of what earlier tests left
    (Chromium keeps at most 50 entries, so history.length stops growing once
    earlier tests have navigated that often)."""
    driver.execute_cdp_cmd("Page.resetNavigationHistory", {})
    set_viewport(driver, *DESKTOP)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    console_problems(driver)
    yield driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture(scope="session", autouse=True)
def _screenshots_folder():
    SCREENSHOTS.mkdir(exist_ok=True)
