/// Answers kept for keys that recur (the same place text, group text or point on many rows), for one worker.
/// Bounded: when `capacity` answers are held, they are all dropped and the cache fills again, so memory stays
/// flat however many distinct keys a file has. Only for pure computations: a kept answer must equal a fresh one.
package struct RecentAnswers<Key: Hashable, Value> {
    private var answers: [Key: Value] = [:]
    package let capacity: Int

    package init(capacity: Int = 4096) { self.capacity = capacity }

    package mutating func value(for key: Key, _ compute: () throws -> Value) rethrows -> Value {
        if let known = answers[key] { return known }
        let value = try compute()
        if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = value
        return value
    }
}
