import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension URLProbe {
    /// One request to `url`, tried again after a timeout, a 5xx or a 429, with backoff.
    func request(_ url: String, method: HTTPMethod, counter: inout RequestCounter) async -> Answer {
        let host = URLComponents(string: url)?.host?.lowercased() ?? url
        var answer: Answer = .failure("not requested")
        for attempt in 0...options.retries {
            counter.count += 1
            await limiter.acquire(host: host)
            let (result, wait) = await send(url, method: method, attempt: attempt)
            await limiter.release(host: host)
            answer = result
            guard let wait, attempt < options.retries else { break }
            try? await Task.sleep(for: wait)
        }
        if case .response(429, _, _) = answer { return .rateLimited(tries: options.retries + 1) }
        return answer
    }

    /// The answer, and how long to wait before asking again (nil: do not ask again).
    private func send(_ url: String, method: HTTPMethod, attempt: Int) async -> (Answer, Duration?) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,*/*;q=0.8")
        let backoff = min(options.backoff * (1 << attempt), options.maximumRetryAfter)
        // One deadline for the whole request: the client's own covers only the head, and a
        // body that trickles a byte a second never trips its timeout between reads.
        let deadline = ContinuousClock.now + options.timeout
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(options.timeout.nanoseconds))
            let status = Int(response.status.code)
            let bytes = await Self.read(response.body, limit: options.maximumBodyBytes, until: deadline)
            let answer = Answer.response(status: status, location: response.headers.first(name: "Location"), bodyBytes: bytes)
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
    /// verdict, so a body that never ends, comes a byte a second or breaks off costs a
    /// bounded time and memory and changes nothing.
    static func read(_ body: HTTPClientResponse.Body, limit: Int, until deadline: ContinuousClock.Instant) async -> Int {
        await withTaskGroup(of: Int?.self) { group in
            group.addTask {
                var total = 0
                do {
                    for try await chunk in body {
                        total += chunk.readableBytes
                        // Leaving the loop drops the body, which closes the connection mid-transfer.
                        if total >= limit { break }
                    }
                } catch {
                    // Cancelled at the deadline, or the server broke off or timed out mid-body:
                    // what arrived is all that is read, and the status already said what the link is.
                }
                return total
            }
            group.addTask {
                try? await Task.sleep(until: deadline)
                return nil
            }
            var total = 0
            for await result in group {
                // Whichever ends first, the reading or the deadline, ends the other.
                group.cancelAll()
                if let result { total = result }
            }
            return total
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
