import Foundation
import Testing
import HelpSiteTestSupport

/// `helpsite` as a user runs it: exit codes, output, and what it leaves on disk.
@Suite("The helpsite command")
struct CommandLineTests {
    func helpsite(_ arguments: String..., in folder: String, executable: String? = nil) throws -> HelpsiteRunner.Run {
        try HelpsiteRunner().helpsite(arguments, in: folder, executable: executable)
    }

    func helpsite(_ arguments: [String], in folder: String, executable: String? = nil) throws -> HelpsiteRunner.Run {
        try HelpsiteRunner().helpsite(arguments, in: folder, executable: executable)
    }

    func project() throws -> TemporaryFolder { try HelpsiteRunner().project() }

    /// The runner itself: a child that writes more to standard error than a pipe holds,
    /// before it writes its output, must not hang the test.
    @Test func aChildThatFillsStandardErrorFirstDoesNotHang() throws {
        let folder = try TemporaryFolder()
        let run = try helpsite(["-c", "head -c 100000 /dev/zero | tr '\\0' x >&2; echo done"], in: folder.path, executable: "/bin/sh")
        #expect(run.status == 0)
        #expect(run.output == "done\n")
        #expect(run.errors.utf8.count == 100_000)
    }

    @Test func buildWithNoArgumentsPublishesAndSaysWhat() throws {
        let folder = try project()
        let run = try helpsite("build", in: folder.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Built 2 pages in 2 languages (nl, fr) into public/ in "))
        // The first build records the addresses it published, and says so.
        #expect(run.output.hasSuffix(" ms\nAdded 2 addresses to content/published.txt: fr/plaintes/, nl/klachten/\n"))
        #expect(try folder.read("content/published.txt").hasSuffix("\nfr/plaintes/ complaints\nnl/klachten/ complaints\n"))
        #expect(try folder.read("public/fr/plaintes/index.html").contains("<a class=\"channel-value\" href=\"tel:+3225551234\" aria-label=\"0 2, 5 5 5, 1 2, 3 4\">02 555 12 34</a>"))
    }

    @Test func contentErrorsExitOneAndLeavePublicUntouched() throws {
        let folder = try project()
        #expect(try helpsite("build", in: folder.path).status == 0)
        let before = try folder.read("public/nl/klachten/index.html")
        let page = try folder.read("content/fr/complaints.yaml")
        let slips = page.replacing("        address:", with: "        adress:", maxReplacements: 1)
            .replacing("phone: 02 555 12 34", with: "phone: 02 555 12", maxReplacements: 1)
        try folder.write(slips, to: "content/fr/complaints.yaml")
        let run = try helpsite("build", in: folder.path)
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errors == """
            complaints:
            content/fr/complaints.yaml:19:11: error: unknown key 'adress' in a contact block; did you mean 'address'?
            content/fr/complaints.yaml:31:22: error: phone number '02 555 12' is not valid: a +32 number has 8 digits after the country code, this one has 6

            2 errors, 0 warnings: build failed (public/ left unchanged)

            """)
        #expect(try folder.read("public/nl/klachten/index.html") == before)
    }

    @Test func aCheckErrorStopsTheBuildToo() throws {
        let folder = try project()
        let page = try folder.read("content/fr/complaints.yaml")
        try folder.write(page.replacingOccurrences(of: "phone: 02 555 12 34", with: "phone: 02 555 12 35"), to: "content/fr/complaints.yaml")
        let run = try helpsite("build", in: folder.path)
        #expect(run.status == 1)
        #expect(run.errors.contains("content/fr/complaints.yaml:31:22: error: phone +3225551235 differs from nl +3225551234 (content/nl/complaints.yaml:30:22)"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/public"))
    }

    @Test func checkSaysAllIsWellAndWritesNothing() throws {
        let folder = try project()
        let run = try helpsite("check", in: folder.path)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("0 errors, 0 warnings: all facts agree (1 page in 2 languages, "))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/public"))
    }

    @Test func checkFindingsInEachFormat() throws {
        let folder = try project()
        let page = try folder.read("content/fr/complaints.yaml")
        try folder.write(page.replacingOccurrences(of: "phone: 02 555 12 34", with: "phone: 02 555 12 35"), to: "content/fr/complaints.yaml")

        let text = try helpsite("check", in: folder.path)
        #expect(text.status == 1)
        #expect(text.errors.hasPrefix("complaints:\ncontent/fr/complaints.yaml:31:22: error: phone +3225551235 differs from nl +3225551234"))
        #expect(text.errors.contains("\n\n1 error, 0 warnings: checked (1 page in 2 languages, "))

        let json = try helpsite("check", "--format", "json", in: folder.path)
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect(document["errors"] as? Int == 1)
        let finding = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(finding["code"] as? String == "fact.differs")
        #expect(finding["file"] as? String == "content/fr/complaints.yaml")
        #expect(finding["line"] as? Int == 31 && finding["column"] as? Int == 22)
        let related = try #require((finding["related"] as? [[String: Any]])?.first)
        #expect(related["file"] as? String == "content/nl/complaints.yaml" && related["line"] as? Int == 30)

        let github = try helpsite("check", "--format", "github", in: folder.path)
        #expect(github.output.hasPrefix("::error file=content/fr/complaints.yaml,line=31,col=22,title=fact.differs::phone +3225551235 differs from nl +3225551234 (content/nl/complaints.yaml:30:22)\n"))
    }

    @Test func aBrokenTemplateIsReportedWithItsPlace() throws {
        let folder = try project()
        try folder.write("<p>{{#sections}}{{title}}\n{{/stap}}</p>\n", to: "templates/procedure.mustache")
        let run = try helpsite("build", in: folder.path)
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("procedure.mustache:\ntemplates/procedure.mustache:2:"))
        #expect(run.errors.contains("error: template does not parse"))
    }

    @Test func usageErrorsExitTwo() throws {
        let folder = try project()
        let unknown = try helpsite("build", "--frobnicate", in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("Unknown option '--frobnicate'"))
        #expect(try helpsite("publish", in: folder.path).status == 2)
    }

    @Test func helpTeachesWithAnExample() throws {
        let folder = try project()
        let run = try helpsite("build", "--help", in: folder.path)
        #expect(run.status == 0)
        #expect(run.output.contains("helpsite build --content ../bank/content --output /srv/www/help"))
        #expect(run.output.contains("--output <dir>"))
        let top = try helpsite("--help", in: folder.path)
        #expect(top.output.contains("Exit status: 0 success, 1 problems in the content or the build, 2 wrong usage."))
    }

    /// The inode of a published file: a kept file keeps it (hard-linked), a rendered one gets a new one.
    func inode(_ folder: TemporaryFolder, _ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/" + path)
        return try #require(attributes[.systemFileNumber] as? UInt64)
    }

    @Test func aSecondBuildWithNothingChangedDoesNothing() throws {
        let folder = try project()
        #expect(try helpsite("build", in: folder.path).status == 0)
        let before = try inode(folder, "public/nl/klachten/index.html")
        let again = try helpsite("build", in: folder.path)
        #expect(again.status == 0)
        #expect(again.output.hasPrefix("public/ is up to date: no content or template file changed ("))
        #expect(try inode(folder, "public/nl/klachten/index.html") == before)
    }

    @Test func aChangedPageIsRenderedAgainInEveryLanguageAndNothingElse() throws {
        let folder = try project()
        // A second page, so that there is something to keep.
        for language in ["nl", "fr"] {
            let page = try folder.read("content/\(language)/complaints.yaml")
            try folder.write(page.replacingOccurrences(of: "slug: ", with: "slug: tweede-"), to: "content/\(language)/second.yaml")
        }
        #expect(try helpsite("build", in: folder.path).status == 0)
        let kept = try ["nl/tweede-klachten/index.html", "fr/tweede-plaintes/index.html"].map { try inode(folder, "public/" + $0) }
        let changed = try ["nl/klachten/index.html", "fr/plaintes/index.html"].map { try inode(folder, "public/" + $0) }

        let french = try folder.read("content/fr/complaints.yaml")
        try folder.write(french.replacingOccurrences(of: "title: Plaintes", with: "title: Réclamations"), to: "content/fr/complaints.yaml")
        let run = try helpsite("build", in: folder.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("(2 unchanged, kept)"))
        #expect(try ["nl/tweede-klachten/index.html", "fr/tweede-plaintes/index.html"].map { try inode(folder, "public/" + $0) } == kept)
        let now = try ["nl/klachten/index.html", "fr/plaintes/index.html"].map { try inode(folder, "public/" + $0) }
        #expect(now[0] != changed[0] && now[1] != changed[1], "a page is rendered again when any of its translations changes (slugs feed the switcher and alternates)")
        #expect(try folder.read("public/fr/plaintes/index.html").contains("<h1>Réclamations</h1>"))

        // And the kept site is exactly what a build from nothing makes.
        let cold = try helpsite("build", "--force", "--output", "cold", in: folder.path)
        #expect(cold.status == 0)
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/public") {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.path + "/public/" + path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue else { continue }
            #expect(FileManager.default.contents(atPath: folder.path + "/public/" + path)
                == FileManager.default.contents(atPath: folder.path + "/cold/" + path), "\(path)")
        }
    }

    func snapshot(_ folder: String) throws -> [String: Data] { try HelpsiteRunner().snapshot(folder) }

    /// A build stopped part-way — killed outright, or asked to stop — leaves the previous site
    /// exactly as it was, and the next build removes what the stopped one left behind.
    @Test(arguments: [SIGKILL, SIGTERM, SIGINT])
    func aBuildStoppedPartWayLeavesThePreviousSite(_ signal: Int32) throws {
        let folder = try project()
        #expect(try helpsite("build", in: folder.path).status == 0)
        let before = try snapshot(folder.path + "/public")
        // Enough pages that rendering takes a while: the same page under 400 ids, in both languages.
        for language in ["nl", "fr"] {
            let page = try folder.read("content/\(language)/complaints.yaml")
            for number in 1...400 {
                try folder.write(page.replacingOccurrences(of: "slug: ", with: "slug: p\(number)-"), to: "content/\(language)/p\(number).yaml")
            }
        }
        let process = Process()
        process.executableURL = HelpsiteRunner.executable
        process.arguments = ["build"]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the new site is being written, then stop the build.
        let staging = folder.path + "/.public.helpsite-staging-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: staging + "/nl"), process.isRunning, Date() < deadline {
            usleep(2_000)
        }
        #expect(process.isRunning, "the build finished before it could be stopped; give it more pages")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try snapshot(folder.path + "/public") == before)

        let next = try helpsite("build", in: folder.path)
        #expect(next.status == 0, "\(next.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("staging") }.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/public/fr/p400-plaintes/index.html"))
    }
}
