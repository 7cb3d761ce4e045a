@testable import TimelineTemplates

/// A seeded, deterministic generator (SplitMix64), so a failing case is
/// reproduced from its seed alone.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Random templates over the whole dialect, kept inside what both engines can
/// render deterministically: `.` only where the top of the stack is not the
/// root map (the one map with several keys, which swift-mustache prints in
/// hash order), no printing of `reversed`/`sorted`/`enumerated` results (Swift
/// type names and tuples in swift-mustache), an acyclic partial graph, and
/// overrides without blocks or partials (either could recurse forever there).
struct TemplateGenerator {
    var rng: SplitMix64
    /// Partials this template may include, and whether it may use `{{<p2}}`.
    var partials: [String]
    var mayInherit: Bool
    var mayDefineBlocks: Bool

    struct Delimiters { var open: String; var close: String }
    struct Where {
        var depth = 0
        var dotOK = false
        var inOverride = false
        /// Inside a lambda section, whose text is re-parsed with `{{ }}`: a
        /// set-delimiter tag there would leave `{{ }}`, which prints the root.
        var inLambda = false
    }

    static let plainNames = ["a", "b", "c", "d", "t", "f", "s", "n", "i", "l", "m", "items", "w", "x", "k", "e"]
    static let dottedNames = ["a.b", "m.k", "a.b.c", "d.x", "m.k.k", "items.x", "s.x", ".a", "k.k"]
    static let valueTransforms = ["uppercased", "lowercased", "capitalized", "plusone", "minusone", "count", "first", "last", "empty", "equalzero", "even", "odd", "nope"]
    static let sequenceTransforms = ["reversed", "sorted", "enumerated"]
    static let positions = ["first()", "last()", "index()", "even()", "odd()", "plusone(index())", "nope()"]
    static let texts = ["x", "hello ", " ", "  ", "\t", "<&>\"'", "é", "a.b", "}", "{x", "=", "!", "#"]
    static let delimiterPairs = [("{{", "}}"), ("<%", "%>"), ("[[", "]]")]

    mutating func name(_ at: Where, forSection: Bool) -> String {
        var base: String
        switch rng.below(10) {
        case 0, 1, 2, 3: base = rng.pick(Self.plainNames)
        case 4, 5: base = rng.pick(Self.dottedNames)
        case 6: base = rng.pick(Self.positions)
        case 7 where at.dotOK: base = "."
        default: base = rng.pick(Self.plainNames)
        }
        if !base.hasSuffix(")"), rng.chance(25) {
            let pool = forSection ? Self.valueTransforms + Self.sequenceTransforms : Self.valueTransforms
            base = rng.pick(pool) + "(" + base + ")"
            if rng.chance(20) { base = rng.pick(Self.valueTransforms) + "(" + base + ")" }
        }
        return base
    }

    /// A tag; spaces may follow the sigil (a space before it would make a bad name).
    mutating func tag(_ d: Delimiters, _ body: String) -> String {
        var sigil = "", rest = Substring(body)
        if let first = body.first, "#^/&>$<!%=".contains(first) {
            sigil = String(first)
            rest = rest.dropFirst()
        }
        return d.open + sigil + (rng.chance(15) ? " " : "") + rest + (rng.chance(15) ? " " : "") + d.close
    }

    mutating func lineBreak() -> String {
        rng.pick(["\n", "\n", "\n  ", "\n\t", "\r\n", "\n    "])
    }

    /// A run of template text; `d` ends as the delimiters in force at its end.
    mutating func body(_ at: Where, _ d: inout Delimiters, pieces: Int) -> String {
        var out = ""
        for _ in 0..<pieces {
            switch rng.below(22) {
            case 0, 1, 2: out += rng.pick(Self.texts)
            case 3, 4: out += lineBreak()
            case 5, 6, 7: out += tag(d, name(at, forSection: false))
            case 8:
                if d.open == "{{" { out += "{{{" + name(at, forSection: false) + "}}}" } else { out += tag(d, "&" + name(at, forSection: false)) }
            case 9: out += tag(d, "& " + name(at, forSection: false))
            case 10, 11, 12:
                guard at.depth < 4 else { continue }
                let n = name(at, forSection: true)
                let sigil = rng.chance(30) ? "^" : "#"
                var inner = at
                inner.depth += 1
                if n == "items" && sigil == "#" { inner.dotOK = true }
                if Self.sequenceTransforms.contains(where: { n.contains($0) }) { inner.dotOK = false }
                let standalone = rng.chance(40)
                out += (standalone ? lineBreak() : "") + tag(d, sigil + n) + (standalone ? "\n" : "")
                var innerD = d
                out += body(inner, &innerD, pieces: rng.below(6))
                out += (standalone ? lineBreak() : "") + tag(innerD, "/" + n) + (standalone ? "\n" : "")
            case 13:
                out += (rng.chance(50) ? lineBreak() : "") + tag(d, "! note " + rng.pick(["", "{", "\n"])) + (rng.chance(50) ? "\n" : "")
            case 14, 15:
                guard !at.inOverride, !partials.isEmpty else { continue }
                let p = rng.pick(partials)
                let tagText = p == "p3" && rng.chance(30) ? ">*pn" : rng.pick([">", "> "]) + p
                out += rng.chance(60) ? lineBreak() + tag(d, tagText) + "\n" : tag(d, tagText)
            case 16:
                guard mayDefineBlocks, !at.inOverride, at.depth < 3 else { continue }
                let b = rng.pick(["b1", "b2"])
                let standalone = rng.chance(50)
                var inner = at
                inner.depth += 1
                out += (standalone ? lineBreak() : "") + tag(d, "$" + b) + (standalone ? "\n" : "")
                var innerD = d
                out += body(inner, &innerD, pieces: rng.below(5))
                out += (standalone ? lineBreak() : "") + tag(innerD, "/" + b) + (standalone ? "\n" : "")
            case 17:
                guard mayInherit, !at.inOverride, at.depth < 2 else { continue }
                out += parent(at, d)
            case 18:
                guard !at.inLambda else { continue }
                let (open, close) = rng.pick(Self.delimiterPairs)
                out += (rng.chance(50) ? lineBreak() : "") + d.open + "=" + open + " " + close + "=" + d.close + (rng.chance(50) ? "\n" : "")
                d = Delimiters(open: open, close: close)
            case 19:
                out += (rng.chance(50) ? lineBreak() : "") + tag(d, "%CONTENT_TYPE: " + rng.pick(["HTML", "TEXT"])) + (rng.chance(50) ? "\n" : "")
            case 20:
                guard at.depth < 3 else { continue }
                var innerD = d
                var inner = at
                inner.depth += 1
                inner.inLambda = true
                out += tag(d, "#lam") + body(inner, &innerD, pieces: rng.below(4)) + tag(innerD, "/lam")
            default:
                out += tag(d, rng.pick(["lam", "& lam", "w", "& w"]))
            }
        }
        return out
    }

    /// `{{<p2}}` with overrides.
    mutating func parent(_ at: Where, _ d: Delimiters) -> String {
        var out = (rng.chance(60) ? lineBreak() : "") + tag(d, "<p2") + (rng.chance(60) ? "\n" : "")
        for _ in 0..<rng.below(3) {
            let b = rng.pick(["b1", "b2"])
            var inner = at
            inner.inOverride = true
            inner.depth += 1
            var innerD = d
            let standalone = rng.chance(60)
            out += (rng.chance(40) ? rng.pick(["  ", "text", "\n"]) : "")
            out += (standalone ? "\n  " : "") + tag(d, "$" + b) + (standalone ? "\n" : "")
            out += body(inner, &innerD, pieces: rng.below(5))
            out += (standalone ? "\n  " : "") + tag(innerD, "/" + b) + (standalone ? "\n" : "")
            if rng.chance(30) { out += tag(d, "! c") }
        }
        return out + (rng.chance(60) ? "\n" : "") + tag(d, "/p2") + (rng.chance(50) ? "\n" : "")
    }

    /// Main, the three partials it may include (an acyclic graph) and `p2`, a parent with blocks.
    static func templates(_ rng: inout SplitMix64) -> [String: String] {
        func make(_ partials: [String], inherit: Bool, blocks: Bool, pieces: Int) -> String {
            var g = TemplateGenerator(rng: SplitMix64(seed: rng.next()), partials: partials, mayInherit: inherit, mayDefineBlocks: blocks)
            var d = Delimiters(open: "{{", close: "}}")
            var prefix = ""
            if g.rng.chance(30) { prefix = "{{%CONTENT_TYPE: " + g.rng.pick(["HTML", "TEXT"]) + "}}\n" }
            return prefix + g.body(Where(), &d, pieces: pieces)
        }
        return [
            "main": make(["p1", "p2", "p3"], inherit: true, blocks: true, pieces: 4 + rng.below(14)),
            "p1": make(["p2", "p3"], inherit: true, blocks: true, pieces: rng.below(8)),
            "p2": make(["p3"], inherit: false, blocks: true, pieces: rng.below(8)),
            "p3": make([], inherit: false, blocks: true, pieces: rng.below(6)),
        ]
    }
}

/// Random contexts: a root map with many keys; every other map has at most one.
enum ContextGenerator {
    static let texts = ["", "x", "<b>&", "Hello World", "multi\nline", "é", "a'b\"c", "p3", "ZZ top"]
    static let doubles = [0.5, 1.0, 2.25, -0.0, 1e-7, 3.0e15]
    static let lambdas: [TemplateValue] = [
        .lambda(TemplateLambda { "[" + $0 + "]" }),
        .lambda(TemplateLambda { _ in "{{a}}<" }),
        .lambda(TemplateLambda { $0.uppercased() }),
        .lambda(TemplateLambda { _ in "{{#unclosed}}" }),
    ]

    static func scalar(_ rng: inout SplitMix64) -> TemplateValue {
        switch rng.below(7) {
        case 0: return .bool(rng.chance(50))
        case 1, 2: return .int(rng.below(14) - 2)
        case 3: return .double(rng.pick(doubles))
        case 4: let t = rng.pick(texts); return .writer(TemplateWriter { $0.append(contentsOf: Array(t.utf8)) })
        default: return .text(rng.pick(texts))
        }
    }

    static func value(_ rng: inout SplitMix64, depth: Int, allowNull: Bool = true) -> TemplateValue {
        let v: TemplateValue
        switch rng.below(depth > 2 ? 3 : 6) {
        case 0, 1: v = scalar(&rng)
        case 2: v = allowNull && rng.chance(50) ? .null : scalar(&rng)
        case 3: v = .list((0..<rng.below(4)).map { _ in value(&rng, depth: depth + 1, allowNull: false) })
        default: v = .map([rng.pick(["k", "b", "c", "x"]): value(&rng, depth: depth + 1)])
        }
        if rng.chance(5) { return .deferred(TemplateDeferred { v }) }
        return v
    }

    static func root(_ rng: inout SplitMix64) -> TemplateValue {
        var entries: [String: TemplateValue] = [:]
        for key in TemplateGenerator.plainNames where rng.chance(80) {
            entries[key] = value(&rng, depth: 0)
        }
        entries["items"] = .list((0..<rng.below(4)).map { _ in
            rng.chance(60) ? .map([rng.pick(["x", "k", "a"]): scalar(&rng)]) : scalar(&rng)
        })
        entries["lam"] = rng.pick(lambdas)
        entries["pn"] = rng.chance(80) ? "p3" : "nope"
        return .map(entries)
    }

    /// Random bytes that are mostly template syntax.
    static func noise(_ rng: inout SplitMix64) -> String {
        let pieces = ["{{", "}}", "{", "}", "#", "^", "/", "!", ">", "<", "$", "=", "%", "&", "*", ".", "(", ")", "a", "b", " ", "\n", "\r\n", "\t", "\u{301}", "é", "\0", "CONTENT_TYPE:", "HTML", "<%", "%>"]
        var s = ""
        for _ in 0..<rng.below(40) {
            if rng.chance(10) {
                var bytes: [UInt8] = []
                for _ in 0..<rng.below(6) { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
                s += String(decoding: bytes, as: UTF8.self)
            } else {
                s += rng.pick(pieces)
            }
        }
        return s
    }
}
