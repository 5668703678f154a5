import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSiteContent
@testable import HelpSiteLinks
@testable import HelpSiteOnlineLinks

/// The link check on sites HelpSite built: the shipped one is clean, and a
/// slip in content is reported at the page and at the content line it came from.
@Suite("Link check of built sites")
struct LinkCheckerSiteTests {
    /// Loads `content`, renders it with the shipped templates into `folder/public`, and checks it offline.
    /// `lazily`: give the checker the content folder (as the command does) rather than the loaded site.
    static func buildAndCheck(content: String, in folder: TemporaryFolder, lazily: Bool = false) async throws -> (LinkReport, [String]) {
        let site = try #require(SiteLoader.load(contentDirectory: content).site)
        for file in try TestBuild.render(content: content) {
            try folder.write(file.contents, to: "public/" + file.path)
        }
        var configuration = LinkChecker.Configuration(publicDirectory: folder.path + "/public", site: lazily ? nil : site)
        if lazily { configuration.contentDirectory = content }
        let report = await LinkChecker(configuration).check()
        let lines = report.diagnostics.sorted.flatMap { $0.description.split(separator: "\n").map(String.init) }
            .map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
        return (report, lines)
    }

    @Test(arguments: [false, true])
    func shippedSiteHasNoBrokenLinks(lazily: Bool) async throws {
        let folder = try TemporaryFolder()
        let (report, lines) = try await Self.buildAndCheck(content: Project.content, in: folder, lazily: lazily)
        #expect(lines == [])
        #expect(report.summary.pages >= 4 && report.summary.broken == 0 && report.summary.ok > 10)
    }

    @Test(arguments: [false, true])
    func slipsInContentNameTheContentLine(lazily: Bool) async throws {
        let folder = try TemporaryFolder()
        try folder.overlay(Project.fixtures.appendingPathComponent("base"))
        var page = try folder.read("content/nl/complaints.yaml")
        page = page.replacingOccurrences(of: "[onze website](https://www.voorbeeldbank.example/nl/uitleg)", with: "[onze website](#uitleg)")
        page = page.replacingOccurrences(of: "url: https://www.voorbeeldbank.example/nl/klacht", with: "url: http://www.voorbeeldbank.example/nl/klacht")
        try folder.write(page, to: "content/nl/complaints.yaml")
        // The same slips in French, so that the facts agree and the site builds.
        var french = try folder.read("content/fr/complaints.yaml")
        french = french.replacingOccurrences(of: "[notre site](https://www.voorbeeldbank.example/fr/explication)", with: "[notre site](#uitleg)")
        french = french.replacingOccurrences(of: "url: https://www.voorbeeldbank.example/nl/klacht", with: "url: http://www.voorbeeldbank.example/nl/klacht")
        try folder.write(french, to: "content/fr/complaints.yaml")
        let (report, lines) = try await Self.buildAndCheck(content: folder.path + "/content", in: folder, lazily: lazily)
        let dutch = report.problems.filter { $0.diagnostic.location.file.contains("/nl/") }
        let anchor = try #require(dutch.first { $0.diagnostic.code == .linkAnchor })
        #expect(anchor.diagnostic.location.file == folder.path + "/public/nl/klachten/index.html")
        #expect(anchor.diagnostic.notes.map(\.location) == [SourceLocation(file: folder.path + "/content/nl/complaints.yaml", line: 14, column: 11)])
        let insecure = try #require(dutch.first { $0.diagnostic.code == .linkInsecure })
        #expect(insecure.diagnostic.notes.map(\.location) == [SourceLocation(file: folder.path + "/content/nl/complaints.yaml", line: 37, column: 20)])
        #expect(lines.filter { $0.contains("note:") } == [
            "content/fr/complaints.yaml:15:11: note: the link is written here",
            "content/fr/complaints.yaml:38:20: note: the link is written here",
            "content/nl/complaints.yaml:14:11: note: the link is written here",
            "content/nl/complaints.yaml:37:20: note: the link is written here",
        ])
    }

    @Test func templateLinksNameThePageFile() async throws {
        let folder = try TemporaryFolder()
        try folder.overlay(Project.fixtures.appendingPathComponent("base"))
        let site = try #require(SiteLoader.load(contentDirectory: folder.path + "/content").site)
        for file in try TestBuild.render(content: folder.path + "/content") {
            try folder.write(file.contents, to: "public/" + file.path)
        }
        // A translation deleted after the build: the other page's switcher and hreflang now lead nowhere.
        try FileManager.default.removeItem(atPath: folder.path + "/public/fr/plaintes/index.html")
        let report = await LinkChecker(.init(publicDirectory: folder.path + "/public", site: site)).check()
        let broken = report.problems.filter { $0.diagnostic.code == .linkBroken && $0.diagnostic.location.file.hasSuffix("nl/klachten/index.html") }
        // The hreflang alternate and the language switcher.
        #expect(broken.map(\.link) == ["https://help.voorbeeldbank.example/fr/plaintes/", "../../fr/plaintes/"], "\(report.problems.map(\.diagnostic))")
        #expect(broken.allSatisfy { $0.diagnostic.notes.map(\.message) == ["the page is built from this file (the link comes from a template)"] })
    }
}
