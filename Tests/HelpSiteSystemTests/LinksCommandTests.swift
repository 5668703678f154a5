import Foundation
import Testing
import HelpSiteTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `helpsite links` as the web team runs it: exit codes, the three formats, the cache beside public/.
@Suite("The helpsite links command")
struct LinksCommandTests {
    let command = HelpsiteRunner()

    /// A folder holding a copy of `Fixtures/links/<name>/public`.
    func project(_ name: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.overlay(Project.fixtures.appendingPathComponent("links/\(name)/public"), at: "public")
        return folder
    }

    @Test func cleanSiteExitsZeroWithASummary() throws {
        let folder = try project("good")
        let run = try command.helpsite("links", "--content", "none", in: folder.path)
        #expect(run.status == 0 && run.errors == "")
        #expect(run.output.hasPrefix("Checked 20 links on 3 pages in "))
        #expect(run.output.hasSuffix(" ms: 17 ok, 0 redirected, 0 broken, 3 skipped; 0 errors, 0 warnings\n"))
        // Without a content folder it says so, and checks translations from hreflang.
        let withoutContent = try command.helpsite("links", in: folder.path)
        #expect(withoutContent.status == 0)
        #expect(withoutContent.errors == "note: no content/ folder: checking the built pages alone (translations from hreflang)\n")
    }

    @Test func brokenLinksExitOneWithEveryProblem() throws {
        let folder = try project("broken-links")
        let run = try command.helpsite("links", "--content", "none", in: folder.path)
        let expected = try String(contentsOf: Project.fixtures.appendingPathComponent("links/broken-links/expected.txt"), encoding: .utf8)
        #expect(run.status == 1)
        #expect(run.errors == expected)
        #expect(run.output.hasSuffix(" ms: 3 ok, 0 redirected, 9 broken, 1 skipped; 9 errors, 1 warning\n"))
    }

    @Test func jsonFollowsTheDocumentedSchema() throws {
        let folder = try project("broken-links")
        let run = try command.helpsite("links", "--content", "none", "--format", "json", in: folder.path)
        #expect(run.status == 1 && run.errors == "")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1 && document["online"] as? Bool == false)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary["pages"] == 2 && summary["broken"] == 9 && summary["errors"] == 9 && summary["warnings"] == 1)
        let problems = try #require(document["problems"] as? [[String: Any]])
        #expect(problems.count == 10)
        #expect(problems[0]["code"] as? String == "link.broken" && problems[0]["link"] as? String == "../../fr/plainte/")
        #expect(problems[0]["file"] as? String == "public/nl/klachten/index.html" && problems[0]["line"] as? Int == 15)
        #expect(problems[0]["column"] as? Int == 7 && problems[0]["severity"] as? String == "error")
        #expect((document["urls"] as? [Any])?.isEmpty == true)
    }

    @Test func junitIsWellFormedWithOneFailingPage() throws {
        let folder = try project("broken-links")
        let run = try command.helpsite("links", "--content", "none", "--format", "junit", in: folder.path)
        #expect(run.status == 1)
        #expect(XMLParser(data: Data(run.output.utf8)).parse())
        #expect(run.output.contains("<testsuite name=\"pages\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">"))
        #expect(run.output.contains("<failure type=\"error\" message=\"9 errors; the first: broken link &apos;../../fr/plainte/&apos;"))
        #expect(run.output.contains("<testcase classname=\"helpsite.links\" name=\"public/fr/plaintes/index.html\"/>"))
    }

    @Test(arguments: [["--format", "xml"], ["--cache-ttl", "5x"], ["--timeout", "0"], ["--content", "nowhere"], ["--bogus"]])
    func wrongUsageExitsTwo(arguments: [String]) throws {
        let folder = try project("good")
        let process = arguments.count == 1
            ? try command.helpsite("links", arguments[0], in: folder.path)
            : try command.helpsite("links", arguments[0], arguments[1], in: folder.path)
        #expect(process.status == 2, "\(process.errors)")
    }

    @Test func excludePatternsComeFromSiteYAMLAndAreChecked() throws {
        let folder = try project("broken-links")
        try folder.overlay(Project.fixtures.appendingPathComponent("base/content/site.yaml").deletingLastPathComponent(), at: "content")
        var site = try folder.read("content/site.yaml")
        site += "link_check:\n  exclude:\n    - \"(unclosed\"\n"
        try folder.write(site, to: "content/site.yaml")
        let bad = try command.helpsite("links", in: folder.path)
        #expect(bad.status == 1)
        #expect(bad.errors.contains("content/site.yaml:"))
        #expect(bad.errors.contains("error: exclude pattern '(unclosed' is not a regular expression"))
        // A pattern that reads: the http: link it matches is left alone (no warning).
        try folder.write(site.replacingOccurrences(of: "\"(unclosed\"", with: "^http://www\\.ombudsfin\\.be/"), to: "content/site.yaml")
        let good = try command.helpsite("links", "--format", "json", in: folder.path)
        #expect(good.status == 1 && !good.output.contains("link.insecure") && good.output.contains("link.anchor"))
    }

    @Test func helpTeachesWithExamples() throws {
        let run = try command.helpsite("links", "--help", in: FileManager.default.temporaryDirectory.path)
        #expect(run.status == 0)
        for text in ["--online", "--format <format>", "--cache-ttl <duration>", "Examples:", "helpsite links --online", "link_check:"] {
            #expect(run.output.contains(text), "\(text)")
        }
    }

    @Test func onlineCachesBesidePublic() async throws {
        let server = try await TestHTTPServer()
        let folder = try TemporaryFolder()
        try folder.write("<html lang=\"en\"><a href=\"\(server.url("/ok"))\">ok</a>\n<a href=\"\(server.url("/gone"))\">gone</a></html>",
                         to: "public/index.html")
        let first = try command.helpsite("links", "--online", "--content", "none", "--timeout", "1", in: folder.path)
        #expect(first.status == 1)
        #expect(first.errors == "public/index.html:2:4: error: broken link '\(server.url("/gone"))': 410 Gone\n")
        #expect(first.output.contains(": 1 ok, 0 redirected, 1 broken, 0 skipped; 1 error, 0 warnings"))
        #expect(try folder.read(".helpsite-cache/links.json").contains(server.url("/ok")))
        _ = try command.helpsite("links", "--online", "--content", "none", "--timeout", "1", in: folder.path)
        #expect(server.state.requests("/ok") == 1 && server.state.requests("/gone") == 2)
        await server.stop()
    }
}
