import Foundation
import NIOCore
import NIOPosix

/// A server on 127.0.0.1 that answers with raw bytes, not through NIOHTTP1's encoder,
/// so that it can say what no well-behaved server would: a body that never ends, a
/// response a byte a second, a status line that is not HTTP, a header with no colon,
/// a header that never ends. Each path is one behaviour (`HostileRoutes`). It counts
/// what it sent and how many of its endless answers are still being written.
package final class HostileHTTPServer: LoopbackServer {
    package let channel: any Channel
    package let state = HostileState()

    package init() async throws {
        let state = self.state
        channel = try await Self.bind { pipeline in
            try pipeline.addHandler(RawRequestHandler(state: state))
        }
    }
}

/// What the hostile server did; read by the tests, written on the event loop.
package final class HostileState: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var sent = 0
    private var streaming = 0

    package func begin(_ path: String) { lock.withLock { counts[path, default: 0] += 1 } }
    package func addSent(_ bytes: Int) { lock.withLock { sent += bytes } }
    package func startStream() { lock.withLock { streaming += 1 } }
    package func endStream() { lock.withLock { streaming -= 1 } }

    package func requests(_ path: String) -> Int { lock.withLock { counts[path] ?? 0 } }
    package var bytesSent: Int { lock.withLock { sent } }
    /// Endless answers still being written: one ends only when the client hangs up.
    package var openStreams: Int { lock.withLock { streaming } }
}

/// Reads a request head as bytes, then answers it as its route says.
package final class RawRequestHandler: ChannelInboundHandler {
    package typealias InboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    package let state: HostileState
    private var received = ""

    package init(state: HostileState) {
        self.state = state
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        received += buffer.readString(length: buffer.readableBytes) ?? ""
        guard let end = received.range(of: "\r\n\r\n") else { return }
        let requestLine = received[..<end.lowerBound].split(separator: "\r\n").first ?? ""
        received = String(received[end.upperBound...])
        let words = requestLine.split(separator: " ")
        guard words.count >= 2 else { return }
        let path = String(words[1])
        state.begin(path)
        HostileRoutes.answer(path: path, method: String(words[0]))
            .start(on: NIOLoopBound(context, eventLoop: context.eventLoop), state: state)
    }
}
