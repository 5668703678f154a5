import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP server on 127.0.0.1, on a port the system picks, for the online
/// link tests. Each path is one behaviour (see `TestRoutes`); the server counts
/// the requests of each path, the most in flight at once, and the bytes of the
/// huge body it managed to send.
package final class TestHTTPServer: LoopbackServer {
    package let channel: any Channel
    package let state = ServerState()

    package init() async throws {
        let state = self.state
        channel = try await Self.bind { pipeline in
            try pipeline.configureHTTPServerPipeline()
            try pipeline.addHandler(RouteHandler(state: state))
        }
    }
}

/// A server the tests start on 127.0.0.1, on a port the system picks.
package protocol LoopbackServer: Sendable {
    var channel: any Channel { get }
}

extension LoopbackServer {
    package var port: Int { channel.localAddress!.port! }

    package func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    package func stop() async {
        try? await channel.close()
    }

    /// Listens on 127.0.0.1; `handlers` sets up each connection's pipeline.
    package static func bind(
        _ handlers: @escaping @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void
    ) async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try handlers(channel.pipeline.syncOperations) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }
}

/// What the server saw; read by the tests, written on the event loop.
package final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var methods: [String: [String]] = [:]
    private var inFlight = 0
    private(set) var userAgents: Set<String> = []
    private var peak = 0
    private var sent = 0
    private var arrivals: [String: [ContinuousClock.Instant]] = [:]

    /// Records a request; returns how many requests this path has had, this one included.
    package func begin(_ path: String, method: String, userAgent: String?) -> Int {
        lock.withLock {
            counts[path, default: 0] += 1
            arrivals[path, default: []].append(ContinuousClock.now)
            methods[path, default: []].append(method)
            if let userAgent { userAgents.insert(userAgent) }
            inFlight += 1
            peak = max(peak, inFlight)
            return counts[path]!
        }
    }

    package func end() { lock.withLock { inFlight -= 1 } }
    package func addSent(_ bytes: Int) { lock.withLock { sent += bytes } }

    package func requests(_ path: String) -> Int { lock.withLock { counts[path] ?? 0 } }
    /// When each request of `path` arrived, first to last.
    package func arrivalTimes(_ path: String) -> [ContinuousClock.Instant] { lock.withLock { arrivals[path] ?? [] } }
    package func methods(_ path: String) -> [String] { lock.withLock { methods[path] ?? [] } }
    package var totalRequests: Int { lock.withLock { counts.values.reduce(0, +) } }
    package var peakInFlight: Int { lock.withLock { peak } }
    package var bytesSent: Int { lock.withLock { sent } }
    package var agents: Set<String> { lock.withLock { userAgents } }
}

/// One connection's requests: reads each head, answers it from `TestRoutes`.
package final class RouteHandler: ChannelInboundHandler {
    package typealias InboundIn = HTTPServerRequestPart
    package typealias OutboundOut = HTTPServerResponsePart

    package let state: ServerState
    private var head: HTTPRequestHead?

    package init(state: ServerState) {
        self.state = state
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let path = String(head.uri.split(separator: "?").first ?? "")
            let count = state.begin(path, method: head.method.rawValue, userAgent: head.headers.first(name: "User-Agent"))
            let response = TestRoutes.response(path: path, method: head.method, count: count)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let state = self.state
            context.eventLoop.scheduleTask(in: response.delay) {
                response.write(to: bound.value, isHead: head.method == .HEAD, state: state)
            }
        }
    }
}
