import Dispatch
import Foundation

/// The processors this process may use, asked once: Foundation reads /proc and the
/// cgroup limits on every call (0.2 ms each, a few per run).
package let processorCount = ProcessInfo.processInfo.activeProcessorCount

extension Array where Element: Sendable {
    /// `map` over all cores, results in the original order. For work of a
    /// few hundred microseconds or more per element: reading and checking pages.
    /// - Parameter workers: at most this many at once; 1 maps on the calling thread.
    package func concurrentMap<Result: Sendable>(workers: Int? = nil, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(workers ?? processorCount, count)
        guard workers > 1 else { return map(transform) }
        let slots = Slots<Result>(count: count)
        // Each worker takes the next element not yet taken, until none is left: elements differ
        // in cost, and a worker given a fixed share (every workers-th element) could finish a
        // fifth of a build before the other and wait (seen at 1,000 pages, a cold build's last
        // half second on one core).
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: count) {
                slots.store(transform(self[index]), at: index)
            }
        }
        return slots.values()
    }
}

/// The next index of a `concurrentMap`, handed out once each.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// One slot per element, each written by exactly one iteration of
/// `concurrentPerform`, and read only after all of them have returned. The
/// slots are raw memory allocated once: writing one never touches another (an
/// array would, through its own bookkeeping, which the thread sanitizer reports).
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    package init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        precondition(index >= 0 && index < count)
        storage[index] = value
    }

    func values() -> [Value] {
        (0..<count).map { storage[$0]! }
    }
}
