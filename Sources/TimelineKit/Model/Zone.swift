import Foundation

/// An IANA time zone (`Europe/Moscow`), through Foundation's ICU: the offset
/// it has on a date, and its name in a language ("Moscow time").
public struct Zone: Sendable, Hashable {
    public let identifier: String
    private let timeZone: TimeZone

    public static let utc = Zone(checked: "UTC", TimeZone(secondsFromGMT: 0)!)

    private init(checked identifier: String, _ timeZone: TimeZone) {
        self.identifier = identifier
        self.timeZone = timeZone
    }

    /// Only names from the IANA database (and `UTC`): Foundation also
    /// accepts abbreviations such as `EST`, whose meaning varies.
    public init?(identifier: String) {
        if identifier == "UTC" || identifier == "Etc/UTC" {
            self = Zone(checked: identifier, TimeZone(secondsFromGMT: 0)!)
            return
        }
        guard Self.known.contains(identifier), let zone = TimeZone(identifier: identifier) else { return nil }
        self = Zone(checked: identifier, zone)
    }

    private static let known = Set(TimeZone.knownTimeZoneIdentifiers)

    /// The closest IANA name, for "did you mean" hints.
    static func suggestion(for name: String) -> String? {
        Suggestion.closest(to: name, in: known.union(["UTC"]))
    }

    /// Minutes east of UTC at a moment (seconds since 1970 UTC).
    public func offset(atSeconds seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) / 60
    }

    /// Minutes east of UTC for a wall-clock time in this zone (`local` is
    /// seconds since 1970 as if it were UTC); nil when the zone skips it.
    public func offset(atLocalSeconds local: Int) -> Int? {
        // Two passes settle on the offset in force at that wall-clock time.
        var offset = offset(atSeconds: local)
        offset = self.offset(atSeconds: local - offset * 60)
        return self.offset(atSeconds: local - offset * 60) == offset ? offset : nil
    }

    /// "Moscow time", "Ukraine time": CLDR's generic location name, with
    /// English's "Time" in lower case as news style writes it.
    public func name(language: String) -> String {
        if identifier == "UTC" || identifier == "Etc/UTC" { return "UTC" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = timeZone
        formatter.dateFormat = "VVVV"
        let name = formatter.string(from: Date(timeIntervalSince1970: 0))
        if language == "en" || language.hasPrefix("en-"), name.hasSuffix(" Time") {
            return String(name.dropLast(4)) + "time"
        }
        return name
    }
}
