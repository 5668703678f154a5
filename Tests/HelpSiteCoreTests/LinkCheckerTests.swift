import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteLinks
@testable import HelpSiteOnlineLinks

/// The offline link check on small hand-written sites (`Fixtures/links/`),
/// each broken case with its exact diagnostic, and on sites HelpSite built.
@Suite("Offline link check")
struct LinkCheckerTests {
    /// Checks `Fixtures/links/<name>/public` without content; messages as a user in that folder sees them.
    static func check(_ name: String) async -> (LinkReport, [String]) {
        let folder = Project.fixtures.appendingPathComponent("links/\(name)").path
        let report = await LinkChecker(.init(publicDirectory: folder + "/public")).check()
        let lines = report.diagnostics.sorted.flatMap { $0.description.split(separator: "\n").map(String.init) }
            .map { $0.replacingOccurrences(of: folder + "/", with: "") }
        return (report, lines)
    }

    /// Compares with `expected.txt` beside the fixture; HELPSITE_RECORD=1 rewrites it.
    static func expectLines(_ lines: [String], fixture name: String) throws {
        let expected = Project.fixtures.appendingPathComponent("links/\(name)/expected.txt")
        if ProcessInfo.processInfo.environment["HELPSITE_RECORD"] == "1" {
            try lines.map { $0 + "\n" }.joined().write(to: expected, atomically: true, encoding: .utf8)
        }
        let wanted = try String(contentsOf: expected, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == wanted)
    }

    @Test func wellFormedSiteHasNoProblems() async {
        let (report, lines) = await Self.check("good")
        #expect(lines == [])
        #expect(report.pages.map { $0.components(separatedBy: "links/good/").last! }
            == ["public/fr/plaintes/index.html", "public/index.html", "public/nl/klachten/index.html"])
        // External addresses are not asked offline: they are counted as skipped.
        #expect(report.summary.checked == 20 && report.summary.ok == 17 && report.summary.skipped == 3 && report.summary.broken == 0)
    }

    @Test func eachBrokenLinkIsCaught() async throws {
        let (report, lines) = await Self.check("broken-links")
        try Self.expectLines(lines, fixture: "broken-links")
        #expect(report.problems.map(\.diagnostic.code) == [
            .linkBroken, .linkBroken, .linkAnchor, .linkAnchor, .linkJavascript, .linkMailto, .linkTel, .linkTel,
            .linkInsecure, .linkOutside,
        ])
        #expect(report.problems.map(\.link).first == "../../fr/plainte/")
        #expect(report.hasErrors && report.diagnostics.warningCount == 1)
    }

    @Test func eachTranslationSlipIsCaught() async throws {
        let (report, lines) = await Self.check("broken-translations")
        try Self.expectLines(lines, fixture: "broken-translations")
        #expect(Set(report.problems.map(\.diagnostic.code)) == [
            .linkHreflangIncomplete, .linkTranslationMissing, .linkHreflangMismatch, .linkHreflangReciprocal,
        ])
    }

    @Test func missingPublicFolderIsOneError() async {
        let report = await LinkChecker(.init(publicDirectory: "/nonexistent/public")).check()
        #expect(report.problems.map(\.diagnostic.description)
            == ["/nonexistent/public: error: /nonexistent/public/ does not exist or is not a folder; build the site first, or check the folder the build wrote"])
    }

    @Test(arguments: [
        ("a@b.be", true), ("first.last+tag@sub.example.com", true), ("a,b@c.be", false), ("a@b", false),
        ("a@@b.be", false), (".a@b.be", false), ("a@-b.be", false), ("a b@c.be", false), ("a@b.123", false),
    ])
    func emailAddresses(address: String, valid: Bool) {
        #expect(MailtoAddress.isValid(address) == valid)
    }

    @Test func mailtoWithSeveralAddressesAndHeaders() {
        #expect(MailtoAddress.problem("a@b.be,c@d.be?subject=Hi%20there") == nil)
        #expect(MailtoAddress.problem("?subject=x") == "holds no e-mail address")
        #expect(MailtoAddress.problem("a%40b.be") == nil)
    }

    @Test func telephoneNumbers() {
        #expect(TelephoneNumber.problem("+3223707711", region: "BE") == nil)
        #expect(TelephoneNumber.problem("+32470123456;ext=12", region: "BE") == nil)
        #expect(TelephoneNumber.problem("+32-2-370-77-11", region: "BE") == "is not in E.164 form; write tel:+3223707711")
        #expect(TelephoneNumber.problem("call-me", region: "BE") == "is not a valid phone number: 'c' cannot appear in a phone number (write digits, spaces, and a leading + or 00)")
    }

    @Test func resolverFollowsTheBrowser() {
        let resolver = LinkResolver(files: ["index.html", "fr/plaintes/index.html", "a b.css"], directories: ["fr", "fr/plaintes"],
                                    siteURLs: ["https://help.example.com/"])
        let page = "nl/klachten/index.html"
        #expect(resolver.resolve("../../fr/plaintes", from: page) == .internalFile(path: "fr/plaintes/index.html", wanted: "fr/plaintes/index.html", fragment: nil))
        #expect(resolver.resolve("/a%20b.css?v=2#x", from: page) == .internalFile(path: "a b.css", wanted: "a b.css", fragment: "x"))
        #expect(resolver.resolve("HTTPS://help.example.com/#top", from: page) == .internalFile(path: "index.html", wanted: "index.html", fragment: "top"))
        #expect(resolver.resolve("//cdn.example.org/x.js", from: page) == .external("https://cdn.example.org/x.js"))
        #expect(resolver.resolve("https://example.org/a#b", from: page) == .external("https://example.org/a"))
        #expect(resolver.resolve("../../..", from: page) == .outside)
        #expect(resolver.resolve("JavaScript:void(0)", from: page) == .javascript)
        #expect(resolver.resolve("data:image/png;base64,AA", from: page) == .other(scheme: "data"))
        #expect(resolver.resolve("#", from: page) == .internalFile(path: page, wanted: page, fragment: ""))
    }

    /// The short cut for plain paths must agree with resolving segment by segment.
    @Test(arguments: [
        ("../../fr/plaintes/", "fr/plaintes/"), ("../../fr/./plaintes/", nil), ("../..//fr", nil), ("../../fr/..", nil),
        ("../../fr/...", "fr/..."), ("./x", nil), ("..", nil), ("", "nl/klachten"), ("a/b/", "nl/klachten/a/b/"),
        ("/fr/plaintes/#x", "fr/plaintes/#x"), ("../../../x", nil),
    ] as [(String, String?)])
    func plainPathsTakeTheShortCut(reference: String, joined: String?) {
        #expect(LinkResolver.plainJoin(reference, from: "nl/klachten/index.html") == joined)
    }
}
