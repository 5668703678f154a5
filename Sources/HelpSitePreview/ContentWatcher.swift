import ServiceLifecycle
import HelpSitePublish

/// Looks at content/ and templates/ every `pollInterval` and rebuilds when a file
/// changed, once the files have settled. Polling file stamps (the ones the
/// incremental build compares) costs little and works on every system and folder.
struct ContentWatcher: Service {
    let folders: [String]
    let pollInterval: Duration
    let settleTime: Duration
    /// The stamps the last build saw.
    let initial: [String: BuildManifest.Stamp]
    let rebuild: @Sendable (_ changed: [String]) async -> Void
    /// Called once the watcher stops: `true` on a graceful shutdown, `false` when cancelled.
    let stopped: @Sendable (_ gracefully: Bool) async -> Void

    func run() async {
        var seen = initial
        while await pause(pollInterval) {
            var now = snapshot()
            guard now != seen else { continue }
            // An editor may write a file in several steps: wait until nothing moves.
            while await pause(settleTime) {
                let again = snapshot()
                if again == now { break }
                now = again
            }
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { break }
            await rebuild(Self.changes(from: seen, to: now))
            seen = now
        }
        await stopped(Task.isShuttingDownGracefully)
    }

    package func snapshot() -> [String: BuildManifest.Stamp] {
        BuildManifest.snapshot(of: folders)
    }

    /// Sleeps; `false` when the server is stopping instead.
    private func pause(_ duration: Duration) async -> Bool {
        do {
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
            return !Task.isShuttingDownGracefully
        } catch {
            return false
        }
    }

    /// The files added, changed or removed, sorted.
    static func changes(from old: [String: BuildManifest.Stamp], to new: [String: BuildManifest.Stamp]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
