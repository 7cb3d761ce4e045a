/// `timeline.ics`: iCalendar (RFC 5545), one all-day VEVENT per event.
/// Dates keep their honesty: an event known only to the month spans the whole
/// month and says so in its description; ranges end on an exclusive DTEND.
enum ICalendar {
    static let path = "timeline.ics"

    static func render(_ chronology: Chronology, items: [FeedItem]) -> RenderedFile {
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
        // Chronological order reads best in a calendar file.
        for item in items.reversed() {
            let event = item.event
            lines.append("BEGIN:VEVENT")
            // The page's address (or tag URI): unique even for sites sharing a host.
            lines.append("UID:" + text(item.id))
            lines.append("DTSTAMP:" + compact(item.updated) + "T000000Z")
            lines.append("DTSTART;VALUE=DATE:" + compact(event.date.start.firstDay))
            lines.append("DTEND;VALUE=DATE:" + compact(dayAfter(event.date.lastDay)))
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
        }
        lines.append("END:VCALENDAR")
        return RenderedFile(path: path, text: lines.map(fold).joined(separator: "\r\n") + "\r\n")
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

    /// TEXT value escaping (RFC 5545 3.3.11).
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on lines starting with a space,
    /// never splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var count = 0
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(character)
            count += size
        }
        return out
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
