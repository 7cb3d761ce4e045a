"""Builds the sites whose machine-readable files the suite judges, each once
per session, with the debug `timeline` binary, into temporary folders:

- "shipped": Content/ as the project ships it (base_url set in site.yml);
- "small": a copy of the small-story end-to-end fixture plus the notes in
  support.EXTRA_NOTES (escaping, a year-crossing range, another year, times
  of day in a zone, with a bare offset and in UTC);
- "small-again": the same input in another folder, notes written in the other
  order, built under another time zone and locale: for determinism and
  stable UIDs;
- "small-nobase": "small" with the base_url line removed from site.yml;
- "small-override": "small" built with --base-url OVERRIDE_BASE.

Sites are built lazily, so running one test file builds only what it needs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from formats_support import (OVERRIDE_BASE, REPO, SHIPPED_CONTENT, SMALL_STORY, TEMPLATES, TIMELINE, Story,
                     write_extra_notes)

ALL_SITES = ["shipped", "small", "small-nobase", "small-override"]
WITH_BASE = ["shipped", "small", "small-override"]


@dataclass
class Site:
    name: str
    content: Path
    output: Path
    story: Story
    base: str | None  # the base URL every absolute URL must use, or None
    stdout: str
    stderr: str
    returncode: int

    def path(self, name: str) -> Path:
        return self.output / name

    def bytes(self, name: str) -> bytes:
        return (self.output / name).read_bytes()

    def text(self, name: str) -> str:
        return (self.output / name).read_text(encoding="utf-8")

    def url(self, relative: str) -> str:
        """The address of a page, as the formats must write it."""
        return (self.base or "") + relative


def _binary() -> Path:
    if not TIMELINE.exists():
        subprocess.run(["swift", "build", "--product", "timeline"], cwd=REPO, check=True)
    return TIMELINE


class _Builder:
    def __init__(self, root: Path):
        self.root = root
        self.sites: dict[str, Site] = {}

    def _small_copy(self, name: str, reverse: bool = False) -> Path:
        folder = self.root / name / "content"
        shutil.rmtree(folder, ignore_errors=True)  # left by an earlier attempt that failed
        shutil.copytree(SMALL_STORY, folder)
        write_extra_notes(folder, reverse=reverse)
        return folder

    def _build(self, name, content, base, extra_args=(), env=None) -> Site:
        output = self.root / name / "public"
        result = subprocess.run(
            [str(_binary()), "build", "--content", str(content), "--templates", str(TEMPLATES),
             "--output", str(output), *extra_args],
            cwd=self.root, capture_output=True, text=True, env=env, timeout=120,
        )
        site = Site(name, content, output, Story.load(content), base, result.stdout, result.stderr,
                    result.returncode)
        return site

    def get(self, name: str) -> Site:
        if name in self.sites:
            return self.sites[name]
        if name == "shipped":
            content = self.root / "shipped" / "content"
            shutil.rmtree(content, ignore_errors=True)  # left by an earlier attempt that failed
            shutil.copytree(SHIPPED_CONTENT, content)  # a snapshot: others may edit Content/ meanwhile
            site = self._build(name, content, Story.load(content).base_url)
        elif name == "small":
            site = self._build(name, self._small_copy(name), "https://example.org/talks/")
        elif name == "small-again":
            env = dict(os.environ, TZ="Pacific/Kiritimati", LC_ALL="C", LANG="C")
            site = self._build(name, self._small_copy(name, reverse=True), "https://example.org/talks/", env=env)
        elif name == "small-nobase":
            content = self._small_copy(name)
            settings = content / "site.yml"
            lines = settings.read_text(encoding="utf-8").splitlines(keepends=True)
            kept = [line for line in lines if not line.startswith("base_url:")]
            assert len(kept) == len(lines) - 1, "small-story's site.yml should have one base_url line"
            settings.write_text("".join(kept), encoding="utf-8")
            site = self._build(name, content, None)
        elif name == "small-override":
            site = self._build(name, self._small_copy(name), OVERRIDE_BASE, extra_args=["--base-url", OVERRIDE_BASE])
        else:
            raise KeyError(name)
        assert site.returncode == 0, f"building {name} failed:\n{site.stdout}\n{site.stderr}"
        self.sites[name] = site
        return site


@pytest.fixture(scope="session")
def builder(tmp_path_factory) -> _Builder:
    return _Builder(tmp_path_factory.mktemp("formats"))


@pytest.fixture(params=ALL_SITES)
def site(request, builder) -> Site:
    return builder.get(request.param)


@pytest.fixture(params=WITH_BASE)
def based_site(request, builder) -> Site:
    return builder.get(request.param)


@pytest.fixture
def small(builder) -> Site:
    return builder.get("small")


@pytest.fixture
def small_again(builder) -> Site:
    return builder.get("small-again")


@pytest.fixture
def nobase(builder) -> Site:
    return builder.get("small-nobase")


@pytest.fixture
def override(builder) -> Site:
    return builder.get("small-override")

