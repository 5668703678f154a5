import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSitePublish
@testable import HelpSitePipeline

@Suite("Publishing replaces the output folder all at once")
struct PublishTests {
    func file(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: Data(text.utf8))
    }

    func listing(_ folder: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
    }

    @Test func aNewSiteReplacesTheOldOneExactly() throws {
        let root = try TemporaryFolder()
        let output = root.path + "/public"
        try SiteWriter.publish([file("index.html", "one"), file("nl/oud/index.html", "old page")], to: output)
        try SiteWriter.publish([file("index.html", "two"), file("nl/klachten/index.html", "new page")], to: output)
        #expect(try listing(output) == ["index.html", "nl", "nl/klachten", "nl/klachten/index.html"])
        #expect(try root.read("public/index.html") == "two")
        #expect(try listing(root.path) == ["public"] + (try listing(output)).map { "public/" + $0 }, "no staging folder left")
    }

    /// A flush started while pages are still being written: what comes after it is published
    /// too, and a site abandoned meanwhile leaves the output as it was.
    @Test func aFlushStartedEarlyLosesNothingWrittenAfterIt() throws {
        let root = try TemporaryFolder()
        let output = root.path + "/public"
        let staged = try StagedSite(replacing: output)
        try staged.write(file("nl/klachten/index.html", "before"))
        staged.startFlushing()
        try staged.write(file("nl/index.html", "after"))
        try staged.commit()
        #expect(try listing(output) == ["nl", "nl/index.html", "nl/klachten", "nl/klachten/index.html"])
        #expect(try root.read("public/nl/index.html") == "after")

        let abandoned = try StagedSite(replacing: output)
        try abandoned.write(file("fr/index.html", "not published"))
        abandoned.startFlushing()
        abandoned.abandon()
        #expect(try listing(output) == ["nl", "nl/index.html", "nl/klachten", "nl/klachten/index.html"])
        #expect(try listing(root.path) == ["public"] + (try listing(output)).map { "public/" + $0 }, "no staging folder left")
    }

    /// Many workers writing into the same new folders at once: the one that claimed a folder
    /// may still be making it when another's write fails for want of it; that write makes the
    /// folder too and succeeds, whether or not the folder exists by the time it looks.
    @Test func workersWritingIntoAFolderAnotherIsStillMakingAllSucceed() throws {
        let root = try TemporaryFolder()
        for round in 0..<20 {
            let staged = try StagedSite(replacing: root.path + "/public-\(round)")
            let failed = Failures()
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for folder in 0..<40 {
                    do { try staged.write(file("search/nl/p\(folder)/\(worker).json", "\(worker)")) } catch {
                        failed.add("\(error)")
                    }
                }
            }
            #expect(failed.all.isEmpty, "round \(round)")
            try staged.commit()
            #expect(try listing(root.path + "/public-\(round)").filter { $0.hasSuffix(".json") }.count == 320)
        }
    }

    /// The build's workers each write the pages they render into one staging folder
    /// (run under `swift test --sanitize=thread` too): what they publish is what one
    /// worker publishes, file for file.
    @Test func pagesWrittenBySeveralWorkersAtOnceAreThePagesOneWorkerWrites() throws {
        let project = try TemporaryFolder()
        try project.overlay(URL(fileURLWithPath: Project.content), at: "content")
        for index in 1...24 {
            for code in ["nl", "fr", "en"] {
                let page = try project.read("content/\(code)/complaints.yaml")
                let slug = page.split(separator: "\n").first { $0.hasPrefix("slug: ") }!.dropFirst("slug: ".count)
                try project.write(page.replacingOccurrences(of: "slug: \(slug)\n", with: "slug: \(slug)-\(index)\n"),
                                  to: "content/\(code)/page-\(index).yaml")
            }
        }
        var listings: [[String]] = []
        var contents: [[Data]] = []
        for workers in [1, 4] {
            let output = project.path + "/public-\(workers)"
            let pipeline = Pipeline(content: project.path + "/content", templates: Project.templates, output: output, force: true,
                                    generator: nil, workers: workers)
            guard case .built = try pipeline.build() else { Issue.record("the build failed"); return }
            let files = try listing(output).filter { !$0.hasSuffix("/") && FileManager.default.contents(atPath: output + "/" + $0) != nil }
            listings.append(files)
            contents.append(files.map { FileManager.default.contents(atPath: output + "/" + $0)! })
        }
        #expect(listings[0].count > 75)
        #expect(listings[0] == listings[1])
        #expect(contents[0] == contents[1])
    }

    @Test func aWriteThatFailsLeavesThePreviousSiteAsItWas() throws {
        let root = try TemporaryFolder()
        let output = root.path + "/public"
        try SiteWriter.publish([file("index.html", "good"), file("nl/klachten/index.html", "page")], to: output)
        // A file where a folder must go: the second write cannot succeed.
        let impossible = [file("index.html", "bad"), file("nl", "a file"), file("nl/klachten/index.html", "x")]
        #expect(throws: (any Error).self) { try SiteWriter.publish(impossible, to: output) }
        #expect(try root.read("public/index.html") == "good")
        #expect(try root.read("public/nl/klachten/index.html") == "page")
        #expect(try listing(root.path).filter { !$0.hasPrefix("public") }.isEmpty, "the staging folder is removed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func aKilledBuildsLeftoversAreRemovedByTheNextOne() throws {
        let root = try TemporaryFolder()
        // What a build killed part-way leaves: its staging folder, named with a process id that no longer runs.
        try root.write("half", to: ".public.helpsite-staging-999999999/index.html")
        try SiteWriter.publish([file("index.html", "whole")], to: root.path + "/public")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func theOutputMayNotHoldTheSources() throws {
        let root = try TemporaryFolder()
        try root.write("name: x", to: "content/site.yaml")
        #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter.publish([file("index.html", "x")], to: root.path, protecting: [root.path + "/content"])
        }
        #expect(throws: SiteWriter.Failure.self) {
            try SiteWriter.publish([file("index.html", "x")], to: root.path + "/content", protecting: [root.path + "/content"])
        }
        #expect(try root.read("content/site.yaml") == "name: x")
    }
}

@Suite("What a build may keep from the previous one")
struct BuildManifestTests {
    /// A build with nothing to do is told from the record's first lines and its outputs' paths.
    @Test func aRecordTellsABuildWithNothingToDo() throws {
        let folder = try TemporaryFolder()
        try folder.write("<p>Klachten</p>", to: "public/nl/klachten/index.html")
        try folder.write("{}", to: "public/search/nl/p/0.json")
        let output = folder.path + "/public"
        let record = OutputRecord(fingerprint: "9f86d081884c7d65", identity: FileIdentity(inode: 1, size: 2, modified: 3))
        let inputs = ["content/nl/klachten.yaml": BuildManifest.Stamp(size: 10, modified: 1_700_000_000.5),
                      "templates/procedure.mustache": BuildManifest.Stamp(size: 20, modified: 1_700_000_001)]
        var manifest = BuildManifest(inputs: inputs, outputs: ["nl/klachten/index.html": record, "search/nl/p/0.json": record],
                                     retained: [:])
        manifest.folder = BuildManifest.absolute(output)
        let data = manifest.data
        #expect(BuildManifest.isUpToDate(data, output: output, inputs: inputs))
        var touched = inputs
        touched["content/nl/klachten.yaml"]?.modified += 1
        #expect(!BuildManifest.isUpToDate(data, output: output, inputs: touched), "an input changed")
        touched = inputs
        touched["content/nl/faq.yaml"] = BuildManifest.Stamp(size: 1, modified: 1)
        #expect(!BuildManifest.isUpToDate(data, output: output, inputs: touched), "an input added")
        #expect(!BuildManifest.isUpToDate(data, output: folder.path + "/other/public", inputs: inputs), "another output folder")
        #expect(!BuildManifest.isUpToDate(data.dropLast(), output: output, inputs: inputs), "a record cut short")
        try FileManager.default.removeItem(atPath: output + "/search/nl/p/0.json")
        #expect(!BuildManifest.isUpToDate(data, output: output, inputs: inputs), "an output file gone")
    }

    @Test func theRecordReadsBackAsItWasWritten() throws {
        let record = OutputRecord(fingerprint: "9f86d081884c7d65", identity: FileIdentity(inode: 42, size: 1_234, modified: 1_700_000_000_123_456_789))
        let file = "content/nl/klachten.yaml"
        let summary = PageSummary(id: "klachten", file: file, slug: Located("klachten\tbis", at: SourceLocation(file: file, line: 1, column: 7)),
                                  title: Located("Klachten: \\ \"wat\"\n€ 5", at: SourceLocation(file: file, line: 2, column: 8)),
                                  fingerprint: Fingerprint(value: .max))
        let stamps = ["content/nl/klachten.yaml": BuildManifest.Stamp(size: 10, modified: 1_700_000_000.123456789),
                      "content/nl/tab\there.yaml": BuildManifest.Stamp(size: 0, modified: -0.5)]
        var edited = record
        edited.identity.modified += 1
        // The replaced site as written: none, empty, sharing a file, and with a file of its own and another version of one.
        for retained in [nil, [:], ["nl/klachten/index.html": record],
                         ["nl/klachten/index.html": edited, "nl/a\\b/index.html": record, "nl/weg/index.html": record]] as [[String: OutputRecord]?] {
            let manifest = BuildManifest(inputs: stamps, outputs: ["nl/klachten/index.html": record, "nl/a\\b/index.html": record],
                                         retained: retained, summaries: ["content/nl/klachten.yaml": summary])
            #expect(BuildManifest(data: manifest.data) == manifest)
        }
        // A file the replaced site shares with the new one is written once.
        let shared = BuildManifest(inputs: stamps, outputs: ["nl/klachten/index.html": record], retained: ["nl/klachten/index.html": record])
        #expect(String(decoding: shared.data, as: UTF8.self).components(separatedBy: "nl/klachten/index.html").count == 2)
        let data = BuildManifest(inputs: stamps, outputs: [:]).data
        let text = String(decoding: data, as: UTF8.self)
        #expect(BuildManifest(data: data.dropLast()) == nil, "a record cut short is not read")
        #expect(BuildManifest(data: data.dropLast("end\n".count)) == nil, "even at the end of a line")
        #expect(BuildManifest(data: Data(text.replacingOccurrences(of: "record \(BuildManifest.version)", with: "record \(BuildManifest.version - 1)").utf8)) == nil, "nor one of another version")
    }

    @Test func filesAreKeptOnlyFromTheSameHelpsite() throws {
        let stamp = BuildManifest.Stamp(size: 100, modified: 1)
        let record = OutputRecord(fingerprint: "aa", identity: FileIdentity(inode: 1, size: 1, modified: 1))
        let manifest = BuildManifest(inputs: ["bin/helpsite": stamp], outputs: ["nl/klachten/index.html": record])
        #expect(manifest.madeBy("bin/helpsite", now: ["bin/helpsite": stamp]))
        let rebuilt = BuildManifest.Stamp(size: 100, modified: 2)
        #expect(!manifest.madeBy("bin/helpsite", now: ["bin/helpsite": rebuilt]))
        #expect(!manifest.madeBy(nil, now: ["bin/helpsite": stamp]))
    }
}

/// What workers running at once failed with.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []
    func add(_ failure: String) { lock.withLock { failures.append(failure) } }
    var all: [String] { lock.withLock { failures } }
}
