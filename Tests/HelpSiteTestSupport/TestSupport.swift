import Foundation
import HelpSiteModel
import HelpSiteContent
import HelpSiteCheck
import HelpSiteRender
import HelpSitePublish
import HelpSiteLinks
import HelpSiteOnlineLinks
import HelpSiteTranslation
import HelpSitePipeline
import Testing

/// Where the tests' files are, found from this file rather than the working directory.
package enum Project {
    package static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    package static let fixtures = tests.appendingPathComponent("Fixtures")
    package static let repository = tests.deletingLastPathComponent()
    package static let content = repository.appendingPathComponent("content").path
    package static let templates = repository.appendingPathComponent("templates").path
    package static let published = repository.appendingPathComponent("public").path
}

/// A folder of its own for one test, removed when the test is done.
package final class TemporaryFolder {
    package let url: URL
    package var path: String { url.path }

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("helpsite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    package func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    package func write(_ data: Data, to relative: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
    }

    package func read(_ relative: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Copies a folder's contents into this one, over what is there.
    package func overlay(_ source: URL, at relative: String = "") throws {
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: source.path) else { return }
        while let item = enumerator.nextObject() as? String {
            let from = source.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            fileManager.fileExists(atPath: from.path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue else { continue }
            try write(try Data(contentsOf: from), to: relative.isEmpty ? item : relative + "/" + item)
        }
    }
}

/// A site made of the base fixture with one scenario's files laid over it:
/// the scenario holds only what the translator changed.
package struct Scenario {
    package let name: String
    package let folder: TemporaryFolder

    /// The folder of Fixtures the scenario is in: `invalid` (loading) or `check` (across languages).
    package let group: String

    package init(_ name: String, in group: String = "invalid") throws {
        self.name = name
        self.group = group
        folder = try TemporaryFolder()
        try folder.overlay(Project.fixtures.appendingPathComponent("base"))
        let scenario = Project.fixtures.appendingPathComponent("\(group)/\(name)")
        try folder.overlay(scenario.appendingPathComponent("content"), at: "content")
        if let removals = try? String(contentsOf: scenario.appendingPathComponent("remove.txt"), encoding: .utf8) {
            for line in removals.split(separator: "\n") {
                try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/\(line)"))
            }
        }
    }

    package var content: String { folder.path + "/content" }

    /// The diagnostics as a translator sees them, with paths from the site's folder.
    package func diagnostics(checking: Bool = false) -> [String] {
        let (site, problems) = SiteLoader.load(contentDirectory: content)
        var diagnostics = problems
        if checking, let site { diagnostics.append(contentsOf: SiteChecker.check(site)) }
        return diagnostics.sorted
            .map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
            .flatMap { $0.split(separator: "\n").map(String.init) }
    }

    /// The checker's findings as values, for asserting their code and related places.
    package func findings() throws -> [Diagnostic] {
        let site = try #require(SiteLoader.load(contentDirectory: content).site)
        return SiteChecker.check(site).sorted
    }

    package var expected: URL { Project.fixtures.appendingPathComponent("\(group)/\(name)/expected.txt") }

    /// Compares with expected.txt; HELPSITE_RECORD=1 rewrites it (then read the diff).
    package func expectDiagnostics(checking: Bool) throws {
        let actual = diagnostics(checking: checking)
        if ProcessInfo.processInfo.environment["HELPSITE_RECORD"] == "1" {
            try (actual.map { $0 + "\n" }.joined()).write(to: expected, atomically: true, encoding: .utf8)
        }
        let wanted = try String(contentsOf: expected, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(actual == wanted)
    }
}
