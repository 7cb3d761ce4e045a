/// The questions the renderer asks of any value, with `.deferred` resolved first.
extension TemplateValue {
    /// The value itself, or for `.deferred` the value it makes (made anew each
    /// time it is looked at: a value type cannot remember it). A chain of more
    /// than 64 deferred values is taken as null rather than followed forever.
    @inline(__always)
    var forced: TemplateValue {
        guard case .deferred = self else { return self }
        return forceSlow()
    }

    private func forceSlow() -> TemplateValue {
        var value = self
        for _ in 0..<64 {
            guard case .deferred(let deferred) = value else { return value }
            value = deferred.make()
        }
        return .null
    }

    /// Whether this is (or makes) `.null`.
    var isNull: Bool {
        switch self {
        case .null: true
        case .deferred: forced.isNull
        default: false
        }
    }

    /// nil for `.null`: absent values are nothing, wherever they come from.
    var nonNull: TemplateValue? { isNull ? nil : self }
}
