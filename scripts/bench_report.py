"""The report half of scripts/bench.py: medians, ratios, the targets of issue 14
and the Markdown it writes. Importing it has no side effects: it measures
nothing, starts nothing and writes nothing (Tests/Bench/test_report.py feeds
it recorded values).

The values it reads, as scripts/bench.py records them:

run        one timed process: {"wall": s, "cpu": s, "rss_kib": KiB, "pages": .html files, "files": files,
           "bytes": bytes, "load": 1-minute load average just before it started (optional)}
result     one corpus size: {"n": events,
                             "ours": [run, …],
                             "hugo": {label: [run, …]} (a label missing or [] = that Hugo was not run at n),
                             "floor": [run, …] (`cp -r` of our output),
                             "stages": {"stages": [(name, s), …], "summary": "Built …"},
                             "corpus_s": {format: s or None},
                             "incremental": serve (optional)}
serve      {"edits": [edit, …] (body edits), "fm_edits": [edit, …] (front-matter edits),
            "first_build_ms": ms, "serve_rss_kib": KiB}
edit       {"slug": s, "kind": "body" | "title" | "date" | "people", "visible_ms": ms,
            "reload_ms": ms or None, "server_ms": ms or None, "rendered": pages or None}
story      [run, …] (builds of the shipped Content/)
meta       {"date", "command", "machine": {"cores", "cpu", "memory", "kernel"}, "load_start", "busy_start",
            "load_end", "versions": {"swift", "commit", "gen"}, "hugos": [hugo, …], "seed", "hugo_max",
            "no_hugo", "notes": [str, …]}
hugo       {"label": "Hugo 0.168.0", "version": `hugo version`'s line, "source": where it came from,
            "current": True for the release the targets are measured against}
"""

import statistics

GIB = 1024 ** 3
MIB = 1024 ** 2
# No timed run starts within this many seconds of a deletion (see Work.discard in bench.py).
FORGET_DELETIONS_S = 36

# The targets of issue 14 ("Speed and memory").
WALL_VS_HUGO = 0.35            # at 10,000 events, wall ≤ 0.35× the current Hugo's
MEMORY_VS_HUGO = 0.15          # at 10,000 events, peak memory ≤ 0.15× the current Hugo's
BIG_MEMORY_BYTES = GIB         # at 100,000 events, peak memory < 1 GiB
PER_PAGE_GROWTH = 1.2          # time per page at 100,000 ≤ 1.2× that at 1,000
STORY_S = 0.050                # the shipped story, whole process ≤ 50 ms
BODY_EDIT_MS = 20              # at 10,000 events, a body edit served ≤ 20 ms (median)
FRONT_MATTER_EDIT_MS = 150     # at 10,000 events, a front-matter edit served ≤ 150 ms (median)

FRONT_MATTER_KINDS = ("title", "date", "people")

NOT_MEASURED = "NOT MEASURED"
REPORTED = "REPORTED"


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


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
    return "—" if n is None else "{:,}".format(int(round(n)))


def fmt_ratio(r):
    return "—" if r is None else "%.2f×" % r


def fmt_stage(s):
    """Stage times as the binary prints them (hundredths of a second)."""
    return "—" if s is None else "%.2f s" % s


def fmt_load(x):
    return "?" if x is None else "%.2f" % x


# --------------------------------------------------------------------------
# Summaries
# --------------------------------------------------------------------------


def summarize(runs):
    """Medians of a list of runs (None for no runs); pages, files and bytes are the last run's."""
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


def per_page_us(s):
    if not s or not s.get("pages"):
        return None
    return s["wall"] / s["pages"] * 1e6


def hugo_labels(meta):
    return [h["label"] for h in meta.get("hugos", [])]


def current_hugo(meta):
    """The label of the Hugo the targets are measured against, or None."""
    for h in meta.get("hugos", []):
        if h.get("current"):
            return h["label"]
    return None


def hugo_summary(result, label):
    return summarize((result.get("hugo") or {}).get(label))


def serve_summary(serve):
    """Medians and maxima of a serve measurement's edits."""
    edits = serve.get("edits") or []
    fm = serve.get("fm_edits") or []

    def stats(es):
        vis = [e["visible_ms"] for e in es]
        rel = [e.get("reload_ms") for e in es if e.get("reload_ms") is not None]
        return {"count": len(es), "visible_median": median(vis), "visible_max": max(vis) if vis else None,
                "reload_median": median(rel), "reload_max": max(rel) if rel else None,
                "server_median": median([e.get("server_ms") for e in es]),
                "rendered_median": median([e.get("rendered") for e in es]),
                "missing_reloads": len(es) - len(rel)}

    out = {"body": stats(edits), "front_matter": stats(fm), "by_kind": {}}
    for kind in FRONT_MATTER_KINDS:
        ks = [e for e in fm if e.get("kind") == kind]
        if ks:
            out["by_kind"][kind] = stats(ks)
    return out


def run_loads(results):
    """The load averages recorded before the timed runs, in order."""
    loads = []
    for r in results:
        for runs in [r.get("ours") or [], r.get("floor") or []] + list((r.get("hugo") or {}).values()):
            loads += [x["load"] for x in runs or [] if x.get("load") is not None]
    return loads


# --------------------------------------------------------------------------
# Targets
# --------------------------------------------------------------------------


def _verdict(ok):
    return "PASS" if ok else "MISS"


def targets(results, story_runs, meta):
    """(name, status, detail) per target of issue 14; status PASS, MISS, REPORTED or NOT MEASURED."""
    by = {r["n"]: r for r in results}
    cur = current_hugo(meta)
    out = []
    r10, r1, r100 = by.get(10000), by.get(1000), by.get(100000)
    ours10 = summarize(r10["ours"]) if r10 else None

    wall_name = "10,000 events: wall ≤ %.2f× %s" % (WALL_VS_HUGO, cur or "Hugo (current release)")
    mem_name = "10,000 events: peak memory ≤ %.2f× %s" % (MEMORY_VS_HUGO, cur or "Hugo (current release)")
    h10 = hugo_summary(r10, cur) if (r10 and cur) else None
    if h10:
        q = ratio(ours10["wall"], h10["wall"])
        out.append((wall_name, _verdict(q <= WALL_VS_HUGO),
                    "%s vs %s = %s" % (fmt_s(ours10["wall"]), fmt_s(h10["wall"]), fmt_ratio(q))))
        q = ratio(ours10["rss_kib"], h10["rss_kib"])
        out.append((mem_name, _verdict(q <= MEMORY_VS_HUGO),
                    "%s vs %s = %s" % (fmt_mib(ours10["rss_kib"]), fmt_mib(h10["rss_kib"]), fmt_ratio(q))))
    else:
        if not r10:
            why = "size 10,000 not run"
        elif not cur:
            why = "the current Hugo was not run"
        else:
            why = "%s not run at 10,000" % cur
        out.append((wall_name, NOT_MEASURED, why))
        out.append((mem_name, NOT_MEASURED, why))

    floor_name = "10,000 events: wall against the `cp -r` floor"
    floor10 = summarize(r10["floor"]) if r10 else None
    if ours10 and floor10:
        out.append((floor_name, REPORTED, "%s vs %s = %s" % (fmt_s(ours10["wall"]), fmt_s(floor10["wall"]),
                                                             fmt_ratio(ratio(ours10["wall"], floor10["wall"])))))
    else:
        out.append((floor_name, NOT_MEASURED, "size 10,000 not run"))

    mem100 = "100,000 events: peak memory < 1 GiB"
    page100 = "100,000 events: time per page ≤ %.1f× that at 1,000" % PER_PAGE_GROWTH
    if r100:
        o100 = summarize(r100["ours"])
        out.append((mem100, _verdict(o100["rss_kib"] * 1024 < BIG_MEMORY_BYTES), fmt_mib(o100["rss_kib"])))
        if r1:
            p100, p1 = per_page_us(o100), per_page_us(summarize(r1["ours"]))
            q = ratio(p100, p1)
            out.append((page100, _verdict(q <= PER_PAGE_GROWTH),
                        "%.0f µs vs %.0f µs per page = %s" % (p100, p1, fmt_ratio(q))))
        else:
            out.append((page100, NOT_MEASURED, "size 1,000 not run"))
    else:
        out.append((mem100, NOT_MEASURED, "size 100,000 not run"))
        out.append((page100, NOT_MEASURED, "size 100,000 not run"))

    story_name = "shipped story: whole process ≤ %.0f ms" % (STORY_S * 1000)
    story = summarize(story_runs)
    if story:
        out.append((story_name, _verdict(story["wall"] <= STORY_S),
                    "%s (median of %d)" % (fmt_s(story["wall"]), story["runs"])))
    else:
        out.append((story_name, NOT_MEASURED, "skipped"))

    body_name = "10,000 events: a body edit served ≤ %d ms (median)" % BODY_EDIT_MS
    fm_name = "10,000 events: a front-matter edit served ≤ %d ms (median)" % FRONT_MATTER_EDIT_MS
    inc = r10.get("incremental") if r10 else None
    s = serve_summary(inc) if inc else None
    if s and s["body"]["count"]:
        b = s["body"]
        out.append((body_name, _verdict(b["visible_median"] <= BODY_EDIT_MS),
                    "median %s, max %s over %d edits" % (fmt_ms(b["visible_median"]), fmt_ms(b["visible_max"]),
                                                         b["count"])))
    else:
        out.append((body_name, NOT_MEASURED, "no body edit at 10,000"))
    if s and s["front_matter"]["count"]:
        f = s["front_matter"]
        kinds = ", ".join("%s %s" % (k, fmt_ms(v["visible_median"])) for k, v in s["by_kind"].items())
        out.append((fm_name, _verdict(f["visible_median"] <= FRONT_MATTER_EDIT_MS),
                    "median %s, max %s over %d edits (%s)" % (fmt_ms(f["visible_median"]), fmt_ms(f["visible_max"]),
                                                              f["count"], kinds)))
    else:
        out.append((fm_name, NOT_MEASURED, "no front-matter edit at 10,000"))
    return out


# --------------------------------------------------------------------------
# The Markdown report
# --------------------------------------------------------------------------


def full_build_rows(result, labels):
    """The lines of the full-build table for one size."""
    n = fmt_int(result["n"])
    rows = [("Timeline", summarize(result["ours"]))]
    for label in labels:
        h = hugo_summary(result, label)
        if h:
            rows.append((label, h))
    L = []
    for name, s in rows:
        L.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |" % (
            n, name, s["runs"], fmt_int(s["pages"]), fmt_s(s["wall"]), fmt_s(min(s["walls"])), fmt_s(s["cpu"]),
            fmt_mib(s["rss_kib"]), fmt_int(ratio(s["pages"], s["wall"])), fmt_int(per_page_us(s))))
    f = summarize(result["floor"])
    if f:
        L.append("| %s | `cp -r` of Timeline's output (floor) | %d | %s files, %s MiB | %s | %s | %s | — | — | — |" % (
            n, f["runs"], fmt_int(f["files"]), fmt_int(f["bytes"] / MIB), fmt_s(f["wall"]), fmt_s(min(f["walls"])),
            fmt_s(f["cpu"])))
    return L


def ratio_rows(result, labels):
    """The lines of the ratio table for one size: ours against each Hugo run at that size, and the floor."""
    n = fmt_int(result["n"])
    o = summarize(result["ours"])
    L = []
    for label in labels:
        h = hugo_summary(result, label)
        if h:
            L.append("| %s | %s | %s | %s | %s |" % (
                n, label, fmt_ratio(ratio(o["wall"], h["wall"])), fmt_ratio(ratio(o["cpu"], h["cpu"])),
                fmt_ratio(ratio(o["rss_kib"], h["rss_kib"]))))
    f = summarize(result["floor"])
    if f:
        L.append("| %s | `cp -r` floor | %s | %s | — |" % (n, fmt_ratio(ratio(o["wall"], f["wall"])),
                                                         fmt_ratio(ratio(o["cpu"], f["cpu"]))))
    return L


def hugo_skip_lines(results, meta):
    """Sentences saying at which sizes each Hugo was not run."""
    if meta.get("no_hugo"):
        return ["Hugo was not run (`--no-hugo`)."]
    L = []
    for label in hugo_labels(meta):
        skipped = [r["n"] for r in results if not hugo_summary(r, label)]
        if skipped:
            L.append("%s was not run at %s events (above `--hugo-max %d`: Hugo takes about 10 s per 10,000 "
                     "events and its memory grows with the site)." % (
                         label, ", ".join(fmt_int(n) for n in skipped), meta.get("hugo_max", 0)))
    return L


def serve_rows(results):
    L = []
    for r in results:
        inc = r.get("incremental")
        if not inc:
            continue
        s = serve_summary(inc)
        groups = [("body", s["body"])] + [("front matter: " + k, v) for k, v in s["by_kind"].items()]
        if s["front_matter"]["count"] and len(s["by_kind"]) > 1:
            groups.append(("front matter: all", s["front_matter"]))
        first = True
        for name, g in groups:
            if not g["count"]:
                continue
            L.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                fmt_int(r["n"]), name, g["count"], fmt_ms(g["visible_median"]), fmt_ms(g["visible_max"]),
                fmt_ms(g["reload_median"]), fmt_ms(g["reload_max"]), fmt_ms(g["server_median"]),
                fmt_int(g["rendered_median"]),
                fmt_ms(inc.get("first_build_ms")) if first else "", fmt_mib(inc.get("serve_rss_kib")) if first else ""))
            first = False
    return L


def header_lines(meta, results):
    m = meta["machine"]
    loads = run_loads(results)
    during = ("median %s, max %s over %d timed runs" % (fmt_load(median(loads)), fmt_load(max(loads)), len(loads))
              if loads else "? during the timed runs")
    L = ["- **Date:** %s" % meta["date"],
         "- **Machine:** %s cores, %s, %s memory, Linux %s (at the start: load average %s, CPUs %s busy "
         "with other work)" % (m["cores"], m["cpu"], m["memory"], m["kernel"], fmt_load(meta.get("load_start")),
                                "%.0f%%" % (meta["busy_start"] * 100) if meta.get("busy_start") is not None
                                else "?"),
         "- **Load average:** %s at the start; %s; %s at the end" % (
             fmt_load(meta.get("load_start")), during, fmt_load(meta.get("load_end"))),
         "- **Swift:** %s" % meta["versions"]["swift"]]
    for h in meta.get("hugos", []):
        L.append("- **%s:** %s (%s)%s" % (h["label"], h["version"], h["source"],
                                          "; the targets are measured against it" if h.get("current") else ""))
    L.append("- **Timeline:** commit %s" % meta["versions"]["commit"])
    L.append("- **Corpora:** `../shared/bench/gen_corpus.py` (SHA-256 %s…), seed %d" % (meta["versions"]["gen"],
                                                                                     meta["seed"]))
    L.append("- **Command:** `%s`" % meta["command"])
    return L


def report(meta, results, story_runs, target_rows):
    labels = hugo_labels(meta)
    L = ["# Benchmarks", "",
         "Written by `scripts/bench.py`; run it again to refresh this file. Absolute times vary between machines "
         "and runs: compare with Hugo measured in the same run (builds alternate: Timeline, then each Hugo).", ""]
    L += header_lines(meta, results)
    L += ["", "## Full builds", "",
          "Medians of each measure over the runs (and the fastest run's wall, the least disturbed by other work); "
          "whole process (wall from fork to exit, CPU = user + system, peak memory = max RSS). Pages are `.html` "
          "files written. Each run writes into a new folder; the outputs are kept until the size is done, and no "
          "run starts within %d s of a deletion (ext4 without a journal skips recently freed inodes when it "
          "allocates, which made a run just after a deletion several seconds slower)." % FORGET_DELETIONS_S, "",
          "| events | generator | runs | pages | wall | wall, fastest | CPU | peak memory | pages/s | µs per page |",
          "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        L += full_build_rows(r, labels)
    L += ["", "Timeline's medians divided by the other's:", "",
          "| events | against | wall | CPU | peak memory |",
          "| ---: | --- | ---: | ---: | ---: |"]
    for r in results:
        L += ratio_rows(r, labels)
    skips = hugo_skip_lines(results, meta)
    if skips:
        L += [""] + skips
    L += ["", "## Incremental rebuild", ""]
    rows = serve_rows(results)
    if rows:
        L += ["`timeline serve` on a copy of the corpus; each edit changes a different event in the middle of the "
              "chronology. A *body* edit appends a word to its body; a *front matter* edit changes its title "
              "(a word appended), its date (a day later or earlier) or its people (one replaced by another), in "
              "turn. *Served* is the time from the saved file (written, fsync'ed, closed) until "
              "`GET /events/SLUG/` (polled every 2 ms) shows the change; *reload* is when `data: reload` arrives "
              "on `/__timeline/events`; *server* is the rebuild time the server logs "
              "(`Built N of M pages in X ms`).", "",
              "| events | edit | edits | served, median | served, max | reload, median | reload, max | "
              "server rebuild, median | pages re-rendered | first build in serve | serve peak memory |",
              "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        L += rows
    else:
        L.append("Not measured in this run.")
    L += ["", "## The shipped story", ""]
    story = summarize(story_runs)
    if story:
        L.append("`timeline build` of `Content/`, whole process, median of %d: **%s** wall (min %s, max %s), "
                 "%s CPU, %s peak memory, %s pages." % (
                     story["runs"], fmt_s(story["wall"]), fmt_s(min(story["walls"])), fmt_s(max(story["walls"])),
                     fmt_s(story["cpu"]), fmt_mib(story["rss_kib"]), fmt_int(story["pages"])))
    else:
        L.append("Not measured in this run.")
    L += ["", "## Stages", "", "One extra `timeline build -v` per size (not part of the medians above).", ""]
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
    else:
        L.append("No stage timings were printed.")
    L += ["", "## Targets (issue 14)", "", "| target | result | measured |", "| --- | --- | --- |"]
    for name, status, detail in target_rows:
        L.append("| %s | **%s** | %s |" % (name, status, detail))
    L += ["", "<details><summary>Every run's wall time</summary>", ""]
    for r in results:
        series = [("Timeline", r["ours"])] + [(label, (r.get("hugo") or {}).get(label)) for label in labels]
        series.append(("cp -r", r["floor"]))
        for name, runs in series:
            if runs:
                L.append("- %s events, %s: %s" % (fmt_int(r["n"]), name, ", ".join(fmt_s(x["wall"]) for x in runs)))
        made = [(k, v) for k, v in (r.get("corpus_s") or {}).items() if v is not None]
        if made:
            L.append("- %s events: corpora generated in %s" % (fmt_int(r["n"]), ", ".join(
                "%s %.1f s" % (k, v) for k, v in made)))
    if story:
        L.append("- shipped story: %s" % ", ".join(fmt_s(w) for w in story["walls"]))
    for r in results:
        inc = r.get("incremental")
        if inc:
            for name, es in (("body", inc.get("edits")), ("front-matter", inc.get("fm_edits"))):
                if es:
                    L.append("- %s events, %s edits served after: %s" % (fmt_int(r["n"]), name, ", ".join(
                        (fmt_ms(e["visible_ms"]) if name == "body" else "%s (%s)" % (fmt_ms(e["visible_ms"]),
                                                                                      e.get("kind")))
                        for e in es)))
    L += ["", "</details>"]
    if meta.get("notes"):
        L += ["", "## Notes", ""]
        L += ["- " + note for note in meta["notes"]]
    L.append("")
    return "\n".join(L)


def size_line(result, labels):
    """The one-line console summary of a size."""
    o = summarize(result["ours"])
    line = "  median: ours %s (%s pages, %s/s, %s peak)" % (fmt_s(o["wall"]), fmt_int(o["pages"]),
                                                            fmt_int(ratio(o["pages"], o["wall"])),
                                                            fmt_mib(o["rss_kib"]))
    for label in labels:
        h = hugo_summary(result, label)
        if h:
            line += "; %s %s (%s pages, %s peak; ours/it wall %s, memory %s)" % (
                label, fmt_s(h["wall"]), fmt_int(h["pages"]), fmt_mib(h["rss_kib"]),
                fmt_ratio(ratio(o["wall"], h["wall"])), fmt_ratio(ratio(o["rss_kib"], h["rss_kib"])))
    f = summarize(result["floor"])
    if f:
        line += "; floor (cp -r) %s" % fmt_s(f["wall"])
    return line


def target_lines(target_rows):
    """The console list of the targets."""
    return ["  %-12s %s: %s" % (status, name, detail) for name, status, detail in target_rows]


# --------------------------------------------------------------------------
# Images (issue 17): scripts/bench.py --images N
# --------------------------------------------------------------------------
#
# images     {"n": events (each with one picture), "images": source images, "image_bytes": their bytes,
#             "width": px, "height": px,
#             "cold": [run, …] (a fresh --cache folder each), "warm": [run, …] (the last cold run's cache),
#             "plain": [run, …] (the same corpus without its media entries, with its own warmed cache),
#             "copy": [run, …] (`cp -r` of a warm build's published media/ folder),
#             "published": {"files": files in the output's media/, "bytes": their bytes},
#             "stages": {"cold" | "warm" | "plain": {"stages": [(name, s), …], "summary": "Built …"}},
#             "uptime_start": `uptime`, "uptime_end": `uptime`, "gen_s": s or None}
# Runs are as above; each has "load", the 1-minute load average just before it.

IMAGES_HEADING = "## Images (issue 17)"
WARM_VS_PLAIN = 1.10            # a warm-cache build with images ≤ 1.10× the same corpus without images
IMAGES_MEMORY_BYTES = 300 * MIB  # peak memory with images < 300 MiB (at 200 images)


def images_summary(res):
    """Medians of an images measurement: cold, warm, plain (no images) and copy summaries, images per second
    of the cold build, the warm/plain wall ratio and the load averages before the runs (median, max)."""
    cold, warm, plain = summarize(res.get("cold")), summarize(res.get("warm")), summarize(res.get("plain"))
    loads = [r["load"] for key in ("cold", "warm", "plain", "copy") for r in res.get(key) or []
             if r.get("load") is not None]
    return {"cold": cold, "warm": warm, "plain": plain, "copy": summarize(res.get("copy")),
            "images_per_s": ratio(res.get("images"), cold["wall"]) if cold else None,
            "warm_vs_plain": ratio(warm["wall"], plain["wall"]) if warm and plain else None,
            "load_median": median(loads), "load_max": max(loads) if loads else None}


def images_targets(res):
    """(name, status, detail) per speed target of issue 17."""
    s = images_summary(res)
    n = fmt_int(res.get("images"))
    out = []
    name = "%s images: first build's throughput (both cores)" % n
    if s["cold"]:
        out.append((name, REPORTED, "%s images/s (%s, median of %d cold builds)" % (
            "%.2f" % s["images_per_s"], fmt_s(s["cold"]["wall"]), s["cold"]["runs"])))
    else:
        out.append((name, NOT_MEASURED, "no cold build"))
    name = "%s images: warm-cache build ≤ %.2f× the corpus without images" % (n, WARM_VS_PLAIN)
    if s["warm_vs_plain"] is not None:
        out.append((name, _verdict(s["warm_vs_plain"] <= WARM_VS_PLAIN), "%s vs %s = %s" % (
            fmt_s(s["warm"]["wall"]), fmt_s(s["plain"]["wall"]), fmt_ratio(s["warm_vs_plain"]))))
    else:
        out.append((name, NOT_MEASURED, "no warm or no image-less build"))
    name = "%s images: peak memory < %d MiB" % (n, IMAGES_MEMORY_BYTES // MIB)
    peaks = [(label, s[key]["rss_kib"]) for key, label in (("cold", "cold"), ("warm", "warm")) if s[key]]
    if peaks:
        worst = max(p for _, p in peaks)
        out.append((name, _verdict(worst * 1024 < IMAGES_MEMORY_BYTES),
                    ", ".join("%s %s" % (label, fmt_mib(p)) for label, p in peaks) + " (medians)"))
    else:
        out.append((name, NOT_MEASURED, "no build with images"))
    return out


def images_section(meta, res, target_rows):
    """The Markdown section of an images measurement, from its heading to its last line (no trailing newline)."""
    s = images_summary(res)
    c, w, p, cp = s["cold"], s["warm"], s["plain"], s["copy"]
    pub = res.get("published") or {}
    L = [IMAGES_HEADING, "",
         "Written by `%s` (%s; Timeline %s). A corpus of %s events from `gen_corpus.py` (seed %s), each event "
         "given a `media:` entry pointing at its own %d×%d JPEG (%s MP, %s MiB in all, %s on average), drawn by "
         "the benchmark from seeded noise tiles. *Cold*: a fresh `--cache` folder each run (all %s images "
         "decoded, resized to 480/960/1600 and encoded as WebP + JPEG); *warm*: the last cold run's cache again; "
         "*no images*: the same corpus without its media entries, with a cache of its own warmed by an untimed "
         "build first (events without a picture still get a drawn social card, kept in that cache). Whole "
         "process, medians; every build writes into a new output folder with `--base-url`; warm and "
         "no-image builds alternate." % (
             meta.get("command", "scripts/bench.py --images"), meta.get("date", "?"),
             (meta.get("versions") or {}).get("commit", "?"), fmt_int(res.get("n")), meta.get("seed", "?"),
             res.get("width", 0), res.get("height", 0), "%.0f" % (res.get("width", 0) * res.get("height", 0) / 1e6),
             fmt_int((res.get("image_bytes") or 0) / MIB),
             "%.1f MB" % ((res.get("image_bytes") or 0) / max(res.get("images") or 1, 1) / 1e6),
             fmt_int(res.get("images"))), "",
         "| images | cold build | images/s | warm build | no-image build | warm / no-image | peak memory, cold "
         "| peak memory, warm | peak memory, no images | load (median, max) |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
         "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s, %s |" % (
             fmt_int(res.get("images")), fmt_s(c["wall"]) if c else "—",
             "%.2f" % s["images_per_s"] if s["images_per_s"] is not None else "—",
             fmt_s(w["wall"]) if w else "—", fmt_s(p["wall"]) if p else "—", fmt_ratio(s["warm_vs_plain"]),
             fmt_mib(c["rss_kib"]) if c else "—", fmt_mib(w["rss_kib"]) if w else "—",
             fmt_mib(p["rss_kib"]) if p else "—", fmt_load(s["load_median"]), fmt_load(s["load_max"])), ""]
    detail = []
    for label, x in (("cold", c), ("warm", w), ("no images", p)):
        if x:
            detail.append("%s %d runs, CPU %s (fastest wall %s)" % (label, x["runs"], fmt_s(x["cpu"]),
                                                                    fmt_s(min(x["walls"]))))
    if detail:
        L.append("Runs and CPU (user + system): " + "; ".join(detail) + ".")
    if pub:
        L.append("Each build with images publishes %s files (%s MiB) under `media/`%s." % (
            fmt_int(pub.get("files")), fmt_int((pub.get("bytes") or 0) / MIB),
            "; `cp -r` of that folder alone takes %s (median of %d)" % (fmt_s(cp["wall"]), cp["runs"]) if cp else ""))
    L += ["", "- **Load:** `uptime` before: `%s`; after: `%s`" % (res.get("uptime_start", "?"),
                                                                   res.get("uptime_end", "?"))]
    stages = res.get("stages") or {}
    names = []
    for key in ("cold", "warm", "plain"):
        for name, _ in (stages.get(key) or {}).get("stages", []):
            if name not in names:
                names.append(name)
    if names:
        L += ["", "Stages of one extra `timeline build -v` of each kind (not part of the medians):", "",
              "| build | " + " | ".join(names) + " | summary |",
              "| --- | " + " | ".join("---:" for _ in names) + " | --- |"]
        for key, label in (("cold", "cold"), ("warm", "warm"), ("plain", "no images")):
            st = stages.get(key)
            if st:
                d = dict(st["stages"])
                L.append("| %s | %s | %s |" % (label, " | ".join(fmt_stage(d.get(n)) for n in names),
                                              st.get("summary", "")))
    L += ["", "| target | result | measured |", "| --- | --- | --- |"]
    for name, status, detail in target_rows:
        L.append("| %s | **%s** | %s |" % (name, status, detail))
    runs_line = []
    for key, label in (("cold", "cold"), ("warm", "warm"), ("plain", "no images"), ("copy", "cp -r of media/")):
        if res.get(key):
            runs_line.append("- %s: %s" % (label, ", ".join("%s (load %s)" % (fmt_s(r["wall"]), fmt_load(r.get("load")))
                                                            for r in res[key])))
    if runs_line:
        L += ["", "<details><summary>Every images run's wall time</summary>", ""] + runs_line + ["", "</details>"]
    for note in res.get("notes") or []:
        L += ["", "Note: " + note]
    return "\n".join(L)


def extract_section(text, heading=IMAGES_HEADING):
    """The section of a Markdown text that starts with the line `heading`, up to the next `## ` heading (without
    trailing blank lines), or None."""
    lines = text.split("\n")
    if heading not in lines:
        return None
    i = lines.index(heading)
    j = i + 1
    while j < len(lines) and not lines[j].startswith("## "):
        j += 1
    return "\n".join(lines[i:j]).rstrip("\n")


def splice_section(text, section, heading=IMAGES_HEADING):
    """text with its `heading` section replaced by section, or section added before `## Notes` (or at the end)
    when text has none. text None or empty: section alone."""
    if not text:
        return section.rstrip("\n") + "\n"
    lines = text.rstrip("\n").split("\n")
    new = section.rstrip("\n").split("\n")
    if heading in lines:
        i = lines.index(heading)
        j = i + 1
        while j < len(lines) and not lines[j].startswith("## "):
            j += 1
        rest = lines[j:]
        out = lines[:i] + new + ([""] + rest if rest else [])
    elif "## Notes" in lines:
        i = lines.index("## Notes")
        out = lines[:i] + new + [""] + lines[i:]
    else:
        out = lines + [""] + new
    return "\n".join(out) + "\n"


def images_line(res):
    """The one-line console summary of an images measurement."""
    s = images_summary(res)
    c, w, p = s["cold"], s["warm"], s["plain"]
    return "  images: cold %s (%s images/s, %s peak); warm %s (%s peak); no images %s; warm/no-image %s" % (
        fmt_s(c["wall"]) if c else "—", "%.2f" % s["images_per_s"] if s["images_per_s"] is not None else "—",
        fmt_mib(c["rss_kib"]) if c else "—", fmt_s(w["wall"]) if w else "—", fmt_mib(w["rss_kib"]) if w else "—",
        fmt_s(p["wall"]) if p else "—", fmt_ratio(s["warm_vs_plain"]))
