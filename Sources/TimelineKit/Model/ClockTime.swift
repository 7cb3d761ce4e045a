/// The time of day written after a day, `T18:00+03:00`: the hour and minute
/// on the clocks where it happened, and that place's offset from UTC.
public struct ClockTime: Sendable, Hashable {
    public let hour: Int
    public let minute: Int
    /// Minutes east of UTC. Written (`+03:00`, `Z`), or taken from the
    /// event's zone once the date is resolved; nil until then.
    public internal(set) var offset: Int?
    /// The editor wrote the offset, so a zone must agree with it.
    public let offsetWritten: Bool

    public init(hour: Int, minute: Int, offset: Int? = nil) {
        self.hour = hour
        self.minute = minute
        self.offset = offset
        offsetWritten = offset != nil
    }

    /// `18:00`.
    public var clock: String { PartialDate.pad(hour, 2) + ":" + PartialDate.pad(minute, 2) }

    /// `18:00+03:00`, `18:00Z`, or `18:00` while the offset is unknown.
    public var isoString: String {
        guard let offset else { return clock }
        return clock + Self.isoOffset(offset)
    }

    /// `Z`, `+03:00`, `-05:30`.
    static func isoOffset(_ minutes: Int) -> String {
        guard minutes != 0 else { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        return sign + PartialDate.pad(abs(minutes) / 60, 2) + ":" + PartialDate.pad(abs(minutes) % 60, 2)
    }

    /// `UTC`, `UTC+3`, `UTC-5:30`: how a page names a bare offset.
    static func offsetLabel(_ minutes: Int) -> String {
        guard minutes != 0 else { return "UTC" }
        let sign = minutes < 0 ? "-" : "+"
        let hours = abs(minutes) / 60, rest = abs(minutes) % 60
        return "UTC" + sign + String(hours) + (rest == 0 ? "" : ":" + PartialDate.pad(rest, 2))
    }

    /// Parses `HH:MM` with an optional `Z` or `±HH:MM`; `text` is the
    /// whole date for messages, `at` where this part starts in it.
    static func parse(_ part: Substring, wholeText text: String, at position: Int) throws(DateParseError) -> ClockTime {
        let bytes = Array(part.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 5, bytes[2] == UInt8(ascii: ":"), let hour = number(0, 2), let minute = number(3, 2) else {
            throw .malformedTime(text, at: position)
        }
        guard hour <= 23 else { throw .hourOutOfRange(text, hour, at: position) }
        guard minute <= 59 else { throw .minuteOutOfRange(text, minute, at: position + 3) }
        let rest = bytes[5...]
        if rest.isEmpty { return ClockTime(hour: hour, minute: minute) }
        if rest.elementsEqual("Z".utf8) { return ClockTime(hour: hour, minute: minute, offset: 0) }
        guard rest.count == 6, rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-"),
              bytes[8] == UInt8(ascii: ":"), let hours = number(6, 2), let minutes = number(9, 2),
              hours <= 14, minutes <= 59
        else { throw .malformedOffset(text, at: position + 5) }
        let sign = rest.first == UInt8(ascii: "-") ? -1 : 1
        return ClockTime(hour: hour, minute: minute, offset: sign * (hours * 60 + minutes))
    }
}
