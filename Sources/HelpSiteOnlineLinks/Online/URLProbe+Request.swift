import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension URLProbe {
    /// One GET of `url`, tried again after a timeout, a 5xx or a 429, with backoff; at most
    /// `limit` bytes of its body are kept.
    func request(_ url: String, keeping limit: Int, counter: inout RequestCounter) async -> Answer {
        let host = URLComponents(string: url)?.host?.lowercased() ?? url
        var answer: Answer = .failure("not requested")
        for attempt in 0...options.retries {
            counter.count += 1
            await limiter.acquire(host: host)
            let (result, wait) = await send(url, keeping: limit, attempt: attempt)
            await limiter.release(host: host)
            answer = result
            guard let wait, attempt < options.retries else { break }
            try? await Task.sleep(for: wait)
        }
        if case .response(429, _, _) = answer { return .rateLimited(tries: options.retries + 1) }
        return answer
    }

    /// The answer, and how long to wait before asking again (nil: do not ask again).
    private func send(_ url: String, keeping limit: Int, attempt: Int) async -> (Answer, Duration?) {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,*/*;q=0.8")
        let backoff = min(options.backoff * (1 << attempt), options.maximumRetryAfter)
        // One deadline for the whole request: the client's own covers only the head, and a
        // body that trickles a byte a second never trips its timeout between reads.
        let deadline = ContinuousClock.now + options.timeout
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(options.timeout.nanoseconds))
            let status = Int(response.status.code)
            var body = await Self.read(response.body, limit: limit, until: deadline)
            // A compressed body cannot be read as a page; none is asked for, but a server may send one.
            let encoding = response.headers.first(name: "Content-Encoding")?.lowercased() ?? "identity"
            body.contentType = encoding == "identity" ? response.headers.first(name: "Content-Type") : nil
            let answer = Answer.response(status: status, location: response.headers.first(name: "Location"), body: body)
            if status == 429 {
                let asked = RetryAfter.parse(response.headers.first(name: "Retry-After"), now: Date())
                return (answer, min(asked ?? backoff, options.maximumRetryAfter))
            }
            return (answer, (500..<600).contains(status) ? backoff : nil)
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            return (.failure("did not answer within \(Self.seconds(options.timeout)) (tried \(attempt + 1) times)"), backoff)
        } catch let error as HTTPParserError {
            return (.failure("answered with invalid HTTP: \(Self.describe(error))"), nil)
        } catch {
            return (.failure("cannot be reached: \(Self.describe(error))"), nil)
        }
    }

    /// Reads at most `limit` bytes, and only until `deadline`, then lets the rest go: the
    /// connection is closed, not drained. The status is known by then and decides the
    /// verdict (but for a soft 404, which only a short page that arrived whole can be), so a
    /// body that never ends, comes a byte a second or breaks off costs a bounded time and
    /// memory.
    static func read(_ body: HTTPClientResponse.Body, limit: Int, until deadline: ContinuousClock.Instant) async -> Body {
        await withTaskGroup(of: Body?.self) { group in
            group.addTask {
                var read = Body()
                do {
                    for try await chunk in body {
                        read.count += chunk.readableBytes
                        read.bytes += chunk.readableBytesView.prefix(max(0, limit - read.bytes.count))
                        // Leaving the loop drops the body, which closes the connection mid-transfer.
                        if read.count >= limit { return read }
                    }
                    read.complete = true
                } catch {
                    // Cancelled at the deadline, or the server broke off or timed out mid-body:
                    // what arrived is all that is read, and the status already said what the link is.
                }
                return read
            }
            group.addTask {
                try? await Task.sleep(until: deadline)
                return nil
            }
            var read = Body()
            for await result in group {
                // Whichever ends first, the reading or the deadline, ends the other.
                group.cancelAll()
                if let result { read = result }
            }
            return read
        }
    }

    /// Words for a failed connection: `connection refused` rather than NIO's description.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPParserError { return describe(error) }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? HTTPClientError, error == .remoteConnectionClosed { return "the server closed the connection" }
        return "\(error)"
    }

    /// What was wrong in an answer that is not HTTP, in words.
    static func describe(_ error: HTTPParserError) -> String {
        switch error {
        case .headerOverflow: "its header is larger than the 80 KiB a client accepts"
        case .invalidStatus: "its status line has no valid status code"
        case .invalidVersion, .invalidConstant: "it does not start with an HTTP status line"
        case .invalidHeaderToken, .invalidCharactersUsed: "a header line is not a name, a colon and a value"
        case .invalidContentLength, .unexpectedContentLength: "its Content-Length is not valid"
        case .invalidChunkSize: "its chunked body is not valid"
        default: "\(error)"
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
