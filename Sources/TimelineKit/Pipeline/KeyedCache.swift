/// Values computed from inputs, kept between the builds of a session and
/// recomputed only when their inputs change. The inputs are whatever the
/// value is made from, compared whole: a cached value is reused only when
/// recomputing it could not give other bytes, so the cache never needs to
/// know which note changed.
struct KeyedCache<Inputs: Equatable, Value: Sendable> {
    private var entries: [String: (inputs: Inputs, value: Value)] = [:]

    /// The value for each key, in order. Values whose inputs changed (or are
    /// new) are computed on all cores; entries for keys no longer asked for
    /// are dropped.
    mutating func values(keys: [String], inputs: [Inputs], compute: @Sendable (Int) -> Value) -> [Value] {
        var values: [Value?] = keys.indices.map { i in
            entries[keys[i]].flatMap { $0.inputs == inputs[i] ? $0.value : nil }
        }
        let missing = values.indices.filter { values[$0] == nil }
        for (i, value) in zip(missing, parallelMap(missing, compute)) {
            values[i] = value
            entries[keys[i]] = (inputs[i], value)
        }
        // Updated in place: rebuilding 10,000 entries per edit cost more
        // than the few values recomputed. Keys are unique, so more entries
        // than keys means some are no longer asked for.
        if entries.count > keys.count {
            let wanted = Set(keys)
            entries = entries.filter { wanted.contains($0.key) }
        }
        return values.map { $0! }
    }

    mutating func removeAll() { entries = [:] }
}
