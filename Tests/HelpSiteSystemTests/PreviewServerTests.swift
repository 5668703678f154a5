import Foundation
@testable import HelpSiteContent
@testable import HelpSiteTranslation
import Testing
import HelpSiteTestSupport

/// `helpsite serve` over real HTTP on loopback: a translator edits, breaks and fixes a
/// page while the preview is open.
/// One test at a time: each starts a server that builds and watches, and together they
/// would crowd the machine for the suites that time what they do.
@Suite("The preview server", .serialized)
struct PreviewServerTests {
    @Test func servesTheBuiltPagesWithTheReloadScriptAddedOnlyInTheResponse() async throws {
        let preview = try await RunningPreview(project: RunningPreview.project())
        defer { Task { await preview.stop() } }

        let page = try await preview.get("/fr/plaintes/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("<h1>Plaintes</h1>") || page.body.contains(">Plaintes<"))
        #expect(page.body.contains("<script src=\"/_helpsite/reload.js\" data-generation=\"1\"></script>\n</body>"))
        let onDisk = try String(contentsOfFile: preview.output + "/fr/plaintes/index.html", encoding: .utf8)
        #expect(!onDisk.contains("_helpsite"), "the reload script must never be written into the built files")

        let script = try await preview.get("/_helpsite/reload.js")
        #expect(script.status == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body.contains("new EventSource(\"/_helpsite/events\")"))

        let style = try await preview.get("/style.css")
        #expect(style.status == 200)
        #expect(style.headers["content-type"] == "text/css; charset=utf-8")
        #expect(style.body == (try String(contentsOfFile: preview.output + "/style.css", encoding: .utf8)))

        let home = try await preview.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("href=\"fr/\""))

        // Without its slash, a page's relative links (../../style.css) would resolve one level too high.
        let bare = try await preview.get("/fr/plaintes")
        #expect(bare.status == 301)
        #expect(bare.headers["location"] == "/fr/plaintes/")

        let head = try await preview.get("/fr/plaintes/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(try await preview.get("/fr/plaintes/", method: "POST").status == 405)
    }

    @Test func aNewLanguageShowsItsUntranslatedTextOutlinedOnlyInThePreview() async throws {
        let project = try RunningPreview.project()
        let (site, problems) = SiteLoader.load(contentDirectory: project.path + "/content")
        let loaded = try #require(site, "\(problems)")
        try LanguageScaffold.write(LanguageScaffold.plan(loaded, contentDirectory: project.path + "/content", code: "de", name: "Deutsch"))
        let preview = try await RunningPreview(project: project)
        defer { Task { await preview.stop() } }

        let page = try await preview.get("/de/klachten/")
        #expect(page.status == 200)
        #expect(page.body.contains("class=\"untranslated\" lang=\"nl\""))
        let french = try await preview.get("/fr/plaintes/")
        #expect(!french.body.contains("class=\"untranslated\""), "translated text is not outlined")
    }

    @Test func anEditIsServedABreakShowsTheProblemsAndAFixBringsThePageBack() async throws {
        let preview = try await RunningPreview(project: RunningPreview.project())
        defer { Task { await preview.stop() } }
        let events = try await EventStreamReader(port: preview.port)
        let first = try await events.waitFor { _ in true }
        let page = "content/fr/complaints.yaml"
        let original = try preview.project.read(page)

        // The translator rewords the introduction.
        try preview.project.write(original.replacingOccurrences(of: "Pas satisfait ? Dites-le-nous.", with: "Mécontent ? Écrivez-nous."), to: page)
        let edited = try await preview.eventually("/fr/plaintes/") { $0.body.contains("Écrivez-nous.") }
        #expect(edited.status == 200)
        #expect(edited.body.contains("Écrivez-nous."))
        #expect(!edited.body.contains("Dites-le-nous"))
        // The open page hears of the build, and a page served after that carries its generation.
        let afterEdit = try await events.waitFor { $0 > first }
        #expect(try await preview.get("/fr/plaintes/").body.contains("data-generation=\"\(afterEdit)\""))

        // A slip: a misspelt key. Every page shows the problem, with its place, until it is fixed.
        try preview.project.write(original.replacing("        address:", with: "        adress:", maxReplacements: 1), to: page)
        let broken = try await preview.eventually("/fr/plaintes/") { $0.status == 500 }
        #expect(broken.status == 500)
        #expect(broken.headers["content-type"] == "text/html; charset=utf-8")
        #expect(broken.body.contains("The site cannot be built: 1 error, 0 warnings"))
        #expect(broken.body.contains("<code>\(preview.project.path)/content/fr/complaints.yaml:19:11</code>"))
        #expect(broken.body.contains("unknown key &#39;adress&#39; in a contact block; did you mean &#39;address&#39;?"))
        #expect(broken.body.contains("<script src=\"/_helpsite/reload.js\""), "the error page reloads itself once fixed")
        #expect(try await preview.get("/nl/klachten/").status == 500)
        // What is not a page still comes from the last good build.
        #expect(try await preview.get("/style.css").status == 200)
        let afterBreak = try await events.waitFor { $0 > afterEdit }

        try preview.project.write(original, to: page)
        let fixed = try await preview.eventually("/fr/plaintes/") { $0.status == 200 }
        #expect(fixed.status == 200)
        #expect(fixed.body.contains("Dites-le-nous."))
        #expect(try await events.waitFor { $0 > afterBreak } > afterBreak)
    }

    @Test func aSiteBrokenFromTheStartIsServedAsItsProblems() async throws {
        let project = try RunningPreview.project()
        let page = try project.read("content/nl/complaints.yaml")
        try project.write(page.replacing("phone: 02 555 12 34", with: "phone: 02 555 12", maxReplacements: 1), to: "content/nl/complaints.yaml")
        let preview = try await RunningPreview(project: project)
        defer { Task { await preview.stop() } }

        let shown = try await preview.get("/nl/klachten/")
        #expect(shown.status == 500)
        #expect(shown.body.contains("content/nl/complaints.yaml:"))
        #expect(shown.body.contains("phone number &#39;02 555 12&#39; is not valid"))
        #expect(!FileManager.default.fileExists(atPath: preview.output), "nothing is built from broken content")

        try project.write(page, to: "content/nl/complaints.yaml")
        let fixed = try await preview.eventually("/nl/klachten/") { $0.status == 200 }
        #expect(fixed.status == 200)
        #expect(fixed.body.contains("tel:+3225551234"))
    }

    @Test func climbingOutOfTheOutputFolderIsRefused() async throws {
        let preview = try await RunningPreview(project: RunningPreview.project())
        defer { Task { await preview.stop() } }
        // The preview folder sits in the project, beside content/: one or two levels up is the content.
        try preview.project.write("secret: do not serve\n", to: "preview-secret.yaml")
        let attempts = [
            "/../content/site.yaml",
            "/%2e%2e/content/site.yaml",
            "/%2E%2E/%2e%2e/content/site.yaml",
            "/fr/../../content/site.yaml",
            "/fr/%2e%2e/%2e%2e/content/site.yaml",
            "/..%2fcontent%2fsite.yaml",
            "/fr/.%2e/.%2e/content/site.yaml",
            "/fr/%2e/plaintes/",
            "/%ZZ/content/site.yaml",
        ]
        for target in attempts {
            let answer = try await preview.get(target)
            #expect(answer.status == 400, "\(target) answered \(answer.status)")
            #expect(answer.body.hasPrefix("Refused: "), "\(target)")
            #expect(!answer.body.contains("phone_region"), "\(target) leaked site.yaml")
            #expect(!answer.body.contains("secret"), "\(target) leaked a file beside the preview")
        }
    }

    @Test func aSymbolicLinkLeadingOutOfTheOutputFolderIsRefused() async throws {
        let preview = try await RunningPreview(project: RunningPreview.project())
        defer { Task { await preview.stop() } }
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: preview.output + "/site.yaml", withDestinationPath: preview.project.path + "/content/site.yaml")
        try fileManager.createSymbolicLink(atPath: preview.output + "/project", withDestinationPath: preview.project.path)
        try fileManager.createSymbolicLink(atPath: preview.output + "/fr/up", withDestinationPath: "../..")
        // A link that stays inside is served: only leaving the folder is refused.
        try fileManager.createSymbolicLink(atPath: preview.output + "/main.css", withDestinationPath: "style.css")

        for target in ["/site.yaml", "/project/content/site.yaml", "/project/", "/fr/up/content/site.yaml"] {
            let answer = try await preview.get(target)
            #expect(answer.status == 400, "\(target) answered \(answer.status)")
            #expect(!answer.body.contains("phone_region"), "\(target) leaked site.yaml")
        }
        let inside = try await preview.get("/main.css")
        #expect(inside.status == 200)
        #expect(inside.headers["content-type"] == "text/css; charset=utf-8")
    }

    @Test func anUnknownAddressGetsTheSitesNotFoundPageInItsLanguage() async throws {
        let preview = try await RunningPreview(project: RunningPreview.project())
        defer { Task { await preview.stop() } }

        let french = try await preview.get("/fr/tarifs/")
        #expect(french.status == 404)
        #expect(french.headers["content-type"] == "text/html; charset=utf-8")
        #expect(french.body.contains("<html lang=\"fr\""))
        #expect(french.body.contains("<script src=\"/_helpsite/reload.js\""))

        let anywhere = try await preview.get("/nergens.html")
        #expect(anywhere.status == 404)
        #expect(anywhere.body.contains("<html lang=\"nl\""), "the reference language's 404 page")

        // A language's folder is its home page.
        let home = try await preview.get("/nl/")
        #expect(home.status == 200 && home.body.contains("<a href=\"../nl/klachten/\">"))
        // A folder with no index.html is not listed.
        try FileManager.default.createDirectory(atPath: preview.output + "/nl/klachten/bijlagen", withIntermediateDirectories: false)
        let folder = try await preview.get("/nl/klachten/bijlagen/")
        #expect(folder.status == 404)
        #expect(!folder.body.contains("bijlagen"))
    }

    @Test func ctrlCStopsTheServerCleanlyEvenWithAPageOpen() async throws {
        let project = try RunningPreview.project()
        let process = Process()
        process.executableURL = HelpsiteRunner.executable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = project.url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let lines = LineReader(output.fileHandleForReading)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let serving = try await lines.waitFor { $0.hasPrefix("Serving the preview at http://127.0.0.1:") }
        #expect(lines.text.hasPrefix("Built 2 pages in 2 languages (nl, fr) into .helpsite-cache/preview/ in "))
        let port = try #require(URLComponents(string: String(serving.split(separator: " ")[4]))?.port)
        #expect(try await LoopbackClient.get("/nl/klachten/", port: port).status == 200)
        #expect(FileManager.default.fileExists(atPath: project.path + "/.helpsite-cache/preview/nl/klachten/index.html"))
        #expect(!FileManager.default.fileExists(atPath: project.path + "/public"), "serve never writes public/")
        // The build's record sits in the cache folder the preview is in, not in one of its own inside it.
        #expect(FileManager.default.fileExists(atPath: project.path + "/.helpsite-cache/build-preview.txt"))

        // An open page keeps its event stream open; Ctrl-C must not wait for it forever.
        let events = try await EventStreamReader(port: port)
        _ = try await events.waitFor { _ in true }
        kill(process.processIdentifier, SIGINT)
        #expect(try await events.waitForEnd(), "the event stream is closed on shutdown")
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(process.terminationReason == .exit)
        _ = try await lines.waitFor { $0 == "Stopped." }
        #expect(lines.text.contains("Stopping...\nStopped.\n"))
    }

    @Test func aBadPortIsAUsageErrorAndHelpTeachesWithExamples() throws {
        let project = try RunningPreview.project()
        let run = try HelpsiteRunner().helpsite("serve", "--port", "70000", in: project.path)
        #expect(run.status == 2)
        #expect(run.errors.contains("--port must be between 0 and 65535, not 70000"))
        let help = try HelpsiteRunner().helpsite("serve", "--help", in: project.path)
        #expect(help.status == 0)
        #expect(help.output.contains("helpsite serve --port 0                 any free port; the address is printed"))
        #expect(help.output.contains("--output <dir>"))
    }

    @Test func aPortInUseExitsOneAndSaysSo() async throws {
        let preview = try await RunningPreview(project: RunningPreview.project())
        defer { Task { await preview.stop() } }
        // Waited for off Swift's concurrency threads, which the server in this process needs.
        let (port, folder) = (preview.port, preview.project.path)
        let run = try await LoopbackClient.onThread { try HelpsiteRunner().helpsite("serve", "--port", "\(port)", in: folder) }
        #expect(run.status == 1)
        #expect(run.errors.contains("error: cannot serve on 127.0.0.1:\(preview.port): "))
        #expect(run.errors.contains("Address already in use"))
        #expect(!run.output.contains("Stopping"), "nothing was serving, so nothing stops")
    }
}

/// The lines a child process writes, collected as they come.
final class LineReader: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = ""

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            self?.append(String(decoding: data, as: UTF8.self))
        }
    }

    var text: String { lock.withLock { collected } }

    private func append(_ more: String) {
        lock.withLock { collected += more }
    }

    /// The first complete line `predicate` accepts, waiting up to a minute for it.
    func waitFor(_ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            if let line = lines.first(where: predicate) { return line }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LoopbackClient.Failure(description: "no such line within a minute; the output was: \(text)")
    }
}
