import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteLinks
@testable import HelpSiteOnlineLinks

/// `helpsite links --online` against servers that do not play fair: each gets a verdict
/// within the timeout (with its retries), reads a bounded number of bytes, and the
/// well-behaved addresses checked in the same run are still checked.
@Suite("Online link check: hostile servers", .timeLimit(.minutes(2)))
struct HostileServerTests {
    /// A second a request, 2 retries, short backoffs.
    static let timeout: Duration = .seconds(1)
    /// The longest a hostile address may take: three tries of the timeout and their backoffs,
    /// with wide room for a loaded machine. What it guards against is far longer: a trickled
    /// answer takes 38 s to arrive, a trickled body 28 hours, an endless one forever.
    static let bound: Duration = .seconds(20)

    struct Run {
        let report: LinkReport
        let elapsed: Duration
    }

    /// One page linking to `hostile` between two good addresses, one on each server.
    static func check(_ hostile: String, on server: HostileHTTPServer, beside good: TestHTTPServer) async throws -> Run {
        let folder = try TemporaryFolder()
        let urls = [good.url("/ok"), hostile, server.url("/ok")]
        let links = urls.map { "<a href=\"\($0)\">\($0)</a>" }.joined(separator: "\n")
        try folder.write("<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n\(links)\n</body>\n</html>\n", to: "public/index.html")
        let started = ContinuousClock.now
        let report = await LinkChecker(.init(publicDirectory: folder.path + "/public",
                                             online: OnlineLinkTests.options(timeout: timeout))).check()
        let elapsed = ContinuousClock.now - started
        // The run went on: both good addresses were asked and are fine.
        for url in [good.url("/ok"), server.url("/ok")] {
            let result = try #require(report.urls.first { $0.url == url })
            #expect(result.verdict == .ok && result.requests == 1, "\(result)")
        }
        #expect(elapsed < bound, "\(hostile) took \(elapsed)")
        return Run(report: report, elapsed: elapsed)
    }

    static func result(_ url: String, _ run: Run) throws -> URLCheck {
        try #require(run.report.urls.first { $0.url == url }, "no result for \(url)")
    }

    /// The checker hung up: the server's endless answers stop being written.
    static func expectHungUp(_ server: HostileHTTPServer) async throws {
        let waitUntil = ContinuousClock.now + .seconds(10)
        while server.state.openStreams > 0, ContinuousClock.now < waitUntil {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(server.state.openStreams == 0, "the checker still holds a connection the server is writing to")
    }

    @Test func aBodyThatNeverEndsIsReadUpToTheLimitThenDropped() async throws {
        let (server, good) = (try await HostileHTTPServer(), try await TestHTTPServer())
        let run = try await Self.check(server.url("/endless"), on: server, beside: good)
        let endless = try Self.result(server.url("/endless"), run)
        #expect(endless.verdict == .ok && endless.status == 200 && endless.requests == 1, "\(endless)")
        // Bounded memory, by the checker's own count: the limit, and at most the chunk that crossed it.
        let limit = OnlineLinkTests.options().maximumBodyBytes
        #expect(endless.bodyBytes >= limit && endless.bodyBytes <= limit + 4096 + 16, "\(endless.bodyBytes)")
        try await Self.expectHungUp(server)
        await server.stop()
        await good.stop()
    }

    @Test func aBodyTrickledAByteASecondStopsAtTheTimeout() async throws {
        let (server, good) = (try await HostileHTTPServer(), try await TestHTTPServer())
        let run = try await Self.check(server.url("/trickle-body"), on: server, beside: good)
        let trickle = try Self.result(server.url("/trickle-body"), run)
        // The status came at once; the body is given the rest of the second, then dropped.
        #expect(trickle.verdict == .ok && trickle.status == 200 && trickle.requests == 1, "\(trickle)")
        #expect(trickle.bodyBytes < 10, "\(trickle.bodyBytes)")
        try await Self.expectHungUp(server)
        await server.stop()
        await good.stop()
    }

    @Test func anAnswerTrickledAByteASecondTimesOut() async throws {
        let (server, good) = (try await HostileHTTPServer(), try await TestHTTPServer())
        let run = try await Self.check(server.url("/trickle"), on: server, beside: good)
        let trickle = try Self.result(server.url("/trickle"), run)
        #expect(trickle.verdict == .broken && trickle.requests == 3, "\(trickle)")
        #expect(trickle.reason == "did not answer within 1 s (tried 3 times)")
        #expect(server.state.requests("/trickle") == 3)
        try await Self.expectHungUp(server)
        await server.stop()
        await good.stop()
    }

    @Test(arguments: [
        ("/not-http", "answered with invalid HTTP: it does not start with an HTTP status line"),
        ("/bad-status", "answered with invalid HTTP: its status line has no valid status code"),
        ("/header-without-colon", "answered with invalid HTTP: a header line is not a name, a colon and a value"),
        ("/enormous-header", "answered with invalid HTTP: its header is larger than the 80 KiB a client accepts"),
    ])
    func invalidHTTPIsBrokenWithWhatWasWrong(path: String, reason: String) async throws {
        let (server, good) = (try await HostileHTTPServer(), try await TestHTTPServer())
        let run = try await Self.check(server.url(path), on: server, beside: good)
        let invalid = try Self.result(server.url(path), run)
        #expect(invalid.verdict == .broken && invalid.status == nil && invalid.requests == 1, "\(invalid)")
        #expect(invalid.reason == reason)
        #expect(run.report.problems.contains { $0.diagnostic.message == "broken link '\(server.url(path))': \(reason)" })
        try await Self.expectHungUp(server)
        await server.stop()
        await good.stop()
    }

    @Test(arguments: [
        ("/to-file", "redirects (302 Found) to 'file:///etc/passwd', which is not an http(s) address; not followed"),
        ("/to-ftp", "redirects (301 Moved Permanently) to 'ftp://ftp.example.com/pub/complaints.pdf', which is not an http(s) address; not followed"),
        ("/to-javascript", "redirects (302 Found) to 'javascript:alert(document.cookie)', which is not an http(s) address; not followed"),
    ])
    func aRedirectOffTheWebIsBrokenAndNotFollowed(path: String, reason: String) async throws {
        let (server, good) = (try await HostileHTTPServer(), try await TestHTTPServer())
        let run = try await Self.check(good.url(path), on: server, beside: good)
        let redirect = try Self.result(good.url(path), run)
        #expect(redirect.verdict == .broken && redirect.requests == 1 && redirect.bodyBytes == 0, "\(redirect)")
        #expect(redirect.reason == reason)
        #expect(redirect.redirectedTo == nil)
        await server.stop()
        await good.stop()
    }
}
