import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteOnlineLinks

/// The online check's manners: bounded concurrency, the cache, exclusions.
@Suite("Online link check: limits, cache and exclusions")
struct OnlineLinkLimitTests {
    @Test func concurrencyIsBoundedPerHostYetParallel() async throws {
        let server = try await TestHTTPServer()
        var options = OnlineLinkTests.options()
        options.concurrency = 8
        options.concurrencyPerHost = 2
        let paths = (1...10).map { "/pause/\($0)" }
        let report = try await OnlineLinkTests.check(paths, on: server, options: options)
        #expect(report.urls.count == 10 && report.urls.allSatisfy { $0.verdict == .ok })
        // One host: never more than 2 at once, and indeed 2 at once (the server counts them).
        #expect(server.state.peakInFlight == 2)
        await server.stop()
    }

    @Test func secondRunAsksNothingForURLsKnownGood() async throws {
        let server = try await TestHTTPServer()
        let folder = try TemporaryFolder()
        let cache = folder.path + "/.helpsite-cache/links.json"
        let paths = ["/ok", "/chain/1", "/missing"]
        let first = try await OnlineLinkTests.check(paths, on: server, options: OnlineLinkTests.options(cache: cache), in: folder)
        #expect(first.urls.map(\.requests) == [3, 1, 1])
        let afterFirst = server.state.totalRequests
        #expect(afterFirst == 5)

        let second = try await OnlineLinkTests.check(paths, on: server, options: OnlineLinkTests.options(cache: cache), in: folder)
        // Only the broken URL is asked again; the good ones come from the cache with the same verdicts.
        #expect(server.state.totalRequests == afterFirst + 1)
        #expect(second.urls.map(\.verdict) == first.urls.map(\.verdict))
        #expect(second.urls.map(\.fromCache) == [true, false, true])
        #expect(second.problems.map(\.diagnostic.message) == first.problems.map(\.diagnostic.message))
        let saved = try folder.read(".helpsite-cache/links.json")
        #expect(saved.contains(server.url("/ok")) && !saved.contains(server.url("/missing")))
        await server.stop()
    }

    @Test func expiredCacheEntriesAreAskedAgain() async throws {
        let server = try await TestHTTPServer()
        let folder = try TemporaryFolder()
        var options = OnlineLinkTests.options(cache: folder.path + "/links.json")
        options.cacheTTL = .zero
        _ = try await OnlineLinkTests.check(["/ok"], on: server, options: options, in: folder)
        _ = try await OnlineLinkTests.check(["/ok"], on: server, options: options, in: folder)
        #expect(server.state.requests("/ok") == 2)
        await server.stop()
    }

    @Test func unreadableCacheIsAWarningAndReplaced() async throws {
        let server = try await TestHTTPServer()
        let folder = try TemporaryFolder()
        try folder.write("not json", to: "links.json")
        let report = try await OnlineLinkTests.check(["/ok"], on: server, options: OnlineLinkTests.options(cache: folder.path + "/links.json"),
                                                     in: folder)
        #expect(report.problems.map(\.diagnostic.code) == [.linkCache])
        #expect(report.problems.first?.diagnostic.severity == .warning)
        #expect(try folder.read("links.json").contains(server.url("/ok")))
        await server.stop()
    }

    @Test func excludedURLsAreSkippedWithoutARequest() async throws {
        let server = try await TestHTTPServer()
        let report = try await OnlineLinkTests.check(["/missing", "/ok"], on: server, exclude: ["/missing$"])
        let missing = try OnlineLinkTests.result("/missing", report, server)
        #expect(missing.verdict == .skipped && missing.requests == 0)
        #expect(server.state.requests("/missing") == 0 && server.state.requests("/ok") == 1)
        #expect(!report.hasErrors && report.summary.skipped == 1 && report.summary.ok == 1)
        await server.stop()
    }

    @Test func unreachableServerIsBroken() async throws {
        // Held until the check is done, so that no other test's server can take the port.
        let refusing = try RefusingPort()
        let url = refusing.url("/ok")
        let folder = try TemporaryFolder()
        try folder.write("<html lang=\"en\"><a href=\"\(url)\">x</a></html>", to: "public/index.html")
        let report = await LinkChecker(.init(publicDirectory: folder.path + "/public", online: OnlineLinkTests.options())).check()
        #expect(report.urls.first?.verdict == .broken && report.urls.first?.requests == 1)
        #expect(report.urls.first?.reason?.hasPrefix("cannot be reached") == true)
        withExtendedLifetime(refusing) {}
    }
}

/// A site with no pages of its own, for the settings a link check reads from site.yaml.
enum LinkTestSite {
    static func site(exclude: [String] = []) throws -> Site {
        let here = SourceLocation(file: "site.yaml", line: 1, column: 1)
        var settings = SiteSettings(name: Located("Test", at: here), baseURL: Located("https://help.example.com/", at: here),
                                    phoneRegion: Located("BE", at: here), languages: [])
        settings.linkCheck = LinkCheckSettings(exclude: exclude.map { Located($0, at: here) })
        return Site(settings: settings, languages: [])
    }
}
