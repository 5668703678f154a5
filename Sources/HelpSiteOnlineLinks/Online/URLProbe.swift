import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import HelpSiteLinks

/// Checks one external URL: HEAD (GET when HEAD is refused), following
/// redirects itself so that it sees each hop, retrying what may pass.
struct URLProbe: Sendable {
    let client: HTTPClient
    let options: OnlineOptions
    let limiter: RequestLimiter

    /// What one request (after its retries) came to.
    enum Answer {
        case response(status: Int, location: String?, bodyBytes: Int)
        case rateLimited(tries: Int)
        case failure(String)
    }

    func check(_ url: String) async -> URLCheck {
        var counter = RequestCounter()
        var chain = [url]
        var current = url
        var permanent = false
        var bodyBytes = 0
        while true {
            var answer = await request(current, method: .HEAD, counter: &counter)
            if case .response(let status, _, _) = answer, status == 405 || status == 501 {
                answer = await request(current, method: .GET, counter: &counter)
            }
            switch answer {
            case .failure(let reason):
                return URLCheck(url: url, verdict: .broken, reason: reason, requests: counter.count, bodyBytes: bodyBytes)
            case .rateLimited(let tries):
                return URLCheck(url: url, verdict: .skipped, status: 429,
                                reason: "rate-limited (429 Too Many Requests) after \(tries) tries; not decided", requests: counter.count)
            case .response(let status, let location, let bytes):
                bodyBytes = max(bodyBytes, bytes)
                if (300..<400).contains(status), let location {
                    guard let next = Self.resolve(location, against: current) else {
                        // file:, ftp:, javascript: … are never asked: a link check reads nothing but the web.
                        return URLCheck(url: url, verdict: .broken, status: status,
                                        reason: "redirects (\(Self.phrase(status))) to '\(Self.shortened(location))', which is not an http(s) address; not followed",
                                        requests: counter.count)
                    }
                    if status == 301 || status == 308 { permanent = true }
                    if chain.contains(next) {
                        let loop = (chain + [next]).joined(separator: " → ")
                        return URLCheck(url: url, verdict: .broken, status: status, reason: "redirect loop: \(loop)", requests: counter.count)
                    }
                    guard chain.count <= options.maximumRedirects else {
                        return URLCheck(url: url, verdict: .broken, status: status,
                                        reason: "more than \(options.maximumRedirects) redirects", requests: counter.count)
                    }
                    chain.append(next)
                    current = next
                    continue
                }
                guard (200..<300).contains(status) else {
                    return URLCheck(url: url, verdict: .broken, status: status, reason: Self.phrase(status),
                                    requests: counter.count, bodyBytes: bodyBytes)
                }
                return URLCheck(url: url, verdict: permanent ? .redirected : .ok, status: status,
                                redirectedTo: chain.count > 1 ? current : nil, requests: counter.count, bodyBytes: bodyBytes)
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
