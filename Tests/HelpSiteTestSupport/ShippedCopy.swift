import Foundation
import Testing
import HelpSiteModel
import HelpSiteContent
import HelpSiteTranslation

/// A copy of the shipped site (content with its `.sources.yaml` files, and templates)
/// that a test may change.
package struct ShippedCopy {
    package let folder: TemporaryFolder

    package init() throws {
        folder = try TemporaryFolder()
        try folder.overlay(URL(fileURLWithPath: Project.content), at: "content")
        try folder.overlay(URL(fileURLWithPath: Project.templates), at: "templates")
    }

    package var content: String { folder.path + "/content" }

    /// Replaces `old` by `new` once in a content file; the test fails if `old` is not there.
    package func edit(_ file: String, _ old: String, _ new: String) throws {
        let text = try folder.read("content/" + file)
        #expect(text.contains(old), "\(file) has no '\(old)'")
        try folder.write(text.replacing(old, with: new, maxReplacements: 1), to: "content/" + file)
    }

    package func site() throws -> Site {
        let (site, problems) = SiteLoader.load(contentDirectory: content)
        #expect(problems.isEmpty, "\(problems.sorted)")
        return try #require(site)
    }

    package func report(_ languages: [String] = []) throws -> StatusReport {
        TranslationStatus.report(try site(), languages: languages)
    }

    /// Every field that is not current, as `language part key state`, facts not localised left out.
    package func open(_ languages: [String] = []) throws -> [String] {
        try report(languages).languages.flatMap { language in
            language.parts.flatMap { part in
                part.fields.filter { $0.state != .current }.map { "\(language.language) \(part.part) \($0.key) \($0.state.rawValue)" }
            }
        }
    }

    /// The 1-based line of the first line of a file that contains `text`.
    package func line(of text: String, in file: String) throws -> Int {
        let lines = try folder.read("content/" + file).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }
}

extension TemporaryFolder {
    /// The `base` fixture with 40 more pages in nl and fr (`p00` … `p39`, each the complaints
    /// page under a slug and title of its own), so that the first and the last are in
    /// different groups of a build, and a stand-in for the helpsite executable (`bin/helpsite`).
    package static func fortyPageSite() throws -> TemporaryFolder {
        let site = try TemporaryFolder()
        try site.overlay(Project.fixtures.appendingPathComponent("base"))
        for (code, slug, title) in [("nl", "klachten", "Klachten"), ("fr", "plaintes", "Plaintes")] {
            let page = try site.read("content/\(code)/complaints.yaml")
            for index in 0..<40 {
                let name = String(format: "p%02d", index)
                try site.write(page.replacingOccurrences(of: "slug: \(slug)\ntitle: \(title)", with: "slug: \(slug)-\(name)\ntitle: \(title) \(name)"),
                               to: "content/\(code)/\(name).yaml")
            }
        }
        try site.write("helpsite 1", to: "bin/helpsite")
        return site
    }

    /// Every file under `folder` (not the folders), with its bytes, by its path there.
    package static func files(under folder: String) throws -> [String: Data] {
        let paths = FileManager.default.subpaths(atPath: folder) ?? []
        return try Dictionary(uniqueKeysWithValues: paths.compactMap { relative in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
            return isFolder.boolValue ? nil : (relative, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative)))
        })
    }
}
