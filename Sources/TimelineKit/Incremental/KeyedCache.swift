/// Values computed from inputs, kept between the builds of a session and
/// recomputed only when their inputs change. The inputs are whatever the
/// value is made from, compared whole: a cached value is reused only when
/// recomputing it could not give other bytes, so the cache never needs to
/// know which note changed.
struct KeyedCache<Inputs: Equatable, Value> {
    private var entries: [String: (inputs: Inputs, value: Value)] = [:]

    /// The value for each key, in order. Values whose inputs changed (or are
    /// new) are computed on all cores; entries for keys no longer asked for
    /// are dropped.
    mutating func values(keys: [String], inputs: [Inputs], compute: (Int) -> Value) -> [Value] {
        var values: [Value?] = keys.indices.map { i in
            entries[keys[i]].flatMap { $0.inputs == inputs[i] ? $0.value : nil }
        }
        let missing = values.indices.filter { values[$0] == nil }
        for (i, value) in zip(missing, parallelMap(missing, compute)) { values[i] = value }
        var next: [String: (inputs: Inputs, value: Value)] = [:]
        next.reserveCapacity(keys.count)
        for i in keys.indices { next[keys[i]] = (inputs[i], values[i]!) }
        entries = next
        return values.map { $0! }
    }

    mutating func removeAll() { entries = [:] }
}
