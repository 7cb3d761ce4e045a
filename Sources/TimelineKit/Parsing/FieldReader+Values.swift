import Yams

/// Readers for the value shapes the content format uses. Each returns nil and
/// records a diagnostic when the value has the wrong shape.
extension FieldReader {
    /// A required or optional line of text. Numbers and booleans are refused:
    /// `title: 2025` is almost always a mistake, and quoting makes intent clear.
    public func text(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required, isWritten(key) {
                error("'\(key)' is empty", at: keyLocation(key), hint: "give it a value")
            } else if required {
                error("missing required field '\(key)'", at: start, hint: "add '\(key): ...'")
            }
            return nil
        }
        guard case .scalar(let scalar) = value, ScalarKind(scalar) == .text else {
            error("'\(key)' must be text, found \(Self.describe(value))", at: location(of: value),
                  hint: "put the value in quotes")
            return nil
        }
        let trimmed = scalar.string.trimmingSpaces
        guard !trimmed.isEmpty else {
            if required { error("'\(key)' is empty", at: location(of: value), hint: "give it a value") }
            return nil
        }
        if let control = trimmed.unicodeScalars.first(where: Self.isForbiddenControl) {
            error("'\(key)' contains the control character U+\(Self.hex(control))", at: location(of: value),
                  hint: "remove it; HTML and XML forbid it, and YAML escapes such as \\0 or \\x01 write one")
            return nil
        }
        return trimmed
    }

    /// C0 controls other than tab, line feed and carriage return: no page or
    /// feed may hold them (the Nu checker refuses NUL in a page).
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A date as the editor wrote it; YAML's timestamp typing is ignored so
    /// `2025-12` keeps its month precision.
    public func date(_ key: String, required: Bool = false, approximate: Bool = false) -> EventDate? {
        guard let value = node(key) else {
            if required, isWritten(key) {
                error("'\(key)' is empty", at: keyLocation(key), hint: "write \(key): YYYY-MM-DD")
            } else if required {
                error("missing required field '\(key)'", at: start, hint: "add '\(key): YYYY-MM-DD'")
            }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            error("'\(key)' must be a date, found \(Self.describe(value))", at: location(of: value),
                  hint: "write YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD")
            return nil
        }
        do {
            return try EventDate.parse(scalar.string.trimmingSpaces, approximate: approximate)
        } catch {
            var at = location(of: value)
            // Point at the faulty part: `25` in `2025-12-02T25:00`.
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            if error.position > 0 { at.column += error.position + (quoted ? 1 : 0) }
            self.error(error.description, at: at)
            return nil
        }
    }

    public func bool(_ key: String) -> Bool {
        guard let value = node(key) else { return false }
        guard case .scalar(let scalar) = value, ScalarKind(scalar) == .boolean, let flag = Bool(scalar.string.lowercased())
        else {
            error("'\(key)' must be true or false, found \(Self.describe(value))", at: location(of: value))
            return false
        }
        return flag
    }

    public func integer(_ key: String) -> Int? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, ScalarKind(scalar) == .integer, let number = Int(scalar.string) else {
            error("'\(key)' must be a whole number, found \(Self.describe(value))", at: location(of: value))
            return nil
        }
        return number
    }

    /// A slug naming another note, e.g. `place: moscow`.
    public func reference(_ key: String) -> Reference? {
        guard let value = node(key) else { return nil }
        return reference(in: value, field: key)
    }

    func reference(in value: Node, field: String, inList: Bool = false) -> Reference? {
        // Digits alone are a valid slug (`events/2025.md`), though YAML reads them as a number.
        guard case .scalar(let scalar) = value,
              ScalarKind(scalar) == .text || (ScalarKind(scalar) == .integer && scalar.string.allSatisfy(\.isASCII) && scalar.string.allSatisfy(\.isNumber))
        else {
            let what = inList ? "each entry of '\(field)'" : "'\(field)'"
            error("\(what) must be a slug, found \(Self.describe(value))", at: location(of: value),
                  hint: Self.slugShapeHint(value, field: field, inList: inList))
            return nil
        }
        let slug = scalar.string.trimmingSpaces
        guard Slug.isValid(slug) else {
            let better = Slug.suggestion(for: slug)
            error("'\(slug)' in \(field) is not a valid slug", at: location(of: value),
                  hint: better.isEmpty ? "use lowercase a-z, 0-9 and hyphens" : "did you mean '\(better)'?")
            return nil
        }
        return Reference(slug: slug, location: location(of: value))
    }

    /// A list of slugs. A bare slug is refused with the fix spelled out, so
    /// every note reads the same way.
    public func references(_ key: String) -> [Reference] {
        guard let value = node(key) else { return [] }
        return items(of: value, field: key).compactMap { reference(in: $0, field: key, inList: true) }
    }

    /// What to write instead of a value of the wrong shape where a slug belongs.
    static func slugShapeHint(_ value: Node, field: String, inList: Bool) -> String {
        let example = inList ? "\(field): [a-slug, another-slug]" : "\(field): a-slug"
        switch value {
        case .sequence(let items) where !inList:
            let slugs = items.compactMap { item -> String? in
                guard case .scalar(let s) = item else { return nil }
                return s.string
            }
            guard let first = slugs.first else { return "write \(example)" }
            return items.count == 1 ? "write \(field): \(first), without brackets" : "'\(field)' takes one slug, e.g. \(field): \(first)"
        default:
            return "write \(example)"
        }
    }

    /// A list of tags: lowercase words with hyphens, like slugs.
    public func tags(_ key: String) -> [String] {
        references(key).map(\.slug)
    }

    /// A list of texts, e.g. `aliases: [Zelensky, Zelenskiy]`. One text alone
    /// is taken as a list of one.
    public func texts(_ key: String) -> [String] {
        guard let value = node(key) else { return [] }
        let entries: [Node]
        switch value {
        case .sequence(let sequence): entries = Array(sequence)
        case .scalar: entries = [value]
        default:
            error("'\(key)' must be a list of texts, found \(Self.describe(value))", at: location(of: value),
                  hint: "write \(key): [First spelling, Second spelling]")
            return []
        }
        return entries.compactMap { entry in
            guard case .scalar(let scalar) = entry, ScalarKind(scalar) == .text else {
                error("each entry of '\(key)' must be text, found \(Self.describe(entry))", at: location(of: entry),
                      hint: "put the value in quotes")
                return nil
            }
            let trimmed = scalar.string.trimmingSpaces
            if let control = trimmed.unicodeScalars.first(where: Self.isForbiddenControl) {
                error("'\(key)' contains the control character U+\(Self.hex(control))", at: location(of: entry),
                      hint: "remove it")
                return nil
            }
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// A list of nested mappings, e.g. `quotes`.
    public func mappings(_ key: String) -> [FieldReader] {
        guard let value = node(key) else { return [] }
        guard case .sequence(let sequence) = value else {
            error("'\(key)' must be a list, found \(Self.describe(value))", at: location(of: value),
                  hint: "write each entry on a line starting with '- '")
            return []
        }
        return sequence.compactMap { nested($0, what: "each entry of '\(key)'") }
    }

    /// `[lat, lon]` in degrees.
    public func coordinates(_ key: String) -> Coordinates? {
        guard let value = node(key) else { return nil }
        let numbers: [Double]? = {
            guard case .sequence(let sequence) = value, sequence.count == 2 else { return nil }
            let values = sequence.compactMap { item -> Double? in
                guard case .scalar(let s) = item, ScalarKind(s) == .integer || ScalarKind(s) == .float else { return nil }
                return Double(s.string)
            }
            return values.count == 2 ? values : nil
        }()
        guard let numbers, (-90...90).contains(numbers[0]), (-180...180).contains(numbers[1]) else {
            error("'\(key)' must be [latitude, longitude] in degrees", at: location(of: value),
                  hint: "e.g. [55.7558, 37.6173]")
            return nil
        }
        return Coordinates(latitude: numbers[0], longitude: numbers[1])
    }

    private func items(of value: Node, field: String) -> [Node] {
        switch value {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar):
            // `people: a, b` reads as one text: suggest each slug in the list.
            let slugs = scalar.string.split(separator: ",").map { Slug.suggestion(for: String($0)) }.filter { !$0.isEmpty }
            error("'\(field)' must be a list of slugs, found \(Self.describe(value))", at: location(of: value),
                  hint: "write \(field): [\(slugs.joined(separator: ", "))]")
            return []
        default:
            error("'\(field)' must be a list of slugs, found \(Self.describe(value))", at: location(of: value),
                  hint: "write \(field): [a-slug, another-slug]")
            return []
        }
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
