import Foundation
import Testing
@testable import HelpSiteCore

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
    @Test func pagesAreKeptOnlyFromTheSameHelpsiteAndOnlyWhileTheirFilesExist() throws {
        let root = try TemporaryFolder()
        try root.write("<p>kept</p>", to: "public/nl/klachten/index.html")
        let stamp = BuildManifest.Stamp(size: 100, modified: 1)
        let manifest = BuildManifest(inputs: ["bin/helpsite": stamp],
                                     pages: ["nl/klachten/index.html": "aa", "fr/plaintes/index.html": "bb"], outputs: [])
        let output = root.path + "/public"
        #expect(manifest.reusablePages(in: output, generator: "bin/helpsite", now: ["bin/helpsite": stamp])
            == ["nl/klachten/index.html": "aa"])
        let rebuilt = BuildManifest.Stamp(size: 100, modified: 2)
        #expect(manifest.reusablePages(in: output, generator: "bin/helpsite", now: ["bin/helpsite": rebuilt]).isEmpty)
        #expect(manifest.reusablePages(in: output, generator: nil, now: ["bin/helpsite": stamp]).isEmpty)
    }
}
