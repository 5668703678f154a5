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
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(options.timeout.nanoseconds))
            let status = Int(response.status.code)
            let bytes = try await Self.read(response.body, limit: options.maximumBodyBytes)
            let answer = Answer.response(status: status, location: response.headers.first(name: "Location"), bodyBytes: bytes)
            if status == 429 {
                let asked = RetryAfter.parse(response.headers.first(name: "Retry-After"), now: Date())
                return (answer, min(asked ?? backoff, options.maximumRetryAfter))
            }
            return (answer, (500..<600).contains(status) ? backoff : nil)
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            return (.failure("did not answer within \(Self.seconds(options.timeout)) (tried \(attempt + 1) times)"), backoff)
        } catch {
            return (.failure("cannot be reached: \(Self.describe(error))"), nil)
        }
    }

    /// Reads at most `limit` bytes, then lets the rest go: the connection is closed, not drained.
    static func read(_ body: HTTPClientResponse.Body, limit: Int) async throws -> Int {
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            // Leaving the loop drops the body, which closes the connection mid-transfer.
            if total >= limit { return total }
        }
        return total
    }

    /// Words for a failed connection: `connection refused` rather than NIO's description.
    static func describe(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? HTTPClientError, error == .remoteConnectionClosed { return "the server closed the connection" }
        return "\(error)"
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
