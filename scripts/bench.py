#!/usr/bin/env python3
"""Benchmark Timeline against Hugo on synthetic corpora, in one run.

Builds the release `timeline`, installs Debian's `hugo` and GNU `time` if
missing, generates seeded corpora with ../shared/bench/gen_corpus.py and then,
per size:

  * full builds of ours and of Hugo's equivalent site, alternating, each in a
    fresh output folder under /usr/bin/time: median wall, CPU (user+sys), peak
    memory (max RSS), HTML pages written, pages per second, ours/Hugo ratios
    (outputs are deleted only between sizes, and no run starts within 36 s
    of a deletion: see Work.discard);
  * the write floor: `cp -r` of our output of that size;
  * the stage timings of one extra `timeline build -v`;
  * an incremental rebuild (sizes up to --incremental-max): `timeline serve`
    is started, one event's body is edited and the time from the saved file
    to the served page showing the edit (and to the `data: reload` event on
    /__timeline/events) is measured, for --edits different events;

and once: a full build of the shipped story (Content/), whole process.

It prints a Markdown report, writes it to BENCHMARKS.md (repo root) and says
how each target of issue 6 fares (PASS/MISS). Everything it creates or deletes
is inside the work folder (default /tmp/timeline-bench); Public/ and Content/
are never written.
"""

import argparse
import datetime as dt
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
import statistics
import subprocess
import sys
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
WORK_MARKER = ".timeline-bench"
# ext4 without a journal skips inodes freed in the last 30 s (35 s while their
# buffers are dirty) when it allocates new ones; see Work.discard.
FORGET_DELETIONS_S = 36
GIB = 1024 ** 3
MIB = 1024 ** 2

EPILOG = """\
examples:
  scripts/bench                              # 1,000, 10,000 and 100,000 events (about 15 minutes on 2 cores)
  scripts/bench --quick                      # 1,000 events, 3 runs: a try-out (report goes to the work folder)
  scripts/bench --sizes 1000,10000 --runs 3  # skip the 100,000 size
  scripts/bench --no-build --no-hugo --sizes 10000   # our builds only, with the binary already built

what is measured:
  wall        whole process, from fork to exit (Python's monotonic clock around
              /usr/bin/time, which adds well under a millisecond)
  CPU         user + system time of the process (/usr/bin/time %%U + %%S, 10 ms resolution)
  peak memory maximum resident set size (/usr/bin/time %%M)
  pages       .html files in the output folder; pages/s = pages / median wall
  floor       `cp -r` of our output of the same size into a fresh folder
  incremental `timeline serve --port 0` on a copy of the corpus; an event in the
              middle of the chronology gets a unique word appended to its body
              (written, fsync'ed, closed), then GET /events/SLUG/ is polled every
              2 ms on a keep-alive connection until the word is served; the time
              the `data: reload` server-sent event arrives is recorded too
Medians are over --runs runs; ours and Hugo alternate, so both see the same
machine.  Corpora are cached in the work folder (keyed by the generator's
SHA-256 and the size); --regen makes them again.
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


def median(xs):
    return statistics.median(xs) if xs else None


def fmt_s(s):
    if s is None:
        return "—"
    if s < 1:
        return "%.0f ms" % (s * 1000) if s >= 0.0995 else "%.1f ms" % (s * 1000)
    if s < 10:
        return "%.2f s" % s
    return "%.1f s" % s


def fmt_ms(ms):
    if ms is None:
        return "—"
    return "%.1f ms" % ms if ms < 100 else "%.0f ms" % ms


def fmt_mib(kib):
    if kib is None:
        return "—"
    return "{:,.0f} MiB".format(kib / 1024)


def fmt_int(n):
    return "—" if n is None else "{:,}".format(n)


def fmt_ratio(r):
    return "—" if r is None else "%.2f×" % r


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


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
                raise BenchError("work folder %s exists, is not empty and was not made by scripts/bench; "
                                 "choose another with --work" % self.root)
        os.makedirs(self.root, exist_ok=True)
        with open(os.path.join(self.root, WORK_MARKER), "w") as f:
            f.write("made by Timeline's scripts/bench; everything here may be deleted by it\n")
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
    if not shutil.which("swift") and not args.no_build:
        raise BenchError("`swift` is not on PATH: install Swift 6, or use --no-build with a built binary")
    if not os.access("/usr/bin/time", os.X_OK):
        apt_install("time")
        if not os.access("/usr/bin/time", os.X_OK):
            raise BenchError("/usr/bin/time is still missing after installing `time`")
    if not args.no_hugo and not shutil.which("hugo"):
        apt_install("hugo")
        if not shutil.which("hugo"):
            raise BenchError("`hugo` is still not on PATH after apt-get install hugo")
    if not os.path.isfile(args.gen):
        raise BenchError("corpus generator not found at %s (set --gen PATH)" % args.gen)


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
    if not args.no_hugo:
        try:
            v["hugo"] = run_capture(["hugo", "version"], check=False).strip().splitlines()[0]
        except (OSError, IndexError):
            v["hugo"] = "unknown"
    try:
        head = run_capture(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, check=False).strip()
        dirty = run_capture(["git", "status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift",
                             "Package.resolved", "Templates"], cwd=REPO, check=False).strip()
        v["commit"] = head + (" with uncommitted changes to Sources/ or Templates/" if dirty else "")
    except OSError:
        v["commit"] = "unknown"
    v["gen"] = sha256_file(args.gen)[:12]
    return v


# --------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------


def corpus(args, work, fmt, n):
    """Generates (or reuses) the corpus of n events in the given format."""
    out = work.path("corpus", "%s-%d" % (fmt, n))
    stamp_path = out + ".stamp"
    stamp = json.dumps({"gen": sha256_file(args.gen), "notes": n, "format": fmt, "seed": args.seed})
    if not args.regen and os.path.isdir(out) and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if f.read() == stamp:
                say("  %s corpus of %s events: reusing %s" % (fmt, fmt_int(n), out))
                return out, None
    work.remove(stamp_path)
    work.remove(out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    t = time.monotonic()
    p = subprocess.run([sys.executable, args.gen, "--notes", str(n), "--out", out, "--format", fmt,
                        "--seed", str(args.seed)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        raise BenchError("gen_corpus.py --format %s --notes %d failed (exit %d):\n%s" % (fmt, n, p.returncode,
                                                                                         tail(p.stdout)))
    secs = time.monotonic() - t
    with open(stamp_path, "w") as f:
        f.write(stamp)
    say("  %s corpus of %s events generated in %.1f s" % (fmt, fmt_int(n), secs))
    return out, secs


# --------------------------------------------------------------------------
# Timed runs
# --------------------------------------------------------------------------


def timed(cmd, work, label, cwd=None):
    """Runs cmd under /usr/bin/time; returns wall (s), cpu (s), maxrss (KiB)."""
    tfile = work.path("time.out")
    efile = work.path("run.err")
    work.wait_for_forgotten_deletions()
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
        return {"wall": wall, "time_wall": float(e), "cpu": float(u) + float(s), "rss_kib": int(m)}
    except ValueError:
        raise BenchError("could not read /usr/bin/time's output for %s: %r" % (label, fields))


def settle(work, path):
    """Sets a run's output aside and flushes dirty pages so the next run starts even."""
    work.discard(path)
    os.sync()


def ours_cmd(binary, content, out, extra=("--quiet",)):
    return [binary, "build", "--content", content, "--output", out, "--base-url", "https://example.org/"] + list(extra)


def hugo_cmd(site, out):
    return ["hugo", "--quiet", "--source", site, "--destination", out]


def summarize(runs):
    if not runs:
        return None
    return {
        "wall": median([r["wall"] for r in runs]),
        "cpu": median([r["cpu"] for r in runs]),
        "rss_kib": median([r["rss_kib"] for r in runs]),
        "pages": runs[-1].get("pages"),
        "files": runs[-1].get("files"),
        "bytes": runs[-1].get("bytes"),
        "walls": [r["wall"] for r in runs],
        "runs": len(runs),
    }


def show_run(tag, i, runs, r):
    say("  %-6s run %d/%d: %s wall, %s CPU, %s peak, %s pages" % (
        tag, i + 1, runs, fmt_s(r["wall"]), fmt_s(r["cpu"]), fmt_mib(r["rss_kib"]), fmt_int(r.get("pages"))))


def full_builds(args, work, binary, n, ours_src, hugo_src, runs):
    ours, hugo = [], []
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
        if hugo_src:
            hout = work.fresh("out", "hugo-%d" % n)
            r = timed(hugo_cmd(hugo_src, hout), work, "hugo (%d events, run %d)" % (n, i + 1))
            r["pages"], r["files"], r["bytes"] = count_tree(hout)
            if r["pages"] == 0:
                raise BenchError("hugo wrote no .html file into %s" % hout)
            hugo.append(r)
            show_run("hugo", i, runs, r)
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
    return ours, hugo, floor


STAGE_LINE = re.compile(r"^\s+([A-Za-z][\w-]*)\s+(\d+(?:\.\d+)?) s\s*$")


def fmt_stage(s):
    """Stage times as the binary prints them (hundredths of a second)."""
    return "—" if s is None else "%.2f s" % s


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
    return s


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


def save_and_wait(server, stream, page, content, slug, tag, resave_every=None, timeout=120):
    """Appends a unique word to the event's body and times it until the served page shows it."""
    path = "/events/%s/" % slug
    status, body = page.get(path)
    if status != 200:
        raise BenchError("GET %s answered %d before the edit" % (path, status))
    marker = "tlbench%s%s" % (os.urandom(4).hex(), tag)
    server.drain()
    reloads_before = len(stream.reloads)
    file = os.path.join(content, "events", slug + ".md")
    with open(file, encoding="utf-8") as f:
        text = f.read()
    # the edit: one word more at the end of the body's last paragraph
    text = text.rstrip("\n") + " " + marker + "\n"
    save(file, text)
    t0 = time.perf_counter()
    saves, last_save = 1, t0
    polls = 0
    while True:
        status, body = page.get(path)
        polls += 1
        now = time.perf_counter()
        if marker.encode() in body:
            t_visible = now
            break
        if now - t0 > timeout:
            raise BenchError("edit of %s not served after %d s (last status %d); server said:\n%s" % (
                slug, timeout, status, server.transcript()))
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
    return {"slug": slug, "visible_ms": (t_visible - t0) * 1000,
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
        picks = pick_events(content, args.edits + 1)
        warm = save_and_wait(server, stream, page, content, picks[-1], "w", resave_every=10, timeout=180)
        say("  watcher ready %s after `Serving`; warm-up edit served after %s%s" % (
            "?" if ready_s is None else "%.2f s" % ready_s, fmt_ms(warm["visible_ms"]),
            " (saved %d times: earlier saves were missed)" % warm["saves"] if warm["saves"] > 1 else ""))
        edits = []
        for k, slug in enumerate(picks[:-1]):
            e = save_and_wait(server, stream, page, content, slug, "%02d" % k)
            edits.append(e)
            say("  edit %d/%d (%s): visible after %s, reload event after %s; server: %s pages re-rendered in %s ms%s" % (
                k + 1, args.edits, slug[:40], fmt_ms(e["visible_ms"]), fmt_ms(e["reload_ms"]),
                fmt_int(e["rendered"]), e["server_ms"] if e["server_ms"] is not None else "?",
                "; %d more rebuild(s) followed" % e["extra_rebuilds"] if e["extra_rebuilds"] else ""))
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
    vis = [e["visible_ms"] for e in edits]
    rel = [e["reload_ms"] for e in edits if e["reload_ms"] is not None]
    srv = [e["server_ms"] for e in edits if e["server_ms"] is not None]
    return {"edits": edits, "visible_median": median(vis), "visible_max": max(vis),
            "reload_median": median(rel), "reload_max": max(rel) if rel else None,
            "server_median": median(srv), "rendered": median([e["rendered"] for e in edits if e["rendered"]]),
            "first_build_ms": first_build_ms, "serve_rss_kib": rss, "stop_s": stop_s,
            "missing_reloads": len(edits) - len(rel), "failed_builds": server.failures,
            "watcher_ready_s": ready_s, "warmup": warm}


# --------------------------------------------------------------------------
# Targets and the report
# --------------------------------------------------------------------------


def targets(results, story):
    """(name, status, detail) per target of issue 6."""
    by = {r["n"]: r for r in results}
    out = []
    r10 = by.get(10000)
    if r10 and r10["hugo"]:
        q = ratio(r10["ours"]["wall"], r10["hugo"]["wall"])
        out.append(("10,000 events: wall ≤ 0.25× Hugo", "PASS" if q <= 0.25 else "MISS",
                    "%s vs Hugo %s = %s" % (fmt_s(r10["ours"]["wall"]), fmt_s(r10["hugo"]["wall"]), fmt_ratio(q))))
        q = ratio(r10["ours"]["rss_kib"], r10["hugo"]["rss_kib"])
        out.append(("10,000 events: peak memory ≤ 0.25× Hugo", "PASS" if q <= 0.25 else "MISS",
                    "%s vs Hugo %s = %s" % (fmt_mib(r10["ours"]["rss_kib"]), fmt_mib(r10["hugo"]["rss_kib"]),
                                            fmt_ratio(q))))
    else:
        why = "size 10,000 not run" if not r10 else "Hugo not run at 10,000"
        out.append(("10,000 events: wall ≤ 0.25× Hugo", "NOT MEASURED", why))
        out.append(("10,000 events: peak memory ≤ 0.25× Hugo", "NOT MEASURED", why))
    r100 = by.get(100000)
    r1 = by.get(1000)
    if r100:
        kib = r100["ours"]["rss_kib"]
        out.append(("100,000 events: peak memory < 1 GiB", "PASS" if kib * 1024 < GIB else "MISS", fmt_mib(kib)))
        if r1:
            p100 = r100["ours"]["wall"] / r100["ours"]["pages"]
            p1 = r1["ours"]["wall"] / r1["ours"]["pages"]
            q = p100 / p1
            out.append(("100,000 events: time per page ≤ 1.2× that at 1,000", "PASS" if q <= 1.2 else "MISS",
                        "%.0f µs vs %.0f µs per page = %s" % (p100 * 1e6, p1 * 1e6, fmt_ratio(q))))
        else:
            out.append(("100,000 events: time per page ≤ 1.2× that at 1,000", "NOT MEASURED", "size 1,000 not run"))
    else:
        out.append(("100,000 events: peak memory < 1 GiB", "NOT MEASURED", "size 100,000 not run"))
        out.append(("100,000 events: time per page ≤ 1.2× that at 1,000", "NOT MEASURED", "size 100,000 not run"))
    if r10 and r10.get("incremental"):
        inc = r10["incremental"]
        out.append(("10,000 events: one edit served in < 50 ms", "PASS" if inc["visible_median"] < 50 else "MISS",
                    "median %s, max %s over %d edits" % (fmt_ms(inc["visible_median"]), fmt_ms(inc["visible_max"]),
                                                         len(inc["edits"]))))
    else:
        out.append(("10,000 events: one edit served in < 50 ms", "NOT MEASURED", "no incremental run at 10,000"))
    if story:
        out.append(("shipped story: full build < 100 ms", "PASS" if story["wall"] < 0.1 else "MISS",
                    "%s (median of %d)" % (fmt_s(story["wall"]), story["runs"])))
    else:
        out.append(("shipped story: full build < 100 ms", "NOT MEASURED", "skipped"))
    return out


def report(args, meta, results, story, target_rows):
    L = []
    L.append("# Benchmarks")
    L.append("")
    L.append("Written by `scripts/bench`; run it again to refresh this file. Absolute times vary between machines "
             "and runs: compare with Hugo measured in the same run (builds alternate).")
    L.append("")
    L.append("- **Date:** %s" % meta["date"])
    L.append("- **Machine:** %s cores, %s, %s memory, Linux %s (at the start: load average %s, CPUs %s busy "
             "with other work)" % (
                 meta["machine"]["cores"], meta["machine"]["cpu"], meta["machine"]["memory"],
                 meta["machine"]["kernel"], "%.2f" % meta["load_start"] if meta["load_start"] is not None else "?",
                 "%.0f%%" % (meta["busy_start"] * 100) if meta.get("busy_start") is not None else "?"))
    L.append("- **Swift:** %s" % meta["versions"]["swift"])
    if "hugo" in meta["versions"]:
        L.append("- **Hugo:** %s" % meta["versions"]["hugo"])
    L.append("- **Timeline:** commit %s" % meta["versions"]["commit"])
    L.append("- **Corpora:** `../shared/bench/gen_corpus.py` (SHA-256 %s…), seed %d" % (meta["versions"]["gen"],
                                                                                     args.seed))
    L.append("- **Command:** `%s`" % meta["command"])
    L.append("")
    L.append("## Full builds")
    L.append("")
    L.append("Medians of each measure over the runs (and the fastest run's wall, the least disturbed by other work); "
             "whole process (wall from fork to exit, CPU = user + system, peak memory = max RSS). Pages are `.html` "
             "files written. Each run writes into a new folder; the outputs are kept until the size is done, and no "
             "run starts within %d s of a deletion (ext4 without a journal skips recently freed inodes when it "
             "allocates, which made a run just after a deletion several seconds slower)." % FORGET_DELETIONS_S)
    L.append("")
    L.append("| events | generator | runs | pages | wall | wall, fastest | CPU | peak memory | pages/s |")
    L.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        n = fmt_int(r["n"])
        rows = [("Timeline", r["ours"])]
        if r["hugo"]:
            rows.append(("Hugo", r["hugo"]))
        for name, s in rows:
            L.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s |" % (
                n, name, s["runs"], fmt_int(s["pages"]), fmt_s(s["wall"]), fmt_s(min(s["walls"])), fmt_s(s["cpu"]),
                fmt_mib(s["rss_kib"]),
                "{:,.0f}".format(s["pages"] / s["wall"])))
        f = r["floor"]
        L.append("| %s | `cp -r` of Timeline's output (floor) | %d | %s files, %s MiB | %s | %s | %s | — | — |" % (
            n, f["runs"], fmt_int(f["files"]), "{:,.0f}".format(f["bytes"] / MIB), fmt_s(f["wall"]),
            fmt_s(min(f["walls"])), fmt_s(f["cpu"])))
    L.append("")
    L.append("| events | wall ours/Hugo | CPU ours/Hugo | memory ours/Hugo | wall ours/floor | µs per page (ours) |")
    L.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        o, h = r["ours"], r["hugo"]
        L.append("| %s | %s | %s | %s | %s | %.0f |" % (
            fmt_int(r["n"]), fmt_ratio(ratio(o["wall"], h and h["wall"])), fmt_ratio(ratio(o["cpu"], h and h["cpu"])),
            fmt_ratio(ratio(o["rss_kib"], h and h["rss_kib"])), fmt_ratio(ratio(o["wall"], r["floor"]["wall"])),
            o["wall"] / o["pages"] * 1e6))
    skipped = [r["n"] for r in results if not r["hugo"]]
    if skipped and not args.no_hugo:
        L.append("")
        L.append("Hugo was not run at %s events (above `--hugo-max %d`: Hugo takes about 10 s per 10,000 events "
                 "and its memory grows with the site)." % (", ".join(fmt_int(n) for n in skipped), args.hugo_max))
    elif args.no_hugo:
        L.append("")
        L.append("Hugo was not run (`--no-hugo`).")
    L.append("")
    L.append("## Incremental rebuild")
    L.append("")
    incs = [r for r in results if r.get("incremental")]
    if incs:
        L.append("`timeline serve` on a copy of the corpus; each edit appends a word to the body of a different "
                 "event in the middle of the chronology. *Served* is the time from the saved file (written, "
                 "fsync'ed, closed) until `GET /events/SLUG/` (polled every 2 ms) contains the word; *reload* is "
                 "when `data: reload` arrives on `/__timeline/events`; *server* is the rebuild time the server "
                 "logs (`Built N of M pages in X ms`).")
        L.append("")
        L.append("| events | edits | served, median | served, max | reload, median | reload, max | "
                 "server rebuild, median | pages re-rendered | first build in serve | serve peak memory |")
        L.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in incs:
            i = r["incremental"]
            L.append("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                fmt_int(r["n"]), len(i["edits"]), fmt_ms(i["visible_median"]), fmt_ms(i["visible_max"]),
                fmt_ms(i["reload_median"]), fmt_ms(i["reload_max"]),
                fmt_ms(i["server_median"]), fmt_int(int(i["rendered"])) if i["rendered"] else "—",
                fmt_ms(i["first_build_ms"]), fmt_mib(i["serve_rss_kib"])))
    else:
        L.append("Not measured in this run.")
    L.append("")
    L.append("## The shipped story")
    L.append("")
    if story:
        L.append("`timeline build` of `Content/`, whole process, median of %d: **%s** wall (min %s, max %s), "
                 "%s CPU, %s peak memory, %s pages." % (
                     story["runs"], fmt_s(story["wall"]), fmt_s(min(story["walls"])), fmt_s(max(story["walls"])),
                     fmt_s(story["cpu"]), fmt_mib(story["rss_kib"]), fmt_int(story["pages"])))
    else:
        L.append("Not measured in this run.")
    L.append("")
    L.append("## Stages")
    L.append("")
    L.append("One extra `timeline build -v` per size (not part of the medians above).")
    L.append("")
    names = []
    for r in results:
        for s, _ in r["stages"]["stages"]:
            if s not in names:
                names.append(s)
    if names:
        L.append("| events | " + " | ".join(names) + " | summary |")
        L.append("| ---: | " + " | ".join("---:" for _ in names) + " | --- |")
        for r in results:
            d = dict(r["stages"]["stages"])
            L.append("| %s | %s | %s |" % (fmt_int(r["n"]), " | ".join(fmt_stage(d.get(s)) for s in names),
                                          r["stages"]["summary"]))
    L.append("")
    L.append("## Targets (issue 6)")
    L.append("")
    L.append("| target | result | measured |")
    L.append("| --- | --- | --- |")
    for name, status, detail in target_rows:
        L.append("| %s | **%s** | %s |" % (name, status, detail))
    L.append("")
    L.append("<details><summary>Every run's wall time</summary>")
    L.append("")
    for r in results:
        for name, s in (("Timeline", r["ours"]), ("Hugo", r["hugo"]), ("cp -r", r["floor"])):
            if s:
                L.append("- %s events, %s: %s" % (fmt_int(r["n"]), name, ", ".join(fmt_s(w) for w in s["walls"])))
        if any(v is not None for v in r.get("corpus_s", {}).values()):
            L.append("- %s events: corpora generated in %s" % (fmt_int(r["n"]), ", ".join(
                "%s %.1f s" % (k, v) for k, v in r["corpus_s"].items() if v is not None)))
    if story:
        L.append("- shipped story: %s" % ", ".join(fmt_s(w) for w in story["walls"]))
    for r in incs:
        L.append("- %s events, edits served after: %s" % (fmt_int(r["n"]), ", ".join(
            fmt_ms(e["visible_ms"]) for e in r["incremental"]["edits"])))
    L.append("")
    L.append("</details>")
    if meta.get("notes"):
        L.append("")
        L.append("## Notes")
        L.append("")
        for note in meta["notes"]:
            L.append("- " + note)
    L.append("")
    return "\n".join(L)


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


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/bench", description=__doc__.split("\n\n")[0] + "\n\n" + "\n\n".join(__doc__.split("\n\n")[1:]),
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=parse_sizes, default=None, metavar="N,N,…",
                    help="corpus sizes in events (default 1000,10000,100000)")
    ap.add_argument("--runs", type=int, default=None, metavar="N",
                    help="timed builds per size and generator (default 5, and 3 at 100,000 events or more)")
    ap.add_argument("--quick", action="store_true",
                    help="a try-out: sizes 1000, 3 runs, 3 edits, 5 story runs; writes its report into the "
                         "work folder unless --results is given")
    ap.add_argument("--hugo-max", type=int, default=10000, metavar="N",
                    help="run Hugo only at sizes up to N events (default 10000; Hugo needs ~10 s and ~1 GiB "
                         "per 10,000)")
    ap.add_argument("--no-hugo", action="store_true", help="do not run (or install) Hugo at all")
    ap.add_argument("--edits", type=int, default=None, metavar="N",
                    help="incremental edits per size (default 7)")
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
    ap.add_argument("--no-build", action="store_true",
                    help="use the release binary already built instead of running swift build")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes = args.sizes or [1000]
        args.runs = args.runs or 3
        args.edits = args.edits if args.edits is not None else 3
        args.story_runs = args.story_runs if args.story_runs is not None else 5
        if args.results is None:
            args.results = os.path.join(args.work, "BENCHMARKS.md")
    args.sizes = args.sizes or [1000, 10000, 100000]
    args.edits = 7 if args.edits is None else args.edits
    args.story_runs = 10 if args.story_runs is None else args.story_runs
    if args.results is None:
        args.results = os.path.join(REPO, "BENCHMARKS.md")
    args.gen = os.path.abspath(args.gen) if args.gen else os.path.normpath(
        os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    for name in ("runs", "edits", "story_runs"):
        v = getattr(args, name)
        if v is not None and v < (1 if name == "runs" else 0):
            ap.error("--%s must be at least %d" % (name.replace("_", "-"), 1 if name == "runs" else 0))
    return args


def runs_for(args, n):
    if args.runs:
        return args.runs
    return 3 if n >= 100000 else 5


def main(argv):
    args = parse_args(argv)
    command = "scripts/bench" + ("" if not argv else " " + shlex.join(argv))
    started = time.monotonic()
    meta = {"date": subprocess.run(["date", "-u"], stdout=subprocess.PIPE, text=True).stdout.strip(),
            "command": command, "machine": machine_info(), "load_start": loadavg(), "notes": []}
    work = Work(args.work)
    work.empty_trash()          # left by an interrupted run
    say("scripts/bench: sizes %s, work folder %s" % (", ".join(fmt_int(n) for n in args.sizes), work.root))
    busy = cpu_busy()
    meta["busy_start"] = busy
    if busy is not None and busy > 0.1:
        note = ("before the benchmark started, other processes kept the CPUs %.0f%% busy (load average %.2f): "
                "times may be noisy" % (busy * 100, meta["load_start"] or 0))
        warn(note)
        meta["notes"].append(note)
    ensure_tools(args)
    binary = build_binary(args, work)
    meta["versions"] = versions(args, binary)
    say("Timeline %s; %s; %s" % (meta["versions"]["commit"], meta["versions"]["swift"],
                                 meta["versions"].get("hugo", "Hugo not run")))

    results = []
    for n in args.sizes:
        say("")
        say("== %s events ==" % fmt_int(n))
        with_hugo = not args.no_hugo and n <= args.hugo_max
        ours_src, s1 = corpus(args, work, "timeline", n)
        hugo_src, s2 = corpus(args, work, "hugo", n) if with_hugo else (None, None)
        if not with_hugo and not args.no_hugo:
            say("  Hugo skipped at %s events (above --hugo-max %s: about 10 s and 1 GiB per 10,000 events)" % (
                fmt_int(n), fmt_int(args.hugo_max)))
        runs = runs_for(args, n)
        ours, hugo, floor = full_builds(args, work, binary, n, ours_src, hugo_src, runs)
        r = {"n": n, "ours": summarize(ours), "hugo": summarize(hugo), "floor": summarize(floor),
             "corpus_s": {"timeline": s1, "hugo": s2}}
        say("  stage timings (one `timeline build -v`)…")
        r["stages"] = stage_timings(work, binary, n, ours_src)
        say("    " + ", ".join("%s %s" % (s, fmt_stage(v)) for s, v in r["stages"]["stages"]))
        if n <= args.incremental_max and args.edits > 0:
            say("  incremental rebuild through timeline serve (%d edits)…" % args.edits)
            r["incremental"] = incremental(args, work, binary, n, ours_src)
            if r["incremental"]["missing_reloads"]:
                meta["notes"].append("at %s events, %d edit(s) produced no `data: reload` event within 10 s" % (
                    fmt_int(n), r["incremental"]["missing_reloads"]))
            if r["incremental"]["stop_s"] is None:
                meta["notes"].append("timeline serve did not stop within 10 s of SIGINT at %s events" % fmt_int(n))
            inc = r["incremental"]
            if inc["watcher_ready_s"] is not None and inc["watcher_ready_s"] > 0.05:
                meta["notes"].append("at %s events, `timeline serve` printed `Serving` %.2f s before its watcher "
                                     "watched every folder: a save in that window is missed (the benchmark waits "
                                     "for the watches, then makes one uncounted warm-up edit)" % (
                                         fmt_int(n), inc["watcher_ready_s"]))
            if inc["warmup"]["saves"] > 1:
                meta["notes"].append("at %s events, the warm-up edit had to be saved %d times before the server "
                                     "rebuilt" % (fmt_int(n), inc["warmup"]["saves"]))
            if r["incremental"]["failed_builds"]:
                meta["notes"].append("at %s events, timeline serve logged %d failed build(s) while edits were saved" % (
                    fmt_int(n), r["incremental"]["failed_builds"]))
            extra = sum(e["extra_rebuilds"] for e in r["incremental"]["edits"])
            if extra:
                meta["notes"].append("at %s events, %d edit(s) caused more than one rebuild in the server" % (
                    fmt_int(n), extra))
        o, h = r["ours"], r["hugo"]
        line = "  median: ours %s (%s pages, %s/s, %s peak)" % (fmt_s(o["wall"]), fmt_int(o["pages"]),
                                                                "{:,.0f}".format(o["pages"] / o["wall"]),
                                                                fmt_mib(o["rss_kib"]))
        if h:
            line += "; Hugo %s (%s pages, %s peak); ours/Hugo wall %s, memory %s" % (
                fmt_s(h["wall"]), fmt_int(h["pages"]), fmt_mib(h["rss_kib"]), fmt_ratio(ratio(o["wall"], h["wall"])),
                fmt_ratio(ratio(o["rss_kib"], h["rss_kib"])))
        line += "; floor (cp -r) %s" % fmt_s(r["floor"]["wall"])
        say(line)
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
    if busy is not None and busy > 0.1:
        meta["notes"].append("after the benchmark, other processes kept the CPUs %.0f%% busy (load average %.2f)" % (
            busy * 100, loadavg() or 0))
    if pressure is not None and pressure > 10:
        meta["notes"].append("some task was waiting for a CPU %.0f%% of the last 5 minutes of the run "
                             "(/proc/pressure/cpu avg300)" % pressure)
    target_rows = targets(results, story)
    meta["notes"].append("the whole benchmark took %.0f s" % (time.monotonic() - started))
    text = report(args, meta, results, story, target_rows)
    say("")
    say(text)
    if args.results != "-":
        path = os.path.abspath(args.results)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        say("Report written to %s" % path)
    with open(work.path("results.json"), "w") as f:
        json.dump({"meta": meta, "results": results, "story": story, "targets": target_rows}, f, indent=1,
                  default=str)
    say("")
    say("Targets of issue 6:")
    for name, status, detail in target_rows:
        say("  %-12s %s: %s" % (status, name, detail))
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
