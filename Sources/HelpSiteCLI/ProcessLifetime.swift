import Foundation

/// Values a command has finished with but that are never freed: the process exits right
/// after, and the system takes the memory back at once, where freeing a site's worth of
/// small objects one by one costs measurable time (the same reason compilers skip their
/// final frees). Only for commands; a long-running process must not use it.
enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
