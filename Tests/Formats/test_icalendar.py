"""timeline.ics: iCalendar (RFC 5545), read by the `icalendar` package and
checked byte by byte (CRLF, folding at 75 octets, UTF-8 per line)."""

from __future__ import annotations

import datetime as dt
import re

import icalendar

from formats_support import SMALL_STORY_EXPECTED, ical_text_escape, instant


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


def decoded_end(ev):
    return ev.decoded("DTEND") if "DTEND" in ev else None


def test_all_day_dates_with_exclusive_end(site):
    by_uid = {str(ev["UID"]): ev for ev in vevents(site)}
    days = [e for e in site.story.events if not e.has_time]
    assert days
    for event in days:
        ev = by_uid[expected_uid(site, event)]
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date, f"{event.slug}: all-day dates, not date-times"
        assert ev["DTSTART"].params.get("VALUE") == "DATE"
        assert ev["DTEND"].params.get("VALUE") == "DATE"
        assert start == event.first_day, event.slug
        assert end == event.dtend, event.slug
        assert end > start


def utc_datetime(ev, name) -> dt.datetime:
    value = ev.decoded(name)
    assert type(value) is dt.datetime, f"{name} should be a date-time: {value!r}"
    assert value.tzinfo is not None and value.utcoffset() == dt.timedelta(0), f"{name} should be in UTC: {value!r}"
    assert "VALUE" not in ev[name].params and "TZID" not in ev[name].params
    return value


def test_dates_with_times_are_utc_date_times(site):
    """DTSTART (and DTEND for a range) in UTC; no DTEND for a single moment."""
    by_uid = {str(ev["UID"]): ev for ev in vevents(site)}
    for event in [e for e in site.story.events if e.has_time]:
        ev = by_uid[expected_uid(site, event)]
        assert utc_datetime(ev, "DTSTART") == event.ical_start == event.start_instant, event.slug
        if event.end is None:
            assert "DTEND" not in ev, f"{event.slug}: a single moment has no DTEND"
        else:
            assert utc_datetime(ev, "DTEND") == event.ical_end, event.slug
            assert event.ical_end > event.ical_start
    lines = [line.decode() for line in logical_lines(site)]
    for event in [e for e in site.story.events if e.has_time]:
        assert "DTSTART:" + event.ical_start.strftime("%Y%m%dT%H%M%SZ") in lines, event.slug


def test_shipped_moscow_meeting(builder):
    """20:00 Moscow time (UTC+3) is 17:00 UTC; the end is the day 3 December,
    so DTEND is 00:00 of 4 December in the site's zone (UTC)."""
    shipped = builder.get("shipped")
    assert shipped.story.timezone is None
    (ev,) = [ev for ev in vevents(shipped) if str(ev["UID"]).endswith("/events/moscow-meeting/")]
    assert utc_datetime(ev, "DTSTART") == dt.datetime(2025, 12, 2, 17, 0, tzinfo=dt.timezone.utc)
    assert utc_datetime(ev, "DTEND") == dt.datetime(2025, 12, 4, 0, 0, tzinfo=dt.timezone.utc)
    assert ev["DTSTART"].to_ical() == b"20251202T170000Z" and ev["DTEND"].to_ical() == b"20251204T000000Z"
    day_only = {expected_uid(shipped, e) for e in shipped.story.events if not e.has_time}
    assert len(day_only) == len(shipped.story.events) - 1
    for other in vevents(shipped):
        if str(other["UID"]) in day_only:
            assert type(other.decoded("DTSTART")) is dt.date, str(other["UID"])
            assert type(other.decoded("DTEND")) is dt.date, str(other["UID"])


def test_small_story_dates_by_hand(small):
    got = {str(ev["UID"]).split("/events/")[1].rstrip("/"): (ev.decoded("DTSTART"), decoded_end(ev))
           for ev in vevents(small)}
    assert got == {x["slug"]: (x["dtstart"], x["dtend"]) for x in SMALL_STORY_EXPECTED}
    # the cases the brief names, spelled out
    assert got["deal-claims"] == (dt.date(2025, 11, 24), dt.date(2025, 11, 26))  # day range 24–25 Nov
    assert got["plan-drafted"] == (dt.date(2025, 11, 1), dt.date(2025, 12, 1))  # a month
    assert got["earlier-contacts"] == (dt.date(2024, 1, 1), dt.date(2025, 1, 1))  # a year
    assert got["new-year-talks"] == (dt.date(2025, 12, 30), dt.date(2026, 1, 3))  # across a year end
    utc = dt.timezone.utc
    # 09:30 in New York in November is EST, UTC-5; a single moment has no DTEND
    assert got["new-york-briefing"] == (dt.datetime(2025, 11, 26, 14, 30, tzinfo=utc), None)
    assert got["geneva-call"] == (dt.datetime(2025, 11, 26, 14, 30, tzinfo=utc), None)  # 15:30+01:00
    assert got["overnight-session"] == (dt.datetime(2025, 11, 28, 22, 0, tzinfo=utc),
                                        dt.datetime(2025, 11, 29, 2, 30, tzinfo=utc))
    for name in ("new-york-briefing", "geneva-call", "overnight-session"):
        assert type(got[name][0]) is dt.datetime and got[name][0].utcoffset() == dt.timedelta(0)


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
        assert stamp == event.updated, event.slug


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
    assert str(by_slug["new-york-briefing"]["DESCRIPTION"]) == (
        "Briefed at half past nine.\n\nDate: 26 November 2025, 09:30 New York time.\n\nStatus: reported.")
    assert str(by_slug["geneva-call"]["DESCRIPTION"]) == (
        "Called at the same instant as the briefing.\n\nDate: 26 November 2025, 15:30 UTC+1.\n\nStatus: reported.")
    assert str(by_slug["overnight-session"]["DESCRIPTION"]) == (
        "Talks ran past midnight.\n\nDate: 28 November 2025, 22:00 – 29 November 2025, 02:30 UTC."
        "\n\nStatus: reported.")


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
