import Foundation
import Mustache
import Testing
@testable import TimelineTemplates

/// swift-mustache 2.1.1, the engine ours must match byte for byte, fed the
/// Swift values Timeline used to give it.
enum Reference {
    /// The `Any` swift-mustache would have been given for a value. Nulls in maps
    /// are left out (as a nil optional property is invisible to its Mirror);
    /// elsewhere they are NSNull. Lists of text (or empty), of ints or of
    /// doubles become typed arrays, as Timeline's `[String]`s were, so `sorted` applies.
    static func any(_ value: TemplateValue) -> Any {
        switch value.forced {
        case .null, .deferred: return NSNull()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .text(let s): return s
        case .writer(let w): return w.string
        case .list(let items):
            let forced = items.map(\.forced)
            var strings: [String] = [], ints: [Int] = [], doubles: [Double] = []
            for item in forced {
                switch item {
                case .text(let s): strings.append(s)
                case .writer(let w): strings.append(w.string)
                case .int(let i): ints.append(i)
                case .double(let d): doubles.append(d)
                default: break
                }
            }
            if strings.count == forced.count { return strings }
            if ints.count == forced.count { return ints }
            if doubles.count == forced.count { return doubles }
            return forced.map(any)
        case .map(let entries):
            var dictionary: [String: Any] = [:]
            for (key, value) in entries where !value.isNull { dictionary[key] = any(value) }
            return dictionary
        case .lambda(let lambda):
            return MustacheLambda { (text: String) -> Any? in lambda.call(text) }
        }
    }

    /// swift-mustache's rendering of `name`, or nil if any template fails to parse.
    static func render(_ templates: [String: String], _ name: String, _ context: TemplateValue) -> String? {
        var library = MustacheLibrary()
        for (templateName, source) in templates {
            guard (try? library.register(source, named: templateName)) != nil else { return nil }
        }
        return library.render(any(context), withTemplate: name)
    }

    static func library(_ templates: [String: String]) -> MustacheLibrary? {
        var library = MustacheLibrary()
        for (templateName, source) in templates {
            guard (try? library.register(source, named: templateName)) != nil else { return nil }
        }
        return library
    }

    static func accepts(_ source: String) -> Bool {
        (try? MustacheTemplate(string: source)) != nil
    }
}

/// Renders with both engines and checks both give `expected`, byte for byte.
func expectRender(
    _ template: String, _ context: TemplateValue, _ expected: String,
    partials: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
) {
    var templates = partials
    templates["main"] = template
    let reference = Reference.render(templates, "main", context)
    #expect(reference == expected, "swift-mustache", sourceLocation: sourceLocation)
    do {
        let library = try TemplateLibrary(templates: templates)
        var out: [UInt8] = []
        library.render("main", context, into: &out)
        let ours = String(decoding: out, as: UTF8.self)
        #expect(out == Array((reference ?? "").utf8), "engines differ: ours \(ours.debugDescription), swift-mustache \((reference ?? "<rejected>").debugDescription)", sourceLocation: sourceLocation)
        #expect(out == Array(expected.utf8), "ours: \(ours.debugDescription)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("ours rejected: \(error)", sourceLocation: sourceLocation)
    }
}

/// Both engines reject `template`; ours says where.
func expectRejected(_ template: String, line: Int, column: Int, _ kind: TemplateError.Kind, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!Reference.accepts(template), "swift-mustache accepts it", sourceLocation: sourceLocation)
    do {
        _ = try Template(name: "t", source: template)
        Issue.record("ours accepts it", sourceLocation: sourceLocation)
    } catch {
        #expect(error == TemplateError(template: "t", line: line, column: column, kind: kind), sourceLocation: sourceLocation)
    }
}
