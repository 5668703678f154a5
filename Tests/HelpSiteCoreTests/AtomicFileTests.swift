import Foundation
@testable import HelpSiteModel
import Testing
import HelpSiteTestSupport

/// The content files that commands rewrite are replaced whole or not at all.
@Suite("Writing a content file")
struct AtomicFileTests {
    @Test("replaces the file and keeps its permissions")
    func replaces() throws {
        let folder = try TemporaryFolder()
        try folder.write("title: Klachten\n", to: "nl/complaints.yaml")
        let path = folder.path + "/nl/complaints.yaml"
        chmod(path, 0o640)

        try AtomicFile.write("title: Klachtenprocedure\n", to: path)

        #expect(try folder.read("nl/complaints.yaml") == "title: Klachtenprocedure\n")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/nl") == ["complaints.yaml"])
    }

    @Test("removes what a killed write left behind")
    func removesLeftovers() throws {
        let folder = try TemporaryFolder()
        try folder.write("half", to: "fr/.complaints.yaml.k3x9.helpsite-tmp")
        try AtomicFile.write("title: Plaintes\n", to: folder.path + "/fr/complaints.yaml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/fr") == ["complaints.yaml"])
    }

    @Test("a write that cannot happen throws and leaves nothing")
    func failsCleanly() throws {
        let folder = try TemporaryFolder()
        #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.write("x", to: folder.path + "/missing-folder/complaints.yaml")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
