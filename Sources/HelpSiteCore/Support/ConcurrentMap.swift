import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, results in the original order. For work of a
    /// few hundred microseconds or more per element: reading and checking pages.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(transform(self[index]), at: index)
        }
        return slots.values()
    }
}

/// One slot per element, each written by exactly one iteration of
/// `concurrentPerform`, and read only after all of them have returned.
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func store(_ value: Value, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] {
        storage.map { $0! }
    }
}
