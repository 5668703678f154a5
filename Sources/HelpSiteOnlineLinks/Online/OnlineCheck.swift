import AsyncHTTPClient
import Foundation
import NIOCore
import HelpSiteLinks

/// Checks each distinct external URL once, over the network, through the cache.
enum OnlineCheck {
    /// The results in the order of `urls`, and warnings about the cache.
    static func run(
        _ urls: [String], options: OnlineOptions, exclusion: LinkExclusion,
        progress: @escaping @Sendable (LinkProgress) -> Void
    ) async -> (results: [URLCheck], warnings: [String]) {
        var warnings: [String] = []
        var cache: LinkCache?
        if let file = options.cacheFile {
            do {
                cache = try LinkCache(path: file, ttl: options.cacheTTL)
            } catch {
                warnings.append("cache \(file) cannot be read (\(error)); checking every URL and writing a new one")
                cache = LinkCache(emptyAt: file, ttl: options.cacheTTL)
            }
        }
        let now = Date()
        var results: [String: URLCheck] = [:]
        var toAsk: [String] = []
        for url in urls {
            if exclusion.excludes(url) {
                results[url] = URLCheck(url: url, verdict: .skipped, reason: "excluded by link_check: exclude: in site.yaml")
            } else if let cached = cache?.fresh(url, now: now) {
                results[url] = cached
            } else {
                toAsk.append(url)
            }
        }
        let (asked, problem) = await ask(toAsk, options: options, alreadyDone: results.count, total: urls.count, progress: progress)
        if let problem { warnings.append(problem) }
        for check in asked {
            results[check.url] = check
            cache?.store(check, now: now)
        }
        if let cache {
            do { try cache.save(now: now) } catch { warnings.append("cache \(cache.path) cannot be written: \(error)") }
        }
        return (urls.compactMap { results[$0] }, warnings)
    }

    /// A client that follows no redirect itself (`URLProbe` does, hop by hop) and asks for
    /// no compressed body.
    static func client(_ options: OnlineOptions) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(options.timeout.nanoseconds), read: .nanoseconds(options.timeout.nanoseconds)),
            connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: options.concurrencyPerHost))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    private static func ask(
        _ urls: [String], options: OnlineOptions, alreadyDone: Int, total: Int,
        progress: @escaping @Sendable (LinkProgress) -> Void
    ) async -> ([URLCheck], String?) {
        guard !urls.isEmpty else { return ([], nil) }
        let client = Self.client(options)
        let probe = URLProbe(client: client, options: options,
                             limiter: RequestLimiter(total: options.concurrency, perHost: options.concurrencyPerHost))
        var checks: [URLCheck] = []
        await withTaskGroup(of: URLCheck.self) { group in
            for url in urls {
                group.addTask { await probe.check(url) }
            }
            for await check in group {
                checks.append(check)
                progress(LinkProgress(done: alreadyDone + checks.count, total: total, url: check.url))
            }
        }
        do {
            try await client.shutdown()
            return (checks, nil)
        } catch {
            return (checks, "the HTTP client did not shut down cleanly: \(error)")
        }
    }
}
