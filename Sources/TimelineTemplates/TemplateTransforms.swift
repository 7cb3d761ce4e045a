import Foundation  // `capitalized`, as swift-mustache uses it

/// The transforms of swift-mustache 2.1.1 (Transform.swift, SequenceContext.swift):
/// `{{uppercased(name)}}`, `{{#reversed(list)}}`, `{{^first()}}`. Which apply
/// depends on the value, exactly as there; anything else yields nothing.
enum TemplateTransform: Sendable {
    case empty, capitalized, lowercased, uppercased, reversed
    case first, last, count, sorted, enumerated
    case equalzero, plusone, minusone, even, odd
    case index
    case unknown

    init(name: String) {
        switch name {
        case "empty": self = .empty
        case "capitalized": self = .capitalized
        case "lowercased": self = .lowercased
        case "uppercased": self = .uppercased
        case "reversed": self = .reversed
        case "first": self = .first
        case "last": self = .last
        case "count": self = .count
        case "sorted": self = .sorted
        case "enumerated": self = .enumerated
        case "equalzero": self = .equalzero
        case "plusone": self = .plusone
        case "minusone": self = .minusone
        case "even": self = .even
        case "odd": self = .odd
        case "index": self = .index
        default: self = .unknown
        }
    }
}

/// Where an element sits in the list being iterated (`first()`, `index()`…).
struct SequencePosition: Sendable {
    var first: Bool
    var last: Bool
    var index: Int

    /// swift-mustache's `MustacheSequenceContext.transform`.
    func apply(_ t: TemplateTransform) -> TemplateValue? {
        switch t {
        case .first: .bool(first)
        case .last: .bool(last)
        case .index: .int(index)
        case .even: .bool(index & 1 == 0)
        case .odd: .bool(index & 1 == 1)
        default: nil
        }
    }
}

extension TemplateValue {
    /// The transform applied to this value, nil where swift-mustache's would be.
    /// Text (and a writer, which swift-mustache would see as a String) takes the
    /// string transforms; ints the integer ones; lists the array ones; maps the
    /// dictionary ones. Doubles, bools and lambdas take none.
    func apply(_ t: TemplateTransform) -> TemplateValue? {
        switch self {
        case .deferred:
            return forced.apply(t)
        case .text(let s):
            return Self.applyString(s, t)
        case .writer(let w):
            return Self.applyString(w.string, t)
        case .int(let i):
            switch t {
            case .equalzero: return .bool(i == 0)
            // swift-mustache traps on overflow here; we wrap.
            case .plusone: return .int(i &+ 1)
            case .minusone: return .int(i &- 1)
            case .even: return .bool(i & 1 == 0)
            case .odd: return .bool(i & 1 == 1)
            default: return nil
            }
        case .list(let items):
            switch t {
            case .first: return items.first.flatMap(\.forced.nonNull)
            case .last: return items.last.flatMap(\.forced.nonNull)
            case .reversed: return .list(items.reversed())
            case .count: return .int(items.count)
            case .empty: return .bool(items.isEmpty)
            case .sorted: return Self.sortedList(items)
            default: return nil
            }
        case .map(let entries):
            switch t {
            case .count: return .int(entries.values.count(where: { !$0.isNull }))
            case .empty: return .bool(!entries.values.contains(where: { !$0.isNull }))
            // swift-mustache lists pairs in hash order for `enumerated`; we sort by key.
            case .enumerated, .sorted:
                return .list(entries.filter { !$0.value.isNull }.sorted { $0.key < $1.key }.map { .map(["key": .text($0.key), "value": $0.value]) })
            default: return nil
            }
        case .null, .bool, .double, .lambda:
            return nil
        }
    }

    private static func applyString(_ s: String, _ t: TemplateTransform) -> TemplateValue? {
        switch t {
        case .empty: .bool(s.isEmpty)
        case .capitalized: .text(s.capitalized)
        case .lowercased: .text(s.lowercased())
        case .uppercased: .text(s.uppercased())
        case .reversed: .text(String(s.reversed()))
        default: nil
        }
    }

    /// `sorted` exists in swift-mustache only for arrays of a Comparable type:
    /// here, lists all of text (writers count as text), all of ints, or all of
    /// doubles. The empty list counts as text (Timeline passes `[String]`).
    private static func sortedList(_ items: [TemplateValue]) -> TemplateValue? {
        var strings: [String] = [], ints: [Int] = [], doubles: [Double] = []
        for item in items {
            switch item.forced {
            case .text(let s): strings.append(s)
            case .writer(let w): strings.append(w.string)
            case .int(let i): ints.append(i)
            case .double(let d): doubles.append(d)
            default: return nil
            }
        }
        if strings.count == items.count { return .list(strings.sorted().map { .text($0) }) }
        if ints.count == items.count { return .list(ints.sorted().map { .int($0) }) }
        if doubles.count == items.count { return .list(doubles.sorted().map { .double($0) }) }
        return nil
    }

}

extension TemplateWriter {
    /// The bytes as text, for the rare transforms and comparisons that need a String.
    var string: String {
        var bytes: [UInt8] = []
        write(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
