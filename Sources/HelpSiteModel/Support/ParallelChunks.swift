import Dispatch
import Foundation

/// Runs `body` over `0..<count` in contiguous chunks on every core and joins
/// the chunks' results in order. Each chunk is one call, so it can keep a
/// cache of its own without locks.
package func parallelChunks<T: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
    guard count > 0 else { return [] }
    let chunks = min(count, processorCount * 4)
    let results = ChunkResults<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
        results.store(body(range), at: chunk)
    }
    return results.joined
}

/// One slot per chunk, each written by one worker.
private final class ChunkResults<T: Sendable>: @unchecked Sendable {
    private var slots: [[T]]
    private let lock = NSLock()

    package init(count: Int) {
        slots = Array(repeating: [], count: count)
    }

    func store(_ values: [T], at index: Int) {
        lock.lock()
        slots[index] = values
        lock.unlock()
    }

    var joined: [T] {
        slots.flatMap { $0 }
    }
}
