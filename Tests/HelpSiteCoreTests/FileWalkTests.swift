import Foundation
import Testing
import HelpSiteTestSupport
@testable import HelpSiteModel

@Suite("The folder walker")
struct FileWalkTests {
    /// A built site in small: a page per language folder, a static file, links of each kind.
    func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for path in ["index.html", "style.css", "nl/klachten/index.html", "fr/plaintes/index.html", "fr/.hidden", "en/complaints/index.html"] {
            try folder.write("x", to: "public/" + path)
        }
        let root = folder.path + "/public"
        try FileManager.default.createSymbolicLink(atPath: root + "/home.html", withDestinationPath: "index.html")
        try FileManager.default.createSymbolicLink(atPath: root + "/nl/plaintes", withDestinationPath: "../fr/plaintes")
        try FileManager.default.createSymbolicLink(atPath: root + "/en/nowhere.html", withDestinationPath: "missing.html")
        try FileManager.default.createDirectory(atPath: root + "/en/empty", withIntermediateDirectories: false)
        return folder
    }

    @Test("tree: every file and folder, links followed to what they name, a link to nothing left out")
    func tree() throws {
        let folder = try site()
        let tree = try #require(FileWalk.tree(under: folder.path + "/public"))
        #expect(Set(tree.files) == ["index.html", "home.html", "style.css", "nl/klachten/index.html", "nl/plaintes/index.html",
                                    "fr/plaintes/index.html", "fr/.hidden", "en/complaints/index.html"])
        #expect(tree.files.count == 8)
        #expect(Set(tree.folders) == ["nl", "fr", "en", "nl/klachten", "nl/plaintes", "fr/plaintes", "en/complaints", "en/empty"])
        #expect(tree.folders.count == 8)
        #expect(tree.unreadable.isEmpty)
        #expect(FileWalk.tree(under: folder.path + "/missing") == nil)
        #expect(FileWalk.tree(under: folder.path + "/public/index.html") == nil)
    }

    @Test("names: one folder's names in order, without . and ..; none for a folder that is not there")
    func names() throws {
        let folder = try site()
        #expect(FileWalk.names(in: folder.path + "/public") == ["en", "fr", "home.html", "index.html", "nl", "style.css"])
        #expect(FileWalk.names(in: folder.path + "/public/en/empty").isEmpty)
        #expect(FileWalk.names(in: folder.path + "/missing").isEmpty)
    }

    @Test("entries: depth first, in order, links not followed")
    func entries() throws {
        let folder = try site()
        let entries = FileWalk.entries(under: folder.path + "/public/nl")
        #expect(entries.map(\.relative) == ["klachten", "klachten/index.html", "plaintes"])
        #expect(entries.map(\.kind) == [S_IFDIR, S_IFREG, S_IFLNK])
    }

    @Test("tree: a folder that cannot be opened is named, listed as a folder, and the walk goes on past it",
          .enabled(if: getuid() != 0, "root opens a folder whatever its mode"))
    func unreadableFolder() throws {
        let folder = try site()
        let root = folder.path + "/public"
        try folder.write("x", to: "public/fr/zz/index.html")
        try folder.write("x", to: "public/fr/aa/index.html")
        chmod(root + "/fr/plaintes", 0)
        defer { chmod(root + "/fr/plaintes", 0o755) }
        let tree = try #require(FileWalk.tree(under: root))
        // nl/plaintes is a link to it, followed as the link check follows links.
        #expect(tree.unreadable == ["fr/plaintes", "nl/plaintes"])
        #expect(tree.folders.contains("fr/plaintes"))
        #expect(tree.files.contains("fr/zz/index.html") && tree.files.contains("fr/aa/index.html"))
        #expect(!tree.files.contains("fr/plaintes/index.html"))
    }
}
