import Foundation
import Testing
import HelpSiteTestSupport

/// A real build through the `helpsite` binary that cannot write: its output folder may not
/// be changed, its file system is read-only or full, or a file size limit stops it. Each
/// time the build says which path it could not write and exits 1, the previous site is
/// left byte for byte as it was, no staging folder is left behind, and the next build
/// that can write succeeds.
///
/// The tests run as root (here and in CI), and root writes through permission bits, so
/// they use what stops root: the immutable attribute (`chattr +i`, on ext4, xfs or btrfs),
/// a small tmpfs (`mount -t tmpfs`, which needs CAP_SYS_ADMIN) and a file size limit
/// (`prlimit --fsize`). When one is missing the test fails and says what it needs.
@Suite("A build that cannot write", .needs(.root))
struct FailedWriteTests {
    let cli = HelpsiteRunner()

    /// Runs a system tool the test depends on; a failure names the tool and what it needs.
    @discardableResult
    func system(_ arguments: [String], needs: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: HelpsiteRunner.readToEnd(errors), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "`\(arguments.joined(separator: " "))` failed (\(message.trimmingCharacters(in: .whitespacesAndNewlines))): this test needs \(needs)")
        }
        return message
    }

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The folder's entries whose names say they are a build's staging folder.
    func stagingLeft(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("helpsite-staging") }
    }

    /// Each language's page under 400 more ids: a site far larger than the first.
    func addPages(to folder: TemporaryFolder) throws {
        for language in ["nl", "fr"] {
            let page = try folder.read("content/\(language)/complaints.yaml")
            for number in 1...400 {
                try folder.write(page.replacingOccurrences(of: "slug: ", with: "slug: p\(number)-"), to: "content/\(language)/p\(number).yaml")
            }
        }
    }

    func removePages(from folder: TemporaryFolder) throws {
        for language in ["nl", "fr"] {
            for number in 1...400 { try FileManager.default.removeItem(atPath: folder.path + "/content/\(language)/p\(number).yaml") }
        }
    }

    @Test func anOutputFolderThatMayNotChange() throws {
        let folder = try cli.project()
        #expect(try cli.helpsite("build", in: folder.path).status == 0)
        let before = try cli.snapshot(folder.path + "/public")
        let public_ = folder.path + "/public"
        try system(["chattr", "+i", public_], needs: "root with CAP_LINUX_IMMUTABLE, on a file system with attributes (ext4, xfs, btrfs)")
        defer { _ = try? system(["chattr", "-i", public_], needs: "chattr") }

        let run = try cli.helpsite("build", "--force", in: folder.path)
        #expect(run.status == 1)
        #expect(run.errors == "error: cannot replace \(public_) with the new site: Operation not permitted; public/ left unchanged\n")
        #expect(run.output.isEmpty)
        #expect(try cli.snapshot(public_) == before)
        #expect(try stagingLeft(in: folder.path).isEmpty)

        try system(["chattr", "-i", public_], needs: "chattr")
        let next = try cli.helpsite("build", "--force", in: folder.path)
        #expect(next.status == 0, "\(next.errors)")
        #expect(try stagingLeft(in: folder.path).isEmpty)
    }

    /// A small tmpfs at `disk` in the test's folder, removed when `body` is done.
    func withSmallDisk(_ size: String, in folder: TemporaryFolder, _ body: (String) throws -> Void) throws {
        let disk = folder.path + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try system(["mount", "-t", "tmpfs", "-o", "size=\(size)", "helpsite-test", disk], needs: "root with CAP_SYS_ADMIN to mount a tmpfs")
        defer { _ = try? system(["umount", disk], needs: "umount") }
        try body(disk)
    }

    @Test func aReadOnlyFileSystem() throws {
        let folder = try cli.project()
        try withSmallDisk("4m", in: folder) { disk in
            #expect(try cli.helpsite("build", "--output", "disk/public", in: folder.path).status == 0)
            let before = try cli.snapshot(disk + "/public")
            try system(["mount", "-o", "remount,ro", disk], needs: "root with CAP_SYS_ADMIN to remount a tmpfs read-only")

            let run = try cli.helpsite("build", "--force", "--output", "disk/public", in: folder.path)
            #expect(run.status == 1)
            #expect(run.errors.hasPrefix("error: cannot create the staging folder \(disk)/.public.helpsite-staging-"), "\(run.errors)")
            #expect(run.errors.hasSuffix(": Read-only file system; disk/public/ left unchanged\n"), "\(run.errors)")
            #expect(try cli.snapshot(disk + "/public") == before)

            try system(["mount", "-o", "remount,rw", disk], needs: "root with CAP_SYS_ADMIN to remount a tmpfs")
            let next = try cli.helpsite("build", "--force", "--output", "disk/public", in: folder.path)
            #expect(next.status == 0, "\(next.errors)")
            #expect(try stagingLeft(in: disk).isEmpty)
        }
    }

    @Test func aFullDisk() throws {
        let folder = try cli.project()
        // Room for the small site twice (the published one and the next), not for 800 more pages.
        try withSmallDisk("1m", in: folder) { disk in
            #expect(try cli.helpsite("build", "--output", "disk/public", in: folder.path).status == 0)
            let before = try cli.snapshot(disk + "/public")
            try addPages(to: folder)

            let run = try cli.helpsite("build", "--output", "disk/public", in: folder.path)
            #expect(run.status == 1)
            #expect(run.errors.hasPrefix("error: cannot write \(disk)/.public.helpsite-staging-"), "\(run.errors)")
            #expect(run.errors.hasSuffix(": No space left on device; disk/public/ left unchanged\n"), "\(run.errors)")
            #expect(try cli.snapshot(disk + "/public") == before)
            #expect(try stagingLeft(in: disk).isEmpty, "the failed build removes what it wrote, so the disk is not left full")

            try removePages(from: folder)
            let next = try cli.helpsite("build", "--force", "--output", "disk/public", in: folder.path)
            #expect(next.status == 0, "\(next.errors)")
            #expect(try stagingLeft(in: disk).isEmpty)
        }
    }

    @Test func aFileSizeLimit() throws {
        let folder = try cli.project()
        #expect(try cli.helpsite("build", in: folder.path).status == 0)
        let before = try cli.snapshot(folder.path + "/public")
        // Smaller than a page: the first page written passes the limit. Unless helpsite ignores
        // SIGXFSZ, the signal kills it there without a word.
        let largest = before.values.map(\.count).max() ?? 0
        #expect(largest > 4096, "the limit must be smaller than the largest page (\(largest) bytes)")
        let run = try cli.helpsite("--fsize=4096", HelpsiteRunner.executable.path, "build", "--force", in: folder.path,
                                   executable: "/usr/bin/prlimit")
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.errors.hasPrefix("error: cannot write \(folder.path)/.public.helpsite-staging-"), "\(run.errors)")
        #expect(run.errors.hasSuffix(": File too large; public/ left unchanged\n"), "\(run.errors)")
        #expect(try cli.snapshot(folder.path + "/public") == before)
        #expect(try stagingLeft(in: folder.path).isEmpty)

        let next = try cli.helpsite("build", "--force", in: folder.path)
        #expect(next.status == 0, "\(next.errors)")
        #expect(try stagingLeft(in: folder.path).isEmpty)
    }

    /// A build that starts from the site the last build replaced (`.helpsite-cache/previous-public`)
    /// and fails part-way: the published site is as it was, and the replaced site, partly
    /// changed, is gone rather than trusted. The next build is exactly a build from nothing.
    @Test func aBuildStartedFromTheReplacedSite() throws {
        let folder = try cli.project()
        let retitle = { (title: String) in
            let page = try folder.read("content/fr/complaints.yaml")
            let old = page.split(separator: "\n").first { $0.hasPrefix("title: ") }!
            try folder.write(page.replacingOccurrences(of: old + "\n", with: "title: \(title)\n"), to: "content/fr/complaints.yaml")
        }
        #expect(try cli.helpsite("build", in: folder.path).status == 0)
        try retitle("Réclamations")
        #expect(try cli.helpsite("build", in: folder.path).status == 0)
        let replaced = folder.path + "/.helpsite-cache/previous-public"
        #expect(FileManager.default.fileExists(atPath: replaced))
        let before = try cli.snapshot(folder.path + "/public")

        try retitle("Plaintes et réclamations")
        let run = try cli.helpsite("--fsize=4096", HelpsiteRunner.executable.path, "build", in: folder.path,
                                   executable: "/usr/bin/prlimit")
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.errors.hasSuffix(": File too large; public/ left unchanged\n"), "\(run.errors)")
        #expect(try cli.snapshot(folder.path + "/public") == before)
        #expect(try stagingLeft(in: folder.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: replaced))

        #expect(try cli.helpsite("build", in: folder.path).status == 0)
        #expect(try cli.helpsite("build", "--force", "--output", "cold", in: folder.path).status == 0)
        #expect(try cli.snapshot(folder.path + "/public") == cli.snapshot(folder.path + "/cold"))
    }
}
