import Foundation

/// HTTP/1.1 over a plain socket to 127.0.0.1, so that a test sends exactly the request
/// line it means: URL types and HTTP clients tidy `/../` and `%2e%2e` away before sending.
/// The blocking socket calls run on threads of their own, never on Swift's concurrency
/// threads, which the server under test needs.
package enum LoopbackClient {
    package struct Response {
        package let status: Int
        /// Header names in lower case.
        package let headers: [String: String]
        package let body: String
    }

    package struct Failure: Error, CustomStringConvertible {
        package let description: String

        package init(description: String) {
            self.description = description
        }
    }

    package static func get(_ target: String, port: Int, method: String = "GET") async throws -> Response {
        let raw = try await onThread {
            let socket = try Socket(port: port, timeoutSeconds: 20)
            defer { socket.close() }
            try socket.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            var data = Data()
            while let chunk = try socket.receive() { data += chunk }
            return String(decoding: data, as: UTF8.self)
        }
        return try parse(raw)
    }

    package static func parse(_ raw: String) throws -> Response {
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure(description: "no complete head in: \(raw)") }
        let lines = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }

    /// Runs blocking work on a thread of its own: not on Swift's concurrency threads, nor on
    /// Dispatch's global queues, whose few threads other suites need (`concurrentPerform`).
    package static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// The preview's server-sent events, read as a browser's EventSource would receive them.
package final class EventStreamReader: @unchecked Sendable {
    private let socket: Socket
    private var received = ""

    package init(port: Int) async throws {
        socket = try await LoopbackClient.onThread {
            let socket = try Socket(port: port, timeoutSeconds: 1)
            try socket.send("GET /_helpsite/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            return socket
        }
    }

    deinit { socket.close() }

    /// The generations announced so far (`data: 3` lines of `build` events).
    package var generations: [Int] {
        received.matches(of: /event: build\ndata: (\d+)\n\n/).compactMap { Int($0.output.1) }
    }

    /// Reads until an event announces a generation `predicate` accepts, for up to `seconds`.
    package func waitFor(seconds: Double = 60, _ predicate: @escaping @Sendable (Int) -> Bool) async throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let match = generations.first(where: predicate) { return match }
            let chunk = try await LoopbackClient.onThread { [socket] in try socket.receive(orNothingAfterTimeout: true) }
            guard let chunk else { throw LoopbackClient.Failure(description: "the event stream closed after: \(received)") }
            received += String(decoding: chunk, as: UTF8.self)
        }
        throw LoopbackClient.Failure(description: "no such event within \(seconds) s; received: \(received)")
    }

    /// Reads until the server closes the stream, for up to `seconds`; whether it did.
    package func waitForEnd(seconds: Double = 30) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard let chunk = try await LoopbackClient.onThread({ [socket] in try socket.receive(orNothingAfterTimeout: true) }) else {
                return true
            }
            received += String(decoding: chunk, as: UTF8.self)
        }
        return false
    }
}

/// A connected TCP socket with a receive time-out.
package final class Socket: @unchecked Sendable {
    private let descriptor: Int32

    package init(port: Int, timeoutSeconds: Int) throws {
        descriptor = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackClient.Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            Foundation.close(descriptor)
            throw LoopbackClient.Failure(description: "connect to 127.0.0.1:\(port): \(reason)")
        }
    }

    package func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Foundation.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw LoopbackClient.Failure(description: "send: \(String(cString: strerror(errno)))") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// The next bytes; `nil` once the server closed the connection. A time-out is an error,
    /// or, with `orNothingAfterTimeout`, an empty chunk.
    package func receive(orNothingAfterTimeout: Bool = false) throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 16384)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 { return Data(buffer[..<count]) }
        if count == 0 { return nil }
        if orNothingAfterTimeout, errno == EAGAIN || errno == EWOULDBLOCK { return Data() }
        throw LoopbackClient.Failure(description: "receive: \(String(cString: strerror(errno)))")
    }

    package func close() {
        Foundation.close(descriptor)
    }
}
