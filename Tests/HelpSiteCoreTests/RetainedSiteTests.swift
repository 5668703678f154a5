import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel
@testable import HelpSitePipeline

/// A build starts from the site the previous build replaced (`.helpsite-cache/previous-public`):
/// whatever that site holds, the output is exactly a build from nothing, and files that did
/// not change are neither written nor linked again.
@Suite("Starting a build from the replaced site")
struct RetainedSiteTests {
    /// The base site with `pages` more pages in both languages, and a stand-in helpsite
    /// executable (its stamp decides whether recorded fingerprints may be trusted).
    func project(pages: Int = 6) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.overlay(Project.fixtures.appendingPathComponent("base"))
        for number in 1...pages { try addPage(number, to: folder) }
        try folder.write("helpsite", to: "bin/helpsite")
        return folder
    }

    func addPage(_ number: Int, to folder: TemporaryFolder) throws {
        for language in ["nl", "fr"] {
            let page = try folder.read("content/\(language)/complaints.yaml")
            try folder.write(page.replacingOccurrences(of: "slug: ", with: "slug: p\(number)-"), to: "content/\(language)/p\(number).yaml")
        }
    }

    func removePage(_ number: Int, from folder: TemporaryFolder) throws {
        for language in ["nl", "fr"] { try FileManager.default.removeItem(atPath: folder.path + "/content/\(language)/p\(number).yaml") }
    }

    /// Changes the French title of page `number`: that page's file in every language changes
    /// (titles feed the language switcher), and so do the home and 404 pages.
    func retitle(_ number: Int, in folder: TemporaryFolder, to title: String) throws {
        let path = "content/fr/p\(number).yaml"
        let page = try folder.read(path)
        let old = try #require(page.split(separator: "\n").first { $0.hasPrefix("title: ") })
        try folder.write(page.replacingOccurrences(of: old + "\n", with: "title: \(title)\n"), to: path)
    }

    @discardableResult
    func build(_ folder: TemporaryFolder, into output: String = "public", force: Bool = false) throws -> Pipeline.Summary {
        let build = Pipeline(content: folder.path + "/content", templates: Project.templates, output: folder.path + "/" + output,
                              force: force, generator: folder.path + "/bin/helpsite")
        guard case .built(let summary) = try build.build() else {
            Issue.record("the build did not publish")
            throw CancellationError()
        }
        return summary
    }

    /// Every entry under `folder`: a file with its bytes, a folder as `nil`. Empty folders count.
    func tree(_ folder: String) throws -> [String: Data?] {
        var entries: [String: Data?] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            entries[path] = isFolder.boolValue ? .some(nil) : FileManager.default.contents(atPath: folder + "/" + path)
        }
        return entries
    }

    /// The output is what a build from nothing of the same content makes, entry for entry.
    func expectSameAsColdBuild(_ folder: TemporaryFolder, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try build(folder, into: "cold-\(UUID().uuidString)", force: true)
        let cold = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("cold-") }!
        let built = try tree(folder.path + "/public"), expected = try tree(folder.path + "/" + cold)
        #expect(built.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (path, contents) in expected where built[path] != contents {
            Issue.record("\(path) differs from a build from nothing", sourceLocation: sourceLocation)
        }
        try FileManager.default.removeItem(atPath: folder.path + "/" + cold)
    }

    /// Inode number and modification time: a folder keeps both unless an entry in it was
    /// created or removed; a file keeps both unless it was replaced or written.
    func identity(_ path: String) throws -> [Int] {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }

    var retained: String { "/.helpsite-cache/previous-public" }

    @Test func aOnePageChangeTouchesOnlyThatPagesFilesAndIsWhatABuildFromNothingMakes() throws {
        let folder = try project()
        try build(folder)
        let unchanged = ["nl/p2-klachten", "fr/p2-plaintes", "nl/p6-klachten", "fr/p6-plaintes"]
        let identities = { try unchanged.map { try identity(folder.path + "/public/" + $0) + identity(folder.path + "/public/" + $0 + "/index.html") } }
        let before = try identities()
        try retitle(1, in: folder, to: "Eerste")
        try build(folder)
        #expect(FileManager.default.fileExists(atPath: folder.path + retained), "the replaced site is kept")
        let changedBefore = try identity(folder.path + "/public/nl/p1-klachten/index.html")

        // This build starts from the retained site: the first build's folders.
        try retitle(1, in: folder, to: "Tweede")
        let summary = try build(folder)
        #expect(summary.kept == 12, "12 of 14 pages are not rendered again")
        #expect(try identities() == before, "an unchanged page's folder and file are not touched: same inodes, same times")
        #expect(try identity(folder.path + "/public/nl/p1-klachten/index.html") != changedBefore)
        #expect(try folder.read("public/fr/p1-plaintes/index.html").contains("<h1>Tweede</h1>"))
        try expectSameAsColdBuild(folder)

        // And once more, from the second build's site.
        try retitle(2, in: folder, to: "Derde")
        #expect(try build(folder).kept == 12)
        try expectSameAsColdBuild(folder)
    }

    @Test func aRemovedPageDisappearsWithItsFolderAndAnAddedOneAppears() throws {
        let folder = try project()
        try build(folder)
        try retitle(1, in: folder, to: "Eerste")
        try build(folder)

        try removePage(3, from: folder)
        try addPage(7, to: folder)
        try build(folder)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/public/nl/p3-klachten"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/public/fr/p7-plaintes/index.html"))
        try expectSameAsColdBuild(folder)

        // The retained site still has page 3 and not page 7: the next build removes and adds again.
        try retitle(2, in: folder, to: "Tweede")
        try build(folder)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/public/nl/p3-klachten"))
        try expectSameAsColdBuild(folder)
    }

    @Test func aTamperedRetainedSiteStillGivesExactlyTheRightSite() throws {
        let folder = try project()
        try build(folder)
        try retitle(1, in: folder, to: "Eerste")
        try build(folder)
        let kept = folder.path + retained
        // A file deleted, files added (at the top, in a page's folder, a whole folder), a file
        // edited in place and a file replaced by another of the same size.
        try FileManager.default.removeItem(atPath: kept + "/nl/p4-klachten/index.html")
        try folder.write("stray", to: retained.dropFirst() + "/extra.html")
        try folder.write("stray", to: retained.dropFirst() + "/fr/p5-plaintes/extra.html")
        try folder.write("stray", to: retained.dropFirst() + "/de/index.html")
        let edited = try FileHandle(forUpdating: URL(fileURLWithPath: kept + "/fr/p6-plaintes/index.html"))
        try edited.seekToEnd()
        try edited.write(contentsOf: Data("<!-- edited -->".utf8))
        try edited.close()
        let replaced = kept + "/nl/p6-klachten/index.html"
        let size = try #require(FileManager.default.contents(atPath: replaced)).count
        try FileManager.default.removeItem(atPath: replaced)
        try Data(repeating: UInt8(ascii: "x"), count: size).write(to: URL(fileURLWithPath: replaced))

        try retitle(2, in: folder, to: "Tweede")
        try build(folder)
        try expectSameAsColdBuild(folder)
    }

    @Test func aBuildKilledWhileReconcilingIsRecoveredFrom() throws {
        let folder = try project()
        try build(folder)
        try retitle(1, in: folder, to: "Eerste")
        try build(folder)
        // What a build killed part-way through the reconcile leaves: the retained site renamed
        // to its staging folder (under a process id that no longer runs), partly changed.
        let staging = folder.path + "/.public.helpsite-staging-999999999"
        try FileManager.default.moveItem(atPath: folder.path + retained, toPath: staging)
        try FileManager.default.removeItem(atPath: staging + "/nl/p2-klachten/index.html")
        try folder.write("half", to: ".public.helpsite-staging-999999999/fr/p1-plaintes/index.html")

        try retitle(1, in: folder, to: "Tweede")
        try build(folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("staging") }.isEmpty)
        try expectSameAsColdBuild(folder)
        // The build after that starts from a retained site again.
        #expect(FileManager.default.fileExists(atPath: folder.path + retained))
        try retitle(2, in: folder, to: "Derde")
        #expect(try build(folder).kept == 12)
        try expectSameAsColdBuild(folder)
    }

    @Test func aForcedBuildOrAnotherHelpsiteStartsFromNothing() throws {
        let folder = try project()
        try build(folder)
        try retitle(1, in: folder, to: "Eerste")
        try build(folder)
        let page = folder.path + "/public/nl/p2-klachten/index.html"
        let before = try identity(page)

        try retitle(1, in: folder, to: "Tweede")
        #expect(try build(folder, force: true).kept == 0)
        #expect(try identity(page) != before, "every page is written anew")
        #expect(!FileManager.default.fileExists(atPath: folder.path + retained), "a forced build keeps no record, so no site")
        try expectSameAsColdBuild(folder)

        try retitle(1, in: folder, to: "Derde")
        try build(folder)
        try folder.write("a newer helpsite", to: "bin/helpsite")
        try retitle(1, in: folder, to: "Vierde")
        #expect(try build(folder).kept == 0, "fingerprints recorded by another helpsite are not trusted")
        try expectSameAsColdBuild(folder)
    }

    /// The preview builds into `.helpsite-cache/preview` through the same build: its
    /// replaced site is kept beside it there.
    @Test func thePreviewKeepsItsReplacedSiteInTheCacheFolder() throws {
        let folder = try project()
        let preview = ".helpsite-cache/preview"
        try build(folder, into: preview)
        try retitle(1, in: folder, to: "Eerste")
        try build(folder, into: preview)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.helpsite-cache/previous-preview"))
        try retitle(1, in: folder, to: "Tweede")
        #expect(try build(folder, into: preview).kept == 12)
        #expect(try folder.read(preview + "/fr/p1-plaintes/index.html").contains("<h1>Tweede</h1>"))
    }

    /// The output folder is often inside a web root: nothing of the build's own may land beside
    /// it. Two outputs of one name, built in turn from one project, keep records of their own.
    @Test func nothingIsKeptBesideTheOutputAndTwoOutputsOfOneNameAreNotConfused() throws {
        let folder = try project()
        try build(folder, into: "www-a/public")
        try build(folder, into: "www-b/public")
        try retitle(1, in: folder, to: "Eerste")
        try build(folder, into: "www-a/public")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/www-a") == ["public"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/www-b") == ["public"])
        // The record of www-a/public is not taken for www-b/public's: www-b is built, not "up to date".
        let summary = try build(folder, into: "www-b/public")
        #expect(summary.pages == 14, "7 pages in 2 languages, all built")
        #expect(try folder.read("www-b/public/fr/p1-plaintes/index.html").contains("<h1>Eerste</h1>"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.helpsite-cache/build-public.txt"))
    }
}
