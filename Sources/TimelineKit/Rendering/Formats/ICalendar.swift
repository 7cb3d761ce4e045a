/// `timeline.ics`: iCalendar (RFC 5545), one all-day VEVENT per event.
/// Dates keep their honesty: an event known only to the month spans the whole
/// month and says so in its description; ranges end on an exclusive DTEND.
enum ICalendar {
    static let path = "timeline.ics"

    /// The calendar around its VEVENTs, each of which ends with CRLF.
    static func frame(_ chronology: Chronology) -> ListFrame {
        let settings = chronology.settings
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Timeline//Timeline static site generator//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:" + text(settings.title),
            "X-WR-CALNAME:" + text(settings.title),
        ]
        if let description = settings.description {
            lines.append("DESCRIPTION:" + text(description))
            lines.append("X-WR-CALDESC:" + text(description))
        }
        let crlf: [UInt8] = [0x0D, 0x0A]
        var head: [UInt8] = []
        for line in lines {
            head += fold(line).utf8
            head += crlf
        }
        let end = Array("END:VCALENDAR".utf8) + crlf
        return ListFrame(head: head, separator: crlf, tail: crlf + end, empty: head + end)
    }

    /// One all-day VEVENT: its lines folded and joined by CRLF, no CRLF after the last.
    static func vevent(_ item: FeedItem, _ chronology: Chronology) -> [UInt8] {
        let settings = chronology.settings
        let event = item.event
        var lines = ["BEGIN:VEVENT"]
        // The page's address (or tag URI): unique even for sites sharing a host.
        lines.append("UID:" + text(item.id))
        lines.append("DTSTAMP:" + item.updated.iCalendar)
        lines += when(event.date, dayZone: settings.dayZone)
        lines.append("SUMMARY:" + text(event.title))
        lines.append("DESCRIPTION:" + text(description(item, chronology)))
        if let place = event.place.flatMap({ chronology.placeIndex[$0.slug] }).map({ chronology.places[$0] }) {
            lines.append("LOCATION:" + text([place.name, place.country].compactMap { $0 }.joined(separator: ", ")))
            if let c = place.coordinates { lines.append("GEO:\(decimal(c.latitude));\(decimal(c.longitude))") }
        }
        if !event.tags.isEmpty { lines.append("CATEGORIES:" + event.tags.map(text).joined(separator: ",")) }
        if settings.baseURL != nil { lines.append("URL:" + item.url) }
        lines.append("STATUS:" + (event.status == .confirmed ? "CONFIRMED" : "TENTATIVE"))
        lines.append("TRANSP:TRANSPARENT")
        lines.append("END:VEVENT")
        return Array(lines.map(fold).joined(separator: "\r\n").utf8)
    }

    /// DTSTART and DTEND: whole days as DATE values (the end exclusive); a
    /// date with a time as UTC DATE-TIMEs, both ends alike (RFC 5545 wants
    /// one type), a day end then reaching to the end of that day in the
    /// site's zone. A single moment has no DTEND: it is an instant.
    static func when(_ date: EventDate, dayZone: Zone) -> [String] {
        guard date.hasTime else {
            return ["DTSTART;VALUE=DATE:" + compact(date.start.firstDay), "DTEND;VALUE=DATE:" + compact(dayAfter(date.lastDay))]
        }
        let start = Timestamp(seconds: date.startInstant(dayZone: dayZone))
        var lines = ["DTSTART:" + start.iCalendar]
        if let end = date.end {
            let seconds = date.endSeconds ?? EventDate.firstSecond(of: dayAfter(end.lastDay), in: dayZone)
            lines.append("DTEND:" + Timestamp(seconds: seconds).iCalendar)
        }
        return lines
    }

    /// The summary, what the date is known to, the status, the sources.
    static func description(_ item: FeedItem, _ chronology: Chronology) -> String {
        let event = item.event
        var parts: [String] = []
        if !item.summary.isEmpty { parts.append(item.summary) }
        var when = "Date: \(event.date.display)"
        switch event.date.start.precision {
        case .month: when += " (known only to the month; this entry spans the whole month)"
        case .year: when += " (known only to the year; this entry spans the whole year)"
        case .day: break
        }
        if event.date.approximate { when += ". The date is approximate" }
        parts.append(when + ".")
        if event.status != .confirmed { parts.append("Status: \(event.status.rawValue).") }
        let sources = event.sources.compactMap { chronology.articleIndex[$0.slug] }.map { chronology.articles[$0].title }
        if !sources.isEmpty { parts.append("Sources: " + sources.joined(separator: "; ") + ".") }
        return parts.joined(separator: "\n\n")
    }

    /// TEXT value escaping (RFC 5545 3.3.11), on UTF-8 bytes.
    static func text(_ value: String) -> String {
        var copy = value
        return copy.withUTF8 { src in
            guard src.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") })
            else { return value }
            var out: [UInt8] = []
            out.reserveCapacity(src.count + 16)
            for byte in src {
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out.append(UInt8(ascii: "\\")); out.append(byte)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0..<0x20, 0x7F: continue
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Lines longer than 75 octets continue on lines starting with a space,
    /// never splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 24)
        var count = 0
        var line = line
        line.withUTF8 { src in
            var i = 0
            while i < src.count {
                // A scalar's bytes: its lead byte, then continuation bytes (10xxxxxx).
                var end = i + 1
                while end < src.count, src[end] & 0xC0 == 0x80 { end += 1 }
                let size = end - i
                if count + size > 75 {
                    out += [0x0D, 0x0A, 0x20]
                    count = 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[i..<end]))
                count += size
                i = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A FLOAT value (RFC 5545 3.3.7): digits and a point, never an exponent;
    /// six decimal places (about 10 cm) at most, trailing zeros dropped.
    static func decimal(_ value: Double) -> String {
        let millionths = Int((abs(value) * 1_000_000).rounded())
        var fraction = String(millionths % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && millionths > 0 ? "-" : ""
        return sign + String(millionths / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    static func compact(_ date: PartialDate) -> String {
        date.firstDay.isoString.replacingAll("-", with: "")
    }

    static func dayAfter(_ date: PartialDate) -> PartialDate {
        let next = CivilCalendar.civil(fromDayNumber: CivilCalendar.dayNumber(year: date.year, month: date.month!, day: date.day!) + 1)
        return PartialDate(year: next.year, month: next.month, day: next.day)
    }
}
