"""axe-core in the real browser on the chronology, an event, a person and the
key moments, in light and dark mode, with the filters shown (filter.js has
run), and the small story's pages with pictures and video and post cards
(their buttons shown): no critical or serious violation.

axe-selenium-python drives axe; the axe-core it bundles is 3.1.1 (2018), so
the script injected is the axe-core 4.x bundled by axe-core-python (pinned
in requirements.txt), when installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from support import PHONE, set_viewport, wait_for
from test_media import MEDIA_PAGES

PAGES = ["index.html", "events/moscow-meeting/index.html", "people/vladimir-putin/index.html",
         "key-moments/index.html", "changes/index.html", "events/russia-receives-four-documents/index.html"]
FAILING_IMPACTS = {"critical", "serious"}


def _axe_script() -> str | None:
    spec = importlib.util.find_spec("axe_core_python")
    if spec and spec.submodule_search_locations:
        script = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
        if script.exists():
            return str(script)
    return None  # axe-selenium-python's own copy


def run_axe(driver) -> dict:
    script = _axe_script()
    axe = Axe(driver, script) if script else Axe(driver)
    axe.inject()
    return axe.run()


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for node in v["nodes"][:8]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
            summary = " ".join((node.get("failureSummary") or "").split())
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)



def assert_no_serious_violations(browser, where):
    """Runs axe on the page the browser shows; prints every violation, fails on serious ones."""
    results = run_axe(browser)
    violations = results["violations"]
    version = results.get("testEngine", {}).get("version", "?")
    if violations:
        print(f"axe-core {version} on {where}: {len(violations)} violations\n" + describe(violations))
    failing = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
    assert not failing, (f"axe-core {version}: {len(failing)} critical/serious violations on {where}:\n"
                         + describe(failing))

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_accessibility_violations(browser, shipped, page, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get(shipped.page(page))
    assert browser.execute_script(
        f"return matchMedia('(prefers-color-scheme: {scheme})').matches;")
    if page == "index.html":
        wait_for(browser, lambda d: d.find_element(By.ID, "filters").is_displayed())
    assert_no_serious_violations(browser, f"{page} ({scheme} mode)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", MEDIA_PAGES)
def test_no_serious_violations_on_pages_with_media(browser, small, page, scheme):
    """The small story's pages with pictures and cards, the cards' buttons
    shown (media.js has run), in light and dark mode."""
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get(small.page(page))
    wait_for(browser, lambda d: all(b.is_displayed() for b in d.find_elements(By.CSS_SELECTOR, ".embed-load button")))
    assert_no_serious_violations(browser, f"small {page} ({scheme} mode)")


def test_no_serious_violations_on_a_phone_with_filters_applied(browser, shipped):
    set_viewport(browser, *PHONE)
    browser.get(shipped.page("index.html?tag=talks&q=moscow"))
    wait_for(browser, lambda d: d.find_element(By.ID, "filters").get_attribute("data-search") == "index")
    results = run_axe(browser)
    violations = results["violations"]
    if violations:
        print("axe on the filtered index at 390 px:\n" + describe(violations))
    failing = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
    assert not failing, "critical/serious violations on the filtered index at 390 px:\n" + describe(failing)
