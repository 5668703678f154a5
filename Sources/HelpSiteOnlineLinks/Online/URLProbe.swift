import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import HelpSiteLinks

/// Checks one external URL: GET, reading at most a bounded part of the body (enough to
/// tell a soft 404), following redirects itself so that it sees each hop, retrying what
/// may pass.
struct URLProbe: Sendable {
    let client: HTTPClient
    let options: OnlineOptions
    let limiter: RequestLimiter

    /// What one request (after its retries) came to.
    enum Answer {
        case response(status: Int, location: String?, body: Body)
        case rateLimited(tries: Int)
        case failure(String)
    }

    /// What was read of an answer's body.
    struct Body: Sendable {
        var bytes: [UInt8] = []
        /// Bytes that arrived, counted past those kept.
        var count = 0
        /// The body ended within the limit and the time: `bytes` is all of it.
        var complete = false
        var contentType: String?

        var isHTML: Bool {
            guard let type = contentType?.lowercased() else { return false }
            return type.hasPrefix("text/html") || type.hasPrefix("application/xhtml+xml")
        }
    }

    /// The verdict on `url`: a 200 whose short page says "not found" is broken too (`SoftNotFound`).
    func check(_ url: String) async -> URLCheck {
        var (check, body) = await fetch(url, keeping: options.maximumBodyBytes)
        if check.verdict != .broken, check.verdict != .skipped, body.complete, body.isHTML,
           let heading = SoftNotFound.heading(in: body.bytes) {
            check.verdict = .broken
            check.softNotFound = true
            check.reason = "answers \(Self.phrase(check.status ?? 200)), but its page says '\(Self.shortened(heading))' (a soft 404)"
        }
        return check
    }

    /// GETs `url`, following redirects, and keeps at most `limit` bytes of the last body.
    func fetch(_ url: String, keeping limit: Int) async -> (URLCheck, Body) {
        var counter = RequestCounter()
        var chain = [url]
        var current = url
        var permanent = false
        var bodyBytes = 0
        while true {
            let answer = await request(current, keeping: limit, counter: &counter)
            switch answer {
            case .failure(let reason):
                return (URLCheck(url: url, verdict: .broken, reason: reason, requests: counter.count, bodyBytes: bodyBytes), Body())
            case .rateLimited(let tries):
                return (URLCheck(url: url, verdict: .skipped, status: 429,
                                 reason: "rate-limited (429 Too Many Requests) after \(tries) tries; not decided", requests: counter.count), Body())
            case .response(let status, let location, let body):
                bodyBytes = max(bodyBytes, body.count)
                if (300..<400).contains(status), let location {
                    guard let next = Self.resolve(location, against: current) else {
                        // file:, ftp:, javascript: … are never asked: a link check reads nothing but the web.
                        return (URLCheck(url: url, verdict: .broken, status: status,
                                         reason: "redirects (\(Self.phrase(status))) to '\(Self.shortened(location))', which is not an http(s) address; not followed",
                                         requests: counter.count), Body())
                    }
                    if status == 301 || status == 308 { permanent = true }
                    if chain.contains(next) {
                        let loop = (chain + [next]).joined(separator: " → ")
                        return (URLCheck(url: url, verdict: .broken, status: status, reason: "redirect loop: \(loop)", requests: counter.count), Body())
                    }
                    guard chain.count <= options.maximumRedirects else {
                        return (URLCheck(url: url, verdict: .broken, status: status,
                                         reason: "more than \(options.maximumRedirects) redirects", requests: counter.count), Body())
                    }
                    chain.append(next)
                    current = next
                    continue
                }
                guard (200..<300).contains(status) else {
                    return (URLCheck(url: url, verdict: .broken, status: status, reason: Self.phrase(status),
                                     requests: counter.count, bodyBytes: bodyBytes), body)
                }
                return (URLCheck(url: url, verdict: permanent ? .redirected : .ok, status: status,
                                 redirectedTo: chain.count > 1 ? current : nil, requests: counter.count, bodyBytes: bodyBytes), body)
            }
        }
    }

    /// `404 Not Found`.
    static func phrase(_ status: Int) -> String {
        let reason = HTTPResponseStatus(statusCode: status).reasonPhrase
        return reason.isEmpty ? "\(status)" : "\(status) \(reason)"
    }

    /// A hostile `Location` may be 80 KiB long; a message shows its start.
    static func shortened(_ text: String) -> String {
        text.count <= 120 ? text : text.prefix(120) + "…"
    }

    /// A `Location` may be relative to the URL that sent it.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let resolved = URL(string: location, relativeTo: baseURL)?.absoluteURL,
              let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return resolved.absoluteString
    }
}

/// Requests made for one URL, over its hops and retries.
struct RequestCounter {
    var count = 0
}
