import HelpSiteModel
import HelpSitePipeline

/// What the last build left, and the browsers waiting to hear of the next one.
actor PreviewState {
    /// Counts the builds that changed something; a page knows which one it was served from.
    private(set) var generation = 0
    /// The problems of the last build, while they last; `nil` when it worked.
    private(set) var problems: Diagnostics?
    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextListener = 0
    private var closed = false

    /// Records a build and tells every listener its generation. A build with nothing to do changes nothing.
    /// Called once the new files are in place: a page served just before carries the previous
    /// generation and so reloads once more, which is harmless; the other order could miss a change.
    func record(_ outcome: Pipeline.Outcome) {
        switch outcome {
        case .upToDate: return
        case .built: problems = nil
        case .failed(let diagnostics): problems = diagnostics
        }
        generation += 1
        for listener in listeners.values { listener.yield(generation) }
    }

    /// The generation now, then each new one, until the server stops.
    func listen() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        continuation.yield(generation)
        return stream
    }

    /// Ends every event stream, so that the server's graceful shutdown is not held open by them.
    func close() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    var listenerCount: Int { listeners.count }

    private func forget(_ id: Int) {
        listeners[id] = nil
    }
}
