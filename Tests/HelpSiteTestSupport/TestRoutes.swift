import NIOCore
import NIOHTTP1

/// The behaviours of the test server, one per path.
package enum TestRoutes {
    /// The huge body: 64 MiB, far more than the checker may read, sent in 64 KiB chunks.
    package static let hugeChunks = 1024
    package static let chunkSize = 64 * 1024
    /// How long `/slow` takes, well past the tests' timeouts.
    package static let slowDelay = TimeAmount.seconds(3)

    package static func response(path: String, method: HTTPMethod, count: Int) -> TestResponse {
        switch path {
        case "/ok", "/chain/3", "/temporary-target": return TestResponse(.ok)
        case "/chain/1": return .redirect(.movedPermanently, to: "/chain/2")
        case "/chain/2": return .redirect(.permanentRedirect, to: "/chain/3")
        case "/temporary": return .redirect(.found, to: "/temporary-target")
        case "/loop/a": return .redirect(.movedPermanently, to: "/loop/b")
        case "/loop/b": return .redirect(.movedPermanently, to: "/loop/a")
        case "/to-file": return .redirect(.found, to: "file:///etc/passwd")
        case "/to-ftp": return .redirect(.movedPermanently, to: "ftp://ftp.example.com/pub/complaints.pdf")
        case "/to-javascript": return .redirect(.found, to: "javascript:alert(document.cookie)")
        case "/missing": return TestResponse(.notFound)
        case "/gone": return TestResponse(.gone)
        case "/flaky": return TestResponse(count == 1 ? .internalServerError : .ok)
        case "/always-failing": return TestResponse(.serviceUnavailable)
        case "/busy": return count == 1 ? .tooManyRequests(retryAfter: "60") : TestResponse(.ok)
        case "/always-busy": return .tooManyRequests(retryAfter: "5")
        case "/slow": return TestResponse(.ok, delay: slowDelay)
        case "/no-head": return TestResponse(method == .HEAD ? .methodNotAllowed : .ok)
        case "/huge": return method == .HEAD ? TestResponse(.methodNotAllowed) : TestResponse(.ok, huge: true)
        case "/soft-404": return .page(OutsidePages.softNotFound)
        case "/long-404-article": return .page(OutsidePages.articleAboutNotFound)
        case "/economy-contact": return .page(OutsidePages.economy)
        case "/ombudsfin-contact": return .page(OutsidePages.ombudsfinChanged)
        case "/moved-contact": return .redirect(.movedPermanently, to: "/economy-contact")
        default:
            if path.hasPrefix("/pause/") { return TestResponse(.ok, delay: .milliseconds(150)) }
            return TestResponse(.notFound)
        }
    }
}

package struct TestResponse: Sendable {
    package var status: HTTPResponseStatus
    package var headers: [(String, String)] = []
    package var delay: TimeAmount = .zero
    package var huge = false
    /// An HTML page instead of the status line as text.
    package var html: String?

    package init(_ status: HTTPResponseStatus, headers: [(String, String)] = [], delay: TimeAmount = .zero, huge: Bool = false) {
        self.status = status
        self.headers = headers
        self.delay = delay
        self.huge = huge
    }

    package static func page(_ html: String) -> TestResponse {
        var response = TestResponse(.ok)
        response.html = html
        return response
    }

    package static func redirect(_ status: HTTPResponseStatus, to location: String) -> TestResponse {
        TestResponse(status, headers: [("Location", location)])
    }

    package static func tooManyRequests(retryAfter: String) -> TestResponse {
        TestResponse(.tooManyRequests, headers: [("Retry-After", retryAfter)])
    }

    package func write(to context: ChannelHandlerContext, isHead: Bool, state: ServerState) {
        let body = html ?? "\(status.code) \(status.reasonPhrase)\n"
        var headers = HTTPHeaders(headers)
        if !huge { headers.add(name: "Content-Length", value: "\(body.utf8.count)") }
        headers.add(name: "Content-Type", value: html == nil ? "text/plain" : "text/html; charset=utf-8")
        context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))),
                      promise: nil)
        if huge, !isHead {
            Self.stream(NIOLoopBound(context, eventLoop: context.eventLoop), remaining: TestRoutes.hugeChunks, state: state)
            return
        }
        if !isHead {
            context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        }
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
        state.end()
    }

    /// One chunk at a time, each after the last was flushed; stops when the client hangs up.
    private static func stream(_ context: NIOLoopBound<ChannelHandlerContext>, remaining: Int, state: ServerState) {
        let chunk = context.value.channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: TestRoutes.chunkSize)
        context.value.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(chunk)))).whenComplete { result in
            guard case .success = result else { return state.end() }
            state.addSent(TestRoutes.chunkSize)
            if remaining > 1 {
                stream(context, remaining: remaining - 1, state: state)
            } else {
                context.value.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
                state.end()
            }
        }
    }
}
