"""timeline.ics: iCalendar (RFC 5545), read by the `icalendar` package and
checked byte by byte (CRLF, folding at 75 octets, UTF-8 per line)."""

from __future__ import annotations

import datetime as dt
import re

import icalendar

from formats_support import SMALL_STORY_EXPECTED, ical_text_escape


def calendar_of(site) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(site.bytes("timeline.ics"))


def vevents(site) -> list:
    return list(calendar_of(site).walk("VEVENT"))


def expected_uid(site, event) -> str:
    if site.base:
        return site.base + f"events/{event.slug}/"
    return f"tag:timeline.invalid,2000:talks-tensions/events/{event.slug}/"


def raw_lines(site) -> list[bytes]:
    data = site.bytes("timeline.ics")
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def logical_lines(site) -> list[bytes]:
    """Content lines after unfolding (RFC 5545 3.1)."""
    return site.bytes("timeline.ics").replace(b"\r\n ", b"").replace(b"\r\n\t", b"")[:-2].split(b"\r\n")


# ------------------------------------------------------------------ parsing and values


def test_calendar_properties(site):
    cal = calendar_of(site)
    assert cal.name == "VCALENDAR"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"])
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    # NAME (RFC 7986) and X-WR-CALNAME are TEXT, escaped; icalendar leaves them raw.
    lines = [line.decode("utf-8") for line in logical_lines(site)]
    assert "NAME:" + ical_text_escape(site.story.title) in lines
    assert "X-WR-CALNAME:" + ical_text_escape(site.story.title) in lines
    if site.story.settings.get("description"):
        assert str(cal["DESCRIPTION"]) == site.story.settings["description"]


def test_one_vevent_per_published_event_in_order(site):
    uids = [str(ev["UID"]) for ev in vevents(site)]
    assert uids == [expected_uid(site, e) for e in site.story.events]
    assert len(set(uids)) == len(uids), "UIDs must be unique"
    for draft in site.story.drafts:
        assert not [u for u in uids if f"/events/{draft.slug}/" in u]


def test_all_day_dates_with_exclusive_end(site):
    by_uid = {str(ev["UID"]): ev for ev in vevents(site)}
    for event in site.story.events:
        ev = by_uid[expected_uid(site, event)]
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date, f"{event.slug}: all-day dates, not date-times"
        assert ev["DTSTART"].params.get("VALUE") == "DATE"
        assert ev["DTEND"].params.get("VALUE") == "DATE"
        assert start == event.first_day, event.slug
        assert end == event.dtend, event.slug
        assert end > start


def test_small_story_dates_by_hand(small):
    got = {str(ev["UID"]).split("/events/")[1].rstrip("/"): (ev.decoded("DTSTART"), ev.decoded("DTEND"))
           for ev in vevents(small)}
    assert got == {x["slug"]: (x["dtstart"], x["dtend"]) for x in SMALL_STORY_EXPECTED}
    # the cases the brief names, spelled out
    assert got["deal-claims"] == (dt.date(2025, 11, 24), dt.date(2025, 11, 26))  # day range 24–25 Nov
    assert got["plan-drafted"] == (dt.date(2025, 11, 1), dt.date(2025, 12, 1))  # a month
    assert got["earlier-contacts"] == (dt.date(2024, 1, 1), dt.date(2025, 1, 1))  # a year
    assert got["new-year-talks"] == (dt.date(2025, 12, 30), dt.date(2026, 1, 3))  # across a year end


def test_text_values_round_trip(site):
    by_uid = {str(ev["UID"]): ev for ev in vevents(site)}
    for event in site.story.events:
        ev = by_uid[expected_uid(site, event)]
        assert str(ev["SUMMARY"]) == event.title
        location = site.story.location(event)
        if location is None:
            assert "LOCATION" not in ev
        else:
            assert str(ev["LOCATION"]) == location
        geo = site.story.geo(event)
        if geo is None:
            assert "GEO" not in ev
        else:
            assert (ev["GEO"].latitude, ev["GEO"].longitude) == geo
        if event.tags:
            cats = ev["CATEGORIES"]
            cats = cats if isinstance(cats, list) else [cats]
            assert [str(c) for cl in cats for c in cl.cats] == event.tags
        else:
            assert "CATEGORIES" not in ev
        if site.base:
            assert str(ev["URL"]) == site.base + f"events/{event.slug}/"
        else:
            assert "URL" not in ev
        assert str(ev["STATUS"]) == ("CONFIRMED" if event.status == "confirmed" else "TENTATIVE")


def test_dtstamp_is_the_content_date(site):
    by_uid = {str(ev["UID"]): ev for ev in vevents(site)}
    for event in site.story.events:
        stamp = by_uid[expected_uid(site, event)].decoded("DTSTAMP")
        assert stamp == dt.datetime.combine(event.updated, dt.time(0), dt.timezone.utc), event.slug


def test_description_says_what_the_date_is_known_to(site):
    by_uid = {str(ev["UID"]): ev for ev in vevents(site)}
    for event in site.story.events:
        description = str(by_uid[expected_uid(site, event)]["DESCRIPTION"])
        assert f"Date: {event.display}" in description
        month = "(known only to the month; this entry spans the whole month)"
        year = "(known only to the year; this entry spans the whole year)"
        assert (month in description) == (event.start.precision == "month"), event.slug
        assert (year in description) == (event.start.precision == "year"), event.slug
        assert ("The date is approximate" in description) == event.approximate


def test_small_story_descriptions_by_hand(small):
    by_slug = {str(ev["UID"]).split("/events/")[1].rstrip("/"): ev for ev in vevents(small)}
    assert str(by_slug["kyiv-escaping"]["DESCRIPTION"]) == (
        "Aides & envoys wrote <b> tags, “quoted” words; commas, semicolons \\ backslashes in Київ and a "
        "second line.\n\nDate: 27 November 2025.\n\nSources: Dispatch: “Київ” & <allies>; talks, again \\ more.")
    assert str(by_slug["spring-review"]["DESCRIPTION"]) == (
        "Reviewed in March.\n\nDate: March 2026 (known only to the month; this entry spans the whole month)."
        "\n\nStatus: reported.")
    assert str(by_slug["earlier-contacts"]["DESCRIPTION"]) == (
        "Contacts throughout the year.\n\nDate: 2024 (known only to the year; this entry spans the whole year)."
        "\n\nStatus: reported.")
    assert str(by_slug["new-year-talks"]["DESCRIPTION"]) == (
        "Talks ran over the new year.\n\nDate: 30 December 2025 – 2 January 2026.\n\nStatus: reported.")


def test_uids_stable_across_builds(small, small_again, nobase):
    assert [str(e["UID"]) for e in vevents(small)] == [str(e["UID"]) for e in vevents(small_again)]
    assert all(str(e["UID"]).startswith("tag:timeline.invalid,2000:talks-tensions/events/") for e in vevents(nobase))


def test_reserialised_calendar_parses_to_the_same_events(site):
    first = vevents(site)
    again = list(icalendar.Calendar.from_ical(calendar_of(site).to_ical()).walk("VEVENT"))
    assert len(again) == len(first)
    for a, b in zip(first, again):
        assert sorted(a.keys()) == sorted(b.keys())
        for key in a.keys():
            assert a.decoded(key) == b.decoded(key), (str(a["UID"]), key)


# ------------------------------------------------------------------ the bytes


def test_every_line_ends_with_crlf(site):
    data = site.bytes("timeline.ics")
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n"), "a bare LF"
    assert data.count(b"\r") == data.count(b"\r\n"), "a bare CR"


def test_no_line_longer_than_75_octets(site):
    long = [line for line in raw_lines(site) if len(line) > 75]
    assert not long, long


def test_every_line_is_utf8_on_its_own(site):
    for number, line in enumerate(raw_lines(site), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AssertionError(f"line {number} split a UTF-8 sequence: {line!r}") from error


def test_folding_is_exercised_inside_multibyte_characters(small):
    """The fixture must make a naive 75-octet fold split a character, or the
    test above proves nothing: check that SUMMARY of the long title does."""
    (summary,) = [line for line in logical_lines(small) if line.startswith(b"SUMMARY:Envoys & ")]
    assert len(summary) > 75
    naive_cuts = range(75, len(summary), 74)
    assert any(summary[cut] & 0xC0 == 0x80 for cut in naive_cuts), "the title no longer tests folding"
    continuation = [line for line in raw_lines(small) if line.startswith(b" ")]
    assert continuation


def test_text_escaping_in_the_raw_lines(small):
    """SUMMARY and LOCATION escape \\ ; , and nothing else (RFC 5545 3.3.11)."""
    lines = [line.decode("utf-8") for line in logical_lines(small)]
    for x in SMALL_STORY_EXPECTED:
        assert "SUMMARY:" + ical_text_escape(x["title"]) in lines, x["slug"]
        if x["location"]:
            assert "LOCATION:" + ical_text_escape(x["location"]) in lines, x["slug"]
    assert "X-WR-CALNAME:Talks & Tensions" in lines


def test_geo_values_are_rfc5545_floats(site):
    """GEO is two FLOATs: ["+" / "-"] 1*DIGIT ["." 1*DIGIT] (RFC 5545 3.3.7),
    with no exponent; the equator monument's latitude 0.00001 must be written
    as a plain decimal, not 1e-05."""
    float_re = r"[+-]?\d+(\.\d+)?"
    for line in logical_lines(site):
        if line.startswith(b"GEO:"):
            assert re.fullmatch(rf"GEO:{float_re};{float_re}", line.decode()), line
