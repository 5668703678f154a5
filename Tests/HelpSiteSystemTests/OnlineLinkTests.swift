import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteLinks
@testable import HelpSiteOnlineLinks

/// `helpsite links --online` against a real HTTP server on 127.0.0.1: each
/// behaviour of `TestRoutes`, the verdict it gets, and the requests it took.
@Suite("Online link check")
struct OnlineLinkTests {
    /// Short waits keep the suite fast: 800 ms per request (a loopback answer takes a
    /// few), 20 ms backoff, `Retry-After` capped at 200 ms.
    static func options(cache: String? = nil, timeout: Duration = .milliseconds(800)) -> OnlineOptions {
        var options = OnlineOptions()
        options.timeout = timeout
        options.retries = 2
        options.backoff = .milliseconds(20)
        options.maximumRetryAfter = .milliseconds(200)
        options.maximumBodyBytes = 64 * 1024
        options.cacheFile = cache
        return options
    }

    /// A one-page site that links to each of `paths` on the server.
    static func check(_ paths: [String], on server: TestHTTPServer, options: OnlineOptions = options(), exclude: [String] = [],
                      in folder: TemporaryFolder? = nil) async throws -> LinkReport {
        let folder = try folder ?? TemporaryFolder()
        let links = paths.map { "<a href=\"\(server.url($0))\">\($0)</a>" }.joined(separator: "\n")
        try folder.write("<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n\(links)\n</body>\n</html>\n", to: "public/index.html")
        var configuration = LinkChecker.Configuration(publicDirectory: folder.path + "/public", online: options)
        if !exclude.isEmpty { configuration.site = try LinkTestSite.site(exclude: exclude) }
        return await LinkChecker(configuration).check()
    }

    static func result(_ path: String, _ report: LinkReport, _ server: TestHTTPServer) throws -> URLCheck {
        try #require(report.urls.first { $0.url == server.url(path) }, "no result for \(path) in \(report.urls)")
    }

    /// GET, not HEAD: a soft 404 is told by its body.
    @Test func okIsOkWithOneGetRequest() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/ok"], on: server)
        let ok = try Self.result("/ok", report, server)
        #expect(ok.verdict == .ok && ok.status == 200 && ok.requests == 1)
        #expect(server.state.methods("/ok") == ["GET"])
        #expect(server.state.agents == [OnlineOptions().userAgent])
        #expect(!report.hasErrors && report.problems.isEmpty)
        await server.stop()
    }

    @Test func permanentRedirectChainIsAWarningWithTheNewAddress() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/chain/1"], on: server)
        let chain = try Self.result("/chain/1", report, server)
        #expect(chain.verdict == .redirected && chain.redirectedTo == server.url("/chain/3") && chain.requests == 3)
        let problem = try #require(report.problems.first)
        #expect(problem.diagnostic.severity == .warning)
        #expect(problem.diagnostic.message == "moved: update it to \(server.url("/chain/3")) (\(server.url("/chain/1")) redirects there permanently)")
        #expect(problem.diagnostic.location.line == 4)
        #expect(!report.hasErrors && report.summary.redirected == 1)
        await server.stop()
    }

    @Test func temporaryRedirectIsOk() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/temporary"], on: server)
        let result = try Self.result("/temporary", report, server)
        #expect(result.verdict == .ok && result.requests == 2 && report.problems.isEmpty)
        await server.stop()
    }

    @Test func redirectLoopIsAnError() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/loop/a"], on: server)
        let loop = try Self.result("/loop/a", report, server)
        #expect(loop.verdict == .broken && loop.requests == 2)
        #expect(loop.reason == "redirect loop: \(server.url("/loop/a")) → \(server.url("/loop/b")) → \(server.url("/loop/a"))")
        #expect(report.hasErrors)
        await server.stop()
    }

    @Test(arguments: [("/missing", "404 Not Found"), ("/gone", "410 Gone")])
    func clientErrorsAreBrokenAtOnce(path: String, reason: String) async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check([path], on: server)
        let result = try Self.result(path, report, server)
        #expect(result.verdict == .broken && result.reason == reason && result.requests == 1)
        #expect(report.problems.map(\.diagnostic.message) == ["broken link '\(server.url(path))': \(reason)"])
        #expect(report.problems.first?.diagnostic.code == .linkBroken)
        await server.stop()
    }

    @Test func serverErrorIsRetriedAndThenOk() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/flaky", "/always-failing"], on: server)
        let flaky = try Self.result("/flaky", report, server)
        #expect(flaky.verdict == .ok && flaky.requests == 2)
        let failing = try Self.result("/always-failing", report, server)
        #expect(failing.verdict == .broken && failing.requests == 3 && failing.reason == "503 Service Unavailable")
        await server.stop()
    }

    @Test func tooManyRequestsWaitsForRetryAfterCapped() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/busy"], on: server)
        let busy = try Self.result("/busy", report, server)
        #expect(busy.verdict == .ok && busy.requests == 2)
        // Retry-After: 60 asks for a minute; the cap of 200 ms wins. Measured between the two
        // requests' arrivals, and far apart on purpose: it waited, and not for the minute.
        let arrivals = server.state.arrivalTimes("/busy")
        try #require(arrivals.count == 2)
        let gap = arrivals[1] - arrivals[0]
        #expect(gap >= .milliseconds(200) && gap < .seconds(30), "\(gap)")
        await server.stop()
    }

    @Test func persistentRateLimitIsUndecidedNotBroken() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/always-busy"], on: server)
        let busy = try Self.result("/always-busy", report, server)
        #expect(busy.verdict == .skipped && busy.status == 429 && busy.requests == 3)
        #expect(!report.hasErrors && report.problems.first?.diagnostic.code == .linkUndecided)
        await server.stop()
    }

    @Test func slowServerTimesOutAfterItsRetries() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/slow"], on: server, options: Self.options(timeout: .milliseconds(300)))
        let slow = try Self.result("/slow", report, server)
        #expect(slow.verdict == .broken && slow.requests == 3)
        #expect(slow.reason == "did not answer within 300 ms (tried 3 times)")
        await server.stop()
    }

    @Test func aServerThatRefusesHeadIsNeverAskedWithIt() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/no-head"], on: server)
        let result = try Self.result("/no-head", report, server)
        #expect(result.verdict == .ok && result.requests == 1)
        #expect(server.state.methods("/no-head") == ["GET"])
        await server.stop()
    }

    @Test func hugeBodyIsNotReadPastTheLimit() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/huge"], on: server)
        let huge = try Self.result("/huge", report, server)
        #expect(huge.verdict == .ok && huge.requests == 1)
        #expect(huge.bodyBytes >= 64 * 1024 && huge.bodyBytes <= 64 * 1024 + TestRoutes.chunkSize, "\(huge.bodyBytes)")
        await server.stop()
    }

    @Test func aShortPageThatSaysNotFoundIsASoft404() async throws {
        let server = try await TestHTTPServer()
        let report = try await Self.check(["/soft-404", "/long-404-article"], on: server)
        let soft = try Self.result("/soft-404", report, server)
        #expect(soft.verdict == .broken && soft.status == 200 && soft.softNotFound == true)
        #expect(soft.reason == "answers 200 OK, but its page says 'Pagina niet gevonden | Ombudsfin' (a soft 404)")
        #expect(report.problems.map(\.diagnostic.code) == [.linkSoft404])
        // A long page is never one, whatever its title says.
        let article = try Self.result("/long-404-article", report, server)
        #expect(article.verdict == .ok && article.softNotFound == nil)
        await server.stop()
    }
}
