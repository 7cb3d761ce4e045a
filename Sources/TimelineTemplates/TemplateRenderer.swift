/// Renders compiled templates into bytes, mirroring swift-mustache 2.1.1's
/// Template+Render.swift, Context.swift and Sequence.swift: the same context
/// stack, the same truthiness, the same indentation of partials. Values are
/// typed, so a lookup is a `switch` and a dictionary probe, and output goes
/// straight into the caller's byte buffer.
struct TemplateRenderer {
    /// Sections, partials, parents, blocks and lambdas nested deeper than this
    /// (together) are not rendered: the branch renders as nothing. swift-mustache
    /// has no limit and overflows the stack on a partial that includes itself;
    /// Timeline's templates nest about ten deep.
    static let maximumDepth = 250

    /// What swift-mustache's `MustacheContext` carries besides the stack.
    struct Scope {
        var sequence: SequencePosition?
        var indentation: [UInt8]?
        var overrides: [String: TemplateBlock]?
        var html = true
    }

    let templates: [String: Template]
    var stack: [TemplateValue]
    var depth = 0

    init(templates: [String: Template], context: TemplateValue) {
        self.templates = templates
        self.stack = [context.forced]
    }

    // MARK: - Blocks

    mutating func render(_ block: TemplateBlock, _ scope: Scope, into out: inout [UInt8]) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        defer { depth -= 1 }
        var scope = scope
        if let indentation = scope.indentation, !indentation.isEmpty {
            // swift-mustache indents a node's output when this block's output so
            // far ends with a "\n" that is not part of "\r\n" (a Character test).
            let start = out.count
            for node in block.nodes {
                let before = out.count
                let atLineStart = before > start && out[before - 1] == 0x0A
                    && !(before - start >= 2 && out[before - 2] == 0x0D)
                renderNode(node, &scope, into: &out)
                if atLineStart, out.count > before {
                    out.insert(contentsOf: indentation, at: before)
                }
            }
        } else {
            for node in block.joined {
                renderNode(node, &scope, into: &out)
            }
        }
    }

    mutating func renderNode(_ node: TemplateNode, _ scope: inout Scope, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            guard let value = resolve(name, scope) else { return }
            print(value, escape: escaped && scope.html, scope, into: &out)

        case .section(let name, let block, let inverted):
            let value = resolve(name, scope)
            if inverted {
                renderInverted(value, block, scope, into: &out)
            } else if case .lambda(let lambda)? = value {
                renderLambdaResult(lambda.call(block.source), escape: false, scope, into: &out)
            } else {
                renderSection(value, block, scope, into: &out)
            }

        case .block(let name, let defaultBlock, let indentation):
            var inner = scope
            inner.sequence = nil
            inner.indentation = (scope.indentation ?? []) + indentation
            render(scope.overrides?[name] ?? defaultBlock, inner, into: &out)

        case .partial(let partialName, let indentation, let overrides):
            let name: String
            switch partialName {
            case .fixed(let fixed): name = fixed
            case .dynamic(let reference):
                switch resolve(reference, scope) {
                case .text(let s)?: name = s
                case .writer(let w)?: name = w.string
                default: return
                }
            }
            guard let template = templates[name] else { return }
            var inner = scope
            inner.sequence = nil
            if let indentation { inner.indentation = (scope.indentation ?? []) + indentation }
            if let overrides {
                // An override from an outer parent wins over an inner one.
                inner.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            inner.html = true
            render(template.root, inner, into: &out)

        case .contentType(let html):
            scope.html = html

        case .blockDefinition:
            break  // only ever inside a parent, where it became an override
        }
    }

    // MARK: - Sections

    /// swift-mustache's `renderSection`: lists iterate (empty: nothing), bools
    /// gate, anything else present is pushed and rendered once. `fromStack` is
    /// the lambda case, where the top of the stack is passed as it is, null included.
    mutating func renderSection(_ value: TemplateValue?, _ block: TemplateBlock, _ scope: Scope, fromStack: Bool = false, into out: inout [UInt8]) {
        switch value {
        case .list(let items)?:
            var inner = scope
            let last = items.count - 1
            for (index, item) in items.enumerated() {
                inner.sequence = SequencePosition(first: index == 0, last: index == last, index: index)
                stack.append(item.forced)
                render(block, inner, into: &out)
                stack.removeLast()
            }
        case .bool(let b)?:
            if b { render(block, scope, into: &out) }
        case nil:
            return
        case .null? where !fromStack:
            return
        case let value?:
            var inner = scope
            inner.sequence = nil
            stack.append(value)
            render(block, inner, into: &out)
            stack.removeLast()
        }
    }

    /// swift-mustache's `renderInvertedSection`: an empty list renders with the
    /// list pushed; false and absent render in place; anything else hides.
    mutating func renderInverted(_ value: TemplateValue?, _ block: TemplateBlock, _ scope: Scope, into out: inout [UInt8]) {
        switch value {
        case .list(let items)?:
            guard items.isEmpty else { return }
            var inner = scope
            inner.sequence = nil
            stack.append(.list(items))
            render(block, inner, into: &out)
            stack.removeLast()
        case .bool(let b)?:
            if !b { render(block, scope, into: &out) }
        case nil, .null?:
            render(block, scope, into: &out)
        default:
            return
        }
    }

    /// A lambda's text is parsed as a template (HTML-escaped first for an escaped
    /// `{{lambda}}`) and rendered as a section over the top of the stack; text
    /// that does not parse renders as nothing, as in swift-mustache.
    mutating func renderLambdaResult(_ text: String, escape: Bool, _ scope: Scope, into out: inout [UInt8]) {
        guard depth < Self.maximumDepth else { return }
        var source = text
        if escape {
            var bytes: [UInt8] = []
            HTMLEscaping.append(escaping: text, to: &bytes)
            source = String(decoding: bytes, as: UTF8.self)
        }
        guard let block = try? TemplateParser.parse(source, name: "(lambda)") else { return }
        renderSection(stack.last, block, scope, fromStack: true, into: &out)
    }

    // MARK: - Printing

    mutating func print(_ value: TemplateValue, escape: Bool, _ scope: Scope, into out: inout [UInt8]) {
        switch value {
        case .text(let s):
            if escape {
                HTMLEscaping.append(escaping: s, to: &out)
            } else {
                out.append(contentsOf: s.utf8)
            }
        case .int(let i):
            appendDecimal(i, to: &out)
        case .bool(let b):
            out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .writer(let w):
            if escape {
                var bytes: [UInt8] = []
                w.write(&bytes)
                HTMLEscaping.append(escaping: bytes, to: &out)
            } else {
                w.write(&out)
            }
        case .lambda(let lambda):
            renderLambdaResult(lambda.call(""), escape: escape, scope, into: &out)
        case .null:
            return
        case .deferred:
            print(value.forced, escape: escape, scope, into: &out)
        case .double, .list, .map:
            let text = value.printed
            if escape {
                HTMLEscaping.append(escaping: text, to: &out)
            } else {
                out.append(contentsOf: text.utf8)
            }
        }
    }

    private func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        out.append(contentsOf: String(value).utf8)
    }

    // MARK: - Lookup

    /// swift-mustache's `getChild`: the first segment is searched from the top
    /// of the stack down (a map holding the key, not null, stops the search);
    /// the rest are looked up within what was found, and a miss there is a
    /// miss. Only maps have children. Transforms then apply innermost first.
    func resolve(_ name: TemplateName, _ scope: Scope) -> TemplateValue? {
        if let key = name.simpleKey {
            return stack.withUnsafeBufferPointer { levels in
                var index = levels.count - 1
                while index >= 0 {
                    if case .map(let entries) = levels[index], let found = entries[key] {
                        let value = found.forced
                        if case .null = value {} else { return value }
                    }
                    index -= 1
                }
                return nil
            }
        }
        var value: TemplateValue?
        var transforms = name.transforms[...]
        switch name.root {
        case .sequence:
            guard let position = scope.sequence, let first = transforms.popFirst() else { return nil }
            value = position.apply(first)
        case .top:
            guard let top = stack.last else { return nil }
            value = descend(top, name.segments[...])
        case .search:
            guard let key = name.segments.first else { return nil }
            var index = stack.count - 1
            while index >= 0 {
                if case .map(let entries) = stack[index], let found = entries[key]?.forced, !found.isNull {
                    value = name.segments.count == 1 ? found : descend(found, name.segments.dropFirst())
                    break
                }
                index -= 1
            }
        }
        guard var result = value, !result.isNull else { return nil }
        for transform in transforms {
            guard let next = result.apply(transform) else { return nil }
            result = next
        }
        return result
    }

    private func descend(_ value: TemplateValue, _ segments: ArraySlice<String>) -> TemplateValue? {
        var current = value
        for segment in segments {
            switch current {
            case .map(let entries):
                guard let child = entries[segment]?.forced, !child.isNull else { return nil }
                current = child
            case .lambda(let lambda):
                // swift-mustache calls the lambda and looks in its text, which has no children.
                _ = lambda.call("")
                return nil
            default:
                return nil
            }
        }
        return current
    }
}
