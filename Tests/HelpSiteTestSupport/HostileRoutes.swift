import NIOCore

/// The behaviours of the hostile server, one per path. Each is written as the bytes
/// on the wire, because most of them cannot be said through an HTTP encoder.
package enum HostileRoutes {
    package static let refuseHead = "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

    package static func answer(path: String, method: String) -> HostileAnswer {
        // The endless and trickling bodies come after a GET, as from a server that refuses HEAD.
        let refusesHead = ["/endless", "/trickle-body"].contains(path)
        if refusesHead, method == "HEAD" { return HostileAnswer(refuseHead) }
        switch path {
        case "/ok":
            return HostileAnswer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n")
        case "/endless":
            // Chunked, 4 KiB a chunk, as fast as the client takes them, and no last chunk ever.
            let chunk = "1000\r\n" + String(repeating: "x", count: 4096) + "\r\n"
            return HostileAnswer("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n") { _ in chunk }
        case "/trickle":
            // The whole answer, status line included, one byte a second.
            let bytes = Array("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n".utf8)
            return HostileAnswer("", every: .seconds(1)) { index in
                String(decoding: [index < bytes.count ? bytes[index] : UInt8(ascii: "x")], as: UTF8.self)
            }
        case "/trickle-body":
            // A prompt 200, then a body of 100,000 bytes at one byte a second.
            return HostileAnswer("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", every: .seconds(1)) { index in
                index < 100_000 ? "x" : nil
            }
        case "/not-http":
            // What another service on an HTTP port says first.
            return HostileAnswer("SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n")
        case "/bad-status":
            return HostileAnswer("HTTP/1.1 OK 200\r\nContent-Length: 0\r\n\r\n")
        case "/header-without-colon":
            return HostileAnswer("HTTP/1.1 200 OK\r\nServer nginx\r\nContent-Length: 3\r\n\r\nok\n")
        case "/enormous-header":
            // One header whose value never ends: 4 KiB after 4 KiB, as fast as the client takes them.
            let filler = String(repeating: "a", count: 4096)
            return HostileAnswer("HTTP/1.1 200 OK\r\nX-Filler: ") { _ in filler }
        default:
            return HostileAnswer("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        }
    }
}

/// Bytes to send: `head` at once, then the pieces one after another, `every` apart,
/// until `piece` says there are no more (then the connection is closed) or the client
/// hangs up.
package struct HostileAnswer: Sendable {
    package var head: String
    package var every: TimeAmount
    package var piece: @Sendable (Int) -> String?

    package init(_ head: String, every: TimeAmount = .zero, piece: @escaping @Sendable (Int) -> String? = { _ in nil }) {
        self.head = head
        self.every = every
        self.piece = piece
    }

    package func start(on context: NIOLoopBound<ChannelHandlerContext>, state: HostileState) {
        state.startStream()
        send(head, index: -1, on: context, state: state)
    }

    private func send(_ text: String, index: Int, on context: NIOLoopBound<ChannelHandlerContext>, state: HostileState) {
        let buffer = context.value.channel.allocator.buffer(string: text)
        context.value.writeAndFlush(NIOAny(buffer)).whenComplete { result in
            guard case .success = result else { return state.endStream() }
            state.addSent(text.utf8.count)
            guard let next = piece(index + 1) else {
                state.endStream()
                return context.value.close(promise: nil)
            }
            if every == .zero {
                // Through the loop, not a direct call: a fast client would otherwise deepen the stack without end.
                context.value.eventLoop.execute { send(next, index: index + 1, on: context, state: state) }
            } else {
                context.value.eventLoop.scheduleTask(in: every) { send(next, index: index + 1, on: context, state: state) }
            }
        }
    }
}
